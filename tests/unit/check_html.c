/*
 * check_html.c — tests for the HTML renderer (reports/html.c, reports/svg.c).
 *
 * The renderer reads only struct analysis and struct diff, so the cases are
 * built here by hand, with hostile strings wherever the input can put one:
 * process names, labels, paths, hosts, range sources, remote endpoints,
 * findings, issue excerpts.  The page is rendered into memory and read back:
 *
 *   - every hostile string comes out escaped (& < > " ' as entities), and
 *     no tag or attribute of the page comes from the input;
 *   - there is no http:// or https:// anywhere in the page, no src=, no
 *     href other than "#...", no url( nor @import in the CSS;
 *   - every chart is an <svg> whose first child is a <title>, with a
 *     legend inside it;
 *   - the tags nest (a small checker below: void elements, self-closed SVG
 *     elements, raw text in <script> and <style>), and no '<' is left bare;
 *   - numbers carry thousands separators; fmt_pct()'s "<0.1%" is escaped;
 *   - the order is the text report's: the answer, the charts, over time,
 *     pools, remote endpoints, the attribution apart, the diff, the issues;
 *   - the Content-Security-Policy names the SHA-256 of the one script;
 *   - an empty case renders; a write error is reported.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/sha256.h"
#include "reports/diff.h"
#include "reports/render.h"
#include "reports/svg.h"

Suite	*suite(void);

#define SCRIPT_NAME	"<script>alert(1)</script>"
#define QUOTE_NAME	"\"onmouseover=alert(1)"
#define AMP_NAME	"&amp;"
#define APOS_NAME	"x' onload='alert(2)"
#define URL_NAME	"http://evil.example/x.exe"

/* ------------------------------------------------------------ the fixture */

static struct a_state	 states1[] = {
	{ "ESTABLISHED", 391, 391 },
	{ "LISTEN", 2, 0 },
};
static struct a_state	 states2[] = {
	{ "CLOSE_WAIT", 327, 327 },
	{ "ESTABLISHED", 12, 12 },
};
static struct a_state	 states0[] = {
	{ "TIME_WAIT", 12191, 12191 },
};
static struct a_state	 states3[] = {
	{ "SYN_SENT", 6, 6 },
};

static struct a_snapshot	snaps[2];
static struct a_process		procs[7];
static struct a_finding		finds[2];
static struct a_attr		attrs[2];
static struct a_pool		pools[2];
static struct a_trend		trends[1];
static struct a_issue		issues[2];

/* pressure_trend and time_wait_endpoint, as analysis.c loads them. */
static char *pt_cols[] = {
	"capture_id", "snapshots", "first_taken_at", "last_taken_at",
	"ports_first", "ports_last", "laddr", "range_size", "slope_per_hour",
	"monotonic", "minutes_to_exhaustion"
};
static struct a_value pt_vals[11];
static char *ep_cols[] = {
	"snapshot_id", "laddr", "raddr", "rport", "process", "pid", "sockets",
	"held", "confidence", "source_snapshot_id"
};
static struct a_value ep_vals[10];

static struct a_value
vi(long long i)
{
	struct a_value	v = { A_INT, i, 0, NULL };

	return v;
}

static struct a_value
vr(double r)
{
	struct a_value	v = { A_REAL, 0, r, NULL };

	return v;
}

static struct a_value
vs(const char *s)
{
	struct a_value	v = { A_TEXT, 0, 0, (char *)s };

	return v;
}

static void
proc(struct a_process *p, long long snap, const char *name, long pid,
    long held, double share, const char *top, struct a_state *st, size_t n)
{
	memset(p, 0, sizeof *p);
	p->snapshot_id = snap;
	p->owner_key = pid + 1;
	p->process = (char *)name;
	p->pid = pid;
	p->ports_held = held;
	p->sockets = held;
	p->range_size = 16384;
	p->share = share;
	p->share_of_held = share * 1.2;
	p->has_remote = top != NULL;
	p->remotes = 1;
	p->top_remote = (char *)top;
	p->top_remote_share = 1;
	p->top_addr = (char *)"10.0.0.7";
	p->top_addr_share = 1;
	p->hhi = 1;
	p->states = st;
	p->nstates = n;
}

