/*
 * findings.c — turning the analysis views into ranked findings.
 *
 * Each kind of finding is one query over the views of db/views.sql for all
 * snapshots at once, then one sentence per row that passes its threshold.
 * The sentence states only what the numbers beside it show; the evidence
 * repeats those numbers and names example sockets as file:line so that a
 * reader can open the capture and see them.  Attributed TIME_WAIT sockets
 * (PID 0 on Windows) are always called attributed, never counted as
 * observed.
 *
 * Owns the `finding` table: findings_refresh() replaces its rows.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "reports/findings.h"
#include "reports/render.h"

/* A process holding less of the range than this is not worth a finding. */
#define HOLDER_MIN_SHARE	0.05

enum severity {
	SEV_CRITICAL,
	SEV_WARNING,
	SEV_INFO
};

static const char *const severity_names[] = { "critical", "warning", "info" };

struct finding {
	long long	 snapshot_id;
	enum severity	 severity;
	const char	*kind;
	char		*process;
	long		 pid;		/* -1: none */
	char		*summary;
	char		*evidence;
	double		 weight;	/* ranks findings of one severity */
};

struct flist {
	struct finding	*v;
	size_t		 n, cap;
	sqlite3		*db;
	const struct finding_opts *o;
	char		*err;
	size_t		 errlen;
};

const char findings_thresholds_help[] =
"pool-warning=PCT     share of the range in use that is a warning (50)\n"
"pool-critical=PCT    ... that is critical (80)\n"
"dominant=PCT         one process holding this share of what is held (50)\n"
"close-wait=N         CLOSE_WAIT sockets of one process (50)\n"
"time-wait=N          TIME_WAIT sockets toward one endpoint (1000)\n"
"syn-sent=N           SYN_SENT sockets toward one endpoint (3)\n"
"bound=N              BOUND sockets of one process (100)\n"
"fin-wait-2=N         FIN_WAIT_2 sockets of one process (100)\n"
"hours-critical=H     exhaustion sooner than this is critical (24)\n"
"unanswered=N         connection attempts without answer, one destination (3)\n"
"refused=N            attempts refused with a RST, one destination (10)\n"
"rst-storm=N          RSTs of one destination in its busiest second (20)\n";

void
findings_defaults(struct finding_opts *o)
{
	o->pool_warning = 0.50;
	o->pool_critical = 0.80;
	o->dominant = 0.50;
	o->close_wait = 50;
	o->time_wait = 1000;
	o->syn_sent = 3;
	o->bound = 100;
	o->fin_wait_2 = 100;
	o->hours_critical = 24;
	o->unanswered = 3;
	o->refused = 10;
	o->rst_storm = 20;
}

int
findings_threshold(struct finding_opts *o, const char *arg)
{
	static const struct {
		const char	*name;
		size_t		 off;
		int		 pct;	/* a percentage, stored as a share */
		int		 real;
	} names[] = {
		{ "pool-warning", offsetof(struct finding_opts, pool_warning), 1, 1 },
		{ "pool-critical", offsetof(struct finding_opts, pool_critical), 1, 1 },
		{ "dominant", offsetof(struct finding_opts, dominant), 1, 1 },
		{ "close-wait", offsetof(struct finding_opts, close_wait), 0, 0 },
		{ "time-wait", offsetof(struct finding_opts, time_wait), 0, 0 },
		{ "syn-sent", offsetof(struct finding_opts, syn_sent), 0, 0 },
		{ "bound", offsetof(struct finding_opts, bound), 0, 0 },
		{ "fin-wait-2", offsetof(struct finding_opts, fin_wait_2), 0, 0 },
		{ "hours-critical", offsetof(struct finding_opts, hours_critical), 0, 1 },
		{ "unanswered", offsetof(struct finding_opts, unanswered), 0, 0 },
		{ "refused", offsetof(struct finding_opts, refused), 0, 0 },
		{ "rst-storm", offsetof(struct finding_opts, rst_storm), 0, 0 },
	};
	const char	*eq = strchr(arg, '=');
	char		*end;
	double		 v;
	size_t		 i;

	if (eq == NULL)
		return -1;
	v = strtod(eq + 1, &end);
	if (end == eq + 1 || *end != '\0' || v < 0 || !isfinite(v))
		return -1;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) != (size_t)(eq - arg) ||
		    strncmp(names[i].name, arg, (size_t)(eq - arg)) != 0)
			continue;
		if (names[i].pct) {
			if (v > 100)
				return -1;
			v /= 100.0;
		}
		if (names[i].real)
			*(double *)((char *)o + names[i].off) = v;
		else
			*(long *)((char *)o + names[i].off) = (long)v;
		return 0;
	}
	return -1;
}

/* strlcat, which glibc 2.36 lacks: append, always terminated. */
static void
strlcat_(char *dst, const char *src, size_t size)
{
	size_t	len = strlen(dst);

	assert(len < size);
	snprintf(dst + len, size - len, "%s", src);
}

/* printf into a new string. */
static char *
str(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1) {
		fprintf(stderr, "portsift: out of memory\n");
		exit(3);
	}
	va_end(ap);
	return s;
}

static void
add(struct flist *l, long long snap, enum severity sev, const char *kind,
    const char *process, long pid, char *summary, char *evidence,
    double weight)
{
	struct finding	*f;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		if ((l->v = reallocarray(l->v, l->cap, sizeof *l->v)) == NULL) {
			fprintf(stderr, "portsift: out of memory\n");
			exit(3);
		}
	}
	f = &l->v[l->n++];
	f->snapshot_id = snap;
	f->severity = sev;
	f->kind = kind;
	f->process = process ? strdup(process) : NULL;
	f->pid = pid;
	f->summary = summary;
	f->evidence = evidence;
	f->weight = weight;
}

static int
prep(struct flist *l, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(l->db, sql, -1, st, NULL) != SQLITE_OK) {
		snprintf(l->err, l->errlen, "findings: %s",
		    sqlite3_errmsg(l->db));
		return -1;
	}
	return 0;
}

static int
done(struct flist *l, sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		snprintf(l->err, l->errlen, "findings: %s",
		    sqlite3_errmsg(l->db));
		return -1;
	}
	return 0;
}

