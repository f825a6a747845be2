"""The worksheet YAML is the contract: a maintainer adds an option, lowers a limit or renames a
label in content/, and the form, the engine and the output follow, with no code change.
And an option without its wording stops the build instead of silently drafting another tone."""
from __future__ import annotations

import copy
import shutil

import pytest
import yaml

import workbook
from macros.content import ContentError, load_content
from macros.render import Renderer
from tests.unit.conftest import ROOT

CASUAL = {"greeting": "Hey {name},", "greeting_no_name": "Hey there,", "sign_off": "Cheers,"}


def _content_copy(tmp_path, edit) -> object:
    """content/ copied to tmp_path, with edit(worksheets by id) applied to the worksheet YAML."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    paths = sorted((content / "worksheets").glob("*.yaml"))
    sheets = {p.stem: (p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in paths}
    edit({wid: data for wid, (_, data) in sheets.items()})
    for path, data in sheets.values():
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return content


def _field(sheet: dict, field_id: str) -> dict:
    return next(f for f in sheet["fields"] if f["id"] == field_id)


def _add_casual_tone(sheets, with_wording: bool = True):
    reply = sheets["reply"]
    _field(reply, "tone")["options"].append({"value": "casual", "label": "Casual"})
    if not with_wording:
        return
    for table in reply["messages"].values():
        if isinstance(table, dict) and "warm" in table:   # every table with one wording per tone
            table["casual"] = copy.deepcopy(table["warm"])
    for name, text in CASUAL.items():
        reply["messages"][name]["casual"] = text


def _edit_everything(sheets):
    _add_casual_tone(sheets)
    stage = _field(sheets["reply"], "stage")
    next(o for o in stage["options"] if o["value"] == "final_round")["label"] = "Last interview"
    feedback = sheets["feedback"]
    _field(feedback, "questions")["max_items"] = 2
    # The examples were written for three questions; this copy keeps one that holds for two.
    feedback["examples"] = [{"name": "two questions at most", "show": True,
                             "inputs": {"questions": ["strongest_gap", "resume", "next_time"]},
                             "expect": {"notes": ["too_many_questions"]}}]


@pytest.fixture
def edited(tmp_path):
    content_dir = _content_copy(tmp_path, _edit_everything)
    content = load_content(content_dir)   # the build accepts the edit
    renderer = Renderer({"config_file_path": str(ROOT / "mkdocs.yml"), "extra": {"content_dir": str(content_dir)}})
    yield content, renderer
    real = load_content()
    workbook.use_content(real.worksheets, real.tone)


def test_a_new_tone_appears_in_the_form_and_drafts_in_its_own_words(edited):
    content, renderer = edited
    form = renderer.page("worksheet_page", "workbook/reply/", "reply")
    assert 'value="casual"' in form and "> Casual</label>" in form
    assert "> Last interview</label>" in form

    workbook.use_content(content.worksheets, content.tone)
    output = workbook.run("reply", {"recruiter_name": "Priya", "company": "Northwind Books", "tone": "casual",
                                    "your_name": "Sam"})
    (draft,) = [b for b in output["blocks"] if b["kind"] == "draft"]
    assert draft["body"].startswith("Hey Priya,")
    assert draft["body"].endswith("Cheers,\nSam")


def test_a_lower_limit_is_what_the_form_says_and_the_engine_keeps(edited):
    content, renderer = edited
    form = renderer.page("worksheet_page", "workbook/feedback/", "feedback")
    assert "Pick up to 2." in form and 'data-max-items="2"' in form

    workbook.use_content(content.worksheets, content.tone)
    output = workbook.run("feedback", {"questions": ["strongest_gap", "resume", "next_time"]})
    (note,) = [n for n in output["notes"] if n["code"] == "too_many_questions"]
    assert "only your first 2 questions" in note["text"]
    (draft,) = [b for b in output["blocks"] if b["kind"] == "draft"]
    assert "\n2. " in draft["body"] and "\n3. " not in draft["body"]


def test_a_new_option_without_its_wording_stops_the_build(tmp_path):
    content_dir = _content_copy(tmp_path, lambda sheets: _add_casual_tone(sheets, with_wording=False))
    with pytest.raises(ContentError) as failed:
        load_content(content_dir)
    problems = "\n".join(failed.value.problems)
    assert "worksheets/reply.yaml: messages.greeting.casual: this message is missing, and the engine needs it" \
        in problems
    assert "messages.thanks.casual: this message is missing" in problems
