/*
 * check_linux_ss.c — tests for parsers/linux_ss.c: ss rows in the common
 * flag sets (-tanp, -tunap, -antp, -a, -e, -o, -i, -m, -H, state filters),
 * several owners per socket, addresses (IPv4-mapped IPv6, zones, the "*"
 * wildcard of old and new ss), every ss state spelling, snapshots from
 * `date` stamps and headers, range statements, lines that fit no rule,
 * and the sniffer against every file of the shared corpus.
 *
 * Lines come from string arrays (or a fixture file through the decoder) and
 * go through format_linux_ss's open/line/close into a recording sink that
 * copies every event (the pointers in an event are borrowed), so each test
 * looks at what the parser said, in order, after the fact.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/addr.h"
#include "parsers/decode.h"
#include "parsers/format.h"
#include "parsers/record.h"
#include "parsers/stamp.h"

#define TEXT_MAX	512
#define CORPUS		"../shared/corpus"
#define FIXTURES	"tests/fixtures/linux-ss"

Suite	*suite(void);

#define RECORD_FORMAT	format_linux_ss
#include "tests/unit/recorder.h"

#define HEAD_TANP "State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process"
#define HEAD_TUNAP "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess"
#define HEAD_1804 "Netid  State    Recv-Q   Send-Q        Local Address:Port     Peer Address:Port"
#define HEAD_OLD "Netid  State      Recv-Q Send-Q Local Address:Port                 Peer Address:Port"
#define HEAD_OLD_T "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port"

/* ---------------------------------------------------------------- rows */

START_TEST(test_tanp_row_has_every_field)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB      0      0          127.0.0.1:47001    127.0.0.1:41848 users:((\"python3\",pid=3026,fd=123))    ",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	ck_assert_uint_eq(r->ev[0].line, 1);
	ck_assert_str_eq(r->ev[0].os, "linux");
	ck_assert(!r->ev[0].has_stamp);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "127.0.0.1");
	ck_assert_str_eq(k->local.zone, "");
	ck_assert_int_eq(k->local.port, 47001);
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert_str_eq(k->remote.addr, "127.0.0.1");
	ck_assert_int_eq(k->remote.port, 41848);
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	ck_assert_str_eq(e->state_raw, "ESTAB");
	ck_assert_int_eq(k->pid, 3026);
	ck_assert_str_eq(e->process, "python3");
	ck_assert_uint_eq(k->nmore, 0);
	ck_assert(!e->has_owner);
	ck_assert_ptr_null(k->service);
	ck_assert_uint_eq(k->line, 2);
	rec_free(r);
}
END_TEST

START_TEST(test_time_wait_without_users_has_pid_minus_one)
{
	static const char *const in[] = {
		HEAD_TANP,
		"TIME-WAIT  0      0          127.0.0.1:21988    127.0.0.1:35888",
		"FIN-WAIT-2 0      0          127.0.0.1:43812    127.0.0.1:21984                                           ",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	ck_assert_str_eq(e->state_raw, "TIME-WAIT");
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	ck_assert_uint_eq(e->sock.nmore, 0);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_FIN_WAIT_2);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	rec_free(r);
}
END_TEST

START_TEST(test_tunap_netid_column_gives_the_protocol)
{
	static const char *const in[] = {
		HEAD_TUNAP,
		"udp   UNCONN 0      0          127.0.0.1:21984      0.0.0.0:*     users:((\"ssscen\",pid=9147,fd=56))",
		"udp   ESTAB  0      0          127.0.0.1:56197    127.0.0.1:21984 users:((\"ssscen\",pid=9147,fd=57))",
		"tcp   LISTEN 0      64         127.0.0.1:21984      0.0.0.0:*     users:((\"ssscen\",pid=9147,fd=4))",
		"tcp   ESTAB  0      0          127.0.0.1:43642    127.0.0.1:21984 users:((\"ssscen\",pid=9147,fd=5))",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	ck_assert_int_eq(sock(r, 0)->proto, PROTO_UDP);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNCONN);
	ck_assert(addr_is_none(&sock(r, 0)->remote));
	ck_assert_int_eq(sock(r, 1)->proto, PROTO_UDP);
	ck_assert_int_eq(sock(r, 1)->state, ST_ESTABLISHED);
	ck_assert_int_eq(sock(r, 1)->remote.port, 21984);
	ck_assert_int_eq(sock(r, 2)->proto, PROTO_TCP);
	ck_assert_int_eq(sock(r, 2)->state, ST_LISTEN);
	ck_assert(addr_is_none(&sock(r, 2)->remote));
	ck_assert_int_eq(sock(r, 3)->proto, PROTO_TCP);
	rec_free(r);
}
END_TEST

