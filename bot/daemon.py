"""`interview-bot run`: the long-running daemon on APScheduler.

The state file is the one source of truth: after every sync, one date job per scheduled
follow-up is derived from it, so a draft appears when it is due rather than at the next poll.
Jobs run one at a time in the scheduler's own thread (SQLite and the Google clients are not
shared across threads).
"""

from __future__ import annotations

import logging
import signal
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.clock import SystemClock
from bot.errors import AuthError, BotError
from bot.model import FollowUpStatus

if TYPE_CHECKING:
    from bot.config import Config
    from bot.engine import Engine

log = logging.getLogger(__name__)


class Daemon:
    """A scheduler whose jobs are derived from the state file."""

    def __init__(self, engine: Engine, poll_every: timedelta) -> None:
        from apscheduler.executors.debug import DebugExecutor
        from apscheduler.schedulers.blocking import BlockingScheduler

        self.engine = engine
        self.poll_every = poll_every
        self.scheduler = BlockingScheduler(
            timezone=timezone.utc,
            executors={"default": DebugExecutor()},
            # A follow-up that fell due while the bot was down runs once at start, however late.
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )

    def start(self) -> None:
        """Run until stopped (SIGTERM, SIGINT or stop())."""
        self.scheduler.add_job(self.sync, "interval", seconds=self.poll_every.total_seconds(), id="sync",
                               next_run_time=datetime.now(timezone.utc))
        self.scheduler.start()

    def stop(self, *_: Any) -> None:
        log.info("stopping")
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def sync(self) -> None:
        """One calendar sync, then draft what is due and schedule the rest."""
        try:
            report = self.engine.sync()
            if report.interviews_changed:
                log.info("sync: %d calendar changes, %d interviews changed", report.events_seen,
                         len(report.interviews_changed))
        except AuthError as e:
            log.error("%s. %s", e.message, e.hint)  # keep running; the user can sign in again meanwhile
            return
        except BotError as e:
            log.warning("sync failed: %s (tried again in %s)", e.message, self.poll_every)
        self.schedule_follow_ups()

    def schedule_follow_ups(self) -> None:
        """Derive one date job per pending follow-up from the state file."""
        pending = {fu.key: fu for fu in self.engine.state.follow_ups()
                   if fu.status in (FollowUpStatus.SCHEDULED, FollowUpStatus.DRAFTING)}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("follow-up:") and job.id[len("follow-up:"):] not in pending:
                job.remove()
        now = datetime.now(timezone.utc)
        for key, fu in pending.items():
            self.scheduler.add_job(self.draft, "date", run_date=max(fu.due, now), args=[key],
                                   id=f"follow-up:{key}", replace_existing=True)

    def draft(self, key: str) -> None:
        """Draft one follow-up if it is still pending and due."""
        from bot.engine import RunReport

        fu = self.engine.state.follow_up(key)
        if fu is None or fu.status not in (FollowUpStatus.SCHEDULED, FollowUpStatus.DRAFTING):
            return
        if fu.due > self.engine.clock.now():
            self.schedule_follow_ups()  # moved later meanwhile
            return
        try:
            self.engine.draft(fu, RunReport())
        except AuthError as e:
            log.error("%s. %s", e.message, e.hint)
        except BotError as e:
            log.warning("could not draft %s yet: %s (tried again at the next sync)", key, e.message)


def run_daemon(cfg: Config) -> int:
    """Run until SIGTERM or Ctrl-C; exit 0."""
    from bot.app import build_engine
    from bot.state import State

    state = State.open(Path(cfg.state))
    try:
        engine = build_engine(cfg, SystemClock(), state)
        daemon = Daemon(engine, cfg.poll_every.delta)
        signal.signal(signal.SIGTERM, daemon.stop)
        signal.signal(signal.SIGINT, daemon.stop)
        log.info("interview-bot running; syncing every %s", cfg.poll_every)
        daemon.start()
    finally:
        state.close()
    return 0
