"""The one planning pass (planning/planner.py): thank-yous and the process's follow-ups from one view.

The calendar step records only what the calendar said and when each status changed; these
tables check that the pass reads that record as the thank-you planner's rules say.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from interview_bot.config.durations import parse_duration
from interview_bot.model import Cause, FollowUp, FollowUpKind, FollowUpStatus, InterviewStatus
from interview_bot.planning.plan import ThankYouPolicy
from interview_bot.planning.planner import plan_view
from interview_bot.planning.process import ProcessPlan, ProcessView
from tests.planning.test_process_rules import IV, JANE, LONDON, ME, local, policies

THANKS = f"{IV.id}#thank_you"
CHECK_1 = f"{IV.id}#status_check#1"
BEFORE_ITS_END = local(1, 10, 30)
POLICY = ThankYouPolicy(enabled=True, after=parse_duration("2h"), per_interviewer=False, country="GB")


def scheduled_thanks() -> FollowUp:
    return FollowUp(THANKS, IV.id, FollowUpKind.THANK_YOU, IV.end + timedelta(hours=2), (JANE,))


def plan(status: InterviewStatus = InterviewStatus.ACTIVE, changed_at: datetime | None = None,
         follow_ups: tuple[FollowUp, ...] = (), now: datetime = BEFORE_ITS_END) -> ProcessPlan:
    iv = replace(IV, status=status)
    view = ProcessView("initech.com", (iv,), (), follow_ups, {}, local(1, 8, 0),
                       {iv.id: changed_at} if changed_at else {})
    return plan_view(view, now, policies(), POLICY, LONDON, lambda e: e.startswith("no-reply@"), frozenset({ME}))


def by_key(p: ProcessPlan) -> dict[str, FollowUp]:
    return {f.key: f for f in p.changes}


def test_a_new_interview_gets_its_thank_you_and_its_check_in_in_one_pass() -> None:
    changes = by_key(plan())
    assert changes[THANKS].status is FollowUpStatus.SCHEDULED and changes[THANKS].due == IV.end + timedelta(hours=2)
    assert changes[CHECK_1].status is FollowUpStatus.SCHEDULED
    assert plan(follow_ups=tuple(changes.values())).changes == []  # planned once: the next pass changes nothing


# (status, when the calendar step saw it change, what becomes of the scheduled thank-you)
CANCELLATIONS = [
    (InterviewStatus.CANCELLED, local(1, 9, 0), Cause.INTERVIEW_CANCELLED),  # before it began
    (InterviewStatus.CANCELLED, local(1, 10, 59), Cause.INTERVIEW_CANCELLED),  # a minute before its end
    (InterviewStatus.DECLINED, local(1, 9, 0), Cause.INTERVIEW_DECLINED),
    (InterviewStatus.CANCELLED, local(1, 11, 0), None),  # at its end: the interview happened, thank them
    (InterviewStatus.CANCELLED, local(2, 9, 0), None),  # tidied away the next day
    (InterviewStatus.CANCELLED, None, None),  # not known when (a file of the previous release): nothing cancelled
]


@pytest.mark.parametrize(("status", "changed_at", "cause"), CANCELLATIONS)
def test_a_cancellation_cancels_the_thank_you_only_when_seen_before_the_end(
        status: InterviewStatus, changed_at: datetime | None, cause: Cause | None) -> None:
    changes = by_key(plan(status, changed_at, (scheduled_thanks(),), now=local(2, 12, 0)))
    if cause is None:
        assert THANKS not in changes
    else:
        assert (changes[THANKS].status, changes[THANKS].cause) == (FollowUpStatus.CANCELLED, cause)


def test_a_drafted_thank_you_stays_whatever_the_calendar_says_later() -> None:
    drafted = replace(scheduled_thanks(), status=FollowUpStatus.DRAFTED, draft_id="d1")
    assert THANKS not in by_key(plan(InterviewStatus.CANCELLED, local(1, 9, 0), (drafted,)))


def test_an_interview_back_on_the_calendar_revives_its_thank_you() -> None:
    cancelled = replace(scheduled_thanks(), status=FollowUpStatus.CANCELLED, cause=Cause.INTERVIEW_CANCELLED)
    revived = by_key(plan(follow_ups=(cancelled,)))[THANKS]
    assert (revived.status, revived.cause) == (FollowUpStatus.SCHEDULED, None)
