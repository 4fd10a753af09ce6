/*
 * state.c — the one table of state spellings, and lookup in it.
 *
 * Each row is a spelling seen in real output, the canonical state it means,
 * and where it comes from.  Windows netstat translates its state column into
 * the display language; some translations are two or three words (Italian
 * "IN ASCOLTO"), which parsers pass here joined by single spaces.  Lookup is
 * ASCII-case-insensitive; non-ASCII letters are compared as written, and the
 * table holds the upper-case forms Windows prints.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parsers/state.h"

static const char *const names[ST__COUNT] = {
	[ST_UNKNOWN] = "UNKNOWN",
	[ST_LISTEN] = "LISTEN",
	[ST_SYN_SENT] = "SYN_SENT",
	[ST_SYN_RECEIVED] = "SYN_RECEIVED",
	[ST_ESTABLISHED] = "ESTABLISHED",
	[ST_FIN_WAIT_1] = "FIN_WAIT_1",
	[ST_FIN_WAIT_2] = "FIN_WAIT_2",
	[ST_CLOSE_WAIT] = "CLOSE_WAIT",
	[ST_CLOSING] = "CLOSING",
	[ST_LAST_ACK] = "LAST_ACK",
	[ST_TIME_WAIT] = "TIME_WAIT",
	[ST_CLOSED] = "CLOSED",
	[ST_DELETE_TCB] = "DELETE_TCB",
	[ST_BOUND] = "BOUND",
	[ST_UNCONN] = "UNCONN",
};

struct spelling {
	const char	*text;
	enum state	 state;
	const char	*lang;		/* source: "en", "de", ..., "ss", "bsd" */
};

