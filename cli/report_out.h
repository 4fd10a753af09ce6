/*
 * report_out.h — loading the analyses and writing one report, for `report`
 * and `analyze`.
 */
#ifndef CLI_REPORT_OUT_H
#define CLI_REPORT_OUT_H

#include "reports/findings.h"

struct store;

struct report_opts {
	const char	*format;	/* text, csv, json, html */
	const char	*output;	/* NULL or "-": stdout; a directory with --all */
	const char	*snapshot;	/* --snapshot */
	int		 top;		/* --top */
	const char	*table;		/* csv: --table NAME */
	int		 all;		/* csv: --all, one file per table */
	int		 csv_raw;	/* csv: no formula neutralization */
	const char	*diff;		/* --diff A,B */
	const char	*case_name;
	struct finding_opts findings;	/* --threshold */
};

/* Defaults for every field. */
void	report_defaults(struct report_opts *);

/* report names the format --format; analyze, whose --format is the input's, --report-format. */
#define REPORT_LONGOPTS \
	{ "output",	required_argument, NULL, 'o' }, \
	{ "snapshot",	required_argument, NULL, 's' }, \
	{ "top",	required_argument, NULL, 't' }, \
	{ "threshold",	required_argument, NULL, 'X' }, \
	{ "table",	required_argument, NULL, 'B' }, \
	{ "all",	no_argument,	   NULL, 'A' }, \
	{ "csv-raw",	no_argument,	   NULL, 'W' }, \
	{ "diff",	required_argument, NULL, 'V' }
#define REPORT_SHORTOPTS	"F:o:s:t:"
#define REPORT_HELP \
"  -o, --output FILE      write the report to FILE (written whole, or not at\n" \
"                         all); - is standard output, the default\n" \
"  -s, --snapshot WHICH   N (as `portsift snapshots` numbers them), a label,\n" \
"                         first, last or all (default: all when there are up\n" \
"                         to 6, else the last)\n" \
"  -t, --top N            processes per snapshot (default 10; 0: all)\n" \
"      --threshold NAME=VALUE  when a finding is raised; repeatable (see\n" \
"                         `portsift report --help-thresholds`)\n" \
"      --diff A,B         html, json: add the diff of snapshots A and B\n" \
"      --table NAME       csv: the analysis table to write (default\n" \
"                         port_share); --all writes every table into the\n" \
"                         directory -o DIR, one NAME.csv each\n" \
"      --csv-raw          csv: leave cells that start with = + - @ as they are\n"

/* 1 when ch was a report option, 0 when not, -1 on a bad value. */
int	report_option(const char *cmd, int ch, const char *arg,
	    struct report_opts *);

/* Write the report; an exit status. */
int	report_write(struct store *, const struct report_opts *);

#endif /* CLI_REPORT_OUT_H */
