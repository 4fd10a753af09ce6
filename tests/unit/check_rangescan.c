/*
 * check_rangescan.c — dynamic port range statements found in any input.
 */
#include <check.h>
#include <string.h>

#include "parsers/rangescan.h"

struct result {
	int		claimed;	/* lines rangescan said were its own */
	int		done;
	int		bad;
	struct ps_range	r;
};

/* Feed lines 1..n; the last completed range and the counts. */
static struct result
feed(const char *const *lines)
{
	struct rangescan	rs;
	struct result		res;
	struct ps_range		r;
	unsigned long		i;
	int			done, bad;

	memset(&res, 0, sizeof res);
	rangescan_init(&rs);
	for (i = 0; lines[i] != NULL; i++) {
		if (rangescan_line(&rs, lines[i], strlen(lines[i]), i + 1, &r,
		    &done, &bad))
			res.claimed++;
		if (done) {
			res.done++;
			res.r = r;
		}
		res.bad += bad;
	}
	return res;
}

START_TEST(test_netsh_block_in_english_gives_start_and_count)
{
	static const char *const l[] = { "", "Protocol tcp Dynamic Port Range",
	    "---------------------------------", "Start Port      : 49152",
	    "Number of Ports : 16384", "", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.lo, 49152);
	ck_assert_int_eq(res.r.hi, 65535);
	ck_assert_int_eq(res.r.proto, PROTO_TCP);
	ck_assert_uint_eq(res.r.line, 4);
	ck_assert_str_eq(res.r.source, "netsh int ipv4 show dynamicport tcp");
	ck_assert_int_eq(res.claimed, 4);
}
END_TEST

START_TEST(test_netsh_block_in_german_is_recognized_by_shape)
{
	static const char *const l[] = {
	    "Protokoll tcp Dynamischer Portbereich",
	    "---------------------------------", "Startport       : 10000",
	    "Anzahl der Ports : 1000", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.lo, 10000);
	ck_assert_int_eq(res.r.hi, 10999);
}
END_TEST

START_TEST(test_netsh_udp_block_says_udp)
{
	static const char *const l[] = { "Protocol udp Dynamic Port Range",
	    "---------------------------------", "Start Port      : 49152",
	    "Number of Ports : 16384", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.proto, PROTO_UDP);
}
END_TEST

START_TEST(test_netsh_range_past_65535_is_bad)
{
	static const char *const l[] = { "Protocol tcp Dynamic Port Range",
	    "---------------------------------", "Start Port      : 60000",
	    "Number of Ports : 16384", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 0);
	ck_assert_int_eq(res.bad, 1);
}
END_TEST

START_TEST(test_linux_sysctl_line_with_tab_and_equals)
{
	static const char *const l[] = {
	    "net.ipv4.ip_local_port_range = 32768\t60999", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.lo, 32768);
	ck_assert_int_eq(res.r.hi, 60999);
	ck_assert_str_eq(res.r.source, "net.ipv4.ip_local_port_range");
}
END_TEST

START_TEST(test_linux_sysctl_without_numbers_is_bad)
{
	static const char *const l[] = {
	    "net.ipv4.ip_local_port_range = lots", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 0);
	ck_assert_int_eq(res.bad, 1);
}
END_TEST

START_TEST(test_proc_content_counts_only_after_its_label)
{
	static const char *const labelled[] = {
	    "$ cat /proc/sys/net/ipv4/ip_local_port_range", "1024\t65000", NULL };
	static const char *const bare[] = { "1024\t65000", NULL };
	struct result	res = feed(labelled);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.lo, 1024);
	ck_assert_int_eq(res.r.hi, 65000);
	ck_assert_uint_eq(res.r.line, 2);
	res = feed(bare);
	ck_assert_int_eq(res.done, 0);
	ck_assert_int_eq(res.claimed, 0);
}
END_TEST

START_TEST(test_echoed_sysctl_command_labels_the_value_below_it)
{
	static const char *const l[] = {
	    "$ sysctl net.ipv4.ip_local_port_range", "10000\t20000", NULL };
	static const char *const n[] = {
	    "sysctl -n net.ipv4.ip_local_port_range", "10000\t20000", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.bad, 0);
	ck_assert_int_eq(res.r.lo, 10000);
	ck_assert_int_eq(res.r.hi, 20000);
	res = feed(n);
	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.hi, 20000);
}
END_TEST

START_TEST(test_bsd_portrange_pair_in_either_order)
{
	static const char *const l[] = { "net.inet.ip.portrange.last: 65535",
	    "net.inet.ip.portrange.first: 49152", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.lo, 49152);
	ck_assert_int_eq(res.r.hi, 65535);
	ck_assert_uint_eq(res.r.line, 1);
	ck_assert_str_eq(res.r.source, "net.inet.ip.portrange");
}
END_TEST

START_TEST(test_bsd_echoed_command_and_sysctl_w_form)
{
	static const char *const l[] = {
	    "$ sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last",
	    "net.inet.ip.portrange.first: 49152 -> 32768",
	    "net.inet.ip.portrange.last: 65535", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.bad, 0);
	ck_assert_int_eq(res.done, 1);
	ck_assert_int_eq(res.r.lo, 32768);
	ck_assert_int_eq(res.r.hi, 65535);
	ck_assert_int_eq(res.claimed, 3);
}
END_TEST

START_TEST(test_socket_lines_and_stamps_are_not_claimed)
{
	static const char *const l[] = {
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1712",
	    "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN",
	    "Mon Nov 23 14:05:33 UTC 2026", "Active Connections", NULL };
	struct result	res = feed(l);

	ck_assert_int_eq(res.claimed, 0);
	ck_assert_int_eq(res.done, 0);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("rangescan");
	TCase	*tc = tcase_create("statements");

	tcase_add_test(tc, test_netsh_block_in_english_gives_start_and_count);
	tcase_add_test(tc, test_netsh_block_in_german_is_recognized_by_shape);
	tcase_add_test(tc, test_netsh_udp_block_says_udp);
	tcase_add_test(tc, test_netsh_range_past_65535_is_bad);
	tcase_add_test(tc, test_linux_sysctl_line_with_tab_and_equals);
	tcase_add_test(tc, test_linux_sysctl_without_numbers_is_bad);
	tcase_add_test(tc, test_proc_content_counts_only_after_its_label);
	tcase_add_test(tc, test_echoed_sysctl_command_labels_the_value_below_it);
	tcase_add_test(tc, test_bsd_portrange_pair_in_either_order);
	tcase_add_test(tc, test_bsd_echoed_command_and_sysctl_w_form);
	tcase_add_test(tc, test_socket_lines_and_stamps_are_not_claimed);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
