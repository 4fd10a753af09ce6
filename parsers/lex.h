/*
 * lex.h — the small lexing steps every text parser takes.
 *
 * Splitting a line into blank-separated tokens, comparing a token, checking
 * for digits, copying into a fixed buffer: written once here so that the
 * parsers agree and none allocates per line.
 */
#ifndef PARSERS_LEX_H
#define PARSERS_LEX_H

#include <stddef.h>

/* A token: a pointer into the line and its length (not terminated). */
struct tok {
	const char	*p;
	size_t		 len;
};

/* Split s[0..len) at blanks and tabs into at most max tokens; the count. */
size_t	lex_tokens(const char *s, size_t len, struct tok *t, size_t max);

/* 1 when the token is word exactly; _nocase: ignoring ASCII case. */
int	lex_is(const struct tok *, const char *word);
int	lex_is_nocase(const struct tok *, const char *word);

/* 1 when p[0..len) is 1 to 10 decimal digits. */
int	lex_digits(const char *p, size_t len);

/* The port p[0..len) is (1 to 5 digits, at most 65535), or -1. */
int	lex_port(const char *p, size_t len);

/* 1 when p[0..len) starts with prefix. */
int	lex_starts_with(const char *p, size_t len, const char *prefix);

/* s[0..len) into dst, cut to dstlen - 1 bytes, always terminated. */
void	lex_copy(char *dst, size_t dstlen, const char *s, size_t len);

/*
 * The separator of a CSV line: ',' or ';' (Export-Csv -UseCulture) or a
 * tab, whichever it has most of outside quotes; 0 when it has none.
 */
unsigned char	lex_csv_delim(const char *p, size_t len);

#endif /* PARSERS_LEX_H */
