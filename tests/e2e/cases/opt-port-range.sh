# --port-range LO-HI overrides every other source of the dynamic range, even
# a netsh block in the input; range_source says '--port-range'.
#
# ano-en.txt with 50001-50003: the TCP sockets that are not listening and
# have a local port in 50001..50003 are lines 9, 10, 11 (50001 ESTABLISHED
# 4321, 50002 and 50003 TIME_WAIT 0); 50004 and [::1]:50005 fall outside,
# and no listener is inside.  So 3 ports held of 3.
#
# The bundled sample with 50000-50999 (its netsh block says 49152-65535):
# held ports per snapshot, counted from the text with python3: 180, 390,
# 574, 784.
cp "$FIX/windows/ano-en.txt" "$FIX/../../samples/windows-exhaustion/netstat.txt" .
"$PORTSIFT" ingest -q --db "$CASE" --port-range 50001-50003 ano-en.txt
echo "exit $?"
sqlite3 "$CASE" "SELECT seq, range_lo, range_hi, range_source, ports_held,
	listeners_in_range FROM snapshots"
sqlite3 "$CASE" "SELECT line FROM held ORDER BY line"
"$PORTSIFT" report --db "$CASE" | grep -E '^  (dynamic range|[0-9,]+ sockets; )'

echo "-- the sample, whose netsh block says otherwise:"
"$PORTSIFT" ingest -q --db sample.db --port-range 50000-50999 netstat.txt
echo "exit $?"
sqlite3 sample.db "SELECT seq, range_lo, range_hi, range_source, ports_held
	FROM snapshots ORDER BY seq"
