/*
 * diff.c — `portsift diff`: what changed between two snapshots of a case.
 *
 * Two halves that never mix.  The loader (diff_find_snapshot, diff_load)
 * runs SQL over the views of db/views.sql only -- snapshots, port_share,
 * state_mix, held -- binds every value, and fills the structs of diff.h.
 * The renderer (render_diff_text) prints those structs in at most 100
 * columns and runs no SQL.
 *
 * A process is its image and PID, as the views name it (process, pid):
 * the same PID under another image is another process, the same image under
 * another PID is another process that may be the first one restarted.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "reports/diff.h"
#include "reports/query.h"
#include "reports/refresh.h"
#include "reports/render.h"

/* The loader. */






void
diff_snap_free(struct diff_snap *s)
{
	free(s->label);
	free(s->taken_at);
	free(s->file);
	memset(s, 0, sizeof *s);
}

#define SNAP_COLS \
    "SELECT snapshot_id, seq, label, taken_at, file, first_line, range_lo," \
    " range_hi, sockets, ports_held FROM snapshots"

static const char snap_by_seq_sql[] = SNAP_COLS " WHERE seq = ?1";
static const char snap_by_label_sql[] = SNAP_COLS
    " WHERE label = ?1 ORDER BY seq DESC LIMIT 1";
static const char snap_first_sql[] = SNAP_COLS " ORDER BY seq LIMIT 1";
static const char snap_last_sql[] = SNAP_COLS " ORDER BY seq DESC LIMIT 1";

/* Run one of the snapshot queries: 1 found, 0 not, DIFF_EREAD. */
static int
snap_query(sqlite3 *db, const char *sql, const char *text, long seq,
    struct diff_snap *s, char *err, size_t errlen)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (query_prepare(db, sql, &st, err, errlen) != DIFF_OK)
		return DIFF_EREAD;
	if (sql == snap_by_seq_sql)
		sqlite3_bind_int64(st, 1, seq);
	else if (sql == snap_by_label_sql)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 0;
	}
	if (rc != SQLITE_ROW)
		return query_fail(db, st, err, errlen);
	s->id = sqlite3_column_int64(st, 0);
	s->seq = query_long(st, 1, 0);
	s->label = query_text(st, 2);
	s->taken_at = query_text(st, 3);
	s->file = query_text(st, 4);
	s->first_line = query_long(st, 5, 0);
	s->range_lo = (int)query_long(st, 6, 0);
	s->range_hi = (int)query_long(st, 7, 0);
	s->sockets = query_long(st, 8, 0);
	s->ports_held = query_long(st, 9, 0);
	sqlite3_finalize(st);
	return 1;
}

int
diff_find_snapshot(sqlite3 *db, const char *name, struct diff_snap *s,
    char *err, size_t errlen)
{
	const char	*p;
	long		 seq;
	int		 rc = 0;

	memset(s, 0, sizeof *s);
	if (strcmp(name, "first") == 0)
		rc = snap_query(db, snap_first_sql, NULL, 0, s, err, errlen);
	else if (strcmp(name, "last") == 0)
		rc = snap_query(db, snap_last_sql, NULL, 0, s, err, errlen);
	else {
		/* Digits only: a number; a label that happens to be one too. */
		for (p = name; *p >= '0' && *p <= '9'; p++)
			continue;
		if (p != name && *p == '\0') {
			seq = strtol(name, NULL, 10);
			rc = snap_query(db, snap_by_seq_sql, NULL, seq, s, err,
			    errlen);
		}
		if (rc == 0)
			rc = snap_query(db, snap_by_label_sql, name, 0, s, err,
			    errlen);
	}
	if (rc == DIFF_EREAD)
		return DIFF_EREAD;
	if (rc == 0) {
		snprintf(err, errlen, "no snapshot '%s' in the case (see "
		    "portsift snapshots)", name);
		return DIFF_ENOSNAP;
	}
	return DIFF_OK;
}

static const char elapsed_sql[] =
    "SELECT (julianday(b.taken_at) - julianday(a.taken_at)) * 86400.0"
    " FROM snapshots a, snapshots b"
    " WHERE a.snapshot_id = ?1 AND b.snapshot_id = ?2";

