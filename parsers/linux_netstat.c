/*
 * linux_netstat.c — Linux net-tools `netstat` output.
 *
 * Reads `netstat -tanp`, `-anp`, `-tunap`, `-aeep` (User and Inode
 * columns), `-lnp`, `-an`, `-o` (timers) and the same without -n (host and
 * service names), as one run or many runs appended to one file by a
 * collection loop, with what such loops put between runs: `date` stamps,
 * `sysctl net.ipv4.ip_local_port_range` or /proc lines, echoed commands,
 * netstat's own "(Not all processes could be identified ...)" note.
 *
 * A socket row is
 *
 *	proto Recv-Q Send-Q local foreign [state] [user inode] [pid/name|-] [timer]
 *
 * tokenized on blanks.  The Program name may contain blanks ("1234/nginx:
 * master p", "600/sshd: /usr/sbin") and a localized state may be two words,
 * so no column is taken by a fixed index: the PID is the first "digits/"
 * token (or "-") after the foreign address, the name is the rest of the line
 * after the slash (less a trailing -o timer), an all-digits token right
 * before it is the -e Inode with the User before that, and the words left
 * between the foreign address and those are the state.  udp rows have no
 * state (UNCONN) or ESTABLISHED.  The protocol decides the family: tcp6 rows
 * are IPv6 sockets even when they show IPv4-mapped addresses.
 *
 * raw sockets, the "Active UNIX domain sockets" section and other address
 * families' sections (Bluetooth, AX.25, ...) are not stored: their rows are
 * counted through sink->skipped, not reported as issues.
 *
 * Snapshots and ranges go through the snapper (snapshots.h) and rangescan
 * (rangescan.h): an "Active Internet connections" header or a stamp line
 * starts a snapshot; a range statement anywhere applies from where it is.
 * No allocation per line: every string an event points to is copied into a
 * fixed buffer here.
 */
#include <assert.h>
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

#define MAXTOK		32
#define STAMP_MAX	256	/* longer lines are no date/time stamp */

/*
 * "Active Internet connections " as net-tools writes it in its translations
 * (cs, de, et, fr, ja, pt_BR); a parenthesis always follows on Linux.
 */
static const char *const inet_headers[] = {
	"Active Internet connections",
	"Aktivní Internetová spojení",		/* cs */
	"Aktive Internetverbindungen",		/* de */
	"Aktiivsed internetiühendused",		/* et */
	"Connexions Internet actives",		/* fr */
	"稼働中のインターネット接続",		/* ja */
	"Conexões Internet Ativas",		/* pt_BR */
	NULL
};

/* The parentheses net-tools puts after it: -a, -l, neither (and translated). */
static const char *const inet_modes[] = {
	"(servers and established)",
	"(only servers)",
	"(w/o servers)",
	"(servery a navázaná spojení)", "(pouze servery)", "(w/o servery)",
	"(Server und stehende Verbindungen)", "(Nur Server)", "(ohne Server)",
	"(serverid ja ühendatud)", "(ainult serverid)", "(ilma serveriteta)",
	"(serveurs et établies)", "(seulement serveurs)", "(sans serveurs)",
	"(サーバと確立)", "(サーバのみ)", "(w/oサーバ)",
	"(servidores e estabelecidas)", "(sem os servidores)",
	NULL
};

/* Sections of other address families, whose rows are not stored. */
static const char *const other_headers[] = {
	"Active UNIX domain sockets",
	"Active Bluetooth connections",
	"Active IPX sockets",
	"Active AX.25 sockets",
	"Active NET/ROM sockets",
	"Active X.25 sockets",
	"Active Rose sockets",
	"Aktivní sokety domény UNIX",		/* cs */
	"Aktive Sockets in der UNIX-Domäne",	/* de */
	"Aktiivsed UNIX domeeni soklid",	/* et */
	"Sockets du domaine UNIX actives",	/* fr */
	"稼働中のUNIXドメインソケット",		/* ja */
	"Domain sockets UNIX ativos",		/* pt_BR */
	NULL
};

/* netstat's note on stderr when -p runs without root (often in the file). */
static const char *const notes[] = {
	"(Not all processes could be identified",
	"will not be shown, you would have to be root",
	"(No info could be read for",
	NULL
};

enum section {
	SEC_INET,		/* Internet rows (also before any header) */
	SEC_OTHER		/* unix, Bluetooth, ...: rows are skipped */
};


struct lnstat {
	const struct ps_sink	*sink;
	struct snapper		 snap;
	struct rangescan	 rs;
	enum section		 section;

