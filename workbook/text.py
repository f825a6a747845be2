"""Text helpers: clean what a person typed, fill message templates safely, join words."""
from __future__ import annotations

import re

# Longest text kept from any one answer, so the output always stays small.
TEXT_LIMIT = 5000

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SPACES = re.compile(r"[ \t]+")


def clean_text(value: str, limit: int = TEXT_LIMIT) -> str:
    """Trim a typed text: unify line breaks, drop control characters, cap its length."""
    text = value[: limit * 2].replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.strip()[:limit].strip()


def one_line(text: str) -> str:
    """Collapse a text onto one line (for names, subjects and list items)."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def fill(template: str, values: dict) -> str:
    """Put values into {placeholders}. Never evaluates anything: unknown names become empty.

    Values are inserted in one pass, so braces a person types are kept as they are.
    """
    def swap(match: re.Match) -> str:
        value = values.get(match.group(1), "")
        return "" if value is None else str(value)

    return _PLACEHOLDER.sub(swap, template)


def placeholders(template: str) -> set[str]:
    """The {names} a template uses."""
    return set(_PLACEHOLDER.findall(template))


def join_words(words: list[str], and_word: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {and_word} {words[-1]}"


_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014>]+|\(?\d{1,2}[.)])\s*")


def without_list_marker(line: str) -> str:
    """'- 5 years of people management' -> '5 years of people management' (also *, \u2022, 1., 2))."""
    return _LIST_MARKER.sub("", line, count=1).strip()


def name_and_note(line: str) -> tuple[str, str]:
    """'Dana Lee, former colleague' -> ('Dana Lee', 'former colleague')."""
    name, _, note = line.partition(",")
    return name.strip(), note.strip(" .")


# Words that start a phrase with a capital only because they started a line.
_LINE_STARTERS = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "some", "any"})


def in_sentence(item: str) -> str:
    """A typed item made to sit inside a sentence: no full stop at the end, and a first word
    that is capitalised only because it began the line ('The Thursday group', 'Playing guitar')
    in lower case. Names and acronyms keep their capitals."""
    item = item.strip().rstrip(" .;,")
    first = item.split(" ", 1)[0]
    ordinary = first[:1].isupper() and first[1:].islower()
    if ordinary and (first.lower() in _LINE_STARTERS or first.lower().endswith("ing")):
        item = item[0].lower() + item[1:]
    return item


def lines_of(text: str, limit: int, line_limit: int = 200) -> list[str]:
    """Non-empty lines of a textarea, each trimmed, at most `limit` of them."""
    found = []
    for line in text.split("\n"):
        line = one_line(line)[:line_limit].strip()
        if line:
            found.append(line)
            if len(found) >= limit:
                break
    return found
