# `report --format html -o FILE` of the bundled sample: one self-contained
# page that says the answer first.  Expected, found without portsift:
#   - the answer sentence is the README's (samples/windows-exhaustion/README.md
#     tells the story; 12,551 = 391 ESTABLISHED sockets of PID 4321 plus
#     12,160 TIME_WAIT under PID 0 to 10.0.0.7:1433 in the 4th run, counted
#     with grep -c on lines 21163-35084 of the sample), and it comes before
#     the first chart;
#   - nothing outside the page: no http:// or https://, no src= attribute,
#     no <link>, and one <script> (the table sorter, ours);
#   - the charts, as DESIGN.md and the brief list them, by their <title>:
#     for snapshot 4 (the last, shown first) ports held, states, over time
#     (4 timed snapshots), pool pressure; for snapshots 1-3 the same but
#     over time; 13 <svg> in all, each with a legend;
#   - `-o -` (standard output) writes the same bytes as `-o FILE`.
cp "$FIX/../../samples/windows-exhaustion/netstat.txt" .
"$PORTSIFT" ingest -q --db "$CASE" netstat.txt
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format html -o report.html
echo "exit $?"
head -n 3 report.html
echo "-- the answer:"
grep -o -F 'w3wp.exe (PID 4321) holds 12,551 of 16,384 dynamic ports (76.6%) on 10.1.1.5 (391 open, 12,160 in TIME_WAIT listed under PID 0 and matched to it by endpoint), all of them to 10.0.0.7:1433' report.html
answer=$(grep -n -F 'holds 12,551 of 16,384' report.html | head -n 1 | cut -d: -f1)
chart=$(grep -n '<svg' report.html | head -n 1 | cut -d: -f1)
[ "$answer" -lt "$chart" ] && echo "the answer comes before the first chart"
echo "-- self-contained:"
echo "http(s):// $(grep -c -E 'https?://' report.html)"
echo "src= $(grep -c -E '<[^>]* src=' report.html)"
echo "<link $(grep -c '<link' report.html)"
echo "<script $(grep -o '<script' report.html | wc -l)"
echo "-- charts:"
echo "<svg $(grep -o '<svg' report.html | wc -l), legends $(grep -o '<g class="legend">' report.html | wc -l)"
grep -A1 '^<svg' report.html | sed -n 's/^<title>\(.*\)<\/title>$/\1/p'
echo "-- standard output:"
"$PORTSIFT" report --db "$CASE" --format html -o - | cmp - report.html && echo same bytes