static int
load_elapsed(sqlite3 *db, struct diff *d, char *err, size_t errlen)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (d->a.taken_at == NULL || d->b.taken_at == NULL)
		return DIFF_OK;
	if (query_prepare(db, elapsed_sql, &st, err, errlen) != DIFF_OK)
		return DIFF_EREAD;
	sqlite3_bind_int64(st, 1, d->a.id);
	sqlite3_bind_int64(st, 2, d->b.id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW && rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		d->has_elapsed = 1;
		d->elapsed = sqlite3_column_double(st, 0);
	}
	sqlite3_finalize(st);
	return DIFF_OK;
}

/*
 * Every process that holds a dynamic port in A (?1) or B (?2), with its
 * ports in each, whether it has any socket at all in each, and whether it
 * looks restarted: it came (went) and an identity of the same image went
 * (came).  Ordered by the size of the change; ?3 is the row limit.
 */
static const char proc_sql[] =
    "WITH pa AS MATERIALIZED (SELECT process, pid, ports_held FROM port_share"
    "  WHERE snapshot_id = ?1),"
    " pb AS MATERIALIZED (SELECT process, pid, ports_held FROM port_share"
    "  WHERE snapshot_id = ?2),"
    " ma AS MATERIALIZED (SELECT DISTINCT process, pid FROM state_mix"
    "  WHERE snapshot_id = ?1),"
    " mb AS MATERIALIZED (SELECT DISTINCT process, pid FROM state_mix"
    "  WHERE snapshot_id = ?2),"
    " ids AS (SELECT process, pid FROM pa UNION SELECT process, pid FROM pb),"
    " r AS (SELECT i.process, i.pid,"
    "  coalesce(pa.ports_held, 0) AS a, coalesce(pb.ports_held, 0) AS b,"
    "  EXISTS (SELECT 1 FROM ma WHERE ma.process IS i.process"
    "   AND ma.pid IS i.pid) AS in_a,"
    "  EXISTS (SELECT 1 FROM mb WHERE mb.process IS i.process"
    "   AND mb.pid IS i.pid) AS in_b"
    "  FROM ids i"
    "  LEFT JOIN pa ON pa.process IS i.process AND pa.pid IS i.pid"
    "  LEFT JOIN pb ON pb.process IS i.process AND pb.pid IS i.pid)"
    " SELECT process, pid, a, b, in_a, in_b,"
    "  CASE WHEN process IS NULL OR in_a = in_b THEN 0"
    "   WHEN in_b THEN EXISTS (SELECT 1 FROM ma WHERE ma.process = r.process"
    "    AND NOT EXISTS (SELECT 1 FROM mb WHERE mb.process = ma.process"
    "    AND mb.pid IS ma.pid))"
    "   ELSE EXISTS (SELECT 1 FROM mb WHERE mb.process = r.process"
    "    AND NOT EXISTS (SELECT 1 FROM ma WHERE ma.process = mb.process"
    "    AND ma.pid IS mb.pid)) END AS restarted,"
    "  COUNT(*) OVER () AS total"
    " FROM r"
    " ORDER BY abs(b - a) DESC, b DESC, a DESC, process IS NULL, process, pid"
    " LIMIT ?3";

/*
 * Port-holding sockets per process and state in A and in B, where the two
 * differ, largest change first.
 */
static const char state_sql[] =
    "WITH ma AS MATERIALIZED (SELECT process, pid, state, held FROM state_mix"
    "  WHERE snapshot_id = ?1 AND held > 0),"
    " mb AS MATERIALIZED (SELECT process, pid, state, held FROM state_mix"
    "  WHERE snapshot_id = ?2 AND held > 0),"
    " k AS (SELECT process, pid, state FROM ma"
    "  UNION SELECT process, pid, state FROM mb)"
    " SELECT k.process, k.pid, k.state, coalesce(ma.held, 0) AS a,"
    "  coalesce(mb.held, 0) AS b"
    " FROM k"
    " LEFT JOIN ma ON ma.process IS k.process AND ma.pid IS k.pid"
    "  AND ma.state = k.state"
    " LEFT JOIN mb ON mb.process IS k.process AND mb.pid IS k.pid"
    "  AND mb.state = k.state"
    " WHERE coalesce(ma.held, 0) <> coalesce(mb.held, 0)"
    " ORDER BY abs(coalesce(mb.held, 0) - coalesce(ma.held, 0)) DESC, k.state";

