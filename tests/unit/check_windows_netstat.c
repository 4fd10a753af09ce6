/*
 * check_windows_netstat.c — tests for parsers/windows_netstat.c: socket rows
 * of netstat -an, -ano, -anob, -anobq and plain netstat in several display
 * languages, -b ownership lines, snapshot boundaries (stamps, headers,
 * appended runs), netsh dynamic port blocks, version banners, garbage, and
 * the sniffer.
 *
 * Lines come from string arrays and go through format_windows_netstat's
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

Suite	*suite(void);

#define RECORD_FORMAT	format_windows_netstat
#include "tests/unit/recorder.h"

#define COLS_ANO "  Proto  Local Address          Foreign Address        State           PID"
#define COLS_AN  "  Proto  Local Address          Foreign Address        State"

/* ---------------------------------------------------------------- -ano */

START_TEST(test_ano_ipv4_row_has_every_field)
{
	static const char *const in[] = {
		"",
		"Active Connections",
		"",
		COLS_ANO,
		"  TCP    10.1.1.5:49712         10.0.0.7:1433          ESTABLISHED     4321",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "10.1.1.5");
	ck_assert_str_eq(k->local.zone, "");
	ck_assert_int_eq(k->local.port, 49712);
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert_str_eq(k->remote.addr, "10.0.0.7");
	ck_assert_int_eq(k->remote.port, 1433);
	ck_assert_int_eq(k->remote.numeric, 1);
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	ck_assert(e->has_state_raw);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(k->pid, 4321);
	ck_assert(!e->has_process);
	ck_assert(!e->has_service);
	ck_assert_int_eq(k->ownership_unavailable, 0);
	ck_assert_uint_eq(k->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_ano_ipv6_wildcard_listener_is_family_6_without_remote)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    [::]:135               [::]:0                 LISTENING       996",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "::");
	ck_assert_int_eq(k->local.port, 135);
	ck_assert(addr_is_none(&k->remote));
	ck_assert_int_eq(k->state, ST_LISTEN);
	ck_assert_int_eq(k->pid, 996);
	rec_free(r);
}
END_TEST

START_TEST(test_ano_link_local_zone_is_kept_apart_from_canonical_address)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    [fe80::1%12]:445       [FE80:0:0:0:0:0:0:2%12]:50123  ESTABLISHED     4",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "fe80::1");
	ck_assert_str_eq(k->local.zone, "12");
	ck_assert_int_eq(k->local.port, 445);
	ck_assert_str_eq(k->remote.addr, "fe80::2");
	ck_assert_str_eq(k->remote.zone, "12");
	ck_assert_int_eq(k->remote.port, 50123);
	rec_free(r);
}
END_TEST

START_TEST(test_ano_udp_star_star_with_pid_is_unconn_without_remote)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  UDP    0.0.0.0:500            *:*                                    3104",
		"  UDP    [::]:5355              *:*                                    1320",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_int_eq(k->proto, PROTO_UDP);
	ck_assert_int_eq(k->family, 4);
	ck_assert_int_eq(k->state, ST_UNCONN);
	ck_assert(!e->has_state_raw);
	ck_assert_int_eq(k->pid, 3104);
	ck_assert_str_eq(k->local.addr, "0.0.0.0");
	ck_assert_int_eq(k->local.port, 500);
	ck_assert(addr_is_none(&k->remote));
	k = sock(r, 1);
	ck_assert_int_eq(k->proto, PROTO_UDP);
	ck_assert_int_eq(k->family, 6);
	ck_assert_int_eq(k->state, ST_UNCONN);
	ck_assert_int_eq(k->pid, 1320);
	ck_assert(addr_is_none(&k->remote));
	rec_free(r);
}
END_TEST

START_TEST(test_an_rows_without_pid_have_pid_minus_one)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_AN,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING",
		"  TCP    10.1.1.5:49712         10.0.0.7:1433          TIME_WAIT",
		"  UDP    0.0.0.0:500            *:*",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->pid, -1);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert_int_eq(sock(r, 1)->pid, -1);
	ck_assert_int_eq(sock(r, 1)->state, ST_TIME_WAIT);
	ck_assert_int_eq(sock(r, 1)->remote.port, 1433);
	ck_assert_int_eq(sock(r, 2)->pid, -1);
	ck_assert_int_eq(sock(r, 2)->state, ST_UNCONN);
	rec_free(r);
}
END_TEST

START_TEST(test_tcp_row_without_state_is_an_issue_and_still_stored)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    10.1.1.5:49712         10.0.0.7:1433          4321",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNKNOWN);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------ display languages */

struct lang_row {
	const char	*line;
	enum state	 state;
	const char	*raw;
	long		 pid;
};