START_TEST(test_antp_is_read_like_tanp)
{
	static const char *const in[] = {
		"$ ss -antp",
		HEAD_TANP,
		"LISTEN 0      4096       127.0.0.1:47001      0.0.0.0:*     users:((\"python3\",pid=3026,fd=3))",
		"SYN-SENT 0    1          127.0.0.1:58180    127.0.0.1:21989 users:((\"ssscen\",pid=9147,fd=75))",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert_int_eq(sock(r, 0)->proto, PROTO_TCP);
	ck_assert_int_eq(sock(r, 1)->state, ST_SYN_SENT);
	ck_assert_int_eq(sock(r, 1)->pid, 9147);
	rec_free(r);
}
END_TEST

START_TEST(test_a_unix_netlink_packet_raw_vsock_are_skipped_not_issues)
{
	static const char *const in[] = {
		HEAD_1804,
		"nl     UNCONN   0        0           rtnl:kernel                  *",
		"nl     UNCONN   4352     0        tcpdiag:ss/25293                *",
		"p_raw  UNCONN   0        0         LLDP:ens33                     *",
		"u_str  LISTEN   0        128   /run/user/1000/systemd/private 93069      * 0",
		"u_dgr  UNCONN   0        0     /run/systemd/journal/syslog 13378         * 0",
		"u_str  ESTAB    0        0                    * 93109                   * 93110",
		"u_seq  LISTEN   0        128   /run/udev/control 20699                   * 0",
		"icmp6  UNCONN   0        0        *%ens33:ipv6-icmp               *:*",
		"raw    UNCONN   0        0           [::]:ipv6-icmp            [::]:*",
		"v_str  ESTAB    0        0      999900439:1023                 0:976",
		"tcp    LISTEN   0        128      0.0.0.0:ssh               0.0.0.0:*",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 10);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "netlink");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 2);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 2)->reason, "packet");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 3)->reason, "unix");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 5)->reason, "unix");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 6)->reason, "unix");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 7)->reason, "raw");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 8)->reason, "raw");
	ck_assert_str_eq(nth(r, EV_SKIPPED, 9)->reason, "vsock");
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(sock(r, 0)->line, 12);
	ck_assert_int_eq(sock(r, 0)->local.port, -1);
	ck_assert_str_eq(sock(r, 0)->local.port_name, "ssh");
	ck_assert_int_eq(sock(r, 0)->local.numeric, 0);
	rec_free(r);
}
END_TEST

