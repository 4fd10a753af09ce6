/*
 * check_flows.c — tests for parsers/flows.c, the packet tracker: handshake,
 * closes from either side, half-closes, refusals and resets, retransmitted
 * SYNs, port reuse, captures that begin mid-stream or mid-handshake, UDP
 * idle time, IPv6 text, linger and the sweep that bounds memory, clocks
 * that go slightly backwards or do not exist.
 *
 * Packets are made here one by one and fed to tracker_packet(); a
 * recording sink (recorder.h) keeps every flow sent, in order, so a test
 * can also look at what was sent before tracker_close().
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>

#include "parsers/flows.h"
#include "parsers/format.h"
#include "parsers/record.h"

Suite	*suite(void);

/* The recorder wants a format; only its sink is used here. */
#define RECORD_FORMAT	format_pcap
#include "tests/unit/recorder.h"

#define C	"10.0.0.1"
#define S	"10.0.0.2"
#define T0	1700000000.0

struct fixture {
	struct rec	*r;
	struct ps_sink	 sink;
	struct tracker	*t;
};

static void
start(struct fixture *fx, enum flow_clock clock)
{
	fx->r = calloc(1, sizeof *fx->r);
	ck_assert_ptr_nonnull(fx->r);
	sink_init(&fx->sink, fx->r);
	fx->t = tracker_open(&fx->sink, clock);
	ck_assert_ptr_nonnull(fx->t);
}

static void
send_pk(struct fixture *fx, enum proto proto, double ts, const char *src,
    int sport, const char *dst, int dport, unsigned flags, unsigned long len)
{
	struct packet	p;
	static unsigned long line;

	memset(&p, 0, sizeof p);
	p.ts = ts;
	p.line = ++line;
	p.proto = proto;
	p.family = strchr(src, ':') != NULL ? 6 : 4;
	ck_assert_int_eq(inet_pton(p.family == 4 ? AF_INET : AF_INET6, src,
	    p.src), 1);
	ck_assert_int_eq(inet_pton(p.family == 4 ? AF_INET : AF_INET6, dst,
	    p.dst), 1);
	p.sport = sport;
	p.dport = dport;
	p.flags = flags;
	p.len = len;
	tracker_packet(fx->t, &p);
}

static void
tcp(struct fixture *fx, double ts, const char *src, int sport,
    const char *dst, int dport, unsigned flags, unsigned long len)
{
	send_pk(fx, PROTO_TCP, ts, src, sport, dst, dport, flags, len);
}

/* SYN, SYN-ACK, ACK from C:port to S:80 starting at t. */
static void
handshake(struct fixture *fx, double t, int port)
{
	tcp(fx, t, C, port, S, 80, TCP_SYN, 0);
	tcp(fx, t + 0.001, S, 80, C, port, TCP_SYN | TCP_ACK, 0);
	tcp(fx, t + 0.002, C, port, S, 80, TCP_ACK, 0);
}

static const struct ps_flow *
flow(const struct fixture *fx, size_t i)
{
	return &nth(fx->r, EV_FLOW, i)->flow;
}

static void
finish(struct fixture *fx)
{
	tracker_close(fx->t);
	fx->t = NULL;
}

static void
done(struct fixture *fx)
{
	if (fx->t != NULL)
		tracker_close(fx->t);
	rec_free(fx->r);
}

/* ---------------------------------------------------------------- tests */

START_TEST(test_handshake_data_close_local_first_is_time_wait)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.003, C, 40000, S, 80, TCP_PSH | TCP_ACK, 100);
	tcp(&fx, T0 + 0.004, S, 80, C, 40000, TCP_PSH | TCP_ACK, 200);
	tcp(&fx, T0 + 0.005, C, 40000, S, 80, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.006, S, 80, C, 40000, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.007, C, 40000, S, 80, TCP_ACK, 0);
	/* Lingering: nothing sent before the end. */
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	assert_no_issues(fx.r);
	f = flow(&fx, 0);
	ck_assert_int_eq(f->proto, PROTO_TCP);
	ck_assert_int_eq(f->family, 4);
	ck_assert_str_eq(f->local.addr, "10.0.0.1");
	ck_assert_int_eq(f->local.port, 40000);
	ck_assert_int_eq(f->local.numeric, 1);
	ck_assert_str_eq(f->local.zone, "");
	ck_assert_str_eq(f->local.port_name, "");
	ck_assert_str_eq(f->remote.addr, "10.0.0.2");
	ck_assert_int_eq(f->remote.port, 80);
	ck_assert_int_eq(f->local_opened, 1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert(f->first_seen == T0);
	ck_assert(f->last_seen == T0 + 0.007);
	ck_assert(f->syn_at == T0);
	ck_assert(f->answered_at == T0 + 0.001);
	ck_assert(f->local_fin_at == T0 + 0.005);
	ck_assert(f->remote_fin_at == T0 + 0.006);
	ck_assert(f->reset_at == FLOW_NEVER);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_NONE);
	ck_assert_int_eq(f->refused, 0);
	ck_assert_uint_eq(f->syns, 1);
	ck_assert_uint_eq(f->packets, 8);
	ck_assert_uint_eq(f->bytes, 300);
	ck_assert_int_eq(f->state, ST_TIME_WAIT);
	ck_assert_ptr_null(f->state_raw);
	ck_assert(!nth(fx.r, EV_FLOW, 0)->has_state_raw);
	done(&fx);
}
END_TEST

