# report --snapshot WHICH: N (as `portsift snapshots` numbers them), a label
# given with `ingest --label`, first, last, all; the default is all when
# there are up to 6.  Case: ano-en.txt --label before (snapshot 1), then
# loop-two-stamp-formats.txt --label after (snapshots 2, 3, 4: stamps
# 14:05:33.12, 14:20:33, 14:35:33.50).  Only the "Snapshot ..." headings
# are printed.  A number or label that is not in the case: exit 2.
cp "$FIX/windows/ano-en.txt" "$FIX/windows/loop-two-stamp-formats.txt" .
"$PORTSIFT" ingest -q --db "$CASE" --label before ano-en.txt
"$PORTSIFT" ingest -q --db "$CASE" --label after loop-two-stamp-formats.txt
sqlite3 "$CASE" "SELECT seq, label FROM snapshot ORDER BY seq"
for which in "" last 2 before after first all 9 nosuch; do
	echo "-- --snapshot ${which:-(default)}:"
	if [ -n "$which" ]; then
		"$PORTSIFT" report --db "$CASE" --snapshot "$which" >out 2>err
	else
		"$PORTSIFT" report --db "$CASE" >out 2>err
	fi
	echo "exit $?"
	grep '^Snapshot ' out
	cat err
done
# Snapshot 1 by hand: held = local ports 50001-50005 (5); PID 0 holds
# 50002, 50003 (TIME_WAIT to 10.0.0.7:1433); PID 2288 holds 50004
# (CLOSE_WAIT to 10.0.0.20:8080) and [::1]:50005 (ESTABLISHED to
# [::1]:8081), so its top remote has 50%; PID 4321 holds 50001.  The one
# listener in the range is 0.0.0.0:49664.
echo "-- the report of snapshot 1: heading, summary, process table:"
"$PORTSIFT" report --db "$CASE" --snapshot before |
    sed -n '/^Snapshot /,/^$/p; /^  PROCESS .*HELD, BY STATE$/,/^$/p'
