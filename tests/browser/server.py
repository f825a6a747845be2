"""A static file server for a built site, on 127.0.0.1 and a free port, in a thread.

Shared by the browser tests and benchmarks/bench.py. It sends the types Pyodide
needs (.mjs as JavaScript, .wasm as application/wasm) and no cache headers, so a
browser's cache behaves as it would behind a plain static host.
"""
from __future__ import annotations

import contextlib
import functools
import threading
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

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def log_request(self, code="-", size="-"):
        if self.sent is not None:
            self.sent.append((self.path.split("?", 1)[0], int(getattr(code, "value", code))))

    def translate_path(self, path):
        # Serve the site under a sub-path, as GitHub Pages does (https://<user>.github.io/<repo>/).
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection early (a page left mid-download) is normal.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(root: Path, prefix: str = "/", sent: list | None = None):
    """Serve `root` at `prefix` until the block ends; yields the site's URL (ending in '/').
    With `sent`, every response's (path without query, status) is appended to it."""
    handler = functools.partial(type("Handler", (_Handler,), {"prefix": prefix, "sent": sent}), directory=str(root))
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
