/*
 * check_zeek_conn.c — tests for parsers/zeek_conn.c: real conn.log
 * excerpts in TSV and JSON (tests/fixtures/zeek/, provenance in its
 * README), every conn_state and the history letters that refine it, the
 * same connections written as TSV and as JSON giving the same flows,
 * several logs concatenated, hostile lines (truncated rows, huge fields,
 * bad JSON, NUL bytes), and the sniffer against the shared corpus and the
 * other flow formats' fixtures.
 *
 * Lines written here (the constructed conn_state rows) say so; every
 * fixture is real Zeek output.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/format.h"
#include "parsers/record.h"

#define FIX	"tests/fixtures/zeek/"
#define US	1e-6		/* zeek_conn.c's step between two ends */
#define TOL	1e-7

Suite	*suite(void);

#define RECORD_FORMAT	format_zeek_conn
#include "tests/unit/recorder.h"
#include "tests/unit/flowsniff.h"

/* A minimal TSV header, for rows written here. */
#define SEP	"#separator \\x09"
#define FIELDS	"#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents"

/* A row written here: state, history and duration vary. */
#define ROW(state, hist, dur) \
	"1700000000.000000\tCx\t10.0.0.1\t50000\t10.0.0.2\t443\ttcp\t-\t" \
	dur "\t10\t20\t" state "\t-\t-\t0\t" hist "\t3\t130\t2\t100\t-"

static const struct ps_flow *
flow(const struct rec *r, size_t i)
{
	return &nth(r, EV_FLOW, i)->flow;
}

/* One constructed row through the parser: its flow. */
static struct rec *
one(const char *row)
{
	const char	*in[] = { SEP, FIELDS, row, NULL };

	return run(in);
}

START_TEST(test_tsv_rstr_row_of_brimdata_has_every_field)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "brimdata-zed-conn.log", &n);
	const struct ps_flow	*f;
	const struct ev		*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 13);
	e = nth(r, EV_FLOW, 0);
	f = &e->flow;
	ck_assert_uint_eq(f->line, 9);
	ck_assert_int_eq(f->proto, PROTO_TCP);
	ck_assert_int_eq(f->family, 4);
	ck_assert_str_eq(f->local.addr, "10.164.94.120");
	ck_assert_int_eq(f->local.port, 39681);
	ck_assert_int_eq(f->local.numeric, 1);
	ck_assert_str_eq(f->remote.addr, "10.47.3.155");
	ck_assert_int_eq(f->remote.port, 3389);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert_double_eq_tol(f->first_seen, 1521911721.255387, TOL);
	ck_assert_double_eq_tol(f->last_seen, 1521911721.255387 + 0.004266,
	    TOL);
	ck_assert_int_eq(f->local_opened, 1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_double_eq(f->syn_at, f->first_seen);
	ck_assert_double_eq(f->answered_at, f->first_seen);
	ck_assert_uint_eq(f->syns, 1);
	/* ShADTdtr: the responder's RST ends it. */
	ck_assert_double_eq(f->reset_at, f->last_seen);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_REMOTE);
	ck_assert_int_eq(f->refused, 0);
	ck_assert_double_eq(f->local_fin_at, FLOW_NEVER);
	ck_assert_double_eq(f->remote_fin_at, FLOW_NEVER);
	ck_assert_int_eq(f->state, ST_CLOSED);
	ck_assert_str_eq(e->state_raw, "RSTR");
	ck_assert_uint_eq(f->packets, 16);
	ck_assert_uint_eq(f->bytes, 116);
	rec_free(r);
}
END_TEST

