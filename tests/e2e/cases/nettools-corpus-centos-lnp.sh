# centos-7.7_netstat-sudo-lnp.txt: real `sudo netstat -lnp` from CentOS 7.7
# (jc project fixture, 45 lines): IPv6 loopback "::1:25" and "::1:323" (the
# last colon splits the port), ":::22", udp6, a raw6 row, 33 unix rows.
#
# Expected figures, counted in the text with awk (below) and checked against
# jc's .jc.json (7 entries: tcp LISTEN 2, tcp6 LISTEN 2, udp 2 and udp6 1
# without a state; master 1469 x2, sshd 1206 x2, chronyd 795 x2, dhclient
# 1939): 7 sockets, 34 skipped (raw6 1 + unix 33), no issue.
cp "$CORPUS/centos-7.7_netstat-sudo-lnp.txt" .
"$PORTSIFT" ingest --db "$CASE" centos-7.7_netstat-sudo-lnp.txt
echo "exit $?"

echo "-- rows by first word in the text:"
awk '{ n[$1]++ } END { for (k in n) print k, n[k] }' \
    centos-7.7_netstat-sudo-lnp.txt | sort
echo "-- format, skipped, rejected:"
sqlite3 "$CASE" "SELECT format, sockets_skipped, lines_rejected FROM capture"
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	state, state_raw, pid, process FROM sockets ORDER BY line"
