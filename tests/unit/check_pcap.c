/*
 * check_pcap.c — tests for parsers/pcap.c: the magic numbers, every link
 * type it reads (Ethernet with and without VLAN tags, Linux cooked SLL and
 * SLL2, raw IP, LINKTYPE_IPV4/IPV6, BSD loopback in both byte orders),
 * pcap in both byte orders and both time precisions, pcapng, IPv4 options
 * and fragments, IPv6 extension headers, a small snap length, truncated and
 * garbled frames, a file cut short, a link type it does not read, the
 * caller's FILE left open, and the live loopback capture of the corpus.
 *
 * The fixtures in tests/fixtures/pcap/ are written by make-fixtures.py
 * beside them (its comment says what each holds): the same 8-packet TCP
 * conversation (and a 2-packet UDP exchange) in every wrapping, so each
 * link type is held to the same numbers.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/flows.h"
#include "parsers/format.h"
#include "parsers/record.h"

Suite	*suite(void);

#define RECORD_FORMAT	format_pcap
#include "tests/unit/recorder.h"

#define CORPUS		"../shared/corpus"
#define FIXTURES	"tests/fixtures/pcap"
#define T0		1700000000.0

static struct rec *
fixture(const char *name)
{
	char	path[256];

	snprintf(path, sizeof path, "%s/%s", FIXTURES, name);
	return run_read(&format_pcap, path);
}

static const struct ps_flow *
flow(const struct rec *r, size_t i)
{
	return &nth(r, EV_FLOW, i)->flow;
}

/*
 * Times a few hundred nanoseconds apart: a double holds Unix time to about
 * 240 ns, and sums of doubles round.
 */
static int
near(double a, double b)
{
	return a - b < 5e-7 && b - a < 5e-7;
}

/* The 8-packet conversation of make-fixtures.py, client port, at t0. */
static void
assert_conv(const struct ps_flow *f, int family, const char *c,
    const char *s, int cport, int sport, double t0, unsigned long line)
{
	ck_assert_int_eq(f->proto, PROTO_TCP);
	ck_assert_int_eq(f->family, family);
	ck_assert_str_eq(f->local.addr, c);
	ck_assert_int_eq(f->local.port, cport);
	ck_assert_str_eq(f->remote.addr, s);
	ck_assert_int_eq(f->remote.port, sport);
	ck_assert_int_eq(f->local_opened, 1);
	ck_assert_int_eq(f->midstream, 0);
	ck_assert_int_eq(f->clock, FLOW_CLOCK_EPOCH);
	ck_assert_msg(f->first_seen == t0, "first_seen %.9f", f->first_seen);
	ck_assert(f->syn_at == t0);
	ck_assert(near(f->answered_at, t0 + 0.001));
	ck_assert(near(f->local_fin_at, t0 + 0.005));
	ck_assert(near(f->remote_fin_at, t0 + 0.006));
	ck_assert(near(f->last_seen, t0 + 0.007));
	ck_assert(f->reset_at == FLOW_NEVER);
	ck_assert_uint_eq(f->syns, 1);
	ck_assert_uint_eq(f->packets, 8);
	ck_assert_uint_eq(f->bytes, 300);
	ck_assert_int_eq(f->state, ST_TIME_WAIT);
	ck_assert_uint_eq(f->line, line);
}

static void
assert_conv4(const struct ps_flow *f, unsigned long line)
{
	assert_conv(f, 4, "10.0.0.1", "10.0.0.2", 40000, 80, T0, line);
}

static void
assert_conv6(const struct ps_flow *f, unsigned long line)
{
	assert_conv(f, 6, "2001:db8::1", "2001:db8::2", 40001, 443, T0 + 1,
	    line);
}

static void
assert_udp4(const struct ps_flow *f, unsigned long line)
{
	ck_assert_int_eq(f->proto, PROTO_UDP);
	ck_assert_str_eq(f->local.addr, "10.0.0.1");
	ck_assert_int_eq(f->local.port, 5353);
	ck_assert_str_eq(f->remote.addr, "10.0.0.2");
	ck_assert_int_eq(f->remote.port, 53);
	ck_assert_int_eq(f->local_opened, -1);
	ck_assert_uint_eq(f->packets, 2);
	ck_assert_uint_eq(f->bytes, 90);
	ck_assert_int_eq(f->state, ST_ESTABLISHED);
	ck_assert(f->first_seen == T0 + 2);
	ck_assert(f->last_seen == T0 + 2.0005);
	ck_assert_uint_eq(f->line, line);
}

/* ---------------------------------------------------------------- sniff */

