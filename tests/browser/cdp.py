#!/usr/bin/env python3
"""cdp.py -- load one page in headless Chromium and check it as a person's
browser would, over the DevTools protocol (python3 standard library only).

    cdp.py --url file:///.../report.html [options]

It starts Chromium (--chromium, default /usr/bin/chromium) with every flag
that keeps it off the network, with a DevTools endpoint on 127.0.0.1 only
(port chosen by Chromium, read from its stderr), speaks to it over a
websocket written here (RFC 6455: the handshake, masked client frames,
fragments, ping/pong), and:

  * records every request the page makes (Network.requestWillBeSent): any
    URL other than the page itself fails the check;
  * records console errors (Runtime.consoleAPICalled of type error or
    assert), uncaught exceptions (Runtime.exceptionThrown), browser log
    entries of level error (Log.entryAdded: a Content-Security-Policy
    violation, a blocked load) and JavaScript dialogs (an injected alert()
    that ran): any of them fails the check;
  * inspects the DOM (Runtime.evaluate): doctype, lang, charset, one script,
    no on* attribute, no reference outside the page, every <svg> with a
    <title> first and a legend, the sections in order, --expect-text in the
    text as displayed;
  * clicks a numeric column header of a sortable table and checks the order;
  * lays the page out for print at the printable width of A4 and of Letter
    (12 mm margins) and checks that no chart or table is wider than the
    paper; writes both PDFs when asked;
  * takes a screenshot (--screenshot, --width x --height CSS pixels).

Everything is bounded by --timeout seconds; Chromium is killed at the end
(its process group, which this script created).  Prints one line per check,
"ok ..." or "FAIL ...", and exits 0 when every check passed, 1 otherwise,
2 when the browser could not be driven at all.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Timeout(Exception):
    pass


class WebSocket:
    """A minimal RFC 6455 client: text frames out, any frames in."""

    def __init__(self, host, port, path, deadline):
        self.deadline = deadline
        self.sock = socket.create_connection((host, port), timeout=5)
        key = base64.b64encode(os.urandom(16)).decode()
        req = ("GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n" % (path, host, port, key))
        self.sock.sendall(req.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self._recv_some()
            head += chunk
        head, self.buf = head.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        if " 101 " not in lines[0] + " ":
            raise RuntimeError("websocket handshake refused: " + lines[0])
        want = base64.b64encode(hashlib.sha1((key + GUID).encode())
                                .digest()).decode()
        accept = [l.split(":", 1)[1].strip() for l in lines[1:]
                  if l.lower().startswith("sec-websocket-accept:")]
        if accept != [want]:
            raise RuntimeError("websocket handshake: bad accept key")

    def _recv_some(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise Timeout("timed out waiting for the browser")
        self.sock.settimeout(min(left, 5))
        try:
            data = self.sock.recv(1 << 16)
        except socket.timeout:
            return b""
        if data == b"":
            raise RuntimeError("the browser closed the connection")
        return data

    def _read(self, n):
        while len(self.buf) < n:
            self.buf += self._recv_some()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _frame(self, opcode, payload):
        head = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 1 << 16:
            head += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + body)

    def send(self, text):
        self._frame(0x1, text.encode())

    def recv(self):
        """The next whole text or binary message, as str."""
        parts = []
        while True:
            b0, b1 = self._read(2)
            fin, opcode = b0 & 0x80, b0 & 0x0F
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            data = self._read(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                raise RuntimeError("the browser closed the websocket")
            if opcode == 0x9:
                self._frame(0xA, data)
                continue
            if opcode == 0xA:
                continue
            parts.append(data)
            if fin:
                return b"".join(parts).decode("utf-8", "replace")

    def close(self):
        try:
            self._frame(0x8, b"")
            self.sock.close()
        except OSError:
            pass


class CDP:
    """Commands with ids; events kept in order for the checks."""

    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.events = []

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            m = json.loads(self.ws.recv())
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self.on_event(m)

    def on_event(self, m):
        self.events.append(m)

    def pump(self, seconds, until=None):
        """Read events for up to seconds, or until until(event) is true."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            saved = self.ws.deadline
            self.ws.deadline = min(saved, end)
            try:
                m = json.loads(self.ws.recv())
            except Timeout:
                self.ws.deadline = saved
                if time.monotonic() >= saved:
                    raise
                return False
            self.ws.deadline = saved
            if "method" in m:
                self.on_event(m)
                if until and until(m):
                    return True
        return False


