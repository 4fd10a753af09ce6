#!/bin/sh
# html-report.sh — the HTML report in a real browser: headless Chromium
# (Debian's `chromium`), driven over the DevTools protocol by cdp.py.
#
#   sh tests/browser/html-report.sh           every check
#   sh tests/browser/html-report.sh --docs    the same, then copy the
#                                             sample's screenshot to
#                                             docs/report.png (README)
#
# PORTSIFT is the binary under test (`make browser` sets it; default
# build/portsift), CHROMIUM the browser (default /usr/bin/chromium),
# BROWSER_OUT where pages, pictures, PDFs and logs go (default
# build/browser/).  Makes, in a temporary directory, the pages:
#
#   sample.html       the bundled sample (samples/windows-exhaustion)
#   sample-diff.html  the same with --diff first,last
#   hostile.html      tests/fixtures/hostile/html-anob-crlf.txt, --diff too
#   empty.html        a case with no snapshot
#   canary.html       a page that loads http://127.0.0.1:9/ and logs a
#                     console error: the checks must catch both (a test of
#                     the test)
#
# and checks each in Chromium (cdp.py: no network request, no console
# error, no dialog, the DOM, sorting, print layout on A4 and Letter, a
# screenshot), loaded from a file:// URL with every background-networking
# feature off and DevTools on 127.0.0.1 only; and parses every page with
# html5lib (html5check.py: no HTML5 parse error).  Every browser run is
# bounded (cdp.py --timeout, and timeout(1) around it).
#
# Prints "ok NAME" or "FAIL NAME" with the failing lines, then one closing
# line "browser: N passed, M failed" (which tests/summary.sh adds up);
# exits 1 when any check failed.

here=$(cd "$(dirname "$0")" && pwd) || exit 2
repo=$(cd "$here/../.." && pwd) || exit 2

