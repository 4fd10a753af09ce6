-- views.sql — the analyses that SQL says clearly, as views over the tables.
--
-- sockets, held and snapshots are views people query directly.  Each
-- analysis is defined here as a view v_NAME, and reports/refresh.c
-- materializes it after every ingest as the table NAME (port_share,
-- pool_pressure, ...), in the order of this file: a later analysis reads the
-- tables of the earlier ones, so each is computed once.  The reports read
-- those tables and nothing else, so `sqlite3 case.db` shows users exactly
-- the numbers the reports print.  The views are dropped and made again
-- whenever this file changes (store.c compares a checksum in meta).
--
-- "Owner" below is a process in one snapshot: socket.process_id, or 0 for
-- sockets whose input named no process at all (netstat -an).

DROP VIEW IF EXISTS sockets;
DROP VIEW IF EXISTS held;
DROP VIEW IF EXISTS v_port_share;
DROP VIEW IF EXISTS v_state_mix;
DROP VIEW IF EXISTS v_remote_concentration;
DROP VIEW IF EXISTS snapshots;
DROP VIEW IF EXISTS v_pool_pressure;
DROP VIEW IF EXISTS v_time_wait_attribution;
DROP VIEW IF EXISTS v_trend;
DROP VIEW IF EXISTS v_snapshot_pressure;
DROP VIEW IF EXISTS v_pressure_trend;
DROP VIEW IF EXISTS v_time_wait_endpoint;
DROP VIEW IF EXISTS flows;
DROP VIEW IF EXISTS flow_socket;
DROP VIEW IF EXISTS v_flow_destination;

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
       (s.ownership IS 'unavailable' AND p.image IS NOT NULL)
           AS process_inferred,
       coalesce(s.service, p.service) AS service, s.owner, s.ownership,
       s.owner_seq, coalesce(s.process_id, 0) AS owner_key
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
CREATE VIEW v_port_share AS
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
CREATE VIEW v_state_mix AS
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
CREATE VIEW v_remote_concentration AS
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
       (SELECT COUNT(*) FROM socket s WHERE s.snapshot_id = n.id
           AND s.owner_seq = 1) AS sockets,
       (SELECT COUNT(DISTINCT lport) FROM held h WHERE h.snapshot_id = n.id)
           AS ports_held,
       (SELECT COUNT(*) FROM socket s WHERE s.snapshot_id = n.id
           AND s.state = 'LISTEN' AND s.proto = 'tcp'
           AND s.lport BETWEEN n.range_lo AND n.range_hi)
           AS listeners_in_range
FROM snapshot n JOIN capture c ON c.id = n.capture_id;

