# The CSV options' errors (cli/report_out.c): usage errors exit 2, say what
# is wrong on stderr, write nothing on stdout and no file.  --table names a
# table of the report (findings, issues, port_share, ...); one it does not
# have is a usage error.  --all needs a directory (-o DIR); --table, --all
# and --csv-raw belong to --format csv; --diff to html and json.  And the
# one-shot `analyze --report-format csv` writes the same CSV as `report`
# (exit 1 there: the capture has two lines that are not netstat output):
# pool_pressure has the one pool, 10.1.1.5, with 9 and 13 ports held in the
# two runs (tests/fixtures/hostile/csvjson-README.md), 9/16384 =
# 0.00054931640625 and 13/16384 = 0.00079345703125 exactly.
cp "$FIX/hostile/csvjson-anob.txt" .
"$PORTSIFT" ingest -q --db "$CASE" csvjson-anob.txt 2>/dev/null
echo "exit $?"
try() {
	"$PORTSIFT" "$@" >stdout 2>stderr
	echo "exit $? <- $*"
	cat stderr
	[ -s stdout ] && echo "(and something on stdout)"
}
try report --db "$CASE" --format csv --table nosuch
try report --db "$CASE" --format csv --table nosuch -o out.csv
try report --db "$CASE" --format csv --all
try report --db "$CASE" --format csv --all -o -
try report --db "$CASE" --format json --table port_share
try report --db "$CASE" --csv-raw
try report --db "$CASE" --format csv --diff first,last
ls out.csv 2>/dev/null || echo "no out.csv"
echo "-- analyze --report-format csv: the same bytes as report:"
"$PORTSIFT" analyze -q --report-format csv --table pool_pressure \
    csvjson-anob.txt >a.csv 2>/dev/null
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format csv --table pool_pressure >r.csv
echo "exit $?"
cmp a.csv r.csv && tr -d '\r' <a.csv
