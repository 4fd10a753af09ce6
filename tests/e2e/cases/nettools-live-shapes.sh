# Every shape of net-tools netstat captured live from one loopback scenario
# (tests/fixtures/linux-netstat, see its README: -tanp, -anp, -tunap, -aeep,
# -tanpo, -lnp, -an, -tuap without -n), each ingested without --format.
#
# Expected figures, counted in each file with awk (printed below, then the
# case file's): sockets = rows whose first word is tcp, tcp6, udp or udp6;
# skipped = rows whose first word is raw, raw6 or unix; every file is
# sniffed as linux-netstat, one snapshot each, no issue.
for f in live-tanp live-anp live-tunap live-aeep live-tanpo live-lnp live-an \
    live-tuap-names; do
	cp "$FIX/linux-netstat/$f.txt" .
	"$PORTSIFT" ingest -q --db "$CASE" "$f.txt"
	echo "$f: exit $?"
done

echo "-- in the text: file, lines, socket rows, skipped rows:"
for f in live-*.txt; do
	awk -v f="$f" '$1 ~ /^(tcp|udp)6?$/ { s++ } $1 ~ /^(raw6?|unix)$/ { k++ }
	    END { print f, NR, s + 0, k + 0 }' "$f"
done
echo "-- in the case:"
sqlite3 "$CASE" "SELECT c.path, c.lines_read,
	(SELECT count(*) FROM socket s JOIN snapshot n ON n.id = s.snapshot_id
	 WHERE n.capture_id = c.id), c.sockets_skipped FROM capture c
	ORDER BY c.path"
echo "-- formats, snapshots per capture, issues:"
sqlite3 "$CASE" "SELECT format, count(*) FROM capture GROUP BY 1"
sqlite3 "$CASE" "SELECT count(*), count(DISTINCT capture_id) FROM snapshot"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
