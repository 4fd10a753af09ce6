/*
 * decode.c — bytes to UTF-8 lines with their line numbers.
 *
 * This file owns everything between the raw bytes of a capture and the
 * first stage that looks at text: finding the encoding, turning it into
 * UTF-8, splitting lines and keeping each line within bounds.  Nothing
 * downstream ever sees invalid UTF-8, a NUL byte or a line longer than
 * DECODE_LINE_MAX; what had to be changed to get there is reported through
 * the issue callback with the line number, never by failing.
 *
 * Detection looks only at the first chunk (SNIFF_SIZE bytes, read into the
 * raw buffer so that pipes work): a BOM; else the NUL pattern of UTF-16
 * without BOM; else UTF-8 if the chunk is valid UTF-8; else CP850, which is
 * what cmd.exe redirection writes on Western European Windows.  A later line
 * of a UTF-8 file that is not valid UTF-8 is decoded alone as CP850.
 *
 * The data flow is raw bytes -> text (UTF-8, before line splitting) ->
 * lines.  UTF-8 input is read straight into the text buffer; UTF-16 is
 * converted by hand; single-byte code pages go through a 256-entry table
 * (built in for CP850, from iconv for the others); anything else goes
 * through iconv.  A line is returned in place in the text buffer when it
 * needs no change, else from the line buffer.  Memory is the three buffers,
 * allocated once.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/decode.h"

#define SNIFF_SIZE	(64 * 1024)	/* first chunk read to detect */
#define NUL_SNIFF	4096		/* bytes looked at for UTF-16 NULs */
#define RAW_SIZE	SNIFF_SIZE
#define TEXT_SIZE	(4 * DECODE_LINE_MAX)
#define EXCERPT_MAX	80
#define FALLBACK	"cp850"

enum mode {
	MODE_UTF8,		/* the bytes are (meant to be) UTF-8 */
	MODE_UTF16LE,
	MODE_UTF16BE,
	MODE_TABLE,		/* a single-byte code page, through table[] */
	MODE_ICONV		/* anything else iconv knows, through cd */
};

/* One byte of a single-byte code page as UTF-8; s is padded with NULs. */
struct cpchar {
	unsigned char	len;
	unsigned char	s[4];
};

struct decoder {
	FILE		*fp;
	decode_issue_fn	*issue;
	void		*ctx;

	enum mode	 mode;
	char		 encoding[64];
	struct cpchar	 table[256];
	iconv_t		 cd;
	int		 flushed;	/* iconv shift state written at EOF */

	unsigned char	*raw;		/* bytes read, not yet decoded */
	size_t		 rawoff;
	size_t		 rawlen;
	int		 eof;		/* fp is exhausted */

	char		*text;		/* UTF-8, TEXT_SIZE + 1 for a NUL */
	size_t		 start;		/* first byte of the next line */
	size_t		 end;
	size_t		 scanned;	/* bytes after start without EOL */
	int		 done;		/* no more text will come */
	int		 crmode;	/* last line ended with a lone CR */
	int		 skipping;	/* dropping the rest of a cut line */

	char		*line;		/* DECODE_LINE_MAX + 1 */
	unsigned long	 lineno;
	unsigned long long bytes;
	int		 failed;
	char		 error[256];
};

/* CP850 0x80-0xff; 0x00-0x7f are ASCII. */
static const unsigned short cp850_high[128] = {
	0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7,
	0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
	0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9,
	0x00ff, 0x00d6, 0x00dc, 0x00f8, 0x00a3, 0x00d8, 0x00d7, 0x0192,
	0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba,
	0x00bf, 0x00ae, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
	0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00c1, 0x00c2, 0x00c0,
	0x00a9, 0x2563, 0x2551, 0x2557, 0x255d, 0x00a2, 0x00a5, 0x2510,
	0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x00e3, 0x00c3,
	0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x00a4,
	0x00f0, 0x00d0, 0x00ca, 0x00cb, 0x00c8, 0x0131, 0x00cd, 0x00ce,
	0x00cf, 0x2518, 0x250c, 0x2588, 0x2584, 0x00a6, 0x00cc, 0x2580,
	0x00d3, 0x00df, 0x00d4, 0x00d2, 0x00f5, 0x00d5, 0x00b5, 0x00fe,
	0x00de, 0x00da, 0x00db, 0x00d9, 0x00fd, 0x00dd, 0x00af, 0x00b4,
	0x00ad, 0x00b1, 0x2017, 0x00be, 0x00b6, 0x00a7, 0x00f7, 0x00b8,
	0x00b0, 0x00a8, 0x00b7, 0x00b9, 0x00b3, 0x00b2, 0x25a0, 0x00a0
};

