"""Tone check: find words in a note a person is about to send that a recruiter may read badly.

What counts is data, in content/tone.yaml: for each kind (angry, bitter, sarcastic, demanding,
threatening, pleading...) the phrases that show it, how a recruiter may read it, and a calmer
way to say it; plus swear words, which are also found with letters hidden by * # @ $ !, and
the words that aim a sentence at the reader. This module only matches.

Beyond the phrases, VADER's sentiment lexicon (workbook/lexicon/, see its README) finds strongly
negative words in a sentence aimed at the reader ("your panel was rude"), which a phrase list
cannot enumerate; a negative word about oneself ("I was nervous") is left alone.

How well it works is measured, not assumed: tests/corpus/tone.tsv holds labelled lines and
`make eval` prints recall and false alarms per kind (scripts/evaluate_tone.py).

Phrase syntax (content/tone.yaml): words match whole words, without regard to capitals;
[a|b c|] is one of several wordings (an empty one makes the group optional); ... stands for up
to four words; a word ending in * matches any ending (regret* = regret, regrets, regretted); ^ at
the start means the start of a sentence, and $ at the end its end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from importlib import resources

from . import tone_model
from .catalogue import tone_rules
from .messages import Messages
from .output import Output
from .text import fill

GAP_WORDS = 4
WINDOW = 3      # sentences the model reads at once (a note of up to three is read whole)
MOST_FLAGS = 5
_LETTER = r"[^\W\d_]"
_WORD = re.compile(r"[\w'*#@$!]+")
# A full stop (or ! ? ;) followed by a letter is inside a sentence: "acme.com", "3.5", "e.g".
_SENTENCE = re.compile(r"(?:[^.!?;\n]|[.!?;](?=[^\s.!?;]))+[.!?;]*")
_SHOUT_WORD = re.compile(r"\b[A-Z]{2,}\b")
_VOWEL = re.compile("[AEIOUY]")   # capitals without one are an acronym (HMRC, NHS), not a word
_HIDDEN = "*#@$!%"


@dataclass(frozen=True)
class ToneFlag:
    kind: str     # a kind of content/tone.yaml
    found: str    # the words as the person typed them
    firm: bool = dataclass_field(default=False, compare=False)   # swearing, shouting, the model: never overruled


# --- the phrase syntax ---------------------------------------------------------------------------

class PhraseError(ValueError):
    """A phrase that cannot be read (the build reports it with the file and line)."""


_START = r"(?:^|(?<=[.!?;:\n])[\s\"']*|(?<=^[\"']))"
_END = r"(?=[\s\"']*(?:[.!?;\n]|$))"


def _word_pattern(word: str) -> str:
    if word == "^":
        return _START
    if word == "$":
        return _END
    if word == "...":
        return r"(?:\S+\s+){0," + str(GAP_WORDS) + r"}?"
    if word.endswith("*") and len(word) > 1:
        return re.escape(word[:-1]) + r"[\w'-]*"
    return re.escape(word)


def _sequence(words: list[str]) -> str:
    out = ""
    for i, word in enumerate(words):
        piece = _word_pattern(word)
        last = i == len(words) - 1 or words[i + 1] == "$"
        if word in ("...", "^", "$"):
            out += piece
        else:
            # A word ends where a word ends: "[post|share] ... on" must not match "posted on".
            out += piece + (r"(?![\w'])" if last else r"[\s,]+")
    return out


def _brackets_pair_up(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "[") - (ch == "]")
        if depth not in (0, 1):
            return False
    return depth == 0


def compile_phrase(phrase: str) -> re.Pattern:
    """The regular expression of one phrase; PhraseError when it cannot be read."""
    text = " ".join(phrase.lower().replace("\u2019", "'").split())
    if not _brackets_pair_up(text):
        raise PhraseError(f"the brackets in \u201c{phrase}\u201d do not pair up: write [a|b], not [a|b or [a|[b]]")
    parts = []
    for piece in re.split(r"(\[[^\]]*\])", text):
        if piece.startswith("["):
            choices = [_sequence(choice.split()) for choice in piece[1:-1].split("|")]
            filled = [c for c in choices if c]
            if not filled:
                raise PhraseError(f"\u201c{phrase}\u201d has an empty [ ]")
            parts.append("(?:" + "|".join(filled) + ")" + ("?" if len(filled) < len(choices) else ""))
        elif piece.strip():
            parts.append(_sequence(piece.split()))
    if not parts:
        raise PhraseError("a phrase is empty")
    # A phrase that starts or ends with punctuation (", i guess $") needs no word edge there.
    words = text.replace("[", " ").replace("]", " ").replace("|", " ").split()
    before = r"(?<![\w'])" if re.match(r"[\w'^]", words[0]) else ""
    after = r"(?![\w']|-\w)" if re.search(r"[\w'*$.]$", words[-1]) else ""
    return re.compile(before + r"[\s,]*".join(parts) + after, re.M)


def required_words(phrase: str) -> list[str]:
    """Words every match of the phrase contains (those outside brackets), to skip a phrase
    quickly when a text lacks one of them."""
    outside = re.sub(r"\[[^\]]*\]", " ", phrase.lower().replace("\u2019", "'"))
    return [w.rstrip("*") for w in outside.split() if w not in ("...", "^", "$") and w.rstrip("*")]


# --- the lexicon -----------------------------------------------------------------------------------

def _read_lexicon() -> dict[str, float]:
    text = resources.files(__package__).joinpath("lexicon/vader_negative.tsv").read_text(encoding="utf-8")
    words = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            value, these = line.split("\t")
            words.update(dict.fromkeys(these.split(), float(value)))
    return words


# Read when the module is imported: in the browser that is before Python's memory is saved as a
# snapshot (worker.js), and a restored snapshot has the memory but not the package's files.
_LEXICON = _read_lexicon()


def lexicon() -> dict[str, float]:
    """Word -> VADER valence, for the negative words of VADER's lexicon."""
    return _LEXICON


