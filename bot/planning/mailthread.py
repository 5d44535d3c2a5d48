"""Which Gmail thread a follow-up belongs in: pure functions over message metadata."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.model import DetectionRules, Interview, MailMessage, ThreadRef
from bot.reading.detect import is_scheduler_sender

# How far before the interview a recruiter's mail about it may have come.
LOOKBACK = timedelta(days=60)

_SAFE_TERM = re.compile(r"^[A-Za-z0-9._%+\-@]+$")


def company_query(iv: Interview, my_emails: frozenset[str]) -> str:
    """A narrow Gmail search for mail from the company side about this interview.

    From the company's domains and the interviewers' own addresses (some use personal mail),
    since a little before the interview. Terms that are not plain addresses are left out:
    they come from strangers and must not change the query's meaning.
    """
    senders: list[str] = []
    for domain in iv.company_domains:
        if _SAFE_TERM.match(domain):
            senders.append(f"from:{domain}")
    for person in (*iv.interviewers, *([iv.organizer] if iv.organizer else [])):
        email = person.email.lower()
        if email in my_emails or not _SAFE_TERM.match(email):
            continue
        if person.domain not in iv.company_domains and f"from:{email}" not in senders:
            senders.append(f"from:{email}")
    if not senders:
        return ""
    after = int((iv.start - LOOKBACK).timestamp())
    return f"{{{' '.join(senders)}}} after:{after}"


def _strip_re(subject: str) -> str:
    return re.sub(r"^\s*((re|fwd?|aw|sv)\s*:\s*)+", "", subject, flags=re.IGNORECASE).strip()


def _relevance(msg: MailMessage, iv: Interview) -> int:
    subject = msg.subject.lower()
    score = 0
    for word in ("interview", "screen", "onsite", "call", "chat", "invitation", "schedul"):
        if word in subject:
            score += 1
    for phrase in (iv.role, iv.company):
        if phrase and phrase.lower() in subject:
            score += 2
    return score


def choose_thread(iv: Interview, candidates: list[MailMessage], rules: DetectionRules) -> MailMessage | None:
    """The company's message most likely about this interview: most relevant subject, then newest.

    Mail from robots (no-reply, the hiring system's notifications) is no thread to answer in.
    """
    relevant = [
        m for m in candidates
        if "DRAFT" not in m.label_ids and m.message_id
        and not (m.sender and is_scheduler_sender(m.sender.email.lower(), rules))
    ]
    if not relevant:
        return None
    return max(relevant, key=lambda m: (_relevance(m, iv), m.date.timestamp() if m.date else 0))


def reply_point(thread: list[MailMessage]) -> ThreadRef | None:
    """Where a reply into this thread goes: after its last real (not draft) message."""
    messages = [m for m in thread if "DRAFT" not in m.label_ids and m.message_id]
    if not messages:
        return None
    last = messages[-1]
    references = last.references or last.in_reply_to
    first_subject = next((m.subject for m in messages if m.subject), last.subject)
    return ThreadRef(
        thread_id=last.thread_id,
        message_id=last.message_id,
        references=references,
        subject=_strip_re(last.subject or first_subject),
    )
