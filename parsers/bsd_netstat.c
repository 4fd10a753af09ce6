/*
 * bsd_netstat.c — macOS and FreeBSD `netstat` socket listings.
 *
 * Reads `netstat -an`, `-An` (socket address and, on macOS, flow hash
 * columns before Proto), FreeBSD `-AanP` (Tcpcb column, Log ID after the
 * state), macOS `-anv` (PID, or "process:pid" on newer releases), as one run
 * or many runs appended to one file by a collection loop, with what such
 * loops put between runs: `date` stamps, `sysctl net.inet.ip.portrange.*`
 * lines (other sysctl output is passed over), `uname`, `sw_vers`, echoed
 * commands ("$ netstat -an", "+ date").  Any other line is an issue.
 *
 * A socket row is
 *
 *	[address [flowhash]] proto Recv-Q Send-Q local foreign [state] [extra...]
 *
 * tokenized on blanks.  The protocol is found after at most two hex columns;
 * its suffix gives the family (tcp4 4, tcp6 6, tcp46 dual-stack: 6).  An
 * endpoint is host.port, split at the LAST dot ("127.0.0.1.5432", "*.22",
 * "fe80::1%lo0.123", "::1.8080"); "*.*" is no remote; a local "*" is the
 * wildcard bind, stored as 0.0.0.0 or :: by the row's family so that it
 * reads like every other format's wildcard.  udp rows have no state: UNCONN.
 * The -v columns after the state are found by the column header's names,
 * never by a fixed index: "pid" (macOS 10 to 12) or "process:pid" (newer),
 * whose value may hold blanks ("Code Helper (Plu:84517": the name is cut to
 * 16 characters by netstat and stored as it is).
 *
 * Cut columns.  Without -W, netstat cuts an IPv6 host to 16 characters
 * ("%.16s") and the whole endpoint to its column (18 characters with -A, 22
 * without), so a long IPv6 address loses its tail ("2600:1700:bab0:d.5") and
 * with -A a long IPv4 endpoint loses the tail of its port
 * ("192.168.1.221.5486" for port 5486x).  Such text is not a number to store:
 *   - an IPv6 host of exactly 16 characters (the cut length) is kept as
 *     written, as a name (numeric = 0), even when the cut text happens to
 *     parse ("2603:1030:b00::e"); a zone after '%' only loses its own tail;
 *   - in a row with the -A column, an endpoint of exactly 18 characters
 *     whose port has fewer than 5 digits may have lost port digits: the
 *     port is kept as written in port_name, port -1, numeric = 0;
 * unless an earlier row of the run shows it was made with -W (an endpoint
 * longer than 22 characters, which only -W prints).  The row is otherwise
 * fine, so this is no issue: the socket is stored, marked unresolved
 * (numeric = 0), and the text is there to read.
 *
 * Sections.  "Active Internet connections" starts a snapshot (through the
 * snapper).  The other sections of a full listing ("Active LOCAL (UNIX)
 * domain sockets", "Active UNIX domain sockets", "Active Multipath Internet
 * connections", "Registered kernel control modules", "Active kernel event
 * sockets", "Active kernel control sockets", ...) and their rows are not
 * stored: each row is counted through sink->skipped, as are icm4, icm6 and
 * other raw protocols' rows.  macOS prints its icmp6 rows after the Multipath
 * section: a row of the Internet shape is read there as one.
 *
 * OS.  The snapshot's os is, in this order: what a system line in the file
 * says (uname -a or -s, sw_vers, sysctl kern.ostype, freebsd-version; it is
 * one machine, so it holds for the rest of the file, and gives os_version
 * where it says one); else the run's column header: FreeBSD writes one blank
 * between "Send-Q" and "Local Address" and names its -A column "Tcpcb",
 * macOS writes two blanks and "Socket"/"Flowhash"; else what an earlier
 * run or section title showed ("Active UNIX domain sockets" is FreeBSD's,
 * "Active LOCAL (UNIX) domain sockets" and the kernel sections macOS's);
 * else "macos".  (tcp46 and the -A address width are printed by both.)
 *
 * No allocation per line: every string an event points to is copied into a
 * fixed buffer here.
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/addr.h"
#include "parsers/format.h"
#include "parsers/lex.h"
#include "parsers/rangescan.h"
#include "parsers/snapshots.h"
#include "parsers/stamp.h"

#define MAXTOK		48
#define MAXLEAD		2	/* hex columns before Proto (-A: address, flowhash) */
#define CUT_HOST6	16	/* netstat's "%.16s" for an IPv6 host */
#define CUT_A		18	/* endpoint column with -A */
#define CUT_WIDE	22	/* longest endpoint without -W */

