/*
 * check_csv.c — reports/csv.c on tables built by hand: the exact bytes of
 * every kind of cell, hostile text above all.
 *
 * The expected bytes are RFC 4180 worked out by hand: a record ends with
 * CRLF; a field with a comma, a quote, CR or LF (or a blank at either end,
 * or empty text) is quoted, its quotes doubled; anything else is as is.  A
 * text cell that starts with = + - @ tab or CR gets a leading ' (unless
 * csv_raw); an integer or a real is never touched, negative or not.
 */
#include <check.h>
#include <math.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/analysis.h"
#include "reports/render.h"

Suite	*suite(void);

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

/* a with one table, name, of ncols columns and the rows in v. */
static void
one_table(struct analysis *a, const char *name, char **cols, size_t ncols,
    struct a_value *v, size_t nrows)
{
	memset(a, 0, sizeof *a);
	a->tables[0].name = name;
	a->tables[0].cols = cols;
	a->tables[0].ncols = ncols;
	a->tables[0].v = v;
	a->tables[0].nrows = nrows;
	a->ntables = 1;
}

/* The CSV of table (NULL: the default), and render_csv()'s result. */
static char *
csv(const struct analysis *a, const char *table, int raw, int *rc)
{
	struct render_opts	 ro;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*fp;

	memset(&ro, 0, sizeof ro);
	ro.table = table;
	ro.csv_raw = raw;
	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	*rc = render_csv(fp, a, &ro);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_uint_eq(strlen(buf), len);	/* no NUL written */
	return buf;
}