-- Pool pressure: how full the pool that runs out is, under each model.
--
-- windows: per local address, the distinct local ports held on it plus the
--   ports held by wildcard binds (0.0.0.0, ::) of the same family, which
--   take the port on every address.  This is what runs out on Windows.
-- linux: per (local address, remote address, remote port): connect()
--   without bind() may reuse a local port toward different destinations,
--   so the pool that runs out is per destination.  Rows for Linux, macOS
--   and BSD snapshots (Windows does not share ports that way).
-- tuple: per (source address, destination address, destination port), for
--   connections seen on the wire (snapshot.os = 'capture'): the source's
--   ports in the range (the source is the side that opened the connection,
--   remote when --local made the accepting side local; see flows).
CREATE VIEW v_pool_pressure AS
WITH wild AS (
	SELECT DISTINCT snapshot_id, family, lport FROM held
	WHERE laddr IN ('0.0.0.0', '::')
), wild_n AS (
	SELECT snapshot_id, family, COUNT(*) AS n FROM wild
	GROUP BY snapshot_id, family
), addrs AS (
	SELECT DISTINCT snapshot_id, family, laddr FROM socket
	WHERE laddr NOT IN ('0.0.0.0', '::', '*') AND resolved = 1
), specific AS (
	SELECT snapshot_id, family, laddr, COUNT(DISTINCT lport) AS n
	FROM held WHERE laddr NOT IN ('0.0.0.0', '::')
	GROUP BY snapshot_id, family, laddr
), overlap AS (
	SELECT h.snapshot_id, h.family, h.laddr, COUNT(DISTINCT h.lport) AS n
	FROM held h JOIN wild w ON w.snapshot_id = h.snapshot_id
	    AND w.family = h.family AND w.lport = h.lport
	WHERE h.laddr NOT IN ('0.0.0.0', '::')
	GROUP BY h.snapshot_id, h.family, h.laddr
), per_addr AS (
	SELECT a.snapshot_id, a.laddr,
	       coalesce(s.n, 0) + coalesce(w.n, 0) - coalesce(o.n, 0) AS ports
	FROM addrs a
	LEFT JOIN specific s ON s.snapshot_id = a.snapshot_id
	    AND s.family = a.family AND s.laddr = a.laddr
	LEFT JOIN wild_n w ON w.snapshot_id = a.snapshot_id
	    AND w.family = a.family
	LEFT JOIN overlap o ON o.snapshot_id = a.snapshot_id
	    AND o.family = a.family AND o.laddr = a.laddr
	UNION ALL
	-- Wildcard binds in a family with no specific address seen.
	SELECT w.snapshot_id, CASE w.family WHEN 4 THEN '0.0.0.0' ELSE '::' END,
	       w.n
	FROM wild_n w
	WHERE NOT EXISTS (SELECT 1 FROM addrs a WHERE a.snapshot_id =
	    w.snapshot_id AND a.family = w.family)
), per_dest AS (
	SELECT h.snapshot_id, h.laddr, h.raddr, h.rport,
	       COUNT(DISTINCT h.lport) AS ports
	FROM held h JOIN snapshot n ON n.id = h.snapshot_id
	WHERE n.os IN ('linux', 'macos', 'freebsd')
	  AND h.raddr IS NOT NULL AND h.rport IS NOT NULL
	GROUP BY h.snapshot_id, h.laddr, h.raddr, h.rport
	UNION ALL
	-- Captures: the source's ports, whichever side --local made local.
	SELECT s.snapshot_id, f.saddr, f.daddr, f.dport,
	       COUNT(DISTINCT CASE WHEN f.local_opened = 0 THEN s.rport
	           ELSE s.lport END)
	FROM socket s
	JOIN snapshot n ON n.id = s.snapshot_id
	JOIN flows f ON f.flow_id = s.flow_id
	WHERE n.os = 'capture' AND s.proto = 'tcp' AND f.dport IS NOT NULL
	  AND CASE WHEN f.local_opened = 0 THEN s.rport ELSE s.lport END
	      BETWEEN n.range_lo AND n.range_hi
	GROUP BY s.snapshot_id, f.saddr, f.daddr, f.dport
)
SELECT p.snapshot_id, 'windows' AS model, p.laddr, NULL AS raddr,
       NULL AS rport, p.ports AS ports_held,
       n.range_hi - n.range_lo + 1 AS range_size,
       CAST(p.ports AS REAL) / (n.range_hi - n.range_lo + 1) AS share
FROM per_addr p JOIN snapshot n ON n.id = p.snapshot_id
WHERE p.ports > 0 AND coalesce(n.os, '') <> 'capture'
UNION ALL
SELECT d.snapshot_id, CASE WHEN n.os = 'capture' THEN 'tuple' ELSE 'linux' END,
       d.laddr, d.raddr, d.rport, d.ports,
       n.range_hi - n.range_lo + 1,
       CAST(d.ports AS REAL) / (n.range_hi - n.range_lo + 1)
FROM per_dest d JOIN snapshot n ON n.id = d.snapshot_id
WHERE n.os IN ('linux', 'macos', 'freebsd', 'capture');

-- The most pressed pool of each snapshot (the one that runs out first).
CREATE VIEW v_snapshot_pressure AS
SELECT snapshot_id, model, laddr, raddr, rport, ports_held, range_size, share
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY snapshot_id
          ORDER BY share DESC, model, laddr, raddr, rport) AS rk
      FROM pool_pressure)
WHERE rk = 1;

