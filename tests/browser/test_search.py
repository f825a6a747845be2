"""The site's search box, as a person uses it: typed queries find a page that answers them.

tests/corpus/search.yaml defines "finds": each query with the pages that answer it, written
before looking at what the search returns. Search offline is tested in test_offline.py.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_a11y import SCHEMES, axe_violations
from tests.search_box import GOAL, evaluate, load_queries, open_search, report, top_pages


def test_nine_queries_in_ten_find_a_right_page_in_the_first_three(open_context, site_url):
    queries = load_queries()
    assert len(queries) >= 50
    kinds = {q.kind for q in queries}
    assert {"word", "question", "synonym", "spelling", "misspelling"} <= kinds
    context, _ = open_context()
    outcomes = evaluate(context.new_page(), site_url, queries)
    found = sum(o.found for o in outcomes) / len(outcomes)
    assert found >= GOAL, report(outcomes)


def test_the_reader_s_pages_come_before_the_maintainers(open_context, site_url):
    context, _ = open_context()
    page = context.new_page()
    open_search(page, site_url)
    # Both maintainers' pages talk about content, worksheets and strategies at length.
    for query in ("worksheet", "strategy", "example", "yaml"):
        top = top_pages(page, site_url, query)
        readers = [p for p in top if not p.startswith("maintain/")]
        # A reader's page that matches comes first; a word only maintainers' pages use finds them.
        assert top and (not top[0].startswith("maintain/") or not readers), (query, top)
    # ... and the wording page, which holds every draft, is not in the reader's search at all.
    for query in ("dear", "warm regards", "tone check"):
        assert not any(p.startswith("maintain/wording") for p in top_pages(page, site_url, query)), query
    # A maintainer still finds their pages by their own words.
    assert "maintain/host/" in top_pages(page, site_url, "github pages")


def test_a_topic_is_shown_on_its_page_and_found_by_search(open_context, site_url):
    context, _ = open_context()
    page = context.new_page()
    open_search(page, site_url)
    assert top_pages(page, site_url, "ghosting")[0] == "situations/no-reply/"
    page.goto(site_url + "situations/no-reply/")
    expect(page.locator(".gr-topics")).to_contain_text("ghosting")
    expect(page.locator(".gr-topics")).to_be_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_search_dialog_has_no_axe_violation(open_context, site_url, scheme):
    context, _ = open_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    open_search(page, site_url)
    top_pages(page, site_url, "feedback")
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    assert axe_violations(page, f"[{scheme}] search dialog") == []
    # A phone-sized window: the search opens as a full-screen dialog from the header button.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").fill("ghosting")
    page.locator("input.md-search__input").press("End")
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    assert axe_violations(page, f"[{scheme}] search dialog, phone") == []