	struct ps_socket	 sock;
	char			 state_raw[96];
	char			 process[256];
	char			 owner[64];

	/* Unknown state words, each reported once. */
	struct state_seen	 unknown;	/* state words reported */
	int			 told_cut;	/* a cut address was reported */
};






static int
contains(const char *p, size_t len, const char *s)
{
	return memmem(p, len, s, strlen(s)) != NULL;
}

/* tcp, tcp6, udp, udp6: 1 with the protocol and whether it is v6. */
static int
inet_proto(const struct tok *t, enum proto *proto, int *v6)
{
	*v6 = lex_is(t, "tcp6") || lex_is(t, "udp6");
	if (lex_is(t, "tcp") || lex_is(t, "tcp6")) {
		*proto = PROTO_TCP;
		return 1;
	}
	if (lex_is(t, "udp") || lex_is(t, "udp6")) {
		*proto = PROTO_UDP;
		return 1;
	}
	return 0;
}

/* Rows of sockets that are not stored: what to count them as, or NULL. */
static const char *
skipped_proto(const struct tok *t)
{
	if (lex_is(t, "raw") || lex_is(t, "raw6"))
		return "raw";
	if (lex_is(t, "udpl") || lex_is(t, "udpl6"))
		return "udplite";
	if (lex_is(t, "unix"))
		return "unix";
	return NULL;
}

/* An "Active Internet connections (...)" line, in any translation. */
static int
inet_header(const char *p, size_t len)
{
	const char *const	*h;

	for (h = inet_headers; *h != NULL; h++)
		if (lex_starts_with(p, len, *h))
			return 1;
	return 0;
}

/* The same with one of Linux's own parentheses (BSD shares the words). */
static int
inet_header_linux(const char *p, size_t len)
{
	const char *const	*m;

	if (!inet_header(p, len))
		return 0;
	for (m = inet_modes; *m != NULL; m++)
		if (contains(p, len, *m))
			return 1;
	return 0;
}

static int
other_header(const char *p, size_t len)
{
	const char *const	*h;

	for (h = other_headers; *h != NULL; h++)
		if (lex_starts_with(p, len, *h))
			return 1;
	return 0;
}

static int
note_line(const char *p, size_t len)
{
	const char *const	*n;

	for (n = notes; *n != NULL; n++)
		if (lex_starts_with(p, len, *n))
			return 1;
	return 0;
}

/* A command echoed into the file: "$ sudo netstat -tanp" for "netstat". */
static int
echoed_command(const struct tok *t, size_t n, const char *cmd)
{
	size_t	i, len = strlen(cmd);

	for (i = 0; i < n; i++) {
		if (t[i].len == len && memcmp(t[i].p, cmd, len) == 0)
			return 1;
		if (t[i].len > len && t[i].p[t[i].len - len - 1] == '/' &&
		    memcmp(t[i].p + t[i].len - len, cmd, len) == 0)
			return 1;
	}
	return 0;
}

/* "off (0.00/0/0)", "keepalive (7190.88/0/0)", translated: the -o timer. */
static int
timer_token(const struct tok *t)
{
	size_t	i, slashes = 0;

	if (t->len < 7 || t->p[0] != '(' || t->p[t->len - 1] != ')')
		return 0;
	for (i = 1; i < t->len - 1; i++) {
		if (t->p[i] == '/')
			slashes++;
		else if (!isdigit((unsigned char)t->p[i]) && t->p[i] != '.' &&
		    t->p[i] != ',' && t->p[i] != '-' && t->p[i] != '(')
			return 0;
	}
	return slashes == 2;
}

/* "1234/nginx:" (PID and the start of the name) or "-" (no owner). */
static int
pid_token(const struct tok *t)
{
	size_t	i;

	if (t->len == 1 && t->p[0] == '-')
		return 1;
	for (i = 0; i < t->len && isdigit((unsigned char)t->p[i]); i++)
		;
	return i > 0 && i <= 10 && i < t->len && t->p[i] == '/';
}

/*
 * An endpoint as net-tools writes it: addr_parse's rules, and one more.
 * Without -W, net-tools cuts a long address to fit its column
 * ("2001:db8:1234:5678:9ab:443"), which no longer parses as IPv6: the text
 * before the last colon is then kept as written, like a name, and the line
 * reported once.  *cut tells.
 */
