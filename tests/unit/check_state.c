/*
 * check_state.c — tests for parsers/state.c: the table of state spellings,
 * lookup in it (ASCII case folded, UTF-8 as written), and the canonical names
 * that the case file stores (DESIGN.md, "The normalized record").
 */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parsers/state.h"

Suite	*suite(void);

/* DESIGN.md: the canonical states, as stored in socket.state. */
static const char *const design_states[] = {
	"LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1",
	"FIN_WAIT_2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT",
	"CLOSED", "DELETE_TCB", "BOUND", "UNCONN", "UNKNOWN", NULL
};

static enum state
lookup(const char *s)
{
	return state_lookup(s, strlen(s));
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

START_TEST(test_every_table_row_maps_to_its_state)
{
	size_t		 i, n = state_spellings();
	enum state	 st;
	const char	*text, *lang;

	ck_assert_uint_gt(n, 0);
	for (i = 0; i < n; i++) {
		text = state_spelling(i, &st, &lang);
		ck_assert_msg(lookup(text) == st, "row %zu \"%s\" (%s): lookup "
		    "gives %s, the row says %s", i, text, lang,
		    state_name(lookup(text)), state_name(st));
	}
}
END_TEST

START_TEST(test_every_table_row_is_well_formed)
{
	size_t		 i, n = state_spellings();
	enum state	 st;
	const char	*text, *lang;

	for (i = 0; i < n; i++) {
		text = state_spelling(i, &st, &lang);
		ck_assert_ptr_nonnull(text);
		ck_assert_ptr_nonnull(lang);
		ck_assert_uint_gt(strlen(lang), 0);
		ck_assert_uint_gt(strlen(text), 0);
		ck_assert_msg(st > ST_UNKNOWN && st < ST__COUNT,
		    "row %zu \"%s\": state %d", i, text, (int)st);
		/* Parsers join words with single spaces: the table must too. */
		ck_assert_msg(text[0] != ' ' && text[strlen(text) - 1] != ' ' &&
		    strstr(text, "  ") == NULL && strchr(text, '\t') == NULL,
		    "row %zu \"%s\": blanks", i, text);
		/* Only spelling and lang pointers are optional. */
		ck_assert_str_eq(state_spelling(i, NULL, NULL), text);
	}
}
END_TEST

START_TEST(test_no_spelling_appears_twice_with_different_states)
{
	size_t		 i, j, n = state_spellings();
	enum state	 a, b;
	const char	*ta, *tb;

	for (i = 0; i < n; i++) {
		ta = state_spelling(i, &a, NULL);
		for (j = i + 1; j < n; j++) {
			tb = state_spelling(j, &b, NULL);
			if (strcasecmp(ta, tb) != 0)
				continue;
			ck_assert_msg(a == b, "\"%s\" is %s in row %zu and "
			    "\"%s\" is %s in row %zu", ta, state_name(a), i,
			    tb, state_name(b), j);
		}
	}
}
END_TEST

START_TEST(test_no_row_is_repeated_exactly)
{
	size_t		 i, j, n = state_spellings();
	const char	*ta;

	for (i = 0; i < n; i++) {
		ta = state_spelling(i, NULL, NULL);
		for (j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(ta, state_spelling(j, NULL, NULL))
			    != 0, "\"%s\" is in rows %zu and %zu", ta, i, j);
	}
}
END_TEST

START_TEST(test_ascii_rows_match_in_any_case)
{
	size_t		 i, k, n = state_spellings();
	enum state	 st;
	const char	*text;
	char		 lower[64], upper[64], mixed[64];

	for (i = 0; i < n; i++) {
		text = state_spelling(i, &st, NULL);
		if (!is_ascii(text))
			continue;
		ck_assert_uint_lt(strlen(text), sizeof lower);
		for (k = 0; text[k] != '\0'; k++) {
			char c = text[k];

			lower[k] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
			upper[k] = (c >= 'a' && c <= 'z') ? c - 32 : c;
			mixed[k] = k % 2 ? lower[k] : upper[k];
		}
		lower[k] = upper[k] = mixed[k] = '\0';
		ck_assert_msg(lookup(lower) == st, "\"%s\"", lower);
		ck_assert_msg(lookup(upper) == st, "\"%s\"", upper);
		ck_assert_msg(lookup(mixed) == st, "\"%s\"", mixed);
	}
}
END_TEST

START_TEST(test_case_insensitive_examples)
{
	ck_assert_int_eq(lookup("listening"), ST_LISTEN);
	ck_assert_int_eq(lookup("Time_Wait"), ST_TIME_WAIT);
	ck_assert_int_eq(lookup("time-wait"), ST_TIME_WAIT);
	ck_assert_int_eq(lookup("estab"), ST_ESTABLISHED);
	ck_assert_int_eq(lookup("hergestellt"), ST_ESTABLISHED);
	ck_assert_int_eq(lookup("In Ascolto"), ST_LISTEN);
	ck_assert_int_eq(lookup("timewait"), ST_TIME_WAIT);
}
END_TEST

START_TEST(test_utf8_spellings_match_as_written)
{
	/* German, French, Portuguese, Polish: the bytes Windows writes. */
	ck_assert_int_eq(lookup("ABHÖREN"), ST_LISTEN);
	ck_assert_int_eq(lookup("À L'ÉCOUTE"), ST_LISTEN);
	ck_assert_int_eq(lookup("ÉTABLIE"), ST_ESTABLISHED);
	ck_assert_int_eq(lookup("À ESCUTA"), ST_LISTEN);
	ck_assert_int_eq(lookup("NASŁUCHIWANIE"), ST_LISTEN);
	/* ASCII letters around them still fold. */
	ck_assert_int_eq(lookup("abhÖren"), ST_LISTEN);
	ck_assert_int_eq(lookup("À l'ÉCOUTE"), ST_LISTEN);
}
END_TEST

START_TEST(test_utf8_spellings_do_not_match_other_bytes)
{
	/* The same word in Latin-1 (not decoded): no match. */
	ck_assert_int_eq(lookup("ABH\xd6REN"), ST_UNKNOWN);
	/* Half a UTF-8 sequence. */
	ck_assert_int_eq(lookup("ABH\xc3REN"), ST_UNKNOWN);
	/* Non-ASCII letters are compared as written, not case-folded. */
	ck_assert_int_eq(lookup("ABHöREN"), ST_UNKNOWN);
	/* The accent is part of the word. */
	ck_assert_int_eq(lookup("A L'ECOUTE"), ST_UNKNOWN);
}
END_TEST

START_TEST(test_unknown_spellings_are_unknown)
{
	ck_assert_int_eq(lookup("WIBBLING"), ST_UNKNOWN);
	ck_assert_int_eq(lookup(""), ST_UNKNOWN);
	ck_assert_int_eq(lookup("LISTENINGX"), ST_UNKNOWN);
	ck_assert_int_eq(lookup("LISTE"), ST_UNKNOWN);
	ck_assert_int_eq(lookup("LISTEN "), ST_UNKNOWN);
	ck_assert_int_eq(lookup(" LISTEN"), ST_UNKNOWN);
	ck_assert_int_eq(lookup("IN  ASCOLTO"), ST_UNKNOWN);
	ck_assert_int_eq(lookup("IN"), ST_UNKNOWN);
	ck_assert_int_eq(lookup("ASCOLTO"), ST_UNKNOWN);
	ck_assert_int_eq(lookup("UNKNOWN"), ST_UNKNOWN);
}
END_TEST

START_TEST(test_lookup_reads_only_len_bytes)
{
	ck_assert_int_eq(state_lookup("LISTENING 1234", 9), ST_LISTEN);
	ck_assert_int_eq(state_lookup("TIME_WAIT0", 9), ST_TIME_WAIT);
	/* A prefix that is itself a spelling. */
	ck_assert_int_eq(state_lookup("LISTENING", 6), ST_LISTEN);
	ck_assert_int_eq(state_lookup("CLOSE_WAIT", 5), ST_CLOSED);
	ck_assert_int_eq(state_lookup("ESTABLISHED", 0), ST_UNKNOWN);
}
END_TEST

/* Inputs repeat words, and the lookup remembers its last hit. */
START_TEST(test_repeated_and_alternating_lookups_stay_right)
{
	int	i;

	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(lookup("TIME_WAIT"), ST_TIME_WAIT);
		ck_assert_int_eq(lookup("TIME_WAIT"), ST_TIME_WAIT);
		ck_assert_int_eq(lookup("WIBBLING"), ST_UNKNOWN);
		ck_assert_int_eq(lookup("TIME_WAIT"), ST_TIME_WAIT);
		ck_assert_int_eq(state_lookup("CLOSE_WAIT", 5), ST_CLOSED);
		ck_assert_int_eq(lookup("CLOSE_WAIT"), ST_CLOSE_WAIT);
		ck_assert_int_eq(state_lookup("CLOSE_WAIT", 5), ST_CLOSED);
		ck_assert_int_eq(lookup("ESTABLISHED"), ST_ESTABLISHED);
		ck_assert_int_eq(state_lookup("ESTABLISHED", 5), ST_ESTABLISHED);
		ck_assert_int_eq(state_lookup("ESTABLISHED", 4), ST_UNKNOWN);
	}
}
END_TEST

