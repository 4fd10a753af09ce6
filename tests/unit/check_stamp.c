/*
 * check_stamp.c — unit tests for parsers/stamp.c: which lines are date/time
 * stamps and what they say, how a file's day/month order is decided, and
 * the ISO text made from a stamp.
 */

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "parsers/stamp.h"

Suite	*suite(void);

#define MDY	DATE_ORDER_MDY
#define DMY	DATE_ORDER_DMY
#define UNK	DATE_ORDER_UNKNOWN

struct want {
	const char	*line;
	int		 year, a, b, named;
	enum date_order	 order;
	enum stamp_basis basis;
	int		 wday, hour, min, sec;
	const char	*frac, *tz;
};

/* Every format the collection loops are known to write. */
static const struct want formats[] = {
	/* cmd.exe %date% %time% */
	{ "Mon 11/23/2026 14:05:33.12", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FIELD, 1, 14, 5, 33, "12", "" },
	{ "11/23/2026 14:05:33.12", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FIELD, -1, 14, 5, 33, "12", "" },
	{ "Mon 11/23/2026  9:05:33.12", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FIELD, 1, 9, 5, 33, "12", "" },
	{ "23.11.2026 14:05:33,12", 2026, 23, 11, 0, DMY,
	    STAMP_BASIS_FIELD, -1, 14, 5, 33, "12", "" },
	{ "23/11/2026 14:05:33.12", 2026, 23, 11, 0, DMY,
	    STAMP_BASIS_FIELD, -1, 14, 5, 33, "12", "" },
	{ "2026-11-23 14:05:33.12", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "12", "" },
	{ "2026/11/23 14:05:33.12", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "12", "" },
	{ "23-11-2026 14:05:33,12", 2026, 23, 11, 0, DMY,
	    STAMP_BASIS_FIELD, -1, 14, 5, 33, "12", "" },
	/* ISO 8601 */
	{ "2026-11-23 14:05:33", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "", "" },
	{ "2026-11-23T14:05:33", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "", "" },
	{ "2026-11-23T14:05:33.123Z", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "123", "Z" },
	{ "2026-11-23T14:05:33+01:00", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "", "+01:00" },
	{ "2026-11-23T14:05:33.1234567-0500", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "1234567", "-0500" },
	/* PowerShell Get-Date */
	{ "Monday, November 23, 2026 2:05:33 PM", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "" },
	{ "11/23/2026 2:05:33 PM", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FIELD, -1, 14, 5, 33, "", "" },
	{ "23 November 2026 14:05:33", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "", "" },
	{ "Montag, 23. November 2026 14:05:33", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "" },
	{ "Donnerstag, 5. M\xc3\xa4rz 2026 08:00:01", 2026, 3, 5, 1, MDY,
	    STAMP_BASIS_FORMAT, 4, 8, 0, 1, "", "" },
	/* Unix date */
	{ "Mon Nov 23 14:05:33 UTC 2026", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "UTC" },
	{ "Mon 23 Nov 2026 02:05:33 PM UTC", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "UTC" },
	{ "Mon Nov 23 14:05:33 2026", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "" },
	{ "Mon Nov 23 02:05:33 PM CET 2026", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "CET" },
	{ "Thu Nov  5 04:05:06 UTC 2026", 2026, 11, 5, 1, MDY,
	    STAMP_BASIS_FORMAT, 4, 4, 5, 6, "", "UTC" },
	{ "Mo 23. Nov 14:05:33 CET 2026", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "CET" },
	{ "2026-11-23 14:05:33 Z", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "", "Z" },
	{ "Mon, 23 Nov 2026 14:05:33 +0000", 2026, 11, 23, 1, MDY,
	    STAMP_BASIS_FORMAT, 1, 14, 5, 33, "", "+0000" },
	/* decoration, surrounding whitespace, a CR left on */
	{ "=== 2026-11-23 14:05:33 ===", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FORMAT, -1, 14, 5, 33, "", "" },
	{ "----- Mon 11/23/2026 14:05:33.12 -----", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FIELD, 1, 14, 5, 33, "12", "" },
	{ "# 23.11.2026 14:05:33,12", 2026, 23, 11, 0, DMY,
	    STAMP_BASIS_FIELD, -1, 14, 5, 33, "12", "" },
	{ "  Mon 11/23/2026 14:05:33.12 \r", 2026, 11, 23, 0, MDY,
	    STAMP_BASIS_FIELD, 1, 14, 5, 33, "12", "" },
};

