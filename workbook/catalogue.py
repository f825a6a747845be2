"""Worksheet definitions the engine works from (the content/worksheets YAML, as dicts).

Callers under CPython install them with `use_content`. Otherwise the catalogue
reads `content.json`, which the build places inside the installed package.
"""
from __future__ import annotations

import json
from importlib import resources

CONTENT_FILE = "content.json"

_installed: dict[str, dict] | None = None
_tone: dict | None = None


def use_content(worksheets: dict, tone: dict | None = None) -> None:
    """Install worksheet definitions (worksheet id -> worksheet, as in the YAML) and, if given,
    the tone check's rules (content/tone.yaml)."""
    global _installed, _tone
    _installed = _only_worksheets(worksheets)
    if tone is not None:
        _tone = tone if isinstance(tone, dict) else {}


def _only_worksheets(data) -> dict[str, dict]:
    if not isinstance(data, dict):
        return {}
    if isinstance(data.get("worksheets"), dict) and not isinstance(data["worksheets"].get("id"), str):
        data = data["worksheets"]
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}


def _packaged() -> dict:
    """content.json as the build wrote it: {"worksheets": {...}, "tone": {...}}."""
    try:
        data = json.loads(resources.files(__package__).joinpath(CONTENT_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, TypeError, ModuleNotFoundError):
        return {}


def worksheet(worksheet_id: str) -> dict | None:
    """The definition of one worksheet, or None when it is unknown or nothing is installed."""
    if _installed is None:
        _load_packaged()
    return _installed.get(worksheet_id)


def tone_rules() -> dict:
    """The tone check's rules (content/tone.yaml); empty when nothing is installed."""
    if _tone is None:
        _load_packaged()
    return _tone


def _load_packaged() -> None:
    """Read all of content.json at once. In the browser this happens before Python's memory is
    saved as a snapshot (worker.js), and a restored snapshot has no files, only memory."""
    global _installed, _tone
    data = _packaged()
    if _installed is None:
        _installed = _only_worksheets(data)
    if _tone is None:
        _tone = data.get("tone") if isinstance(data.get("tone"), dict) else {}