enum section {
	SEC_NONE,		/* before any title, or after a stamp */
	SEC_INET,		/* Active Internet connections */
	SEC_MPTCP,		/* Active Multipath Internet connections */
	SEC_OTHER		/* UNIX domain, kernel control, ...: skipped */
};

enum rowproto {
	RP_TCP,
	RP_UDP,
	RP_OTHER		/* icm4, icm6, ip6, sctp4, div4, ...: skipped */
};


struct bsdstat {
	const struct ps_sink	*sink;
	struct snapper		 snap;
	struct rangescan	 ranges;

	enum section		 sec;
	const char		*skip_what;	/* rows of the current section */
	int			 expect_cols;	/* next line: the section's header */

	/* The run (one netstat output): reset by its title or a stamp. */
	int			 wide;		/* made with -W: nothing is cut */
	int			 pid_col;	/* -v: index after the state, or -1 */
	const char		*run_os;	/* from its column header */

	const char		*sys_os;	/* from a system line: sticky */
	const char		*file_os;	/* from earlier runs and titles */

	/* The socket being sent. */
	struct ps_socket	 sock;
	char			 state_raw[48];
	char			 process[64];

	/* Unknown state words, each reported once. */
	struct state_seen	 unknown;	/* state words reported */
};





static int
contains(const char *p, size_t len, const char *word)
{
	return memmem(p, len, word, strlen(word)) != NULL;
}


static int
all_hex(const char *p, size_t len)
{
	size_t	i;

	if (len == 0 || len > 16)
		return 0;
	for (i = 0; i < len; i++)
		if (!isxdigit((unsigned char)p[i]))
			return 0;
	return 1;
}

/*
 * A protocol column: lower-case letters, then nothing, 4, 6 or 46.  Returns
 * 1 with the protocol and the family its suffix says (0: none), else 0.
 */
static int
proto_word(const struct tok *t, enum rowproto *rp, int *family)
{
	size_t	i = 0;

	if (t->len < 2 || t->len > 8)
		return 0;
	while (i < t->len && t->p[i] >= 'a' && t->p[i] <= 'z')
		i++;
	if (i < 2)
		return 0;
	if (i == t->len)
		*family = 0;
	else if (t->len - i == 1 && t->p[i] == '4')
		*family = 4;
	else if (t->len - i == 1 && t->p[i] == '6')
		*family = 6;
	else if (t->len - i == 2 && t->p[i] == '4' && t->p[i + 1] == '6')
		*family = 6;		/* dual-stack */
	else
		return 0;
	if (i == 3 && (memcmp(t->p, "tcp", 3) == 0 ||
	    memcmp(t->p, "toe", 3) == 0))	/* FreeBSD TCP offload */
		*rp = RP_TCP;
	else if (i == 3 && memcmp(t->p, "udp", 3) == 0)
		*rp = RP_UDP;
	else
		*rp = RP_OTHER;
	return 1;
}

/* What the pipeline counts a skipped row of this protocol as. */
static const char *
other_what(const struct tok *t)
{
	if (t->len >= 3 && memcmp(t->p, "icm", 3) == 0)
		return "icmp";
	if (t->len >= 4 && memcmp(t->p, "sctp", 4) == 0)
		return "sctp";
	return "raw";
}

