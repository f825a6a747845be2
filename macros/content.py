"""Load content/*.yaml, validate it against content/schema, and resolve ids.

Every problem is reported as a ContentError whose message names the file, the
field path and the line, e.g.

    strategies/02-request-feedback.yaml: steps[2].text: must be a string (line 14)

so a maintainer who only edits YAML can fix it without reading Python.
"""
from __future__ import annotations

import copy
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError, validators

from . import engine_contract, yaml_file
from .errors import BuildError

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
NUMBERED_FILE = re.compile(r"^(\d\d)-([a-z][a-z0-9-]*)\.yaml$")
BREAK_PAGE = "break"  # a worksheet may belong to the break page instead of a strategy


class ContentError(Exception):
    """One or more problems in content/, each a line a maintainer can act on."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Content:
    guide: dict
    strategies: list[dict]
    resources: dict
    worksheets: dict[str, dict]
    tone: dict = field(default_factory=dict)
    interface: dict = field(default_factory=dict)   # content/interface.yaml: the site's own words
    # Situations the article does not name (never hearing back, ...), in the shape of a strategy.
    situations: list[dict] = field(default_factory=list)
    strategy_files: dict[str, str] = field(default_factory=dict)  # id -> "strategies/NN-<id>.yaml"
    situation_files: dict[str, str] = field(default_factory=dict)  # id -> "situations/NN-<id>.yaml"
    strategy_by_id: dict[str, dict] = field(init=False)
    situation_by_id: dict[str, dict] = field(init=False)

    def __post_init__(self):
        self.strategy_by_id = {s["id"]: s for s in self.strategies}
        self.situation_by_id = {s["id"]: s for s in self.situations}

    def worksheets_for(self, strategy_id: str) -> list[dict]:
        return [self.worksheets[w] for w in self.strategy_by_id[strategy_id]["worksheets"]]

    def worksheets_for_situation(self, situation_id: str) -> list[dict]:
        return [self.worksheets[w] for w in self.situation_by_id[situation_id]["worksheets"]]


# --- one content file ------------------------------------------------------

class _Document:
    """A parsed content file (macros/yaml_file.py) with its name relative to content/."""

    def __init__(self, path: Path, content_dir: Path):
        self.path = path
        self.name = path.relative_to(content_dir).as_posix()
        try:
            self.yaml = yaml_file.read(path)
        except yaml_file.YamlProblem as problem:
            raise ContentError([say(self.name, (), problem.message, problem.line)]) from None
        self.data = self.yaml.data

    def line_of(self, path) -> int | None:
        return self.yaml.line_of(path)

    def problem(self, path, message: str, line: int | None = None) -> str:
        return say(self.name, path, message, line or self.line_of(path))


def say(name: str, path, message: str, line: int | None = None) -> str:
    """One problem as a maintainer reads it: file, field, what is wrong, line."""
    where = f" (line {line})" if line else ""
    field_path = format_path(path)
    return f"{name}: {field_path + ': ' if field_path else ''}{message}{where}"


def format_path(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- schema validation, in plain words ---------------------------------------

_TYPE_NAMES = {"string": "text", "array": "a list (lines that start with '- ')",
               "object": "a group of 'name: value' lines", "integer": "a whole number", "number": "a number",
               "boolean": "true or false"}


def _pattern(validator, pattern, instance, schema):
    """JSON Schema's `pattern` as JavaScript reads it: `$` is the very end of the text (in
    Python, `$` also matches before a final line break, so "reply\n" would pass)."""
    if not validator.is_type(instance, "string"):
        return
    source = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    if not re.search(source, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def _expected(types) -> str:
    return " or ".join(_TYPE_NAMES.get(t, t) for t in (types if isinstance(types, list) else [types]))


def _wanted(schema: dict) -> str:
    """What an anyOf accepts, in words."""
    names: list[str] = []
    for option in schema.get("anyOf", []):
        name = _expected(option["type"]) if "type" in option else "something else"
        if name not in names:
            names.append(name)
    return ", or ".join(names)


def _describe(error, doc: _Document) -> list[tuple[list, str, int | None]]:
    """Plain-words problems for one jsonschema error: (field path, message, line or None)."""
    path = list(error.absolute_path)
    v = error.validator
    read_as = doc.yaml.read_as(path)
    if v in ("type", "anyOf") and read_as and '"string"' in json.dumps(error.schema):
        what, written = read_as
        if what == "empty":
            return [(path, "is empty: write the text after the colon, or remove the line", None)]
        return [(path, f"'{written}' is read as {what}, not as text: put it in quotes, like \"{written}\"", None)]
    if v == "type":
        return [(path, "must be " + _expected(error.validator_value), None)]
    if v == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else error.message
        return [(path, f"the field '{name}' is missing: add a line '{name}: ...'", None)]
    if v == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        problems = []
        for extra in sorted(set(error.instance) - set(known)):
            close = difflib.get_close_matches(extra, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"the fields allowed here are: {', '.join(known)}"
            problems.append((path + [extra], f"'{extra}' is not a field here ({hint})", None))
        return problems
    if v == "enum":
        choices = [str(c) for c in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), choices, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return [(path, f"'{error.instance}' is not one of: {', '.join(choices)}{hint}", None)]
    if v == "minLength":
        return [(path, "must not be empty", None)]
    if v == "minItems":
        return [(path, f"must have at least {error.validator_value} item(s)", None)]
    if v == "minimum":
        return [(path, f"must be {error.validator_value} or more", None)]
    if v == "uniqueItems":
        return [(path, "must not list the same value twice", None)]
    if v == "pattern":
        words = error.schema.get("patternWords", "a different form")
        return [(path, f"{json.dumps(error.instance, ensure_ascii=False)} is not allowed here: use {words}", None)]
    if v == "anyOf" and "first_steps" in path:
        return [(path, "must name a strategy, a worksheet or both", None)]
    if v == "anyOf":
        return [(path, "must be " + _wanted(error.schema), None)]
    return [(path, error.message, None)]


def _schema_json(name: str, content_dir: Path) -> dict:
    return json.loads((content_dir / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


def _schema(name: str, content_dir: Path):
    return _Validator(_schema_json(name, content_dir))


_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _check_placeholders(doc: _Document, schema: dict) -> list[str]:
    """A {word} in braces is filled in by the code: a text may leave one out, but one the code
    does not fill (its schema's `placeholders`) would reach the person as it stands."""
    problems = []
    for section, strings in doc.data.items():
        known = schema["properties"].get(section, {}).get("properties", {})
        for key, text in (strings or {}).items():
            filled = set(known.get(key, {}).get("placeholders", []))
            for name in _PLACEHOLDER.findall(text if isinstance(text, str) else ""):
                if name not in filled:
                    offered = ", ".join("{" + n + "}" for n in sorted(filled)) or "none"
                    problems.append(doc.problem([section, key], f"{{{name}}} is not filled in here "
                                                                f"(what is: {offered})"))
    return problems


def _validated(doc: _Document, validator) -> list[str]:
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    return [doc.problem(path, message, line) for error in errors for path, message, line in _describe(error, doc)]


# --- which files content/ may hold -------------------------------------------

TOP_FILES = ("guide.yaml", "resources.yaml", "tone.yaml", "interface.yaml")
FOLDERS = ("strategies", "situations", "worksheets")
LAYOUT = ("content/ holds guide.yaml, resources.yaml, tone.yaml, interface.yaml, strategies/NN-<id>.yaml, "
          "situations/NN-<id>.yaml, worksheets/<id>.yaml and schema/*.schema.json")


def _belongs(rel: Path) -> bool:
    if len(rel.parts) == 1:
        return rel.name in TOP_FILES
    if len(rel.parts) == 2 and rel.parts[0] in FOLDERS:
        return rel.suffix == ".yaml"
    return len(rel.parts) == 2 and rel.parts[0] == "schema" and rel.name.endswith(".schema.json")


def _stray_files(content_dir: Path) -> list[str]:
    """Every file in content/ the build would not read (hidden files aside), named."""
    problems = []
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts) or _belongs(rel):
            continue
        if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml":
            renamed = rel.with_suffix(".yaml").as_posix()
            problems.append(say(rel.as_posix(), (), f"this file is not read: content files end in .yaml, "
                                                    f"so rename it to {renamed}"))
        else:
            problems.append(say(rel.as_posix(), (), f"this file is not read: {LAYOUT}. Move it out of content/"))
    return problems