START_TEST(test_tsv_brimdata_rej_s0_and_resets_by_side)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "brimdata-zed-conn.log", &n);
	const struct ps_flow	*f;

	/* REJ "Sr": refused by the responder's RST at the end. */
	f = flow(r, 1);
	ck_assert_str_eq(nth(r, EV_FLOW, 1)->state_raw, "REJ");
	ck_assert_int_eq(f->refused, 1);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_REMOTE);
	ck_assert_double_eq(f->reset_at, f->last_seen);
	ck_assert_double_eq(f->answered_at, FLOW_NEVER);
	ck_assert_double_eq(f->syn_at, f->first_seen);
	ck_assert_int_eq(f->state, ST_CLOSED);
	ck_assert_uint_eq(f->packets, 4);

	/* S0 "S", orig_pkts 2: two SYNs, never answered. */
	f = flow(r, 3);
	ck_assert_int_eq(f->state, ST_SYN_SENT);
	ck_assert_uint_eq(f->syns, 2);
	ck_assert_double_eq(f->answered_at, FLOW_NEVER);
	ck_assert_double_eq(f->syn_at, f->first_seen);
	ck_assert_double_eq_tol(f->last_seen, 1521911720.601310 + 0.000002,
	    TOL);
	ck_assert_double_eq(f->reset_at, FLOW_NEVER);

	/* RSTOS0 "R": the originator's RST, no SYN in history: midstream. */
	f = flow(r, 4);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_LOCAL);
	ck_assert_double_eq(f->reset_at, f->last_seen);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_int_eq(f->midstream, 1);
	ck_assert_double_eq(f->syn_at, FLOW_NEVER);
	ck_assert_uint_eq(f->syns, 0);
	ck_assert_int_eq(f->state, ST_CLOSED);

	/* RSTO "^dtfAR": responder's FIN, then the originator's RST. */
	f = flow(r, 5);
	ck_assert_int_eq(f->midstream, 1);
	ck_assert_double_eq(f->reset_at, f->last_seen);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_LOCAL);
	ck_assert_double_eq_tol(f->remote_fin_at, f->last_seen - US, 1e-9);
	ck_assert_double_eq(f->local_fin_at, FLOW_NEVER);
	ck_assert_double_eq(f->answered_at, f->first_seen);

	/* RSTRH "^dtADTr": reset by the responder, no SYN seen. */
	f = flow(r, 6);
	ck_assert_str_eq(nth(r, EV_FLOW, 6)->state_raw, "RSTRH");
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_REMOTE);
	ck_assert_int_eq(f->midstream, 1);
	ck_assert_int_eq(f->local_opened, -1);

	/* S0 with orig_pkts 80: 80 SYNs. */
	ck_assert_uint_eq(flow(r, 9)->syns, 80);

	/* RSTO "ShADTdftR": f, then R, both at the end in that order. */
	f = flow(r, 8);
	ck_assert_double_eq_tol(f->remote_fin_at, f->last_seen - US, 1e-9);
	ck_assert_double_eq(f->reset_at, f->last_seen);
	ck_assert_int_eq(f->local_opened, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_udp_sf_record_of_the_zeek_repository)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "zeek-repo-conn.log", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	f = flow(r, 0);
	ck_assert_int_eq(f->proto, PROTO_UDP);
	ck_assert_str_eq(f->local.addr, "192.168.1.99");
	ck_assert_int_eq(f->local.port, 62978);
	ck_assert_str_eq(f->remote.addr, "192.168.1.1");
	ck_assert_int_eq(f->remote.port, 53);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	ck_assert_str_eq(nth(r, EV_FLOW, 0)->state_raw, "SF");
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_double_eq(f->syn_at, FLOW_NEVER);
	ck_assert_double_eq(f->local_fin_at, FLOW_NEVER);
	ck_assert_double_eq_tol(f->last_seen - f->first_seen, 0.027648, TOL);
	ck_assert_uint_eq(f->packets, 2);
	ck_assert_uint_eq(f->bytes, 189);
	ck_assert_uint_eq(f->line, 9);
	rec_free(r);
}
END_TEST

START_TEST(test_icmp_and_other_protocols_are_skipped_ipv6_is_canonical)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "kishpud-conn.log", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 3);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "icmp");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 12);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 2)->reason, "other protocol");
	ck_assert_uint_eq(count(r, EV_FLOW), 6);
	f = flow(r, 1);
	ck_assert_int_eq(f->family, 6);
	ck_assert_str_eq(f->local.addr, "fe80::812f:78e9:6f5c:c599");
	ck_assert_str_eq(f->remote.addr, "ff02::fb");
	/* duration and bytes unset ("-"): last_seen is ts, bytes 0. */
	f = flow(r, 2);
	ck_assert_double_eq(f->last_seen, f->first_seen);
	ck_assert_uint_eq(f->bytes, 0);
	ck_assert_uint_eq(f->packets, 1);
	/* REJ over TCP, with the ip_proto column Zeek 6 adds. */
	f = flow(r, 4);
	ck_assert_int_eq(f->refused, 1);
	ck_assert_int_eq(f->remote.port, 4444);
	rec_free(r);
}
END_TEST

