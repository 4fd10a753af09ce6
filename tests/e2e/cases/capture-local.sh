# --local turns connections round.  tests/live/capture-scenario.py local
# plays the groups of capture-live-pcapng (without the ::1 part) with the
# servers on 127.0.0.2 and the client bound to 127.0.0.1, both loopback,
# captured on lo by tests/live/capture.sh.  By default the client (the side
# that sends every SYN) is local, as in capture-live-pcapng: ESTABLISHED 13,
# FIN_WAIT_2 16, TIME_WAIT 8, CLOSE_WAIT 5, SYN_SENT 5 at the end.
#
# With --local 127.0.0.2/32 the servers are the local side: every
# connection has laddr 127.0.0.2 and was opened by the remote side, and
# each group is seen from the server, as the kernel there had it:
#
#   group    n   server's view                             flow state   at the end
#   hold    12   established                               ESTABLISHED  ESTABLISHED
#   keep    10   the client closed, it never will          CLOSE_WAIT   CLOSE_WAIT
#   both     8   closed second (its FIN after the          CLOSED       gone
#                client's): LAST_ACK until the last ACK
#   half     6   the client shut its side                  CLOSE_WAIT   CLOSE_WAIT
#   srvfin   5   it closed, the client never did           FIN_WAIT_2   FIN_WAIT_2
#   srvboth  4   it closed first, then the client          TIME_WAIT    TIME_WAIT
#   abort    3   the client's RST (reset by remote)        CLOSED       gone
#   refused 40   its RST to the SYN (reset by local)       CLOSED       gone
#   full     6   1 established; 5 SYNs it never answered   ESTABLISHED,
#                                                          SYN_RECEIVED (5)
#
# The flow states follow parsers/flows.c's rule for the state at the last
# packet from the local side (FIN each way: TIME_WAIT for the side that
# sent the first FIN, CLOSED for the other); the end states follow
# db/views.sql (flow_socket).  So at the end: ESTABLISHED 13, CLOSE_WAIT 16
# (keep + half), FIN_WAIT_2 5, TIME_WAIT 4, SYN_RECEIVED 5.  The
# destinations are the same ends either way (the end that was connected
# to), and so is the fullest pool: for connections seen on the wire it is
# the 4-tuple pool per (source address, destination address, destination
# port) (DESIGN.md), whichever side is local: 127.0.0.1 -> 127.0.0.2:hold,
# 12 ports.  Needs dumpcap, editcap and tshark.
repo=$(cd "$FIX/../.." && pwd)
sh "$repo/tests/live/capture.sh" "$TMP" local || exit 1
# The fullest pool of a case: model, ports, source -> destination:group.
pool() {
	sqlite3 -separator ' ' "$1" "SELECT model, ports_held, laddr, raddr,
	    rport FROM snapshot_pressure" |
	while read -r model n src dst dport; do
		g=other
		while read -r name port; do
			[ "$port" = "$dport" ] && g=$name
		done <ports
		echo "pool: $model $n $src -> $dst:$g"
	done
}
echo "== default: the client is local"
"$PORTSIFT" ingest -q --db client.db lo.pcapng
echo "exit $?"
sqlite3 -separator ' ' client.db "SELECT state, count(*) FROM sockets
    GROUP BY 1 ORDER BY 1"
pool client.db
echo "== --local 127.0.0.2/32: the servers are local"
"$PORTSIFT" ingest -q --local 127.0.0.2/32 --db "$CASE" lo.pcapng
echo "exit $?"
sqlite3 -separator ' ' "$CASE" "SELECT count(*), laddr, local_opened
    FROM flow GROUP BY 2, 3"
sqlite3 -separator ' ' "$CASE" "SELECT state, count(*) FROM sockets
    GROUP BY 1 ORDER BY 1"
pool "$CASE"
echo "== per group: flow states; states at the end; reset by; destination's attempts answered refused"
while read -r name port; do
	f=$(sqlite3 "$CASE" "SELECT group_concat(state || ':' || n, ' ')
	    FROM (SELECT state, count(*) AS n FROM flow WHERE lport = $port
	    GROUP BY 1 ORDER BY 1)")
	s=$(sqlite3 "$CASE" "SELECT group_concat(state || ':' || n, ' ')
	    FROM (SELECT state, count(*) AS n FROM sockets WHERE lport = $port
	    GROUP BY 1 ORDER BY 1)")
	r=$(sqlite3 "$CASE" "SELECT coalesce(group_concat(DISTINCT reset_by),
	    '-') FROM flow WHERE lport = $port")
	d=$(sqlite3 -separator ' ' "$CASE" "SELECT daddr, attempts, answered,
	    refused FROM flow_destination WHERE dport = $port")
	echo "$name $f; ${s:-none}; $r; $d"
done <ports