static int
endpoint(const struct tok *t, struct endpoint *ep, int *cut)
{
	const char	*colon = NULL, *p, *end = t->p + t->len;
	long		 v = 0;
	int		 f;

	*cut = 0;
	if ((f = addr_parse(t->p, t->len, ep)) >= 0)
		return f;
	for (p = end; p > t->p; p--)
		if (p[-1] == ':') {
			colon = p - 1;
			break;
		}
	if (colon == NULL || colon - t->p < 2 || colon + 1 == end)
		return -1;
	for (p = t->p; p < colon; p++)
		if (!isxdigit((unsigned char)*p) && *p != ':' && *p != '.')
			return -1;
	if (memchr(t->p, ':', (size_t)(colon - t->p)) == NULL)
		return -1;
	ep->port = -1;
	ep->port_name[0] = '\0';
	if (colon + 2 == end && colon[1] == '*')
		;
	else if (lex_digits(colon + 1, (size_t)(end - colon - 1))) {
		for (p = colon + 1; p < end; p++)
			v = v * 10 + (*p - '0');
		if (v > 65535)
			return -1;
		ep->port = (int)v;
	} else
		lex_copy(ep->port_name, sizeof ep->port_name, colon + 1,
		    (size_t)(end - colon - 1));
	lex_copy(ep->addr, sizeof ep->addr, t->p, (size_t)(colon - t->p));
	ep->zone[0] = '\0';
	ep->numeric = 0;
	*cut = 1;
	return 0;
}

/*
 * The program name is argv[0] as the process left it.  net-tools drops the
 * directory of an absolute path itself ("/usr/sbin/sshd" -> "sshd") but
 * not of a relative one ("./leakyclient"); drop that here, so the name is
 * the same however the program was started (and as ss shows it).  Only a
 * first word that starts "./", "../" or "~/" is taken for a path: names
 * such as "sshd: /usr/sbin" or "kworker/0:1" stay as they are.
 */
static const char *
program_name(const char *name, const char *end)
{
	const char	*p, *base = name;

	if (!(lex_starts_with(name, (size_t)(end - name), "./") ||
	    lex_starts_with(name, (size_t)(end - name), "../") ||
	    lex_starts_with(name, (size_t)(end - name), "~/")))
		return name;
	for (p = name; p < end && *p != ' ' && *p != '\t'; p++)
		if (*p == '/' && p + 1 < end && p[1] != ' ' && p[1] != '\t')
			base = p + 1;
	return base;
}

static void
unknown_state(struct lnstat *l, const char *word, unsigned long line,
    const char *text)
{
	char	reason[160];

	if (state_unknown_once(&l->unknown, word, reason, sizeof reason))
		l->sink->issue(l->sink->ctx, line, reason, text);
}

/* Join t[first..last) with single spaces into dst. */
static void
join(char *dst, size_t dstlen, const struct tok *t, size_t first,
    size_t last)
{
	char	*o = dst, *end = dst + dstlen - 1;
	size_t	 i, m;

	for (i = first; i < last && o < end; i++) {
		if (i > first)
			*o++ = ' ';
		m = t[i].len;
		if (m > (size_t)(end - o))
			m = (size_t)(end - o);
		memcpy(o, t[i].p, m);
		o += m;
	}
	*o = '\0';
}

/*
 * A tcp/udp row.  Returns 1 when it was one (and was sent), 0 when the line
 * is no socket row this parser can read.
 */
