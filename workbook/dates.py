"""Dates in the person's own terms: the day it is for them, and a date written in a sentence."""
from __future__ import annotations

import datetime

from .answers import Answers, NotUnderstood, read_date
from .catalogue import say, words


def today_of(answers: Answers) -> datetime.date:
    """The day it is for the person: the page's date when it sends one, else this machine's."""
    try:
        return read_date(answers.raw.get("today")) or datetime.date.today()
    except NotUnderstood:
        return datetime.date.today()


def friendly_date(date: datetime.date) -> str:
    """A date as content/interface.yaml's `dates` section writes it, such as "3 June 2024"."""
    months = words("dates").get("months")
    month = months[date.month - 1] if isinstance(months, list) and len(months) == 12 else str(date.month)
    return say("dates", "format", day=date.day, month=month, year=date.year)
