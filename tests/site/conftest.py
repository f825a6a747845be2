"""The fixture site shared by the build tests: tests/site/fixture plus the real schemas and worksheets."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="session")
def fixture_root(tmp_path_factory) -> Path:
    """A copy of tests/site/fixture with ROOT filled in, plus the schemas and the real worksheets
    (the build wants one for each engine module) and the site's words, all belonging to the fixture's one strategy."""
    root = tmp_path_factory.mktemp("fixture")
    shutil.copytree(Path(__file__).parent / "fixture", root, dirs_exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("ROOT", str(ROOT)), encoding="utf-8")
    shutil.copytree(ROOT / "content" / "schema", root / "content" / "schema")
    shutil.copy(ROOT / "content" / "tone.yaml", root / "content" / "tone.yaml")
    shutil.copy(ROOT / "content" / "interface.yaml", root / "content" / "interface.yaml")
    (root / "content" / "worksheets").mkdir()
    for worksheet in (ROOT / "content" / "worksheets").glob("*.yaml"):
        text = re.sub(r"(?m)^strategy: .*$", "strategy: first-step", worksheet.read_text(encoding="utf-8"))
        (root / "content" / "worksheets" / worksheet.name).write_text(text, encoding="utf-8")
    return root
