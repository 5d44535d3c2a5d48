"""A dry run on the real account: had the bot run since some weeks ago, what would it have drafted?

`interview-bot plan --since 30d` replays the calendar and the mail of the last 30 days, and
goes on 14 days ahead, with the engine unchanged: the same sync, planning, composing and
drafting code as `run`, on a blank in-memory state, its clock stepped from each moment
something happens to the next (a follow-up falls due, a message arrives). Around the real
Google adapters (read-only by construction):

- `ReplayGmail` writes nothing: a draft is composed as usual and kept here; a withdrawal is
  noted. Each company's mail is searched once, as the bot's first sync would, and shown to
  the engine only once its date has come (as Gmail history would have brought it).
- `SnapshotCalendar` lists the calendar once, from where the bot's first sync would have
  started; later syncs see no changes. The calendar is as it is now: an event moved or
  cancelled meanwhile is replayed as it stands today.

So Google is read about as much as by the bot's first sync, however long the replay.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_bot.clock import FixedClock
from interview_bot.model import (
    BotMail,
    CalendarEvent,
    CalendarSync,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    MailMessage,
    MailPart,
    Person,
)
from interview_bot.runtime.engine import CalendarPort, Engine, GmailPort, RunReport
from interview_bot.runtime.state import State

if TYPE_CHECKING:
    from interview_bot.config.model import Config

log = logging.getLogger(__name__)

_FAKE = "dry-run-"
# A plain address or "@domain" in replies.senders can be searched for; a regex cannot.
_SEARCHABLE = re.compile(r"^@?[A-Za-z0-9._%+\-]+(?:@[A-Za-z0-9.\-]+)?$")


class SnapshotCalendar:
    """The calendar as listed once: the first sync of each calendar is real, later ones see nothing new."""

    def __init__(self, real: CalendarPort) -> None:
        self._real = real
        self.events: dict[str, CalendarEvent] = {}  # by key: what was listed, for explaining verdicts

    def sync(self, calendar_id: str, sync_token: str | None, now: datetime) -> CalendarSync:
        if sync_token:
            return CalendarSync(calendar_id, (), sync_token, full=False)
        result = self._real.sync(calendar_id, None, now)
        self.events.update((e.key, e) for e in result.events)
        return CalendarSync(calendar_id, result.events, _FAKE + calendar_id, full=True, since=result.since)

    def get_event(self, calendar_id: str, event_id: str) -> CalendarEvent | None:
        return self._real.get_event(calendar_id, event_id)  # a read: what a full listing's reconciling asks


@dataclass(frozen=True)
class Draft:
    """A draft the engine made in the replay, kept here instead of in Gmail."""

    draft_id: str
    thread_id: str
    raw: bytes
    at: datetime


class ReplayGmail:
    """Gmail as it was at the replay's clock, from today's mailbox read once; writes are kept, not sent."""

    def __init__(self, real: GmailPort, clock: FixedClock, extra_senders: tuple[str, ...] = ()) -> None:
        self._real = real
        self._clock = clock
        self._extra_senders = extra_senders
        self._known: dict[str, tuple[MailMessage, tuple[MailPart, ...]]] = {}  # id -> (headers, parts)
        self._searches: dict[str, list[str]] = {}
        self._threads: dict[str, list[MailMessage]] = {}
        self._profile: str | None = None
        self.drafts: dict[str, Draft] = {}
        self.deleted: dict[str, datetime] = {}

    # -- what arrives when -----------------------------------------------------------------

    def _visible(self, msg: MailMessage) -> bool:
        return msg.date is None or msg.date <= self._clock.now()

    def arrivals(self) -> list[datetime]:
        """When the mail read so far arrived: moments the replay must stop at."""
        return sorted(m.date for m, _ in self._known.values() if m.date is not None)

    def _remember(self, found: list[tuple[MailMessage, tuple[MailPart, ...]]]) -> list[str]:
        for msg, parts in found:
            self._known.setdefault(msg.id, (msg, parts))
        return [msg.id for msg, _ in found]

    # -- the reader's port -------------------------------------------------------------------

    def profile_email(self) -> str:
        if self._profile is None:
            self._profile = self._real.profile_email()
        return self._profile

    def history_id(self) -> str:
        # The first mail sync: mail from hiring-system senders reaches the bot through history,
        # not through the company searches, so look for it once here.
        terms = [f"from:{s}" for s in self._extra_senders if _SEARCHABLE.match(s)]
        if terms and "senders" not in self._searches:
            after = int((self._clock.now() - timedelta(days=60)).timestamp())
            self._searches["senders"] = self._remember(self._real.search_read(f"{{{' '.join(terms)}}} after:{after}"))
        return self._clock.now().isoformat()

    def history_since(self, history_id: str) -> tuple[list[str], list[str], str]:
        """Mail that arrived since the replay's last step; the user's own drafts and sent mail are not replayed."""
        since = datetime.fromisoformat(history_id)
        now = self._clock.now()
        added = [m.id for m, _ in sorted(self._known.values(), key=lambda k: (k[0].date or now, k[0].id))
                 if m.date is not None and since < m.date <= now and "SENT" not in m.label_ids
                 and "DRAFT" not in m.label_ids]
        return added, [], now.isoformat()

    def search_read(self, query: str, limit: int = 50) -> list[tuple[MailMessage, tuple[MailPart, ...]]]:
        if query not in self._searches:
            self._searches[query] = self._remember(self._real.search_read(query, limit))
        return [self._known[i] for i in self._searches[query] if self._visible(self._known[i][0])]

    def message(self, message_id: str) -> MailMessage:
        if message_id in self._known:
            return self._known[message_id][0]
        return self._real.message(message_id)

    def body(self, message_id: str) -> tuple[MailPart, ...]:
        if message_id in self._known:
            return self._known[message_id][1]
        return self._real.body(message_id)

    # -- threads and drafts ------------------------------------------------------------------

    def thread(self, thread_id: str) -> list[MailMessage]:
        if thread_id.startswith(_FAKE):
            return []
        if thread_id not in self._threads:
            self._threads[thread_id] = self._real.thread(thread_id)
        return [m for m in self._threads[thread_id] if self._visible(m)]

    def create_draft(self, raw: bytes, thread_id: str = "") -> tuple[str, str, str]:
        n = len(self.drafts) + 1
        draft = Draft(f"{_FAKE}{n}", thread_id or f"{_FAKE}thread-{n}", raw, self._clock.now())
        self.drafts[draft.draft_id] = draft
        return draft.draft_id, draft.thread_id, f"{_FAKE}message-{n}"

    def find_bot_mail(self, bot_key: str, recipients: Sequence[str], after: datetime | None) -> BotMail | None:
        # What the bot would have drafted is the question, so a draft already in Gmail (made by
        # the real bot) must not hide it; and the replay has had no crash mid-draft to recover.
        return None

    def delete_draft(self, draft_id: str) -> bool:
        if draft_id not in self.drafts or draft_id in self.deleted:
            return False
        self.deleted[draft_id] = self._clock.now()
        return True

    def draft_exists(self, draft_id: str) -> bool:
        return draft_id in self.drafts and draft_id not in self.deleted


@dataclass(frozen=True)
class WouldDraft:
    """A follow-up the bot would have drafted: when, to whom, what, and the state of things then."""

    follow_up: FollowUp
    at: datetime
    subject: str
    body: str
    decision: Any = None  # for a status check: the Decision it was due after


@dataclass
class Replay:
    """What a dry run found."""

    start: datetime
    now: datetime
    end: datetime
    engine: Engine
    calendar: SnapshotCalendar
    gmail: ReplayGmail
    drafted: list[WouldDraft] = field(default_factory=list)
    withdrawn: list[tuple[FollowUp, datetime]] = field(default_factory=list)
    steps: int = 0

    @property
    def state(self) -> State:
        return self.engine.state

    def not_drafted(self) -> list[FollowUp]:
        """Follow-ups of the window that were cancelled, skipped or failed, with their reasons (not the
        withdrawn ones: they were drafted, and `withdrawn` lists them)."""
        done = (FollowUpStatus.CANCELLED, FollowUpStatus.SKIPPED, FollowUpStatus.FAILED)
        return [f for f in self.state.follow_ups() if f.status in done and self.start <= f.due <= self.end]

    def later(self) -> list[FollowUp]:
        """Follow-ups still scheduled after the window."""
        return [f for f in self.state.follow_ups() if f.status is FollowUpStatus.SCHEDULED]


def blank_state(profile_email: str | None = None) -> State:
    """An empty in-memory state: the replay starts as a bot on its first day would."""
    state = State(sqlite3.connect(":memory:", isolation_level=None))
    if profile_email:
        state.positions.profile_email = profile_email
    return state


def known_profile(path: Path) -> str | None:
    """The account's address as the real state remembers it (one request fewer), if there is one."""
    copy = State.in_memory_copy(path)
    try:
        return copy.positions.profile_email
    finally:
        copy.close()


