# live-aeep.txt (tests/fixtures/linux-netstat): net-tools `netstat -aeep` of
# the loopback scenario, without -n: host names ("localhost:47101"), the
# User and Inode columns, "6778/leaky worker 1" (a name with blanks, run as
# user nobody), "-" with Inode 0 for sockets without an owner.
#
# Expected figures, counted in the text with awk (the User column: column
# 7, or column 6 for a udp row without a state) and the same from jc 1.22.5
# (live-aeep.jc.json): 77 sockets; owner root 57, nobody 20; the 20 nobody
# sockets are exactly PID 6778's; no Inode (all digits, as 126139) is taken
# for a PID: the PIDs are those of live-anp.txt (6777-6780 and none).
cp "$FIX/linux-netstat/live-aeep.txt" .
"$PORTSIFT" ingest --db "$CASE" live-aeep.txt
echo "exit $?"

echo "-- User column in the text:"
awk '$1 ~ /^(tcp|udp)6?$/ { print ($1 ~ /^udp/ && $8 ~ /\//) ? $6 : $7 }' \
    live-aeep.txt | sort | uniq -c
echo "-- owner and PID in the case:"
sqlite3 "$CASE" "SELECT owner, coalesce(pid, '-'), coalesce(process, '-'),
	count(*) FROM sockets GROUP BY 1, 2, 3 ORDER BY 1, 2"

# Line 12: tcp localhost:57424 localhost:47104 TIME_WAIT root 0 -
# Line 25: tcp localhost:43418 localhost:47101 ESTABLISHED nobody 126139 6778/leaky worker 1
# Line 78: udp localhost:47110 0.0.0.0:* (no state) root 126134 6780/python3
# Line 79: udp6 ::1:47111 [::]:* (no state) root 126136 6780/python3
echo "-- rows at lines 12, 25, 78, 79:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	resolved, state, pid, process, owner FROM sockets
	WHERE line IN (12, 25, 78, 79) ORDER BY line"
