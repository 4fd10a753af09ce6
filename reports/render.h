/*
 * render.h — the renderers: analysis results in, one output format out.
 *
 * A renderer receives a loaded struct analysis and a stream; it runs no SQL.
 * One file per format.  The helpers here are shared by all of them.
 */
#ifndef REPORTS_RENDER_H
#define REPORTS_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "reports/analysis.h"

struct diff;

struct render_opts {
	const char		*case_name;	/* the case file as given, or NULL */
	const char		*table;		/* csv: the table to write */
	int			 csv_raw;	/* csv: no formula neutralization */
	const struct diff	*diff;		/* html, json: --diff, or NULL */
};

int	render_text(FILE *, const struct analysis *, const struct render_opts *);
/* One table as RFC 4180 CSV (libcsv): ro->table, default port_share. */
int	render_csv(FILE *, const struct analysis *, const struct render_opts *);
/* One JSON document with every table (docs/json.md). */
int	render_json(FILE *, const struct analysis *, const struct render_opts *);
/* One self-contained HTML page: inline CSS and SVG, no external resource. */
int	render_html(FILE *, const struct analysis *, const struct render_opts *);
/* `portsift snapshots`: one line per snapshot. */
int	render_snapshot_list(FILE *, const struct analysis *);

/* "12,932" into buf; returns buf. */
char	*fmt_count(char *buf, size_t len, long n);
/*
 * A real as data (CSV, JSON): the shortest of %.15g..%.17g that reads back
 * as the same double, '.' whatever the locale, ".0" when it would read as
 * an integer.  Returns buf.
 */
char	*fmt_real(char *buf, size_t len, double r);
/* "+9,000", "-12", "0" into buf; returns buf. */
char	*fmt_delta(char *buf, size_t len, long n);
/* Minutes left: "17 min", "21.9 hours", "79 days"; returns buf. */
char	*fmt_left(char *buf, size_t len, double minutes);
/* A length of time: "48 min 59 s", "2 h 5 min", "3 d 4 h"; returns buf. */
char	*fmt_duration(char *buf, size_t len, double seconds);
/* "4321", or "-" for no PID (pid < 0), into buf; returns buf. */
char	*fmt_pid(char *buf, size_t len, long pid);
/* "78.9%" into buf (share in 0..1); returns buf. */
char	*fmt_pct(char *buf, size_t len, double share);
/* Characters (UTF-8 code points) in s; bytes in its first n characters. */
size_t	text_width(const char *s);
size_t	text_prefix(const char *s, size_t n);
/* s in a column of w characters, padded, or cut with "…" when longer. */
void	text_cell(FILE *, const char *s, size_t w, int right);

/* How a process is named: "w3wp.exe", "(PID 0)", "(no PID in input)". */
const char *process_label(const char *process, long pid, char *buf, size_t len);

#endif /* REPORTS_RENDER_H */
