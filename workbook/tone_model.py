"""A small learned reading of a short note: how likely a recruiter is to read it badly, and as
which kind (bitter, sarcastic...). It backs up the phrase rules of workbook/tone.py, which only
find what someone thought to write down.

The model is a softmax regression over the words of a text and its pairs of words, trained by
scripts/train_tone_model.py on the development part of the labelled corpus (never on the held-out
part) and shipped as data: workbook/lexicon/tone_model.tsv. Its first lines say what it was
trained on (a digest of those lines, so a test can tell when the corpus changed and the model did
not), the kinds, each kind's bias, the scale of the weights, the threshold, how sure it must
be that a sentence is polite to overrule a rule and how sure that one sentence reads badly to
flag it on its own (workbook/tone.py); then one feature
per line with how much it moves each kind, in the order of @kinds, one character per kind, as a
whole number of times the scale: "." is 0, "a" to "z" are 1 to 26, "A" to "Z" are -1 to -26
(a number per kind would make the file a fifth larger, and it is downloaded on a first visit).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from importlib import resources

HARMLESS = "polite"
# A double quotation mark is a token of its own: their words put back in quotes ("hybrid",
# "not the right fit") are much of what sarcasm looks like on the page.
_TOKEN = re.compile(r"[^\W_][\w'*#@$!]*|[!?\"]")
_HIDING = re.compile(r"\w[*#@$!]+\w")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")


def tokens(text: str) -> list[str]:
    """Lower-case words, and '"' for each double quotation mark; a word with letters hidden by
    * # @ $ ! is one token, <hidden>. Email and web addresses are not prose, and are left out."""
    plain = _ADDRESS.sub(" ", text.lower().replace("\u2019", "'").replace("\u2018", "'")
                         .replace("\u201c", '"').replace("\u201d", '"'))
    out = []
    for word in _TOKEN.findall(plain):
        if len(word) > 1 and _HIDING.search(word):
            word = "<hidden>"
        out.append(word.rstrip("'!") or word)
    return out


def features(text: str) -> set[str]:
    """The words of a sentence, and each pair of neighbours, with its start and end marked."""
    words = ["<s>", *tokens(text), "</s>"]
    return set(words[1:-1]) | {a + " " + b for a, b in zip(words, words[1:], strict=False)}


def reads_badly(harmless_p: float, threshold: float) -> bool:
    """A sentence no rule flags is flagged when P(not harmless) reaches the threshold."""
    return 1.0 - harmless_p >= threshold


def overruled(harmless_p: float, overrule: float) -> bool:
    """A rule's flag on a sentence is dropped when P(harmless) reaches the overrule."""
    return harmless_p >= overrule


@dataclass(frozen=True)
class Model:
    kinds: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]   # feature -> (kind index, weight), nonzero only
    threshold: float                                    # flag when P(not harmless) is at least this
    trained_on: str                                     # digest of the training lines
    overrule: float = 1.01                              # drop a rule's flag when P(harmless) is at least this
    alone: float = 1.01                                 # flag a sentence alone when P(not harmless) is at least this

    def probabilities(self, text: str) -> dict[str, float]:
        scores = list(self.bias)
        for feature in features(text):
            for k, w in self.weights.get(feature, ()):
                scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {kind: e / total for kind, e in zip(self.kinds, exps, strict=True)}

    def reading(self, text: str, threshold: float | None = None) -> str | None:
        """The kind a recruiter would most likely read in `text`, or None when it reads as harmless
        (at the model's threshold, or at the one given)."""
        p = self.probabilities(text)
        if not reads_badly(p.get(HARMLESS, 0.0), self.threshold if threshold is None else threshold):
            return None
        return max((k for k in self.kinds if k != HARMLESS), key=p.__getitem__)

    def overrules(self, text: str) -> bool:
        """Whether the model is sure enough that `text` reads as harmless to drop a rule's flag."""
        return overruled(self.probabilities(text).get(HARMLESS, 0.0), self.overrule)


def parse(text: str) -> Model:
    head: dict[str, str] = {}
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    scale = 1.0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("\t")
        if name.startswith("@"):
            head[name[1:]] = value
            if name == "@scale":
                scale = float(value)
            continue
        weights[name] = tuple((k, _number(ch) * scale) for k, ch in enumerate(value) if ch != ".")
    return Model(kinds=tuple(head["kinds"].split()), bias=tuple(float(b) for b in head["bias"].split()),
                 weights=weights, threshold=float(head["threshold"]), trained_on=head["trained_on"],
                 overrule=float(head.get("overrule", 1.01)), alone=float(head.get("alone", 1.01)))


def dump(model: Model, scale: float, note: str = "") -> str:
    """The model as the text parse() reads; weights rounded to whole multiples of `scale`."""
    out = [f"# {line}" for line in note.splitlines()]
    out += [f"@trained_on\t{model.trained_on}", f"@kinds\t{' '.join(model.kinds)}",
            f"@bias\t{' '.join(f'{b:.3f}' for b in model.bias)}", f"@scale\t{scale}",
            f"@threshold\t{model.threshold}", f"@overrule\t{model.overrule}", f"@alone\t{model.alone}"]
    for feature in sorted(model.weights):
        moves = [0] * len(model.kinds)
        for k, w in model.weights[feature]:
            moves[k] = max(-26, min(26, round(w / scale)))
        if any(moves):
            out.append(feature + "\t" + "".join(map(_letter, moves)))
    return "\n".join(out) + "\n"


def _letter(number: int) -> str:
    return "." if number == 0 else chr(ord("a") + number - 1) if number > 0 else chr(ord("A") - number - 1)


def _number(letter: str) -> int:
    if not ("a" <= letter <= "z" or "A" <= letter <= "Z"):
        raise ValueError(f"a weight is written as . or a letter, not {letter!r}")
    return ord(letter) - ord("a") + 1 if letter.islower() else -(ord(letter) - ord("A") + 1)


def _read(name: str) -> Model | None:
    source = resources.files(__package__).joinpath("lexicon", name)
    return parse(source.read_text(encoding="utf-8")) if source.is_file() else None


# Read at import under CPython (the build, the tests, `make eval`). The wheel the browser loads
# holds neither model: the worker fetches them just after Python is ready (the tone model is
# larger than all the engine's code; only reading words needs either) and installs them with
# use_model() and use_care_model(). A run with words to read before then waits for them
# (Output.read_without).
_MODEL = _read("tone_model.tsv")
_CARE_MODEL = _read("care_model.tsv")


def care_model() -> Model | None:
    """The care check's model (scripts/train_care_model.py), kinds "hopeless" and "ordinary"; None
    while the browser has not installed it (workbook/tone.py then reads with the phrases alone)."""
    return _CARE_MODEL


def use_care_model(text: str) -> None:
    """Install the care model from the text of care_model.tsv (as served: without comment lines)."""
    global _CARE_MODEL
    _CARE_MODEL = parse(text)


def model() -> Model | None:
    """The installed model; None while the browser has not installed one (workbook/tone.py then
    reads with the rules alone, and says so)."""
    return _MODEL


def use_model(text: str) -> None:
    """Install the model from the text of tone_model.tsv (as served: the comment lines may be gone)."""
    global _MODEL
    _MODEL = parse(text)
