/*
 * ingest_opts.c — the options `ingest` and `analyze` share, and the loop
 * that ingests their files.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "parsers/decode.h"
#include "parsers/format.h"
#include "reports/range.h"

/* --local A,B,...: address blocks, repeatable. */
static int
local_option(const char *cmd, const char *arg, struct ingest_opts *o)
{
	char		 one[128];
	const char	*p = arg, *comma;
	size_t		 n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		if (n >= sizeof one) {
			usage(cmd, "--local: '%.*s' is too long", (int)n, p);
			return -1;
		}
		memcpy(one, p, n);
		one[n] = '\0';
		if (o->nlocal == LOCAL_MAX) {
			usage(cmd, "--local: at most %d address blocks",
			    LOCAL_MAX);
			return -1;
		}
		if (cidr_parse(one, &o->local[o->nlocal]) == -1) {
			usage(cmd, "--local wants address blocks such as "
			    "10.0.0.0/8 or fd00::/8, not '%s'", one);
			return -1;
		}
		o->nlocal++;
		if (comma == NULL)
			return 1;
		p = comma + 1;
	}
}

/*
 * An --every duration ("30", "30s", "500ms", "5m", "1h", "1d") in
 * seconds, or -1.
 */
static double
duration_parse(const char *s)
{
	char	*end;
	double	 v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtod(s, &end);
	if (strcmp(end, "") == 0 || strcmp(end, "s") == 0)
		;
	else if (strcmp(end, "ms") == 0)
		v /= 1000;
	else if (strcmp(end, "m") == 0 || strcmp(end, "min") == 0)
		v *= 60;
	else if (strcmp(end, "h") == 0)
		v *= 3600;
	else if (strcmp(end, "d") == 0)
		v *= 86400;
	else
		return -1;
	return v > 0 ? v : -1;
}

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
	case 'e':
		if ((o->every = duration_parse(arg)) <= 0) {
			usage(cmd, "--every wants a duration such as 30s, 5m or "
			    "1h, not '%s'", arg);
			return -1;
		}
		return 1;
	case 'L':
		return local_option(cmd, arg, o);
	case 'C':
		if (format_find("flow-csv") == NULL) {
			usage(cmd, "--columns: no flow-csv format in this build");
			return -1;
		}
		o->columns = arg;
		if (o->format == NULL)
			o->format = "flow-csv";
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
