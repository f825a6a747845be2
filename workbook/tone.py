"""Tone check: spot words in a draft that could burn a bridge, each with a reason.

The phrases and reasons are wording, so they live in the worksheet's messages
(`tone_phrases`, `tone_reasons`); how capitals and exclamation marks are
counted is logic, so it lives here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import LIST, TEXT, Messages, table
from .output import Output

PHRASE_KINDS = ("reconsider", "blame", "sarcasm")
KINDS = PHRASE_KINDS + ("capitals", "exclamations")

# Messages a worksheet needs when it runs the tone check.
TONE_MESSAGES = {
    "tone_phrases": table(*PHRASE_KINDS, each=LIST),
    "tone_reasons": table(*KINDS),
    "tone_flag": TEXT,   # {field}, {found}, {reason}
    "tone_ok": TEXT,
}

# Short words in capitals that are names of things, not shouting.
ACRONYMS = frozenset({
    "AI", "API", "AWS", "CEO", "CFO", "COO", "CTO", "CV", "EU", "HR", "IT", "ML", "NYC", "OK",
    "PM", "QA", "SEO", "SQL", "UI", "UK", "US", "USA", "UX", "VP",
})
SHOUTING_WORDS = 3       # this many words in capitals read as shouting
EXCLAMATION_RUN = 3      # "!!!" or longer
EXCLAMATIONS_TOTAL = 4   # or this many across one answer

_WORD = re.compile(r"[^\W\d_]+")
_MARKS = re.compile(r"[!?\uff01\uff1f]{" + str(EXCLAMATION_RUN) + ",}")


@dataclass(frozen=True)
class ToneFlag:
    kind: str     # one of KINDS
    label: str    # the field it was found in
    found: str    # the words or marks that raised it


def _normal(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text)


def _phrase_found(text: str, phrases: list[str]) -> str | None:
    normal = _normal(text)
    for phrase in phrases:
        phrase = _normal(phrase).strip()
        if phrase and re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", normal):
            return phrase
    return None


def shouting_words(text: str) -> list[str]:
    """Words of two or more letters written all in capitals, apart from common acronyms."""
    return [w for w in _WORD.findall(text) if len(w) >= 2 and w.isupper() and w not in ACRONYMS]


def exclamation_pile(text: str) -> str | None:
    """The marks that make a pile of exclamation marks, or None."""
    for run in _MARKS.findall(text):
        if sum(ch in "!\uff01" for ch in run) >= 2:
            return run
    if sum(ch in "!\uff01" for ch in text) >= EXCLAMATIONS_TOTAL:
        return "!" * EXCLAMATIONS_TOTAL
    return None


def tone_flags(texts: list[tuple[str, str]], say: Messages) -> list[ToneFlag]:
    """Every bridge-burning sign in the (label, text) pairs, in a stable order."""
    flags = []
    for label, text in texts:
        if not text:
            continue
        for kind in PHRASE_KINDS:
            found = _phrase_found(text, say.items("tone_phrases", kind))
            if found:
                flags.append(ToneFlag(kind, label, found))
        loud = shouting_words(text)
        if len(loud) >= SHOUTING_WORDS:
            flags.append(ToneFlag("capitals", label, " ".join(loud[:SHOUTING_WORDS])))
        pile = exclamation_pile(text)
        if pile:
            flags.append(ToneFlag("exclamations", label, pile[:10]))
    return flags


def check_tone(out: Output, say: Messages, texts: list[tuple[str, str]]) -> list[ToneFlag]:
    """Add a warning note per flag (code tone_<kind>). When nothing is flagged and the first
    text (the person's own free text) is filled in, add a reassuring note instead."""
    flags = tone_flags(texts, say)
    for flag in flags:
        out.warning(f"tone_{flag.kind}", say.text(
            "tone_flag", field=flag.label, found=flag.found, reason=say.text("tone_reasons", flag.kind)))
    if not flags and texts and texts[0][1]:
        out.note("tone_ok", say.text("tone_ok"))
    return flags
