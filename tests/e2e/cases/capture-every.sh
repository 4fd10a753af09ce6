# --every on a capture that grows: tests/live/capture-scenario.py every (run
# by tests/live/capture.sh on loopback) has one client open 5 connections to
# one listener and hold them, three times: at 0 s (the capture's first
# packet is the first SYN), 2.5 s and 5 s; at 7 s it sends 4 bytes on the
# first one, the capture's last packets.  Nothing is ever closed.
#
# --every 2s makes a snapshot 2, 4 and 6 s after the first packet, and the
# last one at the end (7 s): 5, 10, 15 and 15 ESTABLISHED, the client's
# ports.  So 4 snapshots, ports held 5 -> 15, never going down (monotonic),
# one trend row (the capture names no process) and one pressure_trend row
# for the source 127.0.0.1; a least-squares line through (2, 5), (4, 10),
# (6, 15), (7, 15) rises 2.12 ports a second, about 7,600 an hour (printed
# as a bracket, the bursts' timing moves it a little), and the Linux range
# (28,232 ports, 15 held) lasts about 222 minutes at that rate.  Offsets
# are printed rounded to the second: they come from the scenario's
# schedule, never the clock.  Needs dumpcap, editcap and tshark.
repo=$(cd "$FIX/../.." && pwd)
sh "$repo/tests/live/capture.sh" "$TMP" every || exit 1
"$PORTSIFT" ingest -q --every 2s --db "$CASE" lo.pcapng
echo "exit $?"
sqlite3 "$CASE" "SELECT count(*) || ' connections' FROM flow"
echo "== snapshot, seconds after the first packet, ESTABLISHED, sockets"
sqlite3 -separator ' ' "$CASE" "SELECT n.seq,
    printf('%.0f', n.at - (SELECT min(first_seen) FROM flow)),
    (SELECT count(*) FROM sockets s WHERE s.snapshot_id = n.id
     AND s.state = 'ESTABLISHED'),
    (SELECT count(*) FROM sockets s WHERE s.snapshot_id = n.id)
    FROM snapshot n ORDER BY n.seq"
echo "== trend: rows, snapshots, ports first and last, monotonic, slope, minutes left"
sqlite3 -separator ' ' "$CASE" "SELECT count(*), snapshots, ports_first,
    ports_last, monotonic,
    slope_per_hour BETWEEN 7000 AND 8200,
    minutes_to_exhaustion BETWEEN 200 AND 245 FROM trend"
echo "== pressure_trend: rows, laddr, snapshots, ports first and last, monotonic, slope, minutes left"
sqlite3 -separator ' ' "$CASE" "SELECT count(*), laddr, snapshots,
    ports_first, ports_last, monotonic,
    slope_per_hour BETWEEN 7000 AND 8200,
    minutes_to_exhaustion BETWEEN 200 AND 245 FROM pressure_trend"
