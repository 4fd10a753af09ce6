/*
 * stamp.c — the date/time lines that collection loops write before each
 * snapshot.
 *
 * This file owns the stamp grammar (cmd.exe `%date% %time%` in common
 * locales, PowerShell Get-Date, Unix date, ISO 8601), the English and
 * German weekday and month names, and the rules by which stamps settle the
 * order of a numeric day and month (a field above 12, a weekday that fits
 * only one order, the d.m.y convention).  It is a hand tokenizer: no regex,
 * no allocation, no I/O.  stamp_parse() is called on every line that is not
 * a socket line, so it rejects on the first character or word it can.
 *
 * A line is, after surrounding whitespace and runs of '=', '-' or '#':
 *
 *	[weekday[,]] date time [AM|PM] [zone] [year]
 *
 * where date is Y-M-D, a numeric d/m/y or m/d/y (separator '/', '.' or
 * '-'), or a form with the month's name (Month D[, Y], D[.] Month [Y]); the
 * year comes after the time only when the date has none (Unix date).
 */

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parsers/stamp.h"

struct cur {
	const char	*p;		/* next unread byte */
	const char	*e;		/* end of the stamp text */
};

/* How the date was written. */
enum dkind {
	DK_NAMED,		/* with the month's name */
	DK_YMD,			/* year first: needs no order */
	DK_NUM			/* a/b/YYYY: may need the file's order */
};

struct name {
	const char	*s;		/* lower case; UTF-8 */
	size_t		 len;
	int		 v;
};

#define NAME(s, v)	{ (s), sizeof(s) - 1, (v) }

/* Weekday names as written by the tools, English then German. */
static const struct name wdays[] = {
	NAME("sun", 0), NAME("sunday", 0),
	NAME("mon", 1), NAME("monday", 1),
	NAME("tue", 2), NAME("tues", 2), NAME("tuesday", 2),
	NAME("wed", 3), NAME("wednesday", 3),
	NAME("thu", 4), NAME("thur", 4), NAME("thurs", 4), NAME("thursday", 4),
	NAME("fri", 5), NAME("friday", 5),
	NAME("sat", 6), NAME("saturday", 6),
	NAME("so", 0), NAME("sonntag", 0),
	NAME("mo", 1), NAME("montag", 1),
	NAME("di", 2), NAME("dienstag", 2),
	NAME("mi", 3), NAME("mittwoch", 3),
	NAME("do", 4), NAME("donnerstag", 4),
	NAME("fr", 5), NAME("freitag", 5),
	NAME("sa", 6), NAME("samstag", 6), NAME("sonnabend", 6),
	{ NULL, 0, 0 }
};

static const struct name ampms[] = {
	NAME("am", 0), NAME("pm", 12),
	{ NULL, 0, 0 }
};

/* Month names, 1 = January, English then German. */
static const struct name months[] = {
	NAME("jan", 1), NAME("january", 1), NAME("januar", 1),
	NAME("feb", 2), NAME("february", 2), NAME("februar", 2),
	NAME("mar", 3), NAME("march", 3), NAME("m\xc3\xa4r", 3),
	NAME("m\xc3\xa4rz", 3), NAME("maerz", 3),
	NAME("apr", 4), NAME("april", 4),
	NAME("may", 5), NAME("mai", 5),
	NAME("jun", 6), NAME("june", 6), NAME("juni", 6),
	NAME("jul", 7), NAME("july", 7), NAME("juli", 7),
	NAME("aug", 8), NAME("august", 8),
	NAME("sep", 9), NAME("sept", 9), NAME("september", 9),
	NAME("oct", 10), NAME("october", 10), NAME("okt", 10), NAME("oktober", 10),
	NAME("nov", 11), NAME("november", 11),
	NAME("dec", 12), NAME("december", 12), NAME("dez", 12), NAME("dezember", 12),
	{ NULL, 0, 0 }
};

