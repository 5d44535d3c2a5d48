"""Which events a Calendar list returns: recurring series expanded into instances, and filters.

Pure functions over the sandbox's stored events (Calendar's JSON plus private `_` keys):
whether an event touches a time window, a series' instances in that window with its
modified and cancelled exceptions in their place, and the q / iCalUID / eventTypes /
extended-property filters.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from interview_bot.sandbox.calendar_times import Recurrence, instance_suffix, instant

__all__ = ["HORIZON", "expand", "instance", "matches", "overlaps"]

Json = dict[str, Any]
HORIZON = timedelta(days=730)  # how far an open-ended series is expanded without timeMax


def _horizon(lo: datetime, now: datetime) -> datetime:
    return max(now, lo) + HORIZON


def _bound(ev: Json, dt: datetime, tz: str) -> datetime:
    # All-day series are compared in the calendar's zone, so bounds move there first.
    return dt.astimezone(ZoneInfo(tz)) if "date" in ev["start"] else dt


def overlaps(ev: Json, tz: str, lo: datetime, hi: datetime | None, now: datetime) -> bool:
    """Whether an event (a whole series, for a recurring one) touches (timeMin, timeMax)."""
    if ev.get("recurrence"):
        return bool(Recurrence(ev).starts(_bound(ev, lo, tz), _bound(ev, hi or _horizon(lo, now), tz), limit=1))
    return instant(ev["end"], tz) > lo and (hi is None or instant(ev["start"], tz) < hi)


def expand(events: Iterable[Json], parent: Json, tz: str, lo: datetime, hi: datetime | None,
           show_deleted: bool, since: int | None, now: datetime) -> list[Json]:
    """A series' instances overlapping the window, its modified and cancelled exceptions in place."""
    rec = Recurrence(parent)
    exceptions = {ev["id"]: ev for ev in events if ev.get("recurringEventId") == parent["id"]}
    out: list[Json] = []
    changed_parent = since is None or parent["_seq"] > since
    for original in rec.starts(_bound(parent, lo, tz), _bound(parent, hi or _horizon(lo, now), tz)):
        iid = f"{parent['id']}_{instance_suffix(original)}"
        if iid in exceptions:
            continue
        if changed_parent:
            out.append(instance(parent, rec, original))
    for ex in exceptions.values():
        if since is not None:
            continue  # changed exceptions come through the incremental listing on their own
        if ex["status"] == "cancelled" and not show_deleted:
            continue
        if since is None and not overlaps(ex, tz, lo, hi, now):
            continue
        out.append(ex)
    return out


def instance(parent: Json, rec: Recurrence, original: datetime | date) -> Json:
    """One occurrence of a series, as Calendar shows it with singleEvents=true."""
    inst = {k: copy.deepcopy(v) for k, v in parent.items() if k != "recurrence"}
    inst["id"] = f"{parent['id']}_{instance_suffix(original)}"
    inst["recurringEventId"] = parent["id"]
    inst["originalStartTime"] = rec.time_obj(original)
    inst["start"] = rec.time_obj(original)
    inst["end"] = rec.time_obj(original, rec.duration)
    return inst


def matches(ev: Json, p: Json) -> bool:
    """The q, iCalUID, eventTypes and extended property filters."""
    if "iCalUID" in p and ev.get("iCalUID") != p["iCalUID"]:
        return False
    if "eventTypes" in p and ev.get("eventType", "default") not in p["eventTypes"]:
        return False
    for scope, name in (("private", "privateExtendedProperty"), ("shared", "sharedExtendedProperty")):
        props = ev.get("extendedProperties", {}).get(scope, {})
        for constraint in p.get(name, []):
            key, _, value = constraint.partition("=")
            if props.get(key) != value:
                return False
    if p.get("q"):
        people = [ev.get("organizer", {})] + ev.get("attendees", [])
        text = " ".join([ev.get("summary", ""), ev.get("description", ""), ev.get("location", "")]
                        + [f"{x.get('displayName', '')} {x.get('email', '')}" for x in people]).lower()
        if not all(term in text for term in p["q"].lower().split()):
            return False
    return True
