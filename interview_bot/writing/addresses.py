"""Addresses and header values from strangers, made safe to put in a draft.

Display names, addresses and Message-IDs come from calendar invitations and other people's
mail. Values go into headers on one line with no controls; addresses must be plain
`local@domain.tld` (the domain in IDNA ASCII); Message-IDs must be printable ASCII in angle
brackets. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from interview_bot.model import Person

__all__ = ["msg_id", "normalize_address", "one_line", "recipients_of", "valid_address"]

# C0/C1 controls, Unicode line/paragraph separators, bidi overrides and the BOM: nothing a
# header or a one-line value should carry (bidi overrides can make "moc.evil" read "evil.com").
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_MSG_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]{1,250}>")  # printable ASCII, no '<' or '>'


def one_line(value: str, limit: int = 1000) -> str:
    """`value` on one line: controls and line breaks become spaces, runs of whitespace one space, cut to `limit`."""
    return " ".join(_CONTROL.sub(" ", value).split())[:limit].rstrip()


def valid_address(email: str) -> bool:
    """True for a plain addr-spec `local@domain.tld` we are willing to put in a header."""
    return normalize_address(email) is not None


def normalize_address(email: str) -> str | None:
    """The address with its domain in ASCII (IDNA), or None when it is not a usable address."""
    if not isinstance(email, str) or len(email) > 254:
        return None
    local, at, domain = email.partition("@")
    # Only dot-atom local parts: quoted ones ("a b"@x) are legal but only ever seen in attacks.
    if not at or len(local) > 64 or not _LOCAL_PART.fullmatch(local):
        return None
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = domain.split(".")  # a second '@' lands here and fails the label check
    if len(domain) > 253 or len(labels) < 2 or labels[-1].isdigit():
        return None
    if not all(_LABEL.fullmatch(label) for label in labels):
        return None
    return f"{local}@{domain.lower()}"


def msg_id(value: str) -> str | None:
    """A Message-ID with angle brackets, or None when it could smuggle anything into a header."""
    value = value.strip()
    if value and not value.startswith("<"):
        value = f"<{value}>"
    return value if _MSG_ID.fullmatch(value) else None


def recipients_of(people: Iterable[Person], me: str) -> tuple[list[tuple[Person, str]], list[str]]:
    """(kept (person, normalized address), dropped addresses): valid, deduplicated, never ourselves."""
    kept: list[tuple[Person, str]] = []
    dropped: list[str] = []
    seen = {me.lower()}  # a thank-you addressed to yourself is a detection slip, not a recipient
    for person in people:
        email = normalize_address(person.email.strip())
        if email is None:
            dropped.append(person.email)
        elif email.lower() not in seen:
            seen.add(email.lower())
            kept.append((person, email))
    return kept, dropped
