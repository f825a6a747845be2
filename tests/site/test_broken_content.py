"""Every kind of broken content a maintainer can push stops `mkdocs build` with the file, the
line and a message in plain words: one row per kind, each a small edit to a copy of the
fixture site (tests/site/conftest.py), each built for real.

The expected line is found by searching the edited file for a marker, so a row says which
line it means in words, not as a number that could have been copied from the output.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, build_site

W = "worksheets/recharge.yaml"
S = "strategies/01-first-step.yaml"


@dataclass
class Case:
    name: str
    file: str                 # the file the problem is in (relative to content/)
    edit: object              # (old, new) text to replace once, or a function of the content folder
    message: str              # the exact message, without the file and the line
    line_marker: str | None   # a text on the line the message must name (searched after the edit)
    edited: str | None = None  # the file to edit, when it is not `file`

    @property
    def id(self):
        return self.name


def _write(path: str, text: str):
    return lambda content: (content / path).write_text(text, encoding="utf-8")


def _bytes(path: str, change):
    return lambda content: (content / path).write_bytes(change((content / path).read_text(encoding="utf-8")))


def _alias_bomb(content: Path):
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    path = content / W
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")


def _copy_as(source: str, target: str, old: str, new: str):
    def edit(content: Path):
        (content / target).write_text((content / source).read_text(encoding="utf-8").replace(old, new, 1),
                                      encoding="utf-8")
    return edit


SHAME_ON_YOU = yaml.safe_load((ROOT / "content" / "tone.yaml").read_text(encoding="utf-8"))[
    "kinds"]["hostile"]["phrases"].index("shame on you")


def _situations(*situations: tuple[str, str]):
    """Situation files made from the fixture's strategy: (id, its worksheets line), all numbered 01."""
    def edit(content: Path):
        (content / "situations").mkdir()
        strategy = (content / S).read_text(encoding="utf-8")
        for sid, worksheets in situations:
            text = strategy.replace("id: first-step", f"id: {sid}").replace("worksheets: [recharge]", worksheets)
            (content / "situations" / f"01-{sid}.yaml").write_text(text, encoding="utf-8")
    return edit


