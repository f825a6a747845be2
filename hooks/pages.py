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
from macros.links import strategy_path, worksheet_order, worksheet_path  # noqa: E402

_content = None


def on_config(config):
    global _content
    _content = load_content_or_fail(config)
    config["nav"] = [
        {"Start here": "index.md"},
        {"Strategies": [{s["title"]: strategy_path(s["id"])} for s in _content.strategies]},
        {"Workbook": [{"About the workbook": "workbook/index.md"}]
         + [{w["title"]: worksheet_path(w["id"])} for w in worksheet_order(_content)]},
        {_content.resources["title"]: "resources.md"},
        {_content.guide["break_page"]["title"]: "break.md"},
        {"About this guide": "about.md"},
        {"For maintainers": [{"Host your own copy": "maintain/host.md"},
                             {"Edit the content": "maintain/edit-content.md"}]},
    ]
    return config


def _page(title: str, macro_call: str) -> str:
    # json.dumps gives a valid, safely quoted YAML scalar for the front matter.
    return f"---\ntitle: {json.dumps(title)}\n---\n\n{macro_call}\n"


def on_files(files, config):
    for s in _content.strategies:
        files.append(File.generated(config, strategy_path(s["id"]),
                                    content=_page(s["title"], f'{{{{ strategy_page("{s["id"]}") }}}}')))
    for w in _content.worksheets.values():
        files.append(File.generated(config, worksheet_path(w["id"]),
                                    content=_page(w["title"], f'{{{{ worksheet_page("{w["id"]}") }}}}')))
    return files
