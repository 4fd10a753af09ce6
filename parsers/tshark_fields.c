/*
 * tshark_fields.c — `tshark -T fields -E header=y -e ...` output, packet by
 * packet, into flows.
 *
 * The header line is required: columns are found by their field names, in
 * any order, and any column not named below is ignored.  The separator is
 * whichever of tab (tshark's default), ',', ';', '|', '/', '\' or space
 * the header holds (-E separator=; tshark 4.0 writes `-E separator=/` as
 * a backslash, taking the '/' for the start of /t or /s); values may be
 * quoted with '"' or '\'' (-E quote=d, -E quote=s) or not.
 *
 *   frame.time_epoch         packet time, Unix seconds (FLOW_CLOCK_EPOCH)
 *   frame.time_relative      else seconds since the first packet (RELATIVE)
 *   frame.number             checked to be a number, nothing more: a
 *                            packet's line is its text line, the evidence
 *   ip.src ip.dst            IPv4 addresses
 *   ipv6.src ipv6.dst        IPv6 addresses
 *   tcp.srcport tcp.dstport  a TCP packet when set
 *   udp.srcport udp.dstport  a UDP packet when set
 *   tcp.flags                flags in hex (0x0012, 0x012)
 *   tcp.flags.str            "·······A··S·" (or '.' or '*' for dots): the
 *                            flags are the last five positions, A P R S F
 *   tcp.flags.syn .ack .fin .reset   1/0, True/False
 *   tcp.len                  TCP payload bytes
 *   udp.length               UDP length; payload is 8 less
 *   ip.proto                 to tell ICMP errors apart (below)
 *
 * Without a time column every time of a flow is FLOW_NEVER (FLOW_CLOCK_NONE).
 *
 * Several values in one field: tshark joins with ',' the values of every
 * layer that has the field.  For a tunnel (IP in IP, GRE, VXLAN...) the
 * first address is the tunnel's and the last the connection's own, which
 * is the one the TCP or UDP ports belong to: the LAST value of an address
 * or port field is used.  An ICMP error quotes the IP and TCP/UDP header of
 * the packet it answers, so its row has two ip.src and the quoted ports:
 * taking any of them would count the quote as a packet of that connection,
 * so a row whose ip.proto begins with ICMP (1) or ICMPv6 (58), or whose
 * icmp.type or icmpv6.type is set, is skipped like any non-TCP/UDP row.
 * When a row has both an IPv4 and an IPv6 address (one tunnelled in the
 * other), IPv6 is the connection's when the last ip.proto is 41 (IPv6 in
 * IPv4) or there is no ip.proto column to say, else IPv4.  A separator
 * inside an unquoted value (several values joined with ',' under
 * -E separator=,) cannot be told apart from a column: such a row has more
 * fields than the header, and is an issue.
 *
 * Rows with no ports (ARP, ICMP, ...) go to sink->skipped; a row missing a
 * needed field, or with garbage in one, is an issue with its line number.
 * Packets go to the tracker of flows.h, which owns the connections; this
 * file owns only its column map and one row's fields, no allocation per
 * line.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/flows.h"
#include "parsers/format.h"
#include "parsers/lex.h"

#define FIELDS_MAX	64	/* columns of a row */

enum col {
	C_TIME_EPOCH,
	C_TIME_RELATIVE,
	C_NUMBER,
	C_IP_SRC,
	C_IP_DST,
	C_IPV6_SRC,
	C_IPV6_DST,
	C_TCP_SRCPORT,
	C_TCP_DSTPORT,
	C_UDP_SRCPORT,
	C_UDP_DSTPORT,
	C_FLAGS,
	C_FLAGS_STR,
	C_FLAG_SYN,
	C_FLAG_ACK,
	C_FLAG_FIN,
	C_FLAG_RST,
	C_TCP_LEN,
	C_UDP_LENGTH,
	C_IP_PROTO,
	C_ICMP_TYPE,
	C_ICMPV6_TYPE,
	C__COUNT
};

