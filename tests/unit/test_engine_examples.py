"""Every worksheet's YAML examples run through the engine, and its messages match the engine.

The checks themselves live in macros/engine_contract.py, because the build runs them too
(tests/site/test_broken_content.py shows each one stopping the build)."""
from __future__ import annotations

import pytest

from macros import engine_contract
from workbook.worksheets import ENGINES

WORKSHEET_IDS = ["check-in", "reply", "feedback", "reflect", "log", "network", "recharge"]


def test_every_worksheet_has_an_engine_and_every_engine_a_worksheet(worksheets):
    assert set(ENGINES) == set(WORKSHEET_IDS)
    assert set(worksheets) == set(WORKSHEET_IDS)


@pytest.mark.parametrize("worksheet_id", WORKSHEET_IDS)
def test_examples_hold(engine, worksheets, worksheet_id):
    assert len(worksheets[worksheet_id]["examples"]) >= 2
    assert engine_contract.example_problems(worksheet_id, worksheets[worksheet_id]) == []


@pytest.mark.parametrize("worksheet_id", WORKSHEET_IDS)
def test_messages_hold_every_key_the_engine_uses_and_only_its_placeholders(worksheets, worksheet_id):
    assert engine_contract.message_problems(worksheet_id, worksheets[worksheet_id]) == []


@pytest.mark.parametrize("worksheet_id", WORKSHEET_IDS)
def test_exactly_one_example_is_shown(worksheets, worksheet_id):
    assert sum(bool(e.get("show")) for e in worksheets[worksheet_id]["examples"]) == 1


def test_an_example_that_no_longer_holds_is_named(engine, worksheets):
    recharge = {**worksheets["recharge"], "examples": [
        {"name": "x", "inputs": {"pause_days": 5}, "expect": {"contains": ["Pause the search for 6 days"],
                                                              "absent": ["Pause the search for 5 days"],
                                                              "notes": ["no_such_note"]}}]}
    assert engine_contract.example_problems("recharge", recharge) == [
        (("examples", 0, "expect", "contains", 0), '"Pause the search for 6 days" is not in this example\'s output'),
        (("examples", 0, "expect", "absent", 0), '"Pause the search for 5 days" is in this example\'s output, '
                                                 "and must not be"),
        (("examples", 0, "expect", "notes", 0), "the output has no note 'no_such_note' (it has: none)"),
    ]
