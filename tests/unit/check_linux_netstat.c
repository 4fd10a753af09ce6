/*
 * check_linux_netstat.c — tests for parsers/linux_netstat.c: socket rows of
 * net-tools `netstat -tanp`, `-anp`, `-tunap`, `-aeep`, `-lnp`, `-an`,
 * `-tanpo` and the same without -n (names), program names with blanks, the
 * "-" owner, User and Inode columns, tcp6/udp6, udp with and without a
 * state, raw and unix rows (skipped, not issues), snapshot boundaries
 * (headers, `date` stamps, collection loops), range statements, lines that
 * fit no rule, and the sniffer (hand-written lines, and every file of the
 * shared corpus against every sniffer).
 *
 * Lines come from string arrays and go through format_linux_netstat's
 * open/line/close into a recording sink that copies every event (the
 * pointers in an event are borrowed), so each test looks at what the parser
 * said, in order, after the fact.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/addr.h"
#include "parsers/format.h"
#include "parsers/record.h"
#include "parsers/stamp.h"

#define TEXT_MAX	512
#define CORPUS		"../shared/corpus/"

Suite	*suite(void);

#define RECORD_FORMAT	format_linux_netstat
#include "tests/unit/recorder.h"

#define HEAD_ALL   "Active Internet connections (servers and established)"
#define HEAD_LST   "Active Internet connections (only servers)"
#define HEAD_WO    "Active Internet connections (w/o servers)"
#define COLS_P     "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    "
#define COLS_N     "Proto Recv-Q Send-Q Local Address           Foreign Address         State      "
#define COLS_EP    "Proto Recv-Q Send-Q Local Address           Foreign Address         State       User       Inode      PID/Program name    "
#define COLS_PO    "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name     Timer"
#define UNIX_HEAD  "Active UNIX domain sockets (servers and established)"
#define UNIX_COLS  "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path"

/* ---------------------------------------------------------------- rows */

START_TEST(test_tanp_ipv4_row_has_every_field)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 127.0.0.1:47001         127.0.0.1:41848         ESTABLISHED 3026/python3        ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 0);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "127.0.0.1");
	ck_assert_int_eq(k->local.port, 47001);
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert_str_eq(k->remote.addr, "127.0.0.1");
	ck_assert_int_eq(k->remote.port, 41848);
	ck_assert_int_eq(k->remote.numeric, 1);
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	ck_assert(e->has_state_raw);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(k->pid, 3026);
	ck_assert(e->has_process);
	ck_assert_str_eq(e->process, "python3");
	ck_assert(!e->has_service);
	ck_assert(!e->has_owner);
	ck_assert_uint_eq(k->line, 3);
	rec_free(r);
}
END_TEST

START_TEST(test_listener_with_zero_star_remote_has_no_remote)
{
	static const char *const in[] = {
		HEAD_LST,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1206/sshd           ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_int_eq(k->local.port, 22);
	ck_assert(addr_is_none(&k->remote));
	ck_assert_int_eq(k->state, ST_LISTEN);
	ck_assert_int_eq(k->pid, 1206);
	rec_free(r);
}
END_TEST

START_TEST(test_dash_program_means_no_owner_and_pid_minus_one)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 127.0.0.1:41848         127.0.0.1:47001         FIN_WAIT2   -                   ",
		"tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      -",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	ck_assert_int_eq(e->sock.state, ST_FIN_WAIT_2);
	ck_assert_str_eq(e->state_raw, "FIN_WAIT2");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	ck_assert_int_eq(e->sock.state, ST_LISTEN);
	rec_free(r);
}
END_TEST

START_TEST(test_program_name_with_spaces_is_kept_whole)
{
	static const char *const in[] = {
		HEAD_LST,
		COLS_P,
		"tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1234/nginx: master p",
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      600/sshd: /usr/sbin",
		"udp        0      0 0.0.0.0:37300           0.0.0.0:*                           1204/pgpool: heartb ",
		"tcp        0      0 127.0.0.1:22            127.0.0.1:33098         ESTABLISHED 2322/sshd: kbrazil  ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 1234);
	ck_assert_str_eq(e->process, "nginx: master p");
	ck_assert_int_eq(e->sock.state, ST_LISTEN);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.pid, 600);
	ck_assert_str_eq(e->process, "sshd: /usr/sbin");
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.pid, 1204);
	ck_assert_str_eq(e->process, "pgpool: heartb");
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert(!e->has_state_raw);
	e = nth(r, EV_SOCKET, 3);
	ck_assert_int_eq(e->sock.pid, 2322);
	ck_assert_str_eq(e->process, "sshd: kbrazil");
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	rec_free(r);
}
END_TEST

START_TEST(test_relative_program_path_is_reduced_to_its_name)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 127.0.0.1:41848         127.0.0.1:47001         ESTABLISHED 3028/./leakyclient  ",
		"tcp        0      0 127.0.0.1:41850         127.0.0.1:47001         ESTABLISHED 3029/../bin/app -x  ",
		"tcp        0      0 127.0.0.1:41852         127.0.0.1:47001         ESTABLISHED 3030/kworker/0:1    ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_str_eq(nth(r, EV_SOCKET, 0)->process, "leakyclient");
	ck_assert_int_eq(sock(r, 0)->pid, 3028);
	ck_assert_str_eq(nth(r, EV_SOCKET, 1)->process, "app -x");
	/* Not a path: a slash inside a name stays. */
	ck_assert_str_eq(nth(r, EV_SOCKET, 2)->process, "kworker/0:1");
	rec_free(r);
}
END_TEST

