/*
 * check_tshark_fields.c — tests for parsers/tshark_fields.c: the sniffer,
 * the header (required; columns by name in any order), every separator and
 * quoting tshark writes, the three ways of giving TCP flags, relative and
 * missing times, several values in one field (tunnels, ICMP errors), rows
 * that are not TCP or UDP, rows with garbage, and, above all, that the same
 * capture read as tshark text and read by parsers/pcap.c gives the same
 * flows: the corpus's live loopback capture and the loopback captures of
 * tests/fixtures/tshark-fields/ (its README says how each was made).
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/flows.h"
#include "parsers/format.h"
#include "parsers/record.h"

#define TEXT_MAX	512
#define CORPUS		"../shared/corpus"
#define FIXTURES	"tests/fixtures/tshark-fields"

Suite	*suite(void);

#define RECORD_FORMAT	format_tshark_fields
#include "tests/unit/recorder.h"

#define DOT	"\xc2\xb7"	/* U+00B7 MIDDLE DOT, as tshark writes it */
#define HEAD	"frame.time_epoch\tip.src\ttcp.srcport\tip.dst\ttcp.dstport\t" \
		"tcp.flags\ttcp.len"

static const struct ps_flow *
flow(const struct rec *r, size_t i)
{
	return &nth(r, EV_FLOW, i)->flow;
}

/*
 * The flows of a: the same as those of b (count, order, endpoints,
 * states, counts); times too when with_times.  Lines are not compared:
 * a frame number is one less than its tshark text line.
 */
static void
assert_same_flows(const struct rec *a, const struct rec *b, int with_times)
{
	const struct ps_flow	*x, *y;
	size_t			 i, n = count(a, EV_FLOW);

	ck_assert_uint_eq(n, count(b, EV_FLOW));
	for (i = 0; i < n; i++) {
		x = flow(a, i);
		y = flow(b, i);
		ck_assert_int_eq(x->proto, y->proto);
		ck_assert_int_eq(x->family, y->family);
		ck_assert_str_eq(x->local.addr, y->local.addr);
		ck_assert_int_eq(x->local.port, y->local.port);
		ck_assert_str_eq(x->remote.addr, y->remote.addr);
		ck_assert_int_eq(x->remote.port, y->remote.port);
		ck_assert_int_eq(x->local_opened, y->local_opened);
		ck_assert_int_eq(x->midstream, y->midstream);
		ck_assert_int_eq(x->state, y->state);
		ck_assert_int_eq(x->refused, y->refused);
		ck_assert_int_eq(x->reset_by, y->reset_by);
		ck_assert_uint_eq(x->syns, y->syns);
		ck_assert_uint_eq(x->packets, y->packets);
		ck_assert_uint_eq(x->bytes, y->bytes);
		ck_assert_uint_eq(x->line, y->line + 1);
		if (!with_times)
			continue;
		ck_assert_int_eq(x->clock, y->clock);
		ck_assert(x->first_seen == y->first_seen);
		ck_assert(x->last_seen == y->last_seen);
		ck_assert(x->syn_at == y->syn_at);
		ck_assert(x->answered_at == y->answered_at);
		ck_assert(x->local_fin_at == y->local_fin_at);
		ck_assert(x->remote_fin_at == y->remote_fin_at);
		ck_assert(x->reset_at == y->reset_at);
	}
}

static int
sniff_file(const char *path)
{
	char		 buf[4096];
	const char	*lines[1];
	FILE		*fp;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s", path);
	if (fgets(buf, sizeof buf, fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	buf[strcspn(buf, "\r\n")] = '\0';
	lines[0] = buf;
	return format_tshark_fields.sniff(lines, 1);
}

/* ---------------------------------------------------------------- sniff */

START_TEST(test_sniff_scores_tshark_headers_high)
{
	static const char *const head[] = { HEAD };
	static const char *const few[] = { "frame.number,ip.src" };
	static const char *const ss[] = {
		"State      Recv-Q Send-Q Local Address:Port  Peer Address:Port"
	};
	static const char *const row[] = {
		"1795474289.803959169\t127.0.0.1\t58896\t127.0.0.1\t47002"
	};
	static const char *const csv[] = { "src_ip,src_port,dst_ip,dst_port" };
	DIR		*d;
	struct dirent	*de;
	char		 path[512];
	size_t		 len;

	ck_assert_int_ge(format_tshark_fields.sniff(head, 1), 90);
	ck_assert_int_gt(format_tshark_fields.sniff(few, 1), 0);
	ck_assert_int_eq(format_tshark_fields.sniff(ss, 1), 0);
	ck_assert_int_eq(format_tshark_fields.sniff(row, 1), 0);
	ck_assert_int_eq(format_tshark_fields.sniff(csv, 1), 0);
	ck_assert_int_ge(sniff_file(CORPUS "/linux-live_loopback.tshark.csv"),
	    90);

	/* Every fixture high; every other text file of the corpus 0. */
	d = opendir(FIXTURES);
	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "loopback-", 9) != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", FIXTURES, de->d_name);
		ck_assert_msg(sniff_file(path) >= 90, "%s", path);
	}
	closedir(d);
	d = opendir(CORPUS);
	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", CORPUS, de->d_name);
		ck_assert_msg(sniff_file(path) == 0, "%s", path);
	}
	closedir(d);
}
END_TEST

