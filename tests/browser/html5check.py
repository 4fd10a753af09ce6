#!/usr/bin/env python3
"""html5check.py FILE... -- parse each page with html5lib (Debian's
python3-html5lib), the HTML5 parsing algorithm as browsers run it, and
report every parse error: a bare '<' or '&', a tag closed in the wrong
place, an attribute twice, a control character, a missing doctype.  Exits
0 when no page has any, 1 otherwise, 2 when html5lib is not installed."""

import sys

try:
    import html5lib
except ImportError:
    print("html5check: html5lib is missing (apt-get install python3-html5lib)")
    sys.exit(2)

bad = 0
for path in sys.argv[1:]:
    parser = html5lib.HTMLParser(strict=False)
    with open(path, "rb") as f:
        parser.parse(f, transport_encoding="utf-8")
    for (line, col), code, data in parser.errors:
        print("%s:%d:%d: %s %s" % (path, line, col, code, data or ""))
    bad += len(parser.errors)
    print("%s: %d parse errors" % (path, len(parser.errors)))
sys.exit(1 if bad else 0)
