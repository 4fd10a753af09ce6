/*
 * svg.c — the HTML report's escaper and its inline SVG charts (svg.h).
 *
 * The charts are laid out on a fixed grid (880 units wide, scaled by CSS to
 * the page or the paper) with text widths estimated, not measured: labels
 * are cut to a number of characters that fits their column, and the whole
 * label is in the tooltip (<title>) of its row.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reports/render.h"
#include "reports/svg.h"

#define W		880	/* every chart's width, in SVG units */
#define CHAR_W		7.2	/* a character of the 12px labels, estimated */
#define LABEL_COL	250	/* bar charts: the labels, right-aligned */
#define LABEL_CHARS	33	/* of a label and its suffix */
#define NOTE_COL	200	/* bar charts: the notes right of the bars */
#define ROW_H		24
#define BAR_H		15

/* ---------------------------------------------------------------- escaping */

static void
fffd(FILE *fp)
{
	fputs("\xEF\xBF\xBD", fp);
}

void
html_esc_n(FILE *fp, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + len;
	unsigned int		 c, cp, lo, hi;
	size_t			 n, i;
	int			 ok;

	while (p < end) {
		c = *p;
		if (c < 0x80) {
			switch (c) {
			case '&':
				fputs("&amp;", fp);
				break;
			case '<':
				fputs("&lt;", fp);
				break;
			case '>':
				fputs("&gt;", fp);
				break;
			case '"':
				fputs("&quot;", fp);
				break;
			case '\'':
				fputs("&#39;", fp);
				break;
			case ':':
				if (end - p >= 3 && p[1] == '/' && p[2] == '/')
					fputs("&#58;", fp);
				else
					fputc(':', fp);
				break;
			case '\t':
			case '\n':
				fputc((int)c, fp);
				break;
			case '\r':
				fputc(' ', fp);
				break;
			default:
				if (c < 0x20 || c == 0x7f)
					fffd(fp);
				else
					fputc((int)c, fp);
				break;
			}
			p++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			cp = c & 0x0F;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;	/* no surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			cp = c & 0x07;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			fffd(fp);
			p++;
			continue;
		}
		ok = (size_t)(end - p) >= n;
		for (i = 1; ok && i < n; i++) {
			if (p[i] < (i == 1 ? lo : 0x80) ||
			    p[i] > (i == 1 ? hi : 0xBF))
				ok = 0;
			else
				cp = cp << 6 | (p[i] & 0x3F);
		}
		if (!ok) {
			fffd(fp);
			p++;
			continue;
		}
		if ((cp >= 0x80 && cp <= 0x9F) ||
		    (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
			fffd(fp);
		else
			fwrite(p, 1, n, fp);
		p += n;
	}
}

void
html_esc(FILE *fp, const char *s)
{
	if (s != NULL)
		html_esc_n(fp, s, strlen(s));
}

void
html_esc_cut(FILE *fp, const char *s, size_t n)
{
	if (s == NULL)
		return;
	if (n == 0 || text_width(s) <= n) {
		html_esc(fp, s);
		return;
	}
	html_esc_n(fp, s, text_prefix(s, n - 1));
	fputs("…", fp);
}

/* ------------------------------------------------------------------ colors */

static const struct {
	const char	*state;
	const char	*color;
} state_colors[] = {
	{ "ESTABLISHED",	"#2e7d32" },
	{ "TIME_WAIT",		"#f2a900" },
	{ "CLOSE_WAIT",		"#d32f2f" },
	{ "SYN_SENT",		"#7b1fa2" },
	{ "SYN_RECEIVED",	"#ba68c8" },
	{ "FIN_WAIT_1",		"#0097a7" },
	{ "FIN_WAIT_2",		"#80deea" },
	{ "CLOSING",		"#a1887f" },
	{ "LAST_ACK",		"#ff8a65" },
	{ "BOUND",		"#1976d2" },
	{ "CLOSED",		"#bdbdbd" },
	{ "DELETE_TCB",		"#757575" },
	{ "LISTEN",		"#90a4ae" },
	{ "UNCONN",		"#cfd8dc" },
	{ "UNKNOWN",		"#ec407a" },
};

#define NSTATES	(sizeof state_colors / sizeof state_colors[0])

const char *const svg_state_order[] = {
	"ESTABLISHED", "TIME_WAIT", "CLOSE_WAIT", "SYN_SENT", "SYN_RECEIVED",
	"FIN_WAIT_1", "FIN_WAIT_2", "CLOSING", "LAST_ACK", "BOUND", "CLOSED",
	"DELETE_TCB", "LISTEN", "UNCONN", "UNKNOWN", NULL
};

const char *
state_color(const char *state)
{
	size_t	i;

	for (i = 0; state != NULL && i < NSTATES; i++)
		if (strcmp(state_colors[i].state, state) == 0)
			return state_colors[i].color;
	return "#9e9e9e";
}

static const char *const series_colors[] = {
	"#3949ab", "#e65100", "#00695c", "#6d4c41", "#ad1457", "#827717",
	"#5e35b1", "#37474f",
};

const char *
series_color(size_t i)
{
	return series_colors[i % (sizeof series_colors /
	    sizeof series_colors[0])];
}

/* -------------------------------------------------------------------- time */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long		era;
	unsigned	yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long		era;
	unsigned	doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

int
svg_parse_time(const char *s, double *t)
{
	int	y, mo, d, h, mi, n = 0;
	double	sec = 0;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 ||
	    (s[n] != ' ' && s[n] != 'T'))
		return -1;
	s += n + 1;
	n = 0;
	if (sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2)
		return -1;
	if (s[n] == ':' && sscanf(s + n + 1, "%lf", &sec) != 1)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || sec < 0 || sec >= 61)
		return -1;
	*t = (double)days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400.0 +
	    h * 3600.0 + mi * 60.0 + sec;
	return 0;
}

enum time_fmt {
	T_HM,		/* "09:15" */
	T_DAY,		/* "2026-11-24" */
	T_HMS,		/* "09:15:30" */
};

/* A time on the axis: as how says, after "11-24 " when with_day. */
static void
fmt_time(char *buf, size_t len, double t, int with_day, enum time_fmt how)
{
	long		days = (long)floor(t / 86400.0), y;
	long		sod = lround(t - (double)days * 86400.0);
	unsigned	m, d;
	char		day[16] = "";

	if (sod >= 86400) {
		days++;
		sod -= 86400;
	}
	civil_from_days(days, &y, &m, &d);
	if (with_day)
		snprintf(day, sizeof day, "%02u-%02u ", m, d);
	if (how == T_DAY)
		snprintf(buf, len, "%04ld-%02u-%02u", y, m, d);
	else if (how == T_HMS)
		snprintf(buf, len, "%s%02ld:%02ld:%02ld", day, sod / 3600,
		    sod / 60 % 60, sod % 60);
	else
		snprintf(buf, len, "%s%02ld:%02ld", day, sod / 3600,
		    sod / 60 % 60);
}

void
svg_fmt_time(char *buf, size_t len, double t, int with_day)
{
	char	day[16], hm[16];

	fmt_time(day, sizeof day, t, 0, T_DAY);
	fmt_time(hm, sizeof hm, t, 0, T_HM);
	if (with_day)
		snprintf(buf, len, "%s %s", day, hm);
	else
		snprintf(buf, len, "%s", hm);
}

/* ----------------------------------------------------------------- helpers */

/* A step of 1, 2, 2.5 or 5 times a power of ten, about max/n. */
static double
nice_step(double max, int n)
{
	double	raw = max / n, mag, f;

	if (raw <= 0)
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	if (f <= 1)
		f = 1;
	else if (f <= 2)
		f = 2;
	else if (f <= 2.5)
		f = 2.5;
	else if (f <= 5)
		f = 5;
	else
		f = 10;
	return f * mag < 1 ? 1 : f * mag;
}

static void
count_label(char *buf, size_t len, double v)
{
	fmt_count(buf, len, lround(v));
}

enum legend_kind {
	LEG_BOX,	/* a filled square */
	LEG_DASH,	/* a dashed line */
	LEG_LINE,	/* a line with a point */
};

struct legend_item {
	enum legend_kind	 kind;
	const char		*color;
	const char		*label;
};

/*
 * The legend, wrapped to the chart's width, from y (its first baseline);
 * its height.  Drawn only when draw is set, so a chart can place its plot
 * below a legend whose height it does not know yet.
 */
static double
legend(FILE *fp, const struct legend_item *it, size_t n, double y, int draw)
{
	double	x = 12, w, rows = 1;
	size_t	i;

	if (n == 0)
		return 0;
	if (draw)
		fputs("<g class=\"legend\">", fp);
	for (i = 0; i < n; i++) {
		w = 24 + CHAR_W * (double)text_width(it[i].label) + 18;
		if (x > 12 && x + w > W - 8) {
			x = 12;
			y += 18;
			rows++;
		}
		if (draw) {
			switch (it[i].kind) {
			case LEG_BOX:
				fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"12\" height=\"12\" fill=\"%s\"/>",
				    x, y - 10, it[i].color);
				break;
			case LEG_DASH:
				fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" "
				    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
				    "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
				    x - 2, y - 4, x + 16, y - 4, it[i].color);
				break;
			case LEG_LINE:
				fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" "
				    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
				    "stroke-width=\"2.5\"/><circle cx=\"%.1f\" "
				    "cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x - 2,
				    y - 4, x + 16, y - 4, it[i].color, x + 7,
				    y - 4, it[i].color);
				break;
			}
			fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\">", x + 22, y);
			html_esc(fp, it[i].label);
			fputs("</text>", fp);
		}
		x += w;
	}
	if (draw)
		fputs("</g>\n", fp);
	return rows * 18;
}

