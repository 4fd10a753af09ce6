/*
 * check_powershell.c — tests for parsers/powershell.c: Get-NetTCPConnection
 * as a table (default view, -AutoSize, narrow consoles, Select-Object
 * subsets, PowerShell 7), as a list (Format-List) and as CSV (Export-Csv,
 * ConvertTo-Csv, with and without #TYPE, any order and subset of columns,
 * quoted fields); Get-Process beside it naming the PIDs; Get-NetTCPSetting
 * and netsh ranges; snapshots cut by Get-Date stamps, headers and Timestamp
 * columns; lines that fit no rule; and the sniffer (including a score of 0
 * on every capture in ../shared/corpus).
 *
 * Lines go through format_powershell's open/line/close into a recording
 * sink that copies every event (the pointers in an event are borrowed).
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

Suite	*suite(void);

#define RECORD_FORMAT	format_powershell
#include "tests/unit/recorder.h"

/*
 * Get-NetTCPConnection's default table in Windows PowerShell 5.1 (widths
 * 35, 9, 35, 10, 11, 14, 13, all left-aligned; see
 * tests/fixtures/powershell/README.md).
 */
#define TCP_HEAD "LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess"
#define TCP_DASH "------------                        --------- -------------                       ---------- -----       -------------- -------------"

static char	ring[128][512];
static size_t	ringi;

static const char *
row(const char *la, const char *lp, const char *ra, const char *rp,
    const char *st, const char *as, const char *pid)
{
	char	*b = ring[ringi++ % 128];

	snprintf(b, sizeof ring[0], "%-35s %-9s %-35s %-10s %-11s %-14s %-13s",
	    la, lp, ra, rp, st, as, pid);
	return b;
}

/* Get-Process's default table in Windows PowerShell 5.1. */
#define PROC_HEAD "Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName"
#define PROC_DASH "-------  ------    -----      -----     ------     --  -- -----------"

static const char *
prow(int handles, const char *cpu, int id, const char *name)
{
	char	*b = ring[ringi++ % 128];

	snprintf(b, sizeof ring[0], "%7d %7d %8d %10d %10s %6d %3d %s",
	    handles, 12, 20480, 30720, cpu, id, 0, name);
	return b;
}

/* ------------------------------------------------------------- tables */

