"""The reply worksheet with the keyboard alone: fill it in, draft, copy the draft and export a
backup, with Tab, arrow keys, Space and Enter only (no clicks), and a visible focus
indicator on every stop along the way, from the top of the page.

"Visible" here: the focused element (or, for an input the theme hides visually, such as
Material's palette switch or the file input of the restore button, the label that stands
for it) has a non-zero size, is not transparent, and draws an outline or a box-shadow. The
one exception is a container the page focuses from script so that a screen reader reads it
(the output section, tabindex="-1"): it is not a control and cannot be reached with Tab.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import ENGINE_TIMEOUT, PREFIX, READY

FOCUS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return {where: "body", visible: true};
    const where = `<${e.tagName.toLowerCase()}${e.id ? " id=" + e.id : ""}`
        + `${e.dataset.action ? " data-action=" + e.dataset.action : ""}> `
        + (e.textContent || e.name || "").trim().slice(0, 40);
    if (e.getAttribute("tabindex") === "-1") return {where, visible: true, scripted: true};
    const stands = [e, ...(e.labels || []), e.closest("label"),
                    e.nextElementSibling && e.nextElementSibling.tagName === "LABEL" ? e.nextElementSibling : null];
    const shows = el => {
        if (!el) return false;
        const cs = getComputedStyle(el), box = el.getBoundingClientRect();
        const shown = box.width >= 2 && box.height >= 2 && parseFloat(cs.opacity) > 0 && cs.visibility === "visible";
        if (!shown) return false;
        const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
        return outline || (cs.boxShadow && cs.boxShadow !== "none");
    };
    return {where, visible: stands.some(shows)};
}"""


class Keyboard:
    """Moves focus with the keyboard and checks that every stop shows where focus is."""

    def __init__(self, page):
        self.page = page
        self.path: list[str] = []
        self.invisible: list[str] = []

    def check(self):
        focus = self.page.evaluate(FOCUS)
        self.path.append(focus["where"])
        if not focus["visible"]:
            self.invisible.append(focus["where"])

    def press(self, key: str):
        self.page.keyboard.press(key)
        self.check()

    def tab_to(self, selector: str, limit: int = 80):
        """Press Tab until the focused element matches `selector`."""
        for _ in range(limit):
            self.press("Tab")
            if self.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}; focus went: {self.path[-limit:]}")

    def type(self, text: str):
        self.page.keyboard.type(text)


def test_reply_worksheet_with_the_keyboard_alone(open_context, site_url):
    context, _ = open_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.removesuffix(PREFIX))
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    keys = Keyboard(page)
    form = page.locator('form[data-worksheet="reply"]')

    keys.tab_to("#ws-reply-recruiter_name")  # through the header and the navigation
    keys.type("Priya")
    keys.press("Tab")
    keys.type("Northwind Books")
    keys.press("Tab")
    keys.type("Product Designer")
    keys.tab_to('input[name="stage"]')  # a radio group is one Tab stop; arrows pick
    for _ in range(3):
        keys.press("ArrowDown")
    expect(form.locator("#ws-reply-stage-final_round")).to_be_checked()
    keys.tab_to('input[name="tone"]')
    keys.press("ArrowDown")
    keys.press("ArrowDown")
    expect(form.locator("#ws-reply-tone-formal")).to_be_checked()
    keys.tab_to('input[name="ask_feedback"]')
    keys.press("ArrowLeft")
    expect(form.locator("#ws-reply-ask_feedback-yes")).to_be_checked()
    keys.tab_to("#ws-reply-your_name")
    keys.type("Sam Rivera")
    keys.tab_to('button[data-action="run"]')
    keys.press("Enter")

    body = page.locator("[data-output] textarea.gr-draft__body")
    expect(body).to_have_value(re.compile(r"^Dear Priya,[\s\S]*Northwind Books[\s\S]*Sam Rivera"),
                               timeout=ENGINE_TIMEOUT)
    keys.check()  # where the page put focus after drafting

    keys.tab_to('[data-output] button[data-action="copy"]')
    keys.press("Space")
    expect(page.locator("[data-output]")).to_contain_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == body.input_value()

    keys.tab_to('[data-action="export-json"]')  # the backup panel, after the output
    with page.expect_download() as download:
        keys.press("Enter")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert "Northwind Books" in json.dumps(saved["worksheets"])

    assert not keys.invisible, "focus not visible at:\n" + "\n".join(keys.invisible)
