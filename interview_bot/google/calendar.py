"""Google Calendar adapter: incremental event sync, returning our CalendarEvent values."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from interview_bot.errors import GoogleApiError
from interview_bot.google.retry import Retrier
from interview_bot.model import Attendee, CalendarEvent, CalendarSync, Person, Response

log = logging.getLogger(__name__)

# Fields we read; asking for only these keeps each sync small.
EVENT_FIELDS = (
    "id,status,summary,description,location,start,end,organizer,attendees,recurringEventId,"
    "recurrence,hangoutLink,conferenceData/entryPoints,updated,htmlLink"
)
LIST_FIELDS = f"nextPageToken,nextSyncToken,timeZone,items({EVENT_FIELDS})"


def _zone(name: str, default: ZoneInfo) -> ZoneInfo:
    try:
        return ZoneInfo(name) if name else default
    except (ZoneInfoNotFoundError, ValueError):
        return default


def _parse_when(when: dict[str, Any] | None, default_tz: ZoneInfo) -> tuple[datetime | None, bool, str]:
    """(aware datetime, all_day, time zone name) of an event's start or end."""
    if not when:
        return None, False, ""
    tz_name = str(when.get("timeZone") or "")
    tz = _zone(tz_name, default_tz)
    if when.get("dateTime"):
        dt = datetime.fromisoformat(str(when["dateTime"]).replace("Z", "+00:00"))
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=tz)
        return dt, False, tz_name
    if when.get("date"):
        day = date.fromisoformat(str(when["date"]))
        return datetime.combine(day, time(0), tzinfo=tz), True, tz_name
    return None, False, tz_name


def _meeting_link(item: dict[str, Any]) -> str:
    for entry in (item.get("conferenceData") or {}).get("entryPoints") or []:
        if entry.get("entryPointType") == "video" and entry.get("uri"):
            return str(entry["uri"])
    return str(item.get("hangoutLink") or "")


def parse_event(item: dict[str, Any], calendar_id: str, default_tz: ZoneInfo) -> CalendarEvent:
    """A Calendar API event resource as our CalendarEvent (lenient: strangers write these)."""
    start, all_day, tz_name = _parse_when(item.get("start"), default_tz)
    end, _, _ = _parse_when(item.get("end"), default_tz)
    organizer = item.get("organizer") or {}
    attendees = []
    for a in item.get("attendees") or []:
        if not isinstance(a, dict) or not a.get("email"):
            continue
        try:
            response = Response(a.get("responseStatus") or "needsAction")
        except ValueError:
            response = Response.NEEDS_ACTION
        attendees.append(
            Attendee(
                email=str(a["email"]),
                name=str(a.get("displayName") or ""),
                response=response,
                is_self=bool(a.get("self")),
                is_organizer=bool(a.get("organizer")),
                is_resource=bool(a.get("resource")),
                optional=bool(a.get("optional")),
            )
        )
    updated = None
    if item.get("updated"):
        try:
            updated = datetime.fromisoformat(str(item["updated"]).replace("Z", "+00:00"))
        except ValueError:
            updated = None
    return CalendarEvent(
        calendar_id=calendar_id,
        id=str(item.get("id", "")),
        status=str(item.get("status") or "confirmed"),
        summary=str(item.get("summary") or ""),
        description=str(item.get("description") or ""),
        location=str(item.get("location") or ""),
        start=start,
        end=end,
        all_day=all_day,
        time_zone=tz_name or str(default_tz.key),
        organizer=Person(str(organizer["email"]), str(organizer.get("displayName") or "")) if organizer.get("email") else None,
        organizer_is_self=bool(organizer.get("self")),
        attendees=tuple(attendees),
        recurring_event_id=str(item.get("recurringEventId") or ""),
        recurrence=tuple(str(r) for r in item.get("recurrence") or ()),
        meeting_link=_meeting_link(item),
        updated=updated,
        html_link=str(item.get("htmlLink") or ""),
    )


class GoogleCalendar:
    """Reads events from Google Calendar, incrementally where it can."""

    def __init__(self, service: Any, retrier: Retrier, default_tz: ZoneInfo, lookback: timedelta = timedelta(days=30)) -> None:
        self._events = service.events()  # built once (see GoogleGmail)
        self._retrier = retrier
        self._default_tz = default_tz
        self._lookback = lookback

    def stop_point(self) -> None:
        """Raise Stopping if the daemon was asked to stop (for readers' long loops between requests)."""
        self._retrier.check_stop()

    def sync(self, calendar_id: str, sync_token: str | None, now: datetime) -> CalendarSync:
        """Events changed since sync_token; a full listing (from now - lookback) without one or after a 410."""
        if sync_token:
            try:
                return self._list(calendar_id, {"syncToken": sync_token}, full=False)
            except GoogleApiError as e:
                if e.status != 410:
                    raise
                log.info("calendar %s: sync token expired (410), doing a full resync", calendar_id)
        since = now - self._lookback
        time_min = since.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return replace(self._list(calendar_id, {"timeMin": time_min}, full=True), since=since)

    def _list(self, calendar_id: str, params: dict[str, Any], full: bool) -> CalendarSync:
        events: list[CalendarEvent] = []
        page_token: str | None = None
        while True:
            request = self._events.list(
                calendarId=calendar_id,
                singleEvents=True,
                maxResults=250,
                pageToken=page_token,
                fields=LIST_FIELDS,
                **params,
            )
            page = self._retrier.execute(request, f"listing events of calendar {calendar_id}")
            tz = _zone(str(page.get("timeZone") or ""), self._default_tz)
            for item in page.get("items", []):
                try:
                    events.append(parse_event(item, calendar_id, tz))
                except (ValueError, TypeError, KeyError) as e:
                    # Bad input never stops the sync: skip the event, keep the rest.
                    log.warning("calendar %s: skipping event %s that could not be read: %s",
                                calendar_id, item.get("id", "?"), e)
            page_token = page.get("nextPageToken")
            if not page_token:
                return CalendarSync(calendar_id, tuple(events), str(page.get("nextSyncToken") or ""), full)

    def get_event(self, calendar_id: str, event_id: str) -> CalendarEvent | None:
        """One event as it is now (cancelled ones included: events.get always returns them), or None if gone (404/410).

        For a full resync's reconciliation: an interview the listing no longer shows was deleted,
        moved out of the window, or is simply not listed; Google's answer says which."""
        try:
            item = self._retrier.execute(
                self._events.get(calendarId=calendar_id, eventId=event_id, fields=EVENT_FIELDS),
                f"reading event {event_id} of calendar {calendar_id}",
            )
        except GoogleApiError as e:
            if e.status in (404, 410):
                return None
            raise
        return parse_event(item, calendar_id, self._default_tz)