/* Letters a host name or numeric host may hold. */
static int
host_chars(const char *p, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];

		if (!isalnum(c) && c != '.' && c != ':' && c != '-' &&
		    c != '_' && c != '%')
			return 0;
	}
	return 1;
}

/*
 * One endpoint written host.port, split at the last dot.  remote: "*.*" is
 * then no remote; a_col: the row has the -A column; wide: the run was made
 * with -W.  A host '*' is left as "*" for the caller to name by the row's
 * family.  Returns the address's own family (4, 6, or 0 for '*' and names),
 * or -1 when the text is no endpoint.
 */
static int
bsd_endpoint(const char *s, size_t len, int remote, int a_col, int wide,
    struct endpoint *ep)
{
	const char	*dot = NULL, *host, *port, *pct, *p;
	size_t		 hostlen, portlen, addrlen, i;
	long		 v = 0;
	int		 fam;

	ep->addr[0] = ep->zone[0] = ep->port_name[0] = '\0';
	ep->port = -1;
	ep->numeric = 1;
	for (p = s + len; p > s; p--)
		if (p[-1] == '.') {
			dot = p - 1;
			break;
		}
	if (dot == NULL || dot == s || dot == s + len - 1)
		return -1;
	host = s;
	hostlen = (size_t)(dot - s);
	port = dot + 1;
	portlen = (size_t)(s + len - port);

	/* The port: '*', digits, or a service name. */
	if (portlen == 1 && port[0] == '*')
		ep->port = -1;
	else if (lex_digits(port, portlen) && portlen <= 5) {
		for (i = 0; i < portlen; i++)
			v = v * 10 + (port[i] - '0');
		if (v > 65535)
			return -1;
		ep->port = (int)v;
	} else {
		for (i = 0; i < portlen; i++) {
			unsigned char c = (unsigned char)port[i];

			if (!isalnum(c) && c != '-' && c != '_' && c != '+')
				return -1;
		}
		lex_copy(ep->port_name, sizeof ep->port_name, port, portlen);
		ep->numeric = 0;
	}

	if (hostlen == 1 && host[0] == '*') {
		if (remote && ep->port == -1 && ep->port_name[0] == '\0') {
			addr_none(ep);
			return 0;
		}
		strcpy(ep->addr, "*");	/* the caller names it by family */
		return 0;
	}
	if (!host_chars(host, hostlen))
		return -1;

	addrlen = hostlen;
	if ((pct = memchr(host, '%', hostlen)) != NULL) {
		lex_copy(ep->zone, sizeof ep->zone, pct + 1,
		    (size_t)(host + hostlen - pct - 1));
		addrlen = (size_t)(pct - host);
	}
	fam = addr_canon(host, addrlen, ep->addr, sizeof ep->addr);
	if (fam == 6 && !wide && pct == NULL && hostlen == CUT_HOST6)
		fam = 0;	/* maybe cut: "2603:1030:b00::e" */
	if (fam == 0) {
		/* A name, or a cut IPv6 host: kept as written. */
		lex_copy(ep->addr, sizeof ep->addr, host, addrlen);
		ep->numeric = 0;
	}
	if (a_col && !wide && len == CUT_A && ep->port >= 0 && portlen < 5) {
		/* Port digits may be cut: "192.168.1.221.5486". */
		lex_copy(ep->port_name, sizeof ep->port_name, port, portlen);
		ep->port = -1;
		ep->numeric = 0;
	}
	return fam;
}

static const char *
current_os(const struct bsdstat *b)
{
	if (b->sys_os != NULL)
		return b->sys_os;
	if (b->run_os != NULL)
		return b->run_os;
	if (b->file_os != NULL)
		return b->file_os;
	return "macos";
}

/* The snapper names the os of the snapshot it sends: keep it current. */
static void
sync_os(struct bsdstat *b)
{
	b->snap.os = current_os(b);
}

static void
new_run(struct bsdstat *b)
{
	b->wide = 0;
	b->pid_col = -1;
	b->run_os = NULL;
}

