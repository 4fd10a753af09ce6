/*
 * fmt.c — numbers, names and columns as every renderer prints them.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/render.h"

char *
fmt_count(char *buf, size_t len, long n)
{
	char	tmp[32];
	size_t	i, j = 0, digits;
	int	neg = n < 0;

	snprintf(tmp, sizeof tmp, "%ld", neg ? -n : n);
	digits = strlen(tmp);
	if (len == 0)
		return buf;
	if (neg && j + 1 < len)
		buf[j++] = '-';
	for (i = 0; i < digits && j + 1 < len; i++) {
		if (i > 0 && (digits - i) % 3 == 0 && j + 2 < len)
			buf[j++] = ',';
		buf[j++] = tmp[i];
	}
	buf[j] = '\0';
	return buf;
}

char *
fmt_pct(char *buf, size_t len, double share)
{
	double	pct = share * 100.0;

	/* Never print 100% for less than all, nor 0% for more than none. */
	if (pct > 99.95 && share < 1.0)
		snprintf(buf, len, ">99.9%%");
	else if (pct < 0.05 && share > 0.0)
		snprintf(buf, len, "<0.1%%");
	else
		snprintf(buf, len, "%.1f%%", pct);
	return buf;
}

char *
fmt_pid(char *buf, size_t len, long pid)
{
	if (pid >= 0)
		snprintf(buf, len, "%ld", pid);
	else
		snprintf(buf, len, "-");
	return buf;
}

/*
 * A real in the shortest of %.15g, %.16g, %.17g that reads back as the same
 * double; the locale's decimal point written as '.'; ".0" added when it
 * would read as an integer. 
 */
char *
fmt_real(char *buf, size_t len, double r)
{
	const char	*dp = localeconv()->decimal_point;
	char		*p;
	size_t		 dl;
	int		 prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, r);
		if (strtod(buf, NULL) == r)
			break;
	}
	dl = dp != NULL ? strlen(dp) : 0;
	if (dl > 0 && strcmp(dp, ".") != 0 && (p = strstr(buf, dp)) != NULL) {
		*p = '.';
		memmove(p + 1, p + dl, strlen(p + dl) + 1);
	}
	if (strpbrk(buf, ".e") == NULL && strlen(buf) + 3 <= len)
		strcat(buf, ".0");
	return buf;
}

/* "+1,234", "-5", "0". */
char *
fmt_delta(char *buf, size_t len, long n)
{
	char	c[32];

	snprintf(buf, len, "%s%s", n > 0 ? "+" : "", fmt_count(c, sizeof c, n));
	return buf;
}
/* Minutes left as the text report says them: "17 min", "21.9 hours". */
char *
fmt_left(char *buf, size_t len, double minutes)
{
	if (minutes < 90)
		snprintf(buf, len, "%.0f min", minutes);
	else if (minutes < 2880)
		snprintf(buf, len, "%.1f hours", minutes / 60);
	else
		snprintf(buf, len, "%.0f days", minutes / 1440);
	return buf;
}
/* A length of time: "48 min 59 s", "2 h 5 min", "3 d 4 h". */
char *
fmt_duration(char *buf, size_t len, double seconds)
{
	long	t = lround(fabs(seconds));

	if (t < 60)
		snprintf(buf, len, "%ld s", t);
	else if (t < 3600 && t % 60 == 0)
		snprintf(buf, len, "%ld min", t / 60);
	else if (t < 3600)
		snprintf(buf, len, "%ld min %ld s", t / 60, t % 60);
	else if (t < 86400)
		snprintf(buf, len, "%ld h %ld min", t / 3600, t % 3600 / 60);
	else
		snprintf(buf, len, "%ld d %ld h", t / 86400, t % 86400 / 3600);
	return buf;
}

const char *
process_label(const char *process, long pid, char *buf, size_t len)
{
	if (process != NULL)
		return process;
	if (pid == 0)
		snprintf(buf, len, "(PID 0)");
	else if (pid > 0)
		snprintf(buf, len, "(PID %ld)", pid);
	else
		snprintf(buf, len, "(no PID in input)");
	return buf;
}

size_t
text_width(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

size_t
text_prefix(const char *s, size_t n)
{
	size_t	i, chars = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == n)
			break;
	return i;
}

void
text_cell(FILE *fp, const char *s, size_t w, int right)
{
	size_t	n = text_width(s);

	if (n > w) {
		fwrite(s, 1, text_prefix(s, w > 0 ? w - 1 : 0), fp);
		fputs("…", fp);
		return;
	}
	if (right)
		fprintf(fp, "%*s", (int)(w - n), "");
	fputs(s, fp);
	if (!right)
		fprintf(fp, "%*s", (int)(w - n), "");
}