static void
svg_open(FILE *fp, double h, const char *title, const char *desc)
{
	fprintf(fp, "<svg class=\"chart\" viewBox=\"0 0 %d %.0f\" width=\"%d\" "
	    "height=\"%.0f\" role=\"img\">\n<title>", W, h, W,
	    h);
	html_esc(fp, title);
	fputs("</title>\n", fp);
	if (desc != NULL) {
		fputs("<desc>", fp);
		html_esc(fp, desc);
		fputs("</desc>\n", fp);
	}
}

/* The label of a row: its name cut to fit, then its suffix whole. */
static void
row_label(FILE *fp, double y, const char *label, const char *suffix)
{
	size_t	n = LABEL_CHARS;

	fprintf(fp, "<text class=\"label\" x=\"%d\" y=\"%.1f\" "
	    "text-anchor=\"end\">", LABEL_COL - 8, y);
	/* The label column holds about LABEL_CHARS characters in all. */
	if (suffix != NULL)
		n = text_width(suffix) + 13 < LABEL_CHARS ? LABEL_CHARS - 1 -
		    text_width(suffix) : 12;
	html_esc_cut(fp, label, n);
	if (suffix != NULL) {
		fputs(" <tspan class=\"sub\">", fp);
		html_esc(fp, suffix);
		fputs("</tspan>", fp);
	}
	fputs("</text>", fp);
}

