/*
 * powershell.c — PowerShell Get-NetTCPConnection output, and the
 * Get-Process output saved beside it.
 *
 * Reads, in any mix and as many runs as a collection loop appends:
 *
 * - tables (the default view saved with `>`, `Format-Table`, `Select-Object`
 *   of four columns or fewer): a header line, a line of dashes under each
 *   label, rows.  Columns are found from the dashes, so any width, subset
 *   and order of columns is read; a cell is the tokens that start where its
 *   label starts (left-aligned text) or end where it ends (right-aligned
 *   numbers), so an empty AppliedSetting or CPU(s) does not shift the rest.
 *   An address the table cut short ("2001:db8:...", PowerShell 7's "…") is
 *   kept as written, reported once;
 * - lists (`Format-List`, and `Select-Object` of five columns or more):
 *   "Name : value" lines, one record per blank-line-separated block;
 * - CSV (`Export-Csv`, `ConvertTo-Csv`), with or without the "#TYPE" line,
 *   quoted or not, ',' or ';' (-UseCulture) between fields: read by header
 *   name with libcsv, one line at a time into fixed buffers; the CIM columns
 *   portsift has no use for (CreationTime, InstanceID, CimClass, ...) are
 *   skipped.
 *
 * Which command made a table, list or CSV is told by its column names:
 * LocalAddress and LocalPort with RemoteAddress, RemotePort or State are
 * sockets (OwningProcess is the PID, a ProcessName column names it);
 * Id (or ProcessId) with ProcessName (or Name) are processes, sent as
 * process events so that the sockets of those PIDs get their names, kept
 * exactly as PowerShell prints them (no ".exe" added); PID 0, the Idle
 * process, is not named: Windows lists TIME_WAIT sockets under it, and the
 * analyses treat those apart.  Get-NetTCPSetting's DynamicPortRangeStartPort
 * and DynamicPortRangeNumberOfPorts state the dynamic port range (the
 * Internet setting's when several are listed); a netsh dynamicport block and
 * the other statements of rangescan.h are read too.
 *
 * States are PowerShell's enum names (Listen, TimeWait, Bound, ...), looked
 * up in the state table; a number (2, 11, 100: what the CIM class stores,
 * and what scripts that bypass the type data write) is the
 * MSFT_NetTCPConnection value, and state_raw keeps it as written.
 * Addresses come without ports or brackets; the zone ("%12") is kept apart.
 * A remote 0.0.0.0 or :: with port 0 is "no remote".
 *
 * Snapshots: a Get-Date line (or any stamp of stamp.h) starts one, and so
 * does the header of a socket table or CSV, unless it follows a stamp (one
 * snapshot) or a Get-Process listing of the same run (the processes belong
 * to the sockets after them).  A Timestamp column, as loops that Export-Csv
 * -Append write, starts a snapshot wherever its value changes.  Without
 * stamps, a Get-Process listing belongs to the snapshot it follows.
 *
 * A line that fits no rule is held back one line: when dashes follow, it
 * was a table header; else it is an issue.  A bad row is an issue with its
 * reason, and the rest of the input is read.  No allocation per line: every
 * cell is copied into fixed buffers in the parser's state, and libcsv keeps
 * its one buffer from line to line.
 */
#include <assert.h>
#include <csv.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/addr.h"
#include "parsers/decode.h"
#include "parsers/format.h"
#include "parsers/lex.h"
#include "parsers/rangescan.h"
#include "parsers/snapshots.h"
#include "parsers/stamp.h"

#define CELL_MAX	256	/* bytes kept of one cell */
#define MAXCOLS		160	/* columns read of a table or CSV */
#define MAXTOK		64	/* tokens of a table row */
#define HOLD_MAX	4096	/* longest line that may be a table header */
#define NAME_MAX_PS	64	/* longest column or property name */

#define NOT_OURS	"not Get-NetTCPConnection or Get-Process output"

/* The columns and properties portsift reads. */
enum field {
	F_NONE = -1,
	F_LADDR,
	F_LPORT,
	F_RADDR,
	F_RPORT,
	F_STATE,
	F_OPID,		/* OwningProcess, PID, ProcessId */
	F_ID,		/* Get-Process Id */
	F_PNAME,	/* ProcessName */
	F_NAME,		/* Name: the process name when there is no ProcessName */
	F_TIME,		/* a per-row Timestamp */
	F_SETTING,	/* Get-NetTCPSetting */
	F_DPSTART,
	F_DPCOUNT,
	F__COUNT
};

static const struct {
	const char	*name;
	enum field	 f;
} names[] = {
	{ "LocalAddress",			F_LADDR },
	{ "LocalPort",				F_LPORT },
	{ "RemoteAddress",			F_RADDR },
	{ "RemotePort",				F_RPORT },
	{ "State",				F_STATE },
	{ "OwningProcess",			F_OPID },
	{ "PID",				F_OPID },
	{ "ProcessId",				F_OPID },
	{ "Id",					F_ID },
	{ "ProcessName",			F_PNAME },
	{ "Name",				F_NAME },
	{ "Timestamp",				F_TIME },
	{ "DateTime",				F_TIME },
	{ "SettingName",			F_SETTING },
	{ "DynamicPortRangeStartPort",		F_DPSTART },
	{ "DynamicPortRangeNumberOfPorts",	F_DPCOUNT },
};