def start_chromium(args, profile, log):
    cmd = [args.chromium, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-quic", "--no-first-run", "--no-default-browser-check",
           "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-extensions",
           "--disable-default-apps", "--disable-breakpad",
           "--disable-domain-reliability", "--metrics-recording-only",
           "--no-pings", "--hide-scrollbars", "--mute-audio",
           "--disable-features=Translate,OptimizationHints,MediaRouter,"
           "AutofillServerCommunication,CertificateTransparencyComponentUpdater",
           "--user-data-dir=" + profile,
           "--remote-debugging-address=127.0.0.1",
           "--remote-debugging-port=0", "about:blank"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    found = {}
    ready = threading.Event()

    def drain():
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace")
            log.write(line)
            m = re.search(r"DevTools listening on ws://([0-9.]+):(\d+)(/\S+)",
                          line)
            if m and not found:
                found["host"], found["port"] = m.group(1), int(m.group(2))
                found["path"] = m.group(3)
                ready.set()
        ready.set()

    threading.Thread(target=drain, daemon=True).start()
    if not ready.wait(timeout=min(30, args.timeout)) or not found:
        stop_chromium(proc)
        raise RuntimeError("Chromium did not open its DevTools endpoint "
                           "(see the browser log)")
    if found["host"] != "127.0.0.1":
        stop_chromium(proc)
        raise RuntimeError("DevTools is not on loopback: " + found["host"])
    return proc, found


def stop_chromium(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


# The DOM checks, run in the page; returns a JSON string.
INSPECT = r"""
(function () {
  var r = {};
  r.doctype = document.doctype ? document.doctype.name : null;
  r.lang = document.documentElement.getAttribute('lang');
  r.charset = document.characterSet;
  r.title = document.title;
  r.scripts = document.scripts.length;
  r.external_scripts = document.querySelectorAll('script[src]').length;
  var on = [], refs = [];
  document.querySelectorAll('*').forEach(function (e) {
    for (var i = 0; i < e.attributes.length; i++) {
      var n = e.attributes[i].name.toLowerCase(), v = e.attributes[i].value;
      if (n.indexOf('on') === 0) on.push(e.tagName + '[' + n + ']');
      if ((n === 'href' || n === 'src' || n === 'xlink:href' ||
           n === 'srcset' || n === 'action' || n === 'poster' ||
           n === 'data') && v.charAt(0) !== '#')
        refs.push(e.tagName + '[' + n + '=' + v + ']');
    }
  });
  r.on_attributes = on;
  r.references = refs;
  r.links = document.querySelectorAll('link').length;
  r.svgs = [];
  document.querySelectorAll('svg').forEach(function (s) {
    var first = s.firstElementChild;
    var b = s.getBoundingClientRect();
    r.svgs.push({
      title: first && first.tagName.toLowerCase() === 'title' ?
             first.textContent : null,
      legend: s.querySelectorAll('g.legend text').length,
      texts: s.querySelectorAll('text').length,
      width: b.width, height: b.height
    });
  });
  r.headings = Array.prototype.map.call(
    document.querySelectorAll('h2'), function (h) {
      return h.textContent.replace(/\s+/g, ' ').trim(); });
  r.sections = Array.prototype.map.call(
    document.querySelectorAll('header, main > section, section.page'),
    function (s) { return s.id; });
  r.text = document.body.innerText;
  r.scroll_width = document.documentElement.scrollWidth;
  r.inner_width = window.innerWidth;
  r.pwned = typeof window.__pwned !== 'undefined';
  return JSON.stringify(r);
})()
"""

# Click the first numeric header of the first sortable table with 3+ rows
# whose values differ; the order after one click and after two.
SORT = r"""
(function () {
  var tables = document.querySelectorAll('table.sortable');
  for (var t = 0; t < tables.length; t++) {
    var tb = tables[t];
    if (!tb.tBodies.length || tb.tBodies[0].rows.length < 3) continue;
    var ths = tb.tHead.rows[0].cells;
    for (var i = 0; i < ths.length; i++) {
      if (!ths[i].classList.contains('n')) continue;
      var col = function () {
        return Array.prototype.map.call(tb.tBodies[0].rows, function (r) {
          return parseFloat(r.cells[i].getAttribute('data-v')); });
      };
      var before = col();
      if (before.some(isNaN)) continue;
      if (new Set(before).size < 2) continue;
      ths[i].click();
      var one = col(), s1 = ths[i].getAttribute('aria-sort');
      ths[i].click();
      var two = col(), s2 = ths[i].getAttribute('aria-sort');
      return JSON.stringify({table: tb.className, column: ths[i].textContent,
                             one: one, two: two, s1: s1, s2: s2});
    }
  }
  return JSON.stringify(null);
})()
"""

# In print layout at a given width: anything wider than the paper.
PRINT_FIT = r"""
(function (w) {
  var wide = [];
  document.querySelectorAll('svg, table, figure, pre').forEach(function (e) {
    var b = e.getBoundingClientRect();
    if (b.right > w + 1) wide.push(e.tagName + '.' + e.getAttribute('class') +
                                   ' ' + Math.round(b.right));
  });
  return JSON.stringify({scroll: document.documentElement.scrollWidth,
                         wide: wide});
})(%d)
"""


class Checker:
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print("ok   " + what)
        else:
            self.failed += 1
            print("FAIL " + what + (": " + detail if detail else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=2400)
    ap.add_argument("--screenshot")
    ap.add_argument("--tiles", help="also the whole page, cut into "
                    "pictures of --height: TILES-1.png, TILES-2.png, ...")
    ap.add_argument("--pdf-a4")
    ap.add_argument("--pdf-letter")
    ap.add_argument("--expect-text", action="append", default=[])
    ap.add_argument("--expect-headings", help="comma-separated prefixes of "
                    "the h2 headings, in order")
    ap.add_argument("--min-svgs", type=int, default=0)
    ap.add_argument("--no-js", action="store_true",
                    help="load with JavaScript disabled (no sort check)")
    ap.add_argument("--no-sort", action="store_true",
                    help="the page has no table to sort")
    ap.add_argument("--browser-log", help="Chromium's stderr goes here")
    args = ap.parse_args()

    deadline = time.monotonic() + args.timeout
    profile = tempfile.mkdtemp(prefix="portsift-chromium-")
    log = open(args.browser_log or os.devnull, "w")
    proc = None
    c = Checker()
    try:
        proc, ep = start_chromium(args, profile, log)
        ws = WebSocket(ep["host"], ep["port"], ep["path"], deadline)
        cdp = CDP(ws)
        target = cdp.call("Target.createTarget", {"url": "about:blank"})
        sess = cdp.call("Target.attachToTarget",
                        {"targetId": target["targetId"],
                         "flatten": True})["sessionId"]
        for dom in ("Network", "Runtime", "Log", "Page"):
            cdp.call(dom + ".enable", {}, sess)
        cdp.call("Emulation.setDeviceMetricsOverride",
                 {"width": args.width, "height": args.height,
                  "deviceScaleFactor": 1, "mobile": False}, sess)
        if args.no_js:
            cdp.call("Emulation.setScriptExecutionDisabled",
                     {"value": True}, sess)
        nav = cdp.call("Page.navigate", {"url": args.url}, sess)
        c.check("errorText" not in nav, "the page loads",
                nav.get("errorText", ""))

        def loaded(m):
            return m.get("method") == "Page.loadEventFired"

        if not any(loaded(m) for m in cdp.events):
            c.check(cdp.pump(max(1, deadline - time.monotonic() - 10),
                             loaded), "the load event fires")
        # Late requests and messages (a timer, a lazy image) come here.
        cdp.pump(1.0)
        for m in list(cdp.events):
            if m.get("method") == "Page.javascriptDialogOpening":
                cdp.call("Page.handleJavaScriptDialog", {"accept": True},
                         sess)

        # Pictures first, before the sort check reorders a table.
        if args.screenshot:
            shot = cdp.call("Page.captureScreenshot", {"format": "png"}, sess)
            with open(args.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            c.check(os.path.getsize(args.screenshot) > 1000,
                    "screenshot written: " + args.screenshot)
        if args.tiles:
            res = cdp.call("Runtime.evaluate", {
                "expression": "document.documentElement.scrollHeight",
                "returnByValue": True}, sess)
            total = int(res["result"]["value"])
            n = 0
            for y in range(0, total, args.height):
                n += 1
                shot = cdp.call("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": y, "width": args.width,
                             "height": min(args.height, total - y),
                             "scale": 1}}, sess)
                with open("%s-%d.png" % (args.tiles, n), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
            c.check(n > 0, "the whole page in %d pictures: %s-N.png" %
                    (n, args.tiles))

        if not args.no_js and not args.no_sort:
            res = cdp.call("Runtime.evaluate", {"expression": SORT,
                                                "returnByValue": True}, sess)
            s = json.loads(res["result"]["value"])
            if s is None:
                c.check(False, "a sortable table sorts",
                        "no table with a numeric column to sort")
            else:
                desc = s["one"] == sorted(s["one"], reverse=True)
                asc = s["two"] == sorted(s["two"])
                c.check(desc and asc and s["s1"] == "descending" and
                        s["s2"] == "ascending",
                        "table %s sorts by '%s' (descending, then "
                        "ascending)" % (s["table"], s["column"]),
                        json.dumps(s)[:300])

        res = cdp.call("Runtime.evaluate", {"expression": INSPECT,
                                            "returnByValue": True}, sess)
        r = json.loads(res["result"]["value"])
        c.check(r["doctype"] == "html", "<!DOCTYPE html>", str(r["doctype"]))
        c.check(r["lang"] == "en", "<html lang>", str(r["lang"]))
        c.check(r["charset"] == "UTF-8", "UTF-8", r["charset"])
        c.check(r["scripts"] <= 1 and r["external_scripts"] == 0,
                "one inline script at most, none external",
                "%d scripts" % r["scripts"])
        c.check(not r["on_attributes"], "no on* attribute in the DOM",
                ", ".join(r["on_attributes"][:5]))
        c.check(not r["references"] and r["links"] == 0,
                "no reference outside the page (src, href, link)",
                ", ".join(r["references"][:5]))
        c.check(not r["pwned"], "no injected script ran")
        c.check(len(r["svgs"]) >= args.min_svgs,
                "at least %d charts" % args.min_svgs,
                "%d" % len(r["svgs"]))
        bad = [i for i, s in enumerate(r["svgs"])
               if not s["title"] or s["legend"] == 0 or s["width"] < 100 or
               s["height"] < 50]
        c.check(not bad, "every chart has a <title>, a legend and a size",
                json.dumps([r["svgs"][i] for i in bad])[:300])
        c.check(r["scroll_width"] <= r["inner_width"],
                "nothing wider than the window (%d px)" % r["inner_width"],
                "scrollWidth %d" % r["scroll_width"])
        for t in args.expect_text:
            c.check(t in r["text"], "the page says: " + t[:70])
        if args.expect_headings:
            want = args.expect_headings.split(",")
            got = r["headings"]
            ok = len(got) >= len(want) and all(
                g.startswith(w) for g, w in zip(got, want))
            c.check(ok, "sections in order: " + " / ".join(want),
                    " / ".join(got))

        # Print: A4 and Letter, 12 mm margins (the page's @page), at 96 dpi.
        cdp.call("Emulation.setEmulatedMedia", {"media": "print"}, sess)
        for name, w_in, h_in, out in (("A4", 8.27, 11.69, args.pdf_a4),
                                      ("Letter", 8.5, 11.0, args.pdf_letter)):
            px = int((w_in * 25.4 - 24) / 25.4 * 96)
            cdp.call("Emulation.setDeviceMetricsOverride",
                     {"width": px, "height": 1000, "deviceScaleFactor": 1,
                      "mobile": False}, sess)
            res = cdp.call("Runtime.evaluate",
                           {"expression": PRINT_FIT % px,
                            "returnByValue": True}, sess)
            fit = json.loads(res["result"]["value"])
            c.check(not fit["wide"] and fit["scroll"] <= px,
                    "prints on %s: nothing wider than %d px" % (name, px),
                    json.dumps(fit)[:300])
            if out:
                pdf = cdp.call("Page.printToPDF",
                               {"paperWidth": w_in, "paperHeight": h_in,
                                "printBackground": True,
                                "preferCSSPageSize": False}, sess)
                data = base64.b64decode(pdf["data"])
                with open(out, "wb") as f:
                    f.write(data)
                pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
                c.check(data[:5] == b"%PDF-" and pages > 0,
                        "%s PDF written (%d pages): %s" % (name, pages, out))
        cdp.call("Emulation.setEmulatedMedia", {"media": ""}, sess)
        cdp.pump(0.3)

        # What the page asked of the network and of the console.
        page_url = args.url.split("#")[0]
        requests, errors = [], []
        for m in cdp.events:
            meth, p = m.get("method"), m.get("params", {})
            if meth == "Network.requestWillBeSent":
                u = p["request"]["url"]
                if u.split("#")[0] != page_url:
                    requests.append(u)
            elif meth in ("Network.webSocketCreated",
                          "Network.eventSourceMessageReceived"):
                requests.append(p.get("url", meth))
            elif meth == "Runtime.consoleAPICalled" and \
                    p.get("type") in ("error", "assert"):
                errors.append("console.%s: %s" % (p["type"], " ".join(
                    str(a.get("value", a.get("description", "")))
                    for a in p.get("args", []))))
            elif meth == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                errors.append("exception: " + d.get("text", "") + " " +
                              str(d.get("exception", {}).get("description",
                                                             "")))
            elif meth == "Log.entryAdded" and \
                    p["entry"].get("level") == "error":
                errors.append("log: " + p["entry"].get("text", ""))
            elif meth == "Page.javascriptDialogOpening":
                errors.append("dialog: %s(%s)" % (p.get("type"),
                                                  p.get("message")))
        c.check(not requests, "no network request",
                "; ".join(requests[:5]))
        c.check(not errors, "no console error, exception or dialog",
                "; ".join(errors[:5]))
        ws.close()
    except (Timeout, RuntimeError, OSError, KeyError, ValueError) as e:
        print("FAIL the browser could not be driven: %s" % e)
        return 2
    finally:
        if proc is not None:
            stop_chromium(proc)
        log.close()
        subprocess.run(["rm", "-rf", profile], check=False)
    print("cdp: %d checks ok, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