static void
set_error(char *err, size_t errlen, const char *msg, const char *arg)
{
	if (err == NULL || errlen == 0)
		return;
	if (arg != NULL)
		snprintf(err, errlen, "%s: %s", msg, arg);
	else
		snprintf(err, errlen, "%s", msg);
}

static void
set_encoding(struct decoder *d, const char *name)
{
	snprintf(d->encoding, sizeof d->encoding, "%s", name);
}

/* Write code point c as UTF-8; out has room for 4 bytes. */
static size_t
utf8_put(unsigned char *out, unsigned long c)
{
	assert(c <= 0x10ffff && (c < 0xd800 || c > 0xdfff));
	if (c < 0x80) {
		out[0] = c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = 0xc0 | (c >> 6);
		out[1] = 0x80 | (c & 0x3f);
		return 2;
	}
	if (c < 0x10000) {
		out[0] = 0xe0 | (c >> 12);
		out[1] = 0x80 | ((c >> 6) & 0x3f);
		out[2] = 0x80 | (c & 0x3f);
		return 3;
	}
	out[0] = 0xf0 | (c >> 18);
	out[1] = 0x80 | ((c >> 12) & 0x3f);
	out[2] = 0x80 | ((c >> 6) & 0x3f);
	out[3] = 0x80 | (c & 0x3f);
	return 4;
}

/*
 * Length of the longest valid UTF-8 prefix of s (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF).  Runs of ASCII are skipped
 * eight bytes at a time.
 */
static size_t
utf8_valid(const unsigned char *s, size_t len)
{
	uint64_t	w;
	size_t		i, k, need;
	unsigned char	c, lo, hi;

	i = 0;
	while (i < len) {
		if (len - i >= 8) {
			memcpy(&w, s + i, sizeof w);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			need = 1;
		else if (c == 0xe0) {
			need = 2;
			lo = 0xa0;
		} else if (c == 0xed) {
			need = 2;
			hi = 0x9f;
		} else if (c >= 0xe1 && c <= 0xef)
			need = 2;
		else if (c == 0xf0) {
			need = 3;
			lo = 0x90;
		} else if (c >= 0xf1 && c <= 0xf3)
			need = 3;
		else if (c == 0xf4) {
			need = 3;
			hi = 0x8f;
		} else
			return i;
		if (len - i <= need)
			return i;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (k = 2; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
		}
		i += need + 1;
	}
	return len;
}

/* Is s (len < 4) the start of a UTF-8 sequence cut by the end of a chunk? */
static int
utf8_partial(const unsigned char *s, size_t len)
{
	size_t	need, i;

	if (len == 0 || len > 3)
		return 0;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		need = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		need = 4;
	else
		return 0;
	if (len >= need)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	}
	return 1;
}

static void
table_set(struct cpchar *cp, unsigned long c)
{
	memset(cp->s, 0, sizeof cp->s);
	cp->len = utf8_put(cp->s, c);
}

static void
table_cp850(struct decoder *d)
{
	int	b;

	for (b = 0; b < 256; b++)
		table_set(&d->table[b], b < 0x80 ? (unsigned long)b :
		    cp850_high[b - 0x80]);
}

/*
 * Build table[] from iconv if the encoding is single-byte and stateless:
 * every byte alone either decodes to one short UTF-8 sequence or is
 * invalid (U+FFFD).  Returns 0 for anything else (multi-byte, stateful).
 */
