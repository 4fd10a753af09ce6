/*
 * report_out.c — load the analyses, render, and write the result whole.
 *
 * A report written to a file goes to a temporary file beside it first and is
 * renamed into place when complete, so a failed run never leaves half a
 * report; a path that exists and is not a regular file is refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/report_out.h"
#include "db/store.h"
#include "reports/analysis.h"
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

static int
open_output(const char *path, char *tmp, size_t tmplen, FILE **fp)
{
	struct stat	sb;
	int		fd;

	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		fprintf(stderr, "portsift: %s: exists and is not a regular "
		    "file: not overwritten\n", path);
		return -1;
	}
	if ((size_t)snprintf(tmp, tmplen, "%s.XXXXXX", path) >= tmplen) {
		fprintf(stderr, "portsift: %s: path too long\n", path);
		return -1;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		fprintf(stderr, "portsift: %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	if ((*fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "portsift: %s: %s\n", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	return 0;
}

int
report_write(struct store *store, const struct report_opts *o)
{
	const struct renderer	*r = find_renderer(o->format ? o->format :
				    "text");
	struct analysis_opts	 ao;
	struct analysis		 a;
	struct render_opts	 ro;
	char			 err[512], tmp[PATH_MAX];
	FILE			*fp = stdout;
	int			 to_file, rc;

	if (findings_refresh(store_sqlite(store), &o->findings, err,
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

	to_file = o->output != NULL && strcmp(o->output, "-") != 0;
	if (to_file && open_output(o->output, tmp, sizeof tmp, &fp) == -1) {
		analysis_free(&a);
		return EXIT_UNREADABLE;
	}
	rc = r->render(fp, &a, &ro);
	analysis_free(&a);
	if (fflush(fp) != 0)
		rc = -1;
	if (!to_file)
		return rc == 0 ? EXIT_DONE : EXIT_UNREADABLE;
	if (fclose(fp) != 0 || rc != 0) {
		fprintf(stderr, "portsift: %s: %s: nothing written\n",
		    o->output, strerror(errno));
		unlink(tmp);
		return EXIT_UNREADABLE;
	}
	if (rename(tmp, o->output) == -1) {
		fprintf(stderr, "portsift: %s: %s\n", o->output,
		    strerror(errno));
		unlink(tmp);
		return EXIT_UNREADABLE;
	}
	return EXIT_DONE;
}
