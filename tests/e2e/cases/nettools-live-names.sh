# live-tuap-names.txt (tests/fixtures/linux-netstat): net-tools `netstat
# -tuap` (no -n) of the loopback scenario: IPv4 addresses as "localhost"
# (from /etc/hosts), ports as numbers (no service has these), IPv6 and the
# IPv4 peers of a dual-stack socket (tcp6 rows) as numbers, "[::]:*".
#
# Expected figures, counted in the text with awk: 77 sockets; 68 rows name
# "localhost" on one side or both (kept as written, resolved = 0), 9 rows
# are numbers on both sides (8 tcp6, 1 udp6: resolved = 1); jc 1.22.5
# (live-tuap-names.jc.json) reads the same addresses.
cp "$FIX/linux-netstat/live-tuap-names.txt" .
"$PORTSIFT" ingest --db "$CASE" live-tuap-names.txt
echo "exit $?"

echo "-- rows with localhost on either side, and the others, in the text:"
awk '$1 ~ /^(tcp|udp)6?$/ {
	if ($4 ~ /^localhost:/ || $5 ~ /^localhost:/) n++; else o[$1]++
} END { print n; for (k in o) print k, o[k] }' live-tuap-names.txt | sort
echo "-- resolved in the case:"
sqlite3 "$CASE" "SELECT resolved, CASE family WHEN 6 THEN proto || '6'
	ELSE proto END, count(*) FROM sockets GROUP BY 1, 2 ORDER BY 1, 2"
echo "-- local addresses and how many ports are numbers:"
sqlite3 "$CASE" "SELECT laddr, count(*), count(lport), count(lport_name)
	FROM socket GROUP BY 1 ORDER BY 1"

# Line 3:  tcp localhost:47104 0.0.0.0:* LISTEN 6777/python3
# Line 75: tcp6 127.0.0.1:47103 127.0.0.1:45266 ESTABLISHED 6777/python3
# Line 79: udp6 ::1:47111 [::]:* (no state) 6780/python3
echo "-- rows at lines 3, 75, 79:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	resolved, state FROM sockets WHERE line IN (3, 75, 79) ORDER BY line"
