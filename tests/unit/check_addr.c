/*
 * check_addr.c — tests for parsers/addr.c: endpoint text to canonical
 * address, zone and port; RFC 5952 IPv6 text; names and port names; what
 * counts as "no remote"; and the endpoints that are refused.
 */
#include <arpa/inet.h>
#include <check.h>
#include <string.h>

#include "parsers/addr.h"

Suite	*suite(void);

/* addr_parse on a C string; the endpoint is pre-filled with junk. */
static int
parse(const char *s, struct endpoint *ep)
{
	memset(ep, 'Z', sizeof *ep);
	return addr_parse(s, strlen(s), ep);
}

START_TEST(test_ipv4_endpoint_is_family_4_with_port)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("10.1.1.5:49712", &ep), 4);
	ck_assert_str_eq(ep.addr, "10.1.1.5");
	ck_assert_str_eq(ep.zone, "");
	ck_assert_int_eq(ep.port, 49712);
	ck_assert_str_eq(ep.port_name, "");
	ck_assert_int_eq(ep.numeric, 1);
}
END_TEST

/* The fast path for canonical dotted quads agrees with inet_pton/ntop. */
START_TEST(test_zone_without_address_is_rejected)
{
	struct endpoint	ep;

	ck_assert_int_eq(addr_parse("%eth0:80", 8, &ep), -1);
	ck_assert_int_eq(addr_parse("[%eth0]:80", 10, &ep), -1);
}
END_TEST

START_TEST(test_wildcard_with_port_name_is_not_numeric)
{
	struct endpoint	ep;

	ck_assert_int_eq(addr_parse("*:ssh", 5, &ep), 0);
	ck_assert_str_eq(ep.addr, "*");
	ck_assert_str_eq(ep.port_name, "ssh");
	ck_assert_int_eq(ep.numeric, 0);
	ck_assert_int_eq(addr_parse("*:22", 4, &ep), 0);
	ck_assert_int_eq(ep.numeric, 1);
	ck_assert_int_eq(ep.port, 22);
}
END_TEST

START_TEST(test_ipv4_canonical_text_agrees_with_inet_ntop)
{
	static const char *const good[] = {
		"0.0.0.0", "10.1.1.5", "127.0.0.1", "255.255.255.255",
		"192.168.100.200", NULL
	};
	static const char *const bad[] = {
		"010.0.0.1", "10.0.0.256", "1.2.3", "1.2.3.4.5", "1..2.3",
		".1.2.3", "1.2.3.", "1.2.3.4a", "1000.1.1.1", NULL
	};
	const char *const	*p;
	char			 out[64], want[64];
	unsigned char		 bin[4];

	for (p = good; *p != NULL; p++) {
		ck_assert_int_eq(inet_pton(AF_INET, *p, bin), 1);
		ck_assert_ptr_nonnull(inet_ntop(AF_INET, bin, want,
		    sizeof want));
		ck_assert_int_eq(addr_canon(*p, strlen(*p), out, sizeof out), 4);
		ck_assert_str_eq(out, want);
	}
	for (p = bad; *p != NULL; p++) {
		ck_assert_int_eq(inet_pton(AF_INET, *p, bin), 0);
		ck_assert_int_eq(addr_canon(*p, strlen(*p), out, sizeof out), 0);
	}
}
END_TEST

START_TEST(test_ipv4_port_bounds_0_and_65535_are_accepted)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("0.0.0.0:0", &ep), 4);
	ck_assert_int_eq(ep.port, 0);
	ck_assert_int_eq(parse("255.255.255.255:65535", &ep), 4);
	ck_assert_str_eq(ep.addr, "255.255.255.255");
	ck_assert_int_eq(ep.port, 65535);
}
END_TEST

START_TEST(test_only_len_bytes_are_read)
{
	struct endpoint	ep;
	const char	*s = "10.0.0.1:443 trailing words";

	ck_assert_int_eq(addr_parse(s, 12, &ep), 4);
	ck_assert_str_eq(ep.addr, "10.0.0.1");
	ck_assert_int_eq(ep.port, 443);
}
END_TEST

START_TEST(test_ipv6_loopback_long_form_is_canonical)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("[0:0:0:0:0:0:0:1]:80", &ep), 6);
	ck_assert_str_eq(ep.addr, "::1");
	ck_assert_int_eq(ep.port, 80);
	ck_assert_int_eq(ep.numeric, 1);
}
END_TEST

START_TEST(test_ipv6_uppercase_is_lowercased)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("[2001:DB8::ABCD]:443", &ep), 6);
	ck_assert_str_eq(ep.addr, "2001:db8::abcd");
}
END_TEST

