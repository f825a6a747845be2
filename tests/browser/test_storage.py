"""A person's answers in the browser: autosave, two tabs, backup and restore, bad files,
blocked or full storage, delete everything, printing, and data from older versions."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ENGINE_TIMEOUT, PREFIX, READY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SITE = f"job-rejection-workbook:{PREFIX}:"
KEYS = f"{SITE}v2:"
REPLY_KEY = f"{KEYS}answers:reply"

# Storage that throws as a blocked (private mode) or full browser's would.
BLOCKED = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""
FULL_WHEN_FLAGGED = """(() => { const real = Storage.prototype.setItem;
  Storage.prototype.__realSetItem = real;
  Storage.prototype.setItem = function (key, value) {
    if (this.getItem("__test_full") === "1") throw new DOMException("quota", "QuotaExceededError");
    return real.call(this, key, value);
  }; })();"""


def stored(page) -> dict:
    """Everything the workbook keeps in localStorage (every copy of it), as exact strings.
    Other keys are left out: the theme's palette choice, and the offline copy's build id,
    which is written whenever the service worker finishes installing, a moment that
    depends on when Python became ready."""
    return page.evaluate("""() => Object.fromEntries(
        Object.entries(localStorage).filter(([key]) => key.startsWith("job-rejection-workbook:")))""")


def reply_answers(page) -> dict:
    return json.loads(stored(page).get(REPLY_KEY, '{"answers": {}}'))["answers"]


def open_reply(context, site_url):
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    return page, page.locator('form[data-worksheet="reply"]')


def wait_saved(page, field: str, value):
    """Wait until the reply worksheet's saved answers hold `value` for `field`."""
    page.wait_for_function(
        "([key, field, value]) => (JSON.parse(localStorage.getItem(key)) || {answers: {}}).answers[field] === value",
        arg=[REPLY_KEY, field, value])


def import_file(page, name: str, content: str | bytes):
    data = content.encode() if isinstance(content, str) else content
    page.locator('[data-action="import"]').set_input_files({"name": name, "mimeType": "application/json",
                                                           "buffer": data})


def test_answers_survive_a_reload_and_a_visit_elsewhere(open_context, site_url):
    context, _ = open_context()
    page, form = open_reply(context, site_url)
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    form.locator('[data-field="tone"] label.gr-option', has_text="Formal").click()
    wait_saved(page, "tone", "formal")
    expect(form.locator("[data-saved]")).to_have_text("Saved on this device.")
    page.reload()
    expect(form.get_by_label("Company", exact=True)).to_have_value("Northwind Books")
    expect(form.get_by_label("Formal")).to_be_checked()
    page.goto(site_url)
    page.goto(site_url + "workbook/reply/")
    expect(form.get_by_label("Company", exact=True)).to_have_value("Northwind Books")
    assert REPLY_KEY in stored(page)


def test_two_tabs_keep_each_others_answers(open_context, site_url):
    context, _ = open_context()
    first, first_form = open_reply(context, site_url)
    second, second_form = open_reply(context, site_url)
    first_form.get_by_label("Company", exact=True).fill("Contoso")
    wait_saved(first, "company", "Contoso")
    # The second tab was opened before; it picks up the first tab's answer...
    expect(second_form.get_by_label("Company", exact=True)).to_have_value("Contoso")
    # ...and its own answer to another field does not overwrite it.
    second_form.get_by_label("Role").fill("Designer")
    wait_saved(second, "role", "Designer")
    first.reload()
    expect(first_form.get_by_label("Company", exact=True)).to_have_value("Contoso")
    expect(first_form.get_by_label("Role")).to_have_value("Designer")


