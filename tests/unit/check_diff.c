/*
 * check_diff.c — tests for reports/diff.c: naming snapshots, and the diff of
 * two snapshots of a small case built through the real store API, whose
 * right answer is worked out by hand below and asserted field by field.
 *
 * The case (range 49152-65535, local address 10.1.1.5):
 *
 *   snapshot 1 "before", taken 2026-11-23 08:00:00
 *     svchost.exe 996  LISTEN 0.0.0.0:135                  (not held)
 *     keep.exe 600     LISTEN 0.0.0.0:8080                 (not held)
 *     keep.exe 600     :56001 -> 10.0.0.8:22  ESTABLISHED
 *     app.exe 100      :50001-50003 -> 10.0.0.7:1433 ESTABLISHED
 *     PID 0            :51001-51002 -> 10.0.0.7:1433 TIME_WAIT
 *     old.exe 200      :52001-52002 -> 10.0.0.9:80 ESTABLISHED
 *     svc.exe 300      :53001 -> 10.0.0.5:443 ESTABLISHED
 *     dns.exe 700      UDP 0.0.0.0:52050                   (not held)
 *   snapshot 2 "after", taken 2026-11-23 09:30:15
 *     svchost.exe 996  LISTEN 0.0.0.0:135
 *     keep.exe 600     LISTEN 0.0.0.0:8080 only            (holds nothing)
 *     app.exe 100      :50001-50002 ESTABLISHED, :50003 CLOSE_WAIT
 *                      -> 10.0.0.7:1433
 *     PID 0            :51001-51007 -> 10.0.0.7:1433 TIME_WAIT
 *     svc.exe 301      :53002-53003 -> 10.0.0.5:443 ESTABLISHED
 *     new.exe 400      [2001:db8::5]:54001-54003 -> [2001:db8::1]:8443
 *                      SYN_SENT
 *     no PID           :55001 -> 10.0.0.7:1433 ESTABLISHED
 *   snapshot 3 "before" (another capture, no sockets)
 *   snapshot 4 "2024"   (another capture, no sockets)
 *
 * Ports held: 1 has 3 + 2 + 2 + 1 + 1 = 9, 2 has 3 + 7 + 2 + 3 + 1 = 16.
 * Diff 1 -> 2, by |delta| descending, then B, then A, then name, PID:
 *
 *   (PID 0)        0   2  7  +5   TIME_WAIT +5
 *   new.exe      400   0  3  +3   came; SYN_SENT +3
 *   svc.exe      301   0  2  +2   came, restarted; ESTABLISHED +2
 *   old.exe      200   2  0  -2   went; ESTABLISHED -2
 *   (no PID)       -   0  1  +1   came; ESTABLISHED +1
 *   keep.exe     600   1  0  -1   not went (it still listens); ESTABLISHED -1
 *   svc.exe      300   1  0  -1   went, restarted; ESTABLISHED -1
 *   app.exe      100   3  3   0   CLOSE_WAIT +1, ESTABLISHED -1
 *
 * Endpoints of held sockets: 1 has 10.0.0.7:1433 x5, 10.0.0.9:80 x2,
 * 10.0.0.5:443 x1, 10.0.0.8:22 x1; 2 has 10.0.0.7:1433 x11, 10.0.0.5:443 x2,
 * [2001:db8::1]:8443 x3.  Appeared: [2001:db8::1]:8443 (3).  Vanished:
 * 10.0.0.9:80 (2), 10.0.0.8:22 (1).  From A to B: 1 h 30 min 15 s = 5415 s.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/store.h"
#include "parsers/record.h"
#include "reports/diff.h"

Suite	*suite(void);

static char		 dir[] = "/tmp/check_diff.XXXXXX";
static char		 path[64];
static struct store	*st;

static void
endpoint(struct endpoint *ep, const char *addr, int port)
{
	memset(ep, 0, sizeof *ep);
	snprintf(ep->addr, sizeof ep->addr, "%s", addr);
	ep->port = port;
	ep->numeric = 1;
}

static void
sock(enum proto proto, int family, const char *laddr, int lport,
    const char *raddr, int rport, enum state state, long pid,
    const char *image)
{
	struct ps_socket	k;
	static unsigned long	line;

	memset(&k, 0, sizeof k);
	k.proto = proto;
	k.family = family;
	endpoint(&k.local, laddr, lport);
	endpoint(&k.remote, raddr, rport);
	k.state = state;
	k.pid = pid;
	k.process = image;
	k.line = ++line;
	ck_assert_int_eq(store_socket(st, &k), 0);
}

static void
tcp(int lport, const char *raddr, int rport, enum state state, long pid,
    const char *image)
{
	sock(PROTO_TCP, 4, "10.1.1.5", lport, raddr, rport, state, pid, image);
}

static long long
capture(const char *file, const char *label, const char *taken_at)
{
	struct capture_row	c = { file, "windows-netstat", "utf-8", NULL };
	struct snapshot_row	r = { .label = label, .os = "windows",
				    .range_lo = 49152, .range_hi = 65535,
				    .range_source = "test", .first_line = 1 };
	long long		id;

	ck_assert_int_eq(store_capture_begin(st, &c), 0);
	id = store_snapshot(st, &r);
	ck_assert_int_gt(id, 0);
	if (taken_at != NULL)
		ck_assert_int_eq(store_snapshot_taken_at(st, id, taken_at,
		    "text"), 0);
	return id;
}

static void
capture_end(char digit)
{
	char		sha[65];
	long long	dup;

	memset(sha, digit, 64);
	sha[64] = '\0';
	ck_assert_int_eq(store_capture_end(st, STORE_COMMIT, sha, 100, 10, 0, 0,
	    &dup), 1);
}

static void
build_case(void)
{
	char	err[256];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/case.db", dir);
	st = store_open(path, STORE_CREATE, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);

	capture("before.txt", "before", "2026-11-23 08:00:00");
	tcp(135, "0.0.0.0", 0, ST_LISTEN, 996, "svchost.exe");
	sock(PROTO_TCP, 4, "0.0.0.0", 8080, "0.0.0.0", 0, ST_LISTEN, 600,
	    "keep.exe");
	tcp(56001, "10.0.0.8", 22, ST_ESTABLISHED, 600, "keep.exe");
	tcp(50001, "10.0.0.7", 1433, ST_ESTABLISHED, 100, "app.exe");
	tcp(50002, "10.0.0.7", 1433, ST_ESTABLISHED, 100, "app.exe");
	tcp(50003, "10.0.0.7", 1433, ST_ESTABLISHED, 100, "app.exe");
	tcp(51001, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51002, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(52001, "10.0.0.9", 80, ST_ESTABLISHED, 200, "old.exe");
	tcp(52002, "10.0.0.9", 80, ST_ESTABLISHED, 200, "old.exe");
	tcp(53001, "10.0.0.5", 443, ST_ESTABLISHED, 300, "svc.exe");
	sock(PROTO_UDP, 4, "0.0.0.0", 52050, "", -1, ST_UNCONN, 700,
	    "dns.exe");
	capture_end('a');

	capture("after.txt", "after", "2026-11-23 09:30:15");
	tcp(135, "0.0.0.0", 0, ST_LISTEN, 996, "svchost.exe");
	sock(PROTO_TCP, 4, "0.0.0.0", 8080, "0.0.0.0", 0, ST_LISTEN, 600,
	    "keep.exe");
	tcp(50001, "10.0.0.7", 1433, ST_ESTABLISHED, 100, "app.exe");
	tcp(50002, "10.0.0.7", 1433, ST_ESTABLISHED, 100, "app.exe");
	tcp(50003, "10.0.0.7", 1433, ST_CLOSE_WAIT, 100, "app.exe");
	tcp(51001, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51002, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51003, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51004, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51005, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51006, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(51007, "10.0.0.7", 1433, ST_TIME_WAIT, 0, NULL);
	tcp(53002, "10.0.0.5", 443, ST_ESTABLISHED, 301, "svc.exe");
	tcp(53003, "10.0.0.5", 443, ST_ESTABLISHED, 301, "svc.exe");
	sock(PROTO_TCP, 6, "2001:db8::5", 54001, "2001:db8::1", 8443,
	    ST_SYN_SENT, 400, "new.exe");
	sock(PROTO_TCP, 6, "2001:db8::5", 54002, "2001:db8::1", 8443,
	    ST_SYN_SENT, 400, "new.exe");
	sock(PROTO_TCP, 6, "2001:db8::5", 54003, "2001:db8::1", 8443,
	    ST_SYN_SENT, 400, "new.exe");
	tcp(55001, "10.0.0.7", 1433, ST_ESTABLISHED, -1, NULL);
	capture_end('b');

	capture("again.txt", "before", NULL);
	capture_end('c');
	capture("year.txt", "2024", NULL);
	capture_end('d');
}

/* Once for the suite, in the parent: the case file, closed again. */
static void
make_case(void)
{
	build_case();
	store_close(st);
	st = NULL;
}

