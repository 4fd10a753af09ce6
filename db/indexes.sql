-- indexes.sql — built after each bulk load, not before it (see store.c).
CREATE INDEX IF NOT EXISTS socket_snapshot ON socket(snapshot_id, lport);
CREATE INDEX IF NOT EXISTS socket_remote ON socket(snapshot_id, raddr, rport);
-- Findings: sockets of one state toward one endpoint, and of one PID.
CREATE INDEX IF NOT EXISTS socket_state ON socket(snapshot_id, state, raddr, rport);
CREATE INDEX IF NOT EXISTS socket_owner ON socket(snapshot_id, pid, state);
CREATE INDEX IF NOT EXISTS issue_capture ON issue(capture_id, line);
CREATE INDEX IF NOT EXISTS snapshot_capture ON snapshot(capture_id);
-- Flows of one capture, for the snapshots made from them.
CREATE INDEX IF NOT EXISTS flow_capture ON flow(capture_id, first_seen);
