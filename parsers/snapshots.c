/*
 * snapshots.c — snapshot boundaries for every text parser.
 *
 * The rules are in snapshots.h.  This is the one place that decides them,
 * so that netstat from Windows, Linux and BSD, ss and PowerShell tables all
 * cut a collection loop's file into the same snapshots.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "parsers/snapshots.h"

void
snapper_init(struct snapper *s, const struct ps_sink *sink, const char *os,
    const char *what)
{
	memset(s, 0, sizeof *s);
	s->sink = sink;
	s->os = os;
	s->what = what;
}

static void
emit(struct snapper *s, unsigned long line)
{
	struct ps_snapshot	ev;

	memset(&ev, 0, sizeof ev);
	ev.line = s->marker != SNAP_NONE ? s->marker_line : line;
	ev.stamp = (s->marker == SNAP_STAMP || s->marker == SNAP_STAMP_HEADER) ?
	    &s->stamp : NULL;
	ev.os = s->os;
	ev.os_version = s->os_version[0] ? s->os_version : NULL;
	s->sink->snapshot(s->sink->ctx, &ev);
	s->open = 1;
	s->marker = SNAP_NONE;
	if (s->range_held) {
		/* The range stated for this run, right after its snapshot. */
		s->range.source = s->range_source;
		s->sink->range(s->sink->ctx, &s->range);
		s->range_held = 0;
	}
}

/* A header or stamp: what was pending without a socket is an empty run. */
static void
boundary(struct snapper *s, enum snap_marker m, unsigned long line)
{
	if (m == SNAP_HEADER && s->marker == SNAP_STAMP) {
		s->marker = SNAP_STAMP_HEADER;	/* the stamp's own header */
		return;
	}
	if (s->marker != SNAP_NONE)
		emit(s, line);
	s->marker = m;
	s->marker_line = line;
}

void
snapper_header(struct snapper *s, unsigned long lineno)
{
	boundary(s, SNAP_HEADER, lineno);
}

void
snapper_stamp(struct snapper *s, const struct stamp *st, const char *text,
    unsigned long lineno)
{
	boundary(s, SNAP_STAMP, lineno);
	s->stamp = *st;
	snprintf(s->stamp_text, sizeof s->stamp_text, "%s", text);
}

void
snapper_version(struct snapper *s, const char *version)
{
	snprintf(s->os_version, sizeof s->os_version, "%s", version);
}

void
snapper_range(struct snapper *s, const struct ps_range *r)
{
	assert(r->lo >= 1 && r->lo <= r->hi && r->hi <= 65535);
	if (s->marker == SNAP_NONE) {
		/* Applies from here on, to the current snapshot if any. */
		s->sink->range(s->sink->ctx, r);
		return;
	}
	s->range = *r;
	snprintf(s->range_source, sizeof s->range_source, "%s",
	    r->source ? r->source : "stated in the input");
	s->range_held = 1;
}

void
snapper_socket(struct snapper *s, unsigned long lineno)
{
	if (s->marker != SNAP_NONE || !s->open)
		emit(s, lineno);
}

void
snapper_close(struct snapper *s)
{
	char	reason[160];

	if (s->marker == SNAP_HEADER || s->marker == SNAP_STAMP_HEADER)
		emit(s, s->marker_line);
	else if (s->marker == SNAP_STAMP) {
		snprintf(reason, sizeof reason, "date/time line with no %s "
		    "after it: no snapshot made", s->what);
		/* A range stated for that aborted run goes with it. */
		s->sink->issue(s->sink->ctx, s->marker_line, reason,
		    s->stamp_text);
		s->range_held = 0;
	}
	s->marker = SNAP_NONE;
}
