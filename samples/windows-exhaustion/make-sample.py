#!/usr/bin/env python3
"""make-sample.py - write netstat.txt, the bundled Windows exhaustion sample.

The file imitates what a customer on Windows Server 2019 (en-US) sends after
running the collection loop from Microsoft's "Troubleshoot port exhaustion
issues" guide in cmd.exe, redirected to a file:

    netsh int ipv4 show dynamicport tcp >> netstat.txt
    :loop
    echo %date% %time% >> netstat.txt
    netstat -anob >> netstat.txt
    timeout /t 900
    goto loop

stopped with Ctrl+C after the fourth netstat.  See README.md for the story
and for the figures a correct analysis must reproduce.

Standard library only.  Every random choice comes from a small SplitMix64
generator seeded with a constant (not from the `random` module, whose
algorithms may change between Python versions), and everything is sorted
before it is written, so the output is identical byte for byte on every run.

Usage:  python3 make-sample.py            writes netstat.txt beside this file
        python3 make-sample.py --check    also verifies the written file
The per-snapshot summary (the README's figures) goes to stdout.
"""

import os
import sys

SEED = 0x706F727473696674          # "portsift"

HOST = "10.1.1.5"
DYN_START, DYN_COUNT = 49152, 16384  # what the netsh block at the top says
DYN_END = DYN_START + DYN_COUNT - 1

SQL = ("10.0.0.7", 1433)             # SQL Server the IIS app pool talks to
BACKEND = ("10.0.0.20", 8080)        # HTTP service java.exe talks to
DEAD = ("10.0.0.99", 443)            # unreachable host MonitoringHost probes
DC = "10.0.0.2"                      # domain controller
LB = "10.0.0.10"                     # load balancer in front of IIS
ADMIN = "10.0.0.50"                  # admin workstation (RDP)
SCOM = ("10.0.0.40", 5723)           # SCOM management server
CRL = ("10.0.0.30", 80)              # CRL / web proxy, touched once
LINK_LOCAL = "fe80::1c2d:3e4f:5a6b:7c8d%12"

# pid -> (image, service tag or None).  Image None means -b prints
# "Can not obtain ownership information" (System, protected processes).
PROCS = {
    4:    (None, None),                  # System (http.sys, SMB, NetBT)
    548:  (None, None),                  # wininit.exe (protected)
    692:  (None, None),                  # services.exe (protected)
    708:  ("lsass.exe", None),
    996:  ("svchost.exe", "RpcSs"),
    1044: ("svchost.exe", "W32Time"),
    1128: ("svchost.exe", "Dhcp"),
    1168: ("svchost.exe", "TermService"),
    1320: ("svchost.exe", "Dnscache"),
    1516: ("svchost.exe", "EventLog"),
    1788: ("svchost.exe", "Schedule"),
    2240: ("spoolsv.exe", None),
    2288: ("java.exe", None),
    2584: ("svchost.exe", "IKEEXT"),
    3172: ("HealthService.exe", None),
    4321: ("w3wp.exe", None),
    5120: ("MonitoringHost.exe", None),
}
# Display names for the summary only (never written to netstat.txt).
NAMES = {4: "System", 548: "wininit.exe", 692: "services.exe"}

# Snapshot plan.  Index k = snapshot k+1.
N_TW_SQL = [2380, 5650, 8930, 12160]   # TIME_WAIT to SQL, PID 0 (w3wp's)
N_W3WP_EST = [262, 305, 348, 391]      # w3wp ESTABLISHED to SQL, fresh
N_JAVA_CW = [214, 251, 289, 327]       # java CLOSE_WAIT, cumulative leak
N_JAVA_EST = 12                        # java's healthy pool, long-lived
N_SYN = [4, 6, 5, 6]                   # MonitoringHost SYN_SENT to DEAD
N_TW_LDAP = [18, 25, 22, 31]           # TIME_WAIT to DC:389, PID 0 (lsass's)
N_TW_CRL = [0, 3, 0, 0]                # TIME_WAIT to CRL:80, PID 0, no owner
N_IN_EST = [38, 44, 51, 57]            # inbound HTTPS via http.sys (PID 4)
N_IN_TW = [6, 9, 8, 12]                # server-side TIME_WAIT on :443, PID 0

