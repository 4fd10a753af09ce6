/*
 * html.c — the report as one self-contained HTML page.
 *
 * One file that reads the same offline, from a disk or as an e-mail
 * attachment: inline CSS, inline SVG charts (reports/svg.c), a few lines of
 * inline JavaScript that sort the tables when a header is clicked (the page
 * reads whole without it), and no reference to anything outside itself.  A
 * Content-Security-Policy meta tag says so to the browser too: nothing may
 * be loaded, and the only script allowed to run is ours, by its SHA-256, so
 * that even a string that escaped escaping could run nothing.
 *
 * The content and its order follow the text report (text.c): what the case
 * holds and which dynamic range was used and why; the answer (the rank-1
 * finding of the last snapshot shown) and the other findings with their
 * evidence; then, for that snapshot, the ports held per process, their
 * states, the ports held over time, the pools and the remote endpoints, the
 * TIME_WAIT attribution kept apart from what was observed; the earlier
 * snapshots the same way; the diff (--diff A,B); the parse issues last.
 *
 * Every string that comes from the input or the case (names, paths, labels,
 * addresses, findings, excerpts) is written through html_esc().  Numbers go
 * through fmt_count() and fmt_pct().  No SQL: struct analysis and struct
 * diff only.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/sha256.h"
#include "reports/diff.h"
#include "reports/render.h"
#include "reports/svg.h"

#define TOP_SERIES	6	/* processes in the line chart */
#define CHART_ROWS	25	/* processes in a bar chart (the tables: all) */
#define MAX_ENDPOINTS	20	/* rows of the TIME_WAIT endpoint table */
#define NAME_CHARS	40	/* of a process name in a legend */

static const char css[] =
"*{box-sizing:border-box}\n"
"html{-webkit-text-size-adjust:100%}\n"
"body{margin:0 auto;max-width:1120px;padding:24px 28px 48px;"
"font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",\"DejaVu Sans\","
"Roboto,Arial,sans-serif;color:#1c2329;background:#fff;"
"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
"h1{font-size:26px;margin:0 0 4px}\n"
"h1 small{font-size:14px;font-weight:normal;color:#5f6b74}\n"
"h2{font-size:20px;margin:36px 0 10px;padding-bottom:4px;"
"border-bottom:2px solid #d5dde3}\n"
"h3{font-size:16px;margin:26px 0 8px}\n"
"p{margin:6px 0}\n"
"code,.mono{font-family:\"DejaVu Sans Mono\",Consolas,Menlo,monospace;"
"font-size:.92em}\n"
".lede{color:#3a4650;font-size:15px}\n"
"dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;"
"margin:14px 0}\n"
"dl.facts dt{font-weight:600;color:#3a4650}\n"
"dl.facts dd{margin:0}\n"
"dl.facts ul{margin:0;padding-left:18px}\n"
"nav.toc{margin:12px 0;font-size:13px}\n"
"nav.toc a{margin-right:14px;color:#1f4e9c}\n"
".answer{border-left:6px solid #c62828;background:#fdf1f0;padding:12px 16px;"
"margin:10px 0 18px;border-radius:3px}\n"
".answer.warning{border-color:#e08e00;background:#fff7e6}\n"
".answer.info,.answer.none{border-color:#1f4e9c;background:#eef3fb}\n"
".answer .summary{font-size:17px;font-weight:600;margin:6px 0}\n"
".evidence{color:#3a4650;font-size:13px;overflow-wrap:anywhere}\n"
".evidence b{color:#1c2329}\n"
"ol.findings{padding-left:0;list-style:none;margin:0}\n"
"ol.findings li{border-left:4px solid #d5dde3;padding:6px 12px;"
"margin:0 0 10px}\n"
"ol.findings li.critical{border-color:#c62828}\n"
"ol.findings li.warning{border-color:#e08e00}\n"
"ol.findings li.info{border-color:#1f4e9c}\n"
".rank{font-weight:700;color:#5f6b74;margin-right:6px}\n"
".badge{display:inline-block;font-size:11px;font-weight:700;"
"letter-spacing:.05em;text-transform:uppercase;padding:1px 7px;"
"border-radius:9px;color:#fff;background:#5f6b74;vertical-align:1px}\n"
".badge.critical{background:#c62828}\n"
".badge.warning{background:#b86e00}\n"
".badge.info{background:#1f4e9c}\n"
".kind{color:#5f6b74;font-size:12px;margin-left:6px}\n"
"figure{margin:14px 0 20px}\n"
"figcaption{font-size:13px;color:#3a4650;margin-top:4px}\n"
"figcaption b{color:#1c2329}\n"
"svg.chart{display:block;max-width:100%;height:auto;"
"font-family:inherit;font-size:12px}\n"
"svg.chart text{fill:#1c2329}\n"
"svg.chart .sub,svg.chart .axis text{fill:#5f6b74}\n"
"svg.chart .axis line{stroke:#8a969e;stroke-width:1}\n"
"svg.chart .axis line.grid{stroke:#e3e8ec}\n"
"svg.chart .axis-label{font-size:12px;fill:#3a4650}\n"
"svg.chart .track{fill:#eef1f3}\n"
"svg.chart .proj-note{font-weight:700;fill:#c62828}\n"
"svg.chart .row:hover text.label{font-weight:700}\n"
"table{border-collapse:collapse;width:100%;margin:8px 0 14px;"
"font-size:13px}\n"
"th,td{padding:4px 8px;border-bottom:1px solid #e3e8ec;text-align:left;"
"vertical-align:top;overflow-wrap:anywhere}\n"
"th{background:#f3f6f8;font-weight:600;border-bottom:2px solid #cfd8de;"
"overflow-wrap:normal}\n"
"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.n{white-space:nowrap}\n"
"td code{overflow-wrap:normal;white-space:nowrap}\n"
"td.raw code{white-space:pre-wrap;overflow-wrap:anywhere}\n"
"td code.path{white-space:normal;overflow-wrap:anywhere}\n"
"th.sort{cursor:pointer}\n"
"th.sort:hover{background:#e6edf2}\n"
"th[aria-sort=ascending]::after{content:\" \\25B2\";font-size:10px}\n"
"th[aria-sort=descending]::after{content:\" \\25BC\";font-size:10px}\n"
".chip{display:inline-block;white-space:nowrap;margin:0 8px 2px 0}\n"
".sw{display:inline-block;width:10px;height:10px;border-radius:2px;"
"margin-right:4px;vertical-align:0}\n"
".note{font-size:13px;color:#3a4650}\n"
".apart{border:2px dashed #b0bec5;border-radius:4px;padding:4px 14px 8px;"
"margin:18px 0;background:#fafbfc}\n"
".apart h3{margin-top:10px}\n"
".plus{color:#b71c1c}\n"
".minus{color:#1b5e20}\n"
".bar{display:inline-block;height:9px;background:#455a64;"
"vertical-align:0}\n"
".bar.plus{background:#c62828}\n"
".bar.minus{background:#2e7d32}\n"
".empty{color:#5f6b74;font-style:italic}\n"
"footer{margin-top:40px;color:#5f6b74;font-size:12px}\n"
"@page{margin:12mm}\n"
"@media print{\n"
"body{max-width:none;padding:0;font-size:10pt}\n"
"nav.toc{display:none}\n"
"section.page{break-before:page}\n"
"h2,h3{break-after:avoid}\n"
"figure,.answer,ol.findings li,tr,.apart,dl.facts{break-inside:avoid}\n"
"svg.chart{width:100%;height:auto}\n"
"table{font-size:8.5pt}\n"
"thead{display:table-header-group}\n"
"td{padding:3px 5px}\n"
"th[aria-sort]::after{content:none}\n"
"a{color:inherit;text-decoration:none}\n"
"}\n";

/* The only script: sort a table by the clicked column (data-v, else text). */
static const char script[] =
"(function(){\n"
"function key(c){var v=c.getAttribute('data-v');"
"return v!==null?parseFloat(v):c.textContent.trim().toLowerCase();}\n"
"function sort(t,th,i){var b=t.tBodies[0];"
"var rows=Array.prototype.slice.call(b.rows);"
"var num=th.classList.contains('n');"
"var dir=th.getAttribute('aria-sort')===(num?'descending':'ascending')"
"?-1:1;if(num)dir=-dir;\n"
"rows.sort(function(x,y){var a=key(x.cells[i]),c=key(y.cells[i]);"
"return (a<c?-1:a>c?1:0)*dir;});\n"
"rows.forEach(function(r){b.appendChild(r);});\n"
"Array.prototype.forEach.call(th.parentNode.cells,function(h){"
"h.removeAttribute('aria-sort');});\n"
"th.setAttribute('aria-sort',dir>0?'ascending':'descending');}\n"
"Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),"
"function(t){if(!t.tHead||!t.tBodies.length)return;\n"
"Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){"
"th.classList.add('sort');th.tabIndex=0;"
"th.title='Sort by this column';\n"
"th.addEventListener('click',function(){sort(t,th,i);});\n"
"th.addEventListener('keydown',function(e){if(e.key==='Enter'||"
"e.key===' '){e.preventDefault();sort(t,th,i);}});});});\n"
"})();\n";

/* ------------------------------------------------------------------ helpers */

static void
put_count(FILE *fp, long n)
{
	char	c[32];

	fputs(fmt_count(c, sizeof c, n), fp);
}

/* "78.9%", or "&lt;0.1%": fmt_pct() may say < or >. */
static void
put_pct(FILE *fp, double share)
{
	char	c[16];

	html_esc(fp, fmt_pct(c, sizeof c, share));
}