START_TEST(test_design_spellings_are_in_the_table)
{
	/* The examples DESIGN.md names. */
	ck_assert_int_eq(lookup("ABHÖREN"), ST_LISTEN);
	ck_assert_int_eq(lookup("HERGESTELLT"), ST_ESTABLISHED);
	ck_assert_int_eq(lookup("WARTEND"), ST_TIME_WAIT);
	ck_assert_int_eq(lookup("SCHLIESSEN_WARTEN"), ST_CLOSE_WAIT);
	ck_assert_int_eq(lookup("ESCUCHANDO"), ST_LISTEN);
	ck_assert_int_eq(lookup("ESTABLECIDO"), ST_ESTABLISHED);
	ck_assert_int_eq(lookup("IN ASCOLTO"), ST_LISTEN);
	ck_assert_int_eq(lookup("À L'ÉCOUTE"), ST_LISTEN);
	ck_assert_int_eq(lookup("ESTAB"), ST_ESTABLISHED);
	ck_assert_int_eq(lookup("TIME-WAIT"), ST_TIME_WAIT);
	ck_assert_int_eq(lookup("LISTENING"), ST_LISTEN);
	ck_assert_int_eq(lookup("BOUND"), ST_BOUND);
	ck_assert_int_eq(lookup("UNCONN"), ST_UNCONN);
	ck_assert_int_eq(lookup("TimeWait"), ST_TIME_WAIT);
}
END_TEST