START_TEST(test_s1_record_is_established_and_answered)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "openvpn-readme-conn.log", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	f = flow(r, 0);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	ck_assert_double_eq(f->answered_at, f->first_seen);
	ck_assert_double_eq_tol(f->last_seen, 1358197736.781122 + 32.021256,
	    TOL);
	ck_assert_uint_eq(f->packets, 195);
	ck_assert_uint_eq(f->bytes, 6986 + 7709);
	rec_free(r);
}
END_TEST

START_TEST(test_btest_baseline_with_masked_times_is_an_issue_a_row)
{
	unsigned long	 n;
	struct rec	*r = run_file(FIX "facefish-btest-baseline-conn.log",
			    &n);

	ck_assert_uint_eq(count(r, EV_FLOW), 0);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->reason,
	    "conn.log ts that is not a time");
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 12);
	rec_free(r);
}
END_TEST

START_TEST(test_json_sf_ends_in_history_order)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "zeeklogs-conn.json", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 3);
	/* ShADadfrF: f, r, F: the responder closed first. */
	f = flow(r, 0);
	ck_assert_str_eq(f->local.addr, "192.168.1.157");
	ck_assert_int_eq(f->local.port, 41112);
	ck_assert_int_eq(f->remote.port, 8443);
	ck_assert_double_eq_tol(f->first_seen, 1775226259.720275, TOL);
	ck_assert_double_eq_tol(f->remote_fin_at, f->last_seen - 2 * US,
	    1e-9);
	ck_assert_double_eq_tol(f->reset_at, f->last_seen - US, 1e-9);
	ck_assert_double_eq(f->local_fin_at, f->last_seen);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_REMOTE);
	ck_assert_int_eq(f->state, ST_CLOSED);
	ck_assert_uint_eq(f->packets, 26);
	ck_assert_uint_eq(f->bytes, 35616);
	/* ShADadfFr: f, F, r. */
	f = flow(r, 1);
	ck_assert_double_eq_tol(f->remote_fin_at, f->last_seen - 2 * US,
	    1e-9);
	ck_assert_double_eq_tol(f->local_fin_at, f->last_seen - US, 1e-9);
	ck_assert_double_eq(f->reset_at, f->last_seen);
	rec_free(r);
}
END_TEST

START_TEST(test_json_iso_ts_and_other_log_records)
{
	unsigned long		 n;
	struct rec		*r = run_file(FIX "tenzir-doc-conn-iso.json", &n);
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	f = flow(r, 0);
	ck_assert_double_eq_tol(f->first_seen, 1582688403.724911, TOL);
	ck_assert_double_eq_tol(f->last_seen, 1582688403.724911 + 1196.975041,
	    1e-6);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	ck_assert_double_eq(f->answered_at, f->first_seen);
	ck_assert_uint_eq(f->packets, 385);
	/* The notice record (_path, nested "actions") is another log's. */
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason,
	    "zeek log other than conn");
	rec_free(r);
}
END_TEST

