# One loopback capture (tests/live/capture.sh, the scenario of
# capture-live-pcapng: 101 connections in 11 groups, IPv4 and IPv6), read
# five ways: the pcapng dumpcap wrote and its classic pcap copy (editcap -F
# pcap) by the native reader; tshark -T fields as TSV (tcp.flags in hex) and
# as the corpus's quoted CSV (tcp.flags.str) by the tshark-fields reader;
# and tshark -q -z conv,tcp by the tshark-conv reader.
#
# The four packet-by-packet readers see the same packets, so they must make
# the same connections: the sorted (proto, laddr, lport, raddr, rport,
# state, syns, packets, bytes, refused) of each is compared with cmp; the
# times of each connection's events too, within 2 microseconds (the classic
# pcap keeps microseconds, dumpcap's pcapng nanoseconds).  Their number must
# be the number of conversations tshark itself lists in conv.txt (counted
# here with awk: its rows with "<->"), 101 by construction, and what portsift
# reads from conv.txt must be those conversations, with the same ends and
# frame counts.  Prints no ports, times or connection lists unless they
# differ.  Needs dumpcap, editcap and tshark (scripts/deps.sh).
repo=$(cd "$FIX/../.." && pwd)
sh "$repo/tests/live/capture.sh" "$TMP" full || exit 1
cols="proto, laddr, lport, raddr, rport, state, syns, packets, bytes, refused"
for f in lo.pcapng lo.pcap fields.tsv fields.csv conv.txt; do
	"$PORTSIFT" ingest -q --db "$f.db" "$f"
	echo "$f: exit $?, $(sqlite3 "$f.db" "SELECT format FROM capture"), $(sqlite3 "$f.db" "SELECT count(*) FROM flow") connections"
done
sqlite3 lo.pcapng.db "SELECT $cols FROM flow ORDER BY $cols" >lo.pcapng.rows
for f in lo.pcap fields.tsv fields.csv; do
	sqlite3 "$f.db" "SELECT $cols FROM flow ORDER BY $cols" >"$f.rows"
	if cmp -s lo.pcapng.rows "$f.rows"; then
		echo "$f: same connections as lo.pcapng"
	else
		echo "$f: not the same connections as lo.pcapng:"
		diff lo.pcapng.rows "$f.rows" | head -n 10
	fi
	# A tuple can come back (the refused group's client may get the same
	# port twice): connections are matched by tuple and their order in it.
	n=$(sqlite3 lo.pcapng.db "ATTACH '$f.db' AS o;
	    WITH a AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY proto, laddr,
	        lport, raddr, rport ORDER BY first_seen) AS k FROM main.flow),
	    b AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY proto, laddr,
	        lport, raddr, rport ORDER BY first_seen) AS k FROM o.flow)
	    SELECT count(*) FROM a LEFT JOIN b
	    ON b.proto = a.proto AND b.laddr = a.laddr AND b.lport = a.lport
	    AND b.raddr = a.raddr AND b.rport = a.rport AND b.k = a.k
	    WHERE b.id IS NULL
	    OR abs(b.first_seen - a.first_seen) > 2e-6
	    OR abs(b.last_seen - a.last_seen) > 2e-6
	    OR abs(b.syn_at - a.syn_at) > 2e-6
	    OR (b.answered_at IS NULL) <> (a.answered_at IS NULL)
	    OR abs(b.answered_at - a.answered_at) > 2e-6
	    OR (b.local_fin_at IS NULL) <> (a.local_fin_at IS NULL)
	    OR abs(b.local_fin_at - a.local_fin_at) > 2e-6
	    OR (b.remote_fin_at IS NULL) <> (a.remote_fin_at IS NULL)
	    OR abs(b.remote_fin_at - a.remote_fin_at) > 2e-6
	    OR (b.reset_at IS NULL) <> (a.reset_at IS NULL)
	    OR abs(b.reset_at - a.reset_at) > 2e-6
	    OR b.reset_by IS NOT a.reset_by
	    OR b.local_opened IS NOT a.local_opened")
	echo "$f: $n connections with other event times"
done
echo "tshark's conversations: $(awk '/<->/ { n++ } END { print n + 0 }' conv.txt)"
# The conversations portsift read from conv.txt: the same ends (the opener
# as the local side) and, as tshark counts them, the same frames.
sqlite3 lo.pcapng.db "SELECT proto, laddr, lport, raddr, rport, packets
    FROM flow ORDER BY 1, 2, 3, 4, 5, 6" >pcapng.conv
sqlite3 conv.txt.db "SELECT proto, laddr, lport, raddr, rport, packets
    FROM flow ORDER BY 1, 2, 3, 4, 5, 6" >conv.conv
if cmp -s pcapng.conv conv.conv; then
	echo "conv.txt: same ends and frames as lo.pcapng"
else
	echo "conv.txt: not the same ends and frames as lo.pcapng:"
	diff pcapng.conv conv.conv | head -n 10
fi
