"""Calendar reminders (workbook/reminders.py): RFC 5545 text that a real calendar library reads
back as written, and the feedback worksheet's follow-up reminder."""
from __future__ import annotations

import datetime
import urllib.parse

import icalendar
import pytest

import workbook
from macros.content import load_content
from workbook.reminders import escape_text, fold, reminder_ics

AWKWARD = [
    "Northwind Books, Inc.; Design",
    "back\\slash and a comma, and a semicolon; too",
    "two\nlines\r\nand a third\rline",
    "Zoë Ångström 😀 at Café Ünïcode",
    "שלום ترحيب mixed with English",
    "a long one " * 30,
    "",
]


def _event(text: str):
    calendar = icalendar.Calendar.from_ical(text)
    [event] = calendar.walk("VEVENT")
    return calendar, event


@pytest.mark.parametrize("summary", AWKWARD)
def test_a_calendar_library_reads_back_exactly_what_was_written(summary):
    day, made_on = datetime.date(2026, 12, 3), datetime.date(2026, 11, 26)
    text = reminder_ics(summary=summary, description=summary + " (details)", day=day, made_on=made_on, about="x")
    calendar, event = _event(text)
    expected = summary.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["summary"]) == expected
    assert str(event["description"]) == expected + " (details)"
    assert event.decoded("dtstart") == day and event.decoded("dtend") == day + datetime.timedelta(days=1)
    stamp = event.decoded("dtstamp")
    assert stamp.tzinfo is not None and stamp.utcoffset() == datetime.timedelta(0) and stamp.date() == made_on
    assert str(calendar["version"]) == "2.0" and calendar["prodid"]
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == datetime.timedelta(hours=9)


@pytest.mark.parametrize("summary", AWKWARD)
def test_every_line_ends_in_crlf_and_holds_at_most_75_octets_of_whole_characters(summary):
    text = reminder_ics(summary=summary * 3, description="d", day=datetime.date(2026, 1, 1),
                        made_on=datetime.date(2026, 1, 1), about="x")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line
        line.encode("utf-8").decode("utf-8")  # a folded line never splits a character


def test_folding_and_escaping_by_hand():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 40  # 8 + 80 octets
    folded = fold(line).split("\r\n ")
    assert [len(part.encode()) for part in folded] == [74, 14]  # 74: one more "é" would make 76
    assert "".join(folded) == line
    assert fold("short") == "short"


def test_the_uid_names_what_the_reminder_is_about_not_its_day():
    def uid(about, day):
        text = reminder_ics(summary="s", description="d", day=day, made_on=day, about=about)
        return str(_event(text)[1]["uid"])

    first = uid("feedback|northwind books|designer", datetime.date(2026, 12, 3))
    assert first == uid("feedback|northwind books|designer", datetime.date(2026, 12, 10))
    assert first != uid("feedback|contoso|designer", datetime.date(2026, 12, 3))
    assert first.endswith("@graceful-rejections.workbook")


@pytest.fixture(scope="module")
def engine():
    content = load_content()
    workbook.use_content(content.worksheets, content.tone, content.interface)
    return workbook


def _reminders(output):
    return [b for b in output["blocks"] if b["kind"] == "reminder"]


def test_the_feedback_request_offers_a_reminder_only_when_asked(engine):
    for remind in (None, "", "no_reminder", "in_a_year", 7, ["one_week"]):
        inputs = {"company": "Northwind Books", "today": "2026-11-26"}
        if remind is not None:
            inputs["remind"] = remind
        assert _reminders(engine.run("feedback", inputs)) == [], remind


@pytest.mark.parametrize(("remind", "day"), [("one_week", "2026-12-03"), ("two_weeks", "2026-12-10")])
def test_the_feedback_reminder_falls_on_the_chosen_day_and_downloads_as_a_calendar_file(engine, remind, day):
    output = engine.run("feedback", {"company": "Northwind Books, Inc.", "role": "Designer",
                                     "remind": remind, "today": "2026-11-26"})
    [block] = _reminders(output)
    assert block["filename"] == f"reminder-feedback-{day}.ics"
    assert block["href"].startswith("data:text/calendar;charset=utf-8,")
    ics = urllib.parse.unquote(block["href"].split(",", 1)[1])
    _, event = _event(ics)
    assert event.decoded("dtstart") == datetime.date.fromisoformat(day)
    assert str(event["summary"]) == "Feedback from Northwind Books, Inc.: has it come?"
    friendly = {"2026-12-03": "3 December 2026", "2026-12-10": "10 December 2026"}[day]
    assert f"on {friendly} to look for an answer from Northwind Books, Inc." in block["text"]


def test_without_a_company_the_reminder_still_reads_well(engine):
    [block] = _reminders(engine.run("feedback", {"remind": "one_week", "today": "2026-12-28"}))
    assert block["text"].startswith("Your calendar can remind you on 4 January 2027 to look for an answer.")
    _, event = _event(urllib.parse.unquote(block["href"].split(",", 1)[1]))
    assert str(event["summary"]) == "Feedback request: has an answer come?"
