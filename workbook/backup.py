"""The saved-data format: check a backup before it replaces anything, migrate older
versions, write a readable Markdown copy, and tell which saved answers belong to
fields a worksheet no longer has.

A document looks like

    {"format": FORMAT, "version": VERSION, "exported_at": "2026-11-25T10:00:00Z",
     "worksheets": {"reply": {"answers": {"company": "Northwind"}, "updated_at": "..."}},
     "log": [{"id": "...", "date": "2026-11-20", "company": "...", "stage": "interview", ...}]}

This module is the one place that knows it: the browser's import, the tests and
the Markdown export all go through it. Nothing here raises on a bad document:
every problem becomes a plain-words note, and a document with problems changes
nothing.
"""
from __future__ import annotations

import json
import re

from .catalogue import worksheet
from .output import Output

FORMAT = "job-rejection-workbook"
VERSION = 1
MAX_BACKUP_BYTES = 1_000_000
MAX_TEXT = 20_000           # longest single answer kept from a backup
MAX_LOG_ENTRIES = 2000

_HTML = re.compile(r"<\s*[a-zA-Z!/?]|javascript:", re.IGNORECASE)
_WORKSHEET_ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
_FIELD_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")

TEXT = {
    "too_big": "This file is larger than 1 MB, so it cannot be a backup from this site. Nothing was changed.",
    "not_json": "This file is not a backup from this site: it is not a JSON file. Nothing was changed.",
    "wrong_format": "This file is not a backup from this workbook. Nothing was changed.",
    "newer_version": ("This backup was made by a newer version of the workbook (format {found}; this site "
                      "reads up to {known}). Open it on the newer site, or update this copy. Nothing was changed."),
    "wrong_type": "Part of this backup is not in the expected shape ({where}: {what}). Nothing was changed.",
    "has_markup": ("Some answers contain text that looks like HTML or a script. It will be kept and shown "
                   "as plain text, never run."),
    "migrated": ("This backup uses an older format (version {found}); it was brought up to date. "
                 "Nothing in it was lost."),
    "summary": "This backup was saved on {date}. It holds answers for {worksheets} worksheet(s) and {entries} log "
               "entry(ies).",
    "summary_undated": "This backup holds answers for {worksheets} worksheet(s) and {entries} log entry(ies).",
    "earlier_title": "Answers from an earlier version",
    "earlier_intro": ("This worksheet has changed since you wrote these. They are kept safe here and in your "
                      "backups until you dismiss them."),
}


class Problem(Exception):
    """A document that must not be imported; the message is for the person."""


# --- checking and migrating ------------------------------------------------------

def check_text(text) -> dict:
    """Parse and check a backup file's text. Returns {"ok", "document", "notes"}."""
    notes: list[tuple[str, str, str]] = []
    try:
        if not isinstance(text, str):
            raise Problem(TEXT["not_json"])
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BACKUP_BYTES:
            raise Problem(TEXT["too_big"])
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise Problem(TEXT["not_json"]) from None
        document = check_document(data, notes)
    except Problem as problem:
        return {"ok": False, "document": None, "notes": notes + [("warning", "import_refused", str(problem))]}
    return {"ok": True, "document": document, "notes": notes}


def check_document(data, notes: list | None = None) -> dict:
    """A checked, current-version copy of a parsed document; raises Problem when it is not one."""
    notes = [] if notes is None else notes
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Problem(TEXT["wrong_format"])
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Problem(TEXT["wrong_type"].format(where="version", what="must be a whole number"))
    if version > VERSION:
        raise Problem(TEXT["newer_version"].format(found=version, known=VERSION))
    if version < 0:
        raise Problem(TEXT["wrong_type"].format(where="version", what="must not be negative"))
    if version < VERSION:
        data = MIGRATIONS[version](data)
        notes.append(("info", "migrated", TEXT["migrated"].format(found=version)))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _optional_text(data.get("exported_at"), "exported_at"),
        "worksheets": _checked_worksheets(data.get("worksheets", {})),
        "log": _checked_log(data.get("log", [])),
    }
    if _holds_markup(document):
        notes.append(("info", "has_markup", TEXT["has_markup"]))
    return document


def _wrong(where: str, what: str) -> Problem:
    return Problem(TEXT["wrong_type"].format(where=where, what=what))


