#!/bin/sh
# run.sh — portsift's end-to-end tests: every tests/e2e/cases/NAME.sh is run
# against the real binary and its output compared with NAME.out.
#
#   sh tests/e2e/run.sh            every case
#   sh tests/e2e/run.sh NAME...    only these (NAME, NAME.sh or a path to it)
#
# PORTSIFT is the binary under test (`make e2e` sets it; default
# build/portsift).  Each case runs with `sh NAME.sh` in a fresh empty
# directory (its cwd, removed afterwards) with these in its environment:
#
#   PORTSIFT  absolute path of the binary
#   TMP       the case's directory (also its cwd, and TMPDIR)
#   CASE      $TMP/case.db, a case file that does not exist yet
#   CORPUS    <repo>/../shared/corpus (real captures, read-only)
#   FIX       <repo>/tests/fixtures
#
# stdout and stderr are merged and compared byte for byte with NAME.out
# (diff -u).  Paths: cases copy their inputs into the cwd and name them
# relatively, so messages never show where the repository is; as a safety
# net, the case directory's absolute path is written as $TMP in the output
# (e.g. a message naming "$CASE" reads "$TMP/case.db").  See README.md.
#
# Prints "ok NAME" or "FAIL NAME" and the diff, then one closing line
# "e2e: N passed, M failed"; exits 1 when any case failed.

here=$(cd "$(dirname "$0")" && pwd) || exit 2
repo=$(cd "$here/../.." && pwd) || exit 2
cases=$here/cases

PORTSIFT=${PORTSIFT:-$repo/build/portsift}
case $PORTSIFT in
/*) ;;
*) PORTSIFT=$(pwd)/$PORTSIFT ;;
esac
if [ ! -x "$PORTSIFT" ]; then
	echo "e2e: $PORTSIFT: not an executable (build it, or set PORTSIFT)" >&2
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
CORPUS=$(cd "$repo/../shared/corpus" 2>/dev/null && pwd) ||
	CORPUS=$repo/../shared/corpus
FIX=$repo/tests/fixtures

# Same output on every machine: English messages, no local time zone.
LC_ALL=C
TZ=UTC
export LC_ALL TZ
unset LANG LANGUAGE

if [ $# -eq 0 ]; then
	set -- "$cases"/*.sh
	[ -e "$1" ] || set --
fi

tmp=
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"; [ -z "$tmp" ] || rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

pass=0
fail=0
for arg in "$@"; do
	name=${arg##*/}
	name=${name%.sh}
	script=$cases/$name.sh
	expected=$cases/$name.out
	actual=$work/$name.actual

	if [ ! -f "$script" ]; then
		echo "FAIL $name"
		echo "  no such case: $script"
		fail=$((fail + 1))
		continue
	fi
	tmp=$(mktemp -d) || exit 2
	(
		cd "$tmp" || exit 2
		PORTSIFT=$PORTSIFT TMP=$tmp TMPDIR=$tmp CASE=$tmp/case.db \
		    CORPUS=$CORPUS FIX=$FIX \
		    timeout 60 sh "$script" </dev/null
	) >"$actual.raw" 2>&1
	status=$?
	# The case directory's path, whatever mktemp chose, reads as $TMP.
	pat=$(printf '%s\n' "$tmp" | sed 's/[].[\*^$|]/\\&/g')
	sed "s|$pat|\$TMP|g" "$actual.raw" >"$actual"
	chmod -R u+rwx "$tmp" 2>/dev/null
	rm -rf "$tmp"

	if [ $status -eq 124 ]; then
		echo "FAIL $name"
		echo "  timed out after 60 seconds"
		fail=$((fail + 1))
	elif [ ! -f "$expected" ]; then
		echo "FAIL $name"
		echo "  no expected output: $expected; the case printed:"
		sed 's/^/  | /' "$actual"
		fail=$((fail + 1))
	elif diff -u "$expected" "$actual" >"$work/$name.diff"; then
		echo "ok $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name"
		sed "1s|.*|--- $name.out (expected)|; 2s|.*|+++ $name (actual)|" \
		    "$work/$name.diff"
		fail=$((fail + 1))
	fi
done

echo "e2e: $pass passed, $fail failed"
[ $fail -eq 0 ]
