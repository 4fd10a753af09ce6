/*
 * flow_csv.c — a generic CSV (or TSV, or ';'-separated) list of
 * connections, one a row, as flows.
 *
 * Owns finding the columns.  Without --columns, the first line (after
 * blank lines and '#' comments) is a header, and its names are looked up
 * without regard to case, blanks, '_' and '-' ("Source Address", "src_ip",
 * "SrcIP" are one name):
 *
 *	laddr	 src source saddr srcaddr srcip sourceip sourceaddress
 *		 srcaddress localaddress localaddr laddr localip local
 *		 clientip client
 *	lport	 sport srcport sourceport localport lport clientport spt
 *	raddr	 dst dest destination daddr dstaddr dstip destip
 *		 destinationip destinationaddress dstaddress remoteaddress
 *		 remoteaddr raddr remoteip remote foreignaddress serverip server
 *	rport	 dport dstport destport destinationport remoteport rport
 *		 foreignport serverport dpt
 *	proto	 proto protocol transport
 *	state	 state status tcpstate connstate connectionstate
 *	start	 start starttime ts time timestamp firstseen begin stime
 *	end	 end endtime lastseen stop etime
 *	duration duration dur elapsed
 *	packets	 packets pkts packetcount frames totalpackets
 *	bytes	 bytes octets totalbytes
 *
 * Names with a '.' are never known: they are tshark -T fields names
 * (ip.src, tcp.srcport), which tshark_fields.c reads.  Without a port
 * column, the address cell must carry the port ("10.0.0.1:443",
 * "[2001:db8::1]:443").
 *
 * --columns "laddr=NAME_OR_NUMBER,lport=...,raddr=...,rport=...,proto=...,
 * state=...,start=...,end=...,duration=...,packets=...,bytes=..." names
 * the columns itself: a value is a header name (matched without regard to
 * case) or a 1-based column number.  laddr, lport, raddr and rport must be
 * given; an unknown key or a bad value is one issue at line 0 and no flows.
 * When every value is a number the file may have no header: its first line
 * is data when its laddr cell is a numeric address and its lport and rport
 * cells are port numbers, and a header otherwise (and skipped).
 *
 * A row is one flow, local = the laddr side, as the file gives it
 * (local_opened -1: a list does not say who sent the SYN).  No proto
 * column: TCP.  state: looked up in the state table (state.h), an unknown
 * word stored as UNKNOWN and reported once; no state column: UNKNOWN.
 * Times: a number of 1e8 or more is Unix seconds, a smaller one seconds on
 * a relative clock, ISO 8601 (no zone: UTC) Unix seconds; the first row
 * with a time decides the file's clock, and a row on another clock is an
 * issue.  last_seen is end, or start + duration, or start.  No time
 * column: FLOW_CLOCK_NONE, every time FLOW_NEVER.  Rows of another
 * protocol (icmp) are counted as skipped; the header repeated (appended
 * exports) is passed over.
 *
 * Each line is parsed on its own by libcsv (a quoted field cannot span
 * lines) into fixed cells; no allocation per line.
 */
#include <assert.h>
#include <csv.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/addr.h"
#include "parsers/flowtime.h"
#include "parsers/format.h"
#include "parsers/lex.h"

#define MAXCOLS		64	/* columns kept of a row */
#define CELL_MAX	128	/* bytes kept of a cell */
#define NAME_MAX_FC	64	/* longest column name in --columns */
#define EPOCH_MIN	1e8	/* a time this large is Unix seconds */

enum col {
	C_LADDR,
	C_LPORT,
	C_RADDR,
	C_RPORT,
	C_PROTO,
	C_STATE,
	C_START,
	C_END,
	C_DURATION,
	C_PACKETS,
	C_BYTES,
	C__COUNT
};

static const char *const keys[C__COUNT] = {
	"laddr", "lport", "raddr", "rport", "proto", "state", "start", "end",
	"duration", "packets", "bytes"
};

