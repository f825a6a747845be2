"""axe-core finds no violation on any page of the built site, in the light and the dark
scheme, and on every worksheet with its output shown.

Pages come from the site's sitemap.xml (every page of the nav), plus 404.html (GitHub Pages
serves it for any unknown path). The scheme follows the visitor's system setting
(`prefers-color-scheme` palettes in mkdocs.yml): one test checks that Material picks the
matching palette for each setting. Material applies a palette as attributes on <body>
(`data-md-color-scheme` and friends), and every colour in the theme and in site.css keys on
them, so the sweep checks each page twice in one visit: as loaded (light), then with the dark
palette's attributes set as Material sets them. One browser pass instead of two halves the
time this file adds to CI.

Guide pages are loaded one by one; the worksheets are then visited with Material's instant
navigation in the same page, so Python starts once: each one is submitted and axe runs with
the output (and the open example) on screen.

axe.min.js comes from npm `axe-core` (package-lock.json). It is injected as a script tag,
which the site's Content Security Policy forbids, so these contexts bypass the CSP;
tests/browser/test_csp.py checks the policy itself.
"""
from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ENGINE_TIMEOUT, READY

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WORKSHEET = re.compile(r"/workbook/([^/]+)/$")
SCHEMES = {"light": "default", "dark": "slate"}

# Every rule axe runs by default (WCAG 2.0/2.1/2.2 A and AA plus best practices).
RUN_AXE = """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))})))"""


def site_pages(site_url: str) -> list[str]:
    """Every page URL in the built site's sitemap, and the 404 page."""
    with urllib.request.urlopen(site_url + "sitemap.xml") as response:
        tree = ElementTree.fromstring(response.read())
    urls = [loc.text.strip() for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert urls and all(u.startswith(site_url) for u in urls), urls
    return urls + [site_url + "404.html"]


# Colours are checked at rest: a transition caught halfway (a header title fading in after
# instant navigation, a link changing colour, the nav fading to the dark palette) is not what
# anyone reads. Instant navigation replaces what was added to the head, so the style is put back
# before every run (a CI run once read the nav's labels halfway to dark).
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
HOLD_STILL = """css => {
    if (document.getElementById("a11y-still")) return;
    const style = document.createElement("style");
    style.id = "a11y-still";
    style.textContent = css;
    document.head.append(style);
}"""
# ...and after a smooth scroll (to the output, say) has come to rest.
SETTLED = """() => new Promise(done => {
    let last = -1, still = 0;
    const tick = () => {
        if (scrollY === last) still++; else { still = 0; last = scrollY; }
        if (still >= 5) done(); else requestAnimationFrame(tick);
    };
    tick();
})"""


def axe_violations(page, where: str) -> list[str]:
    """Run axe on what is on screen now; each violation as one readable block."""
    page.mouse.move(0, 0)  # nothing hovered
    page.evaluate(SETTLED)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    page.evaluate(HOLD_STILL, STILL)
    found = []
    for v in page.evaluate(RUN_AXE):
        for node in v["nodes"]:
            summary = " ".join(node["summary"].split())
            found.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}\n    at {node['target']}\n    {summary}")
    return found


def open_details(page):
    """Show what is folded away (the example results), so axe checks it too."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")


def fill_required(page, form):
    """Give every required field an answer, as a person would (no field is left invalid)."""
    form.evaluate("""form => {
        for (const el of form.querySelectorAll("[required]")) {
            if (el.type === "radio") {
                if (!form.querySelector(`input[name="${el.name}"]:checked`)) el.checked = true;
            } else if (!el.value) {
                el.value = {date: "2024-05-09", email: "priya@example.com", number: "1"}[el.type] || "Northwind Books";
            }
            el.dispatchEvent(new Event("input", {bubbles: true}));
            el.dispatchEvent(new Event("change", {bubbles: true}));
        }
    }""")


def show_output(page, form):
    """Submit the worksheet and wait until its output is on screen."""
    fill_required(page, form)
    article = page.locator("article")
    if article.locator('[data-action="add"]').count():  # the log: add one entry, then chart it
        article.locator('[data-action="add"]').click()
        expect(page.locator("[data-log] tbody tr")).to_have_count(1)
    before = int(form.get_attribute("data-ran") or 0)
    article.locator('[data-action="run"]').click()
    expect(form).to_have_attribute("data-ran", str(before + 1), timeout=ENGINE_TIMEOUT)
    expect(page.locator("[data-output]")).to_be_visible()


def palette(page) -> dict[str, str]:
    """The palette Material has applied: scheme, primary and accent, as on <body>."""
    return page.evaluate("""() => Object.fromEntries(["scheme", "primary", "accent"].map(
        key => [key, document.body.getAttribute(`data-md-color-${key}`)]))""")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_system_setting_picks_the_palette(open_context, site_url, scheme):
    context, _ = open_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "about/")
    assert palette(page)["scheme"] == SCHEMES[scheme]


def apply_palette(page, colours: dict[str, str]) -> None:
    page.evaluate("""p => { for (const [key, value] of Object.entries(p))
        document.body.setAttribute(`data-md-color-${key}`, value) }""", colours)


def axe_in_both_schemes(page, where: str, light: dict[str, str]) -> list[str]:
    """axe as loaded (the light palette), then with the dark palette applied as Material
    applies it, then back, so the page is left as it was."""
    assert palette(page) == light, f"{where}: the page did not load in the light palette"
    found = axe_violations(page, f"[light] {where}")
    dark = {**light, "scheme": SCHEMES["dark"]}
    apply_palette(page, dark)
    found += axe_violations(page, f"[dark] {where}")
    apply_palette(page, light)
    return found


def test_every_page_has_no_axe_violation_in_either_scheme(open_context, site_url):
    assert AXE.exists(), "run `npm ci`: axe-core comes from node_modules"
    context, _ = open_context(color_scheme="light", bypass_csp=True)
    page = context.new_page()
    urls = site_pages(site_url)
    worksheets = [u for u in urls if WORKSHEET.search(u)]
    assert len(worksheets) >= 7
    problems: list[str] = []
    page.goto(urls[0])
    light = palette(page)
    assert light["scheme"] == SCHEMES["light"], light

    for url in (u for u in urls if u not in worksheets):
        page.goto(url)
        open_details(page)
        problems += axe_in_both_schemes(page, url[len(site_url) - 1:], light)

    # Worksheets, each with its output shown: one page, instant navigation between them.
    page.goto(worksheets[0])
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    page.evaluate("window.__sameDocument = true")
    for url in worksheets:
        wid = WORKSHEET.search(url).group(1)
        if url != worksheets[0]:
            page.locator(f'.md-nav a[href$="/{wid}/"]').first.click()
            page.wait_for_selector(f'form[data-worksheet="{wid}"]')
            assert page.evaluate("window.__sameDocument") is True, "instant navigation reloaded the page"
            page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
        show_output(page, page.locator(f'form[data-worksheet="{wid}"]'))
        open_details(page)
        problems += axe_in_both_schemes(page, f"{url[len(site_url) - 1:]} (with output)", light)

    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)