static void
check_want(const struct want *w)
{
	struct stamp	 st;

	memset(&st, 0x5a, sizeof(st));
	ck_assert_msg(stamp_parse(w->line, &st) == 1, "not a stamp: '%s'",
	    w->line);
	ck_assert_msg(st.year == w->year, "%s: year %d", w->line, st.year);
	ck_assert_msg(st.a == w->a && st.b == w->b, "%s: a %d b %d",
	    w->line, st.a, st.b);
	ck_assert_msg(st.month_named == w->named, "%s: month_named %d",
	    w->line, st.month_named);
	ck_assert_msg(st.order == w->order, "%s: order %d", w->line,
	    (int)st.order);
	ck_assert_msg(st.basis == w->basis, "%s: basis %d", w->line,
	    (int)st.basis);
	ck_assert_msg(st.wday == w->wday, "%s: wday %d", w->line, st.wday);
	ck_assert_msg(st.hour == w->hour && st.min == w->min &&
	    st.sec == w->sec, "%s: time %d:%d:%d", w->line, st.hour, st.min,
	    st.sec);
	ck_assert_msg(strcmp(st.frac, w->frac) == 0, "%s: frac '%s'",
	    w->line, st.frac);
	ck_assert_msg(strcmp(st.tz, w->tz) == 0, "%s: tz '%s'", w->line,
	    st.tz);
}

START_TEST(test_every_known_format_parses_with_its_fields)
{
	check_want(&formats[_i]);
}
END_TEST

/* Lines met in netstat, ss and friends, and near misses. */
static const char *const not_stamps[] = {
	"",
	"   ",
	"\r",
	"Active Connections",
	"Aktive Verbindungen",
	"  Proto  Local Address          Foreign Address        State"
	    "           PID",
	"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING"
	    "       1052",
	"  TCP    [::1]:49670            [::1]:49671            ESTABLISHED"
	    "     3344",
	"  UDP    [::]:500               *:*"
	    "                                    4120",
	" [svchost.exe]",
	"  RpcSs",
	"tcp        0      0 0.0.0.0:22              0.0.0.0:*"
	    "               LISTEN",
	"ESTAB 0 0 10.0.0.5:22 10.0.0.9:51000",
	"tcp4       0      0  192.168.1.5.22  192.168.1.9.51000  ESTABLISHED",
	"1700000000.123456\tCHx1\t10.0.0.1\t51000\t10.0.0.2\t443\ttcp",
	"1,0.000000,10.0.0.1,10.0.0.2,51000,443",
	"10.11.12.13 14:05:33",
	"hello world",
	"Monkey 11/23/2026 14:05:33",
	"Date: 2026-11-23 14:05:33",
	"Snapshot 2026-11-23 14:05:33",
	"==== Snapshot 3 ====",
	"===",
	"-----",
	"#",
	"Mon",
	"Mon ",
	"2026-11-23",
	"11/23/2026",
	"Mon 11/23/2026",
	"14:05:33",
	" 9:05:33.12",
	"11/23/26 14:05:33",
	"13/13/2026 14:05:33",
	"0/11/2026 14:05:33",
	"11/32/2026 14:05:33",
	"11/23-2026 14:05:33",
	"2026-13-01 10:00:00",
	"2026-11-23 10:00",
	"11/23/2026 24:05:33",
	"11/23/2026 14:61:33",
	"11/23/2026 14:05:61",
	"11/23/2026 0:05:33 PM",
	"11/23/2026 13:05:33 PM",
	"11/23/2026 14:05:33.",
	"2026-11-23 14:05:33.1234567890",
	"2026-11-23 14:05:33 PM",
	"Mon 11/23/2026 14:05:33.12 extra",
	"Mon 11/23/2026 14:05:33.12 UTC UTC",
	"Mon Nov 23 14:05:33 UTC",
	"Mon Nov 23 14:05:33 2026 2027",
	"November 23, 14:05:33",
	"23 Brumaire 2026 14:05:33",
	"2026-11-23X14:05:33",
	"11/23/2026T14:05:33",
	"2026-11-23T14:05:33+99:00",
	"Monday, November 23, 2026 2:05:33 P",
	"Mon Nov 23 14:05:33 utc 2026",
};

