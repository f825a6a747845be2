"""Each of the seven worksheets, filled in like a person would, in one page that stays
loaded: the tests move between worksheets with Material's instant navigation (so Python
starts once) and check the output against expectations written by hand."""
from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import ENGINE_TIMEOUT, READY


def go(page, worksheet: str):
    """Open a worksheet from the site's navigation, as a click (instant navigation)."""
    page.locator(f'.md-nav a[href$="/{worksheet}/"], .md-nav a[href="../{worksheet}/"]').first.click()
    page.wait_for_selector(f'form[data-worksheet="{worksheet}"]')
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not navigated instantly"
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    return page.locator(f'form[data-worksheet="{worksheet}"]')


def pick(form, field: str, *labels: str):
    for label in labels:
        form.locator(f'[data-field="{field}"] label.gr-option', has_text=label).first.click()


def submit(page, form, button: str):
    before = int(form.get_attribute("data-ran") or 0)
    page.get_by_role("button", name=button).click()
    expect(form).to_have_attribute("data-ran", str(before + 1), timeout=ENGINE_TIMEOUT)
    return page.locator("[data-output]")


@pytest.fixture
def page(workbook_page):
    return workbook_page[0]


def test_reply_drafts_a_subject_body_and_mail_link(page):
    form = go(page, "reply")
    form.get_by_label("Recruiter's name").fill("Priya")
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    form.get_by_label("Role").fill("Product Designer")
    pick(form, "stage", "Final round")
    pick(form, "tone", "Formal")
    pick(form, "ask_feedback", "Yes")
    form.get_by_label("Your name").fill("Sam Rivera")
    form.get_by_label("Their email address").fill("priya@northwind.example")
    output = submit(page, form, "Draft my reply")

    subject = output.locator("textarea.gr-draft__subject").input_value()
    body = output.locator("textarea.gr-draft__body").input_value()
    assert subject.startswith("Re:")
    assert "Northwind Books" in body and body.startswith("Dear Priya,")
    assert "final round" in body and "feedback" in body and "Sam Rivera" in body
    assert "reconsider" not in body
    href = output.locator('[data-action="mailto"]').get_attribute("href")
    assert href.startswith("mailto:priya@northwind.example?subject=Re%3A%20")
    assert "%20" in href and "+" not in href and "%0A" in href  # spaces and line breaks kept
    expect(output.get_by_role("button", name="Copy the message")).to_be_visible()


def test_reply_to_a_no_reply_address_gets_a_note_and_no_mail_link(page):
    form = go(page, "reply")
    form.get_by_label("Company", exact=True).fill("Contoso")
    pick(form, "stage", "Application")
    form.get_by_label("Their email address").fill("no-reply@contoso.example")
    form.get_by_label("A line of your own").fill("Please RECONSIDER, this was UNFAIR AND RUSHED!!!")
    output = submit(page, form, "Draft my reply")

    expect(output.locator('[data-note="no_reply_address"]')).to_contain_text("no-reply@contoso.example")
    expect(output.locator('[data-action="mailto"]')).to_have_count(0)
    pleading = output.locator('[data-note="tone_pleading"]')
    expect(pleading).to_contain_text("\u201cPlease RECONSIDER\u201d")
    expect(pleading).to_contain_text("Say you are still interested, once")
    assert "Contoso" in output.locator("textarea.gr-draft__body").input_value()


def test_check_in_acknowledges_and_suggests_a_cool_off(page):
    form = go(page, "check-in")
    pick(form, "feelings", "Disappointed", "Frustrated")
    form.get_by_label("In your own words").fill("I was sure the final round went well.")
    pick(form, "intensity", "5")
    pick(form, "need", "Getting my reply written")
    output = submit(page, form, "Check in")
    expect(output).to_contain_text("It makes sense to feel disappointed and frustrated right now.")
    expect(output).to_contain_text("wait about a day")
    # The top of the scale brings a gentle suggestion to talk to someone.
    expect(output.locator('[data-note="care"]')).to_contain_text("someone you trust, your doctor, or a local helpline")