static const char *
text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static long
num(sqlite3_stmt *st, int i, long null)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return null;
	return (long)llround(sqlite3_column_double(st, i));
}

/* "w3wp.exe (PID 4321)", "PID 0", "processes not named in the input". */
static char *
who(const char *process, long pid)
{
	if (process != NULL && pid >= 0)
		return str("%s (PID %ld)", process, pid);
	if (process != NULL)
		return str("%s", process);
	if (pid >= 0)
		return str("PID %ld", pid);
	return str("sockets whose process the input does not name");
}

/* "10.0.0.7:1433", "[2001:db8::1]:443". */
static char *
endpoint(const char *addr, long port)
{
	int	v6 = addr != NULL && strchr(addr, ':') != NULL;

	if (port < 0)
		return str("%s%s%s:*", v6 ? "[" : "", addr, v6 ? "]" : "");
	return str("%s%s%s:%ld", v6 ? "[" : "", addr, v6 ? "]" : "", port);
}

static char *
count(long n)
{
	char	b[32];

	return str("%s", fmt_count(b, sizeof b, n));
}

static char *
pct(double share)
{
	char	b[16];

	return str("%s", fmt_pct(b, sizeof b, share));
}

/* "about 17 minutes", "about 3.5 hours", "about 6 days". */
static char *
duration(double minutes)
{
	if (minutes < 1.0)
		return str("less than a minute");
	if (minutes < 90)
		return str("about %.0f minute%s", minutes,
		    llround(minutes) == 1 ? "" : "s");
	if (minutes < 48 * 60)
		return str("about %.1f hours", minutes / 60.0);
	return str("about %.0f days", minutes / 1440.0);
}

/*
 * The rows (file, line) of st as "file:line, :line, other:line" (a file is
 * named again only when it changes), or none when it has no row; st is
 * finalized.
 */
static char *
example_lines(sqlite3_stmt *st, const char *none)
{
	char		*out = NULL, *prev = NULL, *t;
	const char	*file;

	while (sqlite3_step(st) == SQLITE_ROW) {
		file = text(st, 0);
		if (out == NULL)
			t = str("%s:%ld", file, num(st, 1, 0));
		else if (prev != NULL && strcmp(prev, file) == 0)
			t = str("%s, :%ld", out, num(st, 1, 0));
		else
			t = str("%s, %s:%ld", out, file, num(st, 1, 0));
		free(out);
		out = t;
		free(prev);
		prev = strdup(file);
	}
	sqlite3_finalize(st);
	free(prev);
	return out ? out : str("%s", none);
}

/*
 * Up to three example sockets as "file:line, :line, :line", matching the
 * filters that are not NULL/-1.
 */
static char *
examples(struct flist *l, long long snap, const char *laddr, long pid,
    int pid_is_null, const char *process, const char *state,
    const char *raddr, long rport, int held_only)
{
	/*
	 * Only the filters in use go into the statement, so that SQLite can
	 * use the socket indexes; the statement is built from the constant
	 * fragments below and every value is bound.
	 */
	char		 sql[1024];
	sqlite3_stmt	*st;

	snprintf(sql, sizeof sql, "SELECT s.file, s.line FROM sockets s"
	    " JOIN snapshot n ON n.id = s.snapshot_id WHERE s.snapshot_id = ?1");
	if (laddr)
		strlcat_(sql, " AND s.laddr = ?2", sizeof sql);
	if (pid >= 0)
		strlcat_(sql, " AND s.pid = ?3", sizeof sql);
	if (pid_is_null)
		strlcat_(sql, " AND s.pid IS NULL", sizeof sql);
	if (process)
		strlcat_(sql, " AND s.process = ?4", sizeof sql);
	if (state)
		strlcat_(sql, " AND s.state = ?5", sizeof sql);
	if (raddr)
		strlcat_(sql, " AND s.raddr = ?6", sizeof sql);
	if (rport >= 0)
		strlcat_(sql, " AND s.rport = ?7", sizeof sql);
	if (held_only)
		strlcat_(sql, " AND s.proto = 'tcp' AND s.state <> 'LISTEN'"
		    " AND s.lport BETWEEN n.range_lo AND n.range_hi", sizeof sql);
	strlcat_(sql, " ORDER BY s.line LIMIT 3", sizeof sql);
	if (prep(l, sql, &st) == -1)
		return str("(no example: %s)", l->err);
	sqlite3_bind_int64(st, 1, snap);
	if (laddr)
		sqlite3_bind_text(st, 2, laddr, -1, SQLITE_STATIC);
	if (pid >= 0)
		sqlite3_bind_int64(st, 3, pid);
	if (process)
		sqlite3_bind_text(st, 4, process, -1, SQLITE_STATIC);
	if (state)
		sqlite3_bind_text(st, 5, state, -1, SQLITE_STATIC);
	if (raddr)
		sqlite3_bind_text(st, 6, raddr, -1, SQLITE_STATIC);
	if (rport >= 0)
		sqlite3_bind_int64(st, 7, rport);
	return example_lines(st, "(no example socket)");
}

/* What a pool_pressure model counts, in words. */
static const char *
model_words(const char *model)
{
	if (strcmp(model, "windows") == 0)
		return "ports per local address";
	if (strcmp(model, "linux") == 0)
		return "ports per local address and destination";
	return "ports per source address and destination";
}

