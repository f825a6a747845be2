"""Where each kind of page lives in the site, in one place."""
from __future__ import annotations

import posixpath

# Pages whose title and body come from content/ (hooks/pages.py generates them).
RESOURCES_PAGE = "resources.md"
BREAK_PAGE = "break.md"


def strategy_path(strategy_id: str) -> str:
    return f"strategies/{strategy_id}.md"


def situation_path(situation_id: str) -> str:
    return f"situations/{situation_id}.md"


def worksheet_path(worksheet_id: str) -> str:
    return f"workbook/{worksheet_id}.md"


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a Markdown file (use_directory_urls)."""
    if path == "index.md":
        return ""
    return path.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


def worksheet_order(content) -> list[dict]:
    """Worksheets in the order a person meets them: by strategy, then the break page's."""
    ordered = [w for s in content.strategies for w in content.worksheets_for(s["id"])]
    break_page = [content.worksheets[w] for w in content.guide["break_page"]["worksheets"]]
    ordered += [w for w in break_page if w not in ordered]
    ordered += [w for w in content.worksheets.values() if w not in ordered]
    return ordered


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other`, both site paths like "workbook/reply/" (as MkDocs'
    get_relative_url does it, without importing MkDocs): a last part of `other` with a dot is a
    file; leading slashes do not count; ".." never climbs above the site's root."""
    folder, _, last = other.rpartition("/")
    if "." in last:
        other = folder
    from_parts, to_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(from_parts, to_parts, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []
