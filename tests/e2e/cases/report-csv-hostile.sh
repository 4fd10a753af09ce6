# CSV of a hostile capture: tests/fixtures/hostile/csvjson-anob.txt (see
# csvjson-README.md there), two `netstat -anob` runs whose -b image names
# are a formula (=HYPERLINK("http://evil","x").exe), CSV metacharacters
# (a,b"c.exe), markup, the other formula leads (+1.exe, -2.exe, @x.exe,
# <TAB>Tab.exe) and UTF-8 (ÄÖÜ.exe), and a line that is not netstat output
# (an issue whose excerpt starts with @ and ends with U+0001).  It is
# ingested with a label and a host that are formulas too.
#
# Expected, by hand from the fixture, RFC 4180 and DESIGN.md ("Rules of the
# house"): every record ends in CRLF; a field with a comma or a quote is
# quoted and its quotes doubled; a text cell that starts with = + - @ or tab
# gets a leading ' (--csv-raw: not); markup and UTF-8 pass as they are;
# numbers stay numbers.  Each run has 9 holders of one port each, except
# =HYPERLINK (4321) and PID 0 with 3 in run 2 (csvjson-README.md); with one
# port each, port_share orders snapshot 1 by PID; 1/16384 = 6.103515625e-05.
# Rows: port_share and remote_concentration 9 a snapshot, state_mix 10 (and
# svchost's LISTEN), trend 17 (PID 0, and each of the 8 images twice: its
# PID and the image across restarts), 1 TIME_WAIT attribution and endpoint
# a snapshot (to =HYPERLINK), 2 issues; with the thresholds below, findings
# a snapshot: CLOSE_WAIT (a,b"c), SYN_SENT (<script>), TIME_WAIT
# (=HYPERLINK), the fullest pool, PID 0's owner, and in snapshot 2 the
# growth: 5 + 6 = 11, 4 of them naming =HYPERLINK.  Cells with the quote:
# 5 names x 2 snapshots in port_share, remote_concentration and state_mix,
# 5 names x 2 rows in trend; =HYPERLINK in time_wait_attribution,
# time_wait_endpoint and the TIME_WAIT findings' process, once a snapshot;
# label and host in each of the 2 snapshots; the 2 issues' excerpts.
# `sed -n 'l 0'` shows a tab as \t, a CR as \r, a byte above 127 in octal
# (Ä is \303\204); python3's ascii() shows Ä as \xc4.
cp "$FIX/hostile/csvjson-anob.txt" .
check=$FIX/hostile/csvjson-check.py
"$PORTSIFT" ingest -q --db "$CASE" --label '=1+2' --host '-cmd,"x"' \
    csvjson-anob.txt 2>/dev/null
echo "exit $? (1: two lines are not netstat output)"
echo "-- port_share, snapshot 1, up to the PID:"
mkdir neutral raw
"$PORTSIFT" report --db "$CASE" --format csv >neutral/port_share.csv
echo "exit $?"
sed -n '2,10p' neutral/port_share.csv | sed -E 's/,[0-9]+,[0-9]+,[0-9]+,0,16384,.*//' |
    sed -n 'l 0'
echo "-- python3's csv module reads back (ascii()):"
python3 -c 'import csv, sys
for r in list(csv.reader(open(sys.argv[1], newline="")))[1:10]:
	print(ascii(r[1]), r[2], r[4], r[8])' neutral/port_share.csv
echo "-- --csv-raw: the same cells as they are:"
"$PORTSIFT" report --db "$CASE" --format csv --csv-raw >raw/port_share.csv
echo "exit $?"
sed -n '2,10p' raw/port_share.csv | sed -E 's/,[0-9]+,[0-9]+,[0-9]+,0,16384,.*//' |
    sed -n 'l 0'
python3 "$check" csv "$CASE" neutral/port_share.csv
python3 "$check" csv --raw "$CASE" raw/port_share.csv
echo "-- snapshots: label, host:"
"$PORTSIFT" report --db "$CASE" --format csv --table snapshots |
    python3 -c 'import csv, sys
for r in csv.reader(sys.stdin):
	print(ascii(r[2]), ascii(r[8]))'
echo "-- issues, whole:"
"$PORTSIFT" report --db "$CASE" --format csv --table issues | sed -n 'l 0'
echo "-- --all -o DIR, with thresholds that name the hostile processes in"
echo "   findings (whose summaries start with a count or a name):"
"$PORTSIFT" report --db "$CASE" --format csv --all -o tables \
    --threshold close-wait=1 --threshold syn-sent=1 --threshold time-wait=1
echo "exit $?"
python3 "$check" csv "$CASE" tables/*.csv
echo "-- --all --csv-raw:"
"$PORTSIFT" report --db "$CASE" --format csv --all --csv-raw -o rawtables \
    --threshold close-wait=1 --threshold syn-sent=1 --threshold time-wait=1
echo "exit $?"
python3 "$check" csv --raw "$CASE" rawtables/*.csv
grep -c "HYPERLINK" rawtables/findings.csv
