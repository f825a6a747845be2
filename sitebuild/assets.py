"""Put the workbook's runtime into a built site (`python -m sitebuild assets SITE_DIR`, or the
MkDocs hook hooks/assets.py after every build and `mkdocs serve` rebuild). It writes:

    assets/engine/workbook-<version>-py3-none-any.whl   the engine and its data (VADER lexicon),
                                                        reproducible; no wording from content/
    assets/engine/tone-model-<hash>.txt                 the tone check's trained model
                                                        (workbook/lexicon/tone_model.tsv), kept out
                                                        of the wheel: the worker fetches it just
                                                        after Python is ready
    assets/engine/care-model-<hash>.txt                 the care check's model (care_model.tsv),
                                                        fetched beside it
    assets/engine/content-<hash>.json                   the worksheets and the tone rules the engine
                                                        reads (content/), beside the wheel
    assets/engine/engine.json                           {"wheel", "sha256", "integrity", "content",
                                                         "content_integrity", "tone_model",
                                                         "tone_model_integrity", "care_model",
                                                         "care_model_integrity", "stdlib", "pyodide",
                                                         "pyodide_url", "lock_info", "pyodide_sizes"}
                                                        for the worker
    assets/engine/stdlib-<hash>.zip                     the part of Python's standard library that
                                                        Pyodide's start-up and the engine import
                                                        (sitebuild/stdlib.py), for `stdLibURL`

The wording lives beside the wheel, not in it, so an edit in content/ leaves the wheel (and
a returning visitor's saved Python snapshot, named by Pyodide, the wheel and the standard
library) as it was. The tone model is larger than all the engine's code and only reading a
note needs it, so a first visit gets Python ready without it (benchmarks/README.md, bytes).
    assets/pyodide/<version>/{pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, pyodide-lock.json}

Pyodide's folder is named by its version, so its three runtime files never change at a given
URL. The offline service worker can then precache them without a cache-busting query, and a
first visit to a worksheet page downloads them once, not twice (page and service worker
share the browser's HTTP cache). pyodide-lock.json is the exception: it lists the engine
wheel, so it changes with the engine's code (RUNTIME_FILES leaves it out). The worker does
not fetch it: it hands Pyodide a lock file with no packages (`lock_info` is its header), as
it installs the wheel itself. Pyodide's full python_stdlib.zip is not part of the site.

The Pyodide files come from node_modules/pyodide (pinned in package-lock.json); nothing is
fetched from a CDN. The copied pyodide-lock.json also registers the wheel as package
"workbook" (the part of `pyodide lockfile add-wheels` that serves here), so
`pyodide.loadPackage("workbook")` works too; see benchmarks/README.md for which way the
worker uses and why.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from macros.errors import BuildError

from .hashed import write_named_by_hash
from .stdlib import write_light_stdlib

ROOT = Path(__file__).resolve().parent.parent

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYODIDE_FILES = (*RUNTIME_FILES, "pyodide-lock.json")
ENGINE_DIR = "assets/engine"
PYODIDE_ROOT = "assets/pyodide"  # + "/<version>"
PACKAGE = "workbook"
# The checks' trained models, served beside the wheel rather than in it (see above): the
# bytes a first visit waits for before Python is ready stay the engine's code.
TONE_MODEL = "workbook/lexicon/tone_model.tsv"
CARE_MODEL = "workbook/lexicon/care_model.tsv"
SERVED_MODELS = {"tone-model": TONE_MODEL, "care-model": CARE_MODEL}
# Every entry of the wheel gets this timestamp (1980-01-01), so the same sources give the same bytes.
_ZIP_EPOCH = 315532800


# --- the engine wheel --------------------------------------------------------

def project_version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]



def engine_content(content) -> dict:
    """What the engine reads from content/: the worksheets, the tone check's rules and the site's words."""
    return {"worksheets": content.worksheets, "tone": content.tone, "interface": content.interface}


# Of a worksheet's YAML, what the engine reads: the rest (examples, introduction, topics...) is
# for the pages, so the content file a first visit downloads leaves it out.
ENGINE_READS = ("id", "title", "fields", "messages")
# Of content/interface.yaml, the sections the engine reads (the rest are the pages' words);
# tests/unit/test_sitebuild.py checks the engine's sources name no other.
INTERFACE_READS = ("answers", "backup_file", "backup_shape", "dates", "engine", "log_export")


def served_content(engine_data: dict) -> dict:
    """engine_content() cut to what the engine reads (ENGINE_READS, INTERFACE_READS): what the
    site serves."""
    worksheets = {wid: {key: w[key] for key in ENGINE_READS if key in w}
                  for wid, w in engine_data["worksheets"].items()}
    interface = {key: engine_data["interface"][key] for key in INTERFACE_READS if key in engine_data["interface"]}
    return {**engine_data, "worksheets": worksheets, "interface": interface}


def content_json(engine_data: dict) -> bytes:
    """Content as the engine reads it inside Pyodide, as compact JSON."""
    return json.dumps(engine_data, sort_keys=True, ensure_ascii=False, indent=None,
                      separators=(",", ":"), default=str).encode("utf-8")


def build_wheel(dest_dir: Path, root: Path = ROOT) -> Path:
    """Build workbook-<version>-py3-none-any.whl into dest_dir with the project's standard
    backend (flit_core, pyproject.toml), byte-for-byte reproducible: SOURCE_DATE_EPOCH fixes
    every entry's timestamp. Run in its own process, from the project's folder, as any
    PEP 517 frontend would."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    for old in dest_dir.glob(f"{PACKAGE}-*.whl"):
        old.unlink()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(_ZIP_EPOCH)}
    done = subprocess.run([sys.executable, "-c", "import sys; from flit_core import buildapi; "
                           "print(buildapi.build_wheel(sys.argv[1]))", str(dest_dir)],
                          cwd=root, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"The engine wheel could not be built:\n{done.stderr.strip()[-2000:]}")
    wheel = dest_dir / done.stdout.strip().splitlines()[-1]
    slim_wheel(wheel)
    return wheel