/* Constructed rows: one per conn_state. */
START_TEST(test_every_conn_state_maps_to_its_state_and_events)
{
	static const struct {
		const char	*row;
		enum state	 st;
		int		 opened, midstream, answered, refused;
		enum flow_side	 reset_by;
		int		 lfin, rfin;	/* 1: at last_seen, 2: 1 us before */
	} c[] = {
		{ ROW("S0", "S", "3.0"), ST_SYN_SENT, 1, 0, 0, 0,
		    FLOW_SIDE_NONE, 0, 0 },
		{ ROW("S1", "ShAD", "3.0"), ST_ESTABLISHED, 1, 0, 1, 0,
		    FLOW_SIDE_NONE, 0, 0 },
		{ ROW("SF", "ShADFadf", "3.0"), ST_TIME_WAIT, 1, 0, 1, 0,
		    FLOW_SIDE_NONE, 2, 1 },
		{ ROW("SF", "ShADadfF", "3.0"), ST_CLOSED, 1, 0, 1, 0,
		    FLOW_SIDE_NONE, 1, 2 },
		{ ROW("REJ", "Sr", "3.0"), ST_CLOSED, 1, 0, 0, 1,
		    FLOW_SIDE_REMOTE, 0, 0 },
		{ ROW("S2", "ShADF", "3.0"), ST_FIN_WAIT_2, 1, 0, 1, 0,
		    FLOW_SIDE_NONE, 1, 0 },
		{ ROW("S3", "ShADf", "3.0"), ST_CLOSE_WAIT, 1, 0, 1, 0,
		    FLOW_SIDE_NONE, 0, 1 },
		{ ROW("RSTO", "ShADR", "3.0"), ST_CLOSED, 1, 0, 1, 0,
		    FLOW_SIDE_LOCAL, 0, 0 },
		{ ROW("RSTOS0", "SR", "3.0"), ST_CLOSED, 1, 0, 0, 0,
		    FLOW_SIDE_LOCAL, 0, 0 },
		{ ROW("RSTR", "ShADr", "3.0"), ST_CLOSED, 1, 0, 1, 0,
		    FLOW_SIDE_REMOTE, 0, 0 },
		{ ROW("RSTRH", "hr", "3.0"), ST_CLOSED, -1, 1, 1, 0,
		    FLOW_SIDE_REMOTE, 0, 0 },
		{ ROW("SH", "SF", "3.0"), ST_FIN_WAIT_1, 1, 0, 0, 0,
		    FLOW_SIDE_NONE, 1, 0 },
		{ ROW("SHR", "hf", "3.0"), ST_CLOSE_WAIT, -1, 1, 1, 0,
		    FLOW_SIDE_NONE, 0, 1 },
		{ ROW("OTH", "Dd", "3.0"), ST_ESTABLISHED, -1, 1, 0, 0,
		    FLOW_SIDE_NONE, 0, 0 },
		{ ROW("OTH", "DdR", "3.0"), ST_CLOSED, -1, 1, 0, 0,
		    FLOW_SIDE_LOCAL, 0, 0 },
	};
	const struct ps_flow	*f;
	struct rec		*r;
	size_t			 i;
	double			 ts = 1700000000.0, end = ts + 3.0;

	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		r = one(c[i].row);
		assert_no_issues(r);
		f = flow(r, 0);
		ck_assert_msg(f->state == c[i].st, "row %zu: state %s", i,
		    state_name(f->state));
		ck_assert_int_eq(f->local_opened, c[i].opened);
		ck_assert_int_eq(f->midstream, c[i].midstream);
		ck_assert_double_eq(f->syn_at, c[i].opened == 1 ? ts :
		    FLOW_NEVER);
		ck_assert_double_eq(f->answered_at, c[i].answered ? ts :
		    FLOW_NEVER);
		ck_assert_int_eq(f->refused, c[i].refused);
		ck_assert_int_eq(f->reset_by, c[i].reset_by);
		ck_assert_double_eq(f->reset_at, c[i].reset_by ==
		    FLOW_SIDE_NONE ? FLOW_NEVER : end);
		ck_assert_double_eq_tol(f->local_fin_at, c[i].lfin == 0 ?
		    FLOW_NEVER : end - (c[i].lfin - 1) * US, 1e-9);
		ck_assert_double_eq_tol(f->remote_fin_at, c[i].rfin == 0 ?
		    FLOW_NEVER : end - (c[i].rfin - 1) * US, 1e-9);
		ck_assert_uint_eq(f->syns, c[i].opened == 1 ?
		    (c[i].st == ST_SYN_SENT ? 3 : 1) : 0);
		ck_assert_uint_eq(f->packets, 5);
		ck_assert_uint_eq(f->bytes, 30);
		ck_assert_double_eq(f->first_seen, ts);
		ck_assert_double_eq(f->last_seen, end);
		rec_free(r);
	}
}
END_TEST

