"""Shared fixtures for the unit tests: the repository root on sys.path, and the content."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def worksheets() -> dict[str, dict]:
    """Every worksheet definition, id -> dict, as the build would give the engine."""
    from macros.content import load_content

    return load_content().worksheets  # a content error fails these tests too, with its message


@pytest.fixture(scope="session")
def tone() -> dict:
    """The tone check's rules (content/tone.yaml)."""
    from macros.content import load_content

    return load_content().tone


@pytest.fixture(scope="session")
def interface() -> dict:
    """The site's own words (content/interface.yaml)."""
    from macros.content import load_content

    return load_content().interface


@pytest.fixture(scope="session")
def engine(worksheets, tone, interface):
    """The workbook package with the worksheet definitions, tone rules and the site's words installed."""
    import workbook

    workbook.use_content(worksheets, tone, interface)
    return workbook
