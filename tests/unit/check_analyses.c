/*
 * check_analyses.c — each analysis view on a few sockets whose right answer
 * can be worked out on paper, and property checks on the bundled sample.
 *
 * Cases are built through the real store API (db/store.h), so the views are
 * exercised exactly as after an ingest.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db/store.h"
#include "parsers/addr.h"
#include "reports/findings.h"
#include "reports/refresh.h"

static char		 dir[64];
static char		 path[128];
static struct store	*st;
static int		 ncapture;

static void
setup(void)
{
	char	err[256];

	snprintf(dir, sizeof dir, "/tmp/portsift-an-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/case.db", dir);
	st = store_open(path, STORE_CREATE, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
	ncapture = 0;
}

static void
teardown(void)
{
	store_close(st);
	unlink(path);
	rmdir(dir);
}

static void
begin(const char *os)
{
	struct capture_row	c = { "test.txt", "windows-netstat", "utf-8",
				    NULL };

	(void)os;
	ck_assert_int_eq(store_capture_begin(st, &c), 0);
}

static long long
snap(const char *os, const char *taken_at)
{
	struct snapshot_row	r;
	long long		id;

	memset(&r, 0, sizeof r);
	r.os = os;
	r.range_lo = 49152;
	r.range_hi = 65535;
	r.range_source = "test";
	r.first_line = 1;
	id = store_snapshot(st, &r);
	ck_assert_int_gt(id, 0);
	if (taken_at != NULL)
		ck_assert_int_eq(store_snapshot_taken_at(st, id, taken_at,
		    "text"), 0);
	return id;
}

static void
sock(const char *laddr, int lport, const char *raddr, int rport,
    enum state state, long pid, const char *process)
{
	static unsigned long	line = 1;
	struct ps_socket	k;
	char			buf[80];

	memset(&k, 0, sizeof k);
	k.proto = PROTO_TCP;
	snprintf(buf, sizeof buf, "%s:%d", laddr, lport);
	k.family = addr_parse(buf, strlen(buf), &k.local);
	ck_assert_int_ge(k.family, 4);
	if (raddr != NULL) {
		snprintf(buf, sizeof buf, strchr(raddr, ':') ? "[%s]:%d" :
		    "%s:%d", raddr, rport);
		ck_assert_int_ge(addr_parse(buf, strlen(buf), &k.remote), 4);
	} else
		addr_none(&k.remote);
	k.state = state;
	k.state_raw = state_name(state);
	k.pid = pid;
	k.process = process;
	k.line = line++;
	ck_assert_int_eq(store_socket(st, &k), 0);
}

static void
end(void)
{
	char		sha[65];
	long long	dup;

	char		err[256];

	snprintf(sha, sizeof sha, "%064d", ++ncapture);
	ck_assert_int_eq(store_capture_end(st, STORE_COMMIT, sha, 1, 1, 0, 0,
	    &dup), 1);
	/* As after an ingest: the analysis tables are made from the views. */
	ck_assert_msg(analysis_refresh(store_sqlite(st), err, sizeof err) == 0,
	    "%s", err);
}