PORTSIFT=${PORTSIFT:-$repo/build/portsift}
case $PORTSIFT in
/*) ;;
*) PORTSIFT=$(pwd)/$PORTSIFT ;;
esac
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=${BROWSER_OUT:-$repo/build/browser}
docs=0
[ "${1:-}" = "--docs" ] && docs=1

LC_ALL=C
TZ=UTC
export LC_ALL TZ
unset LANG LANGUAGE

pass=0
fail=0

finish() {
	echo "browser: $pass passed, $fail failed"
	[ $fail -eq 0 ]
	exit
}

if [ ! -x "$PORTSIFT" ]; then
	echo "FAIL setup"
	echo "  $PORTSIFT: not an executable (build it, or set PORTSIFT)"
	fail=1
	finish
fi
if [ ! -x "$CHROMIUM" ]; then
	echo "FAIL setup"
	echo "  $CHROMIUM: no browser (sh scripts/deps.sh installs Debian's chromium)"
	fail=1
	finish
fi

mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# The Python that has html5lib: Debian's python3-html5lib is for
# /usr/bin/python3, which may not be the first python3 on PATH.
html5py=
for py in /usr/bin/python3 python3; do
	if "$py" -c 'import html5lib' 2>/dev/null; then
		html5py=$py
		break
	fi
done

# ---------------------------------------------------------------- the pages

rm -f "$OUT"/*.html "$OUT"/*.png "$OUT"/*.pdf "$OUT"/*.log
(
	cd "$work" || exit 2
	cp "$repo/samples/windows-exhaustion/netstat.txt" . &&
	"$PORTSIFT" ingest -q --db sample.db netstat.txt &&
	"$PORTSIFT" report --db sample.db --format html -o "$OUT/sample.html" &&
	"$PORTSIFT" report --db sample.db --format html --diff first,last \
	    -o "$OUT/sample-diff.html" || exit 1
	cp "$repo/tests/fixtures/hostile/html-anob-crlf.txt" . &&
	{ "$PORTSIFT" ingest -q --db hostile.db html-anob-crlf.txt 2>/dev/null
	  [ $? -le 1 ]; } &&
	"$PORTSIFT" report --db hostile.db --format html --diff first,last \
	    -o "$OUT/hostile.html" || exit 1
	cp "$repo/tests/fixtures/windows/empty.txt" . &&
	{ "$PORTSIFT" ingest -q --db empty.db empty.txt 2>/dev/null
	  [ $? -le 1 ]; } &&
	"$PORTSIFT" report --db empty.db --format html -o "$OUT/empty.html"
) >"$OUT/pages.log" 2>&1
if [ $? -ne 0 ]; then
	echo "FAIL pages"
	sed 's/^/  | /' "$OUT/pages.log"
	fail=1
	finish
fi
cat >"$OUT/canary.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><p>This page must fail: it loads an image from the network and logs
an error.</p><img src="http://127.0.0.1:9/canary.png" alt="">
<script>console.error("canary");</script></body></html>
EOF

# ---------------------------------------------------------------- the checks

# browse NAME PAGE [cdp.py options]: one page in Chromium; its log in OUT.
browse() {
	name=$1
	page=$2
	shift 2
	timeout 120 python3 "$here/cdp.py" --chromium "$CHROMIUM" \
	    --timeout 90 --url "file://$OUT/$page" \
	    --browser-log "$OUT/$name.browser.log" "$@" >"$OUT/$name.log" 2>&1
}

result() {
	if [ "$2" -eq 0 ]; then
		echo "ok $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1"
		grep -v '^ok ' "$OUT/$1.log" | sed 's/^/  | /'
		fail=$((fail + 1))
	fi
}

answer='w3wp.exe (PID 4321) holds 12,551 of 16,384 dynamic ports (76.6%) on 10.1.1.5'
heads='Answer,Snapshot 4 of 4,Snapshot 1 of 4,Snapshot 2 of 4,Snapshot 3 of 4'

browse sample sample.html --min-svgs 13 --expect-text "$answer" \
    --expect-headings "$heads" --screenshot "$OUT/sample.png" \
    --width 1280 --height 2400 --tiles "$OUT/sample-page" \
    --pdf-a4 "$OUT/sample-a4.pdf" --pdf-letter "$OUT/sample-letter.pdf"
result sample $?

browse sample-diff sample-diff.html --min-svgs 13 \
    --expect-headings "$heads,What changed from A to B" \
    --expect-text 'Dynamic ports held: +10,037 (2,895 in A, 12,932 in B)'
result sample-diff $?

# Without JavaScript the page reads whole: the same text, the same charts.
browse sample-nojs sample.html --no-js --min-svgs 13 \
    --expect-text "$answer" --expect-headings "$heads"
result sample-nojs $?

browse hostile hostile.html --min-svgs 7 \
    --expect-text '<script>alert(1)</script>.exe' \
    --expect-text '"onmouseover=alert(2) x=".exe' \
    --expect-text "x' onload='alert(3).exe" \
    --expect-text 'a&amp;b<i>.exe' \
    --expect-text 'http://127.0.0.1:1/x.exe' \
    --expect-text "<img src=x onerror=alert(4)> & \"quoted\" 'single'" \
    --screenshot "$OUT/hostile.png" --tiles "$OUT/hostile-page" \
    --pdf-a4 "$OUT/hostile-a4.pdf"
result hostile $?

browse empty empty.html --no-sort \
    --expect-text 'The case holds no snapshot: there is nothing to report.'
result empty $?

# The canary must fail, and for both reasons: else the checks see nothing.
browse canary canary.html --no-sort
status=$?
if [ $status -eq 1 ] &&
    grep -q '^FAIL no network request: http://127.0.0.1:9/canary.png' \
    "$OUT/canary.log" &&
    grep -q '^FAIL no console error, exception or dialog: .*canary' \
    "$OUT/canary.log"; then
	echo "ok canary (the checks catch a request and a console error)"
	pass=$((pass + 1))
else
	echo "FAIL canary (a page that loads from the network passed, or the"
	echo "  browser could not be driven: exit $status)"
	sed 's/^/  | /' "$OUT/canary.log"
	fail=$((fail + 1))
fi

if [ -z "$html5py" ]; then
	echo "FAIL html5 (html5lib missing: sh scripts/deps.sh installs python3-html5lib)"
	fail=$((fail + 1))
elif "$html5py" "$here/html5check.py" "$OUT/sample.html" \
    "$OUT/sample-diff.html" "$OUT/hostile.html" "$OUT/empty.html" \
    >"$OUT/html5.log" 2>&1; then
	echo "ok html5 (no parse error in any page)"
	pass=$((pass + 1))
else
	echo "FAIL html5"
	sed 's/^/  | /' "$OUT/html5.log"
	fail=$((fail + 1))
fi

if [ $docs -eq 1 ] && [ -s "$OUT/sample.png" ]; then
	cp "$OUT/sample.png" "$repo/docs/report.png" &&
	    echo "docs/report.png: the sample's report, 1280x2400"
fi
finish
