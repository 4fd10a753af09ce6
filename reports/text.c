/*
 * text.c — the terminal report: fits 100 columns, reads top to bottom.
 *
 * For each selected snapshot: when and where it comes from, the dynamic
 * range used and why, then the processes ranked by dynamic ports held with
 * their share of the range, their top remote endpoint and its share, and
 * their state mix.  Parse issues close the report.  Widths are counted in
 * characters (UTF-8 code points), and a name too long for its column is cut
 * with an ellipsis, never in the middle of a character.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/render.h"

#define W_PROC		20
#define W_PID		7
#define W_PORTS		7
#define W_SHARE		7
#define W_REMOTE	24
#define W_TOIT		7
#define STATES_COL	(2 + W_PROC + 1 + W_PID + 1 + W_PORTS + 1 + W_SHARE + \
			    2 + W_REMOTE + 1 + W_TOIT + 2)
#define LINE_WIDTH	100
#define FROM_WIDTH	(LINE_WIDTH - 70)	/* `snapshots`: file:line */




/*
 * text as words wrapped at LINE_WIDTH: the first line after `first` (already
 * printed, `col` characters wide), the next ones indented by `indent`.
 */
static void
wrap(FILE *fp, size_t col, size_t indent, const char *text)
{
	const char	*p = text, *sp;
	size_t		 n, w;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		sp = strchr(p, ' ');
		n = sp ? (size_t)(sp - p) : strlen(p);
		{
			char word[512];

			snprintf(word, sizeof word, "%.*s", (int)n, p);
			w = text_width(word);
		}
		if (col > indent && col + 1 + w > LINE_WIDTH) {
			fprintf(fp, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, n, fp);
		col += w;
		p += n;
	}
	fputc('\n', fp);
}

static void
upper(char *dst, size_t len, const char *s)
{
	size_t	i;

	for (i = 0; s[i] != '\0' && i + 1 < len; i++)
		dst[i] = (s[i] >= 'a' && s[i] <= 'z') ? s[i] - 'a' + 'A' : s[i];
	dst[i] = '\0';
}

/* The answer (rank 1) and the other findings of the last snapshot shown. */
static void
findings(FILE *fp, const struct analysis *a)
{
	const struct a_snapshot	*s;
	const struct a_finding	*f;
	char			 sev[16], head[32];
	size_t			 i, shown = 0;

	if (a->nsnaps == 0)
		return;
	s = &a->snaps[a->nsnaps - 1];
	for (i = 0; i < a->nfindings; i++) {
		f = &a->findings[i];
		if (f->snapshot_id != s->id)
			continue;
		if (shown++ == 0) {
			upper(sev, sizeof sev, f->severity);
			fprintf(fp, "Answer (%s):", sev);
			wrap(fp, 10 + strlen(sev), 2, f->summary);
			fputs("  evidence: ", fp);
			wrap(fp, 12, 12, f->evidence);
			continue;
		}
		if (shown == 2)
			fprintf(fp, "\nMore findings in snapshot %ld%s%s%s:\n",
			    s->seq, s->taken_at ? " (" : "", s->taken_at ?
			    s->taken_at : "", s->taken_at ? ")" : "");
		upper(sev, sizeof sev, f->severity);
		snprintf(head, sizeof head, "%2d. %-8s ", f->rank, sev);
		fputs("  ", fp);
		fputs(head, fp);
		wrap(fp, 2 + strlen(head), 2 + strlen(head), f->summary);
		fprintf(fp, "%*s", (int)(2 + strlen(head)), "");
		fputs("evidence: ", fp);
		wrap(fp, 2 + strlen(head) + 10, 2 + strlen(head) + 10,
		    f->evidence);
	}
	if (shown == 0)
		fprintf(fp, "Answer: nothing in snapshot %ld passes the "
		    "thresholds of a finding (see --threshold).\n", s->seq);
	fputc('\n', fp);
}