static const char *const col_names[C__COUNT] = {
	"frame.time_epoch",
	"frame.time_relative",
	"frame.number",
	"ip.src",
	"ip.dst",
	"ipv6.src",
	"ipv6.dst",
	"tcp.srcport",
	"tcp.dstport",
	"udp.srcport",
	"udp.dstport",
	"tcp.flags",
	"tcp.flags.str",
	"tcp.flags.syn",
	"tcp.flags.ack",
	"tcp.flags.fin",
	"tcp.flags.reset",
	"tcp.len",
	"udp.length",
	"ip.proto",
	"icmp.type",
	"icmpv6.type",
};

struct tf {
	const struct ps_sink	*sink;
	struct tracker		*tracker;
	int			 header_seen;	/* 1 read, -1 missing (said) */
	char			 sep;
	size_t			 ncols;		/* columns of the header */
	int			 col[C__COUNT];	/* column index, or -1 */
	int			 has_flags;	/* some TCP flags column */
	enum flow_clock		 clock;
	struct tok		 f[FIELDS_MAX];	/* this row's fields */
};

static int	 tf_sniff(const char *const *, size_t);
static void	*tf_open(const struct ps_sink *, const struct parse_opts *);
static void	 tf_line(void *, const char *, size_t, unsigned long);
static void	 tf_close(void *);
static char	 find_sep(const char *, size_t);
static size_t	 split(const char *, size_t, char, struct tok *, size_t);
static int	 known_col(const struct tok *);
static int	 header(struct tf *, const char *, size_t, unsigned long);
static void	 row(struct tf *, const char *, size_t, unsigned long);
static int	 field(const struct tf *, enum col, struct tok *);
static void	 last_value(struct tok *);
static int	 first_number(const struct tok *, long *);
static int	 number(const struct tok *, unsigned long, unsigned long *);
static int	 addr(const struct tok *, int, unsigned char *);
static int	 stamp(const struct tok *, double *);
static int	 flags_hex(const struct tok *, unsigned *);
static int	 flags_str(const struct tok *, unsigned *);
static int	 flag_bool(const struct tok *, int *);
static void	 issue(struct tf *, unsigned long, const char *, const char *,
		    size_t);

const struct format format_tshark_fields = {
	.name = "tshark-fields",
	.system = "packet capture",
	.commands = "tshark -r FILE -T fields -E header=y -e frame.time_epoch "
	    "-e ip.src -e tcp.srcport -e ip.dst -e tcp.dstport -e tcp.flags "
	    "-e tcp.len ... (any separator, quoted or not)",
	.reads = "TCP and UDP connections, followed packet by packet",
	.sniff = tf_sniff,
	.open = tf_open,
	.line = tf_line,
	.close = tf_close,
	.flows = 1,
};

/* ---------------------------------------------------------------- lexing */

/* The separator of a header line: the first candidate it holds. */
static char
find_sep(const char *s, size_t len)
{
	static const char	cand[] = "\t,;|/\\ ";
	size_t			i;

	for (i = 0; cand[i] != '\0'; i++)
		if (memchr(s, cand[i], len) != NULL)
			return cand[i];
	return '\t';
}

/*
 * Split a row at sep into at most max fields, quotes taken off: a field
 * that begins with '"' or '\'' runs to the same quote before a separator or
 * the end.  Returns the number of fields, max + 1 when there are more.
 */
static size_t
split(const char *s, size_t len, char sep, struct tok *t, size_t max)
{
	size_t	i = 0, n = 0, start, end;
	char	q;

	for (;;) {
		if (i < len && (s[i] == '"' || s[i] == '\'')) {
			q = s[i];
			start = ++i;
			while (i < len && !(s[i] == q &&
			    (i + 1 == len || s[i + 1] == sep)))
				i++;
			end = i;
			if (i < len)
				i++;	/* the closing quote */
		} else {
			start = i;
			while (i < len && s[i] != sep)
				i++;
			end = i;
		}
		if (n == max)
			return max + 1;
		t[n].p = s + start;
		t[n].len = end - start;
		n++;
		if (i >= len)
			return n;
		i++;		/* the separator */
	}
}