/* Header names, as norm() leaves them. */
static const struct {
	const char	*name;
	enum col	 c;
} known[] = {
	{ "src", C_LADDR }, { "source", C_LADDR }, { "saddr", C_LADDR },
	{ "srcaddr", C_LADDR }, { "srcip", C_LADDR }, { "sourceip", C_LADDR },
	{ "sourceaddress", C_LADDR }, { "srcaddress", C_LADDR },
	{ "localaddress", C_LADDR }, { "localaddr", C_LADDR },
	{ "laddr", C_LADDR }, { "localip", C_LADDR }, { "local", C_LADDR },
	{ "clientip", C_LADDR }, { "client", C_LADDR },
	{ "sport", C_LPORT }, { "srcport", C_LPORT }, { "sourceport", C_LPORT },
	{ "localport", C_LPORT }, { "lport", C_LPORT },
	{ "clientport", C_LPORT }, { "spt", C_LPORT },
	{ "dst", C_RADDR }, { "dest", C_RADDR }, { "destination", C_RADDR },
	{ "daddr", C_RADDR }, { "dstaddr", C_RADDR }, { "dstip", C_RADDR },
	{ "destip", C_RADDR }, { "destinationip", C_RADDR },
	{ "destinationaddress", C_RADDR }, { "dstaddress", C_RADDR },
	{ "remoteaddress", C_RADDR }, { "remoteaddr", C_RADDR },
	{ "raddr", C_RADDR }, { "remoteip", C_RADDR }, { "remote", C_RADDR },
	{ "foreignaddress", C_RADDR }, { "serverip", C_RADDR },
	{ "server", C_RADDR },
	{ "dport", C_RPORT }, { "dstport", C_RPORT }, { "destport", C_RPORT },
	{ "destinationport", C_RPORT }, { "remoteport", C_RPORT },
	{ "rport", C_RPORT }, { "foreignport", C_RPORT },
	{ "serverport", C_RPORT }, { "dpt", C_RPORT },
	{ "proto", C_PROTO }, { "protocol", C_PROTO }, { "transport", C_PROTO },
	{ "state", C_STATE }, { "status", C_STATE }, { "tcpstate", C_STATE },
	{ "connstate", C_STATE }, { "connectionstate", C_STATE },
	{ "start", C_START }, { "starttime", C_START }, { "ts", C_START },
	{ "time", C_START }, { "timestamp", C_START },
	{ "firstseen", C_START }, { "begin", C_START }, { "stime", C_START },
	{ "end", C_END }, { "endtime", C_END }, { "lastseen", C_END },
	{ "stop", C_END }, { "etime", C_END },
	{ "duration", C_DURATION }, { "dur", C_DURATION },
	{ "elapsed", C_DURATION },
	{ "packets", C_PACKETS }, { "pkts", C_PACKETS },
	{ "packetcount", C_PACKETS }, { "frames", C_PACKETS },
	{ "totalpackets", C_PACKETS },
	{ "bytes", C_BYTES }, { "octets", C_BYTES }, { "totalbytes", C_BYTES },
};

#define NKNOWN	(sizeof(known) / sizeof(known[0]))

enum mode {
	M_HEADER,	/* the next line is the header (or, maybe, data) */
	M_ROWS,
	M_DEAD		/* the columns cannot be found: nothing is read */
};

struct fcsv {
	const struct ps_sink	*sink;
	struct csv_parser	 csv;
	int			 csv_ok;
	enum mode		 mode;

	/* --columns, when given. */
	int			 mapped;
	int			 all_numeric;
	int			 map_num[C__COUNT];	/* 1-based, 0: none */
	char			 map_name[C__COUNT][NAME_MAX_FC];

	int			 col[C__COUNT];		/* 0-based, -1: none */
	size_t			 ncols_needed;		/* highest col + 1 */
	char			 head_laddr[CELL_MAX];	/* to spot repeats */

