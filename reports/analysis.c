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
#include "reports/query.h"






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

	if (query_prepare(db, snap_sql, &st, err, errlen) == -1)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = query_grow(all, &cap, n, sizeof *all);
		s = &all[n++];
		s->id = sqlite3_column_int64(st, 0);
		s->seq = query_long(st, 1, 0);
		s->label = query_text(st, 2);
		s->taken_at = query_text(st, 3);
		s->file = query_text(st, 4);
		s->format = query_text(st, 5);
		s->encoding = query_text(st, 6);
		s->host = query_text(st, 7);
		s->os = query_text(st, 8);
		s->os_version = query_text(st, 9);
		s->range_lo = (int)query_long(st, 10, 0);
		s->range_hi = (int)query_long(st, 11, 0);
		s->range_source = query_text(st, 12);
		s->first_line = query_long(st, 13, 0);
		s->sockets = query_long(st, 14, 0);
		s->ports_held = query_long(st, 15, 0);
		s->listeners_in_range = query_long(st, 16, 0);
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
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

	if (query_prepare(db, state_sql, &st, err, errlen) == -1)
		return -1;
	sqlite3_bind_int64(st, 1, p->snapshot_id);
	sqlite3_bind_int64(st, 2, p->owner_key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->states = query_grow(p->states, &cap, p->nstates, sizeof *p->states);
		p->states[p->nstates].state = query_text(st, 0);
		p->states[p->nstates].sockets = query_long(st, 1, 0);
		p->states[p->nstates].held = query_long(st, 2, 0);
		p->nstates++;
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
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

	if (query_prepare(db, proc_sql, &st, err, errlen) == -1)
		return -1;
	for (i = 0; i < a->nsnaps; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a->snaps[i].id);
		sqlite3_bind_int(st, 2, o->top > 0 ? o->top : -1);
		first = a->nprocs;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			a->procs = query_grow(a->procs, &cap, a->nprocs,
			    sizeof *a->procs);
			p = &a->procs[a->nprocs++];
			memset(p, 0, sizeof *p);
			p->snapshot_id = a->snaps[i].id;
			p->owner_key = sqlite3_column_int64(st, 0);
			p->process = query_text(st, 1);
			p->pid = query_long(st, 2, -1);
			p->ports_held = query_long(st, 3, 0);
			p->sockets = query_long(st, 4, 0);
			p->range_size = (int)query_long(st, 5, 0);
			p->share = sqlite3_column_double(st, 6);
			p->share_of_held = sqlite3_column_double(st, 7);
			p->has_remote = sqlite3_column_type(st, 8) !=
			    SQLITE_NULL;
			p->remotes = query_long(st, 8, 0);
			p->top_remote = query_text(st, 9);
			p->top_remote_share = sqlite3_column_double(st, 10);
			p->top_addr = query_text(st, 11);
			p->top_addr_share = sqlite3_column_double(st, 12);
			p->hhi = sqlite3_column_double(st, 13);
			p->image_inferred = query_long(st, 14, 0);
			assert(p->share >= 0.0 && p->share <= 1.0);
		}
		if (rc != SQLITE_DONE)
			return query_fail(db, st, err, errlen);
		for (; first < a->nprocs; first++)
			if (load_states(db, &a->procs[first], err, errlen) == -1) {
				sqlite3_finalize(st);
				return -1;
			}
	}
	sqlite3_finalize(st);
	return 0;
}

static const char finding_sql[] =
    "SELECT snapshot_id, rank, severity, kind, process, pid, summary, evidence"
    " FROM finding WHERE snapshot_id = ?1 ORDER BY rank";

static int
load_findings(sqlite3 *db, struct analysis *a, char *err, size_t errlen)
{
	sqlite3_stmt		*st;
	struct a_finding	*f;
	size_t			 cap = 0, i;
	int			 rc;

	if (query_prepare(db, finding_sql, &st, err, errlen) == -1)
		return -1;
	for (i = 0; i < a->nsnaps; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a->snaps[i].id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			a->findings = query_grow(a->findings, &cap, a->nfindings,
			    sizeof *a->findings);
			f = &a->findings[a->nfindings++];
			f->snapshot_id = sqlite3_column_int64(st, 0);
			f->rank = (int)query_long(st, 1, 0);
			f->severity = query_text(st, 2);
			f->kind = query_text(st, 3);
			f->process = query_text(st, 4);
			f->pid = query_long(st, 5, -1);
			f->summary = query_text(st, 6);
			f->evidence = query_text(st, 7);
		}
		if (rc != SQLITE_DONE)
			return query_fail(db, st, err, errlen);
	}
	sqlite3_finalize(st);
	return 0;
}


