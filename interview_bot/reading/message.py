"""What one received message means for the processes the bot follows: the one reader of mail.

Pure. `read_mail` takes a message as the Gmail adapter gives it (headers, and its MIME parts
when fetched) and the open processes it may belong to, and returns either the company mail to
record (a CompanyMail, with the Reading behind it) or why it is skipped (`Skip`). The mail sync
(interview_bot.runtime.mailsync) does only the I/O around it; `interview-bot test`
(interview_bot.reading.cases) calls it too, so a config test checks what the daemon does.

A message's text is fetched only when needed: when the headers tie it to a process, or name
none but the text might (a hiring system's mail). Then the answer is `Skip.NEEDS_TEXT`: fetch
the parts and ask again. Mail in Spam or Trash is never read as the company's words.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from zoneinfo import ZoneInfo

from interview_bot.model import CompanyMail, Interview, MailMessage, MailPart, Person
from interview_bot.reading.company_names import written_name
from interview_bot.reading.incoming import ReplyKind
from interview_bot.reading.lang import LANGUAGES
from interview_bot.reading.machine import failed_recipients, machine_reason
from interview_bot.reading.mailbody import read_body
from interview_bot.reading.read import Reading, as_robot_notice, read_message
from interview_bot.reading.replies import Incoming, ReplyContext, is_company_reply, new_text
from interview_bot.reading.senders import Attribution, Envelope, Rule, SenderRules, attribute, bounced_to, side_of

__all__ = ["MailMeaning", "OpenProcess", "ReadingRules", "Skip", "Skipped", "read_mail", "rules_hash"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Bump when the reader's code reads the same message differently: stored readings are made again.
READER_VERSION = 2  # 2: the company's name as its mail writes it


@dataclass(frozen=True)
class ReadingRules:
    """What the reader needs from config."""

    tz: ZoneInfo
    country: str | None
    extra_senders: tuple[str, ...]  # replies.senders: hiring systems that speak for a company
    extra_rules: dict[str, list[str]]  # replies.rules
    personal_domains: tuple[str, ...]
    hiring_domains: tuple[str, ...] = ()  # interview_bot.reading.hiring_systems plus replies.hiring_systems


def rules_hash(rules: ReadingRules) -> str:
    """A short hash of everything that decides a reading: config's rules, the shipped tables, the reader."""
    parts = (READER_VERSION, rules.tz.key, rules.country, rules.extra_senders,
             sorted((k, tuple(v)) for k, v in rules.extra_rules.items()), rules.personal_domains,
             rules.hiring_domains, LANGUAGES)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class OpenProcess:
    """A process the message may belong to: its key, its interviews, the threads its mail is in."""

    key: str
    interviews: tuple[Interview, ...]
    threads: tuple[str, ...] = ()


class Skip(Enum):
    """Why a message is not recorded as a process's company mail."""

    INCOMPLETE = "it has no sender or no date"
    FROM_YOU = "you sent it"
    NEEDS_TEXT = "its text is needed: fetch its parts and read it again"
    NO_PROCESS = "it belongs to no open process"
    NOT_COMPANY = "it is not from the company side"


@dataclass(frozen=True)
class Skipped:
    reason: Skip
    why: str = ""  # in words, for the debug log
    candidates: tuple[str, ...] = ()  # the processes that could both claim it (recorded as unattributed)
    attribution: Attribution | None = None


@dataclass(frozen=True)
class MailMeaning:
    """A message recorded for its process: what to store, the reading behind it, and how it was tied."""

    mail: CompanyMail
    reading: Reading
    why: str  # how it was tied to its process
    candidates: tuple[str, ...] = ()


def _junk(msg: MailMessage) -> bool:
    """In Spam or Trash: never the company's answer, and its body is never fetched."""
    return bool({"SPAM", "TRASH"} & set(msg.label_ids))


def _speaks_for_company(found: Attribution, msg: MailMessage) -> tuple[str, ...]:
    """The sender, as a sender rule, when attribution found it speaks for the company (issue 16)."""
    if msg.sender is None or found.rule not in (Rule.HIRING_SYSTEM, Rule.AGENCY, Rule.THREAD, Rule.CONFIGURED):
        return ()
    return ("^" + re.escape(msg.sender.email.lower()) + "$",)


def _people(ivs: Sequence[Interview]) -> frozenset[str]:
    people = {p.email.lower() for iv in ivs for p in iv.interviewers}
    people |= {iv.organizer.email.lower() for iv in ivs if iv.organizer}
    return frozenset(people)


