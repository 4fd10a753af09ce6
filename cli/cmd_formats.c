/*
 * cmd_formats.c — `portsift formats`: every input format, the command that
 * produces it, and what is read from it.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "parsers/format.h"

int
cmd_formats(int argc, char **argv)
{
	const struct format *const	*f;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: portsift formats\n\nLists every input format "
		    "portsift reads, the commands whose\noutput it is, and "
		    "what is taken from it.  Formats are sniffed; name one\n"
		    "with --format NAME when sniffing cannot tell.\n");
		return EXIT_DONE;
	}
	if (argc > 1)
		return usage("formats", "unexpected argument '%s'", argv[1]);
	for (f = formats; *f != NULL; f++) {
		printf("%s (%s)\n", (*f)->name, (*f)->system);
		printf("  commands: %s\n", (*f)->commands);
		printf("  reads:    %s\n", (*f)->reads);
	}
	return EXIT_DONE;
}