START_TEST(test_remote_closes_first_is_closed)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.005, S, 80, C, 40000, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.006, C, 40000, S, 80, TCP_FIN | TCP_ACK, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_CLOSED);
	ck_assert(flow(&fx, 0)->remote_fin_at == T0 + 0.005);
	ck_assert(flow(&fx, 0)->local_fin_at == T0 + 0.006);
	done(&fx);
}
END_TEST

START_TEST(test_half_close_by_local_is_fin_wait_2)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.005, C, 40000, S, 80, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.006, S, 80, C, 40000, TCP_ACK, 0);
	/* Not over: still held a minute later. */
	tcp(&fx, T0 + 60, C, 40001, S, 80, TCP_SYN, 0);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 2);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_FIN_WAIT_2);
	ck_assert(flow(&fx, 0)->remote_fin_at == FLOW_NEVER);
	ck_assert_int_eq(flow(&fx, 1)->state, ST_SYN_SENT);
	done(&fx);
}
END_TEST

START_TEST(test_half_close_by_remote_is_close_wait)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.005, S, 80, C, 40000, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.006, C, 40000, S, 80, TCP_ACK, 0);
	finish(&fx);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_CLOSE_WAIT);
	ck_assert(flow(&fx, 0)->local_fin_at == FLOW_NEVER);
	done(&fx);
}
END_TEST

START_TEST(test_rst_answering_syn_is_refused)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, C, 40000, S, 81, TCP_SYN, 0);
	tcp(&fx, T0 + 0.0001, S, 81, C, 40000, TCP_RST | TCP_ACK, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	f = flow(&fx, 0);
	ck_assert_int_eq(f->refused, 1);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_REMOTE);
	ck_assert(f->reset_at == T0 + 0.0001);
	ck_assert(f->answered_at == FLOW_NEVER);
	ck_assert_int_eq(f->state, ST_CLOSED);
	ck_assert_uint_eq(f->syns, 1);
	ck_assert_uint_eq(f->packets, 2);
	done(&fx);
}
END_TEST

START_TEST(test_rst_after_handshake_is_closed_not_refused)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.01, C, 40000, S, 80, TCP_RST | TCP_ACK, 0);
	finish(&fx);
	f = flow(&fx, 0);
	ck_assert_int_eq(f->refused, 0);
	ck_assert_int_eq(f->reset_by, FLOW_SIDE_LOCAL);
	ck_assert_int_eq(f->state, ST_CLOSED);
	done(&fx);
}
END_TEST

START_TEST(test_retransmitted_syns_are_counted_on_one_flow)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, C, 40000, S, 443, TCP_SYN, 0);
	tcp(&fx, T0 + 1, C, 40000, S, 443, TCP_SYN, 0);
	tcp(&fx, T0 + 3, C, 40000, S, 443, TCP_SYN, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	f = flow(&fx, 0);
	ck_assert_uint_eq(f->syns, 3);
	ck_assert_uint_eq(f->packets, 3);
	ck_assert(f->syn_at == T0);
	ck_assert(f->last_seen == T0 + 3);
	ck_assert_int_eq(f->state, ST_SYN_SENT);
	done(&fx);
}
END_TEST

START_TEST(test_syn_on_finished_tuple_starts_new_flow)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.005, C, 40000, S, 80, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.006, S, 80, C, 40000, TCP_FIN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.007, C, 40000, S, 80, TCP_ACK, 0);
	/* Port reuse within the linger: the old flow is sent at once. */
	handshake(&fx, T0 + 1, 40000);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_TIME_WAIT);
	ck_assert_uint_eq(flow(&fx, 0)->packets, 6);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 2);
	ck_assert_int_eq(flow(&fx, 1)->state, ST_ESTABLISHED);
	ck_assert(flow(&fx, 1)->syn_at == T0 + 1);
	ck_assert_uint_eq(flow(&fx, 1)->packets, 3);
	ck_assert_uint_eq(flow(&fx, 1)->syns, 1);
	done(&fx);
}
END_TEST