#define NNAMES	(sizeof(names) / sizeof(names[0]))

/* MSFT_NetTCPConnection.State as a number. */
static const struct {
	int		 value;
	enum state	 st;
} state_values[] = {
	{ 1, ST_CLOSED }, { 2, ST_LISTEN }, { 3, ST_SYN_SENT },
	{ 4, ST_SYN_RECEIVED }, { 5, ST_ESTABLISHED }, { 6, ST_FIN_WAIT_1 },
	{ 7, ST_FIN_WAIT_2 }, { 8, ST_CLOSE_WAIT }, { 9, ST_CLOSING },
	{ 10, ST_LAST_ACK }, { 11, ST_TIME_WAIT }, { 12, ST_DELETE_TCB },
	{ 100, ST_BOUND },
};

enum kind {
	K_OTHER,	/* a table or list portsift does not read */
	K_TCP,		/* Get-NetTCPConnection */
	K_PROC,		/* Get-Process */
	K_SETTING	/* Get-NetTCPSetting */
};

enum mode {
	M_TEXT,
	M_TABLE,	/* rows of the table whose header was read */
	M_CSV		/* rows of the CSV whose header was read */
};

struct cell {
	char	v[CELL_MAX];
	size_t	len;
	int	set;		/* the record has this column */
};

struct record {
	struct cell	 c[F__COUNT];
	unsigned long	 line;
};

/* The columns of the table or CSV being read. */
struct layout {
	enum kind	 kind;
	size_t		 ncols;				/* read, up to MAXCOLS */
	size_t		 nfields;			/* CSV: in the header */
	enum field	 f[MAXCOLS];
	size_t		 s[MAXCOLS], e[MAXCOLS];	/* table: dash runs */
	int		 has[F__COUNT];
	unsigned long	 line;				/* of the header */
};

/* A table row's token: bytes [b, be), display columns [c, ce). */
struct ptok {
	size_t	b, be;
	size_t	c, ce;
};

struct pwsh {
	const struct ps_sink	*sink;
	struct snapper		 snap;
	struct rangescan	 ranges;

	enum mode		 mode;
	struct layout		 tab;
	struct layout		 cand;		/* a header being read */
	struct record		 rec;

	/* CSV: libcsv's parser, the delimiter, where a line's fields went. */
	struct csv_parser	 csv;
	int			 csv_ok;
	int			 csv_expect;	/* a "#TYPE" line came */
	int			 csv_header;	/* the line is read as a header */
	unsigned char		 delim;
	size_t			 csv_col;

	/* Format-List: the record being read. */
	int			 in_list;
	unsigned long		 list_line;
	char			 list_text[160];

	/* A line that fits no rule, kept until the next shows no dashes. */
	int			 held;
	unsigned long		 held_line;
	size_t			 held_len;
	char			 held_text[HOLD_MAX];

	/* What the current run has had since its stamp or header. */
	unsigned long		 sockets_since;
	unsigned long		 procs_since;

	/* The Timestamp column's last value. */
	int			 have_time;
	char			 last_time[CELL_MAX];
	int			 bad_time_reported;

	/* Get-NetTCPSetting: the range to state when its listing ends. */
	int			 set_pending;
	int			 set_internet;
	struct ps_range		 set_range;
	char			 set_source[96];

	struct state_seen	 unknown;	/* state words reported */
	int			 cut_reported;

	char			 buf[DECODE_LINE_MAX + 1];	/* ANSI-free copy */
};



static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static void
issue(struct pwsh *w, unsigned long line, const char *reason,
    const char *text)
{
	w->sink->issue(w->sink->ctx, line, reason, text);
}

static enum field
field_named(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < NNAMES; i++)
		if (strlen(names[i].name) == len &&
		    strncasecmp(names[i].name, s, len) == 0)
			return names[i].f;
	return F_NONE;
}

static enum kind
kind_of(const int *has)
{
	if (has[F_LADDR] && has[F_LPORT] &&
	    (has[F_RADDR] || has[F_RPORT] || has[F_STATE]))
		return K_TCP;
	if (has[F_DPSTART] || has[F_DPCOUNT])
		return K_SETTING;
	if ((has[F_ID] || has[F_OPID]) && (has[F_PNAME] || has[F_NAME]) &&
	    !has[F_LADDR])
		return K_PROC;
	return K_OTHER;
}

static void
rec_reset(struct pwsh *w, unsigned long line)
{
	int	i;

	for (i = 0; i < F__COUNT; i++) {
		w->rec.c[i].set = 0;
		w->rec.c[i].len = 0;
		w->rec.c[i].v[0] = '\0';
	}
	w->rec.line = line;
}