static int
table_iconv(struct decoder *d)
{
	char	 in, out[16], *ip, *op;
	size_t	 il, ol, n;
	int	 b;

	for (b = 0; b < 256; b++) {
		iconv(d->cd, NULL, NULL, NULL, NULL);
		in = (char)b;
		ip = &in;
		il = 1;
		op = out;
		ol = sizeof out;
		if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno != EILSEQ)
				return 0;
			table_set(&d->table[b], 0xfffd);
			continue;
		}
		if (iconv(d->cd, NULL, NULL, &op, &ol) == (size_t)-1)
			return 0;
		n = op - out;
		if (il != 0 || n == 0 || n > 4 ||
		    utf8_valid((unsigned char *)out, n) != n)
			return 0;
		memset(d->table[b].s, 0, sizeof d->table[b].s);
		memcpy(d->table[b].s, out, n);
		d->table[b].len = n;
	}
	return 1;
}

/* Read more raw bytes after what is left in the raw buffer. */
static int
read_raw(struct decoder *d)
{
	size_t	n, want;

	assert(!d->eof);
	if (d->rawoff > 0) {
		memmove(d->raw, d->raw + d->rawoff, d->rawlen - d->rawoff);
		d->rawlen -= d->rawoff;
		d->rawoff = 0;
	}
	want = RAW_SIZE - d->rawlen;
	assert(want > 0);
	n = fread(d->raw + d->rawlen, 1, want, d->fp);
	d->rawlen += n;
	d->bytes += n;
	if (n < want) {
		if (ferror(d->fp)) {
			set_error(d->error, sizeof d->error, "read error",
			    strerror(errno));
			return -1;
		}
		d->eof = 1;
	}
	return 0;
}

/* Pick the encoding from the first chunk, and skip its BOM. */
static void
detect(struct decoder *d)
{
	const unsigned char	*s = d->raw;
	size_t			 len = d->rawlen, n, i, odd, even, valid;

	assert(d->rawoff == 0);
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		d->mode = MODE_UTF8;
		d->rawoff = 3;
		set_encoding(d, "utf-8+bom");
		return;
	}
	if (len >= 2 && s[0] == 0xff && s[1] == 0xfe) {
		d->mode = MODE_UTF16LE;
		d->rawoff = 2;
		set_encoding(d, "utf-16le+bom");
		return;
	}
	if (len >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		d->mode = MODE_UTF16BE;
		d->rawoff = 2;
		set_encoding(d, "utf-16be+bom");
		return;
	}

	/*
	 * UTF-16 without BOM: text that is mostly ASCII has a NUL in every
	 * other byte, odd offsets for LE, even for BE, and few on the other
	 * side.  Binary data has NULs on both sides and is left to UTF-8.
	 */
	n = (len < NUL_SNIFF ? len : NUL_SNIFF) & ~(size_t)1;
	odd = even = 0;
	for (i = 0; i < n; i += 2) {
		if (s[i] == 0)
			even++;
		if (s[i + 1] == 0)
			odd++;
	}
	if (odd > n / 8 && even <= odd / 8) {
		d->mode = MODE_UTF16LE;
		set_encoding(d, "utf-16le");
		return;
	}
	if (even > n / 8 && odd <= even / 8) {
		d->mode = MODE_UTF16BE;
		set_encoding(d, "utf-16be");
		return;
	}

	valid = utf8_valid(s, len);
	if (valid == len || (!d->eof && utf8_partial(s + valid, len - valid))) {
		d->mode = MODE_UTF8;
		set_encoding(d, "utf-8");
		return;
	}
	d->mode = MODE_TABLE;
	table_cp850(d);
	set_encoding(d, FALLBACK);
}

/* The name without case, '-' or '_': "UTF-16LE" and "utf_16le" alike. */
static void
encoding_key(const char *name, char *key, size_t keylen)
{
	size_t	i, k = 0;

	for (i = 0; name[i] != '\0' && k < keylen - 1; i++) {
		if (name[i] != '-' && name[i] != '_')
			key[k++] = tolower((unsigned char)name[i]);
	}
	key[k] = '\0';
}

