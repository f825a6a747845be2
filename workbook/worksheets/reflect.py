"""Reflect and refocus: look back at how you prepared, and turn what was missing into a plan."""
from __future__ import annotations

from ..answers import Answers
from ..messages import TEXT, Messages, options_of, table
from ..output import Output
from ..text import lines_of, without_list_marker
from ..tone import find

# The three ways of preparing, in the order the plan takes them.
PREPARATION = ("resume_tailored", "questions_prepared", "answers_prepared")
# Each goal option does something of its own below: the build checks the YAML offers exactly these.
GOALS = ("keep", "adjust", "unsure")
OPTIONS_IN_CODE = {"goals": GOALS}
MOST_GAPS = 3

REQUIRED_MESSAGES = {
    "summary": table("all", "some", "none", "so_far", "unanswered"),   # {done}, {total}
    "interview": table(options_of("interview_went")),
    "actions": table(*PREPARATION),
    "interview_practice": TEXT,
    "gap_action": TEXT,                               # {gap}
    "goals_action": table(options_of("goals")),
    "plan_title": TEXT,
    "let_go": TEXT,
    "did_all_you_could": TEXT,
    "nothing_to_plan": TEXT,
    "self_talk": TEXT,
}
# Kinds of the tone check that mark a line as about oneself, not a skill to build.
SELF_TALK = frozenset({"pleading"})
PLACEHOLDERS = frozenset({"done", "total", "gap"})


def preparation_done(answers: Answers) -> list[str]:
    return [key for key in PREPARATION if answers[key] is True]


def preparation_answered(answers: Answers) -> list[str]:
    """The preparation questions answered yes or no; one left open is not a "no"."""
    return [key for key in PREPARATION if answers[key] is not None]


def gaps(answers: Answers) -> tuple[list[str], bool]:
    """(skills to build, whether a line was about oneself rather than a skill)."""
    found, self_talk = [], False
    for line in lines_of(answers.text("gaps"), MOST_GAPS * 2):
        line = without_list_marker(line)
        if not line:
            continue
        if any(flag.kind in SELF_TALK for flag in find(line)):
            self_talk = True
        elif len(found) < MOST_GAPS:
            found.append(line)
    return found, self_talk


def summary_kind(done: int, answered: int) -> str:
    """How the preparation went, without reading an open question as a "no"."""
    if done == len(PREPARATION):
        return "all"
    if answered == 0:
        return "unanswered"
    if done == 0:
        return "none"
    return "some" if done < answered else "so_far"


def action_plan(answers: Answers, say: Messages) -> list[str]:
    """Ordered next steps: what was not done, then the interview, the gaps, and the goals."""
    done = preparation_done(answers)
    steps = [say.text("actions", key) for key in preparation_answered(answers) if key not in done]
    if answers["interview_went"] == "hard" and "answers_prepared" in done:
        steps.append(say.text("interview_practice"))
    steps += [say.text("gap_action", gap=gap) for gap in gaps(answers)[0]]
    if answers["goals"] in ("adjust", "unsure"):
        steps.append(say.text("goals_action", answers["goals"]))
    return steps


def build(answers: Answers, say: Messages, out: Output) -> None:
    done, answered = preparation_done(answers), preparation_answered(answers)
    amount = summary_kind(len(done), len(answered))
    out.paragraph(say.text("summary", amount, done=len(done), total=len(answered)))
    if answers["interview_went"] in answers.options("interview_went"):
        out.paragraph(say.text("interview", answers["interview_went"]))
    steps = action_plan(answers, say)
    out.bullet_list(steps, title=say.text("plan_title"), ordered=True)
    if amount == "all":
        out.paragraph(say.text("let_go"))
        out.note("did_all_you_could", say.text("did_all_you_could"))
    elif not steps and answered:
        out.paragraph(say.text("nothing_to_plan"))
    if gaps(answers)[1]:
        out.note("self_talk", say.text("self_talk"))
    if answers["goals"] == "keep":
        out.paragraph(say.text("goals_action", "keep"))
