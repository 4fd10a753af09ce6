/*
 * flowtime.h — numbers, counts and times as the flow readers find them in
 * text (Zeek conn.log, tshark conversation tables, CSV lists of
 * connections).
 *
 * Owns the strict reading of those cells, written once so that the three
 * readers agree: a number is decimal text and nothing else, a time of day
 * or a date is read field by field (never through the locale), and a date
 * without a zone is taken as UTC.  Nothing here allocates; every function
 * reads s[0..len), which need not be terminated.
 */
#ifndef PARSERS_FLOWTIME_H
#define PARSERS_FLOWTIME_H

#include <stddef.h>

/*
 * 1 with *out when s[0..len) is a finite decimal number: an optional '-',
 * digits, an optional fraction, an optional exponent ("1521911721.255387",
 * "0.0121", "1e-3").  0 for anything else, blanks included.
 */
int	flowtime_number(const char *s, size_t len, double *out);

/*
 * 1 with *out when s[0..len) is a count: 1 to 19 digits, optionally
 * grouped by ',' in threes ("1,234").  0 otherwise.
 */
int	flowtime_count(const char *s, size_t len, unsigned long long *out);

/*
 * 1 with *out in Unix seconds when s[0..len) is a date and time:
 * "YYYY-MM-DDTHH:MM:SS", 'T' or one blank between date and time, an
 * optional fraction, then "Z", "+HH:MM", "-HHMM" or nothing (UTC).
 */
int	flowtime_iso(const char *s, size_t len, double *out);

/* 1 with *out seconds since midnight for "HH:MM:SS[.frac]". */
int	flowtime_clock(const char *s, size_t len, double *out);

#endif /* PARSERS_FLOWTIME_H */
