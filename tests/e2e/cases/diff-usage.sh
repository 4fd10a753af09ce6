# `diff` usage errors exit 2 with "portsift diff: ..." and a pointer to
# --help, or, for a name that matches no snapshot, "portsift: no snapshot
# 'X' in the case (see portsift snapshots)"; nothing on stdout.  A case file
# that is missing or not a case file: exit 3, and a missing one is not
# created.  --help: exit 0, on stdout.
cp "$FIX/diff/before.txt" "$FIX/diff/after.txt" .
"$PORTSIFT" ingest -q --db "$CASE" --label before before.txt
"$PORTSIFT" ingest -q --db "$CASE" --label after after.txt
try() {
	"$PORTSIFT" "$@" >stdout 2>stderr
	echo "exit $? <- $*" | sed "s|$CASE|CASE|g"
	cat stderr
	[ -s stdout ] && echo "(and something on stdout)"
}
try diff 1 2
try diff --db "$CASE"
try diff --db "$CASE" 1
try diff --db "$CASE" 1 2 3
try diff --db "$CASE" 1 3
try diff --db "$CASE" nosuch after
try diff --db "$CASE" before 0
try diff --db "$CASE" --top many 1 2
try diff --db "$CASE" --top -1 1 2
echo "-- an unknown option: the first line only"
"$PORTSIFT" diff --db "$CASE" --frob 1 2 >stdout 2>stderr
echo "exit $?"
head -n 1 stderr
[ -s stdout ] && echo "(and something on stdout)"
try diff --db missing.db 1 2
ls missing.db 2>/dev/null || echo "no missing.db"
printf 'not a database\n' >list.db
try diff --db list.db 1 2
echo "-- --help:"
"$PORTSIFT" diff --help >stdout 2>stderr
echo "exit $?; $(head -n 1 stdout); stderr $(wc -c <stderr) bytes"
