"""The reply worksheet in WebKit and Firefox: a smoke test (tests/engines/smoke.mjs) of what a
person does: type, wait for Python, draft, reload and find the answers, back up, restore.
iPhones only have WebKit; the rest of the browser suite runs in Chromium."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

SMOKE = ROOT / "tests" / "engines" / "smoke.mjs"


@pytest.mark.parametrize("engine", ["webkit", "firefox"])
def test_the_reply_worksheet_works_in_another_engine(engine, site_url):
    command = [shutil.which("node"), str(SMOKE), engine, site_url]
    if engine == "webkit":  # WebKitGTK's browser needs a display
        command = [shutil.which("xvfb-run") or "xvfb-run", "-a", *command]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["steps"] == ["typed", "ready", "drafted", "kept", "exported", "restored"]
    assert "Hi Priya," in report["draft"] and "Northwind Books" in report["draft"]
    assert report["version"], "the browser named its version"
