"""Bad backups, each refused by the engine with its message and nothing in `document`.

The ten most harmful of these also go through the page in Chromium
(tests/browser/test_storage.py), where the stored answers are compared byte for byte.
"""
from __future__ import annotations

import json

import pytest

FMT = "job-rejection-workbook"
GOOD_ENTRY = {"id": "a1", "date": "2026-11-20", "company": "Contoso", "stage": "interview"}


def doc(**parts) -> str:
    base = {"format": FMT, "version": 2, "exported_at": "2026-11-25T10:00:00Z",
            "worksheets": {"reply": {"answers": {"company": "Northwind"}}}, "log": [GOOD_ENTRY]}
    return json.dumps({**base, **parts})


def entry(**fields) -> dict:
    return {**GOOD_ENTRY, **fields}


SHAPE = "Part of this backup is not in the expected shape ({}). Nothing was changed."
UNKNOWN = ("This backup has parts this workbook does not know ({}), so it may be damaged or written by another "
           "app. Nothing was changed.")
MISSING = "This backup is missing a part it needs ({}). Nothing was changed."
EMPTY = ("This backup holds no answers and no log entries, so restoring it would only erase what you have. "
         "Nothing was changed.")
NOT_JSON = "This file is not a backup from this site: it is not a JSON file. Nothing was changed."
TOO_DEEP = "This file is nested far deeper than any backup from this site, so it is not one. Nothing was changed."
NOT_OURS = "This file is not a backup from this workbook. Nothing was changed."

