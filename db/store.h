/*
 * store.h — the case file: opening it, and writing events into it.
 *
 * The store owns the SQLite connection, the schema version, and the rule of
 * one transaction per input file: store_capture_begin() opens it and
 * store_capture_end() commits all of it or rolls all of it back.  It knows no
 * input format: it receives the normalized events of parsers/record.h.
 */
#ifndef DB_STORE_H
#define DB_STORE_H

#include <stddef.h>

#include "parsers/record.h"

#define STORE_SCHEMA_VERSION	2	/* schema.sql is 1; db/migrate-N.sql each step */

struct store;
struct sqlite3;

enum store_mode {
	STORE_READ,		/* an existing case file */
	STORE_CREATE		/* create it (mode 0600) when missing */
};

struct store	*store_open(const char *path, enum store_mode, char *err,
		    size_t errlen);
void		 store_close(struct store *);
const char	*store_error(const struct store *);

/* The connection, for reports/analysis.c to read views.  Nobody writes. */
struct sqlite3	*store_sqlite(struct store *);

struct capture_row {
	const char	*path;
	const char	*format;
	const char	*encoding;
	const char	*host;
};

struct snapshot_row {
	const char	*label;
	const char	*os;
	const char	*os_version;
	int		 range_lo, range_hi;
	const char	*range_source;
	unsigned long	 first_line;
	int		 has_at;
	double		 at;		/* made from flows: the time, capture's clock */
};

/* Begin the transaction for one input file and record it.  0 or -1. */
int		 store_capture_begin(struct store *, const struct capture_row *);

/* A new snapshot in the current capture; it becomes current.  Its id, or -1. */
long long	 store_snapshot(struct store *, const struct snapshot_row *);
int		 store_snapshot_range(struct store *, long long id, int lo, int hi,
		    const char *source);
int		 store_snapshot_taken_at(struct store *, long long id,
		    const char *taken_at, const char *source);

/*
 * Into the current snapshot.  0 or -1.  A socket with several owners
 * (k->more) is one row per owner, owner_seq 1, 2, ...
 */
int		 store_socket(struct store *, const struct ps_socket *);
int		 store_process(struct store *, const struct ps_process *);
int		 store_issue(struct store *, unsigned long line, const char *reason,
		    const char *excerpt);

/* A connection seen on the wire, into the current capture.  0 or -1. */
int		 store_flow(struct store *, const struct ps_flow *);

/*
 * Fill a snapshot of the current capture (made with has_at) with the flows
 * open at its time, as the view flow_socket says.  The number of sockets,
 * or -1.
 */
long long	 store_flow_sockets(struct store *, long long snapshot);

/* What the current capture's flow times count: "epoch", "relative". */
int		 store_capture_clock(struct store *, const char *clock);

enum store_end {
	STORE_COMMIT,
	STORE_ROLLBACK
};

/*
 * Finish the current capture: record its digest and counts, then commit or
 * roll back.  Returns 1 committed, 0 rolled back (asked for, or the same
 * bytes were already in the case: *duplicate_of is then that capture's id),
 * -1 on error (rolled back).
 */
int		 store_capture_end(struct store *, enum store_end,
		    const char *sha256, long long size, unsigned long lines_read,
		    unsigned long lines_rejected, unsigned long sockets_skipped,
		    long long *duplicate_of);

/* Build the indexes (after a bulk load). */
int		 store_index(struct store *);

#endif /* DB_STORE_H */
