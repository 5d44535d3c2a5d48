"""Durations: parsing what users write, and adding fixed time or business days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interview_bot.config.durations import Duration, business_days_after, is_business_day, parse_duration

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        ("90s", Duration(timedelta(seconds=90)), "1m30s"),
        ("15m", Duration(timedelta(minutes=15)), "15m"),
        ("2h", Duration(timedelta(hours=2)), "2h"),
        ("1d", Duration(timedelta(days=1)), "1d"),
        ("2 hours", Duration(timedelta(hours=2)), "2h"),
        ("1 hour", Duration(timedelta(hours=1)), "1h"),
        ("90 minutes", Duration(timedelta(minutes=90)), "1h30m"),
        ("45 mins", Duration(timedelta(minutes=45)), "45m"),
        ("30 seconds", Duration(timedelta(seconds=30)), "30s"),
        ("1w", Duration(timedelta(weeks=1)), "1w"),
        ("2 weeks", Duration(timedelta(weeks=2)), "2w"),
        ("10d", Duration(timedelta(days=10)), "10d"),
        ("1h30m", Duration(timedelta(hours=1, minutes=30)), "1h30m"),
        ("1h 30m", Duration(timedelta(hours=1, minutes=30)), "1h30m"),
        ("1 hour, 30 minutes", Duration(timedelta(hours=1, minutes=30)), "1h30m"),
        ("1 hour and 30 minutes", Duration(timedelta(hours=1, minutes=30)), "1h30m"),
        ("1d2h3m4s", Duration(timedelta(days=1, hours=2, minutes=3, seconds=4)), "1d2h3m4s"),
        ("1.5h", Duration(timedelta(minutes=90)), "1h30m"),
        ("0.5s", Duration(timedelta(milliseconds=500)), "0.5s"),
        ("  2H  ", Duration(timedelta(hours=2)), "2h"),
        ("0m", Duration(timedelta(0)), "0s"),
        ("3 business days", Duration(business_days=3), "3 business days"),
        ("1 business day", Duration(business_days=1), "1 business day"),
        ("2 working days", Duration(business_days=2), "2 business days"),
        ("5bd", Duration(business_days=5), "5 business days"),
        ("3  Business   Days", Duration(business_days=3), "3 business days"),
    ],
)
def test_parse_accepted_forms(text: str, expected: Duration, canonical: str) -> None:
    parsed = parse_duration(text)
    assert parsed == expected
    assert str(parsed) == canonical
    assert parse_duration(canonical) == parsed  # the canonical form reads back the same


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2 hourz", '"2 hourz" is not a duration (try "2h", "90m", "3 business days")'),
        ("soon", '"soon" is not a duration'),
        ("300", 'add a unit, e.g. "300s" or "300m"'),
        ("", "empty"),
        ("-2h", "not a duration"),
        ("2h 30", "not a duration"),
        ("1.5 business days", "whole number"),
        ("1 business day 2h", "not a duration"),
        ("h", "not a duration"),
    ],
)
def test_parse_rejects_with_a_helpful_message(text: str, message: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_duration(text)
    assert message in str(err.value)


def test_duration_is_one_kind_or_the_other() -> None:
    with pytest.raises(ValueError):
        Duration(timedelta(hours=1), business_days=1)
    with pytest.raises(ValueError):
        Duration(timedelta(hours=-1))
    assert Duration(business_days=2).is_business
    assert not Duration(timedelta(hours=2)).is_business


def test_fixed_duration_is_elapsed_time_across_a_dst_change() -> None:
    # London falls back at 02:00 BST on Sunday 25 Oct 2026: 00:30 BST + 2h is 01:30 GMT, not 02:30.
    start = datetime(2026, 10, 25, 0, 30, tzinfo=LONDON)
    due = parse_duration("2h").after(start, LONDON)
    assert due.astimezone(UTC) == datetime(2026, 10, 24, 23, 30, tzinfo=UTC) + timedelta(hours=2)
    assert (due.hour, due.minute, due.utcoffset()) == (1, 30, timedelta(0))
    assert due.tzinfo == LONDON


def test_fixed_duration_returns_the_zone_asked_for() -> None:
    start = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    due = parse_duration("90m").after(start, NEW_YORK)
    assert due.tzinfo == NEW_YORK
    assert due == datetime(2026, 3, 2, 16, 30, tzinfo=UTC)


# Dates: Mon 16 Nov 2026 ... Thanksgiving Thu 26 Nov 2026; Christmas Fri 25 Dec 2026,
# Boxing Day Sat 26 Dec observed Mon 28 Dec in GB.
@pytest.mark.parametrize(
    ("start", "days", "country", "expected"),
    [
        (datetime(2026, 11, 16, 10, 0), 1, None, datetime(2026, 11, 17, 10, 0)),  # Mon -> Tue
        (datetime(2026, 11, 20, 10, 0), 1, None, datetime(2026, 11, 23, 10, 0)),  # Fri -> Mon
        (datetime(2026, 11, 20, 10, 0), 3, None, datetime(2026, 11, 25, 10, 0)),  # Fri -> Wed
        (datetime(2026, 11, 21, 10, 0), 1, None, datetime(2026, 11, 23, 10, 0)),  # Sat -> Mon
        (datetime(2026, 11, 22, 23, 30), 1, None, datetime(2026, 11, 23, 23, 30)),  # Sun late -> Mon
        (datetime(2026, 11, 20, 10, 0), 5, None, datetime(2026, 11, 27, 10, 0)),  # a full week
        (datetime(2026, 11, 25, 14, 0), 1, "US", datetime(2026, 11, 27, 14, 0)),  # over Thanksgiving
        (datetime(2026, 11, 25, 14, 0), 1, "GB", datetime(2026, 11, 26, 14, 0)),  # not a GB holiday
        (datetime(2026, 12, 24, 9, 0), 1, "GB", datetime(2026, 12, 29, 9, 0)),  # Christmas, weekend, Boxing Day observed
        (datetime(2026, 12, 24, 9, 0), 1, None, datetime(2026, 12, 25, 9, 0)),  # without a country, only weekends
        (datetime(2026, 12, 23, 9, 0), 3, "gb", datetime(2026, 12, 30, 9, 0)),  # lower-case code works
        (datetime(2026, 11, 18, 9, 0), 0, "US", datetime(2026, 11, 18, 9, 0)),  # zero days: unchanged
    ],
)
def test_business_days(start: datetime, days: int, country: str | None, expected: datetime) -> None:
    tz = NEW_YORK if country == "US" else LONDON
    due = Duration(business_days=days).after(start.replace(tzinfo=tz), tz, country)
    assert due == expected.replace(tzinfo=tz)
    assert due.tzinfo == tz


def test_business_days_keep_wall_time_across_dst() -> None:
    # Fri 23 Oct 2026 14:00 BST; clocks go back Sun 25 Oct; Mon 26 Oct 14:00 is GMT.
    start = datetime(2026, 10, 23, 14, 0, tzinfo=LONDON)
    due = parse_duration("1 business day").after(start, LONDON, "GB")
    assert (due.date().isoformat(), due.hour, due.minute) == ("2026-10-26", 14, 0)
    assert due.utcoffset() == timedelta(0)
    # Elapsed time is three days and the hour given back (subtract in UTC: same-zone subtraction is wall time).
    assert due.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=3, hours=1)


def test_business_days_count_in_the_users_zone() -> None:
    # 23:30 UTC on Friday is already Saturday in Tokyo: one business day later is Monday there, 08:30.
    tokyo = ZoneInfo("Asia/Tokyo")
    start = datetime(2026, 11, 20, 23, 30, tzinfo=UTC)
    due = business_days_after(start, 1, tokyo)
    assert due == datetime(2026, 11, 23, 8, 30, tzinfo=tokyo)


def test_business_day_landing_in_a_spring_forward_gap_moves_after_it() -> None:
    # Israel springs forward on a Friday (27 Mar 2026, 02:00 -> 03:00): 02:30 that day does not exist.
    jerusalem = ZoneInfo("Asia/Jerusalem")
    start = datetime(2026, 3, 26, 2, 30, tzinfo=jerusalem)
    due = business_days_after(start, 1, jerusalem)
    assert (due.day, due.hour, due.minute, due.utcoffset()) == (27, 3, 30, timedelta(hours=3))


def test_subdivision_holidays() -> None:
    # St Andrew's Day (30 Nov) is a bank holiday in Scotland only; in 2026 it falls on Monday.
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=LONDON)
    assert business_days_after(friday, 1, LONDON, "GB", "SCT").day == 1  # Tue 1 Dec
    assert business_days_after(friday, 1, LONDON, "GB", "ENG").day == 30


def test_is_business_day() -> None:
    from datetime import date

    assert is_business_day(date(2026, 11, 25), "US")
    assert not is_business_day(date(2026, 11, 26), "US")
    assert not is_business_day(date(2026, 11, 28))  # Saturday
    assert is_business_day(date(2026, 11, 26), "GB")


def test_naive_datetimes_and_unknown_countries_are_refused() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        parse_duration("2h").after(datetime(2026, 1, 1, 9, 0), LONDON)
    with pytest.raises(ValueError, match="no public holidays"):
        business_days_after(datetime(2026, 1, 1, 9, 0, tzinfo=LONDON), 1, LONDON, "XX")


def test_holiday_countries_are_those_holidays_supports() -> None:
    """Read from the registry (listing them through holidays.list_supported_countries() imports every
    country's module, 8 MB kept by the daemon): the same codes, aliases included."""
    import holidays

    from interview_bot.config.durations import holiday_countries

    assert {"GB", "UK", "DE", "US"} <= holiday_countries()
    assert holiday_countries() == set(holidays.list_supported_countries())
