"""Durations as users write them in config.yaml: "2h", "90 minutes", "3 business days".

A Duration is either a fixed span of elapsed time or a count of business days.
Business days skip weekends and the public holidays of a country, and keep the
local wall-clock time: "3 business days" after Friday 14:00 is Wednesday 14:00,
even if the clocks changed in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from interview_bot.config.public_holidays import holiday_countries, holiday_dates

__all__ = ["DURATION_EXAMPLES", "DURATION_PATTERN", "Duration", "business_days_after", "holiday_countries",
           "is_business_day", "parse_duration"]

# Shown in every "not a duration" message, so a user sees the shapes that work.
DURATION_EXAMPLES = ('"2h"', '"90m"', '"3 business days"')

_UNIT_SECONDS: dict[str, int] = {}
for _names, _seconds in (
    (("s", "sec", "secs", "second", "seconds"), 1),
    (("m", "min", "mins", "minute", "minutes"), 60),
    (("h", "hr", "hrs", "hour", "hours"), 3600),
    (("d", "day", "days"), 86400),
    (("w", "wk", "wks", "week", "weeks"), 7 * 86400),
):
    for _name in _names:
        _UNIT_SECONDS[_name] = _seconds

_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
_BUSINESS_RE = re.compile(rf"^{_NUMBER}\s*(business\s+days?|working\s+days?|bd)$")
# One "<number><unit>" piece of a fixed duration; pieces may be separated by
# spaces, commas or "and": "1h30m", "1 hour 30 minutes", "1 hour, 30 minutes".
_PIECE_RE = re.compile(rf"{_NUMBER}\s*([a-z]+)")
_SEPARATOR_RE = re.compile(r"(?:\s|,|\band\b)*")


def _any_case(word: str) -> str:
    # JSON Schema patterns (ECMA 262) have no case-insensitive flag.
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def _json_pattern() -> str:
    """parse_duration's grammar as one JSON Schema pattern, for editors (checked against it in the tests)."""
    units = "|".join(_any_case(u) for u in sorted(_UNIT_SECONDS, key=len, reverse=True))
    sep = rf"(?:\s|,|\b{_any_case('and')}\b)*"
    fixed = rf"{sep}(?:{_NUMBER}\s*(?:{units})(?![A-Za-z]){sep})+"
    days = "|".join(_any_case(w) for w in ("business", "working"))
    business = rf"\s*\d+\s*(?:(?:{days})\s+{_any_case('day')}[sS]?|{_any_case('bd')})\s*"
    return f"^(?:{business}|{fixed})$"


DURATION_PATTERN = _json_pattern()


@dataclass(frozen=True)
class Duration:
    """A fixed span of time (`delta`) or a number of business days; exactly one is used."""

    delta: timedelta = timedelta(0)
    business_days: int = 0

    def __post_init__(self) -> None:
        if self.delta < timedelta(0) or self.business_days < 0:
            raise ValueError("a duration cannot be negative")
        if self.business_days and self.delta:
            raise ValueError("a duration is either a fixed time or business days, not both")

    @classmethod
    def of_business_days(cls, days: int) -> Duration:
        """A duration of `days` business days."""
        return cls(business_days=days)

    @property
    def is_business(self) -> bool:
        """True when this counts business days rather than elapsed time."""
        return self.business_days > 0

    def after(
        self,
        start: datetime,
        tz: ZoneInfo,
        country: str | None = None,
        subdivision: str | None = None,
    ) -> datetime:
        """The instant this long after `start`, as an aware datetime in `tz`.

        Fixed durations are elapsed time ("2h" across a DST change is still two
        hours); business days keep the wall-clock time of `start` in `tz`.
        """
        _require_aware(start)
        if self.is_business:
            return business_days_after(start, self.business_days, tz, country, subdivision)
        # Aware arithmetic on a ZoneInfo datetime adds wall time; go via UTC for elapsed time.
        return (start.astimezone(UTC) + self.delta).astimezone(tz)

    def __str__(self) -> str:
        if self.is_business:
            return f"{self.business_days} business day{'s' if self.business_days != 1 else ''}"
        return _format_delta(self.delta)


