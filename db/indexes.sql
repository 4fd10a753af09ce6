-- indexes.sql — built after each bulk load, not before it (see store.c).
CREATE INDEX IF NOT EXISTS socket_snapshot ON socket(snapshot_id, lport);
CREATE INDEX IF NOT EXISTS socket_remote ON socket(snapshot_id, raddr, rport);
CREATE INDEX IF NOT EXISTS issue_capture ON issue(capture_id, line);
CREATE INDEX IF NOT EXISTS snapshot_capture ON snapshot(capture_id);
