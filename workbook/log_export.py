"""The log as a record a person can hand over (some unemployment offices ask for proof of the
search): a spreadsheet file (CSV) with one row per update, and a printable history of each
application. Both read the log's entries as the page stores them (backup.py's format) and the
log worksheet's fields and labels, so a renamed label or a new field reaches them with no code.

The CSV follows RFC 4180 (CRLF line ends, a field quoted when it holds a comma, a quote or a
line break, quotes doubled), in UTF-8 with a byte-order mark, which Excel needs to read UTF-8
and LibreOffice accepts. A cell a person typed that starts with = + - @ or a tab would run as a
formula in a spreadsheet: it gets a leading apostrophe (OWASP's advice for CSV files), which
spreadsheets show as text.
"""
from __future__ import annotations

import datetime

from .answers import NotUnderstood, read_date
from .backup import APPLICATION, LOG_WORKSHEET, MAX_LOG_ENTRIES, answer_label
from .catalogue import say, worksheet
from .dates import friendly_date
from .output import Output

BYTE_ORDER_MARK = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(key: str, **values) -> str:
    return say("log_export", key, **values)


def _fields() -> list[dict]:
    definition = worksheet(LOG_WORKSHEET) or {}
    return [f for f in definition.get("fields", []) if isinstance(f, dict) and isinstance(f.get("id"), str)]


def _entries(inputs) -> list[dict]:
    raw = inputs.get("entries") if isinstance(inputs, dict) else None
    return [e for e in raw[:MAX_LOG_ENTRIES] if isinstance(e, dict)] if isinstance(raw, list) else []


def _date_of(entry: dict) -> datetime.date | None:
    try:
        return read_date(entry.get("date"))
    except NotUnderstood:
        return None


def in_date_order(entries: list[dict]) -> list[dict]:
    """Oldest first; updates of one day, and undated ones (at the end), in the order added."""
    return sorted(entries, key=lambda e: (_date_of(e) is None, _date_of(e) or datetime.date.min))


def application_numbers(entries: list[dict]) -> dict[str, int]:
    """1, 2, 3... for each application, in the order of its first update by date."""
    numbers: dict[str, int] = {}
    for entry in in_date_order(entries):
        numbers.setdefault(application_of(entry), len(numbers) + 1)
    return numbers


def application_of(entry: dict) -> str:
    """The id an entry's application has (one of its own when it names none)."""
    application = entry.get(APPLICATION)
    return application if isinstance(application, str) and application else f"#{id(entry)}"


def cell(field: dict, value) -> str:
    """What a spreadsheet cell shows for one answer: option labels, Yes/No, lists joined."""
    shown = answer_label(field, value)
    if shown is None:
        return ""
    text = ", ".join(str(v) for v in shown) if isinstance(shown, list) else str(shown)
    if field.get("type") in ("text", "textarea", "email") and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def application_name(fields: list[dict], latest: dict) -> str:
    """An application as a person names it: the answers of its latest update in the text fields
    the YAML marks about_application (company, role), joined; empty when none is given."""
    naming = [f for f in fields if isinstance(f, dict) and f.get("about_application") and f.get("type") == "text"]
    parts = [latest.get(f["id"]).strip() for f in naming if isinstance(latest.get(f["id"]), str)]
    return ", ".join(part for part in parts if part)


def csv_field(text: str) -> str:
    """One field as RFC 4180 writes it: in quotes, with each quote doubled, when it holds a
    comma, a quote or a line break. (Written here rather than with the csv module, which would
    add its source to every first visit; the tests read the file with csv and LibreOffice.)"""
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def csv_text(entries: list[dict]) -> str:
    fields = _fields()
    numbers = application_numbers(entries)
    rows = [[_text("application")] + [f.get("label", f["id"]) for f in fields]]
    for entry in in_date_order(entries):
        rows.append([str(numbers[application_of(entry)])] + [cell(f, entry.get(f["id"])) for f in fields])
    return BYTE_ORDER_MARK + "".join(",".join(csv_field(c) for c in row) + "\r\n" for row in rows)


def log_csv(inputs: dict, out: Output) -> dict:
    """The log as a CSV file: {"csv": text, "file_name": ...}."""
    try:
        today = read_date(inputs.get("today")) if isinstance(inputs, dict) else None
    except NotUnderstood:
        today = None
    name = _text("file_name") + (f"-{today.isoformat()}" if today else "") + ".csv"
    return {"csv": csv_text(_entries(inputs)), "file_name": name}


def log_record(inputs: dict, out: Output) -> dict:
    """A printable history: for each application, in the order it started, its updates by
    date, one line each. The page prints it with the rest of the log."""
    entries = _entries(inputs)
    fields = {f["id"]: f for f in _fields()}
    if not entries:
        out.paragraph(_text("record_empty"))
        return {"applications": 0}
    numbers = application_numbers(entries)
    out.paragraph(_text("record_intro", applications=len(numbers), updates=len(entries)))
    histories: dict[str, list[dict]] = {application: [] for application in numbers}
    for entry in in_date_order(entries):
        histories[application_of(entry)].append(entry)
    for application, history in histories.items():
        name = application_name(list(fields.values()), history[-1])
        title = _text("record_application", number=numbers[application], name=name or _text("record_unnamed"))
        out.bullet_list([_step(entry, fields) for entry in history], title=title)
    return {"applications": len(numbers)}


def _step(entry: dict, fields: dict[str, dict]) -> str:
    """One update in words: its date, then each other answer about the update (not about the
    application) with its label, in the form's order."""
    date = _date_of(entry)
    parts = [_text("record_answer", label=field.get("label", fid), answer=cell(field, entry.get(fid)))
             for fid, field in fields.items()
             if field.get("type") != "date" and not field.get("about_application") and cell(field, entry.get(fid))]
    when = friendly_date(date) if date else _text("record_undated")
    return _text("record_step", date=when, what="; ".join(parts))


TASKS = {"log-csv": log_csv, "log-record": log_record}
