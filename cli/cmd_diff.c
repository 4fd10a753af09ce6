/*
 * cmd_diff.c — `portsift diff --db CASE A B`: what changed between two
 * snapshots of a case file.
 *
 * Parses the options, names the two snapshots, and hands them to
 * reports/diff.c, which reads the views and renders the text.  Output to a
 * file (-o) goes to a temporary file beside it first and is renamed into
 * place when complete, so a failed run never leaves half of it; a path that
 * exists and is not a regular file is refused.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "db/store.h"
#include "reports/diff.h"

static const char help[] =
"usage: portsift diff --db CASE [OPTIONS] A B\n"
"\n"
"Compare two snapshots of a case file: the dynamic ports held in each and\n"
"the change; per process (image + PID) the ports held in A and in B and the\n"
"change in its port-holding sockets by state, and whether it came, went or\n"
"looks restarted; the remote endpoints that appeared or vanished.  Every\n"
"change is B - A.\n"
"\n"
"A and B each name a snapshot: a number as `portsift snapshots` lists it, a\n"
"label (the last snapshot with it), first or last.\n"
"\n"
"  -d, --db CASE          the case file (required)\n"
"  -o, --output FILE      write to FILE (written whole, or not at all); - is\n"
"                         standard output, the default\n"
"  -t, --top N            process rows (default 20; 0: all)\n"
"  -h, --help             this text\n";

struct diff_out {
	const struct diff	*d;
	const char		*case_name;
};

static int
render(FILE *fp, const void *arg)
{
	const struct diff_out	*o = arg;

	return render_diff_text(fp, o->d, o->case_name);
}

int
cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "output",	required_argument, NULL, 'o' },
		{ "top",	required_argument, NULL, 't' },
		{ "help",	no_argument,	   NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diff_opts	 o = { .top = DIFF_TOP_DEFAULT,
				    .top_remotes = DIFF_TOP_REMOTES };
	struct diff		 d;
	struct diff_out		 out;
	struct store		*store;
	const char		*db = NULL, *output = NULL;
	char			 err[512], *end;
	long			 n;
	int			 ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "d:o:t:h", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 't':
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || n < 0 ||
			    n > INT_MAX)
				return usage("diff", "--top wants a number, "
				    "not '%s'", optarg);
			o.top = (int)n;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			fputs(help, stderr);
			return EXIT_USAGE;
		}
	}
	if (db == NULL)
		return usage("diff", "--db CASE is required");
	if (argc - optind != 2)
		return usage("diff", "name two snapshots, A and B (%d "
		    "given)", argc - optind);
	o.a = argv[optind];
	o.b = argv[optind + 1];

	if ((store = store_open(db, STORE_READ, err, sizeof err)) == NULL) {
		fprintf(stderr, "portsift: %s\n", err);
		return EXIT_UNREADABLE;
	}
	rc = diff_load(store_sqlite(store), &o, &d, err, sizeof err);
	store_close(store);
	if (rc != DIFF_OK) {
		fprintf(stderr, "portsift: %s\n", err);
		return rc == DIFF_ENOSNAP ? EXIT_USAGE : EXIT_UNREADABLE;
	}
	out.d = &d;
	out.case_name = db;
	rc = output_write(output, render, &out);
	diff_free(&d);
	return rc;
}