START_TEST(test_table_default_view_reads_every_column)
{
	const char *in[] = {
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"",
		NULL
	};
	struct rec		*r = run(in);
	const struct ev		*e;
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert_str_eq(nth(r, EV_SNAPSHOT, 0)->os, "windows");
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	e = nth(r, EV_SOCKET, 0);
	k = &e->sock;
	ck_assert_int_eq(k->proto, PROTO_TCP);
	ck_assert_int_eq(k->family, 4);
	ck_assert_str_eq(k->local.addr, "10.1.1.5");
	ck_assert_int_eq(k->local.port, 50001);
	ck_assert_str_eq(k->remote.addr, "10.0.0.7");
	ck_assert_int_eq(k->remote.port, 1433);
	ck_assert_int_eq(k->state, ST_ESTABLISHED);
	ck_assert_str_eq(e->state_raw, "Established");
	ck_assert_int_eq(k->pid, 4321);
	ck_assert(!e->has_process);
	ck_assert_uint_eq(k->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_table_listener_with_empty_applied_setting_keeps_its_pid)
{
	const char *in[] = {
		TCP_HEAD,
		TCP_DASH,
		row("0.0.0.0", "49664", "0.0.0.0", "0", "Listen", "", "680"),
		row("::", "445", "::", "0", "Listen", "", "4"),
		row("0.0.0.0", "50009", "0.0.0.0", "0", "Bound", "", "2288"),
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->pid, 680);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert(addr_is_none(&sock(r, 0)->remote));
	ck_assert_int_eq(sock(r, 1)->family, 6);
	ck_assert_str_eq(sock(r, 1)->local.addr, "::");
	ck_assert(addr_is_none(&sock(r, 1)->remote));
	ck_assert_int_eq(sock(r, 1)->pid, 4);
	ck_assert_int_eq(sock(r, 2)->state, ST_BOUND);
	ck_assert_int_eq(sock(r, 2)->pid, 2288);
	rec_free(r);
}
END_TEST

START_TEST(test_table_every_powershell_state_name_maps)
{
	static const char *const names[] = { "Closed", "Listen", "SynSent",
	    "SynReceived", "Established", "FinWait1", "FinWait2", "CloseWait",
	    "Closing", "LastAck", "TimeWait", "DeleteTCB", "Bound" };
	static const enum state want[] = { ST_CLOSED, ST_LISTEN, ST_SYN_SENT,
	    ST_SYN_RECEIVED, ST_ESTABLISHED, ST_FIN_WAIT_1, ST_FIN_WAIT_2,
	    ST_CLOSE_WAIT, ST_CLOSING, ST_LAST_ACK, ST_TIME_WAIT,
	    ST_DELETE_TCB, ST_BOUND };
	const char	*in[16];
	struct rec	*r;
	size_t		 i;

	in[0] = TCP_HEAD;
	in[1] = TCP_DASH;
	for (i = 0; i < 13; i++)
		in[i + 2] = row("10.1.1.5", "50001", "10.0.0.7", "1433",
		    names[i], "Internet", "7");
	in[15] = NULL;
	r = run(in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 13);
	for (i = 0; i < 13; i++) {
		ck_assert_int_eq(sock(r, i)->state, want[i]);
		ck_assert_str_eq(nth(r, EV_SOCKET, i)->state_raw, names[i]);
	}
	rec_free(r);
}
END_TEST

START_TEST(test_table_ipv6_with_zone_keeps_zone_apart)
{
	const char *in[] = {
		TCP_HEAD,
		TCP_DASH,
		row("fe80::1c2d:3e4f:5a6b:7c8d%12", "50101", "fe80::99%12",
		    "443", "SynSent", "Internet", "5120"),
		row("2001:db8:85a3:0:0:8a2e:370:7334", "50100",
		    "2001:db8:1::7", "443", "Established", "Internet", "5120"),
		row("::1", "50005", "::1", "8081", "Established", "Datacenter",
		    "2288"),
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	k = sock(r, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_str_eq(k->local.addr, "fe80::1c2d:3e4f:5a6b:7c8d");
	ck_assert_str_eq(k->local.zone, "12");
	ck_assert_str_eq(k->remote.addr, "fe80::99");
	ck_assert_str_eq(k->remote.zone, "12");
	ck_assert_int_eq(k->state, ST_SYN_SENT);
	k = sock(r, 1);
	ck_assert_str_eq(k->local.addr, "2001:db8:85a3::8a2e:370:7334");
	ck_assert_str_eq(k->local.zone, "");
	k = sock(r, 2);
	ck_assert_str_eq(k->local.addr, "::1");
	ck_assert_int_eq(k->remote.port, 8081);
	rec_free(r);
}
END_TEST

START_TEST(test_table_autosize_wide_ipv6_is_read_whole_and_canonical)
{
	/* Format-Table -AutoSize: columns as wide as their widest value. */
	static const char *const in[] = {
		"",
		"LocalAddress                            LocalPort RemoteAddress                           RemotePort State       AppliedSetting OwningProcess",
		"------------                            --------- -------------                           ---------- -----       -------------- -------------",
		"2001:0db8:85a3:0000:0000:8a2e:0370:7334 50100     2001:0db8:0001:0000:0000:0000:0000:0007 443        Established Internet       5120",
		"10.1.1.5                                50001     10.0.0.7                                1433       TimeWait                   0",
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "2001:db8:85a3::8a2e:370:7334");
	ck_assert_int_eq(k->local.numeric, 1);
	ck_assert_str_eq(k->remote.addr, "2001:db8:1::7");
	ck_assert_int_eq(k->pid, 5120);
	k = sock(r, 1);
	ck_assert_int_eq(k->state, ST_TIME_WAIT);
	ck_assert_int_eq(k->pid, 0);
	rec_free(r);
}
END_TEST

START_TEST(test_table_address_cut_short_is_kept_and_reported_once)
{
	const char *in[] = {
		TCP_HEAD,
		TCP_DASH,
		row("2001:db8:85a3:1234:5678:8a2e:370...", "52544",
		    "2607:f8b0:4009:816::2005", "443", "Established", "Internet",
		    "900"),
		row("2001:db8:85a3:1234:5678:8a2e:370...", "52538",
		    "2606:2800:11f:85d:13e0:11e9:1a6:...", "80", "TimeWait", "",
		    "0"),
		NULL
	};
	struct rec		*r = run(in);
	const struct ps_socket	*k;

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason, "cut short"));
	k = sock(r, 0);
	ck_assert_str_eq(k->local.addr, "2001:db8:85a3:1234:5678:8a2e:370...");
	ck_assert_int_eq(k->local.numeric, 0);
	ck_assert_int_eq(k->family, 6);
	ck_assert_int_eq(k->local.port, 52544);
	ck_assert_str_eq(k->remote.addr, "2607:f8b0:4009:816::2005");
	ck_assert_int_eq(k->remote.numeric, 1);
	ck_assert_int_eq(k->pid, 900);
	k = sock(r, 1);
	ck_assert_int_eq(k->remote.numeric, 0);
	ck_assert_int_eq(k->remote.port, 80);
	ck_assert_int_eq(k->state, ST_TIME_WAIT);
	rec_free(r);
}
END_TEST

START_TEST(test_table_powershell7_ellipsis_counts_as_one_column)
{
	/* PowerShell 7 cuts with "…" (3 bytes, 1 column). */
	static const char *const in[] = {
		"LocalAddress        LocalPort RemoteAddress       RemotePort State       AppliedSetting OwningProcess",
		"------------        --------- -------------       ---------- -----       -------------- -------------",
		"2600:6c63:4380:14b… 52544     2607:f8b0:4009:816… 443        Established Internet       35728",
		"192.168.50.11       52270     20.215.26.76        443        Established Internet       35728",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_str_eq(sock(r, 0)->local.addr, "2600:6c63:4380:14b…");
	ck_assert_int_eq(sock(r, 0)->local.port, 52544);
	ck_assert_int_eq(sock(r, 0)->remote.port, 443);
	ck_assert_int_eq(sock(r, 0)->pid, 35728);
	ck_assert_str_eq(sock(r, 1)->local.addr, "192.168.50.11");
	ck_assert_int_eq(sock(r, 1)->pid, 35728);
	rec_free(r);
}
END_TEST

START_TEST(test_table_narrow_console_without_owningprocess_has_no_pid)
{
	/* A console too narrow for OwningProcess: PowerShell drops it. */
	static const char *const in[] = {
		"",
		"LocalAddress     LocalPort RemoteAddress   RemotePort State       AppliedSetting",
		"------------     --------- -------------   ---------- -----       --------------",
		"::               445       ::              0          Listen",
		"192.168.1.121    65144     21.58.222.106   443        CloseWait   Internet",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_ISSUE), 1);	/* said once */
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_ptr_nonnull(strstr(nth(r, EV_ISSUE, 0)->reason,
	    "OwningProcess"));
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->pid, -1);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert_int_eq(sock(r, 1)->state, ST_CLOSE_WAIT);
	ck_assert_int_eq(sock(r, 1)->local.port, 65144);
	ck_assert_str_eq(sock(r, 1)->remote.addr, "21.58.222.106");
	rec_free(r);
}
END_TEST

START_TEST(test_table_select_reordered_with_right_aligned_numbers)
{
	/*
	 * Get-NetTCPConnection | Select-Object OwningProcess, LocalPort,
	 * State, LocalAddress: no view, so numbers are right-aligned.
	 */
	static const char *const in[] = {
		"",
		"OwningProcess LocalPort State       LocalAddress",
		"------------- --------- -----       ------------",
		"          308     49670 Listen      0.0.0.0",
		"        12172     65292 Established 192.168.0.236",
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->pid, 308);
	ck_assert_int_eq(sock(r, 0)->local.port, 49670);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert(addr_is_none(&sock(r, 0)->remote));
	ck_assert_int_eq(sock(r, 1)->pid, 12172);
	ck_assert_str_eq(sock(r, 1)->local.addr, "192.168.0.236");
	ck_assert_int_eq(sock(r, 1)->state, ST_ESTABLISHED);
	rec_free(r);
}
END_TEST