START_TEST(test_sniff_bytes_knows_every_magic)
{
	static const unsigned char le[] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0 };
	static const unsigned char be[] = { 0xa1, 0xb2, 0xc3, 0xd4, 0, 2 };
	static const unsigned char nle[] = { 0x4d, 0x3c, 0xb2, 0xa1, 2, 0 };
	static const unsigned char nbe[] = { 0xa1, 0xb2, 0x3c, 0x4d, 0, 2 };
	static const unsigned char ng[] = { 0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0 };
	static const unsigned char text[] = "State      Recv-Q";
	static const unsigned char bom[] = { 0xff, 0xfe, 'P', 0 };

	ck_assert_int_eq(format_pcap.sniff_bytes(le, sizeof le), 100);
	ck_assert_int_eq(format_pcap.sniff_bytes(be, sizeof be), 100);
	ck_assert_int_eq(format_pcap.sniff_bytes(nle, sizeof nle), 100);
	ck_assert_int_eq(format_pcap.sniff_bytes(nbe, sizeof nbe), 100);
	ck_assert_int_eq(format_pcap.sniff_bytes(ng, sizeof ng), 100);
	ck_assert_int_eq(format_pcap.sniff_bytes(text, 16), 0);
	ck_assert_int_eq(format_pcap.sniff_bytes(bom, sizeof bom), 0);
	ck_assert_int_eq(format_pcap.sniff_bytes(le, 3), 0);
	ck_assert_ptr_eq(format_sniff_bytes(ng, sizeof ng), &format_pcap);
	ck_assert_int_eq(format_pcap.flows, 1);
	ck_assert_str_eq(format_pcap.name, "pcap");
	ck_assert_ptr_null(format_pcap.sniff);
	ck_assert_ptr_nonnull(format_pcap.read);
}
END_TEST

/* ---------------------------------------------------------------- links */

START_TEST(test_ethernet_tcp_udp_and_skipped_frames)
{
	struct rec	*r = fixture("ether.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_udp4(flow(r, 1), 9);
	/* ICMP echo (frame 11) and ARP (frame 12): skipped, not flows. */
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 11);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "ICMP");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 12);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 1)->reason, "non-IP frame");
	ck_assert_uint_eq(count(r, EV_SOCKET), 0);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_big_endian_nanosecond_pcap_keeps_nanoseconds)
{
	struct rec	*r = fixture("ether-ns-be.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	assert_conv(flow(r, 0), 4, "10.0.0.1", "10.0.0.2", 40000, 80,
	    T0 + 123456789 / 1e9, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_pcapng_ipv4_and_ipv6)
{
	struct rec	*r = fixture("ether.pcapng");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_conv6(flow(r, 1), 9);
	rec_free(r);
}
END_TEST

START_TEST(test_vlan_and_qinq_tags)
{
	struct rec	*r = fixture("vlan.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_conv(flow(r, 1), 4, "10.0.0.1", "10.0.0.2", 40002, 80, T0 + 1,
	    9);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_linux_cooked_sll)
{
	struct rec	*r = fixture("sll.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_udp4(flow(r, 1), 9);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 11);
	rec_free(r);
}
END_TEST

START_TEST(test_linux_cooked_sll2)
{
	struct rec	*r = fixture("sll2.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_udp4(flow(r, 1), 9);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_raw_ip_mixes_ipv4_and_ipv6)
{
	struct rec	*r = fixture("raw.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_conv6(flow(r, 1), 9);
	rec_free(r);
}
END_TEST

START_TEST(test_linktype_ipv4_and_ipv6)
{
	struct rec	*r = fixture("ipv4.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	assert_udp4(flow(r, 1), 9);
	rec_free(r);
	r = fixture("ipv6.pcap");
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	assert_conv6(flow(r, 0), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_bsd_loopback_both_byte_orders)
{
	static const char *const names[] = {
		"null-le.pcap", "null-be.pcap", "loop.pcap"
	};
	struct rec	*r;
	size_t		 i;

	for (i = 0; i < 3; i++) {
		r = fixture(names[i]);
		assert_no_issues(r);
		ck_assert_msg(count(r, EV_FLOW) == 2, "%s", names[i]);
		assert_conv4(flow(r, 0), 1);
		assert_conv6(flow(r, 1), 9);
		ck_assert_uint_eq(count(r, EV_SKIPPED), 0);
		rec_free(r);
	}
}
END_TEST

/* ---------------------------------------------------------------- IP */

START_TEST(test_ipv6_extension_headers_are_walked)
{
	struct rec	*r = fixture("ipv6-ext.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	assert_conv6(flow(r, 0), 1);
	/* A later fragment (frame 9) and an ICMPv6 echo (frame 10). */
	ck_assert_uint_eq(count(r, EV_SKIPPED), 2);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 9);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "IP fragment");
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 1)->line, 10);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 1)->reason, "ICMPv6");
	rec_free(r);
}
END_TEST

START_TEST(test_ipv4_options_and_fragments)
{
	struct rec		*r = fixture("ipv4-options.pcap");
	const struct ps_flow	*f;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 2);
	assert_conv4(flow(r, 0), 1);
	/* The first fragment of a datagram is read; a later one skipped. */
	f = flow(r, 1);
	ck_assert_int_eq(f->proto, PROTO_UDP);
	ck_assert_uint_eq(f->packets, 1);
	ck_assert_uint_eq(f->bytes, 30);
	ck_assert_uint_eq(f->line, 9);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 1);
	ck_assert_uint_eq(nth(r, EV_SKIPPED, 0)->line, 10);
	ck_assert_str_eq(nth(r, EV_SKIPPED, 0)->reason, "IP fragment");
	rec_free(r);
}
END_TEST