START_TEST(test_sf_without_history_assumes_the_originator_closed_first)
{
	struct rec		*r = one(ROW("SF", "-", "2.5"));
	const struct ps_flow	*f = flow(r, 0);

	ck_assert_int_eq(f->state, ST_TIME_WAIT);
	ck_assert_double_eq_tol(f->local_fin_at, f->last_seen - US, 1e-9);
	ck_assert_double_eq(f->remote_fin_at, f->last_seen);
	ck_assert_int_eq(f->local_opened, 1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_double_eq(f->answered_at, f->first_seen);
	rec_free(r);
}
END_TEST

START_TEST(test_ends_never_go_before_ts_when_duration_is_zero)
{
	struct rec		*r = one(ROW("SF", "ShAFf", "0"));
	const struct ps_flow	*f = flow(r, 0);

	ck_assert_double_eq(f->local_fin_at, f->first_seen);
	ck_assert_double_eq(f->remote_fin_at, f->first_seen);
	ck_assert_int_eq(f->state, ST_TIME_WAIT);	/* F before f */
	rec_free(r);
}
END_TEST

START_TEST(test_caret_turns_round_the_letters_written_before_it)
{
	/* "sH^f": before the flip s and H, i.e. S and h from the roles. */
	struct rec		*r = one(ROW("S3", "sH^f", "1.0"));
	const struct ps_flow	*f = flow(r, 0);

	ck_assert_int_eq(f->local_opened, 1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_double_eq(f->answered_at, f->first_seen);
	ck_assert_double_eq(f->remote_fin_at, f->last_seen);
	rec_free(r);
}
END_TEST

START_TEST(test_unknown_conn_state_is_unknown_and_reported_once)
{
	const char	*in[] = { SEP, FIELDS, ROW("XYZ", "ShAD", "1.0"),
			    ROW("XYZ", "ShAD", "1.0"), NULL };
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	ck_assert_int_eq(flow(r, 0)->state, ST_UNKNOWN);
	ck_assert_str_eq(nth(r, EV_FLOW, 0)->state_raw, "XYZ");
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	rec_free(r);
}
END_TEST

/* The same connections in both forms (written here from brimdata rows). */
START_TEST(test_json_and_tsv_of_the_same_connections_give_the_same_flows)
{
	const char *tsv[] = {
		SEP, "#set_separator\t,", "#empty_field\t(empty)",
		"#unset_field\t-", "#path\tconn", FIELDS,
		"1521911721.255387\tC8Tful1TvM3Zf5x8fl\t10.164.94.120\t39681\t10.47.3.155\t3389\ttcp\t-\t0.004266\t97\t19\tRSTR\t-\t-\t0\tShADTdtr\t10\t730\t6\t342\t-",
		"1521911720.602122\tC4RZ6d4r5mJHlSYFI6\t10.164.94.120\t33299\t10.47.3.200\t80\ttcp\t-\t0.003077\t0\t235\tRSTO\t-\t-\t0\t^dtfAR\t4\t208\t4\t678\t-",
		"1632928690.500620\tCvVbVi3kNVC4LPU90f\t192.168.1.99\t62978\t192.168.1.1\t53\tudp\tdns\t0.027648\t55\t134\tSF\t-\t-\t0\tDd\t1\t83\t1\t162\t-",
		"1754306960.593701\tC8V6kZ2PQow9DTAgca\t192.168.64.1\t137\t192.168.64.255\t137\tudp\tdns\t-\t-\t-\tS0\tT\tT\t0\tD\t1\t78\t0\t0\t-",
		NULL
	};
	const char *json[] = {
		"{\"ts\":1521911721.255387,\"uid\":\"C8Tful1TvM3Zf5x8fl\",\"id.orig_h\":\"10.164.94.120\",\"id.orig_p\":39681,\"id.resp_h\":\"10.47.3.155\",\"id.resp_p\":3389,\"proto\":\"tcp\",\"duration\":0.004266,\"orig_bytes\":97,\"resp_bytes\":19,\"conn_state\":\"RSTR\",\"missed_bytes\":0,\"history\":\"ShADTdtr\",\"orig_pkts\":10,\"orig_ip_bytes\":730,\"resp_pkts\":6,\"resp_ip_bytes\":342,\"tunnel_parents\":[]}",
		"{\"ts\":\"2018-03-24T17:15:20.602122Z\",\"uid\":\"C4RZ6d4r5mJHlSYFI6\",\"id.orig_h\":\"10.164.94.120\",\"id.orig_p\":33299,\"id.resp_h\":\"10.47.3.200\",\"id.resp_p\":80,\"proto\":\"tcp\",\"duration\":0.003077,\"orig_bytes\":0,\"resp_bytes\":235,\"conn_state\":\"RSTO\",\"history\":\"^dtfAR\",\"orig_pkts\":4,\"resp_pkts\":4}",
		"  { \"ts\" : 1632928690.500620 , \"id.orig_h\" : \"192.168.1.99\", \"id.orig_p\" : 62978, \"id.resp_h\" : \"192.168.1.1\", \"id.resp_p\" : 53, \"proto\" : \"udp\", \"service\" : \"dns\", \"duration\" : 0.027648, \"orig_bytes\" : 55, \"resp_bytes\" : 134, \"conn_state\" : \"S\\u0046\", \"history\" : \"Dd\", \"orig_pkts\" : 1, \"resp_pkts\" : 1 }",
		"{\"ts\":1754306960.593701,\"id.orig_h\":\"192.168.64.1\",\"id.orig_p\":137,\"id.resp_h\":\"192.168.64.255\",\"id.resp_p\":137,\"proto\":\"udp\",\"service\":\"dns\",\"conn_state\":\"S0\",\"local_orig\":true,\"history\":\"D\",\"orig_pkts\":1,\"resp_pkts\":0,\"duration\":null}",
		NULL
	};
	struct rec		*a = run(tsv), *b = run(json);
	const struct ps_flow	*x, *y;
	size_t			 i;

	assert_no_issues(a);
	assert_no_issues(b);
	ck_assert_uint_eq(count(a, EV_FLOW), 4);
	ck_assert_uint_eq(count(b, EV_FLOW), 4);
	for (i = 0; i < 4; i++) {
		x = flow(a, i);
		y = flow(b, i);
		ck_assert_str_eq(nth(a, EV_FLOW, i)->state_raw,
		    nth(b, EV_FLOW, i)->state_raw);
		ck_assert_int_eq(x->proto, y->proto);
		ck_assert_int_eq(x->family, y->family);
		ck_assert_str_eq(x->local.addr, y->local.addr);
		ck_assert_int_eq(x->local.port, y->local.port);
		ck_assert_str_eq(x->remote.addr, y->remote.addr);
		ck_assert_int_eq(x->remote.port, y->remote.port);
		ck_assert_int_eq(x->local_opened, y->local_opened);
		ck_assert_int_eq(x->midstream, y->midstream);
		ck_assert_int_eq(x->clock, y->clock);
		ck_assert_double_eq_tol(x->first_seen, y->first_seen, TOL);
		ck_assert_double_eq_tol(x->last_seen, y->last_seen, TOL);
		ck_assert_double_eq_tol(x->syn_at, y->syn_at, TOL);
		ck_assert_double_eq_tol(x->answered_at, y->answered_at, TOL);
		ck_assert_double_eq_tol(x->local_fin_at, y->local_fin_at, TOL);
		ck_assert_double_eq_tol(x->remote_fin_at, y->remote_fin_at,
		    TOL);
		ck_assert_double_eq_tol(x->reset_at, y->reset_at, TOL);
		ck_assert_int_eq(x->reset_by, y->reset_by);
		ck_assert_int_eq(x->refused, y->refused);
		ck_assert_uint_eq(x->syns, y->syns);
		ck_assert_uint_eq(x->packets, y->packets);
		ck_assert_uint_eq(x->bytes, y->bytes);
		ck_assert_int_eq(x->state, y->state);
	}
	rec_free(a);
	rec_free(b);
}
END_TEST

START_TEST(test_concatenated_logs_skip_other_paths_and_restart_columns)
{
	const char *in[] = {
		SEP, "#path\tconn", FIELDS, ROW("S0", "S", "1.0"),
		"#close\t2021-09-29-11-39-42",
		SEP, "#path\tdns",
		"#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery",
		"1.0\tC1\t10.0.0.1\t5\t10.0.0.2\t53\tudp\texample.org",
		SEP, "#path\tconn",
		"#fields\tproto\tid.resp_p\tid.resp_h\tid.orig_p\tid.orig_h\tts\tconn_state",
		"tcp\t80\t10.0.0.9\t40000\t10.0.0.8\t1700000001.5\tS1",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 9);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	ck_assert_str_eq(flow(r, 1)->local.addr, "10.0.0.8");
	ck_assert_int_eq(flow(r, 1)->remote.port, 80);
	ck_assert_double_eq(flow(r, 1)->first_seen, 1700000001.5);
	ck_assert_double_eq(flow(r, 1)->last_seen, 1700000001.5);
	ck_assert_int_eq(flow(r, 1)->state, ST_ESTABLISHED);
	rec_free(r);
}
END_TEST

START_TEST(test_rows_before_fields_and_fields_without_the_tuple)
{
	const char *in[] = {
		ROW("S0", "S", "1.0"), ROW("S0", "S", "1.0"),
		SEP, "#fields\tts\tuid\tproto", "1.0\tC1\ttcp", NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_FLOW), 0);
	ck_assert_ptr_nonnull(issue_at(r, 1));
	ck_assert_ptr_null(issue_at(r, 2));		/* reported once */
	ck_assert_ptr_nonnull(issue_at(r, 4));		/* #fields */
	ck_assert_ptr_nonnull(issue_at(r, 5));
	rec_free(r);
}
END_TEST

START_TEST(test_truncated_and_overlong_rows_are_issues)
{
	char		 huge[20000];
	const char	*in[] = { SEP, FIELDS,
		"1700000000.000000\tCx\t10.0.0.1\t50000\t10.0.0.2",
		ROW("S0", "S", "1.0") "\textra",
		huge, ROW("S0", "S", "1.0"), NULL };
	struct rec	*r;

	memset(huge, 'a', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	memcpy(huge, "1700000000.0\tC\t", 15);
	r = run(in);
	ck_assert_ptr_nonnull(issue_at(r, 3));
	ck_assert_ptr_nonnull(issue_at(r, 4));
	ck_assert_ptr_nonnull(issue_at(r, 5));
	ck_assert_uint_eq(count(r, EV_ISSUE), 3);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_bad_json_is_an_issue_and_never_a_flow)
{
	static const char *bad[] = {
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\"",		/* cut */
		"{\"ts\":1.0} trailing",
		"{\"ts\":1.0,}",
		"{\"ts\":\"unterminated}",
		"{\"ts\":\"bad \\q escape\"}",
		"{\"ts\":tru}",
		"{'ts':1}",
		"{\"ts\":1.0,\"ts\":2.0,\"conn_state\":\"S0\"}",
		"{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}",
		"{\"a\":[1,2}",
		"{\"id.orig_p\":[1],\"conn_state\":\"S0\"}",
		"{\"ts\":1e999,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,\"proto\":\"tcp\",\"conn_state\":\"S0\"}",
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":\"x\",\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,\"proto\":\"tcp\",\"conn_state\":\"S0\"}",
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":70000,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,\"proto\":\"tcp\",\"conn_state\":\"S0\"}",
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,\"id.resp_h\":\"::1\",\"id.resp_p\":2,\"proto\":\"tcp\",\"conn_state\":\"S0\"}",
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,\"proto\":\"tcp\",\"conn_state\":\"S0\",\"history\":\"S!\"}",
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,\"proto\":\"tcp\"}",
		"{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,\"id.resp_p\":2,\"proto\":\"tcp\",\"conn_state\":\"S0\"}",
		"{}",
	};
	const char	*in[2] = { NULL, NULL };
	struct rec	*r;
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		in[0] = bad[i];
		r = run(in);
		ck_assert_msg(count(r, EV_FLOW) == 0, "line %zu made a flow",
		    i);
		ck_assert_msg(count(r, EV_ISSUE) == 1, "line %zu: %zu issues",
		    i, count(r, EV_ISSUE));
		rec_free(r);
	}
}
END_TEST

START_TEST(test_huge_json_string_and_nul_bytes_are_issues)
{
	static char	 line[70000];
	static const char good[] = "{\"ts\":1.0,\"id.orig_h\":\"10.0.0.1\","
	    "\"id.orig_p\":1,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,"
	    "\"proto\":\"tcp\",\"conn_state\":\"S0\"}";
	struct rec	*r;
	struct ps_sink	 sink;
	void		*st;
	size_t		 n;

	/* An address 60,000 bytes long. */
	n = (size_t)snprintf(line, sizeof line, "{\"ts\":1.0,\"id.orig_h\":\"");
	memset(line + n, '1', 60000);
	n += 60000;
	n += (size_t)snprintf(line + n, sizeof line - n, "\",\"id.orig_p\":1,"
	    "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":2,\"proto\":\"tcp\","
	    "\"conn_state\":\"S0\"}");
	r = calloc(1, sizeof *r);
	sink_init(&sink, r);
	st = format_zeek_conn.open(&sink, NULL);
	format_zeek_conn.line(st, line, n, 1);
	/* A NUL inside a JSON string, then one inside a TSV row. */
	memcpy(line, good, sizeof good);
	line[26] = '\0';
	format_zeek_conn.line(st, line, sizeof good - 1, 2);
	format_zeek_conn.line(st, SEP, strlen(SEP), 3);
	format_zeek_conn.line(st, FIELDS, strlen(FIELDS), 4);
	snprintf(line, sizeof line, "%s", ROW("S0", "S", "1.0"));
	n = strlen(line);
	line[20] = '\0';
	format_zeek_conn.line(st, line, n, 5);
	format_zeek_conn.line(st, good, sizeof good - 1, 6);
	format_zeek_conn.close(st);
	ck_assert_ptr_nonnull(issue_at(r, 1));
	ck_assert_ptr_nonnull(issue_at(r, 2));
	ck_assert_ptr_nonnull(issue_at(r, 5));
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(nth(r, EV_FLOW, 0)->line, 6);
	rec_free(r);
}
END_TEST

START_TEST(test_sniff_is_certain_on_conn_logs_and_zero_elsewhere)
{
	static const char *const fix[] = {
		"brimdata-zed-conn.log", "zeek-repo-conn.log",
		"kishpud-conn.log", "openvpn-readme-conn.log",
		"facefish-btest-baseline-conn.log", "zeeklogs-conn.json",
		"tenzir-doc-conn-iso.json",
	};
	const char	*dns[] = { "#separator \\x09", "#path\tdns",
			    "#fields\tts\tuid\tid.orig_h\tquery", NULL };
	char		 path[256];
	size_t		 i;
	int		 score;

	for (i = 0; i < sizeof fix / sizeof fix[0]; i++) {
		snprintf(path, sizeof path, FIX "%s", fix[i]);
		ck_assert_int_eq(sniff_file(&format_zeek_conn, path), 100);
		ck_assert_ptr_eq(best_for_file(path, &score),
		    &format_zeek_conn);
	}
	ck_assert_int_eq(format_zeek_conn.sniff(dns, 3), 40);
	ck_assert_int_gt(sniff_zero_on_dir(&format_zeek_conn,
	    FLOWSNIFF_CORPUS, NULL), 30);
	ck_assert_int_gt(sniff_zero_on_dir(&format_zeek_conn,
	    "tests/fixtures/tshark-conv", ".txt"), 5);
	ck_assert_int_gt(sniff_zero_on_dir(&format_zeek_conn,
	    "tests/fixtures/flow-csv", NULL), 0);
	ck_assert_int_gt(sniff_zero_on_dir(&format_zeek_conn,
	    "tests/fixtures/powershell", NULL), 0);
	ck_assert_int_gt(sniff_zero_on_dir(&format_zeek_conn,
	    "tests/fixtures/tshark-fields", NULL), 0);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("zeek_conn");

	tc = tcase_create("fixtures");
	tcase_add_test(tc, test_tsv_rstr_row_of_brimdata_has_every_field);
	tcase_add_test(tc, test_tsv_brimdata_rej_s0_and_resets_by_side);
	tcase_add_test(tc, test_udp_sf_record_of_the_zeek_repository);
	tcase_add_test(tc,
	    test_icmp_and_other_protocols_are_skipped_ipv6_is_canonical);
	tcase_add_test(tc, test_s1_record_is_established_and_answered);
	tcase_add_test(tc,
	    test_btest_baseline_with_masked_times_is_an_issue_a_row);
	tcase_add_test(tc, test_json_sf_ends_in_history_order);
	tcase_add_test(tc, test_json_iso_ts_and_other_log_records);
	suite_add_tcase(s, tc);

	tc = tcase_create("states");
	tcase_add_test(tc, test_every_conn_state_maps_to_its_state_and_events);
	tcase_add_test(tc,
	    test_sf_without_history_assumes_the_originator_closed_first);
	tcase_add_test(tc, test_ends_never_go_before_ts_when_duration_is_zero);
	tcase_add_test(tc, test_caret_turns_round_the_letters_written_before_it);
	tcase_add_test(tc, test_unknown_conn_state_is_unknown_and_reported_once);
	suite_add_tcase(s, tc);

	tc = tcase_create("forms");
	tcase_add_test(tc,
	    test_json_and_tsv_of_the_same_connections_give_the_same_flows);
	tcase_add_test(tc,
	    test_concatenated_logs_skip_other_paths_and_restart_columns);
	tcase_add_test(tc, test_rows_before_fields_and_fields_without_the_tuple);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_add_test(tc, test_truncated_and_overlong_rows_are_issues);
	tcase_add_test(tc, test_bad_json_is_an_issue_and_never_a_flow);
	tcase_add_test(tc, test_huge_json_string_and_nul_bytes_are_issues);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_is_certain_on_conn_logs_and_zero_elsewhere);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
