/*
 * zeek_conn.c — Zeek (Bro) conn.log, one connection a record, as flows.
 *
 * Reads both forms Zeek writes:
 *
 * - TSV: the "#separator \x09" header block ("#set_separator",
 *   "#empty_field", "#unset_field", "#path", "#open", "#fields", "#types"),
 *   rows split at the separator, columns found by their #fields names, a
 *   "#close" line; several logs concatenated (a new #separator or #fields
 *   block starts over), rows of other logs (#path dns, ...) counted as
 *   skipped;
 * - JSON (LogAscii::use_json): one flat object a line, "id.orig_h",
 *   "id.orig_p", "id.resp_h", "id.resp_p", "proto", "conn_state",
 *   "history", "ts" (a number, or ISO 8601 with json_timestamps), "duration"
 *   and the packet and byte counts.  The object is read by a small strict
 *   tokenizer written here (no JSON library): strings with their escapes,
 *   numbers, true/false/null; nested arrays and objects (tunnel_parents) are
 *   skipped, bounded by JSON_DEPTH.  An object that is not valid JSON is an
 *   issue, as is a conn record without the five-tuple.
 *
 * Each record is one flow from the originator's side: local = id.orig_*,
 * first_seen = ts (FLOW_CLOCK_EPOCH), last_seen = ts + duration (ts when
 * duration is unset).  Zeek writes no time for the events inside a
 * connection, so they are placed on what it does say:
 *
 * - the handshake at ts: syn_at when the originator's SYN was seen (an 'S'
 *   in history; without history, a conn_state that implies it),
 *   answered_at when an 'h' is in history or conn_state says the
 *   connection was established;
 * - the ends (FINs and RSTs) at last_seen, in the order history shows
 *   them: the last one at last_seen, each one before it 1 microsecond
 *   earlier (never before ts).  SF without F and f in history: the
 *   originator is taken to have closed first.
 *
 * conn_state (state_raw keeps it) gives the state at the end from the
 * originator's side:
 *
 *	S0	SYN_SENT	SYN, never answered (syns = orig_pkts)
 *	S1	ESTABLISHED	established, not closed
 *	SF	TIME_WAIT	closed normally, originator first
 *		CLOSED		closed normally, responder first
 *	REJ	CLOSED		refused: reset by the responder, refused = 1
 *	S2	FIN_WAIT_2	originator's FIN only
 *	S3	CLOSE_WAIT	responder's FIN only
 *	RSTO	CLOSED		reset by the originator (RSTOS0 too)
 *	RSTR	CLOSED		reset by the responder (RSTRH too)
 *	SH	FIN_WAIT_1	SYN then FIN from the originator, no answer
 *	SHR	CLOSE_WAIT	responder's SYN-ACK then FIN, SYN not seen
 *	OTH	ESTABLISHED	midstream, no SYN seen (CLOSED after a RST)
 *
 * History letters: upper case from the originator, lower case from the
 * responder; a '^' says Zeek flipped the roles, and the letters written
 * before it are turned round.  With a history, local_opened is 1 exactly
 * when it holds an 'S' (else -1, midstream 1); without one, conn_state
 * decides (SHR, RSTRH and OTH are midstream).  UDP records carry no TCP
 * events: ESTABLISHED, local_opened -1.  ICMP and other protocols are
 * counted as skipped.
 *
 * No allocation per line: TSV cells and JSON numbers point into the line;
 * JSON strings are decoded into fixed buffers here.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/addr.h"
#include "parsers/flowtime.h"
#include "parsers/format.h"
#include "parsers/lex.h"

#define MAXCOLS		128	/* #fields columns mapped */
#define STR_MAX		96	/* bytes kept of a JSON string value */
#define KEY_MAX		64	/* longest JSON key compared */
#define JSON_DEPTH	16	/* nesting skipped inside a value */
#define MARK_MAX	32	/* #unset_field, #empty_field */
#define HIST_MAX	64	/* history letters read */
#define END_STEP	1e-6	/* between two ends placed at last_seen */

