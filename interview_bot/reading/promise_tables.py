"""Promised decision dates read from any language's tables (PROMISE_CUE, PROMISE_DATES...).

Pure. One interpreter for every language module in interview_bot.reading.lang that fills
the promise tables, by the rules of the English reader (interview_bot.reading.promises): a
date phrase counts only in a sentence that also says the company will answer (a
PROMISE_CUE: "odezwiemy się", "återkommer", "ilmoitamme"), it is read as the latest day a
fair reader would still count ("w przyszłym tygodniu" -> Friday of next week), and never
as a deadline set for the candidate.

A language's PROMISE_DATES is a tuple of (regex, meaning). The regex may hold these
placeholders, filled from the language's own tables: `{n}` a number (digits or a word of
NUMBERS: "dwóch", "kahden"), `{weekday}` a name of WEEKDAYS, `{month}` a name of MONTHS,
`{day}` a day of the month (1-31). Languages written without spaces put no space between the
number and its unit ("3営業日以内", "三个工作日内"), so their patterns write `\\s*` there. Meanings:

- "days", "business_days", "weeks", "months": {n} of them from the message date (business
  days skip weekends and the country's public holidays); a pattern may leave {n} out
  ("w ciągu tygodnia", within a week): one;
- "tomorrow"; "this_week" (its Friday; next week's on a weekend); "early_next_week"
  (Wednesday of next week); "next_week" (its Friday); "end_of_month"; "next_month" (its end);
- "day_month": {day} and {month} (a name, or the month's number: "do 15.12.");
- "month_end", "month_middle": the last day, or the 15th, of the next {month} ("detsembri
  lõpuks", "detsembri keskpaigaks");
- "weekday": the next {weekday} strictly after the message date;
- "next_week_weekday": {weekday} of next week ("下周五", "来週金曜日", "다음 주 금요일");
- "candidate": no date; a sentence it matches asks the candidate for something by a date
  ("prosimy o odpowiedź do piątku"), so no date in it is a promise;
- "anchored": no date; the sentence counts from some other event the mail does not date
  ("kahe nädala jooksul peale kandideerimistähtaega", two weeks after the application
  deadline), so reading it from the message date would be too early.

Patterns are matched case-insensitively on sentences with whitespace collapsed; keep them
short and linear, as the rule tables are.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta

from interview_bot.config.durations import is_business_day
from interview_bot.reading.lang import Language

__all__ = ["MEANINGS", "sentences", "table_promises"]

MEANINGS = ("days", "business_days", "weeks", "months", "tomorrow", "this_week", "early_next_week", "next_week",
            "end_of_month", "next_month", "day_month", "month_end", "month_middle", "weekday", "next_week_weekday",
            "candidate", "anchored")
_NO_DATE = ("candidate", "anchored")
_F = re.IGNORECASE
_MAX_AHEAD = timedelta(days=180)
_MAX_TEXT = 20_000  # a promise is in the first screenful
# A dot after a number ends no sentence: "do 15. prosince", "3.7.", "kell 15.00". Chinese and Japanese
# end one at 。 with no space after it (NFKC has made ！？ into !?). The reply reader splits by it too.
SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?])\s+|(?<=[。!?])(?=[^\s.!?」』)）])")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


@functools.lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_Tables = tuple[tuple[re.Pattern[str], ...], tuple[tuple[re.Pattern[str], str], ...]]
_COMPILED: dict[int, tuple[Language, _Tables]] = {}  # by id: a Language holds dicts, so it has no hash


def _tables(lang: Language) -> _Tables:
    """The language's cues and date patterns, compiled once with their placeholders filled."""
    known = _COMPILED.get(id(lang))
    if known is not None and known[0] is lang:
        return known[1]
    fill = {
        "{n}": r"(?P<n>\d{1,3}|" + _alternation(tuple(lang.numbers)) + ")" if lang.numbers else r"(?P<n>\d{1,3})",
        "{weekday}": "(?P<weekday>" + _alternation(tuple(lang.weekdays)) + ")" if lang.weekdays else "(?P<weekday>(?!))",
        "{month}": "(?P<month>" + (_alternation(tuple(lang.months)) + "|" if lang.months else "") + r"1[0-2]|0?[1-9])(?!\d)",
        "{day}": r"(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)",
    }
    dates: list[tuple[re.Pattern[str], str]] = []
    for pattern, meaning in lang.promise_dates:
        if meaning not in MEANINGS:
            raise ValueError(f"{lang.code}: promise date meaning {meaning!r} is not one of {', '.join(MEANINGS)}")
        for key, value in fill.items():
            pattern = pattern.replace(key, value)
        dates.append((re.compile(pattern, _F), meaning))
    tables = (tuple(re.compile(p, _F) for p in lang.promise_cue), tuple(dates))
    _COMPILED[id(lang)] = (lang, tables)
    return tables


