"""Plan a break: who to talk to, what recharges you, and when you will come back."""
from __future__ import annotations

import datetime

from ..answers import Answers
from ..messages import LIST, TEXT, Messages, table
from ..output import Output
from ..text import lines_of

ACTIVITIES = ("walk", "sleep", "friends", "outdoors", "exercise", "hobby", "music", "reading")
MOST_PEOPLE = 10

REQUIRED_MESSAGES = {
    "opening": TEXT,
    "plan_title": TEXT,
    "talk_to": TEXT,                       # {people}
    "talk_to_none": TEXT,
    "activity_words": table(*ACTIVITIES),
    "recharge_with": TEXT,                 # {activities}
    "recharge_none": TEXT,
    "back_on": TEXT,                       # {date}
    "pause_days": table("one", "many"),    # {days}
    "pause_open": TEXT,
    "months": LIST,
    "date_format": TEXT,                   # {day}, {month}, {year}
    "closing": TEXT,
}
PLACEHOLDERS = frozenset({"people", "activities", "date", "days", "day", "month", "year"})


def friendly_date(say: Messages, date: datetime.date) -> str:
    months = say.items("months")
    month = months[date.month - 1] if len(months) == 12 else str(date.month)
    return say.text("date_format", day=date.day, month=month, year=date.year)


def pause_line(answers: Answers, say: Messages) -> str:
    if isinstance(answers["back_on"], datetime.date):
        return say.text("back_on", date=friendly_date(say, answers["back_on"]))
    days = answers["pause_days"]
    if isinstance(days, int) and days > 0:
        return say.text("pause_days", "one" if days == 1 else "many", days=days)
    return say.text("pause_open")


def build(answers: Answers, say: Messages, out: Output) -> None:
    people = lines_of(answers.text("people"), MOST_PEOPLE)
    activities = [say.text("activity_words", a) for a in answers.choices("recharge") if a in ACTIVITIES]
    if answers.text("recharge_other"):
        activities.append(answers.text("recharge_other"))
    out.paragraph(say.text("opening"))
    out.bullet_list([
        say.text("talk_to", people=say.join(people)) if people else say.text("talk_to_none"),
        say.text("recharge_with", activities=say.join(activities)) if activities else say.text("recharge_none"),
        pause_line(answers, say),
    ], title=say.text("plan_title"))
    out.paragraph(say.text("closing"))