-- TIME_WAIT sockets listed under PID 0 (Windows: their owner closed them),
-- per remote endpoint, with the process they are attributed to: the one that
-- holds connections from the same local address to the same remote endpoint,
-- in the same snapshot or else the nearest snapshot of the same capture that
-- has one.  One candidate: 'endpoint'.  Several: one row each, the sockets
-- split in proportion to their connections there, 'ambiguous'.  None: one row,
-- process NULL, 'none'.  held: the sockets that hold a dynamic port.
-- source_snapshot_id is where the candidates were seen.
CREATE VIEW v_time_wait_endpoint AS
WITH tw AS (
	SELECT s.snapshot_id, n.capture_id, n.seq, s.laddr, s.raddr, s.rport,
	       COUNT(*) AS tw,
	       SUM(s.proto = 'tcp' AND s.lport BETWEEN n.range_lo AND n.range_hi)
	           AS tw_held
	FROM socket s JOIN snapshot n ON n.id = s.snapshot_id
	WHERE s.state = 'TIME_WAIT' AND s.pid = 0 AND s.raddr IS NOT NULL
	GROUP BY s.snapshot_id, s.laddr, s.raddr, s.rport
), owned AS (
	SELECT snapshot_id, laddr, raddr, rport, process_id, pid, COUNT(*) AS n
	FROM socket
	WHERE pid > 0 AND raddr IS NOT NULL AND state <> 'TIME_WAIT'
	GROUP BY snapshot_id, laddr, raddr, rport, process_id
), cand AS (
	SELECT tw.snapshot_id, tw.laddr, tw.raddr, tw.rport, tw.tw, tw.tw_held,
	       o.snapshot_id AS src, o.process_id, o.pid, o.n,
	       DENSE_RANK() OVER (PARTITION BY tw.snapshot_id, tw.laddr,
	           tw.raddr, tw.rport ORDER BY abs(so.seq - tw.seq), so.seq)
	           AS rk
	FROM tw
	JOIN owned o ON o.laddr = tw.laddr AND o.raddr = tw.raddr
	    AND o.rport IS tw.rport
	JOIN snapshot so ON so.id = o.snapshot_id
	    AND so.capture_id = tw.capture_id
), best AS (
	SELECT *, SUM(n) OVER w AS total, COUNT(*) OVER w AS ncand
	FROM cand WHERE rk = 1
	WINDOW w AS (PARTITION BY snapshot_id, laddr, raddr, rport)
)
SELECT c.snapshot_id, c.laddr, c.raddr, c.rport, p.image AS process, c.pid,
       CAST(c.tw AS REAL) * c.n / c.total AS sockets,
       CAST(c.tw_held AS REAL) * c.n / c.total AS held,
       CASE WHEN c.ncand = 1 THEN 'endpoint' ELSE 'ambiguous' END
           AS confidence,
       c.src AS source_snapshot_id
FROM best c LEFT JOIN process p ON p.id = c.process_id
UNION ALL
SELECT snapshot_id, laddr, raddr, rport, NULL, NULL, CAST(tw AS REAL),
       CAST(tw_held AS REAL), 'none', NULL
FROM tw WHERE NOT EXISTS (SELECT 1 FROM cand c
    WHERE c.snapshot_id = tw.snapshot_id AND c.laddr = tw.laddr
    AND c.raddr = tw.raddr AND c.rport IS tw.rport);

-- The same per process: the rows of one snapshot add up to its PID 0
-- TIME_WAIT sockets (attribution never creates sockets).
CREATE VIEW v_time_wait_attribution AS
SELECT snapshot_id, process, pid, SUM(sockets) AS sockets, SUM(held) AS held,
       confidence, MIN(source_snapshot_id) AS source_snapshot_id
FROM time_wait_endpoint
GROUP BY snapshot_id, process, pid, confidence;