static void
check_rows(const char *header, const struct lang_row *rows, size_t n)
{
	const char	*in[16];
	struct rec	*r;
	size_t		 i;

	ck_assert_uint_lt(n + 2, sizeof in / sizeof in[0]);
	in[0] = header;
	for (i = 0; i < n; i++)
		in[i + 1] = rows[i].line;
	in[n + 1] = NULL;
	r = run(in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), n);
	for (i = 0; i < n; i++) {
		const struct ev *e = nth(r, EV_SOCKET, i);

		ck_assert_msg(e->sock.state == rows[i].state,
		    "%s: state %s, want %s", rows[i].line,
		    state_name(e->sock.state), state_name(rows[i].state));
		ck_assert(e->has_state_raw);
		ck_assert_str_eq(e->state_raw, rows[i].raw);
		ck_assert_int_eq(e->sock.pid, rows[i].pid);
		ck_assert_uint_eq(e->sock.line, i + 2);
	}
	rec_free(r);
}

START_TEST(test_english_state_words_map_to_canonical_states)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       LISTENING     996",
		    ST_LISTEN, "LISTENING", 996 },
		{ "  TCP    10.1.1.5:50001  10.0.0.7:1433   ESTABLISHED   4321",
		    ST_ESTABLISHED, "ESTABLISHED", 4321 },
		{ "  TCP    10.1.1.5:50002  10.0.0.7:1433   TIME_WAIT     0",
		    ST_TIME_WAIT, "TIME_WAIT", 0 },
		{ "  TCP    10.1.1.5:50003  10.0.0.20:8080  CLOSE_WAIT    2288",
		    ST_CLOSE_WAIT, "CLOSE_WAIT", 2288 },
		{ "  TCP    10.1.1.5:50004  10.0.0.99:443   SYN_SENT      5120",
		    ST_SYN_SENT, "SYN_SENT", 5120 },
		{ "  TCP    10.1.1.5:50005  10.0.0.7:1433   FIN_WAIT_2    4321",
		    ST_FIN_WAIT_2, "FIN_WAIT_2", 4321 },
		{ "  TCP    10.1.1.5:50006  10.0.0.7:1433   LAST_ACK      4321",
		    ST_LAST_ACK, "LAST_ACK", 4321 },
	};

	check_rows("Active Connections", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_german_state_words_map_to_canonical_states)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       ABHÖREN              1712",
		    ST_LISTEN, "ABHÖREN", 1712 },
		{ "  TCP    10.1.1.5:50001  10.0.0.7:1433   HERGESTELLT          4321",
		    ST_ESTABLISHED, "HERGESTELLT", 4321 },
		{ "  TCP    10.1.1.5:50002  10.0.0.7:1433   WARTEND              0",
		    ST_TIME_WAIT, "WARTEND", 0 },
		{ "  TCP    10.1.1.5:50003  10.0.0.20:8080  SCHLIESSEN_WARTEN    2288",
		    ST_CLOSE_WAIT, "SCHLIESSEN_WARTEN", 2288 },
	};

	check_rows("Aktive Verbindungen", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_spanish_state_words_map_to_canonical_states)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       ESCUCHANDO     900",
		    ST_LISTEN, "ESCUCHANDO", 900 },
		{ "  TCP    10.1.1.5:50001  10.0.0.7:1433   ESTABLECIDO    4321",
		    ST_ESTABLISHED, "ESTABLECIDO", 4321 },
		{ "  TCP    10.1.1.5:50002  10.0.0.7:1433   SYN_ENVIADO    4321",
		    ST_SYN_SENT, "SYN_ENVIADO", 4321 },
	};

	check_rows("Conexiones activas", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_french_multi_token_a_l_ecoute_is_listen)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       À L'ÉCOUTE     1036",
		    ST_LISTEN, "À L'ÉCOUTE", 1036 },
		{ "  TCP    10.1.1.5:50001  10.0.0.7:1433   ÉTABLIE        4321",
		    ST_ESTABLISHED, "ÉTABLIE", 4321 },
		{ "  TCP    0.0.0.0:445     0.0.0.0:0       À L'ÉCOUTE",
		    ST_LISTEN, "À L'ÉCOUTE", -1 },
	};

	check_rows("Connexions actives", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_portuguese_state_words_map_to_canonical_states)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       OUVINDO        1036",
		    ST_LISTEN, "OUVINDO", 1036 },
		{ "  TCP    10.1.1.5:50001  10.0.0.7:1433   ESTABELECIDA   4321",
		    ST_ESTABLISHED, "ESTABELECIDA", 4321 },
	};

	check_rows("Conexões ativas", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_italian_two_word_state_is_listen_with_pid)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       IN ASCOLTO     1036",
		    ST_LISTEN, "IN ASCOLTO", 1036 },
		{ "  TCP    10.1.1.5:50001  10.0.0.7:1433   STABILITA      4321",
		    ST_ESTABLISHED, "STABILITA", 4321 },
	};

	check_rows("Connessioni attive", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_italian_two_word_state_is_listen_without_pid)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       IN ASCOLTO",
		    ST_LISTEN, "IN ASCOLTO", -1 },
		{ "  TCP    [::]:445        [::]:0          IN ASCOLTO",
		    ST_LISTEN, "IN ASCOLTO", -1 },
	};

	check_rows("Connessioni attive", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_state_words_separated_by_several_blanks_are_joined_by_one)
{
	static const struct lang_row rows[] = {
		{ "  TCP    0.0.0.0:135     0.0.0.0:0       IN   \tASCOLTO   1036",
		    ST_LISTEN, "IN ASCOLTO", 1036 },
	};

	check_rows("Connessioni attive", rows, sizeof rows / sizeof rows[0]);
}
END_TEST