static const struct spelling spellings[] = {
	/* Windows netstat, English; also net-tools and BSD netstat. */
	{ "LISTENING",		ST_LISTEN,	"en" },
	{ "LISTEN",		ST_LISTEN,	"en" },
	{ "SYN_SENT",		ST_SYN_SENT,	"en" },
	{ "SYN_SEND",		ST_SYN_SENT,	"en" },
	{ "SYN_RECEIVED",	ST_SYN_RECEIVED, "en" },
	{ "SYN_RECV",		ST_SYN_RECEIVED, "net-tools" },
	{ "SYN_RCVD",		ST_SYN_RECEIVED, "bsd" },
	{ "ESTABLISHED",	ST_ESTABLISHED,	"en" },
	{ "FIN_WAIT_1",		ST_FIN_WAIT_1,	"en" },
	{ "FIN_WAIT1",		ST_FIN_WAIT_1,	"net-tools" },
	{ "FIN_WAIT_2",		ST_FIN_WAIT_2,	"en" },
	{ "FIN_WAIT2",		ST_FIN_WAIT_2,	"net-tools" },
	{ "CLOSE_WAIT",		ST_CLOSE_WAIT,	"en" },
	{ "CLOSING",		ST_CLOSING,	"en" },
	{ "LAST_ACK",		ST_LAST_ACK,	"en" },
	{ "TIME_WAIT",		ST_TIME_WAIT,	"en" },
	{ "CLOSED",		ST_CLOSED,	"en" },
	{ "CLOSE",		ST_CLOSED,	"net-tools" },
	{ "DELETE_TCB",		ST_DELETE_TCB,	"en" },
	{ "BOUND",		ST_BOUND,	"en" },
	{ "UNCONN",		ST_UNCONN,	"ss" },

	/* iproute2 ss. */
	{ "ESTAB",		ST_ESTABLISHED,	"ss" },
	{ "SYN-SENT",		ST_SYN_SENT,	"ss" },
	{ "SYN-RECV",		ST_SYN_RECEIVED, "ss" },
	{ "FIN-WAIT-1",		ST_FIN_WAIT_1,	"ss" },
	{ "FIN-WAIT-2",		ST_FIN_WAIT_2,	"ss" },
	{ "CLOSE-WAIT",		ST_CLOSE_WAIT,	"ss" },
	{ "LAST-ACK",		ST_LAST_ACK,	"ss" },
	{ "TIME-WAIT",		ST_TIME_WAIT,	"ss" },

	/* PowerShell Get-NetTCPConnection (enum names). */
	{ "Listen",		ST_LISTEN,	"powershell" },
	{ "SynSent",		ST_SYN_SENT,	"powershell" },
	{ "SynReceived",	ST_SYN_RECEIVED, "powershell" },
	{ "Established",	ST_ESTABLISHED,	"powershell" },
	{ "FinWait1",		ST_FIN_WAIT_1,	"powershell" },
	{ "FinWait2",		ST_FIN_WAIT_2,	"powershell" },
	{ "CloseWait",		ST_CLOSE_WAIT,	"powershell" },
	{ "Closing",		ST_CLOSING,	"powershell" },
	{ "LastAck",		ST_LAST_ACK,	"powershell" },
	{ "TimeWait",		ST_TIME_WAIT,	"powershell" },
	{ "Closed",		ST_CLOSED,	"powershell" },
	{ "DeleteTCB",		ST_DELETE_TCB,	"powershell" },
	{ "Bound",		ST_BOUND,	"powershell" },

	/* Windows, German. */
	{ "ABHÖREN",		ST_LISTEN,	"de" },
	{ "HERGESTELLT",	ST_ESTABLISHED,	"de" },
	{ "WARTEND",		ST_TIME_WAIT,	"de" },
	{ "SCHLIESSEN_WARTEN",	ST_CLOSE_WAIT,	"de" },
	{ "SYN_GESENDET",	ST_SYN_SENT,	"de" },
	{ "SYN_EMPFANGEN",	ST_SYN_RECEIVED, "de" },
	{ "FIN_WARTEN_1",	ST_FIN_WAIT_1,	"de" },
	{ "FIN_WARTEN_2",	ST_FIN_WAIT_2,	"de" },
	{ "SCHLIESSEND",	ST_CLOSING,	"de" },
	{ "LETZTES_ACK",	ST_LAST_ACK,	"de" },
	{ "GESCHLOSSEN",	ST_CLOSED,	"de" },
	{ "GEBUNDEN",		ST_BOUND,	"de" },

	/* Windows, Spanish. */
	{ "ESCUCHANDO",		ST_LISTEN,	"es" },
	{ "ESTABLECIDO",	ST_ESTABLISHED,	"es" },
	{ "ESTABLECIDA",	ST_ESTABLISHED,	"es" },
	{ "SYN_ENVIADO",	ST_SYN_SENT,	"es" },
	{ "SYN_RECIBIDO",	ST_SYN_RECEIVED, "es" },
	{ "CERRADO",		ST_CLOSED,	"es" },
	{ "CERRANDO",		ST_CLOSING,	"es" },
	{ "ENLAZADO",		ST_BOUND,	"es" },

	/* Windows, Italian. */
	{ "IN ASCOLTO",		ST_LISTEN,	"it" },
	{ "STABILITA",		ST_ESTABLISHED,	"it" },
	{ "SYN_INVIATO",	ST_SYN_SENT,	"it" },
	{ "SYN_RICEVUTO",	ST_SYN_RECEIVED, "it" },
	{ "CHIUSO",		ST_CLOSED,	"it" },
	{ "IN CHIUSURA",	ST_CLOSING,	"it" },
	{ "ASSOCIATO",		ST_BOUND,	"it" },

	/* Windows, French. */
	{ "À L'ÉCOUTE",		ST_LISTEN,	"fr" },
	{ "ÉCOUTE",		ST_LISTEN,	"fr" },
	{ "ÉTABLIE",		ST_ESTABLISHED,	"fr" },
	{ "ÉTABLI",		ST_ESTABLISHED,	"fr" },
	{ "SYN_ENVOYÉ",		ST_SYN_SENT,	"fr" },
	{ "SYN_REÇU",		ST_SYN_RECEIVED, "fr" },
	{ "FERMÉ",		ST_CLOSED,	"fr" },
	{ "FERMETURE",		ST_CLOSING,	"fr" },
	{ "LIÉ",		ST_BOUND,	"fr" },

	/* Windows, Portuguese (Brazil and Portugal). */
	{ "OUVINDO",		ST_LISTEN,	"pt-BR" },
	{ "ESTABELECIDA",	ST_ESTABLISHED,	"pt-BR" },
	{ "ESTABELECIDO",	ST_ESTABLISHED,	"pt-PT" },
	{ "A ESCUTAR",		ST_LISTEN,	"pt-PT" },
	{ "À ESCUTA",		ST_LISTEN,	"pt-PT" },
	{ "SYN_ENVIADA",	ST_SYN_SENT,	"pt-BR" },
	{ "SYN_RECEBIDA",	ST_SYN_RECEIVED, "pt-BR" },
	{ "FECHADO",		ST_CLOSED,	"pt" },
	{ "FECHANDO",		ST_CLOSING,	"pt" },
	{ "ASSOCIADO",		ST_BOUND,	"pt" },

	/* Windows, Dutch and Polish. */
	{ "LUISTEREN",		ST_LISTEN,	"nl" },
	{ "TOT STAND GEBRACHT",	ST_ESTABLISHED,	"nl" },
	{ "NASŁUCHIWANIE",	ST_LISTEN,	"pl" },
	{ "USTANOWIONO",	ST_ESTABLISHED,	"pl" },
	{ "CZAS_OCZEKIWANIA",	ST_TIME_WAIT,	"pl" },
	{ "ZAMKNIJ_OCZEKIWANIE", ST_CLOSE_WAIT,	"pl" },
};

