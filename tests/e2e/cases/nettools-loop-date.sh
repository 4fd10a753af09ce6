# loop-date-tanp.txt (tests/fixtures/linux-netstat): a collection loop's
# file — `sysctl net.ipv4.ip_local_port_range` once (line 1, "32768<TAB>
# 60999"), then three times `date` and `netstat -tanp`, 5 seconds apart,
# while "leaky worker 1" opened 2 connections a second.
#
# Expected, read off the text (grep and awk below): 3 snapshots, each
# starting at its `date` line (2, 61, 140) with taken_at from it
# (2026-11-23 23:57:01, :06, :11, source "text"); the range 32768-60999
# from line 1 for every snapshot; 56, 76 and 96 sockets; "leaky worker 1"
# holds 2, 12 and 22 sockets, each on its own local port in the range, so
# its trend is +20 ports in 10 seconds: 7200 ports an hour, growing at
# every snapshot.
cp "$FIX/linux-netstat/loop-date-tanp.txt" .
"$PORTSIFT" ingest --db "$CASE" loop-date-tanp.txt
echo "exit $?"

echo "-- range and date lines in the text:"
grep -n 'ip_local_port_range\|UTC' loop-date-tanp.txt
echo "-- sockets and leaky worker sockets per run in the text:"
awk '/UTC/ { s++ } $1 ~ /^tcp/ { n[s]++; if ($0 ~ /leaky worker 1/) l[s]++ }
    END { for (i = 1; i <= s; i++) print i, n[i], l[i] + 0 }' loop-date-tanp.txt
echo "-- snapshots:"
sqlite3 "$CASE" "SELECT seq, first_line, taken_at, taken_at_source, os,
	range_lo, range_hi, range_source, sockets FROM snapshots ORDER BY seq"
echo "-- leaky worker 1 per snapshot:"
sqlite3 "$CASE" "SELECT seq, count(*), count(DISTINCT lport) FROM sockets
	WHERE process = 'leaky worker 1' AND lport BETWEEN 32768 AND 60999
	GROUP BY seq ORDER BY seq"
echo "-- its trend:"
sqlite3 "$CASE" "SELECT process, snapshots, ports_first, ports_last,
	round(slope_per_hour), monotonic FROM trend
	WHERE process = 'leaky worker 1' AND pid IS NOT NULL"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
