"""`interview-bot run` against the sandbox: timing, faults, restarts, signals and the lock.

In-process tests run the Daemon in the test's thread (SQLite stays in one thread) and stop it
from a watcher thread once the sandbox holds the drafts expected, or at a deadline. Subprocess
tests run the real command and poll the sandbox and the state file with a deadline.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from interview_bot.clock import FixedClock, SystemClock
from interview_bot.config.load import load_config
from interview_bot.config.model import Config
from interview_bot.errors import AuthError
from interview_bot.google.retry import Retrier
from interview_bot.model import FollowUpStatus
from interview_bot.runtime.daemon import Daemon
from interview_bot.runtime.engine import Engine
from interview_bot.runtime.state import State
from interview_bot.runtime.wiring import build_engine
from interview_bot.sandbox.server import Sandbox

ME = "me@example.com"


# -- helpers --------------------------------------------------------------------------------------


def rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def add_interview(sb: Sandbox, n: int, end: datetime) -> None:
    """An interview with company n that ends at `end`, seeded as an invitation from outside."""
    company = f"company{n}.com"
    sb.calendar.add_event({
        "summary": f"Interview: Engineer - Company{n}",
        "start": {"dateTime": rfc3339(end - timedelta(hours=1))},
        "end": {"dateTime": rfc3339(end)},
        "organizer": {"email": f"ann@{company}", "displayName": f"Ann {n}"},
        "attendees": [
            {"email": f"ann@{company}", "displayName": f"Ann {n}", "organizer": True, "responseStatus": "accepted"},
            {"email": ME, "responseStatus": "accepted"},
        ],
        "iCalUID": f"iv-{n}@test.invalid",
    })


def write_config(tmp: Path, url: str, after: str = "1m") -> Path:
    path = tmp / "config.yaml"
    path.write_text(
        f"me:\n  name: Alex Morgan\n  email: {ME}\ntimezone: UTC\n"
        f"google:\n  endpoint: {url}\nstate: {tmp / 'state.sqlite3'}\npoll_every: 30s\n"
        f"follow_ups:\n  thank_you:\n    after: {after}\n"
        # These tests are about when and how often drafts are made; thank-yous are enough.
        "  status_check:\n    enabled: false\n",
        encoding="utf-8",
    )
    return path


def drafts(sb: Sandbox) -> list[tuple[str, str, str]]:
    """(To, Subject, bot key) of every draft in the sandbox, sorted."""
    return sorted((str(m["To"]), str(m["Subject"]), str(m["X-Interview-Bot-Key"]))
                  for m in sb.gmail.draft_messages().values())


def no_sleep_retrier() -> Retrier:
    return Retrier(attempts=5, sleep=lambda _: None)


# A guard against a hang, never a target: how fast the daemon acts and stops is measured in benchmarks/
# (run.py: the draft's latency after its due time; stop.py: seconds from SIGTERM to exit).
HANG_GUARD = 60.0


def run_until(daemon: Daemon, done: Callable[[], bool], deadline: float = HANG_GUARD) -> float:
    """Run the daemon in this thread until done() holds (checked from a watcher) or the deadline; seconds taken."""
    start = time.monotonic()

    def watch() -> None:
        while not done() and time.monotonic() - start < deadline:
            time.sleep(0.01)
        daemon.stop()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    daemon.run()
    watcher.join()
    return time.monotonic() - start


def make_daemon(cfg: Config, state: State, poll: float = 0.2, retrier: Retrier | None = None,
                factory: Callable[[Retrier], Engine] | None = None) -> Daemon:
    factory = factory or (lambda r: build_engine(cfg, SystemClock(), state, retrier=r))
    return Daemon(state, factory, timedelta(seconds=poll), retrier=retrier or no_sleep_retrier(), heartbeat=0.05)


@pytest.fixture
def setup(tmp_path: Path, make_sandbox: Callable[..., Sandbox]) -> Callable[..., tuple[Sandbox, Config, State]]:
    """(sandbox, config, open state) for a sandbox made with the given keyword arguments."""
    opened: list[State] = []

    def make(**kwargs: Any) -> tuple[Sandbox, Config, State]:
        sb = make_sandbox(email=ME, **kwargs)
        cfg = load_config(write_config(tmp_path, sb.url))
        state = State.open(Path(cfg.state))
        opened.append(state)
        return sb, cfg, state

    yield make  # type: ignore[misc]
    for state in opened:
        state.close()


# -- timing ---------------------------------------------------------------------------------------


def test_a_draft_appears_when_due_not_at_the_next_poll(setup: Any) -> None:
    sb, cfg, state = setup()
    due = datetime.now(UTC) + timedelta(seconds=1)
    add_interview(sb, 1, due - timedelta(minutes=1))  # thank-you due 1 minute after the end
    appeared: list[float] = []

    def done() -> bool:
        if drafts(sb) and not appeared:
            appeared.append(time.time())
        return bool(appeared)

    run_until(make_daemon(cfg, state, poll=30), done, deadline=25)  # a guard below the next poll
    assert len(drafts(sb)) == 1  # how soon after its due time: benchmarks/run.py measures it
    lists = [r for r in sb.requests() if r["path"].endswith("/events")]
    assert len(lists) == 1  # no second poll happened: the date job did it


def test_a_follow_up_that_fell_due_while_stopped_is_drafted_once_at_start(setup: Any) -> None:
    sb, cfg, state = setup()
    now = datetime.now(UTC)
    add_interview(sb, 1, now - timedelta(minutes=30))
    # The bot last ran before the interview ended, then was down while the thank-you fell due.
    build_engine(cfg, FixedClock(now - timedelta(hours=2)), state).sync()
    (fu,) = state.follow_ups()
    assert fu.status is FollowUpStatus.SCHEDULED and fu.due < now

    def done() -> bool:  # the draft, and a few more syncs to show it is not made again
        return bool(drafts(sb)) and sum(r["path"].endswith("/events") for r in sb.requests()) >= 4

    run_until(make_daemon(cfg, state, poll=0.1), done)
    assert len(drafts(sb)) == 1
    assert state.follow_up(fu.key).status is FollowUpStatus.DRAFTED  # type: ignore[union-attr]


# -- faults ---------------------------------------------------------------------------------------


def seed_many(sb: Sandbox, now: datetime, n: int = 6) -> None:
    for i in range(n):
        add_interview(sb, i, now - timedelta(minutes=5 + i))
    add_interview(sb, n, now - timedelta(seconds=59))  # due in about a second


def test_faults_produce_the_same_drafts_as_a_clean_run(setup: Any, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    clean, cfg, state = setup()
    seed_many(clean, now)
    run_until(make_daemon(cfg, state), lambda: len(drafts(clean)) == 7)
    state.close()
    for f in tmp_path.glob("state.sqlite3*"):
        f.unlink()

    faulty, cfg, state = setup(fail_rate=0.4, seed=11)
    seed_many(faulty, now)
    run_until(make_daemon(cfg, state), lambda: len(drafts(faulty)) >= 7 and not any(
        r["status"] != 200 for r in faulty.requests()[-3:]), deadline=15)

    # The same drafts (event ids differ between sandboxes, so the keys do too), none twice.
    assert [d[:2] for d in drafts(faulty)] == [d[:2] for d in drafts(clean)]
    assert len(drafts(clean)) == 7 and len({d[2] for d in drafts(faulty)}) == 7
    assert {r["status"] for r in faulty.requests()} >= {429, 503}  # faults did happen
    assert {fu.status for fu in state.follow_ups()} == {FollowUpStatus.DRAFTED}


def test_a_sync_token_answered_with_410_resyncs_without_duplicates(setup: Any) -> None:
    sb, cfg, state = setup()
    now = datetime.now(UTC)
    add_interview(sb, 1, now - timedelta(hours=1))
    add_interview(sb, 2, now + timedelta(days=1))
    engine = build_engine(cfg, SystemClock(), state, retrier=no_sleep_retrier())
    engine.run_once()
    before = (state.follow_ups(), drafts(sb))
    token = state.positions.calendar_token("primary")
    assert token and len(before[1]) == 1

    sb.calendar.expire_sync_tokens()
    sb.clear_requests()
    report = engine.run_once()

    statuses = [r["status"] for r in sb.requests() if r["path"].endswith("/events")]
    assert statuses[0] == 410 and statuses[-1] == 200  # the stale token, then the full listing
    assert report.events_seen == 2 and not report.drafted and not report.interviews_changed
    assert (state.follow_ups(), drafts(sb)) == before
    assert state.positions.calendar_token("primary")


def test_an_unexpected_error_in_a_job_does_not_stop_the_daemon(setup: Any, monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    sb, cfg, state = setup()
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    real_sync = Engine.sync
    calls = []

    def flaky_sync(self: Engine, report: Any = None, **how: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("an event nobody foresaw")
        return real_sync(self, report, **how)

    monkeypatch.setattr(Engine, "sync", flaky_sync)
    run_until(make_daemon(cfg, state, poll=0.1), lambda: bool(drafts(sb)))
    assert len(drafts(sb)) == 1
    assert "sync failed unexpectedly" in caplog.text


def test_a_refused_sign_in_is_reported_with_its_fix_and_the_daemon_carries_on(
        setup: Any, caplog: pytest.LogCaptureFixture) -> None:
    sb, cfg, state = setup()
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    builds = []

    def factory(r: Retrier) -> Engine:
        builds.append(1)
        if len(builds) <= 3:  # as if the token were revoked until the user runs `interview-bot auth`
            from interview_bot.google.retry import TESTING_HINT
            raise AuthError("Google refused to refresh the sign-in (invalid_grant)", hint=TESTING_HINT)
        return build_engine(cfg, SystemClock(), state, retrier=r)

    caplog.set_level(logging.INFO, logger="interview_bot")
    run_until(make_daemon(cfg, state, poll=0.05, factory=factory), lambda: bool(drafts(sb)))
    assert len(drafts(sb)) == 1 and len(builds) == 4  # the token file is read again at each sync
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1  # said once in full, then only reminded
    assert "invalid_grant" in errors[0].getMessage() and "interview-bot auth" in errors[0].getMessage()
    assert "In production" in errors[0].getMessage()
    assert "accepts the sign-in again" in caplog.text


def test_stop_cuts_a_long_backoff_short(setup: Any) -> None:
    sb, cfg, state = setup(fail_rate=1.0)
    daemon = make_daemon(cfg, state, retrier=None)
    daemon.retrier = Retrier(attempts=5, base_delay=20, max_delay=20, sleep=daemon.sleep)
    run_until(daemon, lambda: len(sb.requests()) >= 1)
    # The stop came during the first 20 s pause: it ended the pause, and no attempt followed it.
    assert len(sb.requests()) == 1


def test_a_second_instance_refuses_to_start(setup: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from interview_bot.cli.commands import main

    setup()  # this test's State holds the lock, like a running daemon
    assert main(["--config", str(tmp_path / "config.yaml"), "run"]) == 1
    err = capsys.readouterr().err
    assert "another interview-bot" in err and str(os.getpid()) in err and "hint:" in err


# -- the real command, killed and stopped ---------------------------------------------------------


def start_bot(config: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "interview_bot", "--config", str(config), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(cond: Callable[[], bool], deadline: float, what: str) -> None:
    end = time.monotonic() + deadline
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def statuses(state_path: Path) -> list[FollowUpStatus]:
    copy = State.in_memory_copy(state_path)
    try:
        return [fu.status for fu in copy.follow_ups()]
    finally:
        copy.close()


def stop_bot(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> tuple[int, float, str]:
    """Signal the bot and wait for it to exit: (exit code, seconds taken, its stderr). The seconds are for
    messages only: how soon it stops is measured in benchmarks/stop.py, never asserted here."""
    start = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=HANG_GUARD)
    return proc.returncode, time.monotonic() - start, err.decode()


def stop_counting(proc: subprocess.Popen[bytes], sb: Sandbox, sig: int = signal.SIGTERM) -> tuple[int, str, int]:
    """stop_bot, and how many requests the sandbox logged after the signal: (exit code, stderr, requests).
    A request in flight when the signal came is logged when answered, so one may be from before."""
    before = len(sb.requests())
    code, _, err = stop_bot(proc, sig)
    return code, err, len(sb.requests()) - before


@pytest.mark.slow
def test_kill_9_between_creating_a_draft_and_recording_it_then_restart(
        make_sandbox: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = make_sandbox(email=ME)
    now = datetime.now(UTC)
    for i in range(4):
        add_interview(sb, i, now - timedelta(hours=1, minutes=i))
    config = write_config(tmp_path, sb.url)
    state_path = tmp_path / "state.sqlite3"

    # Hold Gmail's answer to the first draft: the draft exists, the bot has not heard so.
    created, release = threading.Event(), threading.Event()
    handle = sb.handle

    def holding(verb: str, path: str, body: bytes) -> Any:
        answer = handle(verb, path, body)
        if verb == "POST" and path.split("?")[0].endswith("/drafts") and not created.is_set():
            created.set()
            release.wait(10)
        return answer

    sb.handle = holding  # type: ignore[method-assign]
    proc = start_bot(config)
    try:
        if not created.wait(HANG_GUARD):
            proc.kill()
            raise AssertionError("the bot never made a draft: " + proc.communicate()[1].decode())
        proc.kill()  # kill -9
        proc.wait(HANG_GUARD)
    finally:
        release.set()
    assert len(drafts(sb)) == 1
    assert FollowUpStatus.DRAFTING in statuses(state_path)  # consistent: marked, not yet recorded

    proc = start_bot(config)
    try:
        wait_for(lambda: set(statuses(state_path)) == {FollowUpStatus.DRAFTED}, HANG_GUARD, "every follow-up drafted")
    finally:
        code, err, after = stop_counting(proc, sb)
    assert code == 0 and "stopped (SIGTERM)" in err and after <= 1, err
    found = drafts(sb)
    assert len(found) == 4 and len({key for _, _, key in found}) == 4  # none lost, none doubled
    assert "Gmail already has its draft" in err


@pytest.mark.slow
def test_sigterm_during_a_retry_backoff_exits_0_promptly(make_sandbox: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = make_sandbox(email=ME, fail_rate=1.0)  # every call fails: the bot sits in backoff
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    proc = start_bot(write_config(tmp_path, sb.url))
    wait_for(lambda: len(sb.requests()) >= 1, HANG_GUARD, "the first request")
    code, err, after = stop_counting(proc, sb)
    assert code == 0, err
    assert after <= 1, err  # the backoff is cut short: no attempt after the signal
    assert "stopped (SIGTERM)" in err and "Traceback" not in err
    assert statuses(tmp_path / "state.sqlite3") == []  # nothing half-written


@pytest.mark.slow
def test_ctrl_c_when_idle_exits_0(make_sandbox: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = make_sandbox(email=ME)
    proc = start_bot(write_config(tmp_path, sb.url))
    wait_for(lambda: any(r["path"].endswith("/events") for r in sb.requests()), HANG_GUARD, "the first sync")
    code, err, after = stop_counting(proc, sb, signal.SIGINT)
    assert code == 0 and "stopped (SIGINT)" in err and after <= 1, err
