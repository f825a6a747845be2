"""The log as a record to hand over (workbook/log_export.py): a CSV file checked by hand and
with Python's csv module (a real spreadsheet reads it in tests/browser/test_spreadsheet_import.py),
and the printable history of each application. Expected values are written out by hand from the log's YAML
(content/worksheets/log.yaml: its field labels and option labels)."""
from __future__ import annotations

import csv
import io

import pytest

HEADER = ["Application", "Date", "Company", "Role", "Where you found it", "Stage reached", "What happened",
          "Feedback received", "Note"]
LOG = [
    # Added out of date order: the file lists updates by date.
    {"id": "e3", "application": "b", "date": "2024-05-02", "company": "Zoë & Co, Ltd.", "role": "Designer",
     "stage": "application", "outcome": "rejected", "feedback": False, "note": 'They said "not now",\nmaybe later.'},
    {"id": "e1", "application": "a", "date": "2024-04-02", "company": "Contoso", "role": "UX Designer",
     "source": "referral", "stage": "application", "outcome": "waiting"},
    {"id": "e2", "application": "a", "date": "2024-04-11", "company": "Contoso", "role": "UX Designer",
     "source": "referral", "stage": "phone_screen", "outcome": "rejected", "feedback": True},
]


@pytest.fixture(autouse=True)
def real_content(worksheets, tone, interface):
    import workbook

    workbook.use_content(worksheets, tone, interface)


def csv_of(engine, entries, today="2024-05-10") -> dict:
    out = engine.task("log-csv", {"entries": entries, "today": today})
    assert out["notes"] == []
    return out["data"]


def rows_of(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_one_row_per_update_in_date_order_with_labels(engine):
    data = csv_of(engine, LOG)
    assert data["file_name"] == "job-search-log-2024-05-10.csv"
    assert rows_of(data["csv"]) == [
        HEADER,
        ["1", "2024-04-02", "Contoso", "UX Designer", "Referral", "Application", "Waiting to hear back", "", ""],
        ["1", "2024-04-11", "Contoso", "UX Designer", "Referral", "Phone screen", "Turned down", "Yes", ""],
        ["2", "2024-05-02", "Zoë & Co, Ltd.", "Designer", "", "Application", "Turned down", "No",
         'They said "not now",\nmaybe later.'],
    ]


def test_the_bytes_follow_rfc_4180(engine):
    """CRLF after every record, a field quoted only when it holds a comma, a quote or a line
    break, a quote inside doubled; UTF-8 with a byte-order mark (written out by hand)."""
    text = csv_of(engine, LOG[:1])["csv"]
    assert text == ("\ufeffApplication,Date,Company,Role,Where you found it,Stage reached,What happened,"
                    "Feedback received,Note\r\n"
                    '1,2024-05-02,"Zoë & Co, Ltd.",Designer,,Application,Turned down,No,'
                    '"They said ""not now"",\nmaybe later."\r\n')
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbfApplication,")


def test_a_field_is_quoted_only_when_it_must_be():
    from workbook.log_export import csv_field

    assert [csv_field(t) for t in ("plain", "", "a,b", 'say "hi"', "one\rtwo", "one\ntwo", " spaced ")] == \
        ["plain", "", '"a,b"', '"say ""hi"""', '"one\rtwo"', '"one\ntwo"', " spaced "]


def test_a_typed_formula_stays_text(engine):
    entries = [{"application": "x", "date": "2024-05-01", "company": "=HYPERLINK(\"http://evil\")", "role": "+1",
                "note": "-5 years in sales", "stage": "interview"},
               {"application": "y", "date": "2024-05-02", "company": "@SUM(A1)", "role": "Designer"}]
    rows = rows_of(csv_of(engine, entries)["csv"])
    assert [row[2:4] for row in rows[1:]] == [["'=HYPERLINK(\"http://evil\")", "'+1"], ["'@SUM(A1)", "Designer"]]
    assert rows[1][8] == "'-5 years in sales"
    assert rows[1][1] == "2024-05-01"   # a date is never guarded


@pytest.mark.parametrize("entries", [[], None, "log", [None, 7, "x"], {"a": 1}])
def test_an_empty_or_unreadable_log_gives_the_header_only(engine, entries):
    assert rows_of(csv_of(engine, entries)["csv"]) == [HEADER]


def test_without_a_date_the_file_name_has_none(engine):
    assert csv_of(engine, LOG, today="soon")["file_name"] == "job-search-log.csv"


def test_undated_updates_come_last_in_the_order_added(engine):
    entries = [{"application": "a", "company": "Undated one"}, {"application": "b", "date": "2024-05-01",
               "company": "Dated"}, {"application": "c", "date": "2024-02-30", "company": "Impossible"}]
    rows = rows_of(csv_of(engine, entries)["csv"])
    assert [(r[0], r[2]) for r in rows[1:]] == [("1", "Dated"), ("2", "Undated one"), ("3", "Impossible")]


def test_the_record_lists_each_application_s_steps_by_date(engine):
    out = engine.task("log-record", {"entries": LOG})
    assert out["data"] == {"applications": 2}
    assert out["blocks"] == [
        {"kind": "paragraph",
         "text": "Applications: 2. Updates: 3. Each application's steps are listed by date."},
        {"kind": "list", "title": "Application 1: Contoso, UX Designer", "ordered": False, "items": [
            "2 April 2024 – Stage reached: Application; What happened: Waiting to hear back",
            "11 April 2024 – Stage reached: Phone screen; What happened: Turned down; Feedback received: Yes"]},
        {"kind": "list", "title": "Application 2: Zoë & Co, Ltd., Designer", "ordered": False, "items": [
            "2 May 2024 – Stage reached: Application; What happened: Turned down; Feedback received: No; "
            'Note: They said "not now",\nmaybe later.']},
    ]


def test_the_record_of_an_empty_log_says_so(engine):
    out = engine.task("log-record", {"entries": []})
    assert out["data"] == {"applications": 0}
    assert out["blocks"] == [{"kind": "paragraph",
                              "text": "The log is empty, so there is nothing in the record yet."}]


def test_an_application_without_a_name_or_date_is_still_listed(engine):
    out = engine.task("log-record", {"entries": [{"stage": "interview", "outcome": "waiting"}]})
    assert out["blocks"][1]["title"] == "Application 1: no company or role given"
    assert out["blocks"][1]["items"] == [
        "Date not given – Stage reached: Interview; What happened: Waiting to hear back"]