static void
unknown_state(struct bsdstat *b, const char *word, unsigned long line,
    const char *text)
{
	char	reason[160];

	if (state_unknown_once(&b->unknown, word, reason, sizeof reason))
		b->sink->issue(b->sink->ctx, line, reason, text);
}

/*
 * The -v PID (or newer macOS's "process:pid") among the columns after the
 * state, t[0..n).  A process name may hold blanks: its value runs to the
 * first token that ends in ":digits".
 */
static void
pid_column(struct bsdstat *b, const struct tok *t, size_t n)
{
	struct ps_socket	*k = &b->sock;
	const struct tok	*v;
	const char		*colon;
	size_t			 i, j;

	if (b->pid_col < 0 || (size_t)b->pid_col >= n)
		return;
	i = (size_t)b->pid_col;
	v = &t[i];
	if (lex_digits(v->p, v->len)) {
		k->pid = strtol(v->p, NULL, 10);
		return;
	}
	for (j = i; j < n && j < i + 4; j++) {
		for (colon = t[j].p + t[j].len; colon > t[j].p &&
		    colon[-1] != ':'; colon--)
			;
		if (colon == t[j].p || !lex_digits(colon,
		    (size_t)(t[j].p + t[j].len - colon)))
			continue;
		k->pid = strtol(colon, NULL, 10);
		if (colon - 1 > v->p) {
			lex_copy(b->process, sizeof b->process, v->p,
			    (size_t)(colon - 1 - v->p));
			k->process = b->process;
		}
		return;
	}
}

/*
 * A socket row.  Returns 1 when it was sent, 2 when it is a row of a
 * protocol not stored (counted as skipped), -1 when it has a TCP or UDP
 * protocol column but cannot be read, 0 when it is no row at all.
 */
static int
socket_line(struct bsdstat *b, const struct tok *t, size_t n,
    unsigned long lineno, const char *text)
{
	struct ps_socket	*k = &b->sock;
	struct endpoint		 local, remote;
	enum rowproto		 rp;
	size_t			 p, extra;
	int			 family, lf, rf, a_col;

	for (p = 0; p <= MAXLEAD && p < n; p++) {
		if (proto_word(&t[p], &rp, &family))
			break;
		if (!all_hex(t[p].p, t[p].len))
			return 0;
	}
	if (p > MAXLEAD || p >= n)
		return 0;
	a_col = p > 0;
	if (n < p + 5 || !lex_digits(t[p + 1].p, t[p + 1].len) ||
	    !lex_digits(t[p + 2].p, t[p + 2].len))
		return rp == RP_OTHER || n < p + 3 ? 0 : -1;
	if (t[p + 3].len > CUT_WIDE || t[p + 4].len > CUT_WIDE)
		b->wide = 1;		/* only -W prints these */
	lf = bsd_endpoint(t[p + 3].p, t[p + 3].len, 0, a_col, b->wide, &local);
	rf = bsd_endpoint(t[p + 4].p, t[p + 4].len, 1, a_col, b->wide, &remote);
	if (lf < 0 || rf < 0)
		return rp == RP_OTHER ? 0 : -1;
	if (rp == RP_OTHER) {
		b->sink->skipped(b->sink->ctx, other_what(&t[p]), lineno);
		return 2;
	}

	sync_os(b);
	snapper_socket(&b->snap, lineno);

	memset(k, 0, sizeof *k);
	k->proto = rp == RP_TCP ? PROTO_TCP : PROTO_UDP;
	k->family = family ? family : lf ? lf : rf ? rf : 4;
	/* The wildcard bind: the unspecified address of the row's family. */
	if (strcmp(local.addr, "*") == 0)
		strcpy(local.addr, k->family == 6 ? "::" : "0.0.0.0");
	if (strcmp(remote.addr, "*") == 0)
		strcpy(remote.addr, k->family == 6 ? "::" : "0.0.0.0");
	k->local = local;
	k->remote = remote;
	k->pid = -1;
	k->line = lineno;
	b->state_raw[0] = '\0';

	/* The state (TCP; a udp row has none), then the -v columns. */
	extra = p + 5;
	if (extra < n) {
		enum state st;

		lex_copy(b->state_raw, sizeof b->state_raw, t[extra].p,
		    t[extra].len);
		st = state_lookup(t[extra].p, t[extra].len);
		if (rp == RP_TCP) {
			k->state = st;
			k->state_raw = b->state_raw;
			if (st == ST_UNKNOWN)
				unknown_state(b, b->state_raw, lineno, text);
			extra++;
		} else if (st != ST_UNKNOWN) {
			k->state = st;
			k->state_raw = b->state_raw;
			extra++;
		} else {
			b->state_raw[0] = '\0';
			k->state = ST_UNCONN;
		}
	} else if (rp == RP_UDP) {
		k->state = ST_UNCONN;
	} else {
		b->sink->issue(b->sink->ctx, lineno, "TCP line without a "
		    "state", text);
		k->state = ST_UNKNOWN;
	}
	if (extra < n)
		pid_column(b, t + extra, n - extra);
	b->sink->socket(b->sink->ctx, k);
	return 1;
}

