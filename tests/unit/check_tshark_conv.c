/*
 * check_tshark_conv.c — tests for parsers/tshark_conv.c: the tables that
 * tshark 4.0 printed for a real loopback capture (tests/fixtures/
 * tshark-conv/, how each was made in its README): conv,tcp and conv,udp,
 * -t ad / ud / e / a, several -z at once (IP and Ethernet tables skipped),
 * a display filter with tshark's stderr line, sizes with units, A as local,
 * hostile rows, and the sniffer against the shared corpus and the other
 * flow formats' fixtures.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/format.h"
#include "parsers/record.h"

#define FIX	"tests/fixtures/tshark-conv/"
#define TOL	1e-7
#define DAY0	1795483149.0	/* 2026-11-24 01:19:09 UTC */

Suite	*suite(void);

#define RECORD_FORMAT	format_tshark_conv
#include "tests/unit/recorder.h"
#include "tests/unit/flowsniff.h"

static const struct ps_flow *
flow(const struct rec *r, size_t i)
{
	return &nth(r, EV_FLOW, i)->flow;
}

/* The flow whose local port is port, or a failed test. */
static const struct ps_flow *
flow_from(const struct rec *r, int port)
{
	size_t	i;

	for (i = 0; i < count(r, EV_FLOW); i++)
		if (flow(r, i)->local.port == port)
			return flow(r, i);
	ck_abort_msg("no flow from port %d", port);
	return NULL;
}

START_TEST(test_tcp_table_rows_are_flows_from_a)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "conv-tcp.txt", &n);
	const struct ps_flow	*f;
	const struct ev		*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 15);
	e = nth(r, EV_FLOW, 1);
	f = &e->flow;
	ck_assert_uint_eq(f->line, 7);
	ck_assert_int_eq(f->proto, PROTO_TCP);
	ck_assert_int_eq(f->family, 4);
	ck_assert_str_eq(f->local.addr, "127.0.0.1");
	ck_assert_int_eq(f->local.port, 54132);
	ck_assert_int_eq(f->local.numeric, 1);
	ck_assert_str_eq(f->remote.addr, "127.0.0.1");
	ck_assert_int_eq(f->remote.port, 47120);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_RELATIVE);
	ck_assert_double_eq_tol(f->first_seen, 0.302878899, TOL);
	ck_assert_double_eq_tol(f->last_seen, 0.302878899 + 0.0013, TOL);
	ck_assert_uint_eq(f->packets, 10);
	ck_assert_uint_eq(f->bytes, 2227);
	ck_assert_int_eq(f->state, ST_UNKNOWN);
	ck_assert_str_eq(e->state_raw, "conversation");
	ck_assert_double_eq(f->syn_at, FLOW_NEVER);
	ck_assert_double_eq(f->answered_at, FLOW_NEVER);
	ck_assert_double_eq(f->local_fin_at, FLOW_NEVER);
	ck_assert_double_eq(f->remote_fin_at, FLOW_NEVER);
	ck_assert_double_eq(f->reset_at, FLOW_NEVER);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_NONE);

	/* IPv6 "::1:54118": the last colon splits the port. */
	f = flow(r, 2);
	ck_assert_int_eq(f->family, 6);
	ck_assert_str_eq(f->local.addr, "::1");
	ck_assert_int_eq(f->local.port, 54118);
	ck_assert_uint_eq(f->bytes, 2427);
	rec_free(r);
}
END_TEST

START_TEST(test_sizes_with_units_are_scaled)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "conv-tcp.txt", &n);
	const struct ps_flow	*f = flow(r, 0);

	/* "682 30 MB": tshark rounded it to whole megabytes. */
	ck_assert_int_eq(f->local.port, 54172);
	ck_assert_uint_eq(f->packets, 682);
	ck_assert_uint_eq(f->bytes, 30000000ULL);
	ck_assert_double_eq_tol(f->last_seen - f->first_seen, 0.1965, TOL);
	rec_free(r);
}
END_TEST

START_TEST(test_a_is_the_first_speaker_not_always_the_client)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "conv-tcp.txt", &n);
	const struct ps_flow	*f;

	/*
	 * Opened before the capture began; its server (port 47123) spoke
	 * first once the capture ran, so tshark made it A.
	 */
	f = flow_from(r, 47123);
	ck_assert_int_eq(f->remote.port, 59514);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_double_eq(f->first_seen, 0.0);
	/* The refused connection: one SYN, one RST. */
	f = flow_from(r, 33284);
	ck_assert_int_eq(f->remote.port, 47122);
	ck_assert_uint_eq(f->packets, 2);
	ck_assert_uint_eq(f->bytes, 128);
	ck_assert_double_eq(f->last_seen, f->first_seen);
	rec_free(r);
}
END_TEST