/* The conn.log fields read. */
enum zfield {
	Z_NONE = -1,
	Z_TS,
	Z_ORIG_H,
	Z_ORIG_P,
	Z_RESP_H,
	Z_RESP_P,
	Z_PROTO,
	Z_DURATION,
	Z_ORIG_BYTES,
	Z_RESP_BYTES,
	Z_CONN_STATE,
	Z_HISTORY,
	Z_ORIG_PKTS,
	Z_RESP_PKTS,
	Z_PATH,		/* JSON streaming logs: which log a line belongs to */
	Z__COUNT
};

static const char *const znames[Z__COUNT] = {
	"ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto",
	"duration", "orig_bytes", "resp_bytes", "conn_state", "history",
	"orig_pkts", "resp_pkts", "_path"
};

/* The ends of a connection, in the bits of zstate.ends. */
enum end_kind {
	END_LFIN,	/* originator's FIN */
	END_RFIN,	/* responder's FIN */
	END_LRST,	/* originator's RST */
	END_RRST,	/* responder's RST */
	END__COUNT
};

#define BIT(k)	(1u << (k))

/*
 * conn_state: the state at the end (ST_UNKNOWN: from the ends seen), whether
 * it implies the originator's SYN and an answer, and the ends it implies.
 */
static const struct zstate {
	const char	*name;
	enum state	 st;
	int		 syn;
	int		 answered;
	unsigned	 ends;
} zstates[] = {
	{ "S0",		ST_SYN_SENT,	1, 0, 0 },
	{ "S1",		ST_ESTABLISHED,	1, 1, 0 },
	{ "SF",		ST_UNKNOWN,	1, 1, BIT(END_LFIN) | BIT(END_RFIN) },
	{ "REJ",	ST_CLOSED,	1, 0, BIT(END_RRST) },
	{ "S2",		ST_FIN_WAIT_2,	1, 1, BIT(END_LFIN) },
	{ "S3",		ST_CLOSE_WAIT,	1, 1, BIT(END_RFIN) },
	{ "RSTO",	ST_CLOSED,	1, 1, BIT(END_LRST) },
	{ "RSTOS0",	ST_CLOSED,	1, 0, BIT(END_LRST) },
	{ "RSTR",	ST_CLOSED,	1, 1, BIT(END_RRST) },
	{ "RSTRH",	ST_CLOSED,	0, 1, BIT(END_RRST) },
	{ "SH",		ST_FIN_WAIT_1,	1, 0, BIT(END_LFIN) },
	{ "SHR",	ST_CLOSE_WAIT,	0, 1, BIT(END_RFIN) },
	{ "OTH",	ST_UNKNOWN,	0, 0, 0 },
};

#define NZSTATES	(sizeof(zstates) / sizeof(zstates[0]))

/* One record's values: pointers into the line or into zeek.str. */
struct zrec {
	const char	*v[Z__COUNT];
	size_t		 len[Z__COUNT];
	int		 set[Z__COUNT];
};

struct zeek {
	const struct ps_sink	*sink;

	/* TSV: the current log's header block. */
	char			 sep;
	int			 have_fields;	/* a #fields line was read */
	int			 other_path;	/* #path is not conn */
	size_t			 nfields;	/* names on #fields */
	enum zfield		 col[MAXCOLS];	/* field of column i */
	char			 unset[MARK_MAX];
	char			 empty[MARK_MAX];
	int			 told_nofields;

	/* JSON string values, decoded. */
	char			 str[Z__COUNT][STR_MAX];

	struct ps_flow		 flow;
	char			 state_raw[16];
	struct state_seen	 unknown;
};

static void
issue(struct zeek *z, unsigned long lineno, const char *reason,
    const char *text)
{
	z->sink->issue(z->sink->ctx, lineno, reason, text);
}

static int
is(const char *p, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(p, word, len) == 0;
}

static enum zfield
field_named(const char *p, size_t len)
{
	int	i;

	for (i = 0; i < Z__COUNT; i++)
		if (is(p, len, znames[i]))
			return (enum zfield)i;
	return Z_NONE;
}

/*
 * The history, read: where each end first shows (-1: not there), whether
 * the originator's SYN and the responder's SYN-ACK were seen.
 */
