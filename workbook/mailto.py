"""Email addresses and mailto: links for drafts."""
from __future__ import annotations

import re
from urllib.parse import quote

_ADDRESS = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:.]+$")
_NO_REPLY = ("noreply", "donotreply", "dontreply")


def looks_like_address(address: str) -> bool:
    return bool(_ADDRESS.match(address)) and len(address) <= 254


def is_no_reply(address: str) -> bool:
    """True for addresses nobody reads: noreply@, no-reply@, do-not-reply@, donotreply@ ..."""
    local = address.split("@", 1)[0].lower()
    squashed = re.sub(r"[-_.+]", "", local)
    return any(word in squashed for word in _NO_REPLY)


def mailto_url(address: str, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068): every reserved character percent-encoded, spaces as %20,
    line breaks as %0D%0A; the address may be empty (the email app asks for it)."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (f"mailto:{quote(address, safe='@')}"
            f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}")