START_TEST(test_unknown_state_is_stored_as_unknown_and_reported_once)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    10.1.1.5:50001  10.0.0.7:1433   WIBBLING     4321",
		"  TCP    10.1.1.5:50002  10.0.0.7:1433   WIBBLING     4321",
		"  TCP    10.1.1.5:50003  10.0.0.7:1433   ESTABLISHED  4321",
		"  TCP    10.1.1.5:50004  10.0.0.7:1433   WIBBLING     4321",
		"  TCP    10.1.1.5:50005  10.0.0.7:1433   FROBBED NOW  4321",
		"  TCP    10.1.1.5:50006  10.0.0.7:1433   FROBBED NOW  4321",
		NULL
	};
	struct rec	*r = run(in);
	size_t		 i;

	ck_assert_uint_eq(count(r, EV_SOCKET), 6);
	for (i = 0; i < 6; i++) {
		const struct ev *e = nth(r, EV_SOCKET, i);

		if (i == 2)
			continue;
		ck_assert_int_eq(e->sock.state, ST_UNKNOWN);
		ck_assert(e->has_state_raw);
		ck_assert_str_eq(e->state_raw, i < 4 ? "WIBBLING" :
		    "FROBBED NOW");
		ck_assert_int_eq(e->sock.pid, 4321);
	}
	ck_assert_int_eq(sock(r, 2)->state, ST_ESTABLISHED);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason, "WIBBLING"));
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 6);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 1)->reason,
	    "FROBBED NOW"));
	rec_free(r);
}
END_TEST

START_TEST(test_long_unknown_state_is_reported_once_too)
{
	/* Longer than the parser keeps per remembered word. */
	static const char *const in[] = {
		"Active Connections",
		"  TCP  10.1.1.5:50001  10.0.0.7:1433  A_VERY_LONG_STATE_WORD_THAT_NOBODY_HAS_EVER_SEEN_BEFORE_IN_NETSTAT  1",
		"  TCP  10.1.1.5:50002  10.0.0.7:1433  A_VERY_LONG_STATE_WORD_THAT_NOBODY_HAS_EVER_SEEN_BEFORE_IN_NETSTAT  1",
		"  TCP  10.1.1.5:50003  10.0.0.7:1433  A_VERY_LONG_STATE_WORD_THAT_NOBODY_HAS_EVER_SEEN_BEFORE_IN_NETSTAT  1",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 2)->state, ST_UNKNOWN);
	ck_assert_str_eq(nth(r, EV_SOCKET, 2)->state_raw, "A_VERY_LONG_STATE_"
	    "WORD_THAT_NOBODY_HAS_EVER_SEEN_BEFORE_IN_NETSTAT");
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------------- -b lines */

START_TEST(test_anob_service_tag_and_image_go_on_their_socket)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  RpcSs",
		" [svchost.exe]",
		"  TCP    0.0.0.0:9090           0.0.0.0:0              LISTENING       2288",
		" [java.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert(e->has_process);
	ck_assert_str_eq(e->process, "svchost.exe");
	ck_assert(e->has_service);
	ck_assert_str_eq(e->service, "RpcSs");
	ck_assert_int_eq(e->sock.pid, 996);
	ck_assert_int_eq(e->sock.local.port, 135);
	ck_assert_uint_eq(e->sock.line, 3);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->process, "java.exe");
	ck_assert(!e->has_service);
	ck_assert_int_eq(e->sock.local.port, 9090);
	ck_assert_int_eq(e->sock.pid, 2288);
	rec_free(r);
}
END_TEST

START_TEST(test_anob_ownership_unavailable_sets_flag_and_no_image)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4",
		" Can not obtain ownership information",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  RpcSs",
		" [svchost.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.ownership_unavailable, 1);
	ck_assert(!e->has_process);
	ck_assert(!e->has_service);
	ck_assert_int_eq(e->sock.pid, 4);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.ownership_unavailable, 0);
	ck_assert_str_eq(e->process, "svchost.exe");
	rec_free(r);
}
END_TEST

START_TEST(test_anob_localized_ownership_message_after_images_is_unavailable)
{
	static const char *const in[] = {
		"Aktive Verbindungen",
		"  TCP    0.0.0.0:135            0.0.0.0:0              ABHÖREN         996",
		"  RpcSs",
		" [svchost.exe]",
		"  TCP    0.0.0.0:445            0.0.0.0:0              ABHÖREN         4",
		" Es konnten keine Besitzerinformationen abgerufen werden.",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 1)->ownership_unavailable, 1);
	ck_assert(!nth(r, EV_SOCKET, 1)->has_process);
	rec_free(r);
}
END_TEST

