"""Flatten the JSON Schemas in content/schema into rows for the "Edit the content" page,
so that reference can never drift from the rules the build enforces."""
from __future__ import annotations

import json
from pathlib import Path

# Which file each schema governs, in the order a maintainer meets them.
SCHEMA_FILES = [
    ("guide", "content/guide.yaml"),
    ("strategy", "content/strategies/NN-<id>.yaml"),
    ("worksheet", "content/worksheets/<id>.yaml"),
    ("resources", "content/resources.yaml"),
    ("tone", "content/tone.yaml"),
    ("interface", "content/interface.yaml"),
]


def _type_of(node: dict, root: dict) -> str:
    node = _resolve(node, root)
    if "enum" in node:
        return "one of: " + ", ".join(map(str, node["enum"]))
    kind = node.get("type")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        return f"list of {_type_of(node.get('items', {}), root)}"
    if kind == "object":
        return "mapping"
    if "anyOf" in node:
        return " or ".join(_type_of(option, root) for option in node["anyOf"])
    return kind or "any"


def _resolve(node: dict, root: dict) -> dict:
    if "$ref" in node and node["$ref"].startswith("#/"):
        target = root
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _rows(node: dict, root: dict, prefix: str) -> list[dict]:
    node = _resolve(node, root)
    rows = []
    required = set(node.get("required", []))
    for name, sub in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        full = _resolve(sub, root)
        rows.append({"field": path, "type": _type_of(sub, root), "required": name in required,
                     "description": sub.get("description") or full.get("description", "")})
        if full.get("type") == "object" and "properties" in full:
            rows += _rows(full, root, f"{path}.")
        items = _resolve(full.get("items", {}), root) if full.get("type") == "array" else {}
        if items.get("type") == "object" and "properties" in items:
            rows += _rows(items, root, f"{path}[].")
    return rows


def schema_reference(schema_dir: Path) -> list[dict]:
    """One entry per kind of content file: its path, description and every field."""
    reference = []
    for name, file in SCHEMA_FILES:
        schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        reference.append({"name": name, "file": file, "title": schema.get("title", name),
                          "description": schema.get("description", ""), "rows": _rows(schema, schema, "")})
    return reference