/* A number cell: right-aligned, sorted by its value. */
static void
td_count(FILE *fp, long n)
{
	fprintf(fp, "<td class=\"n\" data-v=\"%ld\">", n);
	put_count(fp, n);
	fputs("</td>", fp);
}

/* A PID: no thousands separator; "—" for none. */
static void
td_pid(FILE *fp, long pid)
{
	if (pid >= 0)
		fprintf(fp, "<td class=\"n\" data-v=\"%ld\">%ld</td>", pid, pid);
	else
		fputs("<td class=\"n\" data-v=\"-1\">&#8212;</td>", fp);
}

static void
td_pct(FILE *fp, double share)
{
	fprintf(fp, "<td class=\"n\" data-v=\"%.6f\">", share);
	put_pct(fp, share);
	fputs("</td>", fp);
}

static void
td_text(FILE *fp, const char *s)
{
	fputs("<td>", fp);
	if (s != NULL)
		html_esc(fp, s);
	else
		fputs("&#8212;", fp);
	fputs("</td>", fp);
}

/* A process as the text report names it, escaped. */
static void
put_process(FILE *fp, const char *process, long pid)
{
	char	buf[64];

	html_esc(fp, process_label(process, pid, buf, sizeof buf));
}

/* "name (PID n)" into buf, the name cut to NAME_CHARS characters. */
static const char *
process_title(char *buf, size_t len, const char *process, long pid)
{
	char	tmp[64];

	if (process == NULL)
		return process_label(NULL, pid, buf, len);
	if (pid >= 0)
		snprintf(tmp, sizeof tmp, " (PID %ld)", pid);
	else
		tmp[0] = '\0';
	if (text_width(process) > NAME_CHARS)
		snprintf(buf, len, "%.*s…%s",
		    (int)text_prefix(process, NAME_CHARS - 1), process, tmp);
	else
		snprintf(buf, len, "%s%s", process, tmp);
	return buf;
}

static void
state_chip(FILE *fp, const char *state, const char *count)
{
	fprintf(fp, "<span class=\"chip\"><span class=\"sw\" "
	    "style=\"background:%s\"></span>", state_color(state));
	html_esc(fp, state);
	fprintf(fp, " %s</span>", count);
}

static void
th(FILE *fp, const char *name, int numeric)
{
	fprintf(fp, "<th scope=\"col\"%s>%s</th>", numeric ? " class=\"n\"" : "",
	    name);
}

static void
table_open(FILE *fp, const char *cls)
{
	fprintf(fp, "<table class=\"%s\">\n<thead><tr>", cls);
}

static void
table_body(FILE *fp)
{
	fputs("</tr></thead>\n<tbody>\n", fp);
}

static void
table_close(FILE *fp)
{
	fputs("</tbody>\n</table>\n", fp);
}

static long
range_size(const struct a_snapshot *s)
{
	return (long)s->range_hi - s->range_lo + 1;
}

static const struct a_snapshot *
last_snap(const struct analysis *a)
{
	return a->nsnaps > 0 ? &a->snaps[a->nsnaps - 1] : NULL;
}

/* "1-4, 7": the snapshot numbers in list (sorted), compressed. */
static void
put_seqs(FILE *fp, const long *seq, size_t n)
{
	size_t	i, j;

	for (i = 0; i < n; i = j + 1) {
		for (j = i; j + 1 < n && seq[j + 1] == seq[j] + 1; j++)
			;
		fprintf(fp, "%s%ld", i ? ", " : "", seq[i]);
		if (j > i)
			fprintf(fp, "&#8211;%ld", seq[j]);
	}
}

/* ------------------------------------------------------------------- head */

static void
base64(char *out, const unsigned char *in, size_t n)
{
	static const char	b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t			i;
	unsigned long		v;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)in[i] << 16 | (unsigned long)in[i + 1] << 8 |
		    in[i + 2];
		*out++ = b64[v >> 18 & 63];
		*out++ = b64[v >> 12 & 63];
		*out++ = b64[v >> 6 & 63];
		*out++ = b64[v & 63];
	}
	if (i < n) {
		v = (unsigned long)in[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)in[i + 1] << 8;
		*out++ = b64[v >> 18 & 63];
		*out++ = b64[v >> 12 & 63];
		*out++ = i + 1 < n ? b64[v >> 6 & 63] : '=';
		*out++ = '=';
	}
	*out = '\0';
}

/* 'sha256-...' of the script, for the Content-Security-Policy. */
static void
script_hash(char *out)
{
	struct sha256	ctx;
	char		hex[65];
	unsigned char	raw[32];
	unsigned int	b;
	size_t		i;

	sha256_init(&ctx);
	sha256_update(&ctx, script, strlen(script));
	sha256_hex(&ctx, hex);
	for (i = 0; i < 32; i++) {
		sscanf(hex + 2 * i, "%2x", &b);
		raw[i] = (unsigned char)b;
	}
	base64(out, raw, 32);
}