def _friday(day: date, weeks: int) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks, days=4)


def _month_end(day: date, ahead: int) -> date:
    year, month = divmod(day.month - 1 + ahead, 12)
    year, month = day.year + year, month + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _number(lang: Language, word: str | None) -> int | None:
    if word is None:  # the pattern has no number: "within a week"
        return 1
    if word.isdigit():
        return int(word)
    return next((v for k, v in lang.numbers.items() if k.casefold() == word.casefold()), None)


def _named(table: dict[str, int], word: str) -> int | None:
    return next((v for k, v in table.items() if k.casefold() == word.casefold()), None)


def _business_days(base: date, n: int, country: str | None) -> date:
    day = base
    while n > 0:
        day += timedelta(days=1)
        if is_business_day(day, country):
            n -= 1
    return day


def _day_month(lang: Language, m: re.Match[str], base: date, day: int | None = None) -> date | None:
    """The next such day on or after `base`; `day` 0 is the month's last day, None the day matched."""
    word = m["month"]
    month = int(word) if word.isdigit() else _named(lang.months, word)
    if month is None:
        return None
    for year in (base.year, base.year + 1):
        wanted = int(m["day"]) if day is None else day or calendar.monthrange(year, month)[1]
        try:
            found = date(year, month, wanted)
        except ValueError:
            return None
        if found >= base:
            return found
    return None


def _read(lang: Language, meaning: str, m: re.Match[str], base: date, country: str | None) -> date | None:
    if meaning in ("days", "business_days", "weeks", "months"):
        n = _number(lang, m.groupdict().get("n"))
        if n is None:
            return None
        if meaning == "days":
            return base + timedelta(days=n)
        if meaning == "business_days":
            return _business_days(base, n, country)
        if meaning == "weeks":
            return base + timedelta(weeks=n)
        end = _month_end(base, n)
        return end.replace(day=min(base.day, end.day))
    if meaning == "tomorrow":
        return base + timedelta(days=1)
    if meaning == "this_week":
        return _friday(base, 0 if base.weekday() <= 4 else 1)
    if meaning == "early_next_week":
        return _friday(base, 1) - timedelta(days=2)
    if meaning == "next_week":
        return _friday(base, 1)
    if meaning == "end_of_month":
        return _month_end(base, 0)
    if meaning == "next_month":
        return _month_end(base, 1)
    if meaning == "day_month":
        return _day_month(lang, m, base)
    if meaning == "month_end":
        return _day_month(lang, m, base, 0)
    if meaning == "month_middle":
        return _day_month(lang, m, base, 15)
    weekday = _named(lang.weekdays, m["weekday"])
    if weekday is None:
        return None
    if meaning == "next_week_weekday":
        return base - timedelta(days=base.weekday()) + timedelta(weeks=1, days=weekday)
    return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)


def sentences(text: str) -> list[str]:
    """The sentences of `text` with whitespace collapsed, for `table_promises`."""
    text = unicodedata.normalize("NFKC", text[:_MAX_TEXT])
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_END.split(text))
    return [s for p in paragraphs for s in SENTENCE_END.split(p) if s]


def table_promises(sentences: list[str], base: date, languages: Iterable[Language],
                   country: str | None = None) -> list[tuple[date, str]]:
    """(date, phrase) for each promise in these sentences, left to right, in the first language that finds one.

    `base` is the message's local date; `country` gives business days their holidays.
    """
    for lang in languages:
        cues, dates = _tables(lang)
        if not cues or not dates:
            continue
        found: list[tuple[date, str]] = []
        for sentence in sentences:
            if not any(c.search(sentence) for c in cues):
                continue
            if any(meaning in _NO_DATE and p.search(sentence) for p, meaning in dates):
                continue
            hits: list[tuple[int, int, date]] = []
            for pattern, meaning in dates:  # earlier patterns win where two overlap: list the longer phrase first
                if meaning in _NO_DATE:
                    continue
                for m in pattern.finditer(sentence):
                    if any(a < m.end() and m.start() < b for a, b, _ in hits):
                        continue
                    day = _read(lang, meaning, m, base, country)
                    if day is not None and base <= day <= base + _MAX_AHEAD:
                        hits.append((m.start(), m.end(), day))
            phrase = " ".join(sentence.split())[:120]
            found += [(day, phrase) for _, _, day in sorted(hits)]
        if found:
            return found
    return []
