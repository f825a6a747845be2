"""Plan a break: who to talk to, what recharges you, and when you will come back."""
from __future__ import annotations

import datetime

from ..answers import Answers
from ..dates import friendly_date, today_of
from ..messages import TEXT, Messages, options_of, table
from ..output import Output
from ..text import in_sentence, lines_of, name_and_note

MOST_PEOPLE = 10
# Some browsers erase a site's storage after about a week without a visit (README, "Your
# answers"): a longer break gets a reminder to download a backup first.
STORAGE_MAY_CLEAR_AFTER_DAYS = 7

REQUIRED_MESSAGES = {
    "opening": TEXT,
    "plan_title": TEXT,
    "talk_to": TEXT,                       # {people}
    "talk_to_none": TEXT,
    "activity_words": table(options_of("recharge")),   # one per option of the `recharge` field
    "recharge_with": TEXT,                 # {activities}
    "recharge_none": TEXT,
    "back_on": TEXT,                       # {date}
    "pause_days": table("one", "many"),    # {days}
    "pause_open": TEXT,
    "closing": TEXT,
    "back_on_past": TEXT,                  # {date}
    "long_break": TEXT,
}
PLACEHOLDERS = frozenset({"people", "activities", "date", "days"})


def pause_line(answers: Answers, say: Messages, out: Output) -> str:
    today = today_of(answers)
    back_on = answers["back_on"] if isinstance(answers["back_on"], datetime.date) else None
    if back_on is not None and back_on < today:
        out.warning("back_on_past", say.text("back_on_past", date=friendly_date(back_on)))
        back_on = None
    days = answers["pause_days"] if isinstance(answers["pause_days"], int) and answers["pause_days"] > 0 else None
    length = (back_on - today).days if back_on else days
    if length is not None and length > STORAGE_MAY_CLEAR_AFTER_DAYS:
        out.note("long_break", say.text("long_break"))
    if back_on is not None:
        return say.text("back_on", date=friendly_date(back_on))
    if days:
        return say.text("pause_days", "one" if days == 1 else "many", days=days)
    return say.text("pause_open")


def person(line: str) -> str:
    """'Alex, my sister' -> 'Alex (my sister)', so a list of people reads unambiguously."""
    name, note = name_and_note(line)
    return in_sentence(f"{name} ({note})" if note else name)


def build(answers: Answers, say: Messages, out: Output) -> None:
    people = [person(line) for line in lines_of(answers.text("people"), MOST_PEOPLE)]
    offered = answers.options("recharge")
    activities = [say.text("activity_words", a) for a in answers.choices("recharge") if a in offered]
    if answers.text("recharge_other"):
        activities.append(in_sentence(answers.text("recharge_other")))
    out.paragraph(say.text("opening"))
    out.bullet_list([
        say.text("talk_to", people=say.join(people)) if people else say.text("talk_to_none"),
        say.text("recharge_with", activities=say.join(activities)) if activities else say.text("recharge_none"),
        pause_line(answers, say, out),
    ], title=say.text("plan_title"))
    out.paragraph(say.text("closing"))
