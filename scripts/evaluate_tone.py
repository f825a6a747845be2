"""How well the tone check works, measured on tests/corpus/tone.tsv (`make eval`).

    python scripts/evaluate_tone.py [--misses] [--show-held-out]

Every line of the corpus has a kind: one of the kinds the check should flag, or "polite".
Recall (per kind and overall): the share of lines of that kind that get at least one flag.
False alarms: the share of polite lines that get any flag. A line belongs to the held-out part
when the first byte of the sha256 of its text is a multiple of four (about a quarter of the
lines): nobody chose them, and the rules in content/tone.yaml are tuned on the rest only.
--misses lists the development lines the check gets wrong; the held-out misses stay hidden
unless --show-held-out is given, so that tuning never sees them.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus" / "tone.tsv"
CARE_CORPUS = ROOT / "tests" / "corpus" / "hopeless.tsv"
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


def install_content() -> None:
    import workbook
    from macros.content import load_content

    content = load_content()
    workbook.use_content(content.worksheets, content.tone)


def report(name: str, figures: Figures) -> list[str]:
    rows = [f"{name}: {sum(figures.counts.values())} lines",
            f"  {'kind':<20}{'lines':>6}{'recall':>9}"]
    for kind, value in figures.recall.items():
        rows.append(f"  {kind:<20}{figures.counts[kind]:>6}{value:>9.2f}")
    rows.append(f"  {'overall':<20}{sum(n for k, n in figures.counts.items() if k != figures.harmless):>6}"
                f"{figures.overall_recall:>9.2f}")
    rows.append(f"  {'false alarms':<20}{figures.counts.get(figures.harmless, 0):>6}{figures.false_alarms:>9.2f}"
                f"   ({figures.harmless} lines flagged)")
    rows.append(f"  goals (recall >= {GOALS['recall']}, every kind >= {GOALS['recall_per_kind']}, false alarms "
                f"<= {GOALS['false_alarms']}): {'met' if figures.meets_goals() else 'NOT met'}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the development lines it gets wrong")
    parser.add_argument("--show-held-out", action="store_true", help="also list the held-out lines it gets wrong")
    args = parser.parse_args()
    install_content()
    lines = corpus()
    development = measure([line for line in lines if not line.held_out])
    held_out = measure([line for line in lines if line.held_out])
    print("The tone check (tests/corpus/tone.tsv)")
    print("\n".join(report("development (the rules are tuned on these)", development)))
    print("\n".join(report("held out (never used for tuning)", held_out)))
    shown = (development.misses if args.misses else []) + (held_out.misses if args.show_held_out else [])
    from workbook.tone import sounds_hopeless

    care = corpus(CARE_CORPUS)
    care_dev = measure([line for line in care if not line.held_out], sounds_hopeless, "ordinary")
    care_held = measure([line for line in care if line.held_out], sounds_hopeless, "ordinary")
    print("\nThe care check: words without hope (tests/corpus/hopeless.tsv)")
    print("\n".join(report("development", care_dev)))
    print("\n".join(report("held out", care_held)))
    shown += (care_dev.misses if args.misses else []) + (care_held.misses if args.show_held_out else [])
    for line in shown:
        print(f"  miss [{line.kind}] {line.text}")


if __name__ == "__main__":
    main()