/* ---------------------------------------------------------------- corpus */

START_TEST(test_corpus_csv_gives_the_flows_of_its_pcapng)
{
	struct rec	*text, *pcap;
	unsigned long	 nlines;
	size_t		 i;

	text = run_file(CORPUS "/linux-live_loopback.tshark.csv", &nlines);
	pcap = run_read(&format_pcap, CORPUS "/linux-live_loopback.pcapng");
	assert_no_issues(text);
	ck_assert_uint_eq(nlines, 401);
	/*
	 * `tshark -r linux-live_loopback.pcapng -q -z conv,tcp` lists 80
	 * conversations (Wireshark 4.0.17, run by hand for this test).
	 */
	ck_assert_uint_eq(count(text, EV_FLOW), 80);
	assert_same_flows(text, pcap, 1);
	for (i = 0; i < 80; i++)
		ck_assert_int_eq(flow(text, i)->state, ST_FIN_WAIT_2);
	/* Evidence is file:line: the first flow's SYN is on line 2. */
	ck_assert_uint_eq(flow(text, 0)->line, 2);
	ck_assert_int_eq(flow(text, 0)->local.port, 58896);
	ck_assert_int_eq(flow(text, 0)->clock, FLOW_CLOCK_EPOCH);
	ck_assert(flow(text, 0)->first_seen ==
	    1795474289.0 + 803959169 / 1e9);
	rec_free(text);
	rec_free(pcap);
}
END_TEST

/* ------------------------------------------------------ loopback fixtures */

/* What the scenario of tests/fixtures/tshark-fields/scenario.py made. */
static void
assert_scenario(const struct rec *r)
{
	const struct ps_flow	*f;
	size_t			 i;

	/*
	 * `tshark -r loopback.pcapng -q -z conv,tcp` lists 8 conversations,
	 * `-z conv,udp` one.
	 */
	ck_assert_uint_eq(count(r, EV_FLOW), 9);
	for (i = 0; i < 3; i++) {	/* client closes first */
		f = flow(r, i);
		ck_assert_int_eq(f->state, ST_TIME_WAIT);
		ck_assert_int_eq(f->remote.port, 47101);
		ck_assert_uint_eq(f->packets, 8);
		ck_assert_uint_eq(f->bytes, 8);
	}
	f = flow(r, 3);			/* server closes first */
	ck_assert_int_eq(f->state, ST_CLOSED);
	ck_assert(f->remote_fin_at < f->local_fin_at);
	ck_assert_uint_eq(f->bytes, 29);
	f = flow(r, 4);			/* nothing listens on 47102 */
	ck_assert_int_eq(f->remote.port, 47102);
	ck_assert_int_eq(f->refused, 1);
	ck_assert_int_eq(f->state, ST_CLOSED);
	ck_assert_uint_eq(f->packets, 2);
	f = flow(r, 5);			/* SO_LINGER 0: the client resets */
	ck_assert_int_eq(f->refused, 0);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_LOCAL);
	ck_assert_int_eq(f->state, ST_CLOSED);
	f = flow(r, 6);			/* IPv6 */
	ck_assert_int_eq(f->family, 6);
	ck_assert_str_eq(f->local.addr, "::1");
	ck_assert_str_eq(f->remote.addr, "::1");
	ck_assert_int_eq(f->state, ST_TIME_WAIT);
	f = flow(r, 7);			/* UDP: three pings, three pongs */
	ck_assert_int_eq(f->proto, PROTO_UDP);
	ck_assert_int_eq(f->remote.port, 47103);
	ck_assert_uint_eq(f->packets, 6);
	ck_assert_uint_eq(f->bytes, 3 * 6 + 3 * 11);
	f = flow(r, 8);			/* held past the end of the capture */
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	ck_assert_uint_eq(f->packets, 7);
	for (i = 0; i < 9; i++)
		ck_assert_str_eq(flow(r, i)->local.addr,
		    flow(r, i)->family == 4 ? "127.0.0.1" : "::1");
}

