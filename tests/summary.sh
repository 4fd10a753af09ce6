#!/bin/sh
# summary.sh LOG — adds up the Check result lines ("100%: Checks: 12,
# Failures: 0, Errors: 0"), the end-to-end lines ("e2e: 30 passed,
# 0 failed") and the browser lines ("browser: 7 passed, 0 failed") in LOG
# and prints one closing line "N passed, N failed".
set -eu
awk '
/^[0-9]+%: Checks: / {
	gsub(/,/, "");
	checks += $3; bad += $5 + $7;
}
/^e2e: [0-9]+ passed, [0-9]+ failed/ {
	e2e_pass += $2; e2e_fail += $4;
}
/^browser: [0-9]+ passed, [0-9]+ failed/ {
	browser_pass += $2; browser_fail += $4;
}
END {
	printf "%d passed, %d failed\n", checks - bad + e2e_pass + browser_pass,
	    bad + e2e_fail + browser_fail;
}' "$1"
