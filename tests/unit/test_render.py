"""macros/render.py: a failing partial names itself, its line, and the content file behind the page."""
from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined

import macros.render as render
from macros.errors import BuildError
from tests.unit.conftest import ROOT


def test_a_template_error_names_the_partial_its_line_and_the_content_file(tmp_path, monkeypatch):
    partials = tmp_path / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "strategy.html").write_text("<h2>{{ strategy.title }}</h2>\n<p>{{ strategy.sumary }}</p>\n",
                                            encoding="utf-8")
    monkeypatch.setattr(render, "PARTIALS", partials)
    renderer = render.Renderer({"config_file_path": str(ROOT / "mkdocs.yml"), "extra": {}})
    renderer.jinja = Environment(loader=FileSystemLoader(partials), undefined=StrictUndefined)

    with pytest.raises(BuildError) as failed:
        renderer.page("strategy_page", "strategies/request-feedback/", "request-feedback")

    assert str(failed.value) == (
        "content/strategies/02-request-feedback.yaml: the page strategies/request-feedback/ could not be made "
        "from it: overrides/partials/strategy.html, line 2: 'dict object' has no attribute 'sumary'")


def test_pages_link_relative_to_the_page_they_are_on():
    renderer = render.Renderer({"config_file_path": str(ROOT / "mkdocs.yml"), "extra": {}})
    html = renderer.page("strategy_page", "strategies/request-feedback/", "request-feedback")
    assert 'href="../../workbook/feedback/"' in html