struct hist {
	int	present;
	int	syn, synack;
	int	pos[END__COUNT];
};

static int
read_history(const char *p, size_t len, struct hist *h)
{
	size_t	i, flip = 0;
	int	k;
	char	c;

	memset(h, 0, sizeof *h);
	for (k = 0; k < END__COUNT; k++)
		h->pos[k] = -1;
	if (len == 0)
		return 1;
	if (len > HIST_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (p[i] == '^')
			flip = i + 1;
		else if (!((p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= 'a' && p[i] <= 'z')))
			return 0;
	}
	h->present = 1;
	for (i = 0; i < len; i++) {
		c = p[i];
		if (c == '^')
			continue;
		if (i < flip)		/* written before the roles flipped */
			c = c >= 'a' ? (char)(c - 'a' + 'A') :
			    (char)(c - 'A' + 'a');
		switch (c) {
		case 'S':
			h->syn = 1;
			break;
		case 'h':
			h->synack = 1;
			break;
		case 'F':
			k = END_LFIN;
			goto end;
		case 'f':
			k = END_RFIN;
			goto end;
		case 'R':
			k = END_LRST;
			goto end;
		case 'r':
			k = END_RRST;
		end:
			if (h->pos[k] < 0)
				h->pos[k] = (int)i;
			break;
		default:
			break;
		}
	}
	return 1;
}

/* The state from the ends seen (SF, OTH), as flows.c tells it. */
static enum state
state_of_ends(const double *at, const int *rank)
{
	if (at[END_LRST] != FLOW_NEVER || at[END_RRST] != FLOW_NEVER)
		return ST_CLOSED;
	if (at[END_LFIN] != FLOW_NEVER && at[END_RFIN] != FLOW_NEVER)
		return rank[END_LFIN] < rank[END_RFIN] ? ST_TIME_WAIT :
		    ST_CLOSED;
	if (at[END_LFIN] != FLOW_NEVER)
		return ST_FIN_WAIT_2;
	if (at[END_RFIN] != FLOW_NEVER)
		return ST_CLOSE_WAIT;
	return ST_ESTABLISHED;
}

/*
 * Place the ends on last_seen: ordered by where history shows them (ends
 * only conn_state implies come after, originator's before responder's),
 * the last at `end`, each earlier one END_STEP before the next, none
 * before ts.
 */
