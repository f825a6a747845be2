"""The Content Security Policy (sitebuild/csp.py): in every built page, and the workbook works
under it in a real browser with no violation reported.

What the browser shows (checked below): the page's <meta> policy governs the document (an
eval there is refused, inline scripts run only by hash). The Pyodide worker is started from
a same-origin URL, so it takes its policy from its own response headers, not from the
page's <meta>; a static host sends none, so the worker runs with no policy (an eval there
is allowed). The worker only loads files from the site itself (the crawl and request tests
prove it), and a host that can send headers can give worker.js the same policy.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import ENGINE_TIMEOUT, READY

SELF_ONLY = ("default-src", "style-src", "font-src", "connect-src", "worker-src", "base-uri", "form-action")
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


class _Audit(HTMLParser):
    """Inline scripts, event-handler attributes, inline styles, and where the CSP meta sits."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self.head_order: list[str] = []
        self._in_script = False
        self._in_head = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self.handlers += [f"<{tag} {k}=...>" for k, _ in attrs if k.startswith("on")]
        if "style" in names:
            self.styles.append(f"<{tag} style={names['style']!r}>")
        if tag == "style":
            self.styles.append("<style> element")
        if tag == "head":
            self._in_head = True
        elif self._in_head:
            self.head_order.append(names.get("http-equiv") or names.get("charset") and "charset" or tag)
        if tag == "script" and "src" not in names and names.get("type", "") in ("", "module", "text/javascript"):
            self._in_script, self._buffer = True, []

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._in_script:
            self.scripts.append("".join(self._buffer))
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self._buffer.append(data)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_every_built_page_has_a_strict_policy_and_no_inline_handler(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 20
    problems = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(built_site).as_posix()
        found = META.findall(html)
        if len(found) != 1:
            problems.append(f"{name}: {len(found)} CSP <meta> tags")
            continue
        policy = directives(found[0])
        audit = _Audit()
        audit.feed(html)
        # First thing after <meta charset>: it governs every element that follows it.
        if audit.head_order[:2] != ["charset", "Content-Security-Policy"]:
            problems.append(f"{name}: the policy is not first in <head>: {audit.head_order[:3]}")
        for directive in SELF_ONLY:
            if policy.get(directive) != ["'self'"]:
                problems.append(f"{name}: {directive} is {policy.get(directive)}")
        if policy.get("img-src") != ["'self'", "data:"] or policy.get("object-src") != ["'none'"]:
            problems.append(f"{name}: img-src {policy.get('img-src')}, object-src {policy.get('object-src')}")
        scripts = policy.get("script-src", [])
        if scripts[:2] != ["'self'", "'wasm-unsafe-eval'"] or {"'unsafe-inline'", "'unsafe-eval'"} & set(scripts):
            problems.append(f"{name}: script-src is {scripts}")
        if sorted(set(scripts[2:])) != sorted({sha256(s) for s in audit.scripts}):
            problems.append(f"{name}: script hashes do not match the page's {len(audit.scripts)} inline scripts")
        problems += [f"{name}: inline event handler {h}" for h in audit.handlers]
        problems += [f"{name}: inline style {s} (style-src has no 'unsafe-inline')" for s in audit.styles]
    assert not problems, "\n".join(problems)


# Recorded before any page script runs (an init script is not subject to the page's policy).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""
# A probe of the policy in force: connect-src 'self' refuses a fetch of a data: URL.
# (An eval would not do: code evaluated through DevTools, as Playwright does, is exempt.)
PROBE = "() => fetch('data:text/plain,x').then(r => r.text()).then(() => 'allowed', () => 'blocked')"


def test_the_workbook_works_under_the_policy_with_no_violation(open_context, site_url):
    context, recorder = open_context()
    context.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    context.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page = context.new_page()
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    seen: list[str] = []

    def check(where: str):
        seen.extend(f"{where}: {v}" for v in page.evaluate("window.__csp"))

    for path in ("", "strategies/reply-professionally/"):
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        check(path or "home")
        # The palette and the search (a worker of Material's) work under the policy too.
        page.keyboard.press("/")
        page.keyboard.type("feedback")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        page.keyboard.press("Escape")
        check(path or "home")

    page.goto(site_url + "workbook/reply/")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    form = page.locator('form[data-worksheet="reply"]')
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    page.get_by_role("button", name="Draft my reply").click()
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(
        re.compile("Northwind Books"), timeout=ENGINE_TIMEOUT)
    check("workbook/reply")


    # Instant navigation keeps the first page's policy and re-runs Material's inline scripts
    # from other pages (other depths): none may be refused.
    page.locator('.md-nav a[href$="/check-in/"]').first.click()
    page.wait_for_selector('form[data-worksheet="check-in"]')
    page.locator(".md-header__button.md-logo").click()
    expect(page.locator('form[data-worksheet]')).to_have_count(0)
    page.wait_for_load_state("networkidle")
    check("after instant navigation")

    csp_console = [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m]
    assert not seen and not csp_console, "\n".join(seen + csp_console)
    assert not [m for m in console if m.startswith("pageerror")], console

    # Which policy governs what: the page's <meta> governs the document; the Pyodide worker,
    # started from its own URL, is not governed by it (see the module docstring).
    assert page.evaluate(PROBE) == "blocked", "the page's policy is not in force"
    assert any("connect-src" in v for v in page.evaluate("window.__csp"))
    worker = next(w for w in page.workers if w.url.endswith("/assets/worker.js"))
    assert worker.evaluate(PROBE) == "allowed", "the worker has a policy now: update the docs"