def _optional_text(value, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong(where, "must be text")
    if len(value) > MAX_TEXT:
        raise _wrong(where, "is too long")
    return value


def _answer(value, where: str):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise _wrong(where, "must be a number")
        return value
    if isinstance(value, str):
        return _optional_text(value, where)
    if isinstance(value, list) and len(value) <= 100:
        return [_optional_text(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise _wrong(where, "must be text, a number, yes/no or a list of texts")


def _checked_worksheets(worksheets) -> dict:
    if not isinstance(worksheets, dict):
        raise _wrong("worksheets", "must be a table of worksheets")
    checked = {}
    for wid, saved in worksheets.items():
        if not _WORKSHEET_ID.match(wid):
            raise _wrong(f"worksheets.{wid[:40]}", "is not a worksheet name")
        if not isinstance(saved, dict) or not isinstance(saved.get("answers", {}), dict):
            raise _wrong(f"worksheets.{wid}", "must hold a table of answers")
        unknown = set(saved) - {"answers", "updated_at"}
        if unknown:
            raise _wrong(f"worksheets.{wid}", f"has unknown parts: {', '.join(sorted(unknown))}")
        answers = {}
        for field_id, value in saved.get("answers", {}).items():
            if not _FIELD_ID.match(field_id):
                raise _wrong(f"worksheets.{wid}.answers.{field_id[:40]}", "is not a field name")
            answers[field_id] = _answer(value, f"worksheets.{wid}.answers.{field_id}")
        checked[wid] = {"answers": answers, "updated_at": _optional_text(saved.get("updated_at"), f"worksheets.{wid}")}
    return checked


def _checked_log(log) -> list:
    """Log entries are checked like answers: field names to plain values. Which fields an entry
    has follows the log worksheet's YAML, so a renamed field's old values are kept, not refused."""
    if not isinstance(log, list):
        raise _wrong("log", "must be a list of entries")
    if len(log) > MAX_LOG_ENTRIES:
        raise _wrong("log", f"has more than {MAX_LOG_ENTRIES} entries")
    checked = []
    for i, entry in enumerate(log):
        if not isinstance(entry, dict):
            raise _wrong(f"log[{i}]", "must be an entry")
        clean = {}
        for key, value in entry.items():
            if not _FIELD_ID.match(key):
                raise _wrong(f"log[{i}].{key[:40]}", "is not a field name")
            clean[key] = _answer(value, f"log[{i}].{key}")
        checked.append(clean)
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
        raise _wrong("answers", "must be a table of worksheets")
    log = data.get("log", [])
    if not isinstance(log, list):
        raise _wrong("log", "must be a list of entries")
    entries = []
    for i, entry in enumerate(log):
        if not isinstance(entry, dict):
            raise _wrong(f"log[{i}]", "must be an entry")
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


MIGRATIONS = {0: _from_version_0}


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
            out.paragraph(TEXT["summary"].format(date=document["exported_at"][:10], **counts))
        else:
            out.paragraph(TEXT["summary_undated"].format(**counts))
        out.bullet_list([_title_of(wid) for wid in document["worksheets"]])
    return {"ok": result["ok"], "document": result["document"]}


def earlier_answers(inputs: dict, out: Output) -> dict:
    """Saved answers whose field the worksheet no longer has, listed with their values."""
    inputs = inputs if isinstance(inputs, dict) else {}
    wid = inputs.get("worksheet")
    answers = inputs.get("answers")
    definition = worksheet(wid) if isinstance(wid, str) else None
    if definition is None or not isinstance(answers, dict):
        return {"fields": []}
    current = {f.get("id") for f in definition.get("fields", [])}
    earlier = {k: v for k, v in answers.items() if k not in current and v not in (None, "", [], False)}
    if earlier:
        out.paragraph(TEXT["earlier_intro"])
        out.bullet_list([f"{k.replace('_', ' ')}: {_plain(v)}" for k, v in earlier.items()],
                        title=TEXT["earlier_title"])
    return {"fields": sorted(earlier)}


def markdown(inputs: dict, out: Output) -> dict:
    """A readable Markdown copy of a (checked) document."""
    try:
        document = check_document(inputs.get("document") if isinstance(inputs, dict) else None)
    except Problem as problem:
        out.warning("export_refused", str(problem))
        return {"markdown": None}
    return {"markdown": to_markdown(document)}


def to_markdown(document: dict) -> str:
    lines = ["# My job-rejection workbook", ""]
    if document["exported_at"]:
        lines += [f"Saved {document['exported_at']}", ""]
    for wid, saved in document["worksheets"].items():
        definition = worksheet(wid) or {}
        fields = {f.get("id"): f for f in definition.get("fields", [])}
        lines += [f"## {_title_of(wid)}", ""]
        earlier = []
        for field_id, value in saved["answers"].items():
            if value in (None, "", []):
                continue
            if field_id not in fields:
                earlier.append(f"- {field_id.replace('_', ' ')}: {_plain(value)}")
                continue
            field = fields[field_id]
            lines.append(f"- **{field.get('label', field_id)}**: {_plain(_label_of(field, value))}")
        if earlier:
            lines += ["", f"### {TEXT['earlier_title']}", "", *earlier]
        lines.append("")
    if document["log"]:
        log_fields = {f.get("id"): f for f in (worksheet("log") or {}).get("fields", [])}
        lines += [f"## {_title_of('log')}", "",
                  "| Date | Company | Role | Stage | Feedback | Note |", "|---|---|---|---|---|---|"]
        for entry in document["log"]:
            stage = _label_of(log_fields.get("stage", {}), entry.get("stage"))
            cells = [entry.get("date"), entry.get("company"), entry.get("role"), stage,
                     {True: "yes", False: "no"}.get(entry.get("feedback"), ""), entry.get("note")]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _title_of(wid: str) -> str:
    definition = worksheet(wid)
    return definition.get("title", wid) if definition else wid


def _label_of(field: dict, value):
    labels = {o.get("value"): o.get("label") for o in field.get("options", [])}
    if isinstance(value, list):
        return [labels.get(v, v) for v in value]
    if isinstance(value, bool) and field.get("type") == "yes_no":
        return "yes" if value else "no"
    return labels.get(value, value)


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split("\n"))


def _cell(value) -> str:
    return _plain(value or "").replace("|", "\\|")


TASKS = {"backup-check": import_check, "backup-markdown": markdown, "earlier-answers": earlier_answers}