static const char attr_sql[] =
    "SELECT snapshot_id, process, pid, sockets, held, confidence"
    " FROM time_wait_attribution WHERE snapshot_id = ?1"
    " ORDER BY confidence = 'none', sockets DESC";

static const char pool_sql[] =
    "SELECT snapshot_id, model, laddr, raddr, rport, ports_held, range_size,"
    " share FROM pool_pressure WHERE snapshot_id = ?1"
    " ORDER BY share DESC, model, laddr, raddr, rport LIMIT ?2";

/* Attribution and pools, per selected snapshot. */
static int
load_snapshot_tables(sqlite3 *db, struct analysis *a, char *err,
    size_t errlen)
{
	sqlite3_stmt	*at, *pt;
	size_t		 acap = 0, pcap = 0, i;
	int		 rc = SQLITE_DONE, isnull;

	if (query_prepare(db, attr_sql, &at, err, errlen) == -1)
		return -1;
	if (query_prepare(db, pool_sql, &pt, err, errlen) == -1) {
		sqlite3_finalize(at);
		return -1;
	}
	for (i = 0; i < a->nsnaps && rc == SQLITE_DONE; i++) {
		sqlite3_reset(at);
		sqlite3_bind_int64(at, 1, a->snaps[i].id);
		while ((rc = sqlite3_step(at)) == SQLITE_ROW) {
			struct a_attr *t;

			a->attrs = query_grow(a->attrs, &acap, a->nattrs,
			    sizeof *a->attrs);
			t = &a->attrs[a->nattrs++];
			t->snapshot_id = sqlite3_column_int64(at, 0);
			t->process = query_text(at, 1);
			t->pid = query_long(at, 2, -1);
			t->sockets = query_double(at, 3, &isnull);
			t->held = query_double(at, 4, &isnull);
			t->confidence = query_text(at, 5);
		}
		if (rc != SQLITE_DONE)
			break;
		sqlite3_reset(pt);
		sqlite3_bind_int64(pt, 1, a->snaps[i].id);
		sqlite3_bind_int(pt, 2, ANALYSIS_POOLS);
		while ((rc = sqlite3_step(pt)) == SQLITE_ROW) {
			struct a_pool *p;

			a->pools = query_grow(a->pools, &pcap, a->npools,
			    sizeof *a->pools);
			p = &a->pools[a->npools++];
			p->snapshot_id = sqlite3_column_int64(pt, 0);
			p->model = query_text(pt, 1);
			p->laddr = query_text(pt, 2);
			p->raddr = query_text(pt, 3);
			p->rport = query_long(pt, 4, -1);
			p->ports_held = query_long(pt, 5, 0);
			p->range_size = query_long(pt, 6, 0);
			p->share = sqlite3_column_double(pt, 7);
			assert(p->share >= 0.0 && p->share <= 1.0);
		}
	}
	sqlite3_finalize(at);
	sqlite3_finalize(pt);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "reading the case: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Processes whose ports held changed over time, steepest first. */
static const char trend_sql[] =
    "SELECT process, pid, snapshots, first_taken_at, last_taken_at,"
    " ports_first, ports_last, slope_per_hour, monotonic,"
    " minutes_to_exhaustion FROM trend t"
    " WHERE slope_per_hour IS NOT NULL AND abs(slope_per_hour) >= 0.5"
    "  AND (pid IS NOT NULL OR"
    "  (SELECT COUNT(*) FROM trend u WHERE u.process = t.process"
    "   AND u.pid IS NOT NULL) > 1)"
    " ORDER BY abs(slope_per_hour) DESC, process, pid LIMIT ?1";

static int
load_trends(sqlite3 *db, const struct analysis_opts *o, struct analysis *a,
    char *err, size_t errlen)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc, isnull;

	if (query_prepare(db, trend_sql, &st, err, errlen) == -1)
		return -1;
	sqlite3_bind_int(st, 1, o->top > 0 ? o->top : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct a_trend *t;

		a->trends = query_grow(a->trends, &cap, a->ntrends, sizeof *a->trends);
		t = &a->trends[a->ntrends++];
		t->process = query_text(st, 0);
		t->pid = query_long(st, 1, -1);
		t->snapshots = query_long(st, 2, 0);
		t->first_taken_at = query_text(st, 3);
		t->last_taken_at = query_text(st, 4);
		t->ports_first = query_long(st, 5, 0);
		t->ports_last = query_long(st, 6, 0);
		t->slope_per_hour = query_double(st, 7, &isnull);
		t->has_slope = !isnull;
		t->monotonic = (int)query_long(st, 8, 0);
		t->minutes_to_exhaustion = query_double(st, 9, &isnull);
		t->has_minutes = !isnull;
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	sqlite3_finalize(st);
	return 0;
}

/*
 * The tables renderers print whole, in this order: what is in the case,
 * the conclusions, then the analyses.  The names are constants (never
 * input), so they are written into the statements.
 */
static const struct {
	const char	*name;
	const char	*from;		/* table or view */
	int		 per_snapshot;
	const char	*order;
} generic[ANALYSIS_TABLES] = {
	{ "snapshots", "snapshots", 1, "seq" },
	{ "findings", "finding", 1, "rank" },
	{ "port_share", "port_share", 1, "ports_held DESC, pid" },
	{ "pool_pressure", "pool_pressure", 1, "share DESC, model, laddr, raddr, rport" },
	{ "remote_concentration", "remote_concentration", 1, "sockets DESC, pid" },
	{ "state_mix", "state_mix", 1, "pid, state" },
	{ "time_wait_attribution", "time_wait_attribution", 1,
	    "confidence = 'none', sockets DESC" },
	{ "trend", "trend", 0, "abs(slope_per_hour) DESC, process, pid" },
	{ "pressure_trend", "pressure_trend", 0, "capture_id" },
	{ "time_wait_endpoint", "time_wait_endpoint", 1, "sockets DESC" },
	{ "flow_destination", "flow_destination", 0,
	    "capture_id, flows DESC, daddr, dport" },
	{ "issues", "issue", 0, "capture_id, line" },
};

static int
load_table(sqlite3 *db, struct analysis *a, size_t k, char *err,
    size_t errlen)
{
	struct a_table	*t = &a->tables[a->ntables];
	sqlite3_stmt	*st;
	char		 sql[256];
	size_t		 cap = 0, i, c, nsnap = generic[k].per_snapshot ?
			    a->nsnaps : 1;
	int		 rc = SQLITE_DONE;

	memset(t, 0, sizeof *t);
	t->name = generic[k].name;
	snprintf(sql, sizeof sql, "SELECT * FROM %s%s ORDER BY %s",
	    generic[k].from, generic[k].per_snapshot ?
	    " WHERE snapshot_id = ?1" : "", generic[k].order);
	if (query_prepare(db, sql, &st, err, errlen) == -1)
		return -1;
	t->ncols = (size_t)sqlite3_column_count(st);
	if ((t->cols = calloc(t->ncols, sizeof *t->cols)) == NULL)
		exit(3);
	for (c = 0; c < t->ncols; c++)
		t->cols[c] = strdup(sqlite3_column_name(st, (int)c));
	a->ntables++;
	for (i = 0; i < nsnap && rc == SQLITE_DONE; i++) {
		sqlite3_reset(st);
		if (generic[k].per_snapshot)
			sqlite3_bind_int64(st, 1, a->snaps[i].id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			size_t need = (t->nrows + 1) * t->ncols;

			t->v = query_grow(t->v, &cap, need - 1, sizeof *t->v);
			for (c = 0; c < t->ncols; c++) {
				struct a_value *v = &t->v[t->nrows * t->ncols + c];

				memset(v, 0, sizeof *v);
				switch (sqlite3_column_type(st, (int)c)) {
				case SQLITE_INTEGER:
					v->type = A_INT;
					v->i = sqlite3_column_int64(st, (int)c);
					break;
				case SQLITE_FLOAT:
					v->type = A_REAL;
					v->r = sqlite3_column_double(st, (int)c);
					break;
				case SQLITE_NULL:
					v->type = A_NULL;
					break;
				default:
					v->type = A_TEXT;
					v->s = query_text(st, (int)c);
					break;
				}
			}
			t->nrows++;
		}
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	sqlite3_finalize(st);
	return 0;
}

static int
load_tables(sqlite3 *db, struct analysis *a, char *err, size_t errlen)
{
	size_t	k;

	for (k = 0; k < ANALYSIS_TABLES; k++)
		if (load_table(db, a, k, err, errlen) == -1)
			return -1;
	return 0;
}

const struct a_table *
analysis_table(const struct analysis *a, const char *name)
{
	size_t	i;

	/* The case file's names for the two that the report names plural. */
	if (strcmp(name, "finding") == 0)
		name = "findings";
	else if (strcmp(name, "issue") == 0)
		name = "issues";

	for (i = 0; i < a->ntables; i++)
		if (strcmp(a->tables[i].name, name) == 0)
			return &a->tables[i];
	return NULL;
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

	if (query_prepare(db, issue_sql, &st, err, errlen) == -1)
		return -1;
	sqlite3_bind_int(st, 1, o->max_issues);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->issues = query_grow(a->issues, &cap, a->nissues, sizeof *a->issues);
		is = &a->issues[a->nissues++];
		is->file = query_text(st, 0);
		is->line = query_long(st, 1, 0);
		is->reason = query_text(st, 2);
		is->excerpt = query_text(st, 3);
		a->total_issues = query_long(st, 4, 0);
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	sqlite3_finalize(st);
	if (a->nissues == 0 && o->max_issues == 0) {
		if (query_prepare(db, "SELECT count(*) FROM issue", &st, err,
		    errlen) == -1)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			a->total_issues = query_long(st, 0, 0);
		sqlite3_finalize(st);
	}
	return 0;
}

int
analysis_col(const struct a_table *t, const char *name)
{
	size_t	i;

	for (i = 0; t != NULL && i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

const struct a_value *
analysis_cell(const struct a_table *t, size_t row, int c)
{
	static const struct a_value	null_value;

	if (t == NULL || c < 0 || row >= t->nrows)
		return &null_value;
	return &t->v[row * t->ncols + (size_t)c];
}

double
analysis_num(const struct a_value *v)
{
	return v->type == A_INT ? (double)v->i : v->type == A_REAL ? v->r :
	    v->type == A_TEXT && v->s != NULL ? atof(v->s) : 0;
}

const char *
analysis_str(const struct a_value *v)
{
	return v->type == A_TEXT ? v->s : NULL;
}

/* Only the named generic table (what the text report prints whole). */
static int
load_named(sqlite3 *db, struct analysis *a, const char *name, char *err,
    size_t errlen)
{
	size_t	k;

	for (k = 0; k < ANALYSIS_TABLES; k++)
		if (strcmp(generic[k].name, name) == 0)
			return load_table(db, a, k, err, errlen);
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
	    (!o->snapshots_only && load_findings(db, a, err, errlen) == -1) ||
	    (!o->snapshots_only &&
	    load_snapshot_tables(db, a, err, errlen) == -1) ||
	    (!o->snapshots_only && load_trends(db, o, a, err, errlen) == -1) ||
	    (o->tables && load_tables(db, a, err, errlen) == -1) ||
	    (!o->tables && !o->snapshots_only && load_named(db, a,
	    "flow_destination", err, errlen) == -1) ||
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
	for (i = 0; i < a->nfindings; i++) {
		free(a->findings[i].severity);
		free(a->findings[i].kind);
		free(a->findings[i].process);
		free(a->findings[i].summary);
		free(a->findings[i].evidence);
	}
	free(a->findings);
	for (i = 0; i < a->nattrs; i++) {
		free(a->attrs[i].process);
		free(a->attrs[i].confidence);
	}
	free(a->attrs);
	for (i = 0; i < a->npools; i++) {
		free(a->pools[i].model);
		free(a->pools[i].laddr);
		free(a->pools[i].raddr);
	}
	free(a->pools);
	for (i = 0; i < a->ntrends; i++) {
		free(a->trends[i].process);
		free(a->trends[i].first_taken_at);
		free(a->trends[i].last_taken_at);
	}
	free(a->trends);
	for (i = 0; i < a->ntables; i++) {
		struct a_table *t = &a->tables[i];

		for (j = 0; j < t->nrows * t->ncols; j++)
			if (t->v[j].type == A_TEXT)
				free(t->v[j].s);
		free(t->v);
		for (j = 0; j < t->ncols; j++)
			free(t->cols[j]);
		free(t->cols);
	}
	for (i = 0; i < a->nissues; i++) {
		free(a->issues[i].file);
		free(a->issues[i].reason);
		free(a->issues[i].excerpt);
	}
	free(a->issues);
	memset(a, 0, sizeof *a);
}
