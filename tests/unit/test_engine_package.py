"""The package boundary: a tiny public surface, standard library only, content from anywhere."""
from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest

import workbook
from workbook import catalogue

PACKAGE = Path(workbook.__file__).parent


def test_exported_members():
    """Every public name is listed in __all__, and everything in __all__ exists (as in httpx)."""
    assert workbook.__all__ == ["run", "task", "use_content", "use_tone_model", "use_care_model"]
    public = {name for name in dir(workbook) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(workbook, name)).__name__ == "module"}
    assert public - modules == set(workbook.__all__)
    for name in workbook.__all__:
        assert getattr(workbook, name).__module__.startswith("workbook")


def test_imports_only_the_standard_library():
    outside = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            outside += [f"{path.name}: {n}" for n in names
                        if n.split(".")[0] not in sys.stdlib_module_names and n.split(".")[0] != "__future__"]
    assert outside == []


def test_no_file_network_or_thread_use():
    banned = {"open(", "socket", "threading", "subprocess", "urllib.request", "write_text", "write_bytes"}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not [word for word in banned if word in source], path.name


@pytest.fixture
def fresh_catalogue(monkeypatch, worksheets):
    """A catalogue with nothing installed; reinstalls the real content afterwards."""
    monkeypatch.setattr(catalogue, "_installed", {})
    yield catalogue
    catalogue.use_content(worksheets)


def test_without_any_content_run_returns_a_note(fresh_catalogue):
    output = workbook.run("reply", {"stage": "interview"})
    assert output == {"worksheet": "reply", "blocks": [], "notes": [
        {"level": "warning", "code": "unknown_worksheet", "text": catalogue_text("unknown_worksheet")}]}


def test_content_installed_later_replaces_what_was_there(fresh_catalogue, worksheets):
    """The worker installs the current wording after restoring a snapshot made with older wording."""
    older = json.loads(json.dumps(worksheets))
    older["reply"]["messages"]["greeting"]["warm"] = "Hello there {name},"
    workbook.use_content(older)
    assert workbook.run("reply", {"recruiter_name": "Priya"})["blocks"][0]["body"].startswith("Hello there Priya,")
    workbook.use_content(worksheets)
    assert workbook.run("reply", {"recruiter_name": "Priya"})["blocks"][0]["body"].startswith("Hi Priya,")


def test_use_content_ignores_junk(fresh_catalogue):
    workbook.use_content(["not", "a", "dict"])
    assert workbook.run("reply", {})["notes"][0]["code"] == "unknown_worksheet"


def test_a_missing_message_reads_as_empty_never_raises(fresh_catalogue, worksheets):
    broken = json.loads(json.dumps(worksheets))
    broken["reply"]["messages"] = {}
    workbook.use_content(broken)
    output = workbook.run("reply", {"recruiter_name": "Priya", "stage": "interview"})
    assert "engine_error" not in [n["code"] for n in output["notes"]]
    assert "Priya" not in json.dumps(output)   # no greeting template: nothing invented in Python


def test_inputs_that_are_not_a_mapping_get_a_note(engine):
    output = engine.run("reply", ["stage", "interview"])
    assert "inputs_not_understood" in [n["code"] for n in output["notes"]]
    assert output["blocks"][0]["kind"] == "draft"


def catalogue_text(code):
    """The engine's own error lines are content/interface.yaml's `engine` section."""
    from macros.content import load_content
    return load_content().interface["engine"][code]
