# A collection loop in Windows PowerShell 5.1 (tests/fixtures/powershell/
# loop.txt, UTF-16LE with a BOM, CRLF; see its README): `Get-NetTCPSetting >
# loop.txt` once, then three times, 15 minutes apart, `Get-Date >> loop.txt;
# Get-NetTCPConnection >> loop.txt`.  Each Get-Date line starts a snapshot
# taken at its time; the dynamic range is Get-NetTCPSetting's Internet
# setting (start 10000, 55536 ports: 10000-65535).
#
# Expected figures found without portsift: the stamp lines and the Internet
# setting's line are found with grep -n below, and must be the snapshots'
# first lines and the range's line; the rows per run are counted with awk
# (a row: first field an address, 6 or more fields), and TIME_WAIT per run
# likewise; the times are the stamps' (2:05:33 PM = 14:05:33).
cp "$FIX/powershell/loop.txt" .
"$PORTSIFT" ingest --db "$CASE" loop.txt
echo "exit $?"
echo "-- stamps and the Internet setting, found with grep:"
iconv -f UTF-16LE -t UTF-8 loop.txt | tr -d '\r' |
    grep -n -e '^Monday, ' -e '^SettingName *: Internet$'
echo "-- rows and TIME_WAIT rows per run, counted with awk:"
iconv -f UTF-16LE -t UTF-8 loop.txt | tr -d '\r' |
    awk '/^Monday, / { run++ }
	$1 ~ /^[0-9a-f:.%]+$/ && $1 ~ /[.:]/ && NF >= 6 { n[run]++; if ($5 == "TimeWait") tw[run]++ }
	END { for (r = 1; r <= run; r++) print r "|" n[r] "|" tw[r] }'
echo "-- snapshots: seq, taken at, first line, range, its source, sockets:"
sqlite3 "$CASE" "SELECT seq, taken_at, taken_at_source, first_line, range_lo,
	range_hi, range_source, sockets FROM snapshots ORDER BY seq"
echo "-- TIME_WAIT per snapshot:"
sqlite3 "$CASE" "SELECT seq, count(*) FROM sockets WHERE state = 'TIME_WAIT'
	GROUP BY seq ORDER BY seq"
