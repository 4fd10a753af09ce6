# osx-10.14.6_netstat-An.txt: real `netstat -An` from macOS 10.14.6 (jc
# project fixture, 689 lines): Socket and Flowhash columns before Proto,
# 18-character endpoint columns (-A), an icm4 row, then the UNIX domain,
# kernel control module, kernel event and kernel control sections.
#
# Found independently (awk below over the Internet section, lines 3-140,
# where $3 is the protocol): tcp4 22 (ESTABLISHED 16, CLOSE_WAIT 6), tcp6 27
# ESTABLISHED, udp4 75, udp6 7, udp46 6 (dual-stack: family 6), icm4 1 (not
# stored); 137 sockets.  Rows skipped, not issues: the icm4 row and every
# line after line 140 but 4 titles and 4 column headers: 1 + 400 UNIX + 17
# kernel control modules + 27 kernel event + 97 kernel control = 542.
# Held dynamic ports (TCP, not LISTEN, local port in 49152-65535, a whole
# number): 127.0.0.1.53755 and .53763 (lines 22, 23).
#
# Cut columns.  netstat -A prints each endpoint in 18 characters
# ("%-18.18s") and an IPv6 host in at most 16 ("%.16s").  So
# "192.168.1.221.5486" (line 3) is port 5486x cut to 4 digits, and
# "2600:1700:bab0:d.5" (line 7) is a cut IPv6 host and a cut port.  awk
# counts 79 endpoints of exactly 18 characters whose port has fewer than 5
# digits and 53 IPv6 hosts of exactly 16 characters.  These are kept as
# written (the host as a name, the port in lport_name/rport_name), the row
# stored with resolved = 0, and no issue raised.
#
# jc (.jc.json) as a second opinion agrees on every count (138 "network"
# entries including the icm4 one; 400 + 17 + 27 + 97 others).  It disagrees
# on the cut columns: it reads line 3's local port as 5486 and line 7's
# local end as address 2600:1700:bab0:d port 5.  The text wins: the column
# is full, so those digits are what was left after the cut, not the port.
cp "$CORPUS/osx-10.14.6_netstat-An.txt" .
cp "$CORPUS/osx-10.14.6_netstat-An.jc.json" .
"$PORTSIFT" ingest --db "$CASE" osx-10.14.6_netstat-An.txt
echo "exit $?"

echo "-- Internet rows in the text, by protocol:"
awk 'NR >= 3 && NR <= 140 { print $3 }' osx-10.14.6_netstat-An.txt |
	sort | uniq -c | awk '{ print $2 "|" $1 }'
echo "-- in the case, by proto, family:"
sqlite3 "$CASE" "SELECT proto, family, count(*) FROM socket GROUP BY 1, 2"
echo "-- by state:"
sqlite3 "$CASE" "SELECT proto, state, count(*) FROM socket GROUP BY 1, 2"
echo "-- skipped rows: in the text, in the case:"
awk 'NR > 140 && !/^(Active|Registered) / &&
	!/^(Address|kctlref| +pcb) / { n++ } END { print n + 1 }' \
	osx-10.14.6_netstat-An.txt		# + 1: the icm4 row
sqlite3 "$CASE" "SELECT sockets_skipped, lines_rejected FROM capture"
echo "-- cut endpoints in the text (ports, IPv6 hosts):"
awk 'NR >= 3 && NR <= 140 && $3 ~ /^(tcp|udp)/ {
	for (i = 6; i <= 7; i++) {
		n = split($i, a, "."); p = a[n]
		h = substr($i, 1, length($i) - length(p) - 1)
		if (length($i) == 18 && p ~ /^[0-9]+$/ && length(p) < 5) cp++
		if (h ~ /:/ && length(h) == 16) ch++
	} } END { print cp "|" ch }' osx-10.14.6_netstat-An.txt
echo "-- in the case:"
sqlite3 "$CASE" "SELECT
	(SELECT count(*) FROM socket WHERE lport IS NULL AND lport_name <> '')
	+ (SELECT count(*) FROM socket WHERE rport IS NULL AND rport_name <> ''),
	(SELECT count(*) FROM socket WHERE family = 6 AND resolved = 0
	    AND length(laddr) = 16)
	+ (SELECT count(*) FROM socket WHERE family = 6 AND resolved = 0
	    AND length(raddr) = 16)"

# Line 3:  tcp4 192.168.1.221.5486 140.82.113.26.443  ESTABLISHED (cut port)
# Line 7:  tcp6 2600:1700:bab0:d.5 2607:f8b0:4003:c.9 ESTABLISHED (cut host)
# Line 9:  tcp6 ... 2603:1030:b00::e.4 (a cut host that still parses)
# Line 10: tcp6 ... 2620:1ec:21::14.44 (15 characters: whole; port cut)
# Line 22: tcp4 127.0.0.1.53755 127.0.0.1.53763 ESTABLISHED (nothing cut)
# Line 43: tcp4 127.0.0.1.9592 127.0.0.1.58704 CLOSE_WAIT
# Line 63: udp46 *.61224 *.*
# Line 66: udp4 127.0.0.1.63995 *.*
echo "-- rows at lines 3, 7, 9, 10, 22, 43, 63, 66:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, lport_name, raddr,
	rport, rport_name, resolved, state, state_raw, pid
	FROM sockets WHERE line IN (3, 7, 9, 10, 22, 43, 63, 66) ORDER BY line"
echo "-- held dynamic ports:"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport, state FROM held
	ORDER BY line"
sqlite3 "$CASE" "SELECT seq, os, os_version, sockets, ports_held, range_lo,
	range_hi, range_source FROM snapshots"
sqlite3 "$CASE" "SELECT count(*) FROM issue"

echo "-- jc: network entries by proto and state; line 3 and 7 as jc reads them:"
python3 - <<'PY'
import collections, json
d = json.load(open("osx-10.14.6_netstat-An.jc.json"))
c = collections.Counter((e["proto"], e.get("state") or "-")
                        for e in d if e.get("kind") == "network")
for k in sorted(c):
    print("%s|%s|%d" % (k[0], k[1], c[k]))
print("others|%d" % sum(1 for e in d if e.get("kind") != "network"))
net = [e for e in d if e.get("kind") == "network"]
for e in (net[0], net[4]):
    print("%s|%s|%s|%s" % (e["local_address"], e["local_port"],
                           e["foreign_address"], e["foreign_port"]))
PY
