#!/bin/sh
# deps.sh — install the Debian packages portsift needs to build and test,
# only those that are missing.  Runs as root (CI) or through sudo.
set -eu

# libpcap-dev: reading pcap and pcapng (parsers/pcap.c); tshark: the
# capture tests make and read their own loopback captures (tests/live).
# chromium, fonts-dejavu-core, python3-html5lib: the browser test of the
# HTML report (tests/browser/html-report.sh, `make browser`).
pkgs="build-essential pkg-config libpcre2-dev libsqlite3-dev libcsv-dev check
      libpcap-dev tshark sqlite3 python3 iproute2 net-tools time
      chromium fonts-dejavu-core python3-html5lib"

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
else
	sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