static int
same_process(const struct diff_proc *p, const char *process, long pid)
{
	if (p->pid != pid)
		return 0;
	if (p->process == NULL || process == NULL)
		return p->process == process;
	return strcmp(p->process, process) == 0;
}

static int
load_states(sqlite3 *db, struct diff *d, char *err, size_t errlen)
{
	sqlite3_stmt		*st;
	struct diff_proc	*p;
	struct diff_state	*s;
	const char		*process;
	size_t			 i, *cap;
	long			 pid;
	int			 rc;

	if (d->nprocs == 0)
		return DIFF_OK;
	if ((cap = calloc(d->nprocs, sizeof *cap)) == NULL) {
		fprintf(stderr, "portsift: out of memory\n");
		exit(3);
	}
	if (query_prepare(db, state_sql, &st, err, errlen) != DIFF_OK) {
		free(cap);
		return DIFF_EREAD;
	}
	sqlite3_bind_int64(st, 1, d->a.id);
	sqlite3_bind_int64(st, 2, d->b.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		process = (const char *)sqlite3_column_text(st, 0);
		pid = query_long(st, 1, -1);
		for (i = 0; i < d->nprocs; i++)
			if (same_process(&d->procs[i], process, pid))
				break;
		if (i == d->nprocs)
			continue;	/* beyond --top */
		p = &d->procs[i];
		p->states = query_grow(p->states, &cap[i], p->nstates,
		    sizeof *p->states);
		s = &p->states[p->nstates++];
		s->state = query_text(st, 2);
		s->a = query_long(st, 3, 0);
		s->b = query_long(st, 4, 0);
	}
	free(cap);
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	sqlite3_finalize(st);
	return DIFF_OK;
}

