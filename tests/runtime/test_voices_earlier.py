"""Which check-in a status check refers back to (runtime/voices._earlier_check)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from interview_bot.model import FollowUp, FollowUpKind, FollowUpStatus, Person
from interview_bot.runtime.voices import _earlier_check

PRIYA = (Person("priya@initech.com", "Priya"),)


def check(n: int, day: int, status: FollowUpStatus) -> FollowUp:
    return FollowUp(f"primary/e1#status_check#{n}", "primary/e1", FollowUpKind.STATUS_CHECK,
                    datetime(2026, 12, day, 9, tzinfo=UTC), PRIYA, status=status)


@pytest.mark.parametrize(("status", "earlier"), [
    (FollowUpStatus.DRAFTED, date(2026, 12, 7)),
    (FollowUpStatus.SENT, date(2026, 12, 7)),  # the user sent the first: the second still refers to it
    (FollowUpStatus.CANCELLED, None),
])
def test_the_second_check_in_refers_to_the_first_one_written(status: FollowUpStatus, earlier: date | None) -> None:
    first, second = check(1, 7, status), check(2, 14, FollowUpStatus.SCHEDULED)
    assert _earlier_check(second, [first, second], ZoneInfo("Europe/London")) == earlier
