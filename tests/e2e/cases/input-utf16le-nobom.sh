# The same UTF-16LE `netstat -ano` without its BOM: detected from the NUL
# bytes of UTF-16 (every other byte of ASCII text is 00).  Expected: encoding
# utf-16le, same rows as ano-en.txt.
cp "$FIX/windows/ano-utf16le-nobom.txt" .
"$PORTSIFT" ingest --db "$CASE" ano-utf16le-nobom.txt
echo "exit $?"
echo "-- capture: format, encoding, size, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, size, lines_read, lines_rejected FROM capture"
echo "-- sha256 is of the bytes as given:"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-utf16le-nobom.txt | cut -d' ' -f1)" ] && echo same
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rport, '-'), state, coalesce(state_raw, '-'),
	pid FROM socket ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
