"""Type queries into the built site's real search box and read the first results.

Used by tests/browser/test_search.py (which needs 90% of tests/corpus/search.yaml found)
and by scripts/evaluate_search.py (`make eval`, which prints the rate and the misses).
Material groups its results by page, one list item per page, so "the first three results"
are the first three items, each read as the page it links to.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "corpus" / "search.yaml"
GOAL = 0.90
TOP = 3

_INPUT = "input.md-search__input"
_META = ".md-search-result__meta"
_ITEM = "li.md-search-result__item"
_EMPTY = "Type to start searching"   # Material's text under an empty search box (English)
_META_IS = ("([sel, text, same]) => { const m = document.querySelector(sel);"
            " return !!m && (m.innerText === text) === same; }")


@dataclass(frozen=True)
class Query:
    kind: str
    query: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    query: Query
    top: tuple[str, ...]     # the first pages the search showed, site paths

    @property
    def found(self) -> bool:
        return any(page in self.query.pages for page in self.top[:TOP])


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(q["kind"], q["query"], tuple(q["pages"])) for q in yaml.safe_load(path.read_text("utf-8"))]


def _site_path(href: str, site_url: str) -> str:
    path = urlsplit(href).path
    return path.removeprefix(urlsplit(site_url).path)


def open_search(page, site_url: str) -> None:
    """The home page, with the search box open and its index loaded."""
    page.goto(site_url)
    page.locator(_INPUT).click()   # in a desktop-wide window the box is in the header


def top_pages(page, site_url: str, query: str) -> tuple[str, ...]:
    """What a person sees after typing `query`: the pages of the first results, in order."""
    box = page.locator(_INPUT)
    # Material searches on key-up. Empty the box first and wait for its invitation to type,
    # so that the count read next cannot be the previous query's.
    box.fill("")
    box.press("End")
    page.wait_for_function(_META_IS, arg=[_META, _EMPTY, True])
    box.fill(query)
    box.press("End")
    page.wait_for_function(_META_IS, arg=[_META, _EMPTY, False])
    # Each item is one page: its first link is the page itself, the others its sections.
    hrefs = page.locator(_ITEM).evaluate_all(
        f"(items) => items.slice(0, {TOP}).map(li => li.querySelector('a.md-search-result__link').href)")
    return tuple(_site_path(h, site_url).split("#")[0] for h in hrefs)


def evaluate(page, site_url: str, queries: list[Query]) -> list[Outcome]:
    open_search(page, site_url)
    return [Outcome(q, top_pages(page, site_url, q.query)) for q in queries]


def report(outcomes: list[Outcome]) -> str:
    found = sum(o.found for o in outcomes)
    rate = found / len(outcomes)
    lines = [f"search: {found} of {len(outcomes)} queries found a right page in the first {TOP} "
             f"({rate:.2f}; goal {GOAL:.2f}: {'met' if rate >= GOAL else 'NOT met'})"]
    kinds = sorted({o.query.kind for o in outcomes})
    for kind in kinds:
        mine = [o for o in outcomes if o.query.kind == kind]
        lines.append(f"  {kind:<12} {sum(o.found for o in mine):>3} of {len(mine):<3}")
    misses = [o for o in outcomes if not o.found]
    if misses:
        lines.append("missed (query -> first results; a right page would be one of ...):")
        for o in misses:
            shown = ", ".join(p or "(home)" for p in o.top[:TOP]) or "no results"
            lines.append(f"  {o.query.query!r} -> {shown}; wanted {', '.join(p or '(home)' for p in o.query.pages)}")
    return "\n".join(lines)