# --- the rules, compiled once per set of content ---------------------------------------------------

@dataclass
class _Rules:
    phrases: list[tuple[str, re.Pattern, frozenset]]   # kind, pattern, words it needs
    needed: frozenset                                  # every word some phrase needs
    unless: dict[str, re.Pattern]                      # kind -> words that make a sentence not that kind
    swearing: list[tuple[str, re.Pattern]]
    aimed: re.Pattern | None
    about_self: re.Pattern | None
    negating: frozenset
    threshold: float
    acronyms: frozenset
    loud_alone: frozenset     # words that are shouting even on their own in capitals (NOT, TWICE)
    ordinary: frozenset       # lower-case words this file and the lexicon know as English
    words: dict[str, float]   # VADER's negative words, with the YAML's additions and exceptions
    praise: re.Pattern | None
    complaint: re.Pattern | None
    contrast: re.Pattern | None


# Endings a swear word may take ("fucking", "shitty"); any other ending makes another word
# ("Arsenal", "scrap" and "Scunthorpe" are not swearing).
_SWEAR_ENDINGS = r"(?:s|es|ed|er|ers|ing|in'|y|ty|head|heads|hole|holes)?"


def _swear_pattern(word: str) -> re.Pattern:
    """A swear word as a whole word, also with letters after the first hidden by * # @ $ % or !
    between letters (f***ing, sh*t, bullsh!t)."""
    first, rest = re.escape(word[0]), word[1:]
    hidden = "".join(f"(?:{re.escape(ch)}|[{re.escape(_HIDDEN)}])" for ch in rest)
    return re.compile(r"(?<![\w*#@$%])" + first + hidden + _SWEAR_ENDINGS + r"(?![\w*#@$%])")


def _any_of(words) -> re.Pattern | None:
    words = [w for w in words if isinstance(w, str) and w.strip()]
    if not words:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(_sequence(w.lower().split()) for w in words) + r")(?![\w'])")


_compiled: dict[int, tuple[dict, _Rules]] = {}


def _words_in(value) -> frozenset:
    """Every lower-case word of two letters or more in a part of content/tone.yaml."""
    if isinstance(value, str):
        return frozenset(re.findall(r"[a-z]{2,}", value.lower()))
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list):
        return frozenset().union(*map(_words_in, value))
    return frozenset()


