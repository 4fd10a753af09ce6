#!/usr/bin/python3
"""scenario.py ROLE PORT N -- one process of the live loopback scenario.

Run through symlinks named after the role's process (holdserver,
leakyclient, goodclient), so that ss and netstat show those names.  Only
127.0.0.1 is used, counts are bounded, and every process ends by itself
after LIFETIME seconds even if nobody stops it.

  server PORT N   listen on 127.0.0.1:PORT, accept N connections and never
                  close them; also hold one UDP socket on 127.0.0.1:PORT
  leak PORT N     open N connections to the server and hold them
  good PORT N     open N connections and close each at once (the server
                  never closes its side: FIN-WAIT-2 here, CLOSE-WAIT there)

Writes READY to stdout when its sockets are in place.
"""
import socket
import sys
import time

LIFETIME = 60


def main():
    role, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    assert 0 < n <= 500 and 1024 <= port <= 65535
    held = []
    deadline = time.monotonic() + LIFETIME
    if role == "server":
        ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", port))
        ls.listen(1024)
        us = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        us.bind(("127.0.0.1", port))
        print("READY", flush=True)
        ls.settimeout(1.0)
        while len(held) < n and time.monotonic() < deadline:
            try:
                c, _ = ls.accept()
                held.append(c)
            except socket.timeout:
                pass
    elif role in ("leak", "good"):
        for _ in range(n):
            c = socket.create_connection(("127.0.0.1", port), timeout=5)
            if role == "good":
                c.close()
            else:
                held.append(c)
        print("READY", flush=True)
    else:
        sys.exit("scenario.py: unknown role " + role)
    # Hold everything until killed or the lifetime ends.
    while time.monotonic() < deadline:
        time.sleep(0.2)


if __name__ == "__main__":
    main()