START_TEST(test_ipv6_longest_zero_run_is_compressed_first_on_tie)
{
	struct endpoint	ep;

	/* Two runs of two zeros: RFC 5952 4.2.3 compresses the first. */
	ck_assert_int_eq(parse("[2001:db8:0:0:1:0:0:1]:443", &ep), 6);
	ck_assert_str_eq(ep.addr, "2001:db8::1:0:0:1");
	/* The longer run wins wherever it is. */
	ck_assert_int_eq(parse("[2001:0:0:1:0:0:0:1]:443", &ep), 6);
	ck_assert_str_eq(ep.addr, "2001:0:0:1::1");
	/* Leading zeros in a group go. */
	ck_assert_int_eq(parse("[2001:0db8:0000:0000:0000:0000:0000:0001]:1", &ep),
	    6);
	ck_assert_str_eq(ep.addr, "2001:db8::1");
}
END_TEST

START_TEST(test_ipv6_single_zero_group_is_not_compressed)
{
	char	out[ENDPOINT_ADDR_MAX];
	const char *in = "2001:db8:0:1:1:1:1:1";

	ck_assert_int_eq(addr_canon(in, strlen(in), out, sizeof out), 6);
	ck_assert_str_eq(out, "2001:db8:0:1:1:1:1:1");
}
END_TEST

START_TEST(test_ipv4_mapped_ipv6_keeps_dotted_tail)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("[::ffff:10.0.0.1]:443", &ep), 6);
	ck_assert_str_eq(ep.addr, "::ffff:10.0.0.1");
	ck_assert_int_eq(ep.port, 443);
	/* Written in hex, it comes out the same. */
	ck_assert_int_eq(parse("[::FFFF:a00:1]:443", &ep), 6);
	ck_assert_str_eq(ep.addr, "::ffff:10.0.0.1");
}
END_TEST

START_TEST(test_numeric_zone_is_kept_apart)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("[fe80::1%12]:445", &ep), 6);
	ck_assert_str_eq(ep.addr, "fe80::1");
	ck_assert_str_eq(ep.zone, "12");
	ck_assert_int_eq(ep.port, 445);
	ck_assert_int_eq(ep.numeric, 1);
}
END_TEST

START_TEST(test_named_zone_is_kept_apart)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("[FE80:0:0:0:0:0:0:1%eth0]:22", &ep), 6);
	ck_assert_str_eq(ep.addr, "fe80::1");
	ck_assert_str_eq(ep.zone, "eth0");
	ck_assert_int_eq(ep.port, 22);
	/* ss writes it without brackets. */
	ck_assert_int_eq(parse("fe80::1%eth0:22", &ep), 6);
	ck_assert_str_eq(ep.addr, "fe80::1");
	ck_assert_str_eq(ep.zone, "eth0");
	ck_assert_int_eq(ep.port, 22);
}
END_TEST

START_TEST(test_star_star_is_no_remote)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("*:*", &ep), 0);
	ck_assert_str_eq(ep.addr, "*");
	ck_assert_int_eq(ep.port, -1);
	ck_assert_str_eq(ep.port_name, "");
	ck_assert_int_eq(ep.numeric, 1);
	ck_assert(addr_is_none(&ep));
}
END_TEST

START_TEST(test_unspecified_with_port_zero_is_no_remote)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("0.0.0.0:0", &ep), 4);
	ck_assert(addr_is_none(&ep));
	ck_assert_int_eq(parse("[::]:0", &ep), 6);
	ck_assert_str_eq(ep.addr, "::");
	ck_assert(addr_is_none(&ep));
	ck_assert_int_eq(parse("[0:0:0:0:0:0:0:0]:0", &ep), 6);
	ck_assert(addr_is_none(&ep));
	/* net-tools and ss: port '*'. */
	ck_assert_int_eq(parse("0.0.0.0:*", &ep), 4);
	ck_assert(addr_is_none(&ep));
	ck_assert_int_eq(parse(":::*", &ep), 6);
	ck_assert(addr_is_none(&ep));
}
END_TEST

START_TEST(test_real_endpoints_are_not_no_remote)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("10.0.0.7:1433", &ep), 4);
	ck_assert(!addr_is_none(&ep));
	ck_assert_int_eq(parse("0.0.0.0:135", &ep), 4);
	ck_assert(!addr_is_none(&ep));
	ck_assert_int_eq(parse("[::]:135", &ep), 6);
	ck_assert(!addr_is_none(&ep));
	ck_assert_int_eq(parse("10.0.0.7:0", &ep), 4);
	ck_assert(!addr_is_none(&ep));
	ck_assert_int_eq(parse("0.0.0.0:https", &ep), 4);
	ck_assert(!addr_is_none(&ep));
	ck_assert_int_eq(parse("api:0", &ep), 0);
	ck_assert(!addr_is_none(&ep));
}
END_TEST

