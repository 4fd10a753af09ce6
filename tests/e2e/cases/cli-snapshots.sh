# `portsift snapshots` lists the snapshots with their number, label, time,
# sockets, held ports, range, and "the file and line they start at"
# (portsift.1) -- evidence is written file:line everywhere (DESIGN.md).
# Checked by hand: ano-en.txt (label before) has its header on line 2, 12
# sockets, 5 held (50001-50005); loop-two-stamp-formats.txt (label after)
# has stamps on lines 1, 18, 36 and 12, 13, 14 sockets, 5, 6, 7 held.
# Columns are checked by field (awk), not by layout: the first two and the
# last one (FROM), which must read FILE:LINE.
cp "$FIX/windows/ano-en.txt" "$FIX/windows/loop-two-stamp-formats.txt" .
"$PORTSIFT" snapshots --db "$CASE"
echo "exit $? (no case file yet)"
"$PORTSIFT" ingest -q --db "$CASE" --label before ano-en.txt
"$PORTSIFT" ingest -q --db "$CASE" --label after loop-two-stamp-formats.txt
"$PORTSIFT" snapshots --db "$CASE" >out
echo "exit $?"
awk '{ print $1, $2, $NF }' out
echo "-- sockets, held, range (the 3 fields before FROM):"
awk 'NR > 1 { print $(NF-3), $(NF-2), $(NF-1) }' out