static void
snapshot_head(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	char	c1[32], c2[32], c3[32], p[16];
	long	size = s->range_hi - s->range_lo + 1;

	fprintf(fp, "Snapshot %ld", s->seq);
	if (s->label != NULL)
		fprintf(fp, " [%s]", s->label);
	fprintf(fp, " of %zu, taken %s\n", a->total_snaps,
	    s->taken_at ? s->taken_at : "at an unknown time (no stamp)");
	fprintf(fp, "  from %s, line %ld (%s, %s%s%s)\n", s->file, s->first_line,
	    s->format, s->encoding, s->host ? ", host " : "",
	    s->host ? s->host : "");
	fprintf(fp, "  dynamic range %d-%d (%s ports): %s\n", s->range_lo,
	    s->range_hi, fmt_count(c1, sizeof c1, size), s->range_source);
	fprintf(fp, "  %s sockets; %s dynamic ports held (%s of the range)",
	    fmt_count(c2, sizeof c2, s->sockets),
	    fmt_count(c3, sizeof c3, s->ports_held),
	    fmt_pct(p, sizeof p, (double)s->ports_held / (double)size));
	if (s->listeners_in_range > 0)
		fprintf(fp, ";\n  %ld listener%s inside the range, not counted "
		    "as held", s->listeners_in_range,
		    s->listeners_in_range == 1 ? "" : "s");
	fputs("\n\n", fp);
}

static void
states(FILE *fp, const struct a_process *p)
{
	char	c[32], item[96];
	size_t	i, col = STATES_COL, shown = 0;

	for (i = 0; i < p->nstates; i++) {
		if (p->states[i].held == 0)
			continue;
		snprintf(item, sizeof item, "%s%s %s", shown ? ", " : "",
		    p->states[i].state, fmt_count(c, sizeof c,
		    p->states[i].held));
		if (shown && col + strlen(item) > LINE_WIDTH) {
			fprintf(fp, ",\n%*s", STATES_COL, "");
			col = STATES_COL;
			memmove(item, item + 2, strlen(item + 2) + 1);
		}
		fputs(item, fp);
		col += strlen(item);
		shown++;
	}
	fputc('\n', fp);
}

/* PID 0 TIME_WAIT sockets and who they are attributed to, kept apart. */
static void
attribution(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_attr	*t;
	char			 name[64], c[32], line[160];
	size_t			 i, shown = 0;

	for (i = 0; i < a->nattrs; i++) {
		t = &a->attrs[i];
		if (t->snapshot_id != s->id)
			continue;
		if (shown++ == 0)
			fputs("\n  TIME_WAIT under PID 0, attributed by local "
			    "address and remote endpoint (not in the counts "
			    "above):\n", fp);
		if (strcmp(t->confidence, "none") == 0)
			snprintf(line, sizeof line, "(no process matches)");
		else if (t->process != NULL)
			snprintf(line, sizeof line, "%s (PID %ld)", t->process,
			    t->pid);
		else
			snprintf(line, sizeof line, "%s", process_label(NULL,
			    t->pid, name, sizeof name));
		fprintf(fp, "    %-36s %9s sockets", line,
		    fmt_count(c, sizeof c, lround(t->sockets)));
		fprintf(fp, ", %s holding dynamic ports  (%s)\n",
		    fmt_count(c, sizeof c, lround(t->held)), t->confidence);
	}
}

/* The fullest pools, when there is more than one or the model is not windows. */
static void
pools(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_pool	*p;
	char			 c[32], z[32], pc[16], where[128];
	size_t			 i, n = 0;

	for (i = 0; i < a->npools; i++)
		if (a->pools[i].snapshot_id == s->id)
			n++;
	if (n == 0)
		return;
	if (s->os != NULL && strcmp(s->os, "capture") == 0)
		fputs("\n  Fullest pools (tuple: per source address and "
		    "destination):\n", fp);
	else
		fputs("\n  Fullest pools (windows: per local address; linux: "
		    "per local address and destination):\n", fp);
	for (i = 0; i < a->npools; i++) {
		p = &a->pools[i];
		if (p->snapshot_id != s->id)
			continue;
		if (p->raddr != NULL)
			snprintf(where, sizeof where, "%s -> %s%s%s:%ld", p->laddr,
			    strchr(p->raddr, ':') ? "[" : "", p->raddr,
			    strchr(p->raddr, ':') ? "]" : "", p->rport);
		else
			snprintf(where, sizeof where, "%s", p->laddr);
		fprintf(fp, "    %-8s ", p->model);
		text_cell(fp, where, 48, 0);
		fprintf(fp, " %9s of %s  %s\n",
		    fmt_count(c, sizeof c, p->ports_held),
		    fmt_count(z, sizeof z, p->range_size),
		    fmt_pct(pc, sizeof pc, p->share));
	}
}

