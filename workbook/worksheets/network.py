"""Keep networking: spread this week's contacts over the days, and draft short messages."""
from __future__ import annotations

from ..answers import Answers
from ..messages import LIST, TEXT, Messages, table
from ..output import Output
from ..text import lines_of

PLATFORMS = ("linkedin", "glassdoor", "reddit")
ANY_PLATFORM = "any"
DEFAULT_TARGET = 3
MOST_CONTACTS = 20   # a week plan longer than this is not a plan
MOST_PEOPLE = 50
MOST_DRAFTS = 5

REQUIRED_MESSAGES = {
    "days": LIST,
    "platform_names": table(*PLATFORMS),
    "field_fallback": TEXT,         # in the plan: "someone new in your field"
    "draft_field_fallback": TEXT,   # in a draft, in the person's voice: "a role in my field"
    # {person}, {platform}, {field}, {count}
    "contact": table("person_on", "person", "new_on", "new", "several_on", "several"),
    "plan_item": TEXT,                                          # {day}, {contacts}
    "plan_title": TEXT,
    "drafts": table(*PLATFORMS, ANY_PLATFORM),                  # {name}, {field}
    "drafts_no_name": table(*PLATFORMS, ANY_PLATFORM),          # {field}
    "draft_title": table("on", "plain"),                        # {name}, {platform}
    "draft_title_no_name": table("on", "plain"),                # {platform}
    "edit_tip": TEXT,
    "more_people": TEXT,                                        # {count}
    "no_people": TEXT,
}
PLACEHOLDERS = frozenset({"day", "contacts", "person", "platform", "field", "name", "count"})


def week_plan(people: list[str], platforms: list[str], target: int, days: list[str]) -> list[list[tuple]]:
    """For each day, the (person or None, platform or None) contacts, spread evenly over the week."""
    plan: list[list[tuple]] = [[] for _ in days]
    for i in range(target):
        person = people[i] if i < len(people) else None
        platform = platforms[i % len(platforms)] if platforms else None
        plan[i * len(days) // target].append((person, platform))
    return plan


def day_text(say: Messages, day: str, todo: list[tuple], field: str) -> str:
    """'Monday: reach out to Dana on LinkedIn and 2 new people in design on Reddit'."""
    parts, seen = [], []
    for person, platform in todo:
        if person is None and (person, platform) in seen:
            continue
        seen.append((person, platform))
        count = todo.count((person, platform)) if person is None else 1
        where = say.text("platform_names", platform) if platform else ""
        if person:
            key = "person_on" if platform else "person"
        else:
            key = ("several_on" if platform else "several") if count > 1 else ("new_on" if platform else "new")
        parts.append(say.text("contact", key, person=person or "", platform=where, field=field, count=count))
    return say.text("plan_item", day=day, contacts=say.join(parts))


def build(answers: Answers, say: Messages, out: Output) -> None:
    platforms = [p for p in answers.choices("platforms") if p in PLATFORMS]
    target = answers["weekly_target"] if isinstance(answers["weekly_target"], int) else DEFAULT_TARGET
    target = max(1, min(MOST_CONTACTS, target))
    people = lines_of(answers.text("people"), MOST_PEOPLE)
    field = answers.text("field") or say.text("field_fallback")
    draft_field = answers.text("field") or say.text("draft_field_fallback")
    days = say.items("days") or [""]

    plan = week_plan(people, platforms, target, days)
    items = [day_text(say, day, todo, field) for day, todo in zip(days, plan, strict=True) if todo]
    out.bullet_list(items, title=say.text("plan_title"), ordered=True)
    if len(people) > target:
        out.note("more_people", say.text("more_people", count=len(people) - target))
    if not people:
        out.note("no_people", say.text("no_people"))

    contacts = [c for todo in plan for c in todo if c[0]][:MOST_DRAFTS]
    if contacts:
        for person, platform in contacts:
            key = platform or ANY_PLATFORM
            where = say.text("platform_names", platform) if platform else ""
            title = say.text("draft_title", "on" if platform else "plain", name=person, platform=where)
            out.draft(title, say.text("drafts", key, name=person, field=draft_field))
    else:
        for platform in platforms or [None]:
            where = say.text("platform_names", platform) if platform else ""
            out.draft(say.text("draft_title_no_name", "on" if platform else "plain", platform=where),
                      say.text("drafts_no_name", platform or ANY_PLATFORM, field=draft_field))
    out.paragraph(say.text("edit_tip"))