def rules(definition: dict) -> _Rules:
    key = id(definition)
    if key in _compiled and _compiled[key][0] is definition:
        return _compiled[key][1]
    phrases = []
    for kind, spec in (definition.get("kinds") or {}).items():
        for phrase in spec.get("phrases", []) if isinstance(spec, dict) else []:
            try:
                phrases.append((kind, compile_phrase(phrase), frozenset(required_words(phrase))))
            except PhraseError:
                continue  # the build refuses it (macros/engine_contract.py); here it is skipped
    swearing = [("hostile", _swear_pattern(w.lower()), []) for w in definition.get("swear_words", []) if w]
    lex = definition.get("lexicon") or {}
    words = dict(lexicon())
    words.update({str(w).lower(): float(v) for w, v in (lex.get("more_words") or {}).items()})
    for word in lex.get("not_about_them", []):
        words.pop(str(word).lower(), None)
    kinds = definition.get("kinds") if isinstance(definition.get("kinds"), dict) else {}
    unless = {kind: _any_of(spec.get("unless", [])) for kind, spec in kinds.items() if isinstance(spec, dict)}
    compiled = _Rules(
        phrases=phrases,
        needed=frozenset().union(*(needed for _, _, needed in phrases)),
        unless={kind: pattern for kind, pattern in unless.items() if pattern},
        swearing=swearing,
        aimed=_any_of(lex.get("aimed_at_them", [])),
        about_self=_any_of(lex.get("about_oneself", [])),
        negating=frozenset(w.lower() for w in lex.get("negating", [])),
        threshold=float(lex.get("threshold", -1.5)),
        acronyms=frozenset(definition.get("not_shouting", [])),
        loud_alone=frozenset(definition.get("loud_alone", [])),
        ordinary=frozenset(lexicon()) | _words_in({k: v for k, v in definition.items() if k != "not_shouting"}),
        words=words,
        praise=_any_of((definition.get("sarcasm") or {}).get("praise", [])),
        complaint=_any_of((definition.get("sarcasm") or {}).get("complaint", [])),
        contrast=_any_of((definition.get("sarcasm") or {}).get("contrast", [])),
    )
    _compiled[key] = (definition, compiled)
    return compiled


# --- matching ----------------------------------------------------------------------------------------

def _normal(text: str) -> str:
    """Lower case and plain apostrophes, character for character (so offsets stay true)."""
    lowered = text.lower()
    if len(lowered) == len(text):   # no letter became two (as "İ" does), so offsets already agree
        return lowered.replace("\u2019", "'").replace("\u2018", "'")
    out = []
    for ch in text:
        low = ch.lower()
        out.append("'" if ch in "\u2019\u2018" else low if len(low) == 1 else ch)
    return "".join(out)


def _is_name(sentence: str, start: int) -> bool:
    """A word with a capital first letter after the sentence's first word: a name ("Grace Sorrow",
    "Savage Interiors"), which is never read as prose. A word all in capitals is not a name."""
    word = re.match(r"[^\W\d_][\w']*", sentence[start:])
    return bool(word and word.group()[0].isupper() and not word.group().isupper()
                and sentence[:start].strip(" \"'(\u201c\u2018"))


# Words in quotation marks are someone's words quoted ("always looking for people who like
# messy data"), not the writer's: the lexicon leaves them to the model, which reads the quotes.
_QUOTED = re.compile(r'["\u201c][^"\u201c\u201d]*["\u201d]')


def _negative_word(normal: str, r: _Rules, sentence: str = "") -> re.Match | None:
    """The first strongly negative word not negated, not about the writer, not part of a name
    and not in quotation marks, or None."""
    tokens = list(re.finditer(r"[a-z']+", normal))
    quoted = [m.span() for m in _QUOTED.finditer(normal)]
    for i, token in enumerate(tokens):
        value = r.words.get(token.group())
        if value is None or value > r.threshold:
            continue
        if any(a < token.start() < b for a, b in quoted):
            continue
        if sentence and _is_name(sentence, token.start()):
            continue
        before = [t.group() for t in tokens[max(0, i - 3):i]]
        if any(t in r.negating or t.endswith("n't") for t in before):
            continue
        if r.about_self and r.about_self.search(normal[max(0, token.start() - 30):token.start()]):
            continue
        return token
    return None


def _sarcasm_flags(sentence: str, normal: str, r: _Rules) -> list[ToneFlag]:
    """Praise and a complaint in one sentence, with no contrast word: read as sarcasm."""
    if r.praise is None or (r.contrast and r.contrast.search(normal)):
        return []
    praise = r.praise.search(normal)
    if praise is None:
        return []
    complaint = next((m for m in r.complaint.finditer(normal) if not _is_name(sentence, m.start())), None) \
        if r.complaint else None
    complaint = complaint or _negative_word(normal, r, sentence)
    if complaint is None:
        return []
    start, end = min(praise.start(), complaint.start()), max(praise.end(), complaint.end())
    return [ToneFlag("sarcastic", sentence[start:end])]