static int
load_procs(sqlite3 *db, const struct diff_opts *o, struct diff *d, char *err,
    size_t errlen)
{
	sqlite3_stmt		*st;
	struct diff_proc	*p;
	size_t			 cap = 0;
	int			 rc;

	if (query_prepare(db, proc_sql, &st, err, errlen) != DIFF_OK)
		return DIFF_EREAD;
	sqlite3_bind_int64(st, 1, d->a.id);
	sqlite3_bind_int64(st, 2, d->b.id);
	sqlite3_bind_int(st, 3, o->top > 0 ? o->top : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->procs = query_grow(d->procs, &cap, d->nprocs, sizeof *d->procs);
		p = &d->procs[d->nprocs++];
		memset(p, 0, sizeof *p);
		p->process = query_text(st, 0);
		p->pid = query_long(st, 1, -1);
		p->ports_a = query_long(st, 2, 0);
		p->ports_b = query_long(st, 3, 0);
		p->in_a = query_long(st, 4, 0) != 0;
		p->in_b = query_long(st, 5, 0) != 0;
		p->restarted = query_long(st, 6, 0) != 0;
		d->total_procs = (size_t)query_long(st, 7, 0);
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	sqlite3_finalize(st);
	return load_states(db, d, err, errlen);
}

/*
 * Remote endpoints of the port-holding sockets of ?1 that ?2 has none to,
 * with their socket counts in ?1; ?3 is the row limit.
 */
static const char remote_sql[] =
    "WITH ep AS (SELECT snapshot_id,"
    "  CASE WHEN instr(raddr, ':') > 0 THEN '[' || raddr || ']'"
    "   ELSE raddr END || ':' || coalesce(rport, rport_name, '*') AS ep"
    "  FROM held WHERE snapshot_id IN (?1, ?2) AND raddr IS NOT NULL),"
    " here AS (SELECT ep, COUNT(*) AS n FROM ep WHERE snapshot_id = ?1"
    "  GROUP BY ep),"
    " there AS (SELECT DISTINCT ep FROM ep WHERE snapshot_id = ?2)"
    " SELECT ep, n, COUNT(*) OVER () FROM here"
    " WHERE ep NOT IN (SELECT ep FROM there)"
    " ORDER BY n DESC, ep LIMIT ?3";

static int
load_remotes(sqlite3 *db, long long in, long long not_in, int top,
    struct diff_remote **out, size_t *n, size_t *total, char *err,
    size_t errlen)
{
	sqlite3_stmt		*st;
	struct diff_remote	*r;
	size_t			 cap = 0;
	int			 rc;

	if (query_prepare(db, remote_sql, &st, err, errlen) != DIFF_OK)
		return DIFF_EREAD;
	sqlite3_bind_int64(st, 1, in);
	sqlite3_bind_int64(st, 2, not_in);
	sqlite3_bind_int(st, 3, top > 0 ? top : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = query_grow(*out, &cap, *n, sizeof **out);
		r = &(*out)[(*n)++];
		r->endpoint = query_text(st, 0);
		r->sockets = query_long(st, 1, 0);
		*total = (size_t)query_long(st, 2, 0);
	}
	if (rc != SQLITE_DONE)
		return query_fail(db, st, err, errlen);
	sqlite3_finalize(st);
	return DIFF_OK;
}

int
diff_load(sqlite3 *db, const struct diff_opts *o, struct diff *d, char *err,
    size_t errlen)
{
	int	rc;

	memset(d, 0, sizeof *d);
	/* port_share and state_mix are tables made after each ingest. */
	if (analysis_refresh_if_stale(db, err, errlen) == -1)
		return DIFF_EREAD;
	if ((rc = diff_find_snapshot(db, o->a, &d->a, err, errlen)) !=
	    DIFF_OK ||
	    (rc = diff_find_snapshot(db, o->b, &d->b, err, errlen)) !=
	    DIFF_OK ||
	    (rc = load_elapsed(db, d, err, errlen)) != DIFF_OK ||
	    (rc = load_procs(db, o, d, err, errlen)) != DIFF_OK ||
	    (rc = load_remotes(db, d->b.id, d->a.id, o->top_remotes,
	    &d->appeared, &d->nappeared, &d->total_appeared, err,
	    errlen)) != DIFF_OK ||
	    (rc = load_remotes(db, d->a.id, d->b.id, o->top_remotes,
	    &d->vanished, &d->nvanished, &d->total_vanished, err,
	    errlen)) != DIFF_OK) {
		diff_free(d);
		return rc;
	}
	return DIFF_OK;
}

void
diff_free(struct diff *d)
{
	size_t	i, j;

	diff_snap_free(&d->a);
	diff_snap_free(&d->b);
	for (i = 0; i < d->nprocs; i++) {
		free(d->procs[i].process);
		for (j = 0; j < d->procs[i].nstates; j++)
			free(d->procs[i].states[j].state);
		free(d->procs[i].states);
	}
	free(d->procs);
	for (i = 0; i < d->nappeared; i++)
		free(d->appeared[i].endpoint);
	free(d->appeared);
	for (i = 0; i < d->nvanished; i++)
		free(d->vanished[i].endpoint);
	free(d->vanished);
	memset(d, 0, sizeof *d);
}

/* The renderer: no SQL below this line. */

#define LINE_WIDTH	100
#define W_PROC		20
#define W_PID		7
#define W_PORTS		8
#define W_DELTA		8
#define CHANGES_COL	(2 + W_PROC + 1 + W_PID + 1 + W_PORTS + 1 + W_PORTS + \
			    1 + W_DELTA + 2)
#define W_ENDPOINT	48





/* A path printed whole up to w characters, cut otherwise: no padding. */
static void
text_cut(FILE *fp, const char *s, size_t w)
{
	if (text_width(s) > w)
		text_cell(fp, s, w, 0);
	else
		fputs(s, fp);
}

