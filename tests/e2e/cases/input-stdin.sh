# "-" reads standard input: `cat f | portsift ingest --db CASE -`.  Expected:
# stored like the file (12 sockets), path "-", messages name "(stdin)", size
# and sha256 of the bytes read; the file itself is then already in the case.
cp "$FIX/windows/ano-utf16le-bom.txt" .
cat ano-utf16le-bom.txt | "$PORTSIFT" ingest --db "$CASE" -
echo "exit $?"
sqlite3 "$CASE" "SELECT path, encoding, size, lines_read FROM capture"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-utf16le-bom.txt | cut -d' ' -f1)" ] && echo "sha256 same"
sqlite3 "$CASE" "SELECT count(*), sum(state = 'TIME_WAIT') FROM socket"
"$PORTSIFT" ingest --db "$CASE" ano-utf16le-bom.txt
echo "exit $?"
