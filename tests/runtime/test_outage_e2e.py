"""After a long outage the bot catches up as a person would (issue 23), over the sandbox.

The interview is Tue 1 Dec 09:00 UTC (T0); check-in #1 falls due Wed 9 Dec 09:30, #2 five business
days later. The bot is stopped from T0+3h for 20 days: both fell due while it was stopped.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from interview_bot.model import FollowUpKind, FollowUpStatus

CHECK = FollowUpKind.STATUS_CHECK
DAY = 24.0


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def drafted_checks(report):  # type: ignore[no-untyped-def]
    return [fu for fu, _, _ in report.drafted if fu.kind is CHECK]


def test_a_20_day_outage_gives_one_check_in_at_wake_and_the_next_repeat_every_after_it(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    for draft_id in world.drafts():  # the user sends the thank-you
        world.services.gmail.users().drafts().send(userId="me", body={"id": draft_id}).execute()
    woke = 20 * DAY + 3  # Mon 21 Dec 12:00: the clock jumps 20 days between two `run --once`
    assert len(drafted_checks(world.run(hours=woke))) == 1  # one check-in at wake, not both
    assert drafted_checks(world.run(hours=woke + 0.1)) == []  # not one sync later
    second = max(world.follow_ups(CHECK), key=lambda f: f.key)
    assert second.key.endswith("#2") and second.status is FollowUpStatus.SCHEDULED
    # 5 business days after Mon 21 Dec (25 and 28 Dec are bank holidays): Wed 30 Dec, 09:30
    assert second.due == utc(2026, 12, 30, 9, 30)
    assert drafted_checks(world.run(hours=28 * DAY)) == []  # Tue 29 Dec
    assert len(drafted_checks(world.run(hours=29 * DAY + 1))) == 1  # Wed 30 Dec 10:00


def test_a_thank_you_missed_while_stopped_is_listed_offered_and_made_when_asked(world, capsys) -> None:  # type: ignore[no-untyped-def]
    from interview_bot.cli.commands import main
    from tests.world import at

    world.invite("Interview: Data Analyst - Initech", 0)  # the bot saw it, then was stopped before it ended
    world.run(hours=-24)
    report = world.run(hours=20 * DAY)  # woke 20 days later: the thank-you is not drafted days late
    assert [fu for fu, _, _ in report.drafted if fu.kind is FollowUpKind.THANK_YOU] == []
    (ty,) = world.thank_yous()
    assert ty.status is FollowUpStatus.SKIPPED and ty.reason.startswith("missed while the bot was stopped")
    capsys.readouterr()
    assert main(["--config", str(world.config_path), "status", "--json"]) == 0
    assert f'"key": "{ty.key}"' in capsys.readouterr().out
    assert main(["--config", str(world.config_path), "plan", "--at", at(20 * DAY).isoformat()]) == 0
    assert f"interview-bot make '{ty.key}'" in capsys.readouterr().out
    assert main(["--config", str(world.config_path), "make", ty.key, "--at", at(20 * DAY + 1).isoformat()]) == 0
    report = world.run(hours=20 * DAY + 1)
    assert [fu.key for fu, _, _ in report.drafted] == [ty.key]  # once (the check-in came at wake)
    assert world.thank_yous()[0].status is FollowUpStatus.DRAFTED
    assert main(["--config", str(world.config_path), "make", ty.key]) == 1  # drafted: nothing to make


# -- a deleted draft and a lost or older state file: the one rule, by due date alone ------------------

def _delete_thank_you_then(world, tmp_path, lose: str):  # type: ignore[no-untyped-def]
    """The thank-you is drafted at T0+3h and the user deletes it; then the state is lost or an older copy restored."""
    import shutil
    from pathlib import Path

    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)  # the interview is known, the thank-you scheduled
    world.restart()
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(world.cfg.state, backup)
    (ty,) = [fu for fu, _, _ in world.run(hours=3).drafted]
    for draft_id in world.drafts():
        world.services.gmail.users().drafts().delete(userId="me", id=draft_id).execute()
    world.restart()
    state = Path(world.cfg.state)
    for f in (state, Path(f"{state}-wal"), Path(f"{state}-shm")):
        f.unlink(missing_ok=True)
    if lose == "older copy":
        shutil.copy(backup, state)
    return ty


def test_a_deleted_thank_you_is_not_made_again_after_a_lost_state_more_than_2_days_after_its_due(
        world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ty = _delete_thank_you_then(world, tmp_path, "lost")
    assert world.run(hours=ty.due.timestamp() / 3600 - at0() + 2 * DAY + 0.1).drafted == []
    assert world.drafts() == {}
    (again,) = world.thank_yous()
    assert again.status is FollowUpStatus.SKIPPED


def test_a_deleted_thank_you_is_not_made_again_after_an_older_copy_more_than_2_days_after_its_due(
        world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ty = _delete_thank_you_then(world, tmp_path, "older copy")
    assert world.run(hours=ty.due.timestamp() / 3600 - at0() + 2 * DAY + 0.1).drafted == []
    assert world.drafts() == {}
    (again,) = world.thank_yous()
    assert again.status is FollowUpStatus.SKIPPED and again.cause is not None


@pytest.mark.parametrize("lose", ["lost", "older copy"])
def test_within_2_days_of_its_due_a_deleted_thank_you_comes_back_as_the_readme_says(world, tmp_path, lose) -> None:  # type: ignore[no-untyped-def]
    ty = _delete_thank_you_then(world, tmp_path, lose)
    (back,) = [fu for fu, _, _ in world.run(hours=ty.due.timestamp() / 3600 - at0() + 2 * DAY - 0.1).drafted]
    assert back.key == ty.key  # the state was the only record of the deletion


def at0() -> float:
    from tests.world import at
    return at(0).timestamp() / 3600