static void
page_head(FILE *fp, const struct render_opts *ro)
{
	char	hash[48];

	script_hash(hash);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n", fp);
	/* Nothing may load; only the sorting script below may run. */
	fprintf(fp, "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "script-src 'sha256-%s'; img-src data:; base-uri 'none'; "
	    "form-action 'none'\">\n", hash);
	fputs("<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"referrer\" "
	    "content=\"no-referrer\">\n<meta name=\"generator\" "
	    "content=\"portsift\">\n<title>portsift report", fp);
	if (ro->case_name != NULL) {
		fputs(": ", fp);
		html_esc(fp, ro->case_name);
	}
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

/* What the case holds, the ranges used and why, the snapshots shown. */
static void
header(FILE *fp, const struct analysis *a, const struct render_opts *ro)
{
	const struct a_snapshot	*s;
	long			*seqs;
	size_t			 i, j, n;
	int			 any;

	fputs("<header id=\"top\">\n<h1>Ephemeral port report "
	    "<small>portsift</small></h1>\n<p class=\"lede\">", fp);
	if (ro->case_name != NULL) {
		fputs("Case <code>", fp);
		html_esc(fp, ro->case_name);
		fputs("</code>: ", fp);
	}
	fprintf(fp, "%zu snapshot%s in the case", a->total_snaps,
	    a->total_snaps == 1 ? "" : "s");
	if (a->nsnaps < a->total_snaps)
		fprintf(fp, ", showing %zu (<code>--snapshot all</code> shows "
		    "every one)", a->nsnaps);
	fputs(".</p>\n<dl class=\"facts\">\n", fp);
	if (ro->case_name != NULL) {
		fputs("<dt>Case file</dt><dd><code>", fp);
		html_esc(fp, ro->case_name);
		fputs("</code></dd>\n", fp);
	}

	/* Hosts, as the captures name them. */
	fputs("<dt>Hosts</dt><dd>", fp);
	for (i = 0, any = 0; i < a->nsnaps; i++) {
		s = &a->snaps[i];
		if (s->host == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (a->snaps[j].host != NULL &&
			    strcmp(a->snaps[j].host, s->host) == 0)
				break;
		if (j < i)
			continue;
		if (any++)
			fputs(", ", fp);
		html_esc(fp, s->host);
	}
	if (!any)
		fputs("<span class=\"empty\">not named in the input (ingest "
		    "<code>--host</code> names one)</span>", fp);
	fputs("</dd>\n", fp);

	/* Captures: one line per file, with its format and encoding. */
	fputs("<dt>Captures</dt><dd>", fp);
	for (i = 0, any = 0; i < a->nsnaps; i++) {
		s = &a->snaps[i];
		for (j = 0; j < i; j++)
			if (strcmp(a->snaps[j].file, s->file) == 0)
				break;
		if (j < i)
			continue;
		fputs(any++ ? "\n<li>" : "<ul>\n<li>", fp);
		fputs("<code>", fp);
		html_esc(fp, s->file);
		fputs("</code> (", fp);
		html_esc(fp, s->format);
		fputs(", ", fp);
		html_esc(fp, s->encoding);
		fputs(")</li>", fp);
	}
	fputs(any ? "\n</ul>" : "<span class=\"empty\">none</span>", fp);
	fputs("</dd>\n", fp);

	fprintf(fp, "<dt>Snapshots</dt><dd>%zu in the case", a->total_snaps);
	if (a->nsnaps == a->total_snaps && a->nsnaps > 0)
		fprintf(fp, ", %s shown", a->nsnaps == 1 ? "it is" : "all");
	else if (a->nsnaps > 0)
		fprintf(fp, ", %zu shown", a->nsnaps);
	fputs("</dd>\n", fp);

	/* Each range used, why, and for which snapshots. */
	fputs("<dt>Dynamic port range</dt><dd>", fp);
	seqs = calloc(a->nsnaps + 1, sizeof *seqs);
	if (seqs == NULL)
		return;
	for (i = 0, any = 0; i < a->nsnaps; i++) {
		s = &a->snaps[i];
		for (j = 0; j < i; j++)
			if (a->snaps[j].range_lo == s->range_lo &&
			    a->snaps[j].range_hi == s->range_hi &&
			    strcmp(a->snaps[j].range_source,
			    s->range_source) == 0)
				break;
		if (j < i)
			continue;
		for (j = i, n = 0; j < a->nsnaps; j++)
			if (a->snaps[j].range_lo == s->range_lo &&
			    a->snaps[j].range_hi == s->range_hi &&
			    strcmp(a->snaps[j].range_source,
			    s->range_source) == 0)
				seqs[n++] = a->snaps[j].seq;
		fputs(any++ ? "\n<li>" : "<ul>\n<li>", fp);
		fprintf(fp, "<b>%d&#8211;%d</b> (", s->range_lo, s->range_hi);
		put_count(fp, range_size(s));
		fputs(" ports), from: ", fp);
		html_esc(fp, s->range_source);
		fprintf(fp, " &#8212; snapshot%s ", n == 1 ? "" : "s");
		put_seqs(fp, seqs, n);
		fputs("</li>", fp);
	}
	free(seqs);
	fputs(any ? "\n</ul>" : "<span class=\"empty\">none</span>", fp);
	fputs("</dd>\n</dl>\n", fp);
}

/* The snapshots shown: one row each. */
static void
snapshot_table(FILE *fp, const struct analysis *a)
{
	const struct a_snapshot	*s;
	size_t			 i;

	if (a->nsnaps == 0)
		return;
	table_open(fp, "snaps sortable");
	th(fp, "#", 1);
	th(fp, "Label", 0);
	th(fp, "Taken at", 0);
	th(fp, "From (file:line)", 0);
	th(fp, "Sockets", 1);
	th(fp, "Dynamic ports held", 1);
	th(fp, "Of the range", 1);
	th(fp, "Listeners in the range", 1);
	table_body(fp);
	for (i = 0; i < a->nsnaps; i++) {
		s = &a->snaps[i];
		fprintf(fp, "<tr><td class=\"n\" data-v=\"%ld\"><a "
		    "href=\"#snap-%ld\">%ld</a></td>", s->seq, s->seq, s->seq);
		td_text(fp, s->label);
		if (s->taken_at != NULL)
			td_text(fp, s->taken_at);
		else
			fputs("<td class=\"empty\">unknown (no stamp)</td>", fp);
		fputs("<td><code class=\"path\">", fp);
		html_esc(fp, s->file);
		fprintf(fp, ":%ld</code></td>", s->first_line);
		td_count(fp, s->sockets);
		td_count(fp, s->ports_held);
		td_pct(fp, range_size(s) > 0 ? (double)s->ports_held /
		    (double)range_size(s) : 0);
		td_count(fp, s->listeners_in_range);
		fputs("</tr>\n", fp);
	}
	table_close(fp);
}

static void
toc(FILE *fp, const struct analysis *a, const struct render_opts *ro)
{
	size_t	i;

	fputs("<nav class=\"toc\" aria-label=\"Contents\"><a "
	    "href=\"#findings\">Findings</a>", fp);
	for (i = a->nsnaps; i-- > 0;)
		fprintf(fp, "<a href=\"#snap-%ld\">Snapshot %ld</a>",
		    a->snaps[i].seq, a->snaps[i].seq);
	if (ro->diff != NULL)
		fputs("<a href=\"#diff\">Diff</a>", fp);
	if (analysis_table(a, "flow_destination") != NULL &&
	    analysis_table(a, "flow_destination")->nrows > 0)
		fputs("<a href=\"#wire\">On the wire</a>", fp);
	if (a->total_issues > 0)
		fputs("<a href=\"#issues\">Issues</a>", fp);
	fputs("</nav>\n</header>\n", fp);
}

/* --------------------------------------------------------------- findings */

static void
finding_body(FILE *fp, const struct a_finding *f)
{
	fputs("<p class=\"summary\">", fp);
	html_esc(fp, f->summary);
	fputs("</p>\n<p class=\"evidence\"><b>Evidence:</b> ", fp);
	html_esc(fp, f->evidence);
	fputs("</p>\n", fp);
}

static void
badge(FILE *fp, const char *severity)
{
	fputs("<span class=\"badge ", fp);
	html_esc(fp, severity);
	fputs("\">", fp);
	html_esc(fp, severity);
	fputs("</span>", fp);
}

/* The answer (rank 1) and the other findings of the last snapshot shown. */
static void
findings(FILE *fp, const struct analysis *a)
{
	const struct a_snapshot	*s = last_snap(a);
	const struct a_finding	*f;
	size_t			 i, shown = 0;

	fputs("<section id=\"findings\">\n<h2>Answer</h2>\n", fp);
	if (s == NULL) {
		fputs("<div class=\"answer none\"><p class=\"summary\">The case "
		    "holds no snapshot: there is nothing to report.</p>"
		    "<p class=\"evidence\">Ingest a capture into it with "
		    "<code>portsift ingest --db CASE FILE</code>.</p></div>\n"
		    "</section>\n", fp);
		return;
	}
	for (i = 0; i < a->nfindings; i++) {
		f = &a->findings[i];
		if (f->snapshot_id != s->id)
			continue;
		if (shown++ == 0) {
			fputs("<div class=\"answer ", fp);
			html_esc(fp, f->severity);
			fputs("\">\n<p>", fp);
			badge(fp, f->severity);
			fprintf(fp, " <span class=\"kind\">snapshot %ld",
			    s->seq);
			if (s->taken_at != NULL) {
				fputs(", taken ", fp);
				html_esc(fp, s->taken_at);
			}
			fputs("</span></p>\n", fp);
			finding_body(fp, f);
			fputs("</div>\n", fp);
			continue;
		}
		if (shown == 2) {
			fprintf(fp, "<h3>More findings in snapshot %ld", s->seq);
			if (s->taken_at != NULL) {
				fputs(" (", fp);
				html_esc(fp, s->taken_at);
				fputs(")", fp);
			}
			fputs(", ranked</h3>\n<ol class=\"findings\">\n", fp);
		}
		fputs("<li class=\"", fp);
		html_esc(fp, f->severity);
		fprintf(fp, "\"><p><span class=\"rank\">%d.</span>", f->rank);
		badge(fp, f->severity);
		fputs("<span class=\"kind\">", fp);
		html_esc(fp, f->kind);
		fputs("</span></p>\n", fp);
		finding_body(fp, f);
		fputs("</li>\n", fp);
	}
	if (shown >= 2)
		fputs("</ol>\n", fp);
	if (shown == 0)
		fprintf(fp, "<div class=\"answer none\"><p class=\"summary\">"
		    "Nothing in snapshot %ld passes the thresholds of a "
		    "finding (see <code>--threshold</code>).</p></div>\n",
		    s->seq);
	fputs("</section>\n", fp);
}

/* ------------------------------------------------------ per snapshot: who */

/* Labels and notes of chart rows, owned here. */
struct rowtext {
	char	label[64];
	char	suffix[32];
	char	note[96];
};

static size_t
count_procs(const struct analysis *a, const struct a_snapshot *s)
{
	size_t	i, n = 0;

	for (i = 0; i < a->nprocs; i++)
		if (a->procs[i].snapshot_id == s->id)
			n++;
	return n;
}

/* A process's name for a chart row, and its PID apart. */
static const char *
row_name(struct rowtext *t, const struct a_process *p)
{
	t->suffix[0] = '\0';
	if (p->process != NULL && p->pid >= 0)
		snprintf(t->suffix, sizeof t->suffix, "PID %ld", p->pid);
	return process_label(p->process, p->pid, t->label, sizeof t->label);
}

/* "; of them, 12,160 are attributed to w3wp.exe (PID 4321) ..." */
static void
attributed_note(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_attr	*r;
	size_t			 i, n = 0;

	for (i = 0; i < a->nattrs; i++) {
		r = &a->attrs[i];
		if (r->snapshot_id != s->id || strcmp(r->confidence, "none") == 0 ||
		    lround(r->held) <= 0)
			continue;
		fputs(n++ == 0 ? "; by endpoint, the attribution further down "
		    "(kept apart) gives " : ", ", fp);
		put_count(fp, lround(r->held));
		fputs(" of them to ", fp);
		put_process(fp, r->process, r->pid);
		if (r->process != NULL && r->pid >= 0)
			fprintf(fp, " (PID %ld)", r->pid);
		if (strcmp(r->confidence, "endpoint") != 0) {
			fputs(" (", fp);
			html_esc(fp, r->confidence);
			fputs(")", fp);
		}
	}
}

static void
ports_chart(FILE *fp, const struct analysis *a, const struct a_snapshot *s,
    size_t n)
{
	struct svg_bar_row	*rows = calloc(n, sizeof *rows);
	struct rowtext		*tx = calloc(n, sizeof *tx);
	struct svg_bars		 c;
	const struct a_process	*p;
	char			 title[128], mark[96], cnt[32], pc[16];
	size_t			 i, k = 0;

	if (rows == NULL || tx == NULL)
		goto out;
	for (i = 0; i < a->nprocs && k < n; i++) {
		p = &a->procs[i];
		if (p->snapshot_id != s->id)
			continue;
		rows[k].label = row_name(&tx[k], p);
		rows[k].suffix = tx[k].suffix[0] ? tx[k].suffix : NULL;
		rows[k].value = (double)p->ports_held;
		snprintf(tx[k].note, sizeof tx[k].note, "%s (%s)",
		    fmt_count(cnt, sizeof cnt, p->ports_held),
		    fmt_pct(pc, sizeof pc, p->share));
		rows[k].note = tx[k].note;
		k++;
	}
	snprintf(title, sizeof title, "Dynamic ports held per process, "
	    "snapshot %ld", s->seq);
	snprintf(mark, sizeof mark, "the dynamic range: %s ports (%d-%d)",
	    fmt_count(cnt, sizeof cnt, range_size(s)), s->range_lo,
	    s->range_hi);
	memset(&c, 0, sizeof c);
	c.title = title;
	c.desc = "One bar per process: the distinct dynamic ports its sockets "
	    "hold, on an axis that ends at the size of the dynamic range.";
	c.axis = "dynamic ports held (observed, by the PID the input gives)";
	c.series = "ports held by the process (observed)";
	c.color = "#455a64";
	c.max = (double)range_size(s);
	c.mark = (double)range_size(s);
	c.mark_label = mark;
	c.rows = rows;
	c.nrows = k;
	fputs("<figure>\n", fp);
	svg_bars(fp, &c);
	fprintf(fp, "<figcaption><b>Ports held per process.</b> Each bar is "
	    "the number of dynamic ports a process holds in snapshot %ld; the "
	    "dashed line is the whole range (", s->seq);
	put_count(fp, range_size(s));
	fputs(" ports); the figure right of a bar is its share of the range. "
	    "Sockets Windows lists under PID 0 are counted under PID 0 here, "
	    "as observed", fp);
	attributed_note(fp, a, s);
	fputs(".</figcaption>\n</figure>\n", fp);
out:
	free(rows);
	free(tx);
}

static void
states_chart(FILE *fp, const struct analysis *a, const struct a_snapshot *s,
    size_t n)
{
	struct svg_stack_row	*rows = calloc(n, sizeof *rows);
	struct rowtext		*tx = calloc(n, sizeof *tx);
	struct svg_seg		*segs;
	struct svg_stack	 c;
	const struct a_process	*p;
	char			 title[128], cnt[32];
	size_t			 i, j, k = 0, nseg = 0, used = 0;
	long			 held;

	for (i = 0; i < a->nprocs; i++)
		if (a->procs[i].snapshot_id == s->id)
			nseg += a->procs[i].nstates;
	segs = calloc(nseg + 1, sizeof *segs);
	if (rows == NULL || tx == NULL || segs == NULL)
		goto out;
	for (i = 0; i < a->nprocs && k < n; i++) {
		p = &a->procs[i];
		if (p->snapshot_id != s->id)
			continue;
		rows[k].label = row_name(&tx[k], p);
		rows[k].suffix = tx[k].suffix[0] ? tx[k].suffix : NULL;
		rows[k].segs = &segs[used];
		held = 0;
		for (j = 0; j < p->nstates; j++) {
			if (p->states[j].held <= 0)
				continue;
			segs[used].state = p->states[j].state;
			segs[used++].value = (double)p->states[j].held;
			rows[k].nsegs++;
			held += p->states[j].held;
		}
		snprintf(tx[k].note, sizeof tx[k].note, "%s socket%s",
		    fmt_count(cnt, sizeof cnt, held), held == 1 ? "" : "s");
		rows[k].note = tx[k].note;
		k++;
	}
	snprintf(title, sizeof title, "TCP states of the port-holding sockets "
	    "per process, snapshot %ld", s->seq);
	memset(&c, 0, sizeof c);
	c.title = title;
	c.desc = "One bar per process, as 100% of its sockets that hold a "
	    "dynamic port, split by TCP state; each state has one color on "
	    "the whole page.";
	c.axis = "share of the process's port-holding sockets, by state";
	c.rows = rows;
	c.nrows = k;
	fputs("<figure>\n", fp);
	svg_stack(fp, &c);
	fputs("<figcaption><b>States per process.</b> What the sockets that "
	    "hold a port are doing: TIME_WAIT means this side closes many "
	    "short connections; CLOSE_WAIT, that the peer closed and the "
	    "application never called close(); SYN_SENT, that the remote does "
	    "not answer; BOUND, bound and never connected; FIN_WAIT_2, that "
	    "the peer never finished closing. The number right of each bar "
	    "is its socket count.</figcaption>\n</figure>\n", fp);
out:
	free(rows);
	free(tx);
	free(segs);
}

static void
process_table(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_process	*p;
	char			 cnt[32];
	size_t			 i, j;
	int			 rows = 0, pid0 = 0, inferred = 0;

	for (i = 0; i < a->nprocs; i++) {
		p = &a->procs[i];
		if (p->snapshot_id != s->id)
			continue;
		if (rows++ == 0) {
			table_open(fp, "procs sortable");
			th(fp, "Process", 0);
			th(fp, "PID", 1);
			th(fp, "Ports held", 1);
			th(fp, "Of the range", 1);
			th(fp, "Of all held", 1);
			th(fp, "Top remote", 0);
			th(fp, "To it", 1);
			th(fp, "Held, by state", 0);
			table_body(fp);
		}
		fputs("<tr><td>", fp);
		put_process(fp, p->process, p->pid);
		if (p->image_inferred > 0 && p->process != NULL) {
			fputs("<span title=\"image from another socket of the "
			    "same PID\">*</span>", fp);
			inferred = 1;
		}
		fputs("</td>", fp);
		td_pid(fp, p->pid);
		td_count(fp, p->ports_held);
		td_pct(fp, p->share);
		td_pct(fp, p->share_of_held);
		if (p->has_remote) {
			fputs("<td><code>", fp);
			html_esc(fp, p->top_remote);
			fputs("</code></td>", fp);
			td_pct(fp, p->top_remote_share);
		} else
			fputs("<td class=\"empty\">none</td><td class=\"n\" "
			    "data-v=\"-1\"></td>", fp);
		fputs("<td>", fp);
		for (j = 0; j < p->nstates; j++)
			if (p->states[j].held > 0)
				state_chip(fp, p->states[j].state, fmt_count(cnt,
				    sizeof cnt, p->states[j].held));
		fputs("</td></tr>\n", fp);
		if (p->pid == 0 && p->process == NULL)
			pid0 = 1;
	}
	if (rows == 0) {
		fputs("<p class=\"empty\">No process holds a dynamic port in "
		    "this snapshot.</p>\n", fp);
		return;
	}
	table_close(fp);
	if (inferred)
		fputs("<p class=\"note\">*: some of its lines said \"Can not "
		    "obtain ownership information\"; the image comes from "
		    "another socket of the same PID in the same snapshot.</p>\n",
		    fp);
	if (pid0)
		fputs("<p class=\"note\">(PID 0): Windows lists TIME_WAIT "
		    "sockets under PID 0 once their owner has closed them; the "
		    "owner is usually the process with live connections to the "
		    "same remote endpoint (see the attribution below).</p>\n",
		    fp);
}

/* --------------------------------------------------- per snapshot: where */

static void
pools_chart(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	struct svg_bar_row	*rows;
	struct rowtext		*tx;
	struct svg_bars		 c;
	const struct a_pool	*p;
	char			 title[128], c1[32], c2[32], pc[16];
	size_t			 i, n = 0, k = 0;
	int			 other = 0;

	for (i = 0; i < a->npools; i++)
		if (a->pools[i].snapshot_id == s->id)
			n++;
	fputs("<h3>Pool pressure</h3>\n", fp);
	if (n == 0) {
		fputs("<p class=\"empty\">No pool holds a dynamic port in this "
		    "snapshot.</p>\n", fp);
		return;
	}
	rows = calloc(n, sizeof *rows);
	tx = calloc(n, sizeof *tx);
	if (rows == NULL || tx == NULL)
		goto out;
	for (i = 0; i < a->npools; i++) {
		p = &a->pools[i];
		if (p->snapshot_id != s->id)
			continue;
		/* The address whole in the label: cut in the chart only. */
		if (p->raddr != NULL)
			snprintf(tx[k].label, sizeof tx[k].label,
			    "%s → %s%s%s:%ld", p->laddr,
			    strchr(p->raddr, ':') ? "[" : "", p->raddr,
			    strchr(p->raddr, ':') ? "]" : "", p->rport);
		else
			snprintf(tx[k].label, sizeof tx[k].label, "%s",
			    p->laddr);
		snprintf(tx[k].suffix, sizeof tx[k].suffix, "%s", p->model);
		snprintf(tx[k].note, sizeof tx[k].note, "%s of %s (%s)",
		    fmt_count(c1, sizeof c1, p->ports_held),
		    fmt_count(c2, sizeof c2, p->range_size),
		    fmt_pct(pc, sizeof pc, p->share));
		rows[k].label = tx[k].label;
		rows[k].suffix = tx[k].suffix;
		rows[k].value = (double)p->ports_held;
		rows[k].of = (double)p->range_size;
		rows[k].note = tx[k].note;
		if (strcmp(p->model, "windows") != 0)
			other = 1;
		k++;
	}
	snprintf(title, sizeof title, "Pool pressure: dynamic ports in use "
	    "per pool against its range, snapshot %ld", s->seq);
	memset(&c, 0, sizeof c);
	c.title = title;
	c.desc = "One bar per pool, the fullest first: the ports in use in "
	    "it as a share of the dynamic range it draws from.";
	c.axis = "ports in use, as a share of the pool's dynamic range";
	c.series = "ports in use in the pool";
	c.color = "#5d4037";
	c.percent = 1;
	c.mark_label = "the whole range (100%)";
	c.rows = rows;
	c.nrows = k;
	fputs("<figure>\n", fp);
	svg_bars(fp, &c);
	fputs("<figcaption><b>Pool pressure.</b> What runs out: on Windows "
	    "(<code>windows</code>) the ports of one local address, wildcard "
	    "binds included", fp);
	if (other)
		fputs("; on Linux, macOS and BSD (<code>linux</code>) the ports "
		    "toward one destination from one local address, since "
		    "connect() may reuse a local port toward another; for "
		    "packet captures (<code>tuple</code>) per source address and "
		    "destination endpoint", fp);
	fprintf(fp, ". The fullest %zu pool%s of the snapshot.</figcaption>\n"
	    "</figure>\n", k, k == 1 ? "" : "s");
out:
	free(rows);
	free(tx);
}

static void
remote_table(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_process	*p;
	size_t			 i;
	int			 rows = 0;

	fputs("<h3>Remote concentration</h3>\n", fp);
	for (i = 0; i < a->nprocs; i++) {
		p = &a->procs[i];
		if (p->snapshot_id != s->id || !p->has_remote)
			continue;
		if (rows++ == 0) {
			fputs("<p class=\"note\">Where each process's "
			    "port-holding sockets go. HHI is the sum of the "
			    "squared shares of its remote endpoints: 1 means "
			    "all to one endpoint, near 0 spread over many. "
			    "Many ports to one remote, in TIME_WAIT, is the "
			    "classic sign of connections opened and closed "
			    "per request.</p>\n", fp);
			table_open(fp, "remotes sortable");
			th(fp, "Process", 0);
			th(fp, "PID", 1);
			th(fp, "Sockets", 1);
			th(fp, "Remote endpoints", 1);
			th(fp, "Top remote endpoint", 0);
			th(fp, "Its share", 1);
			th(fp, "Top remote address", 0);
			th(fp, "Its share", 1);
			th(fp, "HHI", 1);
			table_body(fp);
		}
		fputs("<tr><td>", fp);
		put_process(fp, p->process, p->pid);
		fputs("</td>", fp);
		td_pid(fp, p->pid);
		td_count(fp, p->sockets);
		td_count(fp, p->remotes);
		fputs("<td><code>", fp);
		html_esc(fp, p->top_remote);
		fputs("</code></td>", fp);
		td_pct(fp, p->top_remote_share);
		fputs("<td><code>", fp);
		html_esc(fp, p->top_addr);
		fputs("</code></td>", fp);
		td_pct(fp, p->top_addr_share);
		fprintf(fp, "<td class=\"n\" data-v=\"%.6f\">%.3f</td></tr>\n",
		    p->hhi, p->hhi);
	}
	if (rows == 0)
		fputs("<p class=\"empty\">No port-holding socket with a remote "
		    "end in this snapshot.</p>\n", fp);
	else
		table_close(fp);
}

/* TIME_WAIT under PID 0 and whom it is attributed to: never merged. */
static void
attribution(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_table	*t = analysis_table(a, "time_wait_endpoint");
	const struct a_attr	*r;
	const struct a_process	*p;
	size_t			 i, j, shown = 0, more = 0;
	int			 cs, cl, cr, crp, cp, cpid, cso, ch, cc;

	for (i = 0; i < a->nattrs; i++) {
		r = &a->attrs[i];
		if (r->snapshot_id != s->id)
			continue;
		if (shown++ == 0) {
			fputs("<div class=\"apart\">\n<h3>TIME_WAIT under PID 0, "
			    "attributed (not observed)</h3>\n<p class=\"note\">"
			    "Windows lists TIME_WAIT sockets under PID 0 once "
			    "their owner has closed them. Each is matched to the "
			    "process holding connections from the same local "
			    "address to the same remote endpoint: "
			    "<b>endpoint</b>, one candidate; <b>ambiguous</b>, "
			    "several, shared in proportion; <b>none</b>, no "
			    "match. These figures are an attribution: they are "
			    "not in the observed numbers above.</p>\n", fp);
			table_open(fp, "attr sortable");
			th(fp, "Attributed to", 0);
			th(fp, "PID", 1);
			th(fp, "Observed ports held", 1);
			th(fp, "Attributed TIME_WAIT sockets", 1);
			th(fp, "Of them holding dynamic ports", 1);
			th(fp, "Match", 0);
			table_body(fp);
		}
		fputs("<tr><td>", fp);
		if (strcmp(r->confidence, "none") == 0)
			fputs("<span class=\"empty\">no process matches</span>",
			    fp);
		else
			put_process(fp, r->process, r->pid);
		fputs("</td>", fp);
		td_pid(fp, strcmp(r->confidence, "none") != 0 ? r->pid : -1);
		/* What the process holds on its own sockets, for comparison. */
		for (j = 0, p = NULL; j < a->nprocs; j++)
			if (a->procs[j].snapshot_id == s->id &&
			    a->procs[j].pid == r->pid && r->process != NULL &&
			    a->procs[j].process != NULL &&
			    strcmp(a->procs[j].process, r->process) == 0)
				p = &a->procs[j];
		if (p != NULL)
			td_count(fp, p->ports_held);
		else
			fputs("<td class=\"n\" data-v=\"-1\">&#8212;</td>", fp);
		td_count(fp, lround(r->sockets));
		td_count(fp, lround(r->held));
		td_text(fp, r->confidence);
		fputs("</tr>\n", fp);
	}
	if (shown == 0)
		return;
	table_close(fp);

	/* By endpoint, when the table was loaded. */
	cs = analysis_col(t, "snapshot_id");
	cl = analysis_col(t, "laddr");
	cr = analysis_col(t, "raddr");
	crp = analysis_col(t, "rport");
	cp = analysis_col(t, "process");
	cpid = analysis_col(t, "pid");
	cso = analysis_col(t, "sockets");
	ch = analysis_col(t, "held");
	cc = analysis_col(t, "confidence");
	for (i = 0, shown = 0; t != NULL && cs >= 0 && i < t->nrows; i++) {
		const char	*ra;

		if (analysis_cell(t, i, cs)->i != s->id)
			continue;
		if (shown >= MAX_ENDPOINTS) {
			more++;
			continue;
		}
		if (shown++ == 0) {
			fputs("<p class=\"note\">By local address and remote "
			    "endpoint:</p>\n", fp);
			table_open(fp, "attr-ep sortable");
			th(fp, "Local address", 0);
			th(fp, "Remote endpoint", 0);
			th(fp, "Attributed to", 0);
			th(fp, "PID", 1);
			th(fp, "TIME_WAIT sockets", 1);
			th(fp, "Holding dynamic ports", 1);
			th(fp, "Match", 0);
			table_body(fp);
		}
		ra = analysis_str(analysis_cell(t, i, cr));
		fputs("<tr><td><code>", fp);
		html_esc(fp, analysis_str(analysis_cell(t, i, cl)));
		fputs("</code></td><td><code>", fp);
		if (ra != NULL && strchr(ra, ':') != NULL) {
			fputs("[", fp);
			html_esc(fp, ra);
			fputs("]", fp);
		} else
			html_esc(fp, ra);
		if (analysis_cell(t, i, crp)->type == A_INT)
			fprintf(fp, ":%lld", analysis_cell(t, i, crp)->i);
		fputs("</code></td><td>", fp);
		if (analysis_str(analysis_cell(t, i, cp)) != NULL)
			html_esc(fp, analysis_str(analysis_cell(t, i, cp)));
		else
			fputs("<span class=\"empty\">no process matches</span>",
			    fp);
		fputs("</td>", fp);
		td_pid(fp, analysis_cell(t, i, cpid)->type == A_INT ?
		    (long)analysis_cell(t, i, cpid)->i : -1);
		td_count(fp, lround(analysis_num(analysis_cell(t, i, cso))));
		td_count(fp, lround(analysis_num(analysis_cell(t, i, ch))));
		td_text(fp, analysis_str(analysis_cell(t, i, cc)));
		fputs("</tr>\n", fp);
	}
	if (shown > 0)
		table_close(fp);
	if (more > 0)
		fprintf(fp, "<p class=\"note\">&#8230; and %zu more endpoints in "
		    "the case file's <code>time_wait_endpoint</code> table.</p>\n",
		    more);
	fputs("</div>\n", fp);
}

/* -------------------------------------------------------------- over time */

struct lineset {
	struct svg_series	 series[TOP_SERIES + 1];
	struct svg_point	*pts[TOP_SERIES + 1];
	char			 labels[TOP_SERIES + 1][160];
	size_t			 n;
};

/* The row of pressure_trend to project from: the soonest exhaustion. */
static long
pick_pressure(const struct a_table *t)
{
	int	cm = analysis_col(t, "minutes_to_exhaustion");
	long	best = -1;
	size_t	i;

	for (i = 0; t != NULL && cm >= 0 && i < t->nrows; i++) {
		if (analysis_cell(t, i, cm)->type == A_NULL)
			continue;
		if (best < 0 || analysis_num(analysis_cell(t, i, cm)) <
		    analysis_num(analysis_cell(t, (size_t)best, cm)))
			best = (long)i;
	}
	return best;
}

/*
 * The projection of the fullest pool from pressure_trend: from its last
 * point to the range at the fitted slope.  The x axis reaches that point
 * when it is not far beyond the data; else the line runs off the edge.
 */
static void
projection(struct svg_lines *c, const struct a_table *pt, double first_t,
    double last_t, char *label, size_t llen, char *note, size_t nlen)
{
	long	row = pick_pressure(pt);
	double	t0, v0, minutes, range, span, ex;
	char	when[48], left[48], c1[32];

	if (row < 0 || svg_parse_time(analysis_str(analysis_cell(pt, (size_t)row,
	    analysis_col(pt, "last_taken_at"))), &t0) == -1)
		return;
	v0 = analysis_num(analysis_cell(pt, (size_t)row, analysis_col(pt, "ports_last")));
	minutes = analysis_num(analysis_cell(pt, (size_t)row, analysis_col(pt, "minutes_to_exhaustion")));
	range = analysis_num(analysis_cell(pt, (size_t)row, analysis_col(pt, "range_size")));
	if (minutes <= 0 || range <= v0)
		return;
	ex = t0 + minutes * 60;
	span = (last_t > first_t ? last_t : t0) - first_t;
	if (span <= 0)
		span = 3600;
	c->has_proj = 1;
	c->proj_t0 = t0;
	c->proj_v0 = v0;
	c->proj_t1 = ex;
	c->proj_v1 = range;
	svg_fmt_time(when, sizeof when, ex, floor(ex / 86400) !=
	    floor(t0 / 86400));
	fmt_left(left, sizeof left, minutes);
	snprintf(label, llen, "projected at %s ports an hour (least squares)",
	    fmt_count(c1, sizeof c1, lround(analysis_num(analysis_cell(pt, (size_t)row,
	    analysis_col(pt, "slope_per_hour"))))));
	c->proj_label = label;
	if (ex - first_t <= 3 * span) {
		c->horizon = ex + span * 0.04;
		snprintf(note, nlen, "full at about %s (%s after the last "
		    "snapshot)", when, left);
	} else {
		c->horizon = last_t + span * 0.35;
		snprintf(note, nlen, "full in about %s at this rate", left);
	}
	c->proj_note = note;
}

static int
same_process(const struct a_process *p, const char *process, long pid)
{
	if (p->pid != pid)
		return 0;
	if (p->process == NULL || process == NULL)
		return p->process == process;
	return strcmp(p->process, process) == 0;
}

/* Ports held per snapshot, for the timed snapshots shown. */
static size_t
lines_from_snapshots(struct lineset *ls, const struct analysis *a,
    const double *times, size_t ntimed, const struct a_snapshot *last,
    int *pool_ok)
{
	const struct a_process	*top[TOP_SERIES];
	size_t			 ntop = 0, i, j, k;
	struct svg_series	*s;

	/* The fullest pool per snapshot, else all ports held. */
	*pool_ok = 1;
	for (i = 0; i < a->nsnaps; i++) {
		if (times[i] < 0)
			continue;
		for (k = 0; k < a->npools; k++)
			if (a->pools[k].snapshot_id == a->snaps[i].id)
				break;
		if (k == a->npools)
			*pool_ok = 0;
	}
	s = &ls->series[ls->n];
	ls->pts[ls->n] = calloc(ntimed, sizeof *ls->pts[0]);
	if (ls->pts[ls->n] == NULL)
		return 0;
	for (i = 0; i < a->nsnaps; i++) {
		if (times[i] < 0)
			continue;
		ls->pts[ls->n][s->npts].t = times[i];
		ls->pts[ls->n][s->npts].v = (double)a->snaps[i].ports_held;
		if (*pool_ok)
			for (k = 0; k < a->npools; k++)
				if (a->pools[k].snapshot_id == a->snaps[i].id) {
					ls->pts[ls->n][s->npts].v =
					    (double)a->pools[k].ports_held;
					break;
				}
		s->npts++;
	}
	if (*pool_ok) {
		for (k = 0; k < a->npools; k++)
			if (a->pools[k].snapshot_id == last->id)
				break;
		snprintf(ls->labels[ls->n], sizeof ls->labels[0],
		    "in use on the fullest pool (%s)", a->pools[k].laddr);
	} else
		snprintf(ls->labels[ls->n], sizeof ls->labels[0],
		    "held in the snapshot, all processes");
	s->label = ls->labels[ls->n];
	s->color = "#263238";
	s->bold = 1;
	s->pts = ls->pts[ls->n];
	ls->n++;

	/* The processes that hold most in the last timed snapshot. */
	for (i = 0; i < a->nprocs && ntop < TOP_SERIES; i++)
		if (a->procs[i].snapshot_id == last->id &&
		    a->procs[i].ports_held > 0)
			top[ntop++] = &a->procs[i];
	for (j = 0; j < ntop; j++) {
		s = &ls->series[ls->n];
		ls->pts[ls->n] = calloc(ntimed, sizeof *ls->pts[0]);
		if (ls->pts[ls->n] == NULL)
			break;
		for (i = 0; i < a->nsnaps; i++) {
			if (times[i] < 0)
				continue;
			for (k = 0; k < a->nprocs; k++)
				if (a->procs[k].snapshot_id == a->snaps[i].id &&
				    same_process(&a->procs[k], top[j]->process,
				    top[j]->pid))
					break;
			if (k == a->nprocs)
				continue;	/* not there, or not in --top */
			ls->pts[ls->n][s->npts].t = times[i];
			ls->pts[ls->n][s->npts].v =
			    (double)a->procs[k].ports_held;
			s->npts++;
		}
		process_title(ls->labels[ls->n], sizeof ls->labels[0],
		    top[j]->process, top[j]->pid);
		s->label = ls->labels[ls->n];
		s->color = series_color(j);
		s->pts = ls->pts[ls->n];
		ls->n++;
	}
	return ntimed;
}

/* Only the first and last timed snapshot, from trend and pressure_trend. */
static size_t
lines_from_trends(struct lineset *ls, const struct analysis *a,
    const struct a_table *pt)
{
	const struct a_trend	*t;
	struct svg_series	*s;
	double			 t0, t1;
	long			 row = pick_pressure(pt);
	size_t			 i, n = 0;

	if (pt != NULL && pt->nrows > 0 && row < 0)
		row = 0;
	if (row >= 0 && svg_parse_time(analysis_str(analysis_cell(pt, (size_t)row,
	    analysis_col(pt, "first_taken_at"))), &t0) == 0 &&
	    svg_parse_time(analysis_str(analysis_cell(pt, (size_t)row, analysis_col(pt,
	    "last_taken_at"))), &t1) == 0 && t1 > t0 &&
	    (ls->pts[ls->n] = calloc(2, sizeof *ls->pts[0])) != NULL) {
		s = &ls->series[ls->n];
		ls->pts[ls->n][0].t = t0;
		ls->pts[ls->n][0].v = analysis_num(analysis_cell(pt, (size_t)row,
		    analysis_col(pt, "ports_first")));
		ls->pts[ls->n][1].t = t1;
		ls->pts[ls->n][1].v = analysis_num(analysis_cell(pt, (size_t)row,
		    analysis_col(pt, "ports_last")));
		snprintf(ls->labels[ls->n], sizeof ls->labels[0], "in use on "
		    "the fullest pool (%s)", analysis_str(analysis_cell(pt, (size_t)row,
		    analysis_col(pt, "laddr"))) ? analysis_str(analysis_cell(pt, (size_t)row,
		    analysis_col(pt, "laddr"))) : "?");
		s->label = ls->labels[ls->n];
		s->color = "#263238";
		s->bold = 1;
		s->pts = ls->pts[ls->n];
		s->npts = 2;
		ls->n++;
		n = 2;
	}
	for (i = 0; i < a->ntrends && ls->n <= TOP_SERIES; i++) {
		t = &a->trends[i];
		if (t->pid < 0 || svg_parse_time(t->first_taken_at, &t0) == -1 ||
		    svg_parse_time(t->last_taken_at, &t1) == -1 || t1 <= t0)
			continue;
		if ((ls->pts[ls->n] = calloc(2, sizeof *ls->pts[0])) == NULL)
			break;
		s = &ls->series[ls->n];
		ls->pts[ls->n][0].t = t0;
		ls->pts[ls->n][0].v = (double)t->ports_first;
		ls->pts[ls->n][1].t = t1;
		ls->pts[ls->n][1].v = (double)t->ports_last;
		process_title(ls->labels[ls->n], sizeof ls->labels[0],
		    t->process, t->pid);
		s->label = ls->labels[ls->n];
		s->color = series_color(ls->n - 1);
		s->pts = ls->pts[ls->n];
		s->npts = 2;
		ls->n++;
		n = 2;
	}
	return n;
}

static void
trend_table(FILE *fp, const struct analysis *a)
{
	const struct a_trend	*t;
	char			 c[32], left[48];
	size_t			 i;

	if (a->ntrends == 0)
		return;
	fputs("<p class=\"note\">The least-squares slope of ports held per "
	    "process over the timed snapshots of the case; a row with no PID "
	    "is an image across restarts. <i>Full in</i> is the time until "
	    "the fullest pool runs out at that slope.</p>\n", fp);
	table_open(fp, "trend sortable");
	th(fp, "Process", 0);
	th(fp, "PID", 1);
	th(fp, "Snapshots", 1);
	th(fp, "First", 1);
	th(fp, "Last", 1);
	th(fp, "Per hour", 1);
	th(fp, "Rising at every snapshot", 0);
	th(fp, "Full in", 1);
	table_body(fp);
	for (i = 0; i < a->ntrends; i++) {
		t = &a->trends[i];
		fputs("<tr><td>", fp);
		put_process(fp, t->process, t->pid < 0 ? 0 : t->pid);
		fputs("</td>", fp);
		if (t->pid >= 0)
			td_pid(fp, t->pid);
		else
			fputs("<td class=\"n\" data-v=\"-1\">all</td>", fp);
		td_count(fp, t->snapshots);
		td_count(fp, t->ports_first);
		td_count(fp, t->ports_last);
		fprintf(fp, "<td class=\"n\" data-v=\"%.3f\">%s</td>",
		    t->slope_per_hour, fmt_delta(c, sizeof c,
		    lround(t->slope_per_hour)));
		fprintf(fp, "<td>%s</td>", t->monotonic ? "rising" : "no");
		if (t->has_minutes)
			fprintf(fp, "<td class=\"n\" data-v=\"%.3f\">%s</td>",
			    t->minutes_to_exhaustion, fmt_left(left,
			    sizeof left, t->minutes_to_exhaustion));
		else
			fputs("<td class=\"n\" data-v=\"1e99\">&#8212;</td>", fp);
		fputs("</tr>\n", fp);
	}
	table_close(fp);
}

static void
over_time(FILE *fp, const struct analysis *a)
{
	const struct a_table	*pt = analysis_table(a, "pressure_trend");
	const struct a_snapshot	*last = NULL;
	struct lineset		*ls;
	struct svg_lines	 c;
	double			*times, first_t = 0, last_t = 0;
	char			 limit[96], plabel[128], pnote[160], cnt[32];
	size_t			 i, ntimed = 0, npts;
	int			 pool_ok = 0, from_trends = 0;

	fputs("<h3>Ports held over time</h3>\n", fp);
	times = calloc(a->nsnaps + 1, sizeof *times);
	ls = calloc(1, sizeof *ls);
	if (times == NULL || ls == NULL)
		goto out;
	for (i = 0; i < a->nsnaps; i++) {
		if (svg_parse_time(a->snaps[i].taken_at, &times[i]) == -1) {
			times[i] = -1;
			continue;
		}
		if (ntimed++ == 0)
			first_t = times[i];
		last_t = times[i];
		last = &a->snaps[i];
	}
	if (ntimed >= 2)
		npts = lines_from_snapshots(ls, a, times, ntimed, last,
		    &pool_ok);
	else {
		npts = lines_from_trends(ls, a, pt);
		from_trends = 1;
		if (ls->n > 0 && ls->series[0].npts == 2) {
			first_t = ls->series[0].pts[0].t;
			last_t = ls->series[0].pts[1].t;
		}
	}
	if (npts < 2 || ls->n == 0) {
		fputs("<p class=\"empty\">A chart over time needs two snapshots "
		    "with a time (a <code>%date% %time%</code> line before each "
		    "run, or <code>--taken-at</code>); ", fp);
		if (a->total_snaps > a->nsnaps)
			fputs("the case has more snapshots than shown: "
			    "<code>--snapshot all</code> shows every one.</p>\n",
			    fp);
		else
			fputs("this case has fewer.</p>\n", fp);
		trend_table(fp, a);
		goto out;
	}
	memset(&c, 0, sizeof c);
	c.title = "Dynamic ports in use over time, the fullest pool and the "
	    "processes that hold most";
	c.desc = "Lines over the time of each snapshot: the ports in use on "
	    "the fullest pool (thick) and per process; the dashed red line is "
	    "the size of the dynamic range, the dashed black one the "
	    "projection of the pool at its least-squares slope.";
	c.axis = "dynamic ports in use";
	c.series = ls->series;
	c.nseries = ls->n;
	{
		const struct a_snapshot *ref = last != NULL ? last :
		    last_snap(a);

		if (ref != NULL) {
			c.limit = (double)range_size(ref);
			snprintf(limit, sizeof limit, "the dynamic range: %s "
			    "ports", fmt_count(cnt, sizeof cnt,
			    range_size(ref)));
			c.limit_label = limit;
		}
	}
	if (pool_ok || from_trends)
		projection(&c, pt, first_t, last_t, plabel, sizeof plabel,
		    pnote, sizeof pnote);
	fputs("<figure>\n", fp);
	svg_lines(fp, &c);
	fputs("<figcaption><b>Ports held over time.</b> ", fp);
	if (from_trends)
		fputs("Only the first and the last timed snapshot of the case "
		    "are drawn, joined by a straight line (this report shows "
		    "fewer than two timed snapshots; <code>--snapshot "
		    "all</code> plots each one). ", fp);
	else
		fprintf(fp, "One point per timed snapshot shown (%zu). ", ntimed);
	if (c.has_proj) {
		fputs("The dashed black line continues the fullest pool at its "
		    "least-squares slope: ", fp);
		html_esc(fp, c.proj_note);
		fputs(". ", fp);
	} else
		fputs("No projection: the fullest pool is not growing, or the "
		    "case holds no trend for it. ", fp);
	fputs("Processes are counted as observed (TIME_WAIT under PID 0 "
	    "apart).</figcaption>\n</figure>\n", fp);
	trend_table(fp, a);
out:
	for (i = 0; ls != NULL && i < ls->n; i++)
		free(ls->pts[i]);
	free(ls);
	free(times);
}

/* ----------------------------------------------------------- the snapshot */

static void
snapshot_section(FILE *fp, const struct analysis *a,
    const struct a_snapshot *s, int latest)
{
	size_t	n = count_procs(a, s);

	fprintf(fp, "<section class=\"page snapshot\" id=\"snap-%ld\">\n<h2>"
	    "Snapshot %ld", s->seq, s->seq);
	if (s->label != NULL) {
		fputs(" [", fp);
		html_esc(fp, s->label);
		fputs("]", fp);
	}
	fprintf(fp, " of %zu, taken ", a->total_snaps);
	if (s->taken_at != NULL)
		html_esc(fp, s->taken_at);
	else
		fputs("at an unknown time (no stamp)", fp);
	if (latest && a->nsnaps > 1)
		fputs(" <small>(the last shown)</small>", fp);
	fputs("</h2>\n<p>From <code>", fp);
	html_esc(fp, s->file);
	fprintf(fp, "</code>, line %ld (", s->first_line);
	html_esc(fp, s->format);
	fputs(", ", fp);
	html_esc(fp, s->encoding);
	if (s->host != NULL) {
		fputs(", host ", fp);
		html_esc(fp, s->host);
	}
	fprintf(fp, "). Dynamic range <b>%d&#8211;%d</b> (", s->range_lo,
	    s->range_hi);
	put_count(fp, range_size(s));
	fputs(" ports): ", fp);
	html_esc(fp, s->range_source);
	fputs(".</p>\n<p>", fp);
	put_count(fp, s->sockets);
	fputs(" sockets; <b>", fp);
	put_count(fp, s->ports_held);
	fputs(" dynamic ports held</b> (", fp);
	put_pct(fp, range_size(s) > 0 ? (double)s->ports_held /
	    (double)range_size(s) : 0);
	fputs(" of the range)", fp);
	if (s->listeners_in_range > 0) {
		fputs("; ", fp);
		put_count(fp, s->listeners_in_range);
		fprintf(fp, " listener%s inside the range, not counted as held",
		    s->listeners_in_range == 1 ? "" : "s");
	}
	fputs(".</p>\n", fp);
	if (n > 0) {
		ports_chart(fp, a, s, n < CHART_ROWS ? n : CHART_ROWS);
		states_chart(fp, a, s, n < CHART_ROWS ? n : CHART_ROWS);
		if (n > CHART_ROWS)
			fprintf(fp, "<p class=\"note\">The charts show the %d "
			    "processes that hold most; the table below lists all "
			    "%zu.</p>\n", CHART_ROWS, n);
	}
	process_table(fp, a, s);
	if (latest)
		over_time(fp, a);
	pools_chart(fp, a, s);
	remote_table(fp, a, s);
	attribution(fp, a, s);
	fputs("</section>\n", fp);
}

/* ------------------------------------------------------------------- diff */

static void
diff_snap(FILE *fp, const struct diff *d, const char *which,
    const struct diff_snap *s)
{
	char	dur[48];
	long	size = (long)s->range_hi - s->range_lo + 1;

	fprintf(fp, "<dt>%s</dt><dd>snapshot %ld", which, s->seq);
	if (s->label != NULL) {
		fputs(" [", fp);
		html_esc(fp, s->label);
		fputs("]", fp);
	}
	fputs(", taken ", fp);
	if (s->taken_at != NULL)
		html_esc(fp, s->taken_at);
	else
		fputs("at an unknown time (no stamp)", fp);
	if (s == &d->b) {
		if (d->a.id == d->b.id)
			fputs(", the same snapshot as A", fp);
		else if (d->has_elapsed && lround(d->elapsed) == 0)
			fputs(", same time as A", fp);
		else if (d->has_elapsed)
			fprintf(fp, ", %s %s A", fmt_duration(dur, sizeof dur,
			    d->elapsed), d->elapsed > 0 ? "after" : "before");
	}
	fputs("<br><code>", fp);
	html_esc(fp, s->file != NULL ? s->file : "-");
	fprintf(fp, ":%ld</code><br>", s->first_line);
	put_count(fp, s->ports_held);
	fputs(" dynamic ports held, ", fp);
	put_pct(fp, size > 0 ? (double)s->ports_held / (double)size : 0);
	fprintf(fp, " of %d&#8211;%d (", s->range_lo, s->range_hi);
	put_count(fp, size);
	fputs(" ports)</dd>\n", fp);
}

static void
remote_list(FILE *fp, const char *what, const struct diff_remote *r,
    size_t n, size_t total)
{
	size_t	i;

	fprintf(fp, "<h3>%s</h3>\n", what);
	if (n == 0) {
		fputs("<p class=\"empty\">none</p>\n", fp);
		return;
	}
	table_open(fp, "endpoints sortable");
	th(fp, "Remote endpoint", 0);
	th(fp, "Sockets", 1);
	table_body(fp);
	for (i = 0; i < n; i++) {
		fputs("<tr><td><code>", fp);
		html_esc(fp, r[i].endpoint);
		fputs("</code></td>", fp);
		td_count(fp, r[i].sockets);
		fputs("</tr>\n", fp);
	}
	table_close(fp);
	if (total > n)
		fprintf(fp, "<p class=\"note\">&#8230; and %zu more.</p>\n",
		    total - n);
}

static void
diff_section(FILE *fp, const struct diff *d)
{
	const struct diff_proc	*p;
	char			 c[32];
	long			 size = (long)d->b.range_hi - d->b.range_lo + 1;
	long			 delta, maxd = 1;
	size_t			 i, j;
	int			 pid0 = 0, moved = 0;

	fputs("<section class=\"page\" id=\"diff\">\n<h2>What changed from A "
	    "to B</h2>\n<dl class=\"facts\">\n", fp);
	diff_snap(fp, d, "A", &d->a);
	diff_snap(fp, d, "B", &d->b);
	fputs("</dl>\n<p>Dynamic ports held: <b>", fp);
	fputs(fmt_delta(c, sizeof c, d->b.ports_held - d->a.ports_held), fp);
	fputs("</b> (", fp);
	put_count(fp, d->a.ports_held);
	fputs(" in A, ", fp);
	put_count(fp, d->b.ports_held);
	fputs(" in B); B holds ", fp);
	put_pct(fp, size > 0 ? (double)d->b.ports_held / (double)size : 0);
	fputs(" of its range. Every change is B &#8722; A.</p>\n", fp);

	fputs("<h3>Processes holding a dynamic port in A or B</h3>\n", fp);
	if (d->nprocs == 0)
		fputs("<p class=\"empty\">None.</p>\n", fp);
	for (i = 0; i < d->nprocs; i++) {
		delta = labs(d->procs[i].ports_b - d->procs[i].ports_a);
		if (delta > maxd)
			maxd = delta;
	}
	for (i = 0; i < d->nprocs; i++) {
		p = &d->procs[i];
		if (i == 0) {
			table_open(fp, "diffprocs sortable");
			th(fp, "Process", 0);
			th(fp, "PID", 1);
			th(fp, "Ports in A", 1);
			th(fp, "Ports in B", 1);
			th(fp, "Change", 1);
			th(fp, "", 0);
			th(fp, "Change in held sockets, by state", 0);
			table_body(fp);
		}
		delta = p->ports_b - p->ports_a;
		fputs("<tr><td>", fp);
		put_process(fp, p->process, p->pid);
		fputs("</td>", fp);
		td_pid(fp, p->pid);
		td_count(fp, p->ports_a);
		td_count(fp, p->ports_b);
		fprintf(fp, "<td class=\"n %s\" data-v=\"%ld\">%s</td>",
		    delta > 0 ? "plus" : delta < 0 ? "minus" : "", delta,
		    fmt_delta(c, sizeof c, delta));
		if (delta != 0)
			fprintf(fp, "<td><span class=\"bar %s\" "
			    "style=\"width:%.0fpx\"></span></td>", delta > 0 ?
			    "plus" : "minus", 1 + 119.0 * (double)labs(delta) /
			    (double)maxd);
		else
			fputs("<td></td>", fp);
		fputs("<td>", fp);
		if (!p->in_a && p->in_b)
			fputs(p->restarted ? "<b>came</b> (restarted? same "
			    "image, new PID) " : "<b>came</b> ", fp);
		else if (p->in_a && !p->in_b)
			fputs(p->restarted ? "<b>went</b> (restarted? same "
			    "image, new PID) " : "<b>went</b> ", fp);
		for (j = 0; j < p->nstates; j++)
			state_chip(fp, p->states[j].state, fmt_delta(c,
			    sizeof c, p->states[j].b - p->states[j].a));
		fputs("</td></tr>\n", fp);
		if (p->process == NULL && p->pid == 0)
			pid0 = 1;
		if (p->in_a != p->in_b)
			moved = 1;
	}
	if (d->nprocs > 0)
		table_close(fp);
	if (d->total_procs > d->nprocs)
		fprintf(fp, "<p class=\"note\">&#8230; and %zu more processes "
		    "(<code>portsift diff --top 0</code> lists all).</p>\n",
		    d->total_procs - d->nprocs);
	if (moved)
		fputs("<p class=\"note\">came: it has no socket at all in A; "
		    "went: none in B.</p>\n", fp);
	if (pid0)
		fputs("<p class=\"note\">(PID 0): Windows lists TIME_WAIT "
		    "sockets under PID 0 once their owner has closed them.</p>\n",
		    fp);
	remote_list(fp, "Remote endpoints that appeared in B", d->appeared,
	    d->nappeared, d->total_appeared);
	remote_list(fp, "Remote endpoints that vanished from A", d->vanished,
	    d->nvanished, d->total_vanished);
	fputs("</section>\n", fp);
}

/* ----------------------------------------------------------------- issues */

static void
issues(FILE *fp, const struct analysis *a)
{
	const struct a_issue	*is;
	size_t			 i;

	if (a->total_issues == 0)
		return;
	fputs("<section class=\"page\" id=\"issues\">\n<h2>Parse issues</h2>\n"
	    "<p>", fp);
	put_count(fp, a->total_issues);
	fprintf(fp, " issue%s in the input", a->total_issues == 1 ? "" : "s");
	if ((size_t)a->total_issues > a->nissues)
		fputs(" (the first shown; all are in the case file's "
		    "<code>issue</code> table)", fp);
	fputs(". A line that fits no rule is reported here and skipped; it "
	    "never stops the ingest.</p>\n", fp);
	table_open(fp, "issues sortable");
	th(fp, "File", 0);
	th(fp, "Line", 1);
	th(fp, "Reason", 0);
	th(fp, "The line", 0);
	table_body(fp);
	for (i = 0; i < a->nissues; i++) {
		is = &a->issues[i];
		fputs("<tr><td><code class=\"path\">", fp);
		html_esc(fp, is->file);
		fputs("</code></td>", fp);
		if (is->line > 0)
			td_count(fp, is->line);
		else
			fputs("<td class=\"n\" data-v=\"0\">whole file</td>", fp);
		td_text(fp, is->reason);
		fputs("<td class=\"raw\"><code>", fp);
		if (is->excerpt != NULL)
			html_esc(fp, is->excerpt);
		fputs("</code></td></tr>\n", fp);
	}
	table_close(fp);
	fputs("</section>\n", fp);
}

/* ------------------------------------------------------------------- wire */

#define WIRE_ROWS	50	/* destinations listed; the case file has all */

/* Connections seen on the wire, per destination (flow_destination). */
static void
wire_section(FILE *fp, const struct analysis *a)
{
	const struct a_table	*t = analysis_table(a, "flow_destination");
	static const struct {
		const char	*col;
		const char	*title;
	} counts[] = {
		{ "flows", "Connections" },
		{ "attempts", "Opened (SYN seen)" },
		{ "answered", "Answered" },
		{ "unanswered", "Unanswered" },
		{ "refused", "Refused (RST to SYN)" },
		{ "reset", "Reset after up" },
		{ "sources", "Source addresses" },
		{ "opened_peak_second", "Opened in busiest second" },
	};
	const struct a_value	*v;
	size_t			 i, k, shown;
	int			 c;

	if (t == NULL || t->nrows == 0)
		return;
	fputs("<section class=\"page\" id=\"wire\">\n<h2>Connections seen on "
	    "the wire</h2>\n<p class=\"note\">Per destination: the end that "
	    "was connected to. <b>Unanswered</b>: a SYN with neither SYN-ACK "
	    "nor RST; <b>refused</b>: a RST answered the SYN; <b>reset after "
	    "up</b>: a RST ended an established connection. Opened per second "
	    "is over the whole capture.</p>\n", fp);
	table_open(fp, "wire sortable");
	th(fp, "Destination", 0);
	th(fp, "Protocol", 0);
	for (k = 0; k < sizeof counts / sizeof counts[0]; k++)
		th(fp, counts[k].title, 1);
	th(fp, "Opened per second", 1);
	th(fp, "Busiest source", 0);
	table_body(fp);
	shown = t->nrows < WIRE_ROWS ? t->nrows : WIRE_ROWS;
	for (i = 0; i < shown; i++) {
		fputs("<tr>", fp);
		td_text(fp, analysis_str(analysis_cell(t, i,
		    analysis_col(t, "destination"))));
		td_text(fp, analysis_str(analysis_cell(t, i,
		    analysis_col(t, "proto"))));
		for (k = 0; k < sizeof counts / sizeof counts[0]; k++) {
			c = analysis_col(t, counts[k].col);
			td_count(fp, lround(analysis_num(analysis_cell(t, i,
			    c))));
		}
		v = analysis_cell(t, i, analysis_col(t, "opened_per_second"));
		if (v->type == A_NULL)
			fputs("<td class=\"n\" data-v=\"-1\">&#8212;</td>", fp);
		else
			fprintf(fp, "<td class=\"n\" data-v=\"%.6f\">%.1f</td>",
			    analysis_num(v), analysis_num(v));
		td_text(fp, analysis_str(analysis_cell(t, i,
		    analysis_col(t, "top_source"))));
		fputs("</tr>\n", fp);
	}
	table_close(fp);
	if (t->nrows > shown) {
		fputs("<p class=\"note\">", fp);
		put_count(fp, (long)(t->nrows - shown));
		fputs(" more destinations in the case file's table "
		    "<code>flow_destination</code>.</p>\n", fp);
	}
	fputs("</section>\n", fp);
}

/* ------------------------------------------------------------------- page */

int
render_html(FILE *fp, const struct analysis *a, const struct render_opts *ro)
{
	static const struct render_opts	 none;
	size_t				 i;

	if (ro == NULL)
		ro = &none;
	page_head(fp, ro);
	header(fp, a, ro);
	snapshot_table(fp, a);
	toc(fp, a, ro);
	fputs("<main>\n", fp);
	findings(fp, a);
	if (a->nsnaps > 0)
		snapshot_section(fp, a, &a->snaps[a->nsnaps - 1], 1);
	for (i = 0; i + 1 < a->nsnaps; i++)
		snapshot_section(fp, a, &a->snaps[i], 0);
	if (ro->diff != NULL)
		diff_section(fp, ro->diff);
	wire_section(fp, a);
	issues(fp, a);
	fputs("</main>\n<footer>Made by portsift from the captures named "
	    "above, on this machine; the page loads nothing from anywhere "
	    "else.</footer>\n", fp);
	fprintf(fp, "<script>%s</script>\n</body>\n</html>\n", script);
	return ferror(fp) ? -1 : 0;
}
