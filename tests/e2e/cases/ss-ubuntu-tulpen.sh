# ubuntu-18.04_ss-sudo-tulpen.txt: real `sudo ss -tulpen` from Ubuntu 18.04
# (jc project fixture): Netid column, users:((...)), -e's uid:N ino:N sk:N,
# zones (127.0.0.53%lo, 0.0.0.0%virbr0), and two apache listeners shared by
# 7 processes each ("/usr/sbin/apach" is the name as ss cuts it).
#
# Expected, found without portsift (awk, grep, python3 on the text), and
# jc's .jc.json as a second opinion (same figures):
# - 73 rows: 58 tcp LISTEN, 15 udp UNCONN; 72 have users:((...)), 70 with
#   one process and 2 (lines 37 and 60) with 7: one socket each, a row per
#   owner in the case: 1 + 70 + 14 = 85 rows, owner_seq up to 7.
# - uid: 19 rows name one (3x 1000, 2x 101, 2x 112, 1x 125, 8x 128, 1x 131,
#   1x 136, 1x 33); ss prints no uid for root, and every row has ino:, so
#   the other 54 sockets are uid 0's.
# - line 2 has no users: (pid NULL); line 8 is 127.0.0.53%lo:53 of
#   systemd-resolve (uid 101); line 9 is 0.0.0.0%virbr0:67 of dnsmasq.
cp "$CORPUS/ubuntu-18.04_ss-sudo-tulpen.txt" .
"$PORTSIFT" ingest --db "$CASE" ubuntu-18.04_ss-sudo-tulpen.txt
echo "exit $?"

echo "-- in the text: rows by netid and state; with users:; pids per row:"
awk 'NR > 1 { n[$1 " " $2]++ } END { for (k in n) print k, n[k] }' \
    ubuntu-18.04_ss-sudo-tulpen.txt | sort
grep -c 'users:' ubuntu-18.04_ss-sudo-tulpen.txt
awk 'NR > 1 { print gsub(/pid=/, "") }' ubuntu-18.04_ss-sudo-tulpen.txt |
    sort -n | uniq -c | awk '{ print $2 " pids: " $1 " rows" }'
echo "-- jc: entries, entries with processes, processes:"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
p = [len(x.get("opts", {}).get("process_id", {})) for x in d]
print(len(d), sum(1 for n in p if n), sum(p))' \
    "$CORPUS/ubuntu-18.04_ss-sudo-tulpen.jc.json"
echo "-- in the case: sockets by proto and state; rows; rows per socket:"
sqlite3 "$CASE" "SELECT proto, state, count(*) FROM sockets
	WHERE owner_seq = 1 GROUP BY 1, 2 ORDER BY 1, 2"
sqlite3 "$CASE" "SELECT count(*), max(owner_seq) FROM socket"
sqlite3 "$CASE" "SELECT line, count(*), group_concat(pid) FROM sockets
	GROUP BY line HAVING count(*) > 1 ORDER BY line"
echo "-- uid in the text, and owner in the case (first owner of each socket):"
grep -o 'uid:[0-9]*' ubuntu-18.04_ss-sudo-tulpen.txt | sort | uniq -c |
    awk '{ sub(/uid:/, "", $2); print $2 " " $1 }'
sqlite3 -separator ' ' "$CASE" "SELECT owner, count(*) FROM socket
	WHERE owner_seq = 1 GROUP BY owner ORDER BY owner"
echo "-- rows at lines 2, 8, 9 and the owners of line 37:"
sqlite3 "$CASE" "SELECT line, owner_seq, proto, laddr, lzone, lport, state,
	pid, process, owner FROM sockets WHERE line IN (2, 8, 9, 37)
	ORDER BY line, owner_seq"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
