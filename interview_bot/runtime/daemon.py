"""`interview-bot run`: the long-running daemon on APScheduler.

The state file is the one source of truth. One interval job syncs the calendars every
`poll_every`; after each sync, one date job per pending follow-up is derived from the state
file, so a draft appears seconds after it is due rather than at the next poll, and one that
fell due while the bot was down is drafted at start (misfire_grace_time=None: APScheduler's
default of one second would silently drop it).

Jobs run one at a time in the main thread (DebugExecutor): SQLite and the Google clients are
not shared across threads, and a signal handler can then know whether work is in progress.

Stopping (SIGTERM, Ctrl-C) never interrupts a write: the handler only raises a flag. The
scheduler's idle wait looks at it every HEARTBEAT_SECONDS; a retry's backoff sleep within 0.1 s;
the retrier before every request (each page, each message), and the readers between the events
and messages they apply; each then unwinds (Stopping). A step in progress (one HTTP call, one
transaction) finishes first, or, for a reader's transaction, rolls back whole. Whatever was in
flight is recorded in the state file (a follow-up marked "drafting" is looked for in Gmail
before it is made again), so the next start carries on without doubles.

Nothing here ever starts an interactive sign-in: a refused token is logged with its fix, the
daemon keeps running, and it loads the token file again at each sync until it works.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from interview_bot.clock import Clock, SystemClock
from interview_bot.errors import AuthError, BotError, StateError
from interview_bot.google.retry import Retrier, Stopping
from interview_bot.model import FollowUp
from interview_bot.planning.actions import PENDING
from interview_bot.runtime.apply import about
from interview_bot.runtime.lock import InstanceRunning
from interview_bot.runtime.report import RunReport
from interview_bot.runtime.statefile import CorruptState, StateGone
from interview_bot.writing.notices import day_time, every

if TYPE_CHECKING:
    from interview_bot.config.model import Config
    from interview_bot.runtime.engine import Engine
    from interview_bot.runtime.notify import Telling
    from interview_bot.runtime.state import State

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 0.5  # how soon an idle daemon notices a stop request
SLEEP_SLICE = 0.1  # how soon a retry's backoff notices one


EngineFactory = Callable[[Retrier], "Engine"]


def _scheduler(should_stop: Callable[[], bool], heartbeat: float) -> Any:
    """A BlockingScheduler that stops between job batches, never inside one.

    APScheduler 3 flips to STOPPED at once when shutdown() is called; called from a job (the
    DebugExecutor runs jobs inside the scheduler's loop), the loop then fails to retire the date
    job that just ran (JobLookupError). So the loop itself checks should_stop() between batches,
    waking at least every `heartbeat` seconds, since a signal handler cannot safely wake it.
    The loop is APScheduler 3.11's BlockingScheduler._main_loop with that check added.
    """
    from apscheduler.executors.debug import DebugExecutor
    from apscheduler.schedulers.base import STATE_STOPPED
    from apscheduler.schedulers.blocking import BlockingScheduler

    class Scheduler(BlockingScheduler):  # type: ignore[misc]
        def _main_loop(self) -> None:
            wait_seconds: float | None = 0.0
            while self.state != STATE_STOPPED:
                self._event.wait(heartbeat if wait_seconds is None else min(wait_seconds, heartbeat))
                self._event.clear()
                if should_stop():
                    self.shutdown(wait=False)
                    break
                wait_seconds = self._process_jobs()

    return Scheduler(
        timezone=UTC,
        executors={"default": DebugExecutor()},
        # A follow-up that fell due while the bot was down runs once at start, however late.
        job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
    )


class Daemon:
    """A scheduler whose follow-up jobs are derived from the state file."""

    def __init__(self, state: State, build_engine: EngineFactory, poll_every: timedelta,
                 retrier: Retrier | None = None, heartbeat: float = HEARTBEAT_SECONDS,
                 telling: Telling | None = None, tz: ZoneInfo | None = None, clock: Clock | None = None) -> None:
        self.state = state
        self.clock = clock or SystemClock()  # the engine's: when jobs run is read from it, never ad hoc
        self.telling = telling  # notifications (issue 22): new drafts, a dead sign-in, the digest
        self.tz = tz or ZoneInfo("UTC")
        self._build_engine = build_engine
        self.engine: Engine | None = None
        self.poll_every = poll_every
        self.heartbeat = heartbeat
        self.retrier = retrier or Retrier(sleep=self.sleep)
        self.retrier.should_stop = lambda: self.stop_requested  # no request starts after SIGTERM
        self.stop_requested = False
        self._signal = ""
        self._auth_problem = ""  # the last sign-in error logged, so repeats are not shouted each poll
        self._scheduled: dict[str, datetime] = {}  # follow-up key -> due, as last logged
        self.fatal: StateError | None = None  # what made it stop by itself (another bot, the state file gone)
        self.scheduler = _scheduler(lambda: self.stop_requested, heartbeat)

    # -- lifecycle ------------------------------------------------------------------------------

    def run(self) -> None:
        """Sync now and every poll_every, drafting follow-ups as they fall due, until stop()."""
        now = self.clock.now()
        self.scheduler.add_job(self._guarded, "interval", args=["sync", self.sync], id="sync",
                               seconds=self.poll_every.total_seconds(), next_run_time=now)
        if self.telling is not None and self.telling.digest_at is not None:
            at = self.telling.digest_at  # daily, and once at start in case today's time has passed
            self.scheduler.add_job(self._guarded, "cron", args=["digest", self.digest], id="digest",
                                   hour=at.hour, minute=at.minute, timezone=self.tz, next_run_time=now)
        log.info("running: syncing %s; stop with SIGTERM or Ctrl-C", every(self.poll_every))
        try:
            self.scheduler.start()  # returns once the loop sees stop_requested
        finally:
            if self.telling is not None:
                self.telling.close()
        log.info("stopped (%s)", self._signal or "asked to")

    def stop(self, *_: Any) -> None:
        """Ask the daemon to stop; safe from a signal handler or another thread (it only sets a flag)."""
        self.stop_requested = True

    @contextmanager
    def signals_handled(self) -> Iterator[None]:
        """SIGTERM and SIGINT call stop() while inside; the previous handlers come back after."""
        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # Only a flag: logging or touching the scheduler here could re-enter a lock or a stream
        # the interrupted code holds.
        self._signal = signal.Signals(signum).name
        self.stop()
        if self.retrier.reading:
            # Waiting on Google for a read, which changes nothing: unwind now rather than after a
            # slow answer (a large search can take many seconds). Writes are never cut short.
            raise Stopping

    def sleep(self, seconds: float) -> None:
        """The retrier's sleep: in slices, so a stop request cuts a long backoff short."""
        deadline = time.monotonic() + seconds
        while True:
            if self.stop_requested:
                raise Stopping
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, SLEEP_SLICE))

    # -- jobs ---------------------------------------------------------------------------------

    def _guarded(self, what: str, job: Callable[..., None], *args: Any) -> None:
        """Run one job; nothing it raises stops the daemon."""
        if self.stop_requested:
            return
        try:
            job(*args)
        except Stopping:
            log.info("%s interrupted by the stop before its next request; it carries on at the next start", what)
        except AuthError as e:
            self._auth_failed(e)
        except (InstanceRunning, StateGone, CorruptState) as e:
            # Going on would mean two bots on one account, or writing to a file nobody will read.
            log.error("%s; stopping. %s", e.message, e.hint)
            self.fatal = e
            self.stop()
        except BotError as e:
            log.warning("%s failed: %s (tried again at the next sync)%s", what, e.message,
                        f"; hint: {e.hint}" if e.hint else "")
        except Exception:  # a bug, or input nobody foresaw: log it, keep running
            log.exception("%s failed unexpectedly; the daemon carries on", what)

    def _engine(self) -> Engine:
        """The engine, built (and the token file read) on first use and again after a sign-in error."""
        if self.engine is None:
            self.engine = self._build_engine(self.retrier)
        return self.engine

    def _auth_failed(self, e: AuthError) -> None:
        # Drop the engine so the next sync reads the token file again: `interview-bot auth` run
        # meanwhile is picked up without a restart.
        self.engine = None
        if self.telling is not None:
            self.telling.sign_in_refused(self.state, e.message, e.hint, self.clock.now())
        if e.message != self._auth_problem:
            log.error("cannot reach Google: %s. To fix: %s. Still running; trying again every %s.",
                      e.message, e.hint or "run `interview-bot auth`", every(self.poll_every))
        else:
            log.warning("still cannot reach Google: %s (trying again %s)", e.message, every(self.poll_every))
        self._auth_problem = e.message

    def sync(self) -> None:
        """One calendar sync, then one job per pending follow-up (what is due runs right after)."""
        engine = self._engine()
        # A failing calendar or Gmail is in the report (and logged, a calendar hourly); what is
        # already due is still drafted. Sign-in and state file errors go to _guarded.
        report = engine.sync(withdraw=True)  # a stale draft is withdrawn now; drafts due have their jobs
        if self.telling is not None:
            self.telling.sign_in_accepted(self.state)
        if self._auth_problem:
            log.info("Google accepts the sign-in again; carrying on")
            self._auth_problem = ""
        level = logging.INFO if report.interviews_changed or report.reconciled else logging.DEBUG
        n = report.events_seen
        changed = ", ".join(dict.fromkeys(iv.company or iv.title for iv in report.interviews_changed))
        vanished = report.messages_vanished
        log.log(level, "sync: %d calendar change%s read%s%s", n, "" if n == 1 else "s",
                f"; interviews changed: {changed}" if changed else "",
                f"; {vanished} vanished message{'' if vanished == 1 else 's'} skipped" if vanished else "")
        self.schedule_follow_ups()

    def schedule_follow_ups(self) -> None:
        """Derive one date job per pending follow-up from the state file, removing the others."""
        pending = {fu.key: fu for fu in self.state.follow_ups() if fu.status in PENDING}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("follow-up:") and job.id.removeprefix("follow-up:") not in pending:
                job.remove()
        now = self.clock.now()
        for key, fu in pending.items():
            if self._scheduled.get(key) != fu.due:
                self._log_scheduled(fu, now)
            self.scheduler.add_job(self._guarded, "date", run_date=max(fu.due, now),
                                   args=[f"drafting {key}", self.draft, key],
                                   id=f"follow-up:{key}", replace_existing=True)
        self._scheduled = {key: fu.due for key, fu in pending.items()}

    def _log_scheduled(self, fu: FollowUp, now: datetime) -> None:
        if fu.due <= now:
            log.info("%s is due now", about(self.state, fu))
        else:
            log.info("%s is planned for %s", about(self.state, fu), day_time(fu.due, self.tz))

    def draft(self, key: str) -> None:
        """When a follow-up falls due: decide, then apply, as `run --once` does after its sync (the
        state file may have moved on: nothing is done for a follow-up no longer pending or due)."""
        fu = self.state.follow_up(key)
        if fu is None or fu.status not in PENDING:
            return
        engine = self._engine()
        if fu.due > engine.clock.now():
            self.schedule_follow_ups()  # moved later since this job was made
            return
        report = engine.draft_due(RunReport())
        for skipped in report.skipped:
            log.warning("skipped %s: %s", about(self.state, skipped), skipped.reason)
        for failed, why in report.failed:
            log.warning("could not draft %s: %s", about(self.state, failed), why)
        if self.telling is not None:  # queued: the sending happens off this thread
            self.telling.drafted(self.state, [made for made, _, _ in report.drafted], engine.clock.now(),
                                 engine.settings)

    def digest(self) -> None:
        """The daily digest, when it is due (Telling decides; at most once a day)."""
        if self.telling is not None:
            engine = self._engine()
            self.telling.digest(self.state, engine.clock.now(), engine.gmail.draft_exists)


