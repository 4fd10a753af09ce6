/*
 * check_bsd_netstat.c — tests for parsers/bsd_netstat.c: macOS and FreeBSD
 * `netstat -an`, `-An`, `-AanP` and `-anv` rows (addr.port endpoints split
 * at the last dot, tcp4/tcp6/tcp46 families, udp rows without a state,
 * columns cut by netstat's widths), the sections that are skipped, snapshot
 * boundaries (titles, `date` stamps), net.inet.ip.portrange statements, the
 * OS of each snapshot, lines that fit no rule, and the sniffer (against
 * every file of the shared corpus too).
 *
 * Lines come from string arrays and go through format_bsd_netstat's
 * open/line/close into a recording sink that copies every event (the
 * pointers in an event are borrowed), so each test looks at what the parser
 * said, in order, after the fact.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/addr.h"
#include "parsers/format.h"
#include "parsers/record.h"
#include "parsers/stamp.h"

#define TEXT_MAX	512
#define CORPUS		"../shared/corpus"

Suite	*suite(void);

#define RECORD_FORMAT	format_bsd_netstat
#include "tests/unit/recorder.h"

#define TITLE		"Active Internet connections (including servers)"
#define MAC_COLS	"Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)    "
#define FBSD_COLS	"Proto Recv-Q Send-Q Local Address          Foreign Address        (state)"
#define MAC_A_COLS	"Socket           Flowhash Proto Recv-Q Send-Q  Local Address      Foreign Address    (state)    "
#define FBSD_A_COLS	"Tcpcb            Proto Recv-Q Send-Q Local Address      Foreign Address    (state)     Log ID"

/* ---------------------------------------------------------------- rows */

START_TEST(test_an_tcp4_row_splits_each_endpoint_at_its_last_dot)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  10.1.1.5.50123         10.0.0.7.5432          ESTABLISHED",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "10.1.1.5");
	ck_assert_str_eq(k->local.zone, "");
	ck_assert_int_eq(k->local.port, 50123);
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert_str_eq(k->remote.addr, "10.0.0.7");
	ck_assert_int_eq(k->remote.port, 5432);
	ck_assert_int_eq(k->remote.numeric, 1);
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	ck_assert(e->has_state_raw);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(k->pid, -1);
	ck_assert(!e->has_process);
	ck_assert_uint_eq(k->line, 3);
	rec_free(r);
}
END_TEST

START_TEST(test_ipv6_endpoints_split_at_last_dot_with_zone_apart)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp6       0      0  ::1.8080               ::1.50200              ESTABLISHED",
		"udp6       0      0  fe80::1%lo0.123        *.*                               ",
		"tcp6       0      0  FE80::0:0:2%en0.5000   fe80::9%en0.22         SYN_SENT   ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::1");
	ck_assert_int_eq(k->local.port, 8080);
	ck_assert_str_eq(k->remote.addr, "::1");
	ck_assert_int_eq(k->remote.port, 50200);
	k = sock(r, 1);
	ck_assert_int_eq(k->proto, PROTO_UDP);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "fe80::1");
	ck_assert_str_eq(k->local.zone, "lo0");
	ck_assert_int_eq(k->local.port, 123);
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 2);
	ck_assert_str_eq(k->local.addr, "fe80::2");	/* canonical */
	ck_assert_str_eq(k->local.zone, "en0");
	ck_assert_int_eq(k->local.port, 5000);
	ck_assert_str_eq(k->remote.addr, "fe80::9");
	ck_assert_int_eq(k->remote.port, 22);
	ck_assert_int_eq(k->state, ST_SYN_SENT);
	rec_free(r);
}
END_TEST

START_TEST(test_star_star_is_no_remote_and_star_local_is_the_wildcard_of_its_family)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"tcp6       0      0  *.22                   *.*                    LISTEN     ",
		"tcp46      0      0  *.80                   *.*                    LISTEN     ",
		"udp4       0      0  *.*                    *.*                               ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_int_eq(k->local.port, 22);
	ck_assert(addr_is_none(&k->remote));
	ck_assert_str_eq(k->remote.addr, "");
	ck_assert_int_eq(k->state, ST_LISTEN);
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 2);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert_int_eq(k->local.port, 80);
	k = sock(r, 3);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_int_eq(k->local.port, -1);	/* "*": unbound */
	ck_assert_str_eq(k->local.port_name, "");
	ck_assert(addr_is_none(&k->remote));
	rec_free(r);
}
END_TEST

START_TEST(test_family_comes_from_the_protocol_suffix_and_46_is_6)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"udp4       0      0  127.0.0.1.63995        *.*                               ",
		"udp6       0      0  *.5353                 *.*                               ",
		"udp46      0      0  *.61224                *.*                               ",
		"tcp46      0      0  10.1.1.5.8080          10.0.0.9.51000         ESTABLISHED",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	ck_assert_int_eq(sock(r, 0)->family, 4);
	ck_assert_int_eq(sock(r, 1)->family, 6);
	ck_assert_int_eq(sock(r, 2)->family, 6);
	ck_assert_int_eq(sock(r, 3)->family, 6);
	ck_assert_int_eq(sock(r, 3)->proto, PROTO_TCP);
	ck_assert_str_eq(sock(r, 3)->local.addr, "10.1.1.5");
	rec_free(r);
}
END_TEST

