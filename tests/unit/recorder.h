/*
 * recorder.h — a sink that records every event a parser sends, for the
 * parser suites (check_windows_netstat.c, check_linux_ss.c, ...).
 *
 * Include it after `#define RECORD_FORMAT format_NAME`.  run() feeds lines
 * from a string array, run_file() a file through the decoder; every
 * borrowed string of an event is copied (has_* tells NULL apart), so a test
 * looks at what the parser said, in order, after the fact.  Functions are
 * static inline: each suite uses the ones it needs.
 */
#ifndef TESTS_RECORDER_H
#define TESTS_RECORDER_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/decode.h"
#include "parsers/format.h"
#include "parsers/record.h"
#include "parsers/stamp.h"

#ifndef RECORD_FORMAT
#error "define RECORD_FORMAT (the struct format under test) first"
#endif

#ifndef TEXT_MAX
#define TEXT_MAX	512
#endif

enum kind {
	EV_SNAPSHOT,
	EV_SOCKET,
	EV_PROCESS,
	EV_RANGE,
	EV_ISSUE,
	EV_SKIPPED,
	EV_FLOW
};

/* One event, with every borrowed string copied; has_* tells NULL apart. */
struct ev {
	enum kind	 kind;
	unsigned long	 line;

	/* EV_SNAPSHOT */
	int		 has_stamp;
	struct stamp	 stamp;
	char		 os[16];
	int		 has_os_version;
	char		 os_version[32];

	/* EV_SOCKET (sock's pointers are NULLed; the copies are below) */
	struct ps_socket sock;
	int		 has_state_raw, has_process, has_service, has_owner;
	char		 state_raw[128];
	char		 process[256];
	char		 service[128];
	char		 owner[64];
	long		 more_pid[SOCKET_OWNERS_MAX];
	char		 more_process[SOCKET_OWNERS_MAX][64];

	/* EV_PROCESS */
	long		 pid;
	char		 image[256];

	/* EV_RANGE */
	struct ps_range	 range;
	char		 source[128];

	/* EV_FLOW (flow.state_raw is NULLed; the copy is state_raw above) */
	struct ps_flow	 flow;

	/* EV_ISSUE, EV_SKIPPED */
	char		 reason[256];
	char		 text[TEXT_MAX];
	size_t		 textlen;	/* strlen of the text as given */
};

struct rec {
	struct ev	*ev;
	size_t		 n, cap;
};

static inline void
keep(char *dst, size_t dstlen, const char *s, int *has)
{
	if (has != NULL)
		*has = s != NULL;
	if (s == NULL) {
		dst[0] = '\0';
		return;
	}
	snprintf(dst, dstlen, "%s", s);
}

static inline struct ev *
push(struct rec *r, enum kind kind, unsigned long line)
{
	struct ev	*e;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->ev = realloc(r->ev, r->cap * sizeof *r->ev);
		ck_assert_ptr_nonnull(r->ev);
	}
	e = &r->ev[r->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->line = line;
	return e;
}

static inline void
on_snapshot(void *ctx, const struct ps_snapshot *s)
{
	struct ev	*e = push(ctx, EV_SNAPSHOT, s->line);

	e->has_stamp = s->stamp != NULL;
	if (s->stamp != NULL)
		e->stamp = *s->stamp;
	keep(e->os, sizeof e->os, s->os, NULL);
	keep(e->os_version, sizeof e->os_version, s->os_version,
	    &e->has_os_version);
}

static inline void
on_socket(void *ctx, const struct ps_socket *k)
{
	struct ev	*e = push(ctx, EV_SOCKET, k->line);
	size_t		 i;

	ck_assert(k->family == 4 || k->family == 6);
	ck_assert(k->nmore == 0 || k->more != NULL);
	ck_assert_uint_le(k->nmore, SOCKET_OWNERS_MAX - 1);
	for (i = 0; i < k->nmore; i++) {
		e->more_pid[i] = k->more[i].pid;
		keep(e->more_process[i], sizeof e->more_process[i],
		    k->more[i].process, NULL);
	}
	e->sock.more = NULL;

	e->sock = *k;
	keep(e->state_raw, sizeof e->state_raw, k->state_raw,
	    &e->has_state_raw);
	keep(e->process, sizeof e->process, k->process, &e->has_process);
	keep(e->service, sizeof e->service, k->service, &e->has_service);
	keep(e->owner, sizeof e->owner, k->owner, &e->has_owner);
	e->sock.state_raw = e->sock.process = e->sock.service =
	    e->sock.owner = NULL;
}

static inline void
on_process(void *ctx, const struct ps_process *p)
{
	struct ev	*e = push(ctx, EV_PROCESS, p->line);

	e->pid = p->pid;
	keep(e->image, sizeof e->image, p->image, NULL);
}

static inline void
on_range(void *ctx, const struct ps_range *r)
{
	struct ev	*e = push(ctx, EV_RANGE, r->line);

	e->range = *r;
	keep(e->source, sizeof e->source, r->source, NULL);
	e->range.source = NULL;
}

static inline void
on_issue(void *ctx, unsigned long line, const char *reason, const char *text)
{
	struct ev	*e = push(ctx, EV_ISSUE, line);

	ck_assert_ptr_nonnull(reason);
	keep(e->reason, sizeof e->reason, reason, NULL);
	keep(e->text, sizeof e->text, text, NULL);
	e->textlen = text != NULL ? strlen(text) : 0;
}

static inline void
on_skipped(void *ctx, const char *what, unsigned long line)
{
	struct ev	*e = push(ctx, EV_SKIPPED, line);

	keep(e->reason, sizeof e->reason, what, NULL);
}

