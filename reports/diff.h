/*
 * diff.h — what changed between two snapshots of a case (`portsift diff`).
 *
 * diff_load() is the only part that runs SQL: it selects from the views of
 * db/views.sql (snapshots, port_share, state_mix, held; never the tables)
 * into the plain structs below.  render_diff_text() prints them and runs no
 * SQL.  A is the snapshot compared from, B the one compared to: every delta
 * is B - A.
 */
#ifndef REPORTS_DIFF_H
#define REPORTS_DIFF_H

#include <stddef.h>
#include <stdio.h>

struct sqlite3;

/* One of the two snapshots, from the snapshots view. */
struct diff_snap {
	long long	 id;		/* snapshot_id */
	long		 seq;		/* the number `portsift snapshots` lists */
	char		*label;		/* or NULL */
	char		*taken_at;	/* or NULL: unknown */
	char		*file;
	long		 first_line;
	int		 range_lo, range_hi;
	long		 sockets;
	long		 ports_held;
};

/* Sockets holding a dynamic port in one canonical state, in A and in B. */
struct diff_state {
	char		*state;
	long		 a, b;
};

/*
 * A process (image + PID) that holds a dynamic port in A or in B.  in_a and
 * in_b say whether it has any socket at all there (a listener counts), so
 * "went" (in_a && !in_b) means gone from the snapshot, not only from the
 * range.  restarted: it came or went, and its image (not NULL) went or came
 * under another PID: likely the same program restarted.
 */
struct diff_proc {
	char		*process;	/* image, or NULL */
	long		 pid;		/* -1: the input gives no PID */
	long		 ports_a, ports_b;
	int		 in_a, in_b;
	int		 restarted;
	struct diff_state *states;	/* only those whose count changed, */
	size_t		 nstates;	/* by |b - a| descending, then name */
};

/* A remote endpoint (addr:port, IPv6 in brackets) and its socket count. */
struct diff_remote {
	char		*endpoint;
	long		 sockets;
};

struct diff {
	struct diff_snap	 a, b;
	int			 has_elapsed;	/* both have a time SQLite reads */
	double			 elapsed;	/* seconds from A to B; < 0: B first */
	struct diff_proc	*procs;		/* by |ports_b - ports_a| desc */
	size_t			 nprocs;	/* loaded (at most opts.top) */
	size_t			 total_procs;	/* in all */
	struct diff_remote	*appeared;	/* in B's held sockets, not A's */
	size_t			 nappeared;
	size_t			 total_appeared;
	struct diff_remote	*vanished;	/* in A's held sockets, not B's */
	size_t			 nvanished;
	size_t			 total_vanished;
};

struct diff_opts {
	const char	*a, *b;		/* N, a label, first or last */
	int		 top;		/* process rows; 0: all */
	int		 top_remotes;	/* endpoints each way; 0: all */
};

#define DIFF_TOP_DEFAULT	20
#define DIFF_TOP_REMOTES	10

/* What diff_load() returns. */
#define DIFF_OK		 0
#define DIFF_EREAD	-1	/* the case could not be read: err says why */
#define DIFF_ENOSNAP	-2	/* a name matched no snapshot: err says which */

/*
 * Resolve a snapshot name: a number as `portsift snapshots` lists it, else
 * the last snapshot (by number) with that label; "first" and "last" mean
 * what they say.  Fills s; DIFF_OK, DIFF_EREAD or DIFF_ENOSNAP.
 */
int	diff_find_snapshot(struct sqlite3 *, const char *name,
	    struct diff_snap *s, char *err, size_t errlen);
void	diff_snap_free(struct diff_snap *);

/* Load the diff of o->a and o->b.  DIFF_OK, DIFF_EREAD or DIFF_ENOSNAP. */
int	diff_load(struct sqlite3 *, const struct diff_opts *, struct diff *,
	    char *err, size_t errlen);
void	diff_free(struct diff *);

/* The text rendering, at most 100 columns; 0, or -1 on a write error. */
int	render_diff_text(FILE *, const struct diff *, const char *case_name);

#endif /* REPORTS_DIFF_H */
