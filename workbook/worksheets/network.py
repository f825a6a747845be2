"""Keep networking: spread this week's contacts over the days, and draft short messages."""
from __future__ import annotations

from dataclasses import dataclass

from ..answers import Answers
from ..messages import LIST, TEXT, Messages, options_of, table
from ..output import Output
from ..reminders import offer_reminder, reminder_messages
from ..text import lines_of, name_and_note

# The platforms are the options of the `platforms` field; a community ("r/nursing") is always
# on COMMUNITY_PLATFORM, so its wording is needed whether or not it is offered as an option.
ANY_PLATFORM = "any"
COMMUNITY_PLATFORM = "reddit"
DEFAULT_TARGET = 3
MOST_CONTACTS = 20   # a week plan longer than this is not a plan
MOST_PEOPLE = 50
MOST_DRAFTS = 5

REQUIRED_MESSAGES = {
    "days": LIST,
    "platform_names": table(options_of("platforms", COMMUNITY_PLATFORM)),
    "field_fallback": TEXT,         # in the plan: "someone new in your field"
    # {person}, {platform}, {field}, {count}
    "contact": table("person_on", "person", "community", "new_on", "new", "several_on", "several"),
    "plan_item": TEXT,                                          # {day}, {contacts}
    "plan_title": TEXT,
    "drafts": table(options_of("platforms", COMMUNITY_PLATFORM, ANY_PLATFORM)),                  # {name}, {field}
    "drafts_no_name": table(options_of("platforms", COMMUNITY_PLATFORM, ANY_PLATFORM)),          # {field}
    "drafts_no_field": table(options_of("platforms", COMMUNITY_PLATFORM, ANY_PLATFORM)),         # {name}
    "drafts_no_name_no_field": table(options_of("platforms", COMMUNITY_PLATFORM, ANY_PLATFORM)),
    "draft_title": table("on", "plain", "community"),           # {name}, {platform}
    "draft_title_no_name": table("on", "plain"),                # {platform}
    "edit_tip": TEXT,
    "more_people": table("one", "many"),                        # {count}
    "no_people": TEXT,
    # The remind field's reminder: {date}, and {people}; the summary is the calendar event's title.
    **reminder_messages("people", "none"),
}
PLACEHOLDERS = frozenset({"day", "contacts", "person", "platform", "field", "name", "count", "date", "people"})
# Each option of the `remind` field says in how many days its reminder falls (0: none).
OPTION_SETTINGS = {"remind": "days"}


@dataclass(frozen=True)
class Contact:
    """One line of the people field: "Dana Lee, former colleague" or a community ("r/nursing")."""

    name: str
    note: str = ""

    @property
    def community(self) -> bool:
        return self.name.lower().startswith(("r/", "/r/"))

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def shown(self) -> str:
        return f"{self.name} ({self.note})" if self.note else self.name


def contact_of(line: str) -> Contact:
    return Contact(*name_and_note(line))


def week_plan(people: list, platforms: list[str], target: int, days: list[str]) -> list[list[tuple]]:
    """For each day, the (contact or None, platform or None) contacts, spread evenly over the week.
    A community is always on Reddit, whichever platforms were picked; the others take the
    platforms in turn."""
    plan: list[list[tuple]] = [[] for _ in days]
    for i in range(target):
        person = people[i] if i < len(people) else None
        if isinstance(person, Contact) and person.community:
            platform = COMMUNITY_PLATFORM
        else:
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
        if isinstance(person, Contact) and person.community:
            key = "community"
        elif person:
            key = "person_on" if platform else "person"
        else:
            key = ("several_on" if platform else "several") if count > 1 else ("new_on" if platform else "new")
        name = person.shown if isinstance(person, Contact) else (person or "")
        parts.append(say.text("contact", key, person=name, platform=where, field=field, count=count))
    return say.text("plan_item", day=day, contacts=say.join(parts))


def draft_for(say: Messages, person: Contact, platform: str | None, field: str) -> tuple[str, str]:
    """(title, body) of the message to one contact, or of the post for a community."""
    where = say.text("platform_names", platform) if platform else ""
    key = platform or ANY_PLATFORM
    if person.community:
        body = (say.text("drafts_no_name", COMMUNITY_PLATFORM, field=field) if field
                else say.text("drafts_no_name_no_field", COMMUNITY_PLATFORM))
        return say.text("draft_title", "community", name=person.name), body
    title = say.text("draft_title", "on" if platform else "plain", name=person.name, platform=where)
    body = (say.text("drafts", key, name=person.first_name, field=field) if field
            else say.text("drafts_no_field", key, name=person.first_name))
    return title, body


def build(answers: Answers, say: Messages, out: Output) -> None:
    platforms = [p for p in answers.choices("platforms") if p in answers.options("platforms")]
    target = answers["weekly_target"] if isinstance(answers["weekly_target"], int) else DEFAULT_TARGET
    target = max(1, min(MOST_CONTACTS, target))
    people = [c for c in (contact_of(line) for line in lines_of(answers.text("people"), MOST_PEOPLE)) if c.name]
    field = answers.text("field").strip(" .")
    days = say.items("days") or [""]

    plan = week_plan(people, platforms, target, days)
    items = [day_text(say, day, todo, field or say.text("field_fallback"))
             for day, todo in zip(days, plan, strict=True) if todo]
    out.bullet_list(items, title=say.text("plan_title"), ordered=True)
    if len(people) > target:
        extra = len(people) - target
        out.note("more_people", say.text("more_people", "one" if extra == 1 else "many", count=extra))
    if not people:
        out.note("no_people", say.text("no_people"))

    contacts = [c for todo in plan for c in todo if c[0]][:MOST_DRAFTS]
    if contacts:
        for person, platform in contacts:
            title, body = draft_for(say, person, platform, field)
            out.draft(title, body)
    else:
        for platform in platforms or [None]:
            where = say.text("platform_names", platform) if platform else ""
            key = platform or ANY_PLATFORM
            body = (say.text("drafts_no_name", key, field=field) if field
                    else say.text("drafts_no_name_no_field", key))
            out.draft(say.text("draft_title_no_name", "on" if platform else "plain", platform=where), body)
    out.paragraph(say.text("edit_tip"))
    # "Check back in": with the people this week's plan names, if any.
    named = say.join([person.name for person, _ in contacts])
    offer_reminder(answers, say, out, kind="network", which="people" if named else "none", people=named,
                   about="network|" + "|".join(sorted(person.name.casefold() for person, _ in contacts)))