int
decoder_encoding_known(const char *name)
{
	static const char *const own[] = {
		"utf8", "utf16le", "utf16be", "utf16", "cp850", "ibm850", NULL
	};
	const char *const	*o;
	char			 key[32];
	iconv_t			 cd;

	if (*name == '\0' || strlen(name) >= sizeof key)
		return 0;
	encoding_key(name, key, sizeof key);
	for (o = own; *o != NULL; o++)
		if (strcmp(key, *o) == 0)
			return 1;
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/*
 * Set the mode for an encoding the user named.  The name is compared
 * without case, '-' or '_' for the ones handled here; anything else is
 * iconv's.
 */
static int
setup_named(struct decoder *d, const char *name, char *err, size_t errlen)
{
	char	key[32];
	size_t	i;

	if (*name == '\0' || strlen(name) >= sizeof d->encoding) {
		set_error(err, errlen, "unknown encoding", name);
		return -1;
	}
	for (i = 0; name[i] != '\0'; i++)
		d->encoding[i] = tolower((unsigned char)name[i]);
	d->encoding[i] = '\0';

	encoding_key(name, key, sizeof key);
	if (strcmp(key, "utf8") == 0)
		d->mode = MODE_UTF8;
	else if (strcmp(key, "utf16le") == 0)
		d->mode = MODE_UTF16LE;
	else if (strcmp(key, "utf16be") == 0)
		d->mode = MODE_UTF16BE;
	else if (strcmp(key, "utf16") == 0)
		d->mode = MODE_UTF16LE;		/* BE only with its BOM */
	else if (strcmp(key, "cp850") == 0 || strcmp(key, "ibm850") == 0) {
		d->mode = MODE_TABLE;
		table_cp850(d);
	} else {
		d->cd = iconv_open("UTF-8", name);
		if (d->cd == (iconv_t)-1) {
			set_error(err, errlen, "unknown encoding", name);
			return -1;
		}
		if (table_iconv(d)) {
			d->mode = MODE_TABLE;
			iconv_close(d->cd);
			d->cd = (iconv_t)-1;
		} else {
			d->mode = MODE_ICONV;
			iconv(d->cd, NULL, NULL, NULL, NULL);
		}
	}
	return 0;
}

/* Skip the BOM of a named encoding, once the first chunk is in. */
static void
skip_bom(struct decoder *d)
{
	const unsigned char	*s = d->raw;
	size_t			 len = d->rawlen;

	switch (d->mode) {
	case MODE_UTF8:
		if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
			d->rawoff = 3;
		break;
	case MODE_UTF16LE:
		if (len >= 2 && s[0] == 0xff && s[1] == 0xfe)
			d->rawoff = 2;
		else if (len >= 2 && s[0] == 0xfe && s[1] == 0xff &&
		    strcmp(d->encoding, "utf-16") == 0) {
			d->mode = MODE_UTF16BE;
			d->rawoff = 2;
		}
		break;
	case MODE_UTF16BE:
		if (len >= 2 && s[0] == 0xfe && s[1] == 0xff)
			d->rawoff = 2;
		break;
	default:
		break;
	}
}

/* The converters: raw bytes into text, returning the text bytes added. */

static size_t
convert_copy(struct decoder *d)
{
	size_t	n;

	n = d->rawlen - d->rawoff;
	if (n > TEXT_SIZE - d->end)
		n = TEXT_SIZE - d->end;
	memcpy(d->text + d->end, d->raw + d->rawoff, n);
	d->rawoff += n;
	d->end += n;
	return n;
}

static size_t
convert_table(struct decoder *d)
{
	const unsigned char	*in, *inend;
	unsigned char		*out, *outstart, *outend;
	const struct cpchar	*cp;

	in = d->raw + d->rawoff;
	inend = d->raw + d->rawlen;
	outstart = out = (unsigned char *)d->text + d->end;
	outend = (unsigned char *)d->text + TEXT_SIZE;
	while (in < inend && outend - out >= 4) {
		cp = &d->table[*in++];
		memcpy(out, cp->s, sizeof cp->s);
		out += cp->len;
	}
	d->rawoff = in - d->raw;
	d->end += out - outstart;
	return out - outstart;
}

static size_t
convert_utf16(struct decoder *d)
{
	const unsigned char	*in, *inend;
	unsigned char		*out, *outstart, *outend;
	unsigned long		 c, lo;
	int			 be = d->mode == MODE_UTF16BE;

	in = d->raw + d->rawoff;
	inend = d->raw + d->rawlen;
	outstart = out = (unsigned char *)d->text + d->end;
	outend = (unsigned char *)d->text + TEXT_SIZE;
	while (outend - out >= 4) {
		if (inend - in < 2) {
			if (in < inend && d->eof) {	/* odd last byte */
				out += utf8_put(out, 0xfffd);
				in = inend;
			}
			break;
		}
		c = be ? (in[0] << 8 | in[1]) : (in[1] << 8 | in[0]);
		if (c < 0xd800 || c > 0xdfff)
			in += 2;
		else if (c >= 0xdc00) {			/* lone low surrogate */
			c = 0xfffd;
			in += 2;
		} else if (inend - in < 4) {
			if (!d->eof)
				break;		/* the low half comes next */
			c = 0xfffd;
			in += 2;
		} else {
			lo = be ? (in[2] << 8 | in[3]) : (in[3] << 8 | in[2]);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				in += 4;
			} else {
				c = 0xfffd;
				in += 2;
			}
		}
		out += utf8_put(out, c);
	}
	d->rawoff = in - d->raw;
	d->end += out - outstart;
	return out - outstart;
}