/* The fullest pool of each snapshot: a finding when full, else a note. */
static int
pool_findings(struct flist *l)
{
	static const char sql[] =
	    "SELECT sp.snapshot_id, sp.model, sp.laddr, sp.raddr, sp.rport,"
	    " sp.ports_held, sp.range_size, sp.share, n.range_lo, n.range_hi,"
	    " n.range_source"
	    " FROM snapshot_pressure sp JOIN snapshot n ON n.id = sp.snapshot_id";
	sqlite3_stmt	*st;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		const char	*model = text(st, 1), *laddr = text(st, 2);
		const char	*raddr = text(st, 3);
		long		 rport = num(st, 4, -1);
		double		 share = sqlite3_column_double(st, 7);
		char		*held = count(num(st, 5, 0));
		char		*size = count(num(st, 6, 0));
		char		*p = pct(share), *ex, *sum, *ep = NULL;

		ex = examples(l, snap, laddr, -1, 0, NULL, NULL, raddr, rport,
		    1);
		if (share < l->o->pool_warning) {
			/* Healthy: say so, so that the answer is not a trifle. */
			ep = raddr ? endpoint(raddr, rport) : NULL;
			add(l, snap, SEV_INFO, "pool", NULL, -1,
			    str("No pool is near exhaustion: the fullest, %s%s%s, "
			    "has %s of %s dynamic ports in use (%s).", laddr,
			    ep ? " to " : "", ep ? ep : "", held, size, p),
			    str("%s (%s model); range %ld-%ld (%s); e.g. %s",
			    model_words(model), model,
			    num(st, 8, 0), num(st, 9, 0), text(st, 10), ex),
			    3e6);
			free(held); free(size); free(p); free(ex); free(ep);
			continue;
		}
		if (strcmp(model, "windows") == 0)
			sum = str("Local address %s has %s of its %s dynamic "
			    "ports in use (%s).", laddr, held, size, p);
		else {
			ep = endpoint(raddr, rport);
			sum = str("From %s to %s, %s of %s local ports are in "
			    "use (%s): connections to one destination share "
			    "that pool%s.", laddr, ep, held, size, p,
			    strcmp(model, "tuple") == 0 ? "; more source "
			    "addresses or reused connections would widen it" :
			    "");
		}
		add(l, snap, share >= l->o->pool_critical ? SEV_CRITICAL :
		    SEV_WARNING, "pool", NULL, -1, sum,
		    str("%s (%s model); range %ld-%ld (%s); e.g. %s",
		    model_words(model), model,
		    num(st, 8, 0), num(st, 9, 0), text(st, 10), ex),
		    share * 1e6);
		free(held); free(size); free(p); free(ex); free(ep);
	}
	return done(l, st, rc);
}

/*
 * The pool's growth in the capture of snap, when snap is its last timed
 * snapshot: "; in use on 10.1.1.5: +12,291/hour over 4 snapshots, full in
 * about 17 minutes", or NULL.
 */
static char *
growth_clause(struct flist *l, long long snap, double *minutes)
{
	static const char sql[] =
	    "SELECT pt.laddr, pt.slope_per_hour, pt.snapshots,"
	    " pt.minutes_to_exhaustion"
	    " FROM pressure_trend pt JOIN snapshot n"
	    " ON n.capture_id = pt.capture_id AND n.taken_at = pt.last_taken_at"
	    " WHERE n.id = ?1 AND pt.slope_per_hour > 0";
	sqlite3_stmt	*st;
	char		*out = NULL, *c, *d = NULL;

	*minutes = -1;
	if (prep(l, sql, &st) == -1)
		return NULL;
	sqlite3_bind_int64(st, 1, snap);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c = count(num(st, 1, 0));
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			*minutes = sqlite3_column_double(st, 3);
			d = duration(*minutes);
		}
		out = str("; ports in use on %s grow by %s an hour over %ld "
		    "snapshots%s%s", text(st, 0), c, num(st, 2, 0),
		    d ? ": exhausted in " : "", d ? d : "");
		free(c);
		free(d);
	}
	sqlite3_finalize(st);
	return out;
}

/* The process that holds most of what is held, observed plus attributed. */
static int
holder_findings(struct flist *l)
{
	static const char sql[] =
	    "WITH c AS ("
	    "  SELECT snapshot_id, process, pid, SUM(obs) AS obs,"
	    "   SUM(att) AS att FROM ("
	    "   SELECT snapshot_id, process, pid, ports_held AS obs, 0 AS att"
	    "   FROM port_share WHERE pid IS NOT NULL"
	    "    AND NOT (pid = 0 AND process IS NULL)"
	    "   UNION ALL"
	    "   SELECT snapshot_id, process, pid, 0, held"
	    "   FROM time_wait_attribution WHERE confidence <> 'none')"
	    "  GROUP BY snapshot_id, process, pid"
	    "), r AS ("
	    "  SELECT *, ROW_NUMBER() OVER (PARTITION BY snapshot_id"
	    "   ORDER BY obs + att DESC, pid) AS rk FROM c"
	    ")"
	    " SELECT r.snapshot_id, r.process, r.pid, r.obs, r.att,"
	    "  s.ports_held, s.range_hi - s.range_lo + 1"
	    " FROM r JOIN snapshots s ON s.snapshot_id = r.snapshot_id"
	    " WHERE r.rk = 1 AND s.ports_held > 0"
	    "  AND r.obs + r.att >= ?1 * s.ports_held"
	    "  AND r.obs + r.att >= ?2 * (s.range_hi - s.range_lo + 1)";
	static const char ep_sql[] =
	    "SELECT raddr, rport, SUM(n), COUNT(DISTINCT laddr),"
	    " (SELECT laddr FROM held WHERE snapshot_id = ?1 AND pid IS ?2"
	    "   AND process IS ?3 LIMIT 1) FROM ("
	    " SELECT laddr, raddr, rport, COUNT(*) AS n FROM held"
	    " WHERE snapshot_id = ?1 AND pid IS ?2 AND process IS ?3"
	    "  AND raddr IS NOT NULL GROUP BY laddr, raddr, rport"
	    " UNION ALL"
	    " SELECT laddr, raddr, rport, held FROM time_wait_endpoint"
	    " WHERE snapshot_id = ?1 AND pid IS ?2 AND process IS ?3"
	    "  AND confidence <> 'none' AND held > 0)"
	    " GROUP BY raddr, rport ORDER BY 3 DESC LIMIT 1";
	sqlite3_stmt	*st, *es;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	if (prep(l, ep_sql, &es) == -1) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_double(st, 1, l->o->dominant);
	sqlite3_bind_double(st, 2, HOLDER_MIN_SHARE);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		const char	*proc = text(st, 1);
		long		 pid = num(st, 2, -1), obs = num(st, 3, 0);
		long		 att = num(st, 4, 0), all = num(st, 5, 0);
		long		 size = num(st, 6, 1), total = obs + att;
		double		 share = (double)total / (double)size;
		double		 minutes;
		enum severity	 sev;
		char		*w = who(proc, pid), *t = count(total);
		char		*sz = count(size), *p = pct(share);
		char		*of_held = pct((double)total / (double)all);
		char		*on = NULL, *split = NULL, *to = NULL, *grow;
		char		*ex, *ev, *allc;

		if (total > size)
			total = size;	/* attributed and observed overlap */
		sqlite3_reset(es);
		sqlite3_bind_int64(es, 1, snap);
		sqlite3_bind_int64(es, 2, pid);
		if (proc)
			sqlite3_bind_text(es, 3, proc, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(es, 3);
		if (sqlite3_step(es) == SQLITE_ROW &&
		    sqlite3_column_type(es, 0) != SQLITE_NULL) {
			double epshare = sqlite3_column_double(es, 2) /
			    (double)total;
			char *e = endpoint(text(es, 0), num(es, 1, -1));
			char *ep = pct(epshare > 1 ? 1 : epshare);

			if (epshare >= 0.995)
				to = str(", all of them to %s", e);
			else if (epshare >= 0.5)
				to = str(", %s of them to %s", ep, e);
			if (num(es, 3, 0) == 1 && text(es, 4) != NULL)
				on = str(" on %s", text(es, 4));
			free(e);
			free(ep);
		}
		if (att > 0) {
			char *o = count(obs), *a = count(att);

			split = str(" (%s open, %s in TIME_WAIT listed under "
			    "PID 0 and matched to it by endpoint)", o, a);
			free(o);
			free(a);
		}
		grow = growth_clause(l, snap, &minutes);
		sev = share >= l->o->pool_critical ? SEV_CRITICAL :
		    share >= l->o->pool_warning ? SEV_WARNING : SEV_INFO;
		if (minutes >= 0 && minutes < l->o->hours_critical * 60)
			sev = SEV_CRITICAL;
		ex = examples(l, snap, NULL, pid, pid < 0, proc, NULL, NULL, -1,
		    1);
		allc = count(all);
		ev = str("%s of the %s dynamic ports held in the snapshot; "
		    "e.g. %s", of_held, allc, ex);
		free(allc);
		add(l, snap, sev, "holder", proc, pid,
		    str("%s holds %s of %s dynamic ports (%s)%s%s%s%s.", w, t,
		    sz, p, on ? on : "", split ? split : "", to ? to : "",
		    grow ? grow : ""), ev, 2e6 + share * 1e6);
		free(w); free(t); free(sz); free(p); free(of_held);
		free(on); free(split); free(to); free(grow); free(ex);
	}
	sqlite3_finalize(es);
	return done(l, st, rc);
}