	/* The cells of the line being read. */
	char			 cell[MAXCOLS][CELL_MAX];
	size_t			 cell_len[MAXCOLS];
	size_t			 ncell;

	enum flow_clock		 clock;		/* NONE until a row says */
	struct ps_flow		 flow;
	char			 state_raw[CELL_MAX];
	struct state_seen	 unknown;
};

/* Lower case, without blanks, '_' and '-'; "" when it holds a '.'. */
static void
norm(const char *s, size_t len, char *out, size_t outlen)
{
	size_t	i, n = 0;

	for (i = 0; i < len && n + 1 < outlen; i++) {
		if (s[i] == '.') {
			n = 0;
			break;
		}
		if (s[i] == ' ' || s[i] == '_' || s[i] == '-' || s[i] == '\t' ||
		    s[i] == '"')
			continue;
		out[n++] = (char)tolower((unsigned char)s[i]);
	}
	out[n] = '\0';
}

static int
known_col(const char *s, size_t len)
{
	char	n[CELL_MAX];
	size_t	i;

	norm(s, len, n, sizeof n);
	for (i = 0; i < NKNOWN; i++)
		if (strcmp(n, known[i].name) == 0)
			return (int)known[i].c;
	return -1;
}

static void
cell_cb(void *s, size_t len, void *arg)
{
	struct fcsv	*w = arg;
	size_t		 i = w->ncell++;

	if (i >= MAXCOLS)
		return;
	if (s == NULL)
		len = 0;
	lex_copy(w->cell[i], sizeof w->cell[i], s != NULL ? s : "", len);
	w->cell_len[i] = len < CELL_MAX ? len : CELL_MAX - 1;
}

static void
split(struct fcsv *w, const char *p, size_t len)
{
	w->ncell = 0;
	csv_parse(&w->csv, p, len, cell_cb, NULL, w);
	csv_fini(&w->csv, cell_cb, NULL, w);
}

static void
dead(struct fcsv *w, unsigned long lineno, const char *reason,
    const char *text)
{
	w->sink->issue(w->sink->ctx, lineno, reason, text);
	w->mode = M_DEAD;
}

/* --columns: 1 when it could be read (w->map_* filled). */
static int
read_columns(struct fcsv *w, const char *s, char *why, size_t whylen)
{
	const char	*p = s, *comma, *eq, *end;
	size_t		 klen, vlen;
	int		 k, given[C__COUNT];

	memset(given, 0, sizeof given);
	w->all_numeric = 1;
	while (*p != '\0') {
		end = p + strlen(p);
		if ((comma = strchr(p, ',')) != NULL)
			end = comma;
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL) {
			snprintf(why, whylen, "--columns: \"%.*s\" is not "
			    "key=column", (int)(end - p), p);
			return 0;
		}
		klen = (size_t)(eq - p);
		vlen = (size_t)(end - eq - 1);
		for (k = 0; k < C__COUNT; k++)
			if (strlen(keys[k]) == klen &&
			    strncasecmp(keys[k], p, klen) == 0)
				break;
		if (k == C__COUNT) {
			snprintf(why, whylen, "--columns: unknown key \"%.*s\" "
			    "(known: laddr, lport, raddr, rport, proto, state, "
			    "start, end, duration, packets, bytes)", (int)klen,
			    p);
			return 0;
		}
		if (given[k]++) {
			snprintf(why, whylen, "--columns: %s given twice",
			    keys[k]);
			return 0;
		}
		if (vlen == 0 || vlen >= NAME_MAX_FC) {
			snprintf(why, whylen, "--columns: %s needs a column "
			    "name or number", keys[k]);
			return 0;
		}
		if (lex_digits(eq + 1, vlen)) {
			w->map_num[k] = atoi(eq + 1);
			if (w->map_num[k] < 1 || w->map_num[k] > MAXCOLS) {
				snprintf(why, whylen, "--columns: %s=%.*s: "
				    "columns are numbered from 1 to %d", keys[k],
				    (int)vlen, eq + 1, MAXCOLS);
				return 0;
			}
		} else {
			lex_copy(w->map_name[k], sizeof w->map_name[k], eq + 1,
			    vlen);
			w->all_numeric = 0;
		}
		p = comma != NULL ? comma + 1 : end;
	}
	if (!given[C_LADDR] || !given[C_LPORT] || !given[C_RADDR] ||
	    !given[C_RPORT]) {
		snprintf(why, whylen, "--columns must map laddr, lport, raddr "
		    "and rport");
		return 0;
	}
	return 1;
}