static void
cell_set(struct pwsh *w, enum field f, const char *s, size_t len)
{
	struct cell	*c = &w->rec.c[f];

	while (len > 0 && is_blank(*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	lex_copy(c->v, sizeof c->v, s, len);
	c->len = strlen(c->v);
	c->set = 1;
}

/*
 * Snapshots.
 */

/* The Get-NetTCPSetting range, once its listing is over. */
static void
settings_flush(struct pwsh *w)
{
	if (!w->set_pending)
		return;
	w->set_pending = 0;
	w->set_internet = 0;
	snapper_range(&w->snap, &w->set_range);
}

static void
boundary_stamp(struct pwsh *w, const struct stamp *st, const char *text,
    unsigned long lineno)
{
	settings_flush(w);
	snapper_stamp(&w->snap, st, text, lineno);
	w->sockets_since = w->procs_since = 0;
}

/* The header of a socket table or CSV. */
static void
boundary_header(struct pwsh *w, unsigned long lineno)
{
	settings_flush(w);
	if (w->sockets_since == 0 && w->procs_since > 0)
		return;		/* Get-Process first: the same run */
	snapper_header(&w->snap, lineno);
	w->sockets_since = w->procs_since = 0;
}

/* Before a socket or process event. */
static void
open_for(struct pwsh *w, unsigned long lineno)
{
	settings_flush(w);
	snapper_socket(&w->snap, lineno);
}

/*
 * Records: a table row, a CSV row or a list block, as cells.
 */

static void
unknown_state(struct pwsh *w, const char *word, unsigned long line,
    const char *text)
{
	char	reason[160];

	if (state_unknown_once(&w->unknown, word, reason, sizeof reason))
		issue(w, line, reason, text);
}

/* "2001:db8:85a3:1234:5678:8a2e:370..." or PowerShell 7's "…". */
static int
cut_short(const char *s, size_t len)
{
	return (len > 3 && memcmp(s + len - 3, "...", 3) == 0) ||
	    (len > 3 && memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0);
}

/*
 * An address without a port, as PowerShell writes it: "::", "0.0.0.0",
 * "fe80::1%12".  Returns its family, or 0 when it is not an address.
 */
static int
addr_cell(struct pwsh *w, const struct cell *c, struct endpoint *ep,
    const char *text)
{
	const char	*s = c->v, *pct;
	size_t		 len = c->len;
	int		 family;

	ep->addr[0] = ep->zone[0] = ep->port_name[0] = '\0';
	ep->port = -1;
	ep->numeric = 1;
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
		s++;
		len -= 2;
	}
	if (len == 0)
		return 0;
	if ((family = addr_canon(s, len, ep->addr, sizeof ep->addr)) != 0)
		return family;
	if ((pct = memchr(s, '%', len)) != NULL) {
		lex_copy(ep->zone, sizeof ep->zone, pct + 1,
		    (size_t)(s + len - pct - 1));
		if ((family = addr_canon(s, (size_t)(pct - s), ep->addr,
		    sizeof ep->addr)) != 0)
			return family;
		ep->zone[0] = '\0';
	}
	if (!cut_short(s, len))
		return 0;
	/* Cut by the table: kept as written, a name and not a number. */
	lex_copy(ep->addr, sizeof ep->addr, s, len);
	ep->numeric = 0;
	if (!w->cut_reported) {
		w->cut_reported = 1;
		issue(w, w->rec.line, "address cut short by the table width: "
		    "kept as written (Export-Csv or Format-Table -AutoSize "
		    "keep whole addresses; reported once)", text);
	}
	return memchr(s, ':', len) != NULL ? 6 : 4;
}

/* A port: 0..65535; -1 when it is not one. */
static long
port_cell(const struct cell *c)
{
	long	v;

	if (!lex_digits(c->v, c->len))
		return -1;
	v = strtol(c->v, NULL, 10);
	return v <= 65535 ? v : -1;
}

static enum state
state_cell(struct pwsh *w, const struct cell *c, const char *text)
{
	enum state	st;
	size_t		i;
	long		v;

	if (lex_digits(c->v, c->len)) {
		v = strtol(c->v, NULL, 10);
		for (i = 0; i < sizeof state_values / sizeof state_values[0];
		    i++)
			if (state_values[i].value == v)
				return state_values[i].st;
		unknown_state(w, c->v, w->rec.line, text);
		return ST_UNKNOWN;
	}
	if ((st = state_lookup(c->v, c->len)) == ST_UNKNOWN)
		unknown_state(w, c->v, w->rec.line, text);
	return st;
}

/* A Timestamp value that differs from the last: a new snapshot. */
static void
time_cell(struct pwsh *w, const struct cell *c, const char *text)
{
	struct stamp	st;

	if (c->len == 0 || (w->have_time && strcmp(c->v, w->last_time) == 0))
		return;
	lex_copy(w->last_time, sizeof w->last_time, c->v, c->len);
	w->have_time = 1;
	if (stamp_parse(c->v, &st)) {
		boundary_stamp(w, &st, c->v, w->rec.line);
		return;
	}
	if (!w->bad_time_reported) {
		w->bad_time_reported = 1;
		issue(w, w->rec.line, "Timestamp that is not a date and time: "
		    "no snapshot made from it (reported once)", text);
	}
}

static void
tcp_record(struct pwsh *w, const char *text)
{
	struct record		*r = &w->rec;
	struct ps_socket	 k;
	struct cell		*c;
	long			 v;
	int			 family;

	memset(&k, 0, sizeof k);
	k.proto = PROTO_TCP;
	k.pid = -1;
	k.line = r->line;

	if ((family = addr_cell(w, &r->c[F_LADDR], &k.local, text)) == 0) {
		issue(w, r->line, "local address that is not an IP address",
		    text);
		return;
	}
	if ((v = port_cell(&r->c[F_LPORT])) < 0) {
		issue(w, r->line, "local port that is not a port number", text);
		return;
	}
	k.local.port = (int)v;
	k.family = family;

	c = &r->c[F_RADDR];
	if (c->set && c->len == 0) {
		issue(w, r->line, "row without its remote address", text);
		return;
	}
	if (!c->set)
		addr_none(&k.remote);
	else if (addr_cell(w, c, &k.remote, text) == 0) {
		issue(w, r->line, "remote address that is not an IP address",
		    text);
		return;
	}
	c = &r->c[F_RPORT];
	if (c->set && c->len > 0) {
		if ((v = port_cell(c)) < 0) {
			issue(w, r->line, "remote port that is not a port "
			    "number", text);
			return;
		}
		k.remote.port = (int)v;
	} else if (c->set) {
		issue(w, r->line, "row without its remote port", text);
		return;
	}
	if (k.remote.numeric && (k.remote.port == 0 || k.remote.port == -1) &&
	    (strcmp(k.remote.addr, "0.0.0.0") == 0 ||
	    strcmp(k.remote.addr, "::") == 0))
		addr_none(&k.remote);

	c = &r->c[F_STATE];
	if (c->set && c->len == 0) {
		issue(w, r->line, "row without its state", text);
		return;
	}
	k.state = c->set ? state_cell(w, c, text) : ST_UNKNOWN;
	k.state_raw = c->set ? c->v : NULL;

	c = &r->c[F_OPID];
	if (c->set && lex_digits(c->v, c->len))
		k.pid = strtol(c->v, NULL, 10);
	else if (c->set)
		issue(w, r->line, c->len == 0 ? "row without its OwningProcess: "
		    "stored without a PID" : "OwningProcess that is not a "
		    "number: stored without a PID", text);
	c = &r->c[F_PNAME];
	if (c->set && c->len > 0 && k.pid != 0)
		k.process = c->v;

	if (r->c[F_TIME].set)
		time_cell(w, &r->c[F_TIME], text);
	open_for(w, r->line);
	w->sink->socket(w->sink->ctx, &k);
	w->sockets_since++;
}

static void
proc_record(struct pwsh *w, const char *text)
{
	struct record		*r = &w->rec;
	struct ps_process	 pr;
	const struct cell	*id, *name;

	id = r->c[F_ID].set ? &r->c[F_ID] : &r->c[F_OPID];
	name = r->c[F_PNAME].set ? &r->c[F_PNAME] : &r->c[F_NAME];
	if (!lex_digits(id->v, id->len)) {
		issue(w, r->line, "process without a numeric Id", text);
		return;
	}
	if (name->len == 0) {
		issue(w, r->line, "process without a name", text);
		return;
	}
	memset(&pr, 0, sizeof pr);
	pr.pid = strtol(id->v, NULL, 10);
	if (pr.pid == 0)
		return;		/* Idle: TIME_WAIT sockets are listed under it */
	pr.image = name->v;
	pr.line = r->line;
	open_for(w, r->line);
	w->sink->process(w->sink->ctx, &pr);
	w->procs_since++;
}

/* Get-NetTCPSetting: the Internet setting's range, else the first. */
static void
setting_record(struct pwsh *w, const char *text)
{
	struct record	*r = &w->rec;
	const struct cell *a = &r->c[F_DPSTART], *b = &r->c[F_DPCOUNT];
	const struct cell *name = &r->c[F_SETTING];
	long		 lo, n;
	int		 internet;

	if (a->len == 0 || b->len == 0)
		return;			/* "Automatic" lists no range */
	if (!lex_digits(a->v, a->len) || !lex_digits(b->v, b->len)) {
		issue(w, r->line, "Get-NetTCPSetting dynamic port range that "
		    "is not a number: ignored", text);
		return;
	}
	lo = strtol(a->v, NULL, 10);
	n = strtol(b->v, NULL, 10);
	if (lo < 1 || n < 1 || lo + n - 1 > 65535) {
		issue(w, r->line, "Get-NetTCPSetting dynamic port range out of "
		    "bounds: ignored", text);
		return;
	}
	internet = name->len == 8 && strncasecmp(name->v, "Internet", 8) == 0;
	if (w->set_pending && (w->set_internet || !internet))
		return;
	memset(&w->set_range, 0, sizeof w->set_range);
	w->set_range.lo = (int)lo;
	w->set_range.hi = (int)(lo + n - 1);
	w->set_range.proto = PROTO_TCP;
	w->set_range.line = r->line;
	if (name->len > 0)
		snprintf(w->set_source, sizeof w->set_source,
		    "Get-NetTCPSetting %.64s", name->v);
	else
		snprintf(w->set_source, sizeof w->set_source,
		    "Get-NetTCPSetting");
	w->set_range.source = w->set_source;
	w->set_pending = 1;
	w->set_internet = internet;
}

static void
record_done(struct pwsh *w, enum kind kind, const char *text)
{
	switch (kind) {
	case K_TCP:
		tcp_record(w, text);
		break;
	case K_PROC:
		proc_record(w, text);
		break;
	case K_SETTING:
		setting_record(w, text);
		break;
	case K_OTHER:
		break;
	}
}

/* Checks that a layout is complete enough, and says what it lacks. */
static void
layout_ready(struct pwsh *w, const char *text)
{
	struct layout	*t = &w->tab;

	if (t->kind == K_OTHER) {
		issue(w, t->line, t->has[F_LADDR] && t->has[F_LPORT] ?
		    "LocalAddress and LocalPort without RemoteAddress, "
		    "RemotePort or State (not TCP connections): its rows are "
		    "skipped" : "columns that are not Get-NetTCPConnection's "
		    "or Get-Process's: its rows are skipped", text);
		return;
	}
	if (t->kind != K_TCP)
		return;
	if (!t->has[F_STATE])
		issue(w, t->line, "no State column: states stored as UNKNOWN",
		    text);
	if (!t->has[F_OPID])
		issue(w, t->line, "no OwningProcess column (a console too "
		    "narrow drops it): sockets stored without a PID; Export-Csv "
		    "keeps every column", text);
	if (!t->has[F_TIME])
		boundary_header(w, t->line);
}

/*
 * Tables.
 */

/* A line of dashes and blanks, as under a table header. */
static int
dash_line(const char *p, size_t len)
{
	size_t	i;
	int	dash = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '-')
			dash = 1;
		else if (p[i] != ' ')
			return 0;
	}
	return dash;
}