/* Per-process piles of one state: CLOSE_WAIT, BOUND, FIN_WAIT_2. */
static int
state_findings(struct flist *l)
{
	/* The top endpoint of each pile comes with it, in one pass. */
	static const char sql[] =
	    "WITH piles AS ("
	    "  SELECT snapshot_id, owner_key, process, pid, state, sockets"
	    "  FROM state_mix"
	    "  WHERE (state = 'CLOSE_WAIT' AND sockets >= ?1)"
	    "   OR (state = 'BOUND' AND sockets >= ?2)"
	    "   OR (state = 'FIN_WAIT_2' AND sockets >= ?3)"
	    "), eps AS ("
	    "  SELECT s.snapshot_id, coalesce(s.process_id, 0) AS owner_key,"
	    "   s.state, s.raddr, s.rport, COUNT(*) AS n,"
	    "   ROW_NUMBER() OVER (PARTITION BY s.snapshot_id,"
	    "    coalesce(s.process_id, 0), s.state"
	    "    ORDER BY COUNT(*) DESC, s.raddr, s.rport) AS rk"
	    "  FROM socket s JOIN piles p ON p.snapshot_id = s.snapshot_id"
	    "   AND p.state = s.state AND p.owner_key = coalesce(s.process_id, 0)"
	    "  WHERE s.raddr IS NOT NULL"
	    "  GROUP BY s.snapshot_id, 2, s.state, s.raddr, s.rport"
	    ")"
	    " SELECT p.snapshot_id, p.process, p.pid, p.state, p.sockets,"
	    "  e.raddr, e.rport, e.n"
	    " FROM piles p LEFT JOIN eps e ON e.snapshot_id = p.snapshot_id"
	    "  AND e.owner_key = p.owner_key AND e.state = p.state AND e.rk = 1";
	sqlite3_stmt	*st;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	sqlite3_bind_int64(st, 1, l->o->close_wait);
	sqlite3_bind_int64(st, 2, l->o->bound);
	sqlite3_bind_int64(st, 3, l->o->fin_wait_2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		const char	*proc = text(st, 1), *state = text(st, 3);
		long		 pid = num(st, 2, -1), n = num(st, 4, 0);
		char		*w = who(proc, pid), *c = count(n), *to = NULL;
		char		*ex, *sum;
		enum severity	 sev = SEV_WARNING;

		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			char *e = endpoint(text(st, 5), num(st, 6, -1));
			char *p = pct((double)num(st, 7, 0) / (double)n);

			/* A server's peers each use their own port: say nothing. */
			if (num(st, 7, 0) == n)
				to = str(", all of them to %s", e);
			else if (2 * num(st, 7, 0) >= n)
				to = str(", %s of them to %s", p, e);
			free(e);
			free(p);
		}
		ex = examples(l, snap, NULL, pid, pid < 0, proc, state, NULL,
		    -1, 0);
		if (pid < 0 && proc == NULL) {
			/* No owner named: the sentence is about the sockets. */
			sum = str("%s connections in %s have no process named "
			    "in the input%s%s", c, state, to ? to : "",
			    strcmp(state, "FIN_WAIT_2") == 0 ? ": their "
			    "application closed them and the peer never "
			    "finished closing." : strcmp(state, "CLOSE_WAIT") ==
			    0 ? ": the peer closed them and whoever holds them "
			    "never called close(), a socket leak." : ": bound "
			    "but never connected, each keeping a port.");
			if (strcmp(state, "FIN_WAIT_2") == 0)
				sev = SEV_INFO;
		} else if (strcmp(state, "CLOSE_WAIT") == 0)
			sum = str("%s has %s connections in CLOSE_WAIT%s: the "
			    "peer closed them and the application never "
			    "called close() on its side, a socket leak.", w, c,
			    to ? to : "");
		else if (strcmp(state, "BOUND") == 0)
			sum = str("%s holds %s sockets in BOUND: bound to a "
			    "local port but never connected, each keeping a "
			    "port from the pool.", w, c);
		else {
			sum = str("%s has %s connections in FIN_WAIT_2%s: it "
			    "closed them and the peer never finished closing.",
			    w, c, to ? to : "");
			sev = SEV_INFO;
		}
		add(l, snap, sev, "state", proc, pid, sum,
		    str("%s %s sockets; e.g. %s", c, state, ex), (double)n);
		free(w); free(c); free(to); free(ex);
	}
	return done(l, st, rc);
}

