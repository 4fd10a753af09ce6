#!/bin/sh
# capture.sh DIR [MODE] — capture tests/live/capture-scenario.py MODE (full,
# local or every; default full) on the loopback interface with dumpcap, and
# write into DIR:
#
#   ports        the scenario's groups and their ports ("NAME PORT" a line)
#   lo.pcapng    what dumpcap captured on lo, only the scenario's ports
#   lo.pcap      the same as classic pcap (editcap -F pcap)
#   fields.tsv   tshark -T fields, tab-separated, with header (ip and ipv6)
#   fields.csv   the corpus's tshark command (-E separator=, -E quote=d,
#                tcp.flags.str), with ipv6.src/ipv6.dst added for the ::1 part
#   conv.txt     tshark -q -z conv,tcp
#
# Prints nothing when all went well; says what failed on stderr and exits 1
# otherwise.  dumpcap is started first and the traffic only once it said
# "File:" (it captures from then on); it is stopped with SIGINT (it flushes
# and closes the file) while the scenario still holds its sockets, so the
# scenario's own end is never captured.  Everything is bounded: the
# scenario ends by itself within 60 s, dumpcap after 40 s or 20000 packets,
# and every wait here gives up after a few seconds.  Loopback only.
# tshark's stderr (its warning about running as root) goes to DIR/*.err.
set -u
dir=${1:?usage: capture.sh DIR [full|local|every]}
mode=${2:-full}
here=$(cd "$(dirname "$0")" && pwd) || exit 1
py=/usr/bin/python3

fail() {
	echo "capture.sh: $*" >&2
	[ -z "${dpid:-}" ] || kill -INT "$dpid" 2>/dev/null
	[ -z "${spid:-}" ] || kill "$spid" 2>/dev/null
	wait 2>/dev/null
	exit 1
}

# until_ok TENTHS CMD...: run CMD every 0.1 s until it succeeds, TENTHS times.
until_ok() {
	n=$1
	shift
	while ! "$@"; do
		n=$((n - 1))
		[ "$n" -gt 0 ] || return 1
		sleep 0.1
	done
}

for tool in dumpcap editcap tshark; do
	command -v "$tool" >/dev/null 2>&1 ||
		fail "$tool not found (scripts/deps.sh installs tshark)"
done

rm -f "$dir/go" "$dir/stop" "$dir/ports" "$dir/lo.pcapng" "$dir/lo.pcap"
: >"$dir/scenario.out"
: >"$dir/dumpcap.err"
"$py" "$here/capture-scenario.py" "$mode" "$dir" >"$dir/scenario.out" 2>&1 &
spid=$!
until_ok 100 test -s "$dir/ports" ||
	fail "the scenario wrote no ports: $(cat "$dir/scenario.out")"

# The capture filter: only the scenario's ports.
filter=$(awk 'BEGIN { printf "tcp and (" }
	NR > 1 { printf " or " }
	{ printf "port %d", $2 }
	END { printf ")" }' "$dir/ports")

dumpcap -i lo -f "$filter" -a duration:40 -c 20000 -w "$dir/lo.pcapng" \
    >"$dir/dumpcap.out" 2>"$dir/dumpcap.err" &
dpid=$!
until_ok 100 grep -qs '^File:' "$dir/dumpcap.err" ||
	fail "dumpcap did not start: $(cat "$dir/dumpcap.err")"
sleep 0.3

: >"$dir/go"
until_ok 300 grep -qs '^DONE' "$dir/scenario.out" ||
	fail "the scenario did not finish: $(cat "$dir/scenario.out")"
# The last packets (ACKs, the kernel's SYN retries) reach the capture.
sleep 0.5

kill -INT "$dpid"
wait "$dpid"
status=$?
dpid=
[ "$status" -eq 0 ] || fail "dumpcap exited with $status: $(cat "$dir/dumpcap.err")"
: >"$dir/stop"
wait "$spid"
status=$?
spid=
[ "$status" -eq 0 ] || fail "the scenario exited with $status: $(cat "$dir/scenario.out")"

cd "$dir" || exit 1
editcap -F pcap lo.pcapng lo.pcap 2>editcap.err ||
	fail "editcap failed: $(cat editcap.err)"
tshark -r lo.pcapng -T fields -E header=y -e frame.time_epoch \
    -e ip.src -e ipv6.src -e tcp.srcport -e ip.dst -e ipv6.dst \
    -e tcp.dstport -e tcp.flags -e tcp.len >fields.tsv 2>tshark-tsv.err ||
	fail "tshark -T fields failed: $(cat tshark-tsv.err)"
tshark -r lo.pcapng -T fields -E header=y -E separator=, -E quote=d \
    -e frame.time_epoch -e ip.src -e ipv6.src -e tcp.srcport \
    -e ip.dst -e ipv6.dst -e tcp.dstport -e tcp.flags.str -e tcp.len \
    >fields.csv 2>tshark-csv.err ||
	fail "tshark -T fields (csv) failed: $(cat tshark-csv.err)"
tshark -r lo.pcapng -q -z conv,tcp >conv.txt 2>tshark-conv.err ||
	fail "tshark -z conv,tcp failed: $(cat tshark-conv.err)"
exit 0