START_TEST(test_extended_uid_is_the_owner_and_no_uid_is_root)
{
	static const char *const in[] = {
		"Netid State    Recv-Q   Send-Q       Local Address:Port      Peer Address:Port",
		"udp   UNCONN   0        0                  0.0.0.0:5353           0.0.0.0:*      users:((\"avahi-daemon\",pid=1510,fd=12)) uid:112 ino:25147 sk:2 <->",
		"udp   UNCONN   0        0                  0.0.0.0:4789           0.0.0.0:*      ino:58296 sk:1 <->",
		"tcp   LISTEN   0        128                0.0.0.0:22             0.0.0.0:*      users:((\"sshd\",pid=1282,fd=3))",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	e = nth(r, EV_SOCKET, 0);
	ck_assert(e->has_owner);
	ck_assert_str_eq(e->owner, "112");
	ck_assert_int_eq(e->sock.pid, 1510);
	ck_assert_str_eq(e->process, "avahi-daemon");
	e = nth(r, EV_SOCKET, 1);
	ck_assert(e->has_owner);
	ck_assert_str_eq(e->owner, "0");	/* -e prints no uid for root */
	ck_assert_int_eq(e->sock.pid, -1);
	e = nth(r, EV_SOCKET, 2);
	ck_assert(!e->has_owner);		/* no -e: nothing said */
	rec_free(r);
}
END_TEST

START_TEST(test_timers_and_other_details_are_ignored)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.5:22 10.0.0.9:51234 users:((\"sshd\",pid=700,fd=4)) timer:(keepalive,119min,0) uid:1000 ino:4242 sk:9 cgroup:/system.slice/ssh.service <->",
		"TIME-WAIT 0 0 10.0.0.5:40000 10.0.0.7:443 timer:(timewait,42sec,0) ino:0 sk:a",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 700);
	ck_assert_str_eq(e->process, "sshd");
	ck_assert_str_eq(e->owner, "1000");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert_str_eq(e->owner, "0");
	rec_free(r);
}
END_TEST

START_TEST(test_indented_detail_lines_of_i_and_m_are_skipped_not_issues)
{
	static const char *const in[] = {
		HEAD_TANP,
		"LISTEN     0      128          0.0.0.0:2024       0.0.0.0:*     ino:1523 sk:1 cgroup:/ <->",
		"\t bbr cwnd:10                                                                   ",
		"ESTAB      0      0          127.0.0.1:47001    127.0.0.1:41848 users:((\"python3\",pid=3026,fd=123)) ino:6984 sk:5 cgroup:/ <->",
		"\t ts sack bbr wscale:10,10 rto:200 rtt:0.003/0.001 mss:32768 pmtu:65535 rcvmss:536 bbr:(bw:0bps,mrtt:0.003) send 873813333333bps",
		"ESTAB      0      0          127.0.0.1:41848    127.0.0.1:47001 users:((\"leaky\",pid=3028,fd=9))",
		"\t skmem:(r0,rb131072,t0,tb2626560,f0,w0,o0,bl0,d0)",
		"         cubic wscale:7,7 rto:204 rtt:0.5/0.25 ato:40 mss:22400",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_uint_eq(sock(r, 0)->line, 2);
	ck_assert_uint_eq(sock(r, 1)->line, 4);
	ck_assert_uint_eq(sock(r, 2)->line, 6);
	ck_assert_int_eq(sock(r, 2)->pid, 3028);
	rec_free(r);
}
END_TEST

START_TEST(test_headerless_H_rows_open_a_snapshot_at_the_first_row)
{
	static const char *const in[] = {
		"LISTEN     0      64              127.0.0.1:21984            0.0.0.0:*",
		"ESTAB      0      0               127.0.0.1:21984          127.0.0.1:43786",
		"TIME-WAIT  0      0               127.0.0.1:21988          127.0.0.1:35888",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	ck_assert_uint_eq(r->ev[0].line, 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->proto, PROTO_TCP);
	ck_assert_int_eq(sock(r, 1)->proto, PROTO_TCP);
	ck_assert_int_eq(sock(r, 2)->state, ST_TIME_WAIT);
	rec_free(r);
}
END_TEST

START_TEST(test_very_wide_process_column_with_blanks_in_names)
{
	static char	 wide[4096];
	const char	*in[4];
	struct rec	*r;
	const struct ev	*e;

	snprintf(wide, sizeof wide, "LISTEN     0      64              "
	    "127.0.0.1:21987            0.0.0.0:*     users:((\"ss fork "
	    "child\",pid=9150,fd=3),(\"Web Content\",pid=9147,fd=3))%*s"
	    "ino:4 sk:1 cgroup:/user.slice/a%*s<->", 900, "", 1500, "");
	in[0] = HEAD_TANP;
	in[1] = wide;
	in[2] = "ESTAB 0 0 10.0.0.1:22 10.0.0.2:50000 users:((\"a)b,c\",pid=77,fd=3))";
	in[3] = NULL;
	r = run((const char *const *)in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 9150);
	ck_assert_str_eq(e->process, "ss fork child");
	ck_assert_uint_eq(e->sock.nmore, 1);
	ck_assert_int_eq(e->more_pid[0], 9147);
	ck_assert_str_eq(e->more_process[0], "Web Content");
	ck_assert_str_eq(e->owner, "0");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.pid, 77);
	ck_assert_str_eq(e->process, "a)b,c");
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- owners */

START_TEST(test_several_owners_are_one_socket_first_in_pid_rest_in_more)
{
	static const char *const in[] = {
		HEAD_TUNAP,
		"tcp   LISTEN 0      100        0.0.0.0:587        0.0.0.0:*    users:((\"master\",pid=1978854,fd=86),(\"smtpd\",pid=320188,fd=6),(\"smtpd\",pid=319502,fd=6)) ino:815320090 sk:2005 <->",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 1978854);
	ck_assert_str_eq(e->process, "master");
	ck_assert_uint_eq(e->sock.nmore, 2);
	ck_assert_int_eq(e->more_pid[0], 320188);
	ck_assert_str_eq(e->more_process[0], "smtpd");
	ck_assert_int_eq(e->more_pid[1], 319502);
	ck_assert_str_eq(e->more_process[1], "smtpd");
	rec_free(r);
}
END_TEST

START_TEST(test_one_pid_with_several_fds_is_one_owner)
{
	static const char *const in[] = {
		HEAD_TANP,
		"LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:((\"nginx\",pid=10,fd=6),(\"nginx\",pid=10,fd=7),(\"nginx\",pid=11,fd=6),(\"nginx\",pid=10,fd=8))",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 10);
	ck_assert_uint_eq(e->sock.nmore, 1);
	ck_assert_int_eq(e->more_pid[0], 11);
	rec_free(r);
}
END_TEST

START_TEST(test_owners_beyond_socket_owners_max_are_not_kept)
{
	static char	 line[4096];
	const char	*in[3];
	struct rec	*r;
	const struct ev	*e;
	size_t		 i, o;

	o = (size_t)snprintf(line, sizeof line, "LISTEN 0 511 1.2.1.43:80 "
	    "0.0.0.0:* users:(");
	for (i = 0; i < 24; i++)
		o += (size_t)snprintf(line + o, sizeof line - o,
		    "%s(\"apache2\",pid=%zu,fd=8)", i ? "," : "", 1000 + i);
	snprintf(line + o, sizeof line - o, ") ino:1 sk:2 <->");
	in[0] = HEAD_TANP;
	in[1] = line;
	in[2] = NULL;
	r = run((const char *const *)in);
	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 1000);
	ck_assert_uint_eq(e->sock.nmore, SOCKET_OWNERS_MAX - 1);
	for (i = 0; i < SOCKET_OWNERS_MAX - 1; i++) {
		ck_assert_int_eq(e->more_pid[i], (long)(1001 + i));
		ck_assert_str_eq(e->more_process[i], "apache2");
	}
	ck_assert_str_eq(e->owner, "0");	/* read past the list */
	rec_free(r);
}
END_TEST

START_TEST(test_old_users_format_without_pid_equals_is_read)
{
	static const char *const in[] = {
		HEAD_OLD_T,
		"LISTEN     0      128                       *:22                       *:*      users:((\"sshd\",1234,3))",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 1234);
	ck_assert_str_eq(e->process, "sshd");
	rec_free(r);
}
END_TEST

START_TEST(test_unreadable_users_list_is_an_issue_and_the_socket_is_kept)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443 users:((\"broken",
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443 users:((\"ok\",pid=5,fd=3)",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 3);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert(!e->has_process);
	ck_assert_int_eq(e->sock.local.port, 40000);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.pid, -1);
	ck_assert_uint_eq(e->sock.nmore, 0);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- addresses */

START_TEST(test_ipv4_mapped_ipv6_is_family_6_with_dotted_tail)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB      0      0      [::ffff:127.0.0.1]:21986 [::ffff:127.0.0.1]:37386 users:((\"ssscen\",pid=9147,fd=70))",
		"ESTAB      0      0      [::FFFF:10.0.0.1]:8080 [::ffff:10.0.0.2]:50000",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::ffff:127.0.0.1");
	ck_assert_int_eq(k->local.port, 21986);
	ck_assert_str_eq(k->remote.addr, "::ffff:127.0.0.1");
	ck_assert_int_eq(k->remote.port, 37386);
	k = sock(r, 1);
	ck_assert_str_eq(k->local.addr, "::ffff:10.0.0.1");
	rec_free(r);
}
END_TEST

START_TEST(test_interface_suffixes_are_zones_kept_apart)
{
	static const char *const in[] = {
		HEAD_TUNAP,
		"udp   UNCONN 0      0        127.0.0.53%lo:53         0.0.0.0:*",
		"udp   UNCONN 0      0       0.0.0.0%virbr0:67         0.0.0.0:*",
		"udp   UNCONN 0      0                 *%lo:21992            *:*",
		"tcp   LISTEN 0      64            [::1]%lo:21991         [::]:*",
		"tcp   ESTAB  0      0      [fe80::1]%eth0:22   [fe80::2]%eth0:50123",
		"udp   UNCONN 0      0         *%eth0:bootpc            *:*",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 6);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "127.0.0.53");
	ck_assert_str_eq(k->local.zone, "lo");
	ck_assert_int_eq(k->local.port, 53);
	k = sock(r, 1);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_str_eq(k->local.zone, "virbr0");
	k = sock(r, 2);
	ck_assert_int_eq(k->family, 6);		/* new ss: '*' is IPv6 */
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert_str_eq(k->local.zone, "lo");
	ck_assert_int_eq(k->local.port, 21992);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 3);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::1");
	ck_assert_str_eq(k->local.zone, "lo");
	ck_assert_int_eq(k->local.port, 21991);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 4);
	ck_assert_str_eq(k->local.addr, "fe80::1");
	ck_assert_str_eq(k->local.zone, "eth0");
	ck_assert_int_eq(k->local.port, 22);
	ck_assert_str_eq(k->remote.addr, "fe80::2");
	ck_assert_str_eq(k->remote.zone, "eth0");
	ck_assert_int_eq(k->remote.port, 50123);
	k = sock(r, 5);
	ck_assert_str_eq(k->local.zone, "eth0");
	ck_assert_str_eq(k->local.port_name, "bootpc");
	ck_assert_int_eq(k->local.numeric, 0);
	rec_free(r);
}
END_TEST

START_TEST(test_star_and_bracketed_wildcards_in_new_ss_are_ipv6)
{
	static const char *const in[] = {
		HEAD_TANP,
		"LISTEN 0      4096                   *:22               *:*",
		"LISTEN 0      128                 [::]:80            [::]:*",
		"LISTEN 0      128              0.0.0.0:443        0.0.0.0:*",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert_int_eq(k->local.port, 22);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 2);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert(addr_is_none(&k->remote));
	rec_free(r);
}
END_TEST

START_TEST(test_star_in_old_ss_is_ipv4)
{
	static const char *const in[] = {
		HEAD_OLD,
		"udp    UNCONN     0      0       *:bootpc                *:*",
		"tcp    LISTEN     0      128     *:ssh                   *:*",
		"tcp    LISTEN     0      128      [::]:ssh                    [::]:*",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_str_eq(k->local.port_name, "bootpc");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	k = sock(r, 2);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	rec_free(r);
}
END_TEST

START_TEST(test_star_after_a_0_0_0_0_row_is_ipv6_without_header)
{
	static const char *const in[] = {
		"LISTEN 0 128 0.0.0.0:22 0.0.0.0:*",
		"LISTEN 0 128 *:8080 *:*",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_int_eq(sock(r, 0)->family, 4);
	ck_assert_int_eq(sock(r, 1)->family, 6);
	ck_assert_str_eq(sock(r, 1)->local.addr, "::");
	rec_free(r);
}
END_TEST

START_TEST(test_v6only_detail_makes_star_ipv6_in_any_ss)
{
	static const char *const in[] = {
		HEAD_OLD,
		"tcp   LISTEN 0      64        *:6556             *:*    users:((\"xinetd\",pid=1330292,fd=5)) ino:165827148 sk:97 v6only:0 <->",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_int_eq(sock(r, 0)->family, 6);
	ck_assert_str_eq(sock(r, 0)->local.addr, "::");
	rec_free(r);
}
END_TEST

START_TEST(test_service_and_host_names_are_kept_as_written)
{
	static const char *const in[] = {
		HEAD_1804,
		"tcp    LISTEN   0        128      127.0.0.53%lo:domain        0.0.0.0:*",
		"tcp    ESTAB    0        0        [::1]:ssh                   [::1]:38134",
		"tcp    ESTAB    0        0        myhost:40000                db.example.com:postgresql",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->local.port, -1);
	ck_assert_str_eq(k->local.port_name, "domain");
	ck_assert_int_eq(k->local.numeric, 0);
	k = sock(r, 1);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.port_name, "ssh");
	ck_assert_int_eq(k->remote.port, 38134);
	k = sock(r, 2);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "myhost");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_str_eq(k->remote.addr, "db.example.com");
	ck_assert_str_eq(k->remote.port_name, "postgresql");
	rec_free(r);
}
END_TEST

START_TEST(test_unreadable_address_is_an_issue_and_input_goes_on)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1 10.0.0.2:443",
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443",
		"ESTAB 0 0 %eth0:80 10.0.0.2:443",
		"ESTAB 0 0 [fe80::1]%eth0 10.0.0.2:443",
		"ESTAB 0 0 10.0.0.1:40002 []:443",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 4);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->text, in[1]);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 4);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 2)->line, 5);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 3)->line, 6);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(sock(r, 0)->line, 3);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- states */

