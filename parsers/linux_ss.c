/*
 * linux_ss.c — iproute2 `ss` output.
 *
 * Reads `ss` in its common flag sets: -tanp, -tunap, -antp, -a (with the
 * Netid column or without it), -e (uid, ino), -o (timers), -i and -m
 * (indented detail lines), -H (no header), wide Process columns, as one run
 * or many runs appended to one file by a collection loop with `date`
 * stamps and sysctl range lines between them.
 *
 * A socket row is, in blank-separated tokens:
 *
 *   [Netid] State Recv-Q Send-Q Local:Port Peer:Port [details...]
 *
 * The Netid column is there when ss showed more than one kind of socket
 * (-tu, -a); a netid is lower case (tcp, udp, u_str, nl, p_raw...), a state
 * upper case (ESTAB, TIME-WAIT, UNCONN), which tells the two layouts apart
 * row by row.  Only tcp and udp rows are sockets here; unix, netlink,
 * packet, raw and the rest are counted through sink->skipped.  Without a
 * Netid column, the protocol comes from an echoed `ss` command line when
 * the file has one (-u without -t: udp), else from the states of the run:
 * UNCONN is a udp socket unless the run has shown a TCP-only state (then it
 * is a TCP socket bound and never connected, `ss -B`: BOUND), and ESTAB is
 * udp only in a run of UNCONN rows.
 *
 * `ss ... state NAME` hides the State column ("Recv-Q Send-Q Local ..."):
 * the state of such a run is NAME, from the echoed command when the file
 * has one; else it is UNKNOWN and said once.  Echoed commands ("$ ss -uan",
 * "+ ss -tan", "root@host:~# date") are read for that and otherwise
 * ignored.
 *
 * Details after the peer are read by name, never by column: users:((...))
 * (every owner: the first in pid/process, the others in `more`, one entry
 * per PID), uid:N (the owner; -e prints no uid for root, so with -e a row
 * without one is uid 0), v6only:N.  Process names may hold blanks, so
 * users:(( is read from the line's text, not from its tokens.
 *
 * Lines that start with a blank after the first row and are no row
 * themselves are -i/-m details of the row above: skipped, never issues.
 *
 * Addresses: ss writes "[v6]%zone:port", which becomes "[v6%zone]:port" for
 * addr_parse().  "*" is the unspecified address, stored as "::" or
 * "0.0.0.0": IPv6 (a dual-stack socket) in newer ss (Ubuntu 18.04's
 * iproute2 4.15 already), which writes IPv4's as 0.0.0.0, but IPv4 in
 * older ss (CentOS 7).  A file is taken to be from a newer ss once it shows
 * a 0.0.0.0 or a "Process" column header; a v6only: detail settles one
 * row.  A "*" row before either, in a newer ss's file, is taken as IPv4.
 *
 * Snapshots, stamps and ranges go through the snapper (snapshots.h) and the
 * range scanner (rangescan.h).  No allocation per line: owners and names
 * live in fixed buffers here.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/addr.h"
#include "parsers/format.h"
#include "parsers/lex.h"
#include "parsers/rangescan.h"
#include "parsers/snapshots.h"
#include "parsers/stamp.h"

#define MAXTOK		8		/* the columns before the details */
#define NAME_MAX_SS	64		/* a process name (comm is 15 bytes) */

enum sproto {
	SP_UNKNOWN,
	SP_TCP,
	SP_UDP
};


struct ss {
	const struct ps_sink	*sink;
	struct snapper		 snap;
	struct rangescan	 rs;

	int			 rows;		/* an ss row was seen */
	int			 modern;	/* '*' is IPv6 (see above) */
	enum sproto		 cmd_proto;	/* from an echoed ss command */
	enum state		 cmd_state;	/* its `state NAME` filter */
	char			 cmd_state_raw[32];
	enum sproto		 run_hint;	/* from the states of this run */
	int			 nostate;	/* the run has no State column */
	int			 told_nostate;	/* ... and no known state: said */

