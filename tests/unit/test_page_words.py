"""The page scripts say nothing of their own: every word a person reads comes from
content/interface.yaml (through words.js), and every word they ask for is there."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.unit.conftest import ROOT

SCRIPTS = sorted((ROOT / "docs" / "assets").glob("*.js"))
WORDS = yaml.safe_load((ROOT / "content" / "interface.yaml").read_text(encoding="utf-8"))
# A string literal that reads as English: a capital, a word, a space and another word.
SENTENCE = re.compile(r"""(["'`])([A-Z][a-z]+ [^"'`]*[a-z][^"'`]*)\1""")
CALL = re.compile(r"\b(?:say|words)\(([^()]*(?:\([^()]*\)[^()]*)*)\)")


def _code(path) -> str:
    """The script without its comments."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return "\n".join(line.split("//")[0] if not line.strip().startswith("//") else "" for line in text.splitlines())


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_script_holds_english_of_its_own(script):
    assert [m.group(2) for m in SENTENCE.finditer(_code(script))] == []


def test_every_word_a_script_asks_for_is_in_the_interface_file():
    known = set(WORDS) | {key for section in WORDS.values() for key in section}
    asked = {(script.name, literal) for script in SCRIPTS for call in CALL.findall(_code(script))
             for literal in re.findall(r'"([a-z_]+)"', call)}
    assert asked, "the scripts ask for their words with say()"
    assert sorted((name, literal) for name, literal in asked if literal not in known) == []


def test_the_check_itself_finds_english_and_unknown_words(tmp_path):
    sample = tmp_path / "sample.js"
    sample.write_text('// Comments may say "Hello there".\nel.textContent = "Saved on this device.";\n'
                      'say("backup", "no_such_word");\n', encoding="utf-8")
    assert [m.group(2) for m in SENTENCE.finditer(_code(sample))] == ["Saved on this device."]
    assert "no_such_word" in re.findall(r'"([a-z_]+)"', "".join(CALL.findall(_code(sample))))
