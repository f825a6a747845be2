"""Pieces shared by the email drafts (reply, feedback): subject, greeting, sign-off, link."""
from __future__ import annotations

import re

from .mailto import is_no_reply, looks_like_address, mailto_url
from .messages import TEXT, Messages, table
from .output import Output

TONES = ("warm", "brief", "formal")
DEFAULT_TONE = "warm"

DRAFT_MESSAGES = {
    "subject": table("thread", "role_and_company", "role", "company", "none"),
    "position": table("role_and_company", "role", "company", "none"),   # {role}, {company}
    "greeting": table(*TONES),           # {name}
    "greeting_no_name": table(*TONES),
    "sign_off": table(*TONES),
    "draft_title": TEXT,
    "no_reply_address": TEXT,            # {email}
    "email_not_valid": TEXT,             # {email}
}

_REPLY_PREFIX = re.compile(r"^\s*(?:re\s*(?:\[\d+\])?\s*[:\uff1a]\s*)+", re.IGNORECASE)


def without_reply_prefix(text: str) -> str:
    """'Re: RE: Designer' -> 'Designer', so a subject never reads 'Re: Re:'."""
    return _REPLY_PREFIX.sub("", text).strip()


def reply_subject(say: Messages, their_subject: str, role: str, company: str) -> str:
    """'Re: <their subject>' to keep the thread, else 'Re: <role> at <company>' or a fallback."""
    their_subject, role = without_reply_prefix(their_subject), without_reply_prefix(role)
    if their_subject:
        key = "thread"
    elif role and company:
        key = "role_and_company"
    else:
        key = "role" if role else "company" if company else "none"
    return say.text("subject", key, subject=their_subject, role=role, company=company)


def position_phrase(say: Messages, role: str, company: str) -> str:
    """'the Analyst role at Acme', or a shorter phrase when one of them is missing."""
    key = "role_and_company" if role and company else "role" if role else "company" if company else "none"
    return say.text("position", key, role=without_reply_prefix(role), company=company)


def greeting(say: Messages, tone: str, name: str) -> str:
    return say.text("greeting", tone, name=name) if name else say.text("greeting_no_name", tone)


def signed(say: Messages, tone: str, your_name: str) -> str:
    sign_off = say.text("sign_off", tone)
    return f"{sign_off}\n{your_name}" if your_name else sign_off


def email_link(out: Output, say: Messages, email: str, subject: str, body: str) -> str | None:
    """A mailto: link for the draft, or None with a note when the address cannot be used."""
    if email and is_no_reply(email):
        out.warning("no_reply_address", say.text("no_reply_address", email=email))
        return None
    if email and not looks_like_address(email):
        out.warning("email_not_valid", say.text("email_not_valid", email=email))
        return None
    return mailto_url(email, subject, body)
