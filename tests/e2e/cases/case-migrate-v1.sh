# A case file of schema version 1 (made by portsift 0.1.0 before captures of
# connections existed: tests/fixtures/case/v1.db, one Windows netstat -aon
# snapshot) is brought to version 2 when opened: what it held is kept, and a
# packet capture can then be added to it.
cp "$FIX/case/v1.db" old.db
cp "$CORPUS/linux-live_loopback.pcapng" capture.pcapng
sqlite3 old.db "PRAGMA user_version; SELECT count(*) FROM socket"
"$PORTSIFT" snapshots --db old.db
echo "exit $?"
sqlite3 old.db "PRAGMA user_version; SELECT count(*) FROM socket"
"$PORTSIFT" ingest -q --db old.db capture.pcapng
echo "exit $?"
"$PORTSIFT" snapshots --db old.db
sqlite3 old.db "SELECT count(*) FROM flow; SELECT seq, os, at IS NOT NULL FROM snapshot"