static void
expect(const struct analysis *a, const char *table, int raw,
    const char *want)
{
	char	*got;
	int	 rc;

	got = csv(a, table, raw, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(got, want);
	free(got);
}

/* One text column "name": the CSV of a single cell. */
static void
expect_cell(const char *text, int raw, const char *want_cell)
{
	static char	*cols[] = { "name" };
	struct analysis	 a;
	struct a_value	 v[1];
	char		 want[512];

	v[0] = T(text);
	one_table(&a, "port_share", cols, 1, v, 1);
	snprintf(want, sizeof want, "name\r\n%s\r\n", want_cell);
	expect(&a, NULL, raw, want);
}

/* One real column "share": the CSV of a single cell. */
static void
expect_real(double r, const char *want_cell)
{
	static char	*cols[] = { "share" };
	struct analysis	 a;
	struct a_value	 v[1];
	char		 want[128];

	v[0] = R(r);
	one_table(&a, "port_share", cols, 1, v, 1);
	snprintf(want, sizeof want, "share\r\n%s\r\n", want_cell);
	expect(&a, NULL, 0, want);
}

START_TEST(header_and_types)
{
	static char	*cols[] = { "snapshot_id", "process", "pid", "share" };
	struct a_value	 v[] = {
		I(1), T("w3wp.exe"), I(4321), R(0.0159912109375),
		I(1), N(), I(0), R(0.1463623046875),
		I(2), T("java.exe"), N(), N(),
	};
	struct analysis	 a;

	one_table(&a, "port_share", cols, 4, v, 3);
	expect(&a, "port_share", 0,
	    "snapshot_id,process,pid,share\r\n"
	    "1,w3wp.exe,4321,0.0159912109375\r\n"
	    "1,,0,0.1463623046875\r\n"
	    "2,java.exe,,\r\n");
}
END_TEST

START_TEST(default_table_is_port_share)
{
	static char	*c1[] = { "a" }, *c2[] = { "b" };
	struct a_value	 v1[] = { I(1) }, v2[] = { I(2) };
	struct analysis	 a;

	memset(&a, 0, sizeof a);
	a.tables[0].name = "snapshots";
	a.tables[0].cols = c1;
	a.tables[0].ncols = 1;
	a.tables[0].v = v1;
	a.tables[0].nrows = 1;
	a.tables[1].name = "port_share";
	a.tables[1].cols = c2;
	a.tables[1].ncols = 1;
	a.tables[1].v = v2;
	a.tables[1].nrows = 1;
	a.ntables = 2;
	expect(&a, NULL, 0, "b\r\n2\r\n");
	expect(&a, "snapshots", 0, "a\r\n1\r\n");
}
END_TEST

START_TEST(unknown_table)
{
	static char	*cols[] = { "a" };
	struct a_value	 v[] = { I(1) };
	struct analysis	 a;
	char		*got;
	int		 rc;

	one_table(&a, "port_share", cols, 1, v, 1);
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	got = csv(&a, "nosuch", 0, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(got, "");		/* nothing written */
	free(got);
}
END_TEST

START_TEST(empty_table)
{
	static char	*cols[] = { "process", "pid" };
	struct analysis	 a;

	one_table(&a, "trend", cols, 2, NULL, 0);
	expect(&a, "trend", 0, "process,pid\r\n");
}
END_TEST

START_TEST(rfc4180_quoting)
{
	expect_cell("plain.exe", 0, "plain.exe");
	expect_cell("a,b", 0, "\"a,b\"");
	expect_cell("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
	expect_cell("a,b\"c.exe", 0, "\"a,b\"\"c.exe\"");
	expect_cell("two\nlines", 0, "\"two\nlines\"");
	expect_cell("cr\rin", 0, "\"cr\rin\"");
	expect_cell("crlf\r\nin", 0, "\"crlf\r\nin\"");
	expect_cell("\"", 0, "\"\"\"\"");
	expect_cell(" lead", 0, "\" lead\"");
	expect_cell("trail ", 0, "\"trail \"");
	expect_cell("tab\t", 0, "\"tab\t\"");
	expect_cell("in side", 0, "in side");
}
END_TEST

START_TEST(passed_through)
{
	/* Not special to CSV, nor a formula: written as they are. */
	expect_cell("<script>alert(1)</script>", 0,
	    "<script>alert(1)</script>");
	expect_cell("\xC3\x84\xC3\x96\xC3\x9C.exe", 0,
	    "\xC3\x84\xC3\x96\xC3\x9C.exe");		/* ÄÖÜ.exe */
	expect_cell("\x01" "ctl\x1f", 0, "\x01" "ctl\x1f");
	expect_cell("a'b", 0, "a'b");
	expect_cell("'=already", 0, "'=already");
	expect_cell("x=1", 0, "x=1");
	expect_cell("1-2", 0, "1-2");
}
END_TEST

START_TEST(formulas_neutralized)
{
	expect_cell("=HYPERLINK(\"http://x\",\"y\")", 0,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	expect_cell("=1+2", 0, "'=1+2");
	expect_cell("+1", 0, "'+1");
	expect_cell("-2", 0, "'-2");
	expect_cell("@x", 0, "'@x");
	expect_cell("@SUM(1,2)", 0, "\"'@SUM(1,2)\"");
	expect_cell("\tx.exe", 0, "'\tx.exe");
	expect_cell("\rx", 0, "\"'\rx\"");
	expect_cell("=", 0, "'=");
	expect_cell("-", 0, "'-");
	/* Only the first character counts. */
	expect_cell(" =1+2", 0, "\" =1+2\"");
}
END_TEST

START_TEST(csv_raw_keeps_formulas)
{
	expect_cell("=HYPERLINK(\"http://x\",\"y\")", 1,
	    "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	expect_cell("=1+2", 1, "=1+2");
	expect_cell("+1", 1, "+1");
	expect_cell("-2", 1, "-2");
	expect_cell("@x", 1, "@x");
	expect_cell("\tx.exe", 1, "\"\tx.exe\"");	/* a leading blank */
	expect_cell("\rx", 1, "\"\rx\"");
	expect_cell("a,b", 1, "\"a,b\"");
}
END_TEST

START_TEST(numbers_never_neutralized)
{
	static char	*cols[] = { "text", "int", "real" };
	struct a_value	 v[] = {
		T("-2"), I(-2), R(-2.5),
		T("+1"), I(1), R(-0.125),
		T("=1"), I(-9223372036854775807LL - 1), R(-1e-300),
	};
	struct analysis	 a;

	one_table(&a, "port_share", cols, 3, v, 3);
	expect(&a, NULL, 0,
	    "text,int,real\r\n"
	    "'-2,-2,-2.5\r\n"
	    "'+1,1,-0.125\r\n"
	    "'=1,-9223372036854775808,-1e-300\r\n");
}
END_TEST

START_TEST(null_and_empty_text)
{
	static char	*cols[] = { "a", "b", "c" };
	struct a_value	 v[] = { N(), T(""), N() };
	struct analysis	 a;

	one_table(&a, "port_share", cols, 3, v, 1);
	/* NULL is an empty cell; empty text is "", so they stay apart. */
	expect(&a, NULL, 0, "a,b,c\r\n,\"\",\r\n");
}
END_TEST

START_TEST(reals)
{
	expect_real(0.1, "0.1");
	expect_real(18.0, "18.0");
	expect_real(0.0, "0.0");
	expect_real(-0.0, "-0.0");
	expect_real(1.0 / 3.0, "0.3333333333333333");
	expect_real(2.0 / 3.0, "0.6666666666666666");
	expect_real(0.828324697754749775, "0.8283246977547498");
	expect_real(6.103515625e-05, "6.103515625e-05");
	expect_real(11992.4169359821, "11992.4169359821");
	expect_real(1e300, "1e+300");
	expect_real(123456789012345678.0, "1.2345678901234568e+17");
	expect_real(1e15, "1e+15");
	expect_real(5e-324, "4.94065645841247e-324");
	/* Not a number a spreadsheet or a script reads: empty, as NULL. */
	expect_real(INFINITY, "");
	expect_real(-INFINITY, "");
	expect_real(NAN, "");
}
END_TEST

START_TEST(reals_read_back_exactly)
{
	static const double	 r[] = { 0.1, 1.0 / 3.0, 2.0 / 7.0, 1e-7,
				    12290.6548254691, 0.000345423143350604,
				    16.8518279083714, 1e22, 3.0e-310 };
	static char		*cols[] = { "r" };
	struct analysis		 a;
	struct a_value		 v[1];
	char			*got, *cell;
	size_t			 i;
	int			 rc;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		v[0] = R(r[i]);
		one_table(&a, "port_share", cols, 1, v, 1);
		got = csv(&a, NULL, 0, &rc);
		ck_assert_int_eq(rc, 0);
		cell = got + strlen("r\r\n");
		ck_assert_msg(strtod(cell, NULL) == r[i], "%s", cell);
		free(got);
	}
}
END_TEST

/*
 * A decimal comma in LC_NUMERIC must not reach the CSV.  The de_DE locale
 * is compiled into a temporary directory (LOCPATH) with localedef; where
 * that cannot be done the test says so and checks nothing.
 */
START_TEST(locale_decimal_comma)
{
	char	 dir[] = "/tmp/check_csv.XXXXXX", cmd[256];
	int	 ok;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 "
	    "%s/de_DE.UTF-8 >/dev/null 2>&1", dir);
	ok = system(cmd) == 0;
	if (ok) {
		setenv("LOCPATH", dir, 1);
		ok = setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL;
	}
	if (ok) {
		ck_assert_str_eq(localeconv()->decimal_point, ",");
		expect_real(0.5, "0.5");
		expect_real(1234.25, "1234.25");
		expect_real(1.0 / 3.0, "0.3333333333333333");
		expect_real(1e-7, "1e-07");
		setlocale(LC_NUMERIC, "C");
	} else
		fprintf(stderr, "check_csv: no de_DE locale could be made "
		    "(localedef): locale_decimal_comma checked nothing\n");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Every hostile name of the brief in one table, as a spreadsheet gets it. */
START_TEST(hostile_table)
{
	static char	*cols[] = { "snapshot_id", "process", "pid",
			    "ports_held", "share" };
	struct a_value	 v[] = {
		I(1), T("=HYPERLINK(\"http://evil\",\"x\").exe"), I(4321),
		    I(12), R(0.000732421875),
		I(1), T("a,b\"c.exe"), I(2288), I(3), R(0.00018310546875),
		I(1), T("<script>alert(1)</script>.exe"), I(5120), I(2),
		    R(0.0001220703125),
		I(1), T("+1.exe"), I(6001), I(1), R(6.103515625e-05),
		I(1), T("-2.exe"), I(-2), I(-2), R(-2.0),
		I(1), T("@x.exe"), I(6003), I(1), R(6.103515625e-05),
		I(1), T("\tTab.exe"), I(6004), I(1), R(6.103515625e-05),
		I(1), T("\xC3\x84\xC3\x96\xC3\x9C.exe"), I(6005), I(1),
		    R(6.103515625e-05),
		I(1), T("two\nlines.exe"), I(6006), I(1), R(6.103515625e-05),
		I(1), T("\x01" "ctl.exe"), I(6007), I(1), N(),
	};
	struct analysis	 a;

	one_table(&a, "port_share", cols, 5, v, 10);
	expect(&a, "port_share", 0,
	    "snapshot_id,process,pid,ports_held,share\r\n"
	    "1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\").exe\",4321,12,"
		"0.000732421875\r\n"
	    "1,\"a,b\"\"c.exe\",2288,3,0.00018310546875\r\n"
	    "1,<script>alert(1)</script>.exe,5120,2,0.0001220703125\r\n"
	    "1,'+1.exe,6001,1,6.103515625e-05\r\n"
	    "1,'-2.exe,-2,-2,-2.0\r\n"
	    "1,'@x.exe,6003,1,6.103515625e-05\r\n"
	    "1,'\tTab.exe,6004,1,6.103515625e-05\r\n"
	    "1,\xC3\x84\xC3\x96\xC3\x9C.exe,6005,1,6.103515625e-05\r\n"
	    "1,\"two\nlines.exe\",6006,1,6.103515625e-05\r\n"
	    "1,\x01" "ctl.exe,6007,1,\r\n");
}
END_TEST

/* A write that fails is an error, not a short file taken for a whole one. */
START_TEST(write_error)
{
	static char		*cols[] = { "a" };
	struct a_value		 v[] = { T("x") };
	struct analysis		 a;
	struct render_opts	 ro;
	FILE			*fp;

	if ((fp = fopen("/dev/full", "w")) == NULL)
		return;			/* no /dev/full here */
	setvbuf(fp, NULL, _IONBF, 0);
	one_table(&a, "port_share", cols, 1, v, 1);
	memset(&ro, 0, sizeof ro);
	ck_assert_int_eq(render_csv(fp, &a, &ro), -1);
	fclose(fp);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("csv");
	TCase	*tc = tcase_create("csv");

	tcase_add_test(tc, header_and_types);
	tcase_add_test(tc, default_table_is_port_share);
	tcase_add_test(tc, unknown_table);
	tcase_add_test(tc, empty_table);
	tcase_add_test(tc, rfc4180_quoting);
	tcase_add_test(tc, passed_through);
	tcase_add_test(tc, formulas_neutralized);
	tcase_add_test(tc, csv_raw_keeps_formulas);
	tcase_add_test(tc, numbers_never_neutralized);
	tcase_add_test(tc, null_and_empty_text);
	tcase_add_test(tc, reals);
	tcase_add_test(tc, reals_read_back_exactly);
	tcase_add_test(tc, locale_decimal_comma);
	tcase_add_test(tc, hostile_table);
	tcase_add_test(tc, write_error);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