static void
needed(struct fcsv *w)
{
	int	k;

	w->ncols_needed = 0;
	for (k = 0; k < C__COUNT; k++)
		if (w->col[k] >= 0 && (size_t)w->col[k] + 1 > w->ncols_needed)
			w->ncols_needed = (size_t)w->col[k] + 1;
}

/* The header's cells (already split) to columns: 0 when it fails. */
static int
header(struct fcsv *w, unsigned long lineno, const char *line)
{
	size_t	i, n = w->ncell < MAXCOLS ? w->ncell : MAXCOLS;
	int	k, c;
	char	reason[192];

	for (k = 0; k < C__COUNT; k++)
		w->col[k] = -1;
	if (w->mapped) {
		for (k = 0; k < C__COUNT; k++) {
			if (w->map_num[k] > 0)
				w->col[k] = w->map_num[k] - 1;
			else if (w->map_name[k][0] != '\0') {
				for (i = 0; i < n; i++)
					if (strcasecmp(w->cell[i],
					    w->map_name[k]) == 0)
						break;
				if (i == n) {
					snprintf(reason, sizeof reason,
					    "--columns: no column \"%s\" in the "
					    "header", w->map_name[k]);
					dead(w, lineno, reason, line);
					return 0;
				}
				w->col[k] = (int)i;
			}
		}
	} else {
		for (i = 0; i < n; i++)
			if ((c = known_col(w->cell[i], w->cell_len[i])) >= 0 &&
			    w->col[c] < 0)
				w->col[c] = (int)i;
		if (w->col[C_LADDR] < 0 || w->col[C_RADDR] < 0) {
			dead(w, lineno, "CSV header without a local (source) "
			    "and a remote (destination) address column: name "
			    "them with --columns", line);
			return 0;
		}
	}
	needed(w);
	if (w->col[C_LADDR] < (int)n)
		lex_copy(w->head_laddr, sizeof w->head_laddr,
		    w->cell[w->col[C_LADDR]], w->cell_len[w->col[C_LADDR]]);
	w->mode = M_ROWS;
	return 1;
}

/* An address cell (and its port cell, or -1: the port is in the cell). */
static int
endpoint_of(struct fcsv *w, int acol, int pcol, struct endpoint *ep)
{
	const char	*a = w->cell[acol];
	size_t		 alen = w->cell_len[acol];
	int		 family;

	memset(ep, 0, sizeof *ep);
	if (pcol < 0) {
		family = addr_parse(a, alen, ep);
		if ((family != 4 && family != 6) || !ep->numeric ||
		    ep->port < 0 || ep->zone[0] != '\0')
			return 0;
		return family;
	}
	if (alen >= 2 && a[0] == '[' && a[alen - 1] == ']') {
		a++;
		alen -= 2;
	}
	if ((family = addr_canon(a, alen, ep->addr, sizeof ep->addr)) == 0)
		return 0;
	if ((ep->port = lex_port(w->cell[pcol], w->cell_len[pcol])) < 0)
		return 0;
	ep->numeric = 1;
	return family;
}

