"""After the interview: status checks, feedback requests and keep-in-touch notes, planned per process.

A process is everything with one company: its rounds (interviews), the mail from its side
and the follow-ups already planned. Pure: from a ProcessView and `now` to the follow-ups
to save, the decision date that stands, and where the process is (waiting, offer, ...).

What answers is read message by message, in order, against the decision date standing when
each arrived (interview_bot.reading.read.judge_answer): a sure rejection, offer or next step ends the
wait; anything else before the date does not (one that promises a date moves the date to
it); a person's message after the date has passed does. A check-in drafted although the
company wrote something the bot could not read surely carries a NOTE line saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from interview_bot.model import (
    CompanyMail,
    Decision,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    Person,
)
from interview_bot.planning.plan import Offset
from interview_bot.reading.incoming import DECISIVE, MACHINE, PROMISING_MACHINE_RULES, ReplyKind
from interview_bot.reading.read import SURE, judge_answer

# Reasons written here; WITHDRAW tells the engine to delete the unsent draft.
WITHDRAW = "withdrawn: "
LATER_ROUND = "a later round with the company is planned"
ALL_CANCELLED = "the interview was cancelled"
TOO_LATE = "it fell due long before the bot started watching"
# A follow-up that fell due this long before the bot's first sync is recorded as skipped, not
# drafted: at installation, old news is no reason to write (as for thank-you notes).
LATE_LIMIT = timedelta(days=3)
REJECTED_FIRST = "the company already answered (rejection)"
_MACHINE = MACHINE
_DECISIVE = DECISIVE


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


@dataclass(frozen=True)
class MailVerdict:
    """One message of the process, and whether it answered: for `status` and `explain`."""

    mail: CompanyMail
    answer: bool
    why: str


@dataclass(frozen=True)
class ProcessPlan:
    changes: list[FollowUp]
    decision: Decision | None
    stage: str  # "interview ahead", "waiting", "next round", "offer", "rejected", "probably closed (...)"
    latest_reply: CompanyMail | None
    verdicts: tuple[MailVerdict, ...] = ()
    silence: CompanyMail | None = None  # the message whose "no news by then means no" sets the date


def trusted_person(m: CompanyMail) -> bool:
    """Mail a person at the company plausibly wrote: trusted, and no auto-reply, bounce or notification."""
    return not m.trust and m.kind not in _MACHINE


def _sure_answer(m: CompanyMail) -> bool:
    return m.is_answer  # the reader's judgement, no date standing: sure, decisive, trusted


def bounced_addresses(mail: tuple[CompanyMail, ...] | list[CompanyMail]) -> frozenset[str]:
    """Addresses the company's side could not be reached at, as bounces said."""
    return frozenset(a for m in mail if m.kind is ReplyKind.BOUNCE for a in m.bounced)


def _at(day: date, policy_at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, policy_at, tzinfo=tz)


def _morning(dt: datetime, policy_at: time, tz: ZoneInfo) -> datetime:
    """The day of dt (in tz) at the policy's time of day."""
    return _at(dt.astimezone(tz).date(), policy_at, tz)


def _base_decision(view: ProcessView, latest: Interview, pol: Policies) -> Decision:
    if "invitation" in view.decisions:
        return view.decisions["invitation"]
    default_at = pol.check.default_wait.after(latest.end, pol.tz, pol.country, pol.subdivision)
    return Decision(default_at.astimezone(pol.tz).date(), "default")


