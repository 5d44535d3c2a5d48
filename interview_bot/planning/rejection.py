"""After a rejection: the feedback-request and keep-in-touch planners (and the thank-you it crosses)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from interview_bot.model import Cause, CompanyMail, FollowUp, FollowUpKind, FollowUpStatus, Interview
from interview_bot.planning.policy import cancel
from interview_bot.planning.view import (
    LaterPolicy,
    Policies,
    ProcessView,
    best_contact,
    key_for,
    morning,
    said,
    sure_answer,
    trusted_person,
    upsert,
)
from interview_bot.reading.incoming import ReplyKind


def plan_after_rejection(view: ProcessView, rounds: list[Interview], mail: list[CompanyMail], now: datetime, pol: Policies,
                    is_robot: Callable[[str], bool], my_emails: frozenset[str],
                    by_key: dict[str, FollowUp]) -> list[FollowUp]:
    """Once a sure rejection came: the feedback request (once per process), the keep-in-touch note
    (cancelled if they write again), and the thank-you not yet drafted cancelled."""
    rejections = [m for m in mail if m.is_reply and m.kind is ReplyKind.REJECTION and sure_answer(m)]
    if not rejections:  # none, or none any more (a wrong `decide ... rejected` undone): what it planned goes
        return [cancel(f, Cause.NOT_REJECTED) for f in view.follow_ups if f.status is FollowUpStatus.SCHEDULED
                and f.kind in (FollowUpKind.FEEDBACK_REQUEST, FollowUpKind.KEEP_IN_TOUCH)]
    first = rejections[0]
    changes: list[FollowUp] = []
    # A thank-you not yet drafted when the no arrived would cross it: the feedback request answers instead.
    for fu in view.follow_ups:
        if fu.kind is FollowUpKind.THANK_YOU and fu.status is FollowUpStatus.SCHEDULED:
            changes.append(cancel(fu, Cause.REJECTED_FIRST))
    iv = max((r for r in rounds if r.start <= first.date), key=lambda r: r.start, default=rounds[-1])
    sender_ok = first.sender.email.lower() not in my_emails and not is_robot(first.sender.email.lower())
    recipients = (first.sender,) if sender_ok else best_contact(view, iv, is_robot, my_emails)

    def later(kind: FollowUpKind, policy: LaterPolicy) -> FollowUp | None:
        if not policy.enabled:
            return None
        if any(f.kind is kind for f in view.follow_ups if f.key != key_for(iv, kind)):
            return None  # once per process, however many rejections arrive
        paused = policy.after.after(first.date, pol.tz, pol.country, pol.subdivision)
        # At the morning hour of the day the pause ends ("next business morning"); a pause
        # shorter than that can end the same day before the hour, and then the pause decides.
        due = max(morning(paused, policy.at, pol.tz), first.date)
        fresh = FollowUp(key_for(iv, kind), iv.id, kind, due, recipients, thread_id=first.thread_id)
        return upsert(by_key.get(key_for(iv, kind)), fresh, view.watching_since)

    feedback = later(FollowUpKind.FEEDBACK_REQUEST, pol.feedback)
    if feedback:
        changes.append(feedback)
    keep = by_key.get(key_for(iv, FollowUpKind.KEEP_IN_TOUCH))
    since = [m for m in mail if m.date > first.date and trusted_person(m) and m.id != first.id]
    if since and keep is not None and keep.status is FollowUpStatus.SCHEDULED:
        changes.append(cancel(keep, Cause.WROTE_AGAIN, said(since[0], pol.tz)))
    elif not since:
        note = later(FollowUpKind.KEEP_IN_TOUCH, pol.keep_in_touch)
        if note:
            changes.append(note)
    return changes
