/*
 * json.c — the whole report as one JSON document (RFC 8259), written as it
 * goes with stdio: no JSON library, nothing held in memory but the analysis.
 *
 *   {
 *     "meta": {...},
 *     "snapshots": [ {"snapshot_id": 1, ...}, ... ],
 *     "findings": [...], ... every table of struct analysis, in its order,
 *     "diff": {...}                                    (only with --diff)
 *   }
 *
 * Each table is a list of objects, one per row, keyed by the column names
 * of the case file.  Integers and reals are numbers (a real always carries
 * a '.' or an exponent, in the shortest form that reads back as the same
 * double; not finite: null), NULL is null, text a string.  Strings escape
 * '"' and '\\' with a backslash and every control character (U+0000-U+001F,
 * U+007F) as \u00XX; the rest passes through as UTF-8.  A byte sequence
 * that is not UTF-8 (the decoder makes sure none is stored) would be
 * written as U+FFFD, so the output is always valid UTF-8.
 *
 * docs/json.md documents every key.  The renderer runs no SQL: it reads
 * struct analysis and struct diff.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/diff.h"
#include "reports/render.h"

/* The version of this document's layout (docs/json.md); meta.json_version. */
#define JSON_VERSION	1

static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */

/*
 * The length of the valid UTF-8 sequence at s (1-4), or 0 when the bytes
 * there are not one: a stray continuation byte, a truncated sequence, an
 * overlong form, a surrogate, or more than U+10FFFF.
 */
static size_t
utf8_len(const unsigned char *s)
{
	size_t	n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (s[0] == 0xE0 && s[1] < 0xA0)
		return 0;		/* overlong */
	if (s[0] == 0xED && s[1] >= 0xA0)
		return 0;		/* surrogate */
	if (s[0] == 0xF0 && s[1] < 0x90)
		return 0;		/* overlong */
	if (s[0] == 0xF4 && s[1] >= 0x90)
		return 0;		/* above U+10FFFF */
	return n;
}

static void
put_string(FILE *fp, const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	const unsigned char	*run = s;
	size_t			 n;

	fputc('"', fp);
	while (*s != '\0') {
		if (*s >= 0x20 && *s < 0x7F && *s != '"' && *s != '\\') {
			s++;
			continue;
		}
		if (*s >= 0x80 && (n = utf8_len(s)) > 0) {
			s += n;
			continue;
		}
		fwrite(run, 1, (size_t)(s - run), fp);
		if (*s == '"')
			fputs("\\\"", fp);
		else if (*s == '\\')
			fputs("\\\\", fp);
		else if (*s < 0x20 || *s == 0x7F)
			fprintf(fp, "\\u%04x", (unsigned)*s);
		else
			fputs(replacement, fp);
		run = ++s;
	}
	fwrite(run, 1, (size_t)(s - run), fp);
	fputc('"', fp);
}

static void
put_string_or_null(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		put_string(fp, s);
}

/* A finite real as fmt_real() writes it; null for NaN and infinities. */
static void
put_real(FILE *fp, double r)
{
	char	buf[64];

	if (!isfinite(r)) {
		fputs("null", fp);
		return;
	}
	fputs(fmt_real(buf, sizeof buf, r), fp);
}

static void
put_value(FILE *fp, const struct a_value *v)
{
	switch (v->type) {
	case A_INT:
		fprintf(fp, "%lld", v->i);
		break;
	case A_REAL:
		put_real(fp, v->r);
		break;
	case A_TEXT:
		put_string_or_null(fp, v->s);
		break;
	case A_NULL:
	default:
		fputs("null", fp);
		break;
	}
}

/* "key": with the separator before it; *first tracks the object. */
static void
put_key(FILE *fp, const char *key, int *first)
{
	if (!*first)
		fputs(", ", fp);
	*first = 0;
	put_string(fp, key);
	fputs(": ", fp);
}

static void
put_long(FILE *fp, const char *key, long long n, int *first)
{
	put_key(fp, key, first);
	fprintf(fp, "%lld", n);
}

/* n, or null when n is below 0 (a PID the input did not give). */
static void
put_pid(FILE *fp, const char *key, long n, int *first)
{
	put_key(fp, key, first);
	if (n < 0)
		fputs("null", fp);
	else
		fprintf(fp, "%ld", n);
}

static void
put_text_field(FILE *fp, const char *key, const char *s, int *first)
{
	put_key(fp, key, first);
	put_string_or_null(fp, s);
}

static void
put_bool(FILE *fp, const char *key, int b, int *first)
{
	put_key(fp, key, first);
	fputs(b ? "true" : "false", fp);
}

static void
put_meta(FILE *fp, const struct analysis *a, const struct render_opts *ro)
{
	int	first = 1;

	fputs("  \"meta\": {", fp);
	put_text_field(fp, "generator", "portsift", &first);
#ifdef PORTSIFT_VERSION
	put_text_field(fp, "version", PORTSIFT_VERSION, &first);
#else
	put_text_field(fp, "version", NULL, &first);
#endif
	put_long(fp, "json_version", JSON_VERSION, &first);
	put_text_field(fp, "case", ro != NULL ? ro->case_name : NULL, &first);
	put_long(fp, "snapshots_in_case", (long long)a->total_snaps, &first);
	put_key(fp, "snapshots_selected", &first);
	{
		size_t	i;

		fputc('[', fp);
		for (i = 0; i < a->nsnaps; i++)
			fprintf(fp, "%s%ld", i > 0 ? ", " : "",
			    a->snaps[i].seq);
		fputc(']', fp);
	}
	put_long(fp, "issues_in_case", a->total_issues, &first);
	fputs("}", fp);
}