def read_process(view: ProcessView, latest: Interview, previous: Interview | None,
                 pol: Policies) -> tuple[Decision, list[MailVerdict], CompanyMail | None]:
    """The decision date that stands, each message's verdict, and the message that made silence mean no.

    The date: set by you, then config, then the company's latest promise (from a message
    that did not answer), then the invitation's, then the default wait. Mail of earlier
    rounds before the previous one is not read again.
    """
    fixed = view.decisions.get("you") or view.decisions.get("config")
    standing = fixed or _base_decision(view, latest, pol)
    silence: CompanyMail | None = None
    verdicts: list[MailVerdict] = []
    since = previous.start if previous else None
    for m in sorted(view.mail, key=lambda m: (m.date, m.promise_by or date.min)):
        if since is not None and m.date < since:
            continue
        day = m.date.astimezone(pol.tz).date()
        if m.date < latest.start:
            answer, why = False, "written before this round's interview"
        else:
            kind = m.kind or ReplyKind.OTHER
            answer, why = judge_answer(kind, m.confidence, m.trust, day, standing.by, m.promise_by, m.rule)
        verdicts.append(MailVerdict(m, answer, why))
        promises = (m.promise_by is not None and not m.trust
                    and (m.kind not in _MACHINE or m.rule in PROMISING_MACHINE_RULES))
        if promises and not answer and fixed is None:
            assert m.promise_by is not None
            standing = Decision(m.promise_by, "email", m.promise_phrase)
            silence = m if m.silence else None
    return standing, verdicts, silence


def _note(view: ProcessView, latest: Interview, verdicts: list[MailVerdict], silence: CompanyMail | None,
          decision: Decision, tz: ZoneInfo) -> str:
    """The NOTE line for a check-in drafted although the company wrote: what the bot read, and why it drafts."""
    who = latest.company or (silence.sender.email if silence else "")

    def day(m: CompanyMail) -> str:
        local = m.date.astimezone(tz)
        return f"{local.day} {local:%b}"

    if silence is not None:
        return (f"{who} wrote on {day(silence)} that no news by {decision.by.day} {decision.by:%b} means no "
                f"(\"{silence.promise_phrase}\"); delete this draft if you would rather not ask")
    unsure = [v.mail for v in verdicts if not v.answer and trusted_person(v.mail) and v.mail.date >= latest.start
              and (v.mail.kind in (ReplyKind.OTHER, ReplyKind.ACKNOWLEDGEMENT)
                   or (v.mail.kind in _DECISIVE and v.mail.confidence < SURE))]
    if not unsure:
        return ""
    m = unsure[-1]
    said = " ".join((m.phrase or m.subject or (m.kind.value if m.kind else "")).split())[:80]
    return f"{who or m.sender.email} wrote on {day(m)} (\"{said}\"); delete this draft if that answered you"


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


def _key(iv: Interview, kind: FollowUpKind, n: int | None = None) -> str:
    return f"{iv.id}#{kind.value}" + (f"#{n}" if n is not None else "")


def _upsert(existing: FollowUp | None, fresh: FollowUp, since: datetime | None) -> FollowUp | None:
    """The follow-up to save: the fresh plan for a new or still-scheduled one, nothing for one done."""
    if existing is None:
        if fresh.status is FollowUpStatus.SCHEDULED and since is not None and since - fresh.due > LATE_LIMIT:
            return replace(fresh, status=FollowUpStatus.SKIPPED, reason=TOO_LATE)
        return fresh
    if existing.status is FollowUpStatus.SCHEDULED or (
        existing.status is FollowUpStatus.CANCELLED and existing.reason in (LATER_ROUND, ALL_CANCELLED)
    ):
        updated = replace(existing, due=fresh.due, recipients=fresh.recipients, thread_id=fresh.thread_id,
                          status=FollowUpStatus.SCHEDULED, reason="", note=fresh.note)
        return updated if updated != existing else None
    return None