static inline void
on_flow(void *ctx, const struct ps_flow *f)
{
	struct ev	*e = push(ctx, EV_FLOW, f->line);

	ck_assert(f->family == 4 || f->family == 6);
	e->flow = *f;
	keep(e->state_raw, sizeof e->state_raw, f->state_raw,
	    &e->has_state_raw);
	e->flow.state_raw = NULL;
}

static inline void
sink_init(struct ps_sink *sink, struct rec *r)
{
	memset(sink, 0, sizeof *sink);
	sink->ctx = r;
	sink->snapshot = on_snapshot;
	sink->socket = on_socket;
	sink->process = on_process;
	sink->range = on_range;
	sink->issue = on_issue;
	sink->skipped = on_skipped;
	sink->flow = on_flow;
}

/* Options for the parser under test (--columns); NULL: none. */
static const struct parse_opts *record_opts;

/* Feed lines[0..NULL) as lines 1, 2, ... and record what comes out. */
static inline struct rec *
run(const char *const *lines)
{
	struct rec	*r;
	struct ps_sink	 sink;
	void		*st;
	size_t		 i;

	r = calloc(1, sizeof *r);
	ck_assert_ptr_nonnull(r);
	sink_init(&sink, r);
	st = RECORD_FORMAT.open(&sink, record_opts);
	ck_assert_ptr_nonnull(st);
	for (i = 0; lines[i] != NULL; i++)
		RECORD_FORMAT.line(st, lines[i], strlen(lines[i]),
		    (unsigned long)i + 1);
	RECORD_FORMAT.close(st);
	return r;
}

/* Decode a file and feed its lines; *nlines gets how many. */
static inline struct rec *
run_file(const char *path, unsigned long *nlines)
{
	struct rec	*r;
	struct ps_sink	 sink;
	struct decoder	*d;
	const char	*line;
	char		 err[256];
	size_t		 len;
	unsigned long	 lineno = 0;
	FILE		*fp;
	void		*st;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s: cannot open", path);
	d = decoder_open(fp, NULL, NULL, NULL, err, sizeof err);
	ck_assert_msg(d != NULL, "%s: %s", path, err);
	r = calloc(1, sizeof *r);
	ck_assert_ptr_nonnull(r);
	sink_init(&sink, r);
	st = RECORD_FORMAT.open(&sink, record_opts);
	while (decoder_next(d, &line, &len, &lineno) == 1)
		RECORD_FORMAT.line(st, line, len, lineno);
	RECORD_FORMAT.close(st);
	decoder_close(d);
	fclose(fp);
	*nlines = lineno;
	return r;
}

static inline void
rec_free(struct rec *r)
{
	free(r->ev);
	free(r);
}

static inline size_t
count(const struct rec *r, enum kind kind)
{
	size_t	i, n = 0;

	for (i = 0; i < r->n; i++)
		if (r->ev[i].kind == kind)
			n++;
	return n;
}

/* The i-th event of a kind (from 0); fails the test when there is none. */
static inline const struct ev *
nth(const struct rec *r, enum kind kind, size_t want)
{
	size_t	i, n = 0;

	for (i = 0; i < r->n; i++)
		if (r->ev[i].kind == kind && n++ == want)
			return &r->ev[i];
	ck_abort_msg("no event %zu of kind %d (%zu of it recorded)", want,
	    (int)kind, count(r, kind));
	return NULL;
}

static inline const struct ps_socket *
sock(const struct rec *r, size_t i)
{
	return &nth(r, EV_SOCKET, i)->sock;
}

/* Which snapshot (0, 1, ...) the i-th event of a kind falls in. */
static inline int
snapshot_of(const struct rec *r, enum kind kind, size_t want)
{
	size_t	i, n = 0;
	int	snap = -1;

	for (i = 0; i < r->n; i++) {
		if (r->ev[i].kind == EV_SNAPSHOT)
			snap++;
		else if (r->ev[i].kind == kind && n++ == want)
			return snap;
	}
	ck_abort_msg("no event %zu of kind %d", want, (int)kind);
	return -2;
}

static inline int
snapshot_of_socket(const struct rec *r, size_t want)
{
	return snapshot_of(r, EV_SOCKET, want);
}

static inline void
assert_no_issues(const struct rec *r)
{
	if (count(r, EV_ISSUE) != 0) {
		const struct ev *e = nth(r, EV_ISSUE, 0);

		ck_abort_msg("unexpected issue at line %lu: %s [%s]", e->line,
		    e->reason, e->text);
	}
}

/* The issue at a line, or NULL. */
static inline const struct ev *
issue_at(const struct rec *r, unsigned long line)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		if (r->ev[i].kind == EV_ISSUE && r->ev[i].line == line)
			return &r->ev[i];
	return NULL;
}

/* Read a binary file through fmt->read (pcap) and record what comes out. */
static inline struct rec *
run_read(const struct format *fmt, const char *path)
{
	struct rec	*r;
	struct ps_sink	 sink;
	char		 err[256];
	FILE		*fp;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s: cannot open", path);
	r = calloc(1, sizeof *r);
	ck_assert_ptr_nonnull(r);
	sink_init(&sink, r);
	err[0] = '\0';
	ck_assert_msg(fmt->read(fp, &sink, record_opts, err, sizeof err) == 0,
	    "%s: %s", path, err);
	ck_assert_int_eq(fclose(fp), 0);	/* read() left it open */
	return r;
}

#endif /* TESTS_RECORDER_H */
