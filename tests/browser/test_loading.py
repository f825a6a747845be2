"""How the engine loads: typing works at once, the status goes to ready, a failed load
says so and can be retried, guide pages never load Pyodide, and instant navigation
from a guide page to a worksheet works."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from sitebuild.assets import RUNTIME_FILES
from tests.browser.conftest import ENGINE_TIMEOUT, READY


def test_fields_accept_typing_before_python_is_ready(open_context, site_url):
    # The page's own loads only: once Python has started, the offline copy's background download
    # may begin, and it fetches every file of the site (pyodide-lock.json too; test_offline.py).
    context, recorder = open_context(service_workers="block")
    page = context.new_page()
    page.goto(site_url + "workbook/reply/", wait_until="domcontentloaded")
    company = page.get_by_label("Company")
    company.fill("Northwind Books")
    expect(company).to_have_value("Northwind Books")
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    # Submitting before Python is ready queues the request; the output comes once it is.
    page.get_by_role("button", name="Draft my reply").click()
    expect(status).to_contain_text("Ready", timeout=ENGINE_TIMEOUT)
    expect(status).to_have_attribute("data-state", "ready")
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(
        re.compile("Northwind Books"), timeout=ENGINE_TIMEOUT)
    assert any(u.endswith("/assets/worker.js") for u in recorder.workers)
    fetched = {u.rsplit("/", 1)[-1] for u in recorder.urls}
    assert set(RUNTIME_FILES) <= fetched
    # The traced standard library, not Pyodide's whole one; no list of Pyodide's packages.
    assert any(re.fullmatch(r"stdlib-[0-9a-f]{16}\.zip", name) for name in fetched), fetched
    assert not {"python_stdlib.zip", "pyodide-lock.json"} & fetched
    assert any(u.endswith(".whl") for u in recorder.urls)
    # Python saw answers before it was ready, so no snapshot of its memory is kept.
    expect(status).to_have_attribute("data-snapshot", "skipped", timeout=ENGINE_TIMEOUT)
    assert page.evaluate("caches.keys().then(names => names.filter(n => n.startsWith('workbook-python')))") == []


def _open_without(open_context, site_url, blocked: str, worksheet: str):
    """A worksheet page whose requests for `blocked` (a URL pattern) fail; (page, its status line)."""
    context, _ = open_context()
    page = context.new_page()
    page.route(blocked, lambda route: route.abort())
    page.goto(site_url + f"workbook/{worksheet}/")
    return page, page.locator("[data-status]")


def test_a_failed_load_shows_a_message_and_retry_works(open_context, site_url):
    page, status = _open_without(open_context, site_url, "**/pyodide.asm.wasm", "check-in")
    expect(status).to_have_attribute("data-state", "failed", timeout=ENGINE_TIMEOUT)
    expect(status).to_contain_text("Python could not start")
    expect(status).to_contain_text("Your answers are still in the form")
    page.unroute("**/pyodide.asm.wasm")
    status.get_by_role("button", name="Retry").click()
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)


def test_a_missing_pyodide_module_also_fails_clearly(open_context, site_url):
    _, status = _open_without(open_context, site_url, "**/pyodide.mjs", "check-in")
    expect(status).to_have_attribute("data-state", "failed", timeout=ENGINE_TIMEOUT)
    expect(status.get_by_role("button", name="Retry")).to_be_visible()


def test_guide_pages_load_no_pyodide_and_no_worker(open_context, site_url):
    # The page's own loads only: the offline copy's background download is tested in test_offline.py.
    context, recorder = open_context(service_workers="block")
    page = context.new_page()
    for path in ("", "strategies/reply-professionally/", "workbook/"):
        page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("form[data-worksheet]").count() == 0
    assert [w for w in recorder.workers if "/assets/worker.js" in w] == []  # Material's search worker is fine
    loaded = [u for u in recorder.urls if "pyodide" in u or u.endswith((".whl", "worker.js", ".wasm"))]
    assert loaded == []


def test_instant_navigation_from_a_strategy_to_its_worksheet(open_context, site_url):
    # Counts the page's own downloads, so the offline copy's are left out (test_offline.py).
    context, recorder = open_context(service_workers="block")
    page = context.new_page()
    page.goto(site_url + "strategies/reply-professionally/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Worksheet: Reply to the rejection").click()
    form = page.locator('form[data-worksheet="reply"]')
    expect(form).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True  # Material swapped the page in place
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    form.get_by_label("Company").fill("Fabrikam")
    page.get_by_role("button", name="Draft my reply").click()
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(
        re.compile("Fabrikam"), timeout=ENGINE_TIMEOUT)
    # Back to a guide page and forward again: the same worker serves, no second Pyodide.
    page.go_back()
    expect(page.locator("form[data-worksheet]")).to_have_count(0)
    page.go_forward()
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    assert sum("/assets/worker.js" in w for w in recorder.workers) == 1
    assert sum(u.endswith("pyodide.asm.wasm") for u in recorder.urls) == 1


def test_phone_and_dark_mode(open_context, site_url):
    context, _ = open_context(viewport={"width": 390, "height": 844}, color_scheme="dark", is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    # Nothing wider than the screen, and the inputs are at least 16px (no zoom on focus).
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    size = page.get_by_label("Company").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 16
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)


SNAPSHOTS = "workbook-python-snapshot:/graceful-rejections/"


def _reload(page, came_from: str):
    """Reload the page and wait for Python, which must have come from `came_from`."""
    page.reload()
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    assert status.get_attribute("data-from") == came_from
    return status


def _replace_snapshot(page, body: str) -> None:
    """Put `body` (JavaScript, with `whole`, the saved response) in the saved snapshot's place."""
    page.evaluate(f"""async () => {{
        const cache = await caches.open('{SNAPSHOTS}');
        const [key] = await cache.keys();
        const whole = await cache.match(key);
        await cache.put(key, {body});
    }}""")


