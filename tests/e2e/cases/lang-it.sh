# Italian `netstat -ano`: "Connessioni attive", states "IN ASCOLTO" (two
# tokens: the PID must not be taken from a fixed column) and STABILITA;
# TIME_WAIT and CLOSE_WAIT stay English.  ASCII, so it decodes as utf-8.
# Same sockets as ano-en.txt.
cp "$FIX/windows/ano-it.txt" .
"$PORTSIFT" ingest --db "$CASE" ano-it.txt
echo "exit $?"
echo "-- capture: format, encoding, size, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, size, lines_read, lines_rejected FROM capture"
echo "-- sha256 is of the bytes as given:"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-it.txt | cut -d' ' -f1)" ] && echo same
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rport, '-'), state, coalesce(state_raw, '-'),
	pid FROM socket ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
