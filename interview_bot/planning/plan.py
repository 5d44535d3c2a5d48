"""Planning follow-ups: pure functions from an interview and what is already planned to what changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from interview_bot.model import Cause, FollowUp, FollowUpKind, FollowUpStatus, Interview, InterviewStatus, Person
from interview_bot.planning.policy import THANK_YOU_FIELDS, THANK_YOU_REVIVES, cancel, follow_up_key, settle
from interview_bot.planning.recipients import capped


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
    return follow_up_key(interview_id, FollowUpKind.THANK_YOU, recipient.email.lower() if recipient else None)


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
    scheduled = [f for f in mine.values() if f.status is FollowUpStatus.SCHEDULED]

    if iv.status is not InterviewStatus.ACTIVE:
        if observed_at >= iv.end:
            return []
        cause = Cause.INTERVIEW_CANCELLED if iv.status is InterviewStatus.CANCELLED else Cause.INTERVIEW_DECLINED
        return [cancel(fu, cause) for fu in scheduled]

    if not policy.enabled:
        return [cancel(fu, Cause.TURNED_OFF) for fu in scheduled]

    due = policy.after.after(iv.end, tz, policy.country, policy.subdivision)
    desired = _desired(iv, policy)
    note = capped(iv, iv.interviewers)[1]  # who was left out, for the draft's NOTE line
    changes: list[FollowUp] = []
    for key, recipients in desired.items():
        fresh = FollowUp(key, iv.id, FollowUpKind.THANK_YOU, due, recipients, note=note)
        saved = settle(mine.get(key), fresh, watching_since, THANK_YOU_REVIVES, THANK_YOU_FIELDS, policy.too_late)
        if saved is not None:
            changes.append(saved)
    changes += [cancel(fu, Cause.NOT_AN_INTERVIEWER) for fu in scheduled if fu.key not in desired]
    return changes