# %date% %time% of each snapshot: the first echo, then each next one comes
# after netstat -anob finished (slower as the table grows) + timeout 900.
FIRST = (8, 47, 12, 35)                # 08:47:12.35 (h, m, s, hundredths)
NETSTAT_SECONDS = [38.71, 79.45, 121.06]
DATE = "Mon 11/23/2026"


class Rng:
    """SplitMix64: tiny, fully specified, the same on every Python."""

    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF

    def next64(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        """Uniform integer in [0, n) (rejection sampling, no modulo bias)."""
        limit = (1 << 64) - ((1 << 64) % n)
        while True:
            v = self.next64()
            if v < limit:
                return v % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)


class PortPool:
    """Local dynamic ports on one address: each is held at most once."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def take(self):
        while True:
            p = self.rng.between(DYN_START, DYN_END)
            if p not in self.used:
                self.used.add(p)
                return p


def ip_key(addr):
    """Sort key for an address as netstat orders them (numerically)."""
    if ":" in addr:                    # IPv6 (only used for UDP/TCP v6 rows)
        base = addr.split("%")[0]
        if base == "::":
            return (0,)
        if base == "::1":
            return (1,)
        return (2, base)
    return tuple(int(x) for x in addr.split("."))


def endpoint(addr, port):
    if ":" in addr:
        return "[%s]:%s" % (addr, port)
    return "%s:%s" % (addr, port)


def row_text(proto, laddr, lport, raddr, rport, state, pid):
    """One socket row, column layout measured on real netstat -anob output
    (../../../shared/corpus/windows-10_netstat-aonb.txt): every column is
    left-justified and followed by two spaces, a long value pushes the rest
    right instead of being cut."""
    local = endpoint(laddr, lport)
    if proto == "UDP":
        remote = "*:*"
    else:
        remote = endpoint(raddr, rport)
    return "  %-5s  %-21s  %-21s  %-14s  %d" % (proto, local, remote, state,
                                                pid)


def owner_lines(pid):
    """What -b prints under a row.  PID 0 (TIME_WAIT) gets nothing at all,
    as in the real capture; System and protected processes get "Can not
    obtain ownership information"; svchost gets its service tag first."""
    if pid == 0:
        return []
    image, tag = PROCS[pid]
    if image is None:
        return [" Can not obtain ownership information"]
    out = []
    if tag:
        out.append("  " + tag)
    out.append(" [%s]" % image)
    return out


def stamp(k):
    h, m, s, cs = FIRST
    t = ((h * 60 + m) * 60 + s) * 100 + cs
    for i in range(k):
        t += int(round((NETSTAT_SECONDS[i] + 900.0) * 100))
        t += 7 + 3 * i                 # timeout's own overshoot, cmd startup
    cs = t % 100
    t //= 100
    s = t % 60
    t //= 60
    m = t % 60
    h = t // 60
    # en-US %time%: hour padded with a space, not a zero.  The space before
    # ">>" in `echo %date% %time% >> netstat.txt` is echoed too.
    return "%s %2d:%02d:%02d.%02d " % (DATE, h, m, s, cs)


def static_rows():
    """Listeners, UDP endpoints and long-lived connections that are the same
    in every snapshot (apart from what build() adds)."""
    rows = []
    tcp_listen_v4 = [
        ("0.0.0.0", 80, 4), ("0.0.0.0", 135, 996), ("0.0.0.0", 443, 4),
        ("0.0.0.0", 445, 4), ("0.0.0.0", 3389, 1168), ("0.0.0.0", 5985, 4),
        ("0.0.0.0", 9090, 2288), ("0.0.0.0", 47001, 4),
        ("0.0.0.0", 49664, 548), ("0.0.0.0", 49665, 1516),
        ("0.0.0.0", 49666, 1788), ("0.0.0.0", 49667, 708),
        ("0.0.0.0", 49668, 2240), ("0.0.0.0", 49669, 692),
        (HOST, 139, 4), ("127.0.0.1", 8005, 2288),
    ]
    for a, p, pid in tcp_listen_v4:
        rows.append(("TCP", a, p, "0.0.0.0", 0, "LISTENING", pid))
    for a, p, pid in tcp_listen_v4:
        if a == "0.0.0.0" and pid != 2288:
            rows.append(("TCP", "::", p, "::", 0, "LISTENING", pid))
    udp = [
        ("0.0.0.0", 123, 1044), ("0.0.0.0", 500, 2584),
        ("0.0.0.0", 3389, 1168), ("0.0.0.0", 4500, 2584),
        ("0.0.0.0", 5353, 1320), ("0.0.0.0", 5355, 1320),
        (HOST, 137, 4), (HOST, 138, 4),
        ("::", 123, 1044), ("::", 500, 2584), ("::", 3389, 1168),
        ("::", 4500, 2584), ("::", 5353, 1320), ("::", 5355, 1320),
        (LINK_LOCAL, 546, 1128),
    ]
    for a, p, pid in udp:
        rows.append(("UDP", a, p, None, None, "", pid))
    # The RDP session of the admin who set up the loop: local port 3389.
    rows.append(("TCP", HOST, 3389, ADMIN, 52344, "ESTABLISHED", 1168))
    return rows


