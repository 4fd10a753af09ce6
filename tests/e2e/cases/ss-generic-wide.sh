# generic_ss-wide.txt: real `ss -tuapenO`-style output with process, -e and
# cgroup columns, lines up to ~3,400 characters (jc project fixture): 155
# rows, listeners shared by up to 24 processes (apache2, smtpd), a
# dual-stack listener "*:6556 *:* ... v6only:0", a link-local address with
# its interface "[fe80::9cc5:aeff:fec5:34ae]%eth0:123".
#
# Expected, found without portsift (awk, grep, python3 on the text) and
# jc's .jc.json as a second opinion (155 entries; pids per entry as below):
# - 29 tcp LISTEN, 126 udp UNCONN; by family (a bracketed or "*" local
#   address is IPv6): tcp 21 + 8, udp 120 + 6.
# - pids per row: 140 rows with 1, 6 with 2, 1 with 4, 1 with 5, 1 with 17,
#   6 with 24, never twice the same pid in a row.  One socket per row; a
#   row per owner in the case, at most SOCKET_OWNERS_MAX (16) owners per
#   socket (record.h): 140 + 12 + 4 + 5 + 16 + 6 x 16 = 273 rows; the 7 rows
#   with more than 16 pids keep their first 16 (line 134: pids 4144914 ...
#   323172, the 16th).  jc keeps them all; portsift's limit is by design.
# - uid: 1x 105, 4x 128, the 150 others are root's (every row has ino:).
cp "$CORPUS/generic_ss-wide.txt" .
"$PORTSIFT" ingest --db "$CASE" generic_ss-wide.txt
echo "exit $?"

echo "-- in the text: rows by netid and state, by netid and family:"
awk 'NR > 1 { n[$1 " " $2]++ } END { for (k in n) print k, n[k] }' generic_ss-wide.txt | sort
awk 'NR > 1 { a = $5; sub(/:[^:]*$/, "", a); f = (a ~ /^\[/ || a == "*") ? 6 : 4
	n[$1 " " f]++ } END { for (k in n) print k, n[k] }' generic_ss-wide.txt | sort
echo "-- pids per row, in the text and in jc:"
awk 'NR > 1 { print gsub(/pid=/, "") }' generic_ss-wide.txt | sort -n | uniq -c |
    awk '{ print $2 " pids: " $1 " rows" }'
python3 -c 'import json, sys, collections
d = json.load(open(sys.argv[1]))
c = collections.Counter(len(x.get("opts", {}).get("process_id", {})) for x in d)
print(len(d), sorted(c.items()))' "$CORPUS/generic_ss-wide.jc.json"
echo "-- in the case: sockets by proto, state, family:"
sqlite3 "$CASE" "SELECT proto, state, family, count(*) FROM sockets
	WHERE owner_seq = 1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
echo "-- rows, and rows per socket:"
sqlite3 "$CASE" "SELECT count(*), max(owner_seq) FROM socket"
sqlite3 -separator ' ' "$CASE" "SELECT n, count(*) FROM (SELECT line,
	count(*) AS n FROM socket GROUP BY line) GROUP BY n ORDER BY n"
echo "-- line 134's first and last owners kept:"
sqlite3 "$CASE" "SELECT owner_seq, pid, process FROM sockets
	WHERE line = 134 AND owner_seq IN (1, 2, 16) ORDER BY owner_seq"
echo "-- owner (uid) of each socket:"
sqlite3 -separator ' ' "$CASE" "SELECT owner, count(*) FROM socket
	WHERE owner_seq = 1 GROUP BY owner ORDER BY owner"
echo "-- the dual-stack listener (153) and the link-local socket (125):"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lzone, lport,
	coalesce(raddr, '-'), state, pid, process FROM sockets
	WHERE line IN (125, 153) ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
