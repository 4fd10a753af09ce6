# Two runs stamped "03/04/2026 10:00:00.00" and "03/04/2026 10:15:00.00"
# (lines 1 and 18 of loop-ambiguous-stamps.txt): no weekday and no field
# above 12, so 3 April and March 4 both fit.  Expected: both snapshots are
# stored with taken_at NULL (never guessed), one issue that tells to use
# --date-order, exit 1.  Then --date-order dmy gives 2026-04-03 and mdy
# gives 2026-03-04, from the text, with no issue and exit 0.
cp "$FIX/windows/loop-ambiguous-stamps.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-ambiguous-stamps.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT seq, coalesce(taken_at, 'NULL'),
	coalesce(taken_at_source, 'NULL'), first_line, sockets FROM snapshots"
sqlite3 "$CASE" "SELECT coalesce(line, 'NULL'), reason FROM issue"

echo "-- --date-order dmy:"
"$PORTSIFT" ingest --db dmy.db --date-order dmy loop-ambiguous-stamps.txt
echo "exit $?"
sqlite3 dmy.db "SELECT seq, taken_at, taken_at_source FROM snapshot"
sqlite3 dmy.db "SELECT count(*) FROM issue"

echo "-- --date-order mdy:"
"$PORTSIFT" ingest -q --db mdy.db --date-order mdy loop-ambiguous-stamps.txt
echo "exit $?"
sqlite3 mdy.db "SELECT seq, taken_at, taken_at_source FROM snapshot"
