/*
 * flowtime.c — the strict number, count and time readers of flowtime.h,
 * shared by zeek_conn.c, tshark_conv.c and flow_csv.c.
 *
 * Dates become Unix seconds through days_from_civil() (proleptic Gregorian,
 * no time zone database, no locale), so a date means the same on every
 * machine that reads it.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/flowtime.h"

#define NUMBER_MAX	64	/* longest number text read */

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

int
flowtime_number(const char *s, size_t len, double *out)
{
	char	 buf[NUMBER_MAX];
	char	*end;
	size_t	 i = 0, nd = 0;
	double	 v;

	if (len == 0 || len >= sizeof buf)
		return 0;
	if (s[i] == '-')
		i++;
	while (i < len && digit(s[i])) {
		i++;
		nd++;
	}
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && digit(s[i])) {
			i++;
			nd++;
		}
	}
	if (nd == 0)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == len || !digit(s[i]))
			return 0;
		while (i < len && digit(s[i]))
			i++;
	}
	if (i != len)
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	v = strtod(buf, &end);
	if (end != buf + len || !isfinite(v))
		return 0;
	*out = v;
	return 1;
}

int
flowtime_count(const char *s, size_t len, unsigned long long *out)
{
	unsigned long long	v = 0;
	size_t			i, nd = 0, group = 0;
	int			grouped = 0;

	if (len == 0 || !digit(s[0]))
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == ',') {
			/* "1,234": one to three digits first, then threes. */
			if ((grouped && group != 3) || (!grouped && group > 3) ||
			    group == 0)
				return 0;
			grouped = 1;
			group = 0;
			continue;
		}
		if (!digit(s[i]) || ++nd > 19)
			return 0;
		v = v * 10 + (unsigned long long)(s[i] - '0');
		group++;
	}
	if (grouped && group != 3)
		return 0;
	*out = v;
	return 1;
}

/* n digits at s as a number, or -1. */
static long
fixed(const char *s, size_t n)
{
	long	v = 0;
	size_t	i;

	for (i = 0; i < n; i++) {
		if (!digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long
days_from_civil(long y, long m, long d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* "HH:MM:SS[.frac]" at s; the bytes read in *used. */
static int
clock_part(const char *s, size_t len, double *out, size_t *used)
{
	long	h, mi, sec;
	double	frac = 0, scale = 0.1;
	size_t	i;

	if (len < 8 || s[2] != ':' || s[5] != ':')
		return 0;
	if ((h = fixed(s, 2)) < 0 || (mi = fixed(s + 3, 2)) < 0 ||
	    (sec = fixed(s + 6, 2)) < 0)
		return 0;
	if (h > 23 || mi > 59 || sec > 60)
		return 0;
	i = 8;
	if (i < len && (s[i] == '.' || s[i] == ',')) {
		i++;
		if (i == len || !digit(s[i]))
			return 0;
		for (; i < len && digit(s[i]); i++) {
			frac += (s[i] - '0') * scale;
			scale /= 10;
		}
	}
	*out = (double)(h * 3600 + mi * 60 + sec) + frac;
	*used = i;
	return 1;
}

int
flowtime_clock(const char *s, size_t len, double *out)
{
	size_t	used;

	return clock_part(s, len, out, &used) && used == len;
}

int
flowtime_iso(const char *s, size_t len, double *out)
{
	static const int mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	long	 y, mo, d, zh, zm, off = 0;
	double	 t;
	size_t	 used, rest;
	const char *z;

	if (len < 19 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != ' '))
		return 0;
	if ((y = fixed(s, 4)) < 0 || (mo = fixed(s + 5, 2)) < 0 ||
	    (d = fixed(s + 8, 2)) < 0)
		return 0;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
		return 0;
	if (!clock_part(s + 11, len - 11, &t, &used))
		return 0;
	z = s + 11 + used;
	rest = len - 11 - used;
	if (rest == 1 && z[0] == 'Z')
		;
	else if (rest == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':') {
		if ((zh = fixed(z + 1, 2)) < 0 || (zm = fixed(z + 4, 2)) < 0)
			return 0;
		off = (zh * 60 + zm) * 60 * (z[0] == '-' ? -1 : 1);
	} else if (rest == 5 && (z[0] == '+' || z[0] == '-')) {
		if ((zh = fixed(z + 1, 2)) < 0 || (zm = fixed(z + 3, 2)) < 0)
			return 0;
		off = (zh * 60 + zm) * 60 * (z[0] == '-' ? -1 : 1);
	} else if (rest != 0)
		return 0;
	assert(off > -86400 * 2 && off < 86400 * 2);
	*out = (double)days_from_civil(y, mo, d) * 86400.0 + t - (double)off;
	return 1;
}
