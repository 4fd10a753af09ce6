/*
 * pipeline.h — one input file through decode, sniff, parser and store.
 *
 * Used by `ingest` and `analyze`.  Owns what lies between the stages: the
 * choice of format, the dynamic range each snapshot gets (option, input,
 * default), the snapshot times (stamps in the text, the day/month order for
 * the whole file, --taken-at), the digest that makes a second ingest of the
 * same bytes a no-op, and the messages on stderr.
 */
#ifndef CLI_PIPELINE_H
#define CLI_PIPELINE_H

#include "parsers/addr.h"
#include "parsers/stamp.h"

struct store;

#define LOCAL_MAX	16	/* --local blocks */
#define SNAPSHOTS_MAX	1000	/* snapshots --every may make of one capture */

struct ingest_opts {
	const char	*label;
	const char	*host;
	const char	*format;	/* NULL: sniff */
	const char	*encoding;	/* NULL: detect */
	const char	*taken_at;	/* ISO text, or NULL */
	int		 range_lo, range_hi;	/* 0: not given */
	enum date_order	 date_order;
	int		 strict;	/* any issue: store nothing of the file */
	int		 quiet;		/* no summary line per file */

	/* Captures of connections (packets, Zeek, conversations, CSV). */
	double		 every;		/* --every: a snapshot each; 0: at the end */
	struct cidr	 local[LOCAL_MAX];	/* --local: the local addresses */
	size_t		 nlocal;
	const char	*columns;	/* --columns, for flow-csv */
};

struct ingest_result {
	unsigned long	 lines;
	unsigned long	 snapshots;
	unsigned long	 sockets;
	unsigned long	 flows;
	unsigned long	 issues;
	int		 duplicate;
	int		 stored;
};

/* Exit statuses (DESIGN.md, "The command line"). */
enum {
	EXIT_DONE = 0,
	EXIT_ISSUES = 1,
	EXIT_USAGE = 2,
	EXIT_UNREADABLE = 3
};

/* Ingest path ("-" for stdin).  Returns EXIT_DONE, EXIT_ISSUES or EXIT_UNREADABLE. */
int	ingest_file(struct store *, const char *path, const struct ingest_opts *,
	    struct ingest_result *);

/* Check an ISO 8601 --taken-at value; 0 when good. */
int	taken_at_valid(const char *s);

#endif /* CLI_PIPELINE_H */
