"""Every worksheet's YAML examples run through the engine, and its messages match the engine."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbook.messages import COMMON_MESSAGES, shape_problems
from workbook.text import placeholders
from workbook.worksheets import ENGINES

ROOT = Path(__file__).resolve().parents[2]
WORKSHEET_IDS = ["check-in", "reply", "feedback", "reflect", "log", "network", "recharge"]


def _examples():
    for path in sorted((ROOT / "content/worksheets").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for example in data.get("examples", []):
            yield pytest.param(data["id"], example, id=f"{data['id']}: {example['name']}")


def everything(output) -> str:
    """All the texts in an output (block texts, items, notes...), one per line, to search."""
    if isinstance(output, str):
        return output
    if isinstance(output, dict):
        output = list(output.values())
    if isinstance(output, list):
        return "\n".join(everything(v) for v in output)
    return ""


@pytest.mark.parametrize(("worksheet_id", "example"), list(_examples()))
def test_example(engine, worksheet_id, example):
    output = engine.run(worksheet_id, example["inputs"])
    text = everything(output)
    codes = {note["code"] for note in output["notes"]}
    expect = example["expect"]
    for wanted in expect.get("contains", []):
        assert wanted in text, f"expected {wanted!r} in the output"
    for unwanted in expect.get("absent", []):
        assert unwanted not in text, f"did not expect {unwanted!r} in the output"
    for code in expect.get("notes", []):
        assert code in codes, f"expected a note {code!r}, got {sorted(codes)}"
    for code in expect.get("no_notes", []):
        assert code not in codes, f"did not expect a note {code!r}"
    assert "engine_error" not in codes


def test_every_worksheet_has_an_engine_and_a_definition(worksheets):
    assert set(ENGINES) == set(WORKSHEET_IDS)
    assert set(worksheets) >= set(WORKSHEET_IDS)


@pytest.mark.parametrize("worksheet_id", WORKSHEET_IDS)
def test_messages_hold_every_key_the_engine_uses(worksheets, worksheet_id):
    required = {**COMMON_MESSAGES, **ENGINES[worksheet_id].REQUIRED_MESSAGES}
    assert shape_problems(worksheets[worksheet_id]["messages"], required) == []


@pytest.mark.parametrize("worksheet_id", WORKSHEET_IDS)
def test_exactly_one_example_is_shown(worksheets, worksheet_id):
    assert sum(bool(e.get("show")) for e in worksheets[worksheet_id]["examples"]) == 1


@pytest.mark.parametrize("worksheet_id", WORKSHEET_IDS)
def test_messages_use_only_the_placeholders_the_engine_fills(worksheets, worksheet_id):
    """A typo such as {compnay} would silently become empty text, so catch it here."""
    allowed = ENGINES[worksheet_id].PLACEHOLDERS | {"label", "limit"}

    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for v in value:
                yield from texts(v)
        elif isinstance(value, dict):
            for v in value.values():
                yield from texts(v)

    used = set().union(*(placeholders(t) for t in texts(worksheets[worksheet_id]["messages"])))
    assert used <= allowed, f"unknown placeholders: {sorted(used - allowed)}"