START_TEST(test_every_ss_state_spelling_maps_to_its_canonical_state)
{
	static const struct {
		const char	*word;
		enum state	 st;
	} want[] = {
		{ "ESTAB", ST_ESTABLISHED }, { "TIME-WAIT", ST_TIME_WAIT },
		{ "CLOSE-WAIT", ST_CLOSE_WAIT }, { "SYN-SENT", ST_SYN_SENT },
		{ "SYN-RECV", ST_SYN_RECEIVED }, { "FIN-WAIT-1", ST_FIN_WAIT_1 },
		{ "FIN-WAIT-2", ST_FIN_WAIT_2 }, { "LAST-ACK", ST_LAST_ACK },
		{ "LISTEN", ST_LISTEN }, { "CLOSING", ST_CLOSING },
	};
	char		 lines[16][128];
	const char	*in[18];
	struct rec	*r;
	size_t		 i, n = sizeof want / sizeof want[0];

	in[0] = HEAD_TUNAP;
	for (i = 0; i < n; i++) {
		snprintf(lines[i], sizeof lines[i], "tcp   %-10s 0 0 "
		    "10.0.0.1:%zu 10.0.0.2:443", want[i].word, 40000 + i);
		in[i + 1] = lines[i];
	}
	in[n + 1] = "udp   UNCONN 0 0 0.0.0.0:68 0.0.0.0:*";
	in[n + 2] = NULL;
	r = run(in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), n + 1);
	for (i = 0; i < n; i++) {
		const struct ev *e = nth(r, EV_SOCKET, i);

		ck_assert_msg(e->sock.state == want[i].st, "%s: state %s",
		    want[i].word, state_name(e->sock.state));
		ck_assert_str_eq(e->state_raw, want[i].word);
	}
	ck_assert_int_eq(sock(r, n)->state, ST_UNCONN);
	ck_assert_int_eq(sock(r, n)->proto, PROTO_UDP);
	rec_free(r);
}
END_TEST