/* Bytes [*b0, *b1) of the display columns [s, e) of s[0..len). */
static void
col_bytes(const char *p, size_t len, size_t s, size_t e, size_t *b0,
    size_t *b1)
{
	size_t	i, col = 0;

	*b0 = *b1 = len;
	for (i = 0; i <= len; i++) {
		if (i < len && ((unsigned char)p[i] & 0xc0) == 0x80)
			continue;	/* inside a UTF-8 character */
		if (col == s && *b0 == len)
			*b0 = i;
		if (col == e) {
			*b1 = i;
			break;
		}
		col++;
	}
	if (*b1 < *b0)
		*b1 = *b0;
}

static int
header_char(const char *p, size_t len, size_t col)
{
	size_t	b0, b1;

	col_bytes(p, len, col, col + 1, &b0, &b1);
	return b0 < len && p[b0] != ' ';
}

/*
 * The held line is a header when the dashes under it start or end where its
 * labels do.  Returns 1 when a table begins.
 */
static int
table_start(struct pwsh *w, const char *d, size_t dlen)
{
	struct layout	*t = &w->cand;
	const char	*h = w->held_text;
	size_t		 hlen = w->held_len, i = 0, n = 0, b0, b1;
	int		 named = 0;

	memset(t->has, 0, sizeof t->has);
	while (i < dlen) {
		while (i < dlen && d[i] == ' ')
			i++;
		if (i == dlen)
			break;
		if (n == MAXCOLS)
			return 0;
		t->s[n] = i;
		while (i < dlen && d[i] == '-')
			i++;
		t->e[n] = i;
		if (!header_char(h, hlen, t->s[n]) &&
		    !header_char(h, hlen, t->e[n] - 1))
			return 0;
		col_bytes(h, hlen, t->s[n], t->e[n], &b0, &b1);
		while (b0 < b1 && h[b0] == ' ')
			b0++;
		while (b1 > b0 && h[b1 - 1] == ' ')
			b1--;
		if (b0 == b1)
			return 0;
		t->f[n] = field_named(h + b0, b1 - b0);
		if (t->f[n] != F_NONE) {
			t->has[t->f[n]] = 1;
			named = 1;
		}
		n++;
	}
	if (n == 0)
		return 0;
	t->ncols = n;
	t->kind = named ? kind_of(t->has) : K_OTHER;
	t->line = w->held_line;
	w->tab = *t;
	w->mode = M_TABLE;
	w->held = 0;
	layout_ready(w, h);
	return 1;
}

