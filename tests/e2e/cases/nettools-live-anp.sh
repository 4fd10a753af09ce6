# live-anp.txt (tests/fixtures/linux-netstat): net-tools `netstat -anp` of
# the loopback scenario (scenario.py): tcp, tcp6 (dual-stack peers shown as
# IPv4), udp with and without a state, udp6, a raw row, a unix row; a
# program name with blanks ("6778/leaky worker 1"); "-" for sockets with no
# owner (TIME_WAIT, FIN_WAIT2, a connection not yet accepted).
#
# Expected figures, counted in the text with awk (state: column 6 for tcp,
# none when a udp row's column 6 is the PID/Program; PID: the "digits/" in
# column 7, or column 6 for a stateless udp row) and the same from jc 1.22.5
# (live-anp.jc.json): 77 sockets, raw + unix skipped (2).  By proto, state
# and PID: tcp ESTABLISHED 6777 20, 6778 20, 6779 3, none 1; CLOSE_WAIT
# 6777 6; FIN_WAIT2 none 6; TIME_WAIT none 5; LISTEN 6777 3; SYN_SENT 6779
# 2; tcp6 ESTABLISHED 6777 4, 6779 2; tcp6 LISTEN 6777 2; udp ESTABLISHED
# 6780 1; udp UNCONN 6780 1; udp6 UNCONN 6780 1.  awk prints only the first
# word of a program name; the name of PID 6778 in the text is
# "leaky worker 1" (jc agrees).
cp "$FIX/linux-netstat/live-anp.txt" .
"$PORTSIFT" ingest --db "$CASE" live-anp.txt
echo "exit $?"

echo "-- proto, state, PID in the text:"
awk '$1 ~ /^(tcp|udp)6?$/ {
	if ($1 ~ /^udp/ && $6 ~ /\//) { st = "-"; pp = $6 } else { st = $6; pp = $7 }
	sub(/\/.*/, "", pp)
	print $1, st, pp
}' live-anp.txt | sort | uniq -c
echo "-- in the case:"
sqlite3 "$CASE" "SELECT CASE family WHEN 6 THEN proto || '6' ELSE proto END,
	coalesce(state_raw, '-'), state, coalesce(pid, '-'), count(*)
	FROM sockets GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4"
echo "-- program names:"
sqlite3 "$CASE" "SELECT pid, process, count(*) FROM sockets
	WHERE pid IS NOT NULL GROUP BY 1, 2 ORDER BY 1"
echo "-- skipped, issues:"
sqlite3 "$CASE" "SELECT sockets_skipped, lines_rejected FROM capture"

# Line 52: tcp 127.0.0.1:47105 127.0.0.1:46668 ESTABLISHED -  (not accepted)
# Line 65: tcp 127.0.0.1:46682 127.0.0.1:47105 SYN_SENT 6779/python3
# Line 70: tcp6 :::47103 :::* LISTEN 6777/python3
# Line 75: tcp6 127.0.0.1:47103 127.0.0.1:45266 ESTABLISHED 6777/python3
# Line 77: udp 127.0.0.1:59032 127.0.0.1:47110 ESTABLISHED 6780/python3
# Line 78: udp 127.0.0.1:47110 0.0.0.0:* (no state) 6780/python3
# Line 79: udp6 ::1:47111 :::* (no state) 6780/python3
echo "-- rows at lines 52, 65, 70, 75, 77, 78, 79:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	state, state_raw, pid, process FROM sockets
	WHERE line IN (52, 65, 70, 75, 77, 78, 79) ORDER BY line"