START_TEST(test_anob_pid0_time_wait_keeps_its_own_addresses)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"  TCP    10.1.1.5:50002         10.0.0.8:1434          ESTABLISHED     4321",
		" [w3wp.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->sock.local.addr, "10.1.1.5");
	ck_assert_int_eq(e->sock.local.port, 50001);
	ck_assert_str_eq(e->sock.remote.addr, "10.0.0.7");
	ck_assert_int_eq(e->sock.remote.port, 1433);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	ck_assert_str_eq(e->state_raw, "TIME_WAIT");
	ck_assert_int_eq(e->sock.pid, 0);
	ck_assert_uint_eq(e->sock.line, 3);
	ck_assert(!e->has_process);
	ck_assert_int_eq(e->sock.ownership_unavailable, 0);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.local.port, 50002);
	ck_assert_str_eq(e->sock.remote.addr, "10.0.0.8");
	ck_assert_int_eq(e->sock.remote.port, 1434);
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_int_eq(e->sock.pid, 4321);
	ck_assert_uint_eq(e->sock.line, 4);
	ck_assert_str_eq(e->process, "w3wp.exe");
	rec_free(r);
}
END_TEST

START_TEST(test_anob_pid0_time_wait_before_a_udp_row_keeps_its_state)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"  UDP    0.0.0.0:500            *:*                                    3104",
		"  IKEEXT",
		" [svchost.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.proto, PROTO_TCP);
	ck_assert_int_eq(e->sock.state, ST_TIME_WAIT);
	ck_assert(!e->has_service);
	ck_assert(!e->has_process);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.proto, PROTO_UDP);
	ck_assert_int_eq(e->sock.state, ST_UNCONN);
	ck_assert(!e->has_state_raw);
	ck_assert_str_eq(e->service, "IKEEXT");
	ck_assert_str_eq(e->process, "svchost.exe");
	rec_free(r);
}
END_TEST

START_TEST(test_xp_component_lists_are_skipped_until_the_image)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    192.168.0.10:1071      64.233.167.99:80       ESTABLISHED     1940",
		"  C:\\WINDOWS\\system32\\WS2_32.dll",
		"  C:\\WINDOWS\\system32\\WININET.dll",
		"  -- unknown component(s) --",
		"  [iexplore.exe]",
		"  TCP    192.168.0.10:1072      64.233.167.99:80       ESTABLISHED     1940",
		"  C:\\WINDOWS\\system32\\WS2_32.dll",
		"  [iexplore.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->process, "iexplore.exe");
	ck_assert(!e->has_service);
	ck_assert_int_eq(e->sock.local.port, 1071);
	ck_assert_int_eq(e->sock.pid, 1940);
	e = nth(r, EV_SOCKET, 1);
	ck_assert_str_eq(e->process, "iexplore.exe");
	ck_assert_int_eq(e->sock.local.port, 1072);
	rec_free(r);
}
END_TEST

START_TEST(test_anobq_bound_rows_are_bound)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    10.1.1.5:50001         0.0.0.0:0              BOUND           4321",
		" [w3wp.exe]",
		"  TCP    [::]:50002             [::]:0                 BOUND           4321",
		" [w3wp.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.state, ST_BOUND);
	ck_assert_str_eq(e->state_raw, "BOUND");
	ck_assert(addr_is_none(&e->sock.remote));
	ck_assert_str_eq(e->process, "w3wp.exe");
	e = nth(r, EV_SOCKET, 1);
	ck_assert_int_eq(e->sock.state, ST_BOUND);
	ck_assert_int_eq(e->sock.family, 6);
	ck_assert_int_eq(e->sock.local.port, 50002);
	rec_free(r);
}
END_TEST

/* The -b lines of a row that cannot be read are not the previous row's. */
START_TEST(test_anob_lines_after_unreadable_row_do_not_reach_previous_row)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"  TCP    10.1.1.5:70000         10.0.0.7:1433          ESTABLISHED     4321",
		"  W3SVC",
		" [w3wp.exe]",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_int_eq(e->sock.pid, 0);
	ck_assert(!e->has_process);
	ck_assert(!e->has_service);
	ck_assert_uint_ge(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	rec_free(r);
}
END_TEST

/* A stray one-word line after an -ano row is not that row's service. */
START_TEST(test_single_word_garbage_after_ano_row_is_an_issue_not_a_service)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          ESTABLISHED     4321",
		"^C",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert(!nth(r, EV_SOCKET, 0)->has_service);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	rec_free(r);
}
END_TEST

/* -------------------------------------------------------- plain netstat */