/* Two timed snapshots of a case full of hostile names. */
static void
fixture(struct analysis *a)
{
	memset(a, 0, sizeof *a);
	memset(snaps, 0, sizeof snaps);
	snaps[0].id = 1;
	snaps[0].seq = 1;
	snaps[0].label = (char *)QUOTE_NAME;
	snaps[0].taken_at = (char *)"2026-11-23 08:47:12.35";
	snaps[0].file = (char *)"/tmp/<evil>&'x'.txt";
	snaps[0].format = (char *)"windows-netstat";
	snaps[0].encoding = (char *)"utf-8";
	snaps[0].host = (char *)"<b>host</b>";
	snaps[0].range_lo = 49152;
	snaps[0].range_hi = 65535;
	snaps[0].range_source = (char *)"netsh <i>block</i>, line 4";
	snaps[0].first_line = 7;
	snaps[0].sockets = 2986;
	snaps[0].ports_held = 2895;
	snaps[1] = snaps[0];
	snaps[1].id = 2;
	snaps[1].seq = 2;
	snaps[1].label = (char *)"after";
	snaps[1].taken_at = (char *)"2026-11-23 09:36:11.87";
	snaps[1].first_line = 21163;
	snaps[1].sockets = 13048;
	snaps[1].ports_held = 12932;
	snaps[1].listeners_in_range = 12;
	a->snaps = snaps;
	a->nsnaps = 2;
	a->total_snaps = 3;

	proc(&procs[0], 1, NULL, 0, 2398, 0.146, "10.0.0.7:1433", states0, 1);
	proc(&procs[1], 1, SCRIPT_NAME, 4321, 262, 0.016, "10.0.0.7:1433",
	    states1, 2);
	proc(&procs[2], 2, NULL, 0, 12191, 0.744, "10.0.0.7:1433", states0, 1);
	proc(&procs[3], 2, SCRIPT_NAME, 4321, 391, 0.024, "<b>10.0.0.7</b>:1433",
	    states1, 2);
	proc(&procs[4], 2, QUOTE_NAME, 2288, 339, 0.021, "10.0.0.20:8080",
	    states2, 2);
	proc(&procs[5], 2, APOS_NAME, 5120, 6, 0.00001, NULL, states3, 1);
	proc(&procs[6], 2, URL_NAME, 6666, 1, 0.00001, "[2001:db8::1]:443",
	    states3, 1);
	procs[6].image_inferred = 1;
	a->procs = procs;
	a->nprocs = 7;

	memset(finds, 0, sizeof finds);
	finds[0].snapshot_id = 2;
	finds[0].rank = 1;
	finds[0].severity = (char *)"critical";
	finds[0].kind = (char *)"holder";
	finds[0].process = (char *)SCRIPT_NAME;
	finds[0].pid = 4321;
	finds[0].summary = (char *)SCRIPT_NAME " (PID 4321) holds 12,551 of "
	    "16,384 dynamic ports (76.6%) & more";
	finds[0].evidence = (char *)"e.g. /tmp/<evil>&'x'.txt:21333, :21356";
	finds[1] = finds[0];
	finds[1].rank = 2;
	finds[1].severity = (char *)"warning";
	finds[1].kind = (char *)"state";
	finds[1].summary = (char *)QUOTE_NAME " (PID 2288) has 327 connections "
	    "in CLOSE_WAIT " AMP_NAME;
	a->findings = finds;
	a->nfindings = 2;

	memset(attrs, 0, sizeof attrs);
	attrs[0].snapshot_id = 2;
	attrs[0].process = (char *)SCRIPT_NAME;
	attrs[0].pid = 4321;
	attrs[0].sockets = 12160;
	attrs[0].held = 12160;
	attrs[0].confidence = (char *)"endpoint";
	attrs[1].snapshot_id = 2;
	attrs[1].pid = -1;
	attrs[1].sockets = 12;
	attrs[1].confidence = (char *)"none";
	a->attrs = attrs;
	a->nattrs = 2;

	memset(pools, 0, sizeof pools);
	pools[0].snapshot_id = 1;
	pools[0].model = (char *)"windows";
	pools[0].laddr = (char *)"10.1.1.5";
	pools[0].rport = -1;
	pools[0].ports_held = 2895;
	pools[0].range_size = 16384;
	pools[0].share = 0.1767;
	pools[1] = pools[0];
	pools[1].snapshot_id = 2;
	pools[1].ports_held = 12932;
	pools[1].share = 0.7893;
	a->pools = pools;
	a->npools = 2;

	memset(trends, 0, sizeof trends);
	trends[0].process = (char *)SCRIPT_NAME;
	trends[0].pid = 4321;
	trends[0].snapshots = 2;
	trends[0].first_taken_at = snaps[0].taken_at;
	trends[0].last_taken_at = snaps[1].taken_at;
	trends[0].ports_first = 262;
	trends[0].ports_last = 391;
	trends[0].has_slope = 1;
	trends[0].slope_per_hour = 157.9;
	trends[0].monotonic = 1;
	trends[0].has_minutes = 1;
	trends[0].minutes_to_exhaustion = 1311.4;
	a->trends = trends;
	a->ntrends = 1;

	pt_vals[0] = vi(1);
	pt_vals[1] = vi(2);
	pt_vals[2] = vs(snaps[0].taken_at);
	pt_vals[3] = vs(snaps[1].taken_at);
	pt_vals[4] = vi(2895);
	pt_vals[5] = vi(12932);
	pt_vals[6] = vs("10.1.1.5");
	pt_vals[7] = vi(16384);
	pt_vals[8] = vr(12290.65);
	pt_vals[9] = vi(1);
	pt_vals[10] = vr(16.85);
	a->tables[0].name = "pressure_trend";
	a->tables[0].cols = pt_cols;
	a->tables[0].ncols = 11;
	a->tables[0].v = pt_vals;
	a->tables[0].nrows = 1;
	ep_vals[0] = vi(2);
	ep_vals[1] = vs("10.1.1.5");
	ep_vals[2] = vs("<i>10.0.0.7</i>");
	ep_vals[3] = vi(1433);
	ep_vals[4] = vs(SCRIPT_NAME);
	ep_vals[5] = vi(4321);
	ep_vals[6] = vr(12160);
	ep_vals[7] = vr(12160);
	ep_vals[8] = vs("endpoint");
	ep_vals[9] = vi(2);
	a->tables[1].name = "time_wait_endpoint";
	a->tables[1].cols = ep_cols;
	a->tables[1].ncols = 10;
	a->tables[1].v = ep_vals;
	a->tables[1].nrows = 1;
	a->ntables = 2;

	memset(issues, 0, sizeof issues);
	issues[0].file = (char *)"/tmp/<evil>&'x'.txt";
	issues[0].line = 283;
	issues[0].reason = (char *)"not a netstat line";
	issues[0].excerpt = (char *)"<img src=x onerror=alert(3)> https://x/";
	issues[1].file = issues[0].file;
	issues[1].line = 284;
	issues[1].reason = (char *)"bytes";
	issues[1].excerpt = (char *)"\x1b[31m\xff\xfe</td></table>";
	a->issues = issues;
	a->nissues = 2;
	a->total_issues = 5;
}