static void
remove_case(void)
{
	unlink(path);
	rmdir(dir);
}

/* Around each test: the case open for reading. */
static void
setup(void)
{
	char	err[256];

	st = store_open(path, STORE_READ, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
}

static void
teardown(void)
{
	store_close(st);
	st = NULL;
}

static struct sqlite3 *
db(void)
{
	return store_sqlite(st);
}

/* The seq a name resolves to, or the DIFF_E* code. */
static long
find(const char *name)
{
	struct diff_snap	s;
	char			err[256];
	int			rc;
	long			seq;

	rc = diff_find_snapshot(db(), name, &s, err, sizeof err);
	if (rc != DIFF_OK)
		return rc;
	seq = s.seq;
	diff_snap_free(&s);
	return seq;
}

START_TEST(test_names)
{
	struct diff_snap	s;
	char			err[256];

	ck_assert_int_eq(find("1"), 1);
	ck_assert_int_eq(find("2"), 2);
	ck_assert_int_eq(find("first"), 1);
	ck_assert_int_eq(find("last"), 4);
	ck_assert_int_eq(find("after"), 2);
	/* A label names the last snapshot that has it. */
	ck_assert_int_eq(find("before"), 3);
	/* Digits that are no snapshot number may still be a label. */
	ck_assert_int_eq(find("2024"), 4);
	ck_assert_int_eq(find("5"), DIFF_ENOSNAP);
	ck_assert_int_eq(find("0"), DIFF_ENOSNAP);
	ck_assert_int_eq(find("-1"), DIFF_ENOSNAP);
	ck_assert_int_eq(find(" 1"), DIFF_ENOSNAP);
	ck_assert_int_eq(find("Before"), DIFF_ENOSNAP);
	ck_assert_int_eq(find(""), DIFF_ENOSNAP);

	ck_assert_int_eq(diff_find_snapshot(db(), "nope", &s, err, sizeof err),
	    DIFF_ENOSNAP);
	ck_assert_str_eq(err, "no snapshot 'nope' in the case (see portsift "
	    "snapshots)");

	/* The rest of the row. */
	ck_assert_int_eq(diff_find_snapshot(db(), "after", &s, err,
	    sizeof err), DIFF_OK);
	ck_assert_str_eq(s.label, "after");
	ck_assert_str_eq(s.taken_at, "2026-11-23 09:30:15");
	ck_assert_str_eq(s.file, "after.txt");
	ck_assert_int_eq(s.first_line, 1);
	ck_assert_int_eq(s.range_lo, 49152);
	ck_assert_int_eq(s.range_hi, 65535);
	ck_assert_int_eq(s.sockets, 18);
	ck_assert_int_eq(s.ports_held, 16);
	diff_snap_free(&s);
}
END_TEST

struct want_state {
	const char	*state;
	long		 a, b;
};

struct want_proc {
	const char		*process;
	long			 pid, a, b;
	int			 in_a, in_b, restarted;
	struct want_state	 states[3];
};

static const struct want_proc want[] = {
	{ NULL, 0, 2, 7, 1, 1, 0, { { "TIME_WAIT", 2, 7 } } },
	{ "new.exe", 400, 0, 3, 0, 1, 0, { { "SYN_SENT", 0, 3 } } },
	{ "svc.exe", 301, 0, 2, 0, 1, 1, { { "ESTABLISHED", 0, 2 } } },
	{ "old.exe", 200, 2, 0, 1, 0, 0, { { "ESTABLISHED", 2, 0 } } },
	{ NULL, -1, 0, 1, 0, 1, 0, { { "ESTABLISHED", 0, 1 } } },
	{ "keep.exe", 600, 1, 0, 1, 1, 0, { { "ESTABLISHED", 1, 0 } } },
	{ "svc.exe", 300, 1, 0, 1, 0, 1, { { "ESTABLISHED", 1, 0 } } },
	{ "app.exe", 100, 3, 3, 1, 1, 0,
	    { { "CLOSE_WAIT", 0, 1 }, { "ESTABLISHED", 3, 2 } } },
};
#define NWANT	(sizeof want / sizeof want[0])

static void
check_proc(const struct diff_proc *p, const struct want_proc *w, size_t row)
{
	size_t	j, n;

	if (w->process == NULL)
		ck_assert_msg(p->process == NULL, "row %zu: %s", row,
		    p->process);
	else
		ck_assert_msg(p->process != NULL &&
		    strcmp(p->process, w->process) == 0, "row %zu: %s, not %s",
		    row, p->process ? p->process : "NULL", w->process);
	ck_assert_int_eq(p->pid, w->pid);
	ck_assert_int_eq(p->ports_a, w->a);
	ck_assert_int_eq(p->ports_b, w->b);
	ck_assert_int_eq(p->in_a, w->in_a);
	ck_assert_int_eq(p->in_b, w->in_b);
	ck_assert_int_eq(p->restarted, w->restarted);
	for (n = 0; n < 3 && w->states[n].state != NULL; n++)
		continue;
	ck_assert_uint_eq(p->nstates, n);
	for (j = 0; j < n; j++) {
		ck_assert_str_eq(p->states[j].state, w->states[j].state);
		ck_assert_int_eq(p->states[j].a, w->states[j].a);
		ck_assert_int_eq(p->states[j].b, w->states[j].b);
	}
}

START_TEST(test_diff)
{
	struct diff_opts	o = { "1", "after", 0, 10 };
	struct diff		d;
	char			err[256];
	size_t			i;

	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err), DIFF_OK);

	ck_assert_int_eq(d.a.seq, 1);
	ck_assert_int_eq(d.b.seq, 2);
	ck_assert_int_eq(d.a.ports_held, 9);
	ck_assert_int_eq(d.b.ports_held, 16);
	ck_assert_int_eq(d.a.sockets, 12);
	ck_assert_int_eq(d.b.sockets, 18);
	ck_assert_int_eq(d.has_elapsed, 1);
	ck_assert_double_eq_tol(d.elapsed, 5415.0, 0.01);

	ck_assert_uint_eq(d.nprocs, NWANT);
	ck_assert_uint_eq(d.total_procs, NWANT);
	for (i = 0; i < NWANT; i++)
		check_proc(&d.procs[i], &want[i], i);

	ck_assert_uint_eq(d.nappeared, 1);
	ck_assert_uint_eq(d.total_appeared, 1);
	ck_assert_str_eq(d.appeared[0].endpoint, "[2001:db8::1]:8443");
	ck_assert_int_eq(d.appeared[0].sockets, 3);

	ck_assert_uint_eq(d.nvanished, 2);
	ck_assert_uint_eq(d.total_vanished, 2);
	ck_assert_str_eq(d.vanished[0].endpoint, "10.0.0.9:80");
	ck_assert_int_eq(d.vanished[0].sockets, 2);
	ck_assert_str_eq(d.vanished[1].endpoint, "10.0.0.8:22");
	ck_assert_int_eq(d.vanished[1].sockets, 1);
	diff_free(&d);
}
END_TEST