/* "Active Internet connections" with or without "(including servers)". */
static int
inet_title(const char *p, size_t len)
{
	return lex_starts_with(p, len, "Active Internet connections");
}

/* The title of a section that is not stored, and what its rows count as. */
static const char *
other_title(const char *p, size_t len, const char **os)
{
	*os = NULL;
	if (lex_starts_with(p, len, "Active LOCAL (UNIX) domain sockets")) {
		*os = "macos";
		return "unix";
	}
	if (lex_starts_with(p, len, "Active UNIX domain sockets")) {
		*os = "freebsd";
		return "unix";
	}
	if (lex_starts_with(p, len, "Registered kernel control modules")) {
		*os = "macos";
		return "kernel control module";
	}
	if (lex_starts_with(p, len, "Active kernel event sockets")) {
		*os = "macos";
		return "kernel event";
	}
	if (lex_starts_with(p, len, "Active kernel control sockets")) {
		*os = "macos";
		return "kernel control";
	}
	if (lex_starts_with(p, len, "Netgraph sockets"))
		return "netgraph";
	if (lex_starts_with(p, len, "Active ") && (contains(p, len, "sockets") ||
	    contains(p, len, "connections") || contains(p, len,
	    "associations")))
		return contains(p, len, "SCTP") ? "sctp" : "other";
	return NULL;
}

/*
 * The Internet section's column header: "Proto Recv-Q Send-Q  Local
 * Address ... (state) [-v names]", after "Tcpcb" or "Socket Flowhash" with
 * -A.  Notes the -v PID column and what the layout says of the OS.
 */
static int
inet_columns(struct bsdstat *b, const char *p, size_t len,
    const struct tok *t, size_t n)
{
	const char	*sendq;
	size_t		 i, proto = n, state = n;

	for (i = 0; i < n && i <= MAXLEAD; i++)
		if (lex_is(&t[i], "Proto")) {
			proto = i;
			break;
		}
	if (proto == n || !contains(p, len, "Local Address"))
		return 0;
	for (i = proto; i < n; i++)
		if (lex_is(&t[i], "(state)")) {
			state = i;
			break;
		}
	b->pid_col = -1;
	for (i = state + 1; i < n; i++)
		if (lex_is(&t[i], "pid") || lex_is(&t[i], "process:pid")) {
			b->pid_col = (int)(i - state - 1);
			break;
		}
	if (lex_is(&t[0], "Tcpcb"))
		b->run_os = "freebsd";
	else if (lex_is(&t[0], "Socket") || contains(p, len, "Flowhash"))
		b->run_os = "macos";
	else if ((sendq = memmem(p, len, "Send-Q", 6)) != NULL) {
		const char *q = sendq + 6, *end = p + len;

		if (end - q > 2 && q[0] == ' ' && q[1] != ' ')
			b->run_os = "freebsd";
		else if (end - q > 3 && q[0] == ' ' && q[1] == ' ' &&
		    q[2] != ' ')
			b->run_os = "macos";
	}
	if (b->run_os != NULL)
		b->file_os = b->run_os;
	return 1;
}