/* A time cell: 1 with *t and its clock, 0 when it is no time. */
static int
time_of(const char *s, size_t len, double *t, enum flow_clock *clock)
{
	if (flowtime_number(s, len, t)) {
		if (*t < 0)
			return 0;
		*clock = *t >= EPOCH_MIN ? FLOW_CLOCK_EPOCH :
		    FLOW_CLOCK_RELATIVE;
		return 1;
	}
	if (flowtime_iso(s, len, t)) {
		*clock = FLOW_CLOCK_EPOCH;
		return 1;
	}
	return 0;
}

/* A cell of column k, or NULL when the column is not read or empty. */
static const char *
cell_of(struct fcsv *w, int k, size_t *len)
{
	if (w->col[k] < 0 || w->cell_len[w->col[k]] == 0)
		return NULL;
	*len = w->cell_len[w->col[k]];
	return w->cell[w->col[k]];
}

static void
bad_row(struct fcsv *w, unsigned long lineno, const char *reason,
    const char *line)
{
	w->sink->issue(w->sink->ctx, lineno, reason, line);
}

/* The times of a row: 0 (and an issue) when they cannot be read. */
static int
row_times(struct fcsv *w, struct ps_flow *f, unsigned long lineno,
    const char *line)
{
	const char		*s, *e, *d;
	size_t			 slen = 0, elen = 0, dlen = 0;
	double			 start = 0, end = 0, dur = 0;
	enum flow_clock		 cs = FLOW_CLOCK_NONE, ce = FLOW_CLOCK_NONE;

	f->clock = FLOW_CLOCK_NONE;
	f->first_seen = f->last_seen = FLOW_NEVER;
	if (w->col[C_START] < 0 && w->col[C_END] < 0)
		return 1;
	s = cell_of(w, C_START, &slen);
	e = cell_of(w, C_END, &elen);
	d = cell_of(w, C_DURATION, &dlen);
	if ((s != NULL && !time_of(s, slen, &start, &cs)) ||
	    (e != NULL && !time_of(e, elen, &end, &ce)) ||
	    (d != NULL && (!flowtime_number(d, dlen, &dur) || dur < 0))) {
		bad_row(w, lineno, "CSV row whose time or duration cannot be "
		    "read", line);
		return 0;
	}
	if (s == NULL && e == NULL) {
		bad_row(w, lineno, "CSV row without a start or end time",
		    line);
		return 0;
	}
	if (s != NULL && e != NULL && cs != ce) {
		bad_row(w, lineno, "CSV row whose start and end are on "
		    "different clocks", line);
		return 0;
	}
	if (s == NULL) {
		start = end - dur;
		cs = ce;
	} else if (e == NULL)
		end = start + dur;
	if (end < start) {
		bad_row(w, lineno, "CSV row that ends before it starts", line);
		return 0;
	}
	if (w->clock == FLOW_CLOCK_NONE)
		w->clock = cs;
	else if (w->clock != cs) {
		bad_row(w, lineno, "CSV row whose time is on another clock "
		    "than the first row's (Unix time against relative "
		    "seconds)", line);
		return 0;
	}
	f->clock = cs;
	f->first_seen = start;
	f->last_seen = end;
	return 1;
}