def slim_wheel(wheel: Path) -> None:
    """Rewrite the wheel's Python modules without comments or docstrings, one space per
    indentation level (as the traced standard library is written), its data files (.tsv)
    without their comment lines and without the models (SERVED_MODELS), and its RECORD to match:
    a first visit downloads the code, not its documentation (about 40% fewer bytes for the
    modules). The parity tests run this wheel in Pyodide against the sources in CPython."""
    import zipfile

    from .stdlib_in_use import slimmed

    with zipfile.ZipFile(wheel) as built:
        members = [(info, built.read(info)) for info in built.infolist()]
    record_name = next(info.filename for info, _ in members if info.filename.endswith(".dist-info/RECORD"))
    slim, record = [], []
    for info, data in members:
        if info.filename in SERVED_MODELS.values():
            continue
        if info.filename.endswith(".py"):
            data = slimmed(data.decode("utf-8")).encode("utf-8")
        elif info.filename.endswith(".tsv"):
            data = without_comments(data)
        if info.filename != record_name:
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
            record.append(f"{info.filename},sha256={digest},{len(data)}")
        slim.append((info, data))
    record.append(f"{record_name},,")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info, data in slim:
            if info.filename == record_name:
                data = ("\n".join(record) + "\n").encode("utf-8")
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def without_comments(data: bytes) -> bytes:
    """The tone check's data files as served: their comment lines are for maintainers."""
    return b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"#"))


def write_models(dest_dir: Path, root: Path = ROOT) -> dict[str, Path]:
    """Each model of SERVED_MODELS as <name>-<hash>.txt in dest_dir, without its comment lines:
    .txt, which servers such as GitHub Pages compress (text/plain), where a .tsv may go as it is.
    Keyed as engine.json names them ("tone_model", "care_model")."""
    return {name.replace("-", "_"): write_named_by_hash(dest_dir, name, ".txt",
                                                        without_comments((root / path).read_bytes()))
            for name, path in SERVED_MODELS.items()}


