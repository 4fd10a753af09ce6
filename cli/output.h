/*
 * output.h — writing a rendered report whole, or not at all.
 */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stdio.h>

typedef int output_render_fn(FILE *, const void *arg);

/*
 * Render into path (NULL or "-": standard output).  A file is written to a
 * temporary file beside it and renamed into place when complete; a path
 * that exists and is not a regular file is refused.  An exit status.
 */
int	output_write(const char *path, output_render_fn *, const void *arg);

#endif /* CLI_OUTPUT_H */