static void
row_tip(FILE *fp, const char *label, const char *suffix, const char *note)
{
	fputs("<title>", fp);
	html_esc(fp, label);
	if (suffix != NULL) {
		fputs(" ", fp);
		html_esc(fp, suffix);
	}
	if (note != NULL) {
		fputs(": ", fp);
		html_esc(fp, note);
	}
	fputs("</title>", fp);
}

/* A horizontal axis under the rows: ticks, their labels, the axis label. */
static void
x_axis(FILE *fp, double x0, double x1, double y, double max, int percent,
    const char *label)
{
	char	buf[32];
	double	step = percent ? 20 : nice_step(max, 5), v, x;

	fprintf(fp, "<g class=\"axis\"><line x1=\"%.1f\" y1=\"%.1f\" "
	    "x2=\"%.1f\" y2=\"%.1f\"/>", x0, y, x1, y);
	for (v = 0; v <= (percent ? 100 : max) + 1e-9; v += step) {
		x = x0 + (x1 - x0) * v / (percent ? 100 : max);
		if (percent)
			snprintf(buf, sizeof buf, "%.0f%%", v);
		else
			count_label(buf, sizeof buf, v);
		fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%s</text>", x, y, x, y + 5, x,
		    y + 18, buf);
	}
	fprintf(fp, "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" "
	    "text-anchor=\"middle\">", (x0 + x1) / 2, y + 36);
	html_esc(fp, label);
	fputs("</text></g>\n", fp);
}

/* -------------------------------------------------------------- bar charts */

