/*
 * findings.h — what the analyses conclude, ranked, in plain sentences.
 *
 * findings_refresh() reads the analysis views of a case, decides what is
 * worth saying (thresholds in struct finding_opts, set by --threshold), and
 * replaces the case's `finding` table with the result, so that the table
 * always says what the last report said.  Each finding is one sentence that
 * is true for the numbers next to it, and evidence: the numbers, and example
 * sockets as file:line.
 */
#ifndef REPORTS_FINDINGS_H
#define REPORTS_FINDINGS_H

#include <stddef.h>

struct sqlite3;

struct finding_opts {
	double	pool_warning;	/* share of the range in use: warning */
	double	pool_critical;	/* ... critical */
	double	dominant;	/* a process holds this share of what is held */
	long	close_wait;	/* CLOSE_WAIT sockets of one process */
	long	time_wait;	/* TIME_WAIT sockets toward one endpoint */
	long	syn_sent;	/* SYN_SENT sockets toward one endpoint */
	long	bound;		/* BOUND sockets of one process */
	long	fin_wait_2;	/* FIN_WAIT_2 sockets of one process */
	double	hours_critical;	/* exhaustion sooner than this: critical */
	/* Captures of connections (flow_destination). */
	long	unanswered;	/* SYNs without answer toward one destination */
	long	refused;	/* attempts refused with a RST, one destination */
	long	rst_storm;	/* RSTs from or to one destination in one second */
};

void	findings_defaults(struct finding_opts *);

/* "name=value" from --threshold; 0, or -1 when unknown or malformed. */
int	findings_threshold(struct finding_opts *, const char *arg);

/* The names and meanings of the thresholds, for --help and errors. */
extern const char findings_thresholds_help[];

/* Recompute the findings of the whole case into its finding table. */
int	findings_refresh(struct sqlite3 *, const struct finding_opts *,
	    char *err, size_t errlen);

#endif /* REPORTS_FINDINGS_H */
