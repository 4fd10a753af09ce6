#!/bin/sh
# bench.sh — ingest benchmark: `portsift ingest` against sqlite3's .import.
#
# Run by `make bench` (after `make` has built ./portsift).  It generates one
# big Windows `netstat -ano` file (the "Active Connections" header, then
# BENCH_ROWS TCP rows, CRLF) and the same rows as CSV, then times, in the same
# run and on the same disk:
#
#   portsift ingest --db case.db netstat.txt
#   sqlite3 base.db  (CREATE TABLE socket(...); .mode csv; .import rows.csv socket)
#
# sqlite3's .import is the floor: it parses nothing but CSV and builds no
# index.  The ratio says how much more than that portsift spends per line.
#
# Environment: BENCH_ROWS (default 1000000), PORTSIFT (default ./portsift),
# TMPDIR (where the scratch files go: a few hundred MB; removed on exit).
set -eu

cd "$(dirname "$0")/.."

rows=${BENCH_ROWS:-1000000}
portsift=${PORTSIFT:-./portsift}

case $rows in
'' | *[!0-9]*)
	echo "bench.sh: BENCH_ROWS must be a number, not '$rows'" >&2
	exit 2
	;;
esac
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "bench.sh: sqlite3 not found (scripts/deps.sh installs it)" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portsift-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- clocks -------------------------------------------------------------------

# Wall clock in seconds with a fraction when date(1) knows %N (GNU, busybox);
# whole seconds otherwise.
if date +%N | grep -q '^[0-9][0-9]*$'; then
	now() { date +%s.%N; }
	clock="date +%s.%N"
else
	now() { date +%s; }
	clock="date +%s (whole seconds only: this date(1) has no %N)"
fi

# GNU time for peak RSS (%M, in KiB).  Other time(1)s have no -f/-o.
gnutime=""
if [ -x /usr/bin/time ] &&
	/usr/bin/time -f %M -o "$tmp/probe" true 2>/dev/null &&
	grep -q '^[0-9][0-9]*$' "$tmp/probe" 2>/dev/null; then
	gnutime=/usr/bin/time
fi