void
svg_bars(FILE *fp, const struct svg_bars *c)
{
	struct legend_item	 li[2];
	size_t			 nli = 0, i;
	double			 x0 = LABEL_COL, x1 = W - NOTE_COL, max = c->max;
	double			 top, lh, h, y, w, frac;

	li[nli].kind = LEG_BOX;
	li[nli].color = c->color;
	li[nli++].label = c->series;
	if (c->mark > 0 || c->percent) {
		li[nli].kind = LEG_DASH;
		li[nli].color = "#c62828";
		li[nli++].label = c->mark_label;
	}
	if (!c->percent) {
		for (i = 0; i < c->nrows; i++)
			if (c->rows[i].value > max)
				max = c->rows[i].value;
		if (c->mark > max)
			max = c->mark;
		if (max <= 0)
			max = 1;
	}
	lh = legend(fp, li, nli, 0, 0);
	top = 18 + lh;
	h = top + (double)c->nrows * ROW_H + 48;
	svg_open(fp, h, c->title, c->desc);
	legend(fp, li, nli, 18, 1);
	for (i = 0; i < c->nrows; i++) {
		const struct svg_bar_row *r = &c->rows[i];

		y = top + (double)i * ROW_H;
		fputs("<g class=\"row\">", fp);
		row_tip(fp, r->label, r->suffix, r->note);
		row_label(fp, y + BAR_H - 3, r->label, r->suffix);
		if (c->percent) {
			frac = r->of > 0 ? r->value / r->of : 0;
			fprintf(fp, "<rect class=\"track\" x=\"%.1f\" "
			    "y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>", x0,
			    y + 2, x1 - x0, BAR_H);
		} else
			frac = r->value / max;
		if (frac > 1)
			frac = 1;
		w = (x1 - x0) * (frac > 0 ? frac : 0);
		if (r->value > 0 && w < 1)
			w = 1;
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"%s\"/>", x0, y + 2, w, BAR_H,
		    c->color);
		fprintf(fp, "<text class=\"note\" x=\"%.1f\" y=\"%.1f\">",
		    x1 + 8, y + BAR_H - 3);
		html_esc(fp, r->note);
		fputs("</text></g>\n", fp);
	}
	y = top + (double)c->nrows * ROW_H;
	if (c->mark > 0 || c->percent) {
		double mx = c->percent ? x1 : x0 + (x1 - x0) * c->mark / max;

		fprintf(fp, "<line class=\"mark\" x1=\"%.1f\" y1=\"%.1f\" "
		    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c62828\" "
		    "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n", mx,
		    top - 4, mx, y + 2);
	}
	x_axis(fp, x0, x1, y + 4, max, c->percent, c->axis);
	fputs("</svg>\n", fp);
}

void
svg_stack(FILE *fp, const struct svg_stack *c)
{
	struct legend_item	 li[sizeof svg_state_order /
				    sizeof svg_state_order[0] + 8];
	const char		*extra[8];
	size_t			 nli = 0, nextra = 0, i, j, k;
	double			 x0 = LABEL_COL, x1 = W - NOTE_COL;
	double			 top, h, y, x, w, total;
	char			 tip[256], pc[16], cnt[32];

	/* The states used, in the canonical order; others after them. */
	for (k = 0; svg_state_order[k] != NULL; k++)
		for (i = 0; i < c->nrows; i++) {
			for (j = 0; j < c->rows[i].nsegs; j++)
				if (strcmp(c->rows[i].segs[j].state,
				    svg_state_order[k]) == 0 &&
				    c->rows[i].segs[j].value > 0)
					break;
			if (j < c->rows[i].nsegs) {
				li[nli].kind = LEG_BOX;
				li[nli].color = state_color(svg_state_order[k]);
				li[nli++].label = svg_state_order[k];
				break;
			}
		}
	for (i = 0; i < c->nrows; i++)
		for (j = 0; j < c->rows[i].nsegs; j++) {
			const char *s = c->rows[i].segs[j].state;

			for (k = 0; svg_state_order[k] != NULL; k++)
				if (strcmp(s, svg_state_order[k]) == 0)
					break;
			if (svg_state_order[k] != NULL)
				continue;
			for (k = 0; k < nextra; k++)
				if (strcmp(extra[k], s) == 0)
					break;
			if (k == nextra && nextra < 8) {
				extra[nextra++] = s;
				li[nli].kind = LEG_BOX;
				li[nli].color = state_color(s);
				li[nli++].label = s;
			}
		}
	top = 18 + legend(fp, li, nli, 0, 0);
	h = top + (double)c->nrows * ROW_H + 48;
	svg_open(fp, h, c->title, c->desc);
	legend(fp, li, nli, 18, 1);
	for (i = 0; i < c->nrows; i++) {
		const struct svg_stack_row *r = &c->rows[i];

		y = top + (double)i * ROW_H;
		total = 0;
		for (j = 0; j < r->nsegs; j++)
			total += r->segs[j].value;
		fputs("<g class=\"row\">", fp);
		row_tip(fp, r->label, r->suffix, r->note);
		row_label(fp, y + BAR_H - 3, r->label, r->suffix);
		x = x0;
		for (j = 0; j < r->nsegs && total > 0; j++) {
			if (r->segs[j].value <= 0)
				continue;
			w = (x1 - x0) * r->segs[j].value / total;
			fprintf(fp, "<rect x=\"%.2f\" y=\"%.1f\" "
			    "width=\"%.2f\" height=\"%d\" fill=\"%s\">", x,
			    y + 2, w < 0.5 ? 0.5 : w, BAR_H,
			    state_color(r->segs[j].state));
			snprintf(tip, sizeof tip, ": %s sockets (%s)",
			    fmt_count(cnt, sizeof cnt,
			    lround(r->segs[j].value)),
			    fmt_pct(pc, sizeof pc, r->segs[j].value / total));
			fputs("<title>", fp);
			html_esc(fp, r->segs[j].state);
			html_esc(fp, tip);
			fputs("</title></rect>", fp);
			x += w;
		}
		fprintf(fp, "<text class=\"note\" x=\"%.1f\" y=\"%.1f\">",
		    x1 + 8, y + BAR_H - 3);
		html_esc(fp, r->note);
		fputs("</text></g>\n", fp);
	}
	y = top + (double)c->nrows * ROW_H;
	x_axis(fp, x0, x1, y + 4, 100, 1, c->axis);
	fputs("</svg>\n", fp);
}

