/*
 * output.c — the -o FILE of report and diff: temp file + rename, so a failed
 * run never leaves half a report, and nothing but regular files replaced.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/output.h"
#include "cli/pipeline.h"

static int
open_temp(const char *path, char *tmp, size_t tmplen, FILE **fp)
{
	struct stat	sb;
	int		fd;

	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		fprintf(stderr, "portsift: %s: exists and is not a regular "
		    "file: not overwritten\n", path);
		return -1;
	}
	if ((size_t)snprintf(tmp, tmplen, "%s.XXXXXX", path) >= tmplen) {
		fprintf(stderr, "portsift: %s: path too long\n", path);
		return -1;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		fprintf(stderr, "portsift: %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	if ((*fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "portsift: %s: %s\n", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	return 0;
}

int
output_write(const char *path, output_render_fn *render, const void *arg)
{
	char	 tmp[PATH_MAX];
	FILE	*fp = stdout;
	int	 to_file, rc;

	to_file = path != NULL && strcmp(path, "-") != 0;
	if (to_file && open_temp(path, tmp, sizeof tmp, &fp) == -1)
		return EXIT_UNREADABLE;
	rc = render(fp, arg);
	if (fflush(fp) != 0)
		rc = -1;
	if (!to_file) {
		if (rc != 0)
			fprintf(stderr, "portsift: standard output: %s\n",
			    strerror(errno));
		return rc == 0 ? EXIT_DONE : EXIT_UNREADABLE;
	}
	if (fclose(fp) != 0 || rc != 0) {
		fprintf(stderr, "portsift: %s: %s: nothing written\n", path,
		    strerror(errno));
		unlink(tmp);
		return EXIT_UNREADABLE;
	}
	if (rename(tmp, path) == -1) {
		fprintf(stderr, "portsift: %s: %s\n", path, strerror(errno));
		unlink(tmp);
		return EXIT_UNREADABLE;
	}
	return EXIT_DONE;
}
