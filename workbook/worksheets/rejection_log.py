"""The rejection log: count rejections by stage, see where they cluster, and this week's effort.

The log is a list of entries (events), never a single status per company, so
the history is kept. Inputs: {"entries": [...], "today": "YYYY-MM-DD"}.
"""
from __future__ import annotations

import datetime

from ..answers import Answers, NotUnderstood, field_value, read_date
from ..backup import MAX_LOG_ENTRIES
from ..messages import LIST, TEXT, Messages, options_of, table
from ..output import Output

# The stages, in order, are the options of the `stage` field in content/worksheets/log.yaml;
# each has a phase there (early: work on the CV and application; late: on interviewing), and
# where most rejections come decides the advice.
OPTION_SETTINGS = {"stage": "phase"}
WEEK = 7              # days counted for this week's momentum, today included
PATTERN_FROM = 5      # fewer entries than this are data points, not a pattern to advise on
LOTS_IN_A_WEEK = 15   # from this many entries in a week, the summary speaks of rest

REQUIRED_MESSAGES = {
    "stage_phrases": table(options_of("stage")),
    "chart_title": TEXT,
    "chart_summary": table("one", "many"),      # {total}, {parts}
    "chart_part": TEXT,                         # {count}, {stage}
    "too_early": TEXT,                          # {count}
    "source_chart_title": TEXT,
    "source_summary": TEXT,                     # {source}, {count}, {total}
    "cluster": table("early", "late", "even"),
    "next_steps_title": TEXT,
    "next_steps": table("early", "late", "even", each=LIST),
    "momentum": table("none", "one", "some", "lots"),   # {count}
    "feedback_received": table("none", "one", "some"),  # {count}, {total}
    "empty": TEXT,
    "empty_log": TEXT,
    "no_today": TEXT,
    "entries_not_understood": TEXT,
    "entry_unreadable": TEXT,                   # {count}
    "entry_date_unreadable": TEXT,              # {count}
    "entry_stage_unknown": TEXT,                # {count}
    "log_too_long": TEXT,                       # {count}
}
PLACEHOLDERS = frozenset({"total", "parts", "count", "stage", "source"})


def read_entries(answers: Answers, say: Messages, out: Output) -> list[dict]:
    """Each entry read with the worksheet's field definitions; problems become counted notes."""
    raw = answers.raw.get("entries")
    if raw is None:
        return []
    if not isinstance(raw, list):
        out.warning("entries_not_understood", say.text("entries_not_understood"))
        return []
    if len(raw) > MAX_LOG_ENTRIES:   # longer logs are read up to what a backup may hold
        out.warning("log_too_long", say.text("log_too_long", count=MAX_LOG_ENTRIES))
    entries, unreadable, bad_dates = [], 0, 0
    for item in raw[:MAX_LOG_ENTRIES]:
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


def stage_counts(entries: list[dict], stages: list[str]) -> dict[str, int]:
    """How many rejections came at each stage, in stage order (unknown stages left out)."""
    return {stage: sum(e.get("stage") == stage for e in entries) for stage in stages}


def cluster(counts: dict[str, int], phase_of) -> str:
    """'early', 'late' or 'even': where most rejections came (phase_of(stage) from the YAML)."""
    early = sum(n for s, n in counts.items() if phase_of(s) == "early")
    late = sum(n for s, n in counts.items() if phase_of(s) == "late")
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
    stages = answers.options("stage")
    counts = stage_counts(entries, stages)
    counted = sum(counts.values())
    if counted < len(entries):
        out.warning("entry_stage_unknown", say.text("entry_stage_unknown", count=len(entries) - counted))
    names = {stage: answers.option_setting("stage", stage, "label") for stage in stages}   # the chart's bars
    if counted == 1:  # "1 rejection, after an interview", not "1 rejection, 1 after an interview"
        parts = next(say.text("stage_phrases", s) for s in stages if counts[s])
    else:
        parts = say.join([say.text("chart_part", count=counts[s], stage=say.text("stage_phrases", s))
                          for s in stages if counts[s]])
    out.chart(say.text("chart_title"), [(names[s], counts[s]) for s in stages],
              say.text("chart_summary", "one" if counted == 1 else "many", total=counted, parts=parts))
    if counted >= PATTERN_FROM:
        where = cluster(counts, lambda stage: answers.option_setting("stage", stage, "phase"))
        out.paragraph(say.text("cluster", where))
        out.bullet_list(say.items("next_steps", where), title=say.text("next_steps_title"))
    elif counted:
        out.paragraph(say.text("too_early", count=PATTERN_FROM))
    source_chart(answers, entries, say, out)
    with_feedback = sum(e.get("feedback") is True for e in entries)
    kind = "none" if not with_feedback else "one" if len(entries) == 1 else "some"
    out.paragraph(say.text("feedback_received", kind, count=with_feedback, total=len(entries)))
    try:
        today = read_date(answers.raw.get("today"))
    except NotUnderstood:
        today = None
    if today is None:
        out.note("no_today", say.text("no_today"))
        return
    week = this_week(entries, today)
    kind = "none" if week == 0 else "one" if week == 1 else "lots" if week >= LOTS_IN_A_WEEK else "some"
    out.paragraph(say.text("momentum", kind, count=week))


def source_chart(answers: Answers, entries: list[dict], say: Messages, out: Output) -> None:
    """Where the openings were found, by the source field's own options and labels; one source
    is named as the main one only from PATTERN_FROM entries on, and only when it is a clear lead."""
    field = next((f for f in answers.fields if f.get("id") == "source"), None)
    if field is None or not any(e.get("source") for e in entries):
        return
    options = [(o["value"], o["label"]) for o in field.get("options", [])]
    bars = [(label, sum(e.get("source") == value for e in entries)) for value, label in options]
    ranked = sorted((count for _, count in bars), reverse=True)
    summary = ""
    if len(entries) >= PATTERN_FROM and ranked[0] > (ranked[1] if len(ranked) > 1 else 0) \
            and ranked[0] * 2 > len(entries):
        label = next(label for label, count in bars if count == ranked[0])
        summary = say.text("source_summary", source=label, count=ranked[0], total=len(entries))
    out.chart(say.text("source_chart_title"), bars, summary)