# --- loading everything ----------------------------------------------------

def load_content(content_dir: Path | str = CONTENT_DIR) -> Content:
    """Read, validate and cross-check all content. Raises ContentError listing every problem."""
    content_dir = Path(content_dir)
    problems: list[str] = _stray_files(content_dir)
    docs: dict[str, _Document] = {}

    def read(path: Path, schema: str):
        try:
            doc = _Document(path, content_dir)
        except ContentError as err:
            problems.extend(err.problems)
            return None
        except FileNotFoundError:
            problems.append(say(path.relative_to(content_dir).as_posix(), (), "this file is missing"))
            return None
        found = _validated(doc, _schema(schema, content_dir))
        problems.extend(found)
        docs[doc.name] = doc
        return None if found else doc

    guide = read(content_dir / "guide.yaml", "guide")
    resources = read(content_dir / "resources.yaml", "resources")
    tone = read(content_dir / "tone.yaml", "tone")
    interface = read(content_dir / "interface.yaml", "interface")
    if interface:
        problems.extend(_check_placeholders(interface, _schema_json("interface", content_dir)))

    def numbered(folder: str, what: str) -> list[tuple[str, _Document]]:
        """The files of a folder read in the order of their numbers (NN-<id>.yaml)."""
        found: list[tuple[str, _Document]] = []
        numbers: dict[str, str] = {}
        for path in sorted((content_dir / folder).glob("*.yaml")):
            name = f"{folder}/{path.name}"
            match = NUMBERED_FILE.match(path.name)
            if not match:
                problems.append(say(name, (), f"the file name must be a two-digit number, a hyphen and the {what}'s "
                                              "id, like 02-request-feedback.yaml"))
                continue
            if match.group(1) in numbers:
                problems.append(say(name, (), f"the number {match.group(1)} is also used by {numbers[match.group(1)]}: "
                                              f"each {what} needs its own"))
            numbers[match.group(1)] = name
            doc = read(path, "strategy")  # a situation has the shape of a strategy
            if doc is not None:
                if doc.data["id"] != match.group(2):
                    problems.append(_name_mismatch(doc, match.group(2)))
                found.append((name, doc))
        return found

    strategies = numbered("strategies", "strategy")
    if not strategies and not problems:
        problems.append("strategies/: no strategy files found")
    situations = numbered("situations", "situation")  # optional: a fork may have none

    worksheets: dict[str, _Document] = {}
    for path in sorted((content_dir / "worksheets").glob("*.yaml")):
        doc = read(path, "worksheet")
        if doc is None:
            continue
        if doc.data["id"] != path.stem:
            problems.append(_name_mismatch(doc, path.stem))
        worksheets[doc.data["id"]] = doc

    problems.extend(_check_ids(strategies, worksheets))
    problems.extend(_check_ids(situations, {}))
    problems.extend(_missing_worksheets(content_dir, worksheets))
    if guide and not problems:
        problems.extend(_check_references(guide, strategies, worksheets))
        problems.extend(_check_worksheet_lists(situations, worksheets))
    if tone and not problems:
        problems.extend(tone.problem(path, message) for path, message in engine_contract.tone_problems(tone.data))
    if not problems:
        problems.extend(_check_engine(worksheets, tone.data, interface.data if interface else {}))
    if problems:
        raise ContentError(problems)
    return Content(
        guide=guide.data,
        strategies=[doc.data for _, doc in strategies],
        resources=resources.data,
        worksheets={k: doc.data for k, doc in worksheets.items()},
        tone=tone.data,
        interface=interface.data,
        strategy_files={doc.data["id"]: name for name, doc in strategies},
        situations=[doc.data for _, doc in situations],
        situation_files={doc.data["id"]: name for name, doc in situations},
    )