def build(rng):
    """Return [(stamp, rows)] for the four snapshots."""
    pool = PortPool(rng)               # ports on HOST held "right now"

    # Long-lived sockets, held in every snapshot.
    fixed = []
    for _ in range(N_JAVA_EST):
        fixed.append(("TCP", HOST, pool.take()) + BACKEND +
                     ("ESTABLISHED", 2288))
    fixed.append(("TCP", HOST, pool.take(), DC, 389, "ESTABLISHED", 708))
    fixed.append(("TCP", HOST, pool.take(), DC, 389, "ESTABLISHED", 708))
    fixed.append(("TCP", HOST, pool.take(), DC, 49668, "ESTABLISHED", 708))
    fixed.append(("TCP", HOST, pool.take(), DC, 445, "ESTABLISHED", 4))
    fixed.append(("TCP", HOST, pool.take()) + SCOM + ("ESTABLISHED", 3172))
    # Two UDP sockets Dnscache keeps in the dynamic range (UDP, not TCP).
    udp_dyn = []
    for _ in range(2):
        udp_dyn.append(("UDP", "0.0.0.0", rng.between(DYN_START, DYN_END),
                        None, None, "", 1320))

    leak = []                          # java CLOSE_WAIT: never closed
    snaps = []
    for k in range(4):
        rows = static_rows() + fixed + udp_dyn
        while len(leak) < N_JAVA_CW[k]:
            leak.append(("TCP", HOST, pool.take()) + BACKEND +
                         ("CLOSE_WAIT", 2288))
        rows += leak

        # Everything below lives shorter than 15 minutes: new ports each
        # time, released again after this snapshot.
        short = []

        def add(n, remote, state, pid):
            for _ in range(n):
                short.append(("TCP", HOST, pool.take()) + remote +
                             (state, pid))

        add(N_TW_SQL[k], SQL, "TIME_WAIT", 0)
        add(N_W3WP_EST[k], SQL, "ESTABLISHED", 4321)
        add(N_SYN[k], DEAD, "SYN_SENT", 5120)
        add(N_TW_LDAP[k], (DC, 389), "TIME_WAIT", 0)
        add(N_TW_CRL[k], CRL, "TIME_WAIT", 0)
        rows += short
        # Inbound HTTPS from the load balancer: local port 443, so these
        # hold no dynamic port here (the LB's ports are its own business).
        lb_ports = set()
        for n, state, pid in ((N_IN_EST[k], "ESTABLISHED", 4),
                              (N_IN_TW[k], "TIME_WAIT", 0)):
            for _ in range(n):
                p = rng.between(32768, 60999)
                while p in lb_ports:
                    p = rng.between(32768, 60999)
                lb_ports.add(p)
                rows.append(("TCP", HOST, 443, LB, p, state, pid))
        for r in short:
            pool.used.discard(r[2])
        snaps.append((stamp(k), rows))
    return snaps


def sort_key(r):
    proto, la, lp, ra, rp, _state, _pid = r
    v6 = ":" in la
    group = (0 if proto == "TCP" else 2) + (1 if v6 else 0)
    return (group, ip_key(la), lp,
            ip_key(ra) if ra is not None else (), rp if rp is not None else 0)


