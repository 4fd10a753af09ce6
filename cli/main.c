/*
 * main.c — portsift's entry point: find the subcommand, run it.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

const struct command commands[] = {
	{ "analyze", cmd_analyze, "analyze [OPTIONS] FILE...",
	    "one shot: ingest into a temporary case, print the report" },
	{ "ingest", cmd_ingest, "ingest --db CASE [OPTIONS] FILE...",
	    "add captures to a case file" },
	{ "report", cmd_report, "report --db CASE [OPTIONS]",
	    "print the report of a case" },
	{ "snapshots", cmd_snapshots, "snapshots --db CASE",
	    "list what is in a case" },
	{ "diff", cmd_diff, "diff --db CASE [OPTIONS] A B",
	    "what changed between two snapshots of a case" },
	{ "formats", cmd_formats, "formats",
	    "every input format and the command that produces it" },
	{ NULL, NULL, NULL, NULL }
};

static void
help(FILE *fp)
{
	const struct command	*c;

	fprintf(fp, "usage: portsift COMMAND [OPTIONS] [ARGS]\n\n"
	    "Find what exhausts the ephemeral ports, from netstat output.\n\n"
	    "Commands:\n");
	for (c = commands; c->name != NULL; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fprintf(fp, "\n`portsift COMMAND --help` tells more of each.\n");
}

int
usage(const char *cmd, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "portsift%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry `portsift %s%s--help`.\n", cmd ? cmd : "",
	    cmd ? " " : "");
	return EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	const struct command	*c;
	static char		 prog[64];

	setlocale(LC_CTYPE, "");
	if (argc < 2) {
		help(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("portsift %s\n", PORTSIFT_VERSION);
		return EXIT_DONE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		help(stdout);
		return EXIT_DONE;
	}
	for (c = commands; c->name != NULL; c++) {
		if (strcmp(c->name, argv[1]) == 0) {
			/* getopt names argv[0]: "portsift ingest: ...". */
			snprintf(prog, sizeof prog, "portsift %s", c->name);
			argv[1] = prog;
			return c->run(argc - 1, argv + 1);
		}
	}
	return usage(NULL, "unknown command '%s'", argv[1]);
}
