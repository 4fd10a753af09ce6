/*
 * cmd_snapshots.c — `portsift snapshots --db CASE`: what is in a case.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "db/store.h"
#include "reports/analysis.h"
#include "reports/render.h"

static const char help[] =
"usage: portsift snapshots --db CASE\n"
"\n"
"List the snapshots in a case file: number, label, time, sockets, dynamic\n"
"ports held, the range used, and the file and line each comes from.  The\n"
"numbers are what `report --snapshot` takes.\n"
"\n"
"  -d, --db CASE          the case file (required)\n"
"  -h, --help             this text\n";

int
cmd_snapshots(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "help",	no_argument,	   NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct analysis_opts	 ao;
	struct analysis		 a;
	struct store		*store;
	const char		*db = NULL;
	char			 err[512];
	int			 ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
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
		return usage("snapshots", "--db CASE is required");
	if (optind != argc)
		return usage("snapshots", "unexpected argument '%s'",
		    argv[optind]);
	if ((store = store_open(db, STORE_READ, err, sizeof err)) == NULL) {
		fprintf(stderr, "portsift: %s\n", err);
		return EXIT_UNREADABLE;
	}
	memset(&ao, 0, sizeof ao);
	ao.snapshot = "all";
	ao.snapshots_only = 1;
	if (analysis_load(store_sqlite(store), &ao, &a, err, sizeof err) == -1) {
		if (strncmp(err, "no snapshot", 11) == 0) {
			fputs("The case holds no snapshot.\n", stdout);
			store_close(store);
			return EXIT_DONE;
		}
		fprintf(stderr, "portsift: %s\n", err);
		store_close(store);
		return EXIT_UNREADABLE;
	}
	rc = render_snapshot_list(stdout, &a) == 0 ? EXIT_DONE :
	    EXIT_UNREADABLE;
	analysis_free(&a);
	store_close(store);
	return rc;
}
