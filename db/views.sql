-- views.sql — the analyses that SQL says clearly, as views over the tables.
--
-- The reports read these views and nothing else, so `sqlite3 case.db` shows
-- users exactly the numbers the reports print.  They are dropped and made
-- again whenever this file changes (store.c compares a checksum in meta).
--
-- "Owner" below is a process in one snapshot: socket.process_id, or 0 for
-- sockets whose input named no process at all (netstat -an).

DROP VIEW IF EXISTS sockets;
DROP VIEW IF EXISTS held;
DROP VIEW IF EXISTS port_share;
DROP VIEW IF EXISTS state_mix;
DROP VIEW IF EXISTS remote_concentration;
DROP VIEW IF EXISTS snapshots;

-- Every socket with its snapshot, capture and process, for people writing SQL.
-- process_inferred = 1: the socket line itself said "Can not obtain ownership
-- information" and the image comes from another socket of the same PID in
-- the same snapshot.
CREATE VIEW sockets AS
SELECT s.id AS socket_id, s.snapshot_id, n.seq, n.label, n.taken_at,
       c.path AS file, s.line,
       s.proto, s.family, s.laddr, s.lzone, s.lport, s.lport_name,
       s.raddr, s.rzone, s.rport, s.rport_name, s.resolved,
       s.state, s.state_raw, s.pid, p.image AS process,
       (s.ownership = 'unavailable' AND p.image IS NOT NULL) AS process_inferred,
       coalesce(s.service, p.service) AS service, s.owner, s.ownership,
       coalesce(s.process_id, 0) AS owner_key
FROM socket s
JOIN snapshot n ON n.id = s.snapshot_id
JOIN capture c ON c.id = n.capture_id
LEFT JOIN process p ON p.id = s.process_id;

-- Sockets that hold a dynamic port: TCP, local port inside the snapshot's
-- range, not a listener (listeners inside the range are counted apart).
CREATE VIEW held AS
SELECT s.*
FROM sockets s
JOIN snapshot n ON n.id = s.snapshot_id
WHERE s.proto = 'tcp' AND s.state <> 'LISTEN'
  AND s.lport BETWEEN n.range_lo AND n.range_hi;

-- Ports held per process: distinct local port numbers in the range (a port
-- on two local addresses is one number here; pool_pressure counts per
-- address), its share of the range, and of all ports held in the snapshot.
-- image_inferred: how many of its sockets got the image from another socket
-- of the same PID (see sockets.process_inferred).
CREATE VIEW port_share AS
WITH per AS (
	SELECT snapshot_id, owner_key, COUNT(DISTINCT lport) AS ports_held,
	       COUNT(*) AS sockets, SUM(process_inferred) AS inferred
	FROM held GROUP BY snapshot_id, owner_key
), total AS (
	SELECT snapshot_id, COUNT(DISTINCT lport) AS all_held
	FROM held GROUP BY snapshot_id
)
SELECT per.snapshot_id, p.image AS process, p.pid, per.owner_key,
       per.ports_held, per.sockets, per.inferred AS image_inferred,
       n.range_hi - n.range_lo + 1 AS range_size,
       CAST(per.ports_held AS REAL) / (n.range_hi - n.range_lo + 1) AS share,
       CAST(per.ports_held AS REAL) / total.all_held AS share_of_held
FROM per
JOIN snapshot n ON n.id = per.snapshot_id
JOIN total ON total.snapshot_id = per.snapshot_id
LEFT JOIN process p ON p.id = per.owner_key;

-- Sockets per process and canonical state (all sockets), and how many of
-- them hold a dynamic port.
CREATE VIEW state_mix AS
SELECT s.snapshot_id, p.image AS process, p.pid, s.owner_key, s.state,
       COUNT(*) AS sockets,
       SUM(s.proto = 'tcp' AND s.state <> 'LISTEN'
           AND s.lport BETWEEN n.range_lo AND n.range_hi) AS held
FROM sockets s
JOIN snapshot n ON n.id = s.snapshot_id
LEFT JOIN process p ON p.id = s.owner_key
GROUP BY s.snapshot_id, s.owner_key, s.state;

-- Where each process's port-holding sockets go: distinct remote endpoints,
-- the top endpoint (addr:port, IPv6 in brackets) and top address with their
-- shares, and the Herfindahl index over endpoints (1 = all to one remote).
CREATE VIEW remote_concentration AS
WITH ep AS (
	SELECT snapshot_id, owner_key, raddr, coalesce(rport, rport_name) AS rport,
	       COUNT(*) AS n
	FROM held WHERE raddr IS NOT NULL
	GROUP BY snapshot_id, owner_key, raddr, coalesce(rport, rport_name)
), ranked AS (
	SELECT *, ROW_NUMBER() OVER (PARTITION BY snapshot_id, owner_key
	    ORDER BY n DESC, raddr, rport) AS rk
	FROM ep
), addrs AS (
	SELECT snapshot_id, owner_key, raddr, SUM(n) AS n,
	       ROW_NUMBER() OVER (PARTITION BY snapshot_id, owner_key
	           ORDER BY SUM(n) DESC, raddr) AS rk
	FROM ep GROUP BY snapshot_id, owner_key, raddr
), tot AS (
	SELECT snapshot_id, owner_key, SUM(n) AS sockets, COUNT(*) AS remotes,
	       SUM(n * n) AS sumsq
	FROM ep GROUP BY snapshot_id, owner_key
)
SELECT t.snapshot_id, p.image AS process, p.pid, t.owner_key,
       t.sockets, t.remotes,
       CASE WHEN instr(r.raddr, ':') > 0 THEN '[' || r.raddr || ']'
            ELSE r.raddr END || ':' || coalesce(r.rport, '*') AS top_remote,
       CAST(r.n AS REAL) / t.sockets AS top_remote_share,
       a.raddr AS top_addr,
       CAST(a.n AS REAL) / t.sockets AS top_addr_share,
       CAST(t.sumsq AS REAL) / (t.sockets * t.sockets) AS hhi
FROM tot t
JOIN ranked r ON r.snapshot_id = t.snapshot_id AND r.owner_key = t.owner_key
    AND r.rk = 1
JOIN addrs a ON a.snapshot_id = t.snapshot_id AND a.owner_key = t.owner_key
    AND a.rk = 1
LEFT JOIN process p ON p.id = t.owner_key;

-- What is in the case: one row per snapshot.
CREATE VIEW snapshots AS
SELECT n.id AS snapshot_id, n.seq, n.label, n.taken_at, n.taken_at_source,
       c.path AS file, c.format, c.encoding, c.host, n.os, n.os_version,
       n.range_lo, n.range_hi, n.range_source, n.first_line,
       (SELECT COUNT(*) FROM socket s WHERE s.snapshot_id = n.id) AS sockets,
       (SELECT COUNT(DISTINCT lport) FROM held h WHERE h.snapshot_id = n.id)
           AS ports_held,
       (SELECT COUNT(*) FROM socket s WHERE s.snapshot_id = n.id
           AND s.state = 'LISTEN' AND s.proto = 'tcp'
           AND s.lport BETWEEN n.range_lo AND n.range_hi)
           AS listeners_in_range
FROM snapshot n JOIN capture c ON c.id = n.capture_id;
