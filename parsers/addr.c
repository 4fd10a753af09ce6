/*
 * addr.c — endpoint text to canonical form.
 *
 * Canonical text comes from inet_ntop(), so "0:0:0:0:0:0:0:1", "::0001" and
 * "::1" are stored alike and IPv4-mapped IPv6 keeps its dotted tail
 * ("::ffff:10.0.0.1"), as RFC 5952 says.  Names (plain `netstat` resolves
 * hosts and ports) are kept as written with numeric = 0 so that the analyses
 * can say they are unresolved instead of treating them as addresses.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <assert.h>
#include <string.h>

#include "parsers/addr.h"

static void
copy_text(char *dst, size_t dstlen, const char *s, size_t len)
{
	assert(dstlen > 0);
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/*
 * A dotted quad that is already canonical (four numbers 0-255 without
 * leading zeros) is its own canonical text: the common case, without the
 * round trip through inet_pton/inet_ntop.
 */
static int
canonical_ipv4(const char *s, size_t len)
{
	size_t	i, digits = 0, dots = 0;
	int	octet = 0;

	if (len < 7 || len > 15)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (digits == 0 || ++dots > 3)
				return 0;
			digits = 0;
			octet = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return 0;
		if (digits > 0 && octet == 0)
			return 0;		/* a leading zero */
		octet = octet * 10 + (s[i] - '0');
		if (++digits > 3 || octet > 255)
			return 0;
	}
	return dots == 3 && digits > 0;
}

int
addr_canon(const char *s, size_t len, char *out, size_t outlen)
{
	char		tmp[ENDPOINT_ADDR_MAX];
	unsigned char	bin[16];

	if (len == 0 || len >= sizeof tmp)
		return 0;
	if (canonical_ipv4(s, len) && len < outlen) {
		memcpy(out, s, len);
		out[len] = '\0';
		return 4;
	}
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (memchr(tmp, ':', len) == NULL) {
		if (inet_pton(AF_INET, tmp, bin) != 1)
			return 0;
		if (inet_ntop(AF_INET, bin, out, outlen) == NULL)
			return 0;
		return 4;
	}
	if (inet_pton(AF_INET6, tmp, bin) != 1)
		return 0;
	if (inet_ntop(AF_INET6, bin, out, outlen) == NULL)
		return 0;
	return 6;
}

void
addr_none(struct endpoint *ep)
{
	ep->addr[0] = '\0';
	ep->zone[0] = '\0';
	ep->port = -1;
	ep->port_name[0] = '\0';
	ep->numeric = 1;
}

int
addr_is_none(const struct endpoint *ep)
{
	if (ep->addr[0] == '\0')
		return 1;
	if (ep->port != 0 && ep->port != -1)
		return 0;
	if (ep->port == -1 && ep->port_name[0] != '\0')
		return 0;
	return strcmp(ep->addr, "0.0.0.0") == 0 || strcmp(ep->addr, "::") == 0 ||
	    strcmp(ep->addr, "*") == 0;
}

/* Port text: digits (0..65535), '*', or a service name. */
static int
parse_port(const char *s, size_t len, struct endpoint *ep)
{
	size_t	i;
	long	v = 0;

	ep->port_name[0] = '\0';
	if (len == 0)
		return -1;
	if (len == 1 && s[0] == '*') {
		ep->port = -1;
		return 0;
	}
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			break;
		v = v * 10 + (s[i] - '0');
		if (v > 65535)
			return -1;
	}
	if (i == len) {
		ep->port = (int)v;
		return 0;
	}
	ep->port = -1;
	copy_text(ep->port_name, sizeof ep->port_name, s, len);
	return 1;
}

int
addr_parse(const char *s, size_t len, struct endpoint *ep)
{
	const char	*host, *port, *pct;
	size_t		 hostlen, portlen;
	int		 family, named_port;

	ep->addr[0] = ep->zone[0] = ep->port_name[0] = '\0';
	ep->port = -1;
	ep->numeric = 1;
	if (len == 0)
		return -1;

	if (s[0] == '[') {
		const char *close = memchr(s, ']', len);

		if (close == NULL || close + 1 >= s + len || close[1] != ':')
			return -1;
		host = s + 1;
		hostlen = (size_t)(close - host);
		port = close + 2;
	} else {
		const char *colon = NULL, *p;

		for (p = s + len; p > s; p--) {
			if (p[-1] == ':') {
				colon = p - 1;
				break;
			}
		}
		if (colon == NULL)
			return -1;
		host = s;
		hostlen = (size_t)(colon - s);
		port = colon + 1;
	}
	portlen = (size_t)(s + len - port);
	if ((named_port = parse_port(port, portlen, ep)) < 0)
		return -1;
	if (hostlen == 0)
		return -1;

	/* A zone id follows '%' inside the host part. */
	if ((pct = memchr(host, '%', hostlen)) != NULL) {
		copy_text(ep->zone, sizeof ep->zone, pct + 1,
		    (size_t)(host + hostlen - pct - 1));
		hostlen = (size_t)(pct - host);
	}

	if (hostlen == 0)
		return -1;		/* "%eth0:80": a zone and no address */
	if (hostlen == 1 && host[0] == '*') {
		strcpy(ep->addr, "*");
		ep->numeric = !named_port;
		return 0;		/* says nothing of the family */
	}
	family = addr_canon(host, hostlen, ep->addr, sizeof ep->addr);
	if (family == 0) {
		/* No host name has a colon: "::1", "fe80::1" lack their port. */
		if (memchr(host, ':', hostlen) != NULL)
			return -1;
		copy_text(ep->addr, sizeof ep->addr, host, hostlen);
		ep->numeric = 0;
		return 0;
	}
	if (named_port)
		ep->numeric = 0;
	return family;
}

int
cidr_parse(const char *s, struct cidr *c)
{
	char		 host[ENDPOINT_ADDR_MAX];
	const char	*slash = strchr(s, '/');
	size_t		 n = slash != NULL ? (size_t)(slash - s) : strlen(s);
	char		*end;
	long		 bits;
	int		 i, max;

	memset(c, 0, sizeof *c);
	if (n == 0 || n >= sizeof host)
		return -1;
	memcpy(host, s, n);
	host[n] = '\0';
	if (inet_pton(AF_INET, host, c->addr) == 1)
		c->family = 4;
	else if (inet_pton(AF_INET6, host, c->addr) == 1)
		c->family = 6;
	else
		return -1;
	max = c->family == 4 ? 32 : 128;
	bits = max;
	if (slash != NULL) {
		if (slash[1] < '0' || slash[1] > '9')
			return -1;
		bits = strtol(slash + 1, &end, 10);
		if (*end != '\0' || bits < 0 || bits > max)
			return -1;
	}
	c->bits = (int)bits;
	for (i = 0; i < max / 8; i++) {
		int keep = c->bits - i * 8;

		if (keep <= 0)
			c->addr[i] = 0;
		else if (keep < 8)
			c->addr[i] &= (unsigned char)(0xff << (8 - keep));
	}
	return 0;
}

int
cidr_contains(const struct cidr *c, const char *addr)
{
	unsigned char	a[16];
	int		i, left;

	if (inet_pton(c->family == 4 ? AF_INET : AF_INET6, addr, a) != 1)
		return 0;
	for (i = 0, left = c->bits; left > 0; i++, left -= 8) {
		unsigned char mask = left >= 8 ? 0xff :
		    (unsigned char)(0xff << (8 - left));

		if ((a[i] & mask) != c->addr[i])
			return 0;
	}
	return 1;
}