def _name_mismatch(doc: _Document, expected: str) -> str:
    return doc.problem(["id"], f"'{doc.data['id']}' does not match the file name (expected '{expected}')")


def _check_ids(strategies, worksheets) -> list[str]:
    problems, seen = [], {}
    for name, doc in strategies:
        sid = doc.data["id"]
        if sid in seen:
            problems.append(doc.problem(["id"], f"duplicate id '{sid}' (also used by {seen[sid]})"))
        seen[sid] = name
    for doc in worksheets.values():
        ids: dict[str, int] = {}
        for i, f in enumerate(doc.data["fields"]):
            if f["id"] in ids:
                problems.append(doc.problem(["fields", i, "id"],
                                            f"duplicate field id '{f['id']}' (also fields[{ids[f['id']]}])"))
            ids.setdefault(f["id"], i)
            values = [o["value"] for o in f.get("options", [])]
            for j, value in enumerate(values):
                if values.index(value) != j:
                    problems.append(doc.problem(["fields", i, "options", j, "value"],
                                                f"duplicate option value '{value}'"))
        for i, example in enumerate(doc.data["examples"]):
            for key in example["inputs"]:
                # "today" comes from the page with every worksheet; "entries" with a log.
                if key not in ids and key != "today" and not (doc.data.get("layout") == "log" and key == "entries"):
                    problems.append(doc.problem(["examples", i, "inputs", key],
                                                f"'{key}' is not a field of this worksheet"))
    return problems


