# A collection loop run with `sh -x` (tests/fixtures/linux-ss/
# loop-range-mid.txt, written by hand, see its README): "+ cmd" echo lines,
# `uname -a`, then `date` and ss three times 15 minutes apart, a sysctl
# range line between the second stamp and its run, the third run headerless
# (ss -Htanp), and a last stamp with nothing after it (loop stopped).
#
# Expected (README of the fixtures and DESIGN.md, read off the text): 3
# snapshots at 10:00:00, 10:15:00, 10:30:00 (stamps on lines 4, 12, 25), os
# linux, os_version 5.15.0-91-generic from line 2.  The range of line 14
# belongs to snapshot 2 and applies from there on: snapshot 1 keeps the
# Linux default 32768-60999, snapshots 2 and 3 have 40000-60999.  Sockets
# 4, 7, 6 (17); ports held 3, 5, 5 (local ports 410xx of non-LISTEN rows;
# CLOSE-WAIT on 8080 is below both ranges).  The "+ ..." lines are no
# issues; the stamp of line 34 with no run after it is one: exit 1.
cp "$FIX/linux-ss/loop-range-mid.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-range-mid.txt 2>stderr
echo "exit $?"
sed -E 's/^(portsift: loop-range-mid\.txt:[0-9]+): .*/\1: (reason)/' stderr
echo "-- snapshots:"
sqlite3 "$CASE" "SELECT seq, taken_at, os, os_version, range_lo, range_hi,
	first_line, sockets, ports_held FROM snapshots ORDER BY seq"
echo "-- where the ranges come from (the line of each):"
sqlite3 "$CASE" "SELECT seq, range_source LIKE '%line 14%' FROM snapshots
	ORDER BY seq"
echo "-- sockets by snapshot and state:"
sqlite3 "$CASE" "SELECT seq, state, count(*) FROM sockets GROUP BY 1, 2
	ORDER BY 1, 2"
echo "-- issues:"
sqlite3 "$CASE" "SELECT line FROM issue"
