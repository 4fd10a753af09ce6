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

#include "parsers/record.h"

#define SNIFF_LINES	200	/* lines a sniffer may look at */

struct format {
	const char	*name;		/* --format NAME */
	const char	*system;	/* "Windows", "Linux", ... */
	const char	*commands;	/* the commands whose output it reads */
	const char	*reads;		/* what it takes from them */
	/* 0 (not this format) .. 100 (certainly this format). */
	int		(*sniff)(const char *const *lines, size_t n);
	void		*(*open)(const struct ps_sink *);
	void		(*line)(void *, const char *line, size_t len,
			    unsigned long lineno);
	void		(*close)(void *);	/* flushes, then frees */
};

extern const struct format *const formats[];	/* NULL-terminated */

const struct format	*format_find(const char *name);

/* The best format for these lines, or NULL when none scores above 0. */
const struct format	*format_sniff(const char *const *lines, size_t n,
			    int *score);

/* Parsers, for the table in formats.c. */
extern const struct format format_windows_netstat;
extern const struct format format_powershell;
extern const struct format format_linux_ss;
extern const struct format format_linux_netstat;
extern const struct format format_bsd_netstat;

#endif /* PARSERS_FORMAT_H */