/* ------------------------------------------------------------- rendering */

static char *
render(const struct analysis *a, const struct render_opts *ro)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(render_html(fp, a, ro), 0);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_ptr_nonnull(buf);
	return buf;
}

static char *
render_fixture(const struct render_opts *ro)
{
	struct analysis	a;

	fixture(&a);
	return render(&a, ro);
}

static size_t
count(const char *hay, const char *needle)
{
	size_t		 n = 0;
	const char	*p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static long
pos(const char *hay, const char *needle)
{
	const char	*p = strstr(hay, needle);

	ck_assert_msg(p != NULL, "not in the page: %s", needle);
	return (long)(p - hay);
}

static const char *const voids[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "source", "track", "wbr", NULL
};

/*
 * The tags nest, and no '<' is bare: 0, or the offset of the first fault.
 * Raw text in <script> and <style> is skipped; '>' inside a quoted
 * attribute value does not end a tag.
 */
static long
nesting(const char *page)
{
	char		 stack[256][16], name[16];
	const char	*p = page, *q;
	size_t		 depth = 0, n, i;
	char		 quote;

	while ((p = strchr(p, '<')) != NULL) {
		if (strncmp(p, "<!--", 4) == 0) {
			if ((p = strstr(p, "-->")) == NULL)
				return 1;
			continue;
		}
		if (strncmp(p, "<!DOCTYPE html>", 15) == 0) {
			p += 15;
			continue;
		}
		q = p + 1 + (p[1] == '/');
		for (n = 0; (q[n] >= 'a' && q[n] <= 'z') || (q[n] >= 'A' &&
		    q[n] <= 'Z') || (q[n] >= '0' && q[n] <= '9'); n++)
			;
		if (n == 0 || n >= sizeof name)
			return (long)(p - page) + 1;	/* a bare '<' */
		memcpy(name, q, n);
		name[n] = '\0';
		for (q += n, quote = 0; *q != '\0' && (quote || *q != '>'); q++)
			if (quote && *q == quote)
				quote = 0;
			else if (!quote && (*q == '"' || *q == '\''))
				quote = *q;
		if (*q != '>')
			return (long)(p - page) + 1;
		if (p[1] == '/') {
			if (depth == 0 || strcmp(stack[depth - 1], name) != 0)
				return (long)(p - page) + 1;
			depth--;
		} else if (q[-1] != '/') {
			for (i = 0; voids[i] != NULL; i++)
				if (strcmp(voids[i], name) == 0)
					break;
			if (voids[i] == NULL) {
				if (depth == sizeof stack / sizeof stack[0])
					return (long)(p - page) + 1;
				strcpy(stack[depth++], name);
			}
			if (strcmp(name, "script") == 0 ||
			    strcmp(name, "style") == 0) {
				char	close[24];

				snprintf(close, sizeof close, "</%s>", name);
				if ((q = strstr(q, close)) == NULL)
					return (long)(p - page) + 1;
				q--;
			}
		}
		p = q + 1;
	}
	return depth == 0 ? 0 : (long)strlen(page);
}

static void
assert_nests(const char *page)
{
	long	at = nesting(page);

	ck_assert_msg(at == 0, "tags do not nest at offset %ld: %.80s", at,
	    at > 0 ? page + at - 1 : "");
}

/* ------------------------------------------------------------------ tests */

START_TEST(test_document)
{
	char	*page = render_fixture(NULL);

	ck_assert_msg(strncmp(page, "<!DOCTYPE html>\n<html lang=\"en\">\n",
	    33) == 0, "starts with %.40s", page);
	ck_assert_ptr_nonnull(strstr(page, "<meta charset=\"utf-8\">"));
	ck_assert_ptr_nonnull(strstr(page,
	    "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'"));
	ck_assert_ptr_nonnull(strstr(page, "<title>portsift report</title>"));
	ck_assert_int_eq(count(page, "<body>"), 1);
	ck_assert_int_eq(count(page, "</html>"), 1);
	ck_assert_str_eq(page + strlen(page) - 8, "</html>\n");
	assert_nests(page);
	free(page);
}
END_TEST

START_TEST(test_hostile_names_escaped)
{
	struct render_opts	 ro = { "<case>\"&'.db", NULL, 0, NULL };
	char			*page = render_fixture(&ro);

	/* The one script is ours; no tag or attribute from the input. */
	ck_assert_int_eq(count(page, "<script"), 1);
	ck_assert_ptr_null(strstr(page, "<script>alert"));
	ck_assert_ptr_null(strstr(page, "\"onmouseover"));
	ck_assert_ptr_null(strstr(page, "onerror=alert(3)>"));
	ck_assert_ptr_null(strstr(page, "<img"));
	ck_assert_ptr_null(strstr(page, "<b>host"));
	ck_assert_ptr_null(strstr(page, "<b>10.0.0.7"));
	ck_assert_ptr_null(strstr(page, "<i>block"));
	ck_assert_ptr_null(strstr(page, "<i>10.0.0.7"));
	ck_assert_ptr_null(strstr(page, "x' onload"));
	ck_assert_ptr_null(strstr(page, "<evil>"));
	ck_assert_ptr_null(strstr(page, "<case>"));
	/* And each is there, as text. */
	ck_assert_ptr_nonnull(strstr(page,
	    "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "&quot;onmouseover=alert(1)"));
	ck_assert_ptr_nonnull(strstr(page, "&amp;amp;"));
	ck_assert_ptr_nonnull(strstr(page, "x&#39; onload=&#39;alert(2)"));
	ck_assert_ptr_nonnull(strstr(page, "/tmp/&lt;evil&gt;&amp;&#39;x&#39;"
	    ".txt"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;b&gt;host&lt;/b&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "netsh &lt;i&gt;block&lt;/i&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;b&gt;10.0.0.7&lt;/b&gt;:1433"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;i&gt;10.0.0.7&lt;/i&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;img src=x onerror=alert(3)"
	    "&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;case&gt;&quot;&amp;&#39;.db"));
	/* The page still nests: nothing closed a tag of ours. */
	assert_nests(page);
	free(page);
}
END_TEST

START_TEST(test_no_url)
{
	struct render_opts	 ro = { "https://case", NULL, 0, NULL };
	char			*page = render_fixture(&ro);
	const char		*p;

	ck_assert_ptr_null(strstr(page, "http://"));
	ck_assert_ptr_null(strstr(page, "https://"));
	ck_assert_ptr_null(strstr(page, " src=\""));
	ck_assert_ptr_null(strstr(page, "url("));
	ck_assert_ptr_null(strstr(page, "@import"));
	ck_assert_ptr_null(strstr(page, "xmlns"));
	ck_assert_ptr_null(strstr(page, "<link"));
	ck_assert_ptr_null(strstr(page, "<iframe"));
	for (p = page; (p = strstr(p, "href=")) != NULL; p++)
		ck_assert_msg(strncmp(p, "href=\"#", 7) == 0,
		    "a link out of the page: %.40s", p);
	/* The URL-like name is shown, as text that is no URL. */
	ck_assert_ptr_nonnull(strstr(page, "http&#58;//evil.example/x.exe"));
	ck_assert_ptr_nonnull(strstr(page, "https&#58;//x/"));
	free(page);
}
END_TEST

START_TEST(test_charts_titled)
{
	char		*page = render_fixture(NULL);
	const char	*p, *end;
	char		*svg;
	size_t		 n = 0;

	for (p = page; (p = strstr(p, "<svg")) != NULL; p = end) {
		end = strstr(p, "</svg>");
		ck_assert_ptr_nonnull(end);
		svg = strndup(p, (size_t)(end - p));
		/* The <title> is the first child. */
		ck_assert_msg(strncmp(strchr(svg, '>'), ">\n<title>", 9) == 0,
		    "a chart without a title first: %.120s", svg);
		ck_assert_msg(strstr(svg, "</title>") != NULL, "title closed");
		ck_assert_msg(strstr(svg, "<g class=\"legend\">") != NULL,
		    "a chart without a legend: %.200s", svg);
		ck_assert_ptr_nonnull(strstr(svg, "role=\"img\""));
		ck_assert_ptr_nonnull(strstr(svg, "viewBox=\"0 0 "));
		ck_assert_ptr_nonnull(strstr(svg, "class=\"axis-label\""));
		free(svg);
		n++;
	}
	/*
	 * Snapshot 2: ports held, states, over time, pools; snapshot 1: ports
	 * held, states, pools.
	 */
	ck_assert_uint_eq(n, 7);
	ck_assert_ptr_nonnull(strstr(page, "<polyline"));
	/* The range is marked on the ports chart and the line chart. */
	ck_assert_uint_ge(count(page, "the dynamic range: 16,384 ports"), 3);
	free(page);
}
END_TEST

START_TEST(test_numbers)
{
	char	*page = render_fixture(NULL);

	ck_assert_ptr_nonnull(strstr(page, "12,191"));
	ck_assert_ptr_nonnull(strstr(page, "12,932"));
	ck_assert_ptr_nonnull(strstr(page, "16,384"));
	ck_assert_ptr_nonnull(strstr(page, "12,160"));
	ck_assert_ptr_nonnull(strstr(page, "74.4%"));
	ck_assert_ptr_nonnull(strstr(page, "78.9%"));
	/* fmt_pct's "<0.1%" is text, not a tag. */
	ck_assert_ptr_nonnull(strstr(page, "&lt;0.1%"));
	ck_assert_ptr_null(strstr(page, "><0.1%"));
	ck_assert_ptr_null(strstr(page, ">12191<"));
	/* PIDs are not counts. */
	ck_assert_ptr_nonnull(strstr(page, ">4321</td>"));
	ck_assert_ptr_null(strstr(page, "4,321"));
	/* The projection from pressure_trend, and the trend's slope. */
	ck_assert_ptr_nonnull(strstr(page, "projected at 12,291 ports an hour"));
	ck_assert_ptr_nonnull(strstr(page, "full at about 09:53 (17 min after "
	    "the last snapshot)"));
	ck_assert_ptr_nonnull(strstr(page, "+158"));
	ck_assert_ptr_nonnull(strstr(page, "21.9 hours"));
	free(page);
}
END_TEST

START_TEST(test_order)
{
	char	*page = render_fixture(NULL);
	long	 answer = pos(page, "<h2>Answer</h2>");
	long	 first = pos(page, "holds 12,551 of 16,384");
	long	 more = pos(page, "More findings in snapshot 2");
	long	 snap2 = pos(page, "id=\"snap-2\"");
	long	 ports = pos(page, "<title>Dynamic ports held per process, "
		     "snapshot 2");
	long	 states = pos(page, "<title>TCP states of the port-holding "
		     "sockets per process, snapshot 2");
	long	 time = pos(page, "<h3>Ports held over time</h3>");
	long	 pool = pos(page, "<h3>Pool pressure</h3>");
	long	 remote = pos(page, "<h3>Remote concentration</h3>");
	long	 attr = pos(page, "attributed (not observed)");
	long	 snap1 = pos(page, "id=\"snap-1\"");
	long	 iss = pos(page, "<h2>Parse issues</h2>");

	ck_assert_int_lt(answer, first);
	ck_assert_int_lt(first, more);
	ck_assert_int_lt(more, snap2);
	ck_assert_int_lt(snap2, ports);
	ck_assert_int_lt(ports, states);
	ck_assert_int_lt(states, time);
	ck_assert_int_lt(time, pool);
	ck_assert_int_lt(pool, remote);
	ck_assert_int_lt(remote, attr);
	ck_assert_int_lt(attr, snap1);
	ck_assert_int_lt(snap1, iss);
	/* The first <svg> comes after the findings. */
	ck_assert_int_lt(more, pos(page, "<svg"));
	/* Header: hosts, captures, the range and why, the snapshots shown. */
	ck_assert_int_lt(pos(page, "<dt>Hosts</dt>"), answer);
	ck_assert_int_lt(pos(page, "<dt>Captures</dt>"), answer);
	ck_assert_int_lt(pos(page, "<dt>Dynamic port range</dt>"), answer);
	ck_assert_ptr_nonnull(strstr(page, "snapshots 1&#8211;2"));
	ck_assert_ptr_nonnull(strstr(page, "3 snapshots in the case, showing 2"));
	free(page);
}
END_TEST

START_TEST(test_attribution_apart)
{
	char		*page = render_fixture(NULL);
	const char	*box = strstr(page, "<div class=\"apart\">");
	const char	*end;

	ck_assert_ptr_nonnull(box);
	end = strstr(box, "</div>");
	ck_assert_ptr_nonnull(end);
	/* The attributed 12,160 is inside the box, next to the observed 391. */
	ck_assert_ptr_nonnull(strstr(box, "12,160"));
	ck_assert_int_lt(strstr(box, "12,160") - page, end - page);
	ck_assert_ptr_nonnull(strstr(box, "Observed ports held"));
	ck_assert_ptr_nonnull(strstr(box, "no process matches"));
	/* The process table says 391 for it, not 12,551. */
	ck_assert_ptr_null(strstr(page, "12,551</td>"));
	free(page);
}
END_TEST

START_TEST(test_empty_case)
{
	struct analysis	 a;
	char		*page;

	memset(&a, 0, sizeof a);
	page = render(&a, NULL);
	ck_assert_ptr_nonnull(strstr(page, "<!DOCTYPE html>"));
	ck_assert_ptr_nonnull(strstr(page, "0 snapshots in the case"));
	ck_assert_ptr_nonnull(strstr(page, "The case holds no snapshot"));
	ck_assert_ptr_null(strstr(page, "<svg"));
	ck_assert_ptr_null(strstr(page, "<h2>Parse issues"));
	assert_nests(page);
	free(page);
}
END_TEST

/* One snapshot, no time, no process: a page, without the empty charts. */
START_TEST(test_one_untimed_snapshot)
{
	struct analysis	 a;
	char		*page;

	fixture(&a);
	a.snaps = &snaps[1];
	snaps[1].taken_at = NULL;
	a.nsnaps = 1;
	a.total_snaps = 1;
	a.nprocs = 0;
	a.nattrs = 0;
	a.ntrends = 0;
	a.ntables = 0;
	a.npools = 0;
	a.nfindings = 0;
	page = render(&a, NULL);
	ck_assert_ptr_nonnull(strstr(page, "at an unknown time (no stamp)"));
	ck_assert_ptr_nonnull(strstr(page, "needs two snapshots with a time"));
	ck_assert_ptr_nonnull(strstr(page, "Nothing in snapshot 2 passes"));
	ck_assert_ptr_nonnull(strstr(page, "No process holds a dynamic port"));
	ck_assert_ptr_null(strstr(page, "<svg"));
	assert_nests(page);
	free(page);
}
END_TEST

START_TEST(test_diff)
{
	struct diff_state	 st[] = { { (char *)"TIME_WAIT", 2398, 12191 } };
	struct diff_proc	 dp[2];
	struct diff_remote	 ap[] = { { (char *)"<b>10.9.9.9</b>:1", 3 } };
	struct diff		 d;
	struct render_opts	 ro = { NULL, NULL, 0, &d };
	char			*page;

	memset(&d, 0, sizeof d);
	memset(dp, 0, sizeof dp);
	d.a.id = 1;
	d.a.seq = 1;
	d.a.label = (char *)SCRIPT_NAME;
	d.a.taken_at = (char *)"2026-11-23 08:47:12.35";
	d.a.file = (char *)"<x>.txt";
	d.a.range_lo = 49152;
	d.a.range_hi = 65535;
	d.a.ports_held = 2895;
	d.b = d.a;
	d.b.id = 2;
	d.b.seq = 4;
	d.b.label = NULL;
	d.b.ports_held = 12932;
	d.has_elapsed = 1;
	d.elapsed = 2939;
	dp[0].pid = 0;
	dp[0].ports_a = 2398;
	dp[0].ports_b = 12191;
	dp[0].in_a = dp[0].in_b = 1;
	dp[0].states = st;
	dp[0].nstates = 1;
	dp[1].process = (char *)QUOTE_NAME;
	dp[1].pid = 77;
	dp[1].ports_b = 5;
	dp[1].in_b = 1;
	dp[1].restarted = 1;
	d.procs = dp;
	d.nprocs = 2;
	d.total_procs = 3;
	d.appeared = ap;
	d.nappeared = 1;
	d.total_appeared = 1;
	page = render_fixture(&ro);
	ck_assert_ptr_nonnull(strstr(page, "<h2>What changed from A to B</h2>"));
	ck_assert_int_lt(pos(page, "id=\"snap-1\""), pos(page, "id=\"diff\""));
	ck_assert_int_lt(pos(page, "id=\"diff\""), pos(page,
	    "<h2>Parse issues"));
	ck_assert_ptr_nonnull(strstr(page, "<b>+10,037</b>"));
	ck_assert_ptr_nonnull(strstr(page, "TIME_WAIT +9,793"));
	ck_assert_ptr_nonnull(strstr(page, "48 min 59 s after A"));
	ck_assert_ptr_nonnull(strstr(page, "<b>came</b> (restarted?"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;b&gt;10.9.9.9&lt;/b&gt;:1"));
	ck_assert_ptr_nonnull(strstr(page, "and 1 more processes"));
	ck_assert_ptr_null(strstr(page, "<script>alert"));
	ck_assert_ptr_null(strstr(page, "\"onmouseover"));
	assert_nests(page);
	free(page);
}
END_TEST

/* The policy lets our script run, by its hash, and nothing else. */
START_TEST(test_csp_hash)
{
	static const char	 b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"
				    "klmnopqrstuvwxyz0123456789+/";
	char			*page = render_fixture(NULL);
	const char		*s = strstr(page, "<script>");
	const char		*e, *h;
	struct sha256		 ctx;
	char			 hex[65], want[64], *o = want;
	unsigned char		 raw[33];
	unsigned int		 b;
	size_t			 i;

	ck_assert_ptr_nonnull(s);
	s += 8;
	e = strstr(s, "</script>");
	ck_assert_ptr_nonnull(e);
	sha256_init(&ctx);
	sha256_update(&ctx, s, (size_t)(e - s));
	sha256_hex(&ctx, hex);
	for (i = 0; i < 32; i++) {
		sscanf(hex + 2 * i, "%2x", &b);
		raw[i] = (unsigned char)b;
	}
	raw[32] = 0;
	for (i = 0; i < 33; i += 3) {
		unsigned long v = (unsigned long)raw[i] << 16 |
		    (unsigned long)(i + 1 < 33 ? raw[i + 1] : 0) << 8 |
		    (i + 2 < 33 ? raw[i + 2] : 0);

		*o++ = b64[v >> 18 & 63];
		*o++ = b64[v >> 12 & 63];
		*o++ = i + 1 < 32 ? b64[v >> 6 & 63] : '=';
		*o++ = i + 2 < 32 ? b64[v & 63] : '=';
	}
	*o = '\0';
	h = strstr(page, "script-src 'sha256-");
	ck_assert_ptr_nonnull(h);
	ck_assert_msg(strncmp(h + 19, want, 44) == 0, "CSP %.44s, script %s",
	    h + 19, want);
	ck_assert_ptr_null(strstr(page, "'unsafe-eval'"));
	ck_assert_ptr_null(strstr(page, "script-src 'unsafe-inline'"));
	free(page);
}
END_TEST

START_TEST(test_escaper)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	html_esc(fp, "\xff<\x01\xc3\xa9\xed\xa0\x80\xef\xbf\xbe"
	    "a://b:c\r\t&\"'>\xc2\x85\xf0\x9f\x98\x80");
	html_esc(fp, NULL);
	fputc('|', fp);
	html_esc_cut(fp, "abcdef", 4);
	fputc('|', fp);
	html_esc_cut(fp, "ab<", 3);
	fputc('|', fp);
	html_esc_cut(fp, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3);
	fclose(fp);
	ck_assert_str_eq(buf,
	    "\xEF\xBF\xBD&lt;\xEF\xBF\xBD\xc3\xa9"
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
	    "a&#58;//b:c \t&amp;&quot;&#39;&gt;\xEF\xBF\xBD\xf0\x9f\x98\x80"
	    "|abc…|ab&lt;|\xc3\xa9\xc3\xa9…");
	free(buf);
}
END_TEST

START_TEST(test_colors)
{
	size_t	i, j;

	/* One color per state, none shared, none a series color. */
	for (i = 0; svg_state_order[i] != NULL; i++) {
		for (j = i + 1; svg_state_order[j] != NULL; j++)
			ck_assert_str_ne(state_color(svg_state_order[i]),
			    state_color(svg_state_order[j]));
		for (j = 0; j < 8; j++)
			ck_assert_str_ne(state_color(svg_state_order[i]),
			    series_color(j));
	}
	ck_assert_str_eq(state_color("TIME_WAIT"), "#f2a900");
	ck_assert_str_eq(state_color("<nope>"), "#9e9e9e");
	ck_assert_str_eq(state_color(NULL), "#9e9e9e");
}
END_TEST

/* Each state's color is the same in the chart legend and the tables. */
START_TEST(test_state_colors_on_page)
{
	char	*page = render_fixture(NULL);
	char	 legend[128], chip[128];

	snprintf(legend, sizeof legend, "fill=\"%s\"/><text x=",
	    state_color("CLOSE_WAIT"));
	snprintf(chip, sizeof chip, "style=\"background:%s\"></span>CLOSE_WAIT",
	    state_color("CLOSE_WAIT"));
	ck_assert_ptr_nonnull(strstr(page, legend));
	ck_assert_ptr_nonnull(strstr(page, chip));
	snprintf(chip, sizeof chip, "fill=\"%s\"><title>TIME_WAIT: 12,191",
	    state_color("TIME_WAIT"));
	ck_assert_ptr_nonnull(strstr(page, chip));
	free(page);
}
END_TEST

START_TEST(test_time)
{
	double	t, u;
	char	buf[32];

	ck_assert_int_eq(svg_parse_time("2026-11-23 08:47:12.35", &t), 0);
	ck_assert_int_eq(svg_parse_time("2026-11-23T09:36", &u), 0);
	ck_assert(u - t > 2927.6 && u - t < 2927.7);
	svg_fmt_time(buf, sizeof buf, t, 1);
	ck_assert_str_eq(buf, "2026-11-23 08:47");
	ck_assert_int_eq(svg_parse_time("1970-01-01 00:00:00", &t), 0);
	ck_assert(t == 0);
	ck_assert_int_eq(svg_parse_time(NULL, &t), -1);
	ck_assert_int_eq(svg_parse_time("23.11.2026 08:47", &t), -1);
	ck_assert_int_eq(svg_parse_time("2026-13-01 00:00", &t), -1);
	ck_assert_int_eq(svg_parse_time("2026-11-23", &t), -1);
}
END_TEST

START_TEST(test_write_error)
{
	struct analysis	 a;
	FILE		*fp = fopen("/dev/full", "w");

	if (fp == NULL)
		return;		/* no /dev/full here */
	fixture(&a);
	ck_assert_int_eq(render_html(fp, &a, NULL), -1);
	fclose(fp);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s = suite_create("html");
	TCase	*tc = tcase_create("html");

	tcase_add_test(tc, test_document);
	tcase_add_test(tc, test_hostile_names_escaped);
	tcase_add_test(tc, test_no_url);
	tcase_add_test(tc, test_charts_titled);
	tcase_add_test(tc, test_numbers);
	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_attribution_apart);
	tcase_add_test(tc, test_empty_case);
	tcase_add_test(tc, test_one_untimed_snapshot);
	tcase_add_test(tc, test_diff);
	tcase_add_test(tc, test_csp_hash);
	tcase_add_test(tc, test_escaper);
	tcase_add_test(tc, test_colors);
	tcase_add_test(tc, test_state_colors_on_page);
	tcase_add_test(tc, test_time);
	tcase_add_test(tc, test_write_error);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