/* B - A the other way round: every sign turns, came and went swap. */
START_TEST(test_reversed)
{
	struct diff_opts	o = { "after", "first", 0, 0 };
	struct diff		d;
	char			err[256];

	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err), DIFF_OK);
	ck_assert_double_eq_tol(d.elapsed, -5415.0, 0.01);
	ck_assert_uint_eq(d.nprocs, NWANT);
	/* new.exe went; old.exe came, and comes before svc.exe 301. */
	ck_assert_str_eq(d.procs[1].process, "new.exe");
	ck_assert_int_eq(d.procs[1].in_a, 1);
	ck_assert_int_eq(d.procs[1].in_b, 0);
	ck_assert_str_eq(d.procs[2].process, "old.exe");
	ck_assert_int_eq(d.procs[2].ports_b, 2);
	ck_assert_str_eq(d.procs[3].process, "svc.exe");
	ck_assert_int_eq(d.procs[3].pid, 301);
	ck_assert_int_eq(d.procs[3].restarted, 1);
	ck_assert_uint_eq(d.nappeared, 2);
	ck_assert_uint_eq(d.nvanished, 1);
	ck_assert_str_eq(d.vanished[0].endpoint, "[2001:db8::1]:8443");
	diff_free(&d);
}
END_TEST

START_TEST(test_top)
{
	struct diff_opts	o = { "1", "2", 3, 1 };
	struct diff		d;
	char			err[256];
	size_t			i;

	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err), DIFF_OK);
	ck_assert_uint_eq(d.nprocs, 3);
	ck_assert_uint_eq(d.total_procs, NWANT);
	for (i = 0; i < 3; i++)
		check_proc(&d.procs[i], &want[i], i);
	ck_assert_uint_eq(d.nvanished, 1);
	ck_assert_uint_eq(d.total_vanished, 2);
	ck_assert_str_eq(d.vanished[0].endpoint, "10.0.0.9:80");
	diff_free(&d);
}
END_TEST