START_TEST(test_addr_none_makes_an_endpoint_that_is_no_remote)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("10.0.0.7:1433", &ep), 4);
	addr_none(&ep);
	ck_assert_str_eq(ep.addr, "");
	ck_assert_str_eq(ep.zone, "");
	ck_assert_str_eq(ep.port_name, "");
	ck_assert(addr_is_none(&ep));
}
END_TEST

START_TEST(test_host_name_is_kept_as_written_and_not_numeric)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("api:1032", &ep), 0);
	ck_assert_str_eq(ep.addr, "api");
	ck_assert_int_eq(ep.port, 1032);
	ck_assert_str_eq(ep.port_name, "");
	ck_assert_int_eq(ep.numeric, 0);
	ck_assert_int_eq(parse("DB-01.corp.example:1433", &ep), 0);
	ck_assert_str_eq(ep.addr, "DB-01.corp.example");
	ck_assert_int_eq(ep.numeric, 0);
}
END_TEST

START_TEST(test_port_name_gives_port_minus_one_and_the_name)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("DESKTOP:https", &ep), 0);
	ck_assert_str_eq(ep.addr, "DESKTOP");
	ck_assert_int_eq(ep.port, -1);
	ck_assert_str_eq(ep.port_name, "https");
	ck_assert_int_eq(ep.numeric, 0);
	/* A numeric address with a named port is still not all numbers. */
	ck_assert_int_eq(parse("10.0.0.7:ms-sql-s", &ep), 4);
	ck_assert_str_eq(ep.addr, "10.0.0.7");
	ck_assert_int_eq(ep.port, -1);
	ck_assert_str_eq(ep.port_name, "ms-sql-s");
	ck_assert_int_eq(ep.numeric, 0);
}
END_TEST

START_TEST(test_port_above_65535_is_rejected)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("10.0.0.1:65536", &ep), -1);
	ck_assert_int_eq(parse("10.0.0.1:99999999999999999999", &ep), -1);
	ck_assert_int_eq(parse("[::1]:70000", &ep), -1);
}
END_TEST

START_TEST(test_missing_port_is_rejected)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("10.0.0.1", &ep), -1);
	ck_assert_int_eq(parse("10.0.0.1:", &ep), -1);
	ck_assert_int_eq(parse("[::1]", &ep), -1);
	ck_assert_int_eq(parse("[::1]:", &ep), -1);
	ck_assert_int_eq(parse("[::1]443", &ep), -1);
	ck_assert_int_eq(parse("[::1", &ep), -1);
}
END_TEST

/* The last colon splits, so an IPv6 address without a port is no name. */
START_TEST(test_ipv6_without_port_is_rejected_not_taken_for_a_name)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse("::1", &ep), -1);
	ck_assert_int_eq(parse("fe80::1", &ep), -1);
	ck_assert_int_eq(parse("fe80::1%12", &ep), -1);
	ck_assert_int_eq(parse("a:b:c", &ep), -1);
}
END_TEST

START_TEST(test_missing_host_and_empty_text_are_rejected)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse(":80", &ep), -1);
	ck_assert_int_eq(parse("[]:80", &ep), -1);
	ck_assert_int_eq(parse("", &ep), -1);
}
END_TEST

START_TEST(test_net_tools_ipv6_last_colon_splits_the_port)
{
	struct endpoint	ep;

	ck_assert_int_eq(parse(":::22", &ep), 6);
	ck_assert_str_eq(ep.addr, "::");
	ck_assert_int_eq(ep.port, 22);
	ck_assert_int_eq(parse("::1:631", &ep), 6);
	ck_assert_str_eq(ep.addr, "::1");
	ck_assert_int_eq(ep.port, 631);
	ck_assert_int_eq(parse("2001:DB8::5:443", &ep), 6);
	ck_assert_str_eq(ep.addr, "2001:db8::5");
	ck_assert_int_eq(ep.port, 443);
}
END_TEST

