# centos-7.7_ss-sudo-a.txt: real `sudo ss -a` from CentOS 7.7 (jc project
# fixture).  This older ss writes IPv4's unspecified address as "*"
# ("*:ssh  *:*") and IPv6's as "[::]"; newer ss writes 0.0.0.0 for IPv4 and
# keeps "*" for dual-stack IPv6 sockets.  The file shows no 0.0.0.0 and no
# Process column header, so "*" is IPv4 here: 0.0.0.0, family 4.
#
# Expected, found without portsift: Netid counted with awk: 3 udp + 6 tcp
# sockets; the other 194 rows (122 u_str, 42 nl, 27 u_dgr, 1 u_seq, 1 raw,
# 1 p_raw) are skipped.  jc's .jc.json: 203 entries, 9 with netid tcp or
# udp (jc keeps "*" and "[::1]" as written).  The rows (lines 196-204) read
# off the text by hand: "*" and "[::]" peers are no remote.
cp "$CORPUS/centos-7.7_ss-sudo-a.txt" .
"$PORTSIFT" ingest --db "$CASE" centos-7.7_ss-sudo-a.txt
echo "exit $?"

echo "-- rows by Netid, in the text:"
awk 'NR > 1 { n[$1]++ } END { for (k in n) print k, n[k] }' centos-7.7_ss-sudo-a.txt | sort
echo "-- jc: entries, and those with netid tcp or udp:"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(len(d), sum(1 for x in d if x.get("netid") in ("tcp", "udp")))' \
    "$CORPUS/centos-7.7_ss-sudo-a.jc.json"
echo "-- the capture: lines, rejected, skipped:"
sqlite3 "$CASE" "SELECT lines_read, lines_rejected, sockets_skipped FROM capture"
echo "-- the sockets:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, lport_name,
	coalesce(raddr, '-'), rport, rport_name, state, resolved FROM sockets
	ORDER BY line"
