# `report --format html --diff first,last` of the bundled sample: the page
# ends with what changed from snapshot 1 to snapshot 4 (before the issues;
# the sample has none).  Expected figures, as README.md's `portsift diff`
# example has them and a grep -c of each state per run of the sample gives
# them: ports held 2,895 -> 12,932 (+10,037); TIME_WAIT under PID 0
# +9,793, ESTABLISHED of w3wp.exe +129, CLOSE_WAIT of java.exe +113,
# SYN_SENT of MonitoringHost.exe +2; runs 08:47:12.35 and 09:36:11.87, 48
# min 59.52 s apart, rounded to 49 min; no remote endpoint came or went.
# --diff is for html and json only, wants A,B, and names real snapshots:
# usage errors (exit 2) otherwise.
cp "$FIX/../../samples/windows-exhaustion/netstat.txt" .
"$PORTSIFT" ingest -q --db "$CASE" netstat.txt
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format html --diff first,last -o report.html
echo "exit $?"
sed -n '/<section class="page" id="diff">/,/<\/section>/p' report.html >diff.html
grep -o '<h2>[^<]*</h2>' diff.html
grep -o 'snapshot [0-9]*, taken [0-9:. -]*[^<]*' diff.html
grep -o 'Dynamic ports held: <b>[^<]*</b> ([^)]*)' diff.html | sed 's/<\/*b>//g'
grep -o '[A-Z_0-9]* [+-][0-9,]*</span>' diff.html | sed 's|</span>||'
echo "nothing appeared or vanished: $(grep -c '<p class="empty">none</p>' diff.html)"
echo "-- usage:"
"$PORTSIFT" report --db "$CASE" --format html --diff first -o x.html 2>/dev/null
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format text --diff first,last 2>/dev/null
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format html --diff 1,9 -o x.html 2>/dev/null
echo "exit $?"
[ -e x.html ] || echo "no x.html written"
