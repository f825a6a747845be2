"""How well the tone and care checks work, measured on their corpora (`make eval`).

    python scripts/evaluate_tone.py [--misses] [--show-held-out]

The measuring is macros/tone_eval.py (the maintainers' wording page shows the same figures).
--misses lists the development lines the checks get wrong; the held-out misses stay hidden
unless --show-held-out is given, so that tuning never sees them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.tone_eval import GOALS, Figures, all_figures  # noqa: E402


def install_content() -> None:
    import workbook
    from macros.content import load_content

    content = load_content()
    workbook.use_content(content.worksheets, content.tone, content.interface)


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
    figures = all_figures()
    development, held_out, other_writers = figures["tone"]
    print("The tone check (tests/corpus/tone.tsv; rules and the learned model together)")
    print("\n".join(report("development (the rules are tuned and the model trained on these)", development)))
    print("\n".join(report("held out (never used for tuning or training)", held_out)))
    print("\n".join(report("other writers (tests/corpus/tone-other-writers.tsv, all held out)", other_writers)))
    shown = (development.misses if args.misses else []) + (
        held_out.misses + other_writers.misses if args.show_held_out else [])
    care_dev, care_held, care_other = figures["care"]
    print("\nThe care check: words without hope (tests/corpus/hopeless.tsv; phrases and the care model together)")
    print("\n".join(report("development (the phrases are tuned and the model trained on these)", care_dev)))
    print("\n".join(report("held out (never used for tuning or training)", care_held)))
    print("\n".join(report("other writers (tests/corpus/hopeless-other-writers.tsv, all held out)", care_other)))
    shown += (care_dev.misses if args.misses else []) + (
        care_held.misses + care_other.misses if args.show_held_out else [])
    for line in shown:
        print(f"  miss [{line.kind}] {line.text}")


if __name__ == "__main__":
    main()
