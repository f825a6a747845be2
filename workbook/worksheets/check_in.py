"""Check in with yourself: name the feelings, and cool off before replying when they run high."""
from __future__ import annotations

from ..answers import Answers
from ..messages import TEXT, Messages, options_of, table
from ..output import Output
from ..tone import suggest_support

# The feelings and needs are the options of their fields in content/worksheets/check-in.yaml;
# a feeling marked `heated: true` there (anger, frustration) calls for cooling off sooner.
STRONG = 4          # from this intensity on, suggest waiting about a day before replying
HEATED_STRONG = 3   # anger or frustration at this level is enough

REQUIRED_MESSAGES = {
    "feeling_words": table(options_of("feelings")),
    "acknowledge": TEXT,               # {feelings}
    "acknowledge_own_words": TEXT,
    "acknowledge_nothing": TEXT,
    "feeling_thoughts": table(options_of("feelings")),
    "feeling_thoughts_title": TEXT,
    "intensity": table(options_of("intensity")),     # one per point of the scale
    "need": table(options_of("need")),
    "need_reply_heated": TEXT,
    "cool_off_advice": TEXT,
    "cool_off_note": TEXT,
    "steady_note": TEXT,
}
PLACEHOLDERS = frozenset({"feelings"})


def needs_cool_off(feelings: list[str], intensity: int | None, heated: set[str]) -> bool:
    """Strong feelings, or a heated one (anger, frustration) that is more than mild: wait
    before replying."""
    if intensity is None:
        return False
    return intensity >= STRONG or (intensity >= HEATED_STRONG and bool(heated & set(feelings)))


def acknowledgement(say: Messages, feelings: list[str], own_words: str) -> str:
    if feelings:
        return say.text("acknowledge", feelings=say.join([say.text("feeling_words", f) for f in feelings]))
    return say.text("acknowledge_own_words" if own_words else "acknowledge_nothing")


def build(answers: Answers, say: Messages, out: Output) -> None:
    offered = answers.options("feelings")
    feelings = [f for f in answers.choices("feelings") if f in offered]
    heated = {f for f in offered if answers.option_setting("feelings", f, "heated")}
    intensity = answers["intensity"] if isinstance(answers["intensity"], int) else None
    out.paragraph(acknowledgement(say, feelings, answers.text("own_words")))
    out.bullet_list([say.text("feeling_thoughts", f) for f in feelings], title=say.text("feeling_thoughts_title"))
    if intensity is not None:
        points = answers.options("intensity")
        out.paragraph(say.text("intensity", str(max(int(points[0]), min(int(points[-1]), intensity)))))
    if answers["need"] in answers.options("need"):
        # Advice to wait before sending (strong feelings, or anger) and "write it now, while it
        # is fresh" must never stand side by side.
        running_high = needs_cool_off(feelings, intensity, heated) or bool(heated & set(feelings))
        out.paragraph(say.text("need_reply_heated") if answers["need"] == "reply" and running_high
                      else say.text("need", answers["need"]))
    if needs_cool_off(feelings, intensity, heated):
        out.paragraph(say.text("cool_off_advice"))
        out.note("cool_off", say.text("cool_off_note"))
    elif intensity is not None:
        out.note("steady", say.text("steady_note"))
    if intensity is not None and intensity >= top_of_scale(answers):
        suggest_support(out)


def top_of_scale(answers: Answers) -> int:
    """The highest answer of the intensity scale, as its field in the YAML sets it."""
    return int(answers.options("intensity")[-1])
