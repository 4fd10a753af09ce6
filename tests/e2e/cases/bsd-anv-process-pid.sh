# anv-process-pid.txt (tests/fixtures/bsd-netstat, see its README): macOS 13+
# `netstat -anv -p tcp`, whose "process:pid" column holds the command name
# cut to 16 characters, blanks and all ("Code Helper (Plu:84517"), and the
# PID.  The column is found by its name in the header, not by position.
#
# Found independently (python3 and awk below, reading the "name:pid" text
# after the shiwat column): 6 rows; PIDs 53082 (node, 3 rows), 84517 (Code
# Helper (Plu, 2 rows), 9001 (curl, 1 row): 3 processes.
# Held dynamic ports (not LISTEN, local port >= 49152, the macOS default
# range 49152-65535 as the text states none): 50125 and 50126 (Code
# Helper), 50200 (node), 50300 (curl).
cp "$FIX/bsd-netstat/anv-process-pid.txt" .
"$PORTSIFT" ingest --db "$CASE" anv-process-pid.txt
echo "exit $?"

echo "-- in the text (process, pid, rows; held local ports):"
python3 - <<'PY'
import collections, re
c = collections.Counter()
for line in open("anv-process-pid.txt").readlines()[2:]:
    # proto recv-q send-q local foreign state rxbytes txbytes rhiwat shiwat
    m = re.match(r"(\S+\s+){6}(\d+\s+){4}(.*?:\d+)\s", line)
    c[m.group(3)] += 1
for k in sorted(c):
    print("%s|%d" % (k, c[k]))
PY
awk 'NR > 2 && $6 != "LISTEN" { n = split($4, a, "."); if (a[n] >= 49152) print a[n] }' \
	anv-process-pid.txt | sort
echo "-- in the case:"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport, state, pid, process
	FROM sockets ORDER BY line"
sqlite3 "$CASE" "SELECT pid, image FROM process ORDER BY pid"
sqlite3 "$CASE" "SELECT lport, process, pid FROM held ORDER BY lport"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
