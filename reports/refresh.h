/*
 * refresh.h — materializing the analyses as tables of the case file.
 *
 * Each analysis is defined once, as the view v_NAME in db/views.sql.
 * analysis_refresh() computes them in order into tables named NAME, which is
 * what users query and what the reports read; a later analysis reads the
 * tables of the earlier ones, so each is computed once per refresh.
 */
#ifndef REPORTS_REFRESH_H
#define REPORTS_REFRESH_H

#include <stddef.h>

struct sqlite3;

/* The analysis tables, in the order they are made. */
extern const char *const analysis_tables[];

/* Recompute every analysis table, in one transaction.  0 or -1. */
int	analysis_refresh(struct sqlite3 *, char *err, size_t errlen);

/* Refresh only when an ingest changed the case since the last refresh. */
int	analysis_refresh_if_stale(struct sqlite3 *, char *err, size_t errlen);

#endif /* REPORTS_REFRESH_H */