-- Ports held over time, per process (image + PID) and per image across
-- restarts (pid NULL), over the snapshots that have a time.  slope_per_hour
-- is the least-squares slope of ports held against taken_at; monotonic = 1
-- when it never fell and rose at least once.  minutes_to_exhaustion: the
-- time until the most pressed pool of the last snapshot is full, were it to
-- grow at this slope.  NULL, not 0, with fewer than two timed snapshots.
CREATE VIEW v_trend AS
WITH timed AS (
	SELECT id, taken_at, julianday(taken_at) * 24.0 AS h
	FROM snapshot WHERE taken_at IS NOT NULL
	    AND julianday(taken_at) IS NOT NULL
), series AS (
	SELECT ps.process, ps.pid, t.taken_at, t.h, ps.ports_held AS y
	FROM port_share ps JOIN timed t ON t.id = ps.snapshot_id
	UNION ALL
	SELECT ps.process, NULL, t.taken_at, t.h, SUM(ps.ports_held)
	FROM port_share ps JOIN timed t ON t.id = ps.snapshot_id
	WHERE ps.process IS NOT NULL
	GROUP BY ps.process, t.id
), steps AS (
	SELECT *, y - LAG(y) OVER (PARTITION BY process, pid ORDER BY h) AS dy,
	       h - MIN(h) OVER (PARTITION BY process, pid) AS x
	FROM series
), fit AS (
	SELECT process, pid, COUNT(*) AS k, MIN(taken_at) AS first_taken_at,
	       MAX(taken_at) AS last_taken_at,
	       SUM(x) AS sx, SUM(y) AS sy, SUM(x * y) AS sxy, SUM(x * x) AS sxx,
	       MIN(coalesce(dy, 0)) >= 0 AND MAX(coalesce(dy, 0)) > 0 AS monotonic
	FROM steps GROUP BY process, pid
), ends AS (
	SELECT DISTINCT process, pid,
	       FIRST_VALUE(y) OVER w AS ports_first,
	       LAST_VALUE(y) OVER w AS ports_last
	FROM series
	WINDOW w AS (PARTITION BY process, pid ORDER BY h
	    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
), headroom AS (
	SELECT sp.range_size - sp.ports_held AS left_ports
	FROM snapshot_pressure sp JOIN snapshot n ON n.id = sp.snapshot_id
	ORDER BY n.taken_at IS NULL, n.taken_at DESC, n.seq DESC LIMIT 1
), slopes AS (
	SELECT f.*, CASE WHEN f.k >= 2 AND f.k * f.sxx - f.sx * f.sx > 1e-12
	    THEN (f.k * f.sxy - f.sx * f.sy) / (f.k * f.sxx - f.sx * f.sx)
	    END AS slope
	FROM fit f
)
SELECT s.process, s.pid, s.k AS snapshots, s.first_taken_at, s.last_taken_at,
       e.ports_first, e.ports_last,
       s.slope AS slope_per_hour,
       CASE WHEN s.slope IS NULL THEN NULL ELSE s.monotonic END AS monotonic,
       CASE WHEN s.slope > 0 THEN 60.0 * (SELECT left_ports FROM headroom)
           / s.slope END AS minutes_to_exhaustion
FROM slopes s JOIN ends e ON e.process IS s.process AND e.pid IS s.pid;

-- The most pressed pool over time: least-squares slope of its ports held
-- (ports/hour) over the timed snapshots of each capture, and the minutes
-- until it is full at that slope, from the last timed snapshot.  NULL, not 0,
-- with fewer than two timed snapshots.
CREATE VIEW v_pressure_trend AS
WITH pts AS (
	SELECT n.capture_id, n.seq, n.taken_at, sp.laddr, sp.ports_held AS y,
	       sp.range_size, julianday(n.taken_at) * 24.0 AS h
	FROM snapshot_pressure sp JOIN snapshot n ON n.id = sp.snapshot_id
	WHERE n.taken_at IS NOT NULL AND julianday(n.taken_at) IS NOT NULL
), xs AS (
	SELECT *, h - MIN(h) OVER (PARTITION BY capture_id) AS x,
	       y - LAG(y) OVER (PARTITION BY capture_id ORDER BY h) AS dy,
	       ROW_NUMBER() OVER (PARTITION BY capture_id ORDER BY h DESC)
	           AS last_rk,
	       ROW_NUMBER() OVER (PARTITION BY capture_id ORDER BY h) AS first_rk
	FROM pts
), fit AS (
	SELECT capture_id, COUNT(*) AS k, SUM(x) AS sx, SUM(y) AS sy,
	       SUM(x * y) AS sxy, SUM(x * x) AS sxx,
	       MIN(coalesce(dy, 0)) >= 0 AND MAX(coalesce(dy, 0)) > 0 AS monotonic
	FROM xs GROUP BY capture_id
)
SELECT f.capture_id, f.k AS snapshots, a.taken_at AS first_taken_at,
       b.taken_at AS last_taken_at, a.y AS ports_first, b.y AS ports_last,
       b.laddr, b.range_size, s.slope AS slope_per_hour,
       CASE WHEN s.slope IS NULL THEN NULL ELSE f.monotonic END AS monotonic,
       CASE WHEN s.slope > 0 THEN 60.0 * (b.range_size - b.y) / s.slope END
           AS minutes_to_exhaustion
FROM fit f
JOIN (SELECT capture_id, CASE WHEN k >= 2 AND k * sxx - sx * sx > 1e-12
          THEN (k * sxy - sx * sy) / (k * sxx - sx * sx) END AS slope
      FROM fit) s ON s.capture_id = f.capture_id
JOIN xs a ON a.capture_id = f.capture_id AND a.first_rk = 1
JOIN xs b ON b.capture_id = f.capture_id AND b.last_rk = 1;

-- Connections seen on the wire (packet captures, Zeek conn.log, tshark
-- conversations, CSV lists), with their file, and the end that was connected
-- to: the destination is the remote end of a connection the local side
-- opened, the local end of one the remote side opened (and the remote end
-- when nobody saw who opened it).
CREATE VIEW flows AS
SELECT f.id AS flow_id, f.capture_id, c.path AS file, c.clock, f.line,
       f.proto, f.family, f.laddr, f.lport, f.raddr, f.rport,
       f.local_opened, f.midstream,
       CASE WHEN f.local_opened = 0 THEN f.raddr ELSE f.laddr END AS saddr,
       CASE WHEN f.local_opened = 0 THEN f.laddr ELSE f.raddr END AS daddr,
       CASE WHEN f.local_opened = 0 THEN f.lport ELSE f.rport END AS dport,
       f.first_seen, f.last_seen, f.last_seen - f.first_seen AS duration,
       f.syn_at, f.answered_at, f.local_fin_at, f.remote_fin_at, f.reset_at,
       f.reset_by, f.refused,
       f.syn_at IS NOT NULL AND f.answered_at IS NULL AND f.refused = 0
           AS unanswered,
       f.syns, f.packets, f.bytes, f.state, f.state_raw
FROM flow f JOIN capture c ON c.id = f.capture_id;

-- The sockets of a snapshot made from flows: every flow of the capture that
-- is open at the snapshot's time t (snapshot.at), in the state it is in then,
-- seen from the local side.  What "open" means, in order:
--   a RST closes at once;
--   UDP: open until 60 s without a packet (t <= last_seen + 60);
--   a FIN each way: the side that sent the first FIN keeps the port in
--     TIME_WAIT for 60 s (Linux's TCP_TIMEWAIT_LEN) after the second FIN,
--     so when local closed first the socket is TIME_WAIT until then; when
--     remote closed first it is LAST_ACK until the last packet, then gone;
--   local FIN only: FIN_WAIT_2 (FIN_WAIT_1 lasts one round trip);
--   remote FIN only: CLOSE_WAIT;
--   SYN-ACK seen, or the connection was seen mid-stream: ESTABLISHED;
--   SYN without an answer: SYN_SENT (SYN_RECEIVED when the remote side
--     opened it) until 127 s after the first SYN (Linux gives up after six
--     retries) or the last packet, whichever is later;
--   a record without event times (tshark conversations, CSV lists): its own
--     state, from first_seen to last_seen (always, when it has no times),
--     unless that state is CLOSED.
CREATE VIEW flow_socket AS
WITH at AS (
	SELECT n.id AS snapshot_id, n.at AS t, f.*
	FROM snapshot n JOIN flow f ON f.capture_id = n.capture_id
	WHERE n.at IS NOT NULL AND (f.first_seen IS NULL OR f.first_seen <= n.at)
), st AS (
	SELECT *, CASE
	    WHEN reset_at <= t THEN NULL
	    WHEN proto = 'udp' THEN
	        CASE WHEN last_seen IS NULL OR t <= last_seen + 60 THEN
	            CASE WHEN state IN ('UNKNOWN', 'CLOSED') THEN 'ESTABLISHED'
	                ELSE state END END
	    WHEN local_fin_at <= t AND remote_fin_at <= t THEN
	        CASE WHEN local_fin_at <= remote_fin_at THEN
	            CASE WHEN t < remote_fin_at + 60 THEN 'TIME_WAIT' END
	        WHEN t < last_seen THEN 'LAST_ACK' END
	    WHEN local_fin_at <= t THEN 'FIN_WAIT_2'
	    WHEN remote_fin_at <= t THEN 'CLOSE_WAIT'
	    WHEN answered_at <= t THEN 'ESTABLISHED'
	    WHEN syn_at <= t THEN
	        CASE WHEN t < max(syn_at + 127, coalesce(last_seen, 0)) THEN
	            CASE WHEN local_opened = 0 THEN 'SYN_RECEIVED'
	                ELSE 'SYN_SENT' END END
	    WHEN midstream = 1 THEN 'ESTABLISHED'
	    WHEN state = 'CLOSED' THEN NULL
	    WHEN last_seen IS NULL OR t <= last_seen THEN state
	    END AS state_at
	FROM at
)
SELECT snapshot_id, capture_id, id AS flow_id, proto, family, laddr, lport,
       raddr, rport, state_at AS state,
       coalesce(state_raw, CASE WHEN midstream = 1 THEN 'mid-stream' END)
           AS state_raw,
       line
FROM st WHERE state_at IS NOT NULL;

-- Connections per destination (see flows), per capture: how many were
-- attempted (a SYN seen), answered, left unanswered (SYN, no SYN-ACK, no
-- refusal), refused (RST to the SYN), reset after they were up; how many
-- SYNs that took (retransmissions too); in how many the source sent the
-- first FIN (and so keeps TIME_WAIT); from how many source addresses, and
-- the busiest one; new connections per second on average over the whole
-- capture (NULL without times) and in the busiest second, and the resets in
-- the busiest second.
CREATE VIEW v_flow_destination AS
WITH span AS (
	SELECT capture_id, max(last_seen) - min(first_seen) AS seconds
	FROM flow GROUP BY capture_id
), src AS (
	SELECT capture_id, proto, daddr, dport, saddr, COUNT(*) AS n,
	       ROW_NUMBER() OVER (PARTITION BY capture_id, proto, daddr, dport
	           ORDER BY COUNT(*) DESC, saddr) AS rk
	FROM flows GROUP BY capture_id, proto, daddr, dport, saddr
), opened AS (
	SELECT capture_id, proto, daddr, dport, MAX(n) AS peak
	FROM (SELECT capture_id, proto, daddr, dport, COUNT(*) AS n
	      FROM flows WHERE syn_at IS NOT NULL
	      GROUP BY capture_id, proto, daddr, dport, CAST(syn_at AS INTEGER))
	GROUP BY capture_id, proto, daddr, dport
), resets AS (
	SELECT capture_id, proto, daddr, dport, MAX(n) AS peak
	FROM (SELECT capture_id, proto, daddr, dport, COUNT(*) AS n
	      FROM flows WHERE reset_at IS NOT NULL
	      GROUP BY capture_id, proto, daddr, dport, CAST(reset_at AS INTEGER))
	GROUP BY capture_id, proto, daddr, dport
), per AS (
	SELECT capture_id, proto, daddr, dport, COUNT(*) AS flows,
	       SUM(syn_at IS NOT NULL) AS attempts,
	       SUM(answered_at IS NOT NULL) AS answered,
	       SUM(unanswered) AS unanswered,
	       SUM(refused) AS refused,
	       SUM(reset_at IS NOT NULL AND refused = 0) AS reset,
	       SUM(syns) AS syns,
	       COUNT(DISTINCT saddr) AS sources,
	       SUM(CASE WHEN local_opened = 0
	           THEN remote_fin_at IS NOT NULL
	               AND (local_fin_at IS NULL OR remote_fin_at <= local_fin_at)
	           ELSE local_fin_at IS NOT NULL
	               AND (remote_fin_at IS NULL OR local_fin_at <= remote_fin_at)
	           END) AS source_closed_first,
	       MIN(first_seen) AS first_seen, MAX(last_seen) AS last_seen,
	       MIN(line) AS line
	FROM flows GROUP BY capture_id, proto, daddr, dport
)
SELECT p.capture_id, p.proto, p.daddr, p.dport,
       CASE WHEN instr(p.daddr, ':') > 0 THEN '[' || p.daddr || ']'
            ELSE p.daddr END || ':' || coalesce(p.dport, '*') AS destination,
       p.flows, p.attempts, p.answered, p.unanswered, p.refused, p.reset,
       p.syns, p.sources, s.saddr AS top_source, s.n AS top_source_flows,
       p.source_closed_first,
       p.first_seen, p.last_seen, sp.seconds AS capture_seconds,
       CASE WHEN sp.seconds > 0 THEN p.attempts / sp.seconds END
           AS opened_per_second,
       o.peak AS opened_peak_second,
       r.peak AS reset_peak_second,
       p.line
FROM per p
JOIN span sp ON sp.capture_id = p.capture_id
JOIN src s ON s.capture_id = p.capture_id AND s.proto = p.proto
    AND s.daddr IS p.daddr AND s.dport IS p.dport AND s.rk = 1
LEFT JOIN opened o ON o.capture_id = p.capture_id AND o.proto = p.proto
    AND o.daddr IS p.daddr AND o.dport IS p.dport
LEFT JOIN resets r ON r.capture_id = p.capture_id AND r.proto = p.proto
    AND r.daddr IS p.daddr AND r.dport IS p.dport;
