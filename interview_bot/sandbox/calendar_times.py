"""Event times for the Calendar sandbox: validation, normalisation and recurrence expansion."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rruleset, rrulestr

from interview_bot.sandbox.errors import ApiError

_DT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?\Z")


def zone(name: str, field: str = "start") -> ZoneInfo:
    """An IANA zone by name; 400 like Calendar for a name it does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ApiError(400, f"Invalid time zone definition for {field} time.", reason="invalid") from None


def rfc3339(dt: datetime) -> str:
    """Calendar's own timestamp format for `updated`/`created`: UTC with milliseconds."""
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def local_iso(dt: datetime) -> str:
    """A dateTime as Calendar returns it: wall time in the event's zone with its offset."""
    text = dt.replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def normalise_time(value: Any, field: str, default_tz: str) -> dict[str, Any]:
    """A start/end object checked like Calendar checks it, dateTime rewritten in its zone."""
    if not isinstance(value, dict) or not (("date" in value) ^ ("dateTime" in value)):
        raise ApiError(400, f"Invalid {field} time.", reason="invalid")
    out = dict(value)
    if "date" in value:
        try:
            date.fromisoformat(str(value["date"]))
        except ValueError:
            raise ApiError(400, f"Invalid {field} time.", reason="invalid") from None
        return out
    text = str(value["dateTime"])
    m = _DT.match(text)
    if not m:
        raise ApiError(400, f"Invalid {field} time.", reason="invalid")
    tz_name = value.get("timeZone") or ""
    if tz_name:
        tz: tzinfo = zone(tz_name, field)
    elif m.group(2):
        tz = zone(default_tz, field)
    else:
        raise ApiError(400, f"Missing time zone definition for {field} time.", reason="required")
    naive = datetime.fromisoformat(text[:19])
    if m.group(2):
        offset = m.group(2).upper().replace("Z", "+00:00")
        dt = datetime.fromisoformat(text[:19] + offset).astimezone(tz)
    else:
        dt = naive.replace(tzinfo=tz)
    out["dateTime"] = local_iso(dt)
    return out


def instant(value: dict[str, Any], cal_tz: str) -> datetime:
    """When a start/end object begins, as an aware datetime; all-day dates at midnight in the calendar's zone."""
    if "dateTime" in value:
        return datetime.fromisoformat(value["dateTime"].replace("Z", "+00:00"))
    return datetime.combine(date.fromisoformat(value["date"]), time(), ZoneInfo(cal_tz))


def check_range(start: dict[str, Any], end: dict[str, Any], cal_tz: str) -> None:
    """400 unless start and end are the same kind and end is not before start."""
    if ("date" in start) != ("date" in end):
        raise ApiError(400, "Start and end times must either both be date or both be dateTime.", reason="invalid")
    s, e = instant(start, cal_tz), instant(end, cal_tz)
    if e < s or ("date" in start and e == s):
        raise ApiError(400, "The specified time range is empty.", reason="timeRangeEmpty")


def instance_suffix(original: datetime | date) -> str:
    """The part after "_" in a recurring instance's id: UTC basic format, or the bare date."""
    if isinstance(original, datetime):
        return original.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return original.strftime("%Y%m%d")


