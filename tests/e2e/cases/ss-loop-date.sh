# A collection loop captured live (tests/fixtures/linux-ss/loop-date-tanp.txt,
# see its README): `sysctl net.ipv4.ip_local_port_range` once, then three
# times `date` and `ss -tanp`, one second apart.
#
# Expected, found without portsift: grep finds the range line (line 1:
# 32768-60999) and the three `date` stamps (lines 2, 93, 184: 23:58:03,
# :04, :05 UTC on Mon Nov 23 2026); each stamp and its header are one
# snapshot, so 3 snapshots, taken at those times (from the text), all under
# the stated range (it stands before every run).  awk counts 89 rows per
# run (82 not LISTEN) and 40 distinct local ports in 32768-60999 among the
# rows that are not LISTEN, in each run (the scenario's 20 held, 10
# half-closed, 3 IPv6, 3 dual-stack and 4 connecting clients).
cp "$FIX/linux-ss/loop-date-tanp.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-date-tanp.txt
echo "exit $?"

echo "-- range and stamps in the text:"
grep -n 'ip_local_port_range\|^[A-Z][a-z][a-z] [A-Z][a-z][a-z] ' loop-date-tanp.txt
echo "-- rows and dynamic ports held per run, in the text:"
awk '/^[A-Z][a-z][a-z] / { s++; next }
	/^[A-Z]/ && $1 != "State" { n[s]++; if ($1 == "LISTEN") next
		port = $4; sub(/.*:/, "", port)
		if (port >= 32768 && port <= 60999) k[s " " port] = 1 }
	END { for (x in k) { split(x, a, " "); h[a[1]]++ }
	      for (q = 1; q <= s; q++) print q, n[q], h[q] }' loop-date-tanp.txt
echo "-- snapshots in the case:"
sqlite3 "$CASE" "SELECT seq, taken_at, taken_at_source, os, range_lo,
	range_hi, range_source, first_line, sockets, ports_held FROM snapshots
	ORDER BY seq"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
