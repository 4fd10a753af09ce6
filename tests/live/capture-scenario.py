#!/usr/bin/python3
"""capture-scenario.py MODE DIR -- TCP traffic with known counts on loopback,
for the packet-capture tests (tests/live/capture.sh captures it).

Every listening port comes from the kernel (bind to port 0).  The scenario
binds them all, writes DIR/ports ("NAME PORT" per line, the first line the
capture filter's ports) and waits for DIR/go (made by capture.sh once dumpcap
captures), then plays its traffic, writes DONE to stdout, and holds every
socket open until DIR/stop exists or LIFETIME seconds have passed, so that
nothing it closes at its end reaches the capture.  Loopback only, bounded
counts, a timeout on every socket.

MODE full (client 127.0.0.1, servers on 127.0.0.1; the v6 part on ::1).
Each group has a port of its own; C = the client, S = the server:

  name     n   what happens                               C's state at the end
  hold    12   C connects, sends "ping", keeps it; S      ESTABLISHED
               never closes
  keep    10   C connects and closes; S never closes       FIN_WAIT_2
  both     8   C closes first, S closes on the EOF         TIME_WAIT
  half     6   C shutdown(SHUT_WR), keeps the socket;      FIN_WAIT_2
               S never closes
  srvfin   5   S closes at once; C reads the EOF and       CLOSE_WAIT
               keeps the socket
  srvboth  4   S closes at once; C reads the EOF, closes   (gone)
  abort    3   C connects and closes with SO_LINGER 0:     (gone)
               a RST after the handshake
  refused 40   C connects to a bound port nobody listens   (gone)
               on: the SYN is answered by a RST (40, so that
               at least 20 fall in one second of the clock)
  full     6   a listener with backlog 0 that never        1 ESTABLISHED,
               accepts: the first connection completes,    5 SYN_SENT
               then its accept queue is full and Linux
               drops the next 5 SYNs (unanswered, retried
               by the kernel) -- no firewall rule needed
  hold6    4   hold on ::1                                 ESTABLISHED
  keep6    3   keep on ::1                                 FIN_WAIT_2

MODE local: the same groups on 127.0.0.2 (client bound to 127.0.0.1), with
no ::1 part, so that --local 127.0.0.2/32 makes the servers the local side.

MODE every: one listener; C opens 5 connections and holds them at 0 s,
2.5 s and 5 s after the first SYN, then at 7 s sends 4 bytes on the first
one (the capture's last packets).
"""
import os
import socket
import sys
import threading
import time

LIFETIME = 60       # the whole process ends by then, whatever happens
TIMEOUT = 5         # every blocking socket call

FULL = [            # name, family, n
    ("hold", 4, 12), ("keep", 4, 10), ("both", 4, 8), ("half", 4, 6),
    ("srvfin", 4, 5), ("srvboth", 4, 4), ("abort", 4, 3),
    ("refused", 4, 40), ("full", 4, 6), ("hold6", 6, 4), ("keep6", 6, 3),
]

start = time.monotonic()
held = []           # every socket, kept open until the end


def left():
    return max(0.1, LIFETIME - (time.monotonic() - start))


def listener(family, addr, backlog=64, listen=True):
    s = socket.socket(socket.AF_INET6 if family == 6 else socket.AF_INET,
                      socket.SOCK_STREAM)
    s.bind((addr, 0))
    if listen:
        s.listen(backlog)
    held.append(s)
    return s


def serve(ls, n, behaviour):
    """Accept n connections on ls; behaviour: 'hold', 'close', 'eof'."""
    ls.settimeout(1.0)
    got = 0
    while got < n and left() > 1:
        try:
            c, _ = ls.accept()
        except socket.timeout:
            continue
        got += 1
        c.settimeout(TIMEOUT)
        if behaviour == "close":        # the server closes first
            c.close()
        elif behaviour == "eof":        # close once the client has closed
            try:
                while c.recv(4096):
                    pass
            except OSError:
                pass
            c.close()
        else:
            held.append(c)


def client(family, srcaddr, dst, port):
    c = socket.socket(socket.AF_INET6 if family == 6 else socket.AF_INET,
                      socket.SOCK_STREAM)
    c.settimeout(TIMEOUT)
    if srcaddr:
        c.bind((srcaddr, 0))
    c.connect((dst, port))
    return c


def wait_eof(c):
    try:
        while c.recv(4096):
            pass
    except OSError:
        pass