START_TEST(test_syn_after_completed_handshake_starts_new_flow)
{
	struct fixture	fx;

	/* The first connection's end was not captured; the port is reused. */
	start(&fx, FLOW_CLOCK_EPOCH);
	handshake(&fx, T0, 40000);
	tcp(&fx, T0 + 0.003, C, 40000, S, 80, TCP_PSH | TCP_ACK, 10);
	tcp(&fx, T0 + 30, C, 40000, S, 80, TCP_SYN, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 2);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_ESTABLISHED);
	ck_assert_uint_eq(flow(&fx, 0)->syns, 1);
	ck_assert_int_eq(flow(&fx, 1)->state, ST_SYN_SENT);
	done(&fx);
}
END_TEST

START_TEST(test_midstream_higher_port_is_local)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	/* The first packet seen goes from the server to the client. */
	tcp(&fx, T0, S, 80, C, 51000, TCP_PSH | TCP_ACK, 500);
	tcp(&fx, T0 + 0.1, C, 51000, S, 80, TCP_ACK, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	f = flow(&fx, 0);
	ck_assert_str_eq(f->local.addr, C);
	ck_assert_int_eq(f->local.port, 51000);
	ck_assert_str_eq(f->remote.addr, S);
	ck_assert_int_eq(f->remote.port, 80);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_int_eq(f->midstream, 1);
	ck_assert(f->syn_at == FLOW_NEVER);
	ck_assert_uint_eq(f->syns, 0);
	ck_assert_uint_eq(f->bytes, 500);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	done(&fx);
}
END_TEST

START_TEST(test_midstream_equal_ports_sender_is_local)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, S, 5000, C, 5000, TCP_ACK, 1);
	finish(&fx);
	ck_assert_str_eq(flow(&fx, 0)->local.addr, S);
	done(&fx);
}
END_TEST

START_TEST(test_synack_first_its_receiver_is_local)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, S, 80, C, 40000, TCP_SYN | TCP_ACK, 0);
	tcp(&fx, T0 + 0.001, C, 40000, S, 80, TCP_ACK, 0);
	finish(&fx);
	f = flow(&fx, 0);
	ck_assert_str_eq(f->local.addr, C);
	ck_assert_int_eq(f->local.port, 40000);
	ck_assert_int_eq(f->local_opened, 1);
	ck_assert_int_eq(f->midstream, 1);
	ck_assert(f->answered_at == T0);
	ck_assert(f->syn_at == FLOW_NEVER);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	done(&fx);
}
END_TEST

START_TEST(test_synack_never_acknowledged_is_syn_received)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, C, 40000, S, 80, TCP_SYN, 0);
	tcp(&fx, T0 + 0.001, S, 80, C, 40000, TCP_SYN | TCP_ACK, 0);
	tcp(&fx, T0 + 1.001, S, 80, C, 40000, TCP_SYN | TCP_ACK, 0);
	finish(&fx);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_SYN_RECEIVED);
	ck_assert(flow(&fx, 0)->answered_at == T0 + 0.001);
	done(&fx);
}
END_TEST

START_TEST(test_udp_flow_ends_after_idle_time)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	send_pk(&fx, PROTO_UDP, T0, C, 5353, S, 53, 0, 30);
	send_pk(&fx, PROTO_UDP, T0 + 0.5, S, 53, C, 5353, 0, 60);
	send_pk(&fx, PROTO_UDP, T0 + 30, C, 5353, S, 53, 0, 30);
	/* 59.9 s of quiet: still held. */
	send_pk(&fx, PROTO_UDP, T0 + 89.9, C, 6000, S, 53, 0, 1);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 0);
	/* 60 s of quiet: sent; the same tuple then starts a new flow. */
	send_pk(&fx, PROTO_UDP, T0 + 90, S, 53, C, 5353, 0, 60);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	f = flow(&fx, 0);
	ck_assert_int_eq(f->proto, PROTO_UDP);
	ck_assert_str_eq(f->local.addr, C);
	ck_assert_int_eq(f->local.port, 5353);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_uint_eq(f->packets, 3);
	ck_assert_uint_eq(f->bytes, 120);
	ck_assert(f->last_seen == T0 + 30);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 3);
	/* The new flow on the old tuple: its first sender is local. */
	ck_assert_str_eq(flow(&fx, 2)->local.addr, S);
	ck_assert_int_eq(flow(&fx, 2)->local.port, 53);
	done(&fx);
}
END_TEST

