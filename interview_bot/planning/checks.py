"""The status-check planner: when to check in, how often, with whom, and when to stop or withdraw."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from interview_bot.model import (
    Cause,
    CompanyMail,
    Decision,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    ReplyKind,
)
from interview_bot.planning.outcome import OUTCOME_RULE
from interview_bot.planning.policy import cancel
from interview_bot.planning.view import (
    Policies,
    ProcessView,
    at,
    best_contact,
    key_for,
    morning,
    said,
    sure_answer,
    trusted_person,
    upsert,
)


def plan_checks(view: ProcessView, latest: Interview, decision: Decision, answers: list[CompanyMail],
                 now: datetime, pol: Policies, is_robot: Callable[[str], bool], my_emails: frozenset[str],
                 by_key: dict[str, FollowUp], note: str = "", once: bool = False) -> list[FollowUp]:
    """The latest round's check-ins: cancelled or withdrawn once the company answered; else the next one due
    (`grace` after the decision date, `repeat_every` after the last, at most `max`, one when silence means no)."""
    checks = sorted((f for f in view.follow_ups if f.kind is FollowUpKind.STATUS_CHECK and f.interview_id == latest.id),
                    key=lambda f: f.key)
    changes: list[FollowUp] = []
    if answers:
        cause, detail = _why_stopped(answers[0], pol.tz)
        for fu in checks:
            if fu.status is FollowUpStatus.SCHEDULED:
                changes.append(cancel(fu, cause, detail))
                continue
            # Deleting a draft the user may have edited needs a sure, trusted, decisive answer.
            decisive = next((a for a in answers if sure_answer(a) and a.date > fu.due), None)
            if fu.status is FollowUpStatus.DRAFTED and pol.check.withdraw_stale and decisive and fu.cause is None:
                why, words = _why_stopped(decisive, pol.tz)
                changes.append(replace(fu, status=FollowUpStatus.WITHDRAWN, cause=why, detail=words))
        return changes
    if not pol.check.enabled:
        return [cancel(f, Cause.TURNED_OFF) for f in checks if f.status is FollowUpStatus.SCHEDULED]
    # A check-in withdrawn for an answer that is gone again (`decide ... waiting` after a wrong outcome) was
    # still written: the next one follows it.
    done = [f for f in checks if f.status in (FollowUpStatus.DRAFTED, FollowUpStatus.DRAFTING, FollowUpStatus.SENT,
                                               FollowUpStatus.SKIPPED, FollowUpStatus.FAILED, FollowUpStatus.WITHDRAWN)]
    n = len(done) + 1
    if n > (1 if once else pol.check.max):  # silence means no: one check-in, no more
        return changes
    c = pol.check
    due = morning(c.grace.after(at(decision.by, c.at, pol.tz), pol.tz, pol.country, pol.subdivision), c.at, pol.tz)
    if done:
        # From when the last one was really drafted (late, after an outage), not from its planned due.
        last = max(max(f.due, view.drafted_at.get(f.key, f.due)) for f in done)
        due = max(due, morning(c.repeat_every.after(last, pol.tz, pol.country, pol.subdivision), c.at, pol.tz))
    thank_you = next((f for f in view.follow_ups if f.kind is FollowUpKind.THANK_YOU and f.interview_id == latest.id
                      and f.thread_id), None)
    person_mail = [m for m in view.mail if trusted_person(m)]
    thread = thank_you.thread_id if thank_you else (person_mail[-1].thread_id if person_mail else "")
    recipients = best_contact(view, latest, is_robot, my_emails)
    check_key = key_for(latest, FollowUpKind.STATUS_CHECK, n)
    fresh = FollowUp(check_key, latest.id, FollowUpKind.STATUS_CHECK, due, recipients, thread_id=thread, note=note)
    saved = upsert(by_key.get(check_key), fresh, view.watching_since)
    return changes + ([saved] if saved else [])


def _why_stopped(answer: CompanyMail, tz: ZoneInfo) -> tuple[Cause, str]:
    """Why an answer stops the check-ins: the user's own word (`decide`), a role closed, or the company's reply."""
    if answer.rule == OUTCOME_RULE:
        return Cause.YOU_SAID, ""
    if answer.kind is ReplyKind.CLOSED:
        return Cause.ROLE_CLOSED, ""
    return Cause.COMPANY_ANSWERED, said(answer, tz, with_kind=True)
