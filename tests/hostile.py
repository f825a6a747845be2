"""A copy of content/ with hostile text in every free-text field, for the "text stays text" tests.

Every string in every content file gets HOSTILE appended, wherever the build still accepts
the result: ids, option values, URLs and other patterned or enumerated strings are left as
they are (the schema refuses them anyway), and so is any worksheet or interface text whose
change would break one of the worksheets' examples (the build checks them:
macros/engine_contract.py; an example may quote the site's words, such as a date's month).
The examples themselves are left alone: they are the engine's test cases.
"""
from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

# Each piece would do something if it were ever treated as markup, template or Markdown.
HOSTILE = ('<script>window.__pwned="script"</script><img src=x onerror="window.__pwned=\'img\'">'
           "{{ 6*7 }}{% raw %}</textarea>\u202e*stars* [link](javascript:window.__pwned=1)&amp;")
SCHEMAS = {"guide.yaml": "guide", "resources.yaml": "resources", "tone.yaml": "tone", "interface.yaml": "interface",
           "strategies": "strategy",
           "situations": "strategy",
           "worksheets": "worksheet"}
# Texts that are never shown, only matched or run: the examples (the engine's test cases) and the
# tone check's word lists.
MATCHING_DATA = {"examples", "phrases", "swear_words", "not_shouting", "loud_alone", "lexicon", "sarcasm"}


def _schema_for(path: Path, content: Path) -> str:
    rel = path.relative_to(content).parts
    return SCHEMAS[rel[0]]


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in MATCHING_DATA:
                continue
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _leaves(value, path + (i,))
    elif isinstance(data, str):
        yield path


def _get(data, path):
    for part in path[:-1]:
        data = data[part]
    return data, path[-1]


def _engine_accepts(data: dict, tone: dict, interface: dict) -> bool:
    """A worksheet's examples, messages and defaults still hold for the engine."""
    import workbook
    from macros import engine_contract

    workbook.use_content({data["id"]: data}, tone, interface)
    return not (engine_contract.message_problems(data["id"], data) or engine_contract.default_problems(data)
                or engine_contract.example_problems(data["id"], data))


def _examples_hold(interface: dict, worksheets: dict, tone: dict) -> bool:
    """Every worksheet's examples still give what they expect with these site words."""
    import workbook
    from macros import engine_contract

    workbook.use_content(worksheets, tone, interface)
    return not any(engine_contract.example_problems(wid, data) for wid, data in worksheets.items())


def poison(data: dict, validator: Draft202012Validator, accepts=lambda data: True) -> int:
    """Append HOSTILE to every string leaf the build (its schema, and `accepts`) still accepts;
    returns how many."""
    changed = 0
    for path in list(_leaves(data)):
        parent, key = _get(data, path)
        before = parent[key]
        parent[key] = before + " " + HOSTILE
        if next(validator.iter_errors(data), None) is not None or not accepts(data):
            parent[key] = before
        else:
            changed += 1
    return changed


def hostile_content(source: Path, dest: Path) -> int:
    """Copy content/ from `source` to `dest`, poisoned; returns the number of texts changed.
    The engine is left holding the real worksheets from `source` (checking installs others)."""
    import workbook
    from macros.content import load_content

    shutil.copytree(source, dest)
    real = load_content(source)
    interface = real.interface  # the poisoned one once interface.yaml is done (it comes first)
    total = 0
    for path in sorted(dest.rglob("*.yaml")):
        kind = _schema_for(path, dest)
        schema = json.loads((dest / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        accepts = {"worksheet": functools.partial(_engine_accepts, tone=real.tone, interface=interface),
                   "interface": functools.partial(_examples_hold, worksheets=real.worksheets, tone=real.tone),
                   }.get(kind, lambda data: True)
        total += poison(data, Draft202012Validator(schema), accepts)
        if kind == "interface":
            interface = data
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    content = load_content(source)
    workbook.use_content(content.worksheets, content.tone, content.interface)
    return total


def hostile_site_config(root: Path, content: Path, dest: Path) -> Path:
    """A copy of the project's mkdocs.yml at `dest` that builds the project's docs, theme and
    hooks with `content` as its content/ (every path made absolute)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for pattern, absolute in [(r"(?m)^(\s*custom_dir: )overrides$", rf"\g<1>{root}/overrides"),
                              (r"(?m)^(\s*module_name: )macros$", rf"\g<1>{root}/macros"),
                              (r"(?m)^(\s*- )hooks/", rf"\g<1>{root}/hooks/"),
                              (r"(?ms)^watch:.*\Z", "")]:
        text, count = re.subn(pattern, absolute, text)
        assert count, f"mkdocs.yml no longer has {pattern!r}: update tests/hostile.py"
    text, count = re.subn(r"(?m)^extra:[ \t]*$", f"extra:\n  content_dir: {content}", text, count=1)
    assert count, "mkdocs.yml no longer has an extra: section: update tests/hostile.py"
    text += f"docs_dir: {root}/docs\n"
    dest.write_text(text, encoding="utf-8")
    return dest
