"""Ask for feedback: a short request with one to three easy questions."""
from __future__ import annotations

from ..answers import Answers
from ..drafting import DEFAULT_TONE, DRAFT_MESSAGES, TONES, email_link, greeting, position_phrase, reply_subject, signed
from ..messages import TEXT, Messages, table
from ..output import Output
from ..tone import check_tone

QUESTIONS = ("strongest_gap", "interview_answers", "experience_fit", "resume", "next_time")
MOST_QUESTIONS = 3   # a short request is easier to answer

REQUIRED_MESSAGES = {
    **DRAFT_MESSAGES,
    "opening": table(*TONES),                    # {position}
    "may_not_share": table(*TONES),
    "questions_intro": table("one", "several"),
    "questions": table(*QUESTIONS),
    "general_question": TEXT,
    "closing": table(*TONES),
    "too_many_questions": TEXT,                  # {count}
    "general_question_note": TEXT,
    "before_sending": TEXT,
}
PLACEHOLDERS = frozenset({"name", "subject", "role", "company", "position", "email", "field", "found",
                          "reason", "count"})


def chosen_questions(answers: Answers, say: Messages, out: Output) -> list[str]:
    """The questions to ask, in the order picked: at most three, or one gentle general question."""
    picked = [q for q in answers.choices("questions") if q in QUESTIONS]
    if len(picked) > MOST_QUESTIONS:
        out.note("too_many_questions", say.text("too_many_questions", count=MOST_QUESTIONS))
        picked = picked[:MOST_QUESTIONS]
    if not picked:
        out.note("general_question", say.text("general_question_note"))
        return [say.text("general_question")]
    return [say.text("questions", q) for q in picked]


def draft_request(answers: Answers, say: Messages, out: Output) -> tuple[str, str]:
    """(subject, body) of the feedback request."""
    tone = answers["tone"] if answers["tone"] in TONES else DEFAULT_TONE
    role, company = answers.text("role"), answers.text("company")
    questions = chosen_questions(answers, say, out)
    numbered = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, 1)) if len(questions) > 1 else questions[0]
    paragraphs = [
        greeting(say, tone, answers.text("recruiter_name")),
        say.text("opening", tone, position=position_phrase(say, role, company)),
        answers.text("context"),
        say.text("questions_intro", "several" if len(questions) > 1 else "one"),
        numbered,
        say.text("may_not_share", tone),
        say.text("closing", tone),
        signed(say, tone, answers.text("your_name")),
    ]
    body = "\n\n".join(p for p in paragraphs if p)
    return reply_subject(say, answers.text("their_subject"), role, company), body


def build(answers: Answers, say: Messages, out: Output) -> None:
    subject, body = draft_request(answers, say, out)
    link = email_link(out, say, answers.text("email"), subject, body)
    out.draft(say.text("draft_title"), body, subject=subject, mailto=link)
    out.paragraph(say.text("before_sending"))
    check_tone(out, answers)