def _lexicon_flags(sentence: str, normal: str, r: _Rules) -> list[ToneFlag]:
    """Strongly negative words in a sentence aimed at the reader, unless negated or about oneself."""
    if r.aimed is None or not r.aimed.search(normal):
        return []
    word = _negative_word(normal, r, sentence)
    return [ToneFlag("hostile", sentence[word.start():word.end()])] if word else []


# Words that end as English words do: CLOSED, ABSOLUTELY, WAITING, LATEST.
_ENGLISH_ENDING = re.compile(r"(?:ED|LY|ING|EST)$")


def _shouted(word: str, r: _Rules) -> bool:
    """A word in capitals that is a word of ordinary English, as far as the check knows one (a
    word of the lexicon or of content/tone.yaml, a word of loud_alone, or an English ending).
    Anything else in capitals is a name (UNILAG, NEBOSH, KEMRI): the world's universities, exams
    and agencies are too many for any list, and a note that names three of them is not shouting."""
    return word not in r.acronyms and bool(_VOWEL.search(word)) and (
        word in r.loud_alone or word.lower() in r.ordinary or bool(_ENGLISH_ENDING.search(word)))


def _shouting(text: str, r: _Rules) -> list[tuple[int, ToneFlag]]:
    """Words in capitals that are English words (_shouted): three or more, or one of four
    letters or more, or one of the words that are emphasis on their own (I did NOT); or a pile
    of exclamation marks. The quote is the text from the first such word to the third.
    (Letting the model overrule a lone word in capitals, which may be a name, cost a sixth of
    the shouting lines it never saw; a name is told by not being an English word instead.)"""
    loud = [m for m in _SHOUT_WORD.finditer(text) if _shouted(m.group(), r)]
    if len(loud) >= 3 or any(len(m.group()) >= 4 or m.group() in r.loud_alone for m in loud):
        # Quote the longest run of capital words that follow each other, at most three.
        runs, run = [], [loud[0]]
        for m in loud[1:]:
            if text[run[-1].end():m.start()].strip() == "":
                run.append(m)
            else:
                runs.append(run)
                run = [m]
        best = max(runs + [run], key=len)[:3]
        return [(best[0].start(), ToneFlag("shouting", text[best[0].start():best[-1].end()], firm=True))]
    marks = re.search(r"[!?\uff01\uff1f]{3,}", text)
    if marks:
        return [(marks.start(), ToneFlag("shouting", marks.group()[:6], firm=True))]
    if sum(ch in "!\uff01" for ch in text) >= 4:
        return [(0, ToneFlag("shouting", "!", firm=True))]
    return []


