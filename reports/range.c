/*
 * range.c — default dynamic port ranges per OS, and --port-range parsing.
 */
#include <stdlib.h>
#include <string.h>

#include "reports/range.h"

struct port_range
range_default(const char *os, const char *os_version)
{
	struct port_range	r;

	if (os != NULL && strcmp(os, "windows") == 0) {
		/* XP and Server 2003 are NT 5.x: 1025-5000. */
		if (os_version != NULL && os_version[0] == '5' &&
		    os_version[1] == '.') {
			r.lo = 1025;
			r.hi = 5000;
			r.why = "Windows XP/Server 2003 default (the input says "
			    "version 5.x)";
			return r;
		}
		r.lo = 49152;
		r.hi = 65535;
		r.why = "Windows Vista and later default";
		return r;
	}
	if (os != NULL && strcmp(os, "capture") == 0) {
		r.lo = 32768;
		r.hi = 60999;
		r.why = "Linux default (net.ipv4.ip_local_port_range), taken "
		    "for connections seen on the wire; say --port-range when "
		    "the clients are other systems";
		return r;
	}
	if (os != NULL && strcmp(os, "linux") == 0) {
		r.lo = 32768;
		r.hi = 60999;
		r.why = "Linux default (net.ipv4.ip_local_port_range)";
		return r;
	}
	if (os != NULL && (strcmp(os, "macos") == 0 ||
	    strcmp(os, "freebsd") == 0)) {
		r.lo = 49152;
		r.hi = 65535;
		r.why = "macOS/BSD default (net.inet.ip.portrange)";
		return r;
	}
	r.lo = 49152;
	r.hi = 65535;
	r.why = "IANA dynamic range (the input does not say which OS)";
	return r;
}

int
range_parse(const char *s, int *lo, int *hi)
{
	char	*end;
	long	 a, b;

	a = strtol(s, &end, 10);
	if (end == s || (*end != '-' && *end != ':'))
		return -1;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end != '\0')
		return -1;
	if (a < 1 || b > 65535 || a > b)
		return -1;
	*lo = (int)a;
	*hi = (int)b;
	return 0;
}