/* The column a header name is, or -1. */
static int
known_col(const struct tok *t)
{
	int	c;

	for (c = 0; c < C__COUNT; c++)
		if (lex_is(t, col_names[c]))
			return c;
	return -1;
}

/* ---------------------------------------------------------------- sniff */

static int
tf_sniff(const char *const *lines, size_t n)
{
	struct tok	t[FIELDS_MAX];
	size_t		nt, i, j, known = 0;
	const char	*s;
	int		c, key = 0;

	if (n == 0 || lines[0] == NULL)
		return 0;
	s = lines[0];
	nt = split(s, strlen(s), find_sep(s, strlen(s)), t, FIELDS_MAX);
	if (nt > FIELDS_MAX)
		return 0;
	for (i = 0; i < nt; i++) {
		/* Every column must look like a tshark field name. */
		if (t[i].len == 0)
			return 0;
		for (j = 0; j < t[i].len; j++)
			if (!islower((unsigned char)t[i].p[j]) &&
			    !isdigit((unsigned char)t[i].p[j]) &&
			    t[i].p[j] != '.' && t[i].p[j] != '_' &&
			    t[i].p[j] != '-')
				return 0;
		if ((c = known_col(&t[i])) == -1)
			continue;
		known++;
		if (c == C_TIME_EPOCH || c == C_TIME_RELATIVE ||
		    c == C_IP_SRC || c == C_IPV6_SRC || c == C_TCP_SRCPORT ||
		    c == C_UDP_SRCPORT)
			key = 1;
	}
	if (!key)
		return 0;
	return known >= 3 ? 95 : 70;
}

/* ---------------------------------------------------------------- parse */

static void *
tf_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct tf	*tf;
	int		 c;

	(void)opts;
	assert(sink != NULL);
	if ((tf = calloc(1, sizeof *tf)) == NULL)
		return NULL;
	tf->sink = sink;
	for (c = 0; c < C__COUNT; c++)
		tf->col[c] = -1;
	return tf;
}

static void
tf_close(void *v)
{
	struct tf	*tf = v;

	if (tf == NULL)
		return;
	tracker_close(tf->tracker);
	free(tf);
}

static void
issue(struct tf *tf, unsigned long lineno, const char *reason,
    const char *line, size_t len)
{
	char	text[512];

	lex_copy(text, sizeof text, line, len);
	tf->sink->issue(tf->sink->ctx, lineno, reason, text);
}

static void
tf_line(void *v, const char *line, size_t len, unsigned long lineno)
{
	struct tf	*tf = v;

	if (tf->header_seen == 0) {
		if (len == 0)
			return;
		tf->header_seen = header(tf, line, len, lineno) == 0 ? 1 : -1;
		return;
	}
	if (tf->header_seen == -1 || tf->tracker == NULL || len == 0)
		return;
	row(tf, line, len, lineno);
}