START_TEST(test_small_snap_length_still_counts_payload)
{
	struct rec	*r = fixture("snaplen.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	assert_conv4(flow(r, 0), 1);	/* bytes 300 of 68-byte frames */
	rec_free(r);
}
END_TEST

START_TEST(test_refused_connection)
{
	struct rec	*r = fixture("refused.pcap");

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_int_eq(flow(r, 0)->refused, 1);
	ck_assert_int_eq(flow(r, 0)->reset_by, FLOW_SIDE_REMOTE);
	ck_assert_int_eq(flow(r, 0)->state, ST_CLOSED);
	ck_assert_int_eq(flow(r, 0)->remote.port, 81);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- damage */

START_TEST(test_truncated_frames_are_a_handful_of_issues)
{
	struct rec	*r = fixture("truncated.pcap");
	const struct ev	*e;
	unsigned long	 fr;

	/*
	 * Frames 4 to 11 are bad (make-fixtures.py: Ethernet, IPv4, TCP,
	 * IPv6 cut; a VLAN tag cut; IHL 3; data offset 2; UDP cut): five
	 * issues one by one, then one that counts the other three.
	 */
	ck_assert_uint_eq(count(r, EV_ISSUE), 6);
	for (fr = 4; fr <= 8; fr++) {
		e = issue_at(r, fr);
		ck_assert_msg(e != NULL, "no issue for frame %lu", fr);
	}
	ck_assert_ptr_nonnull(strstr(issue_at(r, 4)->reason,
	    "Ethernet header needs 14 bytes, 10 captured"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 5)->reason, "IPv4 header"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 6)->reason, "TCP header"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 7)->reason, "IPv6 header"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 8)->reason, "VLAN tag"));
	ck_assert_str_eq(issue_at(r, 4)->text, "frame 4 (EN10MB)");
	e = nth(r, EV_ISSUE, 5);
	ck_assert_uint_eq(e->line, 9);
	ck_assert_ptr_nonnull(strstr(e->reason, "3 more truncated or garbled "
	    "frames, the first of them frame 9"));
	/* The conversation around them is whole. */
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	ck_assert_uint_eq(flow(r, 0)->packets, 8);
	ck_assert_uint_eq(flow(r, 0)->bytes, 300);
	ck_assert_int_eq(flow(r, 0)->state, ST_TIME_WAIT);
	rec_free(r);
}
END_TEST

START_TEST(test_file_cut_short_keeps_what_came_before)
{
	struct rec	*r = fixture("cut.pcap");

	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 9);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason,
	    "the capture stops after frame 8"));
	ck_assert_uint_eq(count(r, EV_FLOW), 1);
	assert_conv4(flow(r, 0), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_unsupported_link_type_is_one_issue)
{
	struct rec	*r = fixture("wifi.pcap");

	ck_assert_uint_eq(r->n, 1);
	ck_assert_int_eq(r->ev[0].kind, EV_ISSUE);
	ck_assert_uint_eq(r->ev[0].line, 0);
	ck_assert_ptr_nonnull(strstr(r->ev[0].reason,
	    "link type IEEE802_11 (DLT 105)"));
	rec_free(r);
}
END_TEST

START_TEST(test_text_file_is_not_a_capture)
{
	struct rec	 r;
	struct ps_sink	 sink;
	char		 err[256];
	FILE		*fp;

	memset(&r, 0, sizeof r);
	sink_init(&sink, &r);
	fp = fopen(CORPUS "/linux-live_ss-tanp.txt", "rb");
	ck_assert_ptr_nonnull(fp);
	err[0] = '\0';
	ck_assert_int_eq(format_pcap.read(fp, &sink, NULL, err, sizeof err),
	    -1);
	ck_assert_ptr_nonnull(strstr(err, "not a capture"));
	ck_assert_uint_eq(r.n, 0);
	/* Still the caller's to close. */
	ck_assert_int_eq(fclose(fp), 0);
	free(r.ev);
}
END_TEST