START_TEST(test_ipv6_endpoints_are_rfc5952)
{
	struct fixture		 fx;
	struct endpoint		 ep;
	unsigned char		 a[16];

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, "2001:DB8:0:0:0:0:0:1", 40000, "2001:db8::2", 443,
	    TCP_SYN, 0);
	tcp(&fx, T0 + 0.001, "2001:db8::2", 443, "2001:db8::1", 40000,
	    TCP_SYN | TCP_ACK, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	ck_assert_int_eq(flow(&fx, 0)->family, 6);
	ck_assert_str_eq(flow(&fx, 0)->local.addr, "2001:db8::1");
	ck_assert_str_eq(flow(&fx, 0)->remote.addr, "2001:db8::2");
	ck_assert(flow(&fx, 0)->answered_at == T0 + 0.001);

	/* RFC 5952: the longest run of zeros, never a single one. */
	inet_pton(AF_INET6, "2001:0db8:0000:0001:0000:0000:0000:0001", a);
	flow_endpoint(&ep, 6, a, 8080);
	ck_assert_str_eq(ep.addr, "2001:db8:0:1::1");
	ck_assert_int_eq(ep.port, 8080);
	ck_assert_int_eq(ep.numeric, 1);
	ck_assert_str_eq(ep.zone, "");
	ck_assert_str_eq(ep.port_name, "");
	inet_pton(AF_INET6, "2001:db8:0:1:1:1:1:1", a);
	flow_endpoint(&ep, 6, a, 1);
	ck_assert_str_eq(ep.addr, "2001:db8:0:1:1:1:1:1");
	inet_pton(AF_INET, "192.0.2.7", a);
	flow_endpoint(&ep, 4, a, 0);
	ck_assert_str_eq(ep.addr, "192.0.2.7");
	done(&fx);
}
END_TEST

START_TEST(test_closed_flow_lingers_then_is_sent)
{
	struct fixture	fx;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0, C, 40000, S, 81, TCP_SYN, 0);
	tcp(&fx, T0 + 0.1, S, 81, C, 40000, TCP_RST | TCP_ACK, 0);
	/* Other traffic as time passes: 9.8 s after the RST, still held. */
	tcp(&fx, T0 + 9.9, C, 40001, S, 80, TCP_SYN, 0);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 0);
	/* A late packet of the closed flow counts, and does not extend it. */
	tcp(&fx, T0 + 9.95, C, 40000, S, 81, TCP_ACK, 0);
	tcp(&fx, T0 + 10.1, C, 40001, S, 80, TCP_SYN, 0);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	ck_assert_int_eq(flow(&fx, 0)->refused, 1);
	ck_assert_uint_eq(flow(&fx, 0)->packets, 3);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 2);
	ck_assert_uint_eq(flow(&fx, 1)->syns, 2);
	done(&fx);
}
END_TEST

START_TEST(test_many_short_connections_stay_bounded)
{
	struct fixture	fx;
	double		t;
	size_t		i, n = 30000, most = 0, held;
	int		port;

	/*
	 * A new connection every 10 ms, each closed within it, ports cycling
	 * through the whole range: at most about FLOW_LINGER_SECONDS / 0.01
	 * entries may be held at once, whatever the length of the capture.
	 */
	start(&fx, FLOW_CLOCK_EPOCH);
	for (i = 0; i < n; i++) {
		t = T0 + (double)i * 0.01;
		port = 1024 + (int)(i % 64000);
		handshake(&fx, t, port);
		tcp(&fx, t + 0.003, C, port, S, 80, TCP_FIN | TCP_ACK, 0);
		tcp(&fx, t + 0.004, S, 80, C, port, TCP_FIN | TCP_ACK, 0);
		tcp(&fx, t + 0.005, C, port, S, 80, TCP_ACK, 0);
		held = i + 1 - fx.r->n;	/* only flows are recorded */
		if (held > most)
			most = held;
	}
	ck_assert_uint_le(most, (size_t)(FLOW_LINGER_SECONDS / 0.01) + 2);
	ck_assert_uint_ge(most, (size_t)(FLOW_LINGER_SECONDS / 0.01) - 2);
	ck_assert_uint_ge(count(fx.r, EV_FLOW), n - most);
	finish(&fx);
	assert_no_issues(fx.r);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), n);
	ck_assert_int_eq(flow(&fx, 0)->state, ST_TIME_WAIT);
	ck_assert_int_eq(flow(&fx, n - 1)->state, ST_TIME_WAIT);
	ck_assert_uint_eq(flow(&fx, n - 1)->packets, 6);
	done(&fx);
}
END_TEST

