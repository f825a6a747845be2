"""Read one content file strictly: UTF-8 text, one YAML document, and only the YAML a content
file needs. Each problem is told in words for someone who edits YAML by hand, with the line
where it starts.

Refused, because each one hides a mistake or a risk:
- text that is not UTF-8 (an editor that saved the file as Latin-1 or UTF-16);
- anchors and aliases (`&name`, `*name`, `<<:`): never needed here, and a few of them
  nested can make a file of one kilobyte expand to gigabytes;
- a name written twice in one group (YAML would silently keep the last one);
- names that are not text (`yes:`, `on:`, `1:` read as true, true and the number 1);
- tags (`!something`) and more than one document in a file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_STR = "tag:yaml.org,2002:str"
# What YAML turns an unquoted word into, in the words a maintainer would use.
READ_AS = {
    "tag:yaml.org,2002:bool": "yes/no (true or false)",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}
_LOOKS_LIKE_A_LINE_OF_YAML = re.compile(r"\n[ \t]*(?:- |[A-Za-z_][\w-]*:(?:\s|$))")


class YamlProblem(Exception):
    """A file that cannot be read; `line` is where the problem starts (1-based) or None."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class YamlFile:
    """A parsed content file: its data, and the YAML node of every value by field path."""

    data: object
    nodes: dict[tuple, yaml.Node] = field(default_factory=dict)
    key_nodes: dict[tuple, yaml.Node] = field(default_factory=dict)

    def line_of(self, path) -> int | None:
        """The line of the value at `path`, or of its nearest parent that exists."""
        path = tuple(path)
        while path and path not in self.nodes:
            path = path[:-1]
        node = self.key_nodes.get(path) or self.nodes.get(path)
        return node.start_mark.line + 1 if node is not None else None

    def read_as(self, path) -> tuple[str, str] | None:
        """(what YAML made of it, the text as written) when an unquoted word at `path` was read
        as something other than text: `no` as false, `2024-06-03` as a date, nothing as empty."""
        node = self.nodes.get(tuple(path))
        if isinstance(node, yaml.ScalarNode) and node.style is None and node.tag in READ_AS:
            return READ_AS[node.tag], node.value
        return None


# --- decoding ----------------------------------------------------------------------------------

def decode(raw: bytes) -> str:
    """The file's text; a YamlProblem when it is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4000]:
        raise YamlProblem("this file is saved as UTF-16, not UTF-8. Open it in your editor and save it "
                          "again with the encoding UTF-8", 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlProblem(f"this file is not UTF-8 text: byte {err.start} (0x{raw[err.start]:02x}, column {column}) "
                          "is not a character in UTF-8. It was probably saved as Latin-1 or Windows-1252; "
                          "save it again with the encoding UTF-8", line) from None


# --- parsing -----------------------------------------------------------------------------------

class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases: refused as soon as one is met, before anything
    is built, so an alias bomb costs nothing."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem("this line uses a YAML anchor or alias (& or *), which content files do not "
                              "allow: write the text out in full", event.start_mark.line + 1)
        return super().compose_node(parent, index)


def _check_names(node: yaml.Node, path: tuple, found: YamlFile) -> None:
    """Index every node by path, refusing names that are not text and names written twice."""
    found.nodes[path] = node
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarNode):
                raise YamlProblem("a name (before a colon) must be a word, not a list or a group", line)
            if key.tag != _STR:
                what = READ_AS.get(key.tag, "something other than text")
                raise YamlProblem(f"the name '{key.value}' is read as {what}, not as a word: put it in "
                                  f"quotes, like \"{key.value}\":", line)
            if key.value in seen:
                raise YamlProblem(f"the name '{key.value}' is written twice in the same group (lines "
                                  f"{seen[key.value]} and {line}); keep one", line)
            seen[key.value] = line
            found.key_nodes[path + (key.value,)] = key
            _check_names(value, path + (key.value,), found)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check_names(item, path + (i,), found)


def parse(text: str) -> YamlFile:
    """Parse one content file's text; a YamlProblem for anything it must not hold."""
    loader = _StrictLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            raise _syntax_problem(err, text) from None
        if node is None:
            raise YamlProblem("this file is empty")
        found = YamlFile(data=None)
        _check_names(node, (), found)
        try:
            found.data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as err:
            raise _syntax_problem(err, text) from None
        if found.data is None:
            raise YamlProblem("this file is empty")
        return found
    finally:
        loader.dispose()


def read(path: Path) -> YamlFile:
    return parse(decode(path.read_bytes()))


# --- syntax errors in words --------------------------------------------------------------------

def _unclosed_quote(text: str, before: int) -> YamlProblem | None:
    """A quoted text that runs on over lines that look like YAML of their own was most likely
    never closed: report the line where its quote opens (YAML notices far below)."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index > before:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.end_mark.line > token.start_mark.line
                    and _LOOKS_LIKE_A_LINE_OF_YAML.search(text[token.start_mark.index:token.end_mark.index])):
                last = token
    except yaml.YAMLError as err:
        mark = getattr(err, "context_mark", None)
        if getattr(err, "context", "") == "while scanning a quoted scalar" and mark is not None:
            return _quote_problem(text, mark)
    return _quote_problem(text, last.start_mark) if last else None


def _quote_problem(text: str, mark) -> YamlProblem:
    quote = text[mark.index] if mark.index < len(text) else '"'
    return YamlProblem(f"the quote ({quote}) that opens here is never closed: add the closing {quote} at the "
                       "end of the text", mark.line + 1)


def _syntax_problem(err: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    context, problem = err.context or "", err.problem or ""
    at = (err.problem_mark or err.context_mark)
    line = at.line + 1 if at else None
    start = err.context_mark.line + 1 if err.context_mark else line
    quote = _unclosed_quote(text, at.index if at else len(text))
    if quote is not None:
        return quote
    if "mapping values are not allowed" in problem:
        return YamlProblem("YAML did not expect a colon followed by a space (': ') here. If the value on this "
                           "line holds one, put the whole value in quotes; if not, this line is not indented "
                           "like the lines around it", line)
    if "'\\t'" in problem:
        return YamlProblem("a tab is used here for indenting: YAML needs spaces", line)
    if context.startswith("while scanning a simple key"):
        return YamlProblem("this line needs a name and a colon (name: value), or it belongs to the line "
                           "above and is indented wrongly", start)
    if context.startswith("while parsing a flow sequence") or context.startswith("while parsing a flow mapping"):
        bracket = "]" if "sequence" in context else "}"
        return YamlProblem(f"the list or group that starts here is not closed with {bracket}", start)
    if "expected <block end>" in problem or "expected <block mapping start>" in problem:
        return YamlProblem("this line is not indented like the lines around it", line)
    if "expected a single document" in context:
        return YamlProblem("this file holds more than one YAML document (a line '---' in the middle): "
                           "keep one", line)
    if "could not determine a constructor for the tag" in problem:
        return YamlProblem("this line uses a YAML tag (a word starting with !), which content files do "
                           "not allow", line)
    return YamlProblem(f"YAML cannot read this line ({problem or context})", line)
