"""MkDocs hook: one page per strategy and per worksheet, generated from content/.

The navigation follows the content's order, so adding a strategy or a worksheet
means adding a YAML file only. Each generated page is a title plus one macro
call; the macros (macros/) render it through the Jinja partials in overrides/.
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
from macros.links import BREAK_PAGE, RESOURCES_PAGE, strategy_path, worksheet_order, worksheet_path  # noqa: E402

_content = None


def on_config(config):
    global _content
    _content = load_content_or_fail(config)
    # Titles from content/ go into the nav escaped (macros/escape.py): Material writes nav
    # titles into the page as HTML.
    config["nav"] = [
        {"Start here": "index.md"},
        {"Strategies": [{html_text(s["title"]): strategy_path(s["id"])} for s in _content.strategies]},
        {"Workbook": [{"About the workbook": "workbook/index.md"}]
         + [{html_text(w["title"]): worksheet_path(w["id"])} for w in worksheet_order(_content)]},
        {html_text(_content.resources["title"]): RESOURCES_PAGE},
        {html_text(_content.guide["break_page"]["title"]): BREAK_PAGE},
        {"About this guide": "about.md"},
        {"For maintainers": [{"Host your own copy": "maintain/host.md"},
                             {"Edit the content": "maintain/edit-content.md"}]},
    ]
    return config


def _page(title: str, macro: str, argument: str | None = None) -> str:
    """A generated page: its title (escaped, see macros/escape.py) and one macro call. The only
    template text in it is the macro call, whose argument is an id the schema limits to
    lowercase letters, digits and hyphens."""
    call = f'{macro}("{argument}")' if argument else f"{macro}()"
    # json.dumps gives a valid, safely quoted YAML scalar for the front matter.
    return f"---\ntitle: {json.dumps(html_text(title))}\n---\n\n{{{{ {call} }}}}\n"


def on_files(files, config):
    pages = [(strategy_path(s["id"]), _page(s["title"], "strategy_page", s["id"])) for s in _content.strategies]
    pages += [(worksheet_path(w["id"]), _page(w["title"], "worksheet_page", w["id"]))
              for w in _content.worksheets.values()]
    pages += [(RESOURCES_PAGE, _page(_content.resources["title"], "resources_page")),
              (BREAK_PAGE, _page(_content.guide["break_page"]["title"], "break_page"))]
    for path, text in pages:
        files.append(File.generated(config, path, content=text))
    return files
