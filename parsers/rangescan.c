/*
 * rangescan.c — recognizing dynamic port range statements in any input.
 *
 * The forms are listed in rangescan.h.  netsh prints its labels in the
 * display language, so its block is recognized by shape: a short title line
 * naming tcp or udp, a line of dashes, then two "label : number" lines (the
 * start, then the number of ports).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/rangescan.h"

#define LINUX_KEY	"net.ipv4.ip_local_port_range"
#define PROC_KEY	"ip_local_port_range"
#define BSD_FIRST	"net.inet.ip.portrange.first"
#define BSD_LAST	"net.inet.ip.portrange.last"

void
rangescan_init(struct rangescan *r)
{
	memset(r, 0, sizeof *r);
	r->title = -1;
	r->bsd_first = r->bsd_last = -1;
}

/* A number 0..99999 at *p, skipping blanks before it; -1 if none. */
static long
number(const char **p, const char *end)
{
	long	v = 0;
	int	digits = 0;

	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
	while (*p < end && isdigit((unsigned char)**p) && digits < 6) {
		v = v * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	return digits > 0 && digits < 6 ? v : -1;
}

static int
only_blanks(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t')
			return 0;
	return 1;
}

static int
set(struct ps_range *out, long lo, long hi, enum proto proto,
    const char *source, unsigned long line, int *done, int *bad)
{
	if (lo < 1 || hi > 65535 || lo > hi) {
		*bad = 1;
		return 1;
	}
	memset(out, 0, sizeof *out);
	out->lo = (int)lo;
	out->hi = (int)hi;
	out->proto = proto;
	out->source = source;
	out->line = line;
	*done = 1;
	return 1;
}

/* "Protocol tcp Dynamic Port Range" in any language: short, no digits. */
static int
netsh_title(const char *p, size_t len)
{
	const char	*end = p + len, *w;
	int		 words = 0, proto = -1;

	if (memchr(p, ':', len) != NULL)
		return -1;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			break;
		for (w = p; p < end && *p != ' ' && *p != '\t'; p++)
			if (isdigit((unsigned char)*p))
				return -1;
		words++;
		if (words > 1 && proto < 0 && p - w == 3) {
			if (strncasecmp(w, "tcp", 3) == 0)
				proto = PROTO_TCP;
			else if (strncasecmp(w, "udp", 3) == 0)
				proto = PROTO_UDP;
		}
	}
	return words <= 8 ? proto : -1;
}

static int
dashes(const char *p, size_t len)
{
	size_t	i;

	if (len < 8)
		return 0;
	for (i = 0; i < len; i++)
		if (p[i] != '-')
			return 0;
	return 1;
}

/* netsh's "Start Port : 49152" / "Number of Ports : 16384". */
static int
netsh_field(struct rangescan *r, const char *p, size_t len,
    unsigned long lineno, struct ps_range *out, int *done, int *bad)
{
	const char	*colon = memchr(p, ':', len), *v, *end = p + len;
	long		 n;

	if (colon == NULL)
		return 0;
	v = colon + 1;
	if ((n = number(&v, end)) < 0 || !only_blanks(v, end))
		return 0;
	if (r->netsh == 1) {
		r->first = n;
		r->line = lineno;
		r->netsh = 2;
		return 1;
	}
	r->netsh = 0;
	return set(out, r->first, r->first + n - 1, r->proto,
	    r->proto == PROTO_TCP ? "netsh int ipv4 show dynamicport tcp" :
	    "netsh int ipv4 show dynamicport udp", r->line, done, bad);
}

/* KEY = LO HI, KEY: LO HI, KEY LO HI (sysctl and its variants). */
static int
pair_after(const char *p, size_t len, const char *key, long *lo, long *hi)
{
	const char	*end = p + len, *k;
	size_t		 klen = strlen(key);

	if ((k = memmem(p, len, key, klen)) == NULL)
		return 0;
	p = k + klen;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '=' || *p == ':'))
		p++;
	if ((*lo = number(&p, end)) < 0 || (*hi = number(&p, end)) < 0)
		return -1;
	return only_blanks(p, end) ? 1 : -1;
}

