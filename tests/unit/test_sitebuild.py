"""The build's steps as a plain package (sitebuild/), runnable without MkDocs:
`python -m sitebuild pages|assets|csp|offline`. The MkDocs hooks only call these."""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.conftest import ROOT

BLOCK_MKDOCS = """
import sys
from pathlib import Path
class NoMkDocs:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ImportError("MkDocs is not allowed here")
sys.meta_path.insert(0, NoMkDocs())
"""


def _sitebuild(*args, cwd=ROOT):
    """python -m sitebuild ..., with MkDocs made impossible to import."""
    code = BLOCK_MKDOCS + "import runpy; sys.argv = ['sitebuild', *sys.argv[1:]]; " \
                          "runpy.run_module('sitebuild', run_name='__main__')"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True)


def test_macros_the_engine_and_sitebuild_import_without_mkdocs():
    code = BLOCK_MKDOCS + ("import macros, macros.content, macros.render, sitebuild.pages, sitebuild.assets, "
                           "sitebuild.csp, sitebuild.offline, workbook; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.parametrize(("url", "other"), [
    ("workbook/reply/", "workbook/log/"), ("", "workbook/"), ("index.md", ""), ("strategies/a/", "strategies/a/"),
    ("assets/x.css", "workbook/reply/"), ("about/", "404.html"), ("a/b/../c/", "x/y/"), ("/a/", "//b/"),
    ("a/", "a/b/c/d/"), (".", "maintain/wording/"), ("sw.js", ""),
])
def test_relative_links_are_the_ones_mkdocs_would_write(url, other):
    from mkdocs.utils import get_relative_url

    from macros.links import relative_url
    assert relative_url(url, other) == get_relative_url(url, other)


def test_pages_writes_every_generated_page_and_the_nav(tmp_path):
    from macros.content import load_content
    from sitebuild.pages import generated_pages

    done = _sitebuild("pages", str(tmp_path))
    assert done.returncode == 0, done.stderr
    content = load_content()
    for page in generated_pages(content):
        text = (tmp_path / page.path).read_text(encoding="utf-8")
        assert text.startswith(page.front_matter) and "render_macros: false" in text
    reply = (tmp_path / "workbook" / "reply.md").read_text(encoding="utf-8")
    assert 'form class="gr-form" id="ws-reply-form" data-worksheet="reply"' in reply
    nav = json.loads((tmp_path / "nav.json").read_text(encoding="utf-8"))
    assert list(nav[0]) == [content.interface["nav"]["start_here"]]


def test_a_content_problem_stops_a_step_with_words_not_a_traceback(tmp_path):
    broken = tmp_path / "content"
    shutil.copytree(ROOT / "content", broken)
    (broken / "tone.yaml").write_text("flag: [unclosed\n", encoding="utf-8")
    done = _sitebuild("pages", str(tmp_path / "out"), "--content", str(broken))
    assert done.returncode == 1
    assert "Problems in content/" in done.stderr and "tone.yaml" in done.stderr
    assert "Traceback" not in done.stderr


def test_csp_adds_the_policy_and_refuses_a_script_no_template_wrote(tmp_path):
    (tmp_path / "index.html").write_text('<html><head><meta charset="utf-8"></head><body>Hi</body></html>',
                                         encoding="utf-8")
    done = _sitebuild("csp", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert 'http-equiv="Content-Security-Policy"' in (tmp_path / "index.html").read_text(encoding="utf-8")
    (tmp_path / "bad.html").write_text('<html><head><meta charset="utf-8"></head><body>'
                                       '<script>alert(1)</script></body></html>', encoding="utf-8")
    done = _sitebuild("csp", str(tmp_path))
    assert done.returncode == 1
    assert "bad.html: an inline script that no template of the theme wrote" in done.stderr


def test_offline_writes_the_manifest_and_the_service_worker(tmp_path):
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    done = _sitebuild("offline", str(tmp_path))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["theme_color"] == "#3f51b5" and manifest["start_url"] == "./"
    assert "precache" in (tmp_path / "sw.js").read_text(encoding="utf-8").lower()
    done = _sitebuild("offline", "--without-copy", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "unregister()" in (tmp_path / "sw.js").read_text(encoding="utf-8")


def test_assets_writes_the_wheel_its_content_and_pyodide(tmp_path):
    done = _sitebuild("assets", str(tmp_path))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "assets" / "engine" / "engine.json").read_text(encoding="utf-8"))
    assert (tmp_path / "assets" / "engine" / manifest["wheel"]).is_file()
    assert (tmp_path / "assets" / "engine" / manifest["content"]).is_file()
    # The checks' models beside the wheel, named by their hash and checked by the worker's fetch.
    for key, prefix in (("tone_model", "tone-model"), ("care_model", "care-model")):
        model = tmp_path / "assets" / "engine" / manifest[key]
        digest = hashlib.sha256(model.read_bytes()).digest()
        assert model.name == f"{prefix}-{digest.hex()[:16]}.txt"
        assert manifest[f"{key}_integrity"] == "sha256-" + base64.b64encode(digest).decode()
        assert model.read_text(encoding="utf-8").startswith("@trained_on\t")   # no comment lines
    assert manifest["tone_model"] != manifest["care_model"]
    assert (tmp_path / "assets" / "pyodide" / manifest["pyodide"] / "pyodide.asm.wasm").is_file()
    # The traced standard library instead of Pyodide's whole one, with its size for the progress line.
    stdlib = tmp_path / "assets" / "engine" / manifest["stdlib"]
    assert stdlib.is_file() and manifest["pyodide_sizes"][manifest["stdlib"]] == stdlib.stat().st_size
    assert not (tmp_path / "assets" / "pyodide" / manifest["pyodide"] / "python_stdlib.zip").exists()
    assert manifest["lock_info"]["python"].startswith("3.")


def test_a_trace_is_redone_when_the_engine_or_its_examples_change_not_the_wording(tmp_path):
    from macros.content import load_content
    from sitebuild import assets
    from sitebuild.stdlib import trace_key

    def everything(name: str, data: dict) -> Path:
        """The full content, examples included, as write_runtime hands it to the trace."""
        path = tmp_path / f"{name}.json"
        path.write_bytes(assets.content_json(data))
        return path

    engine_data = assets.engine_content(load_content())
    wheel = tmp_path / "workbook.whl"
    wheel.write_bytes(b"engine")
    content = everything("a", engine_data)
    key = trace_key("1.0", wheel, content)
    reworded = json.loads(json.dumps(engine_data))
    reworded["worksheets"]["reply"]["title"] = "Another title"
    assert trace_key("1.0", wheel, everything("b", reworded)) == key
    new_example = json.loads(json.dumps(engine_data))
    new_example["worksheets"]["reply"]["examples"][0]["inputs"]["company"] = "Fabrikam"
    assert trace_key("1.0", wheel, everything("c", new_example)) != key
    assert trace_key("1.1", wheel, content) != key
    wheel.write_bytes(b"engine, changed")
    assert trace_key("1.0", wheel, content) != key


def test_the_engine_reads_only_the_site_words_it_is_served():
    """The content file leaves out the interface sections the engine never reads; a section
    named in the engine's code but not served would reach a person as its bare key."""
    import re

    from sitebuild.assets import INTERFACE_READS

    named = set()
    for source in (ROOT / "workbook").rglob("*.py"):
        named |= set(re.findall(r'\b(?:say|say_word|words)\("([a-z_]+)"', source.read_text(encoding="utf-8")))
    assert named, "the pattern finds the engine's calls"
    assert named <= set(INTERFACE_READS), sorted(named - set(INTERFACE_READS))

