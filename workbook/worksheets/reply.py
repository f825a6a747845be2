"""Reply to the rejection: a gracious email draft, different for each stage and tone."""
from __future__ import annotations

from ..answers import Answers
from ..drafting import DEFAULT_TONE, DRAFT_MESSAGES, TONES, email_link, greeting, position_phrase, reply_subject, signed
from ..messages import TEXT, Messages, table
from ..output import Output
from ..tone import check_tone

STAGES = ("application", "phone_screen", "interview", "final_round")
ANY_STAGE = "any"   # wording used when the stage is not given

REQUIRED_MESSAGES = {
    **DRAFT_MESSAGES,
    "company_fallback": TEXT,
    "thanks": table(*TONES, each=table(*STAGES, ANY_STAGE)),            # {position}, {company}
    "still_interested": table(*TONES),                                  # {company}
    "ask_feedback": table(*TONES),
    "stay_in_touch": table(*TONES),
    "closing": table(*TONES),
    "before_sending": TEXT,
}

# Every {placeholder} the wording may use.
PLACEHOLDERS = frozenset({"name", "subject", "role", "company", "position", "email", "field", "found", "reason"})


def draft_reply(answers: Answers, say: Messages) -> tuple[str, str]:
    """(subject, body) of the reply."""
    tone = answers["tone"] if answers["tone"] in TONES else DEFAULT_TONE
    stage = answers["stage"] if answers["stage"] in STAGES else ANY_STAGE
    role, company = answers.text("role"), answers.text("company")
    company_name = company or say.text("company_fallback")
    values = {"position": position_phrase(say, role, company), "company": company_name, "role": role}
    paragraphs = [
        greeting(say, tone, answers.text("recruiter_name")),
        say.text("thanks", tone, stage, **values),
        answers.text("personal_note"),
        say.text("still_interested", tone, **values),
        say.text("ask_feedback", tone, **values) if answers["ask_feedback"] else "",
        say.text("stay_in_touch", tone, **values) if answers["stay_in_touch"] else "",
        say.text("closing", tone, **values),
        signed(say, tone, answers.text("your_name")),
    ]
    body = "\n\n".join(p for p in paragraphs if p)
    subject = reply_subject(say, answers.text("their_subject"), role, company)
    return subject, body


def build(answers: Answers, say: Messages, out: Output) -> None:
    subject, body = draft_reply(answers, say)
    link = email_link(out, say, answers.text("email"), subject, body)
    out.draft(say.text("draft_title"), body, subject=subject, mailto=link)
    out.paragraph(say.text("before_sending"))
    check_tone(out, answers)