static void
process_table(FILE *fp, const struct analysis *a, const struct a_snapshot *s)
{
	const struct a_process	*p;
	const char		*label;
	char			 name[64], c[32], pct[16], pid[24];
	size_t			 i, rows = 0;
	int			 pid0 = 0, inferred = 0;

	for (i = 0; i < a->nprocs; i++) {
		p = &a->procs[i];
		if (p->snapshot_id != s->id)
			continue;
		if (rows++ == 0) {
			fputs("  ", fp);
			text_cell(fp, "PROCESS", W_PROC, 0);
			fputc(' ', fp);
			text_cell(fp, "PID", W_PID, 1);
			fputc(' ', fp);
			text_cell(fp, "PORTS", W_PORTS, 1);
			fputc(' ', fp);
			text_cell(fp, "RANGE", W_SHARE, 1);
			fputs("  ", fp);
			text_cell(fp, "TOP REMOTE", W_REMOTE, 0);
			fputc(' ', fp);
			text_cell(fp, "TO IT", W_TOIT, 1);
			fputs("  HELD, BY STATE\n", fp);
		}
		fputs("  ", fp);
		label = process_label(p->process, p->pid, name, sizeof name);
		if (p->image_inferred > 0 && p->process != NULL) {
			/* The mark must survive a cut name. */
			char	marked[300];

			if (text_width(label) + 1 > W_PROC)
				snprintf(marked, sizeof marked, "%.*s…*",
				    (int)text_prefix(label, W_PROC - 2), label);
			else
				snprintf(marked, sizeof marked, "%s*", label);
			text_cell(fp, marked, W_PROC, 0);
			inferred = 1;
		} else
			text_cell(fp, label, W_PROC, 0);
		fputc(' ', fp);
		text_cell(fp, fmt_pid(pid, sizeof pid, p->pid), W_PID, 1);
		fputc(' ', fp);
		text_cell(fp, fmt_count(c, sizeof c, p->ports_held), W_PORTS, 1);
		fputc(' ', fp);
		text_cell(fp, fmt_pct(pct, sizeof pct, p->share), W_SHARE, 1);
		fputs("  ", fp);
		text_cell(fp, p->has_remote ? p->top_remote : "(none)", W_REMOTE, 0);
		fputc(' ', fp);
		text_cell(fp, p->has_remote ? fmt_pct(pct, sizeof pct,
		    p->top_remote_share) : "", W_TOIT, 1);
		fputs("  ", fp);
		states(fp, p);
		if (p->pid == 0 && p->process == NULL)
			pid0 = 1;
	}
	if (rows == 0)
		fputs("  No process holds a dynamic port.\n", fp);
	if (inferred)
		fputs("\n  *: some of its lines said \"Can not obtain ownership "
		    "information\"; the image\n  comes from another socket of "
		    "the same PID in the same snapshot.\n", fp);
	if (pid0)
		fputs("\n  (PID 0): Windows lists TIME_WAIT sockets under PID 0 "
		    "once their owner has\n  closed them; the owner is usually "
		    "the process with live connections to the\n  same remote "
		    "endpoint.\n", fp);
	attribution(fp, a, s);
	pools(fp, a, s);
	fputc('\n', fp);
}

