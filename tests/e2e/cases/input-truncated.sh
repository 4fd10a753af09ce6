# A file cut in the middle of its last line, with no CRLF after it: the 16
# lines of ano-en.txt, then line 17 cut short.
#
# What is right: an unterminated last line is normal (windows-10_netstat.txt
# ends so) and is read like any other.  If what is left is still a socket
# line, it is stored and what is wrong with it is reported; if it is not,
# it is an issue.  Either way the 12 complete sockets are stored and the
# exit is 1.
#
# truncated-state.txt, line 17: "TCP 10.1.1.5:50010 10.0.0.7:1433 ESTABLI"
#   -- both endpoints whole, state word cut: DESIGN.md's rule for a state not
#   in the table applies (state_raw kept, state UNKNOWN, reported once, row
#   stored); the PID was cut off, so pid is NULL.  13 sockets.
# truncated-addr.txt, line 17: "TCP 10.1.1.5:50010 10.0.0" -- the remote
#   endpoint has no port: not a socket line, an issue at line 17.  12 sockets.
cp "$FIX/windows/truncated-state.txt" "$FIX/windows/truncated-addr.txt" .
echo "-- the last bytes of each file:"
tail -c 12 truncated-state.txt | od -An -c
tail -c 12 truncated-addr.txt | od -An -c

"$PORTSIFT" ingest --db "$CASE" truncated-state.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT count(*) FROM socket"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport, state, state_raw,
	coalesce(pid, 'NULL') FROM socket WHERE line = 17"
sqlite3 "$CASE" "SELECT line FROM issue"

"$PORTSIFT" ingest --db cut-addr.db truncated-addr.txt 2>stderr
echo "exit $?"
sed -E 's/^(portsift: truncated-addr\.txt:[0-9]+): .*/\1: (reason)/' stderr
sqlite3 cut-addr.db "SELECT count(*), max(line) FROM socket"
sqlite3 cut-addr.db "SELECT line FROM issue"
