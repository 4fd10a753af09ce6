/*
 * report_out.c — load the analyses, render, and write the result whole
 * (cli/output.c: a temporary file renamed into place).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "cli/report_out.h"
#include "db/store.h"
#include "reports/analysis.h"
#include "reports/refresh.h"
#include "reports/render.h"

struct renderer {
	const char	*name;
	int		(*render)(FILE *, const struct analysis *,
			    const struct render_opts *);
};

static const struct renderer renderers[] = {
	{ "text", render_text },
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
			usage(cmd, "unknown report format '%s' (known: text)",
			    arg);
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

int
report_write(struct store *store, const struct report_opts *o)
{
	const struct renderer	*r = find_renderer(o->format ? o->format :
				    "text");
	struct analysis_opts	 ao;
	struct analysis		 a;
	struct render_opts	 ro;
	struct rendering	 x;
	char			 err[512];
	int			 rc;

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
	if (analysis_load(store_sqlite(store), &ao, &a, err, sizeof err) ==
	    -1) {
		fprintf(stderr, "portsift: %s\n", err);
		return strncmp(err, "no snapshot", 11) == 0 ? EXIT_USAGE :
		    EXIT_UNREADABLE;
	}
	memset(&ro, 0, sizeof ro);
	ro.case_name = o->case_name;

	x.r = r;
	x.a = &a;
	x.ro = &ro;
	rc = output_write(o->output, render, &x);
	analysis_free(&a);
	return rc;
}