/* Ports held over time, for the whole case. */
static void
trends(FILE *fp, const struct analysis *a)
{
	const struct a_trend	*t;
	char			 name[64], c1[32], c2[32], sl[48], left[48];
	size_t			 i;

	if (a->ntrends == 0)
		return;
	fputs("Trend over the timed snapshots (least squares; PID - is an "
	    "image across restarts):\n", fp);
	fprintf(fp, "  %-20s %7s %5s %9s %9s %13s  %-9s %s\n", "PROCESS", "PID",
	    "SNAPS", "FIRST", "LAST", "PER HOUR", "STEADY", "FULL IN");
	for (i = 0; i < a->ntrends; i++) {
		t = &a->trends[i];
		fputs("  ", fp);
		text_cell(fp, process_label(t->process, t->pid < 0 ? 0 : t->pid, name,
		    sizeof name), 20, 0);
		if (t->pid >= 0)
			fprintf(fp, " %7ld", t->pid);
		else
			fprintf(fp, " %7s", "-");
		snprintf(sl, sizeof sl, "%s%s", t->slope_per_hour > 0 ? "+" :
		    t->slope_per_hour < 0 ? "-" : "", fmt_count(c1, sizeof c1,
		    labs(lround(t->slope_per_hour))));
		if (t->has_minutes)
			fmt_left(left, sizeof left, t->minutes_to_exhaustion);
		else
			snprintf(left, sizeof left, "-");
		fprintf(fp, " %5ld %9s %9s %13s  %-9s %s\n", t->snapshots,
		    fmt_count(c1, sizeof c1, t->ports_first),
		    fmt_count(c2, sizeof c2, t->ports_last), sl,
		    t->monotonic ? "rising" : "no", left);
	}
	fputc('\n', fp);
}

/* Connections seen on the wire, per destination (flow_destination). */
static void
wire(FILE *fp, const struct analysis *a)
{
	const struct a_table	*t = analysis_table(a, "flow_destination");
	int			 cdest, cproto, cflows, csrc, cun, cref, creset;
	int			 crate, cpeak;
	char			 c[7][32], rate[32];
	size_t			 i, shown;

	if (t == NULL || t->nrows == 0)
		return;
	cdest = analysis_col(t, "destination");
	cproto = analysis_col(t, "proto");
	cflows = analysis_col(t, "flows");
	csrc = analysis_col(t, "sources");
	cun = analysis_col(t, "unanswered");
	cref = analysis_col(t, "refused");
	creset = analysis_col(t, "reset");
	crate = analysis_col(t, "opened_per_second");
	cpeak = analysis_col(t, "opened_peak_second");
	fputs("Connections seen on the wire, per destination (the end that was "
	    "connected to):\n", fp);
	fprintf(fp, "  %-30s %-5s %8s %7s %10s %7s %7s %8s %6s\n",
	    "DESTINATION", "PROTO", "CONNS", "SOURCES", "UNANSWERED",
	    "REFUSED", "RESET", "NEW/S", "PEAK/S");
	shown = t->nrows < 20 ? t->nrows : 20;
	for (i = 0; i < shown; i++) {
		const struct a_value *r = analysis_cell(t, i, crate);

		fputs("  ", fp);
		text_cell(fp, analysis_str(analysis_cell(t, i, cdest)), 30, 0);
		if (r->type == A_NULL)
			snprintf(rate, sizeof rate, "-");
		else
			snprintf(rate, sizeof rate, "%.1f", analysis_num(r));
		fprintf(fp, " %-5s %8s %7s %10s %7s %7s %8s %6s\n",
		    analysis_str(analysis_cell(t, i, cproto)),
		    fmt_count(c[0], sizeof c[0],
		    (long)analysis_num(analysis_cell(t, i, cflows))),
		    fmt_count(c[1], sizeof c[1],
		    (long)analysis_num(analysis_cell(t, i, csrc))),
		    fmt_count(c[2], sizeof c[2],
		    (long)analysis_num(analysis_cell(t, i, cun))),
		    fmt_count(c[3], sizeof c[3],
		    (long)analysis_num(analysis_cell(t, i, cref))),
		    fmt_count(c[4], sizeof c[4],
		    (long)analysis_num(analysis_cell(t, i, creset))), rate,
		    fmt_count(c[5], sizeof c[5],
		    (long)analysis_num(analysis_cell(t, i, cpeak))));
	}
	if (t->nrows > shown)
		fprintf(fp, "  ... %zu more destinations (table flow_destination "
		    "in the case file)\n", t->nrows - shown);
	fputc('\n', fp);
}