static int	is_space(int);
static int	is_digit(int);
static int	is_alpha(int);
static int	is_deco(int);
static int	is_wordc(int);
static int	may_start(int);
static int	eat_space(struct cur *);
static int	eat_char(struct cur *, int);
static int	get_num(struct cur *, int, int, int *, const char **);
static size_t	get_word(struct cur *, const char **);
static int	lookup(const struct name *, const char *, size_t);
static int	trim(const char *, struct cur *);
static int	parse_time(struct cur *, struct stamp *, int *);
static int	parse_offset(struct cur *, struct stamp *);
static int	parse_tail(struct cur *, struct stamp *, int, int);
static int	parse_named_rest(struct cur *, struct stamp *, int *);
static int	parse_date(struct cur *, struct stamp *, enum dkind *, int *,
		    int *);
static void	settle(struct stamp *, enum dkind, int);
static int	dow(int, int, int);
static int	mdays(int, int);
static int	needs_no_order(const struct stamp *);
static void	say(char *, size_t, size_t *, const char *, ...)
		    __attribute__((__format__(__printf__, 4, 5)));

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\v' || c == '\f';
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_deco(int c)
{
	return c == '=' || c == '-' || c == '#';
}

/* Letters of a name: ASCII letters and any UTF-8 byte ("März"). */
static int
is_wordc(int c)
{
	return is_alpha(c) || (unsigned char)c >= 0x80;
}

/* Skip one run of whitespace; 0 when there is none. */
static int
eat_space(struct cur *c)
{
	const char	*p0 = c->p;

	while (c->p < c->e && is_space((unsigned char)*c->p))
		c->p++;
	return c->p != p0;
}

static int
eat_char(struct cur *c, int ch)
{
	if (c->p < c->e && *c->p == ch) {
		c->p++;
		return 1;
	}
	return 0;
}

/*
 * A run of between lo and hi digits, its value in *val and where it starts
 * in *at (may be NULL).  The cursor moves only on success.
 */
static int
get_num(struct cur *c, int lo, int hi, int *val, const char **at)
{
	const char	*p = c->p;
	int		 n = 0, v = 0;

	assert(lo >= 1 && lo <= hi && hi <= 9);
	while (p < c->e && is_digit((unsigned char)*p)) {
		if (++n > hi)
			return 0;
		v = v * 10 + (*p - '0');
		p++;
	}
	if (n < lo)
		return 0;
	if (at != NULL)
		*at = c->p;
	*val = v;
	c->p = p;
	return 1;
}

/* A run of name letters; its length (0 for none). */
static size_t
get_word(struct cur *c, const char **w)
{
	const char	*p = c->p;

	while (c->p < c->e && is_wordc((unsigned char)*c->p))
		c->p++;
	*w = p;
	return (size_t)(c->p - p);
}

/* The value of a name, compared without ASCII case; -1 when unknown. */
static int
lookup(const struct name *tab, const char *w, size_t len)
{
	size_t		 i;
	int		 ch;

	for (; tab->s != NULL; tab++) {
		if (tab->len != len)
			continue;
		for (i = 0; i < len; i++) {
			ch = (unsigned char)w[i];
			if (ch >= 'A' && ch <= 'Z')
				ch += 'a' - 'A';
			if (ch != (unsigned char)tab->s[i])
				break;
		}
		if (i == len)
			return tab->v;
	}
	return -1;
}

/*
 * Whether a stamp may start with c: a digit or the first letter of a
 * weekday or month name.  This is the quick reject for the lines that are
 * not stamps.
 */
static int
may_start(int c)
{
	return is_digit(c) ||
	    (is_alpha(c) && strchr("adfjmnostw", c | 0x20) != NULL);
}

/*
 * The stamp text inside whitespace and decoration runs ("=== ... ===",
 * "# ...").  0 when nothing is left or it cannot start a stamp.
 */
