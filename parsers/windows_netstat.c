/*
 * windows_netstat.c — Windows netstat.exe output, in any display language.
 *
 * Reads `netstat -an`, `-ano`, `-anob`, `-anobq` and plain `netstat`, as one
 * run or many runs appended to one file by a collection loop, with what such
 * loops put between runs: `%date% %time%` stamps, `netsh int ipv4 show
 * dynamicport tcp` blocks, `ver` banners, echoed prompts.
 *
 * The socket line is tokenized on blanks; the first three tokens are the
 * protocol and the two endpoints, a trailing number is the PID, and whatever
 * lies between is the state, which may be several words ("IN ASCOLTO").  The
 * PID is never taken from a fixed column.
 *
 * With -b, ownership lines follow the socket line they describe (a service
 * tag, then "[image.exe]", or "Can not obtain ownership information"), so
 * the parser holds one socket back until its ownership is known.  That
 * socket's text is copied into fixed buffers here: no allocation per line.
 *
 * Snapshots: a header ("Active Connections" in any language) or a date/time
 * stamp line starts one; a stamp followed by a header is one snapshot.  The
 * snapshot event is sent when its first socket arrives, so a stamp written
 * by a loop that was then stopped does not become an empty snapshot.
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

#define MAXTOK		24

/* The "Active Connections" line in each display language. */
static const char *const headers[] = {
	"Active Connections",
	"Aktive Verbindungen",		/* de */
	"Conexiones activas",		/* es */
	"Connessioni attive",		/* it */
	"Connexions actives",		/* fr */
	"Conexões ativas",		/* pt-BR */
	"Ligações activas",		/* pt-PT */
	"Ligações ativas",		/* pt-PT */
	"Actieve verbindingen",		/* nl */
	"Aktywne połączenia",		/* pl */
	"Aktiva anslutningar",		/* sv */
	"Aktive forbindelser",		/* da, nb */
	"Aktiiviset yhteydet",		/* fi */
	"Aktív kapcsolatok",		/* hu */
	"Aktivní připojení",		/* cs */
	"Etkin Bağlantılar",		/* tr */
	"Активные подключения",		/* ru */
	"Активні підключення",		/* uk */
	"活动连接",			/* zh-CN */
	"使用中の接続",			/* ja */
	"활성 연결",			/* ko */
	NULL
};


struct winstat {
	const struct ps_sink	*sink;

	/* The socket line waiting for its -b ownership lines. */
	int			 pending;
	struct ps_socket	 sock;
	char			 state_raw[96];
	char			 image[256];
	char			 service[128];
	unsigned long		 service_line;
	int			 seen_image;	/* a "[image.exe]" line so far */

	struct snapper		 snap;		/* snapshot boundaries */
	struct rangescan	 ranges;	/* netsh blocks and the like */

	/* Unknown state words, each reported once. */
	struct state_seen	 unknown;	/* state words reported */
};





/* TCP, UDP, TCPv6, UDPv6: 1 and the protocol, or 0. */
static int
proto_token(const struct tok *t, enum proto *proto, int *v6)
{
	*v6 = 0;
	if (lex_is_nocase(t, "TCP") || (*v6 = lex_is_nocase(t, "TCPv6"))) {
		*proto = PROTO_TCP;
		return 1;
	}
	if (lex_is_nocase(t, "UDP") || (*v6 = lex_is_nocase(t, "UDPv6"))) {
		*proto = PROTO_UDP;
		return 1;
	}
	return 0;
}

/*
 * A lone word after a socket line that no "[image.exe]" followed: it was not
 * a -b service tag ("^C" after -ano output) but a line that fits no rule.
 */
static void
drop_tag(struct winstat *w)
{
	w->sink->issue(w->sink->ctx, w->service_line, "not a netstat line",
	    w->service);
	w->service[0] = '\0';
}

static void
flush(struct winstat *w)
{
	if (!w->pending)
		return;
	if (w->service[0] && !w->image[0] && !w->sock.ownership_unavailable)
		drop_tag(w);
	w->sock.state_raw = w->state_raw[0] ? w->state_raw : NULL;
	w->sock.process = w->image[0] ? w->image : NULL;
	w->sock.service = w->service[0] ? w->service : NULL;
	w->sink->socket(w->sink->ctx, &w->sock);
	w->pending = 0;
}

static void
unknown_state(struct winstat *w, const char *word, unsigned long line,
    const char *text)
{
	char	reason[160];

	if (state_unknown_once(&w->unknown, word, reason, sizeof reason))
		w->sink->issue(w->sink->ctx, line, reason, text);
}