def parse_duration(text: str) -> Duration:
    """Parse "90s", "15m", "2 hours", "1h30m", "2 weeks", "3 business days" and the like."""
    if not isinstance(text, str):
        raise TypeError(f"parse_duration takes a string, not {type(text).__name__}")
    s = " ".join(text.strip().lower().split())
    if not s:
        raise ValueError(f"an empty string is not a duration (try {', '.join(DURATION_EXAMPLES)})")

    business = _BUSINESS_RE.match(s)
    if business:
        number = business.group(1)
        if not number.isdigit():
            raise ValueError(f'"{text}": business days must be a whole number, like "3 business days"')
        return Duration(business_days=int(number))

    seconds = 0.0
    pos = 0
    pieces = 0
    while pos < len(s):
        pos = _SEPARATOR_RE.match(s, pos).end()  # type: ignore[union-attr]  # (?:...)* always matches
        if pos >= len(s):
            break
        piece = _PIECE_RE.match(s, pos)
        if not piece or piece.group(2) not in _UNIT_SECONDS:
            raise ValueError(_not_a_duration(text, s))
        seconds += float(piece.group(1)) * _UNIT_SECONDS[piece.group(2)]
        pieces += 1
        pos = piece.end()
    if not pieces:
        raise ValueError(_not_a_duration(text, s))
    # Round to whole microseconds so "0.1s" and str() round-trip exactly.
    return Duration(delta=timedelta(microseconds=round(seconds * 1_000_000)))


def is_business_day(day: date, country: str | None = None, subdivision: str | None = None) -> bool:
    """True unless `day` is a Saturday, a Sunday or a public holiday of `country`."""
    if day.weekday() >= 5:
        return False
    return not country or day not in holiday_dates(country.upper(), subdivision, day.year)


def business_days_after(
    start: datetime,
    days: int,
    tz: ZoneInfo,
    country: str | None = None,
    subdivision: str | None = None,
) -> datetime:
    """`days` business days after `start`, at the same wall-clock time in `tz` (aware in, aware out).

    Counting starts the day after `start`'s local date, so one business day
    after Saturday is Monday and after Friday is the next working Monday.
    """
    _require_aware(start)
    if days < 0:
        raise ValueError("days cannot be negative")
    local = start.astimezone(tz)
    day = local.date()
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_business_day(day, country, subdivision):
            remaining -= 1
    return _at_wall_time(day, local.time(), tz)


def _at_wall_time(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """`wall` on `day` in `tz`, normalised: a time skipped by a spring-forward lands just after it."""
    naive = datetime.combine(day, wall.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def _require_aware(start: datetime) -> None:
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError(f"{start.isoformat()} has no time zone; durations need aware datetimes")


def _not_a_duration(text: str, normalised: str) -> str:
    hint = f"try {', '.join(DURATION_EXAMPLES)}"
    if re.fullmatch(_NUMBER, normalised):
        hint = f'add a unit, e.g. "{normalised}s" or "{normalised}m"'
    return f'"{text}" is not a duration ({hint})'


def _format_delta(delta: timedelta) -> str:
    total_us = delta // timedelta(microseconds=1)
    if total_us == 0:
        return "0s"
    whole, micro = divmod(total_us, 1_000_000)
    parts: list[str] = []
    days, rest = divmod(whole, 86400)
    # Weeks only when they say it exactly: "2w", not "1w3d" for ten days.
    if days and days % 7 == 0:
        parts.append(f"{days // 7}w")
    elif days:
        parts.append(f"{days}d")
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if seconds or micro:
        parts.append(f"{seconds}.{micro:06d}".rstrip("0").rstrip(".") + "s" if micro else f"{seconds}s")
    return "".join(parts)