static void
snap_head(FILE *fp, const struct diff *d, const char *which,
    const struct diff_snap *s)
{
	char	c[32], pct[16], dur[48], where[32];
	char	line[4 * LINE_WIDTH + 64];	/* a cut never falls in a char */
	long	size = (long)s->range_hi - s->range_lo + 1;
	int	n;

	n = snprintf(line, sizeof line, "  %s  snapshot %ld%s%s%s, taken %s",
	    which, s->seq, s->label != NULL ? " [" : "",
	    s->label != NULL ? s->label : "", s->label != NULL ? "]" : "",
	    s->taken_at != NULL ? s->taken_at :
	    "at an unknown time (no stamp)");
	if (n > 0 && (size_t)n < sizeof line && s == &d->b) {
		if (d->a.id == d->b.id)
			snprintf(line + n, sizeof line - n,
			    ", the same snapshot as A");
		else if (d->has_elapsed && lround(d->elapsed) == 0)
			snprintf(line + n, sizeof line - n, ", same time as A");
		else if (d->has_elapsed)
			snprintf(line + n, sizeof line - n, ", %s %s A",
			    fmt_duration(dur, sizeof dur, d->elapsed),
			    d->elapsed > 0 ? "after" : "before");
	}
	text_cut(fp, line, LINE_WIDTH);
	fputs("\n     ", fp);
	snprintf(where, sizeof where, ":%ld", s->first_line);
	text_cut(fp, s->file != NULL ? s->file : "-", LINE_WIDTH - 5 -
	    text_width(where));
	fprintf(fp, "%s\n", where);
	fprintf(fp, "     %s dynamic ports held, %s of %d-%d (%s ports)\n",
	    fmt_count(c, sizeof c, s->ports_held),
	    fmt_pct(pct, sizeof pct, size > 0 ? (double)s->ports_held /
	    (double)size : 0.0), s->range_lo, s->range_hi,
	    fmt_count(dur, sizeof dur, size));
}

static void
head(FILE *fp, const struct diff *d, const char *case_name)
{
	char	c1[32], c2[32], c3[32], pct[16];
	long	size = (long)d->b.range_hi - d->b.range_lo + 1;

	fputs("portsift diff", fp);
	if (case_name != NULL) {
		fputs(" for ", fp);
		text_cut(fp, case_name, LINE_WIDTH - 18);
	}
	fputs("\n\n", fp);
	snap_head(fp, d, "A", &d->a);
	snap_head(fp, d, "B", &d->b);
	fprintf(fp, "\n  Dynamic ports held: %s (%s in A, %s in B); B holds %s "
	    "of its range.\n\n",
	    fmt_delta(c1, sizeof c1, d->b.ports_held - d->a.ports_held),
	    fmt_count(c2, sizeof c2, d->a.ports_held),
	    fmt_count(c3, sizeof c3, d->b.ports_held),
	    fmt_pct(pct, sizeof pct, size > 0 ? (double)d->b.ports_held /
	    (double)size : 0.0));
}

/* One item of the changes column, wrapped under the column when full. */
static void
change_item(FILE *fp, const char *item, const char *sep, size_t *col,
    int *shown)
{
	size_t	n = text_width(item);

	if (*shown && *col + text_width(sep) + n > LINE_WIDTH) {
		fprintf(fp, "%s\n%*s", sep[0] == ';' ? ";" : ",", CHANGES_COL,
		    "");
		*col = CHANGES_COL;
	} else if (*shown) {
		fputs(sep, fp);
		*col += text_width(sep);
	} else
		fputs("  ", fp);	/* the gap before the column */
	fputs(item, fp);
	*col += n;
	*shown = 1;
}

static void
changes(FILE *fp, const struct diff_proc *p)
{
	char		 item[128], c[32];
	const char	*note = NULL;
	size_t		 i, col = CHANGES_COL;
	int		 shown = 0;

	if (!p->in_a && p->in_b)
		note = p->restarted ? "came (restarted? same image, new PID)" :
		    "came";
	else if (p->in_a && !p->in_b)
		note = p->restarted ? "went (restarted? same image, new PID)" :
		    "went";
	if (note != NULL)
		change_item(fp, note, "", &col, &shown);
	for (i = 0; i < p->nstates; i++) {
		snprintf(item, sizeof item, "%s %s", p->states[i].state,
		    fmt_delta(c, sizeof c, p->states[i].b - p->states[i].a));
		change_item(fp, item, i == 0 && note != NULL ? "; " : ", ",
		    &col, &shown);
	}
	fputc('\n', fp);
}

