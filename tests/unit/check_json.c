/*
 * check_json.c — reports/json.c on an analysis and a diff built by hand: the
 * exact bytes of the document, hostile strings above all.
 *
 * The expected bytes follow RFC 8259 and docs/json.md, worked out by hand:
 * '"' and '\' escaped with a backslash, every control character (U+0000 to
 * U+001F, and U+007F) as \u00XX in lower case, everything else as the same
 * UTF-8 bytes; a byte that is not part of valid UTF-8 becomes U+FFFD (EF BF
 * BD); integers as integers, reals in the shortest form that reads back,
 * always with '.' or an exponent; NaN, infinities and NULL as null.  No
 * spreadsheet neutralization in JSON: "=HYPERLINK(...)" stays as it is.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/analysis.h"
#include "reports/diff.h"
#include "reports/render.h"

Suite	*suite(void);

#ifdef PORTSIFT_VERSION
#define VERSION_JSON	"\"" PORTSIFT_VERSION "\""
#else
#define VERSION_JSON	"null"
#endif

/* meta of an analysis with nothing in it, and no case name. */
#define META_EMPTY \
	"  \"meta\": {\"generator\": \"portsift\", \"version\": " \
	VERSION_JSON ", \"json_version\": 1, \"case\": null, " \
	"\"snapshots_in_case\": 0, \"snapshots_selected\": [], " \
	"\"issues_in_case\": 0}"

static struct a_value
I(long long i)
{
	struct a_value	v = { A_INT, i, 0.0, NULL };

	return v;
}

static struct a_value
R(double r)
{
	struct a_value	v = { A_REAL, 0, r, NULL };

	return v;
}

static struct a_value
T(const char *s)
{
	struct a_value	v = { A_TEXT, 0, 0.0, (char *)s };

	return v;
}

static struct a_value
N(void)
{
	struct a_value	v = { A_NULL, 0, 0.0, NULL };

	return v;
}

static void
add_table(struct analysis *a, const char *name, char **cols, size_t ncols,
    struct a_value *v, size_t nrows)
{
	struct a_table	*t = &a->tables[a->ntables++];

	t->name = name;
	t->cols = cols;
	t->ncols = ncols;
	t->v = v;
	t->nrows = nrows;
}

static char *
json(const struct analysis *a, const struct render_opts *ro, int *rc)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	*rc = render_json(fp, a, ro);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_uint_eq(strlen(buf), len);	/* no NUL written */
	return buf;
}