static size_t
convert_iconv(struct decoder *d)
{
	char	*in, *out, *outstart;
	size_t	 inleft, outleft;

	in = (char *)d->raw + d->rawoff;
	inleft = d->rawlen - d->rawoff;
	outstart = out = d->text + d->end;
	outleft = TEXT_SIZE - d->end;
	while (inleft > 0 && outleft >= 4) {
		if (iconv(d->cd, &in, &inleft, &out, &outleft) != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL && !d->eof)
			break;			/* the rest of it comes next */
		if (outleft < 3)
			break;
		/* Invalid, or cut by the end of input: U+FFFD for a byte. */
		out += utf8_put((unsigned char *)out, 0xfffd);
		outleft -= 3;
		in++;
		inleft--;
	}
	if (d->eof && inleft == 0 && !d->flushed && outleft >= 16) {
		iconv(d->cd, NULL, NULL, &out, &outleft);
		d->flushed = 1;
	}
	d->rawoff = in - (char *)d->raw;
	d->end += out - outstart;
	return out - outstart;
}

/*
 * Append text after d->end, first moving what is left of the current line
 * to the start of the buffer.  Returns 1 if text was added, 0 when there is
 * no more, -1 on a read error.
 */
static int
fill(struct decoder *d)
{
	size_t	n, want;

	assert(!d->done);
	if (d->start > 0) {
		memmove(d->text, d->text + d->start, d->end - d->start);
		d->end -= d->start;
		d->start = 0;
	}
	assert(d->end <= DECODE_LINE_MAX + 1);

	for (;;) {
		if (d->mode == MODE_UTF8 && d->rawoff == d->rawlen &&
		    !d->eof) {
			/* UTF-8 needs no conversion: read into text. */
			want = TEXT_SIZE - d->end;
			n = fread(d->text + d->end, 1, want, d->fp);
			d->end += n;
			d->bytes += n;
			if (n < want) {
				if (ferror(d->fp)) {
					set_error(d->error, sizeof d->error,
					    "read error", strerror(errno));
					return -1;
				}
				d->eof = 1;
			}
			if (n > 0)
				return 1;
			continue;
		}

		switch (d->mode) {
		case MODE_UTF8:
			n = convert_copy(d);
			break;
		case MODE_UTF16LE:
		case MODE_UTF16BE:
			n = convert_utf16(d);
			break;
		case MODE_TABLE:
			n = convert_table(d);
			break;
		case MODE_ICONV:
			n = convert_iconv(d);
			break;
		default:
			abort();
		}
		if (n > 0)
			return 1;
		if (d->eof)
			return 0;
		if (d->rawoff == 0 && d->rawlen == RAW_SIZE) {
			/* A converter that cannot move on: drop a byte. */
			utf8_put((unsigned char *)d->text + d->end, 0xfffd);
			d->end += 3;
			d->rawoff++;
			return 1;
		}
		if (read_raw(d) == -1)
			return -1;
	}
}