START_TEST(test_table_with_processname_column_names_the_socket)
{
	/* The usual join script: a custom object with the process's name. */
	static const char *const in[] = {
		"",
		"LocalAddress LocalPort RemoteAddress RemotePort State         PID ProcessName",
		"------------ --------- ------------- ---------- -----         --- -----------",
		"10.1.1.5         50001 10.0.0.7            1433 Established  4321 w3wp",
		"10.1.1.5         50003 10.0.0.7            1433 TimeWait        0 Idle",
		"10.1.1.5         50007 10.0.0.20           8080 CloseWait    2288 Code - Insiders",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_str_eq(nth(r, EV_SOCKET, 0)->process, "w3wp");
	/* PID 0 is not named: its TIME_WAIT sockets are attributed apart. */
	ck_assert_int_eq(sock(r, 1)->pid, 0);
	ck_assert(!nth(r, EV_SOCKET, 1)->has_process);
	ck_assert_str_eq(nth(r, EV_SOCKET, 2)->process, "Code - Insiders");
	rec_free(r);
}
END_TEST

START_TEST(test_table_ansi_coloured_header_is_read)
{
	static const char *const in[] = {
		"\x1b[32;1mLocalAddress LocalPort RemoteAddress RemotePort State       OwningProcess\x1b[0m",
		"\x1b[32;1m------------ --------- ------------- ---------- -----       -------------\x1b[0m",
		"10.1.1.5     50001     10.0.0.7      1433       Established 4321",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 0)->remote.port, 1433);
	rec_free(r);
}
END_TEST

START_TEST(test_table_rows_with_crlf_and_trailing_blanks_are_read)
{
	char		 a[600], b[600];
	const char	*in[] = { TCP_HEAD "\r", TCP_DASH "\r", a, b, NULL };
	struct rec	*r;

	snprintf(a, sizeof a, "%s\r", row("10.1.1.5", "50001", "10.0.0.7",
	    "1433", "Established", "Internet", "4321"));
	snprintf(b, sizeof b, "%s   \t\r", row("10.1.1.5", "50002",
	    "10.0.0.7", "1433", "TimeWait", "", "0"));
	r = run(in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 1)->pid, 0);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- CSV */

#define CIM_HEAD "\"State\",\"AppliedSetting\",\"OffloadState\",\"Caption\",\"Description\",\"ElementName\",\"InstallDate\",\"Name\",\"OperationalStatus\",\"StatusDescriptions\",\"Status\",\"HealthState\",\"CommunicationStatus\",\"DetailedStatus\",\"OperatingStatus\",\"PrimaryStatus\",\"OtherEnabledState\",\"EnabledDefault\",\"TimeOfLastStateChange\",\"TransitioningToState\",\"AvailableRequestedStates\",\"InstanceID\",\"EnabledState\",\"RequestedState\",\"Directionality\",\"AggregationBehavior\",\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"OwningProcess\",\"CreationTime\",\"PSComputerName\",\"CimClass\",\"CimInstanceProperties\",\"CimSystemProperties\""

static const char *
cim_row(const char *state, const char *la, const char *lp, const char *ra,
    const char *rp, const char *pid)
{
	char	*b = ring[ringi++ % 128];

	snprintf(b, sizeof ring[0], "\"%s\",\"Internet\",\"InHost\",\"\",\"\","
	    "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"2\","
	    "\"\",\"12\",\"\",\"%s++%s++%s++%s\",\"\",\"5\",\"\",\"\","
	    "\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"11/23/2026 2:01:07 PM\",\"\","
	    "\"ROOT/StandardCimv2:MSFT_NetTCPConnection\","
	    "\"{AppliedSetting, Caption, CreationTime, Description...}\","
	    "\"Microsoft.Management.Infrastructure.CimSystemProperties\"",
	    state, la, lp, ra, rp, la, lp, ra, rp, pid);
	return b;
}

