"""The site works offline after the first visit, and can be installed.

`python -m sitebuild offline SITE_DIR` (or the MkDocs hook hooks/offline.py after a build)
writes into the site:

    manifest.webmanifest          web app manifest (name, icons, theme colour); relative
                                  start_url and scope, so it is right under a Pages project path
    assets/offline/build.json     {"build": id}: a hash of every file's hash (see below)
    sw.js                         the service worker, written by Workbox (hooks/offline_sw.mjs,
                                  run with Node from node_modules, pinned in package-lock.json)

The icons are committed image files (docs/assets/icons/). Every page's <head> gets, through
Material's extrahead block (overrides/main.html): <link rel="manifest">, <meta
name="theme-color">, an apple-touch-icon, and, in a build with the offline copy, <meta
name="gr-service-worker" content="<relative URL of sw.js>">, which tells assets/offline.js to
register the worker. None of these needs a CSP hash.

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
`OFFLINE=off mkdocs build` does the same in a build (to compare with and without);
`python -m sitebuild offline --without-copy SITE_DIR` writes that worker.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from macros.errors import BuildError

from .assets import ROOT, RUNTIME_FILES, pyodide_dir

NODE_SCRIPT = Path(__file__).with_name("offline_sw.mjs")
MANIFEST = "manifest.webmanifest"
ICONS = {192: "assets/icons/icon-192.png", 512: "assets/icons/icon-512.png"}
SW = "sw.js"

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


# --- web app manifest ------------------------------------------------------------------------

def web_manifest(config) -> dict:
    extra = config.get("extra") or {}
    theme_color = extra.get("theme_color")
    if not theme_color:
        raise BuildError("mkdocs.yml: extra.theme_color is missing: the colour of the installed app, "
                         'like "#3f51b5"')
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
        "theme_color": theme_color,   # mkdocs.yml extra.theme_color, as the pages' meta
        "icons": icons,
    }


def search_languages(config) -> list[str]:
    for name, plugin in (config.get("plugins") or {}).items():
        if name.endswith("search"):
            return list(plugin.config.get("lang") or [config["theme"].get("language") or "en"])
    return ["en"]


def write_offline(site: Path, config: dict, offline: bool = True) -> None:
    """The manifest, and sw.js: Workbox's precaching worker, or (offline=False) one that removes
    itself. `config` holds site_name, site_description, theme.language, extra and plugins, as
    mkdocs.yml does."""
    (site / MANIFEST).write_text(json.dumps(web_manifest(config), indent=1, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    if not offline:
        (site / SW).write_text(SELF_REMOVING_SW, encoding="utf-8")
        return
    # Material ships lunr for ~40 languages (1 MB); only English needs none of them.
    ignore = ["**/*.map"]  # source maps are for developer tools only
    ignore += ["assets/javascripts/lunr/**"] if search_languages(config) == ["en"] else []
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "workbox-build").is_dir():
        raise BuildError("The offline service worker needs Node and workbox-build: run `npm ci` first.")
    # Pyodide's runtime sits in a folder named by its version: the same URL always holds the
    # same bytes, so the precache may take it from the browser's HTTP cache (no second download
    # after a worksheet page has just loaded it).
    immutable = [f"{pyodide_dir(ROOT)}/{name}" for name in RUNTIME_FILES]
    options = {"siteDir": str(site), "ignore": ignore, "immutable": immutable}
    done = subprocess.run([node, str(NODE_SCRIPT), json.dumps(options)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise BuildError(f"Workbox could not write sw.js:\n{done.stderr.strip()}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["warnings"]:
        raise BuildError("Workbox: " + "; ".join(result["warnings"]))
