# `report --format csv` on the bundled sample (samples/windows-exhaustion/
# netstat.txt: a netsh block, then four `netstat -anob` runs).  Expected
# figures, found without portsift:
# - the header is port_share's columns as README.md ("The case file") lists
#   them; --table trend's and --table snapshots' likewise;
# - port_share's first records are snapshot 1's largest holders, from the
#   sample's README ("Ports held per snapshot"): PID 0 with 2,398 (2,380
#   TIME_WAIT to 10.0.0.7:1433 + 18 to 10.0.0.2:389; no image: an empty
#   cell), w3wp.exe 4321 with 262, java.exe 2288 with 226 (214 CLOSE_WAIT
#   + 12); the range holds 16,384 ports and snapshot 1 holds 2,895, so the
#   shares are python3's 2398/16384 = 0.1463623046875 and 2398/2895 =
#   0.8283246977547496, 262/16384 = 0.0159912109375 and 262/2895 =
#   0.09050086355785837, 226/16384 = 0.0137939453125 and 226/2895 =
#   0.07806563039723662 (repr: the shortest text that reads back the same);
#   owner_key (an internal id) is cut out;
# - 28 port_share records: the 7 holders of the README in each of 4 snapshots
#   (+ the header: 29 lines, each ending in CRLF, RFC 4180);
# - snapshots: sockets and ports held per snapshot as in
#   sample-windows-exhaustion (counted there with python3 in the text);
# - every cell of every table against the case file: csvjson-check.py reads
#   the CSV with Python's csv module and the case file with Python's sqlite3
#   (row counts: `sqlite3 case.db 'SELECT count(*) FROM TABLE'`); no text
#   in the sample starts with = + - @, so no cell carries the quote.
cp "$FIX/../../samples/windows-exhaustion/netstat.txt" .
check=$FIX/hostile/csvjson-check.py
"$PORTSIFT" ingest -q --db "$CASE" netstat.txt
echo "exit $?"
echo "-- the default table, port_share (first 4 lines, without owner_key):"
mkdir default
"$PORTSIFT" report --db "$CASE" --format csv >default/port_share.csv
echo "exit $?"
head -n 4 default/port_share.csv | cut -d, -f1-3,5- | sed -n 'l 0'
echo "lines: $(wc -l <default/port_share.csv), ending in CRLF:" \
    "$(grep -c "$(printf '\r')\$" default/port_share.csv)"
echo "-- --table trend, the header:"
"$PORTSIFT" report --db "$CASE" --format csv --table trend | head -n 1 | tr -d '\r'
echo "-- --table snapshots -o FILE: nothing on stdout, the file whole:"
"$PORTSIFT" report --db "$CASE" --format csv --table snapshots -o snaps.csv >stdout
echo "exit $?"
[ -s stdout ] && echo "(something on stdout)"
# (python3's csv: range_source, "netsh ..., line 4", has a comma in it)
python3 -c 'import csv, sys
for r in csv.reader(open(sys.argv[1], newline="")):
	print(",".join(r[i] for i in (0, 1, 2, 13, 15, 16, 17)))' snaps.csv
echo "-- --all -o DIR: one NAME.csv per table:"
"$PORTSIFT" report --db "$CASE" --format csv --all -o tables >stdout
echo "exit $?"
[ -s stdout ] && echo "(something on stdout)"
ls tables
cmp -s default/port_share.csv tables/port_share.csv &&
    echo "tables/port_share.csv is the default table"
python3 "$check" csv "$CASE" default/port_share.csv tables/*.csv
echo "-- nothing else left behind (no temporary files):"
ls
