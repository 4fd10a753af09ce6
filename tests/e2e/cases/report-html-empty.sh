# A case with no snapshot still renders as a page (exit 0): an empty input
# file stores nothing (ingest exits 1, see input-empty), and the report
# says so instead of drawing empty charts: no <svg> at all, "0 snapshots
# in the case", and the answer box says the case holds no snapshot.
cp "$FIX/windows/empty.txt" .
"$PORTSIFT" ingest -q --db "$CASE" empty.txt 2>/dev/null
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format html -o report.html
echo "exit $?"
head -n 1 report.html
grep -o '0 snapshots in the case' report.html
grep -o 'The case holds no snapshot: there is nothing to report.' report.html
echo "<svg $(grep -c '<svg' report.html)"
tail -n 1 report.html