def test_feedback_asks_the_questions_picked(page):
    form = go(page, "feedback")
    form.get_by_label("Recruiter's name").fill("Priya")
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    form.get_by_label("Role").fill("Product Designer")
    pick(form, "questions", "The main thing that held my application back", "One thing to do differently next time")
    # "Pick up to 3": a third box may be ticked, and then a fourth waits until one is unticked.
    fourth = form.get_by_label("How my interview answers came across")
    pick(form, "questions", "Anything about my resume")
    expect(fourth).to_be_disabled()
    pick(form, "questions", "Anything about my resume")
    expect(fourth).to_be_enabled()
    form.get_by_label("Anything to add").fill("I met you and Dana on Tuesday.")
    output = submit(page, form, "Draft my request")
    body = output.locator("textarea.gr-draft__body").input_value()
    assert body.startswith("Hi Priya,")
    assert "1. What was the main thing that held my application back?" in body
    assert "I met you and Dana on Tuesday." in body
    assert re.search(r"may not be able to share", body)


def test_feedback_reminder_downloads_a_calendar_file_for_a_week_from_today(page):
    form = go(page, "feedback")
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    pick(form, "remind", "In a week")
    output = submit(page, form, "Draft my request")
    today = datetime.date.fromisoformat(page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), "
        "String(d.getDate()).padStart(2, '0')].join('-'); })()"))
    week_later = today + datetime.timedelta(days=7)
    expect(output.locator(".gr-reminder")).to_contain_text("look for an answer from Northwind Books")
    with page.expect_download() as download:
        output.get_by_role("link", name="Add to my calendar (.ics)").click()
    assert download.value.suggested_filename == f"reminder-feedback-{week_later.isoformat()}.ics"
    with open(download.value.path(), "rb") as f:
        [event] = icalendar.Calendar.from_ical(f.read()).walk("VEVENT")
    assert event.decoded("dtstart") == week_later
    assert str(event["summary"]) == "Feedback from Northwind Books: has it come?"
    pick(form, "remind", "No reminder")
    submit(page, form, "Draft my request")
    expect(output.locator(".gr-reminder")).to_have_count(0)


def test_reflect_makes_an_ordered_plan(page):
    form = go(page, "reflect")
    pick(form, "resume_tailored", "No")
    pick(form, "questions_prepared", "No")
    pick(form, "answers_prepared", "Yes")
    pick(form, "interview_went", "Some parts went well")
    form.get_by_label("Skills or qualifications you were missing").fill("Figma prototyping")
    pick(form, "goals", "Yes, they still fit")
    output = submit(page, form, "Make my plan")
    expect(output).to_contain_text("You prepared in 1 of 3 ways.")
    expect(output.locator("ol").first).to_contain_text("Figma prototyping")


def test_quiet_words_without_hope_bring_the_note_to_talk_to_someone(page):
    """No phrase of content/tone.yaml matches these words: the care model, fetched beside the
    engine's wheel, hears them (and an ordinary figure of speech brings no note)."""
    form = go(page, "reflect")
    field = form.get_by_label("Skills or qualifications you were missing")
    field.fill("This job hunt is killing me.")
    output = submit(page, form, "Make my plan")
    expect(output.locator('[data-note="care"]')).to_have_count(0)
    field.fill("Honestly there's nothing left in me, I'm just so tired of being me.")
    output = submit(page, form, "Make my plan")
    expect(output.locator('[data-note="care"]')).to_contain_text("someone you trust, your doctor, or a local helpline")


def test_network_plans_the_week_with_drafts(page):
    form = go(page, "network")
    pick(form, "platforms", "Reddit")  # LinkedIn is already ticked
    form.get_by_label("How many people or groups this week?").fill("3")
    form.get_by_label("People or groups to reach").fill("Dana Lee\nr/careeradvice")
    form.get_by_label("Your field or industry").fill("product design")
    output = submit(page, form, "Plan my week")
    expect(output).to_contain_text("Monday: reach out to Dana Lee on LinkedIn")
    expect(output).to_contain_text("Tuesday: reach out to the r/careeradvice community on Reddit")
    drafts = [d.input_value() for d in output.locator("textarea.gr-draft__body").all()]
    assert any(d.startswith("Hi Dana, I work in product design") for d in drafts)


