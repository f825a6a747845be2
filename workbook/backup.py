"""The saved-data format: check a backup before it replaces anything, migrate older
versions, write a readable Markdown copy, and tell which saved answers belong to
fields a worksheet no longer has.

A document looks like

    {"format": FORMAT, "version": VERSION, "exported_at": "2026-11-25T10:00:00Z",
     "worksheets": {"reply": {"answers": {"company": "Northwind"}, "updated_at": "..."}},
     "log": [{"id": "...", "application": "...", "date": "2026-11-20", "company": "...",
              "stage": "interview", "outcome": "rejected", ...}]}

The log is a list of updates (events), each an answer to the log worksheet's fields; the
updates that share an `application` id are one application's history, oldest first.

This module is the one place that knows it: the browser's import, the tests and
the Markdown export all go through it. Nothing here raises on a bad document:
every problem becomes a plain-words note, and a document with problems changes
nothing.
"""
from __future__ import annotations

import datetime
import json
import re

from .answers import fits
from .catalogue import say, worksheet
from .output import Output

FORMAT = "job-rejection-workbook"
VERSION = 2
MAX_BACKUP_BYTES = 1_000_000
MAX_TEXT = 20_000           # longest single answer kept from a backup
MAX_LOG_ENTRIES = 2000
# Deepest nesting of lists and tables a backup may have: a document is at most five deep
# (document, worksheets, worksheet, answers, list of choices). Checked on the text before it
# is parsed, so that a file of nested brackets never reaches the parser's recursion (which in
# Pyodide overflows the WebAssembly stack and stops Python).
MAX_DEPTH = 8

# The parts of a document, by format version: (required, optional).
PARTS = {
    0: ({"format", "version", "answers"}, {"exported_at", "log"}),
    1: ({"format", "version", "worksheets", "log"}, {"exported_at"}),
    2: ({"format", "version", "worksheets", "log"}, {"exported_at"}),
}
WORKSHEET_PARTS = {"answers", "earlier", "updated_at"}
# Log entries: the log worksheet's fields, plus the page's bookkeeping.
ENTRY_TIMES = ("created_at", "updated_at")
APPLICATION = "application"   # the id an application's updates share
LOG_WORKSHEET = "log"

_HTML = re.compile(r"<\s*[a-zA-Z!/?]|javascript:", re.IGNORECASE)
_WORKSHEET_ID = re.compile(r"[a-z][a-z0-9-]{0,63}")
_FIELD_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_ENTRY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_LOOKS_LIKE_A_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_BRACKETS_AND_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')

def _text(key: str, **values) -> str:
    """What the person reads about a backup file: content/interface.yaml's backup_file section."""
    return say("backup_file", key, **values)


class Problem(Exception):
    """A document that must not be imported; the message is for the person."""


# --- checking and migrating ------------------------------------------------------

def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether a JSON text nests lists and tables deeper than `limit` (strings skipped)."""
    depth = 0
    for match in _BRACKETS_AND_STRINGS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


def _no_name_twice(pairs: list) -> dict:
    names = [name for name, _ in pairs]
    for name in names:
        if names.count(name) > 1:
            raise Problem(_text("written_twice", name=name[:40]))
    return dict(pairs)


def check_text(text) -> dict:
    """Parse and check a backup file's text. Returns {"ok", "document", "notes"}."""
    notes: list[tuple[str, str, str]] = []
    try:
        if not isinstance(text, str):
            raise Problem(_text("not_json"))
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BACKUP_BYTES:
            raise Problem(_text("too_big", limit=f"{MAX_BACKUP_BYTES // 1_000_000} MB"))
        if too_deep(text):
            raise Problem(_text("too_deep"))
        try:
            data = json.loads(text, object_pairs_hook=_no_name_twice)
        except (ValueError, RecursionError):
            raise Problem(_text("not_json")) from None
        document = check_document(data, notes)
    except Problem as problem:
        return {"ok": False, "document": None, "notes": notes + [("warning", "import_refused", str(problem))]}
    return {"ok": True, "document": document, "notes": notes}


