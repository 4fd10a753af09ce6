/*
 * record.h — the events a parser emits, and the sink that receives them.
 *
 * This is the one interface between the input formats (parsers/) and the
 * case file (db/).  A parser fills these structs from the line it is looking
 * at and hands them to the sink.  Every pointer in an event is borrowed: it is
 * valid only for the duration of the call, so a parser can point into its line
 * buffer and never allocate per line.  Nothing here knows SQLite.
 *
 * The order of events is the order of the input: a snapshot event opens a
 * snapshot, and every socket, process and range event after it belongs to it
 * until the next snapshot event.  Sockets before any snapshot event belong to
 * an implicit first snapshot that the receiver opens itself.
 */
#ifndef PARSERS_RECORD_H
#define PARSERS_RECORD_H

#include <stddef.h>

#include "parsers/state.h"

struct stamp;

#define ENDPOINT_ADDR_MAX	64	/* canonical text; INET6_ADDRSTRLEN is 46 */
#define ENDPOINT_ZONE_MAX	32
#define ENDPOINT_PORT_MAX	32

enum proto {
	PROTO_TCP,
	PROTO_UDP
};

/*
 * One end of a socket.  addr is canonical (dotted quad, RFC 5952 IPv6) when
 * the input wrote a number, or the name exactly as written when it did not
 * (plain `netstat` prints host names); `numeric` says which.  An empty addr
 * means "no remote" (0.0.0.0:0, [::]:0, *:*).
 */
struct endpoint {
	char	addr[ENDPOINT_ADDR_MAX];
	char	zone[ENDPOINT_ZONE_MAX];	/* "%12" without the '%'; "" if none */
	int	port;				/* -1 for '*' or a port name */
	char	port_name[ENDPOINT_PORT_MAX];	/* as written when not a number */
	int	numeric;			/* 1: addr and port were numbers */
};

/* One more owner of a socket that several processes share (ss users:(...)). */
struct ps_owner {
	long		 pid;
	const char	*process;
};

#define SOCKET_OWNERS_MAX	16	/* owners kept per socket */

struct ps_socket {
	enum proto	 proto;
	int		 family;		/* 4 or 6 */
	struct endpoint	 local;
	struct endpoint	 remote;
	enum state	 state;
	const char	*state_raw;		/* the word(s) as written; NULL if none */
	long		 pid;			/* -1 when the input gives none */
	const char	*process;		/* image / program name, or NULL */
	const char	*service;		/* svchost service tag, or NULL */
	const char	*owner;			/* user, or NULL */
	int		 ownership_unavailable;	/* "Can not obtain ownership information" */
	const struct ps_owner *more;		/* owners after the first, or NULL */
	size_t		 nmore;
	unsigned long	 line;
};

/* Free-form facts about the system that a snapshot was taken on. */
struct ps_snapshot {
	unsigned long		 line;		/* the line that opened it */
	const struct stamp	*stamp;		/* date/time line before it, or NULL */
	const char		*os;		/* "windows", "linux", "macos", "freebsd" */
	const char		*os_version;	/* e.g. "5.2.3790" when the text says, or NULL */
};

/* A dynamic port range stated in the input (netsh, sysctl, /proc). */
struct ps_range {
	int		 lo;
	int		 hi;
	enum proto	 proto;
	int		 family;		/* 4, 6, or 0 when the text does not say */
	const char	*source;		/* what stated it, e.g. "netsh int ipv4 show dynamicport tcp" */
	unsigned long	 line;
};

/* What is known of one process, apart from any socket line. */
struct ps_process {
	long		 pid;
	const char	*image;
	const char	*service;
	const char	*path;
	const char	*owner;
	unsigned long	 line;
};

/*
 * Connections seen on the wire (packet captures, Zeek conn.log, tshark
 * conversations, CSV lists of connections) are flows, not sockets: a flow has
 * a life in time, and the snapshots of such a capture are made from its flows
 * afterwards, by the receiver (what was open at time T, in which state).
 *
 * A parser fills a flow from the point of view of the side that opened it
 * (local = the side that sent the SYN, or the originator of a record); the
 * receiver turns it round when --local says the other side is local.
 * Times are seconds on the flow's clock; FLOW_NEVER when the event was not
 * seen (or the input does not say).
 */
#define FLOW_NEVER	(-1.0)

enum flow_clock {
	FLOW_CLOCK_NONE,	/* the input gives no times at all */
	FLOW_CLOCK_RELATIVE,	/* seconds since the capture began */
	FLOW_CLOCK_EPOCH	/* Unix seconds, UTC */
};

enum flow_side {
	FLOW_SIDE_NONE,
	FLOW_SIDE_LOCAL,
	FLOW_SIDE_REMOTE
};

struct ps_flow {
	enum proto	 proto;
	int		 family;		/* 4 or 6 */
	struct endpoint	 local;			/* addr canonical, numeric = 1 */
	struct endpoint	 remote;
	int		 local_opened;		/* 1 local sent the SYN, 0 remote did,
						   -1 not seen (mid-stream, UDP) */
	int		 midstream;		/* first packet seen was not a SYN */
	enum flow_clock	 clock;
	double		 first_seen, last_seen;	/* FLOW_NEVER with FLOW_CLOCK_NONE */
	double		 syn_at;		/* first SYN */
	double		 answered_at;		/* SYN-ACK */
	double		 local_fin_at;		/* first FIN sent by local */
	double		 remote_fin_at;		/* first FIN sent by remote */
	double		 reset_at;		/* first RST */
	enum flow_side	 reset_by;
	int		 refused;		/* the SYN was answered by a RST */
	unsigned long	 syns;			/* SYNs sent, retransmissions too */
	unsigned long	 packets;
	unsigned long long bytes;		/* payload bytes, both ways */
	/*
	 * The state at last_seen as the input states it, from local's side:
	 * what a record without event times (CSV) is known by.  Readers that
	 * see events fill the state they tracked, for the same reason.
	 */
	enum state	 state;
	const char	*state_raw;		/* S0, SF (Zeek), the CSV word, or NULL */
	unsigned long	 line;			/* first line, or frame number */
};

struct ps_sink {
	void	*ctx;
	void	(*snapshot)(void *ctx, const struct ps_snapshot *);
	void	(*socket)(void *ctx, const struct ps_socket *);
	void	(*process)(void *ctx, const struct ps_process *);
	void	(*range)(void *ctx, const struct ps_range *);
	/* A line that fits no rule: reason is a short sentence, text the line. */
	void	(*issue)(void *ctx, unsigned long line, const char *reason,
		    const char *text);
	/* A connection seen on the wire, once, when it ended or input did. */
	void	(*flow)(void *ctx, const struct ps_flow *);
	/* Sockets deliberately not stored (unix, netlink): counted, not issues. */
	void	(*skipped)(void *ctx, const char *what, unsigned long line);
};

#endif /* PARSERS_RECORD_H */