def test_recharge_makes_a_break_plan(page):
    form = go(page, "recharge")
    form.get_by_label("People you can talk to").fill("Alex, my sister")
    pick(form, "recharge", "A walk", "Music")
    form.get_by_label("Something else that helps").fill("baking bread")
    output = submit(page, form, "Make my break plan")
    expect(output).to_contain_text("Talk to Alex (my sister).")
    expect(output).to_contain_text("Make time for a walk, music and baking bread.")


def test_log_keeps_entries_and_charts_them(page):
    form = go(page, "log")
    log = page.locator("[data-log]")
    expect(log.locator("[data-log-empty]")).to_be_visible()
    for date, company, stage in [("2024-05-09", "Northwind Books", "Application"),
                                 ("2024-05-07", "Contoso", "Phone screen"),
                                 ("2024-05-02", "Fabrikam", "Application")]:
        form.get_by_label("Date").fill(date)
        form.get_by_label("Company", exact=True).fill(company)
        pick(form, "stage", stage)
        page.get_by_role("button", name="Add to log").click()
    rows = log.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text("Phone screen")
    expect(form.get_by_label("Company", exact=True)).to_have_value("")  # the form is ready for the next one

    # Edit the second entry: it was an interview; then delete the third.
    rows.nth(1).get_by_role("button", name="Edit entry 2").click()
    expect(form.get_by_label("Company", exact=True)).to_have_value("Contoso")
    pick(form, "stage", "Interview")
    page.get_by_role("button", name="Save changes").click()
    expect(rows.nth(1)).to_contain_text("Interview")
    rows.nth(2).get_by_role("button", name="Delete entry 3").click()
    expect(rows).to_have_count(2)
    form.get_by_label("Date").fill("2024-05-03")
    form.get_by_label("Company", exact=True).fill("Tailspin")
    pick(form, "stage", "Application")
    page.get_by_role("button", name="Add to log").click()
    expect(rows).to_have_count(3)

    output = submit(page, form, "Show my patterns")
    chart = output.locator("figure.gr-chart").first   # rejections by stage (each update left at "Turned down")
    expect(chart.locator("svg rect")).to_have_count(4)
    # Each row reads as its stage and its count (the bar itself is hidden from screen readers).
    rows = [" ".join(t.split()) for t in chart.locator(".gr-chart__row").all_inner_texts()]
    assert rows == ["Application 2", "Phone screen 0", "Interview 1", "Final round 0"]
    assert [r.get_attribute("width") for r in chart.locator("svg rect").all()] == ["100", "0", "50", "0"]
    expect(output).to_contain_text("You have logged 3 rejections")