static void
proc_table(FILE *fp, const struct diff *d)
{
	const struct diff_proc	*p;
	char			 name[64], pid[24], c[32];
	size_t			 i;
	int			 pid0 = 0, moved = 0;

	fputs("Processes holding a dynamic port in A or B\n", fp);
	if (d->nprocs == 0) {
		fputs("  None.\n\n", fp);
		return;
	}
	fputs("  ", fp);
	text_cell(fp, "PROCESS", W_PROC, 0);
	fputc(' ', fp);
	text_cell(fp, "PID", W_PID, 1);
	fputc(' ', fp);
	text_cell(fp, "A PORTS", W_PORTS, 1);
	fputc(' ', fp);
	text_cell(fp, "B PORTS", W_PORTS, 1);
	fputc(' ', fp);
	text_cell(fp, "DELTA", W_DELTA, 1);
	fputs("  CHANGE IN HELD SOCKETS, BY STATE\n", fp);
	for (i = 0; i < d->nprocs; i++) {
		p = &d->procs[i];
		fputs("  ", fp);
		text_cell(fp, process_label(p->process, p->pid, name, sizeof name),
		    W_PROC, 0);
		fputc(' ', fp);
		text_cell(fp, fmt_pid(pid, sizeof pid, p->pid), W_PID, 1);
		fputc(' ', fp);
		text_cell(fp, fmt_count(c, sizeof c, p->ports_a), W_PORTS, 1);
		fputc(' ', fp);
		text_cell(fp, fmt_count(c, sizeof c, p->ports_b), W_PORTS, 1);
		fputc(' ', fp);
		text_cell(fp, fmt_delta(c, sizeof c, p->ports_b - p->ports_a),
		    W_DELTA, 1);
		changes(fp, p);
		if (p->process == NULL && p->pid == 0)
			pid0 = 1;
		if (p->in_a != p->in_b)
			moved = 1;
	}
	if (d->total_procs > d->nprocs)
		fprintf(fp, "  ... and %zu more (--top 0 shows all)\n",
		    d->total_procs - d->nprocs);
	if (moved)
		fputs("\n  came: it has no socket at all in A; went: none in B.\n",
		    fp);
	if (pid0)
		fprintf(fp, "%s  (PID 0): Windows lists TIME_WAIT sockets under "
		    "PID 0 once their owner has closed them.\n",
		    moved ? "" : "\n");
	fputc('\n', fp);
}

static void
remote_list(FILE *fp, const char *title, const struct diff_remote *r,
    size_t n, size_t total)
{
	char	c[32];
	size_t	i;

	fprintf(fp, "  %s: ", title);
	if (total == 0) {
		fputs("none\n", fp);
		return;
	}
	fprintf(fp, "%s endpoint%s\n", fmt_count(c, sizeof c, (long)total),
	    total == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		fputs("    ", fp);
		text_cell(fp, r[i].endpoint, W_ENDPOINT, 0);
		fprintf(fp, " %8s socket%s\n", fmt_count(c, sizeof c,
		    r[i].sockets), r[i].sockets == 1 ? "" : "s");
	}
	if (total > n)
		fprintf(fp, "    ... and %s more\n", fmt_count(c, sizeof c,
		    (long)(total - n)));
}

int
render_diff_text(FILE *fp, const struct diff *d, const char *case_name)
{
	head(fp, d, case_name);
	proc_table(fp, d);
	fputs("Remote endpoints of the sockets holding a dynamic port\n", fp);
	remote_list(fp, "appeared in B", d->appeared, d->nappeared,
	    d->total_appeared);
	remote_list(fp, "vanished from A", d->vanished, d->nvanished,
	    d->total_vanished);
	return ferror(fp) ? -1 : 0;
}