	/* The socket being sent: its owners and texts. */
	struct ps_socket	 sock;
	struct ps_owner		 more[SOCKET_OWNERS_MAX];
	char			 names[SOCKET_OWNERS_MAX][NAME_MAX_SS];
	char			 state_raw[32];
	char			 owner[24];

	/* Unknown state words, each reported once. */
	struct state_seen	 unknown;	/* state words reported */
};


static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Up to max tokens of s[0..len); *rest is where tokenizing stopped. */
static size_t
tokenize(const char *s, size_t len, struct tok *t, size_t max,
    const char **rest)
{
	const char	*end = s + len;
	size_t		 n = 0;

	while (s < end && n < max) {
		while (s < end && blank(*s))
			s++;
		if (s == end)
			break;
		t[n].p = s;
		while (s < end && !blank(*s))
			s++;
		t[n].len = (size_t)(s - t[n].p);
		n++;
	}
	if (rest != NULL)
		*rest = s;
	return n;
}



/* An ss state as printed: ESTAB, TIME-WAIT, FIN-WAIT-1, UNCONN, ... */
static int
state_word(const struct tok *t)
{
	size_t	i;

	if (t->len < 3 || t->len > 20 || !isupper((unsigned char)t->p[0]))
		return 0;
	for (i = 1; i < t->len; i++)
		if (!isupper((unsigned char)t->p[i]) &&
		    !isdigit((unsigned char)t->p[i]) && t->p[i] != '-')
			return 0;
	return 1;
}

/* A netid as printed: tcp, udp, u_str, nl, p_raw, icmp6, v_str, ... */
static int
netid_word(const struct tok *t)
{
	size_t	i;

	if (t->len < 2 || t->len > 8 || !islower((unsigned char)t->p[0]))
		return 0;
	for (i = 1; i < t->len; i++)
		if (!islower((unsigned char)t->p[i]) &&
		    !isdigit((unsigned char)t->p[i]) && t->p[i] != '_')
			return 0;
	return 1;
}

/* What a row's columns are, for the two layouts of each header. */
struct row {
	const struct tok	*netid;		/* NULL: no Netid column */
	const struct tok	*state;		/* NULL: no State column */
	const struct tok	*local, *peer;
	size_t			 ntok;		/* tokens up to the peer */
};

/*
 * Reads t[0..n) as an ss row into *r: [Netid] State Recv-Q Send-Q Local
 * Peer, or, when ss hid the State column (a `state NAME` filter, nostate),
 * [Netid] Recv-Q Send-Q Local Peer.  Returns 1 when it is one.
 */
static int
layout(const struct tok *t, size_t n, int nostate, struct row *r)
{
	size_t	i = 0;

	memset(r, 0, sizeof *r);
	if (n >= 1 && netid_word(&t[0]))
		r->netid = &t[i++];
	if (!nostate) {
		if (i >= n || !state_word(&t[i]))
			return 0;
		r->state = &t[i++];
	}
	if (n < i + 4 || !lex_digits(t[i].p, t[i].len) ||
	    !lex_digits(t[i + 1].p, t[i + 1].len))
		return 0;
	r->local = &t[i + 2];
	r->peer = &t[i + 3];
	r->ntok = i + 4;
	return 1;
}

/* A row in the run's layout, or with a State column (never ambiguous). */
static int
row_shape(const struct tok *t, size_t n, int nostate, struct row *r)
{
	return layout(t, n, nostate, r) || (nostate && layout(t, n, 0, r));
}

/* What a netid other than tcp and udp is, for sink->skipped. */
static const char *
netid_kind(const struct tok *t)
{
	if (t->len >= 2 && t->p[0] == 'u' && t->p[1] == '_')
		return "unix";
	if (lex_is(t, "nl"))
		return "netlink";
	if (t->len >= 2 && t->p[0] == 'p' && t->p[1] == '_')
		return "packet";
	if (lex_is(t, "raw") || lex_is(t, "icmp") || lex_is(t, "icmp6"))
		return "raw";
	if (t->len >= 2 && t->p[0] == 'v' && t->p[1] == '_')
		return "vsock";
	return "other";
}

