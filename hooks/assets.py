"""MkDocs hook: after every build, the engine wheel, its content file and Pyodide go into the
site (sitebuild/assets.py)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # MkDocs loads hooks by file path
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks._sitebuild import as_plugin_error  # noqa: E402
from macros.content import load_content_or_fail  # noqa: E402
from sitebuild.assets import engine_content, write_runtime  # noqa: E402


def on_post_build(config, **kwargs):
    with as_plugin_error():
        write_runtime(Path(config["site_dir"]), engine_content(load_content_or_fail(config)))