static size_t
tokenize(const char *p, size_t len, struct ptok *t, size_t max)
{
	size_t	i = 0, col = 0, n = 0;

	while (i < len && n < max) {
		while (i < len && is_blank(p[i])) {
			i++;
			col++;
		}
		if (i == len)
			break;
		t[n].b = i;
		t[n].c = col;
		while (i < len && !is_blank(p[i])) {
			if (((unsigned char)p[i] & 0xc0) != 0x80)
				col++;
			i++;
		}
		t[n].be = i;
		t[n].ce = col;
		n++;
	}
	if (n == max && n > 0) {
		t[n - 1].be = len;	/* the rest goes with the last */
		t[n - 1].ce = (size_t)-1;
	}
	return n;
}

/* The column a token belongs to: by its start, its end, or what it follows. */
static size_t
column_of(const struct layout *t, const struct ptok *k)
{
	size_t	i, best = 0;

	for (i = 0; i < t->ncols; i++)
		if (t->s[i] == k->c)
			return i;
	for (i = 0; i < t->ncols; i++)
		if (t->e[i] == k->ce)
			return i;
	for (i = 0; i < t->ncols; i++)
		if (t->s[i] <= k->c)
			best = i;
	return best;
}

/* A row of the table being read: 1 when the line was one. */
static int
table_row(struct pwsh *w, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	struct layout	*t = &w->tab;
	struct ptok	 tok[MAXTOK];
	size_t		 first[MAXCOLS], last[MAXCOLS] = { 0 };
	size_t		 n, i, col;
	struct endpoint	 ep;

	if (t->kind == K_OTHER)
		return 1;			/* skipped, said at its header */
	n = tokenize(p, len, tok, MAXTOK);
	for (i = 0; i < t->ncols; i++)
		first[i] = (size_t)-1;
	for (i = 0; i < n; i++) {
		col = column_of(t, &tok[i]);
		if (first[col] == (size_t)-1)
			first[col] = tok[i].b;
		last[col] = tok[i].be;
	}
	rec_reset(w, lineno);
	for (i = 0; i < t->ncols; i++) {
		if (t->f[i] == F_NONE)
			continue;
		if (first[i] == (size_t)-1)
			cell_set(w, t->f[i], "", 0);
		else
			cell_set(w, t->f[i], p + first[i], last[i] - first[i]);
	}
	/* Is it a row at all, or a line for the other rules? */
	switch (t->kind) {
	case K_TCP:
		if (!lex_digits(w->rec.c[F_LPORT].v, w->rec.c[F_LPORT].len) &&
		    addr_canon(w->rec.c[F_LADDR].v, w->rec.c[F_LADDR].len,
		    ep.addr, sizeof ep.addr) == 0)
			return 0;
		break;
	case K_PROC:
		if (!lex_digits(w->rec.c[F_ID].v, w->rec.c[F_ID].len) &&
		    !lex_digits(w->rec.c[F_OPID].v, w->rec.c[F_OPID].len))
			return 0;
		break;
	case K_SETTING:
	case K_OTHER:
		break;
	}
	record_done(w, t->kind, line);
	return 1;
}

