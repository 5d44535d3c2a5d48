"""Planning follow-ups: pure functions from an interview and what is already planned to what changes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from interview_bot.model import FollowUp, FollowUpKind, FollowUpStatus, Interview, InterviewStatus, Person
from interview_bot.planning.recipients import capped

# Reasons the planner writes; a follow-up it cancelled may be brought back by it.
CANCELLED_INTERVIEW = "the interview was cancelled before it ended"
DECLINED_INTERVIEW = "you declined the interview"
NOT_AN_INTERVIEWER = "no longer among the interviewers"
DISABLED = "thank-you notes are turned off in config"
_PLANNER_REASONS = {CANCELLED_INTERVIEW, DECLINED_INTERVIEW, NOT_AN_INTERVIEWER, DISABLED}


class Offset(Protocol):
    def after(self, start: datetime, tz: ZoneInfo, country: str | None = None,
              subdivision: str | None = None) -> datetime: ...


@dataclass(frozen=True)
class ThankYouPolicy:
    """When and to whom thank-you notes go (from config follow_ups.thank_you)."""

    enabled: bool
    after: Offset
    per_interviewer: bool
    # A thank-you that fell due this long before the bot started watching is skipped, not
    # drafted: an interview long over at installation is not news to thank anyone for.
    too_late: timedelta = timedelta(days=3)
    country: str | None = None
    subdivision: str | None = None


def thank_you_key(interview_id: str, recipient: Person | None) -> str:
    """The follow-up's stable key: one per interview, or one per interviewer."""
    base = f"{interview_id}#{FollowUpKind.THANK_YOU.value}"
    return f"{base}#{recipient.email.lower()}" if recipient else base


def _desired(iv: Interview, policy: ThankYouPolicy) -> dict[str, tuple[Person, ...]]:
    people, crowd = capped(iv, iv.interviewers)
    if policy.per_interviewer and not crowd:  # past MAX_RECIPIENTS: one note, to the organizer
        return {thank_you_key(iv.id, p): (p,) for p in people}
    return {thank_you_key(iv.id, None): people}


def plan_thank_yous(
    iv: Interview,
    existing: list[FollowUp],
    policy: ThankYouPolicy,
    tz: ZoneInfo,
    observed_at: datetime,
    watching_since: datetime | None = None,
) -> list[FollowUp]:
    """The thank-you follow-ups to save for this interview: new ones and changed ones.

    observed_at is when the change was made (the event's `updated`, else now): a cancellation or
    decline before the interview ended cancels the thank-you; one after it does not.
    """
    mine = {f.key: f for f in existing if f.kind is FollowUpKind.THANK_YOU}
    changes: list[FollowUp] = []

    if iv.status is not InterviewStatus.ACTIVE:
        if observed_at < iv.end:
            reason = CANCELLED_INTERVIEW if iv.status is InterviewStatus.CANCELLED else DECLINED_INTERVIEW
            for fu in mine.values():
                if fu.status is FollowUpStatus.SCHEDULED:
                    changes.append(replace(fu, status=FollowUpStatus.CANCELLED, reason=reason))
        return changes

    if not policy.enabled:
        return [replace(f, status=FollowUpStatus.CANCELLED, reason=DISABLED)
                for f in mine.values() if f.status is FollowUpStatus.SCHEDULED]

    due = policy.after.after(iv.end, tz, policy.country, policy.subdivision)
    desired = _desired(iv, policy)
    note = capped(iv, iv.interviewers)[1]  # who was left out, for the draft's NOTE line
    for key, recipients in desired.items():
        known = mine.get(key)
        if known is None:
            if not recipients:
                changes.append(FollowUp(key, iv.id, FollowUpKind.THANK_YOU, due, (), FollowUpStatus.SKIPPED,
                                        reason="no interviewer to write to (only rooms, lists or you)"))
            elif watching_since is not None and watching_since - due > policy.too_late:
                changes.append(FollowUp(key, iv.id, FollowUpKind.THANK_YOU, due, recipients, FollowUpStatus.SKIPPED,
                                        reason="the interview was over before the bot saw it"))
            else:
                changes.append(FollowUp(key, iv.id, FollowUpKind.THANK_YOU, due, recipients, note=note))
            continue
        fu = known
        revived = fu.status is FollowUpStatus.CANCELLED and fu.reason in _PLANNER_REASONS
        if fu.status is FollowUpStatus.SCHEDULED or revived:
            updated = replace(fu, due=due, recipients=recipients, status=FollowUpStatus.SCHEDULED,
                              reason="" if revived else fu.reason, note=note)
            if updated != fu:
                changes.append(updated)
    for key, fu in mine.items():
        if key not in desired and fu.status is FollowUpStatus.SCHEDULED:
            changes.append(replace(fu, status=FollowUpStatus.CANCELLED, reason=NOT_AN_INTERVIEWER))
    return changes
