"""A static file server for a built site, on 127.0.0.1 and a free port, in a thread.

Shared by the browser tests and benchmarks/bench.py. It sends the types Pyodide
needs (.mjs as JavaScript, .wasm as application/wasm) and no cache headers, so a
browser's cache behaves as it would behind a plain static host. With compress=True (the
benchmark) it gzips what GitHub Pages gzips: text (HTML, CSS, JavaScript, JSON, the web
manifest, SVG, plain text, XML) and WebAssembly; archives (.zip, .whl) and images go as they
are. Pages has no list of its own in its documentation: this follows what it was seen to
send (a .wasm arrives with `Content-Encoding: gzip`) and the usual compressible types.
"""
from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import io
import os
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/octet-stream",
    }

    prefix = "/"
    sent: list | None = None  # serve(..., sent=[]) collects (path, status) of every response
    transfers: list | None = None  # serve(..., transfers=[]) collects (path, status, body bytes, time sent)
    compress = False
    _body_bytes = 0
    _status = 0

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length":
            self._body_bytes = int(value)
        super().send_header(keyword, value)

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def log_request(self, code="-", size="-"):
        self._status = int(getattr(code, "value", code))
        if self.sent is not None:
            self.sent.append((self.path.split("?", 1)[0], self._status))

    def end_headers(self):
        # The headers are complete here (log_request comes before them, with the status).
        if self.transfers is not None:
            body = self._body_bytes if self._status == 200 and self.command == "GET" else 0
            self.transfers.append((self.path.split("?", 1)[0], self._status, body, time.time()))
        self._body_bytes = 0
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if not (self.compress and kind in GZIP_TYPES and os.path.isfile(path)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        modified = os.stat(path).st_mtime
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:
            with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
                if int(modified) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    return None
        body = _gzipped(path, modified)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path):
        # Serve the site under a sub-path, as GitHub Pages does (https://<user>.github.io/<repo>/).
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])


GZIP_TYPES = {"text/html", "text/css", "text/javascript", "application/json", "application/manifest+json",
              "image/svg+xml", "text/plain", "application/xml", "text/xml", "application/wasm"}


@functools.lru_cache(maxsize=64)
def _gzipped(path: str, modified: float) -> bytes:
    with open(path, "rb") as f:
        return gzip.compress(f.read(), compresslevel=6, mtime=0)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection early (a page left mid-download) is normal.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(root: Path, prefix: str = "/", sent: list | None = None, transfers: list | None = None,
          compress: bool = False):
    """Serve `root` at `prefix` until the block ends; yields the site's URL (ending in '/').
    With `sent`, every response's (path without query, status) is appended to it; with
    `transfers`, (path, status, bytes of the body as sent, when its headers went, as time.time());
    `compress` gzips as Pages does."""
    settings = {"prefix": prefix, "sent": sent, "transfers": transfers, "compress": compress}
    handler = functools.partial(type("Handler", (_Handler,), settings), directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    import os

    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
