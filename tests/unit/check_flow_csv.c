/*
 * check_flow_csv.c — tests for parsers/flow_csv.c: header names it knows
 * (',' ';' and tab, quoted, CRLF), address cells that carry the port,
 * --columns by name and by number (with and without a header), bad
 * mappings, states through the state table, Unix, ISO 8601 and relative
 * times, protocols, hostile rows, and the sniffer: zero on the shared
 * corpus, on PowerShell's Export-Csv and on tshark -T fields CSV.
 *
 * The fixtures (tests/fixtures/flow-csv/) were written for these tests
 * from the loopback capture of tests/fixtures/tshark-conv/: see its README.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/format.h"
#include "parsers/record.h"

#define FIX	"tests/fixtures/flow-csv/"
#define TOL	1e-6

Suite	*suite(void);

#define RECORD_FORMAT	format_flow_csv
#include "tests/unit/recorder.h"
#include "tests/unit/flowsniff.h"

static const struct ps_flow *
flow(const struct rec *r, size_t i)
{
	return &nth(r, EV_FLOW, i)->flow;
}

static struct rec *
run_with(const char *columns, const char *const *lines)
{
	struct parse_opts	 o = { columns };
	struct rec		*r;

	record_opts = &o;
	r = run(lines);
	record_opts = NULL;
	return r;
}

START_TEST(test_known_header_names_give_every_field)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "flows.csv", &n);
	const struct ps_flow	*f;
	const struct ev		*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 5);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);	/* icmp */
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "icmp");
	e = nth(r, EV_FLOW, 0);
	f = &e->flow;
	ck_assert_uint_eq(f->line, 2);
	ck_assert_int_eq(f->proto, PROTO_TCP);
	ck_assert_int_eq(f->family, 4);
	ck_assert_str_eq(f->local.addr, "127.0.0.1");
	ck_assert_int_eq(f->local.port, 54132);
	ck_assert_int_eq(f->local.numeric, 1);
	ck_assert_str_eq(f->remote.addr, "127.0.0.1");
	ck_assert_int_eq(f->remote.port, 47120);
	ck_assert_int_eq(f->state, ST_TIME_WAIT);
	ck_assert_str_eq(e->state_raw, "TIME_WAIT");
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert_double_eq_tol(f->first_seen, 1795483149.184, TOL);
	ck_assert_double_eq_tol(f->last_seen, 1795483149.1853, TOL);
	ck_assert_uint_eq(f->packets, 10);
	ck_assert_uint_eq(f->bytes, 2227);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_double_eq(f->syn_at, FLOW_NEVER);
	ck_assert_double_eq(f->answered_at, FLOW_NEVER);
	ck_assert_double_eq(f->reset_at, FLOW_NEVER);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_NONE);
	f = flow(r, 1);
	ck_assert_int_eq(f->family, 6);
	ck_assert_str_eq(f->local.addr, "::1");
	/* udp with an empty state cell: UNKNOWN, no state_raw. */
	e = nth(r, EV_FLOW, 4);
	ck_assert_int_eq(e->flow.proto, PROTO_UDP);
	ck_assert_int_eq(e->flow.state, ST_UNKNOWN);
	ck_assert_int_eq(e->has_state_raw, 0);
	rec_free(r);
}
END_TEST