def check_document(data, notes: list | None = None, allow_empty: bool = False) -> dict:
    """A checked, current-version copy of a parsed document; raises Problem when it is not one.
    An empty document is refused unless `allow_empty` (restoring it would erase everything)."""
    notes = [] if notes is None else notes
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Problem(_text("wrong_format"))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Problem(_wrong("version", "not_whole_number"))
    if version > VERSION:
        raise Problem(_text("newer_version", found=version, known=VERSION))
    if version < 0:
        raise Problem(_wrong("version", "negative"))
    _check_parts(data, *PARTS[version])
    for older in range(version, VERSION):
        data = MIGRATIONS[older](data)
    moved: list[str] = []
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _optional_time(data.get("exported_at"), "exported_at"),
        "worksheets": _checked_worksheets(data["worksheets"], moved),
        "log": _checked_log(data["log"]),
    }
    if not allow_empty and not document["log"] \
            and not any(saved["answers"] or saved.get("earlier") for saved in document["worksheets"].values()):
        raise Problem(_text("empty"))
    if version < VERSION:
        notes.append(("info", "migrated", _text("migrated", found=version)))
    if moved:
        notes.append(("info", "kept_earlier", _text("kept_earlier")))
    if _holds_markup(document):
        notes.append(("info", "has_markup", _text("has_markup")))
    return document


def _check_parts(data: dict, required: set, optional: set) -> None:
    unknown = sorted(set(data) - required - optional)
    if unknown:
        raise Problem(_text("unknown_parts", names=", ".join(name[:40] for name in unknown[:5])))
    missing = sorted(required - set(data))
    if missing:
        raise Problem(_text("missing_parts", names=", ".join(missing)))


def _wrong(where: str, what: str, **values) -> Problem:
    """A part of the backup in the wrong shape: `what` names the text in content/interface.yaml's
    backup_shape section."""
    return Problem(_text("wrong_type", where=where, what=say("backup_shape", what, **values)))


