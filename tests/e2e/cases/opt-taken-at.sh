# --taken-at gives a time to snapshots whose text has no stamp (source
# 'option'); a stamp in the text wins over it (source 'text').  The 'T'
# form is stored with a space, as every other time in the case.  A value
# that is not "YYYY-MM-DD HH:MM:SS" is a usage error (exit 2).
cp "$FIX/windows/ano-en.txt" "$FIX/windows/ano-it.txt" \
    "$FIX/windows/loop-two-stamp-formats.txt" .
"$PORTSIFT" ingest -q --db "$CASE" --taken-at "2026-11-23 14:05:33" ano-en.txt
echo "exit $?"
"$PORTSIFT" ingest -q --db "$CASE" --taken-at 2026-11-24T08:00:00 ano-it.txt
echo "exit $?"
"$PORTSIFT" ingest -q --db "$CASE" --taken-at "2020-01-01 00:00:00" \
    loop-two-stamp-formats.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT seq, taken_at, taken_at_source FROM snapshot ORDER BY seq"
echo "-- without it: NULL, never invented:"
"$PORTSIFT" ingest -q --db plain.db ano-en.txt
echo "exit $?"
sqlite3 plain.db "SELECT seq, coalesce(taken_at, 'NULL'), coalesce(taken_at_source, 'NULL') FROM snapshot"
echo "-- not a time:"
"$PORTSIFT" ingest --db bad.db --taken-at yesterday ano-en.txt 2>&1 | head -n 1
"$PORTSIFT" ingest --db bad.db --taken-at yesterday ano-en.txt 2>/dev/null
echo "exit $?"
"$PORTSIFT" ingest --db bad.db --taken-at "2026-13-01 00:00:00" ano-en.txt 2>&1 | head -n 1
