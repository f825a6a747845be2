"""A Content Security Policy in every built page, as a <meta> tag (the MkDocs hook hooks/csp.py
adds it as each page is written; `python -m sitebuild csp SITE_DIR` adds it to a built site).

GitHub Pages cannot send response headers, so the policy travels in the page itself:
`<meta http-equiv="Content-Security-Policy">`, placed right after `<meta charset>` so that
it governs everything that follows (a <meta> policy only applies to what comes after it).

The policy allows the site's own origin only. Material puts a few small inline scripts in
every page (scope, palette, tabs); rather than 'unsafe-inline', each one is allowed by the
sha256 hash of its exact text, computed here from the final HTML of that page (so a theme
update or an override changes the hashes by itself). The JSON config block
(type="application/json") is data, not script, and needs no hash.

Only scripts the project knows are hashed. An inline script is known when its text is the
text of a <script> element in one of the theme's own template files (Material's, or ours in
overrides/), where each `{{ ... }}` in the template may stand for a URL and nothing else
(letters, digits and / . : _ - % ? # = & ~). Anything else inline that a browser would run
(a script no template wrote, an onclick= attribute, a javascript: link) fails the build
with the page's name and the script's first characters: text from content/ is escaped
before it reaches a page, so such a script is a bug to fix, never a thing to allow.

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
from html.parser import HTMLParser
from pathlib import Path

from macros.errors import BuildError

# Script types a browser treats as data, not code. Every other type (none, module, any
# JavaScript MIME type, and types we have never heard of) must be a known script.
_DATA_TYPES = {"application/json"}
# What a `{{ ... }}` inside a theme's <script> may become: a URL, never code.
_URL_CHARS = r"[A-Za-z0-9/.:_\-%?#=&~]*"
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'


class UnknownScript(Exception):
    """An inline script (or event handler, or javascript: URL) that no theme template wrote."""


def _is_javascript_url(value: str | None) -> bool:
    # Browsers ignore spaces and control characters around and inside the scheme.
    return re.sub(r"[\s\x00-\x1f]", "", value or "").lower().startswith("javascript:")


class _Scripts(HTMLParser):
    """Every inline <script> a browser would run (its exact text), and every event-handler
    attribute and javascript: URL, found by an HTML parser rather than a regular expression."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._body: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or name in _URL_ATTRIBUTES and _is_javascript_url(value):
                self.handlers.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            names = dict(attrs)
            kind = (names.get("type") or "").strip().lower()
            runs_inline = "src" not in names and kind not in _DATA_TYPES
            self._body = [] if runs_inline else None

    def handle_data(self, data):
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._body is not None:
            self.inline.append("".join(self._body))
            self._body = None


def _template_scripts(text: str) -> list[str]:
    """The bodies of the inline <script> elements in a template's source."""
    bodies = []
    for match in re.finditer(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", text, re.S):
        attrs = match.group("attrs")
        if "src=" in attrs or "application/json" in attrs or "{%" in match.group("body"):
            continue
        bodies.append(match.group("body"))
    return bodies


def known_script_patterns(theme_dirs) -> list[re.Pattern]:
    """One pattern per inline script in the theme's templates: its text exactly, with each
    `{{ ... }}` allowed to be a URL."""
    patterns: dict[str, re.Pattern] = {}
    for folder in theme_dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            for body in _template_scripts(template.read_text(encoding="utf-8")):
                parts = _JINJA_EXPRESSION.split(body)
                source = _URL_CHARS.join(re.escape(part) for part in parts)
                patterns.setdefault(source, re.compile(source, re.S))
    return list(patterns.values())


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str, known: list[re.Pattern]) -> list[str]:
    """'sha256-...' for each distinct inline script the browser would run, in page order.
    Raises UnknownScript for one that no theme template wrote, or an inline handler."""
    found = _Scripts(html)
    if found.handlers:
        raise UnknownScript(f"an inline event handler or javascript: link, {found.handlers[0][:80]}")
    hashes: list[str] = []
    for body in found.inline:
        if not any(pattern.fullmatch(body) for pattern in known):
            start = " ".join(body.split())[:60]
            raise UnknownScript(f"an inline script that no template of the theme wrote, starting {start!r}")
        token = _hash(body)
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(script_hashes: list[str]) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes])
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


def add_policy(html: str, known: list[re.Pattern]) -> str:
    """The page with its policy <meta> as early in <head> as it can go."""
    if MARKER in html:
        return html
    meta = f'<meta {MARKER} content="{policy(inline_script_hashes(html, known))}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[:anchor.end()] + "\n      " + meta + html[anchor.end():]


_known: dict[tuple, list[re.Pattern]] = {}


def checked(html: str, where: str, theme_dirs) -> str:
    """add_policy, with the patterns of the theme's templates (kept per set of folders); a
    script no template wrote stops the build, named by `where`."""
    dirs = tuple(str(d) for d in theme_dirs)
    if dirs not in _known:
        _known[dirs] = known_script_patterns(dirs)
    try:
        return add_policy(html, _known[dirs])
    except UnknownScript as problem:
        raise BuildError(f"{where}: {problem}. Only scripts the theme's templates write are allowed "
                         "(sitebuild/csp.py); text from content/ must reach a page escaped.") from None


def apply_to_site(site: Path, theme_dirs) -> int:
    """Add the policy to every HTML file of a built site; the number of files changed."""
    changed = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        new = checked(html, path.relative_to(site).as_posix(), theme_dirs)
        if new != html:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed
