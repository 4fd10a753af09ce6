# The same bytes ingested twice are stored once (capture.sha256 is unique).
# Expected: the second ingest says the file is already in the case and adds
# nothing, exit 0 (nothing went wrong); counts unchanged; the same bytes
# under another name are the same capture too.
cp "$FIX/windows/ano-en.txt" "$FIX/windows/ano-it.txt" .
cp ano-en.txt copy-of-ano-en.txt
"$PORTSIFT" ingest --db "$CASE" ano-en.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT (SELECT count(*) FROM capture), (SELECT count(*) FROM snapshot),
	(SELECT count(*) FROM socket)"
"$PORTSIFT" ingest --db "$CASE" ano-en.txt
echo "exit $?"
"$PORTSIFT" ingest --db "$CASE" copy-of-ano-en.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT (SELECT count(*) FROM capture), (SELECT count(*) FROM snapshot),
	(SELECT count(*) FROM socket)"
echo "-- the snapshot numbers stay 1, 2, ... without gaps:"
"$PORTSIFT" ingest -q --db "$CASE" ano-it.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT seq FROM snapshot ORDER BY seq"