/* A stream with no file descriptor, as the caller's fopencookie one. */
START_TEST(test_callers_stream_stays_open)
{
	struct rec	 r;
	struct ps_sink	 sink;
	char		 err[256], buf[4096];
	size_t		 n;
	FILE		*fp, *mem;

	fp = fopen(FIXTURES "/ether.pcapng", "rb");
	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, sizeof buf, fp);
	ck_assert_uint_gt(n, 100);
	fclose(fp);
	mem = fmemopen(buf, n, "rb");
	ck_assert_ptr_nonnull(mem);

	memset(&r, 0, sizeof r);
	sink_init(&sink, &r);
	ck_assert_int_eq(format_pcap.read(mem, &sink, NULL, err, sizeof err),
	    0);
	ck_assert_uint_eq(count(&r, EV_FLOW), 2);
	/* Not closed by pcap_close: it can still be read and rewound. */
	ck_assert_int_eq(fseek(mem, 0, SEEK_SET), 0);
	ck_assert_int_eq(fgetc(mem), 0x0a);
	ck_assert_int_eq(fclose(mem), 0);
	free(r.ev);
}
END_TEST

/* ---------------------------------------------------------------- corpus */

START_TEST(test_corpus_loopback_capture)
{
	struct rec		*r;
	const struct ps_flow	*f;
	size_t			 i;

	r = run_read(&format_pcap, CORPUS "/linux-live_loopback.pcapng");
	assert_no_issues(r);
	/*
	 * `tshark -r linux-live_loopback.pcapng -q -z conv,tcp` lists 80
	 * conversations (Wireshark 4.0.17, run by hand for this test).
	 */
	ck_assert_uint_eq(count(r, EV_FLOW), 80);
	ck_assert_uint_eq(count(r, EV_SKIPPED), 0);
	for (i = 0; i < 80; i++) {
		f = flow(r, i);
		ck_assert_str_eq(f->local.addr, "127.0.0.1");
		ck_assert_str_eq(f->remote.addr, "127.0.0.1");
		ck_assert_int_eq(f->remote.port, 47002);
		ck_assert_int_eq(f->local_opened, 1);
		ck_assert_uint_eq(f->syns, 1);
		/* SYN, SYN-ACK, ACK, FIN from the client, its ACK. */
		ck_assert_uint_eq(f->packets, 5);
		ck_assert_uint_eq(f->bytes, 0);
		ck_assert_int_eq(f->state, ST_FIN_WAIT_2);
	}
	f = flow(r, 0);
	ck_assert_int_eq(f->local.port, 58896);
	ck_assert_uint_eq(f->line, 1);
	ck_assert(f->first_seen == 1795474289.0 + 803959169 / 1e9);
	rec_free(r);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("pcap");
	TCase	*tc = tcase_create("pcap");

	tcase_add_test(tc, test_sniff_bytes_knows_every_magic);
	tcase_add_test(tc, test_ethernet_tcp_udp_and_skipped_frames);
	tcase_add_test(tc, test_big_endian_nanosecond_pcap_keeps_nanoseconds);
	tcase_add_test(tc, test_pcapng_ipv4_and_ipv6);
	tcase_add_test(tc, test_vlan_and_qinq_tags);
	tcase_add_test(tc, test_linux_cooked_sll);
	tcase_add_test(tc, test_linux_cooked_sll2);
	tcase_add_test(tc, test_raw_ip_mixes_ipv4_and_ipv6);
	tcase_add_test(tc, test_linktype_ipv4_and_ipv6);
	tcase_add_test(tc, test_bsd_loopback_both_byte_orders);
	tcase_add_test(tc, test_ipv6_extension_headers_are_walked);
	tcase_add_test(tc, test_ipv4_options_and_fragments);
	tcase_add_test(tc, test_small_snap_length_still_counts_payload);
	tcase_add_test(tc, test_refused_connection);
	tcase_add_test(tc, test_truncated_frames_are_a_handful_of_issues);
	tcase_add_test(tc, test_file_cut_short_keeps_what_came_before);
	tcase_add_test(tc, test_unsupported_link_type_is_one_issue);
	tcase_add_test(tc, test_text_file_is_not_a_capture);
	tcase_add_test(tc, test_callers_stream_stays_open);
	tcase_add_test(tc, test_corpus_loopback_capture);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
