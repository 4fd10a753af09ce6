#!/bin/sh
# run-scenario.sh DIR HOLD CLOSE — start the live loopback scenario in DIR:
# holdserver on 127.0.0.1 (a free port), leakyclient holding HOLD
# connections, goodclient opening and closing CLOSE.  Prints the port.
# The processes end by themselves within 60 s; stop-scenario.sh ends them
# at once.  Loopback only.
set -eu
dir=$1 hold=$2 close=$3
py=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
for role in holdserver leakyclient goodclient; do
	ln -sf "$py" "$dir/$role"
done
# A free port: ask the kernel, then use it.
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
: >"$dir/pids"
start() {	# NAME ROLE N: start, wait for READY (10 s at most)
	"$dir/$1" "$here/scenario.py" "$2" "$port" "$3" >"$dir/$1.out" 2>&1 &
	echo $! >>"$dir/pids"
	i=0
	until grep -q READY "$dir/$1.out" 2>/dev/null; do
		i=$((i + 1))
		if [ "$i" -gt 100 ]; then
			echo "run-scenario.sh: $1 did not start" >&2
			cat "$dir/$1.out" >&2
			exit 1
		fi
		sleep 0.1
	done
}
start holdserver server $((hold + close))
start leakyclient leak "$hold"
start goodclient good "$close"
# Let the server accept everything and the closes reach FIN-WAIT-2.
sleep 1
echo "$port"