def test_a_tab_that_missed_the_news_saves_only_what_it_changed(open_context, site_url):
    context, _ = open_context()
    first, first_form = open_reply(context, site_url)
    stale = context.new_page()
    # The stale tab never hears of the other tab's saves (as when a browser delays the event).
    stale.add_init_script("""const listen = window.addEventListener;
      window.addEventListener = function (type, ...rest) {
        if (type !== "storage") listen.call(this, type, ...rest);
      };""")
    stale.goto(site_url + "workbook/reply/")
    stale_form = stale.locator('form[data-worksheet="reply"]')
    first_form.get_by_label("Company", exact=True).fill("Contoso")
    wait_saved(first, "company", "Contoso")
    expect(stale_form.get_by_label("Company", exact=True)).to_have_value("")
    stale_form.get_by_label("Role").fill("Designer")
    wait_saved(stale, "role", "Designer")
    assert reply_answers(stale)["company"] == "Contoso"


def test_export_then_import_into_a_fresh_browser_gives_the_same_answers(open_context, site_url):
    context, _ = open_context()
    page, form = open_reply(context, site_url)
    form.get_by_label("Recruiter's name").fill("Priya")
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    form.locator('[data-field="stage"] label.gr-option', has_text="Final round").click()
    wait_saved(page, "stage", "final_round")
    page.goto(site_url + "workbook/log/")
    log_form = page.locator('form[data-worksheet="log"]')
    log_form.get_by_label("Date").fill("2026-11-20")
    log_form.get_by_label("Company", exact=True).fill("Contoso")
    log_form.locator('[data-field="stage"] label.gr-option', has_text="Interview").click()
    page.get_by_role("button", name="Add to log").click()
    expect(page.locator("[data-log] tbody tr")).to_have_count(1)
    with page.expect_download() as download:
        page.locator('[data-action="export-json"]').click()
    backup = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert backup["format"] == "job-rejection-workbook" and backup["version"] == 2
    assert backup["worksheets"]["reply"]["answers"]["company"] == "Northwind Books"
    assert [e["company"] for e in backup["log"]] == ["Contoso"]
    expect(page.locator("[data-last-backup]")).to_contain_text("Last backup:")
    expect(page.locator("[data-backup-reminder]")).to_be_hidden()
    with page.expect_download() as readable:
        page.locator('[data-action="export-markdown"]').click()
    markdown = Path(readable.value.path()).read_text(encoding="utf-8")
    assert readable.value.suggested_filename.endswith(".md")
    assert "## Reply to the rejection" in markdown and "- **Company**: Northwind Books" in markdown
    assert "| Contoso |" in markdown

    fresh, _ = open_context()
    other = fresh.new_page()
    other.goto(site_url + "workbook/")
    import_file(other, "backup.json", json.dumps(backup))
    preview = other.locator("[data-import-preview]")
    expect(preview).to_contain_text("It holds answers for 1 worksheet(s) and 1 log entry(ies).", timeout=ENGINE_TIMEOUT)
    assert [k for k in stored(other) if k.startswith(SITE)] == [], "nothing changes before the person confirms"
    other.get_by_role("button", name="Replace my answers with this backup").click()
    other.goto(site_url + "workbook/reply/")
    reply = other.locator('form[data-worksheet="reply"]')
    expect(reply.get_by_label("Recruiter's name")).to_have_value("Priya")
    expect(reply.get_by_label("Company", exact=True)).to_have_value("Northwind Books")
    expect(reply.get_by_label("Final round")).to_be_checked()
    other.goto(site_url + "workbook/log/")
    expect(other.locator("[data-log] tbody tr")).to_have_count(1)
    expect(other.locator("[data-log] tbody")).to_contain_text("Contoso")

    # Undo import puts back what was there before: nothing.
    other.get_by_role("button", name="Undo import").click()
    expect(other.locator("[data-log-empty]")).to_be_visible()
    assert json.loads(stored(other)[f"{KEYS}log"])["entries"] == []
    assert f"{KEYS}answers:reply" not in stored(other)


def _backup(**parts) -> str:
    return json.dumps({"format": "job-rejection-workbook", "version": 1, "worksheets": {"reply": {"answers": {
        "company": "From the backup"}}}, "log": [], **parts})


