/*
 * snapshots.h — where one snapshot ends and the next begins, for every
 * text parser.
 *
 * Collection loops append runs of a command to one file, with a date/time
 * stamp before each run.  A parser tells the snapper what it sees — a header
 * line that starts a run ("Active Connections", "Netid State ...", "Active
 * Internet connections"), a stamp line, a range statement, a socket about to
 * be sent — and the snapper sends the snapshot events:
 *
 * - a header or a stamp starts a snapshot; a stamp followed by its header is
 *   one snapshot, not two;
 * - the snapshot event is sent when its first socket arrives, so a stamp
 *   written by a loop that was then stopped does not become an empty
 *   snapshot (it is reported as an issue at the end instead); a header with
 *   no socket after it is an empty snapshot (the run printed nothing);
 * - a range stated between a stamp or header and the first socket belongs to
 *   that snapshot and is sent right after its event; one stated elsewhere
 *   applies from where it stands (the sink applies it to the current snapshot
 *   and the ones after it).
 *
 * No allocation: the struct lives inside the parser's state.
 */
#ifndef PARSERS_SNAPSHOTS_H
#define PARSERS_SNAPSHOTS_H

#include "parsers/record.h"
#include "parsers/stamp.h"

enum snap_marker {
	SNAP_NONE,
	SNAP_HEADER,		/* a header with no socket after it yet */
	SNAP_STAMP,		/* a stamp with no socket after it yet */
	SNAP_STAMP_HEADER	/* a stamp, then a header */
};

struct snapper {
	const struct ps_sink	*sink;
	const char		*os;		/* "windows", "linux", ... */
	char			 os_version[32];
	enum snap_marker	 marker;
	unsigned long		 marker_line;
	struct stamp		 stamp;
	char			 stamp_text[96];
	int			 open;		/* a snapshot event was sent */
	int			 range_held;
	struct ps_range		 range;
	char			 range_source[96];
	const char		*what;		/* "netstat output", for messages */
};

/* os: the system the input comes from; what: "ss output", for messages. */
void	snapper_init(struct snapper *, const struct ps_sink *, const char *os,
	    const char *what);

/* A header line that starts a run of the command. */
void	snapper_header(struct snapper *, unsigned long lineno);

/* A date/time stamp line (text: the line, for a message). */
void	snapper_stamp(struct snapper *, const struct stamp *, const char *text,
	    unsigned long lineno);

/* The OS version the input states ("5.2.3790"), for the next snapshot. */
void	snapper_version(struct snapper *, const char *version);

/* A range stated in the input (copied). */
void	snapper_range(struct snapper *, const struct ps_range *);

/* Call before sending a socket or process: opens the snapshot if needed. */
void	snapper_socket(struct snapper *, unsigned long lineno);

/* End of input. */
void	snapper_close(struct snapper *);

#endif /* PARSERS_SNAPSHOTS_H */
