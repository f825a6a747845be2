"""Property tests: whatever a person (or a broken page) sends, run() answers in shape, quickly."""
from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORKSHEET_IDS = ["check-in", "reply", "feedback", "reflect", "log", "network", "recharge"]
MOST_BYTES = 200_000
NOTE_LEVELS = {"info", "warning"}

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), st.sampled_from(["", "yes", "no", "2024-05-01", "2024-02-30", "interview",
                                           "final_round", "noreply@x.com", "a@b.co", "!!!", "RE: re:",
                                           "\ud800 lone surrogate", "nul\x00 and \x1b escape", "\u202eRTL"]),
    st.text(min_size=6000, max_size=7000, alphabet=st.characters(codec="utf-8")),
)
junk = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=10), inner, max_size=5)), max_leaves=20)


def inputs_for(worksheets, worksheet_id):
    """Mostly the worksheet's own field ids (so the engine is reached), with junk values."""
    fields = [f["id"] for f in worksheets.get(worksheet_id, {}).get("fields", [])] + ["entries", "today"]
    options = [o["value"] for f in worksheets.get(worksheet_id, {}).get("fields", []) for o in f.get("options", [])]
    value = st.one_of(junk, st.sampled_from(options or [""]), st.lists(st.sampled_from(options or [""]), max_size=8))
    entry = st.dictionaries(st.sampled_from(fields), value, max_size=len(fields))
    return st.one_of(
        st.dictionaries(st.sampled_from(fields), st.one_of(value, st.lists(entry, max_size=30)), max_size=len(fields)),
        junk,
    )


def assert_well_formed(output, worksheet_id):
    text = json.dumps(output, allow_nan=False, ensure_ascii=False)
    assert len(text.encode("utf-8")) < MOST_BYTES   # also proves every text is valid UTF-8
    assert set(output) == {"worksheet", "blocks", "notes"}
    assert isinstance(output["worksheet"], str) and len(output["worksheet"]) <= 100
    if worksheet_id in WORKSHEET_IDS:
        assert output["worksheet"] == worksheet_id
    for block in output["blocks"]:
        kind = block["kind"]
        if kind == "paragraph":
            assert set(block) == {"kind", "text"} and isinstance(block["text"], str) and block["text"]
        elif kind == "list":
            assert set(block) == {"kind", "title", "ordered", "items"}
            assert block["title"] is None or isinstance(block["title"], str)
            assert isinstance(block["ordered"], bool)
            assert block["items"] and all(isinstance(i, str) for i in block["items"])
        elif kind == "draft":
            assert set(block) == {"kind", "title", "subject", "body", "mailto"}
            assert isinstance(block["title"], str) and isinstance(block["body"], str)
            assert block["subject"] is None or isinstance(block["subject"], str)
            assert block["mailto"] is None or (block["mailto"].startswith("mailto:") and " " not in block["mailto"]
                                               and "+" not in block["mailto"] and "\n" not in block["mailto"])
        elif kind == "chart":
            assert set(block) == {"kind", "title", "bars", "summary"}
            assert all(set(b) == {"label", "value", "share"} and isinstance(b["value"], int) for b in block["bars"])
            longest = max([b["value"] for b in block["bars"]] + [1])
            for bar in block["bars"]:   # the share is the bar's length: 100 for the longest, 0 for none
                assert 0 <= bar["share"] <= 100 and (bar["share"] == 0) == (bar["value"] == 0)
                assert bar["share"] == 100 or bar["value"] < longest
            assert isinstance(block["summary"], str)
        elif kind == "reminder":   # a calendar file for the person's own calendar app
            assert set(block) == {"kind", "title", "text", "href", "filename"}
            assert block["title"] and block["text"]
            assert block["href"].startswith("data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR%0D%0A")
            assert " " not in block["href"] and "\n" not in block["href"]
            assert re.fullmatch(r"reminder-[a-z-]+-\d{4}-\d{2}-\d{2}\.ics", block["filename"])
        else:
            raise AssertionError(f"unknown block kind {kind!r}")
    for note in output["notes"]:
        assert set(note) == {"level", "code", "text"}
        assert note["level"] in NOTE_LEVELS
        assert note["code"].replace("_", "").isalnum() and note["code"].islower()
        assert isinstance(note["text"], str)
    assert "engine_error" not in {n["code"] for n in output["notes"]}


@st.composite
def worksheet_and_inputs(draw, worksheets):
    worksheet_id = draw(st.sampled_from(WORKSHEET_IDS))
    return worksheet_id, draw(inputs_for(worksheets, worksheet_id))


def test_any_inputs_give_well_formed_output(engine, worksheets):
    @FAST
    @given(worksheet_and_inputs(worksheets))
    def check(case):
        worksheet_id, inputs = case
        output = engine.run(worksheet_id, inputs)
        assert_well_formed(output, worksheet_id)
        assert engine.run(worksheet_id, inputs) == output   # deterministic

    check()


@FAST
@given(worksheet_id=st.one_of(st.text(max_size=300), junk), inputs=junk)
def test_unknown_worksheets_and_junk_ids_give_a_note(engine, worksheet_id, inputs):
    output = engine.run(worksheet_id, inputs)
    assert_well_formed(output, worksheet_id)
    if worksheet_id not in WORKSHEET_IDS:
        assert [n["code"] for n in output["notes"]] == ["unknown_worksheet"]
        assert output["blocks"] == []


def test_huge_inputs_stay_bounded(engine):
    huge = "word " * 50_000
    inputs = {"personal_note": huge, "people": "\n".join(["Dana"] * 10_000), "context": huge, "gaps": huge,
              "own_words": huge, "weekly_target": 10**9,
              "entries": [{"date": "2024-05-01", "stage": "interview", "note": huge}] * 5000, "today": "2024-05-02"}
    for worksheet_id in WORKSHEET_IDS:
        assert_well_formed(engine.run(worksheet_id, inputs), worksheet_id)
