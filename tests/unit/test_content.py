"""Loading and validating content/: the real content, and each kind of mistake a maintainer can make."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from macros.content import ContentError, load_content

ROOT = Path(__file__).resolve().parents[2]
STRATEGY_IDS = ["feel-and-process", "request-feedback", "reply-professionally",
                "stay-persistent", "reflect-and-refocus", "keep-networking"]
WORKSHEET_IDS = {"check-in", "reply", "feedback", "reflect", "log", "network", "recharge"}


@pytest.fixture
def content_dir(tmp_path) -> Path:
    """A writable copy of the real content/ to break on purpose."""
    return Path(shutil.copytree(ROOT / "content", tmp_path / "content"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(content_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    return err.value.problems


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


# --- the real content --------------------------------------------------------

def test_real_content_has_six_strategies_in_the_articles_order():
    content = load_content()
    assert [s["id"] for s in content.strategies] == STRATEGY_IDS


def test_real_content_declares_the_seven_worksheets():
    content = load_content()
    assert set(content.worksheets) == WORKSHEET_IDS
    assert {content.worksheets[w]["strategy"] for w in WORKSHEET_IDS} == set(STRATEGY_IDS) | {"break"}


def test_source_is_credited_by_title_and_author():
    source = load_content().guide["source"]
    assert source["title"] == "How To Handle Job Rejections Gracefully"
    assert source["author"] == "Jennifer DeLorenzo"


def test_resources_name_the_three_sites_and_subreddits():
    resources = load_content().resources["resources"]
    assert [r["id"] for r in resources] == ["linkedin", "glassdoor", "reddit"]
    reddit = next(r for r in resources if r["id"] == "reddit")
    assert {"r/jobs", "r/careeradvice"} <= {c["name"] for c in reddit["communities"]}


@pytest.mark.parametrize("schema", sorted((ROOT / "content" / "schema").glob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_property_has_a_description_and_rejects_unknown_keys(schema):
    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node and node.get("type") == "object":
                assert node.get("additionalProperties") is False, f"{where}: unknown keys must be errors"
                for name, sub in node["properties"].items():
                    assert sub.get("description"), f"{where}.{name} has no description"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    document = json.loads(schema.read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    walk(document, schema.name)


# --- each failure kind, with its message ------------------------------------------

def test_wrong_type_names_file_and_field_path(content_dir):
    path = content_dir / "strategies" / "02-request-feedback.yaml"
    steps = load_content(content_dir).strategy_by_id["request-feedback"]["steps"]
    third = steps[2]["text"]
    edit(path, f"- text: {third}", "- text: [not, a, string]")
    expected_line = line_of(path, "- text: [not, a, string]")
    assert problems_of(content_dir) == [
        f"strategies/02-request-feedback.yaml: steps[2].text: must be text (line {expected_line})"
    ]


def test_unknown_worksheet_reference(content_dir):
    path = content_dir / "strategies" / "02-request-feedback.yaml"
    edit(path, "  - feedback\n", "  - feedbak\n")
    line = line_of(path, "  - feedbak")
    (problem,) = problems_of(content_dir)
    assert problem == (f"strategies/02-request-feedback.yaml: worksheets[0]: unknown worksheet 'feedbak' "
                       f"(known: check-in, feedback, log, network, recharge, reflect, reply) (line {line})")


def test_unknown_strategy_reference_from_the_guide(content_dir):
    path = content_dir / "guide.yaml"
    edit(path, "strategy: feel-and-process", "strategy: feel-and-procss")
    assert problems_of(content_dir) == [
        f"guide.yaml: first_steps[0].strategy: unknown strategy 'feel-and-procss' "
        f"(line {line_of(path, 'feel-and-procss')})"
    ]


def test_duplicate_strategy_id(content_dir):
    src = content_dir / "strategies" / "02-request-feedback.yaml"
    shutil.copy(src, content_dir / "strategies" / "07-request-feedback.yaml")
    problems = problems_of(content_dir)
    assert ("strategies/07-request-feedback.yaml: id: duplicate id 'request-feedback' "
            "(also used by strategies/02-request-feedback.yaml) (line 1)") in problems


def test_id_must_match_file_name(content_dir):
    path = content_dir / "strategies" / "06-keep-networking.yaml"
    edit(path, "id: keep-networking", "id: networking")
    assert "strategies/06-keep-networking.yaml: id: 'networking' does not match the file name " \
           "(expected 'keep-networking') (line 1)" in problems_of(content_dir)


def test_every_problem_is_reported_at_once(content_dir):
    edit(content_dir / "strategies" / "01-feel-and-process.yaml", "id: feel-and-process", "id: Feel")
    edit(content_dir / "strategies" / "04-stay-persistent.yaml", "title:", "titel:")
    problems = problems_of(content_dir)
    assert any(p.startswith('strategies/01-feel-and-process.yaml: id: "Feel" is not allowed here') for p in problems)
    assert any(p.startswith("strategies/04-stay-persistent.yaml: titel: 'titel' is not a field here") for p in problems)


def test_worksheet_field_option_must_be_known_type(content_dir):
    path = content_dir / "worksheets" / "reply.yaml"
    edit(path, "type: choice", "type: dropdown")
    (problem,) = problems_of(content_dir)
    assert re.fullmatch(r"worksheets/reply\.yaml: fields\[\d+\]\.type: 'dropdown' is not one of: text, textarea, "
                        r"email, date, number, scale, choice, multi_choice, yes_no \(line \d+\)", problem)


def test_example_inputs_must_name_fields(content_dir):
    path = content_dir / "worksheets" / "reply.yaml"
    edit(path, "inputs:\n", "inputs:\n      colour: blue\n")
    problems = problems_of(content_dir)
    assert any(re.fullmatch(r"worksheets/reply\.yaml: examples\[0\]\.inputs\.colour: 'colour' is not a field of "
                            r"this worksheet \(line \d+\)", p) for p in problems), problems


# --- the build's loader: read once per build, again after any edit -------------

def test_the_build_reads_content_once_until_a_file_changes(content_dir, monkeypatch):
    import macros.content as content_module
    from macros.errors import BuildError

    reads = []
    real_load = content_module.load_content
    monkeypatch.setattr(content_module, "load_content", lambda d: reads.append(d) or real_load(d))
    config = {"config_file_path": str(content_dir.parent / "mkdocs.yml"), "extra": {}}

    first = content_module.load_content_or_fail(config)
    second = content_module.load_content_or_fail(config)
    assert len(reads) == 1
    # Each caller has its own copy: a change by one is not seen by the next.
    first.worksheets["reply"]["title"] = "changed by a caller"
    assert second.worksheets["reply"]["title"] != "changed by a caller"
    assert content_module.load_content_or_fail(config).worksheets["reply"]["title"] != "changed by a caller"

    # An edit (as under `mkdocs serve`) is read on the next call, mistakes included.
    edit(content_dir / "worksheets" / "reply.yaml", "title: ", "title: 42 #")
    with pytest.raises(BuildError, match=r"worksheets/reply\.yaml: title"):
        content_module.load_content_or_fail(config)
    assert len(reads) == 2