START_TEST(test_plain_netstat_host_and_port_names_are_kept_as_written)
{
	static const char *const in[] = {
		"Active Connections",
		"  Proto  Local Address          Foreign Address        State",
		"  TCP    127.0.0.1:1031         api:1032               ESTABLISHED",
		"  TCP    10.1.1.5:50001         DESKTOP:https          CLOSE_WAIT",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "127.0.0.1");
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert_str_eq(k->remote.addr, "api");
	ck_assert_int_eq(k->remote.numeric, 0);
	ck_assert_int_eq(k->remote.port, 1032);
	ck_assert_int_eq(k->family, 4);
	ck_assert_int_eq(k->pid, -1);
	k = sock(r, 1);
	ck_assert_str_eq(k->remote.addr, "DESKTOP");
	ck_assert_int_eq(k->remote.port, -1);
	ck_assert_str_eq(k->remote.port_name, "https");
	ck_assert_int_eq(k->remote.numeric, 0);
	ck_assert_int_eq(k->state, ST_CLOSE_WAIT);
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------------ snapshots */

START_TEST(test_stamp_then_header_is_one_snapshot_with_the_stamp)
{
	static const char *const in[] = {
		"Mon 11/23/2026 14:05:33.12",
		"",
		"Active Connections",
		"",
		COLS_ANO,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	e = nth(r, EV_SNAPSHOT, 0);
	ck_assert(e->has_stamp);
	ck_assert_int_eq(e->stamp.year, 2026);
	ck_assert_int_eq(e->stamp.a, 11);
	ck_assert_int_eq(e->stamp.b, 23);
	ck_assert_int_eq(e->stamp.hour, 14);
	ck_assert_int_eq(e->stamp.min, 5);
	ck_assert_int_eq(e->stamp.sec, 33);
	ck_assert_str_eq(e->stamp.frac, "12");
	ck_assert_uint_eq(e->line, 1);
	ck_assert_str_eq(e->os, "windows");
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_header_without_stamp_gives_snapshot_without_stamp)
{
	static const char *const in[] = {
		"",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	e = nth(r, EV_SNAPSHOT, 0);
	ck_assert(!e->has_stamp);
	ck_assert_uint_eq(e->line, 2);
	ck_assert(!e->has_os_version);
	rec_free(r);
}
END_TEST

START_TEST(test_two_appended_runs_are_two_snapshots)
{
	static const char *const in[] = {
		"Mon 11/23/2026 14:05:33.12",
		"",
		"Active Connections",
		"",
		COLS_ANO,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"Mon 11/23/2026 14:10:33.12",
		"",
		"Active Connections",
		"",
		COLS_ANO,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  TCP    10.1.1.5:50002         10.0.0.7:1433          TIME_WAIT       0",
		"  TCP    10.1.1.5:50003         10.0.0.7:1433          TIME_WAIT       0",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert(nth(r, EV_SNAPSHOT, 1)->has_stamp);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 0)->stamp.min, 5);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.min, 10);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 8);
	ck_assert_uint_eq(count(r, EV_SOCKET), 5);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 4), 1);
	/* The last socket of the first run keeps its own fields. */
	ck_assert_int_eq(sock(r, 1)->local.port, 50001);
	rec_free(r);
}
END_TEST

START_TEST(test_two_appended_runs_without_stamps_are_two_snapshots)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(!nth(r, EV_SNAPSHOT, 1)->has_stamp);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 4);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_localized_headers_start_snapshots)
{
	static const char *const in[] = {
		"Aktive Verbindungen",
		"  TCP    0.0.0.0:135            0.0.0.0:0              ABHÖREN         996",
		"Conexiones activas",
		"  TCP    0.0.0.0:135            0.0.0.0:0              ESCUCHANDO      996",
		"Connessioni attive",
		"  TCP    0.0.0.0:135            0.0.0.0:0              IN ASCOLTO      996",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 3);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 3);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 2)->line, 5);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 2);
	ck_assert_int_eq(sock(r, 2)->state, ST_LISTEN);
	rec_free(r);
}
END_TEST

START_TEST(test_stamp_at_end_of_file_is_an_issue_and_no_snapshot)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"Mon 11/23/2026 14:10:33.12",
		"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->text,
	    "Mon 11/23/2026 14:10:33.12");
	rec_free(r);
}
END_TEST

START_TEST(test_header_with_no_sockets_is_an_empty_snapshot)
{
	static const char *const in[] = {
		"Active Connections",
		"",
		COLS_ANO,
		"",
		"Active Connections",
		COLS_ANO,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"Active Connections",
		COLS_ANO,
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 3);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 5);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 2)->line, 8);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 1);
	rec_free(r);
}
END_TEST

/* A -anob run whose last row had no ownership line, then the next stamp. */
START_TEST(test_stamp_after_held_back_anob_row_starts_the_next_snapshot)
{
	static const char *const in[] = {
		"Mon 11/23/2026 14:05:33.12",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  RpcSs",
		" [svchost.exe]",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"Mon 11/23/2026 14:10:33.12",
		"",
		"Active Connections",
		"  TCP    10.1.1.5:50002         10.0.0.7:1433          TIME_WAIT       0",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(nth(r, EV_SNAPSHOT, 1)->has_stamp);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.min, 10);
	ck_assert_int_eq(sock(r, 1)->ownership_unavailable, 0);
	ck_assert_int_eq(snapshot_of_socket(r, 1), 0);
	ck_assert_int_eq(snapshot_of_socket(r, 2), 1);
	rec_free(r);
}
END_TEST

