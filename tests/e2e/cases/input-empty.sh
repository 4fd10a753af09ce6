# An empty file (0 bytes).  Expected: exit 1, a message that says it is
# empty and that nothing was stored, no capture row.
cp "$FIX/windows/empty.txt" .
"$PORTSIFT" ingest --db "$CASE" empty.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT count(*) FROM capture"
echo "-- from standard input:"
"$PORTSIFT" ingest --db "$CASE" - </dev/null
echo "exit $?"