/*
 * A header: 1 for "[Netid] State Recv-Q Send-Q ...", 2 for
 * "[Netid] Recv-Q Send-Q Local ..." (no State column), else 0.
 */
static int
header_line(const struct tok *t, size_t n)
{
	size_t	i = 0;

	if (n >= 1 && lex_is(&t[0], "Netid"))
		i++;
	if (n >= i + 3 && lex_is(&t[i], "State") &&
	    lex_is(&t[i + 1], "Recv-Q") && lex_is(&t[i + 2], "Send-Q"))
		return 1;
	if (n >= i + 3 && lex_is(&t[i], "Recv-Q") &&
	    lex_is(&t[i + 1], "Send-Q") && lex_is(&t[i + 2], "Local"))
		return 2;
	return 0;
}

/* The start of an echoed command line: "$", "root@h:~#", "+" (sh -x). */
static int
prompt_word(const struct tok *w)
{
	char	c = w->p[w->len - 1];

	return c == '$' || c == '#' || c == '>' || c == '%' ||
	    lex_is(w, "+") || lex_is(w, "++");
}

/*
 * An echoed command: "ss -tanp", "$ ss -uan", "root@h:~# sudo ss -lun",
 * "+ ss -tan state time-wait" (sh -x); what loops run beside it ("date",
 * "sysctl net.ipv4.ip_local_port_range"); any command after a prompt
 * ("+ sleep 60").  Returns 2 for an ss command, 1 for another, else 0.
 * From an ss command it learns what a run without a Netid or State column
 * shows: the protocol (-u without -t: udp) and the state of a `state NAME`
 * filter.
 */
static int
command_line(struct ss *s, const char *p, size_t len)
{
	struct tok	 t[32];
	size_t		 n, i, j;
	int		 tcp = 0, udp = 0, prompt = 0, states = 0;

	n = tokenize(p, len, t, 32, NULL);
	for (i = 0; i < n && i < 3 && prompt_word(&t[i]); i++)
		prompt = 1;
	if (i < n && lex_is(&t[i], "sudo"))
		i++;
	if (i >= n)
		return prompt;
	/* What collection scripts run beside ss. */
	if (lex_is(&t[i], "sysctl") || lex_is(&t[i], "cat") ||
	    lex_is(&t[i], "date") || lex_is(&t[i], "uname") ||
	    lex_is(&t[i], "sleep"))
		return 1;
	if (!(lex_is(&t[i], "ss") || (t[i].len > 3 &&
	    strncmp(t[i].p + t[i].len - 3, "/ss", 3) == 0)))
		return prompt;
	s->cmd_state_raw[0] = '\0';
	for (i++; i < n; i++) {
		const struct tok *w = &t[i];

		if (lex_is(w, "--tcp"))
			tcp = 1;
		else if (lex_is(w, "--udp"))
			udp = 1;
		else if ((lex_is(w, "state") || lex_is(w, "-state")) &&
		    i + 1 < n) {
			i++;
			if (states++ == 0)
				lex_copy(s->cmd_state_raw, sizeof s->cmd_state_raw,
				    t[i].p, t[i].len);
		} else if (w->len >= 2 && w->p[0] == '-' && w->p[1] != '-') {
			for (j = 1; j < w->len; j++) {
				if (w->p[j] == 't' || w->p[j] == 'B')
					tcp = 1;
				else if (w->p[j] == 'u')
					udp = 1;
			}
		}
	}
	if (states != 1)
		s->cmd_state_raw[0] = '\0';
	s->cmd_state = s->cmd_state_raw[0] == '\0' ? ST_UNKNOWN :
	    state_lookup(s->cmd_state_raw, strlen(s->cmd_state_raw));
	s->cmd_proto = udp && !tcp ? SP_UDP : tcp ? SP_TCP : SP_UNKNOWN;
	return 2;
}