START_TEST(test_udp_rows_without_state_are_unconn_with_no_state_raw)
{
	static const char *const in[] = {
		TITLE,
		FBSD_COLS,
		"udp4       0      0 *.514                  *.*                    ",
		"udp6       0      0 *.514                  *.*",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.proto, PROTO_UDP);
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert(!e->has_state_raw);
	ck_assert_int_eq(e->sock.local.port, 514);
	ck_assert_int_eq(sock(r, 1)->state, ST_UNCONN);
	rec_free(r);
}
END_TEST

START_TEST(test_every_bsd_state_spelling_maps_to_its_canonical_state)
{
	static const char *const in[] = {
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		"tcp4       0      0 10.1.1.5.50001         10.0.0.7.80            SYN_SENT",
		"tcp4       0      0 10.1.1.5.22            10.0.0.7.50002         SYN_RCVD",
		"tcp4       0      0 10.1.1.5.50003         10.0.0.7.80            ESTABLISHED",
		"tcp4       0      0 10.1.1.5.50004         10.0.0.7.80            CLOSE_WAIT",
		"tcp4       0      0 10.1.1.5.50005         10.0.0.7.80            FIN_WAIT_1",
		"tcp4       0      0 10.1.1.5.50006         10.0.0.7.80            CLOSING",
		"tcp4       0      0 10.1.1.5.50007         10.0.0.7.80            LAST_ACK",
		"tcp4       0      0 10.1.1.5.50008         10.0.0.7.80            FIN_WAIT_2",
		"tcp4       0      0 10.1.1.5.50009         10.0.0.7.80            TIME_WAIT",
		"tcp4       0      0 10.1.1.5.50010         10.0.0.7.80            CLOSED",
		NULL
	};
	static const enum state want[] = {
		ST_LISTEN, ST_SYN_SENT, ST_SYN_RECEIVED, ST_ESTABLISHED,
		ST_CLOSE_WAIT, ST_FIN_WAIT_1, ST_CLOSING, ST_LAST_ACK,
		ST_FIN_WAIT_2, ST_TIME_WAIT, ST_CLOSED
	};
	struct rec	*r = run(in);
	size_t		 i;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 11);
	for (i = 0; i < 11; i++) {
		ck_assert_int_eq(sock(r, i)->state, want[i]);
		ck_assert_str_eq(nth(r, EV_SOCKET, i)->state_raw,
		    strrchr(in[i + 2], ' ') + 1);
	}
	rec_free(r);
}
END_TEST

START_TEST(test_unknown_state_is_stored_as_unknown_and_reported_once)
{
	static const char *const in[] = {
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 10.1.1.5.50001         10.0.0.7.80            12",
		"tcp4       0      0 10.1.1.5.50002         10.0.0.7.80            12",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNKNOWN);
	ck_assert_str_eq(nth(r, EV_SOCKET, 0)->state_raw, "12");
	ck_assert_int_eq(sock(r, 1)->state, ST_UNKNOWN);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason, "\"12\""));
	rec_free(r);
}
END_TEST

START_TEST(test_tcp_row_without_state_is_an_issue_and_still_stored)
{
	static const char *const in[] = {
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 10.1.1.5.50001         10.0.0.7.80",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNKNOWN);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	rec_free(r);
}
END_TEST

START_TEST(test_An_socket_and_flowhash_columns_before_proto_are_skipped)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb94bcb47dd  b164479 tcp4       0      0  127.0.0.1.53755    127.0.0.1.53763    ESTABLISHED",
		"7fb03cb93d5b800d        0 udp4       0      0  *.5353             *.*                           ",
		"ffffff801e6b9000 tcp4       0      0  127.0.0.1.631      *.*                LISTEN     ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	k = sock(r, 0);
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_str_eq(k->local.addr, "127.0.0.1");
	ck_assert_int_eq(k->local.port, 53755);
	ck_assert_int_eq(k->remote.port, 53763);
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	k = sock(r, 1);
	ck_assert_int_eq(k->proto, PROTO_UDP);
	ck_assert_int_eq(k->local.port, 5353);
	ck_assert_int_eq(k->state, ST_UNCONN);
	k = sock(r, 2);
	ck_assert_int_eq(k->local.port, 631);
	ck_assert_int_eq(k->state, ST_LISTEN);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "macos");
	rec_free(r);
}
END_TEST

START_TEST(test_AanP_tcpcb_column_and_log_id_are_skipped)
{
	static const char *const in[] = {
		TITLE,
		FBSD_A_COLS,
		"fffff80003df43d0 tcp4       0      0 192.168.71.163.22  192.168.71.1.64330 ESTABLISHED -",
		"fffff80003df47a0 tcp4       0      0 127.0.0.1.25       *.*                LISTEN      -",
		"fffff80003ae81e8 udp4       0      0 *.514              *.*                ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_str_eq(k->local.addr, "192.168.71.163");
	ck_assert_int_eq(k->local.port, 22);
	ck_assert_str_eq(k->remote.addr, "192.168.71.1");
	ck_assert_int_eq(k->remote.port, 64330);	/* 18 wide, 5 digits */
	ck_assert_int_eq(k->remote.numeric, 1);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(k->pid, -1);
	ck_assert_int_eq(sock(r, 1)->state, ST_LISTEN);
	ck_assert_int_eq(sock(r, 2)->state, ST_UNCONN);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "freebsd");
	rec_free(r);
}
END_TEST

