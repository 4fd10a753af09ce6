-- schema.sql — the tables of a portsift case file (schema version 1).
--
-- A case file holds customer data: it is created mode 0600 and nothing in it
-- is ever sent anywhere.  The table names capture, snapshot, process, socket
-- and issue, and their columns, are part of the user contract (README.md,
-- "The case file"): people query them with sqlite3.  The views that the
-- reports read are in views.sql.  PRAGMA user_version holds the version.

-- One input file.  sha256 is NULL only while the file is being loaded
-- (inside its transaction); ingesting the same bytes again is a no-op.
CREATE TABLE capture (
	id		INTEGER PRIMARY KEY,
	path		TEXT NOT NULL,		-- as given on the command line; "-" for stdin
	sha256		TEXT UNIQUE,
	size		INTEGER NOT NULL,	-- bytes
	format		TEXT NOT NULL,		-- e.g. windows-netstat
	encoding	TEXT NOT NULL,		-- e.g. utf-16le+bom, cp850
	host		TEXT,			-- --host, when given
	ingested_at	TEXT NOT NULL,		-- UTC, ISO 8601
	lines_read	INTEGER NOT NULL DEFAULT 0,
	lines_rejected	INTEGER NOT NULL DEFAULT 0,
	sockets_skipped	INTEGER NOT NULL DEFAULT 0	-- unix, netlink, ...: not stored
);

-- One point in time inside a capture.  taken_at is local time as the capture
-- wrote it ("2026-11-23 14:05:33.12"), from the text or --taken-at, else NULL:
-- never invented.  The dynamic port range is resolved at ingest: --port-range,
-- else one stated in the input, else the OS default; range_source says which.
CREATE TABLE snapshot (
	id		INTEGER PRIMARY KEY,
	capture_id	INTEGER NOT NULL REFERENCES capture(id) ON DELETE CASCADE,
	seq		INTEGER NOT NULL UNIQUE,	-- 1, 2, ... across the whole case
	label		TEXT,
	taken_at	TEXT,
	taken_at_source	TEXT,			-- 'text', 'option', or NULL
	os		TEXT,			-- windows, linux, macos, freebsd
	os_version	TEXT,
	range_lo	INTEGER NOT NULL,
	range_hi	INTEGER NOT NULL,
	range_source	TEXT NOT NULL,		-- why this range, in words
	first_line	INTEGER NOT NULL,
	CHECK (range_lo BETWEEN 1 AND 65535 AND range_hi BETWEEN range_lo AND 65535)
);

-- A process as seen in one snapshot (pid numbers are reused across time).
CREATE TABLE process (
	id		INTEGER PRIMARY KEY,
	snapshot_id	INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
	pid		INTEGER,
	image		TEXT,
	service		TEXT,			-- svchost service tags, comma-separated
	path		TEXT,
	owner		TEXT,
	UNIQUE (snapshot_id, pid)
);

-- The normalized records (DESIGN.md, "The normalized record").  A socket
-- that several processes share (a forked server's listener, as ss prints
-- users:(("a",pid=1,fd=3),("b",pid=2,fd=4))) is one row per owner with the
-- same line: owner_seq 1 for the first, 2, 3... for the others.  Counts of
-- sockets take owner_seq = 1; counts of ports are distinct anyway.
CREATE TABLE socket (
	id		INTEGER PRIMARY KEY,
	snapshot_id	INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
	process_id	INTEGER REFERENCES process(id),
	proto		TEXT NOT NULL CHECK (proto IN ('tcp', 'udp')),
	family		INTEGER NOT NULL CHECK (family IN (4, 6)),
	laddr		TEXT NOT NULL,
	lzone		TEXT,
	lport		INTEGER,		-- NULL for '*' or a port name
	lport_name	TEXT,			-- the name as written, when not a number
	raddr		TEXT,			-- NULL: no remote end
	rzone		TEXT,
	rport		INTEGER,
	rport_name	TEXT,
	resolved	INTEGER NOT NULL DEFAULT 1,	-- 0: names, not numbers
	state		TEXT NOT NULL,
	state_raw	TEXT,
	pid		INTEGER,
	service		TEXT,
	owner		TEXT,
	ownership	TEXT,			-- 'unavailable' when the input said so
	owner_seq	INTEGER NOT NULL DEFAULT 1,	-- 2, 3...: the same socket, another owner
	line		INTEGER NOT NULL
);

-- A line that fit no rule, or a decoding problem, with where it was.
CREATE TABLE issue (
	id		INTEGER PRIMARY KEY,
	capture_id	INTEGER NOT NULL REFERENCES capture(id) ON DELETE CASCADE,
	line		INTEGER,
	reason		TEXT NOT NULL,
	excerpt		TEXT
);

-- What the analyses conclude, ranked: refreshed after every ingest and by
-- every report (reports/findings.c), so it always matches the last report.
CREATE TABLE finding (
	id		INTEGER PRIMARY KEY,
	snapshot_id	INTEGER REFERENCES snapshot(id) ON DELETE CASCADE,
	rank		INTEGER NOT NULL,	-- 1 = most important
	severity	TEXT NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
	kind		TEXT NOT NULL,
	process		TEXT,
	pid		INTEGER,
	summary		TEXT NOT NULL,		-- one sentence
	evidence	TEXT NOT NULL		-- the numbers, and sockets as file:line
);

-- Bookkeeping: which version of views.sql the views were made from.
CREATE TABLE meta (
	key		TEXT PRIMARY KEY,
	value		TEXT
);
