# `report --format json` on the bundled sample (samples/windows-exhaustion/
# netstat.txt, four `netstat -anob` runs).  Expected figures, found without
# portsift:
# - the document is JSON (python3 -m json.tool), an object whose keys are
#   meta, then the tables in docs/json.md's order;
# - each table is a list of objects keyed by the case file's columns, every
#   value as in the case file: csvjson-check.py compares them with the case
#   file read by Python's sqlite3 (row counts: `sqlite3 case.db 'SELECT
#   count(*) FROM TABLE'`);
# - port_share, snapshot 4: PID 0 holds 12,191 and w3wp.exe 4321 holds 391
#   of the 12,932 held and of the 16,384 of the range (the sample's README);
#   python3: 12191/16384 = 0.74407958984375, 12191/12932 =
#   0.9427002783792143, 391/16384 = 0.02386474609375, 391/12932 =
#   0.030235075781008352 (owner_key, an internal id, masked);
# - trend: PID 4 (System, no image) holds 1 port in every snapshot: slope
#   0.0 (a real), not monotonic, and no time to exhaustion (null);
# - --snapshot last --diff first,last: meta lists snapshot 4 only, the
#   tables hold its rows only (snapshot 4: 7 findings as README.md's
#   example shows; 3 TIME_WAIT attributions, to w3wp.exe, lsass.exe and
#   none; 14 TIME_WAIT endpoints: w3wp's, lsass's and the 12 server-side
#   TIME_WAIT of the load balancer 10.0.0.10, one per remote port); the diff is diff-sample's (B - A, from the
#   sample's README): +10,037 held, PID 0 +9,793 TIME_WAIT, w3wp.exe +129
#   ESTABLISHED, java.exe +113 CLOSE_WAIT (214 -> 327), MonitoringHost.exe
#   +2 SYN_SENT, then lsass.exe, HealthService.exe and PID 4 unchanged;
#   from 08:47:12.35 to 09:36:11.87 is 2,939.52 seconds; the held sockets
#   go to the same endpoints in both, so none appeared or vanished.
cp "$FIX/../../samples/windows-exhaustion/netstat.txt" .
check=$FIX/hostile/csvjson-check.py
"$PORTSIFT" ingest -q --db "$CASE" netstat.txt
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format json >r.json
echo "exit $?"
python3 -m json.tool r.json >/dev/null
echo "json.tool: exit $?"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(list(d))
print(json.dumps(d["meta"]))
print({k: len(v) for k, v in d.items() if k != "meta"})' r.json
python3 "$check" json "$CASE" r.json
echo "-- port_share, snapshot 4, the first two rows as written:"
sed -n '/^  "port_share": \[$/,/^  \]/p' r.json | grep '"snapshot_id": 4,' |
    head -n 2 | sed 's/"owner_key": [0-9]*/"owner_key": N/'
echo "-- trend, PID 4:"
grep '^    {"process": null, "pid": 4,' r.json
echo "-- --snapshot last --diff first,last -o FILE:"
"$PORTSIFT" report --db "$CASE" --format json --snapshot last \
    --diff first,last -o d.json >stdout
echo "exit $?"
[ -s stdout ] && echo "(something on stdout)"
python3 -m json.tool d.json >/dev/null
echo "json.tool: exit $?"
python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["meta"]["snapshots_selected"])' d.json
python3 "$check" json "$CASE" d.json
sed -n '/^  "diff": {$/,$p' d.json
