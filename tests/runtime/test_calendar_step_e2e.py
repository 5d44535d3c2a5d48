"""The calendar step records what the calendar says; the planning pass alone plans (issue 19)."""

from __future__ import annotations

from interview_bot.model import Cause, FollowUpStatus, InterviewStatus
from interview_bot.runtime.report import RunReport
from tests.world import at


def test_the_calendar_step_records_and_the_planning_pass_plans_the_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    event_id = world.invite("Interview: Data Analyst - Initech", 2)
    world.clock.set(at(1))
    engine = world.engine()
    engine.calendars.sync(world.clock.now(), RunReport())
    (iv,) = world.state.interviews()
    assert world.state.follow_ups() == []  # recorded, not planned
    assert set(world.state.changed_at()) == {iv.id}

    engine.plan_processes(RunReport())
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.SCHEDULED

    world.delete(event_id)  # cancelled before the interview: seen now, an hour before it starts
    engine.calendars.sync(world.clock.now(), RunReport())
    (iv,) = world.state.interviews()
    assert iv.status is InterviewStatus.CANCELLED and world.state.changed_at()[iv.id] <= at(1)
    assert world.thank_yous()[0].status is FollowUpStatus.SCHEDULED  # the calendar step plans nothing
    engine.plan_processes(RunReport())
    (fu,) = world.thank_yous()
    assert (fu.status, fu.cause) == (FollowUpStatus.CANCELLED, Cause.INTERVIEW_CANCELLED)
