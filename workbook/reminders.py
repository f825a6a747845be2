"""A reminder for the person's own calendar: an iCalendar file (RFC 5545) written here, which the
page offers as a download; nothing is sent anywhere.

One all-day event on the chosen day (a date, so no time zone is assumed), with an alarm at
9:00 that day in whatever zone the calendar is in. Its UID comes from what the reminder is
about, not from the day: downloading it again after changing the day gives the same UID, so a
calendar app updates the event instead of adding a second one.
"""
from __future__ import annotations

import datetime
import hashlib
from urllib.parse import quote

PRODUCT_ID = "-//Graceful rejections//Workbook//EN"
UID_DOMAIN = "graceful-rejections.workbook"
MOST_OCTETS = 75  # RFC 5545, 3.1: a longer content line is folded


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, line breaks as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line as lines of at most 75 octets, each continuation starting with a space,
    never splitting a character's UTF-8 bytes."""
    lines, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        room = MOST_OCTETS - (1 if lines else 0)  # the leading space of a continuation counts
        if size + width > room:
            lines.append(current)
            current, size = "", 0
        current += char
        size += width
    lines.append(current)
    return "\r\n ".join(lines)


def reminder_ics(*, summary: str, description: str, day: datetime.date, made_on: datetime.date, about: str) -> str:
    """The calendar file's text. `about` names what the reminder is for (its UID is made from it)."""
    uid = hashlib.sha256(about.encode("utf-8")).hexdigest()[:32]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@{UID_DOMAIN}",
        f"DTSTAMP:{made_on:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(summary)}",
        "TRIGGER;RELATED=START:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_link(ics: str) -> str:
    """A data: URL of the file, for a download link that needs no script."""
    return "data:text/calendar;charset=utf-8," + quote(ics, safe="")


def file_name(kind: str, day: datetime.date) -> str:
    return f"reminder-{kind}-{day:%Y-%m-%d}.ics"


def reminder_messages(*which: str) -> dict:
    """The messages offer_reminder reads, for a worksheet's REQUIRED_MESSAGES: reminder_text and
    reminder_summary are tables with a text for each of `which` (such as "company", "none")."""
    from .messages import TEXT, table

    return {"reminder_title": TEXT, "reminder_text": table(*which), "reminder_summary": table(*which),
            "reminder_details": TEXT}


def offer_reminder(answers, say, out, *, kind: str, which: str, about: str, **values) -> None:
    """The reminder a worksheet's `remind` field asks for, if any: its chosen option's `days`
    from today, worded by the worksheet's messages reminder_title, reminder_text[which] ({date}
    and `values`), reminder_summary[which] (the calendar event's title) and reminder_details."""
    from .dates import friendly_date, today_of

    days = answers.option_setting("remind", answers["remind"], "days")
    if not isinstance(days, int) or days <= 0:
        return
    today = today_of(answers)
    day = today + datetime.timedelta(days=days)
    ics = reminder_ics(summary=say.text("reminder_summary", which, **values), description=say.text("reminder_details"),
                       day=day, made_on=today, about=about)
    out.reminder(say.text("reminder_title"), say.text("reminder_text", which, date=friendly_date(day), **values),
                 calendar_link(ics), file_name(kind, day))