def render(snaps):
    out = ["",
           "Protocol tcp Dynamic Port Range",
           "---------------------------------",
           "Start Port      : %d" % DYN_START,
           "Number of Ports : %d" % DYN_COUNT,
           ""]
    for st, rows in snaps:
        out.append(st)
        out += ["", "Active Connections", "",
                "  Proto  Local Address          Foreign Address        "
                "State           PID"]
        for r in sorted(rows, key=sort_key):
            out.append(row_text(*r))
            out += owner_lines(r[6])
    return "".join(line + "\r\n" for line in out).encode("ascii")


def held(rows):
    """TCP sockets holding a dynamic port: local port in range, not a
    listener.  Returns {(laddr, lport): pid}."""
    h = {}
    for proto, la, lp, _ra, _rp, state, pid in rows:
        if proto == "TCP" and state != "LISTENING" and \
                DYN_START <= lp <= DYN_END:
            assert (la, lp) not in h, "port held twice: %s:%d" % (la, lp)
            h[(la, lp)] = pid
    return h


def name(pid):
    if pid == 0:
        return "PID 0"
    return NAMES.get(pid) or PROCS[pid][0]


def summary(snaps, data, path):
    lines = data.count(b"\r\n")
    w = sys.stdout.write
    w("%s: %d lines, %d bytes, %d snapshots, CRLF, ASCII\n"
      % (os.path.basename(path), lines, len(data), len(snaps)))
    w("dynamic range %d-%d (%d ports)\n" % (DYN_START, DYN_END, DYN_COUNT))
    totals = []
    for k, (st, rows) in enumerate(snaps):
        h = held(rows)
        tcp = sum(1 for r in rows if r[0] == "TCP")
        udp = len(rows) - tcp
        udp_dyn = sum(1 for r in rows if r[0] == "UDP" and
                      DYN_START <= r[2] <= DYN_END)
        totals.append(len(h))
        w("\nsnapshot %d  [%s]  %d sockets (%d TCP, %d UDP)\n"
          % (k + 1, st.strip(), len(rows), tcp, udp))
        w("  TCP dynamic ports held on %s: %d of %d (%.1f%%)"
          "   [+ %d UDP sockets in the range]\n"
          % (HOST, len(h), DYN_COUNT, 100.0 * len(h) / DYN_COUNT, udp_dyn))
        by = {}
        for (la, lp), pid in h.items():
            by[pid] = by.get(pid, 0) + 1
        for pid in sorted(by, key=lambda p: (-by[p], p)):
            detail = {}
            for r in rows:
                if r[0] == "TCP" and r[6] == pid and (r[1], r[2]) in h:
                    key = "%s %s" % (r[5], endpoint(r[3], r[4]))
                    detail[key] = detail.get(key, 0) + 1
            parts = ", ".join("%d %s" % (detail[d], d) for d in
                              sorted(detail, key=lambda d: (-detail[d], d)))
            w("    %-24s %6d  (%s)\n" % ("%s %d" % (name(pid), pid)
                                          if pid else "PID 0", by[pid], parts))
    # Least-squares slope of the total over the stamps' times.
    ts = []
    for st, _ in snaps:
        hh, mm, rest = st.split()[2].split(":")
        ts.append(int(hh) * 3600 + int(mm) * 60 + float(rest))
    n = len(ts)
    mt, mh = sum(ts) / n, sum(totals) / n
    slope = sum((t - mt) * (y - mh) for t, y in zip(ts, totals)) / \
        sum((t - mt) ** 2 for t in ts) * 3600.0
    left = DYN_COUNT - totals[-1]
    w("\ntotal held: %s; least-squares slope %+.0f ports/hour;"
      " %d ports left at the last snapshot: exhausted in about %.0f minutes"
      "\n" % (" -> ".join(str(t) for t in totals), slope, left,
              left / slope * 60.0))


def check(data, snaps):
    """Re-read the written bytes and make sure they say what we meant."""
    text = data.decode("ascii")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("Active Connections") == len(snaps)
    nrows = sum(1 for ln in text.split("\r\n")
                if ln.startswith("  TCP ") or ln.startswith("  UDP "))
    assert nrows == sum(len(r) for _, r in snaps), nrows
    for ln in text.split("\r\n"):
        assert len(ln) < 120, ln


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "netstat.txt")
    snaps = build(Rng(SEED))
    data = render(snaps)
    with open(path, "wb") as f:
        f.write(data)
    if "--check" in sys.argv[1:]:
        check(data, snaps)
    summary(snaps, data, path)


if __name__ == "__main__":
    main()
