/*
 * cmd_report.c — `portsift report --db CASE`: the report of a case file.
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/report_out.h"
#include "db/store.h"

static const char help[] =
"usage: portsift report --db CASE [OPTIONS]\n"
"\n"
"Print the report of a case file: the answer and the ranked findings with\n"
"their evidence, then per snapshot the dynamic range used and why, and\n"
"the processes ranked by the dynamic ports they hold, the TIME_WAIT\n"
"attributed to them, the fullest pools, and the trend over time.\n"
"\n"
"  -d, --db CASE          the case file (required)\n"
"  -F, --format NAME      text (the default), csv, json or html\n"
REPORT_HELP
"  -h, --help             this text\n";

int
cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "help-thresholds", no_argument,  NULL, 'Y' },
		{ "format",	required_argument, NULL, 'F' },
		REPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct report_opts	 o;
	struct store		*store;
	char			 err[512];
	int			 ch, rc;

	report_defaults(&o);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "d:h" REPORT_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'd':
			o.case_name = optarg;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		case 'Y':
			fputs(findings_thresholds_help, stdout);
			return EXIT_DONE;
		default:
			rc = report_option("report", ch, optarg, &o);
			if (rc == 1)
				break;
			if (rc == 0)
				fputs(help, stderr);
			return EXIT_USAGE;
		}
	}
	if (o.case_name == NULL)
		return usage("report", "--db CASE is required");
	if (optind != argc)
		return usage("report", "unexpected argument '%s'", argv[optind]);
	if ((store = store_open(o.case_name, STORE_READ, err, sizeof err)) ==
	    NULL) {
		fprintf(stderr, "portsift: %s\n", err);
		return EXIT_UNREADABLE;
	}
	rc = report_write(store, &o);
	store_close(store);
	return rc;
}
