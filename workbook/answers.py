"""Read a worksheet's inputs defensively, field by field, using the field definitions.

Whatever arrives (missing values, wrong types, huge strings, junk), each field
ends up with a value of the right kind or its default, and anything the engine
had to leave out becomes a note.
"""
from __future__ import annotations

import datetime
import math
import re

from .messages import Messages, option_setting, option_values
from .output import Output
from .text import TEXT_LIMIT, clean_text, one_line

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YES = {"yes", "true", "on", "1", "y"}
_NO = {"no", "false", "off", "0", "n"}
_MISSING = object()


class NotUnderstood(Exception):
    """An answer of the wrong kind (internal: turned into a note)."""


def read_date(value) -> datetime.date | None:
    """A calendar date from 'YYYY-MM-DD' (or a date object); None when empty; raises NotUnderstood."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()[:40]
        if _ISO_DATE.match(text):
            try:
                return datetime.date.fromisoformat(text)
            except ValueError:
                pass
    raise NotUnderstood


def _read_text(value, limit: int, single_line: bool) -> tuple[str, bool]:
    if value is None:
        return "", False
    if isinstance(value, bool):
        raise NotUnderstood
    if isinstance(value, (int, float)):
        if not (isinstance(value, float) and not math.isfinite(value)) and abs(value) < 10**30:
            value = str(value)
        else:
            raise NotUnderstood
    if not isinstance(value, str):
        raise NotUnderstood
    text = clean_text(value, limit)
    if single_line:
        text = one_line(text)
    return text, len(value.strip()) > limit


def _read_number(value, low, high):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise NotUnderstood
    if isinstance(value, str):
        try:
            value = float(value.strip()[:40])
        except ValueError:
            raise NotUnderstood from None
    if not isinstance(value, (int, float)) or (isinstance(value, float) and not math.isfinite(value)):
        raise NotUnderstood
    number = int(round(value)) if isinstance(value, float) else value
    if low is not None:
        number = max(number, math.ceil(low))
    if high is not None:
        number = min(number, math.floor(high))
    return number


def _read_yes_no(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise NotUnderstood


def _read_choice(value, options: list[str]):
    if value is None or value == "":
        return None
    if isinstance(value, str) and value in options:
        return value
    raise NotUnderstood


def _read_choices(value, options: list[str]) -> tuple[list[str], bool]:
    if value is None or value == "":
        return [], False
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise NotUnderstood
    picked, dropped = [], False
    for item in value[: len(options) * 4 + 10]:
        if isinstance(item, str) and item in options:
            if item not in picked:
                picked.append(item)
        else:
            dropped = True
    return picked, dropped or len(value) > len(options) * 4 + 10


def field_value(field: dict, value):
    """(value, problem) for one field: problem is None, 'not_understood' or 'shortened'."""
    kind = field.get("type")
    options = [o.get("value") for o in field.get("options", []) if isinstance(o, dict)]
    if kind in ("text", "textarea", "email"):
        limit = min(field.get("max_length") or TEXT_LIMIT, TEXT_LIMIT)
        text, cut = _read_text(value, limit, single_line=kind != "textarea")
        return text, ("shortened" if cut else None)
    if kind == "date":
        return read_date(value), None
    if kind in ("number", "scale"):
        low, high = field.get("min"), field.get("max")
        if kind == "scale":
            low = 1 if low is None else low
            high = 5 if high is None else high
        return _read_number(value, low, high), None
    if kind == "yes_no":
        return _read_yes_no(value), None
    if kind == "choice":
        return _read_choice(value, options), None
    if kind == "multi_choice":
        picked, dropped = _read_choices(value, options)
        return picked, ("not_understood" if dropped else None)
    return None, None


def fits(field: dict, value) -> bool:
    """Whether a saved answer can go back into today's field exactly as it is: of the field's
    kind, an option the field still has, text within its limit, a number within its range.
    A maintainer's edit to a worksheet can leave saved answers that no longer do; those are
    kept aside ("Answers from an earlier version") instead of being changed or dropped."""
    if value is None or value == "" or value == []:
        return True
    kind = field.get("type")
    try:
        read, problem = field_value(field, value)
    except NotUnderstood:
        return False
    if problem is not None or read is None:
        return False
    if kind == "yes_no":
        return isinstance(value, bool)
    if kind in ("number", "scale"):
        low, high = field.get("min"), field.get("max")
        if kind == "scale":
            low, high = (1 if low is None else low), (5 if high is None else high)
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and (kind == "number" or value == int(value))
                and (low is None or value >= low) and (high is None or value <= high))
    if kind in ("text", "textarea", "email", "date", "choice"):
        return isinstance(value, str)
    return True


def _default(field: dict):
    try:
        value, _ = field_value(field, field.get("default"))
    except NotUnderstood:
        return None
    return value


class Answers:
    """The inputs of one worksheet run, each read according to its field definition."""

    def __init__(self, fields, raw, messages: Messages, out: Output):
        self.fields = [f for f in fields if isinstance(f, dict) and isinstance(f.get("id"), str)] \
            if isinstance(fields, list) else []
        self.raw = raw if isinstance(raw, dict) else {}
        self.messages = messages
        self.out = out
        self.values = {f["id"]: self._read(f, self.raw.get(f["id"], _MISSING)) for f in self.fields}

    def _read(self, field: dict, value):
        label = one_line(str(field.get("label", field["id"])))
        if value is _MISSING:
            return _default(field)
        try:
            result, problem = field_value(field, value)
        except NotUnderstood:
            result, problem = _default(field), "not_understood"
        if problem == "shortened":
            self.out.note("answer_shortened", self.messages.text(
                "answer_shortened", label=label, limit=min(field.get("max_length") or TEXT_LIMIT, TEXT_LIMIT)))
        elif problem == "not_understood":
            self.out.warning("answer_not_understood", self.messages.text("answer_not_understood", label=label))
        if result is None or result == [] or result == "":
            fallback = _default(field)
            if fallback is not None and (problem == "not_understood" or value is None):
                return fallback
        return result

    def __getitem__(self, field_id: str):
        return self.values.get(field_id)

    def text(self, field_id: str) -> str:
        value = self.values.get(field_id)
        return value if isinstance(value, str) else ""

    def options(self, field_id: str) -> list[str]:
        """The values a choice field offers, in the worksheet's order (its YAML decides)."""
        return option_values(self.fields, field_id)

    def setting(self, field_id: str, name: str, default=None):
        """A setting of a field's definition, such as its max_items."""
        field = next((f for f in self.fields if f["id"] == field_id), {})
        return field.get(name, default)

    def option_setting(self, field_id: str, value, name: str):
        """A setting of one of a field's options in the YAML, such as a stage's `phase`."""
        return option_setting(self.fields, field_id, value, name)

    def choices(self, field_id: str) -> list[str]:
        value = self.values.get(field_id)
        return value if isinstance(value, list) else []

