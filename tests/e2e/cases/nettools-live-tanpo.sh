# live-tanpo.txt (tests/fixtures/linux-netstat): net-tools `netstat -tanpo`
# of the loopback scenario: a Timer column after the PID/Program name
# ("off (0.00/0/0)", "on (0.24/1/0)", "timewait (58.24/0/0)"), which must
# not become part of a program name, "6778/leaky worker 1" included.
#
# Expected: the file is live-tanp.txt of the same moment plus the Timer
# column — with the timers and trailing blanks cut off (sed below), the two
# texts are the same line for line but for the column header.  So portsift
# must read the same 74 sockets from both.  jc 1.22.5 (live-tanpo.jc.json)
# cuts "leaky worker 1" to "leaky" when timers follow; the text wins.
cp "$FIX/linux-netstat/live-tanp.txt" "$FIX/linux-netstat/live-tanpo.txt" .
"$PORTSIFT" ingest --db "$CASE" live-tanp.txt live-tanpo.txt
echo "exit $?"

echo "-- the two texts without timers (diff):"
sed 's/ *[a-z]* ([0-9.]*\/[0-9]*\/[0-9]*)$//; s/ *$//' live-tanpo.txt >a.txt
sed 's/ *$//' live-tanp.txt >b.txt
diff a.txt b.txt
echo "-- rows read from one file and not the other (none):"
sqlite3 "$CASE" "SELECT count(*) FROM (
	SELECT line, proto, family, laddr, lport, raddr, rport, state_raw, pid,
	    process FROM sockets WHERE file = 'live-tanpo.txt'
	EXCEPT
	SELECT line, proto, family, laddr, lport, raddr, rport, state_raw, pid,
	    process FROM sockets WHERE file = 'live-tanp.txt')"
sqlite3 "$CASE" "SELECT count(*) FROM (
	SELECT line, proto, family, laddr, lport, raddr, rport, state_raw, pid,
	    process FROM sockets WHERE file = 'live-tanp.txt'
	EXCEPT
	SELECT line, proto, family, laddr, lport, raddr, rport, state_raw, pid,
	    process FROM sockets WHERE file = 'live-tanpo.txt')"
echo "-- program names from -tanpo:"
sqlite3 "$CASE" "SELECT coalesce(process, '-'), count(*) FROM sockets
	WHERE file = 'live-tanpo.txt' GROUP BY 1 ORDER BY 1"

# Line 25: ... ESTABLISHED 6778/leaky worker 1  off (0.00/0/0)
# Line 65: ... SYN_SENT    6779/python3         on (0.24/1/0)
echo "-- rows at lines 25, 65 of -tanpo:"
sqlite3 "$CASE" "SELECT line, lport, rport, state, pid, process FROM sockets
	WHERE file = 'live-tanpo.txt' AND line IN (25, 65) ORDER BY line"
