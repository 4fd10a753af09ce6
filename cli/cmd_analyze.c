/*
 * cmd_analyze.c — `portsift analyze FILE...`: the one-shot command.
 *
 * Ingests into a temporary case file (mode 0600, removed at the end) or into
 * --db CASE when given, then prints the report.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/report_out.h"
#include "db/store.h"

static const char help[] =
"usage: portsift analyze [OPTIONS] FILE...\n"
"\n"
"Ingest the captures into a temporary case and print the report.  With\n"
"--db CASE the case is kept (and may already hold other captures).\n"
"FILE may be - for standard input.\n"
"\n"
"  -d, --db CASE          keep the case in this file\n"
INGEST_HELP
"  -F, --report-format NAME  text (the default), csv, json or html\n"
"                         (--format names the input's format)\n"
REPORT_HELP
"  -q, --quiet            no summary line per file\n"
"  -h, --help             this text\n"
"\n"
"Exit status: 0 done; 1 issues in the input (reported, report still made);\n"
"2 usage; 3 unreadable input or case file.\n";

int
cmd_analyze(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "quiet",	no_argument,	   NULL, 'q' },
		{ "help",	no_argument,	   NULL, 'h' },
		INGEST_LONGOPTS,
		{ "report-format",	required_argument, NULL, 'F' },
		REPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct ingest_opts	 io = { 0 };
	struct report_opts	 ro;
	struct store		*store;
	const char		*db = NULL, *tmpdir;
	char			 tmp[PATH_MAX], err[512];
	int			 ch, rc, fd, status;

	report_defaults(&ro);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "d:qh" INGEST_SHORTOPTS
	    REPORT_SHORTOPTS, longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 'q':
			io.quiet = 1;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			rc = ingest_option("analyze", ch, optarg, &io);
			if (rc == 0)
				rc = report_option("analyze", ch, optarg, &ro);
			if (rc == 1)
				break;
			if (rc == 0)
				fputs(help, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind == argc)
		return usage("analyze", "no input files");

	tmp[0] = '\0';
	if (db == NULL) {
		if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
			tmpdir = "/tmp";
		snprintf(tmp, sizeof tmp, "%s/portsift-XXXXXX", tmpdir);
		/* mkstemp creates it 0600; an empty file is an empty case. */
		if ((fd = mkstemp(tmp)) == -1) {
			fprintf(stderr, "portsift: %s: %s\n", tmp,
			    strerror(errno));
			return EXIT_UNREADABLE;
		}
		close(fd);
		db = tmp;
	}
	if ((store = store_open(db, STORE_CREATE, err, sizeof err)) == NULL) {
		fprintf(stderr, "portsift: %s\n", err);
		if (tmp[0] != '\0')
			unlink(tmp);
		return EXIT_UNREADABLE;
	}
	status = ingest_files(store, argv + optind, argc - optind, &io);
	{
		ro.case_name = tmp[0] == '\0' ? db : NULL;
		rc = report_write(store, &ro);
		if (rc > status)
			status = rc;
	}
	store_close(store);
	if (tmp[0] != '\0')
		unlink(tmp);
	return status;
}