/* "12.1-RELEASE", "13.2-RELEASE-p4", "14.0-CURRENT": a FreeBSD release. */
static int
freebsd_release(const struct tok *t)
{
	size_t	i = 0, j;

	while (i < t->len && isdigit((unsigned char)t->p[i]))
		i++;
	if (i == 0 || i >= t->len || t->p[i] != '.')
		return 0;
	for (j = ++i; i < t->len && isdigit((unsigned char)t->p[i]); i++)
		;
	if (i == j || i + 2 > t->len || t->p[i] != '-' ||
	    !isupper((unsigned char)t->p[i + 1]))
		return 0;
	return 1;
}

static void
set_system(struct bsdstat *b, const char *os, const struct tok *version)
{
	char	v[32];

	b->sys_os = os;
	b->file_os = os;
	if (version != NULL) {
		lex_copy(v, sizeof v, version->p, version->len);
		snapper_version(&b->snap, v);
	}
}

/*
 * Lines that say which system this is: `uname -a` or `-s`, `sw_vers`,
 * `sysctl kern.ostype kern.osrelease kern.osproductversion`,
 * `freebsd-version`.  Returns 1 when the line was one.
 */
static int
system_line(struct bsdstat *b, const struct tok *t, size_t n)
{
	if (lex_is(&t[0], "FreeBSD") && (n == 1 || (n >= 3 &&
	    freebsd_release(&t[2])))) {
		set_system(b, "freebsd", n >= 3 ? &t[2] : NULL);
		return 1;
	}
	if (lex_is(&t[0], "Darwin") && (n == 1 || (n >= 4 &&
	    lex_is(&t[3], "Darwin")))) {
		/* Darwin's own version is not the macOS release. */
		set_system(b, "macos", NULL);
		return 1;
	}
	if (n == 1 && freebsd_release(&t[0])) {
		set_system(b, "freebsd", &t[0]);
		return 1;
	}
	if (lex_is(&t[0], "ProductName:")) {
		if (n >= 2 && (lex_is(&t[1], "macOS") || lex_is(&t[1], "Mac")))
			set_system(b, "macos", NULL);
		return 1;
	}
	if (lex_is(&t[0], "ProductVersion:") && n == 2) {
		set_system(b, "macos", &t[1]);
		return 1;
	}
	if (lex_is(&t[0], "BuildVersion:") ||
	    lex_is(&t[0], "ProductVersionExtra:"))
		return 1;
	if ((lex_is(&t[0], "kern.ostype:") || lex_is(&t[0], "kern.ostype")) &&
	    n >= 2) {
		const struct tok *v = &t[n - 1];

		if (lex_is(v, "FreeBSD"))
			set_system(b, "freebsd", NULL);
		else if (lex_is(v, "Darwin"))
			set_system(b, "macos", NULL);
		return 1;
	}
	if ((lex_is(&t[0], "kern.osrelease:") ||
	    lex_is(&t[0], "kern.osrelease")) && n >= 2) {
		if (freebsd_release(&t[n - 1]))
			set_system(b, "freebsd", &t[n - 1]);
		return 1;
	}
	if ((lex_is(&t[0], "kern.osproductversion:") ||
	    lex_is(&t[0], "kern.osproductversion")) && n >= 2) {
		set_system(b, "macos", &t[n - 1]);
		return 1;
	}
	return 0;
}

static int
command_word(const struct tok *t)
{
	static const char *const cmds[] = {
		"netstat", "sysctl", "date", "uname", "sw_vers",
		"freebsd-version", "echo", "sleep", "sockstat", "lsof", NULL
	};
	const char *const	*c;

	for (c = cmds; *c != NULL; c++)
		if (lex_is(t, *c))
			return 1;
	return 0;
}