START_TEST(test_service_and_host_names_without_n_are_kept_as_names)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  localhost.ipp          *.*                    LISTEN     ",
		"tcp4       0      0  mac.local.55123        lb-140-82-113.https    ESTABLISHED",
		"udp4       0      0  *.netbios-ns           *.*                               ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "localhost");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_int_eq(k->local.port, -1);
	ck_assert_str_eq(k->local.port_name, "ipp");
	k = sock(r, 1);
	ck_assert_str_eq(k->local.addr, "mac.local");
	ck_assert_int_eq(k->local.port, 55123);
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_str_eq(k->remote.addr, "lb-140-82-113");
	ck_assert_str_eq(k->remote.port_name, "https");
	k = sock(r, 2);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_str_eq(k->local.port_name, "netbios-ns");
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------- cut columns */

START_TEST(test_cut_ipv6_host_is_kept_as_written_as_a_name_without_issue)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb946c1cbcd  3c023c0 tcp6       0      0  2600:1700:bab0:d.5 2607:f8b0:4003:c.9 ESTABLISHED",
		"7fb03cb94a8f8d0d 88c31bcb tcp6       0      0  fe80::aede:48ff:.5 fe80::aede:48ff:.4 ESTABLISHED",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "2600:1700:bab0:d");
	ck_assert_int_eq(k->local.numeric, 0);
	/* 18 characters with -A: the port lost digits too. */
	ck_assert_int_eq(k->local.port, -1);
	ck_assert_str_eq(k->local.port_name, "5");
	ck_assert_str_eq(k->remote.addr, "2607:f8b0:4003:c");
	ck_assert_str_eq(k->remote.port_name, "9");
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	k = sock(r, 1);
	ck_assert_str_eq(k->local.addr, "fe80::aede:48ff:");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_str_eq(k->local.zone, "");
	rec_free(r);
}
END_TEST

START_TEST(test_cut_ipv6_host_that_still_parses_is_a_name_too)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb94221360d cc0e0c2a tcp6       0      0  2600:1700:bab0:d.5 2603:1030:b00::e.4 ESTABLISHED",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	/* 16 characters, netstat's cut: not taken for 2603:1030:b00::e. */
	ck_assert_str_eq(k->remote.addr, "2603:1030:b00::e");
	ck_assert_int_eq(k->remote.numeric, 0);
	ck_assert_str_eq(k->remote.port_name, "4");
	rec_free(r);
}
END_TEST

START_TEST(test_ipv6_host_shorter_than_the_cut_is_numeric_but_its_port_may_be_cut)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb937c20e4d 8e998322 tcp6       0      0  2600:1700:bab0:d.5 2620:1ec:21::14.44 ESTABLISHED",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_str_eq(k->remote.addr, "2620:1ec:21::14");
	ck_assert_int_eq(k->remote.port, -1);
	ck_assert_str_eq(k->remote.port_name, "44");
	ck_assert_int_eq(k->remote.numeric, 0);
	rec_free(r);
}
END_TEST

START_TEST(test_cut_ipv6_host_without_A_keeps_its_whole_port)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp6       0      0  fe80::c34:4384:6.49194 fe80::142d:1153:.64524 ESTABLISHED",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "fe80::c34:4384:6");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_int_eq(k->local.port, 49194);
	ck_assert_str_eq(k->remote.addr, "fe80::142d:1153:");
	ck_assert_int_eq(k->remote.port, 64524);
	rec_free(r);
}
END_TEST

START_TEST(test_A_row_with_full_18_char_endpoint_keeps_port_digits_as_written)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb94d505aed cedd0cbf tcp4       0      0  192.168.1.221.5486 140.82.113.26.443  ESTABLISHED",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "192.168.1.221");
	ck_assert_int_eq(k->local.port, -1);
	ck_assert_str_eq(k->local.port_name, "5486");
	ck_assert_int_eq(k->local.numeric, 0);
	/* 17 characters: nothing cut. */
	ck_assert_str_eq(k->remote.addr, "140.82.113.26");
	ck_assert_int_eq(k->remote.port, 443);
	ck_assert_int_eq(k->remote.numeric, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_row_without_A_column_takes_an_18_char_endpoint_whole)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  192.168.1.221.5486     140.82.113.26.443      ESTABLISHED",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_int_eq(sock(r, 0)->local.port, 5486);
	ck_assert_int_eq(sock(r, 0)->local.numeric, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_run_made_with_W_cuts_nothing_after_its_first_long_endpoint)
{
	static const char *const in[] = {
		TITLE,
		"Proto Recv-Q Send-Q  Local Address                                 Foreign Address                               (state)",
		"tcp6       0      0  2001:db8:1:2:3:4:5:6.50001                    2001:db8::7.443                               ESTABLISHED",
		"tcp6       0      0  2001:db8:1:2::10.50002                        2001:db8::7.443                               ESTABLISHED",
		TITLE,
		MAC_COLS,
		"tcp6       0      0  2001:db8:1:2::10.50002 2001:db8::7.443        ESTABLISHED",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_str_eq(sock(r, 0)->local.addr, "2001:db8:1:2:3:4:5:6");
	ck_assert_int_eq(sock(r, 0)->local.numeric, 1);
	/* 16 characters, but in a -W run: a whole address. */
	ck_assert_str_eq(sock(r, 1)->local.addr, "2001:db8:1:2::10");
	ck_assert_int_eq(sock(r, 1)->local.numeric, 1);
	/* The next run shows no -W: 16 characters may be a cut. */
	ck_assert_int_eq(sock(r, 2)->local.numeric, 0);
	ck_assert_int_eq(sock(r, 2)->local.port, 50002);
	rec_free(r);
}
END_TEST

/* -------------------------------------------------------------- -anv */

START_TEST(test_anv_pid_column_is_found_by_its_header_name)
{
	static const char *const in[] = {
		TITLE,
		"Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)     rhiwat shiwat    pid   epid  state    options",
		"tcp4       0      0  10.1.1.5.50123         10.0.0.7.5432          ESTABLISHED 131072 131072   4321      0 0x0102 0x00000008",
		"udp4       0      0  *.5353                 *.*                                196724   9216    187      0 0x0000 0x00000000",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 0)->state, ST_ESTABLISHED);
	ck_assert(!nth(r, EV_SOCKET, 0)->has_process);
	/* udp rows have no state: their columns start one earlier. */
	ck_assert_int_eq(sock(r, 1)->pid, 187);
	ck_assert_int_eq(sock(r, 1)->state, ST_UNCONN);
	rec_free(r);
}
END_TEST