START_TEST(test_semicolons_quotes_iso_times_and_state_spellings)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "flows-semicolon-iso.csv", &n);
	const struct ps_flow	*f;

	ck_assert_uint_eq(count(r, EV_FLOW), 4);
	f = flow(r, 0);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert_double_eq_tol(f->first_seen, 1795483149.184, TOL);
	ck_assert_double_eq_tol(f->last_seen, 1795483149.1853, TOL);
	ck_assert_int_eq(f->state, ST_TIME_WAIT);		/* time-wait */
	ck_assert_int_eq(flow(r, 1)->state, ST_FIN_WAIT_2);	/* FIN-WAIT-2 */
	/* "2026-11-24 01:19:09.1857": no zone is UTC. */
	ck_assert_double_eq_tol(flow(r, 1)->first_seen, 1795483149.1857, TOL);
	/* +01:00 */
	ck_assert_double_eq_tol(flow(r, 2)->first_seen, 1795483148.8813, TOL);
	ck_assert_int_eq(flow(r, 2)->state, ST_ESTABLISHED);	/* German */
	/* An unknown word: UNKNOWN, kept, reported once. */
	ck_assert_int_eq(flow(r, 3)->state, ST_UNKNOWN);
	ck_assert_str_eq(nth(r, EV_FLOW, 3)->state_raw, "WEIRD");
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_address_cells_with_ports_and_no_time_column)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "endpoints.tsv", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 3);
	f = flow(r, 1);
	ck_assert_str_eq(f->local.addr, "::1");
	ck_assert_int_eq(f->local.port, 54118);
	ck_assert_int_eq(f->remote.port, 47120);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_NONE);
	ck_assert_double_eq(f->first_seen, FLOW_NEVER);
	ck_assert_double_eq(f->last_seen, FLOW_NEVER);
	ck_assert_int_eq(f->proto, PROTO_TCP);		/* no proto column */
	ck_assert_int_eq(flow(r, 2)->state, ST_ESTABLISHED);
	rec_free(r);
}
END_TEST

