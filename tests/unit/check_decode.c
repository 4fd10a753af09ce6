/*
 * check_decode.c — tests for parsers/decode.c: encodings, line terminators
 * and the bounds on a line.
 *
 * Every line the decoder returns goes through run_fp(), which checks the
 * line number, that len matches, that there is no NUL inside and that it is
 * valid UTF-8 (with a validator of its own, not the decoder's).  Fixtures are
 * in tests/fixtures/decode/ (see the README there); large and random inputs
 * are made here.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <check.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parsers/decode.h"

#define FIXTURES	"tests/fixtures/decode/"
#define ISSUES_MAX	16
#define TEXT_KEEP	(1024 * 1024)	/* text kept by run_fp for comparing */

#define GERMAN_1	"Aktive Verbindungen"
#define GERMAN_2	"  TCP    0.0.0.0:135    0.0.0.0:0    ABH\xc3\x96REN    1712"

Suite	*suite(void);

struct issue {
	unsigned long	 line;
	char		 reason[128];
	char		 excerpt[128];
};

struct run {
	char		*text;		/* lines joined with '\n' */
	size_t		 textlen;
	size_t		 nlines;
	struct issue	 issues[ISSUES_MAX];
	size_t		 nissues;	/* all of them, even past ISSUES_MAX */
	char		 encoding[64];
	unsigned long long bytes;
};

