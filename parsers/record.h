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

struct ps_sink {
	void	*ctx;
	void	(*snapshot)(void *ctx, const struct ps_snapshot *);
	void	(*socket)(void *ctx, const struct ps_socket *);
	void	(*process)(void *ctx, const struct ps_process *);
	void	(*range)(void *ctx, const struct ps_range *);
	/* A line that fits no rule: reason is a short sentence, text the line. */
	void	(*issue)(void *ctx, unsigned long line, const char *reason,
		    const char *text);
	/* Sockets deliberately not stored (unix, netlink): counted, not issues. */
	void	(*skipped)(void *ctx, const char *what, unsigned long line);
};

#endif /* PARSERS_RECORD_H */