/* Read the column names; -1 (said as an issue) when it is no header. */
static int
header(struct tf *tf, const char *line, size_t len, unsigned long lineno)
{
	size_t	i;
	int	c;

	tf->sep = find_sep(line, len);
	tf->ncols = split(line, len, tf->sep, tf->f, FIELDS_MAX);
	if (tf->ncols > FIELDS_MAX) {
		issue(tf, lineno, "tshark -T fields header with more than 64 "
		    "columns", line, len);
		return -1;
	}
	for (i = 0; i < tf->ncols; i++)
		if ((c = known_col(&tf->f[i])) != -1 && tf->col[c] == -1)
			tf->col[c] = (int)i;
	if ((tf->col[C_IP_SRC] == -1 && tf->col[C_IPV6_SRC] == -1) ||
	    (tf->col[C_TCP_SRCPORT] == -1 && tf->col[C_UDP_SRCPORT] == -1)) {
		issue(tf, lineno, "the first line is not a tshark -T fields "
		    "header naming ip.src (or ipv6.src) and tcp.srcport (or "
		    "udp.srcport): run tshark with -E header=y; nothing of "
		    "this file is read", line, len);
		return -1;
	}
	if ((tf->col[C_IP_SRC] == -1) != (tf->col[C_IP_DST] == -1) ||
	    (tf->col[C_IPV6_SRC] == -1) != (tf->col[C_IPV6_DST] == -1) ||
	    (tf->col[C_TCP_SRCPORT] == -1) != (tf->col[C_TCP_DSTPORT] == -1) ||
	    (tf->col[C_UDP_SRCPORT] == -1) != (tf->col[C_UDP_DSTPORT] == -1)) {
		issue(tf, lineno, "tshark -T fields header with a source "
		    "column and no destination (or the other way round): "
		    "nothing of this file is read", line, len);
		return -1;
	}
	tf->has_flags = tf->col[C_FLAGS] != -1 || tf->col[C_FLAGS_STR] != -1 ||
	    tf->col[C_FLAG_SYN] != -1;
	if (tf->col[C_TCP_SRCPORT] != -1 && !tf->has_flags)
		issue(tf, lineno, "no tcp.flags, tcp.flags.str or "
		    "tcp.flags.syn column: TCP connections are read without "
		    "their handshakes and closes", line, len);
	if (tf->col[C_TIME_EPOCH] != -1)
		tf->clock = FLOW_CLOCK_EPOCH;
	else if (tf->col[C_TIME_RELATIVE] != -1)
		tf->clock = FLOW_CLOCK_RELATIVE;
	else
		tf->clock = FLOW_CLOCK_NONE;
	if ((tf->tracker = tracker_open(tf->sink, tf->clock)) == NULL) {
		issue(tf, lineno, "out of memory: nothing of this file is read",
		    line, len);
		return -1;
	}
	return 0;
}

/* Field c of the row in *t; 0 when the header has no such column. */
static int
field(const struct tf *tf, enum col c, struct tok *t)
{
	if (tf->col[c] == -1) {
		t->p = "";
		t->len = 0;
		return 0;
	}
	*t = tf->f[tf->col[c]];
	return 1;
}

/* Keep the last of several comma-joined values. */
static void
last_value(struct tok *t)
{
	size_t	i;

	for (i = t->len; i > 0; i--)
		if (t->p[i - 1] == ',') {
			t->len -= i;
			t->p += i;
			return;
		}
}

/* The first of several comma-joined values, as a number. */
static int
first_number(const struct tok *t, long *v)
{
	size_t	n, i;

	for (n = 0; n < t->len && t->p[n] != ','; n++)
		;
	if (n == 0 || n > 5 || !lex_digits(t->p, n))
		return 0;
	/* The line is not terminated: no strtol. */
	for (i = 0, *v = 0; i < n; i++)
		*v = *v * 10 + (t->p[i] - '0');
	return 1;
}

/* A decimal number up to max. */
static int
number(const struct tok *t, unsigned long max, unsigned long *v)
{
	char	buf[16];

	if (!lex_digits(t->p, t->len))
		return 0;
	lex_copy(buf, sizeof buf, t->p, t->len);
	*v = strtoul(buf, NULL, 10);
	return *v <= max;
}

static int
addr(const struct tok *t, int family, unsigned char *out)
{
	char	buf[64];

	if (t->len == 0 || t->len >= sizeof buf)
		return 0;
	lex_copy(buf, sizeof buf, t->p, t->len);
	memset(out, 0, 16);
	return inet_pton(family == 4 ? AF_INET : AF_INET6, buf, out) == 1;
}

/*
 * Seconds with up to nine decimals, computed as the pcap reader does
 * (seconds + nanoseconds / 1e9) so that both give the same double.
 */
static int
stamp(const struct tok *t, double *ts)
{
	const char	*p = t->p, *end = t->p + t->len;
	long long	 sec = 0;
	long		 nsec = 0;
	int		 neg = 0, digits = 0, frac = 0;

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	for (; p < end && isdigit((unsigned char)*p); p++, digits++) {
		if (digits >= 12)
			return 0;
		sec = sec * 10 + (*p - '0');
	}
	if (digits == 0)
		return 0;
	if (p < end && *p == '.') {
		for (p++; p < end && isdigit((unsigned char)*p); p++, frac++)
			if (frac < 9)
				nsec = nsec * 10 + (*p - '0');
		for (; frac < 9; frac++)
			nsec *= 10;
	}
	if (p != end)
		return 0;
	*ts = (double)sec + (double)nsec / 1e9;
	if (neg)
		*ts = -*ts;
	return 1;
}