/* ------------------------------------------------------------- line chart */

void
svg_lines(FILE *fp, const struct svg_lines *c)
{
	static const double	 steps[] = {
		1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
		10800, 21600, 43200, 86400, 172800, 604800, 2592000, 31536000
	};
	struct legend_item	 li[16];
	size_t			 nli = 0, i, j;
	double			 t0 = 0, t1 = 0, vmax = 0, top, h, bottom;
	double			 x0 = 84, x1 = W - 24, step = 0, t, v, x;
	double			 ymax, ystep, pt1, pv1;
	char			 buf[48], vb[32], limit[160];
	int			 first = 1, with_day, limit_on;

	for (i = 0; i < c->nseries; i++) {
		if (nli < 13) {
			li[nli].kind = LEG_LINE;
			li[nli].color = c->series[i].color;
			li[nli++].label = c->series[i].label;
		}
		for (j = 0; j < c->series[i].npts; j++) {
			t = c->series[i].pts[j].t;
			v = c->series[i].pts[j].v;
			if (first || t < t0)
				t0 = t;
			if (first || t > t1)
				t1 = t;
			if (v > vmax)
				vmax = v;
			first = 0;
		}
	}
	/* A range far above the data would flatten every line: leave it out. */
	limit_on = c->limit > 0 && vmax >= c->limit * 0.25;
	if (c->limit > 0) {
		snprintf(limit, sizeof limit, "%s%s", c->limit_label != NULL ?
		    c->limit_label : "the limit", limit_on ? "" :
		    " (far above this scale)");
		li[nli].kind = LEG_DASH;
		li[nli].color = "#c62828";
		li[nli++].label = limit;
	}
	if (c->has_proj) {
		li[nli].kind = LEG_DASH;
		li[nli].color = "#263238";
		li[nli++].label = c->proj_label;
	}
	if (c->horizon > t1)
		t1 = c->horizon;
	if (t1 <= t0)
		t1 = t0 + 3600;
	if (limit_on && c->limit > vmax)
		vmax = c->limit;
	if (vmax <= 0)
		vmax = 1;
	ystep = nice_step(vmax * 1.05, 5);
	ymax = ceil(vmax * 1.05 / ystep) * ystep;

	top = 18 + legend(fp, li, nli, 0, 0) + 8;
	bottom = top + 280;
	h = bottom + 50;
	svg_open(fp, h, c->title, c->desc);
	legend(fp, li, nli, 18, 1);

#define XOF(tt)	(x0 + (x1 - x0) * ((tt) - t0) / (t1 - t0))
#define YOF(vv)	(bottom - (bottom - top) * (vv) / ymax)

	/* The y axis, with a grid line at every tick. */
	fputs("<g class=\"axis\">", fp);
	for (v = 0; v <= ymax + 1e-9; v += ystep) {
		count_label(vb, sizeof vb, v);
		fprintf(fp, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
		    "x2=\"%.1f\" y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">%s</text>", x0, YOF(v), x1, YOF(v),
		    x0 - 6, YOF(v) + 4, vb);
	}
	fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
	    x0, top, x0, bottom);
	fprintf(fp, "<text class=\"axis-label\" transform=\"translate(16 "
	    "%.1f) rotate(-90)\" text-anchor=\"middle\">", (top + bottom) / 2);
	html_esc(fp, c->axis);
	fputs("</text>", fp);

	/* The x axis: times on the capture's clock. */
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		step = steps[i];
		if ((t1 - t0) / step <= 7)
			break;
	}
	with_day = floor(t0 / 86400) != floor(t1 / 86400);
	fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
	    x0, bottom, x1, bottom);
	for (t = ceil(t0 / step) * step; t <= t1 + 1e-6; t += step) {
		fmt_time(buf, sizeof buf, t, with_day, step >= 86400 ? T_DAY :
		    step < 60 ? T_HMS : T_HM);
		fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%s</text>", XOF(t), bottom, XOF(t),
		    bottom + 5, XOF(t), bottom + 18, buf);
	}
	fmt_time(buf, sizeof buf, t0, 0, T_DAY);
	fprintf(fp, "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" "
	    "text-anchor=\"middle\">time of the snapshot, on the captured "
	    "machine's clock (from %s)</text></g>\n", (x0 + x1) / 2,
	    bottom + 38, buf);

	if (limit_on)
		fprintf(fp, "<line class=\"limit\" x1=\"%.1f\" y1=\"%.1f\" "
		    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c62828\" "
		    "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n", x0,
		    YOF(c->limit), x1, YOF(c->limit));

	/* The projection, cut at the end of the axis. */
	if (c->has_proj && c->proj_t1 > c->proj_t0) {
		pt1 = c->proj_t1;
		pv1 = c->proj_v1;
		if (pt1 > t1) {
			pv1 = c->proj_v0 + (c->proj_v1 - c->proj_v0) *
			    (t1 - c->proj_t0) / (c->proj_t1 - c->proj_t0);
			pt1 = t1;
		}
		if (pv1 > ymax) {
			pt1 = c->proj_t0 + (pt1 - c->proj_t0) *
			    (ymax - c->proj_v0) / (pv1 - c->proj_v0);
			pv1 = ymax;
		}
		fprintf(fp, "<g class=\"projection\"><line x1=\"%.1f\" "
		    "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#263238\" "
		    "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
		    XOF(c->proj_t0), YOF(c->proj_v0), XOF(pt1), YOF(pv1));
		if (pt1 == c->proj_t1 && pv1 == c->proj_v1)
			fprintf(fp, "<path d=\"M%.1f %.1fl12 12m0 -12l-12 12\" "
			    "stroke=\"#c62828\" stroke-width=\"2.5\" "
			    "fill=\"none\"/>", XOF(pt1) - 6, YOF(pv1) - 6);
		if (c->proj_note != NULL) {
			x = XOF(pt1);
			fprintf(fp, "<text class=\"proj-note\" x=\"%.1f\" "
			    "y=\"%.1f\" text-anchor=\"%s\">", x > x1 - 200 ?
			    x - 10 : x + 10, YOF(pv1) - 12 < top + 12 ?
			    YOF(pv1) + 24 : YOF(pv1) - 12, x > x1 - 200 ?
			    "end" : "start");
			html_esc(fp, c->proj_note);
			fputs("</text>", fp);
		}
		fputs("</g>\n", fp);
	}

	/* The series: a line through the points, a dot on each. */
	for (i = 0; i < c->nseries; i++) {
		const struct svg_series *s = &c->series[i];

		fputs("<g class=\"series\"><title>", fp);
		html_esc(fp, s->label);
		fputs("</title>", fp);
		if (s->npts > 1) {
			fputs("<polyline fill=\"none\" points=\"", fp);
			for (j = 0; j < s->npts; j++)
				fprintf(fp, "%s%.1f,%.1f", j ? " " : "",
				    XOF(s->pts[j].t), YOF(s->pts[j].v));
			fprintf(fp, "\" stroke=\"%s\" stroke-width=\"%s\"/>",
			    s->color, s->bold ? "3.5" : "2");
		}
		for (j = 0; j < s->npts; j++) {
			fmt_time(buf, sizeof buf, s->pts[j].t, 1, T_HMS);
			fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" "
			    "fill=\"%s\"><title>", XOF(s->pts[j].t),
			    YOF(s->pts[j].v), s->bold ? "4.5" : "3.5",
			    s->color);
			html_esc(fp, s->label);
			fprintf(fp, ": %s at %s</title></circle>",
			    fmt_count(vb, sizeof vb, lround(s->pts[j].v)), buf);
		}
		fputs("</g>\n", fp);
	}
#undef XOF
#undef YOF
	fputs("</svg>\n", fp);
}
