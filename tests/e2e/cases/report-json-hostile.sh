# JSON of the hostile capture tests/fixtures/hostile/csvjson-anob.txt (see
# csvjson-README.md there): -b image names that are a formula, CSV
# metacharacters, markup, formula leads, a tab, UTF-8; an issue whose
# excerpt ends with U+0001; a label and a host that are formulas.
#
# Expected, by hand from the fixture, RFC 8259 and docs/json.md: the
# document parses (json.tool), is strict UTF-8 and has no raw control byte
# but its newlines; in strings '"' is \", a tab \u0009, U+0001 \u0001;
# nothing is neutralized or HTML-escaped (JSON is for scripts): every value
# reads back exactly as stored (csvjson-check.py, against the case file).
# port_share of snapshot 1: 9 holders of one port each, by PID;
# 1/16384 = 6.103515625e-05 and 1/9 = 0.1111111111111111 (python3).  The
# diff from run 1 to run 2: =HYPERLINK (4321) and PID 0 go from 1 to 3
# (ESTABLISHED, TIME_WAIT: +2 each); the 7 others keep 1; 9 ports held, then
# 13; the stamps are 15 minutes apart: 900.0 seconds; the rows go by |delta|,
# then B, then A (all equal), an image before none, then by image in byte
# order (tab 0x09, + 0x2B, - 0x2D, < 0x3C, @ 0x40, a 0x61, Ä 0xC3 0x84).
cp "$FIX/hostile/csvjson-anob.txt" .
check=$FIX/hostile/csvjson-check.py
"$PORTSIFT" ingest -q --db "$CASE" --label '=1+2' --host '-cmd,"x"' \
    csvjson-anob.txt 2>/dev/null
echo "exit $? (1: two lines are not netstat output)"
"$PORTSIFT" report --db "$CASE" --format json --diff first,last \
    --threshold close-wait=1 --threshold syn-sent=1 --threshold time-wait=1 \
    -o h.json
echo "exit $?"
python3 -m json.tool h.json >/dev/null
echo "json.tool: exit $?"
python3 -c 'import sys
b = open(sys.argv[1], "rb").read()
b.decode("utf-8")
print("strict UTF-8; control bytes other than LF:",
    sum(1 for c in b if c < 0x20 and c != 0x0a or c == 0x7f))' h.json
python3 "$check" json "$CASE" h.json
echo "-- port_share, snapshot 1, as written (owner_key masked):"
sed -n '/^  "port_share": \[$/,/^  \]/p' h.json | grep '"snapshot_id": 1,' |
    sed 's/"owner_key": [0-9]*/"owner_key": N/'
echo "-- read back by python3 (ascii()):"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
for o in d["port_share"]:
	if o["snapshot_id"] == 1:
		print(ascii(o["process"]), o["pid"])
for o in d["snapshots"]:
	print(ascii(o["label"]), ascii(o["host"]))' h.json
echo "-- issues, as written:"
sed -n '/^  "issues": \[$/,/^  \]/p' h.json
echo "-- the diff's processes, as written:"
sed -n '/^    "processes": \[$/,/^    \]/p' h.json
grep '"elapsed_seconds"' h.json