static void
put_table(FILE *fp, const struct a_table *t)
{
	size_t	r, c;

	fputs("  ", fp);
	put_string(fp, t->name);
	fputs(": [", fp);
	for (r = 0; r < t->nrows; r++) {
		fputs(r > 0 ? ",\n    {" : "\n    {", fp);
		for (c = 0; c < t->ncols; c++) {
			if (c > 0)
				fputs(", ", fp);
			put_string(fp, t->cols[c]);
			fputs(": ", fp);
			put_value(fp, &t->v[r * t->ncols + c]);
		}
		fputc('}', fp);
	}
	fputs(t->nrows > 0 ? "\n  ]" : "]", fp);
}

static void
put_diff_snap(FILE *fp, const char *key, const struct diff_snap *s)
{
	int	first = 1;

	fprintf(fp, "    \"%s\": {", key);
	put_long(fp, "snapshot_id", s->id, &first);
	put_long(fp, "seq", s->seq, &first);
	put_text_field(fp, "label", s->label, &first);
	put_text_field(fp, "taken_at", s->taken_at, &first);
	put_text_field(fp, "file", s->file, &first);
	put_long(fp, "first_line", s->first_line, &first);
	put_long(fp, "range_lo", s->range_lo, &first);
	put_long(fp, "range_hi", s->range_hi, &first);
	put_long(fp, "sockets", s->sockets, &first);
	put_long(fp, "ports_held", s->ports_held, &first);
	fputs("},\n", fp);
}

static void
put_diff_proc(FILE *fp, const struct diff_proc *p)
{
	const char	*change = NULL;
	size_t		 i;
	int		 first = 1, f;

	if (!p->in_a && p->in_b)
		change = "came";
	else if (p->in_a && !p->in_b)
		change = "went";
	fputs("{", fp);
	put_text_field(fp, "process", p->process, &first);
	put_pid(fp, "pid", p->pid, &first);
	put_long(fp, "ports_a", p->ports_a, &first);
	put_long(fp, "ports_b", p->ports_b, &first);
	put_long(fp, "delta", (long long)p->ports_b - p->ports_a, &first);
	put_bool(fp, "in_a", p->in_a, &first);
	put_bool(fp, "in_b", p->in_b, &first);
	put_text_field(fp, "change", change, &first);
	put_bool(fp, "restarted", p->restarted, &first);
	put_key(fp, "states", &first);
	fputc('[', fp);
	for (i = 0; i < p->nstates; i++) {
		f = 1;
		fputs(i > 0 ? ", {" : "{", fp);
		put_text_field(fp, "state", p->states[i].state, &f);
		put_long(fp, "a", p->states[i].a, &f);
		put_long(fp, "b", p->states[i].b, &f);
		put_long(fp, "delta", (long long)p->states[i].b -
		    p->states[i].a, &f);
		fputc('}', fp);
	}
	fputs("]}", fp);
}

static void
put_remotes(FILE *fp, const char *key, const struct diff_remote *r,
    size_t n, size_t total)
{
	size_t	i;
	int	first;

	fprintf(fp, "    \"%s\": [", key);
	for (i = 0; i < n; i++) {
		first = 1;
		fputs(i > 0 ? ",\n      {" : "\n      {", fp);
		put_text_field(fp, "endpoint", r[i].endpoint, &first);
		put_long(fp, "sockets", r[i].sockets, &first);
		fputc('}', fp);
	}
	fputs(n > 0 ? "\n    ],\n" : "],\n", fp);
	fprintf(fp, "    \"%s_total\": %zu", key, total);
}

static void
put_diff(FILE *fp, const struct diff *d)
{
	size_t	i;

	fputs("  \"diff\": {\n", fp);
	put_diff_snap(fp, "a", &d->a);
	put_diff_snap(fp, "b", &d->b);
	/*
	 * SQLite's julianday() difference is off by some microseconds
	 * (900.0000268 for 15 minutes); stamps are at most millisecond-exact.
	 */
	fputs("    \"elapsed_seconds\": ", fp);
	if (d->has_elapsed)
		put_real(fp, round(d->elapsed * 1000.0) / 1000.0);
	else
		fputs("null", fp);
	fprintf(fp, ",\n    \"ports_held_delta\": %lld,\n",
	    (long long)d->b.ports_held - d->a.ports_held);
	fputs("    \"processes\": [", fp);
	for (i = 0; i < d->nprocs; i++) {
		fputs(i > 0 ? ",\n      " : "\n      ", fp);
		put_diff_proc(fp, &d->procs[i]);
	}
	fputs(d->nprocs > 0 ? "\n    ],\n" : "],\n", fp);
	fprintf(fp, "    \"processes_total\": %zu,\n", d->total_procs);
	put_remotes(fp, "appeared", d->appeared, d->nappeared,
	    d->total_appeared);
	fputs(",\n", fp);
	put_remotes(fp, "vanished", d->vanished, d->nvanished,
	    d->total_vanished);
	fputs("\n  }", fp);
}

int
render_json(FILE *fp, const struct analysis *a, const struct render_opts *ro)
{
	size_t	i;

	fputs("{\n", fp);
	put_meta(fp, a, ro);
	for (i = 0; i < a->ntables; i++) {
		fputs(",\n", fp);
		put_table(fp, &a->tables[i]);
	}
	if (ro != NULL && ro->diff != NULL) {
		fputs(",\n", fp);
		put_diff(fp, ro->diff);
	}
	fputs("\n}\n", fp);
	return ferror(fp) ? -1 : 0;
}