/* Many TIME_WAIT sockets toward one endpoint: connections not reused. */
static int
time_wait_findings(struct flist *l)
{
	static const char sql[] =
	    "SELECT s.snapshot_id, s.raddr, s.rport, COUNT(*),"
	    " n.range_hi - n.range_lo + 1"
	    " FROM sockets s JOIN snapshot n ON n.id = s.snapshot_id"
	    " WHERE s.state = 'TIME_WAIT' AND s.raddr IS NOT NULL"
	    " GROUP BY s.snapshot_id, s.raddr, s.rport HAVING COUNT(*) >= ?1";
	static const char who_sql[] =
	    "SELECT process, pid, SUM(sockets) AS n, confidence"
	    " FROM time_wait_endpoint"
	    " WHERE snapshot_id = ?1 AND raddr = ?2 AND rport IS ?3"
	    " GROUP BY process, pid, confidence ORDER BY n DESC";
	static const char own_sql[] =
	    "SELECT process, pid, COUNT(*) AS n FROM sockets"
	    " WHERE snapshot_id = ?1 AND raddr = ?2 AND rport IS ?3"
	    "  AND state = 'TIME_WAIT' AND pid > 0"
	    " GROUP BY process, pid ORDER BY n DESC LIMIT 1";
	sqlite3_stmt	*st, *ws, *os;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	if (prep(l, who_sql, &ws) == -1 || prep(l, own_sql, &os) == -1) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, l->o->time_wait);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		const char	*raddr = text(st, 1);
		long		 rport = num(st, 2, -1), n = num(st, 3, 0);
		long		 size = num(st, 4, 1);
		char		*e = endpoint(raddr, rport), *c = count(n);
		char		*by = NULL, *proc = NULL, *ex;
		long		 pid = -1;

		/* Owned TIME_WAIT (ss shows none; some inputs do) first. */
		sqlite3_reset(os);
		sqlite3_bind_int64(os, 1, snap);
		sqlite3_bind_text(os, 2, raddr, -1, SQLITE_TRANSIENT);
		if (rport >= 0)
			sqlite3_bind_int64(os, 3, rport);
		else
			sqlite3_bind_null(os, 3);
		sqlite3_reset(ws);
		sqlite3_bind_int64(ws, 1, snap);
		sqlite3_bind_text(ws, 2, raddr, -1, SQLITE_TRANSIENT);
		if (rport >= 0)
			sqlite3_bind_int64(ws, 3, rport);
		else
			sqlite3_bind_null(ws, 3);
		if (sqlite3_step(os) == SQLITE_ROW) {
			pid = num(os, 1, -1);
			proc = text(os, 0) ? strdup(text(os, 0)) : NULL;
			by = who(proc, pid);
		} else if (sqlite3_step(ws) == SQLITE_ROW &&
		    strcmp(text(ws, 3), "none") != 0) {
			char *w;

			pid = num(ws, 1, -1);
			proc = text(ws, 0) ? strdup(text(ws, 0)) : NULL;
			w = who(proc, pid);
			by = str("%s, to which they are matched by endpoint "
			    "(Windows lists them under PID 0)%s,", w,
			    strcmp(text(ws, 3), "ambiguous") == 0 ?
			    " though other processes match too" : "");
			free(w);
		}
		ex = examples(l, snap, NULL, -1, 0, NULL, "TIME_WAIT", raddr,
		    rport, 0);
		add(l, snap, (double)n >= l->o->pool_critical * (double)size ?
		    SEV_CRITICAL : SEV_WARNING, "time_wait", proc, pid,
		    str("%s TIME_WAIT sockets to %s: %s opens and closes a "
		    "connection for each request instead of reusing "
		    "connections (the side that closes first keeps "
		    "TIME_WAIT).", c, e, by ? by : "a process the capture "
		    "does not name"),
		    str("%s TIME_WAIT to %s; e.g. %s", c, e, ex), (double)n);
		free(e); free(c); free(by); free(proc); free(ex);
	}
	sqlite3_finalize(ws);
	sqlite3_finalize(os);
	return done(l, st, rc);
}

/* Connection attempts the remote never answers. */
static int
syn_sent_findings(struct flist *l)
{
	static const char sql[] =
	    "SELECT snapshot_id, process, pid, raddr, rport, COUNT(*)"
	    " FROM sockets WHERE state = 'SYN_SENT' AND raddr IS NOT NULL"
	    /* Captures say it per destination: capture_findings(). */
	    " AND snapshot_id NOT IN (SELECT id FROM snapshot"
	    "  WHERE os = 'capture')"
	    " GROUP BY snapshot_id, owner_key, raddr, rport"
	    " HAVING COUNT(*) >= ?1";
	sqlite3_stmt	*st;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	sqlite3_bind_int64(st, 1, l->o->syn_sent);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		const char	*proc = text(st, 1), *raddr = text(st, 3);
		long		 pid = num(st, 2, -1), rport = num(st, 4, -1);
		long		 n = num(st, 5, 0);
		char		*w = who(proc, pid), *e = endpoint(raddr, rport);
		char		*c = count(n), *ex;

		ex = examples(l, snap, NULL, pid, pid < 0, proc, "SYN_SENT",
		    raddr, rport, 0);
		add(l, snap, SEV_WARNING, "syn_sent", proc, pid,
		    proc == NULL && pid < 0 ?
		    str("%s connection attempts are stuck in SYN_SENT to %s "
		    "(the input names no process for them): the remote does "
		    "not answer (down, filtered by a firewall, or a wrong "
		    "address).", c, e) :
		    str("%s has %s connection attempts stuck in SYN_SENT to "
		    "%s: the remote does not answer (down, filtered by a "
		    "firewall, or a wrong address).", w, c, e),
		    str("%s SYN_SENT to %s; e.g. %s", c, e, ex), (double)n);
		free(w); free(e); free(c); free(ex);
	}
	return done(l, st, rc);
}

