/*
 * rangescan.h — dynamic port ranges stated in any input.
 *
 * Support engineers ask for the range beside the socket list, so it turns up
 * inside captures of every kind:
 *
 *   netsh int ipv4 show dynamicport tcp     (any display language)
 *       Protocol tcp Dynamic Port Range
 *       ---------------------------------
 *       Start Port      : 49152
 *       Number of Ports : 16384
 *   sysctl net.ipv4.ip_local_port_range    net.ipv4.ip_local_port_range = 32768	60999
 *   cat /proc/sys/net/ipv4/ip_local_port_range, when labelled by the line
 *       before it (the command, or a line naming ip_local_port_range):
 *       32768	60999
 *   sysctl net.inet.ip.portrange (macOS, FreeBSD), in either order:
 *       net.inet.ip.portrange.first: 49152
 *       net.inet.ip.portrange.last: 65535
 *
 * A parser offers each line it did not recognize as its own; rangescan_line()
 * says whether the line belongs to a range statement, and fills *out when a
 * statement is complete.  Malformed numbers (a range outside 1-65535) make
 * the line an issue for the parser to report (*bad).  No allocation.
 */
#ifndef PARSERS_RANGESCAN_H
#define PARSERS_RANGESCAN_H

#include <stddef.h>

#include "parsers/record.h"

struct rangescan {
	int		 title;		/* -1, or the proto of a netsh title */
	int		 netsh;		/* 0; 1 after dashes; 2 after the start */
	enum proto	 proto;
	unsigned long	 line;		/* where the statement began */
	long		 first;		/* netsh start, or BSD first */
	int		 proc_label;	/* the last line named ip_local_port_range */
	long		 bsd_first, bsd_last;	/* -1 until seen */
	unsigned long	 bsd_line;
};

void	rangescan_init(struct rangescan *);

/*
 * 1 when line[0..len) (trimmed of blanks) belongs to a range statement,
 * else 0.  When a statement completes, *done is set to 1 and *out filled
 * (out->source points to static text).  *bad is set to 1 when the line
 * belongs to a statement but its numbers make no range.
 */
int	rangescan_line(struct rangescan *, const char *line, size_t len,
	    unsigned long lineno, struct ps_range *out, int *done, int *bad);

#endif /* PARSERS_RANGESCAN_H */