/* The first line terminator in [s, end): LF, CR or the CR of CRLF. */
static char *
find_eol(struct decoder *d, char *s, char *end)
{
	char	*nl, *cr;

	/*
	 * Look first for the terminator the last line had, and for the other
	 * only up to it, so that neither LF nor CR-only files are scanned to
	 * the end of the buffer for every line.
	 */
	if (d->crmode) {
		cr = memchr(s, '\r', end - s);
		nl = memchr(s, '\n', (cr != NULL ? cr : end) - s);
		return nl != NULL ? nl : cr;
	}
	nl = memchr(s, '\n', end - s);
	cr = memchr(s, '\r', (nl != NULL ? nl : end) - s);
	return cr != NULL ? cr : nl;
}

static void
report(struct decoder *d, const char *reason, const char *s, size_t len)
{
	char	excerpt[EXCERPT_MAX + 1];

	if (d->issue == NULL)
		return;
	if (len > EXCERPT_MAX) {
		len = EXCERPT_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(excerpt, s, len);
	excerpt[len] = '\0';
	d->issue(d->ctx, d->lineno, reason, excerpt);
}

/* Decode src as CP850 into dst (DECODE_LINE_MAX + 1); sets *cut if full. */
static size_t
fallback(char *dst, const char *src, size_t len, int *cut)
{
	unsigned char	buf[4], c;
	size_t		i, n, out;

	out = 0;
	for (i = 0; i < len; i++) {
		c = src[i];
		n = utf8_put(buf, c < 0x80 ? c : cp850_high[c - 0x80]);
		if (out + n > DECODE_LINE_MAX) {
			*cut = 1;
			break;
		}
		memcpy(dst + out, buf, n);
		out += n;
	}
	return out;
}

/*
 * Make the line s (len bytes of text, writable, with s[len] writable when
 * not cut) fit to return: cut at a character boundary, drop NULs, and decode
 * as CP850 if it is not UTF-8.  Report what was done.
 */
static int
emit(struct decoder *d, char *s, size_t len, int cut, const char **line,
    size_t *lenp, unsigned long *lineno)
{
	char	 reason[64], *out = s, *p, *q;
	size_t	 nuls = 0, i;
	int	 bad = 0;

	d->lineno++;
	if (cut) {
		assert(len == DECODE_LINE_MAX);
		for (i = 0; i < 3 && ((unsigned char)s[len] & 0xc0) == 0x80;
		    i++)
			len--;
	}
	if ((p = memchr(s, '\0', len)) != NULL) {
		for (q = p; p < s + len; p++) {
			if (*p == '\0')
				nuls++;
			else
				*q++ = *p;
		}
		len = q - s;
	}
	if (utf8_valid((unsigned char *)s, len) != len) {
		bad = 1;
		len = fallback(d->line, s, len, &cut);
		out = d->line;
	} else if (cut) {
		memcpy(d->line, s, len);
		out = d->line;
	}
	assert(len <= DECODE_LINE_MAX);
	out[len] = '\0';

	if (cut) {
		snprintf(reason, sizeof reason,
		    "line longer than %d bytes, cut", DECODE_LINE_MAX);
		report(d, reason, out, len);
	}
	if (nuls > 0) {
		snprintf(reason, sizeof reason, "%zu NUL byte%s removed", nuls,
		    nuls == 1 ? "" : "s");
		report(d, reason, out, len);
	}
	if (bad)
		report(d, "not valid UTF-8, decoded as " FALLBACK, out, len);

	*line = out;
	if (lenp != NULL)
		*lenp = len;
	if (lineno != NULL)
		*lineno = d->lineno;
	return 1;
}

/* Move start past the terminator at p (CR, LF or CRLF). */
static void
consume_eol(struct decoder *d, char *p, char *end)
{
	d->crmode = 0;
	d->start = p + 1 - d->text;
	if (*p == '\r') {
		if (p + 1 < end && p[1] == '\n')
			d->start++;
		else
			d->crmode = 1;
	}
	d->scanned = 0;
}

/* Drop the rest of a cut line, up to and including its terminator. */
static int
skip_rest(struct decoder *d)
{
	char	*p, *end;

	assert(d->skipping);
	for (;;) {
		end = d->text + d->end;
		p = find_eol(d, d->text + d->start, end);
		if (p != NULL && (*p == '\n' || p + 1 < end || d->done)) {
			consume_eol(d, p, end);
			break;
		}
		if (p != NULL)
			d->start = p - d->text;	/* keep the CR: LF may follow */
		else {
			d->start = d->end;
			if (d->done)
				break;
		}
		switch (fill(d)) {
		case -1:
			d->failed = 1;
			return -1;
		case 0:
			d->done = 1;
			break;
		}
	}
	d->skipping = 0;
	d->scanned = 0;
	return 0;
}

struct decoder *
decoder_open(FILE *fp, const char *encoding, decode_issue_fn *issue,
    void *ctx, char *err, size_t errlen)
{
	struct decoder	*d;

	assert(fp != NULL);
	if ((d = calloc(1, sizeof *d)) == NULL) {
		set_error(err, errlen, "out of memory", NULL);
		return NULL;
	}
	d->fp = fp;
	d->issue = issue;
	d->ctx = ctx;
	d->cd = (iconv_t)-1;
	d->raw = malloc(RAW_SIZE);
	d->text = malloc(TEXT_SIZE + 1);
	d->line = malloc(DECODE_LINE_MAX + 1);
	if (d->raw == NULL || d->text == NULL || d->line == NULL) {
		set_error(err, errlen, "out of memory", NULL);
		decoder_close(d);
		return NULL;
	}

	/* The name first, so that nothing is read for a bad one. */
	if (encoding != NULL && setup_named(d, encoding, err, errlen) == -1) {
		decoder_close(d);
		return NULL;
	}
	if (read_raw(d) == -1) {
		set_error(err, errlen, d->error, NULL);
		decoder_close(d);
		return NULL;
	}
	if (encoding == NULL)
		detect(d);
	else
		skip_bom(d);
	return d;
}

int
decoder_next(struct decoder *d, const char **line, size_t *len,
    unsigned long *lineno)
{
	char	*s, *p, *end;
	size_t	 n;

	assert(d != NULL && line != NULL);
	if (d->failed)
		return -1;
	if (d->skipping && skip_rest(d) == -1)
		return -1;

	for (;;) {
		s = d->text + d->start;
		end = d->text + d->end;
		assert(d->scanned <= d->end - d->start);
		p = find_eol(d, s + d->scanned, end);
		n = (p != NULL ? p : end) - s;

		if (n > DECODE_LINE_MAX) {
			d->start += DECODE_LINE_MAX;
			d->scanned = 0;
			d->skipping = 1;
			return emit(d, s, DECODE_LINE_MAX, 1, line, len,
			    lineno);
		}
		if (p != NULL && (*p == '\n' || p + 1 < end || d->done)) {
			consume_eol(d, p, end);
			return emit(d, s, n, 0, line, len, lineno);
		}
		if (p == NULL && d->done) {
			if (n == 0)
				return 0;
			d->start = d->end;
			d->scanned = 0;
			return emit(d, s, n, 0, line, len, lineno);
		}

		/* No terminator yet, or a CR that may be the start of CRLF. */
		d->scanned = n;
		switch (fill(d)) {
		case -1:
			d->failed = 1;
			return -1;
		case 0:
			d->done = 1;
			break;
		}
	}
}

const char *
decoder_encoding(const struct decoder *d)
{
	return d->encoding;
}

const char *
decoder_error(const struct decoder *d)
{
	return d->error;
}

unsigned long long
decoder_bytes(const struct decoder *d)
{
	return d->bytes;
}

void
decoder_close(struct decoder *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->raw);
	free(d->text);
	free(d->line);
	free(d);
}
