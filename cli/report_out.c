/*
 * report_out.c — load the analyses, render, and write the result whole
 * (cli/output.c: a temporary file renamed into place).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "cli/report_out.h"
#include "db/store.h"
#include "reports/analysis.h"
#include "reports/diff.h"
#include "reports/refresh.h"
#include "reports/render.h"

struct renderer {
	const char	*name;
	int		(*render)(FILE *, const struct analysis *,
			    const struct render_opts *);
};

static const struct renderer renderers[] = {
	{ "text", render_text },
	{ "csv", render_csv },
	{ "json", render_json },
	{ "html", render_html },
	{ NULL, NULL }
};

static const struct renderer *
find_renderer(const char *name)
{
	const struct renderer	*r;

	for (r = renderers; r->name != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

void
report_defaults(struct report_opts *o)
{
	memset(o, 0, sizeof *o);
	o->top = 10;
	findings_defaults(&o->findings);
}

int
report_option(const char *cmd, int ch, const char *arg, struct report_opts *o)
{
	char	*end;
	long	 n;

	switch (ch) {
	case 'F':
		if (find_renderer(arg) == NULL) {
			usage(cmd, "unknown report format '%s' (known: text, "
			    "csv, json, html)", arg);
			return -1;
		}
		o->format = arg;
		return 1;
	case 'o':
		o->output = arg;
		return 1;
	case 's':
		o->snapshot = arg;
		return 1;
	case 't':
		n = strtol(arg, &end, 10);
		if (end == arg || *end != '\0' || n < 0 || n > INT_MAX) {
			usage(cmd, "--top wants a number, not '%s'", arg);
			return -1;
		}
		o->top = (int)n;
		return 1;
	case 'B':
		o->table = arg;
		return 1;
	case 'A':
		o->all = 1;
		return 1;
	case 'W':
		o->csv_raw = 1;
		return 1;
	case 'V':
		if (strchr(arg, ',') == NULL || arg[0] == ',' ||
		    arg[strlen(arg) - 1] == ',') {
			usage(cmd, "--diff wants A,B (two snapshots), not '%s'",
			    arg);
			return -1;
		}
		o->diff = arg;
		return 1;
	case 'X':
		if (findings_threshold(&o->findings, arg) == -1) {
			usage(cmd, "--threshold wants NAME=VALUE, one of:\n%s"
			    "not '%s'", findings_thresholds_help, arg);
			return -1;
		}
		return 1;
	}
	return 0;
}

struct rendering {
	const struct renderer		*r;
	const struct analysis		*a;
	const struct render_opts	*ro;
};

static int
render(FILE *fp, const void *arg)
{
	const struct rendering	*x = arg;

	return x->r->render(fp, x->a, x->ro);
}

/* --diff A,B: the two names, in buffers of the caller. */
static void
split_diff(const char *arg, char *a, char *b, size_t len)
{
	const char	*comma = strchr(arg, ',');

	snprintf(a, len, "%.*s", (int)(comma - arg), arg);
	snprintf(b, len, "%s", comma + 1);
}

/* csv --all: one NAME.csv per table in the directory o->output. */
static int
write_all(const struct renderer *r, const struct analysis *a,
    struct render_opts *ro, const char *dir)
{
	struct rendering	 x;
	struct stat		 sb;
	char			 path[PATH_MAX];
	size_t			 i;
	int			 rc, worst = EXIT_DONE;

	if (dir == NULL || strcmp(dir, "-") == 0) {
		fprintf(stderr, "portsift: --all writes one file per table: "
		    "name a directory with -o DIR\n");
		return EXIT_USAGE;
	}
	if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "portsift: %s: not a directory (--all writes one "
		    "file per table into -o DIR)\n", dir);
		return EXIT_USAGE;
	}
	if (stat(dir, &sb) == -1 && mkdir(dir, 0700) == -1) {
		fprintf(stderr, "portsift: %s: %s\n", dir, strerror(errno));
		return EXIT_UNREADABLE;
	}
	for (i = 0; i < a->ntables; i++) {
		ro->table = a->tables[i].name;
		snprintf(path, sizeof path, "%s/%s.csv", dir,
		    a->tables[i].name);
		x.r = r;
		x.a = a;
		x.ro = ro;
		if ((rc = output_write(path, render, &x)) > worst)
			worst = rc;
	}
	return worst;
}

int
report_write(struct store *store, const struct report_opts *o)
{
	const struct renderer	*r = find_renderer(o->format ? o->format :
				    "text");
	struct analysis_opts	 ao;
	struct analysis		 a;
	struct render_opts	 ro;
	struct rendering	 x;
	struct diff_opts	 dopts;
	struct diff		 d;
	char			 err[512], da[128], db[128];
	int			 rc, have_diff = 0;

	if ((o->all || o->table || o->csv_raw) && strcmp(r->name, "csv") != 0)
		return usage("report", "--table, --all and --csv-raw are for "
		    "--format csv");
	if (o->diff != NULL && strcmp(r->name, "html") != 0 &&
	    strcmp(r->name, "json") != 0)
		return usage("report", "--diff is for --format html or json "
		    "(`portsift diff` prints it as text)");
	if (analysis_refresh_if_stale(store_sqlite(store), err,
	    sizeof err) == -1 ||
	    findings_refresh(store_sqlite(store), &o->findings, err,
	    sizeof err) == -1) {
		fprintf(stderr, "portsift: %s\n", err);
		return EXIT_UNREADABLE;
	}
	memset(&ao, 0, sizeof ao);
	ao.snapshot = o->snapshot;
	ao.top = o->top;
	ao.max_issues = 20;
	ao.tables = strcmp(r->name, "text") != 0;
	if (analysis_load(store_sqlite(store), &ao, &a, err, sizeof err) ==
	    -1) {
		fprintf(stderr, "portsift: %s\n", err);
		return strncmp(err, "no snapshot", 11) == 0 ? EXIT_USAGE :
		    EXIT_UNREADABLE;
	}
	memset(&ro, 0, sizeof ro);
	ro.case_name = o->case_name;
	ro.table = o->table;
	ro.csv_raw = o->csv_raw;
	if (o->table != NULL && analysis_table(&a, o->table) == NULL) {
		analysis_free(&a);
		return usage("report", "no table '%s' (see README.md, \"The "
		    "case file\")", o->table);
	}
	if (o->diff != NULL) {
		memset(&dopts, 0, sizeof dopts);
		split_diff(o->diff, da, db, sizeof da);
		dopts.a = da;
		dopts.b = db;
		dopts.top = DIFF_TOP_DEFAULT;
		dopts.top_remotes = DIFF_TOP_REMOTES;
		if ((rc = diff_load(store_sqlite(store), &dopts, &d, err,
		    sizeof err)) != DIFF_OK) {
			fprintf(stderr, "portsift: %s\n", err);
			analysis_free(&a);
			return rc == DIFF_ENOSNAP ? EXIT_USAGE : EXIT_UNREADABLE;
		}
		have_diff = 1;
		ro.diff = &d;
	}
	if (o->all)
		rc = write_all(r, &a, &ro, o->output);
	else {
		x.r = r;
		x.a = &a;
		x.ro = &ro;
		rc = output_write(o->output, render, &x);
	}
	if (have_diff)
		diff_free(&d);
	analysis_free(&a);
	return rc;
}
