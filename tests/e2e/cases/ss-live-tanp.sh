# linux-live_ss-tanp.txt: real `ss -tanp` of the corpus's live scenario on
# Debian 12 (../shared/corpus/README.md): python3 listens on 127.0.0.1:47001
# and never closes what it accepts; leakyclient holds 400 connections to
# it; goodclient opened and closed 300.
#
# Expected figures, found without portsift: the README says 400 ESTAB owned
# by leakyclient, 300 CLOSE-WAIT owned by python3, 300 FIN-WAIT-2 with no
# owner, plus a listener; the awk below counts the text by state and first
# users:(("NAME" (no users: -> "-"), which adds the 400 ESTAB of python3
# (the server side of leakyclient's connections) and a second listener
# without owner (0.0.0.0:2024).  1403 lines = header + 1402 rows, every one
# a TCP socket.  Dynamic ports held (local port in 32768-60999, the Linux
# default as the text states none, not LISTEN), counted with awk as
# distinct local ports per owner: leakyclient 400, no owner 300 (the
# FIN-WAIT-2 clients), python3 1 (47001 itself, which is in the range): 701.
# Rows at lines 2, 3, 293 and 387 read off the text by hand.  No jc JSON
# for this capture.
cp "$CORPUS/linux-live_ss-tanp.txt" .
"$PORTSIFT" ingest --db "$CASE" linux-live_ss-tanp.txt
echo "exit $?"

echo "-- rows in the text (every line after the header):"
awk 'NR > 1' linux-live_ss-tanp.txt | wc -l
echo "-- by state and first owner, in the text:"
awk 'NR > 1 { p = "-"
	if (match($0, /users:\(\("[^"]*"/)) p = substr($0, RSTART + 9, RLENGTH - 10)
	n[$1 " " p]++ } END { for (k in n) print k, n[k] }' linux-live_ss-tanp.txt | sort
echo "-- by state and process, in the case:"
sqlite3 "$CASE" "SELECT state, coalesce(process, '-'), count(*) FROM sockets
	GROUP BY 1, 2 ORDER BY 1, 2"
echo "-- sockets without a PID, and owner rows:"
sqlite3 "$CASE" "SELECT count(*) FROM socket WHERE pid IS NULL"
sqlite3 "$CASE" "SELECT count(*), max(owner_seq) FROM socket"
echo "-- dynamic ports held per owner, in the text:"
awk 'NR > 1 && $1 != "LISTEN" { port = $4; sub(/.*:/, "", port)
	if (port >= 32768 && port <= 60999) { p = "-"
		if (match($0, /users:\(\("[^"]*"/)) p = substr($0, RSTART + 9, RLENGTH - 10)
		k[p " " port] = 1 } }
	END { for (x in k) { split(x, a, " "); n[a[1]]++ }
	      for (q in n) print q, n[q] }' linux-live_ss-tanp.txt | sort
echo "-- in the case:"
sqlite3 "$CASE" "SELECT coalesce(process, '-'), coalesce(pid, '-'), ports_held
	FROM port_share ORDER BY 1"
echo "-- the snapshot:"
sqlite3 "$CASE" "SELECT seq, os, taken_at IS NULL, range_lo, range_hi,
	first_line, sockets, ports_held FROM snapshots"
echo "-- rows at lines 2, 3, 293, 387:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, lport, raddr, rport,
	state, state_raw, pid, process, owner FROM sockets
	WHERE line IN (2, 3, 293, 387) ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
