"""MkDocs hook: the site works offline after the first visit, and can be installed.

After `mkdocs build` it writes into the site:

    manifest.webmanifest          web app manifest (name, icons, theme colour); relative
                                  start_url and scope, so it is right under a Pages project path
    assets/icons/icon-{192,512}.png   drawn here with zlib (no binary files in the repository)
    assets/offline/build.json     {"build": id}: a hash of every file's hash (see below)
    sw.js                         the service worker, written by Workbox (hooks/offline_sw.mjs,
                                  run with Node from node_modules, pinned in package-lock.json)

and in every page's <head>: <link rel="manifest">, <meta name="theme-color">, an
apple-touch-icon, and <meta name="gr-service-worker" content="<relative URL of sw.js>">,
which tells assets/offline.js to register the worker. None of these needs a CSP hash.

The service worker precaches the whole site (pages, search index, CSS/JS, Pyodide, the
engine wheel) and answers from that cache first. A new build's worker downloads only the
files whose hash changed, all or nothing, while the old one keeps serving; it takes over at
the start of a later visit (assets/offline-sw.js, assets/offline.js). Why Workbox rather
than hand-written cache code: see hooks/offline_sw.mjs.

Service workers need https or http on localhost; elsewhere (and on file://) the page simply
does not register one and everything works from the network as before.

`mkdocs serve`: no precache (files change on every save). sw.js is then a worker that
removes itself: if a built copy once installed one on the same address, the browser finds
this one on its next update check, and it clears that copy's cache, unregisters and reloads
its pages from the dev server. Pages get no gr-service-worker meta, so nothing registers.
`OFFLINE=off mkdocs build` does the same in a build (to compare with and without).
"""
from __future__ import annotations

import html
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.assets import RUNTIME_FILES, pyodide_dir  # noqa: E402
from macros.content import load_content_or_fail  # noqa: E402

NODE_SCRIPT = Path(__file__).with_name("offline_sw.mjs")
THEME_COLOR = "#3f51b5"  # Material's "indigo" primary (mkdocs.yml palette)
MANIFEST = "manifest.webmanifest"
ICONS = {192: "assets/icons/icon-192.png", 512: "assets/icons/icon-512.png"}
SW = "sw.js"
CHECK_MARKER = 'name="gr-service-worker"'

_command = "build"
_icons: dict[int, bytes] = {}

SELF_REMOVING_SW = """\
// mkdocs serve: no offline cache while editing. If a built copy of the site once installed a
// service worker on this address and path, this replaces it: it deletes that copy's cache,
// unregisters, and reloads its open pages from the dev server.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.includes(self.registration.scope)) await caches.delete(name);
  }
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
"""


# --- icons: an indigo square with a white ring and check mark ---------------------------------

def _segment_distance(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def icon_png(size: int) -> bytes:
    """A size x size PNG. The drawing stays inside the central 80% circle, so the icon also
    works as "maskable" (launchers crop it to their own shape)."""
    if size in _icons:
        return _icons[size]
    bg = (0x3F, 0x51, 0xB5)
    s = float(size)
    ring_r, ring_w = 0.30 * s, 0.035 * s
    check = [(0.385 * s, 0.51 * s), (0.47 * s, 0.595 * s), (0.625 * s, 0.42 * s)]
    check_w = 0.04 * s
    bg_pixel = bytes(bg)
    (x0, y0), (x1, y1), (x2, y2) = check
    near = check_w + 1.0
    check_box = (min(x0, x2) - near, max(x0, x2) + near, min(y0, y1, y2) - near, max(y0, y1, y2) + near)
    rows = []
    for y in range(size):
        py = y + 0.5
        dy = py - s / 2
        # Only pixels near a shape are worked out; the rest is background.
        candidates: set[int] = set()
        outer = ring_r + ring_w + 1.0
        if abs(dy) < outer:
            xo = math.sqrt(outer * outer - dy * dy)
            inner = max(0.0, ring_r - ring_w - 1.0)
            xi = math.sqrt(inner * inner - dy * dy) if abs(dy) < inner else 0.0
            for a, b in ((s / 2 - xo, s / 2 - xi), (s / 2 + xi, s / 2 + xo)):
                candidates.update(range(max(0, int(a)), min(size, int(b) + 1)))
        if check_box[2] <= py <= check_box[3]:
            candidates.update(range(max(0, int(check_box[0])), min(size, int(check_box[1]) + 1)))
        row = bytearray(b"\x00") + bg_pixel * size  # filter byte "none", then RGB pixels
        for x in candidates:
            px = x + 0.5
            d_ring = abs(math.hypot(px - s / 2, dy) - ring_r) - ring_w
            d_check = min(_segment_distance(px, py, x0, y0, x1, y1),
                          _segment_distance(px, py, x1, y1, x2, y2)) - check_w
            cover = max(0.0, min(1.0, 0.5 - min(d_ring, d_check)))  # 1-pixel anti-aliasing
            if cover:
                row[1 + 3 * x:4 + 3 * x] = bytes(round(c + (255 - c) * cover) for c in bg)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
           + chunk(b"IEND", b""))
    _icons[size] = png
    return png