START_TEST(test_rejects_socket_lines_headers_blank_and_near_misses)
{
	struct stamp	 st;

	ck_assert_msg(stamp_parse(not_stamps[_i], &st) == 0,
	    "taken for a stamp: '%s'", not_stamps[_i]);
}
END_TEST

START_TEST(test_am_pm_converts_to_24_hours)
{
	static const struct {
		const char	*line;
		int		 hour;
	} t[] = {
		{ "11/23/2026 12:05:33 AM", 0 },
		{ "11/23/2026 12:05:33 PM", 12 },
		{ "11/23/2026 1:00:00 AM", 1 },
		{ "11/23/2026 1:00:00 PM", 13 },
		{ "11/23/2026 11:59:59 pm", 23 },
		{ "Monday, November 23, 2026 12:00:00 AM", 0 },
	};
	struct stamp	 st;
	size_t		 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_msg(stamp_parse(t[i].line, &st), "%s", t[i].line);
		ck_assert_msg(st.hour == t[i].hour, "%s: hour %d", t[i].line,
		    st.hour);
	}
}
END_TEST

START_TEST(test_weekday_settles_an_ambiguous_order)
{
	struct stamp	 st;

	/* 10 November 2026 is a Tuesday, 11 October 2026 a Sunday. */
	ck_assert(stamp_parse("Tue 11/10/2026 10:00:00.00", &st));
	ck_assert_int_eq(st.order, MDY);
	ck_assert_int_eq(st.basis, STAMP_BASIS_WEEKDAY);
	ck_assert(stamp_parse("Sun 11/10/2026 10:00:00.00", &st));
	ck_assert_int_eq(st.order, DMY);
	ck_assert_int_eq(st.basis, STAMP_BASIS_WEEKDAY);
	/* A Wednesday fits neither. */
	ck_assert(stamp_parse("Wed 11/10/2026 10:00:00.00", &st));
	ck_assert_int_eq(st.order, UNK);
	ck_assert_int_eq(st.basis, STAMP_BASIS_NONE);
	/* German weekday abbreviation. */
	ck_assert(stamp_parse("So 11/10/2026 10:00:00,00", &st));
	ck_assert_int_eq(st.wday, 0);
	ck_assert_int_eq(st.order, DMY);
	/* 23 November 2026 is a Monday; a field above 12 settles it first. */
	ck_assert(stamp_parse("Mon 11/23/2026 14:05:33.12", &st));
	ck_assert_int_eq(st.order, MDY);
	ck_assert_int_eq(st.basis, STAMP_BASIS_FIELD);
	ck_assert(stamp_parse("Tue 11/23/2026 14:05:33.12", &st));
	ck_assert_int_eq(st.wday, 2);
	ck_assert_int_eq(st.order, MDY);
}
END_TEST

START_TEST(test_field_above_12_settles_the_order)
{
	struct stamp	 st;

	ck_assert(stamp_parse("23/11/2026 14:05:33.12", &st));
	ck_assert_int_eq(st.order, DMY);
	ck_assert_int_eq(st.basis, STAMP_BASIS_FIELD);
	ck_assert(stamp_parse("11/23/2026 14:05:33.12", &st));
	ck_assert_int_eq(st.order, MDY);
	ck_assert_int_eq(st.basis, STAMP_BASIS_FIELD);
	ck_assert(stamp_parse("11/10/2026 14:05:33.12", &st));
	ck_assert_int_eq(st.order, UNK);
	ck_assert_int_eq(st.basis, STAMP_BASIS_NONE);
	ck_assert(stamp_parse("10-11-2026 14:05:33,12", &st));
	ck_assert_int_eq(st.order, UNK);
}
END_TEST

