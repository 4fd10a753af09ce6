# ubuntu-18.04_ss-sudo-a.txt: real `sudo ss -a` from Ubuntu 18.04 (jc
# project fixture, iproute2 4.15): a Netid column, port names (ssh, domain,
# bootpc), interface suffixes (127.0.0.53%lo), and every other kind of
# socket: netlink, unix, packet, raw (icmp6), vsock.
#
# Expected, found without portsift: the Netid column counted with awk: 2 udp
# + 4 tcp are sockets; the other 152 rows (39 nl, 74 u_str, 35 u_dgr, 1
# u_seq, 1 p_raw, 1 icmp6, 1 v_str) are skipped and counted, not issues.
# jc's .jc.json agrees: 158 entries, of which 6 have netid tcp or udp.  The
# six rows (lines 153-158) read off the text by hand: port names are kept
# as written (lport NULL, resolved 0), "%lo" and "%ens33" are zones, peers
# "0.0.0.0:*" and "[::]:*" are no remote.
cp "$CORPUS/ubuntu-18.04_ss-sudo-a.txt" .
"$PORTSIFT" ingest --db "$CASE" ubuntu-18.04_ss-sudo-a.txt
echo "exit $?"

echo "-- rows by Netid, in the text:"
awk 'NR > 1 { n[$1]++ } END { for (k in n) print k, n[k] }' ubuntu-18.04_ss-sudo-a.txt | sort
echo "-- jc: entries, and those with netid tcp or udp:"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(len(d), sum(1 for x in d if x.get("netid") in ("tcp", "udp")))' \
    "$CORPUS/ubuntu-18.04_ss-sudo-a.jc.json"
echo "-- the capture: lines, rejected, skipped; sockets:"
sqlite3 "$CASE" "SELECT format, lines_read, lines_rejected, sockets_skipped
	FROM capture"
sqlite3 "$CASE" "SELECT count(*) FROM socket"
echo "-- the sockets:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lzone, lport,
	lport_name, raddr, rport, state, state_raw, resolved FROM sockets
	ORDER BY line"
