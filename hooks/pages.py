"""MkDocs hook: the pages generated from content/ and the navigation (sitebuild/pages.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent   # MkDocs loads hooks by file path
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks._sitebuild import as_plugin_error  # noqa: E402
from macros.content import load_content_or_fail  # noqa: E402
from macros.render import Renderer  # noqa: E402
from sitebuild.pages import body, generated_pages, nav  # noqa: E402

_content = None
_renderer: Renderer | None = None
_generated: dict = {}  # path under docs/ -> sitebuild.pages.Page


def on_config(config):
    global _content, _renderer
    with as_plugin_error():
        _content = load_content_or_fail(config)
    _renderer = None
    config["nav"] = nav(_content)
    return config


def on_files(files, config):
    _generated.clear()
    for page in generated_pages(_content):
        _generated[page.path] = page
        files.append(File.generated(config, page.path, content=page.front_matter))
    return files


def on_page_markdown(markdown, page, config, files):
    global _renderer
    made = _generated.get(page.file.src_uri)
    if made is None:
        return markdown
    with as_plugin_error():
        _renderer = _renderer or Renderer(config)
        return body(_renderer, made, page.url)