START_TEST(test_tcp6_wildcard_three_colons_splits_at_the_last_colon)
{
	static const char *const in[] = {
		HEAD_LST,
		COLS_P,
		"tcp6       0      0 :::22                   :::*                    LISTEN      1206/sshd           ",
		"tcp6       0      0 ::1:25                  :::*                    LISTEN      1469/master         ",
		"udp6       0      0 ::1:323                 :::*                                795/chronyd         ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert_int_eq(k->local.port, 22);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::1");
	ck_assert_int_eq(k->local.port, 25);
	k = sock(r, 2);
	ck_assert_int_eq(k->proto, PROTO_UDP);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::1");
	ck_assert_int_eq(k->local.port, 323);
	ck_assert_int_eq(k->state, ST_UNCONN);
	ck_assert_int_eq(k->pid, 795);
	rec_free(r);
}
END_TEST

START_TEST(test_ipv6_cups_loopback_port_631)
{
	static const char *const in[] = {
		"tcp6       0      0 ::1:631                 :::*                    LISTEN      880/cupsd           ",
		"tcp6       0      0 fe80::1:22              fe80::2:50123           ESTABLISHED 900/sshd: root@pts/0",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->sock.local.addr, "::1");
	ck_assert_int_eq(e->sock.local.port, 631);
	ck_assert_str_eq(e->process, "cupsd");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->sock.local.addr, "fe80::1");
	ck_assert_int_eq(e->sock.local.port, 22);
	ck_assert_str_eq(e->sock.remote.addr, "fe80::2");
	ck_assert_int_eq(e->sock.remote.port, 50123);
	ck_assert_str_eq(e->process, "sshd: root@pts/0");
	rec_free(r);
}
END_TEST

START_TEST(test_tcp6_row_with_ipv4_addresses_is_family_6)
{
	/* net-tools shows IPv4-mapped peers of a dual-stack socket as IPv4. */
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp6       0      0 127.0.0.1:47103         127.0.0.1:53866         ESTABLISHED 4149/python3        ",
		"tcp6       0      0 ::ffff:10.0.0.5:8080    ::ffff:10.0.0.9:51000   TIME_WAIT   -                   ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "127.0.0.1");
	ck_assert_int_eq(k->local.port, 47103);
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::ffff:10.0.0.5");
	ck_assert_int_eq(k->local.port, 8080);
	ck_assert_str_eq(k->remote.addr, "::ffff:10.0.0.9");
	ck_assert_int_eq(k->state, ST_TIME_WAIT);
	rec_free(r);
}
END_TEST

START_TEST(test_names_without_n_are_kept_as_written)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 localhost:ssh           localhost:33098         ESTABLISHED 2322/sshd: kbrazil  ",
		"tcp6       0      0 [::]:ssh                [::]:*                  LISTEN      1161/sshd           ",
		"udp        0      0 kbrazil-ubuntu:bootpc   0.0.0.0:*                           874/systemd-network ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "localhost");
	ck_assert_int_eq(k->local.port, -1);
	ck_assert_str_eq(k->local.port_name, "ssh");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_str_eq(k->remote.addr, "localhost");
	ck_assert_int_eq(k->remote.port, 33098);
	ck_assert_int_eq(k->remote.numeric, 0);
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert_str_eq(k->local.port_name, "ssh");
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 2);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "kbrazil-ubuntu");
	ck_assert_str_eq(k->local.port_name, "bootpc");
	ck_assert(addr_is_none(&k->remote));
	rec_free(r);
}
END_TEST

START_TEST(test_star_star_remote_is_no_remote)
{
	static const char *const in[] = {
		"udp        0      0 *:bootpc                *:*                                 874/dhclient        ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "*");
	ck_assert_str_eq(k->local.port_name, "bootpc");
	ck_assert(addr_is_none(&k->remote));
	ck_assert_int_eq(k->family, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_udp_without_state_is_unconn_and_with_established_is_established)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"udp        0      0 127.0.0.1:47110         0.0.0.0:*                           4152/python3        ",
		"udp        0      0 127.0.0.1:45705         127.0.0.1:47110         ESTABLISHED 4152/python3        ",
		"udp        0      0 0.0.0.0:68              0.0.0.0:*                           -                   ",
		"udp        0      0 0.0.0.0:5353            0.0.0.0:*                          ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.proto, PROTO_UDP);
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert(!e->has_state_raw);
	ck_assert_int_eq(e->sock.pid, 4152);
	ck_assert_str_eq(e->process, "python3");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(e->sock.remote.port, 47110);
	ck_assert_int_eq(e->sock.pid, 4152);
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	e = nth(r, EV_SOCKET, 3);
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert_int_eq(e->sock.pid, -1);
	rec_free(r);
}
END_TEST

START_TEST(test_an_rows_without_program_column)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_N,
		"tcp        0      0 127.0.0.1:47104         0.0.0.0:*               LISTEN     ",
		"tcp        0      1 127.0.0.1:47060         127.0.0.1:47105         SYN_SENT   ",
		"udp6       0      0 ::1:47111               :::*                               ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.state, ST_LISTEN);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_SYN_SENT);
	ck_assert_int_eq(e->sock.pid, -1);
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert_int_eq(e->sock.family, 6);
	rec_free(r);
}
END_TEST

