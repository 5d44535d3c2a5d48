"""How the Calendar sandbox shows a stored event: Google's key order, `self` flags, tombstones, PATCH merges.

Pure functions over the sandbox's stored events (Calendar's JSON plus private `_` keys).
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["KEY_ORDER", "keeps_details", "merge", "render"]

Json = dict[str, Any]
KEY_ORDER = ("kind", "etag", "id", "status", "htmlLink", "created", "updated", "summary", "description", "location",
             "creator", "organizer", "start", "end", "recurringEventId", "originalStartTime", "recurrence")


def keeps_details(cal: Json, ev: Json) -> bool:
    """A cancelled event on its organizer's own calendar, or one this calendar's owner removed."""
    organizer = str((ev.get("organizer") or {}).get("email", "")).lower()
    return bool(ev.get("_removed")) or organizer == str(cal["meta"]["id"]).lower()


def render(cal: Json, ev: Json, account: str, max_attendees: int | None = None, tombstone: bool = False) -> Json:
    """An event as Calendar returns it: no private fields, `self` flags for this calendar."""
    if tombstone:
        # Lists carry deleted events as bare tombstones; a client must not expect their details.
        keys = ("kind", "etag", "id", "status", "recurringEventId", "originalStartTime")
        return {k: copy.deepcopy(ev[k]) for k in keys if k in ev}
    first = [k for k in KEY_ORDER if k in ev]
    out = {k: copy.deepcopy(ev[k]) for k in first + sorted(set(ev) - set(first)) if not k.startswith("_")}
    cal_id = cal["meta"]["id"].lower()
    for key in ("organizer", "creator"):
        person = out.get(key)
        if isinstance(person, dict):
            mine = cal_id if key == "organizer" else account.lower()
            if str(person.get("email", "")).lower() == mine:
                person["self"] = True
    for a in out.get("attendees", []):
        if str(a.get("email", "")).lower() == cal_id:
            a["self"] = True
        if out.get("organizer", {}).get("email", "").lower() == str(a.get("email", "")).lower():
            a["organizer"] = True
    if max_attendees is not None and len(out.get("attendees", [])) > max_attendees:
        out["attendees"] = [a for a in out["attendees"] if a.get("self")]
        out["attendeesOmitted"] = True
    return out


def merge(target: Json, patch: Json) -> Json:
    """PATCH semantics: objects merge, arrays and scalars replace, null clears."""
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            target[key] = merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)
    return target