static void
check_variant(const char *name, int with_times)
{
	struct rec	*text, *pcap;
	unsigned long	 nlines;
	char		 path[256];

	snprintf(path, sizeof path, "%s/%s", FIXTURES, name);
	text = run_file(path, &nlines);
	pcap = run_read(&format_pcap, FIXTURES "/loopback.pcapng");
	assert_no_issues(text);
	assert_no_issues(pcap);
	ck_assert_uint_eq(nlines, 64);	/* the header and 63 packets */
	assert_scenario(pcap);
	assert_scenario(text);
	assert_same_flows(text, pcap, with_times);
	rec_free(text);
	rec_free(pcap);
}

START_TEST(test_tab_separated_hex_flags_with_frame_number_and_ip_proto)
{
	check_variant("loopback-tab.tsv", 1);
}
END_TEST

START_TEST(test_comma_double_quoted_flags_str_columns_reordered)
{
	check_variant("loopback-quoted.csv", 1);
}
END_TEST

START_TEST(test_semicolon_flags_str)
{
	check_variant("loopback-semicolon.txt", 1);
}
END_TEST

START_TEST(test_space_separated_empty_fields_kept)
{
	check_variant("loopback-space.txt", 1);
}
END_TEST

START_TEST(test_backslash_separated)
{
	check_variant("loopback-backslash.txt", 1);
}
END_TEST

