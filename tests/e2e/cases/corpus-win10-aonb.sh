# windows-10_netstat-aonb.txt: real `netstat -aonb` from Windows 10 (jc
# project fixture, CRLF, 720 lines).  Service tags ("  RpcSs") and images
# (" [svchost.exe]") follow their socket line; 35 sockets say "Can not obtain
# ownership information".
#
# Checked by hand against the text and against jc's windows-10_netstat-aonb
# .jc.json (318 entries: UDP 204, TCP ESTABLISHED 54, LISTENING 51,
# CLOSE_WAIT 6, TIME_WAIT 3; 35 with program_name "Can not obtain ownership
# information", all of PIDs 4 (29), 1036, 1400, 10404 (2 each)).  The text
# and jc agree on every count here.
cp "$CORPUS/windows-10_netstat-aonb.txt" .
"$PORTSIFT" ingest --db "$CASE" windows-10_netstat-aonb.txt
echo "exit $?"

echo "-- socket lines in the text (TCP/UDP in the first column):"
tr -d '\r' < windows-10_netstat-aonb.txt | awk '$1 == "TCP" || $1 == "UDP"' | wc -l
echo "-- in the case:"
sqlite3 "$CASE" "SELECT count(*) FROM socket"
echo "-- by proto, family:"
sqlite3 "$CASE" "SELECT proto, family, count(*) FROM socket GROUP BY 1, 2"
echo "-- by state:"
sqlite3 "$CASE" "SELECT state, count(*) FROM socket GROUP BY 1 ORDER BY 1"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"

# Line 5:   TCP    0.0.0.0:135   0.0.0.0:0   LISTENING   1712
# line 6/7: "  RpcSs" then " [svchost.exe]".
# Line 188: TCP 192.168.31.221:4713 157.240.252.61:5222 TIME_WAIT 0, and no
# ownership line after it (the next line is a socket).
# Line 703: UDP [fe80::d8df:ceee:28ba:aad%14]:1900 *:* 8844, "  SSDPSRV",
# " [svchost.exe]".
echo "-- rows at lines 5, 188, 703:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lzone, lport, raddr, rport,
	state, state_raw, pid, process, service, ownership
	FROM sockets WHERE line IN (5, 188, 703) ORDER BY line"

echo "-- the image and service of PID 1712 (lines 5-7 and 208-210):"
sqlite3 "$CASE" "SELECT pid, image, service FROM process WHERE pid = 1712"
echo "-- images of a few PIDs (9396 vmware-hostd.exe, 1428 is shown as [System]):"
sqlite3 "$CASE" "SELECT pid, image FROM process WHERE pid IN (9396, 1428, 33968)
	ORDER BY pid"

echo "-- 'Can not obtain ownership information' in the text:"
grep -c 'Can not obtain ownership information' windows-10_netstat-aonb.txt
echo "-- ownership unavailable in the case, by PID (image unknown):"
sqlite3 "$CASE" "SELECT pid, count(*), coalesce(process, '-')
	FROM sockets WHERE ownership = 'unavailable' GROUP BY pid ORDER BY pid"
