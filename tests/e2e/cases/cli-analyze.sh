# `portsift analyze FILE` ingests into a temporary case, prints the report,
# and leaves nothing behind (the temporary case is made in $TMPDIR, which is
# the case directory here).  With --db the case is kept.  Exit status as
# ingest's: 1 when the input had issues, and the report is still made.
cp "$FIX/windows/ano-en.txt" "$FIX/windows/one-bad-line.txt" .
"$PORTSIFT" analyze ano-en.txt >out
echo "exit $?"
grep -E '^(Snapshot|  [0-9]+ sockets)' out
ls
echo "-- with issues:"
"$PORTSIFT" analyze one-bad-line.txt >out
echo "exit $?"
grep '^Snapshot' out
echo "-- --db keeps the case:"
"$PORTSIFT" analyze -q --db kept.db ano-en.txt >/dev/null
echo "exit $?"
sqlite3 kept.db "SELECT count(*) FROM socket"