static int
flags_hex(const struct tok *t, unsigned *fl)
{
	char		 buf[16], *end;
	unsigned long	 v;

	if (t->len == 0 || t->len >= sizeof buf)
		return 0;
	lex_copy(buf, sizeof buf, t->p, t->len);
	v = strtoul(buf, &end, 0);
	if (*end != '\0' || v > 0xfff)
		return 0;
	*fl = (unsigned)v & (TCP_FIN | TCP_SYN | TCP_RST | TCP_PSH | TCP_ACK);
	return 1;
}

/*
 * "·······A··S·": one character per flag, a dot (U+00B7, '.' or '*') when
 * clear; the last five are ACK PSH RST SYN FIN.
 */
static int
flags_str(const struct tok *t, unsigned *fl)
{
	static const unsigned	bit[5] = {
		TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK
	};
	const unsigned char	*s = (const unsigned char *)t->p;
	size_t			 i = t->len, pos = 0, nchar = 0, start;

	*fl = 0;
	while (i > 0) {
		/* One UTF-8 character back. */
		start = i - 1;
		while (start > 0 && (s[start] & 0xc0) == 0x80)
			start--;
		if (pos < 5 && !(i - start == 2 && s[start] == 0xc2 &&
		    s[start + 1] == 0xb7) && !(i - start == 1 &&
		    (s[start] == '.' || s[start] == '*')))
			*fl |= bit[pos];
		pos++;
		nchar++;
		i = start;
	}
	return nchar >= 5 && nchar <= 12;
}

static int
flag_bool(const struct tok *t, int *on)
{
	if (lex_is(t, "1") || lex_is_nocase(t, "true") ||
	    lex_is_nocase(t, "set")) {
		*on = 1;
		return 1;
	}
	if (lex_is(t, "0") || lex_is_nocase(t, "false") ||
	    lex_is_nocase(t, "not set")) {
		*on = 0;
		return 1;
	}
	return 0;
}

