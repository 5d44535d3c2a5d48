"""decide(): planned changes and pending follow-ups as the actions the shell applies and `plan` prints."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from interview_bot.model import Cause, FollowUp, FollowUpKind, FollowUpStatus, Person
from interview_bot.planning.actions import Action, ActionType, decide

NOW = datetime(2026, 12, 9, 12, tzinfo=UTC)
JANE = Person("jane@initech.com")


def fu(key: str, due: datetime, status: FollowUpStatus = FollowUpStatus.SCHEDULED, **changes: object) -> FollowUp:
    made = FollowUp(key, "primary/e1", FollowUpKind.STATUS_CHECK, due, (JANE,), status)
    return replace(made, **changes)  # type: ignore[arg-type]


def thread(f: FollowUp) -> str:
    return f.thread_id or "t-chosen"


def test_records_and_withdrawals_come_first_then_drafts_by_due_time() -> None:
    drafted = fu("a", NOW - timedelta(days=1), FollowUpStatus.DRAFTED, draft_id="r1", thread_id="t1")
    withdrawn = replace(drafted, status=FollowUpStatus.WITHDRAWN, cause=Cause.COMPANY_ANSWERED)
    later, sooner = fu("b", NOW + timedelta(days=2)), fu("c", NOW - timedelta(hours=1), thread_id="t2")
    actions = decide([(drafted, withdrawn), (None, later)], [sooner], thread, NOW)
    assert actions == [
        Action(ActionType.DELETE_DRAFT, withdrawn, NOW, "t1"),
        Action(ActionType.RECORD, later, NOW),
        Action(ActionType.CREATE_DRAFT, sooner, sooner.due, "t2"),
        Action(ActionType.CREATE_DRAFT, later, later.due, "t-chosen"),
    ]
    assert [a.is_due(NOW) for a in actions] == [True, True, True, False]


def test_a_withdrawal_of_what_was_never_drafted_is_only_recorded() -> None:
    scheduled = fu("a", NOW)
    withdrawn = replace(scheduled, status=FollowUpStatus.WITHDRAWN, cause=Cause.COMPANY_ANSWERED)
    assert [a.action for a in decide([(scheduled, withdrawn)], [], thread, NOW)] == [ActionType.RECORD]


def test_a_change_wins_over_the_pending_follow_up_it_changes() -> None:
    pending = fu("a", NOW - timedelta(hours=1))
    cancelled = replace(pending, status=FollowUpStatus.CANCELLED, cause=Cause.COMPANY_ANSWERED)
    assert decide([(pending, cancelled)], [pending], thread, NOW) == [Action(ActionType.RECORD, cancelled, NOW)]
    moved = replace(pending, due=NOW + timedelta(days=1))
    assert [(a.action, a.due) for a in decide([(pending, moved)], [pending], thread, NOW)] == [
        (ActionType.RECORD, NOW), (ActionType.CREATE_DRAFT, moved.due)]


def test_nothing_pending_nothing_to_do() -> None:
    done = [fu("a", NOW, s) for s in (FollowUpStatus.DRAFTED, FollowUpStatus.SENT, FollowUpStatus.SKIPPED)]
    assert decide([], done, thread, NOW) == []