def test_a_return_visit_restores_python_and_a_bad_snapshot_is_not_made_again(open_context, site_url):
    context, _ = open_context(service_workers="block")
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    assert status.get_attribute("data-from") == "start"
    # Saved after the start, named by Pyodide's version and the wheel's hash.
    expect(status).to_have_attribute("data-snapshot", "saved", timeout=ENGINE_TIMEOUT)  # written whole
    assert page.evaluate(f"caches.open('{SNAPSHOTS}').then(c => c.keys()).then(k => k.length)") == 1
    _reload(page, "snapshot")
    # A copy cut short (shorter than the length saved beside it) is not a failed restore:
    # Python starts afresh and saves a whole copy again, which the next visit restores.
    _replace_snapshot(page, "new Response((await whole.arrayBuffer()).slice(0, 1 << 20), { headers: whole.headers })")
    status = _reload(page, "start")
    expect(status).to_have_attribute("data-snapshot", "saved", timeout=ENGINE_TIMEOUT)
    _reload(page, "snapshot")
    # A snapshot that fails to restore is dropped: Python starts afresh and works, and no new
    # one is made for this build (one that always failed would cost every visit twice).
    _replace_snapshot(page, "new Response(new Uint8Array([1, 2, 3]))")
    _reload(page, "start")
    page.get_by_label("Company", exact=True).fill("Fabrikam")
    page.get_by_role("button", name="Draft my reply").click()
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(
        re.compile("Fabrikam"), timeout=ENGINE_TIMEOUT)
    cached = f"caches.open('{SNAPSHOTS}').then(c => c.keys()).then(k => k.map(r => r.url.split('/').pop()))"
    page.wait_for_function(f"{cached}.then(names => names.length === 1 && names[0].endsWith('.failed'))")
    status = _reload(page, "start")
    expect(status).to_have_attribute("data-snapshot", "skipped", timeout=ENGINE_TIMEOUT)   # decided, not made
    names = page.evaluate(cached)
    assert len(names) == 1 and names[0].endswith(".failed"), names


# A real fatal error of Python inside the worker: the WebAssembly stack overflows (what a
# file of nested brackets did to the backup check before the engine refused deep nesting).
STOP_PYTHON = """() => {
  try { self.workbookPython.runPython("import json; json.loads('[' * 30000 + ']' * 30000)"); }
  catch (error) { return String(error); }
  return "still running";
}"""


def _stored(page) -> dict:
    """What the workbook keeps, without the time of the last save (leaving a field saves it again)."""
    return page.evaluate("""() => Object.fromEntries(
        Object.entries(localStorage).filter(([key]) => key.startsWith("job-rejection-workbook:"))
            .map(([key, value]) => { const data = JSON.parse(value); delete data.updated_at; return [key, data]; }))""")


