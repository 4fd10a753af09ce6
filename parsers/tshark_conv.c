/*
 * tshark_conv.c — the conversation tables of `tshark -q -z conv,tcp` and
 * `-z conv,udp`, one flow a row.
 *
 * A table, as tshark 4.0 prints it (older versions print the sizes without
 * a unit, newer ones the same columns):
 *
 *	================================================================
 *	TCP Conversations
 *	Filter:<No Filter>
 *	                   |  <-  | |  ->  | | Total | Relative | Duration |
 *	                   | Frames Bytes | | Frames Bytes | | ... | Start | |
 *	127.0.0.1:36116 <-> 127.0.0.1:47110  5 1838 bytes  5 388 bytes
 *	    10 2226 bytes  0.000000000  0.0008
 *	================================================================
 *
 * (a row is one line).  Several -z options print several tables, one after
 * the other; tables of other layers (conv,ip, conv,ipv6, conv,eth, ...) are
 * no connections: their rows are counted as skipped.  tshark's own
 * "Running as user ..." line, saved with 2>&1, is not an issue.
 *
 * What tshark means by A and B: A is the source of the first packet of the
 * conversation that tshark saw, B its destination ("->" counts frames from
 * A to B, "<-" from B to A).  That is the side that opened the connection
 * when the capture saw the SYN, and whichever side spoke first when the
 * capture began mid-stream, so A is local here with local_opened -1 (not
 * known), and no TCP state is known: UNKNOWN, state_raw "conversation".
 *
 * Times, by the start column's header:
 * - "Relative Start" (default, -t r, -t dd ...): seconds since the first
 *   packet, FLOW_CLOCK_RELATIVE; tshark -t e prints Unix seconds in the
 *   same column, and a start of 1e8 or more is taken for those
 *   (FLOW_CLOCK_EPOCH);
 * - "Absolute Date Start" (-t ad, -t ud): "YYYY-MM-DD HH:MM:SS", whole
 *   seconds, FLOW_CLOCK_EPOCH.  -t ud prints UTC and -t ad the local time
 *   of the machine that ran tshark, under the same header: the file cannot
 *   tell them apart.  The time is read as UTC, so it shows as the digits
 *   tshark printed; from -t ad it is off by that machine's UTC offset,
 *   the same for every row, so durations, order and snapshots are right.
 * - "Absolute Time Start" (-t a, -t u): the time of day only: seconds since
 *   midnight, FLOW_CLOCK_RELATIVE (a capture across midnight is out of
 *   order there).
 * last_seen = start + Duration.  packets and bytes are the Total columns:
 * tshark counts whole frames (headers included) and rounds sizes of ten
 * units or more to the unit it prints ("130 kB", SI: 1000; "KiB": 1024).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/addr.h"
#include "parsers/flowtime.h"
#include "parsers/format.h"
#include "parsers/lex.h"

#define MAXTOK		24
#define EPOCH_MIN	1e8	/* a relative start this large is Unix time */

enum section {
	SEC_NONE,		/* no "... Conversations" title yet */
	SEC_TCP,
	SEC_UDP,
	SEC_OTHER		/* IPv4, IPv6, Ethernet, SCTP, ... */
};

enum start_kind {
	START_RELATIVE,
	START_DATE,		/* "Absolute Date": date and time */
	START_TIME		/* "Absolute Time": time of day */
};

struct tconv {
	const struct ps_sink	*sink;
	enum section		 section;
	enum start_kind		 start;
	int			 told_nosection;
	struct ps_flow		 flow;
};

static const struct {
	const char		*name;
	unsigned long long	 mult;
} units[] = {
	{ "bytes", 1 }, { "B", 1 },
	{ "kB", 1000ULL }, { "KB", 1000ULL }, { "MB", 1000000ULL },
	{ "GB", 1000000000ULL }, { "TB", 1000000000000ULL },
	{ "KiB", 1024ULL }, { "MiB", 1048576ULL }, { "GiB", 1073741824ULL },
	{ "TiB", 1099511627776ULL },
};

#define NUNITS	(sizeof(units) / sizeof(units[0]))

