"""MkDocs hook: a Content Security Policy in every built page, as a <meta> tag.

GitHub Pages cannot send response headers, so the policy travels in the page itself:
`<meta http-equiv="Content-Security-Policy">`, placed right after `<meta charset>` so that
it governs everything that follows (a <meta> policy only applies to what comes after it).

The policy allows the site's own origin only. Material puts a few small inline scripts in
every page (scope, palette, tabs); rather than 'unsafe-inline', each one is allowed by the
sha256 hash of its exact text, computed here from the final HTML of that page (so a theme
update or an override changes the hashes by itself). The JSON config block
(type="application/json") is data, not script, and needs no hash.

Styles need no 'unsafe-inline': the built pages carry no inline <style> and no style="..."
attribute (tests/browser/test_csp.py checks it), and styles set from script through the CSSOM
(element.style.x = ...), as Material and the workbook do, are not governed by style-src.
Images allow data: because Material's stylesheet draws its icons (mask-image) from data:
SVG URLs; a data: URL is not a network request.

'wasm-unsafe-eval' lets WebAssembly compile. Pyodide runs in a module Web Worker; a worker
created from a same-origin URL takes its policy from its own response headers, not from
this <meta>: on a static host, which sends no CSP header, the worker runs with no policy
(tests/browser/test_csp.py checks which policy applies where). It only ever loads the
site's own files (the crawl test proves it).
The keyword stays so that a host that sends this policy as a header keeps Pyodide working.

Directives a <meta> policy ignores (frame-ancestors, report-uri, sandbox) are left out:
browsers print a console error for each.
"""
from __future__ import annotations

import base64
import hashlib
import re

# Inline <script> elements: no src, and a type the browser executes.
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-...' for each distinct inline script the browser would run, in page order."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        token = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(html: str) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(html: str) -> str:
    """The page with its policy <meta> as early in <head> as it can go."""
    if MARKER in html:
        return html
    meta = f'<meta {MARKER} content="{policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[:anchor.end()] + "\n      " + meta + html[anchor.end():]


def on_post_page(output: str, page, config) -> str:
    return add_policy(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # Static templates: 404.html gets the same policy; sitemap.xml is left alone.
    if template_name.endswith(".html"):
        return add_policy(output_content)
    return output_content
