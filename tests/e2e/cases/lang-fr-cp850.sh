# French `netstat -ano`, CP850: "Connexions actives", "État" (É is 0x90),
# states as DESIGN.md spells them: "À L'ÉCOUTE" (two tokens, À is 0xB7) and
# ÉTABLIE; TIME_WAIT and CLOSE_WAIT stay English.  Same sockets as ano-en.txt.
cp "$FIX/windows/ano-fr-cp850.txt" .
"$PORTSIFT" ingest --db "$CASE" ano-fr-cp850.txt
echo "exit $?"
echo "-- capture: format, encoding, size, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, size, lines_read, lines_rejected FROM capture"
echo "-- sha256 is of the bytes as given:"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-fr-cp850.txt | cut -d' ' -f1)" ] && echo same
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rport, '-'), state, coalesce(state_raw, '-'),
	pid FROM socket ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