START_TEST(test_aeep_user_becomes_owner_and_inode_is_not_the_pid)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_EP,
		"tcp        0      0 localhost:domain        0.0.0.0:*               LISTEN      systemd-resolve 26985      893/systemd-resolve ",
		"tcp        0      0 localhost:ssh           localhost:33098         ESTABLISHED root       44626      2322/sshd: kbrazil  ",
		"udp        0      0 localhost:domain        0.0.0.0:*                           systemd-resolve 26984      893/systemd-resolve ",
		"tcp        0      0 localhost:38448         localhost:47101         FIN_WAIT2   root       0          -                   ",
		"udp        0      0 localhost:49919         localhost:47110         ESTABLISHED root       121483     4959/python3        ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 5);
	e = nth(r, EV_SOCKET, 0);
	ck_assert(e->has_owner);
	ck_assert_str_eq(e->owner, "systemd-resolve");
	ck_assert_int_eq(e->sock.pid, 893);
	ck_assert_str_eq(e->process, "systemd-resolve");
	ck_assert_int_eq(e->sock.state, ST_LISTEN);
	ck_assert_str_eq(e->state_raw, "LISTEN");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->owner, "root");
	ck_assert_int_eq(e->sock.pid, 2322);
	ck_assert_str_eq(e->process, "sshd: kbrazil");
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.proto, PROTO_UDP);
	ck_assert_str_eq(e->owner, "systemd-resolve");
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert(!e->has_state_raw);
	ck_assert_int_eq(e->sock.pid, 893);
	e = nth(r, EV_SOCKET, 3);
	ck_assert_str_eq(e->owner, "root");
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert_int_eq(e->sock.state, ST_FIN_WAIT_2);
	e = nth(r, EV_SOCKET, 4);
	ck_assert_str_eq(e->owner, "root");
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_int_eq(e->sock.pid, 4959);
	rec_free(r);
}
END_TEST

START_TEST(test_numeric_uid_with_e_is_the_owner)
{
	static const char *const in[] = {
		"tcp        0      0 10.0.0.5:50000          10.0.0.7:443            TIME_WAIT   0          0          -                   ",
		"tcp        0      0 10.0.0.5:50001          10.0.0.7:443            ESTABLISHED 1000       55123      4242/java           ",
		"tcp        0      0 10.0.0.5:50002          10.0.0.7:443            ESTABLISHED 1000       55124     ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->owner, "0");
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->owner, "1000");
	ck_assert_int_eq(e->sock.pid, 4242);
	ck_assert_str_eq(e->process, "java");
	/* -e without -p: User and Inode end the line. */
	e = nth(r, EV_SOCKET, 2);
	ck_assert_str_eq(e->owner, "1000");
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	rec_free(r);
}
END_TEST

START_TEST(test_every_nettools_state_spelling_maps_to_its_canonical_state)
{
	static const struct {
		const char	*word;
		enum state	 st;
	} want[] = {
		{ "ESTABLISHED", ST_ESTABLISHED },
		{ "SYN_SENT", ST_SYN_SENT },
		{ "SYN_RECV", ST_SYN_RECEIVED },
		{ "FIN_WAIT1", ST_FIN_WAIT_1 },
		{ "FIN_WAIT2", ST_FIN_WAIT_2 },
		{ "TIME_WAIT", ST_TIME_WAIT },
		{ "CLOSE", ST_CLOSED },
		{ "CLOSE_WAIT", ST_CLOSE_WAIT },
		{ "LAST_ACK", ST_LAST_ACK },
		{ "LISTEN", ST_LISTEN },
		{ "CLOSING", ST_CLOSING },
	};
	enum { N = sizeof want / sizeof want[0] };
	char		 buf[N][160];
	const char	*in[N + 1];
	struct rec	*r;
	size_t		 i;

	for (i = 0; i < N; i++) {
		snprintf(buf[i], sizeof buf[i], "tcp        0      0 "
		    "10.0.0.5:%-5zu          10.0.0.7:443            %-11s "
		    "%zu/app          ", 40000 + i, want[i].word, 100 + i);
		in[i] = buf[i];
	}
	in[N] = NULL;
	r = run(in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), N);
	for (i = 0; i < N; i++) {
		const struct ev *e = nth(r, EV_SOCKET, i);

		ck_assert_msg(e->sock.state == want[i].st, "%s -> %s",
		    want[i].word, state_name(e->sock.state));
		ck_assert_str_eq(e->state_raw, want[i].word);
		ck_assert_int_eq(e->sock.pid, (long)(100 + i));
	}
	rec_free(r);
}
END_TEST

START_TEST(test_unknown_state_is_stored_as_unknown_and_reported_once)
{
	static const char *const in[] = {
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            UNKNOWN     100/app",
		"tcp        0      0 10.0.0.5:40001          10.0.0.7:443            UNKNOWN     101/app",
		"tcp        0      0 10.0.0.5:40002          10.0.0.7:443            VERBUNDEN   102/app",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason, "UNKNOWN"));
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 3);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 1)->reason,
	    "VERBUNDEN"));
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.state, ST_UNKNOWN);
	ck_assert_str_eq(e->state_raw, "VERBUNDEN");
	ck_assert_int_eq(e->sock.pid, 102);
	rec_free(r);
}
END_TEST