/* "Linux host 5.15.0-91-generic #101-Ubuntu SMP ..." (uname -a). */
static int
uname_line(struct ss *s, const struct tok *t, size_t n)
{
	if (n < 3 || !lex_is(&t[0], "Linux") ||
	    !isdigit((unsigned char)t[2].p[0]) ||
	    memchr(t[2].p, '.', t[2].len) == NULL)
		return 0;
	{
		char	v[32];

		lex_copy(v, sizeof v, t[2].p, t[2].len);
		snapper_version(&s->snap, v);
	}
	return 1;
}

/*
 * addr_parse() for ss's text: "[fe80::1]%eth0:22" is read as
 * "[fe80::1%eth0]:22".
 */
static int
endpoint_text(const struct tok *t, struct endpoint *ep)
{
	char		 buf[ENDPOINT_ADDR_MAX + ENDPOINT_ZONE_MAX + 16];
	const char	*close, *colon;
	size_t		 a, z;

	if (t->len > 1 && t->p[0] == '[' &&
	    (close = memchr(t->p, ']', t->len)) != NULL &&
	    close + 1 < t->p + t->len && close[1] == '%') {
		/* The port follows the last colon, after the zone. */
		for (colon = t->p + t->len; colon > close; colon--)
			if (colon[-1] == ':')
				break;
		if (colon == close)
			return -1;
		colon--;
		a = (size_t)(close - t->p);		/* "[addr" */
		z = (size_t)(colon - close - 1);	/* "%zone" */
		if (a + z + (size_t)(t->p + t->len - colon) + 1 >= sizeof buf)
			return -1;
		memcpy(buf, t->p, a);
		memcpy(buf + a, close + 1, z);
		buf[a + z] = ']';
		memcpy(buf + a + z + 1, colon, (size_t)(t->p + t->len - colon));
		return addr_parse(buf, a + z + 1 + (size_t)(t->p + t->len -
		    colon), ep);
	}
	return addr_parse(t->p, t->len, ep);
}

static int
endpoint(const struct tok *t, struct endpoint *ep)
{
	int	f = endpoint_text(t, ep);

	/* "%eth0:80": addr_parse() takes a zone without an address. */
	if (f >= 0 && ep->addr[0] == '\0')
		return -1;
	/* A port name is not a number, whatever the address ("*:ssh"). */
	if (f >= 0 && ep->port_name[0] != '\0')
		ep->numeric = 0;
	return f;
}

/* '*' as the unspecified address of a family. */
static void
star(struct endpoint *ep, int family)
{
	if (strcmp(ep->addr, "*") == 0)
		strcpy(ep->addr, family == 6 ? "::" : "0.0.0.0");
}

static int
is_v4_any(const struct endpoint *ep)
{
	return strcmp(ep->addr, "0.0.0.0") == 0;
}

static void
unknown_state(struct ss *s, const char *word, unsigned long line,
    const char *text)
{
	char	reason[160];

	if (state_unknown_once(&s->unknown, word, reason, sizeof reason))
		s->sink->issue(s->sink->ctx, line, reason, text);
}

/* Add one owner (name p[0..len), pid); one entry per PID. */
static void
add_owner(struct ss *s, size_t *nown, const char *p, size_t len, long pid)
{
	struct ps_socket	*k = &s->sock;
	size_t			 i;

	if (*nown > 0 && k->pid == pid)
		return;
	for (i = 0; i < k->nmore; i++)
		if (s->more[i].pid == pid)
			return;
	if (*nown >= SOCKET_OWNERS_MAX)
		return;			/* kept: SOCKET_OWNERS_MAX owners */
	lex_copy(s->names[*nown], sizeof s->names[0], p, len);
	if (*nown == 0) {
		k->pid = pid;
		k->process = s->names[0];
	} else {
		s->more[k->nmore].pid = pid;
		s->more[k->nmore].process = s->names[*nown];
		k->nmore++;
	}
	(*nown)++;
}