# The ten most harmful bad files (every kind, with its message, is in tests/unit/test_backup_refusals.py).
BAD_FILES = [
    ("not JSON", "notes.json", "this is not { json", "it is not a JSON file"),
    ("another app's file", "playlist.json", json.dumps({"name": "songs"}), "not a backup from this workbook"),
    ("a newer version", "future.json", _backup(version=9), "made by a newer version"),
    ("a wrong type", "wrong.json", _backup(worksheets={"reply": {"answers": {"company": {"x": 1}}}}),
     "not in the expected shape"),
    ("over 1 MB", "big.json", "x" * 1_000_001, "larger than 1 MB"),
    # Would have made entries impossible to edit or delete one at a time.
    ("two entries with one id", "twins.json", _backup(log=[{"id": "a1", "company": "A"}, {"id": "a1", "company": "B"}]),
     "'a1' is used by two entries"),
    # Misspelt parts: once read as an empty backup that replaced everything.
    ("misspelt parts", "typo.json", json.dumps({"format": "job-rejection-workbook", "version": 1,
                                                "worksheet": {}, "logs": []}), "does not know (logs, worksheet)"),
    ("version 0 with version 1's parts", "mixed.json",
     json.dumps({"format": "job-rejection-workbook", "version": 0, "answers": {},
                 "worksheets": {"reply": {"answers": {"company": "N"}}}}), "does not know (worksheets)"),
    ("an impossible date", "date.json", _backup(log=[{"id": "a1", "date": "2026-02-31", "company": "A"}]),
     "2026-02-31 is not a real date"),
    # Once overflowed Python's stack, so that every worksheet failed until a reload.
    ("nested brackets", "deep.json", "[" * 30_000 + "]" * 30_000, "nested far deeper than any backup"),
]


def test_every_bad_import_changes_nothing_and_says_why(open_context, site_url):
    context, _ = open_context()
    page, form = open_reply(context, site_url)
    form.get_by_label("Company", exact=True).fill("Keep me")
    wait_saved(page, "company", "Keep me")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    before = stored(page)
    for _kind, name, content, reason in BAD_FILES:
        import_file(page, name, content)
        expect(page.locator("[data-backup]")).to_contain_text(reason, timeout=ENGINE_TIMEOUT)
        expect(page.locator('[data-action="import-confirm"]')).to_be_hidden()
        assert stored(page) == before, name
    expect(form.get_by_label("Company", exact=True)).to_have_value("Keep me")
    # Python is still there for the person's own worksheet.
    expect(page.locator("[data-status]")).to_have_attribute("data-state", "ready")
    page.get_by_role("button", name="Draft my reply").click()
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(re.compile("Keep me"),
                                                                                 timeout=ENGINE_TIMEOUT)


def test_answers_that_no_longer_fit_are_kept_aside_not_put_in_the_form(open_context, site_url):
    """A backup from before a maintainer removed a choice and lowered a limit: the answers that no
    longer fit are listed under "Answers from an earlier version", the form gets only the rest."""
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    long_name = "P" * 150  # the field now takes 100 characters
    import_file(page, "old.json", _backup(worksheets={"reply": {"answers": {
        "company": "Northwind", "stage": "assessment_centre", "recruiter_name": long_name}}}))
    expect(page.locator("[data-import-preview]")).to_contain_text("no longer fit today's worksheets",
                                                                   timeout=ENGINE_TIMEOUT)
    page.get_by_role("button", name="Replace my answers with this backup").click()
    form = page.locator('form[data-worksheet="reply"]')
    expect(form.get_by_label("Company", exact=True)).to_have_value("Northwind")
    expect(form.get_by_label("Recruiter's name")).to_have_value("")
    assert form.locator('[data-field="stage"] input:checked').count() == 0
    earlier = page.locator("[data-earlier]")
    expect(earlier).to_contain_text("Stage reached: assessment_centre")
    expect(earlier).to_contain_text(f"Recruiter's name: {long_name}")
    saved = json.loads(stored(page)[REPLY_KEY])
    assert saved["earlier"] == {"stage": "assessment_centre", "recruiter_name": long_name}
    # Typing a new answer does not touch the one kept aside.
    form.get_by_label("Recruiter's name").fill("Priya")
    wait_saved(page, "recruiter_name", "Priya")
    assert json.loads(stored(page)[REPLY_KEY])["earlier"]["recruiter_name"] == long_name
    page.get_by_role("button", name="Dismiss these answers").click()
    expect(earlier).to_be_hidden()
    assert "earlier" not in json.loads(stored(page)[REPLY_KEY])