def wait_file(path, seconds):
    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def full(dirname, server4, src4, with6):
    groups = [g for g in FULL if with6 or g[1] == 4]
    socks = {}
    for name, fam, n in groups:
        addr = "::1" if fam == 6 else server4
        try:
            socket.socket(socket.AF_INET6 if fam == 6 else socket.AF_INET,
                          socket.SOCK_STREAM).bind((addr, 0))
        except OSError as e:
            sys.exit("capture-scenario.py: cannot bind %s (%s): is it "
                     "configured on lo? (IPv6 disabled?)" % (addr, e))
        if name == "refused":           # bound, so nobody else listens
            socks[name] = listener(fam, addr, listen=False)
        elif name == "full":
            socks[name] = listener(fam, addr, backlog=0)
        else:
            socks[name] = listener(fam, addr)
    ports = {name: s.getsockname()[1] for name, s in socks.items()}
    write_ports(dirname, [(name, ports[name]) for name, _, _ in groups])
    if not wait_file(os.path.join(dirname, "go"), 20):
        sys.exit("capture-scenario.py: no go within 20 s")

    behaviour = {"hold": "hold", "keep": "hold", "both": "eof",
                 "half": "hold", "srvfin": "close", "srvboth": "close",
                 "abort": "hold", "hold6": "hold", "keep6": "hold"}
    threads = []
    for name, _, n in groups:
        if name in behaviour:
            t = threading.Thread(target=serve, daemon=True,
                                 args=(socks[name], n, behaviour[name]))
            t.start()
            threads.append(t)

    for name, fam, n in groups:
        dst = "::1" if fam == 6 else server4
        src = None if fam == 6 else src4
        port = ports[name]
        if name == "refused":
            for _ in range(n):
                try:
                    client(fam, src, dst, port).close()
                    sys.exit("capture-scenario.py: refused port answered")
                except ConnectionRefusedError:
                    pass
        elif name == "full":
            held.append(client(fam, src, dst, port))
            time.sleep(0.3)             # the handshake is over: queue full
            for _ in range(n - 1):
                c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                if src:
                    c.bind((src, 0))
                c.setblocking(False)
                try:
                    c.connect((dst, port))
                except BlockingIOError:
                    pass
                held.append(c)
        else:
            for _ in range(n):
                c = client(fam, src, dst, port)
                if name in ("hold", "hold6"):
                    c.sendall(b"ping")
                    held.append(c)
                elif name in ("keep", "both", "keep6"):
                    c.close()
                elif name == "half":
                    c.shutdown(socket.SHUT_WR)
                    held.append(c)
                elif name == "srvfin":
                    wait_eof(c)
                    held.append(c)
                elif name == "srvboth":
                    wait_eof(c)
                    c.close()
                elif name == "abort":
                    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                 b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    c.close()
        time.sleep(0.05)
    for t in threads:
        t.join(TIMEOUT)
        if t.is_alive():
            sys.exit("capture-scenario.py: a server did not get all its "
                     "connections")


def every(dirname):
    ls = listener(4, "127.0.0.1")
    port = ls.getsockname()[1]
    write_ports(dirname, [("hold", port)])
    if not wait_file(os.path.join(dirname, "go"), 20):
        sys.exit("capture-scenario.py: no go within 20 s")
    t = threading.Thread(target=serve, daemon=True, args=(ls, 15, "hold"))
    t.start()
    first = None
    t0 = time.monotonic()
    for burst in range(3):
        pause = t0 + 2.5 * burst - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        for _ in range(5):
            c = client(4, None, "127.0.0.1", port)
            held.append(c)
            if first is None:
                first = c
    pause = t0 + 7 - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    first.sendall(b"ping")
    t.join(TIMEOUT)


def write_ports(dirname, pairs):
    tmp = os.path.join(dirname, "ports.tmp")
    with open(tmp, "w") as f:
        for name, port in pairs:
            f.write("%s %d\n" % (name, port))
    os.rename(tmp, os.path.join(dirname, "ports"))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("full", "local", "every"):
        sys.exit("usage: capture-scenario.py full|local|every DIR")
    mode, dirname = sys.argv[1], sys.argv[2]
    # Whatever happens, this process is gone after LIFETIME seconds.
    timer = threading.Timer(LIFETIME, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    if mode == "full":
        full(dirname, "127.0.0.1", "127.0.0.1", True)
    elif mode == "local":
        full(dirname, "127.0.0.2", "127.0.0.1", False)
    else:
        every(dirname)
    print("DONE", flush=True)
    wait_file(os.path.join(dirname, "stop"), left())
    os._exit(0)


if __name__ == "__main__":
    main()