START_TEST(test_udp_table_gives_udp_flows)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "conv-udp.txt", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 12);
	f = flow(r, 0);
	ck_assert_int_eq(f->proto, PROTO_UDP);
	ck_assert_int_eq(f->local.port, 58621);
	ck_assert_int_eq(f->remote.port, 47121);
	ck_assert_uint_eq(f->packets, 2);
	ck_assert_uint_eq(f->bytes, 99);
	ck_assert_int_eq(f->state, ST_UNKNOWN);
	rec_free(r);
}
END_TEST

START_TEST(test_absolute_date_is_epoch_read_as_utc)
{
	unsigned long		 n;
	struct rec		*ud = run_file(FIX "conv-tcp-ud.txt", &n);
	struct rec		*ad = run_file(FIX "conv-tcp-ad.txt", &n);
	struct rec		*ny = run_file(FIX "conv-tcp-ad-newyork.txt",
				    &n);
	const struct ps_flow	*f;

	assert_no_issues(ud);
	assert_no_issues(ny);
	f = flow(ud, 0);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert_double_eq(f->first_seen, DAY0);
	ck_assert_double_eq_tol(f->last_seen, DAY0 + 0.1965, 1e-6);
	/* -t ad on a UTC machine prints the same as -t ud. */
	ck_assert_double_eq(flow(ad, 0)->first_seen, DAY0);
	/* ... and in New York five hours less: read as printed. */
	ck_assert_double_eq(flow(ny, 0)->first_seen, DAY0 - 5 * 3600);
	ck_assert_uint_eq(count(ny, EV_FLOW), 15);
	rec_free(ud);
	rec_free(ad);
	rec_free(ny);
}
END_TEST

START_TEST(test_epoch_in_the_relative_column_is_epoch)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "conv-udp-epoch.txt", &n);
	const struct ps_flow	*f = flow(r, 0);

	assert_no_issues(r);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert_double_eq_tol(f->first_seen, 1795483149.181573868, 1e-6);
	rec_free(r);
}
END_TEST

START_TEST(test_time_of_day_is_seconds_since_midnight)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "conv-udp-a.txt", &n);
	const struct ps_flow	*f = flow(r, 0);

	assert_no_issues(r);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_RELATIVE);
	ck_assert_double_eq(f->first_seen, 1 * 3600 + 19 * 60 + 9);
	ck_assert_uint_eq(count(r, EV_FLOW), 12);
	rec_free(r);
}
END_TEST

START_TEST(test_several_tables_skip_ip_and_ethernet_rows)
{
	unsigned long	 n;
	struct rec	*r = run_file(FIX "conv-several.txt", &n);
	size_t		 i, tcp = 0, udp = 0;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 3);
	ck_assert_uint_eq(count(r, EV_FLOW), 27);
	for (i = 0; i < count(r, EV_FLOW); i++) {
		if (flow(r, i)->proto == PROTO_TCP)
			tcp++;
		else
			udp++;
	}
	ck_assert_uint_eq(tcp, 15);
	ck_assert_uint_eq(udp, 12);
	rec_free(r);
}
END_TEST

START_TEST(test_filter_and_tsharks_own_stderr_line_are_not_issues)
{
	unsigned long	 n;
	struct rec	*r = run_file(FIX "conv-tcp-filter.txt", &n);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 9);
	rec_free(r);
}
END_TEST

