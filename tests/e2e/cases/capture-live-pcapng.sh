# A capture made here, on loopback: tests/live/capture.sh runs dumpcap on lo
# while tests/live/capture-scenario.py full plays TCP traffic with known
# counts, one group per listening port (the ports come from the kernel and
# are named in ./ports; only group names are printed, never ports or times).
# The client is 127.0.0.1 (::1 for hold6, keep6), the side that sends every
# SYN, so by default it is the local side.  What the scenario does, and so
# what the capture must show, group by group:
#
#   hold    12  connected, 4 bytes sent, held         ESTABLISHED
#   keep    10  client closes, server never does      FIN_WAIT_2
#   both     8  client closes first, then the server  TIME_WAIT (< 60 s)
#   half     6  client shutdown(SHUT_WR), holds       FIN_WAIT_2
#   srvfin   5  server closes, client holds           CLOSE_WAIT
#   srvboth  4  server closes first, then the client  gone (LAST_ACK over)
#   abort    3  client closes with SO_LINGER 0        gone: reset 3
#   refused 40  nobody listens: RST to each SYN       gone: refused 40
#   full     6  backlog 0, never accepted: the first  1 ESTABLISHED,
#               connects, 5 SYNs are dropped          5 SYN_SENT (unanswered)
#   hold6    4  as hold, on ::1 (4 bytes each)        ESTABLISHED
#   keep6    3  as keep, on ::1                       FIN_WAIT_2
#
# So 101 connections, and in the one snapshot at the capture's end (within
# a few seconds of every SYN, well before TIME_WAIT's 60 s and SYN_SENT's
# 127 s run out): IPv4 ESTABLISHED 13 (hold 12 + full 1), FIN_WAIT_2 16
# (keep 10 + half 6), TIME_WAIT 8, CLOSE_WAIT 5, SYN_SENT 5; IPv6
# ESTABLISHED 4, FIN_WAIT_2 3: 54 sockets.  Payload: 48 bytes to hold, 16 to
# hold6, none elsewhere.  The findings follow from the documented thresholds
# (portsift report --help-thresholds): 5 unanswered to full (unanswered=3;
# for captures that finding replaces the socket-level syn_sent one); 40 refused (refused=10), and 40 RSTs from one
# destination within a few milliseconds, so at least 20 in one second of the
# clock (rst-storm=20); the busiest destination by attempts is refused
# (connection_rate); the fullest pool is hold (12 ports from one source to
# one destination, far below any threshold: info); and a capture names no
# process (no_pid).  Expected figures are from the scenario, not portsift.
# Needs dumpcap, editcap and tshark (scripts/deps.sh), like live-loopback.
repo=$(cd "$FIX/../.." && pwd)
sh "$repo/tests/live/capture.sh" "$TMP" full || exit 1
"$PORTSIFT" ingest -q --db "$CASE" lo.pcapng
echo "exit $?"
sqlite3 "$CASE" "SELECT format, clock FROM capture"
sqlite3 "$CASE" "SELECT count(*) || ' connections' FROM flow"
sqlite3 "$CASE" "SELECT count(*) || ' snapshot' FROM snapshot"
echo "== end of the capture: sockets per family and state"
sqlite3 -separator ' ' "$CASE" "SELECT family, state, count(*) FROM sockets
    GROUP BY 1, 2 ORDER BY 1, 2"
echo "== per group: flows attempts answered unanswered refused reset bytes; states at the end"
while read -r name port; do
	d=$(sqlite3 -separator ' ' "$CASE" "SELECT d.flows, d.attempts,
	    d.answered, d.unanswered, d.refused, d.reset,
	    (SELECT sum(bytes) FROM flows f WHERE f.dport = d.dport)
	    FROM flow_destination d WHERE d.dport = $port")
	s=$(sqlite3 "$CASE" "SELECT group_concat(state || ':' || n, ' ')
	    FROM (SELECT state, count(*) AS n FROM sockets WHERE rport = $port
	    GROUP BY 1 ORDER BY 1)")
	echo "$name $d; ${s:-none}"
done <ports
echo "== findings: kind, severity, group named"
sqlite3 "$CASE" "SELECT kind, severity, summary FROM finding ORDER BY kind" |
while IFS='|' read -r kind sev summary; do
	g=-
	while read -r name port; do
		case $summary in
		*:$port*) g=$name ;;
		esac
	done <ports
	echo "$kind $sev $g"
done
