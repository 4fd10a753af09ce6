# The reference fixture: an English `netstat -ano` as cmd.exe saves it
# (ASCII, CRLF), 16 lines, 12 sockets on lines 5-16 (the rows below were
# read off the file by hand):
#   5  TCP 0.0.0.0:135 LISTENING 1712     11 TCP 10.1.1.5:50003 -> 10.0.0.7:1433 TIME_WAIT 0
#   6  TCP 0.0.0.0:445 LISTENING 4        12 TCP 10.1.1.5:50004 -> 10.0.0.20:8080 CLOSE_WAIT 2288
#   7  TCP 0.0.0.0:49664 LISTENING 708    13 TCP [::]:135 LISTENING 1712
#   8  TCP 10.1.1.5:443 -> 10.0.0.10:52114 ESTABLISHED 4
#   9  TCP 10.1.1.5:50001 -> 10.0.0.7:1433 ESTABLISHED 4321
#   10 TCP 10.1.1.5:50002 -> 10.0.0.7:1433 TIME_WAIT 0
#   14 TCP [::1]:50005 -> [::1]:8081 ESTABLISHED 2288
#   15 UDP 0.0.0.0:123 *:* 1400
#   16 UDP [fe80::1c2d:3e4f:5a6b:7c8d%12]:546 *:* 2012
# "0.0.0.0:0", "[::]:0" and "*:*" are no remote end (raddr NULL).
cp "$FIX/windows/ano-en.txt" .
"$PORTSIFT" ingest --db "$CASE" ano-en.txt
echo "exit $?"
echo "-- capture: format, encoding, size, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, size, lines_read, lines_rejected FROM capture"
echo "-- sha256 is of the bytes as given:"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-en.txt | cut -d' ' -f1)" ] && echo same
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rport, '-'), state, coalesce(state_raw, '-'),
	pid FROM socket ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