static void
row(struct fcsv *w, unsigned long lineno, const char *line)
{
	struct ps_flow		*f = &w->flow;
	unsigned long long	 v;
	const char		*s;
	size_t			 len = 0;
	int			 lf, rf;
	char			 reason[160], word[16];

	if (w->ncell < w->ncols_needed) {
		bad_row(w, lineno, "CSV row with fewer cells than the columns "
		    "read", line);
		return;
	}
	s = w->cell[w->col[C_LADDR]];
	if (strcasecmp(s, w->head_laddr) == 0 && w->head_laddr[0] != '\0')
		return;				/* the header again */
	memset(f, 0, sizeof *f);
	f->proto = PROTO_TCP;
	if ((s = cell_of(w, C_PROTO, &len)) != NULL) {
		norm(s, len, word, sizeof word);
		if (strcmp(word, "tcp") == 0 || strcmp(word, "tcp4") == 0 ||
		    strcmp(word, "tcp6") == 0 || strcmp(word, "6") == 0)
			f->proto = PROTO_TCP;
		else if (strcmp(word, "udp") == 0 ||
		    strcmp(word, "udp4") == 0 || strcmp(word, "udp6") == 0 ||
		    strcmp(word, "17") == 0)
			f->proto = PROTO_UDP;
		else {
			w->sink->skipped(w->sink->ctx, strncmp(word, "icmp",
			    4) == 0 || strcmp(word, "1") == 0 ||
			    strcmp(word, "58") == 0 ? "icmp" :
			    "other protocol", lineno);
			return;
		}
	}
	if ((lf = endpoint_of(w, w->col[C_LADDR], w->col[C_LPORT],
	    &f->local)) == 0 || (rf = endpoint_of(w, w->col[C_RADDR],
	    w->col[C_RPORT], &f->remote)) == 0) {
		bad_row(w, lineno, "CSV row whose address or port is not a "
		    "number", line);
		return;
	}
	if (lf != rf) {
		bad_row(w, lineno, "CSV row with an IPv4 and an IPv6 address",
		    line);
		return;
	}
	f->family = lf;
	if (!row_times(w, f, lineno, line))
		return;
	if ((s = cell_of(w, C_PACKETS, &len)) != NULL) {
		if (!flowtime_count(s, len, &v)) {
			bad_row(w, lineno, "CSV row whose packet count is not "
			    "a number", line);
			return;
		}
		f->packets = (unsigned long)v;
	}
	if ((s = cell_of(w, C_BYTES, &len)) != NULL) {
		if (!flowtime_count(s, len, &v)) {
			bad_row(w, lineno, "CSV row whose byte count is not a "
			    "number", line);
			return;
		}
		f->bytes = v;
	}
	f->state = ST_UNKNOWN;
	f->state_raw = NULL;
	if ((s = cell_of(w, C_STATE, &len)) != NULL) {
		lex_copy(w->state_raw, sizeof w->state_raw, s, len);
		f->state_raw = w->state_raw;
		f->state = state_lookup(s, len);
		if (f->state == ST_UNKNOWN && state_unknown_once(&w->unknown,
		    w->state_raw, reason, sizeof reason))
			w->sink->issue(w->sink->ctx, lineno, reason, line);
	}
	f->local_opened = -1;
	f->syn_at = f->answered_at = FLOW_NEVER;
	f->local_fin_at = f->remote_fin_at = f->reset_at = FLOW_NEVER;
	f->reset_by = FLOW_SIDE_NONE;
	f->line = lineno;
	w->sink->flow(w->sink->ctx, f);
}

/* With numbered --columns only: is this first line data (not a header)? */
static int
looks_like_data(struct fcsv *w)
{
	struct endpoint	ep;
	int		k;

	for (k = 0; k < C__COUNT; k++)
		w->col[k] = w->map_num[k] > 0 ? w->map_num[k] - 1 : -1;
	needed(w);
	if (w->ncell < w->ncols_needed)
		return 0;
	return endpoint_of(w, w->col[C_LADDR], w->col[C_LPORT], &ep) != 0 &&
	    endpoint_of(w, w->col[C_RADDR], w->col[C_RPORT], &ep) != 0;
}