START_TEST(test_canon_says_what_is_not_a_numeric_address)
{
	char	out[ENDPOINT_ADDR_MAX];

	ck_assert_int_eq(addr_canon("api", 3, out, sizeof out), 0);
	ck_assert_int_eq(addr_canon("10.0.0.256", 10, out, sizeof out), 0);
	ck_assert_int_eq(addr_canon("1:2:3:4:5:6:7:8:9", 17, out, sizeof out),
	    0);
	ck_assert_int_eq(addr_canon("", 0, out, sizeof out), 0);
	ck_assert_int_eq(addr_canon("10.0.0.1", 8, out, sizeof out), 4);
	ck_assert_str_eq(out, "10.0.0.1");
	ck_assert_int_eq(addr_canon("::1", 3, out, sizeof out), 6);
	ck_assert_str_eq(out, "::1");
}
END_TEST

START_TEST(test_canon_reads_only_len_bytes)
{
	char	out[ENDPOINT_ADDR_MAX];

	ck_assert_int_eq(addr_canon("10.0.0.1:443", 8, out, sizeof out), 4);
	ck_assert_str_eq(out, "10.0.0.1");
}
END_TEST

START_TEST(test_overlong_texts_are_cut_to_fit)
{
	struct endpoint	ep;
	char		buf[400];

	/* A name longer than the field: kept, cut, still terminated. */
	memset(buf, 'h', 300);
	strcpy(buf + 300, ":80");
	ck_assert_int_eq(parse(buf, &ep), 0);
	ck_assert_uint_eq(strlen(ep.addr), ENDPOINT_ADDR_MAX - 1);
	ck_assert_int_eq(ep.port, 80);
	/* A port name longer than its field. */
	strcpy(buf, "host:");
	memset(buf + 5, 'p', 100);
	buf[105] = '\0';
	ck_assert_int_eq(parse(buf, &ep), 0);
	ck_assert_uint_eq(strlen(ep.port_name), ENDPOINT_PORT_MAX - 1);
	/* A zone longer than its field. */
	strcpy(buf, "[fe80::1%");
	memset(buf + 9, 'z', 100);
	strcpy(buf + 109, "]:22");
	ck_assert_int_eq(parse(buf, &ep), 6);
	ck_assert_str_eq(ep.addr, "fe80::1");
	ck_assert_uint_eq(strlen(ep.zone), ENDPOINT_ZONE_MAX - 1);
	ck_assert_int_eq(ep.port, 22);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("addr");

	tc = tcase_create("ipv4");
	tcase_add_test(tc, test_ipv4_endpoint_is_family_4_with_port);
	tcase_add_test(tc, test_ipv4_canonical_text_agrees_with_inet_ntop);
	tcase_add_test(tc, test_zone_without_address_is_rejected);
	tcase_add_test(tc, test_wildcard_with_port_name_is_not_numeric);
	tcase_add_test(tc, test_ipv4_port_bounds_0_and_65535_are_accepted);
	tcase_add_test(tc, test_only_len_bytes_are_read);
	suite_add_tcase(s, tc);

	tc = tcase_create("ipv6");
	tcase_add_test(tc, test_ipv6_loopback_long_form_is_canonical);
	tcase_add_test(tc, test_ipv6_uppercase_is_lowercased);
	tcase_add_test(tc, test_ipv6_longest_zero_run_is_compressed_first_on_tie);
	tcase_add_test(tc, test_ipv6_single_zero_group_is_not_compressed);
	tcase_add_test(tc, test_ipv4_mapped_ipv6_keeps_dotted_tail);
	tcase_add_test(tc, test_numeric_zone_is_kept_apart);
	tcase_add_test(tc, test_named_zone_is_kept_apart);
	tcase_add_test(tc, test_net_tools_ipv6_last_colon_splits_the_port);
	suite_add_tcase(s, tc);

	tc = tcase_create("no_remote");
	tcase_add_test(tc, test_star_star_is_no_remote);
	tcase_add_test(tc, test_unspecified_with_port_zero_is_no_remote);
	tcase_add_test(tc, test_real_endpoints_are_not_no_remote);
	tcase_add_test(tc, test_addr_none_makes_an_endpoint_that_is_no_remote);
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_test(tc, test_host_name_is_kept_as_written_and_not_numeric);
	tcase_add_test(tc, test_port_name_gives_port_minus_one_and_the_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("rejected");
	tcase_add_test(tc, test_port_above_65535_is_rejected);
	tcase_add_test(tc, test_missing_port_is_rejected);
	tcase_add_test(tc, test_missing_host_and_empty_text_are_rejected);
	tcase_add_test(tc, test_ipv6_without_port_is_rejected_not_taken_for_a_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("canon");
	tcase_add_test(tc, test_canon_says_what_is_not_a_numeric_address);
	tcase_add_test(tc, test_canon_reads_only_len_bytes);
	tcase_add_test(tc, test_overlong_texts_are_cut_to_fit);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