def test_saved_answers_that_a_worksheet_edit_left_behind_are_moved_aside(open_context, site_url):
    """Answers saved before the worksheet changed (no import): on the next visit the engine names
    the ones that no longer fit, the page moves them aside, and the person sees them."""
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [REPLY_KEY, json.dumps(
        {"answers": {"company": "Contoso", "stage": "assessment_centre"}, "updated_at": "2026-11-01T10:00:00.000Z"})])
    page.goto(site_url + "workbook/reply/")
    earlier = page.locator("[data-earlier]")
    expect(earlier).to_contain_text("Stage reached: assessment_centre", timeout=ENGINE_TIMEOUT)
    page.wait_for_function("(key) => JSON.parse(localStorage.getItem(key)).earlier", arg=REPLY_KEY)
    saved = json.loads(stored(page)[REPLY_KEY])
    assert saved["answers"] == {"company": "Contoso"}
    assert saved["earlier"] == {"stage": "assessment_centre"}
    expect(page.locator('form[data-worksheet="reply"]').get_by_label("Company", exact=True)).to_have_value("Contoso")

    # Of a list of choices, only the one the worksheet no longer offers goes aside.
    check_in = f"{KEYS}answers:check-in"
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [check_in, json.dumps({"answers": {"feelings": ["sad", "tired"]}, "updated_at": None})])
    page.goto(site_url + "workbook/check-in/")
    expect(page.locator("[data-earlier]")).to_contain_text("tired", timeout=ENGINE_TIMEOUT)
    expect(page.get_by_label("Sad", exact=True)).to_be_checked()
    page.wait_for_function("(key) => JSON.parse(localStorage.getItem(key)).earlier", arg=check_in)
    assert json.loads(stored(page)[check_in])["answers"]["feelings"] == ["sad"]
    assert json.loads(stored(page)[check_in])["earlier"] == {"feelings": ["tired"]}


def test_html_in_a_backup_is_kept_as_text_and_never_run(open_context, site_url):
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    attack = '<img src=x onerror="window.__ran = 1"><script>window.__ran = 2</script>'
    backup = {"format": "job-rejection-workbook", "version": 1, "worksheets": {
        "reply": {"answers": {"company": attack}}, "gone-worksheet": {"answers": {"old": attack}}},
        "log": [{"company": attack, "stage": "interview"}]}
    import_file(page, "backup.json", json.dumps(backup))
    expect(page.locator("[data-import-preview]")).to_contain_text("looks like HTML or a script",
                                                                   timeout=ENGINE_TIMEOUT)
    page.get_by_role("button", name="Replace my answers with this backup").click()
    expect(page.locator('form[data-worksheet="reply"]').get_by_label("Company", exact=True)).to_have_value(attack)
    page.goto(site_url + "workbook/log/")
    expect(page.locator("[data-log] tbody")).to_contain_text(attack)
    assert page.evaluate("window.__ran") is None
    assert page.locator("[data-log] img").count() == 0


def test_blocked_storage_still_drafts_and_exports(open_context, site_url):
    context, _ = open_context()
    context.add_init_script(BLOCKED)
    page, form = open_reply(context, site_url)
    form.get_by_label("Company", exact=True).fill("Memory Only Ltd")
    expect(form.locator("[data-saved]")).to_contain_text("not letting the site store anything")
    expect(page.locator("[data-storage-problem]")).to_be_visible()
    page.get_by_role("button", name="Draft my reply").click()
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(re.compile("Memory Only Ltd"),
                                                                               timeout=ENGINE_TIMEOUT)
    with page.expect_download() as download:
        page.locator('[data-action="export-json"]').click()
    backup = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert backup["worksheets"]["reply"]["answers"]["company"] == "Memory Only Ltd"


