#!/usr/bin/env python3
"""Static server for the built site, on 127.0.0.1 only.

Usage: python3 .ci/serve.py <site dir> <port> [/prefix=dir ...]

- `.wasm` is served as application/wasm (needed by WebAssembly.instantiateStreaming) and
  `.geojson` as application/geo+json;
- every response has `Cache-Control: no-store`, so a rebuilt site is never served stale;
- HTML responses carry the Content-Security-Policy the page must work under;
- extra mounts (e.g. `/__fixtures=tests/fixtures`) let browser tests point `?src=` at bad
  files without putting them in the site;
- port 0 picks a free port; the chosen one is printed as `serving http://127.0.0.1:PORT/`.

Test-only behaviour, on the extra mounts only (never on the site itself), by query parameters:
- `?slow=<bytes per second>` sends Content-Length, then trickles the body at that rate;
- `?stall=<seconds>` sends the headers and half the body, waits that long, then hangs up;
- `?hang=<seconds>` waits that long before answering at all (then answers as usual);
- `?status=<code>` answers that HTTP status with a short text body instead of the file;
- `?fail=<n>` answers 503 to the first n requests for this exact URL (path and query, so a
  test can add e.g. `&run=<random>` for a fresh counter), then serves the file.
A client that goes away mid-body is logged as `serve: client went away: <path> after N of M bytes`.
Logs one line per request on stderr. Exits cleanly on Ctrl-C and SIGTERM.
"""

import http.server
import os
import posixpath
import signal
import sys
import threading
import time
import urllib.parse

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'"
)

TYPES = {
    ".wasm": "application/wasm",
    ".geojson": "application/geo+json",
    ".json": "application/json",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}


TEST_PARAMS = ("slow", "stall", "hang", "status", "fail")


def make_handler(root, mounts):
    """A handler class serving `root`, with `mounts` = [(url prefix, directory)] tried first."""
    failures = {}  # request target -> 503s already sent (for ?fail=n)
    lock = threading.Lock()

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

        def do_GET(self):
            parts = urllib.parse.urlsplit(self.path)
            decoded = urllib.parse.unquote(parts.path)
            mounted = any(decoded == p or decoded.startswith(p + "/") for p, _ in mounts)
            query = urllib.parse.parse_qs(parts.query)
            if mounted and any(k in query for k in TEST_PARAMS):
                self._test_response(parts.path, {k: v[0] for k, v in query.items()})
            else:
                super().do_GET()

        def _test_response(self, url_path, q):
            """The test-only answers described at the top of this file."""
            sent, body = 0, b""
            try:
                if "hang" in q:
                    time.sleep(float(q["hang"]))
                if "status" in q:
                    return self._short(int(q["status"]))
                if "fail" in q:
                    with lock:
                        seen = failures.get(self.path, 0)
                        failures[self.path] = seen + 1
                    if seen < int(q["fail"]):
                        return self._short(503)
                path = self.translate_path(url_path)
                if not os.path.isfile(path):
                    return self._short(404)
                with open(path, "rb") as f:
                    body = f.read()
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if "stall" in q:
                    sent = len(body) // 2
                    self.wfile.write(body[:sent])
                    self.wfile.flush()
                    time.sleep(float(q["stall"]))
                    self.close_connection = True
                    return
                rate = max(1, int(q.get("slow", 0))) if "slow" in q else 0
                step = max(1, rate // 10) if rate else len(body)
                while sent < len(body):
                    self.wfile.write(body[sent:sent + step])
                    self.wfile.flush()
                    sent += step
                    if rate and sent < len(body):
                        time.sleep(step / rate)
            except ValueError:
                self._short(400)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
                sys.stderr.write(f"serve: client went away: {url_path} after {sent} of {len(body)} bytes\n")

        def _short(self, code):
            body = f"{code} (test answer)\n".encode()
            self.send_response(code)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def translate_path(self, path):
            url_path = urllib.parse.urlsplit(path).path
            decoded = urllib.parse.unquote(url_path)
            for prefix, directory in mounts:
                if decoded == prefix or decoded.startswith(prefix + "/"):
                    rest = decoded[len(prefix):] or "/"
                    return self._under(directory, rest)
            return self._under(root, decoded)

        @staticmethod
        def _under(directory, url_path):
            # normpath removes `..`; any remaining escape is refused by the check below.
            clean = posixpath.normpath("/" + url_path.lstrip("/"))
            parts = [p for p in clean.split("/") if p and p not in (".", "..")]
            full = os.path.join(directory, *parts)
            if url_path.endswith("/") and not full.endswith(os.sep):
                full += os.sep
            real_dir = os.path.realpath(directory)
            if os.path.commonpath([os.path.realpath(full), real_dir]) != real_dir:
                return os.path.join(real_dir, "\0refused")  # never exists: 404
            return full

        def send_header(self, keyword, value):
            if keyword.lower() == "content-type":
                self._content_type = value.lower()
            super().send_header(keyword, value)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            if getattr(self, "_content_type", "").startswith("text/html"):
                self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            super().end_headers()
            self._content_type = ""

        def log_message(self, fmt, *args):
            sys.stderr.write("serve: %s\n" % (fmt % args))

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    root = os.path.abspath(argv[1])
    if not os.path.isdir(root):
        sys.stderr.write(f"serve: {root} is not a directory (run `make build` first)\n")
        return 1
    port = int(argv[2])
    mounts = []
    for spec in argv[3:]:
        prefix, sep, directory = spec.partition("=")
        if not sep or not prefix.startswith("/") or not os.path.isdir(directory):
            sys.stderr.write(f"serve: bad mount {spec!r} (want /prefix=existing-dir)\n")
            return 2
        mounts.append((prefix.rstrip("/"), os.path.abspath(directory)))

    server = Server(("127.0.0.1", port), make_handler(root, mounts))

    def stop(signum, frame):
        raise KeyboardInterrupt

    # Also SIGINT: a shell without job control starts background commands with it ignored.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"serving http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
