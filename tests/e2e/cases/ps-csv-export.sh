# Windows PowerShell 5.1's `Get-NetTCPConnection | Export-Csv connections.csv`
# (tests/fixtures/powershell/connections.csv: ASCII, CRLF, the #TYPE line,
# every CIM column quoted, the 18 sockets of state.txt; see its README).
# Columns are read by name; the ones portsift has no use for (CreationTime,
# InstanceID, CimClass, CimInstanceProperties with its quoted commas, ...)
# are skipped.
#
# Expected figures found without portsift: the awk below reads the CSV by
# its header's names (split on '","', the quotes dropped) and counts the
# rows per OwningProcess and State; portsift's count from the case must
# equal it.  The two rows shown were read off the fixture by hand (line 7:
# the IPv6 SynSent row with zone 12 on both ends; line 17: the Bound row,
# remote 0.0.0.0 port 0, i.e. no remote).
cp "$FIX/powershell/connections.csv" .
"$PORTSIFT" ingest --db "$CASE" connections.csv
echo "exit $?"
echo "-- capture: format, encoding, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, lines_read, lines_rejected FROM capture"
echo "-- snapshots: first line, taken at:"
sqlite3 "$CASE" "SELECT first_line, coalesce(taken_at, '-') FROM snapshot"
echo "-- per OwningProcess and State, counted in the CSV:"
tr -d '\r' <connections.csv | awk -F'","' '
	NR == 1 { next }
	{ for (i = 1; i <= NF; i++) gsub(/"/, "", $i) }
	NR == 2 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ n[$c["OwningProcess"] "|" $c["State"]]++ }
	END { for (k in n) print k "|" n[k] }' | sort -t'|' -k1,1n -k2,2
echo "-- the same from the case:"
sqlite3 "$CASE" "SELECT pid, state_raw, count(*) FROM socket
	GROUP BY pid, state_raw ORDER BY pid, state_raw"
echo "-- two rows:"
sqlite3 "$CASE" "SELECT line, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rzone, '-'), coalesce(rport, '-'), state,
	pid FROM socket WHERE line IN (7, 17) ORDER BY line"