START_TEST(test_anv_pid_after_rxbytes_and_txbytes_columns)
{
	static const char *const in[] = {
		TITLE,
		"Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)          rxbytes      txbytes  rhiwat  shiwat    pid   epid state  options           gencnt    flags   flags1 usecnt rtncnt fltrs",
		"tcp4       0      0  10.1.1.5.50124         10.0.0.7.5432          TIME_WAIT             1234         5678  131072  131072   4321      0 00102 00000008 0000000000001234 00000080 04000900      0      0 000001",
		"tcp46      0      0  *.8080                 *.*                    LISTEN                   0            0  131072  131072    777    888 00000 00000006 0000000000010cb8 00000000 00000900      1      0 000000",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 0)->state, ST_TIME_WAIT);
	ck_assert_int_eq(sock(r, 1)->pid, 777);		/* pid, not epid */
	rec_free(r);
}
END_TEST

START_TEST(test_anv_process_pid_value_may_hold_blanks)
{
	static const char *const in[] = {
		TITLE,
		"Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)          rxbytes      txbytes  rhiwat  shiwat          process:pid    state  options           gencnt    flags   flags1 usecnt rtncnt fltrs",
		"tcp4       0      0  127.0.0.1.50125        127.0.0.1.8443         ESTABLISHED         4096       200000  408300  146988 Code Helper (Plu:84517   00102 00000008 000000000000beef 00000080 04000900      1      0 000000",
		"tcp4       0      0  *.8443                 *.*                    LISTEN                 0            0  131072  131072           node:53082  00100 00000106 000000001afbe209 00000001 00000800      1      0 000000",
		"udp4       0      0  *.5353                 *.*                                           0            0  786896    9216    mDNSResponder:187    00000 00000000 0000000000000001 00000000 00000800      1      0 000000",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 84517);
	ck_assert(e->has_process);
	ck_assert_str_eq(e->process, "Code Helper (Plu");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.pid, 53082);
	ck_assert_str_eq(e->process, "node");
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.pid, 187);
	ck_assert_str_eq(e->process, "mDNSResponder");
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------- sections */

START_TEST(test_unix_domain_sections_are_skipped_and_counted_not_issues)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"Active LOCAL (UNIX) domain sockets",
		"Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
		"7fb03cb95130f2c5 stream      1      0                0 7fb03cb95130d6a5                0                0",
		"7fb03cb95130eaf5 stream      0      0                0 7fb03cb95130e70d                0                0 /var/run/mDNSResponder",
		"Active UNIX domain sockets",
		"Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
		"fffff80003ab6e00 seqpac      0      0 fffff80003c58000                0                0                0 /var/run/devd.seqpacket.pipe",
		NULL
	};
	struct rec	*r = run(in);
	size_t		 i;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 3);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 6);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 7);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 2)->line, 10);
	for (i = 0; i < 3; i++)
		ck_assert_str_eq(nth(r, EV_SKIPPED, i)->reason, "unix");
	rec_free(r);
}
END_TEST

START_TEST(test_kernel_sections_and_icmp_rows_are_skipped)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb939ad73cd        0 icm4    8136      0  *.*                *.*                           ",
		"Registered kernel control modules",
		"kctlref          id       unit     flags    pcbcount rcvbuf   sndbuf   name ",
		"           10001        1       -1        9        0   131072   131072 com.apple.flow-divert ",
		"           a000a        a       -1        5        0     8192     2048 com.apple.network.tcp_ccdebug ",
		"Active kernel event sockets",
		"             pcb Proto Recv-Q Send-Q vendor  class subcla",
		"7fb03cb936ead2bd kevt       0      0      1      1      0",
		"Active kernel control sockets",
		"             pcb Proto Recv-Q Send-Q   unit     id name",
		"7fb03cb937d0314d kctl       0      0      1      2 com.apple.nke.sockwall",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 0);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 5);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 3);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "icmp");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 6);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 2)->line, 7);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 3)->line, 10);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 4)->line, 13);
	/* The title opened a snapshot though nothing in it was stored. */
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_multipath_rows_are_skipped_and_internet_rows_after_them_read)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  10.1.1.5.50123         10.0.0.7.5432          ESTABLISHED",
		"Active Multipath Internet connections",
		"Proto/ID  Flags      Local Address          Foreign Address        (state)",
		"mptcp/00  00000000/00000010                                        ESTABLISHED ",
		"      [tok(0x1234) snd(0x1) rcv(0x2) aid(1)]",
		" tcp4/01  00000000   10.1.1.5.50200         10.0.0.8.443           ESTABLISHED",
		"icm6       0      0  *.*                    *.*                               ",
		"udp6       0      0  *.5353                 *.*                               ",
		"Active LOCAL (UNIX) domain sockets",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(sock(r, 0)->line, 3);
	ck_assert_uint_eq(sock(r, 1)->line, 10);
	ck_assert_int_eq(sock(r, 1)->family, 6);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 4);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "mptcp");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 3)->reason, "icmp");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 3)->line, 9);
	rec_free(r);
}
END_TEST