# --- web app manifest ------------------------------------------------------------------------

def web_manifest(config) -> dict:
    extra = config.get("extra") or {}
    icons = []
    for size, path in ICONS.items():
        icons.append({"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"})
    icons.append({"src": ICONS[512], "sizes": "512x512", "type": "image/png", "purpose": "maskable"})
    return {
        "name": config["site_name"],
        "short_name": extra.get("short_name", "Rejections"),
        "description": config.get("site_description") or "",
        "lang": config["theme"].get("language") or "en",
        # Relative to the manifest's own URL: the site's base, wherever it is published.
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": icons,
    }


def head_tags(page_url: str, offline: bool, updated: str = "") -> str:
    """The tags for every page's head; `updated` is the line offline.js shows after an update
    (content/interface.yaml), escaped here as an attribute value."""
    def rel(path: str) -> str:
        return get_relative_url(path, page_url)

    tags = [
        f'<link rel="manifest" href="{rel(MANIFEST)}">',
        f'<meta name="theme-color" content="{THEME_COLOR}">',
        f'<link rel="apple-touch-icon" href="{rel(ICONS[192])}">',
    ]
    if offline:
        tags.append(f'<meta {CHECK_MARKER} content="{rel(SW)}" data-updated="{html.escape(updated, quote=True)}">')
    return "".join(f"\n    {tag}" for tag in tags) + "\n  "


def _search_languages(config) -> list[str]:
    for name, plugin in config["plugins"].items():
        if name.endswith("search"):
            return list(plugin.config.get("lang") or [config["theme"].get("language") or "en"])
    return ["en"]


# --- MkDocs events ---------------------------------------------------------------------------

def on_startup(command, dirty):
    global _command
    # OFFLINE=off builds a site without the offline copy, as `mkdocs serve` does (to compare).
    _command = "serve" if os.environ.get("OFFLINE", "").lower() in ("off", "0", "no") else command


def on_post_page(output: str, page, config) -> str:
    if 'rel="manifest"' in output:
        return output
    at = output.lower().rfind("</head>")
    if at < 0:
        return output
    updated = load_content_or_fail(config).interface["offline"]["updated"]
    return output[:at] + head_tags(page.url, _command != "serve", updated).lstrip(" ") + output[at:]


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    (site / MANIFEST).write_text(json.dumps(web_manifest(config), indent=1, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    for size, path in ICONS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(icon_png(size))
    if _command == "serve":
        (site / SW).write_text(SELF_REMOVING_SW, encoding="utf-8")
        return
    # Material ships lunr for ~40 languages (1 MB); only English needs none of them.
    ignore = ["**/*.map"]  # source maps are for developer tools only
    ignore += ["assets/javascripts/lunr/**"] if _search_languages(config) == ["en"] else []
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "workbox-build").is_dir():
        raise PluginError("The offline service worker needs Node and workbox-build: run `npm ci` first.")
    # Pyodide's runtime sits in a folder named by its version: the same URL always holds the
    # same bytes, so the precache may take it from the browser's HTTP cache (no second download
    # after a worksheet page has just loaded it).
    immutable = [f"{pyodide_dir(ROOT)}/{name}" for name in RUNTIME_FILES]
    options = {"siteDir": str(site), "ignore": ignore, "immutable": immutable}
    done = subprocess.run([node, str(NODE_SCRIPT), json.dumps(options)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise PluginError(f"Workbox could not write sw.js:\n{done.stderr.strip()}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["warnings"]:
        raise PluginError("Workbox: " + "; ".join(result["warnings"]))