static void
fc_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct fcsv	*w = arg;
	const char	*p = line;
	unsigned char	 d;

	while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == '\n'))
		len--;
	while (len > 0 && p[0] == ' ') {
		p++;
		len--;
	}
	if (len == 0 || p[0] == '#' || w->mode == M_DEAD)
		return;
	if (!w->csv_ok) {
		dead(w, lineno, "out of memory for the CSV parser", line);
		return;
	}
	if (w->mode == M_HEADER) {
		if ((d = lex_csv_delim(p, len)) == 0) {
			dead(w, lineno, "first line is no CSV header: no ',', "
			    "';' or tab between its names", line);
			return;
		}
		csv_set_delim(&w->csv, d);
		split(w, p, len);
		if (w->mapped && w->all_numeric && looks_like_data(w)) {
			w->head_laddr[0] = '\0';
			w->mode = M_ROWS;
			row(w, lineno, line);
			return;
		}
		header(w, lineno, line);
		return;
	}
	split(w, p, len);
	row(w, lineno, line);
}

static void *
fc_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct fcsv	*w;
	char		 why[256];
	int		 k;

	if ((w = calloc(1, sizeof *w)) == NULL)
		return NULL;
	w->sink = sink;
	w->mode = M_HEADER;
	w->clock = FLOW_CLOCK_NONE;
	w->csv_ok = csv_init(&w->csv, 0) == 0;
	for (k = 0; k < C__COUNT; k++)
		w->col[k] = -1;
	if (opts != NULL && opts->columns != NULL) {
		w->mapped = 1;
		if (!read_columns(w, opts->columns, why, sizeof why))
			dead(w, 0, why, opts->columns);
	}
	return w;
}

static void
fc_close(void *arg)
{
	struct fcsv	*w = arg;

	if (w->csv_ok)
		csv_free(&w->csv);
	free(w);
}

/*
 * The first line that is not blank or a comment, as a header: names it
 * knows for both addresses score; PowerShell's Export-Csv names
 * (LocalAddress, OwningProcess: powershell.c) and tshark -T fields names
 * (a '.' in any name: tshark_fields.c) score 0.
 */
static int
fc_sniff(const char *const *lines, size_t n)
{
	const char	*l = NULL, *p, *q;
	size_t		 i;
	int		 has[C__COUNT], c, score;
	unsigned char	 d;

	for (i = 0; i < n; i++) {
		if (strncmp(lines[i], "#TYPE", 5) == 0)
			return 0;
		if (lines[i][strspn(lines[i], " \t\r\n")] == '\0' ||
		    lines[i][0] == '#')
			continue;
		l = lines[i];
		break;
	}
	if (l == NULL || (d = lex_csv_delim(l, strlen(l))) == 0)
		return 0;
	memset(has, 0, sizeof has);
	for (p = l;; p = q + 1) {
		size_t len;

		for (q = p; *q != '\0' && *q != (char)d && *q != '\r' &&
		    *q != '\n'; q++)
			;
		len = (size_t)(q - p);
		if (len >= 2 && p[0] == '"' && p[len - 1] == '"') {
			p++;
			len -= 2;
		}
		if (memchr(p, '.', len) != NULL)
			return 0;		/* tshark -T fields */
		if ((len == 12 && memcmp(p, "LocalAddress", 12) == 0) ||
		    (len == 13 && memcmp(p, "OwningProcess", 13) == 0))
			return 0;		/* PowerShell */
		if ((c = known_col(p, len)) >= 0)
			has[c] = 1;
		if (*q != (char)d)
			break;
	}
	if (!has[C_LADDR] || !has[C_RADDR])
		return 0;
	score = 60;
	if (has[C_LPORT] && has[C_RPORT])
		score += 10;
	if (has[C_START] || has[C_STATE] || has[C_PROTO])
		score += 10;
	return score;
}

const struct format format_flow_csv = {
	.name = "flow-csv",
	.system = "connection list",
	.commands = "any CSV or TSV list of connections, one a row (flow "
	    "exporters, firewall logs, spreadsheets); --columns to name its "
	    "columns",
	.reads = "one flow per row: local and remote address and port, "
	    "protocol, state, start, end or duration (Unix, ISO 8601 or "
	    "relative), packets and bytes",
	.sniff = fc_sniff,
	.open = fc_open,
	.line = fc_line,
	.close = fc_close,
	.flows = 1,
};
