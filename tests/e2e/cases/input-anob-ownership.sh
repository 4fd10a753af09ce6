# -b ownership lines (anob-inferred.txt, read by hand):
#   line 5  TCP :135 1712, then "  RpcSs" and " [svchost.exe]"
#   line 8  TCP 10.1.1.5:50001 4321, then " [w3wp.exe]"
#   line 10 TCP 10.1.1.5:50002 4321, then " Can not obtain ownership information"
#   line 12 TCP 10.1.1.5:50003 TIME_WAIT 0, no ownership line (as in the real
#           capture, windows-10_netstat-aonb.txt lines 188, 197, 198)
#   line 13 TCP 10.1.1.5:50004 4, then " Can not obtain ownership information"
#   line 15 UDP :5353 2512, then "  Dnscache" and " [svchost.exe]"
# Expected: 6 sockets; line 10 marked ownership 'unavailable' and its image
# taken from line 8's socket of the same PID (process_inferred 1); PID 4 has
# no image anywhere, so none is invented; the report marks the inferred
# image with '*' and says what the star means.  process_inferred is a flag
# (views.sql: "process_inferred = 1: ..."): 0 for every other socket, so that
# "WHERE process_inferred = 0" finds the names read off their own lines.
cp "$FIX/windows/anob-inferred.txt" .
"$PORTSIFT" ingest --db "$CASE" anob-inferred.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT line, pid, coalesce(process, '-'), process_inferred,
	coalesce(service, '-'), coalesce(ownership, '-') FROM sockets ORDER BY line"
echo "-- processes:"
sqlite3 "$CASE" "SELECT pid, coalesce(image, '-'), coalesce(service, '-')
	FROM process ORDER BY pid"
echo "-- the report's process table and the note on '*':"
"$PORTSIFT" report --db "$CASE" >out
echo "exit $?"
sed -n '/^  PROCESS .*HELD, BY STATE$/,/^$/p' out
grep -A1 '^  \*: ' out