/* The command that names the owners on a system, for advice. */
static const char *
owner_command(const char *os)
{
	static const struct {
		const char	*os;
		const char	*command;
	} commands[] = {
		{ "windows", "`netstat -anob` from an elevated prompt" },
		{ "linux", "`ss -tanp` run as root" },
		{ "macos", "`netstat -anvW` (macOS lists the PID with -v)" },
		{ "freebsd", "`sockstat -46` run as root" },
		{ "capture", "`ss -tanp` (Linux) or `netstat -anob` (Windows) on "
		    "the host that opens the connections, while the capture "
		    "runs: a capture shows no processes" },
	};
	size_t	i;

	for (i = 0; os != NULL && i < sizeof commands / sizeof commands[0];
	    i++)
		if (strcmp(commands[i].os, os) == 0)
			return commands[i].command;
	return "the listing with its process column (`netstat -anob` on "
	    "Windows, `ss -tanp` on Linux)";
}

/* Sockets without an owner, and to whom they likely belong. */
static int
ownerless_findings(struct flist *l)
{
	static const char sql[] =
	    "SELECT s.snapshot_id, SUM(s.pid = 0 AND s.state = 'TIME_WAIT'),"
	    " SUM(s.pid IS NULL AND s.state <> 'LISTEN'), COUNT(*), n.os"
	    " FROM sockets s JOIN snapshot n ON n.id = s.snapshot_id"
	    " GROUP BY s.snapshot_id";
	static const char att_sql[] =
	    "SELECT process, pid, sockets, confidence FROM time_wait_attribution"
	    " WHERE snapshot_id = ?1 ORDER BY confidence = 'none', sockets DESC";
	sqlite3_stmt	*st, *as;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	if (prep(l, att_sql, &as) == -1) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		long		 tw = num(st, 1, 0), nopid = num(st, 2, 0);
		long		 all = num(st, 3, 0);

		if (tw > 0) {
			char	*list = NULL, *t, *c = count(tw), *ex;
			int	 i = 0;

			sqlite3_reset(as);
			sqlite3_bind_int64(as, 1, snap);
			while (sqlite3_step(as) == SQLITE_ROW) {
				char *n = count(num(as, 2, 0));
				char *w = strcmp(text(as, 3), "none") == 0 ?
				    NULL : who(text(as, 0), num(as, 1, -1));

				if (w == NULL)
					t = str("%s%s%s match no process", list ?
					    list : "", list ? "; " : "", n);
				else
					t = str("%s%s%s to %s%s", list ? list :
					    "", list ? (i ? ", " : "") : "", n, w,
					    strcmp(text(as, 3), "ambiguous") ==
					    0 ? " (ambiguous)" : "");
				free(list);
				free(n);
				free(w);
				list = t;
				i++;
			}
			ex = examples(l, snap, NULL, 0, 0, NULL, "TIME_WAIT",
			    NULL, -1, 0);
			add(l, snap, SEV_INFO, "ownerless", NULL, 0,
			    str("%s TIME_WAIT %s listed under PID 0 because "
			    "%s owner already closed %s; by local address and "
			    "remote endpoint: %s.", c, tw == 1 ? "socket is" :
			    "sockets are", tw == 1 ? "its" : "their",
			    tw == 1 ? "it" : "them",
			    list ? list : "none match a process"),
			    str("%s PID 0 TIME_WAIT sockets; e.g. %s", c, ex),
			    (double)tw);
			free(list); free(c); free(ex);
		}
		if (nopid > 0) {
			char *c = count(nopid), *a = count(all);

			add(l, snap, SEV_INFO, "no_pid", NULL, -1,
			    str("The input names no process for %s of its %s "
			    "sockets: ask for %s.", c, a,
			    owner_command(text(st, 4))),
			    str("%s sockets without a PID", c), 0);
			free(c);
			free(a);
		}
	}
	sqlite3_finalize(as);
	return done(l, st, rc);
}

/*
 * Connections of one capture toward one destination, as "file:line, :line"
 * (for pcap and pcapng files the number is the frame number).  which is one
 * of the constant conditions below, never input.
 */
static char *
flow_examples(struct flist *l, long long capture, const char *daddr,
    long dport, const char *which)
{
	char		 sql[512];
	sqlite3_stmt	*st;

	snprintf(sql, sizeof sql, "SELECT file, line FROM flows"
	    " WHERE capture_id = ?1 AND daddr IS ?2 AND dport IS ?3 AND %s"
	    " ORDER BY line LIMIT 3", which);
	if (prep(l, sql, &st) == -1)
		return str("(no example: %s)", l->err);
	sqlite3_bind_int64(st, 1, capture);
	sqlite3_bind_text(st, 2, daddr, -1, SQLITE_STATIC);
	if (dport >= 0)
		sqlite3_bind_int64(st, 3, dport);
	return example_lines(st, "(no example connection)");
}

/*
 * What the wire shows per destination (flow_destination): attempts without
 * answer, refusals, RST storms, and the rate of new connections set against
 * the 4-tuple pool.  Each finding goes with the last snapshot of its capture.
 */