def test_full_storage_keeps_what_was_saved_and_says_so(open_context, site_url):
    context, _ = open_context()
    context.add_init_script(FULL_WHEN_FLAGGED)
    page, form = open_reply(context, site_url)
    form.get_by_label("Company", exact=True).fill("Saved Before")
    wait_saved(page, "company", "Saved Before")
    page.evaluate("localStorage.__realSetItem('__test_full', '1')")
    page.reload()
    expect(form.get_by_label("Company", exact=True)).to_have_value("Saved Before")
    form.get_by_label("Company", exact=True).fill("Typed While Full")
    expect(form.locator("[data-saved]")).to_contain_text("storage for the site is full")
    assert reply_answers(page)["company"] == "Saved Before"
    with page.expect_download() as download:
        page.locator('[data-action="export-json"]').click()
    backup = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert backup["worksheets"]["reply"]["answers"]["company"] == "Typed While Full"


def test_delete_everything_after_confirming_leaves_other_copies_alone(open_context, site_url):
    context, _ = open_context()
    page, form = open_reply(context, site_url)
    other_copy = "job-rejection-workbook:/another-copy/:v1:answers:reply"
    page.evaluate(f"localStorage.setItem('{other_copy}', '{{\"answers\": {{\"company\": \"Theirs\"}}}}')")
    form.get_by_label("Company", exact=True).fill("Mine")
    wait_saved(page, "company", "Mine")
    expect(form.get_by_label("Company", exact=True)).to_have_value("Mine")  # not the other copy's answer
    page.locator('[data-action="delete-all"]').click()
    assert REPLY_KEY in stored(page), "nothing is deleted before the confirmation"
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator("[data-backup-message]")).to_contain_text("has been deleted")
    assert [k for k in stored(page) if k.startswith(SITE)] == []
    assert other_copy in stored(page)
    expect(form.get_by_label("Company", exact=True)).to_have_value("")
    page.reload()
    expect(form.get_by_label("Company", exact=True)).to_have_value("")


def test_print_preview_shows_the_answers_without_navigation(open_context, site_url):
    context, _ = open_context()
    page, form = open_reply(context, site_url)
    form.get_by_label("Company", exact=True).fill("Printed Co")
    wait_saved(page, "company", "Printed Co")
    page.emulate_media(media="print")
    # On paper the answer is text under its question (test_print.py prints every worksheet).
    expect(form.locator('[data-field="company"] [data-print-answer]')).to_be_visible()
    expect(form.locator('[data-field="company"] [data-print-answer]')).to_have_text("Printed Co")
    expect(form.get_by_label("Company", exact=True)).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("[data-backup]")).to_be_hidden()


def test_version_0_answers_are_migrated_and_the_old_copy_is_kept(open_context, site_url):
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url)
    legacy = (FIXTURES / "backup-v0.json").read_text(encoding="utf-8")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [f"{SITE}v0", legacy])
    page.goto(site_url + "workbook/reply/")
    form = page.locator('form[data-worksheet="reply"]')
    expect(form.get_by_label("Recruiter's name")).to_have_value("Priya", timeout=ENGINE_TIMEOUT)
    expect(form.get_by_label("Final round")).to_be_checked()
    # The field this worksheet no longer has is shown, not lost.
    earlier = page.locator("[data-earlier]")
    expect(earlier).to_contain_text("Answers from an earlier version")
    expect(earlier).to_contain_text("closing line: Best wishes")
    after = stored(page)
    assert after[f"{SITE}v0"] == legacy
    assert json.loads(after[REPLY_KEY])["answers"]["closing_line"] == "Best wishes"
    assert [e["company"] for e in json.loads(after[f"{KEYS}log"])["entries"]] == ["Northwind Books", "Contoso"]
    page.get_by_role("button", name="Dismiss these answers").click()
    expect(earlier).to_be_hidden()
    assert "closing_line" not in reply_answers(page)
    assert reply_answers(page)["recruiter_name"] == "Priya"