def read_mail(msg: MailMessage, parts: tuple[MailPart, ...] | None, processes: Sequence[OpenProcess],
              rules: ReadingRules, my_emails: frozenset[str], rules_digest: str = "") -> MailMeaning | Skipped:
    """What `msg` means for `processes`, or why it is skipped; `parts` None: its text not fetched yet.

    Auto-replies, bounces and untrusted mail are recorded too (status shows them), marked so
    they act on nothing. `rules_digest` (rules_hash(rules)) is stamped on the reading."""
    if msg.sender is None or msg.date is None:
        return Skipped(Skip.INCOMPLETE)
    if msg.sender.email.lower() in my_emails:
        return Skipped(Skip.FROM_YOU)
    junk = _junk(msg)
    sides = [side_of(p.key, p.interviews, p.threads, rules.personal_domains) for p in processes]
    sender_rules = SenderRules(rules.hiring_domains, rules.extra_senders, rules.personal_domains)
    body = read_body(parts) if parts is not None else None
    envelope = Envelope(msg.sender.email, msg.sender.name, msg.subject, msg.thread_id,
                        tuple(p.email for p in (*msg.to, *msg.cc)), None)
    found = attribute(envelope, sides, sender_rules)
    if found.needs_body and not junk:  # a hiring system's mail may name the company only in its text
        if body is None:
            return Skipped(Skip.NEEDS_TEXT, found.why, attribution=found)
        found = attribute(replace(envelope, body=body.text), sides, sender_rules)
    candidates = found.candidates if found.ambiguous else ()
    headers_only = Incoming(sender_email=msg.sender.email, sender_name=msg.sender.name, subject=msg.subject,
                            date=msg.date, headers=msg.headers, labels=msg.label_ids)
    key = found.key or bounced_to(failed_recipients(headers_only), sides)
    if key is None:
        return Skipped(Skip.NO_PROCESS, found.why, candidates, found)
    ivs = next(p.interviews for p in processes if p.key == key)
    if junk:
        body = read_body(())  # what Spam or Trash says is never read as the company's words
    elif body is None:
        return Skipped(Skip.NEEDS_TEXT, found.why, candidates, found)
    incoming = replace(headers_only, body=body.text, mime_types=body.mime_types)
    # Once, with what it reads besides the headers: an SES notice's JSON, a delivery-status or calendar part.
    machine = machine_reason(incoming, msg.sender.email.lower())
    if machine is None:
        ctx = ReplyContext(
            interview_start=_EPOCH, my_emails=my_emails,
            company_domains=tuple(d for iv in ivs for d in iv.company_domains),
            company_people=_people(ivs), extra_senders=rules.extra_senders + _speaks_for_company(found, msg),
            personal_domains=rules.personal_domains,
        )
        ok, why = is_company_reply(incoming, ctx, machine=None)
        if not ok:
            return Skipped(Skip.NOT_COMPANY, why, candidates, found)
    reading = read_message(incoming, rules.tz, country=rules.country, extra_rules=rules.extra_rules or None,
                           machine=machine)
    if found.rule in (Rule.HIRING_SYSTEM, Rule.CONFIGURED):
        reading = as_robot_notice(reading)  # its "we received your application" answers nothing
    written = "" if junk or machine is not None else _written_company(msg, ivs, incoming)
    return MailMeaning(_company_mail(msg, key, ivs, found, reading, machine is not None, rules_digest, written),
                       reading, found.why, candidates)


def _written_company(msg: MailMessage, ivs: Sequence[Interview], incoming: Incoming) -> str:
    """How the message writes the company's name (its display name, then its own text), when the name was
    only made from a domain; "" when it does not write it. Quoted text is not its own: a reply quoting
    a draft would give back the bot's own guess."""
    guess = next((iv.company for iv in ivs if iv.company and iv.company_domains), "")
    if not guess or msg.sender is None:
        return ""
    return written_name(guess, (msg.sender.name, new_text(incoming.subject, incoming.body))) or ""


def _company_mail(msg: MailMessage, key: str, ivs: Sequence[Interview], found: Attribution, reading: Reading,
                  machine: bool, digest: str, written: str = "") -> CompanyMail:
    assert msg.sender is not None and msg.date is not None
    is_reply = msg.date >= min(iv.start for iv in ivs)
    # Mail from before the interview (a recruiter's confirmation) says nothing about the outcome.
    kind = reading.kind if is_reply or machine or reading.kind is ReplyKind.NOTIFICATION else None
    promise = reading.promise
    return CompanyMail(
        id=msg.id, thread_id=msg.thread_id, message_id=msg.message_id, references=msg.references,
        subject=msg.subject, sender=Person(msg.sender.email, msg.sender.name), date=msg.date, process=key,
        is_reply=is_reply, kind=kind, phrase=reading.phrase, promise_by=promise.by if promise else None,
        promise_phrase=promise.phrase if promise else "",
        via=found.rule.value if found.rule else "", agency=found.agency,
        confidence=reading.confidence, rule=reading.rule, trust=reading.trust, silence=bool(reading.silence),
        is_answer=reading.is_answer and kind is not None,
        bounced=tuple(a.lower() for a in reading.failed) if kind is ReplyKind.BOUNCE else (),
        rules_hash=digest, company_written=written,
    )