def dry_run(cfg: Config, now: datetime, since: timedelta, ahead: timedelta,
            services: tuple[Any, Any] | None = None) -> Replay:
    """The dry run of `plan --since`: the engine of this config over read-only adapters and a blank
    in-memory state, replayed from `since` before `now` to `ahead` after it."""
    from interview_bot.runtime.wiring import engine_over, google_adapters, settings_from_config

    settings = settings_from_config(cfg)
    real_calendar, real_gmail, _ = google_adapters(cfg, settings, services)
    clock = FixedClock(now)
    calendar = SnapshotCalendar(real_calendar)
    gmail = ReplayGmail(real_gmail, clock, settings.reading.extra_senders)
    engine = engine_over(cfg, settings, blank_state(known_profile(Path(cfg.state))), calendar, gmail, clock)
    return replay(engine, clock, calendar, gmail, since, ahead)


def replay(engine: Engine, clock: FixedClock, calendar: SnapshotCalendar, gmail: ReplayGmail,
           since: timedelta, ahead: timedelta) -> Replay:
    """Run `engine` from `since` before the clock's now to `ahead` after it, stopping whenever
    something happens; `engine` must be built over `calendar`, `gmail` and `clock`."""
    now = clock.now()
    result = Replay(now - since, now, now + ahead, engine, calendar, gmail)
    at: datetime | None = result.start
    while at is not None:
        clock.set(at)
        report = engine.run_once()
        result.steps += 1
        _collect(result, report)
        at = _next_moment(result, clock.now())
    return result


