"""The saved-data format (workbook/backup.py): check, migrate, export as Markdown."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from workbook.backup import FORMAT, MAX_BACKUP_BYTES, VERSION, check_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

@pytest.fixture(scope="module", autouse=True)
def real_worksheets(worksheets, tone, interface):
    """Backups are checked against the worksheets they belong to: the real ones, installed for
    this module whatever an earlier test installed."""
    import workbook

    workbook.use_content(worksheets, tone, interface)


GOOD = {
    "format": "job-rejection-workbook",
    "version": 2,
    "exported_at": "2026-11-25T10:00:00Z",
    "worksheets": {
        "reply": {"answers": {"company": "Northwind Books", "stage": "interview", "ask_feedback": True},
                  "updated_at": "2026-11-25T09:59:00Z"},
        "check-in": {"answers": {"feelings": ["disappointed"], "intensity": 3}, "updated_at": None},
    },
    "log": [{"id": "a1", "application": "contoso-designer", "date": "2026-11-20", "company": "Contoso",
             "role": "Designer", "source": "referral", "stage": "interview", "outcome": "rejected",
             "feedback": False, "note": "Two rounds"}],
}


def refused(text) -> str:
    result = check_text(text)
    assert result["ok"] is False and result["document"] is None
    (note,) = [n for n in result["notes"] if n[1] == "import_refused"]
    return note[2]


def test_the_engine_writes_the_format_the_independent_schema_describes():
    """Saved files outlive the code: the name and version the engine writes are the ones
    tests/fixtures/backup-v2.schema.json (written separately) says a version 2 file has."""
    schema = json.loads((Path(__file__).parents[1] / "fixtures" / "backup-v2.schema.json").read_text("utf-8"))
    assert (schema["properties"]["format"]["const"], schema["properties"]["version"]["const"]) == (FORMAT, VERSION)


def test_a_good_backup_round_trips_unchanged():
    result = check_text(json.dumps(GOOD))
    assert result["ok"] is True and result["notes"] == []
    assert result["document"] == GOOD


def test_checking_a_checked_document_changes_nothing():
    once = check_text(json.dumps(GOOD))["document"]
    assert check_text(json.dumps(once))["document"] == once


def test_not_json():
    assert refused("this is { not json") == \
        "This file is not a backup from this site: it is not a JSON file. Nothing was changed."


def test_another_apps_json():
    assert refused('{"name": "my playlist"}') == "This file is not a backup from this workbook. Nothing was changed."
    assert refused("[1, 2, 3]") == "This file is not a backup from this workbook. Nothing was changed."


def test_newer_version():
    message = refused(json.dumps({**GOOD, "version": 3}))
    assert message.startswith("This backup was made by a newer version of the workbook "
                              "(format 3; this site reads up to 2)")


def test_file_over_one_megabyte():
    big = json.dumps({**GOOD, "exported_at": "x" * MAX_BACKUP_BYTES})
    assert refused(big).startswith("This file is larger than 1 MB")


def test_fields_of_the_wrong_type():
    bad_answer = json.loads(json.dumps(GOOD))
    bad_answer["worksheets"]["reply"]["answers"]["company"] = {"nested": "object"}
    assert refused(json.dumps(bad_answer)) == ("Part of this backup is not in the expected shape "
                                               "(worksheets.reply.answers.company: must be text, a number, "
                                               "yes/no or a list of texts). Nothing was changed.")
    bad_log = {**GOOD, "log": "not a list"}
    assert "(log: must be a list of entries)" in refused(json.dumps(bad_log))
    bad_entry = {**GOOD, "log": [{"feedback": {"nested": True}}]}
    assert "(log[0].feedback: must be text, a number, yes/no or a list of texts)" in refused(json.dumps(bad_entry))
    bad_version = {**GOOD, "version": "1"}
    assert "(version: must be a whole number)" in refused(json.dumps(bad_version))


def test_html_and_script_are_kept_as_text_with_a_note():
    doc = json.loads(json.dumps(GOOD))
    doc["worksheets"]["reply"]["answers"]["company"] = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    result = check_text(json.dumps(doc))
    assert result["ok"] is True
    assert result["document"]["worksheets"]["reply"]["answers"]["company"] == \
        '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    assert [n[1] for n in result["notes"]] == ["has_markup"]


def test_version_0_fixture_is_migrated_without_losing_anything():
    result = check_text((FIXTURES / "backup-v0.json").read_text(encoding="utf-8"))
    assert result["ok"] is True
    # The check-in worksheet no longer offers "tired": that choice is kept aside, not dropped.
    assert [n[1] for n in result["notes"]] == ["migrated", "kept_earlier"]
    assert result["document"] == {
        "format": "job-rejection-workbook",
        "version": 2,
        "exported_at": "2026-10-01T09:30:00Z",
        "worksheets": {
            "reply": {"answers": {"recruiter_name": "Priya", "company": "Northwind Books", "stage": "final_round",
                                  "closing_line": "Best wishes"}, "updated_at": None},
            "check-in": {"answers": {"feelings": ["disappointed"], "intensity": 4}, "updated_at": None,
                         "earlier": {"feelings": ["tired"]}},
        },
        "log": [
            {"date": "2026-09-28", "company": "Northwind Books", "role": "Designer", "stage": "final_round",
             "feedback": True, "note": "Kind call", "outcome": "rejected", "id": "entry-1",
             "application": "application-entry-1"},
            {"date": "2026-09-20", "company": "Contoso", "role": "Designer", "stage": "application",
             "feedback": False, "outcome": "rejected", "id": "entry-2", "application": "application-entry-2"},
        ],
    }


def test_version_1_fixture_becomes_one_application_per_rejection():
    """Today's format before version 2 (tests/fixtures/backup-v1.json, written as the page wrote it):
    every entry was a rejection; each becomes its own application's one update, keeping every
    answer and time. Two entries for the same company stay two applications (the person may
    have applied twice): the migration guesses no links."""
    original = json.loads((FIXTURES / "backup-v1.json").read_text(encoding="utf-8"))
    result = check_text(json.dumps(original))
    assert result["ok"] is True
    assert [n[1] for n in result["notes"]] == ["migrated"]
    document = result["document"]
    assert document["version"] == 2
    assert document["worksheets"] == original["worksheets"]
    assert document["exported_at"] == original["exported_at"]
    for before, after in zip(original["log"], document["log"], strict=True):
        assert after == {**before, "outcome": "rejected", "application": f"application-{before['id']}"}
    assert len({e["application"] for e in document["log"]}) == 3
    assert list(FORMAT_SCHEMA.iter_errors(document)) == []
    # Migrated once, it is a version 2 document that checks unchanged.
    assert check_text(json.dumps(document)) == {"ok": True, "document": document, "notes": []}


def test_an_update_names_its_application_by_a_plain_id():
    doc = json.loads(json.dumps(GOOD))
    doc["log"][0]["application"] = "<b>x</b>"
    assert "(log[0].application:" in refused(json.dumps(doc))
    del doc["log"][0]["application"]
    assert check_text(json.dumps(doc))["document"]["log"][0]["application"] == "application-a1"


def test_import_check_through_the_facade_says_what_the_backup_holds(engine):
    out = engine.task("backup-check", {"text": json.dumps(GOOD)})
    assert out["data"]["ok"] is True
    assert out["blocks"][0]["text"] == ("This backup was saved on 2026-11-25. It holds answers for 2 worksheet(s) "
                                        "and 1 log entry(ies).")
    assert out["blocks"][1]["items"] == ["Reply to the rejection", "Check in with yourself"]


def test_markdown_copy_uses_labels_and_keeps_earlier_answers(engine):
    doc = json.loads(json.dumps(GOOD))
    doc["worksheets"]["reply"]["answers"]["closing_line"] = "Warmly"
    markdown = engine.task("backup-markdown", {"document": doc})["data"]["markdown"]
    assert "## Reply to the rejection" in markdown
    assert "- **Company**: Northwind Books" in markdown
    assert "- **Stage reached**: Interview" in markdown
    assert "- **Ask for feedback**: Yes" in markdown  # as the form says it (content/interface.yaml)
    assert "### Answers from an earlier version\n\n- closing line: Warmly" in markdown
    # The log table has the log page's columns: every field of the log worksheet, by its label.
    assert ("| Application | Date | Company | Role | Where you found it | Stage reached | What happened "
            "| Feedback received | Note |") in markdown
    assert "| 1 | 2026-11-20 | Contoso | Designer | Referral | Interview | Turned down | No | Two rounds |" in markdown


def test_earlier_answers_lists_only_fields_the_worksheet_no_longer_has(engine):
    out = engine.task("earlier-answers", {"worksheet": "reply",
                                         "answers": {"company": "Contoso", "closing_line": "Warmly", "gone": ""}})
    assert out["data"] == {"fields": ["closing_line"], "misfits": {}, "fitting": {}, "shown": True}
    assert out["blocks"][1]["items"] == ["closing line: Warmly"]


# --- misfits, ids, and any document at all --------------------------------------------------

def test_answers_that_no_longer_fit_are_kept_aside_not_refused_or_changed(engine):
    doc = json.loads(json.dumps(GOOD))
    doc["worksheets"]["reply"]["answers"].update({"stage": "assessment_centre", "tone": 3,
                                                  "recruiter_name": "P" * 500})
    result = check_text(json.dumps(doc))
    assert result["ok"] is True
    saved = result["document"]["worksheets"]["reply"]
    assert saved["earlier"] == {"stage": "assessment_centre", "tone": 3, "recruiter_name": "P" * 500}
    assert saved["answers"] == {"company": "Northwind Books", "ask_feedback": True}
    assert [n[1] for n in result["notes"]] == ["kept_earlier"]
    # The page lists them with their field's label; nothing is left to move.
    out = engine.task("earlier-answers", {"worksheet": "reply", **saved})
    assert out["data"] == {"fields": [], "misfits": {}, "fitting": {}, "shown": True}
    assert "Stage reached: assessment_centre" in out["blocks"][1]["items"]


def test_stored_answers_that_no_longer_fit_are_named_for_the_page_to_move(engine):
    answers = {"company": "Contoso", "stage": "assessment_centre", "intensity": 9}
    out = engine.task("earlier-answers", {"worksheet": "reply", "answers": answers})
    assert out["data"]["misfits"] == {"stage": "assessment_centre"}
    out = engine.task("earlier-answers", {"worksheet": "check-in", "answers": {"intensity": 9, "feelings": []}})
    assert out["data"]["misfits"] == {"intensity": 9}
    # Of a list of choices, only the one no longer offered is set aside.
    out = engine.task("earlier-answers", {"worksheet": "check-in", "answers": {"feelings": ["sad", "tired"]}})
    assert (out["data"]["misfits"], out["data"]["fitting"]) == ({"feelings": ["tired"]}, {"feelings": ["sad"]})


def test_entries_without_an_id_are_given_unique_ones():
    doc = {**GOOD, "log": [{"company": "A"}, {"id": "entry-1", "company": "B"}, {"company": "C"}]}
    log = check_text(json.dumps(doc))["document"]["log"]
    assert [e["id"] for e in log] == ["entry-2", "entry-1", "entry-3"]


def test_a_markdown_copy_of_an_empty_store_is_still_made(engine):
    empty = {"format": FORMAT, "version": VERSION, "exported_at": None, "worksheets": {}, "log": []}
    assert engine.task("backup-markdown", {"document": empty})["data"]["markdown"].startswith("# My job-rejection")


FORMAT_SCHEMA = Draft202012Validator(json.loads((FIXTURES / "backup-v2.schema.json").read_text(encoding="utf-8")))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
# Names and values close to real ones, so that most documents get deep into the checks.
worksheet_ids = st.sampled_from(["reply", "check-in", "recharge", "log", "gone-worksheet", "Reply", "reply\n", ""])
field_ids = st.sampled_from(["company", "stage", "back_on", "feelings", "intensity", "closing_line", "__proto__",
                             "company\n", "tone", "date"])
values = st.one_of(json_values, st.sampled_from(["2026-02-31", "2026-11-20", "interview", "final_round", "x" * 300]))
records = st.fixed_dictionaries({"answers": st.dictionaries(field_ids, values, max_size=5)},
                                optional={"earlier": st.dictionaries(field_ids, values, max_size=2),
                                          "updated_at": st.sampled_from([None, "2026-11-25T10:00:00.000Z", "soon"]),
                                          "answer": st.just({})})
entries = st.dictionaries(field_ids, values, max_size=5).flatmap(
    lambda e: st.one_of(st.just(e), st.sampled_from(["a1", "a2", "", "entry-1", "bad id", None]).map(
        lambda i: {**e, "id": i} if i is not None else e)))
documents = st.fixed_dictionaries(
    {"format": st.sampled_from([FORMAT, FORMAT, "other"]), "version": st.sampled_from([2, 2, 1, 0, 3, "2", -1])},
    optional={"worksheets": st.dictionaries(worksheet_ids, records, max_size=4) | json_values,
              "log": st.lists(entries, max_size=5) | json_values,
              "answers": st.dictionaries(worksheet_ids, st.dictionaries(field_ids, values, max_size=3), max_size=3),
              "exported_at": st.sampled_from([None, "2026-11-25T10:00:00Z", "yesterday"]),
              "logs": st.just([])})

# Mostly well-formed documents (the misfits, odd texts and missing ids that real backups have),
# so that many are accepted and the property below says something about what gets in.
good_values = st.one_of(st.none(), st.booleans(), st.integers(-3, 12), st.text(max_size=40),
                        st.sampled_from(["interview", "final_round", "assessment_centre", "2026-11-20", "x" * 300]),
                        st.lists(st.sampled_from(["disappointed", "angry", "relieved", "gone"]), max_size=3))
good_records = st.fixed_dictionaries(
    {"answers": st.dictionaries(st.sampled_from(["company", "stage", "feelings", "intensity", "tone", "old_field"]),
                                good_values, max_size=5)},
    optional={"updated_at": st.sampled_from([None, "2026-11-25T10:00:00.000Z"]),
              "earlier": st.dictionaries(st.sampled_from(["stage", "old_field"]), good_values, max_size=2)})
good_entries = st.fixed_dictionaries(
    {"company": st.text(max_size=20), "date": st.sampled_from(["2026-11-20", "2026-01-31", "", "next week"])},
    optional={"stage": st.sampled_from(["application", "interview", "assessment_centre"]),
              "feedback": st.booleans(), "id": st.sampled_from(["a1", "a2", "a3", "entry-2"]),
              "application": st.sampled_from(["a1", "job-9", "bad id"]),
              "outcome": st.sampled_from(["waiting", "rejected", "hired?"]),
              "created_at": st.just("2026-11-20T09:00:00.000Z")})
good_documents = st.fixed_dictionaries(
    {"format": st.just(FORMAT), "version": st.sampled_from([1, 2]),
     "worksheets": st.dictionaries(st.sampled_from(["reply", "check-in", "recharge", "gone-worksheet"]),
                                   good_records, max_size=3),
     "log": st.lists(good_entries, max_size=4, unique_by=lambda e: e.get("id", object()))},
    optional={"exported_at": st.sampled_from([None, "2026-11-25T10:00:00Z"])})


@settings(max_examples=400, deadline=None)
@given(st.one_of(good_documents, documents, json_values))
def test_import_never_raises_and_never_accepts_what_the_format_refuses(engine, data):
    out = engine.task("backup-check", {"text": json.dumps(data)})
    assert all(n["code"] != "engine_error" for n in out["notes"])
    result = out["data"]
    if result["ok"]:
        document = result["document"]
        problems = [e.message for e in FORMAT_SCHEMA.iter_errors(document)]
        assert problems == [], problems
        ids = [e["id"] for e in document["log"]]
        assert len(ids) == len(set(ids))
        assert document["log"] or any(w["answers"] or w.get("earlier") for w in document["worksheets"].values())
        assert check_text(json.dumps(document))["document"] == document
    else:
        assert result["document"] is None
        assert any(n["code"] == "import_refused" and n["text"] for n in out["notes"])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200) | st.text(alphabet="[]{}\",:0123456789abc ", max_size=400))
def test_any_text_is_either_accepted_or_refused(text):
    assert isinstance(check_text(text)["ok"], bool)


def test_a_worksheet_and_a_task_never_answer_for_each_other(engine, worksheets):
    """A worksheet named like a task (content/worksheets/backup-check.yaml) is a worksheet: run()
    never hands it to the backup task, and task() never runs a worksheet."""
    out = engine.run("backup-check", {"text": json.dumps(GOOD)})
    assert "data" not in out and [n["code"] for n in out["notes"]] == ["unknown_worksheet"]
    engine.use_content({**worksheets, "backup-check": {**worksheets["recharge"], "id": "backup-check"}})
    try:
        assert "data" not in engine.run("backup-check", {"text": json.dumps(GOOD)})
    finally:
        engine.use_content(worksheets)
    out = engine.task("reply", {"company": "Northwind Books"})
    assert out["data"] is None and [n["code"] for n in out["notes"]] == ["unknown_task"]
    assert engine.task("backup-check", {"text": json.dumps(GOOD)})["data"]["ok"] is True
