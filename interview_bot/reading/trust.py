"""Whether a message can be trusted to be from whom it says: Gmail's labels and its Authentication-Results.

Pure. Mail in Spam or Trash is never the company's answer. Gmail adds an
Authentication-Results header (RFC 8601) to every message it receives, at the top, so the
first one is Gmail's own: SPF, DKIM or DMARC failing for the domain the sender claims makes
the message untrusted. A DMARC pass settles it the other way (a forwarded message can fail
SPF and still be genuine); no header at all, or results of "none", tell nothing either way.
"""

from __future__ import annotations

import re

from interview_bot.reading.extract import domain_of

__all__ = ["trust_problem"]

_COMMENT = re.compile(r"\([^()]{0,500}\)")
_RESULT = re.compile(r"^\s*([a-z][\w-]*)\s*=\s*([a-z]+)\b(.*)$", re.IGNORECASE | re.DOTALL)
_PROP = re.compile(r"\b(header\.from|header\.d|header\.i|smtp\.mailfrom|smtp\.helo)\s*=\s*\"?([^\s;\"]+)", re.IGNORECASE)


def _domain(value: str) -> str:
    value = value.strip().strip("<>").lower()
    return value.rsplit("@", 1)[-1].strip(".")


def _related(a: str, b: str) -> bool:
    """Same organisational side: equal, or one a subdomain of the other (mail.initech.com, initech.com)."""
    return bool(a and b) and (a == b or a.endswith("." + b) or b.endswith("." + a))


def trust_problem(labels: tuple[str, ...], headers: dict[str, str], sender_email: str) -> str:
    """Why a message cannot be trusted ("in Spam", "DMARC failed for initech.com"), or "" when it can."""
    label_set = set(labels)
    if "SPAM" in label_set:
        return "in Spam"
    if "TRASH" in label_set:
        return "in Trash"
    results = next((v for k, v in headers.items() if k.lower() == "authentication-results"), "")
    claimed = domain_of(sender_email.lower())
    if not results or not claimed:
        return ""
    passed: set[str] = set()
    failures: list[str] = []
    for resinfo in _COMMENT.sub(" ", results[:4000]).split(";")[1:]:  # [0] is the authserv-id
        m = _RESULT.match(resinfo)
        if m is None:
            continue
        method, result, rest = m.group(1).lower(), m.group(2).lower(), m.group(3)
        props = {k.lower(): _domain(v) for k, v in _PROP.findall(rest)}
        about = props.get("header.from") or props.get("header.d") or props.get("header.i") or props.get("smtp.mailfrom", "")
        if method == "dmarc":
            about = props.get("header.from", claimed)
        if not _related(about or claimed, claimed):
            continue  # about some other domain (a mailing list's, a relay's): not the sender's claim
        if result == "pass":
            passed.add(method)
        elif result in ("fail", "permerror") and method in ("spf", "dkim", "dmarc"):
            failures.append(f"{method.upper()} failed for {about or claimed}")
    if "dmarc" in passed:
        return ""
    failures = [f for f in failures if not (f.startswith("DKIM") and "dkim" in passed)]
    failures.sort(key=lambda f: ("DMARC", "SPF", "DKIM").index(f.split()[0]))
    return failures[0] if failures else ""