CASES = [
    # --- reading the file ---------------------------------------------------------------------
    Case("latin-1 file", W, _bytes(W, lambda t: t.replace("Plan a break", "Plan a café break").encode("latin-1")),
         "this file is not UTF-8 text: byte 30 (0xe9, column 18) is not a character in UTF-8. It was probably "
         "saved as Latin-1 or Windows-1252; save it again with the encoding UTF-8", "title: Plan a caf"),
    Case("utf-16 file", W, _bytes(W, lambda t: t.encode("utf-16")),
         "this file is saved as UTF-16, not UTF-8. Open it in your editor and save it again with the encoding UTF-8",
         "id: recharge"),
    Case("empty file", S, _write(S, ""), "this file is empty", None),
    Case("comments only", S, _write(S, "# a strategy, one day\n\n"), "this file is empty", None),
    Case(".yml extension", "strategies/02-second.yml", _copy_as(S, "strategies/02-second.yml", "x", "x"),
         "this file is not read: content files end in .yaml, so rename it to strategies/02-second.yaml", None),
    Case("stray file", "notes.txt", _write("notes.txt", "ideas"),
         "this file is not read: content/ holds guide.yaml, resources.yaml, tone.yaml, interface.yaml, "
         "strategies/NN-<id>.yaml, "
         "situations/NN-<id>.yaml, worksheets/<id>.yaml and schema/*.schema.json. Move it out of content/", None),
    Case("strategy file without a number", "strategies/second.yaml", _copy_as(S, "strategies/second.yaml", "x", "x"),
         "the file name must be a two-digit number, a hyphen and the strategy's id, like "
         "02-request-feedback.yaml", None),
    # --- YAML that hides a mistake -------------------------------------------------------------
    Case("alias bomb", W, _alias_bomb,
         "this line uses a YAML anchor or alias (& or *), which content files do not allow: write the text out "
         "in full", "a0: &a0"),
    Case("anchor", S, ("title: Fixture first step", "title: &t Fixture first step"),
         "this line uses a YAML anchor or alias (& or *), which content files do not allow: write the text out "
         "in full", "title: &t"),
    Case("name written twice", S, ("summary:", "title: Another title\nsummary:"),
         "the name 'title' is written twice in the same group (lines 2 and 3); keep one", "title: Another title"),
    Case("yes as a name", W, ("  and: and\n", "  and: and\n  yes: indeed\n"),
         "the name 'yes' is read as yes/no (true or false), not as a word: put it in quotes, like \"yes\":",
         "yes: indeed"),
    Case("on as a name", W, ("  and: and\n", "  and: and\n  on: top\n"),
         "the name 'on' is read as yes/no (true or false), not as a word: put it in quotes, like \"on\":",
         "on: top"),
    Case("a number as a name", W, ("  and: and\n", "  and: and\n  1: one\n"),
         "the name '1' is read as a number, not as a word: put it in quotes, like \"1\":", "1: one"),
    Case("two documents", S, ("prompts:", "---\nprompts:"),
         "this file holds more than one YAML document (a line '---' in the middle): keep one", "---"),
    # --- YAML syntax, at the line where the problem starts ---------------------------------------
    Case("unclosed quote", W, ("title: Plan a break", 'title: "Plan a break'),
         'the quote (") that opens here is never closed: add the closing " at the end of the text',
         'title: "Plan a break'),
    Case("colon in a value", S, ("title: Fixture first step", "title: Step one: breathe"),
         "YAML did not expect a colon followed by a space (': ') here. If the value on this line holds one, put "
         "the whole value in quotes; if not, this line is not indented like the lines around it", "title: Step one"),
    Case("tab for indenting", S, ("  - text: Fixture step one.", "\t- text: Fixture step one."),
         "a tab is used here for indenting: YAML needs spaces", "- text: Fixture step one."),
    Case("bad indentation", S, ("  - text: Fixture step two.", " - text: Fixture step two."),
         "this line is not indented like the lines around it", "Fixture step two."),
    # --- values the schema refuses --------------------------------------------------------------
    Case("title: no", S, ("title: Fixture first step", "title: no"),
         "title: 'no' is read as yes/no (true or false), not as text: put it in quotes, like \"no\"", "title: no"),
    Case("title: a date", S, ("title: Fixture first step", "title: 2026-11-26"),
         "title: '2026-11-26' is read as a date, not as text: put it in quotes, like \"2026-11-26\"", "title: 2026"),
    Case("title: left empty", S, ("title: Fixture first step", "title:"),
         "title: is empty: write the text after the colon, or remove the line", "title:"),
    Case("a list where text goes", S, ("title: Fixture first step", "title: [Fixture, first, step]"),
         "title: must be text", "title: ["),
    Case("misspelt field", S, ("summary:", "sumary:"),
         "sumary: 'sumary' is not a field here (did you mean 'summary'?)", "sumary:"),
    Case("missing field", S, ("summary: Fixture strategy summary zebracorn.\n", ""),
         "the field 'summary' is missing: add a line 'summary: ...'", "id: first-step"),
    Case("id in capitals", S, ("id: first-step", "id: First_Step"),
         'id: "First_Step" is not allowed here: use lowercase letters, digits and hyphens, starting with a letter '
         "(like request-feedback)", "id: First_Step"),
    Case("id ending in a line break", W, ("id: recharge", 'id: "recharge\\n"'),
         'id: "recharge\\n" is not allowed here: use lowercase letters, digits and hyphens, starting with a letter '
         "(like request-feedback)", 'id: "recharge'),
    Case("misspelt choice", W, ("layout: form", "layout: from"),
         "layout: 'from' is not one of: form, log; did you mean 'form'?", "layout: from"),
    Case("unknown worksheet", S, ("worksheets: [recharge]", "worksheets: [recharg]"),
         "worksheets[0]: unknown worksheet 'recharg' (known: check-in, feedback, log, network, recharge, reflect, "
         "reply)", "worksheets: [recharg]"),
    # --- what the engine relies on ----------------------------------------------------------------
    Case("unknown placeholder", W, ("Make time for {activities}.", "Make time for {activites}."),
         "messages.recharge_with: {activites} is not a placeholder this worksheet fills in (it fills: "
         "{activities}, {date}, {days}, {label}, {limit}, {people})", "{activites}"),
    Case("missing message", W, ("  opening: Taking a break is allowed, and it is part of a healthy search.\n", ""),
         "messages.opening: this message is missing, and the engine needs it", "messages:"),
    Case("example that no longer holds", W, ("- Pause the search for 5 days", "- Pause the search for 6 days"),
         "examples[2].expect.contains[0]: \"Pause the search for 6 days\" is not in this example's output",
         "Pause the search for 6 days"),
    Case("default that does not fit", W, ("    default: 3\n", "    default: three\n"),
         "fields[3].default: 'three' does not fit a field of type number", "default: three"),
    # Where "shame on you" is among the hostile kind's phrases in content/tone.yaml.
    Case("tone phrase with an open bracket", "tone.yaml", ("- shame on you", "- shame on [you"),
         f"kinds.hostile.phrases[{SHAME_ON_YOU}]: the brackets in \u201cshame on [you\u201d do not pair up: "
         "write [a|b], not [a|b or [a|[b]]", "shame on [you"),
    Case("worksheet with no engine", "worksheets/pause.yaml",
         _copy_as(W, "worksheets/pause.yaml", "id: recharge", "id: pause"),
         "id: the workbook engine has no code for a worksheet 'pause' (it has: check-in, feedback, log, network, "
         "recharge, reflect, reply). A new worksheet needs a module in workbook/worksheets/ as well as this file",
         "id: pause"),
    # --- situations (content/situations/, the shape of a strategy) ----------------------------
    Case("situation naming an unknown worksheet", "situations/01-silence.yaml",
         _situations(("silence", "worksheets: [recharg]")),
         "worksheets[0]: unknown worksheet 'recharg' (known: check-in, feedback, log, network, recharge, reflect, "
         "reply)", "worksheets: [recharg]"),
    Case("two situations with one number", "situations/01-silence.yaml",
         _situations(("again", "worksheets: [recharge]"), ("silence", "worksheets: [recharge]")),
         "the number 01 is also used by situations/01-again.yaml: each situation needs its own", None),
    Case("engine with no worksheet", "worksheets/network.yaml",
         lambda content: (content / "worksheets" / "network.yaml").unlink(),
         "this file is missing: the workbook engine has code for a worksheet 'network' "
         "(workbook/worksheets/network.py)", None),
]