START_TEST(test_unknown_state_is_stored_as_unknown_and_reported_once)
{
	static const char *const in[] = {
		HEAD_TANP,
		"UNDEF 0 0 10.0.0.1:40000 10.0.0.2:443",
		"UNDEF 0 0 10.0.0.1:40001 10.0.0.2:443",
		"BOUND-INACTIVE 0 0 10.0.0.1:40002 0.0.0.0:*",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason, "UNDEF"));
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 4);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_UNKNOWN);
	ck_assert_str_eq(e->state_raw, "UNDEF");
	rec_free(r);
}
END_TEST

START_TEST(test_without_netid_unconn_rows_are_udp_and_so_is_their_estab)
{
	static const char *const in[] = {
		"State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process",
		"UNCONN 0      0          127.0.0.1:21984      0.0.0.0:*     users:((\"ssscen\",pid=9147,fd=56))",
		"ESTAB  0      0          127.0.0.1:56197    127.0.0.1:21984 users:((\"ssscen\",pid=9147,fd=57))",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_int_eq(sock(r, 0)->proto, PROTO_UDP);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNCONN);
	ck_assert_int_eq(sock(r, 1)->proto, PROTO_UDP);
	ck_assert_int_eq(sock(r, 1)->state, ST_ESTABLISHED);
	rec_free(r);
}
END_TEST

START_TEST(test_without_netid_unconn_after_tcp_states_is_tcp_bound)
{
	static const char *const in[] = {
		HEAD_TANP,
		"LISTEN 0 128 0.0.0.0:22 0.0.0.0:*",
		"UNCONN 0 0 10.0.0.1:40000 0.0.0.0:*",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.proto, PROTO_TCP);
	ck_assert_int_eq(e->sock.state, ST_BOUND);
	ck_assert_str_eq(e->state_raw, "UNCONN");
	rec_free(r);
}
END_TEST

START_TEST(test_echoed_command_says_the_protocol_and_is_not_an_issue)
{
	static const char *const in[] = {
		"root@web1:~# ss -uanp",
		"State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process",
		"ESTAB  0      0          10.0.0.1:56197       10.0.0.53:53",
		"$ sudo ss -tn",
		"State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process",
		"ESTAB  0      0          10.0.0.1:40000       10.0.0.2:443",
		"+ sleep 60",
		"+ /usr/sbin/ss --udp -an",
		"ESTAB  0      0          10.0.0.1:56198       10.0.0.53:53",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->proto, PROTO_UDP);
	ck_assert_int_eq(sock(r, 1)->proto, PROTO_TCP);
	ck_assert_int_eq(sock(r, 2)->proto, PROTO_UDP);
	rec_free(r);
}
END_TEST

