# An input file that does not exist.  Expected: exit 3 (unreadable input)
# and "portsift: PATH: No such file or directory" (LC_ALL=C); with another,
# good file named too, that one is still stored, and the exit is still 3.
cp "$FIX/windows/ano-en.txt" .
"$PORTSIFT" ingest --db "$CASE" no-such-file.txt
echo "exit $?"
"$PORTSIFT" ingest --db "$CASE" no-such-file.txt ano-en.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT path FROM capture"
