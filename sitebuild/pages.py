"""The pages generated from content/: one per strategy, situation and worksheet, plus the
resources and break pages, and the navigation that lists them in the content's order, so
adding a strategy or a worksheet means adding a YAML file only.

A generated page's Markdown is its front matter (title, search boost, topics) with
`render_macros: false`, so that mkdocs-macros never treats it as a template; its body is the
HTML rendered by macros/render.py through the Jinja partials in overrides/. Text from
content/ is therefore never template source.

Used by the MkDocs hook hooks/pages.py (pages in memory) and by `python -m sitebuild pages
OUT_DIR`, which writes each page as a Markdown file and the navigation as nav.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from macros.escape import html_text
from macros.links import BREAK_PAGE, RESOURCES_PAGE, situation_path, strategy_path, worksheet_order, worksheet_path

# Search ranks these pages above the ones that only mention a word (Material's search.boost);
# the maintainers' pages in docs/maintain/ rank below every reader's page.
SEARCH_BOOST = {"strategy_page": 2, "situation_page": 2, "worksheet_page": 2}


@dataclass(frozen=True)
class Page:
    path: str             # under docs/, like "workbook/reply.md"
    method: str           # the Renderer method that draws its body
    argument: str | None  # the id it draws, if any
    front_matter: str     # its Markdown before the body


def nav(content) -> list:
    """The site's navigation: labels from content/interface.yaml and titles from the content,
    escaped (macros/escape.py): Material writes nav titles into the page as HTML."""
    words = {key: html_text(text) for key, text in content.interface["nav"].items()}
    return [
        {words["start_here"]: "index.md"},
        {words["strategies"]: [{html_text(s["title"]): strategy_path(s["id"])} for s in content.strategies]},
        *([{words["situations"]: [{html_text(s["title"]): situation_path(s["id"])} for s in content.situations]}]
          if content.situations else []),
        {words["workbook"]: [{words["about_workbook"]: "workbook/index.md"}]
         + [{html_text(w["title"]): worksheet_path(w["id"])} for w in worksheet_order(content)]},
        {html_text(content.resources["title"]): RESOURCES_PAGE},
        {html_text(content.guide["break_page"]["title"]): BREAK_PAGE},
        {words["about"]: "about.md"},
        {words["maintainers"]: [{words["host"]: "maintain/host.md"},
                                {words["edit_content"]: "maintain/edit-content.md"},
                                {words["wording"]: "maintain/wording.md"}]},
    ]


def front_matter(title: str, boost: float = 1, topics=()) -> str:
    """A generated page's front matter: json.dumps gives valid, safely quoted YAML scalars.
    Topics become search tags (the page shows them too: partials/topics.html). The title and
    the tags are escaped (macros/escape.py): Material writes both into the page as HTML."""
    tags = f"tags: {json.dumps([html_text(t, quote=False) for t in topics])}\n" if topics else ""
    return (f"---\ntitle: {json.dumps(html_text(title))}\nrender_macros: false\n"
            f"search:\n  boost: {boost}\n{tags}---\n")


def generated_pages(content) -> list[Page]:
    """Every page made from content/, with what draws it."""
    made = [(strategy_path(s["id"]), "strategy_page", s["id"], s) for s in content.strategies]
    made += [(situation_path(s["id"]), "situation_page", s["id"], s) for s in content.situations]
    made += [(worksheet_path(w["id"]), "worksheet_page", w["id"], w) for w in content.worksheets.values()]
    made += [(RESOURCES_PAGE, "resources_page", None, content.resources),
             (BREAK_PAGE, "break_page", None, content.guide["break_page"])]
    return [Page(path, method, argument,
                 front_matter(source["title"], SEARCH_BOOST.get(method, 1), source.get("topics", [])))
            for path, method, argument, source in made]


def body(renderer, page: Page, at_url: str) -> str:
    return renderer.page(page.method, at_url, *([page.argument] if page.argument else []))
