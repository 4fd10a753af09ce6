# loop-macos.txt (tests/fixtures/bsd-netstat, see its README): `sw_vers`,
# then three passes of a loop that runs `date`, `sysctl
# net.inet.ip.portrange.first net.inet.ip.portrange.last` and `netstat -an`
# on macOS, 15 minutes apart; before the third pass the admin widened the
# range (first: 32768).  Each pass also prints an icm4 row, the (empty)
# Multipath section and three UNIX domain sockets.
#
# Found independently (python3 below, reading the text): the date lines are
# lines 4, 28, 54 (three snapshots, taken_at from them; a stamp, its sysctl
# lines and its title are one snapshot that starts at the stamp); the
# ranges are 49152-65535 (stated on lines 5 and 29) and 32768-65535 (line
# 55); 11, 13 and 16 tcp/udp rows; held ports (TCP, not LISTEN, local port
# inside that pass's range) 5, 7 and 11 -- the ESTABLISHED row from local
# port 40001 is held only under the wider range of the third pass.  4 rows
# skipped per pass (icm4 + 3 UNIX).  OS macos, version 14.5 (sw_vers).
cp "$FIX/bsd-netstat/loop-macos.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-macos.txt
echo "exit $?"

echo "-- in the text:"
python3 - <<'PY'
import re
runs = []
for n, line in enumerate(open("loop-macos.txt"), 1):
    f = line.split()
    if re.match(r"^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d UTC \d{4}$",
                line.strip()):
        runs.append({"line": n, "stamp": line.strip(), "rows": [],
                     "range": [None, None, None], "skipped": 0})
    elif f and f[0].startswith("net.inet.ip.portrange."):
        r = runs[-1]["range"]
        if f[0].endswith("first:"):
            r[0] = int(f[1])
            r[2] = r[2] or n
        else:
            r[1] = int(f[1])
    elif f and re.match(r"^(tcp|udp)(4|6|46)$", f[0]):
        runs[-1]["rows"].append(f)
    elif f and (f[0] == "icm4" or re.match(r"^[0-9a-f]{16}$", f[0])):
        runs[-1]["skipped"] += 1
for r in runs:
    lo, hi, at = r["range"]
    held = set()
    for f in r["rows"]:
        port = f[3].rsplit(".", 1)[1]
        if f[0].startswith("tcp") and f[5] != "LISTEN" and port.isdigit() \
                and lo <= int(port) <= hi:
            held.add(port)
    print("%d|%s|%d-%d line %d|%d rows|%d held|%d skipped" % (
        r["line"], r["stamp"], lo, hi, at, len(r["rows"]), len(held),
        r["skipped"]))
PY
echo "-- in the case:"
sqlite3 "$CASE" "SELECT seq, first_line, taken_at, taken_at_source, os,
	os_version, range_lo, range_hi, range_source, sockets, ports_held
	FROM snapshots ORDER BY seq"
sqlite3 "$CASE" "SELECT sockets_skipped FROM capture"
echo "-- the row from local port 40001, held in the third snapshot only:"
sqlite3 "$CASE" "SELECT s.seq, s.line, s.lport, s.state,
	s.socket_id IN (SELECT socket_id FROM held)
	FROM sockets s WHERE s.lport = 40001 ORDER BY s.seq"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
