# A collection loop stopped with Ctrl+C right after it echoed its next stamp
# (loop-stopped.txt): stamp (line 1), one netstat -ano run (lines 2-17), a
# last stamp on line 18 with nothing after it.  README.md: "A stamp with
# nothing after it (a loop stopped mid-way) is an issue, not an empty
# snapshot."  Expected: one snapshot of 12 sockets at 14:05:33.12, one issue
# at line 18, exit 1.
cp "$FIX/windows/loop-stopped.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-stopped.txt 2>stderr
echo "exit $?"
sed -E 's/^(portsift: loop-stopped\.txt:[0-9]+): .*/\1: (reason)/' stderr
sqlite3 "$CASE" "SELECT seq, taken_at, first_line, sockets FROM snapshots"
sqlite3 "$CASE" "SELECT line FROM issue"