/* The first column of the first row of sql, as a double; NAN for NULL. */
static double
q(const char *sql)
{
	sqlite3_stmt	*s;
	double		 v = NAN;

	ck_assert_msg(sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) ==
	    SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(store_sqlite(st)));
	if (sqlite3_step(s) == SQLITE_ROW &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = sqlite3_column_double(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int
isnull(const char *sql)
{
	return isnan(q(sql));
}

START_TEST(test_port_share_counts_distinct_ports_in_range_not_listeners)
{
	begin("windows");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50001, "10.0.0.7", 1433, ST_TIME_WAIT, 10, "a.exe");
	sock("10.0.0.1", 1025, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("0.0.0.0", 50500, NULL, 0, ST_LISTEN, 10, "a.exe");
	end();
	ck_assert_double_eq(q("SELECT ports_held FROM port_share WHERE pid = 10"),
	    2);
	ck_assert_double_eq_tol(q("SELECT share FROM port_share WHERE pid = 10"),
	    2.0 / 16384, 1e-12);
	ck_assert_double_eq(q("SELECT range_size FROM port_share"), 16384);
	ck_assert_double_eq(q("SELECT listeners_in_range FROM snapshots"), 1);
	ck_assert_double_eq(q("SELECT ports_held FROM snapshots"), 2);
}
END_TEST

START_TEST(test_socket_shared_by_two_processes_is_one_port)
{
	begin("windows");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 11, "b.exe");
	end();
	ck_assert_double_eq(q("SELECT ports_held FROM snapshots"), 1);
	ck_assert_double_eq(q("SELECT count(*) FROM port_share"), 2);
	ck_assert_double_eq(q("SELECT sum(share_of_held) FROM port_share"), 2);
	ck_assert_double_eq(q("SELECT ports_held FROM pool_pressure"), 1);
}
END_TEST

START_TEST(test_windows_pool_counts_wildcard_binds_on_every_address)
{
	begin("windows");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50001, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50002, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("0.0.0.0", 50010, NULL, 0, ST_BOUND, 12, "c.exe");
	sock("0.0.0.0", 50001, NULL, 0, ST_BOUND, 12, "c.exe");
	sock("10.0.0.5", 80, NULL, 0, ST_LISTEN, 4, "System");
	end();
	/* 10.0.0.1: 50000-50002 own + 50010 wild (50001 counted once). */
	ck_assert_double_eq(q("SELECT ports_held FROM pool_pressure"
	    " WHERE model = 'windows' AND laddr = '10.0.0.1'"), 4);
	ck_assert_double_eq(q("SELECT ports_held FROM pool_pressure"
	    " WHERE model = 'windows' AND laddr = '10.0.0.5'"), 2);
	ck_assert_double_eq(q("SELECT count(*) FROM pool_pressure"
	    " WHERE model = 'linux'"), 0);
	ck_assert_double_eq(q("SELECT ports_held FROM snapshot_pressure"), 4);
}
END_TEST

START_TEST(test_linux_pool_is_per_destination)
{
	begin("linux");
	snap("linux", NULL);
	/* One local port toward two destinations: two pools, one port each. */
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a");
	sock("10.0.0.1", 50000, "10.0.0.8", 1433, ST_ESTABLISHED, 10, "a");
	sock("10.0.0.1", 50001, "10.0.0.8", 1433, ST_ESTABLISHED, 10, "a");
	end();
	ck_assert_double_eq(q("SELECT ports_held FROM pool_pressure"
	    " WHERE model = 'linux' AND raddr = '10.0.0.7'"), 1);
	ck_assert_double_eq(q("SELECT ports_held FROM pool_pressure"
	    " WHERE model = 'linux' AND raddr = '10.0.0.8' AND rport = 1433"), 2);
	ck_assert_double_eq(q("SELECT ports_held FROM pool_pressure"
	    " WHERE model = 'windows'"), 2);
}
END_TEST

START_TEST(test_remote_concentration_top_endpoint_and_hhi)
{
	begin("windows");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50001, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50002, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50003, "10.0.0.7", 80, ST_ESTABLISHED, 10, "a.exe");
	sock("::1", 50004, "2001:db8::1", 443, ST_ESTABLISHED, 11, "b.exe");
	end();
	ck_assert_double_eq(q("SELECT remotes FROM remote_concentration"
	    " WHERE pid = 10"), 2);
	ck_assert_double_eq_tol(q("SELECT top_remote_share FROM"
	    " remote_concentration WHERE pid = 10"), 0.75, 1e-12);
	ck_assert_double_eq_tol(q("SELECT top_addr_share FROM"
	    " remote_concentration WHERE pid = 10"), 1.0, 1e-12);
	ck_assert_double_eq_tol(q("SELECT hhi FROM remote_concentration"
	    " WHERE pid = 10"), 0.75 * 0.75 + 0.25 * 0.25, 1e-12);
	ck_assert_double_eq(q("SELECT top_remote = '10.0.0.7:1433' FROM"
	    " remote_concentration WHERE pid = 10"), 1);
	ck_assert_double_eq(q("SELECT top_remote = '[2001:db8::1]:443' FROM"
	    " remote_concentration WHERE pid = 11"), 1);
}
END_TEST

