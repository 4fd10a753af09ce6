/*
 * query.h — reading rows of the analysis tables into plain C values.
 *
 * Shared by the modules of reports/ that read the case (analysis.c,
 * diff.c): the error texts and the memory rules are the same everywhere.
 */
#ifndef REPORTS_QUERY_H
#define REPORTS_QUERY_H

#include <stddef.h>

struct sqlite3;
struct sqlite3_stmt;

/* 0, or -1 with "reading the case: ..." in err (and *st NULL). */
int	 query_prepare(struct sqlite3 *, const char *sql,
	    struct sqlite3_stmt **st, char *err, size_t errlen);
/* The step failed: finalize st, message in err, -1. */
int	 query_fail(struct sqlite3 *, struct sqlite3_stmt *st, char *err,
	    size_t errlen);

/* Column i as a new string (NULL for NULL), a long (null for NULL). */
char	*query_text(struct sqlite3_stmt *, int i);
long	 query_long(struct sqlite3_stmt *, int i, long null);
double	 query_double(struct sqlite3_stmt *, int i, int *isnull);

/* p grown to hold element n (of size bytes); exits on out of memory. */
void	*query_grow(void *p, size_t *cap, size_t n, size_t size);

#endif /* REPORTS_QUERY_H */
