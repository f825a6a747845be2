"""Parity: every worksheet example gives byte-identical output in CPython and in Pyodide.

The wheel is built exactly as the site build builds it (sitebuild/assets.py), installed into
real Pyodide under Node (node_modules/pyodide) started on the site's traced standard library
(sitebuild/stdlib.py), with the tone model served beside it, and each example's and each
task's output is compared, as the json.dumps text, with CPython's workbook.run or
workbook.task on the same content and inputs.
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
    from sitebuild.stdlib import write_light_stdlib

    engine_data = assets.engine_content(load_content())
    folder = tmp_path_factory.mktemp("engine")
    wheel = assets.build_wheel(folder)
    content = assets.write_content(folder, engine_data)   # what the site serves beside the wheel
    everything = folder / "everything.json"                # with the examples, for the trace and the cases
    everything.write_bytes(assets.content_json(engine_data))
    write_light_stdlib(folder, wheel, everything, assets.pyodide_version(), ROOT)
    assets.write_models(folder)
    return wheel, content, everything


def _in_pyodide(wheel, content, cases_file=None) -> dict:
    """Run examples (or the cases in cases_file) in Pyodide on the traced standard library."""
    node = shutil.which("node")
    assert node, "Node is needed for the parity test (see README: npm ci)"
    stdlib = next(wheel.parent.glob("stdlib-*.zip"))
    models = [str(next(wheel.parent.glob(f"{name}-*.txt"))) for name in ("tone-model", "care-model")]
    done = subprocess.run([node, str(SCRIPT), str(wheel), str(content), str(stdlib), *models,
                           *([str(cases_file)] if cases_file else [])],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def pyodide_results(wheel_and_content, tmp_path_factory):
    """Every worksheet example, run in Pyodide with the content the site serves (which leaves
    the examples out: they come from the full content, as cases)."""
    wheel, content, everything = wheel_and_content
    cases = [{"worksheet": w["id"], "name": e["name"], "inputs": e["inputs"]}
             for w in _worksheets(everything).values() for e in w.get("examples", [])]
    cases_file = tmp_path_factory.mktemp("cases") / "examples.json"
    cases_file.write_text(json.dumps(cases), encoding="utf-8")
    return _in_pyodide(wheel, content, cases_file)


def _worksheets(content_file) -> dict:
    return json.loads(content_file.read_text(encoding="utf-8"))["worksheets"]


def test_the_served_content_holds_what_the_engine_reads_and_no_examples(wheel_and_content):
    from sitebuild.assets import ENGINE_READS

    served = _worksheets(wheel_and_content[1])
    assert all(set(w) <= set(ENGINE_READS) and w.get("fields") and w.get("messages") for w in served.values())
    assert all("examples" in w for w in _worksheets(wheel_and_content[2]).values())


def test_every_example_runs_in_pyodide(pyodide_results, wheel_and_content):
    content = _worksheets(wheel_and_content[2])
    expected = {(w["id"], e["name"]) for w in content.values() for e in w["examples"]}
    assert {(c["worksheet"], c["name"]) for c in pyodide_results["cases"]} == expected
    assert pyodide_results["python"]  # the Pyodide version that ran them


def test_pyodide_output_equals_cpython_output(pyodide_results, wheel_and_content):
    import workbook
    from macros.content import load_content

    workbook.use_content(_worksheets(wheel_and_content[1]), load_content().tone, load_content().interface)
    everything = _worksheets(wheel_and_content[2])
    inputs = {(w["id"], e["name"]): e["inputs"] for w in everything.values() for e in w["examples"]}
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

    wheel, content, _ = wheel_and_content
    from sitebuild import assets
    again = assets.build_wheel(tmp_path)
    assert again.read_bytes() == wheel.read_bytes()
    assert again.name == wheel.name and again.name.startswith("workbook-") and again.name.endswith("-py3-none-any.whl")
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".json")]
    # The checks' data files go without their comment lines (they are for maintainers); the
    # models are not in the wheel but beside it, fetched once Python is ready.
    served = {path: next(wheel.parent.glob(f"{name}-*.txt")).read_bytes()
              for name, path in assets.SERVED_MODELS.items()}
    with zipfile.ZipFile(wheel) as built:
        assert not set(assets.SERVED_MODELS.values()) & set(built.namelist())
        lexicon = "workbook/lexicon/vader_negative.tsv"
        for name, shipped in (*served.items(), (lexicon, built.read(lexicon))):
            source = (ROOT / name).read_text(encoding="utf-8").splitlines()
            shipped = shipped.decode("utf-8").splitlines()
            assert shipped == [line for line in source if not line.startswith("#")] and len(shipped) < len(source)
    edited = assets.engine_content(load_content())
    edited["worksheets"]["reply"]["messages"]["greeting"]["warm"] = "Hello {name},"
    other = assets.write_content(tmp_path / "edited", edited)
    assert other.name != content.name and other.name.startswith("content-")


def test_a_file_of_nested_brackets_is_refused_inside_pyodide_and_python_carries_on(tmp_path, wheel_and_content):
    """60 KB of nested brackets once overflowed Pyodide's stack in json.loads, which stopped Python
    for good; the engine now refuses it before parsing, and the next call still works."""
    wheel, content, everything = wheel_and_content
    example = next(iter(_worksheets(everything)["recharge"]["examples"]))
    brackets = "[" * 30_000 + "]" * 30_000
    objects = '{"a":' * 20_000 + "1" + "}" * 20_000
    cases = [{"task": "backup-check", "name": "brackets", "inputs": {"text": brackets}},
             {"task": "backup-check", "name": "objects", "inputs": {"text": objects}},
             {"worksheet": "recharge", "name": "after", "inputs": example["inputs"]}]
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    results = _in_pyodide(wheel, content, tmp_path / "cases.json")
    brackets, objects, after = (json.loads(c["output"]) for c in results["cases"])
    for refused in (brackets, objects):
        assert refused["data"] == {"ok": False, "document": None}
        assert [n["text"] for n in refused["notes"]] == [
            "This file is nested far deeper than any backup from this site, so it is not one. Nothing was changed."]
    assert after["blocks"], "Python still drafts after refusing the file"


def test_the_care_model_served_beside_the_wheel_hears_quiet_words_in_pyodide(tmp_path, wheel_and_content):
    """The care check's model, installed from the file the site serves: in Pyodide, words no
    phrase matches still bring the note to talk to someone, as in CPython."""
    import workbook
    from macros.content import load_content
    from workbook.tone import sounds_hopeless

    wheel, content, _ = wheel_and_content
    quiet = "Honestly there's nothing left in me, I'm just so tired of being me."
    loaded = load_content()
    workbook.use_content(_worksheets(content), loaded.tone, loaded.interface)
    assert not sounds_hopeless(quiet, learned=False) and sounds_hopeless(quiet)
    cases = [{"worksheet": "check-in", "name": "quiet", "inputs": {"own_words": quiet}},
             {"worksheet": "check-in", "name": "ordinary", "inputs": {"own_words": "This job hunt is killing me."}}]
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    results = _in_pyodide(wheel, content, tmp_path / "cases.json")
    quiet_out, ordinary_out = (json.loads(c["output"]) for c in results["cases"])
    assert [n["code"] for n in quiet_out["notes"]].count("care") == 1
    assert "care" not in [n["code"] for n in ordinary_out["notes"]]
    assert quiet_out == workbook.run("check-in", cases[0]["inputs"])


def test_every_engine_task_gives_the_same_output_on_the_traced_standard_library(tmp_path, wheel_and_content):
    """The page's saved-data tasks (check a backup, migrate an old one, write the readable copy,
    list answers kept aside, the log as a CSV file and as a printed record), in Pyodide on the
    traced standard library and in CPython."""
    import workbook
    from macros.content import load_content

    wheel, content, _ = wheel_and_content
    loaded = load_content()
    workbook.use_content(_worksheets(content), loaded.tone, loaded.interface)
    old_format = (ROOT / "tests" / "fixtures" / "backup-v0.json").read_text(encoding="utf-8")
    migrated = workbook.task("backup-check", {"text": old_format})
    assert migrated["data"]["ok"], migrated["notes"]  # the fixture is a real backup, so the rest means something
    document = migrated["data"]["document"]
    log = document["log"] + [{"application": "x", "date": "2026-11-20", "company": "=Zoë, \"Ltd\"",
                              "note": "two\nlines 🚀", "stage": "interview", "outcome": "waiting"}]
    cases = [
        {"task": "backup-check", "name": "version 0, migrated", "inputs": {"text": old_format}},
        {"task": "backup-check", "name": "current version", "inputs": {"text": json.dumps(document)}},
        {"task": "backup-check", "name": "not JSON", "inputs": {"text": "{\"format\": "}},
        {"task": "backup-check", "name": "another format", "inputs": {"text": "{\"format\": \"x\"}"}},
        {"task": "backup-markdown", "name": "readable copy", "inputs": {"document": document}},
        {"task": "earlier-answers", "name": "kept aside", "inputs": {
            "worksheet": "check-in", "answers": {"feeling": ["not an option"], "gone_field": "old words"},
            "earlier": {"older": "yes"}}},
        {"task": "backup-check", "name": "version 1, migrated", "inputs": {
            "text": (ROOT / "tests" / "fixtures" / "backup-v1.json").read_text(encoding="utf-8")}},
        {"task": "log-csv", "name": "the log as CSV", "inputs": {"entries": log, "today": "2026-11-26"}},
        {"task": "log-record", "name": "the printed record", "inputs": {"entries": log}},
    ]
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    results = _in_pyodide(wheel, content, tmp_path / "cases.json")["cases"]
    assert [r["name"] for r in results] == [c["name"] for c in cases]
    for case, result in zip(cases, results, strict=True):
        cpython = json.dumps(workbook.task(case["task"], case["inputs"]), ensure_ascii=False)
        assert result["output"] == cpython, case["name"]
    readable = json.loads(results[4]["output"])["data"]["markdown"]
    assert readable and readable.startswith("# "), "the readable copy was written"
    kept = json.loads(results[5]["output"])
    assert kept["data"]["shown"] and "gone_field" in kept["data"]["fields"]


def test_the_traced_standard_library_is_a_stripped_part_of_pyodides(wheel_and_content):
    import zipfile

    wheel, _, _ = wheel_and_content
    light = zipfile.ZipFile(next(wheel.parent.glob("stdlib-*.zip")))
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
    names = set(light.namelist())
    assert names < set(full.namelist())
    # What start-up and the engine import, and not what nothing imports.
    assert {"json/__init__.py", "re/__init__.py", "dataclasses.py", "urllib/parse.py"} <= names
    assert not {"unittest/__init__.py", "tkinter/__init__.py", "email/__init__.py", "pydoc.py"} & names
    assert len(names) < len(full.namelist()) / 2
    # Without docstrings and comments: json's module docstring starts with "JSON (JavaScript".
    source = light.read("json/__init__.py").decode()
    assert "JSON (JavaScript" in full.read("json/__init__.py").decode() and "JSON (JavaScript" not in source
    assert not any(line.lstrip().startswith("#") for line in source.splitlines())
    # One space per level of indentation, and a string's own spaces kept (json's separators).
    assert "\n def dumps(" not in source and "\ndef dumps(" in source and "\n return " in source
    assert "item_separator = ', '" in full.read("json/encoder.py").decode()
    assert "item_separator = ', '" in light.read("json/encoder.py").decode()
