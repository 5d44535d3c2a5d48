"""Dates in drafts come from a slimmed copy of each locale (writing/dates.py keeps only what dating
reads of CLDR): they must read exactly as Babel's whole locale writes them, and Babel must still
serve its whole data to everyone else in the process."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel import Locale
from babel.dates import format_date

from interview_bot.config.languages import SHIPPED_LANGUAGES
from interview_bot.writing.dates import DayWords, draft_locale, long_date, short_date

DAYS = [date(2026, 12, 1), date(2026, 12, 4), date(2027, 1, 1), date(2026, 2, 28)]


@pytest.mark.parametrize("user_locale", ["en_GB", "en_US", "de_DE", "fr_CA", "pt_BR"])
@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_slim_locale_dates_as_the_whole_locale(language: str, user_locale: str) -> None:
    slim = draft_locale(language, user_locale)
    whole = Locale.parse(str(slim))
    assert whole._data._data.keys() > slim._data._data.keys()  # it is slimmer
    today = date(2026, 12, 4)
    for day in DAYS:
        assert long_date(day, slim, today) == long_date(day, whole, today)
        assert short_date(day, slim, today) == short_date(day, whole, today)
        for pattern in ("EEEE", "EEE", "MMMM", "MMM", "LLLL", "d", "y", "G", "QQQ"):
            assert format_date(day, pattern, locale=slim) == format_date(day, pattern, locale=whole)
    for ago in (0, 1, 2):
        day = today - timedelta(days=ago)
        assert str(DayWords(day, today, slim)) == str(DayWords(day, today, whole))


def test_babel_still_serves_its_whole_data_after_dating() -> None:
    from babel.languages import get_official_languages

    draft_locale("de", "de_AT")
    draft_locale("nl", "nl_BE")
    assert Locale.parse("de_AT").territories["AT"] == "Österreich"
    assert Locale.parse("en").english_name == "English"
    assert get_official_languages("BE")[:2] == ("nl", "fr")