START_TEST(test_two_word_translated_state_keeps_pid_and_owner)
{
	/* net-tools in Czech writes LAST_ACK as "POSLEDNÍ ACK". */
	static const char *const in[] = {
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            POSLEDNÍ ACK root       4711       300/curl            ",
		"tcp        0      0 10.0.0.5:40001          10.0.0.7:443            POSLEDNÍ ACK 300/curl",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);	/* the word, once */
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->state_raw, "POSLEDNÍ ACK");
	ck_assert_str_eq(e->owner, "root");
	ck_assert_int_eq(e->sock.pid, 300);
	ck_assert_str_eq(e->process, "curl");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->state_raw, "POSLEDNÍ ACK");
	ck_assert(!e->has_owner);
	ck_assert_int_eq(e->sock.pid, 300);
	rec_free(r);
}
END_TEST

START_TEST(test_timer_column_is_not_part_of_the_program_name)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_PO,
		"tcp        0      0 127.0.0.1:47104         0.0.0.0:*               LISTEN      4956/python3         off (0.00/0/0)",
		"tcp        0      1 127.0.0.1:47060         127.0.0.1:47105         SYN_SENT    4958/python3         on (0.38/1/0)",
		"tcp        0      0 127.0.0.1:59018         127.0.0.1:47104         TIME_WAIT   -                    timewait (52.31/0/0)",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:5000           ESTABLISHED 2322/sshd: kbrazil   keepalive (7190.88/0/0)",
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            ESTABLISHED off (0.00/0/0)",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 5);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->process, "python3");
	ck_assert_int_eq(e->sock.pid, 4956);
	ck_assert_int_eq(e->sock.state, ST_LISTEN);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->process, "python3");
	ck_assert_int_eq(e->sock.state, ST_SYN_SENT);
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	e = nth(r, EV_SOCKET, 3);
	ck_assert_str_eq(e->process, "sshd: kbrazil");
	ck_assert_int_eq(e->sock.pid, 2322);
	/* -o without -p: the timer ends the line. */
	e = nth(r, EV_SOCKET, 4);
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(e->sock.pid, -1);
	rec_free(r);
}
END_TEST

START_TEST(test_tcp_row_without_state_is_an_issue_and_still_stored)
{
	static const char *const in[] = {
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443                        100/app",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNKNOWN);
	ck_assert_int_eq(sock(r, 0)->pid, 100);
	rec_free(r);
}
END_TEST

START_TEST(test_ipv6_address_cut_by_netstat_is_kept_as_written_and_reported_once)
{
	/* Without -W net-tools cuts "2001:db8:1234:5678:9abc::1" to fit. */
	static const char *const in[] = {
		"tcp6       0      0 2001:db8:1234:5678:9:443 2001:db8::7:51000       ESTABLISHED 100/nginx",
		"tcp6       0      0 2001:db8:1234:5678:9:443 2001:db8::7:51001       ESTABLISHED 100/nginx",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "2001:db8:1234:5678:9");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_int_eq(k->local.port, 443);
	ck_assert_str_eq(k->remote.addr, "2001:db8::7");
	ck_assert_int_eq(k->remote.port, 51000);
	ck_assert_int_eq(k->remote.numeric, 1);
	ck_assert_int_eq(k->pid, 100);
	rec_free(r);
}
END_TEST

START_TEST(test_socket_line_that_cannot_be_read_is_an_issue)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 127.0.0.1:47001",
		"tcp        x      0 127.0.0.1:47001         127.0.0.1:41848         ESTABLISHED 3026/python3",
		"tcp        0      0 127.0.0.1.47001         127.0.0.1.41848         ESTABLISHED 3026/python3",
		"tcp        0      0 127.0.0.1:47001         127.0.0.1:41848         ESTABLISHED 3026/python3",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 3);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 4);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 2)->line, 5);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->text,
	    "tcp        0      0 127.0.0.1:47001");
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(sock(r, 0)->line, 6);
	rec_free(r);
}
END_TEST

START_TEST(test_blanks_tabs_and_cr_around_a_row_do_not_matter)
{
	static const char *const in[] = {
		"  tcp\t0\t0 10.0.0.5:40000\t10.0.0.7:443   ESTABLISHED\t100/app  \r",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_int_eq(e->sock.pid, 100);
	ck_assert_str_eq(e->process, "app");
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------- skipped sections */

START_TEST(test_raw_rows_are_skipped_not_issues)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"raw6       0      0 :::58                   :::*                    7           867/systemd-network ",
		"raw        0      0 0.0.0.0:1               0.0.0.0:*               7           4152/python3        ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 4);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "raw");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_unix_section_rows_are_skipped_and_start_no_snapshot)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		UNIX_HEAD,
		UNIX_COLS,
		"unix  2      [ ACC ]     STREAM     LISTENING     20812    1/init               /run/udev/control",
		"unix  3      [ ]         DGRAM                    20676    1/init               /run/systemd/notify",
		"unix  3      [ ]         STREAM     CONNECTED     44880    2322/sshd: kbrazil   ",
		"unix  2      [ ]         DGRAM                    34693    1898/systemd         /run/user/1000/a path with spaces",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 4);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "unix");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 6);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 3)->line, 9);
	rec_free(r);
}
END_TEST

