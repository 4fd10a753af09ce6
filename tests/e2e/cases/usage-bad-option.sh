# An unknown or incomplete option is a usage error like the others: exit 2,
# and its message starts "portsift COMMAND: " (DESIGN.md: "Messages go to
# stderr as `portsift: ...`") as every other usage message does, e.g.
# "portsift ingest: --db CASE is required".  Only the first line of stderr
# is checked (what follows it, help or a hint, is not).
try() {
	"$PORTSIFT" "$@" >/dev/null 2>stderr
	echo "exit $? <- $*"
	head -n 1 stderr
}
try ingest --bogus
try ingest -Z
try ingest --db
try report --snapshot
try analyze --top
try snapshots --verbose