/*
 * users:(("name",pid=1,fd=3),("b",pid=2,fd=4)) from p (at "users:(")
 * to end; also the older users:(("name",1,3)).  Returns where the list
 * ends, or NULL when it cannot be read.
 */
static const char *
users(struct ss *s, const char *p, const char *end)
{
	size_t		 nown = 0;
	const char	*name, *q;
	long		 pid;

	p += 7;				/* "users:(" */
	for (;;) {
		if (end - p < 2 || p[0] != '(' || p[1] != '"')
			return NULL;
		name = p + 2;
		/* The name ends at the quote before ",pid=" (or ",1234"). */
		for (q = name; q + 2 < end; q++)
			if (q[0] == '"' && q[1] == ',' &&
			    (isdigit((unsigned char)q[2]) ||
			    (end - q >= 7 && strncmp(q + 2, "pid=", 4) == 0 &&
			    isdigit((unsigned char)q[6]))))
				break;
		if (q + 2 >= end)
			return NULL;
		p = q + 2;
		if (*p == 'p')
			p += 4;
		for (pid = 0; p < end && isdigit((unsigned char)*p); p++)
			if ((pid = pid * 10 + (*p - '0')) > 0x7fffffffL)
				return NULL;
		add_owner(s, &nown, name, (size_t)(q - name), pid);
		while (p < end && *p != ')')
			p++;		/* ",fd=3" */
		if (p == end)
			return NULL;
		p++;
		if (p < end && *p == ',')
			p++;
		else if (p < end && *p == ')')
			return p + 1;
		else
			return NULL;
	}
}

/* The details after the peer: users:((...)), uid:N, ino:N, v6only:N. */
static void
details(struct ss *s, const char *p, const char *end, int *v6only,
    unsigned long lineno, const char *text)
{
	const char	*w;
	int		 ino = 0, uid = 0;

	while (p < end) {
		while (p < end && blank(*p))
			p++;
		if (p == end)
			break;
		w = p;
		if (end - w >= 7 && strncmp(w, "users:(", 7) == 0) {
			if ((p = users(s, w, end)) == NULL) {
				s->sink->issue(s->sink->ctx, lineno, "users:(...) "
				    "that cannot be read: socket stored without "
				    "its process", text);
				s->sock.pid = -1;
				s->sock.process = NULL;
				s->sock.nmore = 0;
				p = w;
				while (p < end && !blank(*p))
					p++;
			}
			continue;
		}
		while (p < end && !blank(*p))
			p++;
		if (p - w > 4 && strncmp(w, "uid:", 4) == 0 &&
		    lex_digits(w + 4, (size_t)(p - w - 4))) {
			lex_copy(s->owner, sizeof s->owner, w + 4,
			    (size_t)(p - w - 4));
			uid = 1;
		} else if (p - w > 4 && strncmp(w, "ino:", 4) == 0)
			ino = 1;
		else if (p - w == 8 && strncmp(w, "v6only:", 7) == 0 &&
		    isdigit((unsigned char)w[7]))
			*v6only = w[7] - '0';
	}
	/* -e prints uid only when it is not 0. */
	if (ino && !uid)
		strcpy(s->owner, "0");
}

/* Which protocol a row without a Netid column is. */
static enum proto
guess_proto(struct ss *s, enum state st)
{
	if (s->cmd_proto == SP_UDP)
		return PROTO_UDP;
	if (s->cmd_proto == SP_TCP)
		return PROTO_TCP;
	if (st == ST_UNCONN) {
		if (s->run_hint == SP_TCP)
			return PROTO_TCP;
		s->run_hint = SP_UDP;
		return PROTO_UDP;
	}
	if (st == ST_ESTABLISHED || st == ST_UNKNOWN)
		return s->run_hint == SP_UDP ? PROTO_UDP : PROTO_TCP;
	s->run_hint = SP_TCP;
	return PROTO_TCP;
}

