"""The local server compresses as GitHub Pages does (for `make bench`'s bytes before ready)."""
from __future__ import annotations

import gzip
import urllib.request

from tests.browser.server import serve


def _get(url: str, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers, response.read()


def test_text_and_webassembly_are_gzipped_archives_are_not_and_every_body_is_counted(tmp_path):
    page = "<!doctype html><title>x</title>" + "<p>words</p>" * 200
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "python.wasm").write_bytes(b"\0asm" + b"\1" * 5000)
    (tmp_path / "stdlib.zip").write_bytes(b"PK" + b"\2" * 5000)
    transfers: list = []
    with serve(tmp_path, compress=True, transfers=transfers) as base:
        headers, body = _get(base, **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body).decode() == page
        headers, body = _get(base + "python.wasm", **{"Accept-Encoding": "gzip, br"})
        assert headers["Content-Encoding"] == "gzip" and len(body) < 200
        headers, body = _get(base + "stdlib.zip", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] is None and len(body) == 5002
        headers, body = _get(base)  # a client that asks for no compression gets none
        assert headers["Content-Encoding"] is None and body.decode() == page
    sizes = [size for _, _, size, _ in transfers]
    assert [at for *_, at in transfers] == sorted(at for *_, at in transfers)
    assert sizes[2:] == [5002, len(page.encode())] and sizes[0] < len(page) / 5
    with serve(tmp_path, transfers=transfers) as base:  # the tests' server: as the files are
        headers, _ = _get(base + "python.wasm", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] is None