static int
socket_line(struct winstat *w, const struct tok *t, size_t n,
    unsigned long lineno, const char *text)
{
	struct ps_socket	*k = &w->sock;
	struct endpoint		 local, remote;
	enum proto		 proto;
	int			 v6, lf, rf;
	size_t			 first, last, i;

	if (n < 3 || !proto_token(&t[0], &proto, &v6))
		return 0;
	lf = addr_parse(t[1].p, t[1].len, &local);
	rf = addr_parse(t[2].p, t[2].len, &remote);
	if (lf < 0 || rf < 0)
		return 0;

	/* The socket held back is complete: this line is not its -b line. */
	flush(w);
	snapper_socket(&w->snap, lineno);

	k->local = local;
	k->remote = remote;
	k->proto = proto;
	k->family = lf ? lf : rf ? rf : v6 ? 6 : 4;
	k->pid = -1;
	k->owner = NULL;
	k->ownership_unavailable = 0;
	k->line = lineno;
	w->image[0] = w->service[0] = w->state_raw[0] = '\0';

	/* Tail: state words, then the PID when the line has one. */
	first = 3;
	last = n;
	if (last > first && lex_digits(t[last - 1].p, t[last - 1].len)) {
		k->pid = strtol(t[last - 1].p, NULL, 10);
		last--;
	}
	if (last > first) {
		/* Join the words with single spaces, as the table has them. */
		char	*o = w->state_raw;
		char	*end = w->state_raw + sizeof w->state_raw - 1;

		for (i = first; i < last && o < end; i++) {
			size_t m = t[i].len;

			if (i > first)
				*o++ = ' ';
			if (m > (size_t)(end - o))
				m = (size_t)(end - o);
			memcpy(o, t[i].p, m);
			o += m;
		}
		*o = '\0';
		k->state = state_lookup(w->state_raw, strlen(w->state_raw));
		if (k->state == ST_UNKNOWN)
			unknown_state(w, w->state_raw, lineno, text);
	} else if (proto == PROTO_UDP) {
		k->state = ST_UNCONN;
	} else {
		w->sink->issue(w->sink->ctx, lineno, "TCP line without a "
		    "state", text);
		k->state = ST_UNKNOWN;
	}
	w->pending = 1;
	return 1;
}

/*
 * -b lines after a socket: " [image.exe]", "  RpcSs" (service tag),
 * " Can not obtain ownership information" (in the display language), XP
 * component lists ("C:\WINDOWS\system32\WS2_32.dll",
 * "-- unknown component(s) --").  Returns 1 when the line was one.
 */
static int
ownership_line(struct winstat *w, const char *p, size_t len, size_t ntok,
    unsigned long lineno)
{
	if (!w->pending)
		return 0;
	if (p[0] == '[' && p[len - 1] == ']') {
		lex_copy(w->image, sizeof w->image, p + 1, len - 2);
		w->seen_image = 1;
		flush(w);
		return 1;
	}
	if ((len > 3 && isalpha((unsigned char)p[0]) && p[1] == ':' &&
	    p[2] == '\\') || (len > 2 && p[0] == '-' && p[1] == '-'))
		return 1;		/* XP component: [image] still to come */
	if (ntok == 1) {
		if (w->service[0])
			drop_tag(w);
		lex_copy(w->service, sizeof w->service, p, len);
		w->service_line = lineno;
		return 1;
	}
	/*
	 * "Can not obtain ownership information"; once the file has shown -b
	 * image lines, any other sentence here is the same message in the
	 * display language.
	 */
	if (!w->seen_image && !(len == 36 &&
	    strncasecmp(p, "Can not obtain ownership information", 36) == 0))
		return 0;
	w->sock.ownership_unavailable = 1;
	flush(w);
	return 1;
}

static int
header_line(const char *p, size_t len)
{
	const char *const	*h;

	for (h = headers; *h != NULL; h++)
		if (strlen(*h) == len && strncasecmp(*h, p, len) == 0)
			return 1;
	return 0;
}

/* "Microsoft Windows [Version 10.0.17763.1]" in any language. */
static int
version_line(struct winstat *w, const char *p, size_t len)
{
	const char	*open, *close, *v;

	if (len < 18 || strncasecmp(p, "Microsoft Windows", 17) != 0)
		return 0;
	open = memchr(p, '[', len);
	close = open ? memchr(open, ']', (size_t)(p + len - open)) : NULL;
	if (close == NULL)
		return 1;
	for (v = close; v > open && v[-1] != ' '; v--)
		;
	{
		char	version[32];

		lex_copy(version, sizeof version, v, (size_t)(close - v));
		snapper_version(&w->snap, version);
	}
	return 1;
}

