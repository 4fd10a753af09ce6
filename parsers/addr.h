/*
 * addr.h — turning "address:port" text into a canonical endpoint.
 *
 * Owns the rules every parser shares: brackets around IPv6, zone ids kept
 * apart ("%12", "%eth0"), RFC 5952 text through inet_pton/inet_ntop, "*" and
 * port names, and what counts as "no remote" (0.0.0.0:0, [::]:0, *:*).
 */
#ifndef PARSERS_ADDR_H
#define PARSERS_ADDR_H

#include <stddef.h>

#include "parsers/record.h"

/*
 * Parse s[0..len) written as host:port, [v6]:port or v6:port (the last colon
 * splits the port), into ep.  Returns the address family, 4 or 6, 0 when the
 * host is a name or '*' (family unknown; ep->numeric tells which), or -1 when the text is not an endpoint.
 */
int	addr_parse(const char *s, size_t len, struct endpoint *ep);

/*
 * Canonical text for a numeric address s[0..len) (no brackets, no zone) in
 * out.  Returns 4 or 6, or 0 when it is not a numeric address.
 */
int	addr_canon(const char *s, size_t len, char *out, size_t outlen);

/* Make ep the "no remote" endpoint. */
void	addr_none(struct endpoint *ep);

/* 1 when ep is the unspecified address with port 0 or '*' (no remote). */
int	addr_is_none(const struct endpoint *ep);

/* An address block, --local 10.0.0.0/8 or fd00::/8 (a bare address: /32, /128). */
struct cidr {
	int		 family;	/* 4 or 6 */
	unsigned char	 addr[16];	/* network order, host bits zero */
	int		 bits;
};

/* Parse s into *c: 0, or -1 when it is not an address block. */
int	cidr_parse(const char *s, struct cidr *c);

/* 1 when the canonical numeric address text is inside c. */
int	cidr_contains(const struct cidr *c, const char *addr);

#endif /* PARSERS_ADDR_H */
