"""Load content/*.yaml, validate it against content/schema, and resolve ids.

Every problem is reported as a ContentError whose message names the file, the
field path and the line, e.g.

    strategies/02-request-feedback.yaml: steps[2].text: must be a string (line 14)

so a maintainer who only edits YAML can fix it without reading Python.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
STRATEGY_FILE = re.compile(r"^(\d\d)-([a-z][a-z0-9-]*)\.yaml$")
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
    strategy_by_id: dict[str, dict] = field(init=False)

    def __post_init__(self):
        self.strategy_by_id = {s["id"]: s for s in self.strategies}

    def worksheets_for(self, strategy_id: str) -> list[dict]:
        return [self.worksheets[w] for w in self.strategy_by_id[strategy_id]["worksheets"]]


# --- reading YAML with line numbers ----------------------------------------

class _Document:
    """A parsed YAML file plus the line of every value, by field path."""

    def __init__(self, path: Path, content_dir: Path):
        self.path = path
        self.name = path.relative_to(content_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data = yaml.safe_load(text)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
            raise ContentError([f"{self.name}: YAML syntax error at {where}: {err.problem or err}"]) from None
        self.lines: dict[tuple, int] = {}
        if node is not None:
            self._index(node, ())

    def _index(self, node, path: tuple):
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self.lines[path + (key.value,)] = key.start_mark.line + 1
                self._index(value, path + (key.value,))
                self.lines[path + (key.value,)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._index(item, path + (i,))

    def line_of(self, path) -> int | None:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, path, message: str) -> str:
        line = self.line_of(path)
        where = f" (line {line})" if line else ""
        return f"{self.name}: {format_path(path) or '(top level)'}: {message}{where}"


def format_path(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- schema validation -----------------------------------------------------

_TYPE_NAMES = {"string": "a string", "array": "a list", "object": "a mapping of fields",
               "integer": "a whole number", "number": "a number", "boolean": "true or false"}


def _describe(error) -> tuple[list, str]:
    """A plain-words message for one jsonschema error, and the path it is about."""
    path = list(error.absolute_path)
    v = error.validator
    if v == "type":
        expected = error.validator_value
        names = [_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        return path, "must be " + " or ".join(names)
    if v == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return path, f"missing required field '{missing.group(1) if missing else error.message}'"
    if v == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        return path, f"unknown field '{', '.join(extra)}' (check the spelling; see the schema for allowed fields)"
    if v == "enum":
        return path, "must be one of: " + ", ".join(map(str, error.validator_value))
    if v == "minLength":
        return path, "must not be empty"
    if v == "minItems":
        return path, f"must have at least {error.validator_value} item(s)"
    if v == "uniqueItems":
        return path, "must not list the same value twice"
    if v == "pattern":
        return path, f"'{error.instance}' is not allowed here (must match {error.validator_value})"
    if v == "anyOf" and path[-2:-1] == ["first_steps"] or v == "anyOf" and "first_steps" in path:
        return path, "must name a strategy, a worksheet or both"
    return path, error.message


def _schema(name: str, content_dir: Path) -> Draft202012Validator:
    schema = json.loads((content_dir / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _validated(doc: _Document, validator: Draft202012Validator) -> list[str]:
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    problems = []
    for error in errors:
        path, message = _describe(error)
        problems.append(doc.problem(path, message))
    return problems


# --- loading everything ----------------------------------------------------

def load_content(content_dir: Path | str = CONTENT_DIR) -> Content:
    """Read, validate and cross-check all content. Raises ContentError listing every problem."""
    content_dir = Path(content_dir)
    problems: list[str] = []
    docs: dict[str, _Document] = {}

    def read(path: Path, schema: str):
        try:
            doc = _Document(path, content_dir)
        except ContentError as err:
            problems.extend(err.problems)
            return None
        except FileNotFoundError:
            problems.append(f"{path.relative_to(content_dir).as_posix()}: file is missing")
            return None
        found = _validated(doc, _schema(schema, content_dir))
        problems.extend(found)
        docs[doc.name] = doc
        return None if found else doc

    guide = read(content_dir / "guide.yaml", "guide")
    resources = read(content_dir / "resources.yaml", "resources")

    strategies: list[tuple[str, _Document]] = []
    numbers: dict[str, str] = {}
    for path in sorted((content_dir / "strategies").glob("*.yaml")):
        name = f"strategies/{path.name}"
        match = STRATEGY_FILE.match(path.name)
        if not match:
            problems.append(f"{name}: file name must look like NN-<id>.yaml, e.g. 02-request-feedback.yaml")
            continue
        if match.group(1) in numbers:
            problems.append(f"{name}: number {match.group(1)} is also used by {numbers[match.group(1)]}")
        numbers[match.group(1)] = name
        doc = read(path, "strategy")
        if doc is not None:
            if doc.data["id"] != match.group(2):
                problems.append(_name_mismatch(doc, match.group(2)))
            strategies.append((name, doc))
    if not strategies and not problems:
        problems.append("strategies/: no strategy files found")

    worksheets: dict[str, _Document] = {}
    for path in sorted((content_dir / "worksheets").glob("*.yaml")):
        doc = read(path, "worksheet")
        if doc is None:
            continue
        if doc.data["id"] != path.stem:
            problems.append(_name_mismatch(doc, path.stem))
        worksheets[doc.data["id"]] = doc

    problems.extend(_check_ids(strategies, worksheets))
    if guide and not problems:
        problems.extend(_check_references(guide, strategies, worksheets))
    if problems:
        raise ContentError(problems)
    return Content(
        guide=guide.data,
        strategies=[doc.data for _, doc in strategies],
        resources=resources.data,
        worksheets={k: doc.data for k, doc in worksheets.items()},
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
                if key not in ids and not (doc.data.get("layout") == "log" and key in ("entries", "today")):
                    problems.append(doc.problem(["examples", i, "inputs", key],
                                                f"'{key}' is not a field of this worksheet"))
    return problems


def _check_references(guide, strategies, worksheets) -> list[str]:
    problems = []
    strategy_ids = {doc.data["id"] for _, doc in strategies}
    for _, doc in strategies:
        for i, wid in enumerate(doc.data["worksheets"]):
            if wid not in worksheets:
                known = ", ".join(sorted(worksheets)) or "none"
                problems.append(doc.problem(["worksheets", i], f"unknown worksheet '{wid}' (known: {known})"))
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


def content_dir_for(config) -> Path:
    """The content folder of a MkDocs config: `extra.content_dir`, relative to mkdocs.yml (default content/)."""
    return Path(config["config_file_path"]).parent / config["extra"].get("content_dir", "content")


# One build asks three times (the pages hook, the macros, the assets hook); reading and
# checking content/ takes ~0.2 s. Kept while no file in content/ changes (mkdocs serve).
_loaded: dict[Path, tuple[tuple, Content]] = {}


def _stamp(content_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in content_dir.rglob("*") if p.is_file()))


def load_content_or_fail(config) -> Content:
    """load_content for the build: any problem stops `mkdocs build` with the list.
    Each caller gets its own copy, so none can change what another sees."""
    from mkdocs.exceptions import PluginError

    content_dir = content_dir_for(config)
    try:
        stamp = _stamp(content_dir)
        if content_dir not in _loaded or _loaded[content_dir][0] != stamp:
            _loaded[content_dir] = (stamp, load_content(content_dir))
        return copy.deepcopy(_loaded[content_dir][1])
    except ContentError as err:
        raise PluginError("Problems in content/ (fix these and build again):\n  " + "\n  ".join(err.problems)) from None
