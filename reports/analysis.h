/*
 * analysis.h — the analysis results, read from the case file's views.
 *
 * The only place in reports/ that runs SQL: it selects from the views of
 * db/views.sql (never the tables) into plain structs that the renderers
 * (text.c, ...) turn into output.  Renderers know nothing of SQLite.
 */
#ifndef REPORTS_ANALYSIS_H
#define REPORTS_ANALYSIS_H

#include <stddef.h>

struct sqlite3;

struct a_snapshot {
	long long	 id;
	long		 seq;
	char		*label;
	char		*taken_at;
	char		*file;
	char		*format;
	char		*encoding;
	char		*host;
	char		*os;
	char		*os_version;
	int		 range_lo, range_hi;
	char		*range_source;
	long		 first_line;
	long		 sockets;
	long		 ports_held;
	long		 listeners_in_range;
};

struct a_state {
	char		*state;
	long		 sockets;
	long		 held;
};

/* A process in one snapshot, with what the views say of it. */
struct a_process {
	long long	 snapshot_id;
	long long	 owner_key;	/* 0: the input named no process */
	char		*process;	/* image, or NULL */
	long		 pid;		/* -1: none given */
	long		 ports_held;
	long		 sockets;	/* port-holding sockets */
	long		 image_inferred; /* of them, image from another socket */
	int		 range_size;
	double		 share;		/* of the range */
	double		 share_of_held;
	int		 has_remote;	/* the concentration fields are set */
	long		 remotes;
	char		*top_remote;
	double		 top_remote_share;
	char		*top_addr;
	double		 top_addr_share;
	double		 hhi;
	struct a_state	*states;	/* ordered by sockets, descending */
	size_t		 nstates;
};

struct a_issue {
	char		*file;
	long		 line;		/* 0: the file as a whole */
	char		*reason;
	char		*excerpt;
};

/* PID 0 TIME_WAIT sockets attributed to a process (time_wait_attribution). */
struct a_attr {
	long long	 snapshot_id;
	char		*process;
	long		 pid;		/* -1: none */
	double		 sockets;
	double		 held;
	char		*confidence;	/* endpoint, ambiguous, none */
};

/* A pool and how full it is (pool_pressure). */
struct a_pool {
	long long	 snapshot_id;
	char		*model;
	char		*laddr;
	char		*raddr;		/* NULL for the windows model */
	long		 rport;		/* -1: none */
	long		 ports_held;
	long		 range_size;
	double		 share;
};

/* Ports held over time (trend). */
struct a_trend {
	char		*process;
	long		 pid;		/* -1: the rollup of an image */
	long		 snapshots;
	char		*first_taken_at;
	char		*last_taken_at;
	long		 ports_first;
	long		 ports_last;
	int		 has_slope;
	double		 slope_per_hour;
	int		 monotonic;
	int		 has_minutes;
	double		 minutes_to_exhaustion;
};

struct a_finding {
	long long	 snapshot_id;
	int		 rank;
	char		*severity;	/* critical, warning, info */
	char		*kind;
	char		*process;
	long		 pid;
	char		*summary;
	char		*evidence;
};

/* A value of a generic table, typed as SQLite returned it. */
enum a_type {
	A_NULL,
	A_INT,
	A_REAL,
	A_TEXT
};

struct a_value {
	enum a_type	 type;
	long long	 i;
	double		 r;
	char		*s;
};

/*
 * An analysis table as rows of named columns, for the renderers that print
 * tables whole (CSV, JSON, HTML): the same names and columns users see with
 * sqlite3.  Rows of the selected snapshots only (trend: the whole case).
 */
struct a_table {
	const char	*name;		/* "port_share", ... */
	char		**cols;
	size_t		 ncols;
	struct a_value	*v;		/* row-major: v[row * ncols + col] */
	size_t		 nrows;
};

#define ANALYSIS_TABLES	12

struct analysis {
	struct a_snapshot	*snaps;		/* the selected ones, by seq */
	size_t			 nsnaps;
	size_t			 total_snaps;	/* in the whole case */
	struct a_process	*procs;		/* by snapshot, then ports held */
	size_t			 nprocs;
	struct a_finding	*findings;	/* of the selected snapshots */
	size_t			 nfindings;
	struct a_attr		*attrs;		/* of the selected snapshots */
	size_t			 nattrs;
	struct a_pool		*pools;		/* the most pressed, per snapshot */
	size_t			 npools;
	struct a_trend		*trends;	/* steepest first */
	size_t			 ntrends;
	struct a_table		 tables[ANALYSIS_TABLES];
	size_t			 ntables;
	struct a_issue		*issues;	/* the first few */
	size_t			 nissues;
	long			 total_issues;
};

struct analysis_opts {
	const char	*snapshot;	/* NULL: the default selection */
	int		 top;		/* processes per snapshot; 0: all */
	int		 max_issues;	/* issues to list */
	int		 snapshots_only; /* skip the per-process analyses */
	int		 tables;	/* also load the generic tables */
};

#define ANALYSIS_POOLS	5	/* pools per snapshot */

/* The default selection: every snapshot up to this many, else the last. */
#define ANALYSIS_ALL_UP_TO	6

/* The table of that name in a (NULL when it was not loaded). */
const struct a_table *analysis_table(const struct analysis *, const char *name);

/* Column name's index in t, or -1; a cell (NULL value when out of range). */
int			 analysis_col(const struct a_table *, const char *name);
const struct a_value	*analysis_cell(const struct a_table *, size_t row, int col);
/* A cell as a number (0 when NULL), or as text (NULL unless text). */
double			 analysis_num(const struct a_value *);
const char		*analysis_str(const struct a_value *);

/* 0, or -1 with a message in err (a bad --snapshot is one). */
int	analysis_load(struct sqlite3 *, const struct analysis_opts *,
	    struct analysis *, char *err, size_t errlen);
void	analysis_free(struct analysis *);

#endif /* REPORTS_ANALYSIS_H */
