"""The rejection log: count rejections by stage, see where they cluster, and this week's effort.

The log is a list of entries (events), never a single status per company, so
the history is kept. Inputs: {"entries": [...], "today": "YYYY-MM-DD"}.
"""
from __future__ import annotations

import datetime

from ..answers import Answers, NotUnderstood, field_value, read_date
from ..messages import LIST, TEXT, Messages, table
from ..output import Output

STAGES = ("application", "phone_screen", "interview", "final_round")
EARLY = frozenset({"application", "phone_screen"})    # work on the resume and application
LATE = frozenset({"interview", "final_round"})        # work on interviewing
WEEK = 7              # days counted for this week's momentum, today included
MOST_ENTRIES = 2000   # longer logs are read up to here

REQUIRED_MESSAGES = {
    "stage_names": table(*STAGES),
    "chart_title": TEXT,
    "chart_summary": table("one", "many"),      # {total}, {parts}
    "chart_part": TEXT,                         # {count}, {stage}
    "cluster": table("early", "late", "even"),
    "next_steps_title": TEXT,
    "next_steps": table("early", "late", "even", each=LIST),
    "momentum": table("none", "one", "some"),   # {count}
    "feedback_received": table("none", "some"),  # {count}, {total}
    "empty": TEXT,
    "empty_log": TEXT,
    "no_today": TEXT,
    "entries_not_understood": TEXT,
    "entry_unreadable": TEXT,                   # {count}
    "entry_date_unreadable": TEXT,              # {count}
    "entry_stage_unknown": TEXT,                # {count}
    "log_too_long": TEXT,                       # {count}
}
PLACEHOLDERS = frozenset({"total", "parts", "count", "stage"})


def read_entries(answers: Answers, say: Messages, out: Output) -> list[dict]:
    """Each entry read with the worksheet's field definitions; problems become counted notes."""
    raw = answers.raw.get("entries")
    if raw is None:
        return []
    if not isinstance(raw, list):
        out.warning("entries_not_understood", say.text("entries_not_understood"))
        return []
    if len(raw) > MOST_ENTRIES:
        out.warning("log_too_long", say.text("log_too_long", count=MOST_ENTRIES))
    entries, unreadable, bad_dates = [], 0, 0
    for item in raw[:MOST_ENTRIES]:
        if not isinstance(item, dict):
            unreadable += 1
            continue
        entry = {}
        for field in answers.fields:
            try:
                entry[field["id"]], _ = field_value(field, item.get(field["id"]))
            except NotUnderstood:
                entry[field["id"]] = None
                bad_dates += field.get("type") == "date"
        entries.append(entry)
    if unreadable:
        out.warning("entry_unreadable", say.text("entry_unreadable", count=unreadable))
    if bad_dates:
        out.warning("entry_date_unreadable", say.text("entry_date_unreadable", count=bad_dates))
    return entries


def stage_counts(entries: list[dict]) -> dict[str, int]:
    """How many rejections came at each stage, in stage order (unknown stages left out)."""
    return {stage: sum(e.get("stage") == stage for e in entries) for stage in STAGES}


def cluster(counts: dict[str, int]) -> str:
    """'early', 'late' or 'even': where most rejections came."""
    early = sum(counts[s] for s in EARLY)
    late = sum(counts[s] for s in LATE)
    return "early" if early > late else "late" if late > early else "even"


def this_week(entries: list[dict], today: datetime.date) -> int:
    """Entries dated in the seven days up to and including today."""
    start = today - datetime.timedelta(days=WEEK - 1)
    return sum(isinstance(e.get("date"), datetime.date) and start <= e["date"] <= today for e in entries)


def build(answers: Answers, say: Messages, out: Output) -> None:
    entries = read_entries(answers, say, out)
    if not entries:
        out.paragraph(say.text("empty"))
        out.note("empty_log", say.text("empty_log"))
        return
    counts = stage_counts(entries)
    counted = sum(counts.values())
    if counted < len(entries):
        out.warning("entry_stage_unknown", say.text("entry_stage_unknown", count=len(entries) - counted))
    names = {stage: say.text("stage_names", stage) for stage in STAGES}
    parts = say.join([say.text("chart_part", count=counts[s], stage=names[s]) for s in STAGES])
    out.chart(say.text("chart_title"), [(names[s], counts[s]) for s in STAGES],
              say.text("chart_summary", "one" if counted == 1 else "many", total=counted, parts=parts))
    if counted:
        where = cluster(counts)
        out.paragraph(say.text("cluster", where))
        out.bullet_list(say.items("next_steps", where), title=say.text("next_steps_title"))
    with_feedback = sum(e.get("feedback") is True for e in entries)
    out.paragraph(say.text("feedback_received", "some" if with_feedback else "none",
                           count=with_feedback, total=len(entries)))
    try:
        today = read_date(answers.raw.get("today"))
    except NotUnderstood:
        today = None
    if today is None:
        out.note("no_today", say.text("no_today"))
        return
    week = this_week(entries, today)
    out.paragraph(say.text("momentum", "none" if week == 0 else "one" if week == 1 else "some", count=week))
