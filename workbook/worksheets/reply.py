"""Reply to the rejection: a gracious email draft, different for each stage and tone."""
from __future__ import annotations

from ..answers import Answers
from ..drafting import (
    ANY_STAGE,
    DRAFT_MESSAGES,
    STAGE,
    TONE,
    email_link,
    greeting,
    job_title,
    own_words,
    position_phrase,
    reply_subject,
    signed,
    tidy,
)
from ..messages import TEXT, Messages, table
from ..output import Output
from ..tone import check_tone

# Each stage's phase (early or late) in the YAML decides what feedback is asked about.
OPTION_SETTINGS = {"stage": "phase"}
# Each extra has its own place in the draft below: the build checks the YAML offers exactly these.
EXTRAS = ("honest_line", "connect_linkedin", "if_it_falls_through")
OPTIONS_IN_CODE = {"extras": EXTRAS}
AFTER_FINAL_ROUND = "if_it_falls_through"   # said only after a final round

REQUIRED_MESSAGES = {
    **DRAFT_MESSAGES,
    "company_fallback": TEXT,
    "thanks": table(TONE, each=table(STAGE)),                            # {position}, {company}
    # The pleasantry after the thanks; a line of the person's own takes its place.
    "pleasantry": table(TONE, each=table(STAGE)),
    "honest_line": table(TONE),
    "still_interested": table(TONE),                                  # {company}
    "keep_in_touch": table(TONE),                                     # {company}
    "if_it_falls_through": table(TONE),
    "ask_feedback": table(TONE, each=table("early", "late")),
    "connect_linkedin": table(TONE),
    "closing": table(TONE),
    "before_sending": TEXT,
    "no_reply_needed": TEXT,
}

# Every {placeholder} the wording may use.
PLACEHOLDERS = frozenset({"name", "subject", "role", "company", "position", "email", "placeholder"})


def draft_reply(answers: Answers, say: Messages, out: Output | None = None) -> tuple[str, str]:
    """(subject, body) of the reply. Each idea is said once: the person's own line replaces the
    stock pleasantry, and staying in touch replaces a separate line about future roles."""
    tone = answers["tone"]                  # one of the field's options, or its default
    stage = answers["stage"] or ANY_STAGE
    extras = set(answers.choices("extras")) & set(EXTRAS)
    role, company = answers.text("role"), answers.text("company")
    company_name = company.strip() or say.text("company_fallback")
    values = {"position": position_phrase(say, role, company), "company": company_name, "role": job_title(role)}
    note = own_words(answers.text("personal_note"))
    feedback_on = answers.option_setting("stage", stage, "phase") or "late"
    templated = [
        say.text("thanks", tone, stage, **values),
        "" if note else say.text("pleasantry", tone, stage, **values),
        say.text("honest_line", tone) if "honest_line" in extras else "",
    ]
    later = [
        say.text("keep_in_touch" if answers["stay_in_touch"] else "still_interested", tone, **values),
        say.text("if_it_falls_through", tone) if AFTER_FINAL_ROUND in extras and stage == "final_round" else "",
        say.text("ask_feedback", tone, feedback_on) if answers["ask_feedback"] else "",
        say.text("connect_linkedin", tone) if "connect_linkedin" in extras else "",
        say.text("closing", tone, **values),
    ]
    def together(texts: list[str]) -> str:
        return " ".join(tidy(t) for t in texts if t)

    paragraphs = [greeting(say, tone, answers.text("recruiter_name")), together(templated), note,
                  together(later[:2]), together(later[2:4]), together(later[4:]),
                  signed(say, tone, answers.text("your_name"), out)]
    body = "\n\n".join(p for p in paragraphs if p)
    subject = reply_subject(say, answers.text("their_subject"), role, company)
    return subject, body


def build(answers: Answers, say: Messages, out: Output) -> None:
    if answers["automated"] and answers["stage"] == "application":
        out.note("no_reply_needed", say.text("no_reply_needed"))
    subject, body = draft_reply(answers, say, out)
    link = email_link(out, say, answers.text("email"), subject, body)
    out.draft(say.text("draft_title"), body, subject=subject, mailto=link)
    out.paragraph(say.text("before_sending"))
    check_tone(out, answers)
