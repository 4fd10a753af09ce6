/*
 * format.h — the table of input formats, one parser each.
 *
 * A parser is a small state machine fed one decoded line at a time.  It emits
 * events through the sink of record.h and knows nothing of where they go.
 * sniff() scores the first lines of a file so that the right parser is chosen
 * without --format; the table order breaks ties.
 */
#ifndef PARSERS_FORMAT_H
#define PARSERS_FORMAT_H

#include <stddef.h>
#include <stdio.h>

#include "parsers/record.h"

#define SNIFF_LINES	200	/* lines a sniffer may look at */
#define SNIFF_BYTES	16	/* leading bytes a binary sniffer may look at */

/* What the command line tells a parser.  Every field may be NULL/0. */
struct parse_opts {
	const char	*columns;	/* --columns: "laddr=Source,lport=3,..." */
};

/*
 * A format is either line-based (sniff/open/line/close: decoded text lines)
 * or binary (sniff_bytes/read: the raw stream, for pcap and pcapng); the
 * unused members are NULL.
 */
struct format {
	const char	*name;		/* --format NAME */
	const char	*system;	/* "Windows", "Linux", ... */
	const char	*commands;	/* the commands whose output it reads */
	const char	*reads;		/* what it takes from them */
	/* 0 (not this format) .. 100 (certainly this format). */
	int		(*sniff)(const char *const *lines, size_t n);
	void		*(*open)(const struct ps_sink *,
			    const struct parse_opts *);
	void		(*line)(void *, const char *line, size_t len,
			    unsigned long lineno);
	void		(*close)(void *);	/* flushes, then frees */

	/* Binary formats: 0..100 from the first bytes (n <= SNIFF_BYTES). */
	int		(*sniff_bytes)(const unsigned char *, size_t n);
	/*
	 * Reads the whole stream fp, from its first byte, into the sink, and
	 * leaves fp open (the caller closes it; it may be a stream without a
	 * file descriptor).  0 when done (problems inside are sink issues),
	 * -1 when the stream could not be read at all: err says why.
	 */
	int		(*read)(FILE *fp, const struct ps_sink *,
			    const struct parse_opts *, char *err,
			    size_t errlen);
	/*
	 * 1: the format's records are flows (struct ps_flow); the receiver
	 * makes the snapshots from them.  0: it sends snapshots and sockets.
	 */
	int		 flows;
};

extern const struct format *const formats[];	/* NULL-terminated */

const struct format	*format_find(const char *name);

/*
 * The best line-based format for these lines, or NULL when none scores
 * above 0.
 */
const struct format	*format_sniff(const char *const *lines, size_t n,
			    int *score);

/* The binary format these leading bytes belong to, or NULL. */
const struct format	*format_sniff_bytes(const unsigned char *, size_t n);

/* Parsers, for the table in formats.c. */
extern const struct format format_windows_netstat;
extern const struct format format_powershell;
extern const struct format format_linux_ss;
extern const struct format format_linux_netstat;
extern const struct format format_bsd_netstat;
extern const struct format format_tshark_fields;
extern const struct format format_tshark_conv;
extern const struct format format_zeek_conn;
extern const struct format format_flow_csv;
extern const struct format format_pcap;

#endif /* PARSERS_FORMAT_H */
