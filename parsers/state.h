/*
 * state.h — canonical TCP/UDP socket states and the table of every spelling.
 *
 * Inputs write states in many ways: Windows in its display language
 * (HERGESTELLT, IN ASCOLTO), ss (ESTAB, TIME-WAIT), net-tools and BSD
 * (TIME_WAIT), PowerShell (TimeWait).  state_lookup() maps any of them to one
 * canonical state.  A new spelling or language is a row in state.c, not a
 * code change.
 */
#ifndef PARSERS_STATE_H
#define PARSERS_STATE_H

#include <stddef.h>

enum state {
	ST_UNKNOWN,
	ST_LISTEN,
	ST_SYN_SENT,
	ST_SYN_RECEIVED,
	ST_ESTABLISHED,
	ST_FIN_WAIT_1,
	ST_FIN_WAIT_2,
	ST_CLOSE_WAIT,
	ST_CLOSING,
	ST_LAST_ACK,
	ST_TIME_WAIT,
	ST_CLOSED,
	ST_DELETE_TCB,
	ST_BOUND,
	ST_UNCONN,
	ST__COUNT
};

/* "LISTEN", "TIME_WAIT", ...: the canonical name stored in the case file. */
const char	*state_name(enum state);

/*
 * The state the other end of a TCP connection is in when this end is in st
 * (SYN_SENT <-> SYN_RECEIVED, FIN_WAIT_2 <-> CLOSE_WAIT, TIME_WAIT <->
 * LAST_ACK...): for turning a connection seen on the wire round.
 */
enum state	 state_mirror(enum state st);

/*
 * The canonical state for a spelling (one or more words separated by single
 * spaces, as written), compared without regard to ASCII case.  Returns
 * ST_UNKNOWN when the spelling is not in the table.
 */
enum state	 state_lookup(const char *raw, size_t len);

/*
 * DESIGN.md: a state word not in the table is stored as UNKNOWN with the
 * word kept, and reported once per distinct word.  A parser keeps one
 * struct state_seen per file; state_unknown_once() says whether to report
 * this word now (1, with the reason written to reason) or not (0).
 */
#define STATE_SEEN_MAX	32	/* distinct words remembered per file */
#define STATE_WORD_MAX	96	/* bytes of a word remembered */

struct state_seen {
	char	words[STATE_SEEN_MAX][STATE_WORD_MAX];
	size_t	n;
};

int		 state_unknown_once(struct state_seen *, const char *word,
		    char *reason, size_t len);

/* Number of rows in the spelling table, and row i (for tests and docs). */
size_t		 state_spellings(void);
const char	*state_spelling(size_t i, enum state *st, const char **lang);

#endif /* PARSERS_STATE_H */
