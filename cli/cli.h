/*
 * cli.h — the subcommand table and what subcommands share.
 *
 * One file per subcommand (cmd_NAME.c), each one entry point taking the
 * arguments after its name.  main.c dispatches through the table.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdio.h>

#include "cli/pipeline.h"

struct command {
	const char	*name;
	int		(*run)(int argc, char **argv);
	const char	*synopsis;
	const char	*summary;
};

extern const struct command commands[];		/* ends with a NULL name */

int	cmd_analyze(int, char **);
int	cmd_ingest(int, char **);
int	cmd_report(int, char **);
int	cmd_snapshots(int, char **);
int	cmd_diff(int, char **);
int	cmd_formats(int, char **);

/* "portsift: ..." on stderr; returns EXIT_USAGE, for `return usage(...)`. */
int	usage(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Options shared by `ingest` and `analyze`.  ingest_option() handles one
 * getopt_long() result: 1 when it was one of them, 0 when not, -1 on a bad
 * value (message printed).
 */
#define INGEST_LONGOPTS \
	{ "label",	required_argument, NULL, 'l' }, \
	{ "host",	required_argument, NULL, 'H' }, \
	{ "format",	required_argument, NULL, 'f' }, \
	{ "encoding",	required_argument, NULL, 'E' }, \
	{ "taken-at",	required_argument, NULL, 'T' }, \
	{ "port-range",	required_argument, NULL, 'R' }, \
	{ "date-order",	required_argument, NULL, 'D' }, \
	{ "strict",	no_argument,	   NULL, 'S' }, \
	{ "every",	required_argument, NULL, 'e' }, \
	{ "local",	required_argument, NULL, 'L' }, \
	{ "columns",	required_argument, NULL, 'C' }
#define INGEST_SHORTOPTS	"l:H:f:E:T:R:D:S"
#define INGEST_HELP \
"  -l, --label NAME       label the snapshots of these files (before, after, ...)\n" \
"  -H, --host NAME        the host the captures come from\n" \
"  -f, --format NAME      skip sniffing: the input format (see `portsift formats`)\n" \
"  -E, --encoding NAME    skip detection: utf-8, utf-16le, cp850, cp1252, ...\n" \
"  -T, --taken-at TIME    when a snapshot without its own stamp was taken\n" \
"                         (\"2026-11-23 14:05:33\")\n" \
"  -R, --port-range LO-HI the dynamic port range in force (default: from the\n" \
"                         input, else the OS default)\n" \
"  -D, --date-order dmy|mdy  day/month order when the stamps leave it open\n" \
"  -S, --strict           a file with any issue is not stored at all\n" \
"Packet captures and lists of connections:\n" \
"      --every DURATION   a snapshot every DURATION of capture time (30s, 5m,\n" \
"                         1h), not only one at the end\n" \
"      --local CIDR       these addresses are the local side (10.0.0.0/8,\n" \
"                         fd00::/8; repeatable); default: the side that\n" \
"                         opened each connection\n" \
"      --columns MAP      flow-csv: which column is which\n" \
"                         (laddr=Source,lport=3,raddr=...,rport=...)\n"

int	ingest_option(const char *cmd, int ch, const char *arg,
	    struct ingest_opts *);

/* Ingest files into an open store; the worst exit status. */
int	ingest_files(struct store *, char **files, int nfiles,
	    const struct ingest_opts *);

#endif /* CLI_CLI_H */