START_TEST(test_other_family_sections_are_skipped_not_issues)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"Active Bluetooth connections (servers and established)",
		"Proto  Destination       Source            State         PSM DCID   SCID      IMTU    OMTU Security",
		"l2cap  00:00:00:00:00:00 00:1A:7D:DA:71:13 LISTEN        1   0x0000 0x0000    672     0    LOW",
		"Proto  Destination       Source            State     Channel",
		"rfcomm 00:00:00:00:00:00 00:1A:7D:DA:71:13 LISTEN    1",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 6);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 8);
	rec_free(r);
}
END_TEST

START_TEST(test_not_all_processes_note_and_echoed_command_are_not_issues)
{
	static const char *const in[] = {
		"$ netstat -tanp",
		"(Not all processes could be identified, non-owned process info",
		" will not be shown, you would have to be root to see it all.)",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      -                   ",
		"root@web01:~# /bin/netstat -tanp",
		"(No info could be read for \"-p\": geteuid()=1000 but you should be root.)",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_garbage_lines_are_issues_with_line_numbers_and_input_goes_on)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"Dear support, here is the output you asked for",
		"",
		"^C",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:5000           ESTABLISHED 1127/sshd           ",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 6);
	ck_assert_str_eq(nth(r, EV_ISSUE, 1)->text, "^C");
	ck_assert_uint_eq(sock(r, 1)->line, 7);
	rec_free(r);
}
END_TEST

START_TEST(test_garbage_in_the_unix_section_is_still_an_issue)
{
	static const char *const in[] = {
		UNIX_HEAD,
		UNIX_COLS,
		"unix  2      [ ACC ]     STREAM     LISTENING     20812    1/init               /run/udev/control",
		"Regards, the admin",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------------ snapshots */

START_TEST(test_header_opens_one_linux_snapshot_at_its_line)
{
	static const char *const in[] = {
		"",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:5000           ESTABLISHED 1127/sshd           ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*s;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	s = nth(r, EV_SNAPSHOT, 0);
	ck_assert_uint_eq(s->line, 2);
	ck_assert_str_eq(s->os, "linux");
	ck_assert(!s->has_stamp);
	ck_assert(!s->has_os_version);
	rec_free(r);
}
END_TEST

START_TEST(test_headerless_rows_make_one_snapshot)
{
	/* `netstat -tanp | grep 47001`: rows only. */
	static const char *const in[] = {
		"tcp        0      0 127.0.0.1:47001         127.0.0.1:41848         ESTABLISHED 3026/python3        ",
		"tcp        1      0 127.0.0.1:47001         127.0.0.1:41962         CLOSE_WAIT  3026/python3        ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	ck_assert_uint_eq(r->ev[0].line, 1);
	ck_assert_str_eq(r->ev[0].os, "linux");
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	rec_free(r);
}
END_TEST

START_TEST(test_date_stamp_then_header_is_one_snapshot_with_the_stamp)
{
	static const char *const in[] = {
		"Mon Nov 23 23:57:01 UTC 2026",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*s;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	s = nth(r, EV_SNAPSHOT, 0);
	ck_assert_uint_eq(s->line, 1);
	ck_assert(s->has_stamp);
	ck_assert_int_eq(s->stamp.year, 2026);
	ck_assert_int_eq(s->stamp.hour, 23);
	ck_assert_int_eq(s->stamp.min, 57);
	ck_assert_int_eq(s->stamp.sec, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_collection_loop_runs_are_one_snapshot_each)
{
	static const char *const in[] = {
		"Mon Nov 23 23:57:01 UTC 2026",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"Mon Nov 23 23:57:06 UTC 2026",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:5000           ESTABLISHED 1127/sshd           ",
		"2026-11-23T23:57:11+00:00",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 3);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 5);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 2)->line, 10);
	ck_assert(nth(r, EV_SNAPSHOT, 2)->has_stamp);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.sec, 6);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 3), 2);
	rec_free(r);
}
END_TEST