static int
capture_findings(struct flist *l)
{
	static const char sql[] =
	    "SELECT (SELECT max(id) FROM snapshot n WHERE n.capture_id ="
	    "  d.capture_id) AS snap, d.capture_id, d.daddr, d.dport,"
	    " d.destination, d.attempts, d.answered, d.unanswered, d.refused,"
	    " d.reset, d.syns, d.sources, d.top_source, d.top_source_flows,"
	    " d.capture_seconds, d.opened_per_second, d.opened_peak_second,"
	    " d.reset_peak_second,"
	    " (SELECT range_hi - range_lo + 1 FROM snapshot n"
	    "  WHERE n.capture_id = d.capture_id ORDER BY id DESC LIMIT 1),"
	    " ROW_NUMBER() OVER (PARTITION BY d.capture_id"
	    "  ORDER BY d.attempts DESC, d.flows DESC) AS busiest,"
	    " d.source_closed_first"
	    " FROM flow_destination d WHERE d.proto = 'tcp'";
	sqlite3_stmt	*st;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		long long	 capture = sqlite3_column_int64(st, 1);
		const char	*daddr = text(st, 2), *dest = text(st, 4);
		long		 dport = num(st, 3, -1);
		long		 attempts = num(st, 5, 0);
		long		 unanswered = num(st, 7, 0);
		long		 refused = num(st, 8, 0), reset = num(st, 9, 0);
		long		 syns = num(st, 10, 0), sources = num(st, 11, 0);
		const char	*top = text(st, 12);
		long		 top_n = num(st, 13, 0);
		double		 span = sqlite3_column_double(st, 14);
		long		 peak = num(st, 16, 0), rpeak = num(st, 17, 0);
		long		 range = num(st, 18, 0);
		long		 busiest = num(st, 19, 0);
		char		*a, *b, *c, *ex;

		if (sqlite3_column_type(st, 0) == SQLITE_NULL || dest == NULL)
			continue;
		if (unanswered >= l->o->unanswered) {
			a = count(unanswered);
			b = count(attempts);
			c = count(syns);
			ex = flow_examples(l, capture, daddr, dport,
			    "unanswered = 1");
			add(l, snap, SEV_WARNING, "unanswered", NULL, -1,
			    str("%s of %s connection attempts to %s got no "
			    "answer (no SYN-ACK, no RST) from %ld source "
			    "address%s: the destination is down, filtered by a "
			    "firewall, or its listen queue is full; each attempt "
			    "holds its port in SYN_SENT while it retries.", a, b,
			    dest, sources, sources == 1 ? "" : "es"),
			    str("%s unanswered of %s attempts; %s SYNs sent to "
			    "%s, retransmissions included; e.g. %s", a, b, c,
			    dest, ex), (double)unanswered);
			free(a); free(b); free(c); free(ex);
		}
		if (refused >= l->o->refused) {
			a = count(refused);
			b = count(attempts);
			ex = flow_examples(l, capture, daddr, dport,
			    "refused = 1");
			add(l, snap, SEV_WARNING, "refused", NULL, -1,
			    str("%s refused %s of %s connection attempts with a "
			    "RST: nothing listens there, or its listen queue "
			    "overflows.", dest, a, b),
			    str("%s SYNs answered by a RST; e.g. %s", a, ex),
			    (double)refused);
			free(a); free(b); free(ex);
		}
		if (rpeak >= l->o->rst_storm) {
			a = count(refused + reset);
			b = count(rpeak);
			ex = flow_examples(l, capture, daddr, dport,
			    "reset_at IS NOT NULL");
			add(l, snap, SEV_WARNING, "rst_storm", NULL, -1,
			    str("RST storm at %s: %s connections ended by a "
			    "RST (%ld refused at the SYN, %ld reset after they "
			    "were up), %s in the busiest second.", dest, a,
			    refused, reset, b),
			    str("%s RSTs, peak %s in one second; e.g. %s", a, b,
			    ex), (double)rpeak);
			free(a); free(b); free(ex);
		}
		/*
		 * The rate of new connections against the 4-tuple pool: the
		 * side that closes first keeps each port 60 s in TIME_WAIT, so
		 * one source address opening r connections a second to one
		 * destination keeps about 60 r of its ports busy.
		 */
		if (attempts > 0 && span > 0 && range > 0) {
			double	 rate = (double)top_n / span;
			double	 first = (double)num(st, 20, 0) / attempts;
			double	 busy = rate * 60.0 * first, share = busy / range;
			char	*r1, *r2, *p, *pf, *tail;
			enum severity sev = share >= l->o->pool_critical ?
			    SEV_CRITICAL : share >= l->o->pool_warning ?
			    SEV_WARNING : SEV_INFO;

			/* A note on the busiest destination, when busy. */
			if (sev == SEV_INFO && (busiest != 1 || attempts < 10))
				continue;
			r1 = str("%.1f", (double)attempts / span);
			r2 = str("%.1f", rate);
			a = count(attempts);
			b = count((long)llround(busy));
			c = count(range);
			p = pct(share);
			pf = pct(first);
			if (first > 0)
				tail = str("; %s alone opens %s a second and "
				    "closes first in %s of them, so at that rate "
				    "their 60 s of TIME_WAIT would keep about %s "
				    "of its %s ports toward %s busy (%s)%s", top,
				    r2, pf,
				    b, c, dest, p, sev == SEV_INFO ? "" : ": "
				    "reuse connections, or spread them over more "
				    "source addresses");
			else
				tail = str("; none of them was closed by its "
				    "source first, so TIME_WAIT does not hold the "
				    "source's ports");
			ex = flow_examples(l, capture, daddr, dport,
			    "syn_at IS NOT NULL");
			add(l, snap, sev, "connection_rate", NULL, -1,
			    str("%s new connections to %s in %.0f s of capture "
			    "(%s a second, %ld in the busiest second) from %ld "
			    "source address%s%s.", a, dest, span, r1, peak,
			    sources, sources == 1 ? "" : "es", tail),
			    str("%s attempts over %.1f s; busiest source %s with "
			    "%ld; range size %s; e.g. %s", a, span, top, top_n,
			    c, ex), share * 1e6);
			free(r1); free(r2); free(a); free(b); free(c); free(p);
			free(ex); free(tail); free(pf);
		}
	}
	return done(l, st, rc);
}

