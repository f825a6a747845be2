"""The two GitHub workflows (CI and Pages) run on the same, current actions and Node.

zizmor (in `make test`) checks each workflow against GitHub's schema and for unsafe patterns;
this checks what it cannot: that the two agree with each other and with the Node we need.
"""
from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"
OLDEST_NODE = 22   # Node 20 reached its end of life on 2026-04-30


def _steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _actions(name: str) -> dict[str, str]:
    return dict(step["uses"].split("@", 1) for step in _steps(name) if "uses" in step)


def test_both_workflows_use_the_same_version_of_each_action_they_share():
    ci, pages = _actions("ci.yml"), _actions("pages.yml")
    shared = set(ci) & set(pages)
    assert {"actions/checkout", "actions/setup-python", "actions/setup-node"} <= shared
    assert {action: ci[action] for action in shared} == {action: pages[action] for action in shared}


def test_both_workflows_install_the_same_supported_node():
    versions = {name: [str(step["with"]["node-version"]) for step in _steps(name)
                       if step.get("uses", "").startswith("actions/setup-node@")]
                for name in ("ci.yml", "pages.yml")}
    assert versions["ci.yml"] == versions["pages.yml"] and len(versions["ci.yml"]) == 1
    assert int(versions["ci.yml"][0].split(".")[0]) >= OLDEST_NODE
