"""Reading the calendars: each on its own, full resyncs reconciled, failures reported hourly.

A calendar that fails (removed: 404; no longer shared: 403; Google down) is reported once an
hour, not at every poll, and the other calendars and Gmail carry on. After any full listing
(the first sync, or a sync token Google expired with 410) every active interview of that
calendar that the listing did not return is looked up with events.get: an interview deleted
while the token was stale is cancelled when Google says "cancelled" or 404, never left active.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from interview_bot.errors import BotError, GoogleApiError
from interview_bot.model import CalendarEvent, CalendarSync, InterviewStatus
from interview_bot.runtime.report import RunReport
from interview_bot.runtime.state import State

log = logging.getLogger(__name__)

REPORT_EVERY = timedelta(hours=1)

# (event, now, when the change happened at the earliest, report)
ApplyEvent = Callable[[CalendarEvent, datetime, datetime, RunReport], None]


class CalendarPort(Protocol):
    def sync(self, calendar_id: str, sync_token: str | None, now: datetime) -> CalendarSync: ...
    def get_event(self, calendar_id: str, event_id: str) -> CalendarEvent | None: ...


class CalendarReader:
    """Keeps the state's interviews up to date with each watched calendar."""

    def __init__(self, calendar: CalendarPort, state: State, calendars: tuple[str, ...], apply: ApplyEvent) -> None:
        self.calendar = calendar
        self.state = state
        self.calendars = calendars
        self.apply = apply
        self._synced_at: dict[str, datetime] = {}  # calendar id -> time of its last sync, kept in memory
        self._problems: dict[str, tuple[str, datetime]] = {}  # calendar id -> (problem, when last logged)
        # The adapter's stop check (Stopping once SIGTERM came), for the loop over a large listing.
        self._stop_point: Callable[[], None] = getattr(calendar, "stop_point", lambda: None)

    def sync(self, now: datetime, report: RunReport) -> None:
        for calendar_id in self.calendars:
            try:
                self._sync_one(calendar_id, now, report)
            except GoogleApiError as e:
                self._failed(calendar_id, e, now, report)
            else:
                if self._problems.pop(calendar_id, None):
                    log.info("calendar %s answers again", calendar_id)

    def _sync_one(self, calendar_id: str, now: datetime, report: RunReport) -> None:
        positions = self.state.positions
        result = self.calendar.sync(calendar_id, positions.calendar_token(calendar_id), now)
        last = self._synced_at.get(calendar_id) or positions.calendar_synced_at(calendar_id)
        # A change we are told of now happened after the last sync that did not show it.
        changed_after = last if last and not result.full else now
        gone, complete = self._look_up_missing(result, now, report) if result.full else ([], True)
        self._synced_at[calendar_id] = now
        report.events_seen += len(result.events)
        with self.state.transaction():
            for event in result.events:
                self._stop_point()  # a stop rolls this back: the listing is read again at the next start
                self._apply_one(event, now, changed_after, report)
            for event in gone:
                # Deleted while the sync token was stale: after the last sync that still saw it.
                self._apply_one(event, now, last or now, report)
            if complete:  # else the full listing, and its lookups, are done again at the next sync
                positions.set_calendar_token(calendar_id, result.next_sync_token or None)
            # An idle sync writes nothing: the time is kept in memory, and stored when there
            # were changes or hourly, for the next start (a later bound only errs towards
            # cancelling a thank-you for a cancelled interview).
            stored = positions.calendar_synced_at(calendar_id)
            if result.events or gone or not stored or now - stored > timedelta(hours=1):
                positions.set_calendar_synced_at(calendar_id, now)

    def _apply_one(self, event: CalendarEvent, now: datetime, changed_after: datetime, report: RunReport) -> None:
        try:
            self.apply(event, now, changed_after, report)
        except Exception as e:  # bad input never stops the sync
            if isinstance(e, BotError):
                raise
            log.warning("skipping the event %r (%s), which could not be planned: %s", event.summary, event.key, e)

    def _look_up_missing(self, result: CalendarSync, now: datetime,
                         report: RunReport) -> tuple[list[CalendarEvent], bool]:
        """Each active interview of this calendar the full listing did not return, as Google has it now."""
        returned = {event.key for event in result.events}
        missing = [iv for iv in self.state.interviews()
                   if iv.calendar_id == result.calendar_id and iv.status is InterviewStatus.ACTIVE
                   and iv.id not in returned and (result.since is None or iv.end >= result.since)]
        found: list[CalendarEvent] = []
        complete = True
        for iv in missing:
            try:
                event = self.calendar.get_event(result.calendar_id, iv.event_id)
            except GoogleApiError as e:
                log.warning("could not look up interview %s after a full resync: %s", iv.id, e)
                complete = False
                continue
            report.reconciled += 1
            # 404: gone for good. A cancelled event may come with or without its details.
            found.append(event or CalendarEvent(calendar_id=result.calendar_id, id=iv.event_id, status="cancelled"))
        return found, complete

    def _failed(self, calendar_id: str, e: GoogleApiError, now: datetime, report: RunReport) -> None:
        report.calendar_errors.append((calendar_id, e.message))
        hint = e.hint
        if e.status == 404:
            hint = ("it was deleted, or is no longer shared with you: remove it from `calendars:` in config.yaml "
                    "(the other calendars carry on)")
        elif e.status == 403 and not hint:
            hint = "you no longer have access to it: ask for it to be shared again, or remove it from `calendars:`"
        said = self._problems.get(calendar_id)
        if said and said[0] == e.message and now - said[1] < REPORT_EVERY:
            log.debug("calendar %s still fails: %s", calendar_id, e.message)
            return
        log.warning("calendar %s: %s%s; the other calendars and Gmail carry on", calendar_id, e.message,
                    f"; hint: {hint}" if hint else "")
        self._problems[calendar_id] = (e.message, now)


__all__ = ["REPORT_EVERY", "CalendarPort", "CalendarReader"]
