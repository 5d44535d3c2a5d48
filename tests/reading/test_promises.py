"""Promised decision dates, read relative to the message's own date in the user's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from interview_bot.reading.promises import Promise, find_promise, latest_promise

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")

# Anchor days (2026): Fri Dec 4, Mon Dec 7, Tue Nov 24 (Thanksgiving is Thu Nov 26),
# Tue Dec 22 (GB: Christmas Fri 25, Boxing Day observed Mon 28), Mon Dec 28.
FRI = datetime(2026, 12, 4, 10, 0, tzinfo=NEW_YORK)
MON = datetime(2026, 12, 7, 9, 30, tzinfo=NEW_YORK)
WED = datetime(2026, 12, 9, 16, 0, tzinfo=NEW_YORK)
PRE_THANKSGIVING = datetime(2026, 11, 24, 11, 0, tzinfo=NEW_YORK)
PRE_CHRISTMAS = datetime(2026, 12, 22, 11, 0, tzinfo=LONDON)
YEAR_END = datetime(2026, 12, 28, 9, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    ("text", "sent", "country", "expected"),
    [
        # Explicit dates
        ("We'll have a decision by Friday, December 11.", FRI, "US", date(2026, 12, 11)),
        ("We expect to make a decision by December 11th.", FRI, None, date(2026, 12, 11)),
        ("You should hear back from us by 11 December.", FRI, "GB", date(2026, 12, 11)),
        ("Decision by Dec. 11", FRI, None, date(2026, 12, 11)),
        ("We'll update you on the 11th of December.", FRI, None, date(2026, 12, 11)),
        ("We'll have an answer by Fri, Dec 11.", FRI, None, date(2026, 12, 11)),
        ("You'll get our decision by Friday the 11th.", FRI, None, date(2026, 12, 11)),
        ("You'll hear from us by the 16th.", FRI, None, date(2026, 12, 16)),
        ("We'll have a decision by 12/11.", FRI, "US", date(2026, 12, 11)),
        ("We'll have a decision by 11/12.", FRI, "GB", date(2026, 12, 11)),
        ("We'll have a decision by 24/12.", FRI, None, date(2026, 12, 24)),  # only one reading
        ("Final decision expected by 2026-12-11.", FRI, None, date(2026, 12, 11)),
        ("We aim to reach a decision by December 11, 2026.", FRI, None, date(2026, 12, 11)),
        # Month-day without a year across the year end
        ("We'll have a decision by January 5.", YEAR_END, "US", date(2027, 1, 5)),
        ("You'll hear from us by the 4th.", YEAR_END, None, date(2027, 1, 4)),
        ("Decision by 1/5", YEAR_END, "US", date(2027, 1, 5)),
        ("We'll decide on December 30.", YEAR_END, None, date(2026, 12, 30)),
        # Weekdays: strictly after the message date; "this" counts today; "next" is next week's
        ("We'll have an answer by Monday.", FRI, None, date(2026, 12, 7)),
        ("We'll have an update by Friday.", FRI, None, date(2026, 12, 11)),  # sent on a Friday
        ("We'll get back to you this Friday.", FRI, None, date(2026, 12, 4)),
        ("We'll decide next Tuesday.", MON, None, date(2026, 12, 15)),
        ("We'll decide next Tuesday.", FRI, None, date(2026, 12, 8)),
        ("We'll be in touch Tuesday next week.", MON, None, date(2026, 12, 15)),
        ("We'll have an update by end of day Thursday.", MON, None, date(2026, 12, 10)),
        # Weeks
        ("We should have an update by the end of the week.", MON, None, date(2026, 12, 11)),
        ("We'll have feedback by end of next week.", MON, None, date(2026, 12, 18)),
        ("We expect to make a decision early next week.", WED, None, date(2026, 12, 16)),
        ("The team will decide mid next week.", WED, None, date(2026, 12, 17)),
        ("We should know more next week.", WED, None, date(2026, 12, 18)),
        ("We'll circle back the week after next.", WED, None, date(2026, 12, 25)),
        # Relative spans
        ("We'll get back to you within two weeks.", FRI, None, date(2026, 12, 18)),
        ("We'll be in touch in a couple of days.", FRI, None, date(2026, 12, 6)),
        ("You'll hear from us within 48 hours.", FRI, None, date(2026, 12, 6)),
        ("We'll let you know within a month.", FRI, None, date(2027, 1, 4)),
        ("We need one more week.", FRI, None, date(2026, 12, 11)),
        ("It will take another couple of weeks, sorry.", FRI, None, date(2026, 12, 18)),
        ("We'll get back to you by tomorrow.", FRI, None, date(2026, 12, 5)),
        ("Expect an outcome by the end of the month.", FRI, None, date(2026, 12, 31)),
        ("We'll be making a decision in the next week or two.", MON, None, date(2026, 12, 21)),
        ("We will get back to you by COB Thursday.", MON, None, date(2026, 12, 10)),
        ("Expect to hear from us on Monday 12/14.", MON, "US", date(2026, 12, 14)),
        ("Our decision should be made by the 5th of January.", MON, None, date(2027, 1, 5)),
        # Business days, with holidays
        ("We'll get back to you within 5 business days.", FRI, "US", date(2026, 12, 11)),
        ("We'll get back to you within 3 business days.", PRE_THANKSGIVING, "US", date(2026, 11, 30)),
        ("We'll get back to you within 3 business days.", PRE_THANKSGIVING, None, date(2026, 11, 27)),
        ("You'll have our decision within 3 working days.", PRE_CHRISTMAS, "GB", date(2026, 12, 29)),
        # Word order, conditionals, corrections
        ("By Friday, we'll have a decision.", MON, None, date(2026, 12, 11)),
        ("We haven't made a decision yet, but will by Friday.", MON, None, date(2026, 12, 11)),
        ("We won't know more until Tuesday.", FRI, None, date(2026, 12, 8)),
        ("If you don't hear from us by Friday, feel free to reach out.", MON, None, date(2026, 12, 11)),
        ("Please note we'll have a decision by Thursday.", MON, None, date(2026, 12, 10)),
        ("Let us know your availability by Friday and we'll get back to you within 5 business days.",
         MON, "US", date(2026, 12, 14)),
        ("We were hoping to decide by Friday, but it will now be early next week.", MON, None, date(2026, 12, 16)),
        ("We expect to make a final decision\nby Friday, December 11. Thanks for your patience!", FRI, None,
         date(2026, 12, 11)),
    ],
)
def test_promise_dates(text: str, sent: datetime, country: str | None, expected: date) -> None:
    promise = find_promise(text, sent, NEW_YORK if sent.tzinfo is NEW_YORK else LONDON, country)
    assert promise is not None, text
    assert promise.by == expected
    assert promise.source == "email"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Please reply by Friday.", None),
        ("Can you send your references by Monday?", None),
        ("Let us know by Friday whether you're still interested.", None),
        ("Could you share your availability for next week?", None),
        ("We'd love to hear back from you by Friday.", None),
        ("We need your decision on the offer by December 11.", None),
        ("We'd need you to sign and return the forms by the 15th.", None),
        ("Please complete the take-home within 5 days; the panel reviews it after.", None),
        ("The onsite is scheduled for next Tuesday.", None),
        ("I'm free by Friday.", None),
        ("We won't have a decision by Friday.", None),
        ("We hope to share the outcome before the holidays.", None),
        ("We'll be in touch soon.", None),
        ("We'll get back to you after the holidays.", None),
        ("We'll have a decision by 11/12.", None),  # November or December? No guessing without a country.
        ("Thank you for your feedback; the onsite will be on Friday.", None),
        ("We made our decision last Friday.", None),
        ("We made the decision on Monday, and the team is thrilled.", None),
        ("Our office is closed December 24 through January 2.", None),
        ("The recruiter decided to move the call to Friday.", None),
        ("", None),
    ],
)
def test_not_promises(text: str, country: str | None) -> None:
    assert find_promise(text, MON, NEW_YORK, country) is None


def test_phrase_is_the_promise_in_words() -> None:
    promise = find_promise("Hi Sam,\nWe'll have a decision by Friday, December 11. Best, Jo", FRI, NEW_YORK)
    assert promise == Promise(date(2026, 12, 11), "decision by Friday, December 11", "email")


def test_the_last_promise_in_a_text_wins() -> None:
    text = "We'll decide by Friday. Actually, the hiring manager is out, so expect an update early next week."
    promise = find_promise(text, MON, NEW_YORK)
    assert promise is not None and promise.by == date(2026, 12, 16)


def test_relative_to_the_message_date_in_the_users_time_zone() -> None:
    late_friday = datetime(2026, 12, 5, 4, 30, tzinfo=UTC)  # Friday 23:30 in New York, Saturday in London
    text = "We'll have an update for you tomorrow."
    assert find_promise(text, late_friday, NEW_YORK) == Promise(date(2026, 12, 5), "update for you tomorrow", "email")
    promise = find_promise(text, late_friday, LONDON)
    assert promise is not None and promise.by == date(2026, 12, 6)


def test_quoted_earlier_messages_are_not_read_in_email() -> None:
    body = "Thanks Sam!\n\nOn Mon, Nov 30, 2026 at 9:00 AM Jo Recruiter <jo@acme.com> wrote:\n> We'll decide by Friday.\n"
    assert find_promise(body, MON, NEW_YORK) is None
    description = "Hiring decisions are communicated within 5 business days of the final interview."
    promise = find_promise(description, MON, NEW_YORK, "US", source="description")
    assert promise == Promise(date(2026, 12, 14), "decisions are communicated within 5 business days", "description")


def test_naive_datetime_is_an_error() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        find_promise("We'll decide by Friday.", datetime(2026, 12, 4, 10, 0), NEW_YORK)


def test_a_later_message_replaces_an_earlier_promise_even_with_an_earlier_date() -> None:
    first = Promise(date(2026, 12, 18), "decision by end of next week", "email")
    second = Promise(date(2026, 12, 11), "decision by Friday", "email")
    third = Promise(date(2026, 12, 25), "need one more week", "email")
    assert latest_promise([(MON, first), (WED, second)]) == second
    assert latest_promise([(WED, second), (MON, first)]) == second  # order of the list does not matter
    assert latest_promise([(MON, first), (WED, second), (datetime(2026, 12, 11, 9, tzinfo=NEW_YORK), third)]) == third
    assert latest_promise([(MON, first), (MON, second)]) == first  # same instant: the later date
    assert latest_promise([]) is None


@pytest.mark.parametrize(
    "hostile",
    [
        "decision by " * 20_000,
        "a" * 200_000,
        " " * 200_000 + "x",
        "\n" * 200_000,
        "1/" * 100_000,
        "we will decide within the next " * 7_000,
        ("> quoted\n" * 25_000),
        "On " + "x " * 100_000,
        "hear from us, " * 15_000 + "by Friday",
    ],
)
def test_large_hostile_input_is_read(hostile: str) -> None:
    # Its time is measured by benchmarks/hostile_inputs.py (target: 1 s), not asserted here.
    found = find_promise(hostile, MON, NEW_YORK, "US")
    assert found is None or isinstance(found, Promise)