def _python_stops_and_restarts(page, stop):
    """Fill the reply worksheet, stop Python with `stop`, draft: the page says Python stopped and
    the answers are safe; Restart Python brings back drafting with the same answers."""
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    form = page.locator('form[data-worksheet="reply"]')
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.endsWith(':answers:reply'))")
    before = _stored(page)
    stop(next(w for w in page.workers if w.url.endswith("/assets/worker.js")))

    page.get_by_role("button", name="Draft my reply").click()
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("data-state", "stopped", timeout=30_000)
    expect(status).to_contain_text("Python stopped")
    expect(status).to_contain_text("Your answers are safe")
    expect(page.locator("[data-output]")).to_contain_text("Python stopped before your results were ready")
    assert _stored(page) == before, "nothing saved was touched"
    expect(form.get_by_label("Company", exact=True)).to_have_value("Northwind Books")

    status.get_by_role("button", name="Restart Python").click()
    expect(page.get_by_role("button", name="Draft my reply")).to_be_focused()
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    page.get_by_role("button", name="Draft my reply").click()
    expect(page.locator("[data-output] textarea.gr-draft__body")).to_have_value(
        re.compile("Northwind Books"), timeout=ENGINE_TIMEOUT)


def test_when_python_fails_fatally_the_page_says_so_and_restart_brings_it_back(open_context, site_url):
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    stopped_with: list[str] = []
    _python_stops_and_restarts(page, lambda worker: stopped_with.append(worker.evaluate(STOP_PYTHON)))
    assert "Maximum call stack size exceeded" in stopped_with[0]


def test_when_the_worker_dies_silently_the_page_says_python_stopped(open_context, site_url):
    context, _ = open_context()
    page = context.new_page()
    page.goto(site_url + "workbook/reply/")
    # close() ends the worker from inside, as a browser ending it for its memory would: no message, no error.
    _python_stops_and_restarts(page, lambda worker: worker.evaluate("() => { setTimeout(() => close(), 0); }"))


def test_while_python_downloads_the_status_says_how_much_has_arrived(open_context, site_url):
    """"Loading Python… 2.1 of 11.9 MB": the total is the size of the files Pyodide fetches
    (engine.json), the amount only grows, and the form keeps taking answers meanwhile."""
    context, _ = open_context()
    page = context.new_page()
    # Every text the status line shows, from the first moment (before any page script).
    page.add_init_script("""window.__said = [];
        new MutationObserver(() => {
            const box = document.querySelector("[data-status]");
            const text = box?.textContent.trim();
            if (text && window.__said[window.__said.length - 1] !== text) window.__said.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });""")
    page.goto(site_url + "workbook/reply/", wait_until="domcontentloaded")
    page.get_by_label("Company").fill("Contoso")
    expect(page.locator(READY)).to_be_attached(timeout=ENGINE_TIMEOUT)
    engine = page.evaluate("fetch('../../assets/engine/engine.json').then(r => r.json())")
    total = sum(engine["pyodide_sizes"].values()) / 1e6
    amounts = []
    for text in page.evaluate("window.__said"):
        found = re.fullmatch(r"Loading Python… ([\d.]+) of ([\d.]+) MB", text)
        if found:
            assert float(found.group(2)) == round(total, 1)
            amounts.append(float(found.group(1)))
    assert len(amounts) >= 2, page.evaluate("window.__said")
    assert amounts == sorted(amounts) and amounts[-1] <= round(total, 1)
    assert amounts[-1] >= 0.9 * total, "the last count before ready is (nearly) all of it"
    # The answer typed while Python loaded was saved.
    page.reload()
    expect(page.get_by_label("Company")).to_have_value("Contoso")


# A sentence only the tone check's model reads as an insult (no phrase of content/tone.yaml
# names it: tests/unit/test_tone.py).
ONLY_THE_MODEL_READS = "Your recruiters are a pack of vultures."


def _draft(page, note: str = ONLY_THE_MODEL_READS):
    form = page.locator('form[data-worksheet="reply"]')
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    form.get_by_label("A line of your own").fill(note)
    form.get_by_role("button", name="Draft my reply").click()
    return page.locator("[data-output]")