static int
socket_line(struct lnstat *l, const struct tok *t, size_t n,
    const char *p, size_t len, unsigned long lineno, const char *text)
{
	struct ps_socket	*k = &l->sock;
	enum proto		 proto;
	const char		*name, *end;
	size_t			 last, pidtok, first_state, last_state;
	int			 v6, lf, rf, lcut, rcut;

	if (n < 5 || !inet_proto(&t[0], &proto, &v6) ||
	    !lex_digits(t[1].p, t[1].len) || !lex_digits(t[2].p, t[2].len))
		return 0;
	if ((lf = endpoint(&t[3], &k->local, &lcut)) < 0 ||
	    (rf = endpoint(&t[4], &k->remote, &rcut)) < 0)
		return 0;

	/* The tail: drop an -o timer, find the PID, then User and Inode. */
	last = n;
	end = p + len;
	if (last > 6 && timer_token(&t[last - 1])) {
		last -= 2;
		end = t[last].p;
	}
	for (pidtok = 5; pidtok < last && !pid_token(&t[pidtok]); pidtok++)
		;
	first_state = 5;
	last_state = pidtok;
	l->owner[0] = '\0';
	if (last_state >= first_state + 2 &&
	    lex_digits(t[last_state - 1].p, t[last_state - 1].len)) {
		lex_copy(l->owner, sizeof l->owner, t[last_state - 2].p,
		    t[last_state - 2].len);
		last_state -= 2;
	}
	/* Anything after "-" is not this format's. */
	if (pidtok < last && t[pidtok].p[0] == '-' && pidtok + 1 != last)
		return 0;

	k->proto = proto;
	k->family = v6 || lf == 6 || rf == 6 ? 6 : 4;
	k->pid = -1;
	k->process = NULL;
	k->service = NULL;
	k->owner = l->owner[0] ? l->owner : NULL;
	k->ownership_unavailable = 0;
	k->more = NULL;
	k->nmore = 0;
	k->line = lineno;
	k->state_raw = NULL;
	l->process[0] = '\0';
	snapper_socket(&l->snap, lineno);

	if (pidtok < last && t[pidtok].p[0] != '-') {
		k->pid = strtol(t[pidtok].p, NULL, 10);
		name = memchr(t[pidtok].p, '/', t[pidtok].len) + 1;
		while (end > name && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		name = program_name(name, end);
		if (end > name) {
			lex_copy(l->process, sizeof l->process, name,
			    (size_t)(end - name));
			k->process = l->process;
		}
	}

	if (last_state > first_state) {
		join(l->state_raw, sizeof l->state_raw, t, first_state,
		    last_state);
		k->state_raw = l->state_raw;
		k->state = state_lookup(l->state_raw, strlen(l->state_raw));
		if (k->state == ST_UNKNOWN)
			unknown_state(l, l->state_raw, lineno, text);
	} else if (proto == PROTO_UDP) {
		k->state = ST_UNCONN;
	} else {
		l->sink->issue(l->sink->ctx, lineno, "tcp line without a "
		    "state", text);
		k->state = ST_UNKNOWN;
	}
	if ((lcut || rcut) && !l->told_cut) {
		l->told_cut = 1;
		l->sink->issue(l->sink->ctx, lineno, "address cut short by "
		    "netstat (run it with -W, --wide): kept as written "
		    "(reported once)", text);
	}
	l->sink->socket(l->sink->ctx, k);
	return 1;
}

/* A date/time stamp line: stamp_parse wants it NUL-terminated. */
static int
stamp_line(struct lnstat *l, const char *p, size_t len, unsigned long lineno)
{
	char		buf[STAMP_MAX];
	struct stamp	st;

	if (len >= sizeof buf)
		return 0;
	memcpy(buf, p, len);
	buf[len] = '\0';
	if (!stamp_parse(buf, &st))
		return 0;
	snapper_stamp(&l->snap, &st, buf, lineno);
	l->section = SEC_INET;
	return 1;
}

static void
ln_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct lnstat	*l = arg;
	struct tok	 t[MAXTOK];
	struct ps_range	 r;
	enum proto	 proto;
	const char	*p = line, *what;
	size_t		 n;
	int		 v6, done, bad;

	while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
	    p[len - 1] == '\r' || p[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	n = lex_tokens(p, len, t, MAXTOK);

	if ((what = skipped_proto(&t[0])) != NULL) {
		l->sink->skipped(l->sink->ctx, what, lineno);
		return;
	}
	if (inet_proto(&t[0], &proto, &v6)) {
		if (!socket_line(l, t, n, p, len, lineno, line))
			l->sink->issue(l->sink->ctx, lineno, "socket line that "
			    "cannot be read", line);
		return;
	}
	if (inet_header(p, len)) {
		snapper_header(&l->snap, lineno);
		l->section = SEC_INET;
		return;
	}
	if (other_header(p, len)) {
		l->section = SEC_OTHER;
		return;
	}
	if (lex_is(&t[0], "Proto"))
		return;				/* a column header */
	if (stamp_line(l, p, len, lineno))
		return;
	if (rangescan_line(&l->rs, p, len, lineno, &r, &done, &bad)) {
		if (bad && echoed_command(t, n, "sysctl")) {
			/*
			 * "$ sysctl [-n] net.ipv4.ip_local_port_range": the
			 * command, not a statement; it labels the next line
			 * (sysctl -n prints only "32768	60999").
			 */
			rangescan_line(&l->rs, "ip_local_port_range", 19,
			    lineno, &r, &done, &bad);
		} else if (bad)
			l->sink->issue(l->sink->ctx, lineno, "port range that "
			    "cannot be read (or out of bounds): ignored", line);
		else if (done)
			snapper_range(&l->snap, &r);
		return;
	}
	if (note_line(p, len) || echoed_command(t, n, "netstat"))
		return;
	if (l->section == SEC_OTHER) {
		/* Bluetooth, AX.25, ... rows: "l2cap ...", "rfcomm ...". */
		size_t i;

		for (i = 0; i < t[0].len; i++)
			if (!islower((unsigned char)t[0].p[i]) &&
			    !isdigit((unsigned char)t[0].p[i]))
				break;
		if (i == t[0].len) {
			l->sink->skipped(l->sink->ctx, "other", lineno);
			return;
		}
	}
	l->sink->issue(l->sink->ctx, lineno, "not a netstat line", line);
}

static void *
ln_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct lnstat	*l;

	(void)opts;
	if ((l = calloc(1, sizeof *l)) == NULL)
		return NULL;
	l->sink = sink;
	snapper_init(&l->snap, sink, "linux", "netstat output");
	rangescan_init(&l->rs);
	l->section = SEC_INET;
	return l;
}

