"""Pieces shared by the email drafts (reply, feedback): subject, greeting, sign-off, link."""
from __future__ import annotations

import re

from .mailto import is_no_reply, looks_like_address, mailto_url
from .messages import TEXT, Messages, options_of, table
from .output import Output

# The keys of the drafts' wording tables: the options of the worksheet's `tone` and `stage`
# fields in its YAML (each needs its wording there, and no code), and "any" for a stage not given.
ANY_STAGE = "any"
TONE, STAGE = options_of("tone"), options_of("stage", ANY_STAGE)

DRAFT_MESSAGES = {
    "subject": table("thread", "role_and_company", "role", "company", "none"),
    "position": table("role_and_company", "role", "company", "none"),   # {role}, {company}
    "greeting": table(TONE),           # {name}
    "greeting_no_name": table(TONE),
    "sign_off": table(TONE),
    "name_placeholder": TEXT,            # where the name goes when none was given
    "unsigned": TEXT,                    # {placeholder}
    "draft_title": TEXT,
    "no_reply_address": TEXT,            # {email}
    "email_not_valid": TEXT,             # {email}
}
# Words people type after a job title that the sentence already says ("the Designer role role").
_ROLE_TAIL = re.compile(r"(?:\s+(?:role|position|job|post|vacancy|opening))+\s*$", re.IGNORECASE)
_NAME_PART = re.compile(r"([^\W\d_])([^\W\d_]*)")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
_SPACE_BEFORE_MARK = re.compile(r"[ \t]+([,.;:!?])")
_DOUBLED_WORD = re.compile(r"\b(\w+)(\s+\1\b)+", re.IGNORECASE)
_ARTICLE = re.compile(r"\b([Aa])(n?) ([\w'-]+)")
# Starts of words that sound like a consonant although they are spelt with a vowel, and back.
_A_BEFORE = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq")
_AN_BEFORE = ("hour", "honest", "honour", "honor", "heir")
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")   # acronyms: "an MBA", "an SQL course", "a UX role"

_REPLY_PREFIX = re.compile(r"^\s*(?:re\s*(?:\[\d+\])?\s*[:\uff1a]\s*)+", re.IGNORECASE)


def person_name(text: str) -> str:
    """A name as it should stand in a letter: 'priya' -> 'Priya', "o'neil" -> "O'Neil",
    'mary-jane' -> 'Mary-Jane'. A name typed with any capital is kept as typed ('DJ', 'McKay');
    a full stop typed after it is dropped."""
    text = text.strip().rstrip(" .,;")
    if text != text.lower():
        return text
    return _NAME_PART.sub(lambda m: m.group(1).upper() + m.group(2), text)


def job_title(text: str) -> str:
    """A job title without the words the sentence adds ('Designer role' -> 'Designer')."""
    text = without_reply_prefix(text).strip().rstrip(" .,;")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return _ROLE_TAIL.sub("", text).strip() or text


def article_for(word: str) -> str:
    """'a' or 'an' before `word`, by how it sounds."""
    if len(word) > 1 and word.isupper():
        return "an" if word[0] in _VOWEL_SOUND_LETTERS else "a"
    low = word.lower()
    if low.startswith(_AN_BEFORE):
        return "an"
    if low.startswith(_A_BEFORE):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def tidy(sentence: str) -> str:
    """A templated sentence with values filled in, cleaned of what filling can leave behind:
    'Inc..' -> 'Inc.', a space before a mark, a word twice ('role role'), and 'a'/'an' that
    no longer fits the word after it. Not for the person's own words."""
    sentence = _DOUBLE_STOP.sub(".", sentence)
    sentence = _SPACE_BEFORE_MARK.sub(r"\1", sentence)
    sentence = _DOUBLED_WORD.sub(r"\1", sentence)

    def agree(match: re.Match) -> str:
        wanted = article_for(match.group(3))
        if match.group(1) == "A":
            wanted = wanted.capitalize()
        return f"{wanted} {match.group(3)}"

    return _ARTICLE.sub(agree, sentence)


def own_words(text: str) -> str:
    """The person's own line, as it stands in a letter: starts with a capital, a lone 'i' is
    'I', and it ends with a full stop when it ends with none. Nothing else is changed."""
    text = text.strip()
    if not text:
        return ""
    text = re.sub(r"(?<![\w'])i(?=['\s,]|$)", "I", text)
    first = re.search(r"[^\W\d_]", text)  # the first letter, after an emoji or a quote mark
    if first:
        text = text[:first.start()] + text[first.start()].upper() + text[first.start() + 1:]
    return text if text[-1] in ".!?\u2026)\"'\u201d" else text + "."


def without_reply_prefix(text: str) -> str:
    """'Re: RE: Designer' -> 'Designer', so a subject never reads 'Re: Re:'."""
    return _REPLY_PREFIX.sub("", text).strip()


def reply_subject(say: Messages, their_subject: str, role: str, company: str) -> str:
    """'Re: <their subject>' to keep the thread, else 'Re: <role> at <company>' or a fallback."""
    their_subject, role, company = without_reply_prefix(their_subject), job_title(role), company.strip()
    if their_subject:
        key = "thread"
    elif role and company:
        key = "role_and_company"
    else:
        key = "role" if role else "company" if company else "none"
    return tidy(say.text("subject", key, subject=their_subject, role=role, company=company))


def position_phrase(say: Messages, role: str, company: str) -> str:
    """'the Analyst role at Acme', or a shorter phrase when one of them is missing."""
    key = "role_and_company" if role and company else "role" if role else "company" if company else "none"
    return say.text("position", key, role=job_title(role), company=company.strip())


def greeting(say: Messages, tone: str, name: str) -> str:
    name = person_name(name)
    return say.text("greeting", tone, name=name) if name else say.text("greeting_no_name", tone)


def signed(say: Messages, tone: str, your_name: str, out: Output | None = None) -> str:
    """The sign-off and the name. Without a name, a clearly marked place for it, and a note."""
    sign_off = say.text("sign_off", tone)
    name = person_name(your_name)
    if not name:
        placeholder = say.text("name_placeholder")
        if out is not None:
            out.warning("unsigned", say.text("unsigned", placeholder=placeholder))
        name = placeholder
    return f"{sign_off}\n{name}"


def email_link(out: Output, say: Messages, email: str, subject: str, body: str) -> str | None:
    """A mailto: link for the draft, or None with a note when the address cannot be used."""
    if email and is_no_reply(email):
        out.warning("no_reply_address", say.text("no_reply_address", email=email))
        return None
    if email and not looks_like_address(email):
        out.warning("email_not_valid", say.text("email_not_valid", email=email))
        return None
    return mailto_url(email, subject, body)