/*
 * An echoed command: "$ netstat -an", "mac:~ admin$ date",
 * "root@fbsd:~ # sysctl net.inet.ip.portrange", "+ netstat -an" (sh -x),
 * or the command alone ("netstat -an", "sleep 900").  netstat's own error
 * messages ("netstat: kvm not available") are not: they stay issues.
 */
static int
prompt_line(const struct tok *t, size_t n)
{
	size_t	i;

	if (command_word(&t[0]))
		return 1;
	for (i = 1; i < n && i < 4; i++) {
		char c = t[i - 1].p[t[i - 1].len - 1];

		if ((c == '$' || c == '#' || c == '%' || c == '>' ||
		    (c == '+' && t[i - 1].len == 1)) && command_word(&t[i]))
			return 1;
	}
	return 0;
}

/* sysctl output: "net.inet.ip.portrange.hifirst: 49152", "a.b = c". */
static int
sysctl_line(const struct tok *t, size_t n)
{
	const struct tok	*k = &t[0];
	size_t			 i, dots = 0, len = k->len;

	if (len > 0 && k->p[len - 1] == ':')
		len--;
	else if (!(n >= 2 && (lex_is(&t[1], "=") || lex_is(&t[1], ":"))))
		return 0;
	if (len < 3 || !islower((unsigned char)k->p[0]))
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)k->p[i];

		if (c == '.')
			dots++;
		else if (!islower(c) && !isdigit(c) && c != '_' && c != '-')
			return 0;
	}
	return dots > 0;
}

/* macOS's MPTCP rows: "mptcp/00 ...", " tcp4/01 ...", "[tok(0x..) ...]". */
static int
mptcp_row(const struct tok *t)
{
	return memchr(t->p, '/', t->len) != NULL || t->p[0] == '[';
}

static void
bsd_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct bsdstat	*b = arg;
	struct tok	 t[MAXTOK];
	struct stamp	 st;
	struct ps_range	 r;
	const char	*p = line, *what, *os;
	size_t		 n;
	int		 rc, done, bad, cols;

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
	cols = b->expect_cols;
	b->expect_cols = 0;

	if (b->sec != SEC_OTHER) {
		if ((rc = socket_line(b, t, n, lineno, line)) > 0)
			return;
		if (rc < 0) {
			b->sink->issue(b->sink->ctx, lineno, "socket line that "
			    "cannot be read", line);
			return;
		}
	}
	/* Rows there lead with an address or id ("7fb03cb95130f2c5", "a000a"). */
	if (b->sec == SEC_OTHER && n >= 3 && t[0].len >= 5 &&
	    all_hex(t[0].p, t[0].len)) {
		b->sink->skipped(b->sink->ctx, b->skip_what, lineno);
		return;
	}
	if (inet_title(p, len)) {
		b->sec = SEC_INET;
		new_run(b);
		sync_os(b);
		snapper_header(&b->snap, lineno);
		return;
	}
	if (lex_starts_with(p, len, "Active Multipath Internet connections")) {
		b->sec = SEC_MPTCP;
		b->skip_what = "mptcp";
		b->file_os = "macos";
		b->expect_cols = 1;
		return;
	}
	if ((what = other_title(p, len, &os)) != NULL) {
		b->sec = SEC_OTHER;
		b->skip_what = what;
		if (os != NULL)
			b->file_os = os;
		b->expect_cols = 1;
		return;
	}
	if (b->sec != SEC_OTHER && b->sec != SEC_MPTCP &&
	    inet_columns(b, p, len, t, n))
		return;
	if (system_line(b, t, n))
		return;
	if (prompt_line(t, n))
		return;
	if (rangescan_line(&b->ranges, p, len, lineno, &r, &done, &bad)) {
		if (bad)
			b->sink->issue(b->sink->ctx, lineno, "dynamic port range "
			    "out of bounds: ignored", line);
		else if (done) {
			sync_os(b);
			snapper_range(&b->snap, &r);
		}
		return;
	}
	if (stamp_parse(p, &st)) {
		b->sec = SEC_NONE;
		new_run(b);
		sync_os(b);
		snapper_stamp(&b->snap, &st, line, lineno);
		return;
	}
	if (sysctl_line(t, n))
		return;
	if (cols)
		return;			/* the section's column header */
	if (b->sec == SEC_MPTCP && mptcp_row(&t[0])) {
		b->sink->skipped(b->sink->ctx, b->skip_what, lineno);
		return;
	}
	b->sink->issue(b->sink->ctx, lineno, "not a netstat line", line);
}

