/*
 * csv.c — one analysis table as RFC 4180 CSV (libcsv).
 *
 * The first record names the table's columns, as the case file does; then
 * one record per row, each ended by CRLF.  Cells:
 *
 *   integer  as an integer ("-2" stays -2: numbers are never neutralized)
 *   real     the shortest form that reads back as the same double, always
 *            with a '.' or an exponent ("18.0", "0.0137939453125",
 *            "6.103515625e-05"), '.' whatever the locale; not finite: empty
 *   NULL     an empty cell
 *   text     UTF-8 as stored; quoted by libcsv (csv_fwrite, quotes doubled)
 *            when it holds a comma, a quote, CR or LF, starts or ends with
 *            a blank, or is empty ("" — so that it differs from NULL)
 *
 * A text cell whose first character is = + - @ tab or CR would be read by a
 * spreadsheet as a formula (CSV injection): it gets a leading single quote,
 * as OWASP advises, so "=HYPERLINK(...)" is written "'=HYPERLINK(...)".
 * --csv-raw (ro->csv_raw) writes such cells as they are.  docs/json.md and
 * README.md ("CSV and JSON") say the same to users.
 *
 * The renderer runs no SQL: it reads the table from struct analysis.
 */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/render.h"

#define CSV_DEFAULT_TABLE	"port_share"

/* The first characters a spreadsheet takes for the start of a formula. */
static int
formula_lead(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

static int
needs_quotes(const char *s, size_t n)
{
	return n == 0 || strpbrk(s, ",\"\r\n") != NULL ||
	    s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t';
}

static int
put_text(FILE *fp, const char *s, int neutralize)
{
	char	*tmp = NULL;
	size_t	 n = strlen(s);
	int	 rc;

	if (neutralize && formula_lead(s)) {
		if ((tmp = malloc(n + 2)) == NULL) {
			fprintf(stderr, "portsift: out of memory\n");
			exit(3);
		}
		tmp[0] = '\'';
		memcpy(tmp + 1, s, n + 1);
		s = tmp;
		n++;
	}
	if (needs_quotes(s, n))
		rc = csv_fwrite(fp, s, n) == 0 ? 0 : -1;
	else
		rc = fwrite(s, 1, n, fp) == n ? 0 : -1;
	free(tmp);
	return rc;
}


static int
put_value(FILE *fp, const struct a_value *v, int neutralize)
{
	char	buf[64];

	switch (v->type) {
	case A_INT:
		return fprintf(fp, "%lld", v->i) < 0 ? -1 : 0;
	case A_REAL:
		if (!isfinite(v->r))
			return 0;
		return fputs(fmt_real(buf, sizeof buf, v->r), fp) == EOF ?
		    -1 : 0;
	case A_TEXT:
		return put_text(fp, v->s != NULL ? v->s : "", neutralize);
	case A_NULL:
	default:
		return 0;
	}
}

int
render_csv(FILE *fp, const struct analysis *a, const struct render_opts *ro)
{
	const struct a_table	*t;
	const char		*name = ro != NULL && ro->table != NULL ?
				    ro->table : CSV_DEFAULT_TABLE;
	int			 neutralize = ro == NULL || !ro->csv_raw;
	size_t			 r, c;
	int			 rc = 0;

	if ((t = analysis_table(a, name)) == NULL) {
		fprintf(stderr, "portsift: csv: no table '%s' in the "
		    "analysis\n", name);
		return -1;
	}
	for (c = 0; c < t->ncols && rc == 0; c++) {
		if (c > 0 && fputc(',', fp) == EOF)
			rc = -1;
		else
			rc = put_text(fp, t->cols[c], neutralize);
	}
	if (rc == 0 && fputs("\r\n", fp) == EOF)
		rc = -1;
	for (r = 0; r < t->nrows && rc == 0; r++) {
		for (c = 0; c < t->ncols && rc == 0; c++) {
			if (c > 0 && fputc(',', fp) == EOF)
				rc = -1;
			else
				rc = put_value(fp, &t->v[r * t->ncols + c],
				    neutralize);
		}
		if (rc == 0 && fputs("\r\n", fp) == EOF)
			rc = -1;
	}
	return rc != 0 || ferror(fp) ? -1 : 0;
}