/* Valid UTF-8 per RFC 3629, one code point at a time. */
static int
valid_utf8(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned long		 c, min;
	size_t			 i, k, n;

	for (i = 0; i < len; i += n) {
		if (s[i] < 0x80) {
			n = 1;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			n = 2;
			c = s[i] & 0x1f;
			min = 0x80;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 3;
			c = s[i] & 0x0f;
			min = 0x800;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 4;
			c = s[i] & 0x07;
			min = 0x10000;
		} else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (s[i + k] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
	}
	return 1;
}

static void
on_issue(void *ctx, unsigned long line, const char *reason,
    const char *excerpt)
{
	struct run	*r = ctx;
	struct issue	*is;

	ck_assert_ptr_nonnull(reason);
	ck_assert_ptr_nonnull(excerpt);
	ck_assert_uint_le(strlen(excerpt), 80);
	ck_assert(valid_utf8(excerpt, strlen(excerpt)));
	ck_assert_uint_ge(line, 1);
	if (r->nissues < ISSUES_MAX) {
		is = &r->issues[r->nissues];
		is->line = line;
		snprintf(is->reason, sizeof is->reason, "%s", reason);
		snprintf(is->excerpt, sizeof is->excerpt, "%s", excerpt);
	}
	r->nissues++;
}

static void
keep(struct run *r, const char *s, size_t len)
{
	if (r->textlen + len + 1 > TEXT_KEEP)
		return;
	if (r->text == NULL) {
		r->text = malloc(TEXT_KEEP + 1);
		ck_assert_ptr_nonnull(r->text);
	}
	memcpy(r->text + r->textlen, s, len);
	r->textlen += len;
	r->text[r->textlen] = '\0';
}

static void
run_free(struct run *r)
{
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* Decode fp to the end into r, checking every line on the way. */
static void
run_fp(struct run *r, FILE *fp, const char *encoding)
{
	struct decoder	*d;
	const char	*line;
	size_t		 len;
	unsigned long	 lineno;
	char		 err[256];
	int		 rc;

	memset(r, 0, sizeof *r);
	ck_assert_ptr_nonnull(fp);
	d = decoder_open(fp, encoding, on_issue, r, err, sizeof err);
	ck_assert_msg(d != NULL, "decoder_open: %s", err);
	/* Plain tests in the loop: each ck_assert is a write to a pipe. */
	while ((rc = decoder_next(d, &line, &len, &lineno)) == 1) {
		if (lineno != r->nlines + 1)
			ck_abort_msg("line %lu after %zu", lineno, r->nlines);
		if (strlen(line) != len || len > DECODE_LINE_MAX)
			ck_abort_msg("line %lu: bad length %zu", lineno, len);
		if (!valid_utf8(line, len))
			ck_abort_msg("line %lu: not UTF-8", lineno);
		keep(r, line, len);
		keep(r, "\n", 1);
		r->nlines++;
	}
	ck_assert_int_eq(rc, 0);
	/* The end stays the end. */
	ck_assert_int_eq(decoder_next(d, &line, &len, &lineno), 0);
	snprintf(r->encoding, sizeof r->encoding, "%s", decoder_encoding(d));
	r->bytes = decoder_bytes(d);
	decoder_close(d);
	if (r->text == NULL)
		keep(r, "", 0);
}

static void
run_mem(struct run *r, const void *buf, size_t len, const char *encoding)
{
	FILE	*fp;

	fp = tmpfile();
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(buf, 1, len, fp), len);
	rewind(fp);
	run_fp(r, fp, encoding);
	fclose(fp);
}

static void
run_str(struct run *r, const char *s, const char *encoding)
{
	run_mem(r, s, strlen(s), encoding);
}

static void
run_file(struct run *r, const char *name, const char *encoding)
{
	FILE	*fp;

	fp = fopen(name, "rb");
	ck_assert_msg(fp != NULL, "%s: %s", name, strerror(errno));
	run_fp(r, fp, encoding);
	fclose(fp);
}

/* A reader for buf that cannot seek: a pipe fed by a child. */
static FILE *
pipe_of(const void *buf, size_t len, pid_t *pid)
{
	const char	*p = buf;
	size_t		 n;
	ssize_t		 w;
	int		 fd[2];
	FILE		*fp;

	ck_assert_int_eq(pipe(fd), 0);
	*pid = fork();
	ck_assert_int_ne(*pid, -1);
	if (*pid == 0) {
		close(fd[0]);
		while (len > 0) {
			n = len < 4093 ? len : 4093;	/* odd: cut sequences */
			if ((w = write(fd[1], p, n)) <= 0)
				_exit(1);
			p += w;
			len -= w;
		}
		_exit(0);
	}
	close(fd[1]);
	fp = fdopen(fd[0], "rb");
	ck_assert_ptr_nonnull(fp);
	return fp;
}

static void
pipe_close(FILE *fp, pid_t pid)
{
	int	status;

	fclose(fp);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void
check_german(struct run *r)
{
	ck_assert_uint_eq(r->nlines, 2);
	ck_assert_str_eq(r->text, GERMAN_1 "\n" GERMAN_2 "\n");
	ck_assert_uint_eq(r->nissues, 0);
}

/* Fixed-seed xorshift64: the same garbage on every run. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t	x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

START_TEST(test_utf8_plain)
{
	struct run	r;

	run_file(&r, FIXTURES "utf8-plain.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-8");
	ck_assert_uint_eq(r.nlines, 4);
	ck_assert_str_eq(r.text, "Active Connections\n\n"
	    "  Proto  Local Address          Foreign Address        State"
	    "           PID\n"
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING"
	    "       1712\n");
	ck_assert_uint_eq(r.nissues, 0);
	ck_assert_uint_eq(r.bytes, 171);
	run_free(&r);
}
END_TEST

START_TEST(test_utf8_bom_stripped)
{
	struct run	r;

	run_file(&r, FIXTURES "utf8-bom.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-8+bom");
	check_german(&r);
	ck_assert_uint_eq(r.bytes, 79);
	run_free(&r);
}
END_TEST

START_TEST(test_utf16le_bom)
{
	struct run	r;

	run_file(&r, FIXTURES "utf16le-bom.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-16le+bom");
	check_german(&r);
	run_free(&r);
}
END_TEST

START_TEST(test_utf16le_without_bom)
{
	struct run	r;

	run_file(&r, FIXTURES "utf16le-nobom.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-16le");
	check_german(&r);
	run_free(&r);
}
END_TEST

START_TEST(test_utf16be_bom)
{
	struct run	r;

	run_file(&r, FIXTURES "utf16be-bom.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-16be+bom");
	check_german(&r);
	run_free(&r);
}
END_TEST

START_TEST(test_utf16be_without_bom)
{
	struct run	r;

	run_file(&r, FIXTURES "utf16be-nobom.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-16be");
	check_german(&r);
	run_free(&r);
}
END_TEST

START_TEST(test_utf16_surrogate_pair)
{
	struct run	r;

	run_file(&r, FIXTURES "utf16le-surrogate.txt", NULL);
	ck_assert_str_eq(r.encoding, "utf-16le+bom");
	ck_assert_str_eq(r.text, "smile \xf0\x9f\x98\x80 ok\n");
	run_free(&r);
}
END_TEST

START_TEST(test_utf16_broken_surrogates_replaced)
{
	/* 'a', lone high, 'b', lone low, LF, then an odd last byte. */
	static const char	in[] = "\xff\xfe" "a\0" "\x3d\xd8" "b\0"
				    "\x00\xdc" "\n\0" "x";
	struct run		r;

	run_mem(&r, in, sizeof in - 1, NULL);
	ck_assert_str_eq(r.encoding, "utf-16le+bom");
	ck_assert_str_eq(r.text,
	    "a\xef\xbf\xbd" "b\xef\xbf\xbd\n\xef\xbf\xbd\n");
	run_free(&r);
}
END_TEST

START_TEST(test_cp850_german_detected)
{
	struct run	r;

	run_file(&r, FIXTURES "cp850-de.txt", NULL);
	ck_assert_str_eq(r.encoding, "cp850");
	check_german(&r);
	run_free(&r);
}
END_TEST

START_TEST(test_forced_cp1252)
{
	struct run	r;

	run_file(&r, FIXTURES "cp1252.txt", "CP1252");
	ck_assert_str_eq(r.encoding, "cp1252");
	ck_assert_str_eq(r.text, "Caf\xc3\xa9 \xe2\x80\x93 10\xe2\x82\xac\n");
	ck_assert_uint_eq(r.nissues, 0);
	run_free(&r);

	/* The same bytes left to detection are CP850. */
	run_file(&r, FIXTURES "cp1252.txt", NULL);
	ck_assert_str_eq(r.encoding, "cp850");
	ck_assert_str_eq(r.text, "Caf\xc3\x9a \xc3\xbb 10\xc3\x87\n");
	run_free(&r);
}
END_TEST

START_TEST(test_forced_cp437)
{
	struct run	r;

	/* 0x9b is a cent sign in CP437 and o-slash in CP850. */
	run_str(&r, "ABH\x99REN \x9b\r\n", "cp437");
	ck_assert_str_eq(r.encoding, "cp437");
	ck_assert_str_eq(r.text, "ABH\xc3\x96REN \xc2\xa2\n");
	run_free(&r);
	run_str(&r, "ABH\x99REN \x9b\r\n", "CP850");
	ck_assert_str_eq(r.encoding, "cp850");
	ck_assert_str_eq(r.text, "ABH\xc3\x96REN \xc3\xb8\n");
	run_free(&r);
}
END_TEST

START_TEST(test_builtin_cp850_matches_iconv)
{
	unsigned char	all[256 * 2];
	struct run	r1, r2;
	int		i;

	/* Every byte but the line terminators, each followed by LF. */
	for (i = 0; i < 256; i++) {
		all[2 * i] = (i == '\n' || i == '\r') ? 'x' : i;
		all[2 * i + 1] = '\n';
	}
	run_mem(&r1, all, sizeof all, "cp850");
	run_mem(&r2, all, sizeof all, "CSPC850MULTILINGUAL");
	ck_assert_str_eq(r2.encoding, "cspc850multilingual");
	ck_assert_uint_eq(r1.nlines, 256);
	ck_assert_str_eq(r1.text, r2.text);
	ck_assert_uint_eq(r1.nissues, 1);		/* the NUL, line 1 */
	run_free(&r1);
	run_free(&r2);
}
END_TEST

START_TEST(test_forced_utf16le_and_utf8)
{
	struct run	r;

	run_file(&r, FIXTURES "utf16le-bom.txt", "UTF-16LE");
	ck_assert_str_eq(r.encoding, "utf-16le");
	check_german(&r);
	run_free(&r);
	run_file(&r, FIXTURES "utf16be-bom.txt", "utf-16");
	check_german(&r);
	run_free(&r);
	run_file(&r, FIXTURES "utf8-bom.txt", "utf8");
	ck_assert_str_eq(r.encoding, "utf8");
	check_german(&r);
	run_free(&r);
}
END_TEST

START_TEST(test_forced_iconv_multibyte)
{
	/* "ab", CRLF, "c", U+00D6, then half a character. */
	static const char	in[] = "a\0\0\0b\0\0\0\r\0\0\0\n\0\0\0"
				    "c\0\0\0\xd6\0\0\0" "\x01\x02";
	struct run		r;

	run_mem(&r, in, sizeof in - 1, "UTF-32LE");
	ck_assert_str_eq(r.encoding, "utf-32le");
	ck_assert_str_eq(r.text, "ab\nc\xc3\x96\xef\xbf\xbd\xef\xbf\xbd\n");
	run_free(&r);
}
END_TEST

START_TEST(test_cr_only)
{
	struct run	r;

	run_str(&r, "one\rtwo\r\rfour\r", NULL);
	ck_assert_uint_eq(r.nlines, 4);
	ck_assert_str_eq(r.text, "one\ntwo\n\nfour\n");
	run_free(&r);
}
END_TEST

START_TEST(test_mixed_terminators)
{
	struct run	r;

	run_str(&r, "a\r\nb\nc\rd\r\n\ne\n\rf", NULL);
	ck_assert_uint_eq(r.nlines, 8);
	ck_assert_str_eq(r.text, "a\nb\nc\nd\n\ne\n\nf\n");
	run_free(&r);
}
END_TEST

START_TEST(test_missing_final_newline)
{
	struct run	r;

	run_str(&r, "first\nlast", NULL);
	ck_assert_uint_eq(r.nlines, 2);
	ck_assert_str_eq(r.text, "first\nlast\n");
	run_free(&r);

	/* A final terminator does not make an empty last line... */
	run_str(&r, "first\r\nlast\r\n", NULL);
	ck_assert_uint_eq(r.nlines, 2);
	run_free(&r);
	run_str(&r, "first\rlast\r", NULL);
	ck_assert_uint_eq(r.nlines, 2);
	run_free(&r);

	/* ...but a lone terminator is one empty line. */
	run_str(&r, "\n", NULL);
	ck_assert_uint_eq(r.nlines, 1);
	ck_assert_str_eq(r.text, "\n");
	run_free(&r);
}
END_TEST

START_TEST(test_crlf_across_chunk_boundary)
{
	struct run	 r;
	FILE		*fp;
	pid_t		 pid;
	char		*buf;
	size_t		 len = 65535;	/* the CR is the last byte of 64 KiB */

	buf = malloc(len + 16);
	ck_assert_ptr_nonnull(buf);
	memset(buf, 'a', len);
	memcpy(buf + len, "\r\nnext\r\n", 8);
	fp = pipe_of(buf, len + 8, &pid);
	run_fp(&r, fp, NULL);
	pipe_close(fp, pid);
	ck_assert_uint_eq(r.nlines, 2);
	ck_assert_str_eq(r.text + len, "\nnext\n");

	/* A lone CR there is still a terminator. */
	memcpy(buf + len, "\rnext", 6);
	fp = pipe_of(buf, len + 6, &pid);
	run_free(&r);
	run_fp(&r, fp, NULL);
	pipe_close(fp, pid);
	ck_assert_uint_eq(r.nlines, 2);
	ck_assert_str_eq(r.text + len, "\nnext\n");
	run_free(&r);
	free(buf);
}
END_TEST

START_TEST(test_utf8_char_across_sniff_chunk)
{
	struct run	 r;
	char		*buf;
	size_t		 i;

	/* "x" lines up to byte 65534, then an 'é' across the 64 KiB mark. */
	buf = malloc(65536 + 8);
	ck_assert_ptr_nonnull(buf);
	for (i = 0; i < 65534; i += 2)
		memcpy(buf + i, "x\n", 2);
	memcpy(buf + 65534, "a\xc3\xa9\n", 4);
	run_mem(&r, buf, 65538, NULL);
	ck_assert_str_eq(r.encoding, "utf-8");
	ck_assert_uint_eq(r.nlines, 32768);
	ck_assert_str_eq(r.text + 65534, "a\xc3\xa9\n");
	ck_assert_uint_eq(r.nissues, 0);
	run_free(&r);
	free(buf);
}
END_TEST

START_TEST(test_truncated_utf8_at_end)
{
	struct run	r;

	run_str(&r, "ok\nabc\xc3", NULL);
	ck_assert_str_eq(r.encoding, "cp850");
	ck_assert_str_eq(r.text, "ok\nabc\xe2\x94\x9c\n");
	run_free(&r);

	/* In a file found to be UTF-8, only that line is CP850. */
	run_str(&r, "\xc3\xa9\nabc\xc3", "utf-8");
	ck_assert_str_eq(r.text, "\xc3\xa9\nabc\xe2\x94\x9c\n");
	ck_assert_uint_eq(r.nissues, 1);
	ck_assert_uint_eq(r.issues[0].line, 2);
	run_free(&r);
}
END_TEST

START_TEST(test_empty_file)
{
	struct run	r;

	run_file(&r, FIXTURES "empty.txt", NULL);
	ck_assert_uint_eq(r.nlines, 0);
	ck_assert_uint_eq(r.nissues, 0);
	ck_assert_uint_eq(r.bytes, 0);
	ck_assert_str_eq(r.encoding, "utf-8");
	run_free(&r);
}
END_TEST

START_TEST(test_nul_bytes_removed_and_reported)
{
	static const char	in[] = "ok\nA\0B\0\0C\r\nlast\0\n";
	struct run		r;

	run_mem(&r, in, sizeof in - 1, NULL);
	ck_assert_str_eq(r.encoding, "utf-8");
	ck_assert_str_eq(r.text, "ok\nABC\nlast\n");
	ck_assert_uint_eq(r.nissues, 2);
	ck_assert_uint_eq(r.issues[0].line, 2);
	ck_assert_str_eq(r.issues[0].reason, "3 NUL bytes removed");
	ck_assert_str_eq(r.issues[0].excerpt, "ABC");
	ck_assert_uint_eq(r.issues[1].line, 3);
	ck_assert_str_eq(r.issues[1].reason, "1 NUL byte removed");
	run_free(&r);
}
END_TEST

/*
 * "first", then a line of `len` bytes ('x' with a 2-byte 'é' across byte
 * DECODE_LINE_MAX), then `term`, then "after".
 */
static char *
long_input(size_t len, const char *term, size_t *total)
{
	char	*buf, *p;

	buf = malloc(len + 64);
	ck_assert_ptr_nonnull(buf);
	p = buf;
	memcpy(p, "first\n", 6);
	p += 6;
	memset(p, 'x', len);
	if (len > DECODE_LINE_MAX)
		memcpy(p + DECODE_LINE_MAX - 1, "\xc3\xa9", 2);
	p += len;
	memcpy(p, term, strlen(term));
	p += strlen(term);
	memcpy(p, "after\n", 6);
	p += 6;
	*total = p - buf;
	return buf;
}

START_TEST(test_long_line_cut_and_next_line_intact)
{
	static const char	*terms[] = { "\n", "\r\n", "\r" };
	struct run		 r;
	char			*buf, *want;
	size_t			 total, i, lens[] = { 70000, 300000 };
	int			 t;

	want = malloc(DECODE_LINE_MAX + 64);
	ck_assert_ptr_nonnull(want);
	for (i = 0; i < 2; i++) {
		for (t = 0; t < 3; t++) {
			buf = long_input(lens[i], terms[t], &total);
			run_mem(&r, buf, total, NULL);
			ck_assert_uint_eq(r.nlines, 3);

			/* Cut before the 'é' that does not fit. */
			memcpy(want, "first\n", 6);
			memset(want + 6, 'x', DECODE_LINE_MAX - 1);
			strcpy(want + 6 + DECODE_LINE_MAX - 1, "\nafter\n");
			ck_assert_str_eq(r.text, want);

			ck_assert_uint_eq(r.nissues, 1);
			ck_assert_uint_eq(r.issues[0].line, 2);
			ck_assert_str_eq(r.issues[0].reason,
			    "line longer than 65536 bytes, cut");
			ck_assert_uint_eq(strlen(r.issues[0].excerpt), 80);
			run_free(&r);
			free(buf);
		}
	}
	free(want);
}
END_TEST

START_TEST(test_long_line_limits)
{
	struct run	 r;
	char		*buf;
	size_t		 total;

	/* Exactly DECODE_LINE_MAX bytes is not cut. */
	buf = long_input(DECODE_LINE_MAX, "\r\n", &total);
	run_mem(&r, buf, total, NULL);
	ck_assert_uint_eq(r.nlines, 3);
	ck_assert_uint_eq(r.nissues, 0);
	run_free(&r);
	free(buf);

	/* An over-long last line without terminator. */
	buf = long_input(100000, "", &total);
	total -= 6;				/* drop "after\n" */
	run_mem(&r, buf, total, NULL);
	ck_assert_uint_eq(r.nlines, 2);
	ck_assert_uint_eq(r.nissues, 1);
	ck_assert_uint_eq(r.issues[0].line, 2);
	run_free(&r);
	free(buf);
}
END_TEST

START_TEST(test_invalid_utf8_line_falls_back_to_cp850)
{
	struct run	 r;
	char		*buf, *p, expect[128];
	size_t		 i, n = 3000;

	/* 3000 valid lines (past the first 64 KiB), one CP850, 10 valid. */
	buf = malloc((n + 11) * 64);
	ck_assert_ptr_nonnull(buf);
	p = buf;
	for (i = 1; i <= n; i++)
		p += sprintf(p, "  TCP    10.0.0.1:%zu    10.0.0.7:1433    "
		    "\xc3\x96 %zu\r\n", i, i);
	p += sprintf(p, "  TCP    0.0.0.0:135    0.0.0.0:0    ABH\x99REN"
	    "    1712\r\n");
	for (i = 0; i < 10; i++)
		p += sprintf(p, "after %zu\r\n", i);
	ck_assert_uint_gt(p - buf, 64 * 1024);
	run_mem(&r, buf, p - buf, NULL);

	ck_assert_str_eq(r.encoding, "utf-8");
	ck_assert_uint_eq(r.nlines, n + 11);
	ck_assert_uint_eq(r.nissues, 1);
	ck_assert_uint_eq(r.issues[0].line, n + 1);
	ck_assert_str_eq(r.issues[0].reason,
	    "not valid UTF-8, decoded as cp850");
	ck_assert_str_eq(r.issues[0].excerpt, GERMAN_2);
	snprintf(expect, sizeof expect, "\n%s\nafter 0\n", GERMAN_2);
	ck_assert_ptr_nonnull(strstr(r.text, expect));
	ck_assert_ptr_nonnull(strstr(r.text, "\xc3\x96 3000\n"));
	run_free(&r);
	free(buf);
}
END_TEST

START_TEST(test_binary_garbage_terminates_valid)
{
	struct run	 r;
	unsigned char	*buf;
	uint64_t	 seed = 0x9e3779b97f4a7c15ULL;
	size_t		 i, len = 200 * 1024;

	buf = malloc(len);
	ck_assert_ptr_nonnull(buf);
	for (i = 0; i < len; i++)
		buf[i] = next_random(&seed) >> 56;
	run_mem(&r, buf, len, NULL);		/* run_fp checks each line */
	ck_assert_uint_gt(r.nlines, 100);
	ck_assert_uint_eq(r.bytes, len);
	run_free(&r);

	/* Forced UTF-8 and UTF-16 on the same bytes. */
	run_mem(&r, buf, len, "utf-8");
	run_free(&r);
	run_mem(&r, buf, len, "utf-16le");
	run_free(&r);
	run_mem(&r, buf, len, "shift_jis");
	run_free(&r);

	/* Mostly NUL, no terminator: cut lines of what is left. */
	memset(buf, 0, len);
	for (i = 0; i < len; i += 7)
		buf[i] = next_random(&seed) >> 56 | 0x80;
	run_mem(&r, buf, len, NULL);
	run_free(&r);
	free(buf);
}
END_TEST

START_TEST(test_pipe_not_seekable)
{
	struct run	 r;
	FILE		*fp;

	fp = popen("cat " FIXTURES "utf16le-bom.txt", "r");
	ck_assert_ptr_nonnull(fp);
	run_fp(&r, fp, NULL);
	ck_assert_int_eq(fseek(fp, 0, SEEK_SET), -1);
	ck_assert_int_eq(errno, ESPIPE);
	ck_assert_int_eq(pclose(fp), 0);
	ck_assert_str_eq(r.encoding, "utf-16le+bom");
	check_german(&r);
	ck_assert_uint_eq(r.bytes, 152);
	run_free(&r);
}
END_TEST

/*
 * 300,000 lines with Ö and a surrogate pair, terminators LF, CRLF and CR in
 * turn, converted to tocode, through a pipe written in odd-sized pieces: every
 * buffer boundary falls somewhere awkward.
 */
static void
stress(const char *tocode, const char *bom, const char *forced,
    const char *expect)
{
	static const char	*terms[] = { "\n", "\r\n", "\r" };
	struct decoder		*d;
	iconv_t			 cd;
	FILE			*fp;
	pid_t			 pid;
	char			*text, *conv, *in, *out, want[64], err[256];
	const char		*line;
	size_t			 n = 300000, i, len, inleft, outleft, textlen;
	unsigned long		 lineno;
	int			 rc;

	text = malloc(n * 40);
	ck_assert_ptr_nonnull(text);
	textlen = 0;
	for (i = 1; i <= n; i++) {
		textlen += sprintf(text + textlen,
		    "line %zu \xc3\x96 \xf0\x9f\x98\x80%s", i, terms[i % 3]);
	}
	conv = malloc(textlen * 4 + 4);
	ck_assert_ptr_nonnull(conv);
	len = strlen(bom);
	memcpy(conv, bom, len);
	cd = iconv_open(tocode, "UTF-8");
	ck_assert(cd != (iconv_t)-1);
	in = text;
	inleft = textlen;
	out = conv + len;
	outleft = textlen * 4;
	ck_assert(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	len = out - conv;

	fp = pipe_of(conv, len, &pid);
	d = decoder_open(fp, forced, NULL, NULL, err, sizeof err);
	ck_assert_msg(d != NULL, "%s", err);
	ck_assert_str_eq(decoder_encoding(d), expect);
	for (i = 1; (rc = decoder_next(d, &line, NULL, &lineno)) == 1; i++) {
		snprintf(want, sizeof want, "line %zu \xc3\x96 \xf0\x9f\x98\x80",
		    i);
		if (lineno != i || strcmp(line, want) != 0)
			ck_abort_msg("line %lu: \"%s\", want %zu: \"%s\"",
			    lineno, line, i, want);
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(i - 1, n);
	ck_assert_uint_eq(decoder_bytes(d), len);
	decoder_close(d);
	pipe_close(fp, pid);
	free(conv);
	free(text);
}

START_TEST(test_pipe_large_utf8)
{
	stress("UTF-8", "", NULL, "utf-8");
}
END_TEST

START_TEST(test_pipe_large_utf16le_without_bom)
{
	stress("UTF-16LE", "", NULL, "utf-16le");
}
END_TEST

START_TEST(test_pipe_large_utf16be_bom)
{
	stress("UTF-16BE", "\xfe\xff", NULL, "utf-16be+bom");
}
END_TEST

START_TEST(test_pipe_large_forced_iconv)
{
	stress("UTF-32BE", "", "UTF-32BE", "utf-32be");
}
END_TEST

START_TEST(test_unknown_encoding)
{
	struct decoder	*d;
	FILE		*fp;
	char		 err[256];

	fp = fopen(FIXTURES "utf8-plain.txt", "rb");
	ck_assert_ptr_nonnull(fp);
	err[0] = '\0';
	d = decoder_open(fp, "klingon-8", NULL, NULL, err, sizeof err);
	ck_assert_ptr_null(d);
	ck_assert_str_eq(err, "unknown encoding: klingon-8");
	/* Nothing was read for a bad name. */
	ck_assert_int_eq(ftell(fp), 0);

	d = decoder_open(fp, "", NULL, NULL, err, sizeof err);
	ck_assert_ptr_null(d);
	ck_assert_ptr_nonnull(strstr(err, "unknown encoding"));
	fclose(fp);
}
END_TEST

START_TEST(test_unreadable_stream)
{
	struct decoder	*d;
	FILE		*fp;
	char		 err[256];

	fp = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(fp);
	d = decoder_open(fp, NULL, NULL, NULL, err, sizeof err);
	ck_assert_ptr_null(d);
	ck_assert_ptr_nonnull(strstr(err, "read error"));
	fclose(fp);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("decode");
	tc = tcase_create("decode");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_utf8_plain);
	tcase_add_test(tc, test_utf8_bom_stripped);
	tcase_add_test(tc, test_utf16le_bom);
	tcase_add_test(tc, test_utf16le_without_bom);
	tcase_add_test(tc, test_utf16be_bom);
	tcase_add_test(tc, test_utf16be_without_bom);
	tcase_add_test(tc, test_utf16_surrogate_pair);
	tcase_add_test(tc, test_utf16_broken_surrogates_replaced);
	tcase_add_test(tc, test_cp850_german_detected);
	tcase_add_test(tc, test_forced_cp1252);
	tcase_add_test(tc, test_forced_cp437);
	tcase_add_test(tc, test_builtin_cp850_matches_iconv);
	tcase_add_test(tc, test_forced_utf16le_and_utf8);
	tcase_add_test(tc, test_forced_iconv_multibyte);
	tcase_add_test(tc, test_cr_only);
	tcase_add_test(tc, test_mixed_terminators);
	tcase_add_test(tc, test_missing_final_newline);
	tcase_add_test(tc, test_crlf_across_chunk_boundary);
	tcase_add_test(tc, test_utf8_char_across_sniff_chunk);
	tcase_add_test(tc, test_truncated_utf8_at_end);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_nul_bytes_removed_and_reported);
	tcase_add_test(tc, test_long_line_cut_and_next_line_intact);
	tcase_add_test(tc, test_long_line_limits);
	tcase_add_test(tc, test_invalid_utf8_line_falls_back_to_cp850);
	tcase_add_test(tc, test_binary_garbage_terminates_valid);
	tcase_add_test(tc, test_pipe_not_seekable);
	tcase_add_test(tc, test_pipe_large_utf8);
	tcase_add_test(tc, test_pipe_large_utf16le_without_bom);
	tcase_add_test(tc, test_pipe_large_utf16be_bom);
	tcase_add_test(tc, test_pipe_large_forced_iconv);
	tcase_add_test(tc, test_unknown_encoding);
	tcase_add_test(tc, test_unreadable_stream);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/unit/run_suite.h"