START_TEST(test_time_wait_attribution_endpoint_ambiguous_none)
{
	int	i;

	begin("windows");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	for (i = 0; i < 5; i++)
		sock("10.0.0.1", 51000 + i, "10.0.0.7", 1433, ST_TIME_WAIT, 0,
		    NULL);
	/* Two owners toward 10.0.0.8:80, with 1 and 3 connections. */
	sock("10.0.0.1", 50100, "10.0.0.8", 80, ST_ESTABLISHED, 20, "b.exe");
	for (i = 0; i < 3; i++)
		sock("10.0.0.1", 50200 + i, "10.0.0.8", 80, ST_ESTABLISHED, 30,
		    "c.exe");
	for (i = 0; i < 4; i++)
		sock("10.0.0.1", 52000 + i, "10.0.0.8", 80, ST_TIME_WAIT, 0,
		    NULL);
	/* Nobody talks to 10.0.0.9:53. */
	sock("10.0.0.1", 53000, "10.0.0.9", 53, ST_TIME_WAIT, 0, NULL);
	sock("10.0.0.1", 53001, "10.0.0.9", 53, ST_TIME_WAIT, 0, NULL);
	end();
	ck_assert_double_eq(q("SELECT sockets FROM time_wait_attribution"
	    " WHERE pid = 10 AND confidence = 'endpoint'"), 5);
	ck_assert_double_eq(q("SELECT sockets FROM time_wait_attribution"
	    " WHERE pid = 20 AND confidence = 'ambiguous'"), 1);
	ck_assert_double_eq(q("SELECT sockets FROM time_wait_attribution"
	    " WHERE pid = 30 AND confidence = 'ambiguous'"), 3);
	ck_assert_double_eq(q("SELECT sockets FROM time_wait_attribution"
	    " WHERE confidence = 'none' AND process IS NULL"), 2);
	/* Attribution never creates sockets. */
	ck_assert_double_eq(q("SELECT sum(sockets) FROM time_wait_attribution"),
	    q("SELECT count(*) FROM socket WHERE pid = 0"));
	/* Attributed numbers stay out of the observed ones. */
	ck_assert_double_eq(q("SELECT ports_held FROM port_share WHERE pid = 10"),
	    1);
}
END_TEST