static int
trim(const char *line, struct cur *c)
{
	const char	*p = line, *e;

	while (is_space((unsigned char)*p))
		p++;
	while (is_deco((unsigned char)*p))
		p++;
	while (is_space((unsigned char)*p))
		p++;
	if (!may_start((unsigned char)*p))
		return 0;
	e = p + strlen(p);
	while (e > p && is_space((unsigned char)e[-1]))
		e--;
	while (e > p && is_deco((unsigned char)e[-1]))
		e--;
	while (e > p && is_space((unsigned char)e[-1]))
		e--;
	assert(e > p);
	c->p = p;
	c->e = e;
	return 1;
}

/* H:MM:SS with an optional fraction after '.' or ','. */
static int
parse_time(struct cur *c, struct stamp *st, int *hour)
{
	const char	*at;
	int		 v;

	if (!get_num(c, 1, 2, hour, NULL) || !eat_char(c, ':') ||
	    !get_num(c, 2, 2, &st->min, NULL) || !eat_char(c, ':') ||
	    !get_num(c, 2, 2, &st->sec, NULL))
		return 0;
	if (c->p + 1 < c->e && (*c->p == '.' || *c->p == ',') &&
	    is_digit((unsigned char)c->p[1])) {
		c->p++;
		if (!get_num(c, 1, sizeof(st->frac) - 1, &v, &at))
			return 0;
		memcpy(st->frac, at, (size_t)(c->p - at));
		st->frac[c->p - at] = '\0';
	}
	return st->min <= 59 && st->sec <= 59;
}

/* A numeric zone: +HH, +HHMM or +HH:MM (or '-'), kept as written. */
static int
parse_offset(struct cur *c, struct stamp *st)
{
	const char	*p0 = c->p;
	int		 h, m = 0;

	assert(c->p < c->e && (*c->p == '+' || *c->p == '-'));
	c->p++;
	if (c->p + 4 <= c->e && is_digit((unsigned char)c->p[2])) {
		if (!get_num(c, 4, 4, &h, NULL))
			return 0;
		m = h % 100;
		h /= 100;
	} else {
		if (!get_num(c, 2, 2, &h, NULL))
			return 0;
		if (eat_char(c, ':') && !get_num(c, 2, 2, &m, NULL))
			return 0;
	}
	if (h > 14 || m > 59)
		return 0;
	assert((size_t)(c->p - p0) < sizeof(st->tz));
	memcpy(st->tz, p0, (size_t)(c->p - p0));
	st->tz[c->p - p0] = '\0';
	return 1;
}

/*
 * What may follow the time, in this order: AM/PM, a zone, and the year when
 * the date had none.  A 'Z' or numeric zone may also follow the time
 * directly (ISO 8601).  The cursor must end at the end of the text.
 */
static int
parse_tail(struct cur *c, struct stamp *st, int hour, int need_year)
{
	const char	*w;
	size_t		 len, i;
	int		 v, ampm = -1, year_seen = 0, upper;

	if (c->p < c->e && (*c->p == '+' || *c->p == '-')) {
		if (!parse_offset(c, st))
			return 0;
	} else if (c->p < c->e && *c->p == 'Z') {
		c->p++;
		memcpy(st->tz, "Z", 2);
	}
	while (c->p < c->e) {
		if (!eat_space(c))
			return 0;
		if (*c->p == '+' || *c->p == '-') {
			if (st->tz[0] != '\0' || !parse_offset(c, st))
				return 0;
		} else if (is_digit((unsigned char)*c->p)) {
			if (!need_year || year_seen ||
			    !get_num(c, 4, 4, &st->year, NULL))
				return 0;
			year_seen = 1;
		} else {
			len = get_word(c, &w);
			if (len == 0)
				return 0;
			if ((v = lookup(ampms, w, len)) >= 0) {
				if (ampm >= 0 || st->tz[0] != '\0' || year_seen)
					return 0;
				ampm = v;
				continue;
			}
			/* A zone abbreviation: UTC, CET, CEST, PST, Z. */
			upper = (len >= 2 || *w == 'Z') && len <= 5 &&
			    st->tz[0] == '\0';
			for (i = 0; upper && i < len; i++)
				upper = w[i] >= 'A' && w[i] <= 'Z';
			if (!upper)
				return 0;
			memcpy(st->tz, w, len);
			st->tz[len] = '\0';
		}
	}
	if (need_year && !year_seen)
		return 0;
	if (ampm >= 0) {
		if (hour < 1 || hour > 12)
			return 0;
		hour = hour % 12 + ampm;
	} else if (hour > 23)
		return 0;
	st->hour = hour;
	return 1;
}