START_TEST(test_csv_export_with_type_line_reads_by_header_name)
{
	const char *in[] = {
		"#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection",
		CIM_HEAD,
		cim_row("Established", "10.1.1.5", "50001", "10.0.0.7", "1433",
		    "4321"),
		cim_row("Listen", "::", "445", "::", "0", "4"),
		cim_row("TimeWait", "10.1.1.5", "50003", "10.0.0.7", "1433",
		    "0"),
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_str_eq(sock(r, 0)->local.addr, "10.1.1.5");
	ck_assert_int_eq(sock(r, 0)->local.port, 50001);
	ck_assert_str_eq(sock(r, 0)->remote.addr, "10.0.0.7");
	ck_assert_int_eq(sock(r, 0)->remote.port, 1433);
	ck_assert_int_eq(sock(r, 0)->state, ST_ESTABLISHED);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_uint_eq(sock(r, 0)->line, 3);
	ck_assert_int_eq(sock(r, 1)->family, 6);
	ck_assert(addr_is_none(&sock(r, 1)->remote));
	ck_assert_int_eq(sock(r, 2)->state, ST_TIME_WAIT);
	ck_assert_int_eq(sock(r, 2)->pid, 0);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_without_type_line_reordered_and_partial)
{
	static const char *const in[] = {
		"\"OwningProcess\",\"State\",\"RemotePort\",\"LocalPort\",\"LocalAddress\",\"RemoteAddress\"",
		"\"4321\",\"Established\",\"1433\",\"50001\",\"10.1.1.5\",\"10.0.0.7\"",
		"\"2288\",\"CloseWait\",\"8080\",\"50007\",\"10.1.1.5\",\"10.0.0.20\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 0)->local.port, 50001);
	ck_assert_int_eq(sock(r, 0)->remote.port, 1433);
	ck_assert_str_eq(sock(r, 1)->remote.addr, "10.0.0.20");
	ck_assert_int_eq(sock(r, 1)->state, ST_CLOSE_WAIT);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_quoted_fields_with_commas_and_quotes)
{
	static const char *const in[] = {
		"\"Note\",\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\",\"ProcessName\"",
		"\"pool \"\"A\"\", web, 2\",\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\",\"w3wp, app pool A\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_str_eq(sock(r, 0)->local.addr, "10.1.1.5");
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_str_eq(nth(r, EV_SOCKET, 0)->process, "w3wp, app pool A");
	rec_free(r);
}
END_TEST

START_TEST(test_csv_semicolon_delimiter_of_use_culture)
{
	static const char *const in[] = {
		"#TYPE Selected.Microsoft.Management.Infrastructure.CimInstance",
		"\"LocalAddress\";\"LocalPort\";\"RemoteAddress\";\"RemotePort\";\"State\";\"OwningProcess\"",
		"\"10.1.1.5\";\"50001\";\"10.0.0.7\";\"1433\";\"Established\";\"4321\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 0)->remote.port, 1433);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_unquoted_fields_are_read)
{
	/* PowerShell 7: ConvertTo-Csv -UseQuotes Never. */
	static const char *const in[] = {
		"LocalAddress,LocalPort,RemoteAddress,RemotePort,State,OwningProcess",
		"10.1.1.5,50001,10.0.0.7,1433,Established,4321",
		"fe80::1%12,50101,fe80::99%12,443,SynSent,5120",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_str_eq(sock(r, 1)->local.addr, "fe80::1");
	ck_assert_str_eq(sock(r, 1)->local.zone, "12");
	ck_assert_int_eq(sock(r, 1)->state, ST_SYN_SENT);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_numeric_states_are_the_cim_values)
{
	static const char *const in[] = {
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"0.0.0.0\",\"135\",\"0.0.0.0\",\"0\",\"2\",\"996\"",
		"\"10.1.1.5\",\"50003\",\"10.0.0.7\",\"1433\",\"11\",\"0\"",
		"\"0.0.0.0\",\"50009\",\"0.0.0.0\",\"0\",\"100\",\"2288\"",
		"\"10.1.1.5\",\"50010\",\"10.0.0.7\",\"1433\",\"42\",\"7\"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert_str_eq(nth(r, EV_SOCKET, 0)->state_raw, "2");
	ck_assert_int_eq(sock(r, 1)->state, ST_TIME_WAIT);
	ck_assert_int_eq(sock(r, 2)->state, ST_BOUND);
	ck_assert_int_eq(sock(r, 3)->state, ST_UNKNOWN);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_without_state_column_stores_unknown_and_says_so)
{
	static const char *const in[] = {
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"4321\"",
		"\"10.1.1.5\",\"50002\",\"10.0.0.7\",\"1433\",\"4321\"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_int_eq(sock(r, 0)->state, ST_UNKNOWN);
	ck_assert(!nth(r, EV_SOCKET, 0)->has_state_raw);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_row_with_wrong_field_count_is_an_issue)
{
	static const char *const in[] = {
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		"\"10.1.1.5\",\"50002\",\"10.0.0.7\"",
		"\"10.1.1.5\",\"50003\",\"10.0.0.7\",\"1433\",\"TimeWait\",\"0\"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 3);
	ck_assert_int_eq(sock(r, 1)->local.port, 50003);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_appended_runs_with_stamps_are_snapshots)
{
	/* Get-Date >> f; Get-NetTCPConnection | ConvertTo-Csv >> f, twice. */
	static const char *const in[] = {
		"",
		"Monday, November 23, 2026 2:05:33 PM",
		"",
		"",
		"#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection",
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		"",
		"Monday, November 23, 2026 2:20:33 PM",
		"",
		"",
		"#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection",
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		"\"10.1.1.5\",\"50002\",\"10.0.0.7\",\"1433\",\"TimeWait\",\"0\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert(nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 0)->stamp.hour, 14);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 0)->stamp.min, 5);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 9);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.min, 20);
	ck_assert_uint_eq(count(r, EV_SOCKET), 3);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 0), 0);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 2), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_header_repeated_without_stamps_starts_a_snapshot)
{
	static const char *const in[] = {
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50002\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 3);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 1), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_another_header_with_as_many_columns_is_a_header)
{
	static const char *const in[] = {
		"\"Id\",\"ProcessName\",\"Path\",\"Company\"",
		"\"4321\",\"w3wp\",\"C:\\Windows\\System32\\inetsrv\\w3wp.exe\",\"Microsoft Corporation\"",
		"\"LocalAddress\",\"LocalPort\",\"State\",\"OwningProcess\"",
		"\"0.0.0.0\",\"80\",\"Listen\",\"4\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_PROCESS), 1);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->local.port, 80);
	ck_assert_int_eq(sock(r, 0)->state, ST_LISTEN);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 0), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_csv_timestamp_column_cuts_snapshots_where_it_changes)
{
	/* Select-Object @{n='Timestamp';e={...}}, ... | Export-Csv -Append */
	static const char *const in[] = {
		"\"Timestamp\",\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"2026-11-23 14:05:33\",\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		"\"2026-11-23 14:05:33\",\"10.1.1.5\",\"50002\",\"10.0.0.7\",\"1433\",\"TimeWait\",\"0\"",
		"\"2026-11-23 14:20:33\",\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"4321\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 0)->stamp.min, 5);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 4);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.min, 20);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 1), 0);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 2), 1);
	rec_free(r);
}
END_TEST

/* --------------------------------------------------------------- lists */

START_TEST(test_list_of_selected_properties_is_one_socket_per_block)
{
	/* Select-Object of five properties or more prints a list. */
	static const char *const in[] = {
		"",
		"",
		"LocalAddress  : 10.1.1.5",
		"LocalPort     : 50001",
		"RemoteAddress : 10.0.0.7",
		"RemotePort    : 1433",
		"State         : Established",
		"OwningProcess : 4321",
		"",
		"LocalAddress  : ::",
		"LocalPort     : 445",
		"RemoteAddress : ::",
		"RemotePort    : 0",
		"State         : Listen",
		"OwningProcess : 4",
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 2);
	ck_assert_uint_eq(sock(r, 0)->line, 3);
	ck_assert_int_eq(sock(r, 0)->pid, 4321);
	ck_assert_int_eq(sock(r, 0)->remote.port, 1433);
	ck_assert_int_eq(sock(r, 0)->state, ST_ESTABLISHED);
	ck_assert_uint_eq(sock(r, 1)->line, 10);
	ck_assert_int_eq(sock(r, 1)->family, 6);
	ck_assert(addr_is_none(&sock(r, 1)->remote));
	rec_free(r);
}
END_TEST

