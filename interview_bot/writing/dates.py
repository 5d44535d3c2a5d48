"""Dates and day words as the draft's reader writes them, from CLDR (Babel), in every language.

The draft's language comes from the process, the territory from the user's `locale`: a user in
London writing to a German recruiter writes German dates ("Freitag, 4. Dezember"); writing in
English, British ones ("Friday 4 December"), not American ("Friday, December 4"). Pure.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel is imported when a draft is dated, not when the daemon starts (memory)
    from babel import Locale

__all__ = ["DayWords", "draft_locale", "long_date", "short_date"]

DEFAULT_LOCALE = "en_US"


@lru_cache(maxsize=64)
def draft_locale(language: str, user_locale: str) -> Locale:
    """The locale a draft in `language` is dated in: the user's, with its territory when CLDR has
    that pair ("en" + "de_DE" -> en_DE), else the language's own default."""
    user = _parse(user_locale) or _parse(DEFAULT_LOCALE)
    assert user is not None
    if user.language == language:
        return user
    if user.territory:
        paired = _parse(f"{language}_{user.territory}")
        if paired is not None:
            return paired
    return _parse(language) or user


def _parse(name: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    try:
        parsed = Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return _dates_only(parsed)


# What dating a draft reads of a locale's CLDR data (babel.dates' formatting of day, weekday,
# month, year and era fields, the skeletons, "today"/"yesterday"). A whole locale is ten times
# that (unit, currency, language, territory and time zone names): 4.9 MB resident for English.
_DATE_KEYS = frozenset((
    "date_fields", "date_formats", "datetime_formats", "datetime_formats_relative", "datetime_skeletons",
    "day_period_rules", "day_periods", "days", "eras", "interval_formats", "locale_id", "months",
    "number_symbols", "default_numbering_system", "numbering_systems", "periods", "quarters", "time_formats",
    "week_data", "zone_formats",
))


def _dates_only(loc: Locale) -> Locale:
    """A Locale holding only the CLDR data that dates need, and none left in Babel's caches.

    Babel keeps every locale it loads, whole, for the life of the process; the daemon dates a
    draft in at most a few languages and needs a tenth of each. The slim copy is the daemon's
    own; Babel's cached copies (and its global tables, when loading the locale read them) are
    dropped, so anything else that asks Babel for a locale (config checks) reads it again from disk.
    Babel's caches are private (babel.localedata._cache and _dict_cache, babel.core._global_data, as in
    2.12 to 2.19); tests/writing/test_dates.py checks the dates against whole locales, and that Babel
    still serves its whole data after. The daemon dates and checks config in one thread (DebugExecutor)."""
    import babel.core
    from babel import Locale, localedata

    with localedata._cache_lock:  # what was cached before is someone else's: leave it
        before = set(localedata._cache)
        had_global = getattr(babel.core, "_global_data", None) is not None
        raw = loc._data._data
        slim = localedata.LocaleDataDict({key: raw[key] for key in _DATE_KEYS if key in raw})
        for cache in (localedata._cache, getattr(localedata, "_dict_cache", {})):
            for name in set(cache) - before:
                del cache[name]
        if not had_global:  # CLDR's global tables (2.2 MB), read here only to find the locale's parents
            babel.core._global_data = None

    class DatesLocale(Locale):
        @property
        def _data(self) -> localedata.LocaleDataDict:
            return slim

    return DatesLocale(loc.language, loc.territory, loc.script, loc.variant, loc.modifier)


def _weekday_pattern(loc: Locale, with_year: bool) -> str:
    skeletons = loc.datetime_skeletons
    found = skeletons.get("yMMMMEEEEd" if with_year else "MMMMEEEEd")
    if found is not None:
        return str(found)
    full = str(loc.date_formats["full"].pattern)
    if with_year:
        return full
    # The full pattern without its year: "EEEE, MMMM d, y" -> "EEEE, MMMM d"; "d 'de' MMMM 'de' y" too.
    return re.sub(r"[\s,.]*(?:'de'\s*)?y+\.?(?:\s*'г'\.?)?\s*$", "", full).strip()


# The first of the month is written as an ordinal in some languages ("1er décembre", "1º de
# dezembro", "1° dicembre"); CLDR's patterns have no such form.
_FIRST = {"fr": "1er", "it": "1°", "pt": "1º"}


def _ordinal_first(text: str, day: date, loc: Locale) -> str:
    first = _FIRST.get(loc.language)
    return re.sub(r"(?<!\d)1(?![\d.])", first, text, count=1) if first and day.day == 1 else text


def long_date(day: date, loc: Locale, today: date | None = None) -> str:
    """Weekday and date, with the year only when it is not this year's: "Friday 4 December"."""
    from babel.dates import format_date

    with_year = today is not None and day.year != today.year
    return _ordinal_first(str(format_date(day, _weekday_pattern(loc, with_year), locale=loc)), day, loc)


def short_date(day: date, loc: Locale, today: date | None = None) -> str:
    """Day and month ("4 December", "December 4", "4. Dezember"), the year when not this year's."""
    from babel.dates import format_date

    with_year = today is not None and day.year != today.year
    skeleton = "yMMMMd" if with_year else "MMMMd"
    pattern = loc.datetime_skeletons.get(skeleton) or loc.date_formats["long"].pattern
    return _ordinal_first(str(format_date(day, str(pattern), locale=loc)), day, loc)


def _relative(loc: Locale, offset: int) -> str:
    # CLDR's own words for "today" and "yesterday" ("heute", "aujourd’hui"); Babel keeps them in
    # its locale data without a public accessor.
    words = loc._data["date_fields"]["day"]["relative"]
    return str(words.get(offset, ""))


class DayWords:
    """How the draft names a past day, as written on `today`: "today", "yesterday", else the date.

    `days_ago` is 0 for today, 1 for yesterday; templates choose their preposition by it
    ("on Friday 4 December" but "yesterday"). Never only a weekday: written on a Tuesday,
    "on Tuesday" would read as today."""

    def __init__(self, day: date, today: date, loc: Locale) -> None:
        self.days_ago = (today - day).days
        self.date = long_date(day, loc, today)
        self.short = short_date(day, loc, today)
        relative = _relative(loc, -self.days_ago) if self.days_ago in (0, 1) else ""
        self.word = relative  # "today", "yesterday", or "" when the date is needed

    def __str__(self) -> str:
        return self.word or self.date

