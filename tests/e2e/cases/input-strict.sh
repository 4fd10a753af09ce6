# --strict: a file with any issue is stored not at all.  one-bad-line.txt
# is ano-en.txt with "this line is not netstat output" as line 8.
# Expected: exit 1, the issue reported with its line, and nothing of the
# file in the case (no capture, snapshot, socket or issue row).  With two
# files, the clean one is still stored (each file is its own transaction).
cp "$FIX/windows/one-bad-line.txt" "$FIX/windows/ano-en.txt" .
"$PORTSIFT" ingest --db "$CASE" --strict one-bad-line.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT (SELECT count(*) FROM capture), (SELECT count(*) FROM snapshot),
	(SELECT count(*) FROM socket), (SELECT count(*) FROM issue)"
echo "-- two files, one clean:"
"$PORTSIFT" ingest --db "$CASE" --strict ano-en.txt one-bad-line.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT id, path FROM capture"
sqlite3 "$CASE" "SELECT (SELECT count(*) FROM socket), (SELECT count(*) FROM issue)"
echo "-- without --strict the same file is stored, and the exit is still 1:"
"$PORTSIFT" ingest --db "$CASE" one-bad-line.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT c.path, i.line, i.reason FROM issue i JOIN capture c ON c.id = i.capture_id"