START_TEST(test_dotted_date_is_day_first)
{
	struct stamp	 st;

	ck_assert(stamp_parse("10.11.2026 14:05:33,12", &st));
	ck_assert_int_eq(st.a, 10);
	ck_assert_int_eq(st.b, 11);
	ck_assert_int_eq(st.order, DMY);
	ck_assert_int_eq(st.basis, STAMP_BASIS_DOTS);
	ck_assert_str_eq(st.frac, "12");
}
END_TEST

START_TEST(test_fraction_after_comma_is_kept_as_written)
{
	struct stamp	 st;

	ck_assert(stamp_parse("23.11.2026 14:05:33,07", &st));
	ck_assert_str_eq(st.frac, "07");
	ck_assert(stamp_parse("2026-11-23 14:05:33,5", &st));
	ck_assert_str_eq(st.frac, "5");
	ck_assert(stamp_parse("23.11.2026 14:05:33", &st));
	ck_assert_str_eq(st.frac, "");
}
END_TEST

/* Parse lines into v; fails the test on a line that is not a stamp. */
static size_t
parse_all(const char *const *lines, size_t n, struct stamp *v)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		ck_assert_msg(stamp_parse(lines[i], &v[i]), "%s", lines[i]);
	return n;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

START_TEST(test_all_ambiguous_stamps_decide_nothing)
{
	static const char *const lines[] = {
		"11/10/2026 10:05:00.00",
		"11/10/2026 10:10:00.00",
		"12/10/2026 10:15:00.00",
	};
	struct stamp	 v[NELEM(lines)];
	char		 why[200];
	size_t		 n;

	n = parse_all(lines, NELEM(lines), v);
	ck_assert_int_eq(stamp_decide(v, n, UNK, why, sizeof(why)), UNK);
	ck_assert_str_eq(why, "day and month are ambiguous in every stamp; "
	    "use --date-order dmy|mdy");
	ck_assert(!stamp_iso(&v[0], UNK, why, sizeof(why)));
}
END_TEST

