"""How well the checks that read a person's words work, measured on labelled corpora:
tests/corpus/tone.tsv for the tone check and tests/corpus/hopeless.tsv for the care check, plus
tests/corpus/tone-other-writers.tsv and tests/corpus/hopeless-other-writers.tsv, lines by writers
whose lines are never tuned or trained on.

Every line of a corpus has a kind: one the check should flag, or the harmless kind ("polite",
"ordinary"). Recall (per kind and overall) is the share of lines of that kind that get flagged;
false alarms, the share of harmless lines that do. A line belongs to the held-out part when the
first byte of the sha256 of its text is a multiple of four (about a quarter of the lines): nobody
chose them, and the rules in content/tone.yaml are tuned, and the model of workbook/tone_model.py
trained, on the rest only.

Used by `make eval` (scripts/evaluate_tone.py), the tests, and the maintainers' wording page.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "tone.tsv"
CARE_CORPUS = ROOT / "tests" / "corpus" / "hopeless.tsv"
CARE_OTHER_WRITERS = ROOT / "tests" / "corpus" / "hopeless-other-writers.tsv"
OTHER_WRITERS = ROOT / "tests" / "corpus" / "tone-other-writers.tsv"
GOALS = {"recall": 0.90, "recall_per_kind": 0.80, "false_alarms": 0.03}


@dataclass(frozen=True)
class Line:
    kind: str
    text: str

    @property
    def held_out(self) -> bool:
        return hashlib.sha256(self.text.encode("utf-8")).digest()[0] % 4 == 0


def corpus(path: Path = CORPUS) -> list[Line]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            kind, text = raw.split("\t", 1)
            lines.append(Line(kind, text))
    return lines


@dataclass
class Figures:
    recall: dict[str, float]      # per kind
    overall_recall: float
    false_alarms: float
    counts: dict[str, int]
    misses: list[Line]            # flagged harmless lines, and unflagged lines of the other kinds
    harmless: str = "polite"

    def meets_goals(self) -> bool:
        return (self.overall_recall >= GOALS["recall"] and self.false_alarms <= GOALS["false_alarms"]
                and all(v >= GOALS["recall_per_kind"] for v in self.recall.values()))


def measure(lines: list[Line], detect=None, harmless: str = "polite") -> Figures:
    """Recall per kind and false alarms (lines of kind `harmless` flagged) of `detect(text) -> bool`
    (the tone check by default)."""
    if detect is None:
        from workbook.tone import find

        def detect(text):
            return bool(find(text))

    flagged = {line: detect(line.text) for line in lines}
    counts = Counter(line.kind for line in lines)
    caught = Counter(line.kind for line in lines if flagged[line])
    kinds = sorted(k for k in counts if k != harmless)
    recall = {k: caught[k] / counts[k] for k in kinds}
    total = sum(counts[k] for k in kinds)
    misses = [line for line in lines if flagged[line] == (line.kind == harmless)]
    return Figures(recall=recall, overall_recall=sum(caught[k] for k in kinds) / total if total else 0.0,
                   false_alarms=caught[harmless] / counts[harmless] if counts[harmless] else 0.0,
                   counts=dict(counts), misses=misses, harmless=harmless)


def split(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(development lines, held-out lines)."""
    return [line for line in lines if not line.held_out], [line for line in lines if line.held_out]


def all_figures() -> dict[str, tuple[Figures, ...]]:
    """{"tone": (development, held out, other writers), "care": (development, held out, other
    writers)} with the content the engine holds now."""
    from workbook.tone import sounds_hopeless

    tone_dev, tone_held = split(corpus(CORPUS))
    care_dev, care_held = split(corpus(CARE_CORPUS))
    return {"tone": (measure(tone_dev), measure(tone_held), measure(corpus(OTHER_WRITERS))),
            "care": (measure(care_dev, sounds_hopeless, "ordinary"), measure(care_held, sounds_hopeless, "ordinary"),
                     measure(corpus(CARE_OTHER_WRITERS), sounds_hopeless, "ordinary"))}
