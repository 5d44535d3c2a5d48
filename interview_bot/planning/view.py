"""What the planners share about a process: its view, the policies, and who at the company to write to.

A process is everything with one company: its rounds (interviews), the mail from its side
and the follow-ups already planned (ProcessView). The planners of each kind (planning/checks.py,
planning/rejection.py) and the reading of the whole (planning/process.py) take it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from interview_bot.model import CompanyMail, Decision, FollowUp, FollowUpKind, Interview, Person
from interview_bot.planning.plan import Offset
from interview_bot.planning.policy import PROCESS_REVIVES, follow_up_key, settle
from interview_bot.reading.incoming import DECISIVE, MACHINE, ReplyKind

MACHINE_KINDS = MACHINE
DECISIVE_KINDS = DECISIVE


def process_key(iv: Interview) -> str:
    """Which process an interview belongs to: its company's main domain, else its company name."""
    if iv.company_domains:
        return iv.company_domains[0].lower()
    return iv.company.strip().lower() or iv.id


@dataclass(frozen=True)
class CheckPolicy:
    """follow_ups.status_check from config."""

    enabled: bool
    default_wait: Offset
    grace: Offset
    at: time
    max: int
    repeat_every: Offset
    withdraw_stale: bool = True


@dataclass(frozen=True)
class LaterPolicy:
    """follow_ups.feedback_request or follow_ups.keep_in_touch from config."""

    enabled: bool
    after: Offset
    at: time


@dataclass(frozen=True)
class Policies:
    check: CheckPolicy
    feedback: LaterPolicy
    keep_in_touch: LaterPolicy
    tz: ZoneInfo
    country: str | None = None
    subdivision: str | None = None


@dataclass(frozen=True)
class ProcessView:
    """All the bot knows of one company's process."""

    key: str
    interviews: tuple[Interview, ...]
    mail: tuple[CompanyMail, ...]
    follow_ups: tuple[FollowUp, ...]
    decisions: dict[str, Decision] = field(default_factory=dict)  # by source: "you", "config", "invitation"
    watching_since: datetime | None = None  # the bot's first sync
    # interview id -> when its status was seen to change (the calendar step's record); absent: not
    # known, taken as after the interview ended (nothing is cancelled on a guess)
    changed_at: dict[str, datetime] = field(default_factory=dict)
    drafted_at: dict[str, datetime] = field(default_factory=dict)  # by follow-up key: when its draft was really made


def trusted_person(m: CompanyMail) -> bool:
    """Mail a person at the company plausibly wrote: trusted, and no auto-reply, bounce or notification."""
    return not m.trust and m.kind not in MACHINE_KINDS


def sure_answer(m: CompanyMail) -> bool:
    return m.is_answer  # the reader's judgement, no date standing: sure, decisive, trusted


def bounced_addresses(mail: tuple[CompanyMail, ...] | list[CompanyMail]) -> frozenset[str]:
    """Addresses the company's side could not be reached at, as bounces said."""
    return frozenset(a for m in mail if m.kind is ReplyKind.BOUNCE for a in m.bounced)


def at(day: date, policy_at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, policy_at, tzinfo=tz)


def morning(dt: datetime, policy_at: time, tz: ZoneInfo) -> datetime:
    """The day of dt (in tz) at the policy's time of day."""
    return at(dt.astimezone(tz).date(), policy_at, tz)


def best_contact(view: ProcessView, latest: Interview, is_robot: Callable[[str], bool],
                 my_emails: frozenset[str]) -> tuple[Person, ...]:
    """Who is best placed to answer: the person who last wrote from the company, then the organizer,
    then the interviewers."""
    bounced = bounced_addresses(view.mail)

    def usable(p: Person | None) -> bool:
        return (p is not None and p.email.lower() not in my_emails and not is_robot(p.email.lower())
                and p.email.lower() not in bounced)

    for m in sorted(view.mail, key=lambda m: m.date, reverse=True):
        if trusted_person(m) and usable(m.sender):
            return (m.sender,)
    if usable(latest.organizer):
        assert latest.organizer is not None
        return (latest.organizer,)
    return tuple(p for p in latest.interviewers if usable(p))


def key_for(iv: Interview, kind: FollowUpKind, n: int | None = None) -> str:
    return follow_up_key(iv.id, kind, n)


def upsert(existing: FollowUp | None, fresh: FollowUp, since: datetime | None) -> FollowUp | None:
    return settle(existing, fresh, since, PROCESS_REVIVES)


def said(m: CompanyMail, tz: ZoneInfo, with_kind: bool = False) -> str:
    """The facts of a message for a cause's words: "jane@x.com Mon 03 Mar (rejection)"."""
    kind = m.kind.value if with_kind and m.kind else ""
    return f"{m.sender.email} {m.date.astimezone(tz):%a %d %b}" + (f" ({kind})" if kind else "")
