# The same sockets captured live with ss in six flag sets
# (tests/fixtures/linux-ss, see its README): -tanp, -tunap, -antpeio (each
# row followed by a tab-indented -i line, -e details, -o timers), -Htan (no
# header, no process), -tanpm (tab-indented skmem lines), -uanp (UDP only,
# no Netid column).
#
# Expected, from the scenario that made them (scenario.py, README table),
# not from portsift: 89 TCP sockets -- ESTAB 54 (53 of ssscen, 1 accepted by
# nobody), CLOSE-WAIT 10, FIN-WAIT-2 10 and TIME-WAIT 5 without owner,
# SYN-SENT 3, LISTEN 7 of which one (port 21987) shared by "ss fork child"
# and ssscen -- and 5 UDP (4 UNCONN, 1 ESTAB).  Without -p there are no
# processes; with -e every owner is uid 0 (root: ss prints no uid).  The
# same counts were found in each file with awk (state and first
# users:(("NAME"); the tests/unit suite counts rows per file too).  Rows of
# ss-tunap.txt read off the text by hand: line 3 127.0.0.1%lo, 4
# 0.0.0.0%lo, 5 the connected UDP socket, 6 "*%lo" (dual-stack: IPv6 ::),
# 8 the shared listener (two owners, "ss fork child" first, as written),
# 84 [::1]%lo, 86 "*:21986" (dual-stack listener: ::), 92
# [::ffff:127.0.0.1] (IPv4-mapped, family 6).
for f in ss-tanp ss-tunap ss-antpeio ss-Htan ss-tanpm ss-uanp; do
	cp "$FIX/linux-ss/$f.txt" .
	echo "== $f"
	"$PORTSIFT" ingest --db "$f.db" "$f.txt"
	echo "exit $?"
	sqlite3 "$f.db" "SELECT proto, state, coalesce(process, '-'), count(*)
		FROM sockets WHERE owner_seq = 1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
	sqlite3 "$f.db" "SELECT 'owners: ' || group_concat(o, ',') FROM
		(SELECT DISTINCT coalesce(owner, '-') AS o FROM socket)"
done
echo "== rows of ss-tunap.txt at lines 3, 4, 5, 6, 8, 84, 86, 92:"
sqlite3 ss-tunap.db "SELECT line, owner_seq, proto, family, laddr, lzone,
	lport, coalesce(raddr, '-'), rport, state, pid, process FROM sockets
	WHERE line IN (3, 4, 5, 6, 8, 84, 86, 92) ORDER BY line, owner_seq"