static void
place_ends(unsigned ends, const struct hist *h, double ts, double end,
    double *at, int *rank)
{
	int	order[END__COUNT], pos[END__COUNT];
	int	n = 0, i, j, k, t;

	for (k = 0; k < END__COUNT; k++) {
		at[k] = FLOW_NEVER;
		rank[k] = END__COUNT;
		if (!(ends & BIT(k)))
			continue;
		pos[k] = h->pos[k] >= 0 ? h->pos[k] : HIST_MAX + 1 + k;
		order[n++] = k;
	}
	for (i = 1; i < n; i++)		/* insertion sort of at most four */
		for (j = i; j > 0 && pos[order[j - 1]] > pos[order[j]]; j--) {
			t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (i = 0; i < n; i++) {
		rank[order[i]] = i;
		at[order[i]] = end - (double)(n - 1 - i) * END_STEP;
		if (at[order[i]] < ts)
			at[order[i]] = ts;
	}
}

static int
endpoint_of(const struct zrec *r, enum zfield h, enum zfield p,
    struct endpoint *ep)
{
	int	family;

	memset(ep, 0, sizeof *ep);
	if ((family = addr_canon(r->v[h], r->len[h], ep->addr,
	    sizeof ep->addr)) == 0)
		return 0;
	if ((ep->port = lex_port(r->v[p], r->len[p])) < 0)
		return 0;
	ep->numeric = 1;
	return family;
}

static int
count_of(const struct zrec *r, enum zfield f, unsigned long long *v)
{
	*v = 0;
	return !r->set[f] || flowtime_count(r->v[f], r->len[f], v);
}

/* The TCP events and state of a flow, from conn_state and history. */
static void
tcp_events(struct zeek *z, const struct zrec *r, const struct hist *h,
    double ts, double end, unsigned long long orig_pkts, unsigned long lineno,
    const char *line)
{
	struct ps_flow		*f = &z->flow;
	const struct zstate	*zs = NULL;
	double			 at[END__COUNT];
	int			 rank[END__COUNT];
	unsigned		 ends = 0;
	size_t			 i;
	int			 k, syn, first;
	char			 reason[160];

	if (r->set[Z_CONN_STATE]) {
		for (i = 0; i < NZSTATES; i++)
			if (is(r->v[Z_CONN_STATE], r->len[Z_CONN_STATE],
			    zstates[i].name))
				zs = &zstates[i];
		if (zs == NULL && state_unknown_once(&z->unknown,
		    z->state_raw, reason, sizeof reason))
			issue(z, lineno, reason, line);
	}
	syn = h->present ? h->syn : zs != NULL && zs->syn;
	f->local_opened = syn ? 1 : -1;
	f->midstream = !syn && (h->present || zs != NULL);
	if (syn) {
		f->syn_at = ts;
		f->syns = zs != NULL && strcmp(zs->name, "S0") == 0 &&
		    orig_pkts > 0 ? (unsigned long)orig_pkts : 1;
	}
	if (h->synack || (zs != NULL && zs->answered))
		f->answered_at = ts;

	if (zs != NULL)
		ends = zs->ends;
	for (k = 0; k < END__COUNT; k++)
		if (h->pos[k] >= 0)
			ends |= BIT(k);
	place_ends(ends, h, ts, end, at, rank);
	f->local_fin_at = at[END_LFIN];
	f->remote_fin_at = at[END_RFIN];
	first = -1;
	if (at[END_LRST] != FLOW_NEVER)
		first = END_LRST;
	if (at[END_RRST] != FLOW_NEVER && (first < 0 ||
	    rank[END_RRST] < rank[END_LRST]))
		first = END_RRST;
	if (first >= 0) {
		f->reset_at = at[first];
		f->reset_by = first == END_LRST ? FLOW_SIDE_LOCAL :
		    FLOW_SIDE_REMOTE;
	}
	f->refused = zs != NULL && strcmp(zs->name, "REJ") == 0;

	if (zs == NULL)
		f->state = r->set[Z_CONN_STATE] ? ST_UNKNOWN :
		    state_of_ends(at, rank);
	else if (zs->st == ST_UNKNOWN)
		f->state = state_of_ends(at, rank);
	else
		f->state = zs->st;
}

/* A record of either form, turned into a flow (or an issue). */
static void
record(struct zeek *z, const struct zrec *r, unsigned long lineno,
    const char *line)
{
	struct ps_flow		*f = &z->flow;
	struct hist		 h;
	unsigned long long	 op, rp, ob, rb;
	double			 ts, dur = 0;
	int			 lf, rf, i;

	if (r->set[Z_PATH] && !is(r->v[Z_PATH], r->len[Z_PATH], "conn")) {
		z->sink->skipped(z->sink->ctx, "zeek log other than conn",
		    lineno);
		return;
	}
	for (i = Z_TS; i <= Z_PROTO; i++)
		if (!r->set[i]) {
			char reason[96];

			snprintf(reason, sizeof reason, "conn.log record "
			    "without %s", znames[i]);
			issue(z, lineno, reason, line);
			return;
		}
	if (!is(r->v[Z_PROTO], r->len[Z_PROTO], "tcp") &&
	    !is(r->v[Z_PROTO], r->len[Z_PROTO], "udp")) {
		z->sink->skipped(z->sink->ctx, is(r->v[Z_PROTO],
		    r->len[Z_PROTO], "icmp") ? "icmp" : "other protocol",
		    lineno);
		return;
	}
	memset(f, 0, sizeof *f);
	f->proto = is(r->v[Z_PROTO], r->len[Z_PROTO], "tcp") ? PROTO_TCP :
	    PROTO_UDP;
	if ((lf = endpoint_of(r, Z_ORIG_H, Z_ORIG_P, &f->local)) == 0 ||
	    (rf = endpoint_of(r, Z_RESP_H, Z_RESP_P, &f->remote)) == 0) {
		issue(z, lineno, "conn.log record whose address or port is "
		    "not a number", line);
		return;
	}
	if (lf != rf) {
		issue(z, lineno, "conn.log record with an IPv4 and an IPv6 "
		    "address", line);
		return;
	}
	f->family = lf;
	if (!flowtime_number(r->v[Z_TS], r->len[Z_TS], &ts) &&
	    !flowtime_iso(r->v[Z_TS], r->len[Z_TS], &ts)) {
		issue(z, lineno, "conn.log ts that is not a time", line);
		return;
	}
	if (r->set[Z_DURATION] && (!flowtime_number(r->v[Z_DURATION],
	    r->len[Z_DURATION], &dur) || dur < 0)) {
		issue(z, lineno, "conn.log duration that is not a number of "
		    "seconds", line);
		return;
	}
	if (!count_of(r, Z_ORIG_PKTS, &op) || !count_of(r, Z_RESP_PKTS, &rp) ||
	    !count_of(r, Z_ORIG_BYTES, &ob) || !count_of(r, Z_RESP_BYTES, &rb)) {
		issue(z, lineno, "conn.log packet or byte count that is not a "
		    "number", line);
		return;
	}
	if (!read_history(r->set[Z_HISTORY] ? r->v[Z_HISTORY] : "",
	    r->set[Z_HISTORY] ? r->len[Z_HISTORY] : 0, &h)) {
		issue(z, lineno, "conn.log history with letters Zeek does not "
		    "write", line);
		return;
	}

	f->clock = FLOW_CLOCK_EPOCH;
	f->first_seen = ts;
	f->last_seen = ts + dur;
	f->syn_at = f->answered_at = FLOW_NEVER;
	f->local_fin_at = f->remote_fin_at = f->reset_at = FLOW_NEVER;
	f->reset_by = FLOW_SIDE_NONE;
	f->packets = (unsigned long)(op + rp);
	f->bytes = ob + rb;
	f->line = lineno;
	f->state_raw = NULL;
	if (r->set[Z_CONN_STATE]) {
		lex_copy(z->state_raw, sizeof z->state_raw, r->v[Z_CONN_STATE],
		    r->len[Z_CONN_STATE]);
		f->state_raw = z->state_raw;
	}
	if (f->proto == PROTO_UDP) {
		f->local_opened = -1;
		f->state = ST_ESTABLISHED;
	} else
		tcp_events(z, r, &h, ts, f->last_seen, op, lineno, line);
	assert(f->last_seen >= f->first_seen);
	z->sink->flow(z->sink->ctx, f);
}

/*
 * JSON: a strict tokenizer for one flat object a line.
 */

static const char *
ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	return p;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The string at *pp (its opening quote) decoded into dst (cut to dstlen -
 * 1, *cut says so; dst may be NULL to skip it); *pp moves past it.  A
 * \u escape outside ASCII is kept as '?'.  0 when it is no valid string.
 */
static int
json_string(const char **pp, const char *end, char *dst, size_t dstlen,
    size_t *outlen, int *cut)
{
	const char	*p = *pp;
	size_t		 n = 0;
	int		 i, h, u;
	char		 c;

	assert(p < end && *p == '"');
	*cut = 0;
	for (p++; p < end; p++) {
		c = *p;
		if (c == '"')
			break;
		if ((unsigned char)c < 0x20)
			return 0;
		if (c == '\\') {
			if (++p == end)
				return 0;
			switch (*p) {
			case '"': case '\\': case '/':
				c = *p;
				break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'u':
				if (end - p < 5)
					return 0;
				for (u = 0, i = 1; i <= 4; i++) {
					if ((h = hexval(p[i])) < 0)
						return 0;
					u = u * 16 + h;
				}
				p += 4;
				c = u > 0 && u < 0x80 ? (char)u : '?';
				break;
			default:
				return 0;
			}
		}
		if (dst == NULL)
			continue;
		if (n + 1 < dstlen)
			dst[n++] = c;
		else
			*cut = 1;
	}
	if (p == end)
		return 0;
	if (dst != NULL)
		dst[n] = '\0';
	if (outlen != NULL)
		*outlen = n;
	*pp = p + 1;
	return 1;
}

/* A number's text at *pp (grammar checked by flowtime_number later). */
static int
json_number(const char **pp, const char *end, size_t *len)
{
	const char	*p = *pp;

	while (p < end && ((*p >= '0' && *p <= '9') || *p == '-' ||
	    *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
		p++;
	if (p == *pp)
		return 0;
	*len = (size_t)(p - *pp);
	*pp = p;
	return 1;
}

/* Skip a nested array or object at *pp, at most JSON_DEPTH deep. */
static int
json_skip_nested(const char **pp, const char *end)
{
	char		 stack[JSON_DEPTH];
	const char	*p = *pp;
	size_t		 depth = 0, len;
	int		 cut;

	while (p < end) {
		if (*p == '{' || *p == '[') {
			if (depth == JSON_DEPTH)
				return 0;
			stack[depth++] = *p == '{' ? '}' : ']';
			p++;
		} else if (*p == '}' || *p == ']') {
			if (depth == 0 || stack[depth - 1] != *p)
				return 0;
			p++;
			if (--depth == 0) {
				*pp = p;
				return 1;
			}
		} else if (*p == '"') {
			if (!json_string(&p, end, NULL, 0, NULL, &cut))
				return 0;
		} else if (*p == ',' || *p == ':' || *p == ' ' || *p == '\t' ||
		    *p == '\r' || *p == '\n')
			p++;
		else if (end - p >= 4 && (memcmp(p, "true", 4) == 0 ||
		    memcmp(p, "null", 4) == 0))
			p += 4;
		else if (end - p >= 5 && memcmp(p, "false", 5) == 0)
			p += 5;
		else if (!json_number(&p, end, &len))
			return 0;
	}
	return 0;
}

/* One value at *pp: kept in r (field f) when f is not Z_NONE. */
static int
json_value(struct zeek *z, const char **pp, const char *end, enum zfield f,
    struct zrec *r)
{
	const char	*p = *pp, *start = p;
	size_t		 len;
	int		 cut;

	if (p == end)
		return 0;
	if (*p == '"') {
		if (f == Z_NONE)
			return json_string(pp, end, NULL, 0, NULL, &cut);
		if (!json_string(pp, end, z->str[f], sizeof z->str[f], &len,
		    &cut))
			return 0;
		r->v[f] = z->str[f];
		r->len[f] = cut ? sizeof z->str[f] : len;	/* too long */
		r->set[f] = 1;
		return 1;
	}
	if (*p == '{' || *p == '[')		/* nested: skipped */
		return json_skip_nested(pp, end) && f == Z_NONE;
	if (end - p >= 4 && memcmp(p, "null", 4) == 0) {
		*pp = p + 4;
		if (f != Z_NONE)
			r->set[f] = 0;
		return 1;
	}
	if (end - p >= 4 && memcmp(p, "true", 4) == 0) {
		*pp = p + 4;
		return f == Z_NONE;
	}
	if (end - p >= 5 && memcmp(p, "false", 5) == 0) {
		*pp = p + 5;
		return f == Z_NONE;
	}
	if (!json_number(pp, end, &len))
		return 0;
	if (f != Z_NONE) {
		r->v[f] = start;
		r->len[f] = len;
		r->set[f] = 1;
	}
	return 1;
}

/* A JSON line: 1 when it was a valid flat object (then r is filled). */
static int
json_object(struct zeek *z, const char *p, const char *end, struct zrec *r,
    const char **why)
{
	char		 key[KEY_MAX];
	enum zfield	 f;
	size_t		 klen;
	int		 cut, seen[Z__COUNT];

	memset(r, 0, sizeof *r);
	memset(seen, 0, sizeof seen);
	*why = "line that is not a valid JSON object";
	p = ws(p, end);
	if (p == end || *p++ != '{')
		return 0;
	p = ws(p, end);
	if (p < end && *p == '}')
		return ws(p + 1, end) == end;
	for (;;) {
		if (p == end || *p != '"' ||
		    !json_string(&p, end, key, sizeof key, &klen, &cut))
			return 0;
		f = cut ? Z_NONE : field_named(key, klen);
		p = ws(p, end);
		if (p == end || *p++ != ':')
			return 0;
		p = ws(p, end);
		if (f != Z_NONE && seen[f]++) {
			*why = "JSON object with a conn.log field twice";
			return 0;
		}
		if (!json_value(z, &p, end, f, r)) {
			if (f != Z_NONE)
				*why = "JSON object with a conn.log field of "
				    "the wrong type";
			return 0;
		}
		p = ws(p, end);
		if (p == end)
			return 0;
		if (*p == '}')
			break;
		if (*p++ != ',')
			return 0;
		p = ws(p, end);
	}
	return ws(p + 1, end) == end;
}

static void
json_line(struct zeek *z, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	struct zrec	 r;
	const char	*why;

	if (!json_object(z, p, p + len, &r, &why)) {
		issue(z, lineno, why, line);
		return;
	}
	if (!r.set[Z_CONN_STATE] && !r.set[Z_PATH]) {
		issue(z, lineno, "JSON object without conn_state: not a "
		    "conn.log record", line);
		return;
	}
	record(z, &r, lineno, line);
}

/*
 * TSV.
 */

/* "\x09" (or a plain character) after "#separator ": the separator. */
static int
separator_of(const char *p, size_t len, char *sep)
{
	int	hi, lo;

	if (len == 4 && p[0] == '\\' && p[1] == 'x' &&
	    (hi = hexval(p[2])) >= 0 && (lo = hexval(p[3])) >= 0 &&
	    hi * 16 + lo != 0) {
		*sep = (char)(hi * 16 + lo);
		return 1;
	}
	if (len == 1 && p[0] != '\0') {
		*sep = p[0];
		return 1;
	}
	return 0;
}

/* The value of a "#name<sep>value" header line, or NULL. */
static const char *
header_value(const struct zeek *z, const char *p, size_t len,
    const char *name, size_t *vlen)
{
	size_t	n = strlen(name);

	if (len <= n || memcmp(p, name, n) != 0 || p[n] != z->sep)
		return NULL;
	*vlen = len - n - 1;
	return p + n + 1;
}

static void
fields_line(struct zeek *z, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	const char	*end = p + len, *q;
	int		 has[Z__COUNT];
	enum zfield	 f;
	int		 i;

	memset(has, 0, sizeof has);
	z->nfields = 0;
	while (p <= end) {
		for (q = p; q < end && *q != z->sep; q++)
			;
		f = field_named(p, (size_t)(q - p));
		if (z->nfields < MAXCOLS)
			z->col[z->nfields] = f;
		if (f != Z_NONE)
			has[f] = 1;
		z->nfields++;
		p = q + 1;
	}
	z->have_fields = 1;
	for (i = Z_TS; i <= Z_PROTO; i++)
		if (!has[i] && !z->other_path) {
			char reason[128];

			snprintf(reason, sizeof reason, "#fields without %s: "
			    "its rows cannot be read as connections",
			    znames[i]);
			issue(z, lineno, reason, line);
			z->have_fields = 0;
			return;
		}
}

/* A "#..." line: the header block of a TSV log. */
static void
hash_line(struct zeek *z, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	const char	*v;
	size_t		 vlen;

	if (lex_starts_with(p, len, "#separator ")) {
		if (!separator_of(p + 11, len - 11, &z->sep)) {
			issue(z, lineno, "#separator that cannot be read: "
			    "tab kept", line);
			z->sep = '\t';
		}
		z->have_fields = 0;	/* a new log starts */
		z->other_path = 0;
		z->told_nofields = 0;
		return;
	}
	if ((v = header_value(z, p, len, "#unset_field", &vlen)) != NULL)
		lex_copy(z->unset, sizeof z->unset, v, vlen);
	else if ((v = header_value(z, p, len, "#empty_field", &vlen)) != NULL)
		lex_copy(z->empty, sizeof z->empty, v, vlen);
	else if ((v = header_value(z, p, len, "#path", &vlen)) != NULL)
		z->other_path = !is(v, vlen, "conn");
	else if ((v = header_value(z, p, len, "#fields", &vlen)) != NULL)
		fields_line(z, v, vlen, lineno, line);
	/* #set_separator, #open, #types, #close, comments: nothing to keep */
}

static void
tsv_line(struct zeek *z, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	struct zrec	 r;
	const char	*end = p + len, *q;
	size_t		 i = 0;
	enum zfield	 f;
	char		 reason[128];

	if (!z->have_fields) {
		if (!z->told_nofields)
			issue(z, lineno, "conn.log row before a #fields line "
			    "naming its columns (reported once)", line);
		z->told_nofields = 1;
		return;
	}
	if (z->other_path) {
		z->sink->skipped(z->sink->ctx, "zeek log other than conn",
		    lineno);
		return;
	}
	memset(&r, 0, sizeof r);
	while (p <= end) {
		for (q = p; q < end && *q != z->sep; q++)
			;
		f = i < MAXCOLS && i < z->nfields ? z->col[i] : Z_NONE;
		if (f != Z_NONE && !is(p, (size_t)(q - p), z->unset) &&
		    !is(p, (size_t)(q - p), z->empty) && q > p) {
			r.v[f] = p;
			r.len[f] = (size_t)(q - p);
			r.set[f] = 1;
		}
		i++;
		p = q + 1;
	}
	if (i != z->nfields) {
		snprintf(reason, sizeof reason, "conn.log row with %zu fields "
		    "where #fields names %zu", i, z->nfields);
		issue(z, lineno, reason, line);
		return;
	}
	record(z, &r, lineno, line);
}

static void
zeek_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct zeek	*z = arg;
	const char	*p = line;

	while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == '\n'))
		len--;
	while (len > 0 && p[0] == ' ') {
		p++;
		len--;
	}
	if (len == 0)
		return;
	if (p[0] == '#')
		hash_line(z, p, len, lineno, line);
	else if (p[0] == '{')
		json_line(z, p, len, lineno, line);
	else
		tsv_line(z, p, len, lineno, line);
}

