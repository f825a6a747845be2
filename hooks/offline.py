"""MkDocs hook: the offline copy and the web app manifest (sitebuild/offline.py).

`mkdocs serve` and `OFFLINE=off mkdocs build` write no offline copy: their sw.js removes one
an earlier build installed, and pages carry no gr-service-worker meta. The head tags come
from overrides/main.html (Material's extrahead block), which reads config.extra.offline_copy
and config.extra.offline_updated, set here.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # MkDocs loads hooks by file path
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks._sitebuild import as_plugin_error  # noqa: E402
from macros.content import load_content_or_fail  # noqa: E402
from sitebuild.offline import write_offline  # noqa: E402

_command = "build"


def on_startup(command, dirty):
    global _command
    # OFFLINE=off builds a site without the offline copy, as `mkdocs serve` does (to compare).
    _command = "serve" if os.environ.get("OFFLINE", "").lower() in ("off", "0", "no") else command


def on_config(config):
    with as_plugin_error():
        updated = load_content_or_fail(config).interface["offline"]["updated"]
    config["extra"]["offline_copy"] = _command != "serve"
    config["extra"]["offline_updated"] = updated
    return config


def on_post_build(config, **kwargs):
    with as_plugin_error():
        write_offline(Path(config["site_dir"]), config, offline=_command != "serve")
