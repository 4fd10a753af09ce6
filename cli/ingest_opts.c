/*
 * ingest_opts.c — the options `ingest` and `analyze` share, and the loop
 * that ingests their files.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "parsers/decode.h"
#include "parsers/format.h"
#include "reports/range.h"

int
ingest_option(const char *cmd, int ch, const char *arg, struct ingest_opts *o)
{
	static char	taken[40];

	switch (ch) {
	case 'l':
		o->label = arg;
		return 1;
	case 'H':
		o->host = arg;
		return 1;
	case 'f':
		if (format_find(arg) == NULL) {
			usage(cmd, "unknown format '%s' (see `portsift "
			    "formats`)", arg);
			return -1;
		}
		o->format = arg;
		return 1;
	case 'E':
		if (!decoder_encoding_known(arg)) {
			usage(cmd, "unknown encoding '%s' (utf-8, utf-16le, "
			    "utf-16be, cp850, cp437, cp1252, or any name iconv "
			    "knows)", arg);
			return -1;
		}
		o->encoding = arg;
		return 1;
	case 'T':
		if (strlen(arg) >= sizeof taken || taken_at_valid(arg) != 0) {
			usage(cmd, "--taken-at wants \"YYYY-MM-DD HH:MM:SS\", "
			    "not '%s'", arg);
			return -1;
		}
		/* One spelling in the case file: a space, not 'T'. */
		snprintf(taken, sizeof taken, "%s", arg);
		if (taken[10] == 'T')
			taken[10] = ' ';
		o->taken_at = taken;
		return 1;
	case 'R':
		if (range_parse(arg, &o->range_lo, &o->range_hi) != 0) {
			usage(cmd, "--port-range wants LO-HI within 1-65535, "
			    "not '%s'", arg);
			return -1;
		}
		return 1;
	case 'D':
		if (strcmp(arg, "dmy") == 0)
			o->date_order = DATE_ORDER_DMY;
		else if (strcmp(arg, "mdy") == 0)
			o->date_order = DATE_ORDER_MDY;
		else {
			usage(cmd, "--date-order is dmy or mdy, not '%s'", arg);
			return -1;
		}
		return 1;
	case 'S':
		o->strict = 1;
		return 1;
	}
	return 0;
}

int
ingest_files(struct store *store, char **files, int nfiles,
    const struct ingest_opts *o)
{
	struct ingest_result	res;
	int			i, rc, worst = EXIT_DONE, stdin_used = 0;

	for (i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0 && stdin_used++) {
			fprintf(stderr, "portsift: standard input named twice: "
			    "read once\n");
			continue;
		}
		rc = ingest_file(store, files[i], o, &res);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}