START_TEST(test_garbage_in_a_skipped_section_is_still_an_issue)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"Active LOCAL (UNIX) domain sockets",
		"Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
		"7fb03cb95130f2c5 stream      1      0                0 7fb03cb95130d6a5                0                0",
		"this line is not netstat output",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 7);
	rec_free(r);
}
END_TEST

/* --------------------------------------------------------- snapshots */

START_TEST(test_date_stamp_then_title_is_one_snapshot_with_the_stamp)
{
	static const char *const in[] = {
		"Mon Nov 23 14:05:33 UTC 2026",
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	e = nth(r, EV_SNAPSHOT, 0);
	ck_assert_uint_eq(e->line, 1);
	ck_assert(e->has_stamp);
	ck_assert_int_eq(e->stamp.year, 2026);
	ck_assert_int_eq(e->stamp.hour, 14);
	ck_assert_int_eq(e->stamp.min, 5);
	ck_assert_int_eq(e->stamp.sec, 33);
	ck_assert_str_eq(e->os, "macos");
	rec_free(r);
}
END_TEST

START_TEST(test_three_stamped_runs_are_three_snapshots)
{
	static const char *const in[] = {
		"Mon Nov 23 14:05:33 UTC 2026",
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"Active LOCAL (UNIX) domain sockets",
		"Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
		"7fb03cb95130f2c5 stream      1      0                0 7fb03cb95130d6a5                0                0",
		"Mon Nov 23 14:20:33 UTC 2026",
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"tcp4       0      0  10.1.1.5.50001         10.0.0.7.5432          TIME_WAIT  ",
		"Mon Nov 23 14:35:33 UTC 2026",
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 3);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 8);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 2)->line, 13);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.min, 20);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 2)->stamp.min, 35);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 3), 2);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_titles_without_stamps_are_one_snapshot_each)
{
	static const char *const in[] = {
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(!nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 4);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_stamp_at_end_of_file_is_an_issue_and_no_snapshot)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"Mon Nov 23 14:20:33 UTC 2026",
		"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_title_with_no_sockets_is_an_empty_snapshot)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 3);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_stamp_ends_a_skipped_section_and_rows_after_it_are_read)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"Active LOCAL (UNIX) domain sockets",
		"Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
		"Dec 23 14:05:33 2026",
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(nth(r, EV_SNAPSHOT, 1)->has_stamp);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------------ ranges */

START_TEST(test_portrange_first_and_last_give_the_range_of_their_snapshot)
{
	static const char *const in[] = {
		"Mon Nov 23 14:05:33 UTC 2026",
		"net.inet.ip.portrange.first: 49152",
		"net.inet.ip.portrange.last: 65535",
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	/* The snapshot first, then its range. */
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	ck_assert_int_eq(r->ev[1].kind, EV_RANGE);
	e = nth(r, EV_RANGE, 0);
	ck_assert_int_eq(e->range.lo, 49152);
	ck_assert_int_eq(e->range.hi, 65535);
	ck_assert_int_eq(e->range.proto, PROTO_TCP);
	ck_assert_uint_eq(e->range.line, 2);
	ck_assert_str_eq(e->source, "net.inet.ip.portrange");
	rec_free(r);
}
END_TEST

START_TEST(test_portrange_in_either_order_among_other_sysctl_lines)
{
	static const char *const in[] = {
		"net.inet.ip.portrange.lowfirst: 1023",
		"net.inet.ip.portrange.lowlast: 600",
		"net.inet.ip.portrange.last: 60999",
		"net.inet.ip.portrange.first: 10000",
		"net.inet.ip.portrange.hifirst: 49152",
		"net.inet.ip.portrange.hilast: 65535",
		"net.inet.ip.portrange.randomized: 1",
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	e = nth(r, EV_RANGE, 0);
	ck_assert_int_eq(e->range.lo, 10000);
	ck_assert_int_eq(e->range.hi, 60999);
	ck_assert_uint_eq(e->range.line, 3);
	rec_free(r);
}
END_TEST

START_TEST(test_portrange_out_of_bounds_is_an_issue_and_no_range)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"net.inet.ip.portrange.first: 65535",
		"net.inet.ip.portrange.last: 49152",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_RANGE), 0);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- os */

START_TEST(test_os_is_freebsd_when_one_blank_precedes_local_address)
{
	static const char *const in[] = {
		TITLE,
		FBSD_COLS,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "freebsd");
	ck_assert(!nth(r, EV_SNAPSHOT, 0)->has_os_version);
	rec_free(r);
}
END_TEST

START_TEST(test_os_is_macos_when_two_blanks_precede_local_address)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "macos");
	rec_free(r);
}
END_TEST

