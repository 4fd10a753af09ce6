/*
 * flowsniff.h — sniffer checks shared by the suites of the flow readers
 * (check_zeek_conn.c, check_tshark_conv.c, check_flow_csv.c): the head of
 * a file as a sniffer sees it, and "this format scores 0 on every file of
 * the shared corpus".  Include after recorder.h.
 */
#ifndef TESTS_FLOWSNIFF_H
#define TESTS_FLOWSNIFF_H

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/format.h"

#define FLOWSNIFF_CORPUS	"../shared/corpus"

struct head {
	char	*v[SNIFF_LINES];
	size_t	 n;
};

/* The first SNIFF_LINES lines of a file, without line ends. */
static inline void
head_read(const char *path, struct head *h)
{
	FILE	*fp;
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s: cannot open", path);
	h->n = 0;
	while (h->n < SNIFF_LINES && (len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		h->v[h->n++] = strdup(line);
	}
	free(line);
	fclose(fp);
}

static inline void
head_free(struct head *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	h->n = 0;
}

/* f's score for a file. */
static inline int
sniff_file(const struct format *f, const char *path)
{
	struct head	h;
	int		s;

	head_read(path, &h);
	s = f->sniff((const char *const *)h.v, h.n);
	head_free(&h);
	return s;
}

/* The format format_sniff() picks for a file, and its score. */
static inline const struct format *
best_for_file(const char *path, int *score)
{
	struct head		 h;
	const struct format	*f;

	head_read(path, &h);
	f = format_sniff((const char *const *)h.v, h.n, score);
	head_free(&h);
	return f;
}

/* f scores 0 on every file of dir (with suffix when not NULL); the count. */
static inline int
sniff_zero_on_dir(const struct format *f, const char *dir,
    const char *suffix)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[1024];
	size_t		 len;
	int		 files = 0;

	d = opendir(dir);
	ck_assert_msg(d != NULL, "no directory %s", dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		len = strlen(e->d_name);
		if (suffix != NULL && (len < strlen(suffix) ||
		    strcmp(e->d_name + len - strlen(suffix), suffix) != 0))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		ck_assert_msg(sniff_file(f, path) == 0, "%s scores %d on %s",
		    f->name, sniff_file(f, path), path);
		files++;
	}
	closedir(d);
	return files;
}

#endif /* TESTS_FLOWSNIFF_H */