def integrity(path: Path) -> str:
    """A file's Subresource Integrity value, which fetch() checks."""
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def sha256_hex(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- Pyodide runtime -----------------------------------------------------------

def copy_pyodide(dest_dir: Path, root: Path = ROOT) -> None:
    src = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (src / name).is_file()]
    if missing:
        raise BuildError(f"Pyodide is not installed ({src} lacks {', '.join(missing)}): run `npm ci` first.")
    dest_dir.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        target = dest_dir / name
        # mkdocs serve rebuilds often: skip the 13 MB copy when nothing changed.
        if not (target.is_file() and target.stat().st_size == (src / name).stat().st_size
                and target.stat().st_mtime >= (src / name).stat().st_mtime):
            shutil.copy2(src / name, target)


def pyodide_version(root: Path = ROOT) -> str:
    return json.loads((root / "node_modules" / "pyodide" / "package.json").read_text())["version"]


def pyodide_dir(root: Path = ROOT) -> str:
    """The site-relative folder of the vendored Pyodide, e.g. "assets/pyodide/0.29.0"."""
    return f"{PYODIDE_ROOT}/{pyodide_version(root)}"


def register_wheel(lock_path: Path, wheel: Path, version: str) -> None:
    """Add the engine wheel to the copied pyodide-lock.json as package "workbook"."""
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    # Pyodide resolves file_name against the lock file's folder.
    wheel_url = Path(os.path.relpath(wheel, lock_path.parent)).as_posix()
    lock["packages"][PACKAGE] = {
        "name": PACKAGE,
        "version": version,
        "file_name": wheel_url,
        "install_dir": "site",
        "sha256": sha256_hex(wheel),
        "package_type": "package",
        "imports": [PACKAGE],
        "depends": [],
        "unvendored_tests": False,
    }
    lock_path.write_text(json.dumps(lock, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def write_content(dest_dir: Path, engine_data: dict) -> Path:
    """The engine's content as content-<hash>.json in dest_dir (a new name for new wording):
    served_content(), what the engine reads."""
    return write_named_by_hash(dest_dir, "content", ".json", content_json(served_content(engine_data)))


def write_runtime(site_dir: Path, engine_data: dict, root: Path = ROOT) -> Path:
    """Write the wheel, engine.json and the Pyodide files into a built site; return the wheel."""
    wheel = build_wheel(site_dir / ENGINE_DIR, root)
    content = write_content(site_dir / ENGINE_DIR, engine_data)
    models = write_models(site_dir / ENGINE_DIR, root)
    runtime = site_dir / pyodide_dir(root)
    copy_pyodide(runtime, root)
    # The trace runs every example, which the served content leaves out: it reads all of it.
    with tempfile.TemporaryDirectory() as tmp:
        everything = Path(tmp) / "content.json"
        everything.write_bytes(content_json(engine_data))
        stdlib = write_light_stdlib(site_dir / ENGINE_DIR, wheel, everything, pyodide_version(root), root)
    # Always start from the pristine lock file, then add the engine to it.
    pristine_lock = root / "node_modules" / "pyodide" / "pyodide-lock.json"
    shutil.copyfile(pristine_lock, runtime / "pyodide-lock.json")
    register_wheel(runtime / "pyodide-lock.json", wheel, project_version(root))
    manifest = {"wheel": wheel.name, "sha256": sha256_hex(wheel),
                "integrity": integrity(wheel),
                "content": content.name,
                "content_integrity": integrity(content),
                **{key: path.name for key, path in models.items()},
                **{f"{key}_integrity": integrity(path) for key, path in models.items()},
                "stdlib": stdlib.name,
                "pyodide": pyodide_version(root),  # with sha256 and stdlib, names the saved Python snapshot
                # where the worker loads Pyodide from, relative to engine.json
                "pyodide_url": Path(os.path.relpath(runtime, site_dir / ENGINE_DIR)).as_posix() + "/",
                # the header of Pyodide's lock file: the worker gives Pyodide a lock with no packages
                "lock_info": json.loads(pristine_lock.read_text(encoding="utf-8"))["info"],
                # bytes of each file Pyodide fetches as it starts (as served, before any compression)
                "pyodide_sizes": {name: path.stat().st_size
                                  for name, path in (("pyodide.asm.wasm", runtime / "pyodide.asm.wasm"),
                                                     (stdlib.name, stdlib))}}
    (site_dir / ENGINE_DIR / "engine.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return wheel