START_TEST(test_os_is_macos_when_nothing_says)
{
	static const char *const in[] = {
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "macos");
	rec_free(r);
}
END_TEST

START_TEST(test_os_and_version_from_uname_hold_for_the_whole_file)
{
	static const char *const in[] = {
		"FreeBSD fbsd.example 12.1-RELEASE FreeBSD 12.1-RELEASE r354233 GENERIC  amd64",
		TITLE,
		MAC_COLS,	/* a layout alone would say macOS */
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"Mon Nov 23 14:20:33 UTC 2026",
		TITLE,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "freebsd");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os_version, "12.1-RELEASE");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 1)->os, "freebsd");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 1)->os_version, "12.1-RELEASE");
	rec_free(r);
}
END_TEST

START_TEST(test_os_and_version_from_sw_vers)
{
	static const char *const in[] = {
		"ProductName:\tmacOS",
		"ProductVersion:\t14.5",
		"BuildVersion:\t23F79",
		TITLE,
		FBSD_COLS,	/* a layout alone would say FreeBSD */
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "macos");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os_version, "14.5");
	rec_free(r);
}
END_TEST

START_TEST(test_os_from_freebsd_version_and_sysctl_kern_lines)
{
	static const char *const a[] = {
		"13.2-RELEASE-p4",
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	static const char *const b[] = {
		"kern.ostype: Darwin",
		"kern.osproductversion: 10.14.6",
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(a);

	assert_no_issues(r);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "freebsd");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os_version, "13.2-RELEASE-p4");
	rec_free(r);
	r = run(b);
	assert_no_issues(r);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "macos");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os_version, "10.14.6");
	rec_free(r);
}
END_TEST

START_TEST(test_os_of_a_run_without_column_header_follows_earlier_evidence)
{
	static const char *const in[] = {
		TITLE,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		"Active UNIX domain sockets",
		"Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
		TITLE,
		"tcp4       0      0 *.22                   *.*                    LISTEN",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "macos");
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 1)->os, "freebsd");
	rec_free(r);
}
END_TEST

/* -------------------------------------------------------- robustness */

START_TEST(test_echoed_commands_are_not_issues)
{
	static const char *const in[] = {
		"$ date",
		"mac:~ admin$ sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last",
		"root@fbsd:~ # netstat -AanP",
		"+ netstat -an",
		"netstat -an",
		"user@mac ~ % uname -a",
		"sleep 900",
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_RANGE), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_lines_that_fit_no_rule_are_issues_and_input_goes_on)
{
	static const char *const in[] = {
		TITLE,
		MAC_COLS,
		"tcp4       0      0  *.22                   *.*                    LISTEN     ",
		"this line is not netstat output",
		"tcp4       0      0  10.1.1.5.99999         10.0.0.7.5432          ESTABLISHED",
		"tcp4       0      0  10.1.1.5",
		"udp4       0      0  10.1.1.5:500           *:*",
		"tcp4       0      0  10.1.1.5.50001         10.0.0.7.5432          ESTABLISHED",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(sock(r, 1)->line, 8);
	ck_assert_uint_eq(count(r, EV_ISSUE), 4);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->text,
	    "this line is not netstat output");
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 5);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 2)->line, 6);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 3)->line, 7);
	rec_free(r);
}
END_TEST

START_TEST(test_netstat_error_message_is_an_issue_not_an_echoed_command)
{
	static const char *const in[] = {
		"netstat: sysctl: net.inet.tcp.pcblist_n: Operation not permitted",
		TITLE,
		MAC_COLS,
		"udp4       0      0  *.5353                 *.*                               ",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_row_with_tabs_cr_and_leading_blanks_is_parsed)
{
	static const char *const in[] = {
		"  " TITLE "\r",
		"tcp4\t0\t0\t10.1.1.5.50001\t10.0.0.7.5432\tTIME_WAIT\r",
		"   udp4       0      0  *.5353                 *.*                 \t  \r",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->state, ST_TIME_WAIT);
	ck_assert_str_eq(nth(r, EV_SOCKET, 0)->state_raw, "TIME_WAIT");
	ck_assert_int_eq(sock(r, 0)->remote.port, 5432);
	ck_assert_int_eq(sock(r, 1)->state, ST_UNCONN);
	rec_free(r);
}
END_TEST

START_TEST(test_very_long_lines_do_not_stop_the_input)
{
	enum { LONG = 100000 };
	char		*garbage, *padded;
	const char	*in[6];
	struct rec	*r;
	size_t		 at;

	garbage = malloc(LONG + 1);
	padded = malloc(LONG + 200);
	ck_assert(garbage != NULL && padded != NULL);
	memset(garbage, 'x', LONG);
	garbage[LONG] = '\0';
	at = (size_t)sprintf(padded, "tcp4       0      0  10.1.1.5.50001");
	memset(padded + at, ' ', LONG);
	at += LONG;
	sprintf(padded + at, "10.0.0.7.5432   ESTABLISHED");
	in[0] = TITLE;
	in[1] = garbage;
	in[2] = padded;
	in[3] = "tcp4       0      0  *.22                   *.*                    LISTEN     ";
	in[4] = NULL;
	r = run(in);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->remote.port, 5432);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	rec_free(r);
	free(garbage);
	free(padded);
}
END_TEST

