"""Reflect and refocus: look back at how you prepared, and turn what was missing into a plan."""
from __future__ import annotations

from ..answers import Answers
from ..messages import TEXT, Messages, table
from ..output import Output
from ..text import lines_of

# The three ways of preparing, in the order the plan takes them.
PREPARATION = ("resume_tailored", "questions_prepared", "answers_prepared")
INTERVIEW_FEELINGS = ("went_well", "mixed", "hard", "no_interview")
GOALS = ("keep", "adjust", "unsure")
MOST_GAPS = 3

REQUIRED_MESSAGES = {
    "summary": table("all", "some", "none"),          # {done}, {total}
    "interview": table(*INTERVIEW_FEELINGS),
    "actions": table(*PREPARATION),
    "interview_practice": TEXT,
    "gap_action": TEXT,                               # {gap}
    "goals_action": table(*GOALS),
    "plan_title": TEXT,
    "let_go": TEXT,
    "did_all_you_could": TEXT,
    "nothing_to_plan": TEXT,
}
PLACEHOLDERS = frozenset({"done", "total", "gap"})


def preparation_done(answers: Answers) -> list[str]:
    return [key for key in PREPARATION if answers[key] is True]


def action_plan(answers: Answers, say: Messages) -> list[str]:
    """Ordered next steps: what was not done, then the interview, the gaps, and the goals."""
    done = preparation_done(answers)
    steps = [say.text("actions", key) for key in PREPARATION if key not in done]
    if answers["interview_went"] == "hard" and "answers_prepared" in done:
        steps.append(say.text("interview_practice"))
    steps += [say.text("gap_action", gap=gap) for gap in lines_of(answers.text("gaps"), MOST_GAPS)]
    if answers["goals"] in ("adjust", "unsure"):
        steps.append(say.text("goals_action", answers["goals"]))
    return steps


def build(answers: Answers, say: Messages, out: Output) -> None:
    done = preparation_done(answers)
    amount = "all" if len(done) == len(PREPARATION) else "some" if done else "none"
    out.paragraph(say.text("summary", amount, done=len(done), total=len(PREPARATION)))
    if answers["interview_went"] in INTERVIEW_FEELINGS:
        out.paragraph(say.text("interview", answers["interview_went"]))
    steps = action_plan(answers, say)
    out.bullet_list(steps, title=say.text("plan_title"), ordered=True)
    if amount == "all":
        out.paragraph(say.text("let_go"))
        out.note("did_all_you_could", say.text("did_all_you_could"))
    elif not steps:
        out.paragraph(say.text("nothing_to_plan"))
    if answers["goals"] == "keep":
        out.paragraph(say.text("goals_action", "keep"))