def _collect(result: Replay, report: RunReport) -> None:
    now = result.engine.clock.now()
    for fu, subject, body in report.drafted:
        decision = None
        if fu.kind is FollowUpKind.STATUS_CHECK:
            view = next((v for v in result.engine.process_views() if any(iv.id == fu.interview_id for iv in v.interviews)),
                        None)
            decision = result.engine.plan_process(view).decision if view else None
        result.drafted.append(WouldDraft(fu, now, subject, body, decision))
    result.withdrawn += [(fu, now) for fu in report.withdrawn]


def _next_moment(result: Replay, now: datetime) -> datetime | None:
    """The next moment anything can change: a follow-up falls due or a message arrives; None past the end."""
    due = [f.due for f in result.state.follow_ups(status=FollowUpStatus.SCHEDULED)]
    moments = [t for t in (*due, *result.gmail.arrivals()) if now < t <= result.end]
    return min(moments, default=None)


def recipients(fu: FollowUp) -> str:
    """Who a follow-up goes to, as a person reads it."""
    return ", ".join(_who(p) for p in fu.recipients) or "nobody"


def _who(p: Person) -> str:
    return f"{p.name} <{p.email}>" if p.name else p.email


__all__ = ["Draft", "Replay", "ReplayGmail", "SnapshotCalendar", "WouldDraft", "blank_state", "dry_run",
           "known_profile", "recipients", "replay"]