static void
issues(FILE *fp, const struct analysis *a)
{
	size_t	i;

	if (a->total_issues == 0)
		return;
	fprintf(fp, "Issues: %ld in the input%s\n", a->total_issues,
	    (size_t)a->total_issues > a->nissues ? " (the first shown; all "
	    "are in the case file's issue table)" : "");
	for (i = 0; i < a->nissues; i++) {
		const struct a_issue *is = &a->issues[i];

		if (is->line > 0)
			fprintf(fp, "  %s:%ld: %s\n", is->file, is->line,
			    is->reason);
		else
			fprintf(fp, "  %s: %s\n", is->file, is->reason);
		if (is->excerpt != NULL && *is->excerpt != '\0') {
			fputs("    | ", fp);
			text_cell(fp, is->excerpt, LINE_WIDTH - 6, 0);
			fputc('\n', fp);
		}
	}
	fputc('\n', fp);
}

int
render_text(FILE *fp, const struct analysis *a, const struct render_opts *o)
{
	size_t	i;

	fprintf(fp, "portsift report%s%s: %zu snapshot%s in the case",
	    o->case_name ? " for " : "", o->case_name ? o->case_name : "",
	    a->total_snaps, a->total_snaps == 1 ? "" : "s");
	if (a->nsnaps < a->total_snaps)
		fprintf(fp, ", showing %zu (--snapshot all shows every one)",
		    a->nsnaps);
	fputs("\n\n", fp);
	findings(fp, a);
	for (i = 0; i < a->nsnaps; i++) {
		snapshot_head(fp, a, &a->snaps[i]);
		process_table(fp, a, &a->snaps[i]);
	}
	trends(fp, a);
	wire(fp, a);
	issues(fp, a);
	return ferror(fp) ? -1 : 0;
}

int
render_snapshot_list(FILE *fp, const struct analysis *a)
{
	const struct a_snapshot	*s;
	char			 c1[32], c2[32], rng[24], where[64];
	size_t			 i, w;

	if (a->nsnaps == 0) {
		fputs("The case holds no snapshot.\n", fp);
		return ferror(fp) ? -1 : 0;
	}
	fprintf(fp, "%4s  %-10s %-22s %8s %7s %-11s %s\n", "#", "LABEL",
	    "TAKEN AT", "SOCKETS", "HELD", "RANGE", "FROM");
	for (i = 0; i < a->nsnaps; i++) {
		s = &a->snaps[i];
		snprintf(rng, sizeof rng, "%d-%d", s->range_lo, s->range_hi);
		fprintf(fp, "%4ld  ", s->seq);
		text_cell(fp, s->label ? s->label : "-", 10, 0);
		fputc(' ', fp);
		text_cell(fp, s->taken_at ? s->taken_at : "-", 22, 0);
		fprintf(fp, " %8s %7s %-11s ",
		    fmt_count(c1, sizeof c1, s->sockets),
		    fmt_count(c2, sizeof c2, s->ports_held), rng);
		/* file:line together; a long path loses its start, not its end. */
		snprintf(where, sizeof where, ":%ld", s->first_line);
		w = text_width(s->file) + text_width(where);
		if (w > FROM_WIDTH) {
			size_t skip = w - FROM_WIDTH + 1;

			fputs("…", fp);
			fputs(s->file + text_prefix(s->file, skip), fp);
		} else
			fputs(s->file, fp);
		fprintf(fp, "%s\n", where);
	}
	return ferror(fp) ? -1 : 0;
}