/* ------------------------------------------------------- netsh, banners */

START_TEST(test_netsh_block_gives_one_tcp_range)
{
	static const char *const in[] = {
		"",
		"Protocol tcp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 49152",
		"Number of Ports : 16384",
		"",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	e = nth(r, EV_RANGE, 0);
	ck_assert_int_eq(e->range.lo, 49152);
	ck_assert_int_eq(e->range.hi, 65535);
	ck_assert_int_eq(e->range.proto, PROTO_TCP);
	ck_assert_uint_eq(e->range.line, 4);
	ck_assert_str_eq(e->source, "netsh int ipv4 show dynamicport tcp");
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_netsh_udp_block_gives_udp_range)
{
	static const char *const in[] = {
		"Protocol udp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 1025",
		"Number of Ports : 3976",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 1025);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.hi, 5000);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.proto, PROTO_UDP);
	rec_free(r);
}
END_TEST

START_TEST(test_netsh_range_past_65535_is_an_issue_and_no_range)
{
	static const char *const in[] = {
		"Protocol tcp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 60000",
		"Number of Ports : 16384",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_RANGE), 0);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	rec_free(r);
}
END_TEST

/* The loop writes netstat, then netsh: the block follows a held-back row. */
START_TEST(test_netsh_block_after_ano_rows_gives_range)
{
	static const char *const in[] = {
		"Active Connections",
		COLS_ANO,
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"",
		"Protocol tcp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 10000",
		"Number of Ports : 1000",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 10000);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.hi, 10999);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->local.port, 50001);
	ck_assert(!nth(r, EV_SOCKET, 0)->has_service);
	rec_free(r);
}
END_TEST

START_TEST(test_netsh_block_after_anob_rows_gives_range)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		" [svchost.exe]",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"",
		"Protocol tcp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 10000",
		"Number of Ports : 1000",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 10000);
	ck_assert_int_eq(sock(r, 1)->ownership_unavailable, 0);
	rec_free(r);
}
END_TEST

/* A loop that writes the stamp, then netsh, then netstat: one run. */
START_TEST(test_netsh_between_stamp_and_header_stays_one_snapshot)
{
	static const char *const in[] = {
		"Mon 11/23/2026 14:05:33.12",
		"",
		"Protocol tcp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 49152",
		"Number of Ports : 16384",
		"",
		"Active Connections",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		NULL
	};
	struct rec	*r = run(in);
	size_t		 i;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert(nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(snapshot_of_socket(r, 0), 0);
	/* The range comes after the snapshot event that it belongs to. */
	for (i = 0; r->ev[i].kind != EV_RANGE; i++)
		ck_assert_int_ne(r->ev[i].kind, EV_SOCKET);
	ck_assert_int_eq(r->ev[0].kind, EV_SNAPSHOT);
	rec_free(r);
}
END_TEST

START_TEST(test_version_banner_sets_os_version_on_next_snapshot)
{
	static const char *const in[] = {
		"Microsoft Windows [Version 5.2.3790]",
		"",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	e = nth(r, EV_SNAPSHOT, 0);
	ck_assert(e->has_os_version);
	ck_assert_str_eq(e->os_version, "5.2.3790");
	ck_assert_str_eq(e->os, "windows");
	ck_assert_uint_eq(e->line, 3);
	assert_no_issues(r);
	rec_free(r);
}
END_TEST

START_TEST(test_version_banner_after_anob_rows_reaches_next_snapshot)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		" [svchost.exe]",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"Microsoft Windows [Version 10.0.17763.5830]",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(!nth(r, EV_SNAPSHOT, 0)->has_os_version);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 1)->os_version, "10.0.17763.5830");
	ck_assert_int_eq(sock(r, 1)->ownership_unavailable, 0);
	rec_free(r);
}
END_TEST

/* ----------------------------------------------------- garbage, layout */

START_TEST(test_garbage_lines_are_issues_with_line_numbers_and_input_goes_on)
{
	static const char *const in[] = {
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"this is not netstat output at all",
		"  TCP    10.1.1.5:99999         10.0.0.7:1433          ESTABLISHED     1",
		"  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4",
		"%%% &&& ***",
		"  UDP    0.0.0.0:500            *:*                                    3104",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->local.port, 135);
	ck_assert_int_eq(sock(r, 1)->local.port, 445);
	ck_assert_int_eq(sock(r, 2)->local.port, 500);
	ck_assert_uint_eq(count(r, EV_ISSUE), 3);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_str_eq(nth(r, EV_ISSUE, 0)->text,
	    "this is not netstat output at all");
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 4);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 2)->line, 6);
	rec_free(r);
}
END_TEST

