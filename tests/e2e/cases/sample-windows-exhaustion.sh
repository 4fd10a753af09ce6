# samples/windows-exhaustion/netstat.txt: the bundled synthetic capture, a
# netsh block then four `echo %date% %time%` + `netstat -anob` runs (CRLF,
# 35,084 lines).  samples/windows-exhaustion/README.md has the right answer,
# which was checked again here with a python3 reading of the text:
#
#   #  stamp (line)                        sockets   TCP ports held
#   1  Mon 11/23/2026  8:47:12.35  (7)       2,986       2,895
#   2  Mon 11/23/2026  9:02:51.13  (3604)    6,357       6,257
#   3  Mon 11/23/2026  9:19:10.68  (10660)   9,717       9,611
#   4  Mon 11/23/2026  9:36:11.87  (21163)  13,048      12,932
#
# The range is 49152-65535 from the netsh block ("Start Port : 49152" is on
# line 4, "Number of Ports : 16384" on line 5); 12 listeners per snapshot
# have a port inside it (0.0.0.0:49664-49669 and their [::] twins).
cp "$FIX/../../samples/windows-exhaustion/netstat.txt" .
"$PORTSIFT" ingest --db "$CASE" netstat.txt
echo "exit $?"

echo "-- the stamp lines in the text:"
tr -d '\r' < netstat.txt | grep -n '^[A-Z][a-z][a-z] [0-9][0-9]/[0-9][0-9]/[0-9]'
echo "-- snapshots:"
sqlite3 "$CASE" "SELECT seq, taken_at, taken_at_source, first_line, sockets,
	ports_held, listeners_in_range FROM snapshots ORDER BY seq"
echo "-- the range and why:"
sqlite3 "$CASE" "SELECT DISTINCT range_lo, range_hi, range_source FROM snapshot"
echo "-- UDP per snapshot (17 each):"
sqlite3 "$CASE" "SELECT snapshot_id, count(*) FROM socket WHERE proto = 'udp'
	GROUP BY 1 ORDER BY 1"