def find(text: str, definition: dict | None = None, learned: bool = True) -> list[ToneFlag]:
    """Every sign in `text` that a recruiter may read badly, in order, one per kind and phrase.

    With `learned` (the default; its training turns it off to measure the rules alone), the
    model of workbook/tone_model.py reads the text too. It overrules a phrase, the lexicon or the
    sarcasm rule when it is very sure the sentence is polite ("Could you let me know by
    Friday?"); swear words and shouting are never overruled. It flags a sentence on its own only
    when it is all but certain (an insult after a polite greeting). Then it reads the text whole,
    or a longer text each WINDOW sentences in a row, and flags what nothing flagged when it is
    sure enough that a recruiter would read it badly: a dig is often a polite sentence and a
    pointed fact after it ("Thanks for the update. Only took six weeks.")."""
    definition = tone_rules() if definition is None else definition
    if not text or not isinstance(definition, dict):
        return []
    r = rules(definition)
    normal = _normal(text)
    found: list[tuple[int, ToneFlag]] = []
    spans = sentence_spans(text)
    present = {word for word in r.needed if word in normal}
    for kind, pattern, needed in r.phrases:
        if not needed <= present:
            continue
        match = pattern.search(normal)
        if match and kind in r.unless:
            start, end = next(((a, b) for a, b in spans if a <= match.start() < b), (0, len(text)))
            if r.unless[kind].search(normal[start:end]):
                continue
        if match:
            found.append((match.start(), ToneFlag(kind, text[match.start():match.end()].strip(" ,"))))
    for kind, pattern, _ in r.swearing:
        match = pattern.search(normal)
        if match:
            found.append((match.start(), ToneFlag(kind, text[match.start():match.end()], firm=True)))
    for start, end in spans:
        sentence = text[start:end]
        normal_sentence = _normal(sentence)
        flags = _lexicon_flags(sentence, normal_sentence, r) + _sarcasm_flags(sentence, normal_sentence, r)
        found += [(start + max(0, sentence.find(flag.found)), flag) for flag in flags]
    reader = tone_model.model() if learned else None
    if reader is not None:
        found = _read_with_model(text, spans, found, reader)
    found += _shouting(text, r)
    # One flag per stretch of words: of two flags of one kind whose words overlap ("I'm begging",
    # "begging you"), the first is kept.
    flags, taken = [], []
    for at, flag in sorted(found, key=lambda item: item[0]):
        end = at + len(flag.found)
        if any(kind == flag.kind and at < other_end and other_at < end for kind, other_at, other_end in taken) \
                or any(f.kind == flag.kind and flag.found.lower() in f.found.lower() for f in flags):
            continue
        taken.append((flag.kind, at, end))
        flags.append(flag)
    return flags


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` starts and ends."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def sentences(text: str) -> list[str]:
    """The sentences of `text` as find() reads them one by one."""
    return [text[start:end] for start, end in sentence_spans(text)]


def windows(parts: list[str]) -> list[list[int]]:
    """The indexes of the sentences (blank ones skipped) that the model reads together: all of
    them when there are at most WINDOW, else each WINDOW in a row."""
    real = [i for i, part in enumerate(parts) if part.strip()]
    return [real[a:a + WINDOW] for a in range(max(1, len(real) - WINDOW + 1))] if real else []


def _read_with_model(text: str, spans: list[tuple[int, int]], found: list, reader) -> list[tuple[int, ToneFlag]]:
    """The rules' flags as the model leaves them, and its own. A rule's flag (not a firm one) is
    dropped where the model is very sure its sentence is polite; a sentence nothing flagged is
    flagged when the model is all but certain it reads badly on its own; then the model reads
    the sentences of each window that nothing flagged together (the trainer,
    scripts/train_tone_model.py, chooses its threshold reading texts so), quoting _quotes()."""
    for start, end in spans:
        here = [item for item in found if start <= item[0] < end]
        if here and reader.overrules(text[start:end]):
            found = [item for item in found if item not in here or item[1].firm]
        elif not here and (kind := reader.reading(text[start:end], reader.alone)):
            sentence = text[start:end]
            found.append((start + len(sentence) - len(sentence.lstrip()), ToneFlag(kind, sentence.strip(), firm=True)))
    flagged = [any(start <= at < end for at, _ in found) for start, end in spans]
    out, covered = [], -1
    for window in windows([text[start:end] for start, end in spans]):
        for run in _unflagged_runs(window, flagged):
            if run[0] <= covered or not reader.reading(text[spans[run[0]][0]:spans[run[-1]][1]]):
                continue
            for start, end in _quotes(text, [spans[i] for i in run], reader):
                quote = text[start:end]
                out.append((start + len(quote) - len(quote.lstrip()),
                            ToneFlag(reader.reading(quote), quote.strip(), firm=True)))
            covered = run[-1]
    return found + out


def _unflagged_runs(window: list[int], flagged: list[bool]) -> list[list[int]]:
    """The runs of a window's sentences that nothing flagged (the whole window when none was)."""
    runs: list[list[int]] = [[]]
    for i in window:
        if flagged[i]:
            runs.append([])
        else:
            runs[-1].append(i)
    return [run for run in runs if run]


def _quotes(text: str, spans: list[tuple[int, int]], reader) -> list[tuple[int, int]]:
    """Where the quotes of a window the model flagged start and end: each of its sentences the
    model reads badly on its own; else the two neighbours it reads worst, if it reads any two
    badly; else the whole window."""
    for size in range(1, len(spans)):
        runs = [(spans[a][0], spans[a + size - 1][1]) for a in range(len(spans) - size + 1)]
        bad = [(harmless_p, a, b) for a, b in runs
               if tone_model.reads_badly(harmless_p := reader.probabilities(text[a:b])[tone_model.HARMLESS],
                                         reader.threshold)]
        if bad:
            return [(a, b) for _, a, b in bad] if size == 1 else [min(bad)[1:]]
    return [(spans[0][0], spans[-1][1])]


# --- words without hope ------------------------------------------------------------------------------

# A log's older entries are history: only the most recent ones are read for words without hope.
RECENT_ENTRIES = 20
_hopeless_compiled: dict[int, tuple[dict, re.Pattern | None]] = {}


def _hopeless_pattern(definition: dict) -> re.Pattern | None:
    """All the hopeless phrases as one pattern (one pass over a text, not one per phrase)."""
    key = id(definition)
    if key not in _hopeless_compiled or _hopeless_compiled[key][0] is not definition:
        sources = []
        for phrase in (definition.get("hopeless") or {}).get("phrases", []):
            try:
                sources.append(compile_phrase(phrase).pattern)
            except PhraseError:
                continue  # the build refuses it
        _hopeless_compiled[key] = (definition, re.compile("|".join(f"(?:{s})" for s in sources), re.M)
                                   if sources else None)
    return _hopeless_compiled[key][1]


def sounds_hopeless(text: str, definition: dict | None = None, learned: bool = True) -> bool:
    """Whether `text` holds words of someone who may be without hope: a phrase of content/tone.yaml,
    or, unless `learned` is False, the care model (scripts/train_care_model.py) reading it so."""
    definition = tone_rules() if definition is None else definition
    if not text or not isinstance(definition, dict):
        return False
    pattern = _hopeless_pattern(definition)
    if pattern and pattern.search(_normal(text)):
        return True
    model = tone_model.care_model() if learned else None
    return model is not None and hopeless_p(text, model) >= model.threshold


def hopeless_p(text: str, model: tone_model.Model) -> float:
    """How sure the care model is that `text` sounds without hope: the most it finds in the whole
    text or in any one sentence (in a long reflection, one sentence can carry it)."""
    parts = [part for part in sentences(text) if part.strip()]
    return max(model.probabilities(part).get("hopeless", 0.0) for part in [text, *parts])


def _care_words(key: str) -> str:
    """One of the care check's texts in content/tone.yaml (hopeless.note, hopeless.rules_only)."""
    return (tone_rules().get("hopeless") or {}).get(key, "")


def suggest_support(out: Output) -> None:
    """The gentle note to talk to someone."""
    out.note("care", _care_words("note"))


def check_care(out: Output, answers) -> None:
    """Read every free-text answer of a worksheet (and of each entry of a log); suggest support
    when one sounds hopeless."""
    fields = [f for f in answers.fields if f.get("type") in ("text", "textarea")]
    entries = answers.raw.get("entries")
    recent = [e for e in entries[-RECENT_ENTRIES:] if isinstance(e, dict)] if isinstance(entries, list) else []
    written = [(f, answers.text(f["id"])) for f in fields] + [(f, e.get(f["id"])) for e in recent for f in fields]
    written = [(f, text[:5000]) for f, text in written if isinstance(text, str) and text.strip()]
    if any(sounds_hopeless(text) for _, text in written):
        suggest_support(out)
    elif tone_model.care_model() is None and any(f["type"] == "textarea" for f, _ in written):
        # Only the phrases read it: the page runs again once the model is in, and says so if it
        # never comes. Not for one-line answers alone (a name, a company): a first draft must
        # not wait for them.
        out.note(CARE_RULES_ONLY, _care_words("rules_only"))
        out.read_without("care_model")


# --- what the page shows -----------------------------------------------------------------------------

# The notes said beside the result when a check's model is not installed and it had words to read.
RULES_ONLY = "tone_rules_only"
CARE_RULES_ONLY = "care_rules_only"


def check_tone(out: Output, answers, say: Messages | None = None) -> list[ToneFlag]:
    """Check every field marked `tone_check` in the worksheet: a warning per sign found, which
    quotes the words, says how a recruiter may read them and offers a calmer way; or, when
    nothing is found in text the person wrote, a note that says what was looked for."""
    definition = tone_rules()
    kinds = definition.get("kinds", {}) if isinstance(definition, dict) else {}
    checked = [f for f in answers.fields if f.get("tone_check")]
    flags: list[ToneFlag] = []
    wrote = False
    for field in checked:
        text = answers.text(field["id"])
        wrote = wrote or bool(text)
        flags += find(text, definition)
    for flag in flags[:MOST_FLAGS]:
        spec = kinds.get(flag.kind, {})
        out.warning(f"tone_{flag.kind}", fill(definition.get("flag", ""), {
            "found": flag.found, "reason": spec.get("reason", ""), "calmer": spec.get("calmer", "")}))
    if len(flags) > MOST_FLAGS:
        out.warning("tone_more", fill(definition.get("more", ""), {"count": len(flags) - MOST_FLAGS}))
    if wrote and not flags:
        out.note("tone_none", definition.get("nothing_found", ""))
    if wrote and tone_model.model() is None:
        out.note(RULES_ONLY, definition.get("rules_only", ""))
        out.read_without("tone_model")
    return flags
