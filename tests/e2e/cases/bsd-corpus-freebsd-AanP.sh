# freebsd12_netstat-AanP.txt: real `netstat -AanP` from FreeBSD 12 (jc
# project fixture, 24 lines): a Tcpcb column before Proto, a Log ID column
# ("-") after the state (-P), udp rows with no state, then the "Active UNIX
# domain sockets" section.
#
# Found independently (awk below): 6 Internet rows on lines 3-8, tcp4 3
# (ESTABLISHED 1, LISTEN 2), tcp6 1 LISTEN, udp4 1, udp6 1; 14 UNIX rows
# (lines 11-24), skipped, not issues.  OS: the column header writes one
# blank between Send-Q and Local Address and names its -A column Tcpcb,
# FreeBSD's layout (macOS writes two blanks): os "freebsd".  "*.22" is the
# wildcard bind: 0.0.0.0 for tcp4, :: for tcp6.  The remote end of line 3,
# "192.168.71.1.64330", fills its 18-character column but has a 5-digit port:
# nothing was cut.  No held dynamic port: the one connection's local port
# is 22.
#
# jc (.jc.json) agrees: 20 entries, 6 of kind "network" with the same
# protocols and states (udp without a state), 14 UNIX sockets, and
# local_port 22 / foreign_port 64330 on the first row.
cp "$CORPUS/freebsd12_netstat-AanP.txt" .
cp "$CORPUS/freebsd12_netstat-AanP.jc.json" .
"$PORTSIFT" ingest --db "$CASE" freebsd12_netstat-AanP.txt
echo "exit $?"

echo "-- Internet rows in the text (protocol, state), UNIX rows:"
awk '/^Active UNIX/ { exit } NR > 2 { print $2 "|" ($7 == "" ? "-" : $7) }' \
	freebsd12_netstat-AanP.txt | sort | uniq -c | awk '{ print $2 "|" $1 }'
awk '/^Active UNIX/ { u = 1; getline; next } u { n++ } END { print n }' \
	freebsd12_netstat-AanP.txt
echo "-- in the case:"
sqlite3 "$CASE" "SELECT proto, family, state, count(*) FROM socket
	GROUP BY 1, 2, 3"
sqlite3 "$CASE" "SELECT sockets_skipped, lines_rejected FROM capture"
echo "-- every row:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	resolved, state, state_raw, pid FROM sockets ORDER BY line"
sqlite3 "$CASE" "SELECT seq, os, sockets, ports_held, listeners_in_range,
	range_lo, range_hi FROM snapshots"
sqlite3 "$CASE" "SELECT count(*) FROM issue"

echo "-- jc:"
python3 - <<'PY'
import collections, json
d = json.load(open("freebsd12_netstat-AanP.jc.json"))
net = [e for e in d if e.get("kind") == "network"]
c = collections.Counter((e["proto"], e.get("state") or "-") for e in net)
for k in sorted(c):
    print("%s|%s|%d" % (k[0], k[1], c[k]))
print("others|%d" % (len(d) - len(net)))
print("%s|%s|%s" % (net[0]["local_port"], net[0]["foreign_port"], net[0]["log"]))
PY
