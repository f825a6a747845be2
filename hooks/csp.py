"""MkDocs hook: a Content Security Policy <meta> in every page as it is written
(sitebuild/csp.py)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # MkDocs loads hooks by file path
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks._sitebuild import as_plugin_error  # noqa: E402
from sitebuild.csp import checked  # noqa: E402


def on_post_page(output: str, page, config) -> str:
    with as_plugin_error():
        return checked(output, f"site/{page.file.dest_uri}", config["theme"].dirs)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # Static templates: 404.html gets the same policy; sitemap.xml is left alone.
    if not template_name.endswith(".html"):
        return output_content
    with as_plugin_error():
        return checked(output_content, template_name, config["theme"].dirs)
