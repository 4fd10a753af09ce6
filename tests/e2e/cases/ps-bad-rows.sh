# PowerShell 7's `Get-NetTCPConnection > ps7-bad-rows.txt` (UTF-8 without a
# BOM, CRLF; cells cut with "…"), with the lines a real file gets wrong
# (tests/fixtures/powershell/README.md): line 12 is not PowerShell output,
# line 13 has LocalPort 99999, line 14 the state "HalfOpen", line 15 an
# IPv6 LocalAddress the table cut, and line 29 is a Get-Date stamp of a
# loop stopped before its next run.  Each is an issue with its line; the
# rest is read; the exit status is 1.
#
# Expected figures found without portsift: the line numbers are read off
# the fixture (`cat -n`); sockets = the 18 rows of the base capture plus
# line 14 (kept, state UNKNOWN) and line 15 (kept, its address as written)
# = 20; rejected lines = the 5 lines above.  Reasons are masked: the line
# numbers are the point.
cp "$FIX/powershell/ps7-bad-rows.txt" .
"$PORTSIFT" ingest --db "$CASE" ps7-bad-rows.txt 2>err
echo "exit $?"
sed 's/:\([0-9]*\): .*/:\1: (reason)/' err
echo "-- capture: encoding, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT encoding, lines_read, lines_rejected FROM capture"
echo "-- issues by line:"
sqlite3 "$CASE" "SELECT line FROM issue ORDER BY line"
echo "-- sockets, snapshots:"
sqlite3 "$CASE" "SELECT count(*), count(DISTINCT snapshot_id) FROM socket"
echo "-- the rows kept from lines 14 and 15:"
sqlite3 "$CASE" "SELECT line, laddr, resolved, lport, state, state_raw, pid
	FROM socket WHERE line IN (14, 15) ORDER BY line"