static void *
bsd_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct bsdstat	*b;

	(void)opts;
	if ((b = calloc(1, sizeof *b)) == NULL)
		return NULL;
	b->sink = sink;
	b->pid_col = -1;
	snapper_init(&b->snap, sink, "macos", "netstat output");
	rangescan_init(&b->ranges);
	return b;
}

static void
bsd_close(void *arg)
{
	struct bsdstat	*b = arg;

	sync_os(b);
	snapper_close(&b->snap);
	free(b);
}

/*
 * BSD rows: a protocol with a 4, 6 or 46 suffix (after at most two hex
 * columns), two queue numbers, and two host.port endpoints.  Linux net-tools
 * shares the title and the Recv-Q/Send-Q header but writes tcp, tcp6 and
 * host:port, which are no BSD endpoints; ss, Windows and PowerShell write
 * neither.
 */
static int
bsd_sniff(const char *const *lines, size_t n)
{
	struct tok	 t[MAXTOK];
	struct endpoint	 ep;
	enum rowproto	 rp;
	size_t		 i, k, p, nrow = 0, nhead = 0, ncols = 0;
	int		 family;

	for (i = 0; i < n; i++) {
		const char *s = lines[i];
		size_t len;

		while (*s == ' ' || *s == '\t')
			s++;
		len = strlen(s);
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r' ||
		    s[len - 1] == '\t' || s[len - 1] == '\n'))
			len--;
		if (len == 0)
			continue;
		if (inet_title(s, len)) {
			nhead++;
			continue;
		}
		k = lex_tokens(s, len, t, MAXTOK);
		if (contains(s, len, "Local Address") &&
		    contains(s, len, "(state)") && contains(s, len, "Proto")) {
			ncols++;
			continue;
		}
		for (p = 0; p <= MAXLEAD && p < k; p++) {
			if (proto_word(&t[p], &rp, &family))
				break;
			if (!all_hex(t[p].p, t[p].len))
				break;
		}
		if (p > MAXLEAD || p + 5 > k || !proto_word(&t[p], &rp,
		    &family) || family == 0 || rp == RP_OTHER)
			continue;
		if (lex_digits(t[p + 1].p, t[p + 1].len) &&
		    lex_digits(t[p + 2].p, t[p + 2].len) &&
		    bsd_endpoint(t[p + 3].p, t[p + 3].len, 0, 0, 0, &ep) >= 0 &&
		    bsd_endpoint(t[p + 4].p, t[p + 4].len, 1, 0, 0, &ep) >= 0)
			nrow++;
	}
	if (nrow > 0 && nhead + ncols > 0)
		return 100;
	if (nrow >= 3)
		return 90;
	if (nrow > 0)
		return 70;
	if (ncols > 0)
		return 30;
	return 0;
}

const struct format format_bsd_netstat = {
	.name = "bsd-netstat",
	.system = "macOS/FreeBSD",
	.commands = "netstat -an, -An, -anv (macOS), -AanP (FreeBSD); loops "
	    "with date, sysctl net.inet.ip.portrange",
	.reads = "protocol and family (tcp4, tcp6, tcp46), addr.port endpoints "
	    "(cut columns kept as written), state, PID and process (macOS -v), "
	    "dynamic port range (net.inet.ip.portrange.first/last), date "
	    "stamps, OS and version (column layout, uname, sw_vers)",
	.sniff = bsd_sniff,
	.open = bsd_open,
	.line = bsd_line,
	.close = bsd_close,
};
