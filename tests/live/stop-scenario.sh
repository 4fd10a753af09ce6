#!/bin/sh
# stop-scenario.sh DIR — end the scenario's processes.
dir=$1
[ -f "$dir/pids" ] || exit 0
while read -r pid; do
	kill "$pid" 2>/dev/null || true
done <"$dir/pids"
wait 2>/dev/null || true
