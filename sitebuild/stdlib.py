"""A lighter standard library for the engine: only the files Pyodide's start-up and the engine
import, found by tracing a real run (sitebuild/stdlib_trace.mjs), not by a hand list.

Pyodide's python_stdlib.zip is 2.5 MB and already deflated, so a server's gzip saves nothing;
the engine uses about 150 of its 600 files. The trace starts Pyodide as the worker does,
installs the wheel, runs every worksheet example and each saved-data task, and writes the
files in use without comments or docstrings (sitebuild/stdlib_in_use.py). The worker loads
the result with `loadPyodide({stdLibURL})`. tests/parity runs every example and task against
it, so a module the trace missed fails the tests rather than a visitor.

A trace takes Pyodide's start-up (seconds), so its archive is kept in .cache/stdlib/, named
by what it depends on: Pyodide's version, the wheel, the two trace files and the examples.
The wording in content/ is left out of that name on purpose: which modules run does not
depend on it, and a wording edit should not cost a trace.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from macros.errors import BuildError

from .hashed import write_named_by_hash

HERE = Path(__file__).resolve().parent
TRACER = (HERE / "stdlib_trace.mjs", HERE / "stdlib_in_use.py")


def trace_key(pyodide_version: str, wheel: Path, content_file: Path) -> str:
    """What the traced archive depends on (see the module's docstring)."""
    content = json.loads(content_file.read_text(encoding="utf-8"))
    examples = {wid: w.get("examples", []) for wid, w in sorted(content["worksheets"].items())}
    digest = hashlib.sha256(pyodide_version.encode())
    for part in (wheel.read_bytes(), *(path.read_bytes() for path in TRACER),
                 json.dumps(examples, sort_keys=True).encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def trace(wheel: Path, content_file: Path, out: Path, root: Path) -> dict:
    """Run the trace in Pyodide under Node; write the archive to `out`; return its report."""
    node = shutil.which("node")
    if node is None or not (root / "node_modules" / "pyodide").is_dir():
        raise BuildError("Tracing the engine's standard library needs Node and Pyodide: run `npm ci` first.")
    done = subprocess.run([node, str(TRACER[0]), str(wheel), str(content_file), str(out)],
                          cwd=root, capture_output=True, text=True, timeout=600)
    if done.returncode:
        raise BuildError(f"Tracing the engine's standard library failed:\n{done.stderr.strip()[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_light_stdlib(dest_dir: Path, wheel: Path, content_file: Path, pyodide_version: str,
                       root: Path) -> Path:
    """assets/engine/stdlib-<hash>.zip for this wheel and content, traced or from the cache."""
    cached = root / ".cache" / "stdlib" / f"{trace_key(pyodide_version, wheel, content_file)}.zip"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cached.parent) as tmp:
            traced = Path(tmp) / "stdlib.zip"
            trace(wheel, content_file, traced, root)
            traced.replace(cached)  # whole or not at all, should two builds trace at once
    return write_named_by_hash(dest_dir, "stdlib", ".zip", cached.read_bytes())