/* The most pressed pool grows from snapshot to snapshot. */
static int
growth_findings(struct flist *l)
{
	static const char sql[] =
	    "SELECT n.id, pt.laddr, pt.snapshots, pt.ports_first, pt.ports_last,"
	    " pt.slope_per_hour, pt.monotonic, pt.minutes_to_exhaustion,"
	    " pt.first_taken_at, pt.last_taken_at, pt.range_size"
	    " FROM pressure_trend pt JOIN snapshot n"
	    " ON n.capture_id = pt.capture_id AND n.taken_at = pt.last_taken_at"
	    " WHERE pt.slope_per_hour IS NOT NULL";
	sqlite3_stmt	*st;
	int		 rc;

	if (prep(l, sql, &st) == -1)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long	 snap = sqlite3_column_int64(st, 0);
		double		 slope = sqlite3_column_double(st, 5);
		int		 mono = (int)num(st, 6, 0);
		char		*a = count(num(st, 3, 0)), *b = count(num(st, 4, 0));
		char		*s = count(labs(num(st, 5, 0)));
		char		*d = NULL, *sum;
		enum severity	 sev = SEV_INFO;

		if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
			double m = sqlite3_column_double(st, 7);

			d = duration(m);
			sev = m < l->o->hours_critical * 60 ? SEV_CRITICAL :
			    SEV_WARNING;
		}
		if (slope > 0 && mono)
			sum = str("Dynamic ports in use on %s grew at every "
			    "snapshot, from %s to %s over %ld snapshots (%s an "
			    "hour)%s%s.", text(st, 1), a, b, num(st, 2, 0), s,
			    d ? ": at that rate the range is exhausted in " :
			    "", d ? d : "");
		else if (slope > 0)
			sum = str("Dynamic ports in use on %s went from %s to "
			    "%s over %ld snapshots, not steadily (%s an hour "
			    "by least squares)%s%s.", text(st, 1), a, b,
			    num(st, 2, 0), s, d ? ": at that rate the range "
			    "is exhausted in " : "", d ? d : "");
		else
			sum = str("Dynamic ports in use on %s went from %s to "
			    "%s over %ld snapshots: not growing (%s%s an hour "
			    "by least squares).", text(st, 1), a, b,
			    num(st, 2, 0), slope < 0 ? "-" : "", s);
		if (slope <= 0 || !mono)
			sev = slope > 0 ? SEV_WARNING : SEV_INFO;
		add(l, snap, sev, "growth", NULL, -1, sum,
		    str("from %s to %s; least-squares slope %.1f ports/hour",
		    text(st, 8), text(st, 9), slope), 1e6 + slope);
		free(a); free(b); free(s); free(d);
	}
	return done(l, st, rc);
}

static int
by_rank(const void *pa, const void *pb)
{
	const struct finding	*a = pa, *b = pb;

	if (a->snapshot_id != b->snapshot_id)
		return a->snapshot_id < b->snapshot_id ? -1 : 1;
	if (a->severity != b->severity)
		return (int)a->severity - (int)b->severity;
	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	return strcmp(a->kind, b->kind);
}

static int
store(struct flist *l)
{
	static const char sql[] =
	    "INSERT INTO finding (snapshot_id, rank, severity, kind, process,"
	    " pid, summary, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rank = 0;
	long long	 snap = -1;

	if (sqlite3_exec(l->db, "DELETE FROM finding", NULL, NULL, NULL) !=
	    SQLITE_OK || prep(l, sql, &st) == -1) {
		snprintf(l->err, l->errlen, "findings: %s",
		    sqlite3_errmsg(l->db));
		return -1;
	}
	for (i = 0; i < l->n; i++) {
		struct finding *f = &l->v[i];

		if (f->snapshot_id != snap) {
			snap = f->snapshot_id;
			rank = 0;
		}
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, f->snapshot_id);
		sqlite3_bind_int(st, 2, ++rank);
		sqlite3_bind_text(st, 3, severity_names[f->severity], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 4, f->kind, -1, SQLITE_STATIC);
		if (f->process)
			sqlite3_bind_text(st, 5, f->process, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 5);
		if (f->pid >= 0)
			sqlite3_bind_int64(st, 6, f->pid);
		else
			sqlite3_bind_null(st, 6);
		sqlite3_bind_text(st, 7, f->summary, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, f->evidence, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			snprintf(l->err, l->errlen, "findings: %s",
			    sqlite3_errmsg(l->db));
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/* The thresholds as text, to know whether the stored findings used them. */
static void
signature(const struct finding_opts *o, char *buf, size_t len)
{
	snprintf(buf, len, "%.6g %.6g %.6g %ld %ld %ld %ld %ld %.6g %ld %ld %ld",
	    o->pool_warning, o->pool_critical, o->dominant, o->close_wait,
	    o->time_wait, o->syn_sent, o->bound, o->fin_wait_2,
	    o->hours_critical, o->unanswered, o->refused, o->rst_storm);
}

/* 1 when the finding table was made from the current analyses with o. */
static int
current(sqlite3 *db, const struct finding_opts *o)
{
	sqlite3_stmt	*st;
	char		 sig[256];
	int		 same = 0;

	signature(o, sig, sizeof sig);
	if (sqlite3_prepare_v2(db, "SELECT value = ?1 FROM meta"
	    " WHERE key = 'findings'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, sig, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return same;
}

static int
mark_current(sqlite3 *db, const struct finding_opts *o)
{
	sqlite3_stmt	*st;
	char		 sig[256];
	int		 rc;

	signature(o, sig, sizeof sig);
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta (key, value)"
	    " VALUES ('findings', ?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, sig, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

int
findings_refresh(sqlite3 *db, const struct finding_opts *o, char *err,
    size_t errlen)
{
	struct flist	l;
	size_t		i;
	int		rc;

	if (current(db, o))
		return 0;
	memset(&l, 0, sizeof l);
	l.db = db;
	l.o = o;
	l.err = err;
	l.errlen = errlen;
	rc = pool_findings(&l) == -1 || holder_findings(&l) == -1 ||
	    state_findings(&l) == -1 || time_wait_findings(&l) == -1 ||
	    syn_sent_findings(&l) == -1 || ownerless_findings(&l) == -1 ||
	    growth_findings(&l) == -1 || capture_findings(&l) == -1 ? -1 : 0;
	if (rc == 0) {
		if (l.n > 0)
			qsort(l.v, l.n, sizeof *l.v, by_rank);
		if (sqlite3_exec(db, "SAVEPOINT findings", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			snprintf(err, errlen, "findings: %s",
			    sqlite3_errmsg(db));
			rc = -1;
		} else if ((rc = store(&l)) == -1 ||
		    (rc = mark_current(db, o)) == -1)
			sqlite3_exec(db, "ROLLBACK TO findings; RELEASE findings",
			    NULL, NULL, NULL);
		else
			sqlite3_exec(db, "RELEASE findings", NULL, NULL, NULL);
	}
	for (i = 0; i < l.n; i++) {
		free(l.v[i].process);
		free(l.v[i].summary);
		free(l.v[i].evidence);
	}
	free(l.v);
	return rc;
}