static int
unit_of(const struct tok *t, unsigned long long *mult)
{
	size_t	i;

	for (i = 0; i < NUNITS; i++)
		if (lex_is(t, units[i].name)) {
			*mult = units[i].mult;
			return 1;
		}
	return 0;
}

/*
 * A frame count and a size ("5 1838 bytes", "6 128 kB", "5 1838") from
 * t[*i]; *i moves past them.
 */
static int
frames_size(const struct tok *t, size_t n, size_t *i,
    unsigned long long *frames, unsigned long long *bytes)
{
	unsigned long long	mult = 1, v;
	double			d;

	if (*i + 2 > n || !flowtime_count(t[*i].p, t[*i].len, frames))
		return 0;
	if (flowtime_count(t[*i + 1].p, t[*i + 1].len, &v))
		d = (double)v;
	else if (!flowtime_number(t[*i + 1].p, t[*i + 1].len, &d) || d < 0)
		return 0;
	*i += 2;
	if (*i < n && unit_of(&t[*i], &mult))
		(*i)++;
	*bytes = (unsigned long long)(d * (double)mult + 0.5);
	return 1;
}

static int
endpoint_of(const struct tok *t, struct endpoint *ep)
{
	int	family;

	family = addr_parse(t->p, t->len, ep);
	if ((family != 4 && family != 6) || !ep->numeric || ep->port < 0)
		return 0;
	return family;
}

/* A conversation row: 1 when it was one (and was sent or skipped). */
static int
row(struct tconv *c, const struct tok *t, size_t n, unsigned long lineno,
    const char *line)
{
	struct ps_flow		*f = &c->flow;
	unsigned long long	 fr, by, total_frames, total_bytes;
	double			 start, dur;
	size_t			 i = 3, k;
	int			 lf, rf;

	if (n < 3 || !lex_is(&t[1], "<->"))
		return 0;
	if (c->section == SEC_OTHER) {
		c->sink->skipped(c->sink->ctx, "conversation of another layer",
		    lineno);
		return 1;
	}
	if (c->section == SEC_NONE) {
		if (!c->told_nosection)
			c->sink->issue(c->sink->ctx, lineno, "conversation row "
			    "before a \"TCP Conversations\" or \"UDP "
			    "Conversations\" title (reported once)", line);
		c->told_nosection = 1;
		return 1;
	}
	memset(f, 0, sizeof *f);
	if ((lf = endpoint_of(&t[0], &f->local)) == 0 ||
	    (rf = endpoint_of(&t[2], &f->remote)) == 0 || lf != rf) {
		c->sink->issue(c->sink->ctx, lineno, "conversation whose "
		    "addresses are not numeric address:port pairs (run tshark "
		    "with -n)", line);
		return 1;
	}
	for (k = 0; k < 3; k++)
		if (!frames_size(t, n, &i, &fr, &by))
			goto bad;
	total_frames = fr;
	total_bytes = by;
	if (c->start == START_DATE) {
		char	 buf[64];
		size_t	 len;

		if (i + 3 != n || t[i].len + 1 + t[i + 1].len >= sizeof buf)
			goto bad;
		len = (size_t)(t[i + 1].p + t[i + 1].len - t[i].p);
		if (len >= sizeof buf)
			goto bad;
		memcpy(buf, t[i].p, len);
		if (!flowtime_iso(buf, len, &start))
			goto bad;
		f->clock = FLOW_CLOCK_EPOCH;
		i += 2;
	} else {
		if (i + 2 != n)
			goto bad;
		if (c->start == START_TIME) {
			if (!flowtime_clock(t[i].p, t[i].len, &start))
				goto bad;
			f->clock = FLOW_CLOCK_RELATIVE;
		} else {
			if (!flowtime_number(t[i].p, t[i].len, &start) ||
			    start < 0)
				goto bad;
			f->clock = start >= EPOCH_MIN ? FLOW_CLOCK_EPOCH :
			    FLOW_CLOCK_RELATIVE;
		}
		i++;
	}
	if (!flowtime_number(t[i].p, t[i].len, &dur) || dur < 0)
		goto bad;

	f->proto = c->section == SEC_TCP ? PROTO_TCP : PROTO_UDP;
	f->family = lf;
	f->local_opened = -1;
	f->first_seen = start;
	f->last_seen = start + dur;
	f->syn_at = f->answered_at = FLOW_NEVER;
	f->local_fin_at = f->remote_fin_at = f->reset_at = FLOW_NEVER;
	f->reset_by = FLOW_SIDE_NONE;
	f->packets = (unsigned long)total_frames;
	f->bytes = total_bytes;
	f->state = ST_UNKNOWN;
	f->state_raw = "conversation";
	f->line = lineno;
	c->sink->flow(c->sink->ctx, f);
	return 1;
bad:
	c->sink->issue(c->sink->ctx, lineno, "conversation row whose counts "
	    "or times cannot be read", line);
	return 1;
}

