/*
 * range.h — the dynamic (ephemeral) port range a system uses by default.
 *
 * DESIGN.md, "Dynamic range": --port-range first, then a range stated in the
 * input, then the default of the OS named by the input.  This file owns the
 * defaults and the words that explain them.
 */
#ifndef REPORTS_RANGE_H
#define REPORTS_RANGE_H

struct port_range {
	int		 lo, hi;
	const char	*why;		/* static text */
};

/* The default for an OS ("windows", "linux", ...) and its version text. */
struct port_range	range_default(const char *os, const char *os_version);

/* Parse "LO-HI" (--port-range).  0 on success, -1 when malformed. */
int			range_parse(const char *s, int *lo, int *hi);

#endif /* REPORTS_RANGE_H */