START_TEST(test_state_filter_hides_the_column_and_names_the_state)
{
	static const char *const in[] = {
		"$ ss -tn state time-wait",
		"Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
		"0      0          10.0.0.1:40000   10.0.0.2:443",
		"0      0          10.0.0.1:40001   10.0.0.2:443",
		"$ ss -tun state established",
		"Netid Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
		"udp   0      0          10.0.0.1:56197  10.0.0.53:53",
		"tcp   0      0          10.0.0.1:40002   10.0.0.2:443 users:((\"curl\",pid=5,fd=3))",
		"$ ss -Htan",
		"TIME-WAIT 0 0 10.0.0.1:40003 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 5);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	ck_assert_str_eq(e->state_raw, "time-wait");
	ck_assert_int_eq(e->sock.proto, PROTO_TCP);
	ck_assert_int_eq(e->sock.remote.port, 443);
	e = nth(r, EV_SOCKET, 2);
	ck_assert_int_eq(e->sock.proto, PROTO_UDP);
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	e = nth(r, EV_SOCKET, 3);
	ck_assert_int_eq(e->sock.proto, PROTO_TCP);
	ck_assert_int_eq(e->sock.pid, 5);
	e = nth(r, EV_SOCKET, 4);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	ck_assert_str_eq(e->state_raw, "TIME-WAIT");
	rec_free(r);
}
END_TEST

START_TEST(test_no_state_column_without_its_command_is_unknown_said_once)
{
	static const char *const in[] = {
		"Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
		"0      0          10.0.0.1:40000   10.0.0.2:443",
		"0      0          10.0.0.1:40001   10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_UNKNOWN);
	ck_assert(!e->has_state_raw);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- snapshots */

START_TEST(test_date_stamps_start_snapshots_with_their_time)
{
	static const char *const in[] = {
		"Mon Nov 23 10:00:00 UTC 2026",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443 users:((\"app\",pid=5,fd=3))",
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443 users:((\"app\",pid=5,fd=4))",
		"Mon Nov 23 10:15:30 UTC 2026",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40002 10.0.0.2:443 users:((\"app\",pid=5,fd=5))",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	e = nth(r, EV_SNAPSHOT, 0);
	ck_assert_uint_eq(e->line, 1);
	ck_assert(e->has_stamp);
	ck_assert_int_eq(e->stamp.year, 2026);
	ck_assert_int_eq(e->stamp.hour, 10);
	ck_assert_int_eq(e->stamp.min, 0);
	ck_assert_str_eq(e->os, "linux");
	e = nth(r, EV_SNAPSHOT, 1);
	ck_assert_uint_eq(e->line, 5);
	ck_assert(e->has_stamp);
	ck_assert_int_eq(e->stamp.min, 15);
	ck_assert_int_eq(e->stamp.sec, 30);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_headers_without_stamps_start_snapshots)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 3);
	ck_assert(!nth(r, EV_SNAPSHOT, 1)->has_stamp);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_headerless_runs_between_stamps_are_snapshots)
{
	static const char *const in[] = {
		"Mon Nov 23 10:00:00 UTC 2026",
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		"Mon Nov 23 10:01:00 UTC 2026",
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443",
		"ESTAB 0 0 10.0.0.1:40002 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 3);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_stamp_with_nothing_after_it_is_an_issue_not_a_snapshot)
{
	static const char *const in[] = {
		"Mon Nov 23 10:00:00 UTC 2026",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		"Mon Nov 23 10:01:00 UTC 2026",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_header_with_no_rows_is_an_empty_snapshot)
{
	static const char *const in[] = {
		HEAD_TANP,
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_sysctl_range_before_the_runs_is_a_tcp_range)
{
	static const char *const in[] = {
		"$ sysctl net.ipv4.ip_local_port_range",
		"net.ipv4.ip_local_port_range = 32768\t60999",
		"Mon Nov 23 10:00:00 UTC 2026",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	e = nth(r, EV_RANGE, 0);
	ck_assert_int_eq(e->range.lo, 32768);
	ck_assert_int_eq(e->range.hi, 60999);
	ck_assert_int_eq(e->range.proto, PROTO_TCP);
	ck_assert_uint_eq(e->range.line, 2);
	ck_assert_ptr_nonnull(strstr(e->source, "ip_local_port_range"));
	ck_assert_int_eq(r->ev[0].kind, EV_RANGE);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_range_between_stamp_and_header_follows_its_snapshot_event)
{
	static const char *const in[] = {
		"Mon Nov 23 10:00:00 UTC 2026",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		"Mon Nov 23 10:15:00 UTC 2026",
		"sysctl net.ipv4.ip_local_port_range",
		"net.ipv4.ip_local_port_range = 40000 60999",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);
	size_t		 i;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	/* Order: snapshot, socket, snapshot, range, socket. */
	ck_assert_uint_eq(r->n, 5);
	ck_assert_int_eq(r->ev[2].kind, EV_SNAPSHOT);
	ck_assert_uint_eq(r->ev[2].line, 4);
	ck_assert_int_eq(r->ev[3].kind, EV_RANGE);
	ck_assert_int_eq(r->ev[3].range.lo, 40000);
	ck_assert_uint_eq(r->ev[3].range.line, 6);
	for (i = 0; i < r->n; i++)
		ck_assert_int_ne(r->ev[i].kind, EV_ISSUE);
	rec_free(r);
}
END_TEST

START_TEST(test_proc_file_range_after_its_cat_is_a_range)
{
	static const char *const in[] = {
		"# cat /proc/sys/net/ipv4/ip_local_port_range",
		"1024\t65000",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 1024);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.hi, 65000);
	rec_free(r);
}
END_TEST

START_TEST(test_range_out_of_bounds_is_an_issue_and_no_range)
{
	static const char *const in[] = {
		"net.ipv4.ip_local_port_range = 60999 70000",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
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

START_TEST(test_uname_line_sets_os_version_of_the_next_snapshot)
{
	static const char *const in[] = {
		"Linux web1 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SNAPSHOT, 0);
	ck_assert(e->has_os_version);
	ck_assert_str_eq(e->os_version, "5.15.0-91-generic");
	ck_assert_str_eq(e->os, "linux");
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- robustness */

START_TEST(test_lines_that_fit_no_rule_are_issues_with_line_numbers)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		"hello world",
		"Total: 181",
		"ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->text, "hello world");
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_indented_line_before_any_row_is_an_issue)
{
	static const char *const in[] = {
		"\t something else",
		HEAD_TANP,
		"ESTAB 0 0 10.0.0.1:40000 10.0.0.2:443",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_crlf_tabs_and_indented_rows_are_read)
{
	static const char *const in[] = {
		HEAD_TANP "\r",
		"ESTAB\t0\t0\t10.0.0.1:40000\t10.0.0.2:443\r",
		"    ESTAB 0 0 10.0.0.1:40001 10.0.0.2:443 users:((\"a\",pid=1,fd=3))  \r",
		"",
		"   ",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->remote.port, 443);
	ck_assert_int_eq(sock(r, 1)->pid, 1);
	rec_free(r);
}
END_TEST

/* Every row of the live fixtures: one socket per row, no issue. */
START_TEST(test_live_fixtures_with_i_m_e_o_give_one_socket_per_row)
{
	static const char *const files[] = {
		"ss-tanp.txt", "ss-antpeio.txt", "ss-tanpm.txt", "ss-Htan.txt",
		"ss-tunap.txt", "ss-uanp.txt", NULL
	};
	char		 path[256], buf[65536];
	size_t		 i, rows;
	unsigned long	 n;
	struct rec	*r;
	FILE		*fp;

	for (i = 0; files[i] != NULL; i++) {
		snprintf(path, sizeof path, "%s/%s", FIXTURES, files[i]);
		/* Rows counted apart: lines that start with a letter. */
		fp = fopen(path, "r");
		ck_assert_msg(fp != NULL, "%s", path);
		rows = 0;
		while (fgets(buf, sizeof buf, fp) != NULL)
			if (buf[0] >= 'A' && buf[0] <= 'z' &&
			    strncmp(buf, "State", 5) != 0 &&
			    strncmp(buf, "Netid", 5) != 0)
				rows++;
		fclose(fp);
		r = run_file(path, &n);
		assert_no_issues(r);
		ck_assert_msg(count(r, EV_SOCKET) == rows, "%s: %zu sockets, "
		    "%zu rows", files[i], count(r, EV_SOCKET), rows);
		ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
		rec_free(r);
	}
}
END_TEST

/* ---------------------------------------------------------------- sniff */

START_TEST(test_sniff_scores_ss_with_header_high_and_wins)
{
	static const char *const in[] = {
		HEAD_TANP,
		"ESTAB      0      0          127.0.0.1:47001    127.0.0.1:41848 users:((\"python3\",pid=3026,fd=123))",
	};
	int	score;

	ck_assert_int_ge(format_linux_ss.sniff(in, 2), 90);
	ck_assert_ptr_eq(format_sniff(in, 2, &score), &format_linux_ss);
}
END_TEST

START_TEST(test_sniff_scores_headerless_ss_rows_high)
{
	static const char *const in[] = {
		"LISTEN     0      64              127.0.0.1:21984            0.0.0.0:*",
		"ESTAB      0      0               127.0.0.1:21984          127.0.0.1:43786",
		"TIME-WAIT  0      0               127.0.0.1:21988          127.0.0.1:35888",
	};

	ck_assert_int_ge(format_linux_ss.sniff(in, 3), 80);
}
END_TEST

START_TEST(test_sniff_scores_netid_header_alone_above_zero)
{
	static const char *const in[] = { HEAD_TUNAP };

	ck_assert_int_gt(format_linux_ss.sniff(in, 1), 0);
}
END_TEST

START_TEST(test_sniff_scores_other_tools_zero)
{
	static const char *const nettools[] = {
		"Active Internet connections (servers and established)",
		"Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name",
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      700/sshd",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:51234          ESTABLISHED 701/sshd: root",
		"udp        0      0 0.0.0.0:68              0.0.0.0:*                           600/dhclient",
	};
	static const char *const nettools_noheader[] = {
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      700/sshd",
		"tcp6       0      0 :::22                   :::*                    LISTEN      700/sshd",
	};
	static const char *const bsd[] = {
		"Active Internet connections (including servers)",
		"Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)",
		"tcp4       0      0  127.0.0.1.631          *.*                    LISTEN",
		"udp4       0      0  *.5353                 *.*",
	};
	static const char *const windows[] = {
		"Active Connections",
		"  Proto  Local Address          Foreign Address        State           PID",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  UDP    0.0.0.0:500            *:*                                    3104",
	};
	static const char *const powershell[] = {
		"LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess",
		"------------                        --------- -------------                       ---------- -----       -------------- -------------",
		"0.0.0.0                             135       0.0.0.0                             0          Listen                     996",
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\"",
	};
	static const char *const text[] = { "hello", "", "world 1 2 3" };

	ck_assert_int_eq(format_linux_ss.sniff(nettools, 5), 0);
	ck_assert_int_eq(format_linux_ss.sniff(nettools_noheader, 2), 0);
	ck_assert_int_eq(format_linux_ss.sniff(bsd, 4), 0);
	ck_assert_int_eq(format_linux_ss.sniff(windows, 4), 0);
	ck_assert_int_eq(format_linux_ss.sniff(powershell, 4), 0);
	ck_assert_int_eq(format_linux_ss.sniff(text, 3), 0);
	ck_assert_int_eq(format_linux_ss.sniff(text, 0), 0);
}
END_TEST

/* The first SNIFF_LINES decoded lines of a file, copied. */
static size_t
first_lines(const char *path, char **lines)
{
	struct decoder	*d;
	const char	*line;
	char		 err[256];
	size_t		 len, n = 0;
	unsigned long	 lineno;
	FILE		*fp;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s", path);
	d = decoder_open(fp, NULL, NULL, NULL, err, sizeof err);
	ck_assert_msg(d != NULL, "%s: %s", path, err);
	while (n < SNIFF_LINES && decoder_next(d, &line, &len, &lineno) == 1) {
		lines[n] = strdup(line);
		ck_assert_ptr_nonnull(lines[n]);
		n++;
	}
	decoder_close(d);
	fclose(fp);
	return n;
}

static int
is_ss_file(const char *name)
{
	return strstr(name, "_ss-") != NULL;
}

START_TEST(test_sniff_corpus_ss_files_win_and_others_score_zero)
{
	DIR		*dir;
	struct dirent	*de;
	char		 path[512], *lines[SNIFF_LINES];
	size_t		 n, i, nss = 0, nother = 0;
	int		 score;
	const struct format *f;

	dir = opendir(CORPUS);
	ck_assert_msg(dir != NULL, "%s: not found (../shared beside the "
	    "repository)", CORPUS);
	while ((de = readdir(dir)) != NULL) {
		size_t l = strlen(de->d_name);

		/* The captures: .txt and .csv (not jc's JSON, not README). */
		if (l < 5 || (strcmp(de->d_name + l - 4, ".txt") != 0 &&
		    strcmp(de->d_name + l - 4, ".csv") != 0))
			continue;
		snprintf(path, sizeof path, "%s/%s", CORPUS, de->d_name);
		n = first_lines(path, lines);
		score = format_linux_ss.sniff((const char *const *)lines, n);
		f = format_sniff((const char *const *)lines, n, NULL);
		if (is_ss_file(de->d_name)) {
			ck_assert_msg(score >= 90, "%s: linux-ss scores %d",
			    de->d_name, score);
			ck_assert_msg(f == &format_linux_ss, "%s: sniffed as %s",
			    de->d_name, f ? f->name : "nothing");
			nss++;
		} else {
			ck_assert_msg(score == 0, "%s: linux-ss scores %d",
			    de->d_name, score);
			nother++;
		}
		for (i = 0; i < n; i++)
			free(lines[i]);
	}
	closedir(dir);
	ck_assert_uint_eq(nss, 6);
	ck_assert_uint_ge(nother, 10);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("linux_ss");

	tc = tcase_create("rows");
	tcase_add_test(tc, test_tanp_row_has_every_field);
	tcase_add_test(tc, test_time_wait_without_users_has_pid_minus_one);
	tcase_add_test(tc, test_tunap_netid_column_gives_the_protocol);
	tcase_add_test(tc, test_antp_is_read_like_tanp);
	tcase_add_test(tc, test_a_unix_netlink_packet_raw_vsock_are_skipped_not_issues);
	tcase_add_test(tc, test_extended_uid_is_the_owner_and_no_uid_is_root);
	tcase_add_test(tc, test_timers_and_other_details_are_ignored);
	tcase_add_test(tc, test_indented_detail_lines_of_i_and_m_are_skipped_not_issues);
	tcase_add_test(tc, test_headerless_H_rows_open_a_snapshot_at_the_first_row);
	tcase_add_test(tc, test_very_wide_process_column_with_blanks_in_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("owners");
	tcase_add_test(tc, test_several_owners_are_one_socket_first_in_pid_rest_in_more);
	tcase_add_test(tc, test_one_pid_with_several_fds_is_one_owner);
	tcase_add_test(tc, test_owners_beyond_socket_owners_max_are_not_kept);
	tcase_add_test(tc, test_old_users_format_without_pid_equals_is_read);
	tcase_add_test(tc, test_unreadable_users_list_is_an_issue_and_the_socket_is_kept);
	suite_add_tcase(s, tc);

	tc = tcase_create("addresses");
	tcase_add_test(tc, test_ipv4_mapped_ipv6_is_family_6_with_dotted_tail);
	tcase_add_test(tc, test_interface_suffixes_are_zones_kept_apart);
	tcase_add_test(tc, test_star_and_bracketed_wildcards_in_new_ss_are_ipv6);
	tcase_add_test(tc, test_star_in_old_ss_is_ipv4);
	tcase_add_test(tc, test_star_after_a_0_0_0_0_row_is_ipv6_without_header);
	tcase_add_test(tc, test_v6only_detail_makes_star_ipv6_in_any_ss);
	tcase_add_test(tc, test_service_and_host_names_are_kept_as_written);
	tcase_add_test(tc, test_unreadable_address_is_an_issue_and_input_goes_on);
	suite_add_tcase(s, tc);

	tc = tcase_create("states");
	tcase_add_test(tc, test_every_ss_state_spelling_maps_to_its_canonical_state);
	tcase_add_test(tc, test_unknown_state_is_stored_as_unknown_and_reported_once);
	tcase_add_test(tc, test_without_netid_unconn_rows_are_udp_and_so_is_their_estab);
	tcase_add_test(tc, test_without_netid_unconn_after_tcp_states_is_tcp_bound);
	tcase_add_test(tc, test_echoed_command_says_the_protocol_and_is_not_an_issue);
	tcase_add_test(tc, test_state_filter_hides_the_column_and_names_the_state);
	tcase_add_test(tc, test_no_state_column_without_its_command_is_unknown_said_once);
	suite_add_tcase(s, tc);

	tc = tcase_create("snapshots");
	tcase_add_test(tc, test_date_stamps_start_snapshots_with_their_time);
	tcase_add_test(tc, test_headers_without_stamps_start_snapshots);
	tcase_add_test(tc, test_headerless_runs_between_stamps_are_snapshots);
	tcase_add_test(tc, test_stamp_with_nothing_after_it_is_an_issue_not_a_snapshot);
	tcase_add_test(tc, test_header_with_no_rows_is_an_empty_snapshot);
	tcase_add_test(tc, test_sysctl_range_before_the_runs_is_a_tcp_range);
	tcase_add_test(tc, test_range_between_stamp_and_header_follows_its_snapshot_event);
	tcase_add_test(tc, test_proc_file_range_after_its_cat_is_a_range);
	tcase_add_test(tc, test_range_out_of_bounds_is_an_issue_and_no_range);
	tcase_add_test(tc, test_uname_line_sets_os_version_of_the_next_snapshot);
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_add_test(tc, test_lines_that_fit_no_rule_are_issues_with_line_numbers);
	tcase_add_test(tc, test_indented_line_before_any_row_is_an_issue);
	tcase_add_test(tc, test_crlf_tabs_and_indented_rows_are_read);
	tcase_add_test(tc, test_live_fixtures_with_i_m_e_o_give_one_socket_per_row);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_scores_ss_with_header_high_and_wins);
	tcase_add_test(tc, test_sniff_scores_headerless_ss_rows_high);
	tcase_add_test(tc, test_sniff_scores_netid_header_alone_above_zero);
	tcase_add_test(tc, test_sniff_scores_other_tools_zero);
	tcase_add_test(tc, test_sniff_corpus_ss_files_win_and_others_score_zero);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
