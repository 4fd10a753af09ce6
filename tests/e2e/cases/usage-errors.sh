# Usage errors exit 2, say what is wrong on stderr as "portsift COMMAND:
# ...", point to --help, print nothing on stdout and create no case file.
cp "$FIX/windows/ano-en.txt" .
try() {
	"$PORTSIFT" "$@" >stdout 2>stderr
	echo "exit $? <- $*"
	sed 's/(known: [^)]*)/(known: ...)/' stderr
	[ -s stdout ] && echo "(and something on stdout)"
}
try frob
try ingest ano-en.txt
try ingest --db x.db
try ingest --db x.db --port-range 5000 ano-en.txt
try ingest --db x.db --port-range 60000-50000 ano-en.txt
try ingest --db x.db --port-range 0-100 ano-en.txt
try ingest --db x.db --port-range 1-65536 ano-en.txt
try ingest --db x.db --date-order ymd ano-en.txt
try ingest --db x.db --format nosuch ano-en.txt
try analyze
try report
try report --db x.db --top many
try report --db x.db --format pdf
try report --db x.db extra
try snapshots
ls x.db 2>/dev/null || echo "no x.db"
echo "-- no command at all: the command list, on stderr, exit 2:"
"$PORTSIFT" >stdout 2>stderr
echo "exit $?"
[ -s stdout ] && echo "(and something on stdout)"
grep '^usage: ' stderr
echo "-- --help is not an error: exit 0, on stdout:"
for c in "" analyze ingest report snapshots; do
	"$PORTSIFT" $c --help >stdout 2>stderr
	echo "exit $? <- $c --help; $(head -n 1 stdout); stderr $(wc -c <stderr) bytes"
done
