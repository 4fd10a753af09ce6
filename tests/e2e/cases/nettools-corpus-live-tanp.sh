# linux-live_netstat-tanp.txt: net-tools `netstat -tanp` captured live on
# Debian 12 (loopback scenario of ../shared/corpus/README.md, 1404 lines):
# python3 listens on 127.0.0.1:47001 and never closes what it accepts;
# leakyclient (started as ./leakyclient) holds 400 connections; goodclient
# opened and closed 300, left in FIN_WAIT2 with no owner ("-").
#
# Expected figures, from the corpus README and counted in the text with awk
# (below): 1402 sockets, no issue; ESTABLISHED 400 python3 (server side) +
# 400 leakyclient, CLOSE_WAIT 300 python3, FIN_WAIT2 300 without a PID,
# LISTEN 2 (one with "-").  The program name "./leakyclient" is stored as
# "leakyclient" (net-tools strips absolute paths itself, not relative ones;
# ss shows "leakyclient").  Dynamic ports held (tcp, not LISTEN, local port
# in the Linux default 32768-60999): 701 distinct local ports (awk below) —
# leakyclient 400, no owner 300, python3 1 (its 700 sockets share 47001).
cp "$CORPUS/linux-live_netstat-tanp.txt" .
"$PORTSIFT" ingest --db "$CASE" linux-live_netstat-tanp.txt
echo "exit $?"

echo "-- state and PID/Program in the text:"
awk '$1 == "tcp" { print $6, $7 }' linux-live_netstat-tanp.txt | sort | uniq -c
echo "-- in the case, by state and process:"
sqlite3 "$CASE" "SELECT state, state_raw, coalesce(pid, '-'),
	coalesce(process, '-'), count(*) FROM sockets GROUP BY 1, 2, 3, 4
	ORDER BY 1, 3"
echo "-- distinct held local ports in the text:"
awk '$1 == "tcp" && $6 != "LISTEN" {
	n = split($4, a, ":"); p = a[n]
	if (p >= 32768 && p <= 60999) held[p] = 1
} END { c = 0; for (k in held) c++; print c }' linux-live_netstat-tanp.txt
echo "-- snapshot:"
sqlite3 "$CASE" "SELECT seq, os, taken_at, range_lo, range_hi, sockets,
	ports_held, listeners_in_range FROM snapshots"
echo "-- ports held per process:"
sqlite3 "$CASE" "SELECT coalesce(process, '-'), coalesce(pid, '-'),
	ports_held, sockets FROM port_share ORDER BY ports_held DESC"

# Line 3:   tcp 0.0.0.0:2024 0.0.0.0:* LISTEN -
# Line 7:   tcp 127.0.0.1:47001 127.0.0.1:41962 CLOSE_WAIT 3026/python3
# Line 294: tcp 127.0.0.1:40776 127.0.0.1:47001 FIN_WAIT2 -
# Line 388: tcp 127.0.0.1:41662 127.0.0.1:47001 ESTABLISHED 3028/./leakyclient
echo "-- rows at lines 3, 7, 294, 388:"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport, state, state_raw,
	pid, process FROM sockets WHERE line IN (3, 7, 294, 388) ORDER BY line"