START_TEST(test_pipe_single_quoted_flag_booleans_relative_time)
{
	struct rec	*r;
	unsigned long	 nlines;

	check_variant("loopback-bools.txt", 0);
	r = run_file(FIXTURES "/loopback-bools.txt", &nlines);
	ck_assert_int_eq(flow(r, 0)->clock, FLOW_CLOCK_RELATIVE);
	ck_assert(flow(r, 0)->first_seen == 0.0);
	ck_assert(flow(r, 0)->syn_at == 0.0);
	ck_assert(flow(r, 0)->answered_at > 0.0);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- rows */

START_TEST(test_flag_spellings_agree)
{
	static const char *const hex[] = {
		"tcp.flags,ip.src,tcp.srcport,ip.dst,tcp.dstport",
		"0x002,10.0.0.1,40000,10.0.0.2,80",
		"0x0012,10.0.0.2,80,10.0.0.1,40000",
		"0x010,10.0.0.1,40000,10.0.0.2,80",
		"0x0011,10.0.0.1,40000,10.0.0.2,80",
		NULL
	};
	static const char *const str[] = {
		"tcp.flags.str|ip.src|tcp.srcport|ip.dst|tcp.dstport",
		"" DOT DOT DOT DOT DOT DOT DOT DOT DOT DOT "S" DOT
		    "|10.0.0.1|40000|10.0.0.2|80",
		".......A..S.|10.0.0.2|80|10.0.0.1|40000",
		"*******A****|10.0.0.1|40000|10.0.0.2|80",
		"" DOT DOT DOT DOT DOT DOT DOT "A" DOT DOT DOT "F"
		    "|10.0.0.1|40000|10.0.0.2|80",
		NULL
	};
	static const char *const bools[] = {
		"ip.src ip.dst tcp.srcport tcp.dstport tcp.flags.syn "
		    "tcp.flags.ack tcp.flags.fin tcp.flags.reset",
		"10.0.0.1 10.0.0.2 40000 80 1 0 0 0",
		"10.0.0.2 10.0.0.1 80 40000 True True False False",
		"10.0.0.1 10.0.0.2 40000 80 0 1 0 0",
		"10.0.0.1 10.0.0.2 40000 80 False True True False",
		NULL
	};
	const char *const	*in[3] = { hex, str, bools };
	struct rec		*r;
	const struct ps_flow	*f;
	size_t			 i;

	for (i = 0; i < 3; i++) {
		r = run(in[i]);
		assert_no_issues(r);
		ck_assert_uint_eq(count(r, EV_FLOW), 1);
		f = flow(r, 0);
		ck_assert_str_eq(f->local.addr, "10.0.0.1");
		ck_assert_int_eq(f->local.port, 40000);
		ck_assert_int_eq(f->local_opened, 1);
		ck_assert_uint_eq(f->syns, 1);
		ck_assert_uint_eq(f->packets, 4);
		ck_assert_int_eq(f->state, ST_FIN_WAIT_2);
		/* No time column: no times. */
		ck_assert_int_eq(f->clock, FLOW_CLOCK_NONE);
		ck_assert(f->first_seen == FLOW_NEVER);
		ck_assert(f->syn_at == FLOW_NEVER);
		ck_assert_uint_eq(f->line, 2);
		rec_free(r);
	}
}
END_TEST

START_TEST(test_tunnel_takes_the_inner_addresses)
{
	static const char *const in[] = {
		"frame.time_epoch,ip.src,ip.dst,ip.proto,tcp.srcport,"
		    "tcp.dstport,tcp.flags,tcp.len",
		"100.0,\"192.0.2.1,10.0.0.1\",\"192.0.2.2,10.0.0.2\",\"4,6\","
		    "40000,80,0x002,0",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_str_eq(flow(r, 0)->local.addr, "10.0.0.1");
	ck_assert_str_eq(flow(r, 0)->remote.addr, "10.0.0.2");
	ck_assert(flow(r, 0)->syn_at == 100.0);
	rec_free(r);
}
END_TEST

START_TEST(test_ipv6_in_ipv4_takes_ipv6)
{
	static const char *const in[] = {
		"ip.src\tip.dst\tipv6.src\tipv6.dst\tip.proto\ttcp.srcport\t"
		    "tcp.dstport\ttcp.flags",
		"192.0.2.1\t192.0.2.2\t2001:db8::1\t2001:db8::2\t41\t40000\t"
		    "443\t0x002",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_int_eq(flow(r, 0)->family, 6);
	ck_assert_str_eq(flow(r, 0)->local.addr, "2001:db8::1");
	rec_free(r);
}
END_TEST

START_TEST(test_icmp_error_quoting_tcp_is_skipped)
{
	static const char *const in[] = {
		"frame.time_epoch\tip.src\tip.dst\tip.proto\ttcp.srcport\t"
		    "tcp.dstport\ttcp.flags\ttcp.len",
		"100.0\t10.0.0.1\t10.0.0.2\t6\t40000\t80\t0x002\t0",
		"100.1\t10.0.0.9,10.0.0.1\t10.0.0.1,10.0.0.2\t1,6\t40000\t80\t"
		    "0x002\t0",
		"100.2\t10.0.0.3\t10.0.0.1\t1\t\t\t\t",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(flow(r, 0)->syns, 1);
	ck_assert_uint_eq(flow(r, 0)->packets, 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 3);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_rows_without_ports_are_skipped_not_issues)
{
	static const char *const in[] = {
		HEAD "\tudp.srcport\tudp.dstport\tudp.length",
		"1.0\t10.0.0.1\t\t10.0.0.2\t\t\t\t\t\t",
		"2.0\t\t\t\t\t\t\t\t\t",
		"3.0\t10.0.0.1\t\t10.0.0.2\t\t\t\t5353\t53\t38",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_int_eq(flow(r, 0)->proto, PROTO_UDP);
	ck_assert_uint_eq(flow(r, 0)->bytes, 30);
	ck_assert_uint_eq(flow(r, 0)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_garbage_rows_are_issues_with_their_lines)
{
	static const char *const in[] = {
		"frame.number\t" HEAD,
		"1\t1.0\t10.0.0.1\t40000\t10.0.0.2\t80\t0x002\t0",
		"2\t1.1\t10.0.0.999\t40000\t10.0.0.2\t80\t0x002\t0",
		"3\t1.2\t10.0.0.1\t4x000\t10.0.0.2\t80\t0x002\t0",
		"4\t1.3\t10.0.0.1\t40000\t10.0.0.2\t80",
		"5\tyesterday\t10.0.0.1\t40000\t10.0.0.2\t80\t0x002\t0",
		"6\t1.4\t10.0.0.1\t40000\t10.0.0.2\t80\tSYN\t0",
		"x\t1.5\t10.0.0.1\t40000\t10.0.0.2\t80\t0x002\t0",
		"8\t1.6\t10.0.0.1\t40000\t10.0.0.2\t99999\t0x002\t0",
		"9\t1.7\t\t40000\t10.0.0.2\t80\t0x002\t0",
		"10\t1.8\t10.0.0.2\t80\t10.0.0.1\t40000\t0x012\t0",
		NULL
	};
	struct rec	*r = run(in);
	unsigned long	 line;

	ck_assert_uint_eq(count(r, EV_ISSUE), 8);
	for (line = 3; line <= 10; line++)
		ck_assert_msg(issue_at(r, line) != NULL, "line %lu", line);
	ck_assert_ptr_nonnull(strstr(issue_at(r, 3)->reason, "IPv4 address"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 5)->reason, "fewer fields"));
	ck_assert_str_eq(issue_at(r, 3)->text,
	    "2\t1.1\t10.0.0.999\t40000\t10.0.0.2\t80\t0x002\t0");
	/* The good rows still make their flow. */
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(flow(r, 0)->packets, 2);
	ck_assert(flow(r, 0)->answered_at == 1.8);
	rec_free(r);
}
END_TEST

START_TEST(test_unquoted_joined_values_are_an_issue)
{
	static const char *const in[] = {
		"ip.src,ip.dst,tcp.srcport,tcp.dstport,tcp.flags",
		"10.0.0.9,10.0.0.1,10.0.0.1,10.0.0.2,40000,80,0x002",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_ptr_nonnull(strstr(issue_at(r, 2)->reason,
	    "more fields than its header"));
	ck_assert_uint_eq(count(r, EV_FLOW), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_missing_header_is_one_issue)
{
	static const char *const in[] = {
		"1795474289.803959169\t127.0.0.1\t58896\t127.0.0.1\t47002\t"
		    "0x002\t0",
		"1795474289.803974788\t127.0.0.1\t47002\t127.0.0.1\t58896\t"
		    "0x012\t0",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(r->n, 1);
	ck_assert_int_eq(r->ev[0].kind, EV_ISSUE);
	ck_assert_uint_eq(r->ev[0].line, 1);
	ck_assert_ptr_nonnull(strstr(r->ev[0].reason, "-E header=y"));
	rec_free(r);
}
END_TEST

START_TEST(test_header_without_flags_says_so_once)
{
	static const char *const in[] = {
		"ip.src,tcp.srcport,ip.dst,tcp.dstport",
		"10.0.0.1,40000,10.0.0.2,80",
		"10.0.0.2,80,10.0.0.1,40000",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_int_eq(flow(r, 0)->midstream, 1);
	ck_assert_uint_eq(flow(r, 0)->packets, 2);
	rec_free(r);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("tshark_fields");
	TCase	*tc = tcase_create("tshark_fields");

	tcase_add_test(tc, test_sniff_scores_tshark_headers_high);
	tcase_add_test(tc, test_corpus_csv_gives_the_flows_of_its_pcapng);
	tcase_add_test(tc,
	    test_tab_separated_hex_flags_with_frame_number_and_ip_proto);
	tcase_add_test(tc, test_comma_double_quoted_flags_str_columns_reordered);
	tcase_add_test(tc, test_semicolon_flags_str);
	tcase_add_test(tc, test_space_separated_empty_fields_kept);
	tcase_add_test(tc, test_backslash_separated);
	tcase_add_test(tc, test_pipe_single_quoted_flag_booleans_relative_time);
	tcase_add_test(tc, test_flag_spellings_agree);
	tcase_add_test(tc, test_tunnel_takes_the_inner_addresses);
	tcase_add_test(tc, test_ipv6_in_ipv4_takes_ipv6);
	tcase_add_test(tc, test_icmp_error_quoting_tcp_is_skipped);
	tcase_add_test(tc, test_rows_without_ports_are_skipped_not_issues);
	tcase_add_test(tc, test_garbage_rows_are_issues_with_their_lines);
	tcase_add_test(tc, test_unquoted_joined_values_are_an_issue);
	tcase_add_test(tc, test_missing_header_is_one_issue);
	tcase_add_test(tc, test_header_without_flags_says_so_once);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