START_TEST(test_every_canonical_name_is_in_design_list)
{
	int		 st, k, found;
	const char	*name;

	for (st = 0; st < ST__COUNT; st++) {
		name = state_name((enum state)st);
		ck_assert_ptr_nonnull(name);
		found = 0;
		for (k = 0; design_states[k] != NULL; k++)
			if (strcmp(design_states[k], name) == 0)
				found = 1;
		ck_assert_msg(found, "state %d is \"%s\", not in DESIGN.md", st,
		    name);
	}
	ck_assert_str_eq(state_name(ST_UNKNOWN), "UNKNOWN");
	ck_assert_str_eq(state_name(ST_LISTEN), "LISTEN");
	ck_assert_str_eq(state_name(ST_TIME_WAIT), "TIME_WAIT");
	ck_assert_str_eq(state_name(ST_UNCONN), "UNCONN");
}
END_TEST

START_TEST(test_every_design_state_has_one_canonical_name)
{
	int	st, k, hits;

	for (k = 0; design_states[k] != NULL; k++) {
		hits = 0;
		for (st = 0; st < ST__COUNT; st++)
			if (strcmp(state_name((enum state)st),
			    design_states[k]) == 0)
				hits++;
		ck_assert_msg(hits == 1, "\"%s\" names %d states",
		    design_states[k], hits);
	}
	ck_assert_int_eq(k, ST__COUNT);
}
END_TEST

/* What a case file stores reads back as the same state. */
START_TEST(test_canonical_names_look_up_as_themselves)
{
	int	st;

	for (st = ST_UNKNOWN + 1; st < ST__COUNT; st++)
		ck_assert_msg((int)lookup(state_name((enum state)st)) == st,
		    "\"%s\"", state_name((enum state)st));
}
END_TEST

START_TEST(test_unknown_word_is_reported_once_even_when_long)
{
	struct state_seen	seen;
	char			reason[200];
	const char		*longw = "A_STATE_WORD_FROM_SOME_LOCALIZED_WINDOWS_THAT_"
				    "RUNS_LONGER_THAN_FORTY_EIGHT_BYTES";

	memset(&seen, 0, sizeof seen);
	ck_assert_int_eq(state_unknown_once(&seen, "VERBUNDEN", reason,
	    sizeof reason), 1);
	ck_assert_str_eq(reason, "unknown state \"VERBUNDEN\": stored as "
	    "UNKNOWN (reported once)");
	ck_assert_int_eq(state_unknown_once(&seen, "VERBUNDEN", reason,
	    sizeof reason), 0);
	ck_assert_int_eq(state_unknown_once(&seen, longw, reason,
	    sizeof reason), 1);
	ck_assert_int_eq(state_unknown_once(&seen, longw, reason,
	    sizeof reason), 0);
	ck_assert_int_eq(state_unknown_once(&seen, "OTHER", reason,
	    sizeof reason), 1);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("state");

	tc = tcase_create("table");
	tcase_add_test(tc, test_every_table_row_maps_to_its_state);
	tcase_add_test(tc, test_every_table_row_is_well_formed);
	tcase_add_test(tc, test_no_spelling_appears_twice_with_different_states);
	tcase_add_test(tc, test_no_row_is_repeated_exactly);
	tcase_add_test(tc, test_design_spellings_are_in_the_table);
	suite_add_tcase(s, tc);

	tc = tcase_create("lookup");
	tcase_add_test(tc, test_ascii_rows_match_in_any_case);
	tcase_add_test(tc, test_case_insensitive_examples);
	tcase_add_test(tc, test_utf8_spellings_match_as_written);
	tcase_add_test(tc, test_utf8_spellings_do_not_match_other_bytes);
	tcase_add_test(tc, test_unknown_spellings_are_unknown);
	tcase_add_test(tc, test_lookup_reads_only_len_bytes);
	tcase_add_test(tc, test_repeated_and_alternating_lookups_stay_right);
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_test(tc, test_every_canonical_name_is_in_design_list);
	tcase_add_test(tc, test_every_design_state_has_one_canonical_name);
	tcase_add_test(tc, test_canonical_names_look_up_as_themselves);
	tcase_add_test(tc, test_unknown_word_is_reported_once_even_when_long);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