static void
row(struct tf *tf, const char *line, size_t len, unsigned long lineno)
{
	static const enum col	 bools[4] = {
		C_FLAG_SYN, C_FLAG_ACK, C_FLAG_FIN, C_FLAG_RST
	};
	static const unsigned	 boolbit[4] = {
		TCP_SYN, TCP_ACK, TCP_FIN, TCP_RST
	};
	struct packet		 p;
	struct tok		 t, src, dst, sport, dport;
	unsigned long		 v;
	long			 proto;
	size_t			 n, i;
	int			 family, on;

	n = split(line, len, tf->sep, tf->f, FIELDS_MAX);
	if (n != tf->ncols) {
		issue(tf, lineno, n > tf->ncols ? "tshark row with more "
		    "fields than its header (a separator inside an unquoted "
		    "value? use -E quote=d)" : "tshark row with fewer fields "
		    "than its header", line, len);
		return;
	}
	memset(&p, 0, sizeof p);
	p.line = lineno;

	if (field(tf, C_NUMBER, &t) && !number(&t, ~0UL, &v)) {
		issue(tf, lineno, "tshark row whose frame.number is not a "
		    "number", line, len);
		return;
	}

	/* ICMP, and errors that quote a TCP or UDP header: not packets. */
	if ((field(tf, C_IP_PROTO, &t) && first_number(&t, &proto) &&
	    (proto == 1 || proto == 58)) ||
	    (field(tf, C_ICMP_TYPE, &t) && t.len > 0) ||
	    (field(tf, C_ICMPV6_TYPE, &t) && t.len > 0)) {
		tf->sink->skipped(tf->sink->ctx, "ICMP", lineno);
		return;
	}

	field(tf, C_TCP_SRCPORT, &sport);
	field(tf, C_TCP_DSTPORT, &dport);
	p.proto = PROTO_TCP;
	if (sport.len == 0 && dport.len == 0) {
		field(tf, C_UDP_SRCPORT, &sport);
		field(tf, C_UDP_DSTPORT, &dport);
		p.proto = PROTO_UDP;
	}
	if (sport.len == 0 && dport.len == 0) {
		tf->sink->skipped(tf->sink->ctx, "not TCP or UDP", lineno);
		return;
	}
	last_value(&sport);
	last_value(&dport);
	if (!number(&sport, 65535, &v)) {
		issue(tf, lineno, "tshark row with no source port or garbage "
		    "in it", line, len);
		return;
	}
	p.sport = (int)v;
	if (!number(&dport, 65535, &v)) {
		issue(tf, lineno, "tshark row with no destination port or "
		    "garbage in it", line, len);
		return;
	}
	p.dport = (int)v;

	/* Addresses: the connection's own (the last), IPv4 or IPv6. */
	family = 4;
	field(tf, C_IP_SRC, &src);
	field(tf, C_IPV6_SRC, &t);
	if (t.len > 0) {
		if (src.len == 0 || tf->col[C_IP_PROTO] == -1)
			family = 6;
		else {
			field(tf, C_IP_PROTO, &dst);
			last_value(&dst);
			if (lex_is(&dst, "41"))
				family = 6;
		}
	}
	field(tf, family == 4 ? C_IP_SRC : C_IPV6_SRC, &src);
	field(tf, family == 4 ? C_IP_DST : C_IPV6_DST, &dst);
	last_value(&src);
	last_value(&dst);
	if (src.len == 0 || dst.len == 0) {
		issue(tf, lineno, "tshark row with ports and no IP addresses",
		    line, len);
		return;
	}
	if (!addr(&src, family, p.src) || !addr(&dst, family, p.dst)) {
		issue(tf, lineno, family == 4 ? "tshark row with garbage in "
		    "an IPv4 address" : "tshark row with garbage in an IPv6 "
		    "address", line, len);
		return;
	}
	p.family = family;

	if (tf->clock != FLOW_CLOCK_NONE) {
		field(tf, tf->clock == FLOW_CLOCK_EPOCH ? C_TIME_EPOCH :
		    C_TIME_RELATIVE, &t);
		if (!stamp(&t, &p.ts)) {
			issue(tf, lineno, "tshark row with no packet time or "
			    "garbage in it", line, len);
			return;
		}
	}

	if (p.proto == PROTO_TCP) {
		if (field(tf, C_FLAGS, &t) && t.len > 0) {
			last_value(&t);
			if (!flags_hex(&t, &p.flags)) {
				issue(tf, lineno, "tshark row with garbage in "
				    "tcp.flags", line, len);
				return;
			}
		} else if (field(tf, C_FLAGS_STR, &t) && t.len > 0) {
			last_value(&t);
			if (!flags_str(&t, &p.flags)) {
				issue(tf, lineno, "tshark row with garbage in "
				    "tcp.flags.str", line, len);
				return;
			}
		} else if (tf->col[C_FLAG_SYN] != -1) {
			for (i = 0; i < 4; i++) {
				if (!field(tf, bools[i], &t))
					continue;
				last_value(&t);
				if (!flag_bool(&t, &on)) {
					issue(tf, lineno, "tshark row with "
					    "garbage in a tcp.flags.* column",
					    line, len);
					return;
				}
				if (on)
					p.flags |= boolbit[i];
			}
		} else if (tf->has_flags) {
			issue(tf, lineno, "tshark TCP row with no flags", line,
			    len);
			return;
		}
		if (field(tf, C_TCP_LEN, &t) && t.len > 0) {
			last_value(&t);
			if (!number(&t, 65535 * 16UL, &v)) {
				issue(tf, lineno, "tshark row with garbage in "
				    "tcp.len", line, len);
				return;
			}
			p.len = v;
		}
	} else if (field(tf, C_UDP_LENGTH, &t) && t.len > 0) {
		last_value(&t);
		if (!number(&t, 65535 * 16UL, &v) || v < 8) {
			issue(tf, lineno, "tshark row with garbage in "
			    "udp.length", line, len);
			return;
		}
		p.len = v - 8;
	}
	tracker_packet(tf->tracker, &p);
}
