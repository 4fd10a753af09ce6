#!/bin/sh
# readme-examples.sh [--check] — the examples in README.md are real output.
#
# Every block in README.md that opens with a line
#     <!-- example: COMMAND -->
# and closes with
#     <!-- end example -->
# holds, inside a ``` fence, what COMMAND prints (stdout and stderr) when
# run from the top of the tree with ./portsift.  Without --check this
# rewrites those blocks from fresh runs; with --check it exits 1 when any
# block differs from what the program prints now (tests/e2e runs this).
set -eu
cd "$(dirname "$0")/.."
check=0
[ "${1:-}" = "--check" ] && check=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

awk -v tmp="$tmp" '
function run(cmd,   out, line) {
	out = tmp "/out"
	system("cd \"" ENVIRON["PWD"] "\" && (" cmd ") > " out " 2>&1; true")
	print "```"
	while ((getline line < out) > 0)
		print line
	close(out)
	print "```"
}
/^<!-- example: .* -->$/ {
	print
	cmd = $0
	sub(/^<!-- example: /, "", cmd)
	sub(/ -->$/, "", cmd)
	run(cmd)
	skipping = 1
	next
}
/^<!-- end example -->$/ { skipping = 0 }
!skipping { print }
' README.md > "$tmp/README.md"

if [ "$check" -eq 1 ]; then
	if ! diff -u README.md "$tmp/README.md" > "$tmp/diff"; then
		echo "README.md examples differ from what portsift prints now;" \
		    "run scripts/readme-examples.sh" >&2
		cat "$tmp/diff" >&2
		exit 1
	fi
	exit 0
fi
cp "$tmp/README.md" README.md