/* ------------------------------------------------------------- sniff */

START_TEST(test_sniff_scores_macos_An_output_high)
{
	static const char *const in[] = {
		"Active Internet connections",
		MAC_A_COLS,
		"7fb03cb94d505aed cedd0cbf tcp4       0      0  192.168.1.221.5486 140.82.113.26.443  ESTABLISHED",
		"7fb03cb93d5b800d        0 udp4       0      0  *.5353             *.*                           ",
	};

	ck_assert_int_eq(format_bsd_netstat.sniff(in, sizeof in / sizeof in[0]),
	    100);
	ck_assert_ptr_eq(format_sniff(in, sizeof in / sizeof in[0], NULL),
	    &format_bsd_netstat);
}
END_TEST

START_TEST(test_sniff_scores_rows_without_header_above_zero)
{
	static const char *const in[] = {
		"tcp46      0      0  *.80                   *.*                    LISTEN     ",
	};

	ck_assert_int_gt(format_bsd_netstat.sniff(in, 1), 0);
}
END_TEST

START_TEST(test_sniff_scores_linux_net_tools_zero)
{
	static const char *const in[] = {
		"Active Internet connections (servers and established)",
		"Proto Recv-Q Send-Q Local Address           Foreign Address         State      ",
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     ",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:51234          ESTABLISHED",
		"tcp6       0      0 :::22                   :::*                    LISTEN     ",
		"tcp6       0      0 ::ffff:10.0.0.5:8080    ::ffff:10.0.0.9:5123    ESTABLISHED",
		"udp6       0      0 fe80::1%eth0:123        :::*                               ",
		"Active UNIX domain sockets (servers and established)",
	};

	ck_assert_int_eq(format_bsd_netstat.sniff(in, sizeof in / sizeof in[0]),
	    0);
}
END_TEST

START_TEST(test_sniff_scores_ss_windows_and_powershell_zero)
{
	static const char *const ss[] = {
		"Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port",
		"tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*",
		"tcp   ESTAB  0      0      10.0.0.5:22        10.0.0.9:51234",
	};
	static const char *const win[] = {
		"Active Connections",
		"  Proto  Local Address          Foreign Address        State           PID",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  UDP    [::]:5355              *:*                                    1320",
	};
	static const char *const ps[] = {
		"LocalAddress LocalPort RemoteAddress RemotePort State       OwningProcess",
		"------------ --------- ------------- ---------- -----       -------------",
		"10.1.1.5     50001     10.0.0.7      1433       Established 4321",
	};

	ck_assert_int_eq(format_bsd_netstat.sniff(ss, 3), 0);
	ck_assert_int_eq(format_bsd_netstat.sniff(win, 4), 0);
	ck_assert_int_eq(format_bsd_netstat.sniff(ps, 3), 0);
}
END_TEST

/* The first SNIFF_LINES lines of a file, as the pipeline hands them over. */
static size_t
head(const char *path, char **lines)
{
	FILE	*f;
	char	 buf[70000];
	size_t	 n = 0, len;

	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (n < SNIFF_LINES && fgets(buf, sizeof buf, f) != NULL) {
		len = strlen(buf);
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		lines[n] = strdup(buf);
		ck_assert_ptr_nonnull(lines[n]);
		n++;
	}
	fclose(f);
	return n;
}

START_TEST(test_sniff_wins_on_bsd_corpus_files_and_is_zero_on_every_other)
{
	DIR			*d;
	struct dirent		*de;
	char			 path[1024], *lines[SNIFF_LINES];
	const struct format	*best;
	size_t			 n, i, files = 0, bsd = 0;
	int			 score;

	d = opendir(CORPUS);
	ck_assert_msg(d != NULL, "no corpus at %s", CORPUS);
	while ((de = readdir(d)) != NULL) {
		int is_bsd;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", CORPUS, de->d_name);
		is_bsd = strcmp(de->d_name, "osx-10.14.6_netstat-An.txt") == 0 ||
		    strcmp(de->d_name, "freebsd12_netstat-AanP.txt") == 0;
		n = head(path, lines);
		score = format_bsd_netstat.sniff((const char *const *)lines, n);
		best = format_sniff((const char *const *)lines, n, NULL);
		if (is_bsd) {
			ck_assert_msg(score == 100, "%s: score %d", de->d_name,
			    score);
			ck_assert_msg(best == &format_bsd_netstat, "%s: %s won",
			    de->d_name, best ? best->name : "nothing");
			bsd++;
		} else
			ck_assert_msg(score == 0, "%s: score %d", de->d_name,
			    score);
		for (i = 0; i < n; i++)
			free(lines[i]);
		files++;
	}
	closedir(d);
	ck_assert_uint_eq(bsd, 2);
	ck_assert_uint_gt(files, 20);
}
END_TEST