def test_log_builds_an_application_s_history_step_by_step(page):
    """A person logs an application while waiting, then its phone screen from the row's "Next
    step" button: the company and role come back, the update joins the same application (the
    list names it), a changed company name is history, not an overwrite, and the summary counts
    the application once, as one that reached a phone screen."""
    form = go(page, "log")
    log = page.locator("[data-log]")
    rows = log.locator("tbody tr")
    picker = form.get_by_label("Which application")
    options = picker.locator("option")
    expect(picker).to_have_value("")   # a new application unless one is picked
    before, applications = rows.count(), options.count()   # the module's page may hold earlier tests' entries
    form.get_by_label("Date").fill("2024-05-01")
    form.get_by_label("Company", exact=True).fill("Contoso")
    form.get_by_label("Role", exact=True).fill("UX Designer")
    pick(form, "stage", "Application")
    pick(form, "outcome", "Waiting to hear back")
    page.get_by_role("button", name="Add to log").click()
    expect(rows).to_have_count(before + 1)
    expect(options).to_have_count(applications + 1)
    expect(options.last).to_have_text("Contoso, UX Designer")

    rows.nth(before).get_by_role("button", name=f"Add the next step for entry {before + 1}'s application").click()
    expect(form.get_by_label("Company", exact=True)).to_have_value("Contoso")
    expect(form.get_by_label("Role", exact=True)).to_have_value("UX Designer")
    assert picker.evaluate("select => select.selectedOptions[0].text") == "Contoso, UX Designer"
    # The company's name changed in the meantime: the new update says so, the old one keeps its name.
    form.get_by_label("Company", exact=True).fill("Contoso Group")
    form.get_by_label("Date").fill("2024-05-08")
    pick(form, "stage", "Phone screen")
    pick(form, "outcome", "Turned down")
    page.get_by_role("button", name="Add to log").click()
    expect(rows).to_have_count(before + 2)
    expect(options).to_have_count(applications + 1)   # still one application, named as it is now
    expect(options.last).to_have_text("Contoso Group, UX Designer")
    stored = page.evaluate("""() => Object.entries(localStorage).filter(([k]) => k.endsWith(":v2:log"))
        .map(([, v]) => JSON.parse(v).entries)[0]""")
    first, second = stored[-2:]
    assert (first["company"], second["company"]) == ("Contoso", "Contoso Group")
    assert first["application"] == second["application"] and first["id"] != second["id"]
    assert (first["outcome"], second["outcome"]) == ("waiting", "rejected")

    output = submit(page, form, "Show my patterns")
    progress = output.locator("figure.gr-chart", has_text="How far your applications got")
    expect(progress).to_contain_text("1 to a phone screen")


def test_log_hands_over_a_spreadsheet_and_a_printed_record(page):
    """From the log page: the CSV file has a row per update, as the engine wrote it; the
    printed record (rendered to PDF as Chromium prints it) names every application in the log
    and leaves the rest of the page off the paper."""
    form = go(page, "log")
    for company, stage in [("Northwind Books", "Interview"), ("Zoë & Co, Ltd.", "Application")]:
        form.get_by_label("Date").fill("2024-05-09")
        form.get_by_label("Company", exact=True).fill(company)
        pick(form, "stage", stage)
        page.get_by_role("button", name="Add to log").click()
    stored = page.evaluate("""() => Object.entries(localStorage).filter(([k]) => k.endsWith(":v2:log"))
        .map(([, v]) => JSON.parse(v).entries)[0]""")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a spreadsheet (CSV)").click()
    assert re.fullmatch(r"job-search-log-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename)
    text = Path(download.value.path()).read_bytes().decode("utf-8")   # as written: CRLF kept
    assert text.startswith("\ufeffApplication,Date,Company,") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert len(rows) == 1 + len(stored)
    assert ["2024-05-09", "Zoë & Co, Ltd."] in [row[1:3] for row in rows]

    page.evaluate("""() => { window.__printedWhile = [];
        window.print = () => window.__printedWhile.push(document.querySelector(".gr-worksheet").dataset.printing); }""")
    page.get_by_role("button", name="Print a record of my search").click()
    record = page.locator("[data-log-record]")
    expect(record).to_be_visible(timeout=ENGINE_TIMEOUT)
    assert page.evaluate("window.__printedWhile") == ["record"]
    applications = {e["application"] for e in stored}
    expect(record.locator(".gr-out-title").filter(has_text="Application ")).to_have_count(
        len(applications))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = re.sub(r"\s+", "", "\n".join(p.extract_text() for p in pdf.pages))
    for entry in stored:
        if entry.get("company"):
            assert re.sub(r"\s+", "", entry["company"]) in printed, entry["company"]
    assert f"Applications:{len(applications)}." in printed
    assert "Whereyoufoundit" not in printed and "Showmypatterns" not in printed   # the table and buttons stay off


def test_submitting_twice_replaces_the_output(page):
    form = go(page, "recharge")
    blocks = page.locator("[data-output-blocks] > *")
    submit(page, form, "Make my break plan")
    once = blocks.count()
    assert once > 0
    submit(page, form, "Make my break plan")
    expect(page.locator("[data-output] .gr-out-list, [data-output] .gr-out-paragraph").first).to_be_visible()
    assert blocks.count() == once, "the second run's blocks replace the first's, they are not added"
