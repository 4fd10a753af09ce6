-- migrate-2.sql — schema version 2: connections seen on the wire.
--
-- Run on every case file of version 1 (and after schema.sql on a new one),
-- inside one transaction (store.c).  Packet captures, Zeek conn.log, tshark
-- conversations and CSV lists of connections are stored as flows; the
-- snapshots of such a capture are made from its flows (views.sql,
-- flow_socket), at snapshot.at on the capture's clock.

-- What a capture's times count: 'epoch' (Unix seconds, UTC), 'relative'
-- (seconds since the capture began), or NULL (no times, or not a capture of
-- flows).
ALTER TABLE capture ADD COLUMN clock TEXT;

-- For a snapshot made from flows: its time on the capture's clock.
ALTER TABLE snapshot ADD COLUMN at REAL;

-- For a socket of such a snapshot: the flow it is (see flow below).
ALTER TABLE socket ADD COLUMN flow_id INTEGER;

-- One connection seen on the wire, from the local side: the side that opened
-- it (sent the SYN, or is the originator of a record), unless --local said
-- which addresses are local.  Times are on the capture's clock; NULL when the
-- event was not seen.  line: the input line, or the frame number of its
-- first packet in a pcap/pcapng file.
CREATE TABLE flow (
	id		INTEGER PRIMARY KEY,
	capture_id	INTEGER NOT NULL REFERENCES capture(id) ON DELETE CASCADE,
	proto		TEXT NOT NULL CHECK (proto IN ('tcp', 'udp')),
	family		INTEGER NOT NULL CHECK (family IN (4, 6)),
	laddr		TEXT NOT NULL,
	lport		INTEGER,
	raddr		TEXT NOT NULL,
	rport		INTEGER,
	local_opened	INTEGER,		-- 1 local sent the SYN, 0 remote, NULL unknown
	midstream	INTEGER NOT NULL DEFAULT 0,	-- first packet was not a SYN
	first_seen	REAL,
	last_seen	REAL,
	syn_at		REAL,			-- first SYN
	answered_at	REAL,			-- SYN-ACK
	local_fin_at	REAL,			-- first FIN from local
	remote_fin_at	REAL,			-- first FIN from remote
	reset_at	REAL,			-- first RST
	reset_by	TEXT CHECK (reset_by IN ('local', 'remote')),
	refused		INTEGER NOT NULL DEFAULT 0,	-- the SYN was answered by a RST
	syns		INTEGER NOT NULL DEFAULT 0,	-- SYNs sent, retransmissions too
	packets		INTEGER NOT NULL DEFAULT 0,
	bytes		INTEGER NOT NULL DEFAULT 0,	-- payload, both ways
	state		TEXT NOT NULL,		-- at last_seen, from the local side
	state_raw	TEXT,			-- as the input said (Zeek conn_state, ...)
	line		INTEGER NOT NULL
);