START_TEST(test_numbered_columns_read_a_file_without_header)
{
	const char *in[] = {
		"0.302878899\t127.0.0.1\t54132\t127.0.0.1\t47120\t10",
		"0.304560395\t::1\t54118\t::1\t47120\t10",
		NULL
	};
	struct rec	*r = run_with("laddr=2,lport=3,raddr=4,rport=5,start=1,"
			    "packets=6", in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	ck_assert_uint_eq(flow(r, 0)->line, 1);
	ck_assert_int_eq(flow(r, 0)->clock, FLOW_CLOCK_RELATIVE);
	ck_assert_double_eq_tol(flow(r, 0)->first_seen, 0.302878899, 1e-9);
	ck_assert_double_eq(flow(r, 0)->last_seen, flow(r, 0)->first_seen);
	ck_assert_uint_eq(flow(r, 0)->packets, 10);
	ck_assert_int_eq(flow(r, 0)->state, ST_UNKNOWN);
	rec_free(r);
}
END_TEST

START_TEST(test_numbered_columns_skip_a_header_line)
{
	const char *in[] = {
		"when,a,b,c,d",
		"5.5,10.0.0.1,1000,10.0.0.2,80",
		NULL
	};
	struct rec	*r = run_with("laddr=2,lport=3,raddr=4,rport=5,"
			    "start=1,duration=1", in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(flow(r, 0)->line, 2);
	ck_assert_double_eq(flow(r, 0)->last_seen, 11.0);
	rec_free(r);
}
END_TEST

START_TEST(test_named_columns_from_the_header)
{
	const char *in[] = {
		"Client,CPort,Server,SPort,Proto,Begin,Finish,Conn",
		"10.0.0.1,1000,10.0.0.2,80,UDP,100.0,160.5,listen",
		"Client,CPort,Server,SPort,Proto,Begin,Finish,Conn",
		"10.0.0.1,1001,10.0.0.2,80,17,101.0,101.0,",
		NULL
	};
	struct rec	*r = run_with("laddr=client,lport=cport,raddr=SERVER,"
			    "rport=sport,proto=proto,start=begin,end=finish,"
			    "state=conn", in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);	/* header repeated */
	ck_assert_int_eq(flow(r, 0)->proto, PROTO_UDP);
	ck_assert_double_eq(flow(r, 0)->last_seen, 160.5);
	ck_assert_int_eq(flow(r, 0)->state, ST_LISTEN);
	ck_assert_int_eq(flow(r, 1)->proto, PROTO_UDP);
	ck_assert_uint_eq(flow(r, 1)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_bad_mappings_are_one_issue_at_line_zero_and_no_flows)
{
	static const char *const bad[] = {
		"laddr=1,lport=2,raddr=3",			/* no rport */
		"laddr=1,lport=2,raddr=3,rport=4,colour=5",	/* unknown */
		"laddr=1,lport=2,raddr=3,rport=4,laddr=5",	/* twice */
		"laddr=1,lport=2,raddr=3,rport=",		/* empty */
		"laddr=0,lport=2,raddr=3,rport=4",		/* from 1 */
		"laddr=1 lport=2",				/* no '=' */
	};
	const char	*in[] = { "10.0.0.1,1,10.0.0.2,2", NULL };
	struct rec	*r;
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = run_with(bad[i], in);
		ck_assert_msg(count(r, EV_ISSUE) == 1, "%s: %zu issues",
		    bad[i], count(r, EV_ISSUE));
		ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 0);
		ck_assert_uint_eq(count(r, EV_FLOW), 0);
		rec_free(r);
	}
	/* A name the header does not have: one issue at the header. */
	{
		const char *h[] = { "a,b,c,d", "10.0.0.1,1,10.0.0.2,2", NULL };

		r = run_with("laddr=a,lport=b,raddr=c,rport=nope", h);
		ck_assert_uint_eq(count(r, EV_ISSUE), 1);
		ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
		ck_assert_uint_eq(count(r, EV_FLOW), 0);
		rec_free(r);
	}
}
END_TEST

START_TEST(test_header_without_addresses_is_one_issue)
{
	const char	*in[] = { "# exported flows", "name,value", "a,1",
			    "b,2", NULL };
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_uint_eq(count(r, EV_FLOW), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_clocks_must_agree_and_bad_cells_are_issues)
{
	const char *in[] = {
		"src,sport,dst,dport,start,end,packets,bytes",
		"10.0.0.1,1,10.0.0.2,2,1700000000,1700000001,1,1",
		"10.0.0.1,1,10.0.0.2,2,5,6,1,1",		/* relative */
		"10.0.0.1,1,10.0.0.2,2,1700000002,1700000001,1,1",
		"10.0.0.1,1,10.0.0.2,2,yesterday,1700000001,1,1",
		"10.0.0.1,x,10.0.0.2,2,1700000000,1700000001,1,1",
		"10.0.0.1,1,10.0.0.2,2,1700000000,1700000001,many,1",
		"10.0.0.1,1,::1,2,1700000000,1700000001,1,1",
		"host.example,1,10.0.0.2,2,1700000000,1700000001,1,1",
		"10.0.0.1,1,10.0.0.2",
		"10.0.0.1,1,10.0.0.2,2,,,1,1",
		"10.0.0.1,1,10.0.0.2,2,1700000003,1700000004,1,1",
		NULL
	};
	struct rec	*r = run(in);
	unsigned long	 i;

	for (i = 3; i <= 11; i++)
		ck_assert_msg(issue_at(r, i) != NULL, "line %lu", i);
	ck_assert_uint_eq(count(r, EV_ISSUE), 9);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	ck_assert_uint_eq(nth(r, EV_FLOW, 1)->line, 12);
	rec_free(r);
}
END_TEST

START_TEST(test_hostile_lines_never_crash_and_are_issues)
{
	static char	 huge[50000];
	struct rec	*r;
	struct ps_sink	 sink;
	void		*st;
	const char	*head = "src,sport,dst,dport";
	const char	 nul[] = "10.0.0.1,1,10.0\0.0.2,2";
	size_t		 i;

	for (i = 0; i < sizeof huge - 1; i++)
		huge[i] = i % 7 == 0 ? ',' : (i % 11 == 0 ? '"' : '1');
	r = calloc(1, sizeof *r);
	sink_init(&sink, r);
	st = format_flow_csv.open(&sink, NULL);
	format_flow_csv.line(st, head, strlen(head), 1);
	format_flow_csv.line(st, huge, sizeof huge - 1, 2);
	format_flow_csv.line(st, nul, sizeof nul - 1, 3);
	format_flow_csv.line(st, "\"10.0.0.1,1,10.0.0.2,2", 22, 4);
	format_flow_csv.line(st, "10.0.0.1,1,10.0.0.2,2", 21, 5);
	format_flow_csv.close(st);
	ck_assert_ptr_nonnull(issue_at(r, 2));
	ck_assert_ptr_nonnull(issue_at(r, 3));
	ck_assert_ptr_nonnull(issue_at(r, 4));
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(nth(r, EV_FLOW, 0)->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_sniff_scores_its_headers_and_leaves_powershell_and_tshark)
{
	static const char *const ps[] = {
		"#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection",
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.0.0.5\",\"50000\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
	};
	static const char *const ps_bare[] = {
		"LocalAddress,LocalPort,RemoteAddress,RemotePort,State",
		"10.0.0.5,50000,10.0.0.7,1433,Established",
	};
	static const char *const tsf[] = {
		"frame.time_epoch,ip.src,tcp.srcport,ip.dst,tcp.dstport",
	};
	static const char *const names[] = {
		"flows.csv", "flows-semicolon-iso.csv", "endpoints.tsv",
	};
	char	path[256];
	size_t	i;
	int	score;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, FIX "%s", names[i]);
		ck_assert_int_gt(sniff_file(&format_flow_csv, path), 0);
		ck_assert_ptr_eq(best_for_file(path, &score),
		    &format_flow_csv);
	}
	/* No header: nothing to sniff (--format flow-csv --columns). */
	ck_assert_int_eq(sniff_file(&format_flow_csv,
	    FIX "flows-noheader.tsv"), 0);
	ck_assert_int_eq(format_flow_csv.sniff(ps, 3), 0);
	ck_assert_ptr_eq(format_sniff(ps, 3, &score), &format_powershell);
	ck_assert_int_eq(format_flow_csv.sniff(ps_bare, 2), 0);
	ck_assert_ptr_eq(format_sniff(ps_bare, 2, &score), &format_powershell);
	ck_assert_int_eq(format_flow_csv.sniff(tsf, 1), 0);
	ck_assert_int_gt(sniff_zero_on_dir(&format_flow_csv, FLOWSNIFF_CORPUS,
	    NULL), 30);
	ck_assert_int_gt(sniff_zero_on_dir(&format_flow_csv,
	    "tests/fixtures/zeek", NULL), 6);
	ck_assert_int_gt(sniff_zero_on_dir(&format_flow_csv,
	    "tests/fixtures/tshark-conv", ".txt"), 5);
	ck_assert_int_gt(sniff_zero_on_dir(&format_flow_csv,
	    "tests/fixtures/powershell", NULL), 0);
	ck_assert_int_gt(sniff_zero_on_dir(&format_flow_csv,
	    "tests/fixtures/tshark-fields", NULL), 0);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("flow_csv");

	tc = tcase_create("headers");
	tcase_add_test(tc, test_known_header_names_give_every_field);
	tcase_add_test(tc, test_semicolons_quotes_iso_times_and_state_spellings);
	tcase_add_test(tc, test_address_cells_with_ports_and_no_time_column);
	tcase_add_test(tc, test_header_without_addresses_is_one_issue);
	suite_add_tcase(s, tc);

	tc = tcase_create("columns");
	tcase_add_test(tc, test_numbered_columns_read_a_file_without_header);
	tcase_add_test(tc, test_numbered_columns_skip_a_header_line);
	tcase_add_test(tc, test_named_columns_from_the_header);
	tcase_add_test(tc,
	    test_bad_mappings_are_one_issue_at_line_zero_and_no_flows);
	suite_add_tcase(s, tc);

	tc = tcase_create("rows");
	tcase_add_test(tc, test_clocks_must_agree_and_bad_cells_are_issues);
	tcase_add_test(tc, test_hostile_lines_never_crash_and_are_issues);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc,
	    test_sniff_scores_its_headers_and_leaves_powershell_and_tshark);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
