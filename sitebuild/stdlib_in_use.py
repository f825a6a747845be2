"""Run inside Pyodide by sitebuild/stdlib_trace.mjs: find which files of Pyodide's standard
library the engine uses, and write them as a smaller archive. (Its two source-slimming
helpers, slimmed and one_space_indents, also slim the engine wheel's modules: assets.py.)

`exercise` does what a visit does with the engine: hands it the content, runs every
worksheet example and each saved-data task. The driver then saves a memory snapshot (as the
worker does after "ready"), and `write_archive` lists the modules Python has imported from
the standard-library archive and writes those files into a new one, smaller: without
comments or docstrings, each level of indentation one space. It reads sys.modules first,
before it imports anything itself, so its own tools (ast, tokenize, zipfile) are only in the
archive if the engine or Pyodide's start-up needed them.
"""
import sys

STDLIB_ZIP = "/lib/python{}{}.zip".format(*sys.version_info[:2])  # where Pyodide installs the archive


def exercise(content_text: str) -> int:
    """Everything the page asks of the engine: each example, each task. Returns the number of calls."""
    import json

    import workbook
    from workbook import backup

    content = json.loads(content_text)
    workbook.use_content(content["worksheets"], content["tone"], content["interface"])
    calls = 0
    saved, log = {}, []
    for worksheet in content["worksheets"].values():
        for example in worksheet.get("examples", []):
            json.dumps(workbook.run(worksheet["id"], example["inputs"]))
            calls += 1
            # A backup of these answers: a list of tables (the log's entries) is kept apart.
            answers = {k: v for k, v in example["inputs"].items() if not _holds_tables(v)}
            log += [entry for v in example["inputs"].values() if _holds_tables(v) for entry in v]
            saved[worksheet["id"]] = {"answers": answers, "updated_at": "2026-01-01T09:00:00.000Z"}
    document = {"format": backup.FORMAT, "version": backup.VERSION, "exported_at": "2026-01-02T09:00:00.000Z",
                "worksheets": saved, "log": [entry for entry in log if isinstance(entry, dict)]}
    checked = workbook.task("backup-check", {"text": json.dumps(document)})
    if not checked["data"]["ok"]:  # some examples' entries are broken on purpose: refused, then without them
        checked = workbook.task("backup-check", {"text": json.dumps({**document, "log": []})})
        calls += 1
    if not checked["data"]["ok"]:
        raise RuntimeError(f"the trace's backup was refused: {checked['notes']}")
    workbook.task("backup-check", {"text": "{not json"})
    workbook.task("backup-markdown", {"document": checked["data"]["document"]})
    for wid, record in saved.items():
        workbook.task("earlier-answers", {"worksheet": wid, "answers": {**record["answers"], "gone": "x"},
                                          "earlier": {"older": "y"}})
    entries = {"entries": checked["data"]["document"]["log"], "today": "2026-01-02"}
    workbook.task("log-csv", entries)
    workbook.task("log-record", entries)
    return calls + 5 + len(saved)


def _holds_tables(value) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def files_in_use() -> list[str]:
    """Archive members of every module imported so far, with each package's __init__.py."""
    prefix = STDLIB_ZIP + "/"
    files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
    return sorted(name[len(prefix):] for name in files if name.startswith(prefix))


def write_archive(path: str) -> dict:
    """Write the files in use, made smaller, to `path`; return {"files", "bytes"}."""
    in_use = files_in_use()  # before any import of this module's own tools
    import os
    import zipfile

    with zipfile.ZipFile(STDLIB_ZIP) as full, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as light:
        for name in in_use:
            source = full.read(name)
            if name.endswith(".py"):
                source = slimmed(source.decode("utf-8")).encode("utf-8")
            # A fixed timestamp, so the same files give the same bytes.
            light.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), source,
                           compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return {"files": in_use, "bytes": os.path.getsize(path)}


# The helpers below import their tools when called: only after files_in_use() has been read.

def slimmed(source: str) -> str:
    """A module's source without comments and docstrings, one space per indentation level."""
    return one_space_indents(_stripped(source))


def _stripped(source: str) -> str:
    """The module without comments and docstrings (ast.unparse keeps the code, not the layout)."""
    import ast

    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree) + "\n"


def one_space_indents(source: str) -> str:
    """Each level of indentation as one space instead of four (ast.unparse writes four), except
    on lines inside a string that spans lines, where the spaces are part of the text."""
    import io
    import tokenize

    inside_strings = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        inside_strings.update(range(token.start[0] + 1, token.end[0] + 1))
    lines = source.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if number not in inside_strings:
            code = line.lstrip(" ")
            lines[number - 1] = " " * ((len(line) - len(code)) // 4) + code
    return "".join(lines)
