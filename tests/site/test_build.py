"""Build tests: a tiny fixture site and the real one, checked on the HTML MkDocs writes."""
from __future__ import annotations

import json
import re
import shutil
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.conftest import ROOT, build_site

SECTIONS = ["why", "steps", "avoid", "prompts", "practice"]
STRATEGY_IDS = ["feel-and-process", "request-feedback", "reply-professionally",
                "stay-persistent", "reflect-and-refocus", "keep-networking"]


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, html: str):
        super().__init__()
        self.h2_ids: list[str] = []
        self.h1: list[str] = []
        self.links: list[tuple[str, str, str]] = []   # (tag, attribute, value)
        self._in_h1 = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2" and attrs.get("id"):
            self.h2_ids.append(attrs["id"])
        self._in_h1 = tag == "h1"
        for name in ("src", "href", "data", "poster", "srcset"):
            if attrs.get(name):
                self.links.append((tag, name, attrs[name]))

    def handle_data(self, data):
        if self._in_h1 and data.strip():
            self.h1.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False


def page(site: Path, path: str) -> Page:
    return Page((site / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_site(fixture_root) -> Path:
    result = build_site(fixture_root / "site", fixture_root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return fixture_root / "site"


# --- the fixture site --------------------------------------------------------

def test_fixture_strategy_page_is_generated_with_its_sections_in_order(fixture_site):
    strategy = page(fixture_site, "strategies/first-step/index.html")
    assert strategy.h1 == ["Fixture first step"]
    assert strategy.h2_ids == SECTIONS


def test_fixture_search_index_holds_the_strategy(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d["location"] for d in index["docs"] if "zebracorn" in d["text"]]
    assert "strategies/first-step/" in hits


def test_broken_content_fails_the_build_with_file_field_and_line(fixture_root, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(fixture_root, broken, ignore=shutil.ignore_patterns("site"))
    strategy = broken / "content" / "strategies" / "01-first-step.yaml"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace("- text: Fixture step two.", "- text: 42"),
                        encoding="utf-8")
    result = build_site(broken / "site", broken / "mkdocs.yml")
    assert result.returncode != 0
    assert "strategies/01-first-step.yaml: steps[1].text: '42' is read as a number, not as text: put it in quotes, " \
           'like "42" (line 7)' in result.stderr
    assert not (broken / "site" / "strategies").exists()


def _with_about_page(fixture_root, dest, about: str, extra_hook: str = ""):
    """A copy of the fixture site with its own docs/, whose about.md is `about`; returns its config."""
    shutil.copytree(fixture_root, dest, ignore=shutil.ignore_patterns("site"))
    shutil.copytree(ROOT / "docs", dest / "docs")
    (dest / "docs" / "about.md").write_text(about, encoding="utf-8")
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(f"docs_dir: {ROOT}/docs", "docs_dir: docs")
    config.write_text(text + (f"  - {ROOT}/{extra_hook}\n" if extra_hook else ""), encoding="utf-8")
    return config


def test_an_undefined_variable_in_a_page_fails_the_build(fixture_root, tmp_path):
    config = _with_about_page(fixture_root, tmp_path / "undefined", "{{ no_such_macro() }}\n")
    result = build_site(config.parent / "site", config)
    assert result.returncode != 0
    assert "no_such_macro" in result.stderr


def test_the_csp_step_refuses_a_page_with_an_inline_script_no_template_wrote(fixture_root, tmp_path):
    config = _with_about_page(fixture_root, tmp_path / "script",
                              "# About\n\n<script>document.title = 'pwned'</script>\n", "hooks/csp.py")
    result = build_site(config.parent / "site", config)
    assert result.returncode != 0
    assert ("site/about/index.html: an inline script that no template of the theme wrote, "
            "starting \"document.title = 'pwned'\"") in result.stderr


# --- the real site -----------------------------------------------------------

@pytest.mark.parametrize("strategy_id", STRATEGY_IDS)
def test_every_strategy_page_has_the_same_sections_in_order(built_site, strategy_id):
    strategy = page(built_site, f"strategies/{strategy_id}/index.html")
    assert len(strategy.h1) == 1
    assert strategy.h2_ids == SECTIONS


def test_home_page_starts_with_a_short_path_and_credits_the_article(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "start-here" in page(built_site, "index.html").h2_ids
    assert "How To Handle Job Rejections Gracefully" in html and "Jennifer DeLorenzo" in html


@pytest.mark.parametrize("word, where", [
    ("feedback", "strategies/request-feedback/"),
    ("thank", "strategies/reply-professionally/"),
    ("linkedin", "resources/"),
    ("glassdoor", "resources/"),
    ("reddit", "resources/"),
    ("tailor", "strategies/reflect-and-refocus/"),
    ("break", "break/"),
])
def test_search_index_finds_strategies_by_their_words(built_site, word, where):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]
                 if word in (d["title"] + " " + d["text"]).lower()}
    assert where in locations


def test_search_index_has_every_strategy_title(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["title"] for d in index["docs"] if d["location"].startswith("strategies/") and "#" not in d["location"]}
    assert len(titles) == len(STRATEGY_IDS)


SITUATION_IDS = ["no-reply", "final-round", "same-company-again"]


@pytest.mark.parametrize("situation_id", SITUATION_IDS)
def test_every_situation_page_reads_like_a_strategy_and_links_its_worksheets(built_site, situation_id):
    situation = page(built_site, f"situations/{situation_id}/index.html")
    assert len(situation.h1) == 1
    assert situation.h2_ids == SECTIONS
    html = (built_site / "situations" / situation_id / "index.html").read_text(encoding="utf-8")
    assert 'class="gr-topics"' in html
    assert re.search(r'href="\.\./\.\./workbook/[a-z-]+/"', html)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'href="situations/{situation_id}/"' in home


def _search_docs(site: Path) -> dict[str, dict]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {d["location"]: d for d in index["docs"]}


def test_search_ranks_the_reader_s_pages_first(built_site):
    docs = _search_docs(built_site)
    assert not [loc for loc in docs if loc.startswith("maintain/wording/")], "the wording page is not searched"
    for maintainer_page in ("maintain/host/", "maintain/edit-content/"):
        assert docs[maintainer_page]["boost"] <= 0.001
    for reader_page in ("strategies/reply-professionally/", "situations/no-reply/", "workbook/reply/"):
        assert docs[reader_page]["boost"] == 2
    assert docs[""].get("boost", 1) == 1  # the home page mentions everything: no boost


def test_search_knows_each_page_s_topics_as_the_page_shows_them(built_site):
    docs = _search_docs(built_site)
    assert docs["situations/no-reply/"]["tags"] == ["ghosting", "no response", "follow-up email"]
    assert docs["strategies/request-feedback/"]["tags"] == ["why didn't I get the job", "interview feedback"]
    assert docs["break/"]["tags"] == ["burnout", "self-care", "talk to someone"]
    html = (built_site / "break" / "index.html").read_text(encoding="utf-8")
    assert "burnout, self-care, talk to someone" in html
    # Worksheets' examples and the backup panel repeat on every worksheet: not searched there.
    assert not [loc for loc in docs if loc.startswith("workbook/reply/") and "backup" in docs[loc]["text"].lower()]


def _built_pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def test_no_page_loads_anything_from_another_origin(built_site):
    loaded_by = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src",
                 "audio": "src", "video": "src", "embed": "src", "object": "data"}
    offenders = []
    for path in _built_pages(built_site):
        for tag, attr, value in page(built_site, str(path.relative_to(built_site))).links:
            if tag == "a" or loaded_by.get(tag) != attr:
                continue
            if urlparse(value).scheme or value.startswith("//"):
                offenders.append(f"{path.relative_to(built_site)}: <{tag} {attr}={value}>")
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for marker in ("url(http", "url(//", "@import url(http", "fonts.googleapis", "fonts.gstatic"):
            if marker in text:
                offenders.append(f"{css.relative_to(built_site)}: {marker}")
    assert offenders == []


def test_every_link_inside_the_site_resolves(built_site):
    broken = []
    for path in _built_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        base = "http://site.invalid/" + rel
        for _tag, attr, value in page(built_site, rel).links:
            if attr == "srcset":
                continue
            target = urlparse(urljoin(base, value))
            if target.netloc != "site.invalid":
                continue
            file = built_site / target.path.lstrip("/")
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{rel}: {value}")
    assert broken == []


def test_edit_the_content_page_lists_every_schema_field(built_site):
    html = (built_site / "maintain" / "edit-content" / "index.html").read_text(encoding="utf-8")
    for name in ("guide", "strategy", "worksheet", "resources"):
        schema = json.loads((ROOT / "content" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        for field, spec in schema["properties"].items():
            assert f"<code>{field}</code>" in html, f"{name}: {field}"
            assert spec["description"] in html_unescape(html)
    assert "<code>steps[].text</code>" in html and "<code>fields[].options[].label</code>" in html


def test_the_service_worker_carries_no_analytics(built_site):
    # workbox-build depends on workbox-google-analytics (package-lock.json), for an option
    # this site never turns on; the generated sw.js must not contain that module.
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "assets/engine/engine.json" in sw  # it is the site's precaching worker
    for marker in ("google-analytics.com", "googletagmanager", "/collect"):
        assert marker not in sw, marker


def test_the_wording_page_shows_every_draft_and_the_checks_figures(built_site):
    import workbook
    from macros.content import load_content
    from macros.tone_eval import all_figures

    html = html_unescape((built_site / "maintain" / "wording" / "index.html").read_text(encoding="utf-8"))
    for title in ("Reply to the rejection", "Ask for feedback"):
        for stage in ("Application", "Phone screen", "Interview", "Final round"):
            for tone in ("Warm", "Brief", "Formal"):
                assert f"{title}: {stage}, {tone}" in html
    assert html.count('class="gr-draft"') >= 24
    content = load_content()
    workbook.use_content(content.worksheets, content.tone)
    development, held_out, other_writers = all_figures()["tone"]
    row = re.search(r"<td>overall</td>" + r"\s*<td>(\d+)</td>\s*<td>([\d.]+)</td>" * 3, html)
    assert row and float(row.group(2)) == round(development.overall_recall, 2)
    assert float(row.group(4)) == round(held_out.overall_recall, 2)
    assert float(row.group(6)) == round(other_writers.overall_recall, 2)
    for spec in content.tone["kinds"].values():
        assert spec["calmer"] in html
    for said in ("nothing_found", "rules_only"):
        assert " ".join(content.tone[said].split()) in " ".join(html.split())
    for said in ("note", "rules_only"):
        assert " ".join(content.tone["hopeless"][said].split()) in " ".join(html.split())
