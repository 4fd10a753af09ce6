/*
 * cmd_formats.c — `portsift formats`: every input format, the command that
 * produces it, and what is read from it.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "parsers/format.h"

/* Words of text after a label, wrapped at 100 columns under the label. */
static void
wrapped(const char *label, const char *text)
{
	const size_t	 indent = 12, width = 100;
	const char	*p = text, *sp;
	size_t		 col = indent, n;

	printf("  %-*s", (int)(indent - 2), label);
	while (*p != '\0') {
		sp = strchr(p, ' ');
		n = sp ? (size_t)(sp - p) : strlen(p);
		if (col > indent && col + 1 + n > width) {
			printf("\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		printf("%.*s", (int)n, p);
		col += n;
		p += n;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

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
		wrapped("commands:", (*f)->commands);
		wrapped("reads:", (*f)->reads);
	}
	return EXIT_DONE;
}