/* Nothing but blanks, '=' or ':' after the key: the command, not a value. */
static int
key_alone(const char *p, size_t len, const char *key)
{
	const char	*k = memmem(p, len, key, strlen(key)), *end = p + len;

	for (k += strlen(key); k < end; k++)
		if (*k != ' ' && *k != '\t' && *k != '=' && *k != ':')
			return 0;
	return 1;
}

int
rangescan_line(struct rangescan *r, const char *line, size_t len,
    unsigned long lineno, struct ps_range *out, int *done, int *bad)
{
	const char	*p = line, *v;
	long		 lo, hi, n;
	int		 t, k, label;

	*done = *bad = 0;
	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
	    p[len - 1] == '\r'))
		len--;
	label = r->proc_label;
	r->proc_label = 0;
	t = r->title;
	r->title = -1;
	if (len == 0)
		return 0;

	if (r->netsh > 0) {
		if (netsh_field(r, p, len, lineno, out, done, bad))
			return 1;
		r->netsh = 0;
	}
	if (t >= 0 && dashes(p, len)) {
		r->netsh = 1;
		r->proto = (enum proto)t;
		return 1;
	}
	if ((k = pair_after(p, len, LINUX_KEY, &lo, &hi)) != 0) {
		if (k < 0 && key_alone(p, len, LINUX_KEY)) {
			r->proc_label = 1;	/* "sysctl KEY": value next */
			return 1;
		}
		if (k < 0) {
			*bad = 1;
			return 1;
		}
		return set(out, lo, hi, PROTO_TCP, "net.ipv4.ip_local_port_range",
		    lineno, done, bad);
	}
	if (memmem(p, len, PROC_KEY, strlen(PROC_KEY)) != NULL) {
		r->proc_label = 1;	/* "cat /proc/.../ip_local_port_range" */
		return 1;
	}
	if (label) {
		/* The content of the file: "32768	60999". */
		v = p;
		if ((lo = number(&v, p + len)) >= 0 &&
		    (hi = number(&v, p + len)) >= 0 && only_blanks(v, p + len))
			return set(out, lo, hi, PROTO_TCP,
			    "/proc/sys/net/ipv4/ip_local_port_range", lineno,
			    done, bad);
	}
	if ((k = (memmem(p, len, BSD_FIRST, strlen(BSD_FIRST)) != NULL)) ||
	    memmem(p, len, BSD_LAST, strlen(BSD_LAST)) != NULL) {
		const char *key = k ? BSD_FIRST : BSD_LAST;

		v = (const char *)memmem(p, len, key, strlen(key)) + strlen(key);
		while (v < p + len && (*v == ' ' || *v == ':' || *v == '='))
			v++;
		if (v == p + len || !isdigit((unsigned char)*v))
			return 1;	/* the echoed command, not its answer */
		n = number(&v, p + len);
		/* sysctl -w prints "first: 49152 -> 32768": the new value. */
		while (v < p + len && (*v == ' ' || *v == '-' || *v == '>'))
			v++;
		if (v < p + len && isdigit((unsigned char)*v))
			n = number(&v, p + len);
		if (n < 0 || !only_blanks(v, p + len)) {
			*bad = 1;
			return 1;
		}
		if (k)
			r->bsd_first = n;
		else
			r->bsd_last = n;
		if (r->bsd_line == 0)
			r->bsd_line = lineno;
		if (r->bsd_first >= 0 && r->bsd_last >= 0) {
			lo = r->bsd_first;
			hi = r->bsd_last;
			r->bsd_first = r->bsd_last = -1;
			n = (long)r->bsd_line;
			r->bsd_line = 0;
			return set(out, lo, hi, PROTO_TCP, "net.inet.ip.portrange",
			    (unsigned long)n, done, bad);
		}
		return 1;
	}
	if ((r->title = netsh_title(p, len)) >= 0)
		return 1;
	return 0;
}
