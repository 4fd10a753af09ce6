# linux-live_ss-tanpeio.txt: real `ss -tanpeio` of the same moment as
# linux-live_ss-tanp.txt (../shared/corpus/README.md): every row is followed
# by a tab-indented -i detail line, and -e adds "ino:N sk:N cgroup:/" but no
# "uid:" (ss prints uid only when it is not 0: every socket here is root's).
#
# Expected, found without portsift: 2805 lines = header + 1402 rows + 1402
# detail lines (counted with grep); the detail lines are no issues and no
# sockets.  By state and first owner the awk count is that of the -tanp
# capture (400 ESTAB leakyclient, 400 ESTAB python3, 300 CLOSE-WAIT
# python3, 300 FIN-WAIT-2 and 1 LISTEN without owner, 1 LISTEN python3).
# With -e, each socket's owner is its uid: 0 for all 1402 (grep: 1402
# "ino:", 0 "uid:").  Rows at lines 2 (0.0.0.0:2024, no users:) and 8
# (ESTAB 127.0.0.1:47001 -> 127.0.0.1:46202, python3 fd 608) by hand.
cp "$CORPUS/linux-live_ss-tanpeio.txt" .
"$PORTSIFT" ingest --db "$CASE" linux-live_ss-tanpeio.txt
echo "exit $?"

echo "-- lines, rows (start with a letter), detail lines (start with a tab):"
wc -l < linux-live_ss-tanpeio.txt
grep -c '^[A-Z]' linux-live_ss-tanpeio.txt
grep -c "$(printf '^\t')" linux-live_ss-tanpeio.txt
echo "-- \"ino:\" and \"uid:\" in the text:"
grep -c 'ino:' linux-live_ss-tanpeio.txt
grep -c 'uid:' linux-live_ss-tanpeio.txt
echo "-- by state and first owner, in the text:"
awk '/^[A-Z]/ && NR > 1 { p = "-"
	if (match($0, /users:\(\("[^"]*"/)) p = substr($0, RSTART + 9, RLENGTH - 10)
	n[$1 " " p]++ } END { for (k in n) print k, n[k] }' linux-live_ss-tanpeio.txt | sort
echo "-- by state, process and owner, in the case:"
sqlite3 "$CASE" "SELECT state, coalesce(process, '-'), owner, count(*)
	FROM sockets GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
echo "-- rows at lines 2 and 8:"
sqlite3 "$CASE" "SELECT line, laddr, lport, raddr, rport, state, pid,
	process, owner FROM sockets WHERE line IN (2, 8) ORDER BY line"
echo "-- snapshots, issues:"
sqlite3 "$CASE" "SELECT count(*) FROM snapshot"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