START_TEST(test_old_tshark_sizes_without_units_and_grouped_counts)
{
	const char *in[] = {
		"TCP Conversations",
		"Filter:<No Filter>",
		"                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |",
		"10.0.0.1:50000 <-> 10.0.0.2:443  5 1838  6 388  11 2226  1.5  2.25",
		"10.0.0.1:50001 <-> 10.0.0.2:443  5 1,838 bytes  6 1.5 kB  1,011 3,338 bytes  1.5  2.25",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(flow(r, 0)->packets, 11);
	ck_assert_uint_eq(flow(r, 0)->bytes, 2226);
	ck_assert_double_eq(flow(r, 0)->last_seen, 3.75);
	ck_assert_uint_eq(flow(r, 1)->packets, 1011);
	ck_assert_uint_eq(flow(r, 1)->bytes, 3338);
	rec_free(r);
}
END_TEST

START_TEST(test_hostile_rows_are_issues)
{
	char		 huge[30000];
	const char	*in[] = {
		"127.0.0.1:1 <-> 127.0.0.1:2  1 2 bytes  1 2 bytes  2 4 bytes  0.1  0.1",
		"TCP Conversations",
		"127.0.0.1:1 <-> 127.0.0.1:2  1 2 bytes  1 2 bytes",
		"localhost:1 <-> localhost:2  1 2 bytes  1 2 bytes  2 4 bytes  0.1  0.1",
		"127.0.0.1:1 <-> ::1:2  1 2 bytes  1 2 bytes  2 4 bytes  0.1  0.1",
		"127.0.0.1:1 <-> 127.0.0.1:2  1 2 bytes  1 2 bytes  2 4 bytes  0.1  -0.1",
		"127.0.0.1:1 <-> 127.0.0.1:2  x 2 bytes  1 2 bytes  2 4 bytes  0.1  0.1",
		"127.0.0.1:99999 <-> 127.0.0.1:2  1 2 bytes  1 2 bytes  2 4 bytes  0.1  0.1",
		huge,
		"something else entirely",
		"127.0.0.1:1 <-> 127.0.0.1:2  1 2 bytes  1 2 bytes  2 4 bytes  0.1  0.1",
		NULL
	};
	struct rec	*r;
	unsigned long	 i;

	memset(huge, '9', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	memcpy(huge, "1.1.1.1:1 <-> ", 14);
	r = run(in);
	ck_assert_ptr_nonnull(issue_at(r, 1));
	for (i = 3; i <= 10; i++)
		ck_assert_msg(issue_at(r, i) != NULL, "line %lu", i);
	ck_assert_uint_eq(count(r, EV_ISSUE), 9);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(nth(r, EV_FLOW, 0)->line, 11);
	rec_free(r);
}
END_TEST

START_TEST(test_sniff_is_certain_on_tables_and_zero_elsewhere)
{
	static const char *const fix[] = {
		"conv-tcp.txt", "conv-udp.txt", "conv-tcp-ad.txt",
		"conv-tcp-ad-newyork.txt", "conv-tcp-ud.txt",
		"conv-udp-epoch.txt", "conv-udp-a.txt", "conv-several.txt",
		"conv-tcp-filter.txt",
	};
	char	path[256];
	size_t	i;
	int	score;

	for (i = 0; i < sizeof fix / sizeof fix[0]; i++) {
		snprintf(path, sizeof path, FIX "%s", fix[i]);
		ck_assert_int_eq(sniff_file(&format_tshark_conv, path), 100);
		ck_assert_ptr_eq(best_for_file(path, &score),
		    &format_tshark_conv);
	}
	ck_assert_int_gt(sniff_zero_on_dir(&format_tshark_conv,
	    FLOWSNIFF_CORPUS, NULL), 30);
	ck_assert_int_gt(sniff_zero_on_dir(&format_tshark_conv,
	    "tests/fixtures/zeek", NULL), 6);
	ck_assert_int_gt(sniff_zero_on_dir(&format_tshark_conv,
	    "tests/fixtures/flow-csv", NULL), 3);
	ck_assert_int_gt(sniff_zero_on_dir(&format_tshark_conv,
	    "tests/fixtures/powershell", NULL), 0);
	ck_assert_int_gt(sniff_zero_on_dir(&format_tshark_conv,
	    "tests/fixtures/tshark-fields", NULL), 0);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("tshark_conv");

	tc = tcase_create("rows");
	tcase_add_test(tc, test_tcp_table_rows_are_flows_from_a);
	tcase_add_test(tc, test_sizes_with_units_are_scaled);
	tcase_add_test(tc, test_a_is_the_first_speaker_not_always_the_client);
	tcase_add_test(tc, test_udp_table_gives_udp_flows);
	tcase_add_test(tc, test_old_tshark_sizes_without_units_and_grouped_counts);
	suite_add_tcase(s, tc);

	tc = tcase_create("times");
	tcase_add_test(tc, test_absolute_date_is_epoch_read_as_utc);
	tcase_add_test(tc, test_epoch_in_the_relative_column_is_epoch);
	tcase_add_test(tc, test_time_of_day_is_seconds_since_midnight);
	suite_add_tcase(s, tc);

	tc = tcase_create("tables");
	tcase_add_test(tc, test_several_tables_skip_ip_and_ethernet_rows);
	tcase_add_test(tc,
	    test_filter_and_tsharks_own_stderr_line_are_not_issues);
	tcase_add_test(tc, test_hostile_rows_are_issues);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_is_certain_on_tables_and_zero_elsewhere);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
