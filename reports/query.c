/*
 * query.c — reading rows of the analysis tables into plain C values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "reports/query.h"

int
query_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err,
    size_t errlen)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "reading the case: %s", sqlite3_errmsg(db));
		*st = NULL;
		return -1;
	}
	return 0;
}

int
query_fail(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errlen)
{
	snprintf(err, errlen, "reading the case: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return -1;
}

char *
query_text(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);
	char			*s;

	if (t == NULL)
		return NULL;
	if ((s = strdup((const char *)t)) == NULL) {
		fprintf(stderr, "portsift: out of memory\n");
		exit(3);
	}
	return s;
}

long
query_long(sqlite3_stmt *st, int i, long null)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return null;
	return (long)sqlite3_column_int64(st, i);
}

double
query_double(sqlite3_stmt *st, int i, int *isnull)
{
	*isnull = sqlite3_column_type(st, i) == SQLITE_NULL;
	return sqlite3_column_double(st, i);
}

void *
query_grow(void *p, size_t *cap, size_t n, size_t size)
{
	void	*q;

	if (n < *cap)
		return p;
	while (n >= *cap)
		*cap = *cap ? *cap * 2 : 16;
	if ((q = reallocarray(p, *cap, size)) == NULL) {
		fprintf(stderr, "portsift: out of memory\n");
		exit(3);
	}
	return q;
}
