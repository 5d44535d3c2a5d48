"""Calendar v3 for the sandbox: calendars and events of one account, with Google's sync semantics.

Every change bumps a per-account sequence number and stamps it on the event; a sync
token carries the number it was issued at, so an incremental list returns exactly the
events changed since, tombstones of deleted ones included.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from interview_bot.sandbox.calendar_expand import expand, instance, matches, overlaps
from interview_bot.sandbox.calendar_render import keeps_details, render
from interview_bot.sandbox.calendar_render import merge as merge_patch
from interview_bot.sandbox.calendar_times import (
    Recurrence,
    check_range,
    instant,
    normalise_time,
    parse_suffix,
    rfc3339,
)
from interview_bot.sandbox.errors import ApiError

Json = dict[str, Any]
# Parameters Calendar refuses beside a syncToken (events.list reference).
SYNC_FORBIDDEN = ("timeMin", "timeMax", "updatedMin", "q", "orderBy", "iCalUID", "privateExtendedProperty", "sharedExtendedProperty")
# Fields a client may not set: the server owns them.
READ_ONLY = ("kind", "etag", "htmlLink", "created", "updated", "creator", "iCalUID", "recurringEventId", "originalStartTime", "hangoutLink")
MAX_PAGE = 2500
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)  # "no timeMin", kept clear of datetime.min overflow


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _b64(data: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


def _unb64(token: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))


class CalendarApi:
    """The calendar.* methods for one account, plus helpers that seed data in tests."""

    def __init__(self, email: str, clock: Callable[[], datetime] | None = None) -> None:
        self.email = email
        self.clock = clock or _utc_now
        self.lock = threading.RLock()
        self.seq = 0  # last change number handed out
        self.min_sync_seq = 0  # tokens issued before this are stale (410)
        self.epoch = uuid.uuid4().hex[:12]  # tokens from another sandbox are unknown (410)
        self.order = 0
        self.calendars: dict[str, Json] = {}
        self.add_calendar(email, email, primary=True)

    # ---- persistence -------------------------------------------------------------------

    def to_json(self) -> Json:
        """All data as JSON-serialisable values."""
        with self.lock:
            keep = ("email", "seq", "min_sync_seq", "epoch", "order", "calendars")
            return copy.deepcopy({k: getattr(self, k) for k in keep})

    @classmethod
    def from_json(cls, data: Json, clock: Callable[[], datetime] | None = None) -> CalendarApi:
        """An API holding the data `to_json` returned."""
        api = cls(data["email"], clock)
        for key in ("seq", "min_sync_seq", "epoch", "order", "calendars"):
            setattr(api, key, copy.deepcopy(data[key]))
        return api

    # ---- helpers for tests and demos ---------------------------------------------------

    def add_calendar(self, calendar_id: str, summary: str = "", time_zone: str = "UTC", *,
                     primary: bool = False, access_role: str = "owner") -> Json:
        """Add a calendar to the account's list (a secondary or subscribed calendar)."""
        with self.lock:
            self.seq += 1
            meta = {"id": calendar_id, "summary": summary or calendar_id, "timeZone": time_zone,
                    "accessRole": access_role, "primary": primary, "_seq": self.seq}
            self.calendars[calendar_id] = {"meta": meta, "events": {}}
            return self._entry(meta)

    def add_event(self, event: Json, calendar_id: str = "primary") -> Json:
        """Seed an event as it would arrive: organizer, attendees, ids and conference data kept as given."""
        with self.lock:
            cal = self._cal(calendar_id)
            body = copy.deepcopy(event)
            return render(cal, self._create(cal, body, external=True, keep_conference=True), self.email)

    def expire_sync_tokens(self) -> None:
        """Make every sync token issued so far stale, as Google does now and then (410 on next use)."""
        with self.lock:
            # Google hands out fresh tokens after such a reset: move the counter on, so the full
            # resync's token is newer than the cut-off and incremental sync resumes from it.
            self.seq += 1
            self.min_sync_seq = self.seq

    def stored_events(self, calendar_id: str = "primary") -> list[Json]:
        """Every stored event (parents, exceptions, tombstones) as events.get would render it."""
        with self.lock:
            cal = self._cal(calendar_id)
            return [render(cal, ev, self.email) for ev in cal["events"].values()]

    # ---- dispatch ----------------------------------------------------------------------

    def call(self, method_id: str, params: Json, body: Any) -> tuple[int, Json | None]:
        """Serve one validated request; raises ApiError like Google."""
        handler = {
            "calendar.calendarList.list": self._calendar_list_list,
            "calendar.calendarList.get": self._calendar_list_get,
            "calendar.calendars.get": self._calendars_get,
            "calendar.events.list": self._events_list,
            "calendar.events.instances": self._events_instances,
            "calendar.events.get": self._events_get,
            "calendar.events.insert": self._events_insert,
            "calendar.events.import": self._events_import,
            "calendar.events.patch": self._events_patch,
            "calendar.events.update": self._events_update,
            "calendar.events.delete": self._events_delete,
        }.get(method_id)
        if handler is None:
            raise ApiError(501, f"{method_id} is not implemented by the sandbox.", reason="notImplemented")
        with self.lock:
            return handler(params, body)

    # ---- calendars ---------------------------------------------------------------------

    def _cal(self, calendar_id: str) -> Json:
        cal = self.calendars.get(self.email if calendar_id == "primary" else calendar_id)
        if cal is None:
            raise ApiError(404, "Not Found", reason="notFound")
        return cal

    def _entry(self, meta: Json) -> Json:
        entry = {"kind": "calendar#calendarListEntry", "etag": f'"{meta["_seq"]}"', "id": meta["id"],
                 "summary": meta["summary"], "timeZone": meta["timeZone"], "accessRole": meta["accessRole"],
                 "defaultReminders": [], "selected": True}
        if meta["primary"]:
            entry["primary"] = True
        return entry

    def _calendar_list_list(self, p: Json, body: Any) -> tuple[int, Json]:
        since = self._since(p["syncToken"], "calendarList") if "syncToken" in p else None
        metas = [c["meta"] for c in self.calendars.values() if since is None or c["meta"]["_seq"] > since]
        items = [self._entry(m) for m in metas]
        return 200, self._page(p, items, "calendar#calendarList", {}, "calendarList", min(p.get("maxResults", 100), 250))

    def _calendar_list_get(self, p: Json, body: Any) -> tuple[int, Json]:
        return 200, self._entry(self._cal(p["calendarId"])["meta"])

    def _calendars_get(self, p: Json, body: Any) -> tuple[int, Json]:
        meta = self._cal(p["calendarId"])["meta"]
        return 200, {"kind": "calendar#calendar", "etag": f'"{meta["_seq"]}"', "id": meta["id"],
                     "summary": meta["summary"], "timeZone": meta["timeZone"]}

    # ---- tokens ------------------------------------------------------------------------

    def _sync_token(self, scope: str, seq: int) -> str:
        return "CP" + _b64([self.epoch, scope, seq])

    def _since(self, token: str, scope: str) -> int:
        """The change number a sync token was issued at; 410 for one this account no longer knows."""
        try:
            epoch, tok_scope, seq = _unb64(token[2:]) if token.startswith("CP") else (None, None, None)
        except (ValueError, TypeError):
            epoch = tok_scope = seq = None
        if epoch != self.epoch or tok_scope != scope or not isinstance(seq, int) or not self.min_sync_seq <= seq <= self.seq:
            raise ApiError(410, "Sync token is no longer valid, a full sync is required.", reason="fullSyncRequired")
        return seq

    def _page(self, p: Json, items: list[Json], kind: str, extra: Json, scope: str, size: int) -> Json:
        """One page of `items`, with nextPageToken, or nextSyncToken on the last page."""
        fingerprint = hashlib.sha1(
            json.dumps({k: str(v) for k, v in sorted(p.items()) if k != "pageToken"}).encode()
        ).hexdigest()[:10]
        offset, snapshot = 0, self.seq
        if "pageToken" in p:
            try:
                offset, snapshot, fp = _unb64(p["pageToken"])
                if fp != fingerprint:
                    raise ValueError
            except (ValueError, TypeError):
                raise ApiError(400, "Invalid page token value.", reason="invalid", location="pageToken") from None
        out: Json = {"kind": kind, "etag": f'"p{self.seq}"', **extra}
        out["items"] = items[offset : offset + size]
        if offset + size < len(items):
            out["nextPageToken"] = _b64([offset + size, snapshot, fingerprint])
        else:
            # The token is from when the listing began, so changes made while paging are not lost.
            out["nextSyncToken"] = self._sync_token(scope, snapshot)
        return out

    # ---- events: reading ---------------------------------------------------------------

    def _tz(self, cal: Json) -> str:
        return str(cal["meta"]["timeZone"])

    def _events_list(self, p: Json, body: Any) -> tuple[int, Json]:
        cal = self._cal(p["calendarId"])
        since = None
        if "syncToken" in p:
            # events.list's syncToken (discovery document): "All events deleted since the previous
            # list request will always be in the result set and it is not allowed to set
            # showDeleted to False."
            if p.get("showDeleted") is False:
                raise ApiError(400, "The syncToken parameter cannot be used together with showDeleted=false.",
                               reason="invalid", location="showDeleted")
            for name in SYNC_FORBIDDEN:
                if name in p:
                    raise ApiError(400, f"The syncToken parameter cannot be used together with {name}.",
                                   reason="invalid", location=name)
            since = self._since(p["syncToken"], "events:" + cal["meta"]["id"])
        single = bool(p.get("singleEvents"))
        if p.get("orderBy") == "startTime" and not single:
            raise ApiError(400, "The requested ordering is not available for the particular query.", reason="badRequest")
        items = self._select(cal, p, since, single)
        meta = cal["meta"]
        extra = {"summary": meta["summary"], "description": "", "updated": rfc3339(self.clock()),
                 "timeZone": p.get("timeZone", meta["timeZone"]), "accessRole": meta["accessRole"], "defaultReminders": []}
        page = self._page(p, items, "calendar#events", extra, "events:" + meta["id"], min(p.get("maxResults", 250), MAX_PAGE))
        page["items"] = [self._output(cal, ev, p, details=bool(p.get("showDeleted"))) for ev in page["items"]]
        return 200, page

    def _select(self, cal: Json, p: Json, since: int | None, single: bool) -> list[Json]:
        """The stored events (or instances) a list returns, in its order, before paging."""
        lo: datetime = p.get("timeMin") or EARLIEST
        hi: datetime | None = p.get("timeMax")
        updated_min: datetime | None = p.get("updatedMin")
        # Deleted events always come back in an incremental sync or since updatedMin.
        show_deleted = bool(p.get("showDeleted")) or since is not None or updated_min is not None
        events = list(cal["events"].values())
        if since is not None:
            events = [ev for ev in events if ev["_seq"] > since]
        found: list[Json] = []
        for ev in events:
            if ev.get("recurringEventId") and single and since is None:
                continue  # exceptions come with their parent's expansion
            if ev.get("recurrence") and single and (ev["status"] != "cancelled" or show_deleted):
                # A deleted series comes back as its instances, each cancelled, never as the parent's
                # tombstone. events.list's showDeleted (discovery document): "If showDeleted and
                # singleEvents are both True, only single instances of deleted events (but not the
                # underlying recurring events) are returned." An incremental sync shows deletions.
                found.extend(expand(cal["events"].values(), ev, self._tz(cal), lo, hi, show_deleted, since, self.clock()))
                continue
            if ev["status"] == "cancelled" and not show_deleted:
                continue
            if since is None and not overlaps(ev, self._tz(cal), lo, hi, self.clock()):
                continue
            found.append(ev)
        found = [ev for ev in found if matches(ev, p)]
        if updated_min is not None:
            found = [ev for ev in found if datetime.fromisoformat(ev["updated"].replace("Z", "+00:00")) >= updated_min]
        if p.get("orderBy") == "startTime":
            found.sort(key=lambda ev: (instant(ev["start"], self._tz(cal)), ev["id"]))
        elif p.get("orderBy") == "updated":
            found.sort(key=lambda ev: (ev["updated"], ev["_seq"]))
        return found

    def _events_instances(self, p: Json, body: Any) -> tuple[int, Json]:
        cal = self._cal(p["calendarId"])
        parent = self._stored(cal, p["eventId"])
        lo: datetime = p.get("timeMin") or EARLIEST
        items = (expand(cal["events"].values(), parent, self._tz(cal), lo, p.get("timeMax"), bool(p.get("showDeleted")), None, self.clock())
                 if parent.get("recurrence") and parent["status"] != "cancelled" else [])
        items.sort(key=lambda ev: instant(ev["start"], self._tz(cal)))
        meta = cal["meta"]
        extra = {"summary": meta["summary"], "updated": rfc3339(self.clock()), "timeZone": meta["timeZone"],
                 "accessRole": meta["accessRole"], "defaultReminders": []}
        page = self._page(p, items, "calendar#events", extra, "instances:" + parent["id"], min(p.get("maxResults", 250), MAX_PAGE))
        page.pop("nextSyncToken", None)  # instances has no incremental sync
        page["items"] = [self._output(cal, ev, p) for ev in page["items"]]
        return 200, page

    def _stored(self, cal: Json, event_id: str, materialise: bool = False) -> Json:
        """A stored event; an instance of a series is computed (and stored as an exception if asked)."""
        ev = cal["events"].get(event_id)
        if ev is not None:
            return ev  # type: ignore[no-any-return]
        base, _, suffix = event_id.rpartition("_")
        parent = cal["events"].get(base)
        original = parse_suffix(suffix)
        if parent is None or not parent.get("recurrence") or original is None or parent["status"] == "cancelled":
            raise ApiError(404, "Not Found", reason="notFound")
        rec = Recurrence(parent)
        if not rec.includes(original):
            raise ApiError(404, "Not Found", reason="notFound")
        inst = instance(parent, rec, original)
        if materialise:
            self.order += 1
            inst["_order"] = self.order
            cal["events"][inst["id"]] = inst
        return inst

    def _events_get(self, p: Json, body: Any) -> tuple[int, Json]:
        cal = self._cal(p["calendarId"])
        return 200, self._output(cal, self._stored(cal, p["eventId"]), p, full=True)

    # ---- events: writing ---------------------------------------------------------------

    def _touch(self, ev: Json) -> None:
        self.seq += 1
        ev["_seq"] = self.seq
        ev["updated"] = rfc3339(self.clock())
        ev["etag"] = f'"{3000000000000000 + self.seq}"'

    def _new_id(self) -> str:
        # Calendar ids use base32hex: digits and a-v.
        digits = "0123456789abcdefghijklmnopqrstuv"
        n = uuid.uuid4().int
        return "".join(digits[(n >> (5 * i)) & 31] for i in range(26))

    def _check_body(self, cal: Json, ev: Json) -> None:
        """Validation Calendar applies to a whole event before storing it."""
        tz = self._tz(cal)
        if "start" not in ev:
            raise ApiError(400, "Missing start time.", reason="required")
        if "end" not in ev:
            raise ApiError(400, "Missing end time.", reason="required")
        ev["start"] = normalise_time(ev["start"], "start", tz)
        ev["end"] = normalise_time(ev["end"], "end", tz)
        check_range(ev["start"], ev["end"], tz)
        if ev.get("recurrence"):
            if not isinstance(ev["recurrence"], list):
                raise ApiError(400, "Invalid recurrence rule.", reason="invalid")
            if "dateTime" in ev["start"] and not ev["start"].get("timeZone"):
                raise ApiError(400, "Missing time zone definition for start time.", reason="required")
            Recurrence(ev)  # raises on a rule dateutil cannot parse
        if ev.get("status", "confirmed") not in ("confirmed", "tentative", "cancelled"):
            raise ApiError(400, "Invalid value for: status", reason="invalid")
        for a in ev.get("attendees") or []:
            if not isinstance(a, dict) or not a.get("email"):
                raise ApiError(400, "Missing attendee email.", reason="required")
            a.setdefault("responseStatus", "needsAction")
            a.pop("self", None)  # read-only: worked out per calendar when rendering
        if ev.get("attendees") == []:
            del ev["attendees"]

    def _create(self, cal: Json, body: Any, external: bool = False, keep_conference: bool = False) -> Json:
        if not isinstance(body, dict):
            raise ApiError(400, "Missing end time.", reason="required")
        cal_id = cal["meta"]["id"]
        ev = {k: v for k, v in body.items() if external or k not in READ_ONLY + ("organizer",)}
        if not keep_conference:
            ev.pop("conferenceData", None)
        ev_id = str(body.get("id") or self._new_id())
        if body.get("id") and not (5 <= len(ev_id) <= 1024 and all(c in "0123456789abcdefghijklmnopqrstuv" for c in ev_id)):
            raise ApiError(400, "Invalid resource id value.", reason="invalid")
        if ev_id in cal["events"]:
            raise ApiError(409, "The requested identifier already exists.", reason="duplicate")
        self._check_body(cal, ev)
        now = rfc3339(self.clock())
        ev.update({"kind": "calendar#event", "id": ev_id, "status": ev.get("status", "confirmed"),
                   "htmlLink": "https://www.google.com/calendar/event?eid="
                   + base64.urlsafe_b64encode(f"{ev_id} {cal_id}".encode()).decode().rstrip("="),
                   "created": now, "iCalUID": ev.get("iCalUID") or f"{ev_id}@google.com",
                   "sequence": int(ev.get("sequence", 0)), "eventType": ev.get("eventType", "default")})
        ev.setdefault("creator", {"email": self.email})
        owner = {"email": cal_id} if cal["meta"]["primary"] else {"email": cal_id, "displayName": cal["meta"]["summary"]}
        ev.setdefault("organizer", owner)
        ev.setdefault("reminders", {"useDefault": True})
        self.order += 1
        ev["_order"] = self.order
        self._touch(ev)
        cal["events"][ev_id] = ev
        return ev

    def _events_insert(self, p: Json, body: Any) -> tuple[int, Json]:
        cal = self._cal(p["calendarId"])
        ev = self._create(cal, body, keep_conference=p.get("conferenceDataVersion", 0) == 1)
        return 200, self._output(cal, ev, p, full=True)

    def _events_import(self, p: Json, body: Any) -> tuple[int, Json]:
        cal = self._cal(p["calendarId"])
        if not isinstance(body, dict) or not body.get("iCalUID"):
            raise ApiError(400, "Missing iCalUID.", reason="required")
        # Import is keyed by iCalUID: importing the same invitation again updates it.
        existing = next((ev for ev in cal["events"].values()
                         if ev.get("iCalUID") == body["iCalUID"] and not ev.get("recurringEventId")), None)
        if existing is not None:
            keep = {k: existing[k] for k in ("id", "created", "htmlLink", "iCalUID", "_order", "kind", "creator")}
            fresh = {k: v for k, v in body.items() if k not in READ_ONLY or k == "iCalUID"}
            fresh.pop("id", None)
            self._check_body(cal, fresh)
            fresh.setdefault("organizer", existing.get("organizer"))
            fresh.setdefault("status", "confirmed")
            existing.clear()
            existing.update(fresh, **keep)
            self._touch(existing)
            return 200, self._output(cal, existing, p, full=True)
        allowed = {k: v for k, v in body.items() if k not in READ_ONLY or k == "iCalUID"}
        allowed.pop("id", None)  # import ignores a client's id and makes its own
        ev = self._create(cal, allowed, external=True, keep_conference=p.get("conferenceDataVersion", 0) == 1)
        return 200, self._output(cal, ev, p, full=True)

    def _write(self, p: Json, body: Any, merge: bool) -> tuple[int, Json]:
        cal = self._cal(p["calendarId"])
        if not isinstance(body, dict):
            raise ApiError(400, "Required request body is missing.", reason="required")
        ev = self._stored(cal, p["eventId"], materialise=True)
        body = {k: v for k, v in body.items() if k not in READ_ONLY + ("id", "organizer")}
        if not p.get("conferenceDataVersion"):
            body.pop("conferenceData", None)
        if merge:
            new = merge_patch(copy.deepcopy(ev), body)
        else:
            keep = ("kind", "id", "created", "creator", "organizer", "htmlLink", "iCalUID", "recurringEventId",
                    "originalStartTime", "sequence", "eventType", "_order", "_seq", "etag", "updated", "conferenceData")
            new = {k: copy.deepcopy(ev[k]) for k in keep if k in ev}
            new.update(copy.deepcopy(body))
            new.setdefault("status", "confirmed")
            new.setdefault("reminders", {"useDefault": True})
        self._check_body(cal, new)
        if any(new.get(k) != ev.get(k) for k in ("start", "end", "recurrence", "location")):
            new["sequence"] = int(ev.get("sequence", 0)) + 1
        ev.clear()
        ev.update(new)
        self._touch(ev)
        return 200, self._output(cal, ev, p, full=True)

    def _events_patch(self, p: Json, body: Any) -> tuple[int, Json]:
        return self._write(p, body, merge=True)

    def _events_update(self, p: Json, body: Any) -> tuple[int, Json]:
        return self._write(p, body, merge=False)

    def _events_delete(self, p: Json, body: Any) -> tuple[int, None]:
        cal = self._cal(p["calendarId"])
        ev = self._stored(cal, p["eventId"], materialise=True)
        if ev["status"] == "cancelled":
            raise ApiError(410, "Resource has been deleted", reason="deleted")
        ev["status"] = "cancelled"
        ev["_removed"] = True  # by this calendar's owner: Google keeps its details for them
        self._touch(ev)
        if ev.get("recurrence"):
            for ex in cal["events"].values():
                if ex.get("recurringEventId") == ev["id"] and ex["status"] != "cancelled":
                    ex["status"] = "cancelled"
                    self._touch(ex)
        return 204, None

    # ---- rendering ---------------------------------------------------------------------

    def _output(self, cal: Json, ev: Json, p: Json, full: bool = False, details: bool = False) -> Json:
        """An event as a method returns it; a cancelled one as a bare tombstone unless Google keeps its details.

        The Event resource's `status` (discovery document): "Deleted events are only guaranteed to
        have the id field populated. On the organizer's calendar, cancelled events continue to
        expose event details (summary, location, etc.) so that they can be restored (undeleted).
        Similarly, the events to which the user was invited and that they manually removed
        continue to provide details. However, incremental sync requests with showDeleted set to
        false will not return these details." And "The get method always returns them."
        So: events.get and lists with showDeleted=true show details for those two kinds; every
        other cancelled event, and every list without showDeleted, carries the tombstone only.
        """
        cancelled = ev["status"] == "cancelled"
        keeps = cancelled and (full or details) and keeps_details(cal, ev)
        return render(cal, ev, self.email, p.get("maxAttendees"), tombstone=cancelled and not keeps)