# secs START END -> "1.234"
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# rate N SECONDS -> lines per second, "n/a" when too fast to measure
rate() {
	awk -v n="$1" -v s="$2" \
		'BEGIN { if (s > 0) printf "%.0f", n / s; else printf "n/a" }'
}
mb() { awk -v b="$(wc -c <"$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

# run NAME CMD... : time CMD (wall clock), peak RSS into $tmp/NAME.rss when
# GNU time is there; the command's status into $status, its time into $elapsed.
run() {
	name=$1
	shift
	t0=$(now)
	if [ -n "$gnutime" ]; then
		set +e
		"$gnutime" -f %M -o "$tmp/$name.rss" "$@"
		status=$?
		set -e
	else
		set +e
		"$@"
		status=$?
		set -e
	fi
	t1=$(now)
	elapsed=$(secs "$t0" "$t1")
}

rss() {
	if [ -n "$gnutime" ] && [ -s "$tmp/$1.rss" ]; then
		printf '%s KiB' "$(tail -n 1 "$tmp/$1.rss")"
	else
		printf 'not measured'
	fi
}

# --- 1. generate ----------------------------------------------------------------

# One awk pass writes both files from the same rows.  The mix is what a busy
# Windows server's `netstat -ano` shows: TIME_WAIT (always PID 0) and
# ESTABLISHED dominate, then CLOSE_WAIT, listeners, SYN_SENT and the rarer
# closing states; a few IPv6 rows.  Each local address holds each of its ports
# once (16384 rows per address, ports 49152-65535), as on the real thing.
echo "bench.sh: generating $rows rows in $tmp ..." >&2
g0=$(now)
awk -v n="$rows" -v txt="$tmp/netstat.txt" -v csv="$tmp/rows.csv" '
BEGIN {
	srand(20261123)
	npid = split("4321 4321 4321 4321 2288 2288 5120 708 996 1168 3172 4 4 6640 7784 9012", pid, " ")
	nrem = split("10.0.0.7:1433 10.0.0.7:1433 10.0.0.7:1433 10.0.0.20:8080 10.0.0.2:389 10.0.0.2:445 10.0.0.40:5723 10.0.0.99:443 10.0.0.31:443 10.0.0.32:80 10.0.0.8:1433 10.0.0.10:443", rem, " ")
	printf "\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n" > txt
	for (i = 0; i < n; i++) {
		r = rand()
		if      (r < 0.55)  st = "TIME_WAIT"
		else if (r < 0.85)  st = "ESTABLISHED"
		else if (r < 0.93)  st = "CLOSE_WAIT"
		else if (r < 0.95)  st = "LISTENING"
		else if (r < 0.97)  st = "SYN_SENT"
		else if (r < 0.985) st = "FIN_WAIT_2"
		else if (r < 0.99)  st = "FIN_WAIT_1"
		else if (r < 0.995) st = "LAST_ACK"
		else if (r < 0.998) st = "SYN_RECEIVED"
		else                st = "CLOSING"
		p = (st == "TIME_WAIT") ? 0 : pid[1 + int(rand() * npid)]
		host = int(i / 16384)
		lport = 49152 + i % 16384
		v6 = (rand() < 0.03)
		if (v6)
			la = sprintf("2001:db8:1::%x", host + 5)
		else
			la = sprintf("10.%d.%d.%d", 1 + int(host / 62500), int(host / 250) % 250, host % 250 + 1)
		if (st == "LISTENING") {
			ra = v6 ? "::" : "0.0.0.0"
			rp = 0
		} else if (v6) {
			ra = sprintf("2001:db8:2::%x", 1 + int(rand() * 40))
			rp = (rand() < 0.5) ? 443 : 1433
		} else {
			split(rem[1 + int(rand() * nrem)], e, ":")
			ra = e[1]
			rp = e[2]
		}
		if (v6) {
			le = "[" la "]:" lport
			re = "[" ra "]:" rp
		} else {
			le = la ":" lport
			re = ra ":" rp
		}
		printf "  %-5s  %-21s  %-21s  %-14s  %d\r\n", "TCP", le, re, st, p > txt
		printf "TCP,%s,%d,%s,%d,%s,%d\n", la, lport, ra, rp, st, p > csv
	}
}'
g1=$(now)
txtlines=$(wc -l <"$tmp/netstat.txt")
csvlines=$(wc -l <"$tmp/rows.csv")
if [ "$csvlines" -ne "$rows" ]; then
	echo "bench.sh: generator wrote $csvlines CSV rows, wanted $rows" >&2
	exit 1
fi

# --- 2. time both ---------------------------------------------------------------

# The baseline first: it also warms the page cache for both inputs equally
# (each file was just written, so both are cached anyway).
cat >"$tmp/import.sql" <<EOF
CREATE TABLE socket(proto TEXT, laddr TEXT, lport INTEGER, raddr TEXT, rport INTEGER, state TEXT, pid INTEGER);
.mode csv
.import "$tmp/rows.csv" socket
EOF
run sqlite3 sqlite3 -batch "$tmp/base.db" ".read '$tmp/import.sql'"
if [ "$status" -ne 0 ]; then
	echo "bench.sh: sqlite3 .import failed (status $status)" >&2
	exit 1
fi
import_s=$elapsed
imported=$(sqlite3 "$tmp/base.db" 'SELECT count(*) FROM socket;')

have_portsift=1
if [ ! -x "$portsift" ]; then
	have_portsift=0
else
	run portsift "$portsift" ingest --db "$tmp/case.db" "$tmp/netstat.txt" \
		2>"$tmp/portsift.err"
	ps_status=$status
	ps_s=$elapsed
	if [ "$ps_status" -gt 1 ]; then
		echo "bench.sh: $portsift ingest failed (status $ps_status):" >&2
		head -n 20 "$tmp/portsift.err" >&2
		exit 1
	fi
	# What it stored, if the case file has the documented socket table.
	stored=$(sqlite3 "$tmp/case.db" 'SELECT count(*) FROM socket;' 2>/dev/null) ||
		stored="?"
	# A report on that case: the analyses are already made by the ingest.
	run report "$portsift" report --db "$tmp/case.db" -o "$tmp/report.txt" \
		2>"$tmp/report.err"
	report_status=$status
	report_s=$elapsed
fi

# --- 3. report ------------------------------------------------------------------

echo "portsift ingest benchmark"
printf 'input:    netstat -ano (Windows, CRLF) %s, %s lines (header + rows);\n' \
	"$(mb "$tmp/netstat.txt")" "$txtlines"
printf '          the same rows as CSV %s; generated with awk in %s s\n' \
	"$(mb "$tmp/rows.csv")" "$(secs "$g0" "$g1")"
printf 'lines:    %s socket rows (rates below are rows per second)\n' "$rows"
printf 'clock:    %s\n' "$clock"
if [ "$have_portsift" -eq 1 ]; then
	note=""
	[ "$ps_status" -eq 1 ] &&
		note="  (exit 1: issues reported, e.g. $(head -n 1 "$tmp/portsift.err"))"
	printf 'portsift: %s s  %s lines/s  peak RSS %s  stored %s sockets%s\n' \
		"$ps_s" "$(rate "$rows" "$ps_s")" "$(rss portsift)" "$stored" "$note"
	printf '          (ingest includes the indexes, the analysis tables and the findings)\n'
	printf 'report:   %s s  peak RSS %s  (exit %s, on the ingested case)\n' \
		"$report_s" "$(rss report)" "$report_status"
else
	printf 'portsift: not run: %s is not built (run make)\n' "$portsift"
fi
printf 'sqlite3:  %s s  %s lines/s  peak RSS %s  (.import, %s rows)\n' \
	"$import_s" "$(rate "$rows" "$import_s")" "$(rss sqlite3)" "$imported"
if [ "$have_portsift" -eq 1 ]; then
	awk -v a="$ps_s" -v b="$import_s" 'BEGIN {
		if (b > 0) printf "ratio:    %.1fx the time of sqlite3 .import\n", a / b
		else print "ratio:    n/a (sqlite3 .import too fast to measure)"
	}'
fi
if [ -z "$gnutime" ]; then
	echo "note:     peak RSS not measured: GNU time (/usr/bin/time -f %M) is not available"
fi
[ "$have_portsift" -eq 1 ] || exit 1
