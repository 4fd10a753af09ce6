/*
 * formats.c — the table of input formats, and choosing one.
 *
 * A new input format is one parser file and one row here.
 */
#include <string.h>

#include "parsers/format.h"

const struct format *const formats[] = {
	&format_windows_netstat,
	&format_powershell,
	&format_linux_ss,
	&format_linux_netstat,
	&format_bsd_netstat,
	&format_tshark_fields,
	&format_tshark_conv,
	&format_zeek_conn,
	&format_flow_csv,
	&format_pcap,
	NULL
};

const struct format *
format_find(const char *name)
{
	const struct format *const *f;

	for (f = formats; *f != NULL; f++)
		if (strcmp((*f)->name, name) == 0)
			return *f;
	return NULL;
}

const struct format *
format_sniff(const char *const *lines, size_t n, int *score)
{
	const struct format *const	*f;
	const struct format		*best = NULL;
	int				 s, top = 0;

	for (f = formats; *f != NULL; f++) {
		if ((*f)->sniff == NULL)
			continue;
		s = (*f)->sniff(lines, n);
		if (s > top) {
			top = s;
			best = *f;
		}
	}
	if (score != NULL)
		*score = top;
	return best;
}

const struct format *
format_sniff_bytes(const unsigned char *b, size_t n)
{
	const struct format *const	*f;
	const struct format		*best = NULL;
	int				 s, top = 0;

	for (f = formats; *f != NULL; f++) {
		if ((*f)->sniff_bytes == NULL)
			continue;
		s = (*f)->sniff_bytes(b, n);
		if (s > top) {
			top = s;
			best = *f;
		}
	}
	return best;
}
