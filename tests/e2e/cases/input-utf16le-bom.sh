# A `netstat -ano` saved by PowerShell 5.1 (`netstat -ano > file`): UTF-16LE
# with a BOM (FF FE), CRLF.  The same 16 lines as ano-en.txt (see
# tests/fixtures/windows/README.md): 12 sockets on lines 5-16.  Expected:
# encoding utf-16le+bom, and every row exactly as the English ASCII file
# gives it (ano-en.txt is 1024 bytes; this one is 2 + 2 * 1024).
cp "$FIX/windows/ano-utf16le-bom.txt" .
"$PORTSIFT" ingest --db "$CASE" ano-utf16le-bom.txt
echo "exit $?"
echo "-- capture: format, encoding, size, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, size, lines_read, lines_rejected FROM capture"
echo "-- sha256 is of the bytes as given:"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-utf16le-bom.txt | cut -d' ' -f1)" ] && echo same
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rport, '-'), state, coalesce(state_raw, '-'),
	pid FROM socket ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