START_TEST(test_timestamps_slightly_backwards_are_tolerated)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_EPOCH);
	tcp(&fx, T0 + 1.0, C, 40000, S, 80, TCP_SYN, 0);
	tcp(&fx, T0 + 1.002, S, 80, C, 40000, TCP_SYN | TCP_ACK, 0);
	tcp(&fx, T0 + 1.001, C, 40000, S, 80, TCP_ACK, 0);
	tcp(&fx, T0 + 0.999, C, 40000, S, 80, TCP_PSH | TCP_ACK, 7);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 1);
	f = flow(&fx, 0);
	ck_assert(f->first_seen == T0 + 0.999);
	ck_assert(f->last_seen == T0 + 1.002);
	ck_assert(f->syn_at == T0 + 1.0);
	ck_assert_uint_eq(f->packets, 4);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	done(&fx);
}
END_TEST

START_TEST(test_no_clock_gives_no_times)
{
	struct fixture		 fx;
	const struct ps_flow	*f;

	start(&fx, FLOW_CLOCK_NONE);
	handshake(&fx, 0, 40000);
	tcp(&fx, 0, C, 40000, S, 80, TCP_FIN | TCP_ACK, 0);
	finish(&fx);
	f = flow(&fx, 0);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_NONE);
	ck_assert(f->first_seen == FLOW_NEVER);
	ck_assert(f->last_seen == FLOW_NEVER);
	ck_assert(f->syn_at == FLOW_NEVER);
	ck_assert(f->answered_at == FLOW_NEVER);
	ck_assert(f->local_fin_at == FLOW_NEVER);
	ck_assert_int_eq(f->state, ST_FIN_WAIT_2);
	ck_assert_uint_eq(f->packets, 4);
	done(&fx);
}
END_TEST

START_TEST(test_flows_left_at_the_end_go_in_first_packet_order)
{
	struct fixture	fx;
	int		i;

	start(&fx, FLOW_CLOCK_EPOCH);
	for (i = 0; i < 600; i++)	/* more than the first table */
		tcp(&fx, T0 + i * 0.001, C, 2000 + i, S, 80, TCP_SYN, 0);
	finish(&fx);
	ck_assert_uint_eq(count(fx.r, EV_FLOW), 600);
	for (i = 0; i < 600; i++)
		ck_assert_int_eq(flow(&fx, (size_t)i)->local.port, 2000 + i);
	for (i = 1; i < 600; i++)
		ck_assert_uint_gt(flow(&fx, (size_t)i)->line,
		    flow(&fx, (size_t)i - 1)->line);
	done(&fx);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("flows");
	TCase	*tc = tcase_create("tracker");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_handshake_data_close_local_first_is_time_wait);
	tcase_add_test(tc, test_remote_closes_first_is_closed);
	tcase_add_test(tc, test_half_close_by_local_is_fin_wait_2);
	tcase_add_test(tc, test_half_close_by_remote_is_close_wait);
	tcase_add_test(tc, test_rst_answering_syn_is_refused);
	tcase_add_test(tc, test_rst_after_handshake_is_closed_not_refused);
	tcase_add_test(tc, test_retransmitted_syns_are_counted_on_one_flow);
	tcase_add_test(tc, test_syn_on_finished_tuple_starts_new_flow);
	tcase_add_test(tc, test_syn_after_completed_handshake_starts_new_flow);
	tcase_add_test(tc, test_midstream_higher_port_is_local);
	tcase_add_test(tc, test_midstream_equal_ports_sender_is_local);
	tcase_add_test(tc, test_synack_first_its_receiver_is_local);
	tcase_add_test(tc, test_synack_never_acknowledged_is_syn_received);
	tcase_add_test(tc, test_udp_flow_ends_after_idle_time);
	tcase_add_test(tc, test_ipv6_endpoints_are_rfc5952);
	tcase_add_test(tc, test_closed_flow_lingers_then_is_sent);
	tcase_add_test(tc, test_many_short_connections_stay_bounded);
	tcase_add_test(tc, test_timestamps_slightly_backwards_are_tolerated);
	tcase_add_test(tc, test_no_clock_gives_no_times);
	tcase_add_test(tc, test_flows_left_at_the_end_go_in_first_packet_order);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