/*
 * After "Month D" or "D Month": ", YYYY", " YYYY", or nothing when the year
 * follows the time (Unix date); *need_year says which.
 */
static int
parse_named_rest(struct cur *c, struct stamp *st, int *need_year)
{
	struct cur	 t;

	*need_year = 0;
	if (eat_char(c, ',')) {
		eat_space(c);
		return get_num(c, 4, 4, &st->year, NULL);
	}
	t = *c;
	if (eat_space(&t) && get_num(&t, 4, 4, &st->year, NULL) &&
	    (t.p == t.e || *t.p != ':')) {
		*c = t;
		return 1;
	}
	*need_year = 1;
	return 1;
}

/*
 * The date, with the cursor left just after it: its kind, the separator of
 * a numeric date ('/', '.', '-'; 0 for a named month), and whether the year
 * is still to come.
 */
static int
parse_date(struct cur *c, struct stamp *st, enum dkind *kind, int *sep,
    int *need_year)
{
	const char	*w;
	size_t		 len;
	int		 n, m, d;
	struct cur	 t;

	assert(c->p < c->e);
	*kind = DK_NAMED;
	*sep = 0;
	*need_year = 0;
	if (is_wordc((unsigned char)*c->p)) {
		/* Month D[, YYYY] */
		len = get_word(c, &w);
		if ((m = lookup(months, w, len)) < 0)
			return 0;
		eat_char(c, '.');
		if (!eat_space(c) || !get_num(c, 1, 2, &d, NULL))
			return 0;
		st->month_named = 1;
		st->a = m;
		st->b = d;
		return parse_named_rest(c, st, need_year);
	}
	if (!get_num(c, 1, 4, &n, &w))
		return 0;
	if (c->p - w == 4) {
		/* Y-M-D, Y/M/D, Y.M.D */
		if (c->p == c->e || strchr("-/.", *c->p) == NULL)
			return 0;
		*kind = DK_YMD;
		*sep = *c->p++;
		if (!get_num(c, 1, 2, &m, NULL) || !eat_char(c, *sep) ||
		    !get_num(c, 1, 2, &d, NULL))
			return 0;
		st->year = n;
		st->a = m;
		st->b = d;
		return 1;
	}
	if (c->p - w == 3)
		return 0;
	/* D Month, D. Month */
	t = *c;
	eat_char(&t, '.');
	if (eat_space(&t)) {
		len = get_word(&t, &w);
		if ((m = lookup(months, w, len)) < 0)
			return 0;
		eat_char(&t, '.');
		*c = t;
		st->month_named = 1;
		st->a = m;
		st->b = n;
		return parse_named_rest(c, st, need_year);
	}
	/* a/b/YYYY, a.b.YYYY, a-b-YYYY */
	if (c->p == c->e || strchr("/.-", *c->p) == NULL)
		return 0;
	*kind = DK_NUM;
	*sep = *c->p++;
	if (!get_num(c, 1, 2, &m, NULL) || !eat_char(c, *sep) ||
	    !get_num(c, 4, 4, &st->year, NULL))
		return 0;
	st->a = n;
	st->b = m;
	return 1;
}

