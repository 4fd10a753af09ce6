/*
 * pipeline.c — one input file through decode, sniff, parser and store.
 *
 * This file is the sink of parsers/record.h: it receives a parser's events,
 * decides what the format leaves open (the range and time of each
 * snapshot), and writes through db/store.h.  The input is read once, as a
 * stream: the bytes are hashed on their way to the decoder (a fopencookie
 * reader), and only the first SNIFF_LINES lines are held back, for sniffing.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "cli/pipeline.h"
#include "db/store.h"
#include "parsers/decode.h"
#include "parsers/format.h"
#include "parsers/sha256.h"
#include "reports/range.h"

#define SHOW_ISSUES	10	/* issues printed per file; the rest are counted */
#define EARLY_ISSUES	32	/* decoder issues held back while sniffing */
#define PROGRESS_MASK	0x3ffffUL /* a progress line every 262,144 lines */

/*
 * The input, hashed on its way through.  The first bytes are read ahead (for
 * the binary sniffers) and given out again first.
 */
struct hashed {
	FILE		*in;
	struct sha256	 sha;
	long long	 size;
	unsigned char	 pre[SNIFF_BYTES];
	size_t		 npre, pre_off;
};

struct early_issue {
	unsigned long	 line;
	char		 reason[96];
	char		 excerpt[96];
};

struct run {
	struct store			*store;
	const struct ingest_opts	*opts;
	const char			*path;
	struct ingest_result		*res;
	int				 begun;		/* capture row exists */
	int				 failed;	/* the store failed */

	long long			 snapshot;	/* current, 0 if none */

	/* A range stated in the input applies from where it is found on. */
	int				 have_range;
	int				 range_lo, range_hi;
	char				 range_why[160];

	/* Stamps, resolved once the whole file has been read. */
	struct stamp			*stamps;
	long long			*stamp_snap;
	size_t				 nstamps, capstamps;

	unsigned long			 last_issue_line;
	unsigned long			 rejected;
	struct early_issue		 early[EARLY_ISSUES];
	size_t				 nearly;
	unsigned long			 early_dropped;
	unsigned long			 skipped;

	/* Flows: their clock and the span of capture time they cover. */
	enum flow_clock			 clock;
	double				 first, last;
	int				 timed;		/* first/last are set */
	unsigned long			 first_flow_line;
};

static ssize_t
hashed_read(void *cookie, char *buf, size_t n)
{
	struct hashed	*h = cookie;
	size_t		 got;

	if (h->pre_off < h->npre) {
		got = h->npre - h->pre_off;
		if (got > n)
			got = n;
		memcpy(buf, h->pre + h->pre_off, got);
		h->pre_off += got;
		return (ssize_t)got;
	}
	got = fread(buf, 1, n, h->in);
	if (got == 0 && ferror(h->in))
		return -1;
	sha256_update(&h->sha, buf, got);
	h->size += (long long)got;
	return (ssize_t)got;
}

static int
hashed_close(void *cookie)
{
	(void)cookie;
	return 0;
}

static void
store_failed(struct run *r)
{
	if (!r->failed)
		fprintf(stderr, "portsift: %s: %s\n", r->path,
		    store_error(r->store));
	r->failed = 1;
}