def plan_process(view: ProcessView, now: datetime, pol: Policies, is_robot: Callable[[str], bool],
                 my_emails: frozenset[str]) -> ProcessPlan:
    """What to save for this process now: status checks, feedback request, keep-in-touch note."""
    rounds = sorted((iv for iv in view.interviews if iv.status is InterviewStatus.ACTIVE), key=lambda iv: iv.start)
    by_key = {f.key: f for f in view.follow_ups}
    changes: list[FollowUp] = []
    mail = sorted(view.mail, key=lambda m: m.date)
    if not rounds:  # every round cancelled: no check-in for it (it comes back if a round does)
        changes = [replace(f, status=FollowUpStatus.CANCELLED, reason=ALL_CANCELLED) for f in view.follow_ups
                   if f.kind is FollowUpKind.STATUS_CHECK and f.status is FollowUpStatus.SCHEDULED]
        return ProcessPlan(changes, None, "cancelled", None)
    latest = rounds[-1]
    previous = rounds[-2] if len(rounds) > 1 else None
    decision, verdicts, silence = read_process(view, latest, previous, pol)
    answers = [v.mail for v in verdicts if v.answer]
    all_replies = [m for m in mail if m.is_reply and m.kind and trusted_person(m)]
    latest_reply = all_replies[-1] if all_replies else None

    # Only the latest round waits for news; earlier rounds' check-ins give way to it.
    for fu in view.follow_ups:
        if fu.kind is FollowUpKind.STATUS_CHECK and fu.interview_id != latest.id and fu.status is FollowUpStatus.SCHEDULED:
            changes.append(replace(fu, status=FollowUpStatus.CANCELLED, reason=LATER_ROUND))

    note = _note(view, latest, verdicts, silence, decision, pol.tz)
    changes += _plan_checks(view, latest, decision, answers, now, pol, is_robot, my_emails, by_key, note,
                            silence is not None)
    changes += _plan_rejection(view, rounds, mail, now, pol, is_robot, my_emails, by_key)

    decided = [m for m in answers if _sure_answer(m)]
    if latest.start > now:
        stage = "interview ahead"
    elif decided:
        stage = {ReplyKind.REJECTION: "rejected", ReplyKind.OFFER: "offer",
                 ReplyKind.NEXT_STEPS: "next round"}[decided[-1].kind or ReplyKind.OTHER]
    elif silence is not None and not answers and decision.by < now.astimezone(pol.tz).date():
        local = silence.date.astimezone(pol.tz)
        stage = f"probably closed (silence means no, per their email of {local.day} {local:%b})"
    else:
        stage = "waiting"
    return ProcessPlan(changes, decision, stage, latest_reply, tuple(verdicts), silence)


def _plan_checks(view: ProcessView, latest: Interview, decision: Decision, answers: list[CompanyMail],
                 now: datetime, pol: Policies, is_robot: Callable[[str], bool], my_emails: frozenset[str],
                 by_key: dict[str, FollowUp], note: str = "", once: bool = False) -> list[FollowUp]:
    checks = sorted((f for f in view.follow_ups if f.kind is FollowUpKind.STATUS_CHECK and f.interview_id == latest.id),
                    key=lambda f: f.key)
    changes: list[FollowUp] = []
    if answers:
        first = answers[0]
        why = f"{first.sender.email} replied on {first.date.astimezone(pol.tz):%a %d %b} ({first.kind})"
        for fu in checks:
            if fu.status is FollowUpStatus.SCHEDULED:
                changes.append(replace(fu, status=FollowUpStatus.CANCELLED, reason=why))
                continue
            # Deleting a draft the user may have edited needs a sure, trusted, decisive answer.
            decisive = next((a for a in answers if _sure_answer(a) and a.date > fu.due), None)
            if fu.status is FollowUpStatus.DRAFTED and pol.check.withdraw_stale and decisive and not fu.reason:
                said = f"{decisive.sender.email} replied on {decisive.date.astimezone(pol.tz):%a %d %b} ({decisive.kind})"
                changes.append(replace(fu, status=FollowUpStatus.CANCELLED, reason=WITHDRAW + said))
        return changes
    if not pol.check.enabled:
        return [replace(f, status=FollowUpStatus.CANCELLED, reason="status checks are turned off in config")
                for f in checks if f.status is FollowUpStatus.SCHEDULED]
    done = [f for f in checks if f.status in (FollowUpStatus.DRAFTED, FollowUpStatus.DRAFTING,
                                               FollowUpStatus.SKIPPED, FollowUpStatus.FAILED)]
    n = len(done) + 1
    if n > (1 if once else pol.check.max):  # silence means no: one check-in, no more
        return changes
    c = pol.check
    due = _morning(c.grace.after(_at(decision.by, c.at, pol.tz), pol.tz, pol.country, pol.subdivision), c.at, pol.tz)
    if done:
        last = max(f.due for f in done)
        due = max(due, _morning(c.repeat_every.after(last, pol.tz, pol.country, pol.subdivision), c.at, pol.tz))
    thank_you = next((f for f in view.follow_ups if f.kind is FollowUpKind.THANK_YOU and f.interview_id == latest.id
                      and f.thread_id), None)
    person_mail = [m for m in view.mail if trusted_person(m)]
    thread = thank_you.thread_id if thank_you else (person_mail[-1].thread_id if person_mail else "")
    recipients = best_contact(view, latest, is_robot, my_emails)
    key = _key(latest, FollowUpKind.STATUS_CHECK, n)
    fresh = FollowUp(key, latest.id, FollowUpKind.STATUS_CHECK, due, recipients, thread_id=thread, note=note)
    if not recipients:
        fresh = replace(fresh, status=FollowUpStatus.SKIPPED, reason="nobody at the company to write to")
    saved = _upsert(by_key.get(key), fresh, view.watching_since)
    return changes + ([saved] if saved else [])


