/*
 * svg.h — the HTML report's escaper and its inline SVG charts.
 *
 * Everything here writes to a stream and runs no SQL.  Every string a chart
 * is given (labels, notes, titles) is written through html_esc(), whatever
 * its source: the charts need no trust in their callers.  The SVG is meant
 * to sit inside an HTML5 page, so it carries no xmlns (the HTML parser puts
 * it in the SVG namespace) and no reference to anything outside the page.
 *
 * Each chart is an <svg role="img"> whose first child is a <title> (and a
 * <desc>), with a legend (<g class="legend">) inside it, so that it prints
 * and reads whole on its own.
 */
#ifndef REPORTS_SVG_H
#define REPORTS_SVG_H

#include <stddef.h>
#include <stdio.h>

/*
 * s with & < > " ' written as entities, so that it is safe in element
 * content and in a quoted attribute alike.  Bytes that are not UTF-8, NUL
 * and the other control characters (but tab and LF), C1 controls and
 * Unicode noncharacters become U+FFFD; CR becomes a space.  The colon of
 * "://" is written as &#58;, so that no string from the input ever reads as
 * a URL in the page's source (nor is turned into a link by a mail client).
 */
void	html_esc(FILE *, const char *s);
/* The first len bytes of s, the same way. */
void	html_esc_n(FILE *, const char *s, size_t len);
/* At most n characters of s, cut with "…" when longer. */
void	html_esc_cut(FILE *, const char *s, size_t n);

/*
 * The color of a canonical TCP state: one per state, the same in every
 * chart, legend and table of the page.  Unknown names get a grey.
 */
const char *state_color(const char *state);
/* The canonical states, in the order legends list them; NULL-terminated. */
extern const char *const svg_state_order[];
/* Colors for the lines of a chart (process series); never a state color. */
const char *series_color(size_t i);

/*
 * "2026-11-23 08:47:12.35" (or with a T) as seconds on the capture's own
 * clock (days since 1970-01-01 * 86400 + seconds of the day, no time zone):
 * 0, or -1 when s is not such a time.
 */
int	svg_parse_time(const char *s, double *t);
/* t back as "2026-11-23 09:53" (with_day) or "09:53". */
void	svg_fmt_time(char *buf, size_t len, double t, int with_day);

/* A horizontal bar chart: one bar per row. */
struct svg_bar_row {
	const char	*label;		/* cut to fit; the tooltip has it whole */
	const char	*suffix;	/* after the label, never cut ("PID 4") */
	double		 value;
	double		 of;		/* percent charts: the row's whole */
	const char	*note;		/* right of the bar: "12,191 (74.4%)" */
};

struct svg_bars {
	const char	*title;		/* <title> */
	const char	*desc;		/* <desc> */
	const char	*axis;		/* the axis label, with its unit */
	const char	*series;	/* what a bar is, for the legend */
	const char	*color;
	int		 percent;	/* bars are value/of, axis 0-100% */
	double		 max;		/* count charts: the axis end */
	double		 mark;		/* a dashed line at this value; 0: none */
	const char	*mark_label;	/* its legend entry */
	const struct svg_bar_row *rows;
	size_t		 nrows;
};

/* A stacked bar per row, each segment a state, in state colors. */
struct svg_seg {
	const char	*state;
	double		 value;
};

struct svg_stack_row {
	const char		*label;
	const char		*suffix;
	const struct svg_seg	*segs;
	size_t			 nsegs;
	const char		*note;
};

struct svg_stack {
	const char			*title;
	const char			*desc;
	const char			*axis;
	const struct svg_stack_row	*rows;	/* each drawn as 100% */
	size_t				 nrows;
};

/* A line chart over time. */
struct svg_point {
	double	t;			/* svg_parse_time() */
	double	v;
};

struct svg_series {
	const char		*label;
	const char		*color;
	int			 bold;	/* the total: a thicker line */
	const struct svg_point	*pts;	/* by time */
	size_t			 npts;
};

struct svg_lines {
	const char		*title;
	const char		*desc;
	const char		*axis;		/* the y axis, with its unit */
	const struct svg_series	*series;
	size_t			 nseries;
	double			 limit;		/* a dashed line (range size); 0: none */
	const char		*limit_label;
	/* A projection: from the last point of the bold series to (t1, v1). */
	int			 has_proj;
	double			 proj_t0, proj_v0, proj_t1, proj_v1;
	const char		*proj_label;	/* its legend entry */
	const char		*proj_note;	/* written at its end */
	double			 horizon;	/* the x axis ends here at least */
};

void	svg_bars(FILE *, const struct svg_bars *);
void	svg_stack(FILE *, const struct svg_stack *);
void	svg_lines(FILE *, const struct svg_lines *);

#endif /* REPORTS_SVG_H */