START_TEST(test_anp_runs_with_unix_sections_are_one_snapshot_each)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		UNIX_HEAD,
		UNIX_COLS,
		"unix  2      [ ACC ]     STREAM     LISTENING     20812    1/init               /run/udev/control",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		UNIX_HEAD,
		UNIX_COLS,
		"unix  2      [ ACC ]     STREAM     LISTENING     20812    1/init               /run/udev/control",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 7);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_header_without_rows_is_an_empty_snapshot)
{
	static const char *const in[] = {
		HEAD_WO,
		COLS_P,
		HEAD_WO,
		COLS_P,
		"tcp        0      0 10.0.0.5:22             10.0.0.9:5000           ESTABLISHED 1127/sshd           ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_stamp_at_end_of_file_is_an_issue_and_no_snapshot)
{
	static const char *const in[] = {
		"Mon Nov 23 23:57:01 UTC 2026",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"Mon Nov 23 23:57:06 UTC 2026",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_translated_headers_start_snapshots)
{
	static const char *const in[] = {
		"Aktive Internetverbindungen (Server und stehende Verbindungen)",
		"Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ",
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"Connexions Internet actives (serveurs et établies)",
		"Proto Recv-Q Send-Q Adresse locale          Adresse distante        Etat        PID/Program name    ",
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"Sockets du domaine UNIX actives(serveurs et établies)",
		"unix  2      [ ACC ]     STREAM     LISTENING     20812    1/init               /run/udev/control",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 4);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	rec_free(r);
}
END_TEST

/* --------------------------------------------------------------- ranges */

START_TEST(test_sysctl_range_before_a_run_is_sent_after_its_snapshot)
{
	static const char *const in[] = {
		"net.ipv4.ip_local_port_range = 32768\t60999",
		"Mon Nov 23 23:57:01 UTC 2026",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            ESTABLISHED 100/app",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	e = nth(r, EV_RANGE, 0);
	ck_assert_int_eq(e->range.lo, 32768);
	ck_assert_int_eq(e->range.hi, 60999);
	ck_assert_int_eq(e->range.proto, PROTO_TCP);
	ck_assert_uint_eq(e->range.line, 1);
	ck_assert_str_eq(e->source, "net.ipv4.ip_local_port_range");
	rec_free(r);
}
END_TEST

START_TEST(test_range_between_stamp_and_header_belongs_to_that_snapshot)
{
	static const char *const in[] = {
		"Mon Nov 23 23:57:01 UTC 2026",
		"net.ipv4.ip_local_port_range = 40000 40999",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            ESTABLISHED 100/app",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	/* snapshot, then its range, then the socket */
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	ck_assert_uint_eq(r->ev[0].line, 1);
	ck_assert_int_eq(r->ev[1].kind, EV_RANGE);
	ck_assert_int_eq(r->ev[1].range.lo, 40000);
	ck_assert_int_eq(r->ev[1].range.hi, 40999);
	ck_assert_int_eq(r->ev[2].kind, EV_SOCKET);
	rec_free(r);
}
END_TEST

START_TEST(test_range_after_the_rows_applies_from_there)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            ESTABLISHED 100/app",
		"$ cat /proc/sys/net/ipv4/ip_local_port_range",
		"1024\t65000",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(r->ev[r->n - 1].kind, EV_RANGE);
	e = nth(r, EV_RANGE, 0);
	ck_assert_int_eq(e->range.lo, 1024);
	ck_assert_int_eq(e->range.hi, 65000);
	ck_assert_uint_eq(e->range.line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_range_out_of_bounds_is_an_issue_and_no_range)
{
	static const char *const in[] = {
		"net.ipv4.ip_local_port_range = 60999 32768",
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 10.0.0.5:40000          10.0.0.7:443            ESTABLISHED 100/app",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_RANGE), 0);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_echoed_sysctl_command_is_no_issue_and_labels_sysctl_n_value)
{
	static const char *const in[] = {
		"$ sysctl net.ipv4.ip_local_port_range",
		"net.ipv4.ip_local_port_range = 32768\t60999",
		"$ sudo /sbin/sysctl -n net.ipv4.ip_local_port_range",
		"15000\t25000",
		"tcp        0      0 10.0.0.5:20000          10.0.0.7:443            ESTABLISHED 100/app",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 2);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 32768);
	ck_assert_uint_eq(nth(r, EV_RANGE, 0)->range.line, 2);
	ck_assert_int_eq(nth(r, EV_RANGE, 1)->range.lo, 15000);
	ck_assert_int_eq(nth(r, EV_RANGE, 1)->range.hi, 25000);
	ck_assert_uint_eq(nth(r, EV_RANGE, 1)->range.line, 4);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- sniff */

static int
sniff(const char *const *in)
{
	size_t	n;

	for (n = 0; in[n] != NULL; n++)
		;
	return format_linux_netstat.sniff(in, n);
}

START_TEST(test_sniff_scores_header_and_rows_100_and_wins)
{
	static const char *const in[] = {
		HEAD_ALL,
		COLS_P,
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1127/sshd           ",
		"udp        0      0 0.0.0.0:68              0.0.0.0:*                           535/dhclient",
		NULL
	};
	int	score;

	ck_assert_int_eq(sniff(in), 100);
	ck_assert_ptr_eq(format_sniff(in, 4, &score), &format_linux_netstat);
	ck_assert_int_eq(score, 100);
}
END_TEST

START_TEST(test_sniff_scores_column_header_or_rows_alone_above_zero)
{
	static const char *const cols[] = { COLS_EP, NULL };
	static const char *const rows[] = {
		"tcp        0      0 127.0.0.1:47001         127.0.0.1:41848         ESTABLISHED 3026/python3        ",
		"tcp        1      0 127.0.0.1:47001         127.0.0.1:41962         CLOSE_WAIT  3026/python3        ",
		"tcp        0      0 127.0.0.1:41848         127.0.0.1:47001         FIN_WAIT2   -                   ",
		NULL
	};
	static const char *const loop[] = {
		"net.ipv4.ip_local_port_range = 32768\t60999",
		"Mon Nov 23 23:57:01 UTC 2026",
		HEAD_ALL,
		COLS_P,
		NULL
	};

	ck_assert_int_gt(sniff(cols), 0);
	ck_assert_int_gt(sniff(rows), 0);
	ck_assert_int_gt(sniff(loop), 0);
	ck_assert_int_gt(sniff(rows + 2), 0);
}
END_TEST

START_TEST(test_sniff_scores_ss_output_zero)
{
	static const char *const tan[] = {
		"State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process",
		"LISTEN     0      128          0.0.0.0:2024       0.0.0.0:*",
		"ESTAB      0      0          127.0.0.1:47001    127.0.0.1:41848 users:((\"python3\",pid=3026,fd=4))",
		NULL
	};
	static const char *const netid[] = {
		"Netid  State      Recv-Q Send-Q Local Address:Port                 Peer Address:Port",
		"tcp    LISTEN     0      128    0.0.0.0:ssh                        0.0.0.0:*",
		"udp    UNCONN     0      0      127.0.0.53%lo:domain               0.0.0.0:*",
		NULL
	};
	static const char *const noheader[] = {
		"tcp    LISTEN     0      128    0.0.0.0:22                        0.0.0.0:*",
		"tcp    ESTAB      0      0      10.0.0.5:22                       10.0.0.9:5000",
		NULL
	};

	ck_assert_int_eq(sniff(tan), 0);
	ck_assert_int_eq(sniff(netid), 0);
	ck_assert_int_eq(sniff(noheader), 0);
}
END_TEST

START_TEST(test_sniff_scores_bsd_and_macos_netstat_zero)
{
	static const char *const bsd[] = {
		"Active Internet connections (including servers)",
		"Proto Recv-Q Send-Q Local Address          Foreign Address        (state)",
		"tcp4       0      0 192.168.71.163.22      192.168.71.1.64330     ESTABLISHED",
		"tcp6       0      0 *.22                   *.*                    LISTEN",
		"udp4       0      0 *.514                  *.*",
		NULL
	};
	static const char *const mac[] = {
		"Active Internet connections",
		"Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)",
		"tcp6       0      0  fe80::1%lo0.631        *.*                    LISTEN",
		"tcp6       0      0  ::1.631                *.*                    LISTEN",
		NULL
	};

	static const char *const shared[] = {
		"Active Internet connections (including servers)",
		NULL
	};

	ck_assert_int_eq(sniff(bsd), 0);
	ck_assert_int_eq(sniff(mac), 0);
	/* The header BSD shares with Linux says nothing of Linux alone. */
	ck_assert_int_eq(sniff(shared), 0);
}
END_TEST

START_TEST(test_sniff_scores_windows_and_powershell_zero)
{
	static const char *const win[] = {
		"",
		"Active Connections",
		"",
		"  Proto  Local Address          Foreign Address        State           PID",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  UDP    0.0.0.0:500            *:*                                    3104",
		NULL
	};
	static const char *const ps[] = {
		"LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess",
		"------------                        --------- -------------                       ---------- -----       -------------- -------------",
		"10.1.1.5                            49712     10.0.0.7                            1433       Established Internet       4321",
		NULL
	};
	static const char *const text[] = {
		"Dear support,",
		"the server loses the network every few days.",
		NULL
	};

	ck_assert_int_eq(sniff(win), 0);
	ck_assert_int_eq(sniff(ps), 0);
	ck_assert_int_eq(sniff(text), 0);
}
END_TEST

/* The first SNIFF_LINES lines of a file, without line ends; NULL if none. */
static char **
head_of(const char *path, size_t *n)
{
	FILE	*fp;
	char	**v, *line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	v = calloc(SNIFF_LINES, sizeof *v);
	ck_assert_ptr_nonnull(v);
	*n = 0;
	while (*n < SNIFF_LINES && (len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		v[(*n)++] = strdup(line);
	}
	free(line);
	fclose(fp);
	return v;
}

START_TEST(test_sniff_every_corpus_file_against_every_sniffer)
{
	static const struct {
		const char	*file;
		int		 mine;
	} corpus[] = {
		{ "ubuntu-18.04_netstat-sudo-aeep.txt", 1 },
		{ "ubuntu-18.04_netstat-sudo-lnp-space.txt", 1 },
		{ "centos-7.7_netstat-sudo-lnp.txt", 1 },
		{ "linux-live_netstat-tanp.txt", 1 },
		{ "centos-7.7_ss-sudo-a.txt", 0 },
		{ "freebsd12_netstat-AanP.txt", 0 },
		{ "generic_ss-wide.txt", 0 },
		{ "linux-live_loopback.pcapng", 0 },
		{ "linux-live_loopback.tshark.csv", 0 },
		{ "linux-live_ss-tanp.txt", 0 },
		{ "linux-live_ss-tanpeio.txt", 0 },
		{ "osx-10.14.6_netstat-An.txt", 0 },
		{ "ubuntu-18.04_ss-sudo-a.txt", 0 },
		{ "ubuntu-18.04_ss-sudo-tulpen.txt", 0 },
		{ "windows-10_netstat-an.txt", 0 },
		{ "windows-10_netstat-aon.txt", 0 },
		{ "windows-10_netstat-aonb.txt", 0 },
		{ "windows-10_netstat.txt", 0 },
	};
	const struct format *const	*f;
	const struct format		*best;
	char				 path[256];
	char				**v;
	size_t				 i, j, n;
	int				 mine, score, found = 0;

	for (i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
		snprintf(path, sizeof path, CORPUS "%s", corpus[i].file);
		if ((v = head_of(path, &n)) == NULL)
			continue;	/* checked below: the corpus is there */
		found++;
		mine = format_linux_netstat.sniff((const char *const *)v, n);
		best = format_sniff((const char *const *)v, n, &score);
		if (corpus[i].mine) {
			ck_assert_msg(mine > 0, "%s: scored 0", corpus[i].file);
			for (f = formats; *f != NULL; f++)
				ck_assert_msg(*f == &format_linux_netstat ||
				    (*f)->sniff == NULL ||	/* binary */
				    (*f)->sniff((const char *const *)v, n) <
				    mine, "%s: %s scores %d, linux-netstat %d",
				    corpus[i].file, (*f)->name, (*f)->sniff(
				    (const char *const *)v, n), mine);
			ck_assert_ptr_eq(best, &format_linux_netstat);
		} else
			ck_assert_msg(mine == 0, "%s: scored %d",
			    corpus[i].file, mine);
		for (j = 0; j < n; j++)
			free(v[j]);
		free(v);
	}
	ck_assert_int_eq(found, (int)(sizeof corpus / sizeof corpus[0]));
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("linux_netstat");

	tc = tcase_create("rows");
	tcase_add_test(tc, test_tanp_ipv4_row_has_every_field);
	tcase_add_test(tc, test_listener_with_zero_star_remote_has_no_remote);
	tcase_add_test(tc, test_dash_program_means_no_owner_and_pid_minus_one);
	tcase_add_test(tc, test_program_name_with_spaces_is_kept_whole);
	tcase_add_test(tc, test_relative_program_path_is_reduced_to_its_name);
	tcase_add_test(tc, test_tcp6_wildcard_three_colons_splits_at_the_last_colon);
	tcase_add_test(tc, test_ipv6_cups_loopback_port_631);
	tcase_add_test(tc, test_tcp6_row_with_ipv4_addresses_is_family_6);
	tcase_add_test(tc, test_names_without_n_are_kept_as_written);
	tcase_add_test(tc, test_star_star_remote_is_no_remote);
	tcase_add_test(tc, test_udp_without_state_is_unconn_and_with_established_is_established);
	tcase_add_test(tc, test_an_rows_without_program_column);
	tcase_add_test(tc, test_aeep_user_becomes_owner_and_inode_is_not_the_pid);
	tcase_add_test(tc, test_numeric_uid_with_e_is_the_owner);
	tcase_add_test(tc, test_timer_column_is_not_part_of_the_program_name);
	tcase_add_test(tc, test_blanks_tabs_and_cr_around_a_row_do_not_matter);
	suite_add_tcase(s, tc);

	tc = tcase_create("states");
	tcase_add_test(tc, test_every_nettools_state_spelling_maps_to_its_canonical_state);
	tcase_add_test(tc, test_unknown_state_is_stored_as_unknown_and_reported_once);
	tcase_add_test(tc, test_two_word_translated_state_keeps_pid_and_owner);
	tcase_add_test(tc, test_tcp_row_without_state_is_an_issue_and_still_stored);
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_add_test(tc, test_ipv6_address_cut_by_netstat_is_kept_as_written_and_reported_once);
	tcase_add_test(tc, test_socket_line_that_cannot_be_read_is_an_issue);
	tcase_add_test(tc, test_not_all_processes_note_and_echoed_command_are_not_issues);
	tcase_add_test(tc, test_garbage_lines_are_issues_with_line_numbers_and_input_goes_on);
	tcase_add_test(tc, test_garbage_in_the_unix_section_is_still_an_issue);
	suite_add_tcase(s, tc);

	tc = tcase_create("skipped");
	tcase_add_test(tc, test_raw_rows_are_skipped_not_issues);
	tcase_add_test(tc, test_unix_section_rows_are_skipped_and_start_no_snapshot);
	tcase_add_test(tc, test_other_family_sections_are_skipped_not_issues);
	suite_add_tcase(s, tc);

	tc = tcase_create("snapshots");
	tcase_add_test(tc, test_header_opens_one_linux_snapshot_at_its_line);
	tcase_add_test(tc, test_headerless_rows_make_one_snapshot);
	tcase_add_test(tc, test_date_stamp_then_header_is_one_snapshot_with_the_stamp);
	tcase_add_test(tc, test_collection_loop_runs_are_one_snapshot_each);
	tcase_add_test(tc, test_anp_runs_with_unix_sections_are_one_snapshot_each);
	tcase_add_test(tc, test_header_without_rows_is_an_empty_snapshot);
	tcase_add_test(tc, test_stamp_at_end_of_file_is_an_issue_and_no_snapshot);
	tcase_add_test(tc, test_translated_headers_start_snapshots);
	suite_add_tcase(s, tc);

	tc = tcase_create("ranges");
	tcase_add_test(tc, test_sysctl_range_before_a_run_is_sent_after_its_snapshot);
	tcase_add_test(tc, test_range_between_stamp_and_header_belongs_to_that_snapshot);
	tcase_add_test(tc, test_range_after_the_rows_applies_from_there);
	tcase_add_test(tc, test_range_out_of_bounds_is_an_issue_and_no_range);
	tcase_add_test(tc, test_echoed_sysctl_command_is_no_issue_and_labels_sysctl_n_value);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_scores_header_and_rows_100_and_wins);
	tcase_add_test(tc, test_sniff_scores_column_header_or_rows_alone_above_zero);
	tcase_add_test(tc, test_sniff_scores_ss_output_zero);
	tcase_add_test(tc, test_sniff_scores_bsd_and_macos_netstat_zero);
	tcase_add_test(tc, test_sniff_scores_windows_and_powershell_zero);
	tcase_add_test(tc, test_sniff_every_corpus_file_against_every_sniffer);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