def _plan_rejection(view: ProcessView, rounds: list[Interview], mail: list[CompanyMail], now: datetime, pol: Policies,
                    is_robot: Callable[[str], bool], my_emails: frozenset[str],
                    by_key: dict[str, FollowUp]) -> list[FollowUp]:
    rejections = [m for m in mail if m.is_reply and m.kind is ReplyKind.REJECTION and _sure_answer(m)]
    if not rejections:
        return []
    first = rejections[0]
    changes: list[FollowUp] = []
    # A thank-you not yet drafted when the no arrived would cross it: the feedback request answers instead.
    for fu in view.follow_ups:
        if fu.kind is FollowUpKind.THANK_YOU and fu.status is FollowUpStatus.SCHEDULED:
            changes.append(replace(fu, status=FollowUpStatus.CANCELLED, reason=REJECTED_FIRST))
    iv = max((r for r in rounds if r.start <= first.date), key=lambda r: r.start, default=rounds[-1])
    sender_ok = first.sender.email.lower() not in my_emails and not is_robot(first.sender.email.lower())
    recipients = (first.sender,) if sender_ok else best_contact(view, iv, is_robot, my_emails)

    def later(kind: FollowUpKind, policy: LaterPolicy) -> FollowUp | None:
        if not policy.enabled:
            return None
        if any(f.kind is kind for f in view.follow_ups if f.key != _key(iv, kind)):
            return None  # once per process, however many rejections arrive
        paused = policy.after.after(first.date, pol.tz, pol.country, pol.subdivision)
        # At the morning hour of the day the pause ends ("next business morning"); a pause
        # shorter than that can end the same day before the hour, and then the pause decides.
        due = max(_morning(paused, policy.at, pol.tz), first.date)
        fresh = FollowUp(_key(iv, kind), iv.id, kind, due, recipients, thread_id=first.thread_id)
        if not recipients:
            fresh = replace(fresh, status=FollowUpStatus.SKIPPED, reason="nobody at the company to write to")
        return _upsert(by_key.get(_key(iv, kind)), fresh, view.watching_since)

    feedback = later(FollowUpKind.FEEDBACK_REQUEST, pol.feedback)
    if feedback:
        changes.append(feedback)
    keep = by_key.get(_key(iv, FollowUpKind.KEEP_IN_TOUCH))
    since = [m for m in mail if m.date > first.date and trusted_person(m) and m.id != first.id]
    if since and keep is not None and keep.status is FollowUpStatus.SCHEDULED:
        changes.append(replace(keep, status=FollowUpStatus.CANCELLED,
                               reason=f"{since[0].sender.email} wrote again on {since[0].date.astimezone(pol.tz):%a %d %b}"))
    elif not since:
        note = later(FollowUpKind.KEEP_IN_TOUCH, pol.keep_in_touch)
        if note:
            changes.append(note)
    return changes