/* Day of the week, 0 = Sunday (Sakamoto), for the Gregorian calendar. */
static int
dow(int y, int m, int d)
{
	static const int	 t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	assert(m >= 1 && m <= 12 && y >= 1);
	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static int
mdays(int y, int m)
{
	static const int	 n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	assert(m >= 1 && m <= 12);
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* What the line alone says about the order of a and b. */
static void
settle(struct stamp *st, enum dkind kind, int sep)
{
	int	 fm, fd;

	st->order = DATE_ORDER_UNKNOWN;
	st->basis = STAMP_BASIS_NONE;
	if (kind != DK_NUM) {
		st->order = DATE_ORDER_MDY;
		st->basis = STAMP_BASIS_FORMAT;
		return;
	}
	if (st->a > 12) {
		st->order = DATE_ORDER_DMY;
		st->basis = STAMP_BASIS_FIELD;
	} else if (st->b > 12) {
		st->order = DATE_ORDER_MDY;
		st->basis = STAMP_BASIS_FIELD;
	} else if (st->a != st->b && st->wday >= 0) {
		fm = dow(st->year, st->a, st->b) == st->wday;
		fd = dow(st->year, st->b, st->a) == st->wday;
		if (fm != fd) {
			st->order = fm ? DATE_ORDER_MDY : DATE_ORDER_DMY;
			st->basis = STAMP_BASIS_WEEKDAY;
		}
	}
	if (st->basis == STAMP_BASIS_NONE && sep == '.') {
		st->order = DATE_ORDER_DMY;
		st->basis = STAMP_BASIS_DOTS;
	}
}

int
stamp_parse(const char *line, struct stamp *out)
{
	struct stamp	 st;
	struct cur	 c;
	const char	*w;
	size_t		 len;
	enum dkind	 kind;
	int		 sep, need_year, hour, v;

	assert(line != NULL && out != NULL);
	if (!trim(line, &c))
		return 0;

	memset(&st, 0, sizeof(st));
	st.wday = -1;
	if (is_alpha((unsigned char)*c.p)) {
		w = c.p;
		len = get_word(&c, &w);
		if ((v = lookup(wdays, w, len)) >= 0) {
			st.wday = v;
			eat_char(&c, ',');
			if (!eat_space(&c) || c.p == c.e)
				return 0;
		} else if (lookup(months, w, len) < 0)
			return 0;
		else
			c.p = w;
	}
	if (!parse_date(&c, &st, &kind, &sep, &need_year))
		return 0;
	/* Y-M-D may be joined to the time by 'T'. */
	if (!eat_space(&c) && !(kind == DK_YMD && eat_char(&c, 'T')))
		return 0;
	if (!parse_time(&c, &st, &hour) ||
	    !parse_tail(&c, &st, hour, need_year))
		return 0;
	assert(c.p == c.e);

	if (st.year < 1 || st.a < 1 || st.b < 1)
		return 0;
	if (kind == DK_NUM) {
		if (st.a > 31 || st.b > 31 || (st.a > 12 && st.b > 12))
			return 0;
	} else if (st.a > 12 || st.b > 31)
		return 0;
	settle(&st, kind, sep);
	*out = st;
	return 1;
}

/* Month and day fields that read the same either way. */
static int
needs_no_order(const struct stamp *st)
{
	return st->month_named || st->basis == STAMP_BASIS_FORMAT ||
	    st->a == st->b;
}

/* Append to why, never past whylen. */
static void
say(char *why, size_t whylen, size_t *at, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	if (why == NULL || whylen == 0 || *at >= whylen - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(why + *at, whylen - *at, fmt, ap);
	va_end(ap);
	if (n < 0)
		why[*at] = '\0';
	else if ((size_t)n >= whylen - *at)
		*at = whylen - 1;
	else
		*at += (size_t)n;
}

enum date_order
stamp_decide(const struct stamp *v, size_t n, enum date_order option,
    char *why, size_t whylen)
{
	/* Settled stamps by order (0 = DMY, 1 = MDY) and basis. */
	size_t		 by[2][STAMP_BASIS_DOTS + 1];
	size_t		 settled[2] = { 0, 0 }, need = 0, misfit, i, at = 0;
	const char	*name[2] = { "day-month", "month-day" };
	const char	*sep = "";
	enum date_order	 order;
	int		 o, k;

	assert(v != NULL || n == 0);
	if (why != NULL && whylen > 0)
		why[0] = '\0';
	memset(by, 0, sizeof(by));
	for (i = 0; i < n; i++) {
		if (needs_no_order(&v[i]))
			continue;
		need++;
		if (v[i].order == DATE_ORDER_UNKNOWN)
			continue;
		assert(v[i].basis > STAMP_BASIS_FORMAT &&
		    v[i].basis <= STAMP_BASIS_DOTS);
		o = v[i].order == DATE_ORDER_MDY;
		by[o][v[i].basis]++;
		settled[o]++;
	}

	if (option != DATE_ORDER_UNKNOWN) {
		/* Stamps that cannot be read the way the option says. */
		o = option == DATE_ORDER_DMY;
		misfit = by[o][STAMP_BASIS_FIELD] + by[o][STAMP_BASIS_WEEKDAY];
		say(why, whylen, &at, "--date-order %s given",
		    option == DATE_ORDER_DMY ? "dmy" : "mdy");
		if (misfit > 0)
			say(why, whylen, &at, " (%zu of %zu stamp%s cannot "
			    "be read that way)", misfit, need,
			    need == 1 ? "" : "s");
		return option;
	}
	if (need == 0) {
		say(why, whylen, &at, "no stamp needs a day/month order");
		return DATE_ORDER_UNKNOWN;
	}
	if (settled[0] > 0 && settled[1] > 0) {
		say(why, whylen, &at, "stamps contradict each other: %zu "
		    "read day first, %zu month first; use --date-order "
		    "dmy|mdy", settled[0], settled[1]);
		return DATE_ORDER_UNKNOWN;
	}
	if (settled[0] == 0 && settled[1] == 0) {
		say(why, whylen, &at, "day and month are ambiguous in every "
		    "stamp; use --date-order dmy|mdy");
		return DATE_ORDER_UNKNOWN;
	}

	o = settled[1] > 0;
	order = o ? DATE_ORDER_MDY : DATE_ORDER_DMY;
	say(why, whylen, &at, "%s order: ", name[o]);
	for (k = STAMP_BASIS_FIELD; k <= STAMP_BASIS_DOTS; k++) {
		if (by[o][k] == 0)
			continue;
		say(why, whylen, &at, "%s%zu of %zu stamp%s %s ", sep,
		    by[o][k], need, need == 1 ? "" : "s",
		    by[o][k] == 1 ? "has" : "have");
		switch (k) {
		case STAMP_BASIS_FIELD:
			say(why, whylen, &at, "a %s field above 12",
			    o ? "second" : "first");
			break;
		case STAMP_BASIS_WEEKDAY:
			say(why, whylen, &at, "a weekday that fits only %s "
			    "order", name[o]);
			break;
		default:
			assert(k == STAMP_BASIS_DOTS);
			say(why, whylen, &at, "a dotted d.m.y date (day first "
			    "by convention)");
			break;
		}
		sep = ", ";
	}
	return order;
}

int
stamp_iso(const struct stamp *st, enum date_order order, char *buf,
    size_t len)
{
	int	 mon, day, n;

	assert(st != NULL && buf != NULL);
	if (len > 0)
		buf[0] = '\0';
	if (needs_no_order(st)) {
		mon = st->a;
		day = st->b;
	} else if (order == DATE_ORDER_MDY) {
		mon = st->a;
		day = st->b;
	} else if (order == DATE_ORDER_DMY) {
		mon = st->b;
		day = st->a;
	} else
		return 0;
	if (st->year < 1 || st->year > 9999 || mon < 1 || mon > 12 ||
	    day < 1 || day > mdays(st->year, mon))
		return 0;
	if (st->hour < 0 || st->hour > 23 || st->min < 0 || st->min > 59 ||
	    st->sec < 0 || st->sec > 59)
		return 0;
	n = snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d%s%.*s",
	    st->year, mon, day, st->hour, st->min, st->sec,
	    st->frac[0] != '\0' ? "." : "", (int)sizeof(st->frac), st->frac);
	if (n < 0 || (size_t)n >= len) {
		if (len > 0)
			buf[0] = '\0';
		return 0;
	}
	return 1;
}
