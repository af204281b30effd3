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
Logs one line per request on stderr. Exits cleanly on Ctrl-C and SIGTERM.
"""

import http.server
import os
import posixpath
import signal
import sys
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


def make_handler(root, mounts):
    """A handler class serving `root`, with `mounts` = [(url prefix, directory)] tried first."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

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
