/*
 * stamp.h — date/time lines written before a snapshot.
 *
 * Collection loops write a stamp before each netstat run: cmd.exe's
 * `%date% %time%` in the machine's locale, PowerShell's Get-Date, Unix
 * `date`, ISO 8601.  stamp_parse() recognizes a line that is only such a
 * stamp.  When a date's day and month are both numbers that could be either
 * (11/10/2026), the order is decided once for the whole file from every stamp
 * in it (stamp_decide), never guessed per line.
 */
#ifndef PARSERS_STAMP_H
#define PARSERS_STAMP_H

#include <stddef.h>

enum date_order {
	DATE_ORDER_UNKNOWN,
	DATE_ORDER_DMY,
	DATE_ORDER_MDY
};

/* Why a stamp's order is what it is. */
enum stamp_basis {
	STAMP_BASIS_NONE,	/* nothing in the line settles it */
	STAMP_BASIS_FORMAT,	/* Y-M-D or a month name: needs no order */
	STAMP_BASIS_FIELD,	/* a day field above 12 */
	STAMP_BASIS_WEEKDAY,	/* the weekday fits only one order */
	STAMP_BASIS_DOTS	/* d.m.y: dotted dates are day first */
};

struct stamp {
	int		 year;
	int		 a, b;		/* the day/month fields in written order */
	int		 month_named;	/* month written as a name: a=month, b=day */
	enum date_order	 order;		/* what this line alone settles; MDY
					   (a=month) for Y-M-D and month names */
	int		 wday;		/* 0 = Sunday .. 6, -1 when not written */
	int		 hour, min, sec;
	char		 frac[10];	/* fraction-of-second digits as written */
	char		 tz[16];	/* zone as written ("UTC", "+0100"), or "" */
	enum stamp_basis basis;		/* why order is what it is */
};

/* 1 when the whole line is a date/time stamp (filled into *out), else 0. */
int		stamp_parse(const char *line, struct stamp *out);

/*
 * The day/month order for a file's stamps: `option` (--date-order) wins when
 * not UNKNOWN; else what the stamps settle (a field > 12, a weekday that fits
 * only one order, the format's convention such as d.m.y).  Writes a short
 * explanation to why.  UNKNOWN when nothing decides: the caller then leaves
 * taken_at NULL and says so.  Stamps that contradict each other decide
 * nothing: UNKNOWN, and why says so.  Stamps that need no order (Y-M-D, a
 * month name, day equal to month) are left out; when no stamp needs one the
 * result is UNKNOWN too, and stamp_iso() still succeeds for every stamp.
 */
enum date_order	stamp_decide(const struct stamp *v, size_t n,
		    enum date_order option, char *why, size_t whylen);

/*
 * ISO 8601 text "2026-11-23 14:05:33.12" (fraction as written, no zone) in
 * buf.  Returns 0 when the order is needed but UNKNOWN, the date is not a
 * real calendar date, the time is not a real time, or buf is too short;
 * else 1.
 */
int		stamp_iso(const struct stamp *, enum date_order order, char *buf,
		    size_t len);

#endif /* PARSERS_STAMP_H */
