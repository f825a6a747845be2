"""The saved-data format (workbook/backup.py): check, migrate, export as Markdown."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.backup import FORMAT, MAX_BACKUP_BYTES, VERSION, check_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

GOOD = {
    "format": "job-rejection-workbook",
    "version": 1,
    "exported_at": "2026-11-25T10:00:00Z",
    "worksheets": {
        "reply": {"answers": {"company": "Northwind Books", "stage": "interview", "ask_feedback": True},
                  "updated_at": "2026-11-25T09:59:00Z"},
        "check-in": {"answers": {"feelings": ["disappointed"], "intensity": 3}, "updated_at": None},
    },
    "log": [{"id": "a1", "date": "2026-11-20", "company": "Contoso", "role": "Designer",
             "source": "referral", "stage": "interview", "feedback": False, "note": "Two rounds"}],
}


def refused(text) -> str:
    result = check_text(text)
    assert result["ok"] is False and result["document"] is None
    (note,) = [n for n in result["notes"] if n[1] == "import_refused"]
    return note[2]


def test_format_constants():
    assert (FORMAT, VERSION, MAX_BACKUP_BYTES) == ("job-rejection-workbook", 1, 1_000_000)


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
    message = refused(json.dumps({**GOOD, "version": 2}))
    assert message.startswith("This backup was made by a newer version of the workbook "
                              "(format 2; this site reads up to 1)")


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
    assert [n[1] for n in result["notes"]] == ["migrated"]
    assert result["document"] == {
        "format": "job-rejection-workbook",
        "version": 1,
        "exported_at": "2026-10-01T09:30:00Z",
        "worksheets": {
            "reply": {"answers": {"recruiter_name": "Priya", "company": "Northwind Books", "stage": "final_round",
                                  "closing_line": "Best wishes"}, "updated_at": None},
            "check-in": {"answers": {"feelings": ["disappointed", "tired"], "intensity": 4}, "updated_at": None},
        },
        "log": [
            {"date": "2026-09-28", "company": "Northwind Books", "role": "Designer", "stage": "final_round",
             "feedback": True, "note": "Kind call"},
            {"date": "2026-09-20", "company": "Contoso", "role": "Designer", "stage": "application",
             "feedback": False},
        ],
    }


def test_import_check_through_the_facade_says_what_the_backup_holds(engine):
    out = engine.run("backup-check", {"text": json.dumps(GOOD)})
    assert out["data"]["ok"] is True
    assert out["blocks"][0]["text"] == ("This backup was saved on 2026-11-25. It holds answers for 2 worksheet(s) "
                                        "and 1 log entry(ies).")
    assert out["blocks"][1]["items"] == ["Reply to the rejection", "Check in with yourself"]


def test_markdown_copy_uses_labels_and_keeps_earlier_answers(engine):
    doc = json.loads(json.dumps(GOOD))
    doc["worksheets"]["reply"]["answers"]["closing_line"] = "Warmly"
    markdown = engine.run("backup-markdown", {"document": doc})["data"]["markdown"]
    assert "## Reply to the rejection" in markdown
    assert "- **Company**: Northwind Books" in markdown
    assert "- **Stage reached**: Interview" in markdown
    assert "- **Ask for feedback**: yes" in markdown
    assert "### Answers from an earlier version\n\n- closing line: Warmly" in markdown
    assert "| 2026-11-20 | Contoso | Designer | Interview | no | Two rounds |" in markdown


def test_earlier_answers_lists_only_fields_the_worksheet_no_longer_has(engine):
    out = engine.run("earlier-answers", {"worksheet": "reply",
                                         "answers": {"company": "Contoso", "closing_line": "Warmly", "gone": ""}})
    assert out["data"] == {"fields": ["closing_line"]}
    assert out["blocks"][1]["items"] == ["closing line: Warmly"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(
    json_values,
    st.fixed_dictionaries({"format": st.just(FORMAT), "version": st.integers(-1, 2),
                           "worksheets": json_values, "log": json_values}),
))
def test_any_document_is_either_accepted_or_refused_with_a_message(data):
    result = check_text(json.dumps(data))
    assert isinstance(result["ok"], bool)
    if result["ok"]:
        assert check_text(json.dumps(result["document"]))["document"] == result["document"]
    else:
        assert any(code == "import_refused" and text for _, code, text in result["notes"])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_either_accepted_or_refused(text):
    assert isinstance(check_text(text)["ok"], bool)
