"""Train the care check's learned part on the development lines of tests/corpus/hopeless.tsv and
write it to workbook/lexicon/care_model.tsv (`make care-model`).

    python scripts/train_care_model.py [--check]

The care check (workbook/tone.py, sounds_hopeless) suggests talking to someone when a person's
words sound without hope. Its phrases (content/tone.yaml) find what someone thought to write
down; blind writers showed they miss much of the rest (2026-11-27: the phrases of the day found
0.17 to 0.25 of four writers' hopeless lines). This model reads the words and word pairs of each
sentence (workbook/tone_model.py's features, the tone model's format) and tells "hopeless" from
"ordinary". Only development lines are read; the held-out quarter is never seen here. The
threshold is chosen by five-fold cross-validation: the lowest at which phrases and model
together flag no more than FALSE_ALARM_AIM of the ordinary lines the model did not learn from.

Like the tone model it is served beside the engine's wheel and fetched once Python is ready
(sitebuild/assets.py); a run with words the phrases did not match waits for it. Standard library only,
and deterministic; --check exits 1 when the file on disk is not the one this corpus gives.
"""
from __future__ import annotations

import hashlib
import inspect
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import scripts.train_tone_model as tone_training  # noqa: E402
from macros.tone_eval import CARE_CORPUS, Line, corpus  # noqa: E402
from workbook.tone_model import Model, dump  # noqa: E402

OUT = ROOT / "workbook" / "lexicon" / "care_model.tsv"
KINDS = ("hopeless", "ordinary")
# The same learner as the tone model (scripts/train_tone_model.py), with fewer passes: the
# corpus is a tenth of the size. KEEP holds the file small enough for the wheel (0.15 would
# save 3 KB and find about a point less: README, the care check).
EPOCHS = 30
KEEP = 0.1
SCALE = tone_training.SCALE   # weights are stored as whole multiples of this, as in the tone model
# Under the goal of 0.03 (macros/tone_eval.py): over five rounds of new writers measured before
# they joined (2026-11-27), the check of the moment flagged 76 of 2545 ordinary lines (0.030), more
# than the 0.025 cross-validation counted.
FALSE_ALARM_AIM = 0.025
FOLDS = 5
# Each feature weighed by how far it leans to one kind (tone_training.evidence). Cross-validated
# on development lines (2026-11-27, three seeds, folds by position in the file so that most of a
# fold's writers are unseen, and folds interleaved): recall at 0.025 false alarms 0.885-0.888
# against 0.868-0.877 unweighed; smoothing 0.5 a little above 1.
EVIDENCE_ALPHA = 0.5


def digest(lines: list[Line], phrases: list[str]) -> str:
    """The tone model's digest of the lines and of the code that reads a text into features
    (scripts/train_tone_model.py), with how a text is scored and the phrases the threshold was
    chosen beside."""
    from workbook import tone

    extra = inspect.getsource(tone.hopeless_p) + "\n".join(phrases)
    return hashlib.sha256((tone_training.digest(lines) + extra).encode("utf-8")).hexdigest()[:16]


def fit(lines: list[Line]) -> Model:
    return tone_training.fit(lines, KINDS, epochs=EPOCHS, keep=KEEP, evidence_alpha=EVIDENCE_ALPHA)


def choose_threshold(lines: list[Line], by_phrases) -> float:
    """The lowest threshold at which phrases and model together flag at most FALSE_ALARM_AIM of
    the ordinary lines, each line scored by a model trained on the other folds."""
    from workbook.tone import hopeless_p

    scored = []
    for fold in range(FOLDS):
        model = fit([line for i, line in enumerate(lines) if i % FOLDS != fold])
        scored += [(line.kind == "hopeless", by_phrases(line.text), hopeless_p(line.text, model))
                   for i, line in enumerate(lines) if i % FOLDS == fold]
    ordinary = [(phrase, p) for hopeless, phrase, p in scored if not hopeless]
    hopeless = [(phrase, p) for is_hopeless, phrase, p in scored if is_hopeless]

    def flagged(reading: tuple[bool, float], threshold: float) -> bool:
        phrase, p = reading
        return phrase or p >= threshold

    return tone_training.lowest_threshold(ordinary, hopeless, flagged, FALSE_ALARM_AIM)


def build() -> str:
    import workbook
    from macros.content import load_content
    from workbook.tone import sounds_hopeless

    content = load_content()
    workbook.use_content(content.worksheets, content.tone, content.interface)
    lines = [line for line in corpus(CARE_CORPUS) if not line.held_out]

    def by_phrases(text: str) -> bool:
        return sounds_hopeless(text, content.tone, learned=False)

    threshold = choose_threshold(lines, by_phrases)
    phrases = (content.tone.get("hopeless") or {}).get("phrases", [])
    model = replace(fit(lines), threshold=threshold, trained_on=digest(lines, phrases))
    return dump(model, SCALE, note=f"Written by scripts/train_care_model.py from {len(lines)} development lines "
                                   "of tests/corpus/hopeless.tsv. Do not edit: run `make care-model`.")


def main() -> None:
    tone_training.write_or_check(OUT, build, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
