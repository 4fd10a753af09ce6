/*
 * analysis.c — reading the analysis views into structs for the renderers.
 *
 * Owns the snapshot selection (--snapshot: a number as `portsift snapshots`
 * lists it, a label, "last", "all") and the ordering of what is shown.
 * Every query binds its values.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "reports/analysis.h"

static char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	return t != NULL ? strdup((const char *)t) : NULL;
}

static long
col_long(sqlite3_stmt *st, int i, long null)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return null;
	return (long)sqlite3_column_int64(st, i);
}

static int
prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err,
    size_t errlen)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "reading the case: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int
step_error(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errlen)
{
	snprintf(err, errlen, "reading the case: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return -1;
}

static void *
grow(void *p, size_t *cap, size_t n, size_t size)
{
	void	*q;

	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	if ((q = reallocarray(p, *cap, size)) == NULL) {
		fprintf(stderr, "portsift: out of memory\n");
		exit(3);
	}
	return q;
}

static void
snapshot_free(struct a_snapshot *s)
{
	free(s->label);
	free(s->taken_at);
	free(s->file);
	free(s->format);
	free(s->encoding);
	free(s->host);
	free(s->os);
	free(s->os_version);
	free(s->range_source);
}

static const char snap_sql[] =
    "SELECT snapshot_id, seq, label, taken_at, file, format, encoding, host,"
    " os, os_version, range_lo, range_hi, range_source, first_line, sockets,"
    " ports_held, listeners_in_range FROM snapshots ORDER BY seq";

/* Which snapshots spec selects: 1 selected, 0 not. */
static int
selected(const char *spec, const struct a_snapshot *s, size_t i, size_t n)
{
	char	*end;
	long	 v;

	if (spec == NULL)
		return n <= ANALYSIS_ALL_UP_TO || i == n - 1;
	if (strcmp(spec, "all") == 0)
		return 1;
	if (strcmp(spec, "last") == 0)
		return i == n - 1;
	if (strcmp(spec, "first") == 0)
		return i == 0;
	v = strtol(spec, &end, 10);
	if (end != spec && *end == '\0')
		return s->seq == v;
	return s->label != NULL && strcmp(s->label, spec) == 0;
}

static int
load_snapshots(sqlite3 *db, const struct analysis_opts *o, struct analysis *a,
    char *err, size_t errlen)
{
	struct a_snapshot	*all = NULL, *s;
	sqlite3_stmt		*st;
	size_t			 n = 0, cap = 0, i;
	int			 rc;

	if (prepare(db, snap_sql, &st, err, errlen) == -1)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = grow(all, &cap, n, sizeof *all);
		s = &all[n++];
		s->id = sqlite3_column_int64(st, 0);
		s->seq = col_long(st, 1, 0);
		s->label = col_text(st, 2);
		s->taken_at = col_text(st, 3);
		s->file = col_text(st, 4);
		s->format = col_text(st, 5);
		s->encoding = col_text(st, 6);
		s->host = col_text(st, 7);
		s->os = col_text(st, 8);
		s->os_version = col_text(st, 9);
		s->range_lo = (int)col_long(st, 10, 0);
		s->range_hi = (int)col_long(st, 11, 0);
		s->range_source = col_text(st, 12);
		s->first_line = col_long(st, 13, 0);
		s->sockets = col_long(st, 14, 0);
		s->ports_held = col_long(st, 15, 0);
		s->listeners_in_range = col_long(st, 16, 0);
	}
	if (rc != SQLITE_DONE)
		return step_error(db, st, err, errlen);
	sqlite3_finalize(st);

	a->total_snaps = n;
	a->snaps = calloc(n ? n : 1, sizeof *a->snaps);
	for (i = 0; i < n; i++) {
		if (selected(o->snapshot, &all[i], i, n))
			a->snaps[a->nsnaps++] = all[i];
		else
			snapshot_free(&all[i]);
	}
	free(all);
	if (o->snapshot != NULL && a->nsnaps == 0) {
		snprintf(err, errlen, "no snapshot '%s' in the case (see "
		    "`portsift snapshots`)", o->snapshot);
		return -1;
	}
	return 0;
}

static const char proc_sql[] =
    "SELECT ps.owner_key, ps.process, ps.pid, ps.ports_held, ps.sockets,"
    " ps.range_size, ps.share, ps.share_of_held,"
    " rc.remotes, rc.top_remote, rc.top_remote_share, rc.top_addr,"
    " rc.top_addr_share, rc.hhi, ps.image_inferred"
    " FROM port_share ps"
    " LEFT JOIN remote_concentration rc ON rc.snapshot_id = ps.snapshot_id"
    "  AND rc.owner_key = ps.owner_key"
    " WHERE ps.snapshot_id = ?1"
    " ORDER BY ps.ports_held DESC, ps.sockets DESC, ps.pid"
    " LIMIT ?2";

static const char state_sql[] =
    "SELECT state, sockets, held FROM state_mix"
    " WHERE snapshot_id = ?1 AND owner_key = ?2"
    " ORDER BY held DESC, sockets DESC, state";

