# German `netstat -ano` as cmd.exe saves it: CP850, CRLF, "Aktive
# Verbindungen" / "Lokale Adresse" / "Remoteadresse" / "Status", states
# ABHÖREN (Ö is the byte 0x99), HERGESTELLT, WARTEND (TIME_WAIT),
# SCHLIESSEN_WARTEN (CLOSE_WAIT).  Same sockets as ano-en.txt, so the same
# canonical states; state_raw keeps the German words, in UTF-8.
cp "$FIX/windows/ano-de-cp850.txt" .
"$PORTSIFT" ingest --db "$CASE" ano-de-cp850.txt
echo "exit $?"
echo "-- capture: format, encoding, size, lines read, lines rejected:"
sqlite3 "$CASE" "SELECT format, encoding, size, lines_read, lines_rejected FROM capture"
echo "-- sha256 is of the bytes as given:"
[ "$(sqlite3 "$CASE" 'SELECT sha256 FROM capture')" = \
    "$(sha256sum < ano-de-cp850.txt | cut -d' ' -f1)" ] && echo same
echo "-- every socket:"
sqlite3 "$CASE" "SELECT line, proto, family, laddr, coalesce(lzone, '-'), lport,
	coalesce(raddr, '-'), coalesce(rport, '-'), state, coalesce(state_raw, '-'),
	pid FROM socket ORDER BY line"
echo "-- issues:"
sqlite3 "$CASE" "SELECT count(*) FROM issue"