def _optional_text(value, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong(where, "not_text")
    if len(value) > MAX_TEXT:
        raise _wrong(where, "too_long")
    return value


def _optional_time(value, where: str) -> str | None:
    """A date and time as the page writes them (ISO 8601, e.g. 2026-11-25T10:00:00.000Z)."""
    value = _optional_text(value, where)
    if value is not None:
        try:
            datetime.datetime.fromisoformat(value)
        except ValueError:
            raise _wrong(where, "not_date_time") from None
    return value


def _answer(value, where: str):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise _wrong(where, "not_number")
        return value
    if isinstance(value, str):
        return _optional_text(value, where)
    if isinstance(value, list) and len(value) <= 100:
        return [_optional_text(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise _wrong(where, "not_answer")


def _real_date(value, field: dict | None, where: str) -> None:
    """A value in a date field that is written like a date must be one (not 2026-02-31)."""
    if field is None or field.get("type") != "date" or not isinstance(value, str):
        return
    if _LOOKS_LIKE_A_DATE.fullmatch(value.strip()):
        try:
            datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise _wrong(where, "not_real_date", value=value.strip()) from None


def _answers(answers, where: str, fields: dict[str, dict]) -> dict:
    if not isinstance(answers, dict):
        raise _wrong(where, "not_answer_table")
    checked = {}
    for field_id, value in answers.items():
        if not _FIELD_ID.fullmatch(field_id):
            raise _wrong(f"{where}.{field_id[:40]!r}", "not_field_name")
        checked[field_id] = _answer(value, f"{where}.{field_id}")
        _real_date(checked[field_id], fields.get(field_id), f"{where}.{field_id}")
    return checked


def _fields_of(worksheet_id: str) -> dict[str, dict]:
    definition = worksheet(worksheet_id) or {}
    return {f.get("id"): f for f in definition.get("fields", []) if isinstance(f, dict)}


def set_aside(answers: dict, fields: dict[str, dict]) -> tuple[dict, dict]:
    """(answers that fit today's fields, answers that no longer do). Of a list of choices, only
    the choices the field no longer offers are set aside. Answers under a field the worksheet
    no longer has stay with the answers: earlier_answers shows them aside."""
    keep, aside = {}, {}
    for field_id, value in answers.items():
        field = fields.get(field_id)
        if field is None or fits(field, value):
            keep[field_id] = value
            continue
        if field.get("type") == "multi_choice" and isinstance(value, list):
            offered = {o.get("value") for o in field.get("options", []) if isinstance(o, dict)}
            still = [v for v in value if v in offered]
            if still and len(still) < len(value) and fits(field, still):
                keep[field_id], aside[field_id] = still, [v for v in value if v not in offered]
                continue
        aside[field_id] = value
    return keep, aside


def _checked_worksheets(worksheets, moved: list) -> dict:
    if not isinstance(worksheets, dict):
        raise _wrong("worksheets", "not_worksheet_table")
    checked = {}
    for wid, saved in worksheets.items():
        if not _WORKSHEET_ID.fullmatch(wid):
            raise _wrong(f"worksheets.{wid[:40]!r}", "not_worksheet_name")
        if not isinstance(saved, dict):
            raise _wrong(f"worksheets.{wid}", "not_answer_table")
        unknown = set(saved) - WORKSHEET_PARTS
        if unknown:
            raise _wrong(f"worksheets.{wid}", "unknown_parts", names=', '.join(sorted(unknown))[:80])
        fields = _fields_of(wid)
        answers = _answers(saved.get("answers", {}), f"worksheets.{wid}.answers", fields)
        earlier = _answers(saved.get("earlier", {}), f"worksheets.{wid}.earlier", {})
        answers, aside = set_aside(answers, fields)
        if aside:
            moved.extend(f"{wid}.{field_id}" for field_id in aside)
        record = {"answers": answers, "updated_at": _optional_time(saved.get("updated_at"), f"worksheets.{wid}")}
        if earlier or aside:
            record["earlier"] = {**earlier, **aside}
        checked[wid] = record
    return checked


def _checked_log(log) -> list:
    """Log entries are checked like answers: field names to plain values. Which fields an entry
    has follows the log worksheet's YAML, so a renamed field's old values are kept, not refused.
    Each entry has an id, unique in the log: the page edits and deletes entries by it. An entry
    without one (from an older copy of the site) is given one. Each names its application, the
    id its updates share; an entry without one is an application of its own."""
    if not isinstance(log, list):
        raise _wrong("log", "not_entry_list")
    if len(log) > MAX_LOG_ENTRIES:
        raise _wrong("log", "too_many_entries", count=MAX_LOG_ENTRIES)
    fields = _fields_of(LOG_WORKSHEET)
    checked, ids = [], set()
    for i, entry in enumerate(log):
        if not isinstance(entry, dict):
            raise _wrong(f"log[{i}]", "not_entry")
        clean = {}
        for key, value in entry.items():
            if not _FIELD_ID.fullmatch(key):
                raise _wrong(f"log[{i}].{key[:40]!r}", "not_field_name")
            if key in ENTRY_TIMES:
                clean[key] = _optional_time(value, f"log[{i}].{key}")
                continue
            if key == APPLICATION:
                if not (isinstance(value, str) and _ENTRY_ID.fullmatch(value)):
                    raise _wrong(f"log[{i}].{key}", "bad_entry_id")
                clean[key] = value
                continue
            clean[key] = _answer(value, f"log[{i}].{key}")
            _real_date(clean[key], fields.get(key), f"log[{i}].{key}")
        if "id" in clean:
            if not (isinstance(clean["id"], str) and _ENTRY_ID.fullmatch(clean["id"])):
                raise _wrong(f"log[{i}].id", "bad_entry_id")
            if clean["id"] in ids:
                raise _wrong(f"log[{i}].id", "entry_id_twice", id=clean["id"])
            ids.add(clean["id"])
        checked.append(clean)
    number = 0
    for entry in checked:
        if "id" not in entry:
            number += 1
            while f"entry-{number}" in ids:
                number += 1
            entry["id"] = f"entry-{number}"
            ids.add(entry["id"])
    for entry in checked:
        entry.setdefault(APPLICATION, f"application-{entry['id']}"[:64])
    return checked


def _holds_markup(value) -> bool:
    if isinstance(value, str):
        return bool(_HTML.search(value))
    if isinstance(value, dict):
        return any(_holds_markup(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_markup(v) for v in value)
    return False


def _from_version_0(data: dict) -> dict:
    """Version 0 kept every worksheet's answers in one flat table ("answers": {id: {field: value}})
    and called the log's stage "stage_reached", with feedback as "yes"/"no" text."""
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        raise _wrong("answers", "not_worksheet_table")
    log = data.get("log", [])
    if not isinstance(log, list):
        raise _wrong("log", "not_entry_list")
    entries = []
    for i, entry in enumerate(log):
        if not isinstance(entry, dict):
            raise _wrong(f"log[{i}]", "not_entry")
        entry = dict(entry)
        if "stage_reached" in entry:
            entry["stage"] = entry.pop("stage_reached")
        if isinstance(entry.get("feedback"), str):
            entry["feedback"] = entry["feedback"].strip().lower() in ("yes", "true", "y")
        entries.append(entry)
    return {
        "exported_at": data.get("exported_at"),
        "worksheets": {wid: {"answers": saved} for wid, saved in answers.items()},
        "log": entries,
    }


def _from_version_1(data: dict) -> dict:
    """Version 1's log held rejections only, one entry each, with no link between entries.
    Each becomes an application of its own with one update: the rejection, at the stage it
    came (the outcome whose status is `rejected` in the log worksheet's YAML). Nothing else
    changes, so nothing is lost; the page links updates to applications from now on."""
    rejected = next((o.get("value") for o in _fields_of(LOG_WORKSHEET).get("outcome", {}).get("options", [])
                     if isinstance(o, dict) and o.get("status") == "rejected"), None)
    log = data.get("log")
    if not isinstance(log, list) or rejected is None:
        return data   # a log that is not a list is refused by the check that follows
    return {**data, "log": [{**entry, "outcome": rejected}
                            if isinstance(entry, dict) and entry.get("outcome") is None else entry
                            for entry in log]}


MIGRATIONS = {0: _from_version_0, 1: _from_version_1}


# --- what the page asks for ------------------------------------------------------

def import_check(inputs: dict, out: Output) -> dict:
    """Check a backup's text; the output says what it holds, and `data` carries the document."""
    result = check_text(inputs.get("text") if isinstance(inputs, dict) else None)
    for level, code, text in result["notes"]:
        out.note(code, text, level)
    if result["ok"]:
        document = result["document"]
        counts = {"worksheets": len(document["worksheets"]), "entries": len(document["log"])}
        if document["exported_at"]:
            out.paragraph(_text("summary", date=document["exported_at"][:10], **counts))
        else:
            out.paragraph(_text("summary_undated", **counts))
        out.bullet_list([_title_of(wid) for wid in document["worksheets"]])
    return {"ok": result["ok"], "document": result["document"]}


def earlier_answers(inputs: dict, out: Output) -> dict:
    """Saved answers kept aside on a worksheet, listed with their values: those under a field it
    no longer has (`fields`), those in its `earlier` table, and those whose value no longer fits
    today's field (`misfits`, which the page then moves into the `earlier` table)."""
    inputs = inputs if isinstance(inputs, dict) else {}
    wid = inputs.get("worksheet")
    answers = inputs.get("answers") if isinstance(inputs.get("answers"), dict) else {}
    earlier = inputs.get("earlier") if isinstance(inputs.get("earlier"), dict) else {}
    if not isinstance(wid, str) or worksheet(wid) is None:
        return {"fields": [], "misfits": {}, "fitting": {}, "shown": False}
    fields = _fields_of(wid)
    keep, misfits = set_aside(answers, fields)
    gone = {k: v for k, v in answers.items() if k not in fields and v not in (None, "", [], False)}
    shown = {k: v for k, v in {**gone, **earlier, **misfits}.items() if v not in (None, "", [])}
    if shown:
        out.paragraph(_text("earlier_intro"))
        out.bullet_list([f"{_name_of(fields.get(k), k)}: {_plain(v)}" for k, v in shown.items()],
                        title=_text("earlier_title"))
    # For each misfit, what stays in the live field (the choices still offered), if anything.
    fitting = {k: keep[k] for k in misfits if k in keep}
    return {"fields": sorted(gone), "misfits": misfits, "fitting": fitting, "shown": bool(shown)}


def markdown(inputs: dict, out: Output) -> dict:
    """A readable Markdown copy of a (checked) document."""
    try:
        document = check_document(inputs.get("document") if isinstance(inputs, dict) else None, allow_empty=True)
    except Problem as problem:
        out.warning("export_refused", str(problem))
        return {"markdown": None}
    return {"markdown": to_markdown(document)}


def to_markdown(document: dict) -> str:
    lines = ["# " + _text("copy_title"), ""]
    if document["exported_at"]:
        lines += [_text("copy_saved", date=document["exported_at"]), ""]
    for wid, saved in document["worksheets"].items():
        fields = _fields_of(wid)
        lines += [f"## {_title_of(wid)}", ""]
        earlier = []
        for field_id, value in saved["answers"].items():
            if value in (None, "", []):
                continue
            if field_id not in fields:
                earlier.append(f"- {_name_of(None, field_id)}: {_plain(value)}")
                continue
            field = fields[field_id]
            lines.append(f"- **{field.get('label', field_id)}**: {_plain(answer_label(field, value))}")
        earlier += [f"- {_name_of(fields.get(k), k)}: {_plain(v)}" for k, v in saved.get("earlier", {}).items()
                    if v not in (None, "", [])]
        if earlier:
            lines += ["", "### " + _text("earlier_title"), "", *earlier]
        lines.append("")
    if document["log"]:
        # As in the spreadsheet file: each update by date, numbered by its application, then one
        # column per field of the log worksheet, headed by its label, as on the log page.
        from .log_export import application_numbers, application_of, in_date_order  # it imports this module

        columns = list(_fields_of(LOG_WORKSHEET).values())
        numbers = application_numbers(document["log"])
        lines += [f"## {_title_of(LOG_WORKSHEET)}", "",
                  "| " + " | ".join(_cell(label) for label in [say("log_export", "application")]
                                    + [f.get("label", f["id"]) for f in columns]) + " |",
                  "|" + "---|" * (len(columns) + 1)]
        for entry in in_date_order(document["log"]):
            cells = [str(numbers[application_of(entry)])] + [answer_label(f, entry.get(f["id"])) for f in columns]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _name_of(field: dict | None, field_id: str) -> str:
    """How a kept-aside answer is introduced: its field's label, or its name in words."""
    if field and isinstance(field.get("label"), str):
        return field["label"]
    return field_id.replace("_", " ")


def _title_of(wid: str) -> str:
    definition = worksheet(wid)
    return definition.get("title", wid) if definition else wid


def answer_label(field: dict, value):
    """An answer as the form shows it: an option's label, Yes or No, a list of labels."""
    labels = {o.get("value"): o.get("label") for o in field.get("options", [])}
    if isinstance(value, list):
        return [labels.get(v, v) for v in value]
    if isinstance(value, bool) and field.get("type") == "yes_no":
        return say("answers", "yes" if value else "no")
    return labels.get(value, value)


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split("\n"))


def _cell(value) -> str:
    return _plain(value or "").replace("|", "\\|")


TASKS = {"backup-check": import_check, "backup-markdown": markdown, "earlier-answers": earlier_answers}