static int
load_states(sqlite3 *db, struct a_process *p, char *err, size_t errlen)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	if (prepare(db, state_sql, &st, err, errlen) == -1)
		return -1;
	sqlite3_bind_int64(st, 1, p->snapshot_id);
	sqlite3_bind_int64(st, 2, p->owner_key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->states = grow(p->states, &cap, p->nstates, sizeof *p->states);
		p->states[p->nstates].state = col_text(st, 0);
		p->states[p->nstates].sockets = col_long(st, 1, 0);
		p->states[p->nstates].held = col_long(st, 2, 0);
		p->nstates++;
	}
	if (rc != SQLITE_DONE)
		return step_error(db, st, err, errlen);
	sqlite3_finalize(st);
	return 0;
}

static int
load_processes(sqlite3 *db, const struct analysis_opts *o, struct analysis *a,
    char *err, size_t errlen)
{
	sqlite3_stmt		*st;
	struct a_process	*p;
	size_t			 cap = 0, i, first;
	int			 rc;

	if (prepare(db, proc_sql, &st, err, errlen) == -1)
		return -1;
	for (i = 0; i < a->nsnaps; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a->snaps[i].id);
		sqlite3_bind_int(st, 2, o->top > 0 ? o->top : -1);
		first = a->nprocs;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			a->procs = grow(a->procs, &cap, a->nprocs,
			    sizeof *a->procs);
			p = &a->procs[a->nprocs++];
			memset(p, 0, sizeof *p);
			p->snapshot_id = a->snaps[i].id;
			p->owner_key = sqlite3_column_int64(st, 0);
			p->process = col_text(st, 1);
			p->pid = col_long(st, 2, -1);
			p->ports_held = col_long(st, 3, 0);
			p->sockets = col_long(st, 4, 0);
			p->range_size = (int)col_long(st, 5, 0);
			p->share = sqlite3_column_double(st, 6);
			p->share_of_held = sqlite3_column_double(st, 7);
			p->has_remote = sqlite3_column_type(st, 8) !=
			    SQLITE_NULL;
			p->remotes = col_long(st, 8, 0);
			p->top_remote = col_text(st, 9);
			p->top_remote_share = sqlite3_column_double(st, 10);
			p->top_addr = col_text(st, 11);
			p->top_addr_share = sqlite3_column_double(st, 12);
			p->hhi = sqlite3_column_double(st, 13);
			p->image_inferred = col_long(st, 14, 0);
			assert(p->share >= 0.0 && p->share <= 1.0);
		}
		if (rc != SQLITE_DONE)
			return step_error(db, st, err, errlen);
		for (; first < a->nprocs; first++)
			if (load_states(db, &a->procs[first], err, errlen) == -1) {
				sqlite3_finalize(st);
				return -1;
			}
	}
	sqlite3_finalize(st);
	return 0;
}

static const char issue_sql[] =
    "SELECT c.path, i.line, i.reason, i.excerpt,"
    " (SELECT count(*) FROM issue)"
    " FROM issue i JOIN capture c ON c.id = i.capture_id"
    " ORDER BY i.capture_id, i.line LIMIT ?1";

static int
load_issues(sqlite3 *db, const struct analysis_opts *o, struct analysis *a,
    char *err, size_t errlen)
{
	sqlite3_stmt	*st;
	struct a_issue	*is;
	size_t		 cap = 0;
	int		 rc;

	if (prepare(db, issue_sql, &st, err, errlen) == -1)
		return -1;
	sqlite3_bind_int(st, 1, o->max_issues);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->issues = grow(a->issues, &cap, a->nissues, sizeof *a->issues);
		is = &a->issues[a->nissues++];
		is->file = col_text(st, 0);
		is->line = col_long(st, 1, 0);
		is->reason = col_text(st, 2);
		is->excerpt = col_text(st, 3);
		a->total_issues = col_long(st, 4, 0);
	}
	if (rc != SQLITE_DONE)
		return step_error(db, st, err, errlen);
	sqlite3_finalize(st);
	if (a->nissues == 0 && o->max_issues == 0) {
		if (prepare(db, "SELECT count(*) FROM issue", &st, err,
		    errlen) == -1)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			a->total_issues = col_long(st, 0, 0);
		sqlite3_finalize(st);
	}
	return 0;
}

int
analysis_load(sqlite3 *db, const struct analysis_opts *o, struct analysis *a,
    char *err, size_t errlen)
{
	memset(a, 0, sizeof *a);
	if (load_snapshots(db, o, a, err, errlen) == -1 ||
	    (!o->snapshots_only &&
	    load_processes(db, o, a, err, errlen) == -1) ||
	    load_issues(db, o, a, err, errlen) == -1) {
		analysis_free(a);
		return -1;
	}
	return 0;
}

void
analysis_free(struct analysis *a)
{
	size_t	i, j;

	for (i = 0; i < a->nsnaps; i++)
		snapshot_free(&a->snaps[i]);
	free(a->snaps);
	for (i = 0; i < a->nprocs; i++) {
		struct a_process *p = &a->procs[i];

		free(p->process);
		free(p->top_remote);
		free(p->top_addr);
		for (j = 0; j < p->nstates; j++)
			free(p->states[j].state);
		free(p->states);
	}
	free(a->procs);
	for (i = 0; i < a->nissues; i++) {
		free(a->issues[i].file);
		free(a->issues[i].reason);
		free(a->issues[i].excerpt);
	}
	free(a->issues);
	memset(a, 0, sizeof *a);
}
