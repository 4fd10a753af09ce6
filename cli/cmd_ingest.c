/*
 * cmd_ingest.c — `portsift ingest --db CASE FILE...`: add captures to a case.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "db/store.h"
#include "reports/findings.h"
#include "reports/refresh.h"

static const char help[] =
"usage: portsift ingest --db CASE [OPTIONS] FILE...\n"
"\n"
"Add captures (netstat output, ...) to the case file CASE, creating it\n"
"(mode 0600) when missing.  Each file is stored whole or not at all; the same\n"
"bytes ingested twice are stored once.  FILE may be - for standard input.\n"
"\n"
"  -d, --db CASE          the case file (required)\n"
INGEST_HELP
"  -q, --quiet            no summary line per file\n"
"  -h, --help             this text\n"
"\n"
"Exit status: 0 all stored; 1 issues reported (stored unless --strict);\n"
"2 usage; 3 unreadable input or case file.\n";

int
cmd_ingest(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "quiet",	no_argument,	   NULL, 'q' },
		{ "help",	no_argument,	   NULL, 'h' },
		INGEST_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct ingest_opts	 o = { 0 };
	struct finding_opts	 fo;
	struct store		*store;
	const char		*db = NULL;
	char			 err[512];
	int			 ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "d:qh" INGEST_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			rc = ingest_option("ingest", ch, optarg, &o);
			if (rc == 1)
				break;
			if (rc == 0)
				fputs(help, stderr);
			return EXIT_USAGE;
		}
	}
	if (db == NULL)
		return usage("ingest", "--db CASE is required");
	if (optind == argc)
		return usage("ingest", "no input files");
	if ((store = store_open(db, STORE_CREATE, err, sizeof err)) == NULL) {
		fprintf(stderr, "portsift: %s\n", err);
		return EXIT_UNREADABLE;
	}
	rc = ingest_files(store, argv + optind, argc - optind, &o);
	/*
	 * The analysis tables describe the case as it now is, and the finding
	 * table says what a report with the default thresholds would say.
	 */
	findings_defaults(&fo);
	if (analysis_refresh_if_stale(store_sqlite(store), err,
	    sizeof err) == -1 ||
	    findings_refresh(store_sqlite(store), &fo, err, sizeof err) == -1) {
		fprintf(stderr, "portsift: %s\n", err);
		rc = EXIT_UNREADABLE;
	}
	store_close(store);
	return rc;
}
