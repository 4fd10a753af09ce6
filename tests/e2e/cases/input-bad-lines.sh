# Three bad lines in the middle of a netstat -ano (bad-lines.txt, 19 lines):
#   line  8  "this line is not netstat output"
#   line 11  a TCP line with local port 99999 (ports end at 65535)
#   line 14  "  TCP    10.1.1.5:50009" -- the rest of the line is missing
# Every other line is one of ano-en.txt's 12 sockets.  DESIGN.md: "One input
# line never aborts an ingest: it becomes an issue with its line number."
# Expected: the 12 good sockets stored, issues at lines 8, 11 and 14 (3
# lines rejected), exit 1.  The issue reasons are the program's own words;
# this case checks where they are, so the reason text is masked.
cp "$FIX/windows/bad-lines.txt" .
"$PORTSIFT" ingest --db "$CASE" bad-lines.txt 2>stderr
echo "exit $?"
sed -E 's/^(portsift: bad-lines\.txt:[0-9]+): .*/\1: (reason)/' stderr
echo "-- issue lines:"
sqlite3 "$CASE" "SELECT line FROM issue ORDER BY line"
echo "-- capture: lines read, lines rejected:"
sqlite3 "$CASE" "SELECT lines_read, lines_rejected FROM capture"
echo "-- socket lines stored:"
sqlite3 "$CASE" "SELECT group_concat(line, ' ') FROM (SELECT line FROM socket ORDER BY line)"