static void
socket_row(struct ss *s, const struct row *w, const char *rest,
    const char *end, unsigned long lineno, const char *text)
{
	struct ps_socket	*k = &s->sock;
	int			 lf, rf, v6only = -1;

	memset(k, 0, sizeof *k);
	k->pid = -1;
	k->line = lineno;
	s->owner[0] = '\0';
	if ((lf = endpoint(w->local, &k->local)) < 0 ||
	    (rf = endpoint(w->peer, &k->remote)) < 0) {
		s->sink->issue(s->sink->ctx, lineno, "ss line whose addresses "
		    "cannot be read", text);
		return;
	}
	if (is_v4_any(&k->local) || is_v4_any(&k->remote))
		s->modern = 1;

	if (w->state != NULL) {
		lex_copy(s->state_raw, sizeof s->state_raw, w->state->p,
		    w->state->len);
		k->state_raw = s->state_raw;
		k->state = state_lookup(w->state->p, w->state->len);
	} else if (s->cmd_state_raw[0] != '\0') {
		/* `ss ... state NAME` hides the column: NAME is the state. */
		k->state_raw = s->cmd_state_raw;
		k->state = s->cmd_state;
	} else {
		k->state = ST_UNKNOWN;
		if (!s->told_nostate)
			s->sink->issue(s->sink->ctx, lineno, "ss output "
			    "without a State column and no `ss ... state NAME` "
			    "command before it: stored as UNKNOWN (reported "
			    "once)", text);
		s->told_nostate = 1;
	}

	if (w->netid != NULL)
		k->proto = lex_is(w->netid, "udp") ? PROTO_UDP : PROTO_TCP;
	else
		k->proto = guess_proto(s, k->state);
	if (k->state == ST_UNKNOWN && k->state_raw != NULL)
		unknown_state(s, k->state_raw, lineno, text);
	else if (k->proto == PROTO_TCP && k->state == ST_UNCONN)
		k->state = ST_BOUND;	/* bound, never connected (ss -B) */

	details(s, rest, end, &v6only, lineno, text);
	k->more = k->nmore ? s->more : NULL;
	k->owner = s->owner[0] ? s->owner : NULL;

	if (lf || rf)
		k->family = lf ? lf : rf;
	else if (strcmp(k->local.addr, "*") == 0 ||
	    strcmp(k->remote.addr, "*") == 0)
		k->family = v6only >= 0 || s->modern ? 6 : 4;
	else
		k->family = 4;		/* host names: the text does not say */
	star(&k->local, k->family);
	star(&k->remote, k->family);

	snapper_socket(&s->snap, lineno);
	s->sink->socket(s->sink->ctx, k);
}

