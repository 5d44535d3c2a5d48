"""Exactly once across machines (issue 23): two bots for one account, each with its own state and lock folder.

Two machines share nothing but Google, so each bot here has its own state file and its own
account-lock folder (INTERVIEW_BOT_LOCK_DIR, as two machines have), over one sandbox. The
first test lets them take turns; the second makes them race: bot B makes its whole draft
while bot A is between its look in Gmail and its create, so both looks found nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from interview_bot.runtime.lock import LOCK_DIR_ENV
from tests.runtime.test_exactly_once_e2e import four_interviews, keys
from tests.world import World


class Machine:
    """One bot: its world (own state file and config) and its own lock folder."""

    def __init__(self, world: World, locks: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.world = world
        self.locks = locks
        self.monkeypatch = monkeypatch
        locks.mkdir(mode=0o700)

    @contextmanager
    def on(self) -> Iterator[None]:
        """Run as this machine: its lock folder is the one the account lock is taken in."""
        self.monkeypatch.setenv(LOCK_DIR_ENV, str(self.locks))
        yield

    def run(self, hours: float) -> Any:
        with self.on():
            return self.world.run(hours)


@pytest.fixture
def machines(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Machine, Machine]]:
    (tmp_path / "b").mkdir()
    other = World(world.sandbox, world.clock, tmp_path / "b")
    a = Machine(world, tmp_path / "locks-a", monkeypatch)
    b = Machine(other, tmp_path / "locks-b", monkeypatch)
    yield a, b
    other.restart()


def test_two_machines_taking_turns_draft_each_follow_up_once(machines: tuple[Machine, Machine]) -> None:
    a, b = machines
    four_interviews(a.world)
    a.run(-1)
    b.run(-1)  # both watching from before anything fell due
    assert len(a.run(4).drafted) == 4
    report = b.run(4.1)
    assert report.drafted == [] and len(report.found) == 4  # it looked in Gmail just before each
    assert len(a.world.drafts()) == 4 and len(set(keys(a.world))) == 4


def test_two_machines_racing_keep_one_draft_the_same_way(machines: tuple[Machine, Machine]) -> None:
    a, b = machines
    a.world.invite("Interview: Data Analyst - Initech", 0)
    a.run(-1)
    b.run(-1)
    engine_a = a.world.engine()
    real_create: Callable[..., Any] = engine_a.gmail.create_draft
    raced: list[Any] = []

    def create_after_b(raw: bytes, thread_id: str = "") -> tuple[str, str, str]:
        if not raced:  # B drafts it now, between A's look in Gmail and A's create
            with b.on():
                raced.append(b.world.run(3.5))
            a.monkeypatch.setenv(LOCK_DIR_ENV, str(a.locks))
        return real_create(raw, thread_id)  # type: ignore[no-any-return]

    engine_a.gmail.create_draft = create_after_b  # type: ignore[method-assign]
    a.world.clock.set(a.world.clock.now().replace(hour=12, minute=30))
    with a.on():
        engine_a.run_once()
    assert raced and len(raced[0].drafted) == 1  # B found nothing and made one; then A made one too
    (kept,) = a.world.drafts().values()  # A saw both just after, kept one and deleted the other
    assert engine_a.guard.doubles_removed == 1
    # Both agree which: the lowest message id. B's next look finds the same one; nothing is redrafted.
    report = b.run(4)
    assert report.drafted == [] and len(a.world.drafts()) == 1
    assert {fu.status.value for fu in a.world.thank_yous()} == {"drafted"}
    (left,) = a.world.drafts().values()
    assert left["X-Interview-Bot-Key"] == kept["X-Interview-Bot-Key"]


def test_the_look_up_by_key_stays_short_whatever_the_invitation_holds(world: World) -> None:
    from interview_bot.google.gmail import MAX_QUERY_CHARS, MAX_QUERY_TERMS, bot_mail_query

    people = [f"person{n}@bigco{n % 7}.example" for n in range(10_000)]
    query = bot_mail_query(people + [f"bigco{n}.example" for n in range(7)], None,
                           "<ib-0123456789abcdef01234567@interview-bot.invalid>")
    assert len(query) <= MAX_QUERY_CHARS and query.count(":") <= MAX_QUERY_TERMS + 2
    assert "rfc822msgid:ib-0123456789abcdef01234567@interview-bot.invalid" in query
