/*
 * run_suite.h — the main() shared by every Check suite in tests/unit/.
 *
 * Each check_*.c file is its own test program, built and run by
 * `make unit`; it defines `Suite *suite(void)` and includes this header
 * last.  Tests run from the top of the tree, so fixtures are found as
 * "tests/fixtures/NAME".
 */
#ifndef TESTS_RUN_SUITE_H
#define TESTS_RUN_SUITE_H

#include <check.h>
#include <stdlib.h>

Suite	*suite(void);

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* TESTS_RUN_SUITE_H */