/* Snapshots without times, or without sockets: no elapsed, nothing held. */
START_TEST(test_empty)
{
	struct diff_opts	o = { "before", "2024", 0, 0 };
	struct diff		d;
	char			err[256];

	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err), DIFF_OK);
	ck_assert_int_eq(d.a.seq, 3);
	ck_assert_int_eq(d.b.seq, 4);
	ck_assert_int_eq(d.has_elapsed, 0);
	ck_assert_uint_eq(d.nprocs, 0);
	ck_assert_uint_eq(d.total_procs, 0);
	ck_assert_uint_eq(d.nappeared + d.nvanished, 0);
	diff_free(&d);

	o.a = "1";
	o.b = "2024";
	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err), DIFF_OK);
	ck_assert_int_eq(d.has_elapsed, 0);
	ck_assert_uint_eq(d.nprocs, 5);
	ck_assert_uint_eq(d.nappeared, 0);
	ck_assert_uint_eq(d.nvanished, 4);
	diff_free(&d);

	o.b = "none";
	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err),
	    DIFF_ENOSNAP);
	ck_assert_str_eq(err, "no snapshot 'none' in the case (see portsift "
	    "snapshots)");
}
END_TEST

/* The text: the numbers of the worked example, in 100 columns. */
START_TEST(test_render)
{
	struct diff_opts	 o = { "1", "2", 0, 10 };
	struct diff		 d;
	char			 err[256], *buf = NULL, *line, *save;
	size_t			 len = 0;
	FILE			*fp;

	ck_assert_int_eq(diff_load(db(), &o, &d, err, sizeof err), DIFF_OK);
	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(render_diff_text(fp, &d, "case.db"), 0);
	fclose(fp);
	diff_free(&d);

	ck_assert_ptr_nonnull(strstr(buf, "1 h 30 min after A"));
	ck_assert_ptr_nonnull(strstr(buf, "Dynamic ports held: +7 (9 in A, 16 "
	    "in B)"));
	ck_assert_ptr_nonnull(strstr(buf, "\n  (PID 0)                    0"
	    "        2        7       +5  TIME_WAIT +5\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\n  (no PID in input)          -"
	    "        0        1       +1  came; ESTABLISHED +1\n"));
	ck_assert_ptr_nonnull(strstr(buf, "  svc.exe                  301"
	    "        0        2       +2  came (restarted? same image, new "
	    "PID);\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\n  keep.exe                 600"
	    "        1        0       -1  ESTABLISHED -1\n"));
	ck_assert_ptr_nonnull(strstr(buf, "CLOSE_WAIT +1, ESTABLISHED -1\n"));
	ck_assert_ptr_nonnull(strstr(buf, "  vanished from A: 2 endpoints\n"));
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		size_t	chars = 0;

		for (; *line != '\0'; line++)
			if (((unsigned char)*line & 0xC0) != 0x80)
				chars++;
		ck_assert_uint_le(chars, 100);
		ck_assert_int_ne(line[-1], ' ');
	}
	free(buf);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("diff");
	TCase	*tc = tcase_create("diff");

	tcase_add_unchecked_fixture(tc, make_case, remove_case);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_diff);
	tcase_add_test(tc, test_reversed);
	tcase_add_test(tc, test_top);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_render);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