/*
 * CSV, through libcsv: each line is parsed on its own, its fields copied
 * into the record's cells (or, for a header, mapped to fields).
 */

static void
csv_field(void *s, size_t len, void *arg)
{
	struct pwsh	*w = arg;
	size_t		 i = w->csv_col++;

	if (w->csv_header) {
		if (i >= MAXCOLS)
			return;
		w->cand.f[i] = s != NULL ? field_named(s, len) : F_NONE;
		if (w->cand.f[i] != F_NONE)
			w->cand.has[w->cand.f[i]] = 1;
		return;
	}
	if (i < w->tab.ncols && w->tab.f[i] != F_NONE)
		cell_set(w, w->tab.f[i], s != NULL ? s : "", s != NULL ? len :
		    0);
}

static void
csv_parse_line(struct pwsh *w, const char *p, size_t len, int header)
{
	w->csv_header = header;
	w->csv_col = 0;
	csv_parse(&w->csv, p, len, csv_field, NULL, w);
	csv_fini(&w->csv, csv_field, NULL, w);
}

/* A CSV header naming the columns portsift reads: 1 when the line was one. */
static int
csv_header(struct pwsh *w, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	struct layout	*t = &w->cand;
	unsigned char	 d;
	int		 expect = w->csv_expect;

	w->csv_expect = 0;
	if (!w->csv_ok || (d = lex_csv_delim(p, len)) == 0)
		return 0;
	if (!(p[0] == '"' || isalpha((unsigned char)p[0])))
		return 0;
	csv_set_delim(&w->csv, d);
	memset(t->has, 0, sizeof t->has);
	csv_parse_line(w, p, len, 1);
	if (w->csv_col < 2 || (kind_of(t->has) == K_OTHER && !expect)) {
		csv_set_delim(&w->csv, w->delim);
		return 0;
	}
	w->delim = d;
	t->ncols = w->csv_col < MAXCOLS ? w->csv_col : MAXCOLS;
	t->nfields = w->csv_col;
	t->kind = kind_of(t->has);
	t->line = lineno;
	w->tab = *t;
	w->mode = M_CSV;
	layout_ready(w, line);
	return 1;
}

enum csv_row {
	CSV_ROW,		/* a row, read */
	CSV_AGAIN,		/* the header again: another run */
	CSV_NOT			/* not a row of this CSV */
};

static enum csv_row
csv_row(struct pwsh *w, const char *p, size_t len, unsigned long lineno,
    const char *line)
{
	struct layout	*t = &w->tab;
	size_t		 i;
	int		 again = 1, named = 0, names_in = 0;
	enum field	 f;

	rec_reset(w, lineno);
	csv_parse_line(w, p, len, 0);
	if (w->csv_col != t->nfields)
		return CSV_NOT;
	/*
	 * A header repeated by appended ConvertTo-Csv runs; or another CSV's
	 * header with as many columns (its cells are column names).
	 */
	for (i = 0; i < t->ncols; i++) {
		if (t->f[i] == F_NONE)
			continue;
		named = 1;
		f = field_named(w->rec.c[t->f[i]].v, w->rec.c[t->f[i]].len);
		if (f != t->f[i])
			again = 0;
		if (f != F_NONE)
			names_in = 1;
	}
	if (names_in && !(named && again))
		return CSV_NOT;
	if (named && again) {
		t->line = lineno;
		if (t->kind == K_TCP && !t->has[F_TIME])
			boundary_header(w, lineno);
		return CSV_AGAIN;
	}
	record_done(w, t->kind, line);
	return CSV_ROW;
}