START_TEST(test_option_overrides_the_stamps)
{
	static const char *const lines[] = {
		"11/10/2026 10:05:00.00",
		"11/23/2026 10:10:00.00",
	};
	struct stamp	 v[NELEM(lines)];
	char		 why[200], iso[32];
	size_t		 n;

	n = parse_all(lines, NELEM(lines), v);
	ck_assert_int_eq(stamp_decide(v, n, UNK, why, sizeof(why)), MDY);
	ck_assert_int_eq(stamp_decide(v, 1, DMY, why, sizeof(why)), DMY);
	ck_assert_str_eq(why, "--date-order dmy given");
	ck_assert(stamp_iso(&v[0], DMY, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-10-11 10:05:00.00");
	/* The option still wins over a stamp it cannot read. */
	ck_assert_int_eq(stamp_decide(v, n, DMY, why, sizeof(why)), DMY);
	ck_assert_msg(strstr(why, "1 of 2 stamps cannot be read") != NULL,
	    "%s", why);
	ck_assert(!stamp_iso(&v[1], DMY, iso, sizeof(iso)));
}
END_TEST

START_TEST(test_contradicting_stamps_decide_nothing)
{
	static const char *const lines[] = {
		"23/11/2026 10:00:00.00",
		"11/10/2026 10:05:00.00",
		"11/24/2026 10:10:00.00",
	};
	struct stamp	 v[NELEM(lines)];
	char		 why[200];
	size_t		 n;

	n = parse_all(lines, NELEM(lines), v);
	ck_assert_int_eq(stamp_decide(v, n, UNK, why, sizeof(why)), UNK);
	ck_assert_msg(strstr(why, "contradict") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "--date-order") != NULL, "%s", why);
}
END_TEST

START_TEST(test_agreeing_stamps_decide_and_say_why)
{
	static const char *const dmy[] = {
		"11/10/2026 23:55:00.00",
		"13/10/2026 00:00:00.00",
		"14/10/2026 00:05:00.00",
		"Sun 11/10/2026 10:00:00.00",
		"12/10/2026 00:10:00.00",
	};
	static const char *const dotted[] = {
		"10.11.2026 14:05:33,12",
		"10.11.2026 14:10:33,12",
	};
	struct stamp	 v[NELEM(dmy)];
	char		 why[200];
	size_t		 n;

	n = parse_all(dmy, NELEM(dmy), v);
	ck_assert_int_eq(stamp_decide(v, n, UNK, why, sizeof(why)), DMY);
	ck_assert_str_eq(why, "day-month order: 2 of 5 stamps have a first "
	    "field above 12, 1 of 5 stamps has a weekday that fits only "
	    "day-month order");

	n = parse_all(dotted, NELEM(dotted), v);
	ck_assert_int_eq(stamp_decide(v, n, UNK, why, sizeof(why)), DMY);
	ck_assert_msg(strstr(why, "dotted") != NULL, "%s", why);
}
END_TEST

START_TEST(test_stamps_that_need_no_order_are_ignored)
{
	static const char *const lines[] = {
		"2026-11-10 10:00:00",
		"Mon Nov 23 14:05:33 UTC 2026",
		"11/11/2026 10:00:00.00",
		"2026-10-11T10:00:00Z",
	};
	struct stamp	 v[NELEM(lines) + 1];
	char		 why[200], iso[32];
	size_t		 n, i;

	n = parse_all(lines, NELEM(lines), v);
	ck_assert_int_eq(stamp_decide(v, n, UNK, why, sizeof(why)), UNK);
	ck_assert_str_eq(why, "no stamp needs a day/month order");
	for (i = 0; i < n; i++)
		ck_assert_msg(stamp_iso(&v[i], UNK, iso, sizeof(iso)), "%s",
		    lines[i]);
	ck_assert_str_eq(iso, "2026-10-11 10:00:00");

	/* One stamp that settles; the ISO ones neither help nor hinder. */
	ck_assert(stamp_parse("24/11/2026 10:00:00.00", &v[n]));
	ck_assert_int_eq(stamp_decide(v, n + 1, UNK, why, sizeof(why)), DMY);
	ck_assert_str_eq(why, "day-month order: 1 of 1 stamp has a first "
	    "field above 12");
	ck_assert_int_eq(stamp_decide(NULL, 0, UNK, why, sizeof(why)), UNK);
}
END_TEST

START_TEST(test_decide_keeps_why_within_its_length)
{
	static const char *const lines[] = {
		"23/11/2026 10:00:00.00",
		"11/24/2026 10:10:00.00",
	};
	struct stamp	 v[NELEM(lines)];
	char		 why[12];

	parse_all(lines, NELEM(lines), v);
	memset(why, 'x', sizeof(why));
	ck_assert_int_eq(stamp_decide(v, 2, UNK, why, 8), UNK);
	ck_assert_str_eq(why, "stamps ");
	ck_assert_int_eq(why[8], 'x');
	ck_assert_int_eq(stamp_decide(v, 1, UNK, NULL, 0), DMY);
}
END_TEST

START_TEST(test_iso_text_for_the_cmd_example)
{
	struct stamp	 st;
	char		 iso[32];

	ck_assert(stamp_parse("Mon 11/23/2026 14:05:33.12", &st));
	ck_assert(stamp_iso(&st, MDY, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-11-23 14:05:33.12");

	ck_assert(stamp_parse("23.11.2026 14:05:33,12", &st));
	ck_assert(stamp_iso(&st, DMY, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-11-23 14:05:33.12");

	ck_assert(stamp_parse("Monday, November 23, 2026 2:05:33 PM", &st));
	ck_assert(stamp_iso(&st, UNK, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-11-23 14:05:33");

	ck_assert(stamp_parse("2026-11-23T14:05:33.123+01:00", &st));
	ck_assert(stamp_iso(&st, DMY, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-11-23 14:05:33.123");
}
END_TEST

START_TEST(test_iso_rejects_dates_not_in_the_calendar)
{
	struct stamp	 st;
	char		 iso[32];

	ck_assert(stamp_parse("2026-02-30 10:00:00", &st));
	ck_assert(!stamp_iso(&st, UNK, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "");
	ck_assert(stamp_parse("30.02.2026 10:00:00,00", &st));
	ck_assert(!stamp_iso(&st, DMY, iso, sizeof(iso)));
	ck_assert(stamp_parse("31.04.2026 10:00:00,00", &st));
	ck_assert(!stamp_iso(&st, DMY, iso, sizeof(iso)));
	ck_assert(stamp_parse("February 29, 2026 10:00:00 AM", &st));
	ck_assert(!stamp_iso(&st, UNK, iso, sizeof(iso)));
	ck_assert(stamp_parse("February 29, 2028 10:00:00 AM", &st));
	ck_assert(stamp_iso(&st, UNK, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2028-02-29 10:00:00");
	/* Read month-first, 23/11 has month 23. */
	ck_assert(stamp_parse("23/11/2026 10:00:00.00", &st));
	ck_assert(!stamp_iso(&st, MDY, iso, sizeof(iso)));
}
END_TEST

START_TEST(test_iso_needs_an_order_only_when_the_date_does)
{
	struct stamp	 st;
	char		 iso[32];

	ck_assert(stamp_parse("11/10/2026 10:00:00.00", &st));
	ck_assert(!stamp_iso(&st, UNK, iso, sizeof(iso)));
	ck_assert(stamp_iso(&st, MDY, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-11-10 10:00:00.00");
	ck_assert(stamp_iso(&st, DMY, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-10-11 10:00:00.00");
	/* Day equal to month reads the same either way. */
	ck_assert(stamp_parse("11/11/2026 10:00:00.00", &st));
	ck_assert(stamp_iso(&st, UNK, iso, sizeof(iso)));
	ck_assert_str_eq(iso, "2026-11-11 10:00:00.00");
}
END_TEST

START_TEST(test_iso_rejects_invalid_time_and_short_buffer)
{
	struct stamp	 st;
	char		 iso[32];

	ck_assert(stamp_parse("2026-11-23 14:05:33.12", &st));
	ck_assert(!stamp_iso(&st, MDY, iso, 22));
	ck_assert(stamp_iso(&st, MDY, iso, 23));
	ck_assert_str_eq(iso, "2026-11-23 14:05:33.12");
	st.hour = 24;
	ck_assert(!stamp_iso(&st, MDY, iso, sizeof(iso)));
	st.hour = 23;
	st.sec = 60;
	ck_assert(!stamp_iso(&st, MDY, iso, sizeof(iso)));
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("stamp");

	tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_every_known_format_parses_with_its_fields,
	    0, NELEM(formats));
	tcase_add_loop_test(tc,
	    test_rejects_socket_lines_headers_blank_and_near_misses, 0,
	    NELEM(not_stamps));
	tcase_add_test(tc, test_am_pm_converts_to_24_hours);
	tcase_add_test(tc, test_weekday_settles_an_ambiguous_order);
	tcase_add_test(tc, test_field_above_12_settles_the_order);
	tcase_add_test(tc, test_dotted_date_is_day_first);
	tcase_add_test(tc, test_fraction_after_comma_is_kept_as_written);
	suite_add_tcase(s, tc);

	tc = tcase_create("decide");
	tcase_add_test(tc, test_all_ambiguous_stamps_decide_nothing);
	tcase_add_test(tc, test_option_overrides_the_stamps);
	tcase_add_test(tc, test_contradicting_stamps_decide_nothing);
	tcase_add_test(tc, test_agreeing_stamps_decide_and_say_why);
	tcase_add_test(tc, test_stamps_that_need_no_order_are_ignored);
	tcase_add_test(tc, test_decide_keeps_why_within_its_length);
	suite_add_tcase(s, tc);

	tc = tcase_create("iso");
	tcase_add_test(tc, test_iso_text_for_the_cmd_example);
	tcase_add_test(tc, test_iso_rejects_dates_not_in_the_calendar);
	tcase_add_test(tc, test_iso_needs_an_order_only_when_the_date_does);
	tcase_add_test(tc, test_iso_rejects_invalid_time_and_short_buffer);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
