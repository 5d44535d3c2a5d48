"""The daemon tells: a notification per draft it makes, one per dead sign-in however many polls, the digest job."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from interview_bot.clock import SystemClock
from interview_bot.errors import AuthError
from interview_bot.google.retry import TESTING_HINT, Retrier
from interview_bot.runtime.daemon import Daemon
from interview_bot.runtime.engine import Engine
from interview_bot.runtime.notify import Notifier, Telling
from interview_bot.runtime.wiring import build_engine
from tests.notify.conftest import Receiver
from tests.runtime.test_daemon import HANG_GUARD, add_interview, drafts, no_sleep_retrier, run_until, setup  # noqa: F401


def daemon_with(cfg: Any, state: Any, receiver: Receiver, factory: Any = None, digest: time | None = None,
                poll: float = 0.05) -> Daemon:
    factory = factory or (lambda r: build_engine(cfg, SystemClock(), state, retrier=r))
    telling = Telling(Notifier([receiver.url], base_delay=0.01), cfg.tz, cfg.me.email, digest)
    return Daemon(state, factory, timedelta(seconds=poll), retrier=no_sleep_retrier(), heartbeat=0.05,
                  telling=telling, tz=cfg.tz)


def test_the_daemon_notifies_each_draft_it_makes(setup: Any, receiver: Receiver) -> None:  # noqa: F811
    sb, cfg, state = setup()
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    add_interview(sb, 2, datetime.now(UTC) - timedelta(hours=2))
    run_until(daemon_with(cfg, state, receiver), lambda: len(receiver.received) >= 2)
    assert len(drafts(sb)) == 2
    assert sorted(r["title"] for r in receiver.received) == ["Thank-you to Company1 is ready",
                                                             "Thank-you to Company2 is ready"]
    assert all("#drafts?compose=" in r["message"] for r in receiver.received)


def test_a_dead_sign_in_is_said_once_over_many_polls_and_again_after_it_healed_and_died(
        setup: Any, receiver: Receiver) -> None:  # noqa: F811
    _, cfg, state = setup()
    builds = []

    def factory(r: Retrier) -> Engine:
        builds.append(1)
        if len(builds) <= 4 or len(builds) == 6:  # refused for four polls; fine once; refused again
            raise AuthError("Google refused to refresh the sign-in (invalid_grant)", hint=TESTING_HINT)
        return build_engine(cfg, SystemClock(), state, retrier=r)

    daemon = daemon_with(cfg, state, receiver, factory)
    real_sync = daemon.sync

    def sync() -> None:  # after the good sync, drop the engine so the next one is built (and refused)
        real_sync()
        daemon.engine = None

    daemon.sync = sync  # type: ignore[method-assign]
    run_until(daemon, lambda: len(builds) >= 7 and len(receiver.received) >= 2)
    titles = [r["title"] for r in receiver.received]
    assert titles == ["interview-bot cannot reach Google"] * 2  # once per failure, not once per poll
    assert len(builds) >= 7


def test_the_digest_job_sends_one_digest_when_a_draft_waits(setup: Any, receiver: Receiver) -> None:  # noqa: F811
    sb, cfg, state = setup()
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    build_engine(cfg, SystemClock(), state, retrier=no_sleep_retrier()).run_once()  # a draft waits already
    assert len(drafts(sb)) == 1
    # Midnight has always passed today: the job's first look, at start, finds the digest due.
    daemon = daemon_with(cfg, state, receiver, digest=time(0, 0), poll=0.05)
    run_until(daemon, lambda: bool(receiver.received), deadline=HANG_GUARD)
    assert [r["title"] for r in receiver.received] == ["1 draft waiting to be sent"]
    assert "thank-you note to Company1" in receiver.received[0]["message"]


def test_no_digest_job_without_a_digest_time(setup: Any, receiver: Receiver) -> None:  # noqa: F811
    sb, cfg, state = setup()
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    build_engine(cfg, SystemClock(), state, retrier=no_sleep_retrier()).run_once()  # a draft waits, as above
    daemon = daemon_with(cfg, state, receiver)
    run_until(daemon, lambda: False, deadline=0.3)
    assert not [r for r in receiver.received if "waiting to be sent" in r["title"]]


def test_a_digest_with_nowhere_to_send_is_never_worked_out(setup: Any) -> None:  # noqa: F811
    from interview_bot.runtime.notify import telling_from_config

    _, cfg, _state = setup()
    asked = cfg.model_copy(update={"notify": cfg.notify.model_copy(update={"digest": "18:00", "urls": []})})
    assert telling_from_config(asked).digest_at is None
    sent = cfg.model_copy(update={"notify": cfg.notify.model_copy(update={"digest": "18:00", "urls": ["json://x"]})})
    assert telling_from_config(sent).digest_at is not None
