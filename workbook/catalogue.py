"""Worksheet definitions the engine works from (the content/worksheets YAML, as dicts), the
tone check's rules (content/tone.yaml), and the site's own words (content/interface.yaml: what
the engine says about a backup file, yes and no, its error lines).

Whoever runs the engine installs them with `use_content`: the build and the tests under
CPython, and in the browser the worker, from the content-<hash>.json the build writes beside
the wheel (the wheel itself holds no wording, so a wording edit leaves it, and a saved Python
snapshot named by it, unchanged).
"""
from __future__ import annotations

_installed: dict[str, dict] = {}
_tone: dict = {}
_interface: dict = {}


def use_content(worksheets: dict, tone: dict | None = None, interface: dict | None = None) -> None:
    """Install worksheet definitions (worksheet id -> worksheet, as in the YAML) and, if given,
    the tone check's rules (content/tone.yaml) and the site's words (content/interface.yaml)."""
    global _installed, _tone, _interface
    _installed = _only_worksheets(worksheets)
    if tone is not None:
        _tone = tone if isinstance(tone, dict) else {}
    if interface is not None:
        _interface = interface if isinstance(interface, dict) else {}


def _only_worksheets(data) -> dict[str, dict]:
    if not isinstance(data, dict):
        return {}
    if isinstance(data.get("worksheets"), dict) and not isinstance(data["worksheets"].get("id"), str):
        data = data["worksheets"]
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}


def worksheet(worksheet_id: str) -> dict | None:
    """The definition of one worksheet, or None when it is unknown or nothing is installed."""
    return _installed.get(worksheet_id)


def tone_rules() -> dict:
    """The tone check's rules (content/tone.yaml); empty when nothing is installed."""
    return _tone


def words(section: str) -> dict:
    """One section of content/interface.yaml (key -> text); empty when nothing is installed."""
    found = _interface.get(section)
    return found if isinstance(found, dict) else {}


def say(section: str, key: str, **values) -> str:
    """A text of content/interface.yaml with its {placeholders} filled in; the key itself when
    the text is missing (the build refuses content without it, so only a bare engine sees that)."""
    from .text import fill

    text = words(section).get(key)
    return fill(text, values) if isinstance(text, str) else key
