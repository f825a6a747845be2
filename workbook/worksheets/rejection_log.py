"""The rejection log: count rejections by stage, see where they cluster, how far each
application got, and this week's effort.

The log is a list of entries, each one update on an application (events, never a single
status per company, so the history is kept); the entries that share an `application` id are
one application's history. Inputs: {"entries": [...], "today": "YYYY-MM-DD"}.
"""
from __future__ import annotations

import datetime

from ..answers import Answers, NotUnderstood, field_value, read_date
from ..backup import APPLICATION, MAX_LOG_ENTRIES
from ..catalogue import words
from ..dates import friendly_date
from ..log_export import application_name, application_of
from ..messages import LIST, TEXT, Messages, options_of, table
from ..output import Output
from ..reminders import calendar_link, file_name, reminder_ics

# The stages, in order, are the options of the `stage` field in content/worksheets/log.yaml;
# each has a phase there (early: work on the CV and application; late: on interviewing), and
# where most rejections come decides the advice. Each option of `outcome` has a status there
# (open, rejected or closed): the rejections are the entries whose outcome has status `rejected`.
# An outcome may also say after how many `days` without news a follow-up is due (the nudge).
OPTION_SETTINGS = {"stage": "phase", "outcome": "status"}
WEEK = 7              # days counted for this week's momentum, today included
PATTERN_FROM = 5      # fewer entries than this are data points, not a pattern to advise on
LOTS_IN_A_WEEK = 15   # from this many entries in a week, the summary speaks of rest
MONTHS_SHOWN = 12     # the chart by month shows at most the last year of the log
NUDGES_SHOWN = 5      # calendar reminders offered at once: the soonest

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
    "no_rejections": TEXT,
    "progress_chart_title": TEXT,
    "progress_summary": table("one", "many"),   # {total}, {parts}
    "progress_part": TEXT,                      # {count}, {stage}
    "reached_phrases": table(options_of("stage")),
    "still_open": table("only", "one", "some"),  # {count}
    "entry_outcome_unknown": TEXT,              # {count}
    "month_chart_title": TEXT,
    "month_label": TEXT,                        # {month}, {year}
    "month_summary": TEXT,                      # {month}, {year}, {count}
    "nudge_title": TEXT,
    "nudge_text": TEXT,                         # {date}, {name}
    "nudge_summary": TEXT,                      # the calendar event's title: {name}
    "nudge_details": TEXT,                      # the calendar event's description
    "nudge_due": table("one", "many"),          # {names}
    "empty": TEXT,
    "empty_log": TEXT,
    "no_today": TEXT,
    "entries_not_understood": TEXT,
    "entry_unreadable": TEXT,                   # {count}
    "entry_date_unreadable": TEXT,              # {count}
    "entry_stage_unknown": TEXT,                # {count}
    "log_too_long": TEXT,                       # {count}
}
PLACEHOLDERS = frozenset({"total", "parts", "count", "stage", "source", "month", "year", "date", "name", "names"})


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
        entry = {APPLICATION: application_of(item)}
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


def furthest_stages(entries: list[dict], stages: list[str]) -> dict[str, str]:
    """Each application's furthest stage among its updates (application id -> stage)."""
    furthest: dict[str, str] = {}
    for entry in entries:
        stage, application = entry.get("stage"), entry[APPLICATION]
        if stage not in stages:
            continue
        if application not in furthest or stages.index(stage) > stages.index(furthest[application]):
            furthest[application] = stage
    return furthest


def latest_updates(entries: list[dict]) -> dict[str, dict]:
    """Each application's latest update: the last by date, and of one day the last added."""
    latest: dict[str, dict] = {}
    for entry in entries:
        before = latest.get(entry[APPLICATION])
        if before is None or not isinstance(before.get("date"), datetime.date) or (
                isinstance(entry.get("date"), datetime.date) and entry["date"] >= before["date"]):
            latest[entry[APPLICATION]] = entry
    return latest


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
    status = {e.get("outcome"): answers.option_setting("outcome", e.get("outcome"), "status") for e in entries}
    unknown_outcome = sum(status[e.get("outcome")] is None for e in entries)
    if unknown_outcome:
        out.warning("entry_outcome_unknown", say.text("entry_outcome_unknown", count=unknown_outcome))
    rejections = [e for e in entries if status[e.get("outcome")] == "rejected"]
    rejection_summary(answers, rejections, stages, say, out)
    progress_chart(answers, entries, stages, say, out)
    month_chart(entries, say, out)
    source_chart(answers, list(latest_updates(entries).values()), say, out)
    if rejections:
        with_feedback = sum(e.get("feedback") is True for e in rejections)
        kind = "none" if not with_feedback else "one" if len(rejections) == 1 else "some"
        out.paragraph(say.text("feedback_received", kind, count=with_feedback, total=len(rejections)))
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
    nudges(answers, entries, today, say, out)