/*
 * Lists: "Name : value".
 */

static int
list_line(const char *p, size_t len, const char **name, size_t *nlen,
    const char **val, size_t *vlen)
{
	size_t	i = 0;

	if (len == 0 || !(isalpha((unsigned char)p[0]) || p[0] == '_'))
		return 0;
	while (i < len && (isalnum((unsigned char)p[i]) || p[i] == '_' ||
	    p[i] == '(' || p[i] == ')' || p[i] == '-' || p[i] == '.'))
		i++;
	if (i > NAME_MAX_PS)
		return 0;
	*name = p;
	*nlen = i;
	while (i < len && p[i] == ' ')
		i++;
	if (i == len || p[i] != ':')
		return 0;
	i++;
	if (i < len && p[i] != ' ')
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	*val = p + i;
	*vlen = len - i;
	return 1;
}

static void
list_end(struct pwsh *w)
{
	int		has[F__COUNT], i;
	enum kind	kind;

	if (!w->in_list)
		return;
	w->in_list = 0;
	for (i = 0; i < F__COUNT; i++)
		has[i] = w->rec.c[i].set;
	if ((kind = kind_of(has)) == K_OTHER)
		issue(w, w->list_line, NOT_OURS, w->list_text);
	else
		record_done(w, kind, w->list_text);
}

static void
list_field(struct pwsh *w, const char *name, size_t nlen, const char *val,
    size_t vlen, unsigned long lineno, const char *line)
{
	enum field	f;

	if (!w->in_list) {
		w->in_list = 1;
		w->list_line = lineno;
		lex_copy(w->list_text, sizeof w->list_text, line, strlen(line));
		rec_reset(w, lineno);
	}
	if ((f = field_named(name, nlen)) == F_NONE || w->rec.c[f].set)
		return;
	cell_set(w, f, val, vlen);
}

/*
 * Lines.
 */

/* Drop ANSI escape sequences (PowerShell 7 colours headers on a terminal). */
static const char *
strip_ansi(struct pwsh *w, const char *line, size_t *len)
{
	size_t	i, o = 0;

	if (memchr(line, 0x1b, *len) == NULL)
		return line;
	for (i = 0; i < *len && o < sizeof w->buf - 1; i++) {
		if (line[i] == 0x1b && i + 1 < *len && line[i + 1] == '[') {
			for (i += 2; i < *len && !(line[i] >= 0x40 &&
			    line[i] <= 0x7e); i++)
				;
			continue;
		}
		if (line[i] == 0x1b)
			continue;
		w->buf[o++] = line[i];
	}
	w->buf[o] = '\0';
	*len = o;
	return w->buf;
}

/* An echoed prompt ("PS C:\> Get-NetTCPConnection") or a line of '='. */
static int
noise_line(const char *p, size_t len)
{
	size_t	i;

	if (len > 3 && p[0] == 'P' && p[1] == 'S' && (p[2] == ' ' ||
	    p[2] == '>') && memchr(p, '>', len) != NULL)
		return 1;
	if (len > 3 && isalpha((unsigned char)p[0]) && p[1] == ':' &&
	    p[2] == '\\' && memchr(p, '>', len) != NULL)
		return 1;
	for (i = 0; i < len; i++)
		if (strchr("-=*#_ ", p[i]) == NULL)
			return 0;
	return len >= 3;
}

/* The line held back fit no rule and no dashes came: an issue now. */
static void
release_held(struct pwsh *w)
{
	if (!w->held)
		return;
	w->held = 0;
	issue(w, w->held_line, NOT_OURS, w->held_text);
}

static void
ps_line(void *arg, const char *line, size_t len, unsigned long lineno)
{
	struct pwsh	*w = arg;
	struct stamp	 st;
	struct ps_range	 r;
	const char	*p, *name, *val;
	size_t		 nlen, vlen, lead;
	int		 lst, done, bad;
	enum csv_row	 cr;

	line = strip_ansi(w, line, &len);
	while (len > 0 && (is_blank(line[len - 1]) || line[len - 1] == '\r'))
		len--;
	for (lead = 0; lead < len && is_blank(line[lead]); lead++)
		;
	p = line + lead;

	if (lead == len) {
		release_held(w);
		list_end(w);
		if (w->mode == M_TABLE)
			w->mode = M_TEXT;	/* a table ends at a blank */
		rangescan_line(&w->ranges, line, 0, lineno, &r, &done, &bad);
		return;
	}

	if (w->held) {
		if (dash_line(line, len) && table_start(w, line, len))
			return;
		release_held(w);
	}

	if (w->mode == M_CSV && (p[0] == '"' || !stamp_parse(p, &st))) {
		if ((cr = csv_row(w, p, len - lead, lineno, line)) != CSV_NOT)
			return;
		if (csv_header(w, p, len - lead, lineno, line))
			return;
		if (p[0] == '"') {
			issue(w, lineno, "CSV row whose fields do not match its "
			    "header", line);
			return;
		}
	}
	if (w->mode == M_TABLE && table_row(w, line, len, lineno, line))
		return;

	lst = list_line(p, len - lead, &name, &nlen, &val, &vlen);
	if (w->in_list && !lst && lead > 0)
		return;			/* a long value wrapped */
	if (rangescan_line(&w->ranges, p, len - lead, lineno, &r, &done,
	    &bad)) {
		list_end(w);
		if (bad)
			issue(w, lineno, "dynamic port range out of bounds: "
			    "ignored", line);
		else if (done)
			snapper_range(&w->snap, &r);
		return;
	}
	if (lst) {
		if (w->mode == M_TABLE)
			w->mode = M_TEXT;
		list_field(w, name, nlen, val, vlen, lineno, line);
		return;
	}
	list_end(w);
	if (stamp_parse(p, &st)) {
		boundary_stamp(w, &st, line, lineno);
		return;
	}
	if (len - lead > 6 && strncmp(p, "#TYPE ", 6) == 0) {
		w->csv_expect = 1;
		return;
	}
	if (csv_header(w, p, len - lead, lineno, line))
		return;
	if (noise_line(p, len - lead))
		return;
	if (len < sizeof w->held_text) {
		memcpy(w->held_text, line, len);
		w->held_text[len] = '\0';
		w->held_len = len;
		w->held_line = lineno;
		w->held = 1;
		return;
	}
	issue(w, lineno, NOT_OURS, line);
}