static void
ln_close(void *arg)
{
	struct lnstat	*l = arg;

	snapper_close(&l->snap);
	free(l);
}

/*
 * net-tools: its own "Active Internet connections (servers and
 * established)" header, the column header with Recv-Q and "Foreign Address"
 * and a State column (BSD writes "(state)"), rows "tcp 0 0 addr:port
 * addr:port STATE".  Not net-tools: ss ("Netid ...", "State Recv-Q ..."),
 * BSD and macOS (tcp4, addr.port, "(including servers)"), Windows ("Active
 * Connections", upper-case TCP), PowerShell.
 */
static int
ln_sniff(const char *const *lines, size_t n)
{
	struct tok	 t[MAXTOK];
	struct endpoint	 ep;
	enum proto	 proto;
	size_t		 i, k, nrow = 0, nhead = 0, ncols = 0, other = 0;
	int		 v6;

	for (i = 0; i < n; i++) {
		const char *p = lines[i];
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		len = strlen(p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r' ||
		    p[len - 1] == '\t' || p[len - 1] == '\n'))
			len--;
		if (len == 0)
			continue;
		k = lex_tokens(p, len, t, MAXTOK);
		if (inet_header_linux(p, len)) {
			nhead++;
			continue;
		}
		if (inet_header(p, len) || lex_starts_with(p, len,
		    "Active Connections") || lex_starts_with(p, len,
		    "Active LOCAL (UNIX) domain sockets")) {
			other++;		/* BSD, macOS, Windows */
			continue;
		}
		if (lex_is(&t[0], "Netid") || lex_is(&t[0], "Tcpcb") ||
		    lex_is(&t[0], "Socket") || (k >= 2 &&
		    lex_is(&t[0], "State") && lex_is(&t[1], "Recv-Q"))) {
			other++;		/* ss, BSD -A */
			continue;
		}
		if (lex_is(&t[0], "Proto")) {
			if (contains(p, len, "(state)") ||
			    !contains(p, len, "Recv-Q"))
				other++;	/* BSD, Windows */
			else if (contains(p, len, "Foreign Address"))
				ncols++;
			continue;
		}
		if (contains(p, len, "LocalAddress") ||
		    lex_is(&t[0], "tcp4") || lex_is(&t[0], "tcp46") ||
		    lex_is(&t[0], "udp4") || lex_is(&t[0], "udp46")) {
			other++;		/* PowerShell, BSD */
			continue;
		}
		if (k >= 5 && inet_proto(&t[0], &proto, &v6) &&
		    lex_digits(t[1].p, t[1].len) &&
		    lex_digits(t[2].p, t[2].len) &&
		    addr_parse(t[3].p, t[3].len, &ep) >= 0 &&
		    addr_parse(t[4].p, t[4].len, &ep) >= 0 &&
		    (proto == PROTO_UDP || k >= 6))
			nrow++;
	}
	if (nhead + ncols > 0)
		return nrow > 0 ? 100 : 90;
	if (other > 0)
		return 0;
	if (nrow >= 3)
		return 80;
	return nrow > 0 ? 50 : 0;
}

const struct format format_linux_netstat = {
	.name = "linux-netstat",
	.system = "Linux",
	.commands = "netstat -tanp, -anp, -tunap, -aeep, -lnp, -an, -tanpo, "
	    "netstat -tanp without -n (names); loops with date",
	.reads = "protocol, family (tcp6, udp6), endpoints (numbers or names), "
	    "state, PID and program name (spaces kept), user (-e), date "
	    "stamps, dynamic port range (sysctl, /proc); unix and raw "
	    "sockets counted as skipped",
	.sniff = ln_sniff,
	.open = ln_open,
	.line = ln_line,
	.close = ln_close,
};
