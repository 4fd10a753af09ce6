# windows-10_netstat.txt: real plain `netstat` from Windows 10 (jc project
# fixture): names instead of numbers ("api:1032"), no PID column, and no
# CRLF after the last line (36 lines; `wc -l` says 35).
#
# Checked against the text and jc's .jc.json: 32 entries, all TCP
# ESTABLISHED from 127.0.0.1 to host "api".  The remote host is a name, so
# every socket is resolved = 0 and raddr is 'api'; the remote ports are
# numbers (rport 1032 on line 5, 49673 on line 36, the unterminated one).
cp "$CORPUS/windows-10_netstat.txt" .
"$PORTSIFT" ingest --db "$CASE" windows-10_netstat.txt
echo "exit $?"

echo "-- socket lines in the text:"
tr -d '\r' < windows-10_netstat.txt | awk '$1 == "TCP"' | wc -l
echo "-- in the case, by state, resolved, raddr:"
sqlite3 "$CASE" "SELECT state, resolved, raddr, count(*) FROM socket GROUP BY 1, 2, 3"
echo "-- rows at lines 5 and 36:"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport,
	coalesce(rport_name, 'NULL'), resolved, state, coalesce(pid, 'NULL')
	FROM socket WHERE line IN (5, 36) ORDER BY line"
echo "-- held: 127.0.0.1:49673 and :49674 (lines 35, 36):"
sqlite3 "$CASE" "SELECT line, lport, raddr, rport FROM held ORDER BY line"
