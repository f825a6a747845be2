"""Parity: every worksheet example gives byte-identical output in CPython and in Pyodide.

The wheel is built exactly as the site build builds it (sitebuild/assets.py), installed into
real Pyodide under Node (node_modules/pyodide), and each example's output is compared,
as the json.dumps text, with CPython's workbook.run on the same content and inputs.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "tests" / "parity" / "run_examples.mjs"


@pytest.fixture(scope="module")
def wheel_and_content(tmp_path_factory):
    from macros.content import load_content
    from sitebuild import assets

    engine_data = assets.engine_content(load_content())
    folder = tmp_path_factory.mktemp("engine")
    wheel = assets.build_wheel(folder)
    content = assets.write_content(folder, engine_data)   # what the site serves beside the wheel
    return wheel, content


@pytest.fixture(scope="module")
def pyodide_results(wheel_and_content):
    node = shutil.which("node")
    assert node, "Node is needed for the parity test (see README: npm ci)"
    wheel, content = wheel_and_content
    done = subprocess.run([node, str(SCRIPT), str(wheel), str(content)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def _worksheets(content_file) -> dict:
    return json.loads(content_file.read_text(encoding="utf-8"))["worksheets"]


def test_every_example_runs_in_pyodide(pyodide_results, wheel_and_content):
    content = _worksheets(wheel_and_content[1])
    expected = {(w["id"], e["name"]) for w in content.values() for e in w["examples"]}
    assert {(c["worksheet"], c["name"]) for c in pyodide_results["cases"]} == expected
    assert pyodide_results["python"]  # the Pyodide version that ran them


def test_pyodide_output_equals_cpython_output(pyodide_results, wheel_and_content):
    import workbook
    from macros.content import load_content

    content = _worksheets(wheel_and_content[1])
    workbook.use_content(content, load_content().tone, load_content().interface)
    inputs = {(w["id"], e["name"]): e["inputs"] for w in content.values() for e in w["examples"]}
    mismatches = []
    for case in pyodide_results["cases"]:
        key = (case["worksheet"], case["name"])
        cpython = json.dumps(workbook.run(key[0], inputs[key]), ensure_ascii=False)
        if cpython != case["output"]:
            mismatches.append(f"{key}:\n  CPython: {cpython}\n  Pyodide: {case['output']}")
    assert not mismatches, "\n".join(mismatches)


def test_the_wheel_is_reproducible_and_holds_no_wording(tmp_path, wheel_and_content):
    """The same code gives the same bytes; the wording lives beside the wheel, so an edit in
    content/ changes the content file's name and leaves the wheel (and the visitor's saved
    Python snapshot, named by it) alone."""
    import zipfile

    from macros.content import load_content

    wheel, content = wheel_and_content
    from sitebuild import assets
    again = assets.build_wheel(tmp_path)
    assert again.read_bytes() == wheel.read_bytes()
    assert again.name == wheel.name and again.name.startswith("workbook-") and again.name.endswith("-py3-none-any.whl")
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".json")]
    edited = assets.engine_content(load_content())
    edited["worksheets"]["reply"]["messages"]["greeting"]["warm"] = "Hello {name},"
    other = assets.write_content(tmp_path / "edited", edited)
    assert other.name != content.name and other.name.startswith("content-")


def test_a_file_of_nested_brackets_is_refused_inside_pyodide_and_python_carries_on(tmp_path, wheel_and_content):
    """60 KB of nested brackets once overflowed Pyodide's stack in json.loads, which stopped Python
    for good; the engine now refuses it before parsing, and the next call still works."""
    wheel, content = wheel_and_content
    example = next(iter(_worksheets(content)["recharge"]["examples"]))
    brackets = "[" * 30_000 + "]" * 30_000
    objects = '{"a":' * 20_000 + "1" + "}" * 20_000
    cases = [{"task": "backup-check", "name": "brackets", "inputs": {"text": brackets}},
             {"task": "backup-check", "name": "objects", "inputs": {"text": objects}},
             {"worksheet": "recharge", "name": "after", "inputs": example["inputs"]}]
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    done = subprocess.run([shutil.which("node"), str(SCRIPT), str(wheel), str(content), str(tmp_path / "cases.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    brackets, objects, after = (json.loads(c["output"]) for c in json.loads(done.stdout.splitlines()[-1])["cases"])
    for refused in (brackets, objects):
        assert refused["data"] == {"ok": False, "document": None}
        assert [n["text"] for n in refused["notes"]] == [
            "This file is nested far deeper than any backup from this site, so it is not one. Nothing was changed."]
    assert after["blocks"], "Python still drafts after refusing the file"
