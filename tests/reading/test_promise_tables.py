"""The one interpreter of every language's promise tables (interview_bot.reading.promise_tables).

A constructed language (Polish-like words, so the placeholders meet inflected forms) pins each
meaning to the English reader's rules; the real languages' rows are in tests/reading/data/lang/.
"""

from __future__ import annotations

from datetime import date

import pytest

from interview_bot.reading.lang import Language
from interview_bot.reading.promise_tables import table_promises

# constructed: true -- a test table, not a language the bot ships
XX = Language(
    code="xx", rules={}, auto_subject=(), auto_body=(), silence=(),
    promise_cue=(r"\bodezwiemy\b", r"\bpoinformujemy\b"),
    promise_dates=(
        (r"\bprosimy\s+o\s+(?:odpowied[źz]|potwierdzenie)\b", "candidate"),
        (r"\bpo\s+zakończeniu\s+\w+", "anchored"),
        (r"\bdo\s+ko[ńn]ca\s+{month}\b", "month_end"),
        (r"\bw\s+połowie\s+{month}\b", "month_middle"),
        (r"\bw\s+ci[ąa]gu\s+{n}\s+dni\s+roboczych\b", "business_days"),
        (r"\bw\s+ci[ąa]gu\s+{n}\s+dni\b", "days"),
        (r"\bw\s+ci[ąa]gu\s+(?:{n}\s+)?tygodni(?:a)?\b", "weeks"),
        (r"\bw\s+ci[ąa]gu\s+{n}\s+miesi[ęe]cy\b", "months"),
        (r"\bjutro\b", "tomorrow"),
        (r"\bna\s+pocz[ąa]tku\s+przysz[łl]ego\s+tygodnia\b", "early_next_week"),
        (r"\b(?:do\s+ko[ńn]ca\s+)?przysz[łl](?:ym|ego)\s+tygodni[au]\b", "next_week"),
        (r"\bw\s+tym\s+tygodniu\b", "this_week"),
        (r"\bdo\s+ko[ńn]ca\s+miesi[ąa]ca\b", "end_of_month"),
        (r"\bw\s+przysz[łl]ym\s+miesi[ąa]cu\b", "next_month"),
        (r"\b{day}\.?\s*{month}\b", "day_month"),
        (r"\bdo\s+{weekday}\b", "weekday"),
    ),
    weekdays={"poniedziałku": 0, "piątku": 4},
    months={"grudnia": 12, "stycznia": 1, "lutego": 2},
    numbers={"dwóch": 2, "trzech": 3, "pięciu": 5},
)
THU = date(2026, 12, 3)  # a Thursday; 2026-12-07 is a Monday


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("Odezwiemy się w ciągu dwóch tygodni.", THU, date(2026, 12, 17)),
    ("Odezwiemy się w ciągu 3 dni.", THU, date(2026, 12, 6)),
    ("Odezwiemy się w ciągu tygodnia.", THU, date(2026, 12, 10)),  # no number: one
    ("Odezwiemy się do końca grudnia.", THU, date(2026, 12, 31)),
    ("Odezwiemy się do końca lutego.", THU, date(2027, 2, 28)),
    ("Odezwiemy się w połowie stycznia.", THU, date(2027, 1, 15)),
    ("Odezwiemy się w ciągu pięciu dni roboczych.", THU, date(2026, 12, 10)),
    ("Poinformujemy Panią w ciągu trzech miesięcy.", THU, date(2027, 3, 3)),
    ("Odezwiemy się jutro.", THU, date(2026, 12, 4)),
    ("Odezwiemy się na początku przyszłego tygodnia.", THU, date(2026, 12, 9)),
    ("Odezwiemy się do końca przyszłego tygodnia.", THU, date(2026, 12, 11)),
    ("Odezwiemy się w tym tygodniu.", THU, date(2026, 12, 4)),
    ("Odezwiemy się w tym tygodniu.", date(2026, 12, 5), date(2026, 12, 11)),  # a Saturday: next week's Friday
    ("Odezwiemy się do końca miesiąca.", THU, date(2026, 12, 31)),
    ("Odezwiemy się w przyszłym miesiącu.", THU, date(2027, 1, 31)),
    ("Odezwiemy się do 15 grudnia.", THU, date(2026, 12, 15)),
    ("Odezwiemy się do 2 stycznia.", THU, date(2027, 1, 2)),  # the next 2 January
    ("Poinformujemy do 8.01.", THU, date(2027, 1, 8)),
    ("Odezwiemy się do piątku.", THU, date(2026, 12, 4)),
    ("Odezwiemy się do piątku.", date(2026, 12, 4), date(2026, 12, 11)),  # strictly after a Friday
])
def test_each_meaning(text: str, base: date, expected: date) -> None:
    assert [d for d, _ in table_promises([text], base, [XX])] == [expected]


def test_business_days_skip_the_countrys_holidays() -> None:
    # 24-25 Dec 2026 are Polish public holidays (Wigilia from 2025, Christmas): 23, 28, 29, 30, 31.
    text = ["Odezwiemy się w ciągu pięciu dni roboczych."]
    assert [d for d, _ in table_promises(text, date(2026, 12, 22), [XX], "PL")] == [date(2026, 12, 31)]
    assert [d for d, _ in table_promises(text, date(2026, 12, 22), [XX])] == [date(2026, 12, 29)]


@pytest.mark.parametrize("text", [
    "Spotkanie w ciągu dwóch tygodni.",  # no word that the company will answer
    "Prosimy o odpowiedź do piątku, odezwiemy się.",  # a deadline for the candidate
    "Odezwiemy się w ciągu dwóch tygodni po zakończeniu rekrutacji.",  # counted from an undated event
    "Odezwiemy się do 31 lutego.",  # no such month name in the table
    "Odezwiemy się do 2 grudnia.",  # a year away: past the horizon a promise can have
])
def test_no_promise(text: str) -> None:
    assert table_promises([text], THU, [XX]) == []


def test_a_bad_meaning_is_named() -> None:
    bad = Language("yy", {}, (), (), (), promise_cue=("x",), promise_dates=(("x", "someday"),))
    with pytest.raises(ValueError, match="someday"):
        table_promises(["x"], THU, [bad])
