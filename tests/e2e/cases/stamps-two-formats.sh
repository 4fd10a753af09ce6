# A collection loop that wrote three runs into one file, each after a stamp
# line, in two formats (loop-two-stamp-formats.txt, CRLF):
#   line  1  "Mon 11/23/2026 14:05:33.12 "  (cmd.exe echo %date% %time%, en-US;
#                                           23 > 12 settles month/day)
#   line 18  "2026-11-23 14:20:33"          (PowerShell Get-Date, ISO)
#   line 36  "Mon 11/23/2026 14:35:33.50 "
# Each run is the 12 sockets of ano-en.txt plus 0, 1, 2 extra TIME_WAIT.
# Expected: three snapshots, taken_at from the text as written (fractions
# kept), first_line = the stamp's line, 12 + 13 + 14 = 39 sockets, no issue.
cp "$FIX/windows/loop-two-stamp-formats.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-two-stamp-formats.txt
echo "exit $?"
echo "-- stamp lines in the text:"
tr -d '\r' < loop-two-stamp-formats.txt | grep -n '^[MS0-9][a-z0-9]*[ -][0-9]' | grep -v '^[0-9]*:  '
echo "-- snapshots:"
sqlite3 "$CASE" "SELECT seq, taken_at, taken_at_source, first_line, sockets
	FROM snapshots ORDER BY seq"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