/* Copy s, cut at a character boundary when it does not fit. */
static void
utf8_copy(char *dst, size_t len, const char *s)
{
	size_t	n = strlen(s);

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void
on_issue(void *ctx, unsigned long line, const char *reason, const char *text)
{
	struct run	*r = ctx;

	r->res->issues++;
	if (line != 0 && line != r->last_issue_line) {
		r->rejected++;
		r->last_issue_line = line;
	}
	if (r->res->issues <= SHOW_ISSUES) {
		if (line != 0)
			fprintf(stderr, "portsift: %s:%lu: %s\n", r->path, line,
			    reason);
		else
			fprintf(stderr, "portsift: %s: %s\n", r->path, reason);
	}
	if (!r->begun) {
		struct early_issue *e;

		if (r->nearly == EARLY_ISSUES) {
			r->early_dropped++;
			return;
		}
		e = &r->early[r->nearly++];
		e->line = line;
		utf8_copy(e->reason, sizeof e->reason, reason);
		utf8_copy(e->excerpt, sizeof e->excerpt, text ? text : "");
		return;
	}
	if (!r->failed && store_issue(r->store, line, reason, text) == -1)
		store_failed(r);
}

static void
decode_issue(void *ctx, unsigned long line, const char *reason,
    const char *excerpt)
{
	on_issue(ctx, line, reason, excerpt);
}

/*
 * A new snapshot, current from now on; at: its time on the capture's clock
 * when it is made from flows, else NULL.
 */
static void
snapshot_begin(struct run *r, const struct ps_snapshot *ev, const double *at)
{
	const struct ingest_opts *o = r->opts;
	struct snapshot_row	 row;
	struct port_range	 def;
	char			 why[200];

	if (r->failed)
		return;
	memset(&row, 0, sizeof row);
	row.label = o->label;
	row.os = ev->os;
	row.os_version = ev->os_version;
	row.first_line = ev->line;
	row.has_at = at != NULL;
	row.at = at != NULL ? *at : 0;
	if (o->range_lo != 0) {
		row.range_lo = o->range_lo;
		row.range_hi = o->range_hi;
		row.range_source = "--port-range";
	} else if (r->have_range) {
		row.range_lo = r->range_lo;
		row.range_hi = r->range_hi;
		row.range_source = r->range_why;
	} else {
		def = range_default(ev->os, ev->os_version);
		row.range_lo = def.lo;
		row.range_hi = def.hi;
		snprintf(why, sizeof why, "%s", def.why);
		row.range_source = why;
	}
	if ((r->snapshot = store_snapshot(r->store, &row)) == -1) {
		store_failed(r);
		return;
	}
	r->res->snapshots++;

	if (ev->stamp != NULL) {
		if (r->nstamps == r->capstamps) {
			size_t		 cap = r->capstamps ? r->capstamps * 2 : 16;
			struct stamp	*s = reallocarray(r->stamps, cap,
			    sizeof *s);
			long long	*id = s ? reallocarray(r->stamp_snap,
			    cap, sizeof *id) : NULL;

			if (s != NULL)
				r->stamps = s;
			if (id == NULL) {
				fprintf(stderr, "portsift: out of memory\n");
				r->failed = 1;
				return;
			}
			r->stamp_snap = id;
			r->capstamps = cap;
		}
		r->stamps[r->nstamps] = *ev->stamp;
		r->stamp_snap[r->nstamps++] = r->snapshot;
	} else if (o->taken_at != NULL) {
		if (store_snapshot_taken_at(r->store, r->snapshot, o->taken_at,
		    "option") == -1)
			store_failed(r);
	}
}

static void
on_snapshot(void *ctx, const struct ps_snapshot *ev)
{
	snapshot_begin(ctx, ev, NULL);
}

/* Sockets before any snapshot event: an implicit snapshot holds them. */
static int
need_snapshot(struct run *r, unsigned long line)
{
	struct ps_snapshot	ev;

	if (r->snapshot != 0)
		return 0;
	memset(&ev, 0, sizeof ev);
	ev.line = line;
	snapshot_begin(r, &ev, NULL);
	return r->failed ? -1 : 0;
}

static void
on_socket(void *ctx, const struct ps_socket *k)
{
	struct run	*r = ctx;

	if (r->failed)
		return;
	/* A parser's slip must not cost the file: one line, one issue. */
	if (k->local.addr[0] == '\0' || (k->family != 4 && k->family != 6)) {
		on_issue(r, k->line, "socket without a local address or "
		    "family: not stored", NULL);
		return;
	}
	if (need_snapshot(r, k->line) == -1)
		return;
	if (store_socket(r->store, k) == -1)
		store_failed(r);
	else
		r->res->sockets++;
}

static void
on_process(void *ctx, const struct ps_process *p)
{
	struct run	*r = ctx;

	if (r->failed || need_snapshot(r, p->line) == -1)
		return;
	if (store_process(r->store, p) == -1)
		store_failed(r);
}

static void
on_range(void *ctx, const struct ps_range *ev)
{
	struct run	*r = ctx;

	/* The pools analysed are TCP's; a UDP range is not this one. */
	if (ev->proto != PROTO_TCP || r->failed)
		return;
	r->have_range = 1;
	r->range_lo = ev->lo;
	r->range_hi = ev->hi;
	snprintf(r->range_why, sizeof r->range_why, "%s, line %lu", ev->source,
	    ev->line);
	if (r->opts->range_lo != 0 || r->snapshot == 0)
		return;
	if (store_snapshot_range(r->store, r->snapshot, ev->lo, ev->hi,
	    r->range_why) == -1)
		store_failed(r);
}

/* 1 when addr is inside one of the --local blocks. */
static int
is_local(const struct ingest_opts *o, const char *addr)
{
	size_t	i;

	for (i = 0; i < o->nlocal; i++)
		if (cidr_contains(&o->local[i], addr))
			return 1;
	return 0;
}

/* The same connection, seen from the other end. */
static void
flow_turn(struct ps_flow *f)
{
	struct endpoint	ep = f->local;
	double		t = f->local_fin_at;

	f->local = f->remote;
	f->remote = ep;
	if (f->local_opened >= 0)
		f->local_opened = !f->local_opened;
	f->local_fin_at = f->remote_fin_at;
	f->remote_fin_at = t;
	if (f->reset_by == FLOW_SIDE_LOCAL)
		f->reset_by = FLOW_SIDE_REMOTE;
	else if (f->reset_by == FLOW_SIDE_REMOTE)
		f->reset_by = FLOW_SIDE_LOCAL;
	/* Both ends sent a FIN: the first to close is in TIME_WAIT. */
	if (f->local_fin_at >= 0 && f->remote_fin_at >= 0 &&
	    f->reset_by == FLOW_SIDE_NONE)
		f->state = f->local_fin_at <= f->remote_fin_at ? ST_TIME_WAIT :
		    ST_CLOSED;
	else
		f->state = state_mirror(f->state);
}

static void
on_flow(void *ctx, const struct ps_flow *in)
{
	struct run	*r = ctx;
	struct ps_flow	 f = *in;

	if (r->failed)
		return;
	if (f.local.addr[0] == '\0' || f.remote.addr[0] == '\0' ||
	    (f.family != 4 && f.family != 6)) {
		on_issue(r, f.line, "connection without both addresses: not "
		    "stored", NULL);
		return;
	}
	/* --local: turn it round when only the other end is local. */
	if (r->opts->nlocal > 0 && !is_local(r->opts, f.local.addr) &&
	    is_local(r->opts, f.remote.addr))
		flow_turn(&f);
	if (f.clock > r->clock)
		r->clock = f.clock;
	if (f.first_seen >= 0) {
		if (!r->timed || f.first_seen < r->first)
			r->first = f.first_seen;
		if (!r->timed || f.first_seen > r->last)
			r->last = f.first_seen;
		r->timed = 1;
	}
	if (f.last_seen >= 0 && r->timed && f.last_seen > r->last)
		r->last = f.last_seen;
	if (r->res->flows == 0 || f.line < r->first_flow_line)
		r->first_flow_line = f.line;
	if (store_flow(r->store, &f) == -1)
		store_failed(r);
	else
		r->res->flows++;
}

/*
 * Capture time t (Unix seconds) as "YYYY-MM-DD HH:MM:SS.cc", UTC, to the
 * hundredth of a second as the stamps of other inputs are; snapshot.at
 * keeps the exact time.
 */
static void
utc_text(double t, char *buf, size_t len)
{
	time_t		secs = (time_t)t;
	struct tm	tm;
	char		day[32];
	int		cs = (int)((t - (double)secs) * 100.0 + 0.5);

	if (cs >= 100) {
		secs++;
		cs -= 100;
	}
	gmtime_r(&secs, &tm);
	strftime(day, sizeof day, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf, len, "%s.%02d", day, cs);
}

/* One snapshot of the flows at capture time t. */
static void
flow_snapshot(struct run *r, double t)
{
	struct ps_snapshot	ev;
	char			when[48];
	long long		n;

	memset(&ev, 0, sizeof ev);
	ev.line = r->first_flow_line;
	ev.os = "capture";
	snapshot_begin(r, &ev, &t);
	if (r->failed)
		return;
	if (r->clock == FLOW_CLOCK_EPOCH) {
		utc_text(t, when, sizeof when);
		if (store_snapshot_taken_at(r->store, r->snapshot, when,
		    "capture") == -1) {
			store_failed(r);
			return;
		}
	}
	if ((n = store_flow_sockets(r->store, r->snapshot)) == -1)
		store_failed(r);
	else
		r->res->sockets += (unsigned long)n;
}

/*
 * The snapshots of a capture of flows: one at its end (the last packet), and
 * with --every one each interval from its first packet on.
 */
static void
flow_snapshots(struct run *r)
{
	const struct ingest_opts	*o = r->opts;
	double				 t, every = o->every;
	char				 msg[200];
	unsigned long			 k, n;

	if (r->res->flows == 0 || r->failed)
		return;
	if (r->clock != FLOW_CLOCK_NONE &&
	    store_capture_clock(r->store, r->clock == FLOW_CLOCK_EPOCH ?
	    "epoch" : "relative") == -1) {
		store_failed(r);
		return;
	}
	if (!r->timed) {
		if (every > 0)
			on_issue(r, 0, "--every: the connections have no times; "
			    "one snapshot of all of them", NULL);
		flow_snapshot(r, 0);
		return;
	}
	if (every > 0) {
		n = (unsigned long)((r->last - r->first) / every);
		if (n >= SNAPSHOTS_MAX) {
			snprintf(msg, sizeof msg, "--every %g s would make %lu "
			    "snapshots of %.0f s of capture; at most %d: one "
			    "every %.0f s instead", every, n + 1,
			    r->last - r->first, SNAPSHOTS_MAX,
			    (r->last - r->first) / (SNAPSHOTS_MAX - 1) + 1);
			on_issue(r, 0, msg, NULL);
			every = (r->last - r->first) / (SNAPSHOTS_MAX - 1) + 1;
		}
		for (k = 1; !r->failed; k++) {
			t = r->first + (double)k * every;
			if (t >= r->last)
				break;
			flow_snapshot(r, t);
		}
	}
	flow_snapshot(r, r->last);
}

static void
on_skipped(void *ctx, const char *what, unsigned long line)
{
	struct run	*r = ctx;

	(void)what;
	(void)line;
	r->skipped++;
}

/* Give each stamped snapshot its time, with one day/month order per file. */
static void
resolve_stamps(struct run *r)
{
	enum date_order	 order;
	char		 why[200], iso[40], msg[300];
	size_t		 i;
	int		 told = 0;

	if (r->nstamps == 0 || r->failed)
		return;
	order = stamp_decide(r->stamps, r->nstamps, r->opts->date_order, why,
	    sizeof why);
	for (i = 0; i < r->nstamps; i++) {
		if (stamp_iso(&r->stamps[i], order, iso, sizeof iso)) {
			if (store_snapshot_taken_at(r->store, r->stamp_snap[i],
			    iso, "text") == -1)
				store_failed(r);
			continue;
		}
		if (r->opts->taken_at != NULL &&
		    store_snapshot_taken_at(r->store, r->stamp_snap[i],
		    r->opts->taken_at, "option") == -1)
			store_failed(r);
		if (!told) {
			snprintf(msg, sizeof msg, "date/time stamps left out: %s",
			    order == DATE_ORDER_UNKNOWN ? why :
			    "not a real date or time");
			on_issue(r, 0, msg, NULL);
			told = 1;
		}
	}
}

static void
free_lines(char **lines, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(lines[i]);
}

/* The line that says what was stored of one file. */
static void
summary(const struct run *r, const struct format *fmt, const char *encoding)
{
	const struct ingest_result	*res = r->res;

	fprintf(stderr, "portsift: %s: %s, %s: ", r->path, fmt->name, encoding);
	if (fmt->read == NULL)
		fprintf(stderr, "%lu lines, ", res->lines);
	if (fmt->flows)
		fprintf(stderr, "%lu connection%s, ", res->flows,
		    res->flows == 1 ? "" : "s");
	fprintf(stderr, "%lu snapshot%s, %lu sockets", res->snapshots,
	    res->snapshots == 1 ? "" : "s", res->sockets);
	if (r->skipped > 0 && fmt->flows)
		fprintf(stderr, " (%lu packets or records of other protocols "
		    "skipped)", r->skipped);
	else if (r->skipped > 0)
		fprintf(stderr, " (%lu unix, netlink or raw sockets skipped)",
		    r->skipped);
	fprintf(stderr, ", %lu issue%s\n", res->issues,
	    res->issues == 1 ? "" : "s");
}

int
ingest_file(struct store *store, const char *path,
    const struct ingest_opts *opts, struct ingest_result *res)
{
	static const cookie_io_functions_t io = {
		.read = hashed_read,
		.close = hashed_close,
	};
	struct run		 r;
	struct hashed		 h;
	struct ps_sink		 sink;
	struct capture_row	 cap;
	struct decoder		*dec = NULL;
	struct parse_opts	 popts;
	const struct format	*fmt;
	const char		*encoding = NULL;
	char			*held[SNIFF_LINES];
	unsigned long		 heldno[SNIFF_LINES];
	size_t			 nheld = 0, i;
	const char		*line;
	size_t			 len;
	unsigned long		 lineno = 0;
	char			 err[256], hex[65];
	void			*parser;
	FILE			*fp = NULL;
	long long		 dup;
	int			 rc = 0, status = EXIT_DONE, end;
	int			 progress = isatty(STDERR_FILENO);

	memset(res, 0, sizeof *res);
	memset(&r, 0, sizeof r);
	r.store = store;
	r.opts = opts;
	r.path = path;
	r.res = res;

	memset(&h, 0, sizeof h);
	sha256_init(&h.sha);
	if (strcmp(path, "-") == 0) {
		h.in = stdin;
		r.path = "(stdin)";
	} else if ((h.in = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "portsift: %s: %s\n", path, strerror(errno));
		return EXIT_UNREADABLE;
	}
	/* The first bytes, for the binary sniffers; given out again first. */
	h.npre = fread(h.pre, 1, sizeof h.pre, h.in);
	if (ferror(h.in)) {
		fprintf(stderr, "portsift: %s: %s\n", r.path, strerror(errno));
		status = EXIT_UNREADABLE;
		goto out;
	}
	sha256_update(&h.sha, h.pre, h.npre);
	h.size = (long long)h.npre;
	if ((fp = fopencookie(&h, "r", io)) == NULL) {
		fprintf(stderr, "portsift: %s: %s\n", path, strerror(errno));
		status = EXIT_UNREADABLE;
		goto out;
	}
	popts.columns = opts->columns;

	sink.ctx = &r;
	sink.snapshot = on_snapshot;
	sink.socket = on_socket;
	sink.process = on_process;
	sink.range = on_range;
	sink.issue = on_issue;
	sink.skipped = on_skipped;
	sink.flow = on_flow;

	if (opts->format != NULL) {
		fmt = format_find(opts->format);
		assert(fmt != NULL);	/* the command checked the name */
	} else
		fmt = format_sniff_bytes(h.pre, h.npre);
	if (fmt != NULL && fmt->read != NULL) {
		/* A binary format (pcap, pcapng): no decoder, no lines. */
		cap.path = path;
		cap.format = fmt->name;
		cap.encoding = "binary";
		cap.host = opts->host;
		if (store_capture_begin(store, &cap) == -1) {
			fprintf(stderr, "portsift: %s\n", store_error(store));
			status = EXIT_UNREADABLE;
			goto out;
		}
		r.begun = 1;
		if (fmt->read(fp, &sink, &popts, err, sizeof err) == -1) {
			fprintf(stderr, "portsift: %s: %s\n", r.path, err);
			r.failed = 1;
		}
		flow_snapshots(&r);
		encoding = "binary";
		goto stored;
	}

	if ((dec = decoder_open(fp, opts->encoding, decode_issue, &r, err,
	    sizeof err)) == NULL) {
		fprintf(stderr, "portsift: %s: %s\n", r.path, err);
		status = EXIT_UNREADABLE;
		goto out;
	}

	/* Hold back the first lines for sniffing. */
	while (nheld < SNIFF_LINES &&
	    (rc = decoder_next(dec, &line, &len, &lineno)) == 1) {
		if ((held[nheld] = strdup(line)) == NULL) {
			fprintf(stderr, "portsift: out of memory\n");
			status = EXIT_UNREADABLE;
			goto out;
		}
		heldno[nheld++] = lineno;
	}
	if (nheld < SNIFF_LINES && rc == -1) {
		fprintf(stderr, "portsift: %s: %s\n", r.path,
		    decoder_error(dec));
		status = EXIT_UNREADABLE;
		goto out;
	}
	if (nheld == 0) {
		fprintf(stderr, "portsift: %s: empty input: nothing stored\n",
		    r.path);
		status = EXIT_ISSUES;
		goto out;
	}
	if (fmt == NULL && (fmt = format_sniff((const char *const *)held,
	    nheld, NULL)) == NULL) {
		const struct format *const *f;

		fprintf(stderr, "portsift: %s: not a recognized capture "
		    "(tried:", r.path);
		for (f = formats; *f != NULL; f++)
			fprintf(stderr, " %s", (*f)->name);
		fprintf(stderr, "); nothing stored. See `portsift formats`, "
		    "or name one with --format\n");
		status = EXIT_ISSUES;
		goto out;
	}
	encoding = decoder_encoding(dec);

	cap.path = path;
	cap.format = fmt->name;
	cap.encoding = encoding;
	cap.host = opts->host;
	if (store_capture_begin(store, &cap) == -1) {
		fprintf(stderr, "portsift: %s\n", store_error(store));
		status = EXIT_UNREADABLE;
		goto out;
	}
	r.begun = 1;
	for (i = 0; i < r.nearly && !r.failed; i++)
		if (store_issue(store, r.early[i].line, r.early[i].reason,
		    r.early[i].excerpt) == -1)
			store_failed(&r);
	if (r.early_dropped > 0 && !r.failed) {
		char msg[96];

		snprintf(msg, sizeof msg, "%lu more decoding issues in the "
		    "first lines not stored", r.early_dropped);
		if (store_issue(store, 0, msg, NULL) == -1)
			store_failed(&r);
	}

	if ((parser = fmt->open(&sink, &popts)) == NULL) {
		fprintf(stderr, "portsift: out of memory\n");
		r.failed = 1;
	} else {
		for (i = 0; i < nheld && !r.failed; i++)
			fmt->line(parser, held[i], strlen(held[i]), heldno[i]);
		while (!r.failed &&
		    (rc = decoder_next(dec, &line, &len, &lineno)) == 1) {
			fmt->line(parser, line, len, lineno);
			if (progress && (lineno & PROGRESS_MASK) == 0)
				fprintf(stderr, "\rportsift: %s: %lu lines...",
				    r.path, lineno);
		}
		if (progress && lineno > PROGRESS_MASK)
			fputs("\r\033[K", stderr);
		if (rc == -1 && !r.failed) {
			fprintf(stderr, "portsift: %s: %s\n", r.path,
			    decoder_error(dec));
			r.failed = 1;
		}
		fmt->close(parser);
	}
	if (fmt->flows)
		flow_snapshots(&r);
	resolve_stamps(&r);
	res->lines = lineno;

stored:
	/* Drain what the decoder did not read, so the digest is of all bytes. */
	if (!r.failed) {
		char buf[8192];

		while (fread(buf, 1, sizeof buf, fp) > 0)
			;
	}
	sha256_hex(&h.sha, hex);

	end = STORE_COMMIT;
	if (r.failed)
		end = STORE_ROLLBACK;
	else if (opts->strict && res->issues > 0)
		end = STORE_ROLLBACK;
	rc = store_capture_end(store, end, hex, h.size, res->lines, r.rejected,
	    r.skipped, &dup);
	if (rc == -1 || r.failed) {
		if (rc == -1)
			fprintf(stderr, "portsift: %s: %s: nothing of it "
			    "stored\n", r.path, store_error(store));
		status = EXIT_UNREADABLE;
	} else if (dup != 0) {
		res->duplicate = 1;
		fprintf(stderr, "portsift: %s: already in the case as capture "
		    "%lld (same SHA-256): nothing added\n", r.path, dup);
	} else if (rc == 0) {
		fprintf(stderr, "portsift: %s: %lu issue%s and --strict: "
		    "nothing stored\n", r.path, res->issues,
		    res->issues == 1 ? "" : "s");
		status = EXIT_ISSUES;
	} else {
		res->stored = 1;
		if (res->issues > SHOW_ISSUES)
			fprintf(stderr, "portsift: %s: %lu more issues not "
			    "shown (all are in the case file's issue table)\n",
			    r.path, res->issues - SHOW_ISSUES);
		if (res->snapshots == 0)
			fprintf(stderr, "portsift: %s: no sockets found\n",
			    r.path);
		if (!opts->quiet)
			summary(&r, fmt, encoding);
		if (res->issues > 0 || res->snapshots == 0)
			status = EXIT_ISSUES;
	}

out:
	free_lines(held, nheld);
	free(r.stamps);
	free(r.stamp_snap);
	if (dec != NULL)
		decoder_close(dec);
	if (fp != NULL)
		fclose(fp);
	if (h.in != NULL && h.in != stdin)
		fclose(h.in);
	return status;
}

int
taken_at_valid(const char *s)
{
	int	y, mo, d, H, M, S, n = 0;

	if (sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d%n", &y, &mo, &d, &H, &M, &S,
	    &n) != 6 && sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &H,
	    &M, &S, &n) != 6)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || H > 23 || M > 59 ||
	    S > 60)
		return -1;
	if (s[n] != '\0' && s[n] != '.')
		return -1;
	return 0;
}
