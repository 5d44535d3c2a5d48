"""The thank-you planner: a pure function, tested with tables."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from interview_bot.config.durations import parse_duration
from interview_bot.model import Cause, FollowUp, FollowUpKind, FollowUpStatus, Interview, InterviewStatus, Person
from interview_bot.planning.plan import ThankYouPolicy, plan_thank_yous

UTC = timezone.utc
LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 12, 1, 9, tzinfo=UTC)
JANE = Person("jane@initech.com", "Jane Roe")
DALE = Person("dale@initech.com", "Dale Simon")


def interview(**changes: object) -> Interview:
    iv = Interview(id="primary/e1", calendar_id="primary", event_id="e1", title="Interview", company="Initech",
                   role="", start=START, end=START + timedelta(hours=1), time_zone="Europe/London",
                   interviewers=(JANE, DALE))
    return replace(iv, **changes)  # type: ignore[arg-type]


def policy(after: str = "2h", per_interviewer: bool = False, enabled: bool = True) -> ThankYouPolicy:
    return ThankYouPolicy(enabled=enabled, after=parse_duration(after), per_interviewer=per_interviewer,
                          country="GB")


def plan(iv: Interview, existing: list[FollowUp], pol: ThankYouPolicy | None = None,
         observed: datetime = START - timedelta(days=1), since: datetime = START - timedelta(days=30)) -> list[FollowUp]:
    return plan_thank_yous(iv, existing, pol or policy(), LONDON, observed, since)


def test_a_new_interview_gets_one_thank_you_to_all_due_after_it_ends() -> None:
    (fu,) = plan(interview(), [])
    assert fu.kind is FollowUpKind.THANK_YOU and fu.status is FollowUpStatus.SCHEDULED
    assert fu.due == START + timedelta(hours=3)
    assert fu.recipients == (JANE, DALE)
    assert plan(interview(), [fu]) == []  # nothing changed: nothing to save


@pytest.mark.parametrize(
    ("after", "due"),
    [
        ("90m", datetime(2026, 12, 1, 11, 30, tzinfo=UTC)),
        ("1d", datetime(2026, 12, 2, 10, tzinfo=UTC)),
        # Friday 10:00 plus one business day is Monday 10:00, London time.
        ("1 business day", datetime(2026, 12, 7, 10, tzinfo=UTC)),
    ],
)
def test_due_time_follows_the_configured_delay(after: str, due: datetime) -> None:
    start = datetime(2026, 12, 4, 9, tzinfo=UTC) if "business" in after else START
    (fu,) = plan(interview(start=start, end=start + timedelta(hours=1)), [], policy(after))
    assert fu.due == due


def test_per_interviewer_makes_one_each_and_follows_changes_in_the_panel() -> None:
    first = plan(interview(), [], policy(per_interviewer=True))
    assert [f.recipients for f in first] == [(JANE,), (DALE,)]
    sam = Person("sam@initech.com", "Sam")
    changes = plan(interview(interviewers=(JANE, sam)), first, policy(per_interviewer=True))
    by_key = {f.key: f for f in changes}
    assert by_key[first[1].key].status is FollowUpStatus.CANCELLED
    assert by_key[first[1].key].cause is Cause.NOT_AN_INTERVIEWER
    assert any(f.recipients == (sam,) and f.status is FollowUpStatus.SCHEDULED for f in changes)


def test_reschedule_moves_a_scheduled_thank_you_but_not_a_drafted_one() -> None:
    (fu,) = plan(interview(), [])
    later = interview(start=START + timedelta(days=2), end=START + timedelta(days=2, hours=1))
    (moved,) = plan(later, [fu])
    assert moved.due == fu.due + timedelta(days=2)
    drafted = replace(fu, status=FollowUpStatus.DRAFTED, draft_id="r1")
    assert plan(later, [drafted]) == []


@pytest.mark.parametrize(("status", "cause"), [(InterviewStatus.CANCELLED, Cause.INTERVIEW_CANCELLED),
                                               (InterviewStatus.DECLINED, Cause.INTERVIEW_DECLINED)])
def test_cancel_or_decline_before_the_end_cancels(status: InterviewStatus, cause: Cause) -> None:
    (fu,) = plan(interview(), [])
    (cancelled,) = plan(interview(status=status), [fu], observed=START + timedelta(minutes=30))
    assert cancelled.status is FollowUpStatus.CANCELLED and cancelled.cause is cause
    # ... and brought back if the interview is on again
    (back,) = plan(interview(), [cancelled])
    assert back.status is FollowUpStatus.SCHEDULED and back.cause is None


def test_cancel_after_the_end_keeps_the_thank_you() -> None:
    (fu,) = plan(interview(), [])
    assert plan(interview(status=InterviewStatus.CANCELLED), [fu], observed=START + timedelta(hours=2)) == []


def test_a_declined_interview_never_seen_before_gets_nothing() -> None:
    assert plan(interview(status=InterviewStatus.DECLINED), []) == []


def test_no_interviewer_is_recorded_as_skipped() -> None:
    (fu,) = plan(interview(interviewers=()), [])
    assert fu.status is FollowUpStatus.SKIPPED and "no interviewer" in fu.reason


def test_due_long_before_the_bot_started_watching_is_skipped() -> None:
    (fu,) = plan(interview(), [], observed=START + timedelta(days=5), since=START + timedelta(days=5))
    assert fu.status is FollowUpStatus.SKIPPED
    # ... but one that fell due while an installed bot was stopped is still drafted
    (late,) = plan(interview(), [], observed=START + timedelta(days=5), since=START - timedelta(days=1))
    assert late.status is FollowUpStatus.SCHEDULED
    (recent,) = plan(interview(), [], observed=START + timedelta(days=1), since=START + timedelta(days=1))
    assert recent.status is FollowUpStatus.SCHEDULED


def test_turned_off_cancels_what_is_scheduled() -> None:
    (fu,) = plan(interview(), [])
    assert plan(interview(), [], policy(enabled=False)) == []
    (off,) = plan(interview(), [fu], policy(enabled=False))
    assert off.status is FollowUpStatus.CANCELLED


def test_the_note_on_who_was_left_out_follows_the_invitation() -> None:
    """Past 15 people only the organizer is written to, with a NOTE saying so; when the invitation shrinks the
    scheduled thank-you goes to everyone again and the NOTE goes with the change (and comes back if it grows)."""
    crowd = tuple(Person(f"p{i}@initech.com", f"Person {i}") for i in range(20))
    big = interview(interviewers=crowd, organizer=crowd[0])
    (fu,) = plan(big, [])
    assert fu.recipients == (crowd[0],) and "20" in fu.note
    (smaller,) = plan(interview(interviewers=crowd[:3], organizer=crowd[0]), [fu])
    assert smaller.recipients == crowd[:3] and smaller.note == ""
    (again,) = plan(big, [smaller])
    assert again.recipients == (crowd[0],) and "20" in again.note