static void
win_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct winstat	*w = arg;
	struct tok	 t[MAXTOK];
	struct stamp	 st;
	struct ps_range	 r;
	enum proto	 proto;
	const char	*p = line;
	size_t		 n;
	int		 v6, done, bad;

	while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
	    p[len - 1] == '\r'))
		len--;
	if (len == 0)
		return;

	n = lex_tokens(p, len, t, MAXTOK);

	if (socket_line(w, t, n, lineno, line))
		return;
	if (proto_token(&t[0], &proto, &v6)) {
		flush(w);	/* what follows is not the last row's */
		w->sink->issue(w->sink->ctx, lineno, "socket line that cannot "
		    "be read", line);
		return;
	}
	if (header_line(p, len)) {
		flush(w);
		snapper_header(&w->snap, lineno);
		return;
	}
	if (lex_is_nocase(&t[0], "Proto"))
		return;				/* column header */
	/*
	 * Lines that loops write between runs come before -b ownership lines:
	 * the socket held back last may never get one (PID 0 TIME_WAIT), and
	 * after -b images any sentence would pass for "Can not obtain
	 * ownership information".
	 */
	if (rangescan_line(&w->ranges, p, len, lineno, &r, &done, &bad)) {
		if (bad)
			w->sink->issue(w->sink->ctx, lineno, "dynamic port range "
			    "out of bounds: ignored", line);
		else if (done)
			snapper_range(&w->snap, &r);
		return;
	}
	if (version_line(w, p, len))
		return;
	if (stamp_parse(p, &st)) {
		flush(w);
		snapper_stamp(&w->snap, &st, line, lineno);
		return;
	}
	if (ownership_line(w, p, len, n, lineno))
		return;
	/* An echoed prompt: "C:\Users\admin>netstat -ano". */
	if (len > 3 && isalpha((unsigned char)p[0]) && p[1] == ':' &&
	    p[2] == '\\' && memchr(p, '>', len) != NULL)
		return;
	w->sink->issue(w->sink->ctx, lineno, "not a netstat line", line);
}

static void *
win_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct winstat	*w;

	(void)opts;
	if ((w = calloc(1, sizeof *w)) == NULL)
		return NULL;
	w->sink = sink;
	snapper_init(&w->snap, sink, "windows", "netstat output");
	rangescan_init(&w->ranges);
	return w;
}

static void
win_close(void *arg)
{
	struct winstat	*w = arg;

	flush(w);
	snapper_close(&w->snap);
	free(w);
}

static int
win_sniff(const char *const *lines, size_t n)
{
	struct tok	 t[MAXTOK];
	struct endpoint	 ep;
	enum proto	 proto;
	size_t		 i, k, nsock = 0, nhead = 0;
	int		 v6;

	for (i = 0; i < n; i++) {
		const char *p = lines[i];
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		len = strlen(p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			len--;
		if (header_line(p, len))
			nhead++;
		k = lex_tokens(p, len, t, MAXTOK);
		if (k >= 1 && lex_is_nocase(&t[0], "Recv-Q"))
			return 0;		/* Linux net-tools */
		if (k >= 2 && lex_is_nocase(&t[0], "Proto") && (lex_is_nocase(&t[1],
		    "Recv-Q") || lex_is_nocase(&t[1], "Refs")))
			return 0;
		/* Windows writes the protocol in capitals. */
		if (k >= 3 && t[0].p[0] >= 'A' && t[0].p[0] <= 'Z' &&
		    proto_token(&t[0], &proto, &v6) &&
		    addr_parse(t[1].p, t[1].len, &ep) >= 0 &&
		    addr_parse(t[2].p, t[2].len, &ep) >= 0)
			nsock++;
	}
	if (nhead > 0 && nsock > 0)
		return 100;
	if (nsock >= 3)
		return 80;
	if (nhead > 0 || nsock > 0)
		return 50;
	return 0;
}

const struct format format_windows_netstat = {
	.name = "windows-netstat",
	.system = "Windows",
	.commands = "netstat -ano, -anob, -anobq, -an, netstat; "
	    "loops with %date% %time%",
	.reads = "protocol, endpoints, state in any display language, PID, "
	    "image and service (-b), dynamic port range (netsh), "
	    "date/time stamps",
	.sniff = win_sniff,
	.open = win_open,
	.line = win_line,
	.close = win_close,
};