static void *
zeek_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct zeek	*z;

	(void)opts;
	if ((z = calloc(1, sizeof *z)) == NULL)
		return NULL;
	z->sink = sink;
	z->sep = '\t';
	snprintf(z->unset, sizeof z->unset, "-");
	snprintf(z->empty, sizeof z->empty, "(empty)");
	return z;
}

static void
zeek_close(void *arg)
{
	free(arg);
}

/*
 * A #fields line naming id.orig_h and conn_state, "#path conn", or a JSON
 * object with "id.orig_h" and "conn_state" keys: certainly conn.log.  The
 * "#separator \x09" line alone is some Zeek log.
 */
static int
zeek_sniff(const char *const *lines, size_t n)
{
	size_t	i;
	int	best = 0;

	for (i = 0; i < n; i++) {
		const char *l = lines[i];

		if (strncmp(l, "#fields", 7) == 0 &&
		    strstr(l, "id.orig_h") != NULL &&
		    strstr(l, "conn_state") != NULL)
			return 100;
		if ((strncmp(l, "#path\tconn", 10) == 0 ||
		    strncmp(l, "#path conn", 10) == 0) &&
		    (l[10] == '\0' || l[10] == '\r' || l[10] == '\n'))
			return 100;
		if (l[strspn(l, " \t")] == '{' &&
		    strstr(l, "\"id.orig_h\"") != NULL &&
		    strstr(l, "\"conn_state\"") != NULL)
			return 100;
		if (strncmp(l, "#separator \\x", 13) == 0 && best < 40)
			best = 40;
	}
	return best;
}

const struct format format_zeek_conn = {
	.name = "zeek-conn",
	.system = "Zeek",
	.commands = "zeek -r capture.pcap (conn.log, TSV or JSON with "
	    "LogAscii::use_json=T); several logs concatenated",
	.reads = "one flow per connection: originator and responder, "
	    "protocol, ts and duration, conn_state and history (SYN, answer, "
	    "FINs, RSTs), packets and bytes; ICMP and other logs skipped",
	.sniff = zeek_sniff,
	.open = zeek_open,
	.line = zeek_line,
	.close = zeek_close,
	.flows = 1,
};
