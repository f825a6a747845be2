"""The worksheet YAML is the contract: a maintainer adds an option, lowers a limit or renames a
label in content/, and the form, the engine and the output follow, with no code change.
And an option without its wording stops the build instead of silently drafting another tone."""
from __future__ import annotations

import copy
import html
import json
import re
import shutil
from pathlib import Path

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


@pytest.fixture(autouse=True)
def real_content_around_each_test():
    """Each test starts and ends with the real content installed in the engine (loading a copy
    of content/ installs the copy: the build runs its examples)."""
    def install():
        real = load_content()
        workbook.use_content(real.worksheets, real.tone, real.interface)
    install()
    yield
    install()


@pytest.fixture
def edited(tmp_path):
    content_dir = _content_copy(tmp_path, _edit_everything)
    content = load_content(content_dir)   # the build accepts the edit
    renderer = Renderer({"config_file_path": str(ROOT / "mkdocs.yml"), "extra": {"content_dir": str(content_dir)}})
    return content, renderer


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


# --- the site's own words: content/interface.yaml ------------------------------------------------

def _interface_copy(tmp_path, edit) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "interface.yaml"
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(words)
    path.write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return content


def _rename(words):
    words["answers"]["yes"], words["answers"]["no"] = "Sure", "Nope"
    words["log"]["add"] = "Log it"
    words["worksheet"]["print"] = "Make a paper copy"
    words["backup"]["download_json"] = "Keep a backup file"
    words["backup"]["downloaded"] = "Your file is ready."
    words["backup_file"]["not_json"] = "Not a backup: nothing changed."
    words["backup_file"]["copy_title"] = "What I wrote"


def test_renamed_interface_words_reach_the_form_the_page_scripts_and_the_engine(tmp_path):
    content_dir = _interface_copy(tmp_path, _rename)
    content = load_content(content_dir)
    renderer = Renderer({"config_file_path": str(ROOT / "mkdocs.yml"), "extra": {"content_dir": str(content_dir)}})
    log_page = renderer.page("worksheet_page", "workbook/log/", "log")
    assert ">Log it</button>" in log_page and ">Make a paper copy</button>" in log_page
    assert ">Keep a backup file</button>" in log_page
    reply_page = renderer.page("worksheet_page", "workbook/reply/", "reply")
    assert "> Sure</label>" in reply_page and "> Nope</label>" in reply_page
    # What the page's scripts say comes from the same file, as data (words.js reads it).
    [words] = re.findall(r"data-words='([^']*)'", reply_page)
    said = json.loads(html.unescape(words))
    assert said["backup"]["downloaded"] == "Your file is ready." and said["answers"]["yes"] == "Sure"
    workbook.use_content(content.worksheets, content.tone, content.interface)
    refused = workbook.task("backup-check", {"text": "not json at all"})
    assert refused["notes"][0]["text"] == "Not a backup: nothing changed."
    copy = workbook.task("backup-markdown", {"document": {
        "format": "job-rejection-workbook", "version": 1, "exported_at": None,
        "worksheets": {"reply": {"answers": {"ask_feedback": True}, "updated_at": None}}, "log": []}})
    copy = copy["data"]["markdown"]
    assert copy.startswith("# What I wrote") and ": Sure" in copy


def test_an_interface_word_in_braces_the_code_does_not_fill_stops_the_build(tmp_path):
    content_dir = _interface_copy(tmp_path, lambda w: w["backup"].update(last="Last backup: {when} by {who}."))
    with pytest.raises(ContentError) as failed:
        load_content(content_dir)
    assert "interface.yaml: backup.last: {who} is not filled in here (what is: {when})" in str(failed.value)


def test_a_missing_interface_word_stops_the_build_with_its_place(tmp_path):
    content_dir = _interface_copy(tmp_path, lambda w: w["status"].pop("ready"))
    with pytest.raises(ContentError) as failed:
        load_content(content_dir)
    assert "interface.yaml" in str(failed.value) and "ready" in str(failed.value)


def _add_stage(phase):
    def edit(sheets):
        for wid in ("reply", "log"):
            option = {"value": "assessment", "label": "Assessment day"}
            if phase:
                option["phase"] = phase
            _field(sheets[wid], "stage")["options"].insert(1, option)
            for table in sheets[wid]["messages"].values():   # every table with one wording per stage
                for inner in ([table] + list(table.values()) if isinstance(table, dict) else []):
                    if isinstance(inner, dict) and "application" in inner and "final_round" in inner:
                        inner["assessment"] = copy.deepcopy(inner["interview"])
    return edit


def test_a_new_stage_takes_its_phase_from_the_yaml(tmp_path):
    content = load_content(_content_copy(tmp_path, _add_stage("early")))
    workbook.use_content(content.worksheets, content.tone)
    output = workbook.run("reply", {"stage": "assessment", "ask_feedback": True, "tone": "warm"})
    (draft,) = [b for b in output["blocks"] if b["kind"] == "draft"]
    assert "feedback on my application" in draft["body"]
    entries = [{"id": f"e{i}", "date": "2026-11-0" + str(i + 1), "company": "Acme", "stage": "assessment"}
               for i in range(5)]
    log = workbook.run("log", {"entries": entries, "today": "2026-11-20"})
    assert "Assessment day" in json.dumps(log)


def test_a_stage_without_a_phase_stops_the_build(tmp_path):
    with pytest.raises(ContentError) as failed:
        load_content(_content_copy(tmp_path, _add_stage(None)))
    assert "the option 'assessment' needs a phase: the engine reads it" in str(failed.value)


def test_a_feeling_marked_heated_in_the_yaml_calls_for_cooling_off_sooner(tmp_path):
    def edit(sheets):
        next(o for o in _field(sheets["check-in"], "feelings")["options"] if o["value"] == "sad")["heated"] = True
    inputs = {"feelings": ["sad"], "intensity": 3}
    assert "cool_off" not in [n["code"] for n in workbook.run("check-in", inputs)["notes"]]
    content = load_content(_content_copy(tmp_path, edit))
    workbook.use_content(content.worksheets, content.tone)
    assert "cool_off" in [n["code"] for n in workbook.run("check-in", inputs)["notes"]]


def test_a_new_option_the_engine_has_no_code_for_stops_the_build(tmp_path):
    def edit(sheets):
        _field(sheets["reflect"], "goals")["options"].append({"value": "change_field", "label": "Change field"})
        sheets["reflect"]["messages"]["goals_action"]["change_field"] = "Look at a neighbouring field."
    with pytest.raises(ContentError) as failed:
        load_content(_content_copy(tmp_path, edit))
    assert ("the engine has no code for the option 'change_field' (it knows: keep, adjust, unsure); "
            "a new one needs code in workbook/worksheets/reflect.py") in str(failed.value)


def test_a_new_question_or_activity_needs_only_its_wording(tmp_path):
    def edit(sheets):
        _field(sheets["recharge"], "recharge")["options"].append({"value": "swim", "label": "A swim"})
        sheets["recharge"]["messages"]["activity_words"]["swim"] = "a swim"
    content = load_content(_content_copy(tmp_path, edit))
    workbook.use_content(content.worksheets, content.tone)
    assert "a swim" in json.dumps(workbook.run("recharge", {"recharge": ["swim"]}))
