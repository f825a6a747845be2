"""Text from content/ stays text: a site built from content whose every free-text field ends
in hostile markup, template and Markdown (tests/hostile.py) runs none of it, evaluates none of
it, and shows each piece exactly as it was typed, on every page, in the search results and in
a worksheet's output.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ENGINE_TIMEOUT, READY, Recorder
from tests.browser.server import serve
from tests.conftest import ROOT, build_site
from tests.hostile import HOSTILE, hostile_content, hostile_site_config

# Before any page script: a trap for anything that runs, and a record of CSP refusals.
TRAPS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
"""

# Every text node and attribute that holds a piece of the hostile text must hold all of it:
# a piece that became an element, a link, emphasis or "42" splits or changes the text.
TORN = r"""(hostile) => {
  const torn = [];
  const check = (where, text) => {
    if (text.includes("__pwned") && !text.includes(hostile)) torn.push(`${where}: ${text.slice(0, 80)}`);
  };
  // With scripts on, a <noscript> holds its markup as text: read it as the browser would without them.
  const asHTML = (text) => new DOMParser().parseFromString(text, "text/html").body.textContent;
  // The page scripts' words are JSON data (words.js): each string in it must be whole.
  const leaves = (value) => (typeof value === "string" ? [value]
    : value && typeof value === "object" ? Object.values(value).flatMap(leaves) : []);
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement.tagName;
    const text = walker.currentNode.data;
    check(`text in <${parent}>`, parent === "NOSCRIPT" ? asHTML(text) : text);
  }
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const where = `${element.tagName}@${attribute.name}`;
      if (attribute.name === "data-words") leaves(JSON.parse(attribute.value)).forEach((text) => check(where, text));
      // A draft's send link carries the text percent-encoded, as a mailto: URL must.
      else if (attribute.value.startsWith("mailto:")) check(where, decodeURIComponent(attribute.value));
      // A reminder's link is a calendar file: percent-encoded, its lines folded and its text
      // escaped as RFC 5545 says; read it back as a calendar app would.
      else if (attribute.value.startsWith("data:text/calendar")) {
        check(where, decodeURIComponent(attribute.value).replace(/\r\n[ \t]/g, "")
          .replace(/\\([\\;,nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c)));
      }
      else check(where, attribute.value);
    }
  }
  for (const link of document.querySelectorAll("a[href]")) {
    if (link.href.startsWith("javascript:")) torn.push(`a javascript: link ${link.href}`);
  }
  const emphasis = [...document.querySelectorAll("em, strong")].filter((e) => e.textContent.trim() === "stars");
  if (emphasis.length) torn.push("Markdown emphasis");
  return torn;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    changed = hostile_content(ROOT / "content", root / "content")
    assert changed > 500, "most texts should carry the hostile suffix"
    config = hostile_site_config(ROOT, root / "content", root / "mkdocs.yml")
    result = build_site(root / "site", config)
    assert result.returncode == 0, result.stderr
    with serve(root / "site", "/") as url:
        yield root / "site", url


def _trapped_page(browser):
    """A fresh context with the traps in place, and a page in it."""
    context = browser.new_context()
    context.add_init_script(TRAPS)
    return context, context.new_page()


def _pages(site) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html"))


def test_no_page_runs_or_evaluates_hostile_content_and_each_shows_it_as_typed(browser, hostile_site):
    site, url = hostile_site
    context = browser.new_context()
    context.add_init_script(TRAPS)
    recorder = Recorder(context, url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = _pages(site)
    assert len(pages) >= 20
    problems: list[str] = []
    shown_in_titles = 0
    for path in pages:
        page.goto(url + ("" if path == "./" else path))
        page.wait_for_load_state("load")
        where = path
        if page.evaluate("window.__pwned") is not None:
            problems.append(f"{where}: hostile content ran")
        problems += [f"{where}: {t}" for t in page.evaluate(TORN, HOSTILE)]
        problems += [f"{where}: CSP refused {v}" for v in page.evaluate("window.__csp")]
        body = page.evaluate("document.body.textContent")
        if "42{% raw" in body or "{{ 6*7 }}" not in body:
            problems.append(f"{where}: the template text was evaluated or is missing")
        shown_in_titles += HOSTILE in page.title()
    context.close()
    assert not problems, "\n".join(problems[:40])
    assert not errors
    assert recorder.foreign() == []
    # Every strategy, worksheet, the resources and the break page carry a content title.
    assert shown_in_titles >= 15


def test_search_results_show_hostile_titles_as_text(browser, hostile_site):
    _, url = hostile_site
    context, page = _trapped_page(browser)
    page.goto(url + "strategies/request-feedback/")
    page.keyboard.press("/")
    page.keyboard.type("feedback")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    title = first.locator("h1").first.text_content()
    assert HOSTILE in title
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate(TORN, HOSTILE) == []
    context.close()


def test_a_worksheet_draft_made_from_hostile_wording_shows_it_as_typed(browser, hostile_site):
    _, url = hostile_site
    context, page = _trapped_page(browser)
    page.goto(url + "workbook/recharge/")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    page.locator('form[data-worksheet="recharge"] button[type="submit"]').click()
    output = page.locator("[data-output-blocks]")
    expect(output).to_contain_text("__pwned", timeout=ENGINE_TIMEOUT)
    texts = json.loads(page.evaluate("""() => JSON.stringify(
        [...document.querySelectorAll('[data-output-blocks] p, [data-output-blocks] li, [data-output-blocks] h3')]
            .map((e) => e.textContent))"""))
    assert any(HOSTILE in t for t in texts)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate(TORN, HOSTILE) == []
    assert page.evaluate("window.__csp") == []
    context.close()