START_TEST(test_list_of_get_process_names_the_pid)
{
	/* Get-Process | Format-List: Id, Handles, CPU, SI, Name. */
	static const char *const in[] = {
		"",
		"Id      : 4321",
		"Handles : 2206",
		"CPU     : 4120.765625",
		"SI      : 0",
		"Name    : w3wp",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_PROCESS), 1);
	ck_assert_int_eq(nth(r, EV_PROCESS, 0)->pid, 4321);
	ck_assert_str_eq(nth(r, EV_PROCESS, 0)->image, "w3wp");
	rec_free(r);
}
END_TEST

START_TEST(test_list_that_is_not_ours_is_one_issue)
{
	static const char *const in[] = {
		"Get-NetTCPConnection : No matching MSFT_NetTCPConnection objects found",
		"At line:1 char:1",
		"",
		"Name        : Spooler",
		"DisplayName : Print Spooler",
		"Status      : Running",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 0);
	ck_assert_ptr_nonnull(issue_at(r, 1));
	ck_assert_ptr_nonnull(issue_at(r, 2));
	ck_assert_ptr_nonnull(issue_at(r, 4));
	ck_assert_uint_eq(count(r, EV_ISSUE), 3);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------- Get-Process */

START_TEST(test_get_process_table_names_the_pids)
{
	const char *in[] = {
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"",
		"",
		PROC_HEAD,
		PROC_DASH,
		prow(512, "12.50", 7000, "Code - Insiders"),
		prow(0, "", 0, "Idle"),
		prow(4688, "", 4, "System"),
		prow(2206, "4120.77", 4321, "w3wp"),
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_PROCESS), 3);	/* not Idle */
	ck_assert_int_eq(nth(r, EV_PROCESS, 0)->pid, 7000);
	ck_assert_str_eq(nth(r, EV_PROCESS, 0)->image, "Code - Insiders");
	ck_assert_uint_eq(nth(r, EV_PROCESS, 0)->line, 10);
	ck_assert_int_eq(nth(r, EV_PROCESS, 1)->pid, 4);
	ck_assert_str_eq(nth(r, EV_PROCESS, 1)->image, "System");
	ck_assert_int_eq(nth(r, EV_PROCESS, 2)->pid, 4321);
	ck_assert_str_eq(nth(r, EV_PROCESS, 2)->image, "w3wp");
	ck_assert_int_eq(snapshot_of(r, EV_PROCESS, 2), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_get_process_powershell7_table_names_the_pids)
{
	static const char *const in[] = {
		" NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName",
		" ------    -----      -----     ------      --  -- -----------",
		"     43    18.75      59.96       0.06   39080   1 node",
		"     27    25.09       0.16       0.34    1256   6 AdobeNotificationClient",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_PROCESS), 2);
	ck_assert_int_eq(nth(r, EV_PROCESS, 0)->pid, 39080);
	ck_assert_str_eq(nth(r, EV_PROCESS, 0)->image, "node");
	ck_assert_int_eq(nth(r, EV_PROCESS, 1)->pid, 1256);
	rec_free(r);
}
END_TEST

START_TEST(test_get_process_select_id_processname_table)
{
	static const char *const in[] = {
		"",
		"   Id ProcessName",
		"   -- -----------",
		" 4321 w3wp",
		"  680 lsass",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_PROCESS), 2);
	ck_assert_int_eq(nth(r, EV_PROCESS, 0)->pid, 4321);
	ck_assert_str_eq(nth(r, EV_PROCESS, 0)->image, "w3wp");
	ck_assert_int_eq(nth(r, EV_PROCESS, 1)->pid, 680);
	ck_assert_str_eq(nth(r, EV_PROCESS, 1)->image, "lsass");
	rec_free(r);
}
END_TEST

START_TEST(test_get_process_csv_names_the_pids)
{
	/* Get-Process | Export-Csv: alias and script properties first. */
	static const char *const in[] = {
		"#TYPE System.Diagnostics.Process",
		"\"Name\",\"SI\",\"Handles\",\"VM\",\"WS\",\"PM\",\"NPM\",\"Path\",\"Company\",\"CPU\",\"FileVersion\",\"ProductVersion\",\"Description\",\"Product\",\"__NounName\",\"BasePriority\",\"HandleCount\",\"Id\",\"ProcessName\"",
		"\"AcroRd32\",\"1\",\"412\",\"2203318272\",\"61440000\",\"50331648\",\"31232\",\"C:\\Program Files (x86)\\Adobe\\Acrobat Reader DC\\Reader\\AcroRd32.exe\",\"Adobe Systems, Incorporated\",\"3.1875\",\"20.12.20041.394\",\"20.12.20041.394\",\"Adobe Acrobat Reader DC\",\"Adobe Acrobat Reader DC\",\"Process\",\"8\",\"412\",\"6120\",\"AcroRd32\"",
		"\"w3wp\",\"0\",\"2206\",\"2203318272\",\"830693376\",\"821362688\",\"136192\",\"C:\\Windows\\System32\\inetsrv\\w3wp.exe\",\"Microsoft Corporation\",\"4120.765625\",\"10.0.17763.1\",\"10.0.17763.1\",\"IIS Worker Process\",\"Internet Information Services\",\"Process\",\"8\",\"2206\",\"4321\",\"w3wp\"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_PROCESS), 2);
	ck_assert_int_eq(nth(r, EV_PROCESS, 0)->pid, 6120);
	ck_assert_str_eq(nth(r, EV_PROCESS, 0)->image, "AcroRd32");
	ck_assert_int_eq(nth(r, EV_PROCESS, 1)->pid, 4321);
	ck_assert_str_eq(nth(r, EV_PROCESS, 1)->image, "w3wp");
	rec_free(r);
}
END_TEST

START_TEST(test_get_process_before_the_sockets_is_the_same_snapshot)
{
	/* Get-Date; Get-Process; Get-NetTCPConnection, in that order. */
	const char *in[] = {
		"",
		"Monday, November 23, 2026 2:05:33 PM",
		"",
		"",
		"",
		PROC_HEAD,
		PROC_DASH,
		prow(2206, "4120.77", 4321, "w3wp"),
		"",
		"",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert(nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert_int_eq(snapshot_of(r, EV_PROCESS, 0), 0);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 0), 0);
	rec_free(r);
}
END_TEST

/* ----------------------------------------------------------- snapshots */

START_TEST(test_loop_with_get_date_stamps_gives_one_snapshot_per_run)
{
	const char *in[] = {
		"",
		"Monday, November 23, 2026 2:05:33 PM",
		"",
		"",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"",
		"",
		"Monday, November 23, 2026 2:20:33 PM",
		"",
		"",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		row("10.1.1.5", "50002", "10.0.0.7", "1433", "TimeWait", "",
		    "0"),
		"",
		"",
		"",
		"Montag, 23. November 2026 14:35:33",
		"",
		"",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50003", "10.0.0.7", "1433", "TimeWait", "",
		    "0"),
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 3);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 12);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 2)->line, 23);
	ck_assert(nth(r, EV_SNAPSHOT, 2)->has_stamp);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.year, 2026);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 1)->stamp.hour, 14);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 2)->stamp.hour, 14);
	ck_assert_int_eq(nth(r, EV_SNAPSHOT, 2)->stamp.min, 35);
	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 0), 0);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 2), 1);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 3), 2);
	rec_free(r);
}
END_TEST