def parse_suffix(suffix: str) -> datetime | date | None:
    """The original start an instance id names, or None if it names none."""
    try:
        if re.fullmatch(r"\d{8}T\d{6}Z", suffix):
            return datetime.strptime(suffix, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if re.fullmatch(r"\d{8}", suffix):
            return datetime.strptime(suffix, "%Y%m%d").date()
    except ValueError:
        return None
    return None


class Recurrence:
    """A recurring event's series: RRULE/EXRULE/RDATE/EXDATE expanded in the event's zone."""

    def __init__(self, event: dict[str, Any]) -> None:
        start = event["start"]
        self.all_day = "date" in start
        if self.all_day:
            self.tz: ZoneInfo | None = None
            self.dtstart = datetime.combine(date.fromisoformat(start["date"]), time())
            end = datetime.combine(date.fromisoformat(event["end"]["date"]), time())
        else:
            # Recurring timed events carry a zone (insert requires it): expansion keeps wall time across DST.
            self.tz = zone(start.get("timeZone") or "UTC")
            self.dtstart = datetime.fromisoformat(start["dateTime"].replace("Z", "+00:00")).astimezone(self.tz)
            end = datetime.fromisoformat(event["end"]["dateTime"].replace("Z", "+00:00")).astimezone(self.tz)
        self.duration = end - self.dtstart
        lines = [self._fix(line) for line in event.get("recurrence", [])]
        try:
            rs = rrulestr("\n".join(lines), dtstart=self.dtstart, forceset=True)
        except (ValueError, TypeError) as exc:
            raise ApiError(400, f"Invalid recurrence rule. {exc}", reason="invalid") from None
        assert isinstance(rs, rruleset)
        self.rules = rs

    def _fix(self, line: str) -> str:
        """Make a line dateutil can compare with our dtstart: floating times get the event's zone."""
        name, _, value = line.partition(":")
        upper = name.upper()
        if not upper.startswith(("RRULE", "EXRULE", "RDATE", "EXDATE")):
            raise ApiError(400, "Invalid recurrence rule.", reason="invalid")
        if upper.startswith(("RRULE", "EXRULE")):
            return name + ":" + re.sub(r"UNTIL=([0-9TZ]+)", lambda m: "UNTIL=" + self._until(m.group(1)), value, flags=re.IGNORECASE)
        floating = not all(v.upper().endswith("Z") for v in value.split(","))
        if self.tz is not None and "TZID=" not in upper and "VALUE=DATE" not in upper and floating:
            return f"{name};TZID={self.tz.key}:{value}"
        if self.tz is None:
            return name + ":" + value.replace("Z", "").replace("z", "")
        return line

    def _until(self, value: str) -> str:
        if self.tz is None:
            return value.rstrip("Zz")[:8]
        if value.upper().endswith("Z"):
            return value
        if len(value) == 8:  # a date: the whole day counts, in the event's zone
            local = datetime.strptime(value, "%Y%m%d").replace(hour=23, minute=59, second=59, tzinfo=self.tz)
        else:
            local = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=self.tz)
        return local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    def starts(self, after: datetime, before: datetime, limit: int = 10000) -> list[datetime | date]:
        """Original starts of instances overlapping (after, before): timed as aware, all-day as dates."""
        if self.all_day:
            # All-day instances are compared in the calendar's zone; callers pass bounds already there.
            after, before = after.replace(tzinfo=None), before.replace(tzinfo=None)
        # xafter excludes its bound, so the first instance is found from just before dtstart.
        lo, hi = max(after - self.duration, self.dtstart - timedelta(seconds=1)), before
        found: list[datetime | date] = []
        for dt in self.rules.xafter(lo, inc=False, count=None):
            if dt >= hi or len(found) >= limit:
                break
            if self.all_day:
                found.append(dt.date())
            else:
                found.append(dt.astimezone(self.tz))
        return found

    def includes(self, original: datetime | date) -> bool:
        """Whether the series has an instance starting at `original`."""
        if self.all_day:
            if not isinstance(original, date) or isinstance(original, datetime):
                return False
            probe = datetime.combine(original, time())
        else:
            if not isinstance(original, datetime):
                return False
            probe = original
        return bool(self.rules.between(probe - timedelta(seconds=1), probe + timedelta(seconds=1), inc=True))

    def time_obj(self, start: datetime | date, offset: timedelta = timedelta(0)) -> dict[str, Any]:
        """A start/end object for an instance starting at `start` (plus `offset`)."""
        if isinstance(start, datetime):
            assert self.tz is not None
            return {"dateTime": local_iso((start + offset).astimezone(self.tz)), "timeZone": self.tz.key}
        return {"date": (start + offset).isoformat()}