START_TEST(test_time_wait_attribution_uses_nearest_snapshot)
{
	begin("windows");
	snap("windows", "2026-11-23 10:00:00");
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	snap("windows", "2026-11-23 10:15:00");
	sock("10.0.0.1", 51000, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	end();
	ck_assert_double_eq(q("SELECT sockets FROM time_wait_attribution"
	    " WHERE pid = 10 AND snapshot_id = 2"), 1);
	ck_assert_double_eq(q("SELECT source_snapshot_id FROM"
	    " time_wait_attribution WHERE snapshot_id = 2"), 1);
}
END_TEST

START_TEST(test_trend_is_null_with_one_snapshot_or_no_times)
{
	begin("windows");
	snap("windows", "2026-11-23 10:00:00");
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	end();
	ck_assert(isnull("SELECT slope_per_hour FROM trend WHERE pid = 10"));
	ck_assert(isnull("SELECT minutes_to_exhaustion FROM trend"
	    " WHERE pid = 10"));
	ck_assert(isnull("SELECT monotonic FROM trend WHERE pid = 10"));
	ck_assert(isnull("SELECT slope_per_hour FROM pressure_trend"));

	begin("windows");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	snap("windows", NULL);
	sock("10.0.0.1", 50000, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	sock("10.0.0.1", 50001, "10.0.0.7", 1433, ST_ESTABLISHED, 10, "a.exe");
	end();
	/* Untimed snapshots do not enter the fit: still one point. */
	ck_assert(isnull("SELECT slope_per_hour FROM trend WHERE pid = 10"));
}
END_TEST

START_TEST(test_trend_slope_monotonic_and_time_left)
{
	int	i, k;

	begin("windows");
	for (k = 0; k < 3; k++) {
		char t[32];

		snprintf(t, sizeof t, "2026-11-23 1%d:00:00", k);
		snap("windows", t);
		for (i = 0; i < 10 * (k + 1); i++)
			sock("10.0.0.1", 50000 + i, "10.0.0.7", 1433,
			    ST_ESTABLISHED, 10, "a.exe");
	}
	end();
	ck_assert_double_eq_tol(q("SELECT slope_per_hour FROM trend"
	    " WHERE pid = 10"), 10.0, 1e-6);
	ck_assert_double_eq(q("SELECT monotonic FROM trend WHERE pid = 10"), 1);
	ck_assert_double_eq(q("SELECT ports_first FROM trend WHERE pid = 10"),
	    10);
	ck_assert_double_eq(q("SELECT ports_last FROM trend WHERE pid = 10"),
	    30);
	/* 16,384 - 30 ports left at 10 an hour. */
	ck_assert_double_eq_tol(q("SELECT minutes_to_exhaustion FROM trend"
	    " WHERE pid = 10"), 60.0 * (16384 - 30) / 10.0, 1e-6);
	ck_assert_double_eq_tol(q("SELECT slope_per_hour FROM pressure_trend"),
	    10.0, 1e-6);
	/* The image rollup across restarts has the same series here. */
	ck_assert_double_eq_tol(q("SELECT slope_per_hour FROM trend"
	    " WHERE process = 'a.exe' AND pid IS NULL"), 10.0, 1e-6);
}
END_TEST

START_TEST(test_findings_close_wait_sentence_matches_numbers)
{
	struct finding_opts	o;
	char			err[256];
	int			i;

	begin("windows");
	snap("windows", NULL);
	for (i = 0; i < 60; i++)
		sock("10.0.0.1", 50000 + i, "10.0.0.20", 8080, ST_CLOSE_WAIT,
		    2288, "java.exe");
	end();
	findings_defaults(&o);
	ck_assert_int_eq(findings_refresh(store_sqlite(st), &o, err,
	    sizeof err), 0);
	ck_assert_double_eq(q("SELECT count(*) FROM finding WHERE kind = 'state'"
	    " AND summary LIKE 'java.exe (PID 2288) has 60 connections in"
	    " CLOSE_WAIT, all of them to 10.0.0.20:8080:%'"), 1);
	ck_assert_double_eq(q("SELECT count(*) FROM finding WHERE kind = 'state'"
	    " AND evidence LIKE '%test.txt:1, :2, :3%'"), 1);
	/* Below the threshold: no finding. */
	ck_assert_int_eq(findings_threshold(&o, "close-wait=61"), 0);
	ck_assert_int_eq(findings_refresh(store_sqlite(st), &o, err,
	    sizeof err), 0);
	ck_assert_double_eq(q("SELECT count(*) FROM finding WHERE kind ="
	    " 'state'"), 0);
	ck_assert_int_eq(findings_threshold(&o, "close-wait"), -1);
	ck_assert_int_eq(findings_threshold(&o, "nosuch=1"), -1);
	ck_assert_int_eq(findings_threshold(&o, "pool-warning=101"), -1);
}
END_TEST

START_TEST(test_findings_pool_severity_follows_thresholds)
{
	struct finding_opts	o;
	char			err[256];
	int			i;

	begin("windows");
	snap("windows", NULL);
	for (i = 0; i < 9000; i++)
		sock("10.0.0.1", 49152 + i, "10.0.0.7", 1433, ST_ESTABLISHED, 10,
		    "a.exe");
	end();
	findings_defaults(&o);
	ck_assert_int_eq(findings_refresh(store_sqlite(st), &o, err,
	    sizeof err), 0);
	/* 9,000 / 16,384 = 54.9%: a warning at the default 50%. */
	ck_assert_double_eq(q("SELECT count(*) FROM finding WHERE kind = 'pool'"
	    " AND severity = 'warning' AND summary = 'Local address 10.0.0.1"
	    " has 9,000 of its 16,384 dynamic ports in use (54.9%).'"), 1);
	ck_assert_int_eq(findings_threshold(&o, "pool-critical=50"), 0);
	ck_assert_int_eq(findings_refresh(store_sqlite(st), &o, err,
	    sizeof err), 0);
	ck_assert_double_eq(q("SELECT count(*) FROM finding WHERE kind = 'pool'"
	    " AND severity = 'critical'"), 1);
	ck_assert_double_eq(q("SELECT rank FROM finding WHERE kind = 'holder'"),
	    1);
}
END_TEST

/* Properties over a real case: the bundled sample, ingested by the binary. */
START_TEST(test_properties_hold_on_the_sample)
{
	struct store	*s;
	char		 err[256], cmd[512];
	sqlite3		*db;
	sqlite3_stmt	*q1;
	int		 rc;

	/* make unit names the binary of the build under test. */
	ck_assert_ptr_nonnull(getenv("PORTSIFT"));
	snprintf(cmd, sizeof cmd, "\"%s\" ingest -q --db %s/s.db "
	    "samples/windows-exhaustion/netstat.txt", getenv("PORTSIFT"), dir);
	rc = system(cmd);
	ck_assert_int_eq(rc, 0);
	snprintf(cmd, sizeof cmd, "%s/s.db", dir);
	s = store_open(cmd, STORE_READ, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	db = store_sqlite(s);
	static const char *const zero[] = {
		"SELECT count(*) FROM port_share WHERE share < 0 OR share > 1"
		" OR share_of_held < 0 OR share_of_held > 1",
		"SELECT count(*) FROM port_share WHERE ports_held > range_size",
		"SELECT count(*) FROM pool_pressure WHERE share < 0 OR share > 1",
		"SELECT count(*) FROM remote_concentration WHERE"
		" hhi < 1.0 / remotes - 1e-12 OR hhi > 1 + 1e-12"
		" OR top_remote_share < 0 OR top_remote_share > 1"
		" OR top_addr_share < top_remote_share - 1e-12",
		"SELECT count(*) FROM (SELECT snapshot_id, sum(sockets) AS a"
		" FROM time_wait_attribution GROUP BY snapshot_id) t"
		" WHERE abs(a - (SELECT count(*) FROM socket s WHERE"
		" s.snapshot_id = t.snapshot_id AND s.pid = 0"
		" AND s.state = 'TIME_WAIT' AND s.raddr IS NOT NULL)) > 1e-6",
		"SELECT count(*) FROM snapshots WHERE ports_held >"
		" range_hi - range_lo + 1",
		"SELECT count(*) FROM finding WHERE summary NOT LIKE '%.'",
		NULL
	};
	const char *const *z;

	for (z = zero; *z != NULL; z++) {
		ck_assert_int_eq(sqlite3_prepare_v2(db, *z, -1, &q1, NULL),
		    SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(q1), SQLITE_ROW);
		ck_assert_msg(sqlite3_column_int(q1, 0) == 0, "%s", *z);
		sqlite3_finalize(q1);
	}
	/* The sample's README gives these; the analyses must find them. */
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT group_concat(ports_held)"
	    " FROM (SELECT ports_held FROM snapshot_pressure"
	    " ORDER BY snapshot_id)", -1, &q1, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q1), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(q1, 0),
	    "2895,6257,9611,12932");
	sqlite3_finalize(q1);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT group_concat(held)"
	    " FROM (SELECT CAST(held AS INTEGER) AS held FROM"
	    " time_wait_attribution WHERE process = 'w3wp.exe'"
	    " ORDER BY snapshot_id)", -1, &q1, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q1), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(q1, 0),
	    "2380,5650,8930,12160");
	sqlite3_finalize(q1);
	store_close(s);
	unlink(cmd);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("analyses");
	TCase	*tc = tcase_create("views");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_port_share_counts_distinct_ports_in_range_not_listeners);
	tcase_add_test(tc, test_socket_shared_by_two_processes_is_one_port);
	tcase_add_test(tc, test_windows_pool_counts_wildcard_binds_on_every_address);
	tcase_add_test(tc, test_linux_pool_is_per_destination);
	tcase_add_test(tc, test_remote_concentration_top_endpoint_and_hhi);
	tcase_add_test(tc, test_time_wait_attribution_endpoint_ambiguous_none);
	tcase_add_test(tc, test_time_wait_attribution_uses_nearest_snapshot);
	tcase_add_test(tc, test_trend_is_null_with_one_snapshot_or_no_times);
	tcase_add_test(tc, test_trend_slope_monotonic_and_time_left);
	tcase_add_test(tc, test_findings_close_wait_sentence_matches_numbers);
	tcase_add_test(tc, test_findings_pool_severity_follows_thresholds);
	tcase_add_test(tc, test_properties_hold_on_the_sample);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