START_TEST(test_tables_appended_without_stamps_are_two_snapshots)
{
	const char *in[] = {
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50002", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 2);
	ck_assert(!nth(r, EV_SNAPSHOT, 0)->has_stamp);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 0)->line, 2);
	ck_assert_uint_eq(nth(r, EV_SNAPSHOT, 1)->line, 8);
	ck_assert_int_eq(snapshot_of(r, EV_SOCKET, 1), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_stamp_with_nothing_after_it_is_an_issue_not_a_snapshot)
{
	const char *in[] = {
		"",
		"Monday, November 23, 2026 2:05:33 PM",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"",
		"",
		"Monday, November 23, 2026 2:20:33 PM",
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SNAPSHOT), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 10);
	rec_free(r);
}
END_TEST

/* -------------------------------------------------------------- ranges */

static void
setting(const char **out, size_t *n, const char *name, const char *start,
    const char *count_)
{
	char	*a = ring[ringi++ % 128], *b = ring[ringi++ % 128];
	char	*c = ring[ringi++ % 128];

	snprintf(a, sizeof ring[0], "SettingName                     : %s",
	    name);
	snprintf(b, sizeof ring[0], "DynamicPortRangeStartPort       : %s",
	    start);
	snprintf(c, sizeof ring[0], "DynamicPortRangeNumberOfPorts   : %s",
	    count_);
	out[(*n)++] = a;
	out[(*n)++] = "MinRto(ms)                      : 300";
	out[(*n)++] = b;
	out[(*n)++] = c;
	out[(*n)++] = "AutoReusePortRangeStartPort     : 0";
	out[(*n)++] = "";
}

START_TEST(test_get_nettcpsetting_list_states_the_internet_range)
{
	const char	*in[64];
	size_t		 n = 0;
	struct rec	*r;

	in[n++] = "";
	in[n++] = "";
	setting(in, &n, "Automatic", "", "");
	setting(in, &n, "InternetCustom", "49152", "16384");
	setting(in, &n, "Datacenter", "49152", "16358");
	setting(in, &n, "Internet", "10000", "55536");	/* line 21 */
	in[n++] = "";
	in[n++] = TCP_HEAD;
	in[n++] = TCP_DASH;
	in[n++] = row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
	    "Internet", "4321");
	in[n] = NULL;
	r = run(in);
	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 10000);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.hi, 65535);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.proto, PROTO_TCP);
	ck_assert_uint_eq(nth(r, EV_RANGE, 0)->line, 21);
	ck_assert_str_eq(nth(r, EV_RANGE, 0)->source,
	    "Get-NetTCPSetting Internet");
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_get_nettcpsetting_table_without_internet_takes_the_first)
{
	static const char *const in[] = {
		"",
		"SettingName      DynamicPortRangeStartPort DynamicPortRangeNumberOfPorts",
		"-----------      ------------------------- -----------------------------",
		"Automatic",
		"Datacenter                           20000                         10000",
		"Compat                               49152                         16384",
		"",
		"",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 20000);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.hi, 29999);
	ck_assert_uint_eq(nth(r, EV_RANGE, 0)->line, 5);
	rec_free(r);
}
END_TEST

START_TEST(test_get_nettcpsetting_out_of_bounds_is_an_issue)
{
	static const char *const in[] = {
		"SettingName                   : Internet",
		"DynamicPortRangeStartPort     : 60000",
		"DynamicPortRangeNumberOfPorts : 16384",
		"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_RANGE), 0);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 1);
	rec_free(r);
}
END_TEST

START_TEST(test_netsh_block_before_the_table_states_the_range)
{
	const char *in[] = {
		"",
		"Protocol tcp Dynamic Port Range",
		"---------------------------------",
		"Start Port      : 49152",
		"Number of Ports : 16384",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_RANGE), 1);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.lo, 49152);
	ck_assert_int_eq(nth(r, EV_RANGE, 0)->range.hi, 65535);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

/* ---------------------------------------------------------- robustness */

START_TEST(test_bad_rows_are_issues_and_the_rest_is_read)
{
	const char *in[] = {
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"this line is not PowerShell output",
		row("10.1.1.5", "99999", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		row("10.1.1.999", "50002", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		row("10.1.1.5", "50003", "10.0.0.7", "1433", "HalfOpen", "", "7"),
		row("10.1.1.5", "50004", "10.0.0.7", "1433", "HalfOpen", "", "7"),
		"10.1.1.5                            50005     10.0.0.7",
		row("10.1.1.5", "50006", "10.0.0.7", "1433", "TimeWait", "", "0"),
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 4);
	ck_assert_int_eq(sock(r, 0)->local.port, 50001);
	ck_assert_int_eq(sock(r, 1)->state, ST_UNKNOWN);
	ck_assert_str_eq(nth(r, EV_SOCKET, 1)->state_raw, "HalfOpen");
	ck_assert_int_eq(sock(r, 3)->local.port, 50006);
	ck_assert_ptr_nonnull(issue_at(r, 4));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 4)->text, "not PowerShell"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 5)->reason, "port"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 6)->reason, "address"));
	ck_assert_ptr_nonnull(strstr(issue_at(r, 7)->reason, "unknown state"));
	ck_assert_ptr_null(issue_at(r, 8));	/* reported once */
	ck_assert_ptr_nonnull(issue_at(r, 9));
	ck_assert_uint_eq(count(r, EV_ISSUE), 5);
	rec_free(r);
}
END_TEST