def log_downtime(state: State, calendars: tuple[str, ...] | list[str], now: datetime, poll_every: timedelta) -> None:
    """Say how long the bot was stopped: since the last calendar sync the state file recorded."""
    times = [t for t in (state.positions.calendar_synced_at(c) for c in calendars) if t is not None]
    if not times:
        log.info("starting on a new state file: reading the calendars and Gmail from the start")
        return
    last = max(times)
    if now - last > poll_every:
        log.info("starting: the bot was stopped for %s (last sync %s)", _duration(now - last),
                 last.isoformat(timespec="minutes"))


def _duration(delta: timedelta) -> str:
    """20 days 3 hours, 5 hours 12 minutes, 4 minutes: the two largest units."""
    minutes = int(delta.total_seconds() // 60)
    days, hours, mins = minutes // 1440, minutes // 60 % 24, minutes % 60
    parts = [(days, "day"), (hours, "hour"), (mins, "minute")]
    shown = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n][:2]
    return " ".join(shown) or "less than a minute"


def run_daemon(cfg: Config, retrier: Retrier | None = None) -> int:
    """Run until SIGTERM or Ctrl-C; exit 0. A second instance on the same state file refuses (StateError)."""
    from interview_bot.runtime.notify import telling_from_config
    from interview_bot.runtime.state import State
    from interview_bot.runtime.wiring import build_engine

    state = State.open(Path(cfg.state))  # takes the lock before anything else
    try:
        profile = state.positions.profile_email
        if profile:  # the account is known: refuse now if another bot runs for it (else at the first sync)
            state.lock_account(profile, cfg.google.endpoint or "")
        clock = SystemClock()
        log_downtime(state, list(cfg.calendars), clock.now(), cfg.poll_every.delta)
        daemon = Daemon(state, lambda r: build_engine(cfg, clock, state, retrier=r), cfg.poll_every.delta,
                        retrier=retrier, telling=telling_from_config(cfg), tz=cfg.tz, clock=clock)
        with daemon.signals_handled():
            daemon.run()
    finally:
        state.close()
    if daemon.fatal is not None:
        raise daemon.fatal
    return 0
