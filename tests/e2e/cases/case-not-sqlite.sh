# A case file that is not a portsift case file.  Expected: exit 3 (the case
# file is unreadable) with a message naming it, for every command that opens
# one, and the file left as it was.
cp "$FIX/windows/ano-en.txt" .
printf 'a shopping list, not a database\n' >"$CASE"
"$PORTSIFT" ingest --db "$CASE" ano-en.txt
echo "exit $?"
"$PORTSIFT" report --db "$CASE"
echo "exit $?"
"$PORTSIFT" snapshots --db "$CASE"
echo "exit $?"
cat "$CASE"
echo "-- an SQLite database with other tables:"
sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
"$PORTSIFT" ingest --db other.db ano-en.txt
echo "exit $?"
sqlite3 other.db "SELECT name FROM sqlite_master"
echo "-- a directory:"
mkdir dir.db
"$PORTSIFT" ingest --db dir.db ano-en.txt
echo "exit $?"
echo "-- report on a case file that does not exist: not created"
"$PORTSIFT" report --db missing.db
echo "exit $?"
ls missing.db 2>/dev/null || echo "no missing.db"
