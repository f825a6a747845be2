"""Shared fixtures for the unit tests: the repository root on sys.path, and the content."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _worksheets_from_files() -> dict[str, dict]:
    """The worksheet YAML, each file checked against its schema (used when the rest of
    content/ is still being written and load_content refuses it as a whole)."""
    import yaml
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "content/schema/worksheet.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    worksheets = {}
    for path in sorted((ROOT / "content/worksheets").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [f"{path.name}: {list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, "\n".join(errors)
        worksheets[data["id"]] = data
    return worksheets


@pytest.fixture(scope="session")
def worksheets() -> dict[str, dict]:
    """Every worksheet definition, id -> dict, as the build would give the engine."""
    from macros.content import ContentError, load_content

    try:
        return load_content().worksheets
    except ContentError:
        return _worksheets_from_files()


@pytest.fixture(scope="session")
def engine(worksheets):
    """The workbook package with the worksheet definitions installed."""
    import workbook

    workbook.use_content(worksheets)
    return workbook