static int
contains(const char *p, size_t len, const char *s)
{
	return memmem(p, len, s, strlen(s)) != NULL;
}

static void
tc_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct tconv	*c = arg;
	struct tok	 t[MAXTOK];
	const char	*p = line;
	size_t		 n;

	while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
	    p[len - 1] == '\r' || p[len - 1] == '\n'))
		len--;
	for (n = 0; n < len && p[n] == '='; n++)
		;
	if (n == len)
		return;				/* blank, or a rule */
	if (lex_starts_with(p, len, "Filter:") ||
	    lex_starts_with(p, len, "Running as user"))
		return;
	if (p[0] == '|') {			/* the two header lines */
		if (contains(p, len, "Absolute Date"))
			c->start = START_DATE;
		else if (contains(p, len, "Absolute Time"))
			c->start = START_TIME;
		else if (contains(p, len, "Relative"))
			c->start = START_RELATIVE;
		return;
	}
	n = lex_tokens(p, len, t, MAXTOK);
	if (n == 2 && lex_is(&t[1], "Conversations")) {
		c->section = lex_is(&t[0], "TCP") ? SEC_TCP :
		    lex_is(&t[0], "UDP") ? SEC_UDP : SEC_OTHER;
		c->start = START_RELATIVE;
		return;
	}
	if (n == MAXTOK || !row(c, t, n, lineno, line))
		c->sink->issue(c->sink->ctx, lineno, "not a line of a tshark "
		    "conversation table", line);
}

static void *
tc_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct tconv	*c;

	(void)opts;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return NULL;
	c->sink = sink;
	c->section = SEC_NONE;
	c->start = START_RELATIVE;
	return c;
}

static void
tc_close(void *arg)
{
	free(arg);
}

/*
 * A "TCP Conversations" or "UDP Conversations" title with tshark's
 * "|       <-      |" header is certain; a title of another layer with
 * the header is still this format (its rows are skipped).
 */
static int
tc_sniff(const char *const *lines, size_t n)
{
	size_t	i;
	int	title = 0, other = 0, head = 0;

	for (i = 0; i < n; i++) {
		const char *l = lines[i];

		if (strncmp(l, "TCP Conversations", 17) == 0 ||
		    strncmp(l, "UDP Conversations", 17) == 0)
			title = 1;
		else if (strstr(l, " Conversations") != NULL &&
		    strchr(l, '|') == NULL && strlen(l) < 40)
			other = 1;
		else if (l[strspn(l, " ")] == '|' && strstr(l, "<-") != NULL &&
		    strstr(l, "->") != NULL)
			head = 1;
	}
	if (title && head)
		return 100;
	if (other && head)
		return 60;
	return 0;
}

const struct format format_tshark_conv = {
	.name = "tshark-conv",
	.system = "packet capture",
	.commands = "tshark -r capture.pcapng -q -z conv,tcp (and conv,udp; "
	    "-t ad, -t ud, -t e; several -z at once)",
	.reads = "one flow per conversation: A as local, B as remote, start "
	    "(relative, absolute or epoch) and duration, total frames and "
	    "bytes; no TCP state; IP and Ethernet tables skipped",
	.sniff = tc_sniff,
	.open = tc_open,
	.line = tc_line,
	.close = tc_close,
	.flows = 1,
};