def _check_worksheet_lists(pages, worksheets) -> list[str]:
    """Every worksheet a strategy or a situation links to exists."""
    problems = []
    for _, doc in pages:
        for i, wid in enumerate(doc.data["worksheets"]):
            if wid not in worksheets:
                known = ", ".join(sorted(worksheets)) or "none"
                problems.append(doc.problem(["worksheets", i], f"unknown worksheet '{wid}' (known: {known})"))
    return problems


def _check_references(guide, strategies, worksheets) -> list[str]:
    problems = _check_worksheet_lists(strategies, worksheets)
    strategy_ids = {doc.data["id"] for _, doc in strategies}
    for doc in worksheets.values():
        sid = doc.data["strategy"]
        if sid != BREAK_PAGE and sid not in strategy_ids:
            known = ", ".join(sorted(strategy_ids))
            problems.append(doc.problem(["strategy"], f"unknown strategy '{sid}' (known: {known}, {BREAK_PAGE})"))
    for i, step in enumerate(guide.data["first_steps"]):
        if "strategy" in step and step["strategy"] not in strategy_ids:
            problems.append(guide.problem(["first_steps", i, "strategy"], f"unknown strategy '{step['strategy']}'"))
        if "worksheet" in step and step["worksheet"] not in worksheets:
            problems.append(guide.problem(["first_steps", i, "worksheet"], f"unknown worksheet '{step['worksheet']}'"))
    for i, wid in enumerate(guide.data["break_page"]["worksheets"]):
        if wid not in worksheets:
            problems.append(guide.problem(["break_page", "worksheets", i], f"unknown worksheet '{wid}'"))
    return problems


def _missing_worksheets(content_dir: Path, worksheets: dict[str, _Document]) -> list[str]:
    """A worksheet file for every engine module (one that failed to load is not missing)."""
    problems = []
    for wid in engine_contract.missing_engines(worksheets):
        if (content_dir / "worksheets" / f"{wid}.yaml").exists():
            continue
        module = engine_contract.ENGINES[wid].__name__.replace(".", "/") + ".py"
        problems.append(say(f"worksheets/{wid}.yaml", (), f"this file is missing: the workbook engine has code for "
                                                           f"a worksheet '{wid}' ({module})"))
    return problems


def _check_engine(worksheets: dict[str, _Document], tone: dict, interface: dict) -> list[str]:
    """What the engine relies on (macros/engine_contract.py), as file, field and line."""
    problems = []
    found = engine_contract.worksheet_problems({wid: doc.data for wid, doc in worksheets.items()}, tone, interface)
    for wid, items in found.items():
        problems += [worksheets[wid].problem(path, message) for path, message in items]
    return problems


def content_dir_for(config) -> Path:
    """The content folder of a site's config: `extra.content_dir`, relative to mkdocs.yml (default
    content/). A builder that does not say where its config file is (Zensical) reads this project's."""
    config_file = config.get("config_file_path") or ROOT / "mkdocs.yml"
    return Path(config_file).parent / (config.get("extra") or {}).get("content_dir", "content")


# One build asks three times (the pages hook, the macros, the assets hook); reading and
# checking content/ takes ~0.2 s. Kept while no file in content/ changes (mkdocs serve).
_loaded: dict[Path, tuple[tuple, Content]] = {}


def _stamp(content_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in content_dir.rglob("*") if p.is_file()))


def load_content_or_fail(config) -> Content:
    """load_content for the build: any problem stops the build with the list (BuildError).
    Each caller gets its own copy, so none can change what another sees."""

    content_dir = content_dir_for(config)
    try:
        stamp = _stamp(content_dir)
        if content_dir not in _loaded or _loaded[content_dir][0] != stamp:
            _loaded[content_dir] = (stamp, load_content(content_dir))
        return copy.deepcopy(_loaded[content_dir][1])
    except ContentError as err:
        raise BuildError("Problems in content/ (fix these and build again):\n  " + "\n  ".join(err.problems)) from None