def test_python_is_ready_before_the_tone_model_arrives_and_a_draft_waits_for_it(open_context, site_url):
    """The model is fetched once Python is ready (docs/assets/worker.js): a first visit does not
    wait for it; a draft with no note of one's own does not either, and one with a note asked
    for before the model arrives is checked with it all the same."""
    context, _ = open_context()
    page = context.new_page()
    held = []
    for model in ("tone-model", "care-model"):   # both answered when the test says
        page.route(f"**/{model}-*.txt", lambda route: held.append(route))
    page.goto(site_url + "workbook/reply/")
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)   # the models are held
    for _ in range(100):   # the worker asks for them just after "ready"
        if len(held) == 2:
            break
        page.wait_for_timeout(50)
    assert len(held) == 2
    form = page.locator('form[data-worksheet="reply"]')
    output = _draft(page, note="")
    # A name and a company, no note: no wait (a run that waited would come after 4 s, MODELS_WAIT_MS).
    expect(form).to_have_attribute("data-ran", "1", timeout=3500)
    expect(output.locator('[data-note^="tone_"]')).to_have_count(0)
    _draft(page)
    page.wait_for_timeout(500)
    assert form.get_attribute("data-ran") == "1", "the draft with a note waits for the model"
    for route in held:
        route.continue_()
    expect(form).to_have_attribute("data-ran", "2")
    expect(status).to_have_attribute("data-tone-model", "installed", timeout=ENGINE_TIMEOUT)
    expect(output.locator('[data-note="tone_hostile"]')).to_contain_text(ONLY_THE_MODEL_READS)
    expect(output.locator('[data-note="tone_rules_only"]')).to_have_count(0)


def test_quiet_words_asked_about_before_the_care_model_arrives_are_read_with_it(open_context, site_url):
    """The care model is fetched once Python is ready, as the tone model is: a reflection with
    quiet words no phrase matches, sent before it arrives, waits for it and brings the note."""
    context, _ = open_context()
    page = context.new_page()
    held = []
    page.route("**/care-model-*.txt", lambda route: held.append(route))   # answered when the test says
    page.goto(site_url + "workbook/reflect/")
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    expect(status).to_have_attribute("data-tone-model", "installed", timeout=ENGINE_TIMEOUT)
    assert len(held) == 1 and not status.get_attribute("data-care-model")
    form = page.locator('form[data-worksheet="reflect"]')
    form.get_by_label("Skills or qualifications you were missing").fill(
        "Honestly there's nothing left in me, I'm just so tired of being me.")
    form.get_by_role("button", name="Make my plan").click()
    page.wait_for_timeout(500)
    assert form.get_attribute("data-ran") is None, "the run waits for the care model"
    held[0].continue_()
    expect(form).to_have_attribute("data-ran", "1")
    expect(status).to_have_attribute("data-care-model", "installed")
    expect(page.locator('[data-output] [data-note="care"]')).to_contain_text("someone you trust")


def test_without_the_care_model_the_phrases_read_and_the_result_says_so_kindly(open_context, site_url):
    page, status = _open_without(open_context, site_url, "**/care-model-*.txt", "reflect")
    expect(status).to_have_attribute("data-care-model", "failed", timeout=ENGINE_TIMEOUT)
    expect(status).to_have_attribute("data-state", "ready")   # Python itself is fine
    form = page.locator('form[data-worksheet="reflect"]')
    field = form.get_by_label("Skills or qualifications you were missing")
    field.fill("I feel worthless and I can't go on like this.")   # a phrase: the note all the same
    form.get_by_role("button", name="Make my plan").click()
    output = page.locator("[data-output]")
    expect(output.locator('[data-note="care"]')).to_contain_text("someone you trust")
    expect(output.locator('[data-note="care_rules_only"]')).to_have_count(0)
    field.fill("Honestly there's nothing left in me, I'm just so tired of being me.")   # only the model hears it
    form.get_by_role("button", name="Make my plan").click()
    expect(output.locator('[data-note="care_rules_only"]')).to_contain_text("could not be loaded")
    expect(output.locator('[data-note="care_rules_only"]')).to_contain_text("someone you trust")
    expect(output.locator('[data-note="care"]')).to_have_count(0)


def test_without_the_tone_model_a_draft_is_checked_by_the_rules_and_says_so(open_context, site_url):
    page, status = _open_without(open_context, site_url, "**/tone-model-*.txt", "reply")
    expect(status).to_have_attribute("data-tone-model", "failed", timeout=ENGINE_TIMEOUT)
    expect(status).to_have_attribute("data-state", "ready")   # Python itself is fine
    output = _draft(page)
    expect(output.locator("textarea.gr-draft__body")).to_have_value(re.compile("Northwind Books"))
    expect(output.locator('[data-note="tone_rules_only"]')).to_contain_text("could not be loaded")
    expect(output.locator('[data-note="tone_hostile"]')).to_have_count(0)
