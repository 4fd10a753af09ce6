# ubuntu-18.04_netstat-sudo-aeep.txt: real `sudo netstat -aeep` from Ubuntu
# 18.04 (jc project fixture, 126 lines): host and service names instead of
# numbers, User and Inode columns, a raw6 row, then 113 unix rows.
#
# Expected figures, counted in the text with awk (below) and checked against
# jc's .jc.json (8 tcp/tcp6/udp entries: tcp LISTEN 3, ESTABLISHED 2, tcp6
# LISTEN 1, udp without a state 2; users root 4, systemd-resolve 2, kbrazil
# 1, systemd-network 1): 8 sockets stored; the raw6 row and the unix rows
# (1 + 113 = 114) are skipped, not issues.  jc writes "[::]" with brackets
# and keeps "0.0.0.0"/"*" as the remote of listeners; the case file has
# "::" and no remote (NULL) there, by design.  The User column is the owner,
# the Inode column is not a PID.
cp "$CORPUS/ubuntu-18.04_netstat-sudo-aeep.txt" .
"$PORTSIFT" ingest --db "$CASE" ubuntu-18.04_netstat-sudo-aeep.txt
echo "exit $?"

echo "-- rows by first word in the text:"
awk '{ n[$1]++ } END { for (k in n) print k, n[k] }' \
    ubuntu-18.04_netstat-sudo-aeep.txt | sort
echo "-- format, skipped, rejected:"
sqlite3 "$CASE" "SELECT format, sockets_skipped, lines_rejected FROM capture"
echo "-- by proto, family, state:"
sqlite3 "$CASE" "SELECT proto, family, state, count(*) FROM socket
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
echo "-- by owner (User column):"
sqlite3 "$CASE" "SELECT owner, count(*) FROM socket GROUP BY 1 ORDER BY 1"
echo "-- by process:"
sqlite3 "$CASE" "SELECT pid, process, count(*) FROM sockets GROUP BY 1, 2
	ORDER BY 1"

# Line 6:  tcp localhost:ssh localhost:33098 ESTABLISHED root 44626 2322/sshd: kbrazil
# Line 8:  tcp6 [::]:ssh [::]:* LISTEN root 30499 1161/sshd
# Line 10: udp kbrazil-ubuntu:bootpc 0.0.0.0:* (no state) systemd-network 43856 874/systemd-network
echo "-- rows at lines 6, 8, 10:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, lport_name, raddr,
	rport, rport_name, resolved, state, state_raw, pid, process, owner
	FROM sockets WHERE line IN (6, 8, 10) ORDER BY line"
