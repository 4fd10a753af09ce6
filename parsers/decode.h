/*
 * decode.h — bytes to UTF-8 lines with their line numbers.
 *
 * The first stage of the pipeline.  It owns encoding detection (BOM,
 * UTF-16LE/BE with or without BOM, UTF-8, legacy single-byte code pages),
 * line splitting (LF, CRLF, lone CR, missing final terminator) and the bounds
 * on what a line may hold (NUL bytes, over-long lines), which it reports
 * through a callback instead of failing.  It streams: memory is bounded by
 * DECODE_LINE_MAX, not by the size of the input.
 */
#ifndef PARSERS_DECODE_H
#define PARSERS_DECODE_H

#include <stddef.h>
#include <stdio.h>

#define DECODE_LINE_MAX	(64 * 1024)	/* bytes of UTF-8 kept per line */

struct decoder;

/* Called for each problem found while decoding; line is 1-based. */
typedef void decode_issue_fn(void *ctx, unsigned long line, const char *reason,
    const char *excerpt);

/*
 * Start decoding fp.  encoding is NULL to detect, or a name the user gave
 * (--encoding): "utf-8", "utf-16le", "utf-16be", "cp850", "cp437",
 * "cp1252", or any name iconv knows.  Returns NULL and writes a message to
 * err when the encoding name is unknown or the stream cannot be read.
 */
struct decoder	*decoder_open(FILE *fp, const char *encoding,
		    decode_issue_fn *issue, void *ctx, char *err, size_t errlen);

/* 1 when decoder_open() would accept this --encoding name, else 0. */
int		 decoder_encoding_known(const char *name);

/*
 * Next line: 1 with *line pointing at NUL-terminated UTF-8 (no line
 * terminator) valid until the next call, 0 at end of input, -1 on a read
 * error (message in err of decoder_error()).
 */
int		 decoder_next(struct decoder *, const char **line, size_t *len,
		    unsigned long *lineno);

/* The encoding detected or forced, e.g. "utf-8", "utf-16le+bom", "cp850". */
const char	*decoder_encoding(const struct decoder *);
const char	*decoder_error(const struct decoder *);
unsigned long long decoder_bytes(const struct decoder *);	/* bytes read so far */
void		 decoder_close(struct decoder *);

#endif /* PARSERS_DECODE_H */