START_TEST(test_echoed_prompt_is_not_an_issue)
{
	static const char *const in[] = {
		"C:\\Users\\admin>netstat -ano",
		"",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"",
		"C:\\Users\\admin>netstat -ano",
		"",
		"Active Connections",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"",
		"C:\\Users\\admin>",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	rec_free(r);
}
END_TEST

START_TEST(test_socket_line_with_extra_spaces_tabs_and_cr_is_parsed)
{
	static const char *const in[] = {
		"Active Connections",
		"\t TCP \t\t 10.1.1.5:50001\t   10.0.0.7:1433 \t ESTABLISHED \t  4321  \t \r",
		NULL
	};
	struct rec	*r = run(in);
	const struct ev	*e;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	e = nth(r, EV_SOCKET, 0);
	ck_assert_str_eq(e->sock.local.addr, "10.1.1.5");
	ck_assert_int_eq(e->sock.local.port, 50001);
	ck_assert_str_eq(e->sock.remote.addr, "10.0.0.7");
	ck_assert_int_eq(e->sock.state, ST_ESTABLISHED);
	ck_assert_str_eq(e->state_raw, "ESTABLISHED");
	ck_assert_int_eq(e->sock.pid, 4321);
	rec_free(r);
}
END_TEST

START_TEST(test_very_long_lines_do_not_stop_the_input)
{
	enum { LONG = 100000 };
	char		*garbage, *padded, *words;
	const char	*in[6];
	struct rec	*r;
	size_t		 i, at;

	garbage = malloc(LONG + 1);
	padded = malloc(LONG + 200);
	words = malloc(LONG + 200);
	ck_assert(garbage != NULL && padded != NULL && words != NULL);
	memset(garbage, 'x', LONG);
	garbage[LONG] = '\0';
	/* A socket row with a huge run of blanks between its columns. */
	at = (size_t)sprintf(padded, "  TCP    10.1.1.5:50001");
	memset(padded + at, ' ', LONG);
	at += LONG;
	sprintf(padded + at, "10.0.0.7:1433   ESTABLISHED   4321");
	/* A row whose state is far more words than anyone writes. */
	at = (size_t)sprintf(words, "  TCP  10.1.1.5:50002  10.0.0.7:1433");
	for (i = 0; at + 8 < LONG; i++)
		at += (size_t)sprintf(words + at, " W%zu", i % 10);
	sprintf(words + at, " 77");

	in[0] = "Active Connections";
	in[1] = garbage;
	in[2] = padded;
	in[3] = words;
	in[4] = "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4";
	in[5] = NULL;
	r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->local.port, 50001);
	ck_assert_int_eq(sock(r, 0)->remote.port, 1433);
	ck_assert_int_eq(sock(r, 0)->state, ST_ESTABLISHED);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 1)->local.port, 50002);
	ck_assert_int_eq(sock(r, 1)->state, ST_UNKNOWN);
	ck_assert_int_eq(sock(r, 2)->local.port, 445);
	ck_assert_int_eq(sock(r, 2)->pid, 4);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->textlen, LONG);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 4);
	rec_free(r);
	free(garbage);
	free(padded);
	free(words);
}
END_TEST

/* ---------------------------------------------------------------- sniff */

START_TEST(test_sniff_scores_windows_ano_output_above_zero)
{
	static const char *const in[] = {
		"",
		"Active Connections",
		"",
		COLS_ANO,
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          TIME_WAIT       0",
		"  UDP    0.0.0.0:500            *:*                                    3104",
	};
	int	score;

	score = format_windows_netstat.sniff(in, sizeof in / sizeof in[0]);
	ck_assert_int_gt(score, 0);
	ck_assert_int_le(score, 100);
	ck_assert_ptr_eq(format_sniff(in, sizeof in / sizeof in[0], &score),
	    &format_windows_netstat);
	ck_assert_int_gt(score, 0);
}
END_TEST

START_TEST(test_sniff_scores_german_rows_without_header_above_zero)
{
	static const char *const in[] = {
		"  TCP    0.0.0.0:135            0.0.0.0:0              ABHÖREN         996",
		"  TCP    10.1.1.5:50001         10.0.0.7:1433          WARTEND         0",
		"  TCP    [::]:135               [::]:0                 ABHÖREN         996",
	};

	ck_assert_int_gt(format_windows_netstat.sniff(in,
	    sizeof in / sizeof in[0]), 0);
}
END_TEST

START_TEST(test_sniff_scores_linux_netstat_tan_zero)
{
	static const char *const in[] = {
		"Active Internet connections (servers and established)",
		"Proto Recv-Q Send-Q Local Address           Foreign Address         State      ",
		"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     ",
		"tcp        0      0 10.0.0.5:22             10.0.0.9:51234          ESTABLISHED",
		"tcp6       0      0 :::22                   :::*                    LISTEN     ",
	};

	ck_assert_int_eq(format_windows_netstat.sniff(in,
	    sizeof in / sizeof in[0]), 0);
}
END_TEST