BAD = [
    ("not JSON", "this is { not json", NOT_JSON),
    ("another app's file", json.dumps({"name": "my playlist"}), NOT_OURS),
    ("a JSON list", "[1, 2, 3]", NOT_OURS),
    ("a newer version", doc(version=3), "This backup was made by a newer version of the workbook (format 3; this "
                                        "site reads up to 2). Open it on the newer site, or update this copy. "
                                        "Nothing was changed."),
    ("over 1 MB", doc(exported_at="x" * 1_000_000), "This file is larger than 1 MB, so it cannot be a backup from "
                                                    "this site. Nothing was changed."),
    ("version as text", doc(version="1"), SHAPE.format("version: must be a whole number")),
    ("negative version", doc(version=-1), SHAPE.format("version: must not be negative")),
    ("an answer that is a table", doc(worksheets={"reply": {"answers": {"company": {"x": 1}}}}),
     SHAPE.format("worksheets.reply.answers.company: must be text, a number, yes/no or a list of texts")),
    ("log that is not a list", doc(log="not a list"), SHAPE.format("log: must be a list of entries")),
    ("an entry that is text", doc(log=["Contoso"]), SHAPE.format("log[0]: must be an entry")),
    ("two entries with one id", doc(log=[entry(), entry(company="Fabrikam")]),
     SHAPE.format("log[1].id: 'a1' is used by two entries")),
    ("an id that is a list", doc(log=[entry(id=["a", "b"])]),
     SHAPE.format("log[0].id: must be a short name of letters, digits, - and _")),
    ("an empty id", doc(log=[entry(id="")]), SHAPE.format("log[0].id: must be a short name of letters, digits, "
                                                          "- and _")),
    ("an id with spaces and a quote", doc(log=[entry(id='a" onclick="x')]),
     SHAPE.format("log[0].id: must be a short name of letters, digits, - and _")),
    ("30 February", doc(log=[entry(date="2026-02-31")]), SHAPE.format("log[0].date: 2026-02-31 is not a real date")),
    ("month 13", doc(log=[entry(date="2026-13-45")]), SHAPE.format("log[0].date: 2026-13-45 is not a real date")),
    ("an impossible date in a worksheet",
     doc(worksheets={"recharge": {"answers": {"back_on": "2026-04-31"}}}),
     SHAPE.format("worksheets.recharge.answers.back_on: 2026-04-31 is not a real date")),
    ("a worksheet name with a line break", doc(worksheets={"reply\n": {"answers": {"company": "N"}}}),
     SHAPE.format("worksheets.'reply\\n': is not a worksheet name")),
    ("a field name with a line break", doc(worksheets={"reply": {"answers": {"company\n": "N"}}}),
     SHAPE.format("worksheets.reply.answers.'company\\n': is not a field name")),
    ("a worksheet name in capitals", doc(worksheets={"Reply": {"answers": {"company": "N"}}}),
     SHAPE.format("worksheets.'Reply': is not a worksheet name")),
    ("'worksheet' misspelt", json.dumps({"format": FMT, "version": 2, "worksheet": {}, "log": []}),
     UNKNOWN.format("worksheet")),
    ("'logs' misspelt", json.dumps({"format": FMT, "version": 2, "worksheets": {}, "logs": []}),
     UNKNOWN.format("logs")),
    ("no worksheets and no log", json.dumps({"format": FMT, "version": 2}), MISSING.format("log, worksheets")),
    ("version 0 with version 1's parts", json.dumps({"format": FMT, "version": 0, "answers": {},
                                                      "worksheets": {"reply": {"answers": {"company": "N"}}}}),
     UNKNOWN.format("worksheets")),
    ("60 KB of nested brackets", "[" * 30_000 + "]" * 30_000, TOO_DEEP),
    ("nested deeper than a backup", doc(worksheets={"reply": {"answers": {"company": [[[[[["x"]]]]]]}}}), TOO_DEEP),
    ("a name written twice", '{"format": "' + FMT + '", "version": 2, "worksheets": {}, "worksheets": {}, "log": []}',
     "A name is written twice in this backup (worksheets), so it is not clear which answer to keep. "
     "Nothing was changed."),
    ("nothing in it", doc(worksheets={}, log=[]), EMPTY),
    ("version 0 that turns out empty", json.dumps({"format": FMT, "version": 0, "answers": {}, "log": []}), EMPTY),
    ("saved at 'yesterday'", doc(exported_at="yesterday"), SHAPE.format("exported_at: is not a real date and time")),
    ("an impossible time", doc(worksheets={"reply": {"answers": {"company": "N"}, "updated_at": "2026-11-25T25:00"}}),
     SHAPE.format("worksheets.reply: is not a real date and time")),
    ("a misspelt part of a worksheet", doc(worksheets={"reply": {"answer": {"company": "N"}}}),
     SHAPE.format("worksheets.reply: has unknown parts: answer")),
    ("too many entries", doc(log=[entry(id=f"e{i}") for i in range(2001)]),
     SHAPE.format("log: has more than 2000 entries")),
    ("not a number", doc(worksheets={"check-in": {"answers": {"intensity": float("nan")}}}),
     SHAPE.format("worksheets.check-in.answers.intensity: must be a number")),
    ("an answer over 20 000 characters", doc(worksheets={"reply": {"answers": {"personal_note": "x" * 20_001}}}),
     SHAPE.format("worksheets.reply.answers.personal_note: is too long")),
    ("a field name that is a JavaScript trap", doc(worksheets={"reply": {"answers": {"__proto__": {"x": 1}}}}),
     SHAPE.format("worksheets.reply.answers.'__proto__': is not a field name")),
    ("an entry time that is not a time", doc(log=[entry(created_at="soon")]),
     SHAPE.format("log[0].created_at: is not a real date and time")),
    # Version 2: each update names its application by an id the page can use as it stands.
    ("an application named by markup", doc(log=[entry(application="<img src=x onerror=alert(1)>")]),
     SHAPE.format("log[0].application: must be a short name of letters, digits, - and _")),
    ("an application that is not text", doc(log=[entry(application={"id": "a"})]),
     SHAPE.format("log[0].application: must be a short name of letters, digits, - and _")),
    ("a version 1 log that is not a list", doc(version=1, log={"entries": []}),
     SHAPE.format("log: must be a list of entries")),
]


def test_at_least_thirty_kinds():
    assert len(BAD) >= 30 and len({name for name, _, _ in BAD}) == len(BAD)


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[name for name, _, _ in BAD])
def test_a_bad_backup_is_refused_with_its_message(engine, name, text, message):
    out = engine.task("backup-check", {"text": text})
    assert out["data"] == {"ok": False, "document": None}
    refusals = [n["text"] for n in out["notes"] if n["code"] == "import_refused"]
    assert refusals == [message]
    assert out["blocks"] == [], "nothing is described as if it could be imported"
