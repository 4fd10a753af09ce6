/*
 * lex.c — the small lexing steps every text parser takes.
 */
#include <assert.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "parsers/lex.h"

size_t
lex_tokens(const char *s, size_t len, struct tok *t, size_t max)
{
	const char	*end = s + len;
	size_t		 n = 0;

	while (s < end && n < max) {
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		if (s == end)
			break;
		t[n].p = s;
		while (s < end && *s != ' ' && *s != '\t')
			s++;
		t[n].len = (size_t)(s - t[n].p);
		n++;
	}
	return n;
}

int
lex_is(const struct tok *t, const char *word)
{
	return strlen(word) == t->len && memcmp(t->p, word, t->len) == 0;
}

int
lex_is_nocase(const struct tok *t, const char *word)
{
	return strlen(word) == t->len && strncasecmp(t->p, word, t->len) == 0;
}

int
lex_digits(const char *p, size_t len)
{
	size_t	i;

	if (len == 0 || len > 10)
		return 0;
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	return 1;
}

int
lex_starts_with(const char *p, size_t len, const char *prefix)
{
	size_t	n = strlen(prefix);

	return len >= n && memcmp(p, prefix, n) == 0;
}

void
lex_copy(char *dst, size_t dstlen, const char *s, size_t len)
{
	assert(dstlen > 0);
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

unsigned char
lex_csv_delim(const char *p, size_t len)
{
	size_t	i, comma = 0, semi = 0, tab = 0;
	int	quoted = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (p[i] == ',')
			comma++;
		else if (p[i] == ';')
			semi++;
		else if (p[i] == '\t')
			tab++;
	}
	if (comma == 0 && semi == 0 && tab == 0)
		return 0;
	if (comma >= semi && comma >= tab)
		return ',';
	return semi >= tab ? ';' : '\t';
}

int
lex_port(const char *p, size_t len)
{
	long	v = 0;
	size_t	i;

	if (len > 5 || !lex_digits(p, len))
		return -1;
	for (i = 0; i < len; i++)
		v = v * 10 + (p[i] - '0');
	return v <= 65535 ? (int)v : -1;
}
