"""How well the site's search box finds what people type (`make eval`).

    python scripts/evaluate_search.py

Builds the site into a temporary folder, serves it, types every query of
tests/corpus/search.yaml into the real search box in headless Chromium (CHROMIUM_PATH),
and prints how many found a right page in the first three results, by kind, and the misses.
The browser test tests/browser/test_search.py holds the same goal.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.server import CHROMIUM_FLAGS, chromium_path, serve  # noqa: E402
from tests.conftest import build_site  # noqa: E402
from tests.search_box import GOAL, evaluate, load_queries, report  # noqa: E402


def main() -> int:
    queries = load_queries()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        built = build_site(site)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 1
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            outcomes = evaluate(browser.new_page(viewport={"width": 1280, "height": 900}), url, queries)
            browser.close()
    print(report(outcomes))
    return 0 if sum(o.found for o in outcomes) / len(outcomes) >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