START_TEST(test_format_entry_names_its_commands_and_what_it_reads)
{
	ck_assert_ptr_eq(format_find("bsd-netstat"), &format_bsd_netstat);
	ck_assert_str_eq(format_bsd_netstat.system, "macOS/FreeBSD");
	ck_assert_ptr_nonnull(strstr(format_bsd_netstat.commands, "netstat -an"));
	ck_assert_ptr_nonnull(strstr(format_bsd_netstat.reads, "portrange"));
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("bsd_netstat");

	tc = tcase_create("rows");
	tcase_add_test(tc, test_an_tcp4_row_splits_each_endpoint_at_its_last_dot);
	tcase_add_test(tc, test_ipv6_endpoints_split_at_last_dot_with_zone_apart);
	tcase_add_test(tc, test_star_star_is_no_remote_and_star_local_is_the_wildcard_of_its_family);
	tcase_add_test(tc, test_family_comes_from_the_protocol_suffix_and_46_is_6);
	tcase_add_test(tc, test_udp_rows_without_state_are_unconn_with_no_state_raw);
	tcase_add_test(tc, test_every_bsd_state_spelling_maps_to_its_canonical_state);
	tcase_add_test(tc, test_unknown_state_is_stored_as_unknown_and_reported_once);
	tcase_add_test(tc, test_tcp_row_without_state_is_an_issue_and_still_stored);
	tcase_add_test(tc, test_An_socket_and_flowhash_columns_before_proto_are_skipped);
	tcase_add_test(tc, test_AanP_tcpcb_column_and_log_id_are_skipped);
	tcase_add_test(tc, test_service_and_host_names_without_n_are_kept_as_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("cut_columns");
	tcase_add_test(tc, test_cut_ipv6_host_is_kept_as_written_as_a_name_without_issue);
	tcase_add_test(tc, test_cut_ipv6_host_that_still_parses_is_a_name_too);
	tcase_add_test(tc, test_ipv6_host_shorter_than_the_cut_is_numeric_but_its_port_may_be_cut);
	tcase_add_test(tc, test_cut_ipv6_host_without_A_keeps_its_whole_port);
	tcase_add_test(tc, test_A_row_with_full_18_char_endpoint_keeps_port_digits_as_written);
	tcase_add_test(tc, test_row_without_A_column_takes_an_18_char_endpoint_whole);
	tcase_add_test(tc, test_run_made_with_W_cuts_nothing_after_its_first_long_endpoint);
	suite_add_tcase(s, tc);

	tc = tcase_create("anv");
	tcase_add_test(tc, test_anv_pid_column_is_found_by_its_header_name);
	tcase_add_test(tc, test_anv_pid_after_rxbytes_and_txbytes_columns);
	tcase_add_test(tc, test_anv_process_pid_value_may_hold_blanks);
	suite_add_tcase(s, tc);

	tc = tcase_create("sections");
	tcase_add_test(tc, test_unix_domain_sections_are_skipped_and_counted_not_issues);
	tcase_add_test(tc, test_kernel_sections_and_icmp_rows_are_skipped);
	tcase_add_test(tc, test_multipath_rows_are_skipped_and_internet_rows_after_them_read);
	tcase_add_test(tc, test_garbage_in_a_skipped_section_is_still_an_issue);
	suite_add_tcase(s, tc);

	tc = tcase_create("snapshots");
	tcase_add_test(tc, test_date_stamp_then_title_is_one_snapshot_with_the_stamp);
	tcase_add_test(tc, test_three_stamped_runs_are_three_snapshots);
	tcase_add_test(tc, test_titles_without_stamps_are_one_snapshot_each);
	tcase_add_test(tc, test_stamp_at_end_of_file_is_an_issue_and_no_snapshot);
	tcase_add_test(tc, test_title_with_no_sockets_is_an_empty_snapshot);
	tcase_add_test(tc, test_stamp_ends_a_skipped_section_and_rows_after_it_are_read);
	suite_add_tcase(s, tc);

	tc = tcase_create("ranges");
	tcase_add_test(tc, test_portrange_first_and_last_give_the_range_of_their_snapshot);
	tcase_add_test(tc, test_portrange_in_either_order_among_other_sysctl_lines);
	tcase_add_test(tc, test_portrange_out_of_bounds_is_an_issue_and_no_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("os");
	tcase_add_test(tc, test_os_is_freebsd_when_one_blank_precedes_local_address);
	tcase_add_test(tc, test_os_is_macos_when_two_blanks_precede_local_address);
	tcase_add_test(tc, test_os_is_macos_when_nothing_says);
	tcase_add_test(tc, test_os_and_version_from_uname_hold_for_the_whole_file);
	tcase_add_test(tc, test_os_and_version_from_sw_vers);
	tcase_add_test(tc, test_os_from_freebsd_version_and_sysctl_kern_lines);
	tcase_add_test(tc, test_os_of_a_run_without_column_header_follows_earlier_evidence);
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_add_test(tc, test_echoed_commands_are_not_issues);
	tcase_add_test(tc, test_lines_that_fit_no_rule_are_issues_and_input_goes_on);
	tcase_add_test(tc, test_netstat_error_message_is_an_issue_not_an_echoed_command);
	tcase_add_test(tc, test_row_with_tabs_cr_and_leading_blanks_is_parsed);
	tcase_add_test(tc, test_very_long_lines_do_not_stop_the_input);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_scores_macos_An_output_high);
	tcase_add_test(tc, test_sniff_scores_rows_without_header_above_zero);
	tcase_add_test(tc, test_sniff_scores_linux_net_tools_zero);
	tcase_add_test(tc, test_sniff_scores_ss_windows_and_powershell_zero);
	tcase_add_test(tc, test_sniff_wins_on_bsd_corpus_files_and_is_zero_on_every_other);
	tcase_add_test(tc, test_format_entry_names_its_commands_and_what_it_reads);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