static void
ss_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct ss	*s = arg;
	struct tok	 t[MAXTOK];
	struct row	 w;
	struct stamp	 st;
	struct ps_range	 r;
	const char	*p = line, *rest;
	size_t		 n;
	int		 indented, head, cmd, done = 0, bad = 0;

	indented = len > 0 && blank(p[0]);
	while (len > 0 && blank(p[0])) {
		p++;
		len--;
	}
	while (len > 0 && (blank(p[len - 1]) || p[len - 1] == '\r'))
		len--;
	if (len == 0)
		return;

	n = tokenize(p, len, t, MAXTOK, NULL);
	if ((head = header_line(t, n)) != 0) {
		snapper_header(&s->snap, lineno);
		s->run_hint = SP_UNKNOWN;
		s->nostate = head == 2;
		if (strstr(line, "Process") != NULL)
			s->modern = 1;
		return;
	}
	if (row_shape(t, n, s->nostate, &w)) {
		s->rows = 1;
		if (w.netid != NULL && !lex_is(w.netid, "tcp") &&
		    !lex_is(w.netid, "udp")) {
			s->sink->skipped(s->sink->ctx, netid_kind(w.netid),
			    lineno);
			return;
		}
		/* The details start after the peer. */
		tokenize(p, len, t, w.ntok, &rest);
		socket_row(s, &w, rest, p + len, lineno, line);
		return;
	}
	if (indented && s->rows)
		return;			/* -i, -m: details of the row above */
	if (stamp_parse(p, &st)) {
		char text[96];

		lex_copy(text, sizeof text, p, len);
		snapper_stamp(&s->snap, &st, text, lineno);
		s->run_hint = SP_UNKNOWN;
		return;
	}
	if (rangescan_line(&s->rs, p, len, lineno, &r, &done, &bad)) {
		/* "sysctl net.ipv4.ip_local_port_range": a command. */
		if (bad && !command_line(s, p, len))
			s->sink->issue(s->sink->ctx, lineno, "dynamic port "
			    "range out of bounds: ignored", line);
		else if (done)
			snapper_range(&s->snap, &r);
		return;
	}
	if ((cmd = command_line(s, p, len)) != 0) {
		/* Its run may come without a header (-H). */
		if (cmd == 2)
			s->nostate = s->cmd_state_raw[0] != '\0';
		return;
	}
	if (uname_line(s, t, n))
		return;
	s->sink->issue(s->sink->ctx, lineno, "not an ss line", line);
}

static void *
ss_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct ss	*s;

	(void)opts;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return NULL;
	s->sink = sink;
	snapper_init(&s->snap, sink, "linux", "ss output");
	rangescan_init(&s->rs);
	return s;
}

static void
ss_close(void *arg)
{
	struct ss	*s = arg;

	snapper_close(&s->snap);
	free(s);
}

static int
ss_sniff(const char *const *lines, size_t n)
{
	struct tok	 t[MAXTOK];
	struct endpoint	 ep;
	struct row	 w;
	size_t		 i, k, nrow = 0, nhead = 0;
	int		 head, nostate = 0;

	for (i = 0; i < n; i++) {
		const char *p = lines[i];
		size_t len;

		while (blank(*p))
			p++;
		len = strlen(p);
		while (len > 0 && (blank(p[len - 1]) || p[len - 1] == '\r'))
			len--;
		k = tokenize(p, len, t, MAXTOK, NULL);
		if (k >= 2 && lex_is(&t[0], "Proto") &&
		    (lex_is(&t[1], "Recv-Q") || lex_is(&t[1], "Refs")))
			return 0;		/* net-tools netstat */
		if ((head = header_line(t, k)) != 0) {
			nhead++;
			nostate = head == 2;
			continue;
		}
		if (!row_shape(t, k, nostate, &w))
			continue;
		if (w.netid != NULL && !lex_is(w.netid, "tcp") &&
		    !lex_is(w.netid, "udp")) {
			nrow++;			/* unix, netlink, ... */
			continue;
		}
		if (endpoint(w.local, &ep) >= 0 && endpoint(w.peer, &ep) >= 0)
			nrow++;
	}
	if (nhead > 0 && nrow > 0)
		return 100;
	if (nrow >= 3)
		return 90;
	if (nhead > 0)
		return 60;
	return nrow > 0 ? 40 : 0;
}

const struct format format_linux_ss = {
	.name = "linux-ss",
	.system = "Linux",
	.commands = "ss -tanp, -tunap, -antp, -a, -e, -o, -i, -m, -H, "
	    "-tanpeio; loops with date",
	.reads = "protocol (Netid), endpoints with zones, state, every owning "
	    "process (users:((...))), uid (-e), date stamps, dynamic port "
	    "range (sysctl, /proc); skips unix, netlink, packet and raw "
	    "sockets",
	.sniff = ss_sniff,
	.open = ss_open,
	.line = ss_line,
	.close = ss_close,
};
