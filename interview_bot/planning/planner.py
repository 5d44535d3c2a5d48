"""The one planning pass: from a process's view to every follow-up change it calls for.

Thank-yous (planning/plan.py, one per interview or interviewer) and the process's own
follow-ups (planning/process.py: status checks, feedback request, keep-in-touch) are planned
together over the same view, so what the calendar step recorded and what the mail said are
read in one pure function, and `plan` prints what `run` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from interview_bot.model import FollowUp, InterviewStatus
from interview_bot.planning.plan import ThankYouPolicy, plan_thank_yous
from interview_bot.planning.process import Policies, ProcessPlan, ProcessView, plan_process


def thank_you_changes(view: ProcessView, policy: ThankYouPolicy, tz: ZoneInfo) -> list[FollowUp]:
    """The thank-you changes of each round of the process, each judged by when its status changed."""
    changes: list[FollowUp] = []
    for iv in view.interviews:
        existing = [f for f in view.follow_ups if f.interview_id == iv.id]
        # Not known when a cancellation was seen (a file of the previous release, which planned on
        # it at the time): as after the end, so it cancels nothing now.
        observed = view.changed_at.get(iv.id) if iv.status is not InterviewStatus.ACTIVE else None
        changes += plan_thank_yous(iv, existing, policy, tz, observed or iv.end, view.watching_since)
    return changes


def plan_view(view: ProcessView, now: datetime, policies: Policies, thank_you: ThankYouPolicy, tz: ZoneInfo,
              is_robot: Callable[[str], bool], my_emails: frozenset[str]) -> ProcessPlan:
    """Everything to save for this process now: its thank-yous, then its status checks and later notes."""
    plan = plan_process(view, now, policies, is_robot, my_emails)
    return replace(plan, changes=thank_you_changes(view, thank_you, tz) + plan.changes)


__all__ = ["plan_view", "thank_you_changes"]
