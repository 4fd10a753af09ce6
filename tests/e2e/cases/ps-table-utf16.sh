# Windows PowerShell 5.1's `Get-NetTCPConnection > state.txt` then
# `Get-Process >> state.txt` (tests/fixtures/powershell/state.txt, UTF-16LE
# with a BOM, CRLF; its README lists every row) through `portsift analyze`:
# the sockets per owner and state, the names Get-Process gives the PIDs,
# and the exit status.
#
# The expected figures were found without portsift: the awk below counts
# the table's rows in the text (whitespace-split: $5 is State, $NF is
# OwningProcess; addresses hold no blanks), and its output must equal
# portsift's own count from the case; the names were read off the
# Get-Process rows (Id, ProcessName) by hand.  PID 0 (Idle) is not named:
# Windows lists TIME_WAIT under it, and the report keeps those apart.  The
# state_mix figures are those counts with the canonical state names (Listen
# = LISTEN, TimeWait = TIME_WAIT, ...); held = the non-listening sockets on
# a local port in 49152-65535 (every row here but the Listen ones and
# 10.1.1.5:443).
cp "$FIX/powershell/state.txt" .
"$PORTSIFT" analyze --db kept.db -F csv --table state_mix state.txt >mix.csv
echo "exit $?"
echo "-- capture: format, encoding, lines read, lines rejected:"
sqlite3 kept.db "SELECT format, encoding, lines_read, lines_rejected FROM capture"
echo "-- per OwningProcess and State, counted in the text:"
iconv -f UTF-16LE -t UTF-8 state.txt | tr -d '\r' |
    awk '$1 ~ /^[0-9a-f:.%]+$/ && $1 ~ /[.:]/ && NF >= 6 { n[$NF "|" $5]++ }
	END { for (k in n) print k "|" n[k] }' | sort -t'|' -k1,1n -k2,2
echo "-- the same from the case:"
sqlite3 kept.db "SELECT pid, state_raw, count(*) FROM socket
	GROUP BY pid, state_raw ORDER BY pid, state_raw"
echo "-- state_mix (analyze -F csv; CRLF and owner_key, a row id, left out):"
tr -d '\r' <mix.csv | cut -d, -f1-3,5-
echo "-- process names from Get-Process:"
sqlite3 kept.db "SELECT pid, coalesce(image, '-') FROM process ORDER BY pid"
echo "-- IPv6 rows, the zone apart; no remote as NULL:"
sqlite3 kept.db "SELECT line, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rzone, '-'), coalesce(rport, '-'), state
	FROM socket WHERE line IN (4, 7, 8, 18) ORDER BY line"