START_TEST(test_owningprocess_that_is_not_a_number_keeps_the_socket)
{
	static const char *const in[] = {
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		"\"10.1.1.5\",\"50001\",\"10.0.0.7\",\"1433\",\"Established\",\"w3wp\"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_int_eq(sock(r, 0)->pid, -1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	rec_free(r);
}
END_TEST

START_TEST(test_table_of_other_columns_is_one_issue_and_its_rows_skipped)
{
	static const char *const in[] = {
		"",
		"Status   Name               DisplayName",
		"------   ----               -----------",
		"Running  Spooler            Print Spooler",
		"Stopped  W32Time            Windows Time",
		"",
		"",
		"LocalAddress                             LocalPort",
		"------------                             ---------",
		"::                                       64998",
		"",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 0);
	ck_assert_uint_eq(count(r, EV_ISSUE), 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 2);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 1)->line, 8);
	rec_free(r);
}
END_TEST

START_TEST(test_prompts_and_separators_are_not_issues)
{
	const char *in[] = {
		"PS C:\\Users\\admin> Get-NetTCPConnection > C:\\temp\\tcp.txt",
		"==========================================",
		"",
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"",
		"-----------",
		NULL
	};
	struct rec	*r = run(in);

	assert_no_issues(r);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	rec_free(r);
}
END_TEST

START_TEST(test_last_line_held_back_is_reported_at_the_end)
{
	const char *in[] = {
		TCP_HEAD,
		TCP_DASH,
		row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
		    "Internet", "4321"),
		"10.1.1.5                            500",
		NULL
	};
	struct rec	*r = run(in);

	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_uint_eq(count(r, EV_ISSUE), 1);
	ck_assert_uint_eq(nth(r, EV_ISSUE, 0)->line, 4);
	rec_free(r);
}
END_TEST

START_TEST(test_very_long_lines_do_not_stop_the_input)
{
	static char	 big[70000];
	const char	*in[6];
	struct rec	*r;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	in[0] = big;
	in[1] = TCP_HEAD;
	in[2] = TCP_DASH;
	in[3] = row("10.1.1.5", "50001", "10.0.0.7", "1433", "Established",
	    "Internet", "4321");
	in[4] = big;
	in[5] = NULL;
	r = run(in);
	ck_assert_uint_eq(count(r, EV_SOCKET), 1);
	ck_assert_ptr_nonnull(issue_at(r, 1));
	ck_assert_ptr_nonnull(issue_at(r, 5));
	rec_free(r);
}
END_TEST

/* --------------------------------------------------------------- sniff */

static int
sniff(const char *const *lines)
{
	size_t	n = 0;

	while (lines[n] != NULL)
		n++;
	return format_powershell.sniff(lines, n);
}

START_TEST(test_sniff_scores_table_header_with_dashes_high)
{
	static const char *const in[] = { "", TCP_HEAD, TCP_DASH, NULL };

	ck_assert_int_ge(sniff(in), 90);
}
END_TEST

START_TEST(test_sniff_scores_csv_header_and_type_line_high)
{
	static const char *const a[] = {
		"#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection",
		NULL
	};
	static const char *const b[] = {
		"\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"",
		NULL
	};
	static const char *const c[] = {
		"LocalAddress;LocalPort;OwningProcess",
		NULL
	};

	ck_assert_int_ge(sniff(a), 90);
	ck_assert_int_ge(sniff(b), 90);
	ck_assert_int_ge(sniff(c), 90);
}
END_TEST

START_TEST(test_sniff_scores_list_above_zero)
{
	static const char *const in[] = {
		"LocalAddress  : 10.1.1.5",
		"LocalPort     : 50001",
		NULL
	};

	ck_assert_int_gt(sniff(in), 50);
}
END_TEST

START_TEST(test_sniff_scores_other_tools_zero)
{
	static const char *const win[] = {
		"Active Connections",
		"  Proto  Local Address          Foreign Address        State           PID",
		"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       996",
		NULL
	};
	static const char *const ss[] = {
		"Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process",
		"tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*",
		NULL
	};
	ck_assert_int_eq(sniff(win), 0);
	ck_assert_int_eq(sniff(ss), 0);
}
END_TEST

START_TEST(test_sniff_scores_get_process_first_low_but_above_zero)
{
	/* A loop that writes Get-Process first: the table is further on. */
	const char	*in[SNIFF_LINES + 1];
	size_t		 i;

	in[0] = "";
	in[1] = PROC_HEAD;
	in[2] = PROC_DASH;
	for (i = 3; i < SNIFF_LINES; i++)
		in[i] = prow(100, "1.00", (int)i, "svchost");
	in[SNIFF_LINES] = NULL;
	ck_assert_int_gt(sniff(in), 0);
	ck_assert_int_lt(sniff(in), 50);	/* below a netstat header */
}
END_TEST

static void
no_issue(void *ctx, unsigned long line, const char *reason, const char *ex)
{
	(void)ctx;
	(void)line;
	(void)reason;
	(void)ex;
}

/* The score of a file's first SNIFF_LINES lines, decoded as portsift does. */
static int
sniff_file(const char *path)
{
	static char	 keep_[SNIFF_LINES][1024];
	const char	*lines[SNIFF_LINES];
	struct decoder	*d;
	const char	*l;
	size_t		 len, n = 0;
	unsigned long	 no;
	char		 err[256];
	FILE		*fp;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s: cannot open", path);
	d = decoder_open(fp, NULL, no_issue, NULL, err, sizeof err);
	ck_assert_msg(d != NULL, "%s: %s", path, err);
	while (n < SNIFF_LINES && decoder_next(d, &l, &len, &no) == 1) {
		snprintf(keep_[n], sizeof keep_[0], "%s", l);
		lines[n] = keep_[n];
		n++;
	}
	decoder_close(d);
	fclose(fp);
	return format_powershell.sniff(lines, n);
}