def test_version_1_storage_is_added_to_version_2_and_the_old_copy_is_kept(open_context, site_url):
    """What the page saved in format 1 (keys as the version-1 page wrote them, from
    tests/fixtures/backup-v1.json) is brought up to date by the engine and added to what version
    2 holds, even when the person logged something new before Python was ready: nothing is
    replaced, and the version-1 keys stay as they were."""
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url)
    v1 = json.loads((FIXTURES / "backup-v1.json").read_text(encoding="utf-8"))
    old_keys = {f"{SITE}v1:answers:reply": json.dumps(v1["worksheets"]["reply"]),
                f"{SITE}v1:log": json.dumps({"entries": v1["log"], "updated_at": "2026-11-20T18:04:11.000Z"})}
    typed_first = {"id": "new-1", "application": "app-new", "date": "2026-11-26", "company": "Fabrikam",
                   "stage": "application", "outcome": "waiting"}
    page.evaluate("""([keys, newLog]) => {
        for (const [key, value] of Object.entries(keys)) localStorage.setItem(key, value);
        localStorage.setItem(newLog[0], newLog[1]);
    }""", [old_keys, [f"{KEYS}log", json.dumps({"entries": [typed_first], "updated_at": "2026-11-26T08:00:00.000Z"})]])
    page.goto(site_url + "workbook/log/")
    rows = page.locator("[data-log] tbody tr")
    expect(rows).to_have_count(4, timeout=ENGINE_TIMEOUT)
    expect(rows.nth(0)).to_contain_text("Turned down")
    after = stored(page)
    for key, value in old_keys.items():
        assert after[key] == value
    entries = json.loads(after[f"{KEYS}log"])["entries"]
    assert [e["id"] for e in entries] == [e["id"] for e in v1["log"]] + ["new-1"]
    assert [e["outcome"] for e in entries] == ["rejected", "rejected", "rejected", "waiting"]
    assert len({e["application"] for e in entries}) == 4
    assert json.loads(after[f"{KEYS}meta"])["migrated_from"] == 1
    assert json.loads(after[REPLY_KEY])["answers"] == v1["worksheets"]["reply"]["answers"]
    # A second visit adds nothing twice.
    page.reload()
    expect(rows).to_have_count(4)
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    assert len(json.loads(stored(page)[f"{KEYS}log"])["entries"]) == 4


@pytest.mark.parametrize("path", ["workbook/", "workbook/reply/"])
def test_storage_keys_are_namespaced_by_base_path_and_version(open_context, site_url, path):
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url + path)
    fmt = page.locator("[data-storage-format]").first
    assert fmt.get_attribute("data-storage-format") == "job-rejection-workbook"
    assert fmt.get_attribute("data-storage-version") == "2"
    assert fmt.get_attribute("data-storage-max-bytes") == "1000000"


def test_a_gentle_reminder_when_the_last_backup_is_over_a_week_old(open_context, site_url):
    context, _ = open_context()
    context.add_init_script("""navigator.storage.persist = () => {
      window.__persistAsked = true; return Promise.resolve(true); };""")
    page, form = open_reply(context, site_url)
    reminder = page.locator("[data-backup-reminder]")
    expect(reminder).to_be_hidden()  # nothing saved, nothing to back up
    form.get_by_label("Company", exact=True).fill("Contoso")
    wait_saved(page, "company", "Contoso")
    assert page.evaluate("window.__persistAsked") is True
    eight_days_ago = page.evaluate("new Date(Date.now() - 8 * 864e5).toISOString()")
    page.evaluate("([key, when]) => localStorage.setItem(key, JSON.stringify({last_backup_at: when}))",
                  [f"{KEYS}meta", eight_days_ago])
    page.reload()
    expect(reminder).to_be_visible()
    expect(reminder).to_contain_text("more than a week since your last backup")
    two_days_ago = page.evaluate("new Date(Date.now() - 2 * 864e5).toISOString()")
    page.evaluate("([key, when]) => localStorage.setItem(key, JSON.stringify({last_backup_at: when}))",
                  [f"{KEYS}meta", two_days_ago])
    page.reload()
    expect(reminder).to_be_hidden()
