"""Which Gmail thread a follow-up belongs in: pure functions over message metadata."""

from __future__ import annotations

import re
from datetime import timedelta

from interview_bot.model import CompanyMail, DetectionRules, FollowUp, Interview, MailMessage, ThreadRef
from interview_bot.reading.detect import is_scheduler_sender
from interview_bot.reading.names import aliases

# How far before the interview a recruiter's mail about it may have come.
LOOKBACK = timedelta(days=60)

_SAFE_TERM = re.compile(r"^[A-Za-z0-9._%+\-@]+$")
_WORD = re.compile(r"^[^\W_]+$")


def company_query(iv: Interview, my_emails: frozenset[str], hiring_domains: tuple[str, ...] = ()) -> str:
    """A narrow Gmail search for mail from the company side about this interview.

    From the company's domains (and so their subdomains) and the interviewers' own addresses
    (some use personal mail), since a little before the interview; and from hiring systems
    and the agency that arranged it, when the message names the company, since the interview
    began. Terms that are
    not plain addresses or words are left out: they come from strangers and must not change
    the query's meaning.
    """
    senders: list[str] = []
    for domain in iv.company_domains:
        if _SAFE_TERM.match(domain):
            senders.append(f"from:{domain}")
    for person in (*iv.interviewers, *([iv.organizer] if iv.organizer else []), *iv.agents):
        email = person.email.lower()
        if email in my_emails or not _SAFE_TERM.match(email):
            continue
        if person.domain not in iv.company_domains and f"from:{email}" not in senders:
            senders.append(f"from:{email}")
    # Issue 16: hiring systems and the agency's other recruiters write for many companies: their
    # mail counts when it names the company, and only from the interview on (before it, their
    # receipts and reminders decide nothing a follow-up needs, and reading them costs requests).
    agencies = [a.domain for a in iv.agents]
    named_from = [d for d in dict.fromkeys((*hiring_domains, *agencies)) if _SAFE_TERM.match(d)]
    names = name_terms(iv)
    if named_from and names:
        senders.append(f"({{{' '.join('from:' + d for d in named_from)}}} {{{' '.join(names)}}} "
                       f"after:{int(iv.start.timestamp())})")
    if not senders:
        return ""
    after = int((iv.start - LOOKBACK).timestamp())
    return f"{{{' '.join(senders)}}} after:{after}"


def name_terms(iv: Interview) -> list[str]:
    """The company's names as Gmail search terms: "vandelay industries", vandelay, columbiaroad."""
    terms: list[str] = []
    for alias in aliases(iv.company, iv.company_domains):
        words = [w for w in alias.words if _WORD.match(w)]
        if len(words) != len(alias.words):
            continue
        terms.append(f'"{" ".join(words)}"' if len(words) > 1 else words[0])
        if len(words) > 1:
            terms.append(alias.compact)  # run together in an address: x@columbiaroad.teamtailor-mail.com
    return list(dict.fromkeys(terms))


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


def draft_thread(fu: FollowUp, iv: Interview, mail: list[CompanyMail], rules: DetectionRules) -> str:
    """The one choice of a draft's thread: the one planned for it (a rejection's, the thank-you's),
    else the company's mail most likely about this interview; "" for a new thread."""
    if fu.thread_id:
        return fu.thread_id
    best = choose_thread(iv, [_as_message(m) for m in mail], rules)
    return best.thread_id if best else ""


def _as_message(m: CompanyMail) -> MailMessage:
    return MailMessage(id=m.id, thread_id=m.thread_id, message_id=m.message_id, subject=m.subject, sender=m.sender,
                       date=m.date, references=m.references)


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
