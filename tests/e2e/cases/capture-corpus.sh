# The corpus's loopback capture (../shared/corpus/README.md): the pcapng
# tshark wrote and the CSV its -T fields command made of it must give the
# same connections (sorted proto, ends, state, syns, packets, bytes, refused
# compared with cmp), as many as tshark -q -z conv,tcp lists for it (run
# here on the copy, rows with "<->" counted with awk; 80), and what portsift
# reads from that conv output (tshark-conv) is as many.
#
# What the capture holds, read off the CSV independently of portsift
# (python3 over its rows): 80 conversations 127.0.0.1:<ephemeral> ->
# 127.0.0.1:47002, every one SYN, SYN-ACK, ACK, the client's FIN, the
# server's ACK, no payload and no RST; all 80 SYNs within 1 ms of the first
# packet; 30 FINs within 1 ms too (goodclient), the other 50 from 2.009 s
# to 2.010 s (leakyclient's 50 held connections, closed when it was stopped
# while tshark still ran; the last packet is at 2.016 s).  So at the end all
# 80 are FIN_WAIT_2 on the client (the server never closed): one
# destination, 80 attempts, 80 answered, 80 closed first by the source, all
# opened in one second; and --every 1s shows the held 50 still ESTABLISHED
# at 1 s and 2 s (30 FIN_WAIT_2), then 80 FIN_WAIT_2 at the end.
#
# Then the text report's findings, checked by hand against the figures
# above: the fullest pool is 80 of the 28,232 ports of Linux's default
# range (0.3%); 80 new connections over 2.016 s are 39.7 a second, all 80
# in one second, the source closing first in all of them, 39.7 x 60 = 2,381
# ports in TIME_WAIT at that rate (8.4% of 28,232); no process named for
# 80 of 80 sockets.  The CSV's findings are the same (their evidence names
# other lines: frame numbers in the pcapng, text lines in the CSV).
cp "$CORPUS/linux-live_loopback.pcapng" "$CORPUS/linux-live_loopback.tshark.csv" .
tshark -r linux-live_loopback.pcapng -q -z conv,tcp >conv.txt 2>/dev/null
echo "tshark's conversations: $(awk '/<->/ { n++ } END { print n + 0 }' conv.txt)"
cols="proto, laddr, lport, raddr, rport, state, syns, packets, bytes, refused"
for f in linux-live_loopback.pcapng linux-live_loopback.tshark.csv conv.txt; do
	"$PORTSIFT" ingest -q --db "$f.db" "$f"
	echo "$f: exit $?, $(sqlite3 "$f.db" "SELECT format FROM capture"), $(sqlite3 "$f.db" "SELECT count(*) FROM flow") connections"
done
for f in linux-live_loopback.pcapng linux-live_loopback.tshark.csv; do
	sqlite3 "$f.db" "SELECT $cols FROM flow ORDER BY $cols" >"$f.rows"
done
cmp -s linux-live_loopback.pcapng.rows linux-live_loopback.tshark.csv.rows &&
	echo "pcapng and csv: same connections"
for f in linux-live_loopback.pcapng linux-live_loopback.tshark.csv; do
	echo "== $f"
	sqlite3 -separator ' ' "$f.db" "SELECT 'flows', state, count(*) FROM flow
	    GROUP BY 2 ORDER BY 2"
	sqlite3 -separator ' ' "$f.db" "SELECT 'end', state, count(*) FROM sockets
	    GROUP BY 2 ORDER BY 2"
	sqlite3 -separator ' ' "$f.db" "SELECT destination, flows, attempts,
	    answered, unanswered, refused, reset, syns, sources,
	    source_closed_first, opened_peak_second FROM flow_destination"
done
echo "== --every 1s: snapshot, seconds after the first packet, state, count"
"$PORTSIFT" ingest -q --every 1s --db every.db linux-live_loopback.pcapng
echo "exit $?"
sqlite3 -separator ' ' every.db "SELECT n.seq,
    printf('%.3f', n.at - (SELECT min(first_seen) FROM flow)), s.state,
    count(*) FROM snapshot n JOIN sockets s ON s.snapshot_id = n.id
    GROUP BY n.seq, s.state ORDER BY n.seq, s.state"
echo "== findings"
"$PORTSIFT" report --db linux-live_loopback.pcapng.db |
	awk '/^Answer/ { on = 1 } /^Snapshot / { on = 0 } on' | sed '${/^$/d;}'
for f in linux-live_loopback.pcapng linux-live_loopback.tshark.csv; do
	sqlite3 "$f.db" "SELECT rank, severity, kind, summary FROM finding
	    ORDER BY rank" >"$f.findings"
done
cmp -s linux-live_loopback.pcapng.findings \
    linux-live_loopback.tshark.csv.findings &&
	echo "pcapng and csv: same findings"