static void
expect(const struct analysis *a, const struct render_opts *ro,
    const char *want)
{
	char	*got;
	int	 rc;

	got = json(a, ro, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(got, want);
	free(got);
}

/* A table "t" of one column "v" and one row: the JSON of that value. */
static void
expect_value(struct a_value v, const char *want_value)
{
	static char		*cols[] = { "v" };
	struct analysis		 a;
	struct render_opts	 ro;
	struct a_value		 row[1];
	char			 want[1024];

	memset(&a, 0, sizeof a);
	memset(&ro, 0, sizeof ro);
	row[0] = v;
	add_table(&a, "t", cols, 1, row, 1);
	snprintf(want, sizeof want, "{\n" META_EMPTY ",\n"
	    "  \"t\": [\n    {\"v\": %s}\n  ]\n}\n", want_value);
	expect(&a, &ro, want);
}

static void
expect_string(const char *s, const char *want_value)
{
	expect_value(T(s), want_value);
}

START_TEST(document)
{
	static char		*scols[] = { "snapshot_id", "seq", "label",
				    "share" };
	static char		*tcols[] = { "process", "pid" };
	struct a_value		 sv[] = {
		I(1), I(1), T("before"), R(0.5),
		I(3), I(3), N(), R(18.0),
	};
	struct a_snapshot	 snaps[2];
	struct analysis		 a;
	struct render_opts	 ro;

	memset(&a, 0, sizeof a);
	memset(snaps, 0, sizeof snaps);
	snaps[0].seq = 1;
	snaps[1].seq = 3;
	a.snaps = snaps;
	a.nsnaps = 2;
	a.total_snaps = 3;
	a.total_issues = 5;
	add_table(&a, "snapshots", scols, 4, sv, 2);
	add_table(&a, "trend", tcols, 2, NULL, 0);
	memset(&ro, 0, sizeof ro);
	ro.case_name = "cases/a \"b\".db";
	expect(&a, &ro,
	    "{\n"
	    "  \"meta\": {\"generator\": \"portsift\", \"version\": "
		VERSION_JSON ", \"json_version\": 1, "
		"\"case\": \"cases/a \\\"b\\\".db\", \"snapshots_in_case\": 3, "
		"\"snapshots_selected\": [1, 3], \"issues_in_case\": 5},\n"
	    "  \"snapshots\": [\n"
	    "    {\"snapshot_id\": 1, \"seq\": 1, \"label\": \"before\", "
		"\"share\": 0.5},\n"
	    "    {\"snapshot_id\": 3, \"seq\": 3, \"label\": null, "
		"\"share\": 18.0}\n"
	    "  ],\n"
	    "  \"trend\": []\n"
	    "}\n");
}
END_TEST

START_TEST(nothing_loaded)
{
	struct analysis	a;

	memset(&a, 0, sizeof a);
	expect(&a, NULL, "{\n" META_EMPTY "\n}\n");
}
END_TEST

START_TEST(numbers_and_null)
{
	expect_value(I(0), "0");
	expect_value(I(-2), "-2");
	expect_value(I(9223372036854775807LL), "9223372036854775807");
	expect_value(I(-9223372036854775807LL - 1), "-9223372036854775808");
	expect_value(N(), "null");
	expect_value(R(0.1), "0.1");
	expect_value(R(18.0), "18.0");
	expect_value(R(0.0), "0.0");
	expect_value(R(-0.0), "-0.0");
	expect_value(R(-2.5), "-2.5");
	expect_value(R(1.0 / 3.0), "0.3333333333333333");
	expect_value(R(6.103515625e-05), "6.103515625e-05");
	expect_value(R(1e300), "1e+300");
	expect_value(R(1e15), "1e+15");
	expect_value(R(123456789012345678.0), "1.2345678901234568e+17");
	expect_value(R(NAN), "null");
	expect_value(R(INFINITY), "null");
	expect_value(R(-INFINITY), "null");
	/* A text that looks like a number is still a string. */
	expect_value(T("-2"), "\"-2\"");
	expect_value(T(""), "\"\"");
}
END_TEST

START_TEST(escapes)
{
	expect_string("plain", "\"plain\"");
	expect_string("say \"hi\"", "\"say \\\"hi\\\"\"");
	expect_string("C:\\Windows\\w3wp.exe", "\"C:\\\\Windows\\\\w3wp.exe\"");
	expect_string("a,b\"c.exe", "\"a,b\\\"c.exe\"");
	expect_string("two\nlines", "\"two\\u000alines\"");
	expect_string("cr\rlf\n", "\"cr\\u000dlf\\u000a\"");
	expect_string("\ttab", "\"\\u0009tab\"");
	expect_string("\x01\x02\x1f", "\"\\u0001\\u0002\\u001f\"");
	expect_string("\b\f", "\"\\u0008\\u000c\"");
	expect_string("del\x7f", "\"del\\u007f\"");
	expect_string("\x1b[31mred", "\"\\u001b[31mred\"");
}
END_TEST

START_TEST(passed_through)
{
	/* JSON is for scripts: no spreadsheet quote, nothing HTML-escaped. */
	expect_string("=HYPERLINK(\"http://x\",\"y\")",
	    "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"");
	expect_string("+1", "\"+1\"");
	expect_string("@x", "\"@x\"");
	expect_string("<script>alert(1)</script>",
	    "\"<script>alert(1)</script>\"");
	expect_string("a/b&c'd", "\"a/b&c'd\"");
	/* UTF-8, 2, 3 and 4 bytes: as it is. */
	expect_string("\xC3\x84\xC3\x96\xC3\x9C.exe",
	    "\"\xC3\x84\xC3\x96\xC3\x9C.exe\"");
	expect_string("\xE2\x82\xAC \xE2\x80\xA8 \xEF\xBF\xBF",
	    "\"\xE2\x82\xAC \xE2\x80\xA8 \xEF\xBF\xBF\"");
	expect_string("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF",
	    "\"\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\"");
}
END_TEST

/* Bytes that are not UTF-8: one U+FFFD each, so the output stays valid. */
START_TEST(invalid_utf8)
{
#define FFFD "\xEF\xBF\xBD"
	expect_string("a\xFF" "b", "\"a" FFFD "b\"");
	expect_string("\x80", "\"" FFFD "\"");
	expect_string("end\xC3", "\"end" FFFD "\"");
	expect_string("\xC3(", "\"" FFFD "(\"");
	expect_string("\xE2\x82" "x", "\"" FFFD FFFD "x\"");
	expect_string("\xC0\xAF", "\"" FFFD FFFD "\"");		/* overlong */
	expect_string("\xE0\x80\xAF", "\"" FFFD FFFD FFFD "\"");
	expect_string("\xED\xA0\x80", "\"" FFFD FFFD FFFD "\"");	/* surrogate */
	expect_string("\xF4\x90\x80\x80", "\"" FFFD FFFD FFFD FFFD "\"");
	expect_string("\xF5\x80", "\"" FFFD FFFD "\"");
	expect_string("\xC3\x84\xFF\xC3\x96", "\"\xC3\x84" FFFD "\xC3\x96\"");
#undef FFFD
}
END_TEST

/* Every hostile name of the brief, in one row of port_share. */
START_TEST(hostile_row)
{
	static char		*cols[] = { "snapshot_id", "process", "pid",
				    "share" };
	struct a_value		 v[] = {
		I(1), T("=HYPERLINK(\"http://evil\",\"x\").exe"), I(4321),
		    R(0.000732421875),
		I(1), T("<script>alert(1)</script>.exe\r\n\x01"), I(-2), N(),
	};
	struct analysis		 a;

	memset(&a, 0, sizeof a);
	add_table(&a, "port_share", cols, 4, v, 2);
	expect(&a, NULL,
	    "{\n" META_EMPTY ",\n"
	    "  \"port_share\": [\n"
	    "    {\"snapshot_id\": 1, \"process\": "
		"\"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\").exe\", "
		"\"pid\": 4321, \"share\": 0.000732421875},\n"
	    "    {\"snapshot_id\": 1, \"process\": "
		"\"<script>alert(1)</script>.exe\\u000d\\u000a\\u0001\", "
		"\"pid\": -2, \"share\": null}\n"
	    "  ]\n"
	    "}\n");
}
END_TEST

/* Column names are written escaped too (they are constants today). */
START_TEST(column_names_escaped)
{
	static char		*cols[] = { "a\"b" };
	struct a_value		 v[] = { I(1) };
	struct analysis		 a;

	memset(&a, 0, sizeof a);
	add_table(&a, "t\\", cols, 1, v, 1);
	expect(&a, NULL,
	    "{\n" META_EMPTY ",\n"
	    "  \"t\\\\\": [\n"
	    "    {\"a\\\"b\": 1}\n"
	    "  ]\n"
	    "}\n");
}
END_TEST

START_TEST(diff)
{
	static struct diff_state	 s0[] = { { "TIME_WAIT", 2, 7 } };
	static struct diff_state	 s1[] = { { "ESTABLISHED", 0, 2 } };
	static struct diff_state	 s2[] = { { "ESTABLISHED", 2, 0 },
					    { "CLOSE_WAIT", 1, 0 } };
	static struct diff_remote	 ap[] = { { "[2001:db8::1]:8443", 3 } };
	struct diff_proc		 p[4];
	struct diff			 d;
	struct analysis			 a;
	struct render_opts		 ro;

	memset(&d, 0, sizeof d);
	d.a.id = 1;
	d.a.seq = 1;
	d.a.label = "before";
	d.a.taken_at = "2026-11-23 08:00:00";
	d.a.file = "before.txt";
	d.a.first_line = 4;
	d.a.range_lo = 49152;
	d.a.range_hi = 65535;
	d.a.sockets = 10;
	d.a.ports_held = 9;
	d.b.id = 7;
	d.b.seq = 2;
	d.b.file = "=af\"ter\n.txt";
	d.b.first_line = 1;
	d.b.range_lo = 1025;
	d.b.range_hi = 5000;
	d.b.sockets = 20;
	d.b.ports_held = 4;
	d.has_elapsed = 1;
	d.elapsed = 5415.0000268220901;	/* julianday noise: ms */
	memset(p, 0, sizeof p);
	p[0].pid = 0;
	p[0].ports_a = 2;
	p[0].ports_b = 7;
	p[0].in_a = p[0].in_b = 1;
	p[0].states = s0;
	p[0].nstates = 1;
	p[1].process = "svc.exe";
	p[1].pid = 301;
	p[1].ports_b = 2;
	p[1].in_b = 1;
	p[1].restarted = 1;
	p[1].states = s1;
	p[1].nstates = 1;
	p[2].process = "<old>.exe";
	p[2].pid = 200;
	p[2].ports_a = 3;
	p[2].in_a = 1;
	p[2].states = s2;
	p[2].nstates = 2;
	p[3].pid = -1;
	p[3].ports_b = 1;
	p[3].in_b = 1;
	d.procs = p;
	d.nprocs = 4;
	d.total_procs = 6;
	d.appeared = ap;
	d.nappeared = 1;
	d.total_appeared = 1;
	d.nvanished = 0;
	d.total_vanished = 2;

	memset(&a, 0, sizeof a);
	memset(&ro, 0, sizeof ro);
	ro.diff = &d;
	expect(&a, &ro,
	    "{\n" META_EMPTY ",\n"
	    "  \"diff\": {\n"
	    "    \"a\": {\"snapshot_id\": 1, \"seq\": 1, \"label\": \"before\", "
		"\"taken_at\": \"2026-11-23 08:00:00\", \"file\": "
		"\"before.txt\", \"first_line\": 4, \"range_lo\": 49152, "
		"\"range_hi\": 65535, \"sockets\": 10, \"ports_held\": 9},\n"
	    "    \"b\": {\"snapshot_id\": 7, \"seq\": 2, \"label\": null, "
		"\"taken_at\": null, \"file\": \"=af\\\"ter\\u000a.txt\", "
		"\"first_line\": 1, \"range_lo\": 1025, \"range_hi\": 5000, "
		"\"sockets\": 20, \"ports_held\": 4},\n"
	    "    \"elapsed_seconds\": 5415.0,\n"
	    "    \"ports_held_delta\": -5,\n"
	    "    \"processes\": [\n"
	    "      {\"process\": null, \"pid\": 0, \"ports_a\": 2, "
		"\"ports_b\": 7, \"delta\": 5, \"in_a\": true, \"in_b\": true, "
		"\"change\": null, \"restarted\": false, \"states\": "
		"[{\"state\": \"TIME_WAIT\", \"a\": 2, \"b\": 7, "
		"\"delta\": 5}]},\n"
	    "      {\"process\": \"svc.exe\", \"pid\": 301, \"ports_a\": 0, "
		"\"ports_b\": 2, \"delta\": 2, \"in_a\": false, "
		"\"in_b\": true, \"change\": \"came\", \"restarted\": true, "
		"\"states\": [{\"state\": \"ESTABLISHED\", \"a\": 0, "
		"\"b\": 2, \"delta\": 2}]},\n"
	    "      {\"process\": \"<old>.exe\", \"pid\": 200, \"ports_a\": 3, "
		"\"ports_b\": 0, \"delta\": -3, \"in_a\": true, "
		"\"in_b\": false, \"change\": \"went\", \"restarted\": false, "
		"\"states\": [{\"state\": \"ESTABLISHED\", \"a\": 2, "
		"\"b\": 0, \"delta\": -2}, {\"state\": \"CLOSE_WAIT\", "
		"\"a\": 1, \"b\": 0, \"delta\": -1}]},\n"
	    "      {\"process\": null, \"pid\": null, \"ports_a\": 0, "
		"\"ports_b\": 1, \"delta\": 1, \"in_a\": false, "
		"\"in_b\": true, \"change\": \"came\", \"restarted\": false, "
		"\"states\": []}\n"
	    "    ],\n"
	    "    \"processes_total\": 6,\n"
	    "    \"appeared\": [\n"
	    "      {\"endpoint\": \"[2001:db8::1]:8443\", \"sockets\": 3}\n"
	    "    ],\n"
	    "    \"appeared_total\": 1,\n"
	    "    \"vanished\": [],\n"
	    "    \"vanished_total\": 2\n"
	    "  }\n"
	    "}\n");
}
END_TEST

START_TEST(diff_without_times)
{
	struct diff		d;
	struct analysis		a;
	struct render_opts	ro;

	memset(&d, 0, sizeof d);
	d.a.id = d.a.seq = 1;
	d.b.id = d.b.seq = 1;
	d.a.file = d.b.file = "x.txt";
	memset(&a, 0, sizeof a);
	memset(&ro, 0, sizeof ro);
	ro.diff = &d;
	expect(&a, &ro,
	    "{\n" META_EMPTY ",\n"
	    "  \"diff\": {\n"
	    "    \"a\": {\"snapshot_id\": 1, \"seq\": 1, \"label\": null, "
		"\"taken_at\": null, \"file\": \"x.txt\", \"first_line\": 0, "
		"\"range_lo\": 0, \"range_hi\": 0, \"sockets\": 0, "
		"\"ports_held\": 0},\n"
	    "    \"b\": {\"snapshot_id\": 1, \"seq\": 1, \"label\": null, "
		"\"taken_at\": null, \"file\": \"x.txt\", \"first_line\": 0, "
		"\"range_lo\": 0, \"range_hi\": 0, \"sockets\": 0, "
		"\"ports_held\": 0},\n"
	    "    \"elapsed_seconds\": null,\n"
	    "    \"ports_held_delta\": 0,\n"
	    "    \"processes\": [],\n"
	    "    \"processes_total\": 0,\n"
	    "    \"appeared\": [],\n"
	    "    \"appeared_total\": 0,\n"
	    "    \"vanished\": [],\n"
	    "    \"vanished_total\": 0\n"
	    "  }\n"
	    "}\n");
}
END_TEST

START_TEST(write_error)
{
	static char		*cols[] = { "a" };
	struct a_value		 v[] = { T("x") };
	struct analysis		 a;
	FILE			*fp;

	if ((fp = fopen("/dev/full", "w")) == NULL)
		return;			/* no /dev/full here */
	setvbuf(fp, NULL, _IONBF, 0);
	memset(&a, 0, sizeof a);
	add_table(&a, "t", cols, 1, v, 1);
	ck_assert_int_eq(render_json(fp, &a, NULL), -1);
	fclose(fp);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("json");
	TCase	*tc = tcase_create("json");

	tcase_add_test(tc, document);
	tcase_add_test(tc, nothing_loaded);
	tcase_add_test(tc, numbers_and_null);
	tcase_add_test(tc, escapes);
	tcase_add_test(tc, passed_through);
	tcase_add_test(tc, invalid_utf8);
	tcase_add_test(tc, hostile_row);
	tcase_add_test(tc, column_names_escaped);
	tcase_add_test(tc, diff);
	tcase_add_test(tc, diff_without_times);
	tcase_add_test(tc, write_error);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
