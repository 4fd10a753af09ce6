# ubuntu-18.04_netstat-sudo-lnp-space.txt: real `sudo netstat -lnp` (jc
# project fixture, 51 lines): program names with blanks ("600/sshd:
# /usr/sbin", "1187/pgpool: watchd", "1204/pgpool: heartb"), tcp6 wildcard
# ":::22", udp rows without a state, a raw6 row and 21 unix rows.  The file
# is two runs pasted together without a second header (lines 22-28): one
# snapshot.
#
# Expected figures, counted in the text with awk (below) and checked against
# jc's .jc.json (25 entries: tcp LISTEN 11, tcp6 LISTEN 6, udp 8 without a
# state; program names as in the text, trailing blanks dropped): 25 sockets,
# 22 skipped (raw6 1 + unix 21), no issue, no owner (no -e).
cp "$CORPUS/ubuntu-18.04_netstat-sudo-lnp-space.txt" .
"$PORTSIFT" ingest --db "$CASE" ubuntu-18.04_netstat-sudo-lnp-space.txt
echo "exit $?"

echo "-- rows by first word in the text:"
awk '{ n[$1]++ } END { for (k in n) print k, n[k] }' \
    ubuntu-18.04_netstat-sudo-lnp-space.txt | sort
echo "-- format, skipped, rejected, snapshots:"
sqlite3 "$CASE" "SELECT format, sockets_skipped, lines_rejected,
	(SELECT count(*) FROM snapshot) FROM capture"
echo "-- by proto, family, state:"
sqlite3 "$CASE" "SELECT proto, family, state, count(*) FROM socket
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
echo "-- program names with a blank, and owners:"
sqlite3 "$CASE" "SELECT pid, process, count(*) FROM sockets
	WHERE process LIKE '% %' GROUP BY 1, 2 ORDER BY 1"
sqlite3 "$CASE" "SELECT count(owner) FROM socket"
echo "-- the PID/Program column in the text, for the names with a blank:"
awk '$1 ~ /^(tcp|udp)/ && $NF !~ /^[0-9]+\// { print $(NF - 1), $NF }' \
    ubuntu-18.04_netstat-sudo-lnp-space.txt | sort | uniq -c

# Line 5:  tcp 0.0.0.0:22 0.0.0.0:* LISTEN 600/sshd: /usr/sbin
# Line 12: tcp6 :::22 :::* LISTEN 600/sshd: /usr/sbin
# Line 17: udp 0.0.0.0:37300 0.0.0.0:* (no state) 1204/pgpool: heartb
echo "-- rows at lines 5, 12, 17:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	state, state_raw, pid, process FROM sockets WHERE line IN (5, 12, 17)
	ORDER BY line"
