# Live captures on loopback: tests/live/run-scenario.sh starts holdserver on
# 127.0.0.1, leakyclient holding 40 connections to it and goodclient opening
# and closing 30 (the server never closes its side).  While they run, the
# real ss and net-tools netstat are captured in the common flag sets, then
# each capture is ingested and counted per state and owner, on the
# scenario's port only.  The expected counts follow from the scenario, not
# from portsift: 40 ESTABLISHED on each side (holdserver, leakyclient),
# 30 CLOSE_WAIT held by holdserver, 30 FIN_WAIT_2 without an owner (closed
# by goodclient), 1 listener; and with -u, holdserver's UDP socket.
repo=$(cd "$FIX/../.." && pwd)
port=$(sh "$repo/tests/live/run-scenario.sh" "$TMP" 40 30) || exit 1
ss -tanp >ss-tanp.txt
ss -tunap >ss-tunap.txt
ss -antpeio >ss-antpeio.txt
netstat -tanp >netstat-tanp.txt 2>/dev/null
netstat -anp >netstat-anp.txt 2>/dev/null
sh "$repo/tests/live/stop-scenario.sh" "$TMP"
for f in ss-tanp ss-tunap ss-antpeio netstat-tanp netstat-anp; do
	echo "== $f"
	"$PORTSIFT" ingest -q --db "$f.db" "$f.txt" 2>/dev/null
	echo "exit $?"
	sqlite3 "$f.db" "SELECT format FROM capture"
	sqlite3 -separator ' ' "$f.db" "SELECT proto, state,
	    coalesce(process, '-'), count(*) FROM sockets
	    WHERE lport = $port OR rport = $port
	    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
done
