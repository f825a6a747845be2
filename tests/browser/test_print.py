"""Printing a worksheet, as a person would hand it to a coach: Chromium prints each worksheet,
filled with its first example's answers and showing its results, to PDF on A4 and on US
Letter; the PDF is read back (pypdf) for its pages and its text.

What must be there is worked out here from the YAML and the engine, not read from the page:
each answer as a person reads it (a choice as its label, yes/no as a word), and the results'
text. What must not: the example, the buttons, the placeholder of a field left empty.
"""
from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

import workbook
from macros.content import load_content
from tests.browser.conftest import ENGINE_TIMEOUT, READY
from tests.browser.test_storage import import_file

CONTENT = load_content()
SHEETS = list(CONTENT.worksheets)
PAPER = ("A4", "Letter")
NEVER_PRINTED = ("See an example of the results", "Print or save as PDF", "Copy the message", "Open in email app",
                 "Your saved answers", "Download a backup", "Python is ready", "Loading Python", "Add to log",
                 "Your answers stay on this device")


def _first_example(wid: str) -> dict:
    return CONTENT.worksheets[wid]["examples"][0]["inputs"]


def _backup() -> str:
    """One backup holding every worksheet's first example as its answers (and the log's entries)."""
    worksheets, log = {}, []
    for wid in SHEETS:
        inputs = dict(_first_example(wid))
        inputs.pop("today", None)
        for i, entry in enumerate(inputs.pop("entries", []), start=1):
            log.append({"id": f"entry-{i}", **entry})
        worksheets[wid] = {"answers": inputs}
    return json.dumps({"format": "job-rejection-workbook", "version": 1, "worksheets": worksheets, "log": log})


def _as_read(field: dict, value) -> str:
    """An answer as a person reads it, from the worksheet's YAML."""
    labels = {o["value"]: o["label"] for o in field.get("options", [])}
    if field["type"] == "yes_no":
        return "Yes" if value else "No"
    if field["type"] == "choice":
        return labels[value]
    if field["type"] == "multi_choice":
        return ", ".join(labels[v] for v in value)
    return str(value)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _result_texts(output: dict) -> list[str]:
    texts = []
    for block in output["blocks"]:
        if block["kind"] == "paragraph":
            texts.append(block["text"])
        elif block["kind"] == "list":
            texts += block["items"]
        elif block["kind"] == "draft":
            texts += [line for line in (block.get("body") or "").splitlines() if line.strip()]
            if block.get("subject"):
                texts.append(block["subject"])
        elif block["kind"] == "chart":
            texts += [bar["label"] for bar in block["bars"]]
    texts += [note["text"] for note in output["notes"]]
    return texts


@pytest.fixture(scope="module")
def filled(browser, site_url):
    """One browser profile holding every worksheet's first example, restored from a backup."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(site_url + "workbook/")
    import_file(page, "examples.json", _backup())
    page.locator('[data-action="import-confirm"]').click(timeout=ENGINE_TIMEOUT)  # once Python checked it
    expect(page.locator("[data-backup-message]")).to_contain_text("were replaced with the backup")
    yield page
    context.close()


@pytest.mark.parametrize("wid", SHEETS)
def test_a_printed_worksheet_holds_the_answers_and_results_and_nothing_else(filled, site_url, wid):
    page = filled
    page.goto(site_url + f"workbook/{wid}/")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    form = page.locator(f'form[data-worksheet="{wid}"]')
    page.locator('[data-action="run"]').first.click()
    expect(form).to_have_attribute("data-ran", "1", timeout=ENGINE_TIMEOUT)
    expect(page.locator('[data-action="print"]').first).to_be_visible()

    sheet = CONTENT.worksheets[wid]
    # What the form holds: the example's answers, and a field's default where it gives none.
    inputs = {f["id"]: f["default"] for f in sheet["fields"] if "default" in f} | _first_example(wid)
    # The page sends its own date with every run, whatever date the example was written for.
    inputs["today"] = page.evaluate("""() => { const d = new Date(), p = (n) => String(n).padStart(2, "0");
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }""")
    workbook.use_content(CONTENT.worksheets, CONTENT.tone, CONTENT.interface)
    output = workbook.run(wid, inputs)
    layout = sheet.get("layout", "form")
    for paper in PAPER:
        reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
        text = "\n".join(p.extract_text() for p in reader.pages)
        flat = _squeezed(text)
        where = f"{wid} on {paper}"
        assert sheet["title"] in text, where
        if layout == "log":
            for entry in inputs["entries"]:
                assert _squeezed(entry["company"]) in flat, (where, entry["company"])
        else:
            for field in sheet["fields"]:
                value = inputs.get(field["id"])
                if value in (None, "", []):
                    assert _squeezed(field["label"]) not in flat, (where, "an empty answer is left out", field["id"])
                    if field.get("placeholder"):
                        assert _squeezed(field["placeholder"]) not in flat, (where, "placeholder", field["id"])
                    continue
                assert _squeezed(field["label"]) in flat, (where, field["label"])
                assert _squeezed(_as_read(field, value)) in flat, (where, field["id"], _as_read(field, value))
        for result in _result_texts(output):
            assert _squeezed(result) in flat, (where, result)
        for chrome in NEVER_PRINTED:
            assert chrome not in text, (where, chrome)
        if wid == "reply":
            assert len(reader.pages) <= 2, (where, len(reader.pages))
        else:
            assert len(reader.pages) <= 3, (where, len(reader.pages))


def test_the_print_button_opens_the_browser_s_print_dialog(filled, site_url):
    page = filled
    page.goto(site_url + "workbook/reflect/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.locator('[data-action="print"]').first.click()
    page.wait_for_function("() => window.__printed > 0")   # at once, or when the page's script has loaded
    page.wait_for_timeout(200)
    assert page.evaluate("window.__printed") == 1


def test_a_press_on_print_before_the_page_s_script_has_loaded_still_prints(open_context, site_url):
    """workbook.js shows the button before page.js (and print.js) has loaded; on a slow phone a
    person can tap it in that moment. The press is kept and answered once the handler is there."""
    context, _ = open_context()
    page = context.new_page()
    held = []
    page.route("**/assets/page.js", lambda route: held.append(route))   # loaded when the test says
    page.goto(site_url + "workbook/reflect/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.locator('[data-action="print"]').first
    expect(button).to_be_visible()
    assert held, "page.js is still held"
    button.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__printed") == 0   # nothing can print yet
    held[0].continue_()
    page.wait_for_function("() => window.__printed > 0")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__printed") == 1, "printed once, not again for each wiring"
    assert button.get_attribute("data-pressed-early") is None