static void *
ps_open(const struct ps_sink *sink, const struct parse_opts *opts)
{
	struct pwsh	*w;

	(void)opts;
	if ((w = calloc(1, sizeof *w)) == NULL)
		return NULL;
	w->sink = sink;
	snapper_init(&w->snap, sink, "windows", "Get-NetTCPConnection output");
	rangescan_init(&w->ranges);
	w->csv_ok = csv_init(&w->csv, 0) == 0;
	w->delim = ',';
	return w;
}

static void
ps_close(void *arg)
{
	struct pwsh	*w = arg;

	release_held(w);
	list_end(w);
	settings_flush(w);
	snapper_close(&w->snap);
	if (w->csv_ok)
		csv_free(&w->csv);
	free(w);
}

/*
 * Sniffing.
 */

/* name appears in line as a whole column name (table, CSV or list). */
static int
has_name(const char *line, const char *name)
{
	const char	*s = line;
	size_t		 n = strlen(name);

	while ((s = strstr(s, name)) != NULL) {
		if ((s == line || strchr(" \t\",;", s[-1]) != NULL) &&
		    strchr(" \t\",;:", s[n]) != NULL)
			return 1;
		s += n;
	}
	return 0;
}

static int
starts_list(const char *line, const char *name)
{
	const char	*p = line;
	size_t		 n = strlen(name);

	if (strncmp(p, name, n) != 0)
		return 0;
	for (p += n; *p == ' '; p++)
		;
	return *p == ':';
}

static int
dashes_below(const char *const *lines, size_t n, size_t i)
{
	return i + 1 < n && strspn(lines[i + 1], " -") == strlen(lines[i + 1]) &&
	    strchr(lines[i + 1], '-') != NULL;
}

/*
 * A socket table, CSV or list header is certain.  Get-Process and
 * Get-NetTCPSetting output alone says little, but a loop that writes them
 * first can push the socket table past the lines sniffed: they score below
 * any other format's header.
 */
static int
ps_sniff(const char *const *lines, size_t n)
{
	size_t	i;
	int	best = 0, s, la = 0, lp = 0;

	for (i = 0; i < n; i++) {
		const char *l = lines[i];

		s = 0;
		if (strncmp(l, "#TYPE ", 6) == 0 &&
		    strstr(l, "MSFT_NetTCPConnection") != NULL)
			s = 100;
		else if (has_name(l, "LocalAddress") &&
		    has_name(l, "LocalPort") && (has_name(l, "RemoteAddress") ||
		    has_name(l, "RemotePort") || has_name(l, "State") ||
		    has_name(l, "OwningProcess"))) {
			if (strpbrk(l, ",;\t") != NULL)
				s = 100;	/* a CSV header */
			else if (dashes_below(lines, n, i))
				s = 100;	/* a table header */
			else
				s = 60;
		} else if ((has_name(l, "ProcessName") && has_name(l, "Id") &&
		    dashes_below(lines, n, i)) ||
		    strncmp(l, "#TYPE System.Diagnostics.Process", 32) == 0 ||
		    starts_list(l, "DynamicPortRangeStartPort"))
			s = 30;
		if (starts_list(l, "LocalAddress"))
			la++;
		if (starts_list(l, "LocalPort"))
			lp++;
		if (la > 0 && lp > 0 && s < 90)
			s = 90;
		if (s > best)
			best = s;
	}
	return best;
}

const struct format format_powershell = {
	.name = "powershell",
	.system = "Windows",
	.commands = "Get-NetTCPConnection: its table (>), Format-List, "
	    "Export-Csv / ConvertTo-Csv; Get-Process (table or CSV) beside it; "
	    "Get-NetTCPSetting; loops with Get-Date",
	.reads = "endpoints, state, OwningProcess as PID, process names from "
	    "Get-Process (Id, ProcessName), dynamic port range "
	    "(Get-NetTCPSetting, netsh), Get-Date stamps and Timestamp columns",
	.sniff = ps_sniff,
	.open = ps_open,
	.line = ps_line,
	.close = ps_close,
};
