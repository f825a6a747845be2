"""Ask for feedback: a short request with one to three easy questions."""
from __future__ import annotations

from ..answers import Answers
from ..drafting import (
    ANY_STAGE,
    DRAFT_MESSAGES,
    STAGE,
    TONE,
    email_link,
    greeting,
    own_words,
    position_phrase,
    reply_subject,
    signed,
    tidy,
)
from ..messages import TEXT, Messages, options_of, table
from ..output import Output
from ..reminders import offer_reminder, reminder_messages
from ..tone import check_tone

# The questions a person can ask are the options of the `questions` field; each has its wording.
# The most questions asked is the `max_items` of the `questions` field in content/worksheets/feedback.yaml.

REQUIRED_MESSAGES = {
    **DRAFT_MESSAGES,
    "opening": table(TONE),                    # {position}
    "may_not_share": table(TONE),
    "questions_intro": table(TONE, each=table("one", "several")),
    "questions": table(options_of("questions")),
    # The one clear question asked when none is picked, fitting the stage reached.
    "general_question": table(STAGE),
    "offer_call": table(TONE),
    "closing": table(TONE),
    "too_many_questions": TEXT,                  # {count}
    "general_question_note": TEXT,
    "before_sending": TEXT,
    # The remind field's reminder: {date}, and {company}; the summary is the calendar event's title.
    **reminder_messages("company", "none"),
}
PLACEHOLDERS = frozenset({"name", "subject", "role", "company", "position", "email", "count", "placeholder", "date"})
# Each option of the `remind` field says in how many days its reminder falls (0: none).
OPTION_SETTINGS = {"remind": "days"}


def chosen_questions(answers: Answers, say: Messages, out: Output) -> list[str]:
    """The questions to ask, in the order picked: at most three, or one clear question that
    fits the stage reached."""
    picked = [q for q in answers.choices("questions") if q in answers.options("questions")]
    most = answers.setting("questions", "max_items")   # a short request is easier to answer
    if most and len(picked) > most:
        out.note("too_many_questions", say.text("too_many_questions", count=most))
        picked = picked[:most]
    if not picked:
        out.note("general_question", say.text("general_question_note"))
        stage = answers["stage"] or ANY_STAGE
        return [say.text("general_question", stage)]
    return [say.text("questions", q) for q in picked]


def draft_request(answers: Answers, say: Messages, out: Output) -> tuple[str, str]:
    """(subject, body) of the feedback request."""
    tone = answers["tone"]                  # one of the field's options, or its default
    role, company = answers.text("role"), answers.text("company")
    questions = chosen_questions(answers, say, out)
    numbered = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, 1)) if len(questions) > 1 else questions[0]
    paragraphs = [
        greeting(say, tone, answers.text("recruiter_name")),
        tidy(say.text("opening", tone, position=position_phrase(say, role, company))),
        own_words(answers.text("context")),
        say.text("questions_intro", tone, "several" if len(questions) > 1 else "one"),
        numbered,
        " ".join(t for t in (say.text("may_not_share", tone),
                             say.text("offer_call", tone) if answers["offer_call"] else "") if t),
        say.text("closing", tone),
        signed(say, tone, answers.text("your_name"), out),
    ]
    body = "\n\n".join(p for p in paragraphs if p)
    return reply_subject(say, answers.text("their_subject"), role, company), body


def build(answers: Answers, say: Messages, out: Output) -> None:
    subject, body = draft_request(answers, say, out)
    link = email_link(out, say, answers.text("email"), subject, body)
    out.draft(say.text("draft_title"), body, subject=subject, mailto=link)
    out.paragraph(say.text("before_sending"))
    follow_up_reminder(answers, say, out)
    check_tone(out, answers)


def follow_up_reminder(answers: Answers, say: Messages, out: Output) -> None:
    """A calendar file for checking on the request later, when the person asked for one."""
    company = answers.text("company").strip()
    offer_reminder(answers, say, out, kind="feedback", which="company" if company else "none", company=company,
                   about="|".join(("feedback", company.casefold(), answers.text("role").strip().casefold())))
