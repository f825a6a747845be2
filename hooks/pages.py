"""MkDocs hook: one page per strategy and per worksheet (and the resources and break pages),
generated from content/.

The navigation follows the content's order, so adding a strategy or a worksheet means
adding a YAML file only. A generated page's Markdown is its title alone, with
`render_macros: false` so that mkdocs-macros never treats it as a template; its body is
rendered here (macros/render.py, through the Jinja partials in overrides/) and put in
place of that Markdown. Text from content/ is therefore never template source.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.content import load_content_or_fail  # noqa: E402
from macros.escape import html_text  # noqa: E402
from macros.links import (  # noqa: E402
    BREAK_PAGE,
    RESOURCES_PAGE,
    situation_path,
    strategy_path,
    worksheet_order,
    worksheet_path,
)
from macros.render import Renderer  # noqa: E402

_content = None
_renderer: Renderer | None = None
# Generated page (its path under docs/) -> (Renderer method, argument or None).
_generated: dict[str, tuple[str, str | None]] = {}


def on_config(config):
    global _content, _renderer
    _content = load_content_or_fail(config)
    _renderer = None
    # Titles and nav labels from content/ go into the nav escaped (macros/escape.py): Material writes nav
    # titles into the page as HTML.
    nav = {key: html_text(text) for key, text in _content.interface["nav"].items()}
    config["nav"] = [
        {nav["start_here"]: "index.md"},
        {nav["strategies"]: [{html_text(s["title"]): strategy_path(s["id"])} for s in _content.strategies]},
        *([{nav["situations"]: [{html_text(s["title"]): situation_path(s["id"])} for s in _content.situations]}]
          if _content.situations else []),
        {nav["workbook"]: [{nav["about_workbook"]: "workbook/index.md"}]
         + [{html_text(w["title"]): worksheet_path(w["id"])} for w in worksheet_order(_content)]},
        {html_text(_content.resources["title"]): RESOURCES_PAGE},
        {html_text(_content.guide["break_page"]["title"]): BREAK_PAGE},
        {nav["about"]: "about.md"},
        {nav["maintainers"]: [{nav["host"]: "maintain/host.md"},
                              {nav["edit_content"]: "maintain/edit-content.md"},
                              {nav["wording"]: "maintain/wording.md"}]},
    ]
    return config


# Search ranks these pages above the ones that only mention a word (Material's search.boost);
# the maintainers' pages in docs/maintain/ rank below every reader's page.
SEARCH_BOOST = {"strategy_page": 2, "situation_page": 2, "worksheet_page": 2}


def _front_matter(title: str, boost: float = 1, topics: list[str] = ()) -> str:
    """The generated page's front matter: json.dumps gives valid, safely quoted YAML scalars.
    Topics become search tags (the page shows them too: partials/topics.html). The title and
    the tags are escaped (macros/escape.py): Material writes both into the page as HTML."""
    tags = f"tags: {json.dumps([html_text(t, quote=False) for t in topics])}\n" if topics else ""
    return (f"---\ntitle: {json.dumps(html_text(title))}\nrender_macros: false\n"
            f"search:\n  boost: {boost}\n{tags}---\n")


def on_files(files, config):
    _generated.clear()
    _generated.update({strategy_path(s["id"]): ("strategy_page", s["id"]) for s in _content.strategies})
    _generated.update({situation_path(s["id"]): ("situation_page", s["id"]) for s in _content.situations})
    _generated.update({worksheet_path(w["id"]): ("worksheet_page", w["id"]) for w in _content.worksheets.values()})
    _generated.update({RESOURCES_PAGE: ("resources_page", None), BREAK_PAGE: ("break_page", None)})
    sources = {strategy_path(s["id"]): s for s in _content.strategies}
    sources |= {situation_path(s["id"]): s for s in _content.situations}
    sources |= {worksheet_path(w["id"]): w for w in _content.worksheets.values()}
    sources |= {RESOURCES_PAGE: _content.resources, BREAK_PAGE: _content.guide["break_page"]}
    for path, source in sources.items():
        boost = SEARCH_BOOST.get(_generated[path][0], 1)
        files.append(File.generated(config, path, content=_front_matter(source["title"], boost,
                                                                        source.get("topics", []))))
    return files


def on_page_markdown(markdown, page, config, files):
    global _renderer
    made_by = _generated.get(page.file.src_uri)
    if made_by is None:
        return markdown
    _renderer = _renderer or Renderer(config)
    method, argument = made_by
    return _renderer.page(method, page.url, *([argument] if argument else []))
