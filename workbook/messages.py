"""A worksheet's wording (its YAML `messages`), read safely.

Each worksheet module declares REQUIRED_MESSAGES: name -> shape, where a shape is
TEXT, LIST, or table(keys...) for a table of texts by key (tables may nest). A table's keys
may be a field's options, table(options_of("tone")): the worksheet's YAML then decides
which keys there are, so a new option needs its wording and no code.
The tests check every worksheet's YAML against its module's declaration; at run
time a missing message gives an empty text, never an exception.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import fill, join_words

TEXT = "text"
LIST = "list"

# Messages every worksheet needs, for answers the engine could not use.
COMMON_MESSAGES = {
    "answer_not_understood": TEXT,   # {label}
    "answer_shortened": TEXT,        # {label}, {limit}
    "and": TEXT,
    "inputs_not_understood": TEXT,
}
# Placeholders every worksheet's messages may use (answers.py fills them in its notes).
COMMON_PLACEHOLDERS = frozenset({"label", "limit"})


@dataclass(frozen=True)
class OptionsOf:
    """The option values of one of the worksheet's fields, as the keys of a table (plus `also`)."""
    field: str
    also: tuple[str, ...] = ()


def options_of(field_id: str, *also: str) -> OptionsOf:
    return OptionsOf(field_id, also)


def option_values(fields, field_id: str) -> list[str]:
    """The values of a field's options, in the YAML's order (none for an unknown field); for a
    scale, each of its points from min to max (1 to 5 unless the YAML says otherwise), as text."""
    for field in fields if isinstance(fields, list) else []:
        if isinstance(field, dict) and field.get("id") == field_id:
            if field.get("type") == "scale":
                return [str(n) for n in range(int(field.get("min", 1)), int(field.get("max", 5)) + 1)]
            options = field.get("options", [])
            return [o["value"] for o in options if isinstance(o, dict) and isinstance(o.get("value"), str)]
    return []


def option_setting(fields, field_id: str, value, name: str):
    """A setting of one option of a field (such as a stage's phase), or None."""
    for field in fields if isinstance(fields, list) else []:
        if isinstance(field, dict) and field.get("id") == field_id:
            for option in field.get("options", []):
                if isinstance(option, dict) and option.get("value") == value:
                    return option.get(name)
    return None


def table(*keys, each=TEXT) -> dict:
    """Shape of a table of texts by key; `each` is the shape of every value. The keys are
    names, or one options_of(field) for the options the worksheet's YAML gives that field."""
    return {"keys": keys, "each": each}


def table_keys(shape: dict, fields) -> tuple[str, ...]:
    keys = shape["keys"]
    if len(keys) == 1 and isinstance(keys[0], OptionsOf):
        return (*option_values(fields, keys[0].field), *keys[0].also)
    return keys


def shape_problems(messages, required: dict, where: tuple = ("messages",), fields=()) -> list[tuple[tuple, str]]:
    """Every way `messages` does not match the declared shapes: (path, what is wrong) pairs,
    the path as keys from the worksheet's top level, e.g. ("messages", "thanks", "warm").
    `fields` are the worksheet's fields, for tables keyed by a field's options."""
    problems = []
    for name, shape in required.items():
        path = (*where, name)
        if not isinstance(messages, dict) or name not in messages:
            problems.append((path, "is missing"))
            continue
        value = messages[name]
        if shape == TEXT:
            if not isinstance(value, str):
                problems.append((path, "must be a text"))
        elif shape == LIST:
            if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
                problems.append((path, "must be a list of texts"))
        elif not isinstance(value, dict):
            problems.append((path, "must be a group of texts by name"))
        else:
            inner = dict.fromkeys(table_keys(shape, fields), shape["each"])
            problems.extend(shape_problems(value, inner, path, fields))
    return problems


class Messages:
    """Look up and fill a worksheet's messages; anything missing reads as empty."""

    def __init__(self, raw):
        self.raw = raw if isinstance(raw, dict) else {}

    def _find(self, key: str, path: tuple):
        value = self.raw.get(key)
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def text(self, key: str, *path: str, **values) -> str:
        """The text at messages[key][path...], with {placeholders} filled from values."""
        value = self._find(key, path)
        return fill(value, values) if isinstance(value, str) else ""

    def items(self, key: str, *path: str, **values) -> list[str]:
        """A list of texts, each filled; a single text counts as a list of one."""
        value = self._find(key, path)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [fill(v, values) for v in value if isinstance(v, str)]

    def join(self, words: list[str]) -> str:
        return join_words(words, self.text("and") or "and")
