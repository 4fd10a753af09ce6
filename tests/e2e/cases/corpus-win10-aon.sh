# windows-10_netstat-aon.txt: real `netstat -aon` from Windows 10 (jc project
# fixture, CRLF, 212 lines): a PID on every line, no images.
#
# Checked against the text (awk below) and jc's .jc.json: 208 entries, UDP
# 137 (124 IPv4, 13 IPv6), TCP LISTENING 39, ESTABLISHED 32.  45 distinct
# PIDs in the text.  Held dynamic ports (TCP, not listening, local port in
# 49152-65535): only 127.0.0.1:49673 and :49674 (lines 50 and 51, PID
# 4260); 11 TCP listeners have a local port in that range.
cp "$CORPUS/windows-10_netstat-aon.txt" .
"$PORTSIFT" ingest --db "$CASE" windows-10_netstat-aon.txt
echo "exit $?"

echo "-- socket lines in the text:"
tr -d '\r' < windows-10_netstat-aon.txt | awk '$1 == "TCP" || $1 == "UDP"' | wc -l
echo "-- in the case:"
sqlite3 "$CASE" "SELECT count(*) FROM socket"
echo "-- by proto, family:"
sqlite3 "$CASE" "SELECT proto, family, count(*) FROM socket GROUP BY 1, 2"
echo "-- by state:"
sqlite3 "$CASE" "SELECT state, count(*) FROM socket GROUP BY 1 ORDER BY 1"
echo "-- processes (distinct PIDs), and how many have an image (-o has none):"
sqlite3 "$CASE" "SELECT count(*), count(image) FROM process"

# Line 5:   TCP 0.0.0.0:135 0.0.0.0:0 LISTENING 1712
# Line 20:  TCP 127.0.0.1:1320 127.0.0.1:1321 ESTABLISHED 28104
# Line 212: UDP [fe80::f5d1:8bf7:c410:e325%64]:52284 *:* 8844
echo "-- rows at lines 5, 20, 212:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lzone, lport, raddr, rport,
	state, state_raw, pid, process
	FROM sockets WHERE line IN (5, 20, 212) ORDER BY line"
echo "-- held dynamic ports:"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport, state, pid
	FROM held ORDER BY line"
sqlite3 "$CASE" "SELECT seq, sockets, ports_held, listeners_in_range, range_lo,
	range_hi, range_source FROM snapshots"
