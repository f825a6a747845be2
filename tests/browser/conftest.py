"""Browser fixtures: the built site on a local server, one headless Chromium per run.

Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium), so Playwright's own
build works elsewhere. Every page a test opens goes through `open_context`, which
records each request; at the end of the test every one must have gone to the local
server (no CDN, no fonts, no analytics).
"""
from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.server import CHROMIUM_FLAGS, chromium_path, serve
from tests.conftest import build_site

# The site is built as the Pages workflow builds it: with a site_url under a sub-path.
# Material's instant navigation needs site_url (it reads sitemap.xml; without it every
# link is a full page load), and the sub-path proves that every asset URL is relative.
PREFIX = "/graceful-rejections/"

READY = '[data-status][data-state="ready"]'
ENGINE_TIMEOUT = 60_000  # ms: cold start is ~6 s here; generous for slow CI machines


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The real site, built like the Pages workflow builds it (SITE_URL set, here to the
    local server's own address: Material matches sitemap URLs by host and port)."""
    dest = tmp_path_factory.mktemp("pages-site")
    with serve(dest, PREFIX) as url:
        result = build_site(dest, env={**os.environ, "SITE_URL": url})
        assert result.returncode == 0, result.stderr
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Recorder:
    """Every request of a browser context, and the workers its pages start."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.urls: list[str] = []
        self.workers: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", self.watch)

    def watch(self, page):
        page.on("worker", lambda worker: self.workers.append(worker.url))

    def foreign(self) -> list[str]:
        return [u for u in self.urls if not (u.startswith(self.origin) or u.startswith(("data:", "blob:")))]


@pytest.fixture
def open_context(browser, site_url):
    """Make a fresh browser context (cold cache); returns (context, recorder)."""
    made = []

    def make(**options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        context.set_default_timeout(15_000)
        recorder = Recorder(context, site_url)
        made.append((context, recorder))
        return context, recorder

    yield make
    for context, recorder in made:
        context.close()
        assert recorder.foreign() == [], "requests left the local origin"


@pytest.fixture(scope="module")
def workbook_page(browser, site_url):
    """One worksheet page kept open for a module's tests; they move between worksheets with
    Material's instant navigation, so Python starts once. Yields (page, recorder)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    recorder = Recorder(context, site_url)
    page = context.new_page()
    said = []  # what the engine's worker wrote to the console: why a restore failed, if it did
    page.on("worker", lambda worker: worker.on("console", lambda message: said.append(message.text)))
    page.goto(site_url + "workbook/reply/")
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    # The first start saves a snapshot of Python; a return visit restores it. The module's
    # worksheets then all run on the restored Python (the fresh start is tested elsewhere).
    # Wait for the worker's own word that the copy is written: Cache Storage lists the entry
    # before its body is written, and a reload at that moment cuts the write short.
    page.wait_for_selector('[data-status][data-snapshot="saved"]', timeout=ENGINE_TIMEOUT)
    page.reload()
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    assert page.locator("[data-status]").get_attribute("data-from") == "snapshot", said
    page.evaluate("window.__sameDocument = true")
    yield page, recorder
    context.close()
    assert recorder.foreign() == [], "requests left the local origin"
