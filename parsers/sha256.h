/*
 * sha256.h — SHA-256 of the input bytes, the identity of a capture.
 *
 * Ingesting the same bytes twice is a no-op: the case file keys captures by
 * this digest.  Streaming: update with each block read.
 */
#ifndef PARSERS_SHA256_H
#define PARSERS_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t	h[8];
	uint64_t	len;		/* bytes so far */
	unsigned char	buf[64];
	size_t		used;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *, size_t);
/* Finish and write 64 lowercase hex digits and a NUL to hex[65]. */
void	sha256_hex(struct sha256 *, char hex[65]);

#endif /* PARSERS_SHA256_H */
