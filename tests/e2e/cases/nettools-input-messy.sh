# What a customer's file of net-tools output looks like after a copy and
# paste (written here byte for byte, CRLF line ends): an echoed prompt,
# netstat's "(Not all processes could be identified ...)" note, the range
# from /proc after its `cat`, a greeting, an unknown state word twice, a raw
# row and a unix section, and a `date` line at the end with nothing after it.
#
# Expected, read off the lines below: 1 snapshot from line 6, 4 sockets
# (lines 8, 9, 11, 12), 1 raw + 2 unix rows skipped; issues at line 10 (not
# a netstat line), 11 (unknown state "ESTABLISHD", reported once though line
# 12 has it too; both rows stored as UNKNOWN) and 17 (a date line with no
# output after it), so exit status 1; the range 1024-65000 stated on line 5
# (the line after the `cat` names ip_local_port_range).
printf '%s\r\n' \
    'admin@web01:~$ sudo netstat -tanp' \
    '(Not all processes could be identified, non-owned process info' \
    ' will not be shown, you would have to be root to see it all.)' \
    'admin@web01:~$ cat /proc/sys/net/ipv4/ip_local_port_range' \
    '1024	65000' \
    'Active Internet connections (servers and established)' \
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ' \
    'tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      -                   ' \
    'tcp        0      0 10.0.0.5:41000          10.0.0.7:5432           TIME_WAIT   -                   ' \
    'hope this helps' \
    'tcp        0      0 10.0.0.5:41002          10.0.0.7:5432           ESTABLISHD  812/java            ' \
    'tcp        0      0 10.0.0.5:41004          10.0.0.7:5432           ESTABLISHD  812/java            ' \
    'raw        0      0 0.0.0.0:1               0.0.0.0:*               7           -                   ' \
    'Active UNIX domain sockets (servers and established)' \
    'unix  2      [ ACC ]     STREAM     LISTENING     20812    1/init               /run/udev/control' \
    'unix  3      [ ]         DGRAM                    20676    1/init               /run/systemd/notify' \
    'Tue Nov 24 00:05:00 UTC 2026' >messy.txt
"$PORTSIFT" ingest --db "$CASE" messy.txt 2>err.txt
echo "exit $?"
echo "-- messages (reasons masked):"
sed 's/^\(portsift: messy.txt:[0-9]*\): .*/\1: .../' err.txt
echo "-- issues (line):"
sqlite3 "$CASE" "SELECT line FROM issue ORDER BY line"
echo "-- sockets:"
sqlite3 "$CASE" "SELECT line, state, state_raw, coalesce(pid, '-') FROM socket
	ORDER BY line"
sqlite3 "$CASE" "SELECT sockets_skipped, lines_rejected FROM capture"
sqlite3 "$CASE" "SELECT seq, first_line, range_lo, range_hi, range_source
	FROM snapshots"