START_TEST(test_sniff_scores_unrelated_text_zero)
{
	static const char *const in[] = {
		"Dear support,",
		"the server loses the network every few days.",
		"Regards",
	};

	ck_assert_int_eq(format_windows_netstat.sniff(in,
	    sizeof in / sizeof in[0]), 0);
	ck_assert_ptr_null(format_sniff(in, sizeof in / sizeof in[0], NULL));
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("windows_netstat");

	tc = tcase_create("rows");
	tcase_add_test(tc, test_ano_ipv4_row_has_every_field);
	tcase_add_test(tc, test_ano_ipv6_wildcard_listener_is_family_6_without_remote);
	tcase_add_test(tc, test_ano_link_local_zone_is_kept_apart_from_canonical_address);
	tcase_add_test(tc, test_ano_udp_star_star_with_pid_is_unconn_without_remote);
	tcase_add_test(tc, test_an_rows_without_pid_have_pid_minus_one);
	tcase_add_test(tc, test_tcp_row_without_state_is_an_issue_and_still_stored);
	tcase_add_test(tc, test_plain_netstat_host_and_port_names_are_kept_as_written);
	suite_add_tcase(s, tc);

	tc = tcase_create("languages");
	tcase_add_test(tc, test_english_state_words_map_to_canonical_states);
	tcase_add_test(tc, test_german_state_words_map_to_canonical_states);
	tcase_add_test(tc, test_spanish_state_words_map_to_canonical_states);
	tcase_add_test(tc, test_french_multi_token_a_l_ecoute_is_listen);
	tcase_add_test(tc, test_portuguese_state_words_map_to_canonical_states);
	tcase_add_test(tc, test_italian_two_word_state_is_listen_with_pid);
	tcase_add_test(tc, test_italian_two_word_state_is_listen_without_pid);
	tcase_add_test(tc, test_state_words_separated_by_several_blanks_are_joined_by_one);
	tcase_add_test(tc, test_unknown_state_is_stored_as_unknown_and_reported_once);
	tcase_add_test(tc, test_long_unknown_state_is_reported_once_too);
	suite_add_tcase(s, tc);

	tc = tcase_create("ownership");
	tcase_add_test(tc, test_anob_service_tag_and_image_go_on_their_socket);
	tcase_add_test(tc, test_anob_ownership_unavailable_sets_flag_and_no_image);
	tcase_add_test(tc, test_anob_localized_ownership_message_after_images_is_unavailable);
	tcase_add_test(tc, test_anob_pid0_time_wait_keeps_its_own_addresses);
	tcase_add_test(tc, test_anob_pid0_time_wait_before_a_udp_row_keeps_its_state);
	tcase_add_test(tc, test_xp_component_lists_are_skipped_until_the_image);
	tcase_add_test(tc, test_anobq_bound_rows_are_bound);
	tcase_add_test(tc, test_single_word_garbage_after_ano_row_is_an_issue_not_a_service);
	tcase_add_test(tc, test_anob_lines_after_unreadable_row_do_not_reach_previous_row);
	suite_add_tcase(s, tc);

	tc = tcase_create("snapshots");
	tcase_add_test(tc, test_stamp_then_header_is_one_snapshot_with_the_stamp);
	tcase_add_test(tc, test_header_without_stamp_gives_snapshot_without_stamp);
	tcase_add_test(tc, test_two_appended_runs_are_two_snapshots);
	tcase_add_test(tc, test_two_appended_runs_without_stamps_are_two_snapshots);
	tcase_add_test(tc, test_localized_headers_start_snapshots);
	tcase_add_test(tc, test_stamp_at_end_of_file_is_an_issue_and_no_snapshot);
	tcase_add_test(tc, test_header_with_no_sockets_is_an_empty_snapshot);
	tcase_add_test(tc, test_stamp_after_held_back_anob_row_starts_the_next_snapshot);
	suite_add_tcase(s, tc);

	tc = tcase_create("netsh_and_banners");
	tcase_add_test(tc, test_netsh_block_gives_one_tcp_range);
	tcase_add_test(tc, test_netsh_udp_block_gives_udp_range);
	tcase_add_test(tc, test_netsh_range_past_65535_is_an_issue_and_no_range);
	tcase_add_test(tc, test_netsh_block_after_ano_rows_gives_range);
	tcase_add_test(tc, test_netsh_block_after_anob_rows_gives_range);
	tcase_add_test(tc, test_netsh_between_stamp_and_header_stays_one_snapshot);
	tcase_add_test(tc, test_version_banner_sets_os_version_on_next_snapshot);
	tcase_add_test(tc, test_version_banner_after_anob_rows_reaches_next_snapshot);
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_add_test(tc, test_garbage_lines_are_issues_with_line_numbers_and_input_goes_on);
	tcase_add_test(tc, test_echoed_prompt_is_not_an_issue);
	tcase_add_test(tc, test_socket_line_with_extra_spaces_tabs_and_cr_is_parsed);
	tcase_add_test(tc, test_very_long_lines_do_not_stop_the_input);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_scores_windows_ano_output_above_zero);
	tcase_add_test(tc, test_sniff_scores_german_rows_without_header_above_zero);
	tcase_add_test(tc, test_sniff_scores_linux_netstat_tan_zero);
	tcase_add_test(tc, test_sniff_scores_unrelated_text_zero);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