def _line(path: Path, marker: str) -> int:
    raw = path.read_bytes()
    text = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8", "replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} is not in {path.name}")


def test_there_are_at_least_twenty_kinds():
    assert len(CASES) >= 20
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_broken_content_stops_the_build_with_file_line_and_message(fixture_root, tmp_path, case):
    site = tmp_path / "site"
    shutil.copytree(fixture_root, site, ignore=shutil.ignore_patterns("site"))
    content = site / "content"
    if callable(case.edit):
        case.edit(content)
    else:
        old, new = case.edit
        path = content / (case.edited or case.file)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    expected = f"{case.file}: {case.message}"
    if case.line_marker:
        expected += f" (line {_line(content / case.file, case.line_marker)})"

    result = build_site(site / "site", site / "mkdocs.yml")

    assert result.returncode != 0
    problems = [line.strip() for line in result.stderr.splitlines()]
    assert expected in problems, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert not (site / "site" / "strategies").exists(), "no page is written from broken content"


def test_a_mistake_in_a_partial_names_the_partial_its_line_and_the_content_file(fixture_root, tmp_path):
    """As a coach's fork might do: a typo in overrides/partials/strategy.html. The error names
    the partial and its line, and the YAML file the page is made from, not a generated .md."""
    site = tmp_path / "site"
    shutil.copytree(fixture_root, site, ignore=shutil.ignore_patterns("site"))
    shutil.copytree(ROOT / "overrides", site / "overrides")
    partial = site / "overrides" / "partials" / "strategy.html"
    text = partial.read_text(encoding="utf-8")
    assert "{{ strategy.summary }}" in text
    partial.write_text(text.replace("{{ strategy.summary }}", "{{ strategy.sumary }}", 1), encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"custom_dir: {ROOT}/overrides",
                                                                 "custom_dir: overrides"), encoding="utf-8")

    result = build_site(site / "site", config)

    assert result.returncode != 0
    line = _line(partial, "{{ strategy.sumary }}")
    assert ("content/strategies/01-first-step.yaml: the page strategies/first-step/ could not be made from it: "
            f"overrides/partials/strategy.html, line {line}: 'dict object' has no attribute 'sumary'") in result.stderr