def rejection_summary(answers: Answers, rejections: list[dict], stages: list[str], say: Messages,
                      out: Output) -> None:
    """Rejections by stage, and from PATTERN_FROM of them on, where they cluster and what to work on."""
    if not rejections:
        out.paragraph(say.text("no_rejections"))
        return
    counts = stage_counts(rejections, stages)
    counted = sum(counts.values())
    if counted < len(rejections):
        out.warning("entry_stage_unknown", say.text("entry_stage_unknown", count=len(rejections) - counted))
    names = {stage: answers.option_setting("stage", stage, "label") for stage in stages}   # the chart's bars
    if counted == 1:  # "1 rejection, after an interview", not "1 rejection, 1 after an interview"
        parts = next(say.text("stage_phrases", s) for s in stages if counts[s])
    else:
        parts = say.join([say.text("chart_part", count=counts[s], stage=say.text("stage_phrases", s))
                          for s in stages if counts[s]])
    out.chart(say.text("chart_title"), [(names[s], counts[s]) for s in stages],
              say.text("chart_summary", "one" if counted == 1 else "many", total=counted, parts=parts)
              if counted else "")
    if counted >= PATTERN_FROM:
        where = cluster(counts, lambda stage: answers.option_setting("stage", stage, "phase"))
        out.paragraph(say.text("cluster", where))
        out.bullet_list(say.items("next_steps", where), title=say.text("next_steps_title"))
    elif counted:
        out.paragraph(say.text("too_early", count=PATTERN_FROM))


def progress_chart(answers: Answers, entries: list[dict], stages: list[str], say: Messages, out: Output) -> None:
    """How far each application got (its furthest stage), and how many are still open (their
    latest update's outcome has status `open`)."""
    furthest = furthest_stages(entries, stages)
    if not furthest:
        return
    counts = {stage: sum(reached == stage for reached in furthest.values()) for stage in stages}
    total = len(furthest)
    if total == 1:
        summary = say.text("progress_summary", "one", stage=say.text("reached_phrases", next(iter(furthest.values()))))
    else:
        parts = [say.text("progress_part", count=counts[s], stage=say.text("reached_phrases", s))
                 for s in stages if counts[s]]
        summary = say.text("progress_summary", "many", total=total, parts=say.join(parts))
    still_open = sum(answers.option_setting("outcome", e.get("outcome"), "status") == "open"
                     for application, e in latest_updates(entries).items() if application in furthest)
    if still_open:
        kind = "only" if total == 1 else "one" if still_open == 1 else "some"
        summary += " " + say.text("still_open", kind, count=still_open)
    names = {stage: answers.option_setting("stage", stage, "label") for stage in stages}
    out.chart(say.text("progress_chart_title"), [(names[s], counts[s]) for s in stages], summary)


def month_counts(entries: list[dict]) -> list[tuple[int, int, int]]:
    """(year, month, updates) for every month from the first dated update to the last, empty
    months included, at most the last MONTHS_SHOWN of them."""
    dated = sorted(e["date"] for e in entries if isinstance(e.get("date"), datetime.date))
    if not dated:
        return []
    counts: dict[tuple[int, int], int] = {}
    for day in dated:
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    (year, month), last = (dated[0].year, dated[0].month), (dated[-1].year, dated[-1].month)
    months = []
    while (year, month) <= last:
        months.append((year, month, counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months[-MONTHS_SHOWN:]


def month_chart(entries: list[dict], say: Messages, out: Output) -> None:
    """Updates per month; from PATTERN_FROM dated updates on, the busiest month is named when
    one month clearly has the most."""
    months = month_counts(entries)
    if not months:
        return
    names = words("dates").get("months")
    name = (lambda m: names[m - 1]) if isinstance(names, list) and len(names) == 12 else str
    bars = [(say.text("month_label", month=name(m), year=y), n) for y, m, n in months]
    ranked = sorted((n for _, _, n in months), reverse=True)
    summary = ""
    if sum(ranked) >= PATTERN_FROM and len(ranked) > 1 and ranked[0] > ranked[1]:
        year, month, count = max(months, key=lambda item: item[2])
        summary = say.text("month_summary", month=name(month), year=year, count=count)
    out.chart(say.text("month_chart_title"), bars, summary)


def nudges(answers: Answers, entries: list[dict], today: datetime.date, say: Messages, out: Output) -> None:
    """For each application still waiting (its latest update's outcome gives `days`): once that
    many days have passed without news, a follow-up is due. One that falls due later gets a
    calendar reminder; those already due are named, once, in one line."""
    fields = answers.fields
    upcoming, due = [], []
    for application, latest in latest_updates(entries).items():
        days = answers.option_setting("outcome", latest.get("outcome"), "days")
        if not isinstance(days, int) or days <= 0 or not isinstance(latest.get("date"), datetime.date):
            continue
        day = latest["date"] + datetime.timedelta(days=days)
        name = application_name(fields, latest)
        (upcoming if day > today else due).append((day, application, name))
    if due:
        named = [name for _, _, name in sorted(due) if name]
        if named:
            out.paragraph(say.text("nudge_due", "one" if len(named) == 1 else "many", names=say.join(named)))
    for day, application, name in sorted(upcoming)[:NUDGES_SHOWN]:
        summary = say.text("nudge_summary", name=name) if name else say.text("nudge_title")
        ics = reminder_ics(summary=summary, description=say.text("nudge_details"), day=day, made_on=today,
                           about=f"log|{application}|{day.isoformat()}")
        out.reminder(say.text("nudge_title"), say.text("nudge_text", date=friendly_date(day), name=name),
                     calendar_link(ics), file_name("follow-up", day))


def source_chart(answers: Answers, entries: list[dict], say: Messages, out: Output) -> None:
    """Where the openings were found (one entry per application: its latest update), by the
    source field's own options and labels; one source is named as the main one only from
    PATTERN_FROM applications on, and only when it is a clear lead."""
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
