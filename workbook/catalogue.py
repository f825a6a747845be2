"""Worksheet definitions the engine works from (the content/worksheets YAML, as dicts).

Callers under CPython install them with `use_content`. Otherwise the catalogue
reads `content.json`, which the build places inside the installed package.
"""
from __future__ import annotations

import json
from importlib import resources

CONTENT_FILE = "content.json"

_installed: dict[str, dict] | None = None


def use_content(worksheets: dict) -> None:
    """Install worksheet definitions: a dict of worksheet id -> worksheet (as in the YAML)."""
    global _installed
    _installed = _only_worksheets(worksheets)


def _only_worksheets(data) -> dict[str, dict]:
    if not isinstance(data, dict):
        return {}
    if isinstance(data.get("worksheets"), dict) and not isinstance(data["worksheets"].get("id"), str):
        data = data["worksheets"]
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}


def _packaged() -> dict[str, dict]:
    try:
        text = resources.files(__package__).joinpath(CONTENT_FILE).read_text(encoding="utf-8")
        return _only_worksheets(json.loads(text))
    except (OSError, ValueError, TypeError, ModuleNotFoundError):
        return {}


def worksheet(worksheet_id: str) -> dict | None:
    """The definition of one worksheet, or None when it is unknown or nothing is installed."""
    global _installed
    if _installed is None:
        _installed = _packaged()
    return _installed.get(worksheet_id)

