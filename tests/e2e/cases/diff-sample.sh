# `diff` of the bundled sample's snapshots 1 and 4 (and 2 and 3 for the
# endpoints).  Expected figures from samples/windows-exhaustion/README.md,
# "Ports held per snapshot", by PID as written in the file, B - A:
#
#   PID 0      (2,380 + 18 = 2,398) -> (12,160 + 31 = 12,191): +9,793, all
#              TIME_WAIT
#   w3wp.exe 4321           262 -> 391: +129 ESTABLISHED
#   java.exe 2288  214 + 12 = 226 -> 327 + 12 = 339: +113, CLOSE_WAIT only
#   MonitoringHost.exe 5120   4 -> 6: +2 SYN_SENT
#   lsass.exe 708, (PID 4), HealthService.exe 3172: 3, 1, 1 in both: 0
#   total 2,895 -> 12,932: +10,037; 12,932 / 16,384 = 78.9%
#
# Rows with the same |delta| (0) go by B, then A, descending, then by name
# (an image before no image).  The stamps are 08:47:12.35 and 09:36:11.87:
# 48 min 59.52 s, which rounds to 49 min.  Every process is in both
# snapshots, with the same PID: nothing came or went.  Endpoints: the held
# sockets go to the same remote endpoints in 1 and 4; 10.0.0.30:80 (3 PID 0
# TIME_WAIT) is in snapshot 2 only, so it vanishes from 2 to 3.
cp "$FIX/../../samples/windows-exhaustion/netstat.txt" .
"$PORTSIFT" ingest -q --db "$CASE" netstat.txt
echo "exit $?"
"$PORTSIFT" diff --db "$CASE" 1 4 >out
echo "exit $?"
echo "-- A, B, the totals, the process table, the endpoints:"
sed -n '/^  [AB]  /p; /^  Dynamic ports held/p; /^  PROCESS/,/^$/p;
    /^Remote/,$p' out
echo "-- 2 to 3, endpoints only:"
"$PORTSIFT" diff --db "$CASE" 2 3 | sed -n '/^Remote/,$p'
echo "-- first and last are 1 and 4:"
"$PORTSIFT" diff --db "$CASE" first last | cmp - out && echo same