START_TEST(test_sniff_scores_every_corpus_capture_zero)
{
	const char	*dir = "../shared/corpus";
	struct dirent	*de;
	DIR		*dp;
	char		 path[1024];
	int		 files = 0;

	if ((dp = opendir(dir)) == NULL) {
		fprintf(stderr, "check_powershell: %s missing, corpus test "
		    "skipped\n", dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		ck_assert_msg(sniff_file(path) == 0, "%s scores above 0", path);
		files++;
	}
	closedir(dp);
	ck_assert_int_gt(files, 0);
}
END_TEST

START_TEST(test_sniff_scores_the_fixtures_high)
{
	ck_assert_int_ge(sniff_file("tests/fixtures/powershell/state.txt"),
	    90);
	ck_assert_int_ge(sniff_file("tests/fixtures/powershell/"
	    "connections.csv"), 90);
	ck_assert_int_ge(sniff_file("tests/fixtures/powershell/loop.txt"),
	    90);
}
END_TEST

START_TEST(test_format_entry_says_what_it_reads)
{
	ck_assert_str_eq(format_powershell.name, "powershell");
	ck_assert_str_eq(format_powershell.system, "Windows");
	ck_assert_ptr_nonnull(strstr(format_powershell.commands,
	    "Get-NetTCPConnection"));
	ck_assert_ptr_nonnull(strstr(format_powershell.commands,
	    "Export-Csv"));
	ck_assert_ptr_nonnull(strstr(format_powershell.reads, "Get-Process"));
	ck_assert_ptr_eq(format_find("powershell"), &format_powershell);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("powershell");
	TCase	*tc;

	tc = tcase_create("tables");
	tcase_add_test(tc, test_table_default_view_reads_every_column);
	tcase_add_test(tc,
	    test_table_listener_with_empty_applied_setting_keeps_its_pid);
	tcase_add_test(tc, test_table_every_powershell_state_name_maps);
	tcase_add_test(tc, test_table_ipv6_with_zone_keeps_zone_apart);
	tcase_add_test(tc,
	    test_table_autosize_wide_ipv6_is_read_whole_and_canonical);
	tcase_add_test(tc,
	    test_table_address_cut_short_is_kept_and_reported_once);
	tcase_add_test(tc,
	    test_table_powershell7_ellipsis_counts_as_one_column);
	tcase_add_test(tc,
	    test_table_narrow_console_without_owningprocess_has_no_pid);
	tcase_add_test(tc,
	    test_table_select_reordered_with_right_aligned_numbers);
	tcase_add_test(tc, test_table_with_processname_column_names_the_socket);
	tcase_add_test(tc, test_table_ansi_coloured_header_is_read);
	tcase_add_test(tc,
	    test_table_rows_with_crlf_and_trailing_blanks_are_read);
	suite_add_tcase(s, tc);

	tc = tcase_create("csv");
	tcase_add_test(tc, test_csv_export_with_type_line_reads_by_header_name);
	tcase_add_test(tc, test_csv_without_type_line_reordered_and_partial);
	tcase_add_test(tc, test_csv_quoted_fields_with_commas_and_quotes);
	tcase_add_test(tc, test_csv_semicolon_delimiter_of_use_culture);
	tcase_add_test(tc, test_csv_unquoted_fields_are_read);
	tcase_add_test(tc, test_csv_numeric_states_are_the_cim_values);
	tcase_add_test(tc,
	    test_csv_without_state_column_stores_unknown_and_says_so);
	tcase_add_test(tc, test_csv_row_with_wrong_field_count_is_an_issue);
	tcase_add_test(tc, test_csv_appended_runs_with_stamps_are_snapshots);
	tcase_add_test(tc,
	    test_csv_header_repeated_without_stamps_starts_a_snapshot);
	tcase_add_test(tc,
	    test_csv_another_header_with_as_many_columns_is_a_header);
	tcase_add_test(tc,
	    test_csv_timestamp_column_cuts_snapshots_where_it_changes);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_test(tc,
	    test_list_of_selected_properties_is_one_socket_per_block);
	tcase_add_test(tc, test_list_of_get_process_names_the_pid);
	tcase_add_test(tc, test_list_that_is_not_ours_is_one_issue);
	suite_add_tcase(s, tc);

	tc = tcase_create("get_process");
	tcase_add_test(tc, test_get_process_table_names_the_pids);
	tcase_add_test(tc, test_get_process_powershell7_table_names_the_pids);
	tcase_add_test(tc, test_get_process_select_id_processname_table);
	tcase_add_test(tc, test_get_process_csv_names_the_pids);
	tcase_add_test(tc,
	    test_get_process_before_the_sockets_is_the_same_snapshot);
	suite_add_tcase(s, tc);

	tc = tcase_create("snapshots");
	tcase_add_test(tc,
	    test_loop_with_get_date_stamps_gives_one_snapshot_per_run);
	tcase_add_test(tc,
	    test_tables_appended_without_stamps_are_two_snapshots);
	tcase_add_test(tc,
	    test_stamp_with_nothing_after_it_is_an_issue_not_a_snapshot);
	suite_add_tcase(s, tc);

	tc = tcase_create("ranges");
	tcase_add_test(tc,
	    test_get_nettcpsetting_list_states_the_internet_range);
	tcase_add_test(tc,
	    test_get_nettcpsetting_table_without_internet_takes_the_first);
	tcase_add_test(tc, test_get_nettcpsetting_out_of_bounds_is_an_issue);
	tcase_add_test(tc, test_netsh_block_before_the_table_states_the_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_add_test(tc, test_bad_rows_are_issues_and_the_rest_is_read);
	tcase_add_test(tc,
	    test_owningprocess_that_is_not_a_number_keeps_the_socket);
	tcase_add_test(tc,
	    test_table_of_other_columns_is_one_issue_and_its_rows_skipped);
	tcase_add_test(tc, test_prompts_and_separators_are_not_issues);
	tcase_add_test(tc, test_last_line_held_back_is_reported_at_the_end);
	tcase_add_test(tc, test_very_long_lines_do_not_stop_the_input);
	suite_add_tcase(s, tc);

	tc = tcase_create("sniff");
	tcase_add_test(tc, test_sniff_scores_table_header_with_dashes_high);
	tcase_add_test(tc, test_sniff_scores_csv_header_and_type_line_high);
	tcase_add_test(tc, test_sniff_scores_list_above_zero);
	tcase_add_test(tc, test_sniff_scores_other_tools_zero);
	tcase_add_test(tc, test_sniff_scores_get_process_first_low_but_above_zero);
	tcase_add_test(tc, test_sniff_scores_every_corpus_capture_zero);
	tcase_add_test(tc, test_sniff_scores_the_fixtures_high);
	tcase_add_test(tc, test_format_entry_says_what_it_reads);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