#define NSPELLINGS	(sizeof(spellings) / sizeof(spellings[0]))

const char *
state_name(enum state st)
{
	assert(st >= 0 && st < ST__COUNT);
	return names[st];
}

enum state
state_lookup(const char *raw, size_t len)
{
	/* Inputs repeat the same few words: remember the last hit. */
	static size_t	 last = NSPELLINGS;
	size_t		 i;

	if (last < NSPELLINGS && strlen(spellings[last].text) == len &&
	    strncasecmp(spellings[last].text, raw, len) == 0)
		return spellings[last].state;
	for (i = 0; i < NSPELLINGS; i++) {
		if (strlen(spellings[i].text) == len &&
		    strncasecmp(spellings[i].text, raw, len) == 0) {
			last = i;
			return spellings[i].state;
		}
	}
	return ST_UNKNOWN;
}

int
state_unknown_once(struct state_seen *seen, const char *word, char *reason,
    size_t len)
{
	size_t	i;

	for (i = 0; i < seen->n; i++)
		if (strncmp(seen->words[i], word, STATE_WORD_MAX - 1) == 0)
			return 0;
	if (seen->n < STATE_SEEN_MAX)
		snprintf(seen->words[seen->n++], STATE_WORD_MAX, "%s", word);
	snprintf(reason, len, "unknown state \"%s\": stored as UNKNOWN "
	    "(reported once)", word);
	return 1;
}

size_t
state_spellings(void)
{
	return NSPELLINGS;
}

const char *
state_spelling(size_t i, enum state *st, const char **lang)
{
	assert(i < NSPELLINGS);
	if (st != NULL)
		*st = spellings[i].state;
	if (lang != NULL)
		*lang = spellings[i].lang;
	return spellings[i].text;
}

enum state
state_mirror(enum state st)
{
	switch (st) {
	case ST_SYN_SENT:
		return ST_SYN_RECEIVED;
	case ST_SYN_RECEIVED:
		return ST_SYN_SENT;
	case ST_FIN_WAIT_1:
	case ST_FIN_WAIT_2:
		return ST_CLOSE_WAIT;
	case ST_CLOSE_WAIT:
		return ST_FIN_WAIT_2;
	case ST_TIME_WAIT:
		return ST_LAST_ACK;
	case ST_LAST_ACK:
		return ST_TIME_WAIT;
	default:
		return st;	/* the same on both ends */
	}
}
