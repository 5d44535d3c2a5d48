"""Promised decision dates: "we'll have a decision by Friday", read from the company's own words.

Pure: no I/O and no clock. `find_promise` reads one message (or an event description)
relative to the day it was sent, in the user's time zone; `latest_promise` picks the promise
that stands when several messages made one.

How a date is read (the rule behind every choice: when a phrase is vague, take the *latest*
day a fair reader would still count as keeping the promise, so a status check never nags
early; a false promise costs a premature draft, a missed one only falls back to the
default wait):
- A weekday ("by Friday") is the next such day strictly *after* the message date: "by
  Friday" sent on a Friday means a week later. "this Friday" counts the same day.
- "next Tuesday" is the Tuesday of next week (weeks start on Monday); "Tuesday next week" too.
- "this week", "end of (the) week" -> the Friday on or after the message date;
  "early next week" -> Wednesday, "mid next week" -> Thursday, "next week", "end of / late
  next week", "the following week" -> Friday of next week.
- "within two weeks", "in a couple of days", "one more week" -> calendar days from the
  message date; "within 5 business days" -> `business_days_after` with the country's holidays;
  hours round up to whole days ("48 hours" -> 2 days).
- A month and day without a year ("December 11", "11 Dec", "the 16th") -> the next
  occurrence on or after the message date, across a year end. An explicit date attached to
  a weekday ("Friday, December 11") wins over the weekday.
- Numeric "12/11": month first for US-style countries, day first for other known countries,
  and skipped when no country is given and both readings are possible. ISO dates always work.
- Holidays named in words ("before the holidays", "after Thanksgiving") and "soon" are not
  dates: no promise.
- Dates before the message date or more than `MAX_AHEAD` after it are misreadings, not promises.

What counts as a promise: a date phrase in the same clause as decision language (decision,
decide, hear back/from us, get back to you, update, answer, feedback, next steps, know more,
outcome, result, be in touch, let you know...), or "we need one more week". Deadlines set
for the candidate ("please reply by Friday", "can you send ... by", "let us know by", "your
availability by") and negated ones ("we won't have a decision by Friday") are not promises;
"we won't know more until Friday" and "if you don't hear from us by Friday" are.
When a text holds several promises, the last one wins: later sentences correct earlier
ones ("we hoped to decide by Friday, but it will now be early next week").

Email bodies should arrive without quoted earlier messages (`interview_bot.replies.strip_quoted`);
`find_promise` strips them itself when `source="email"`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from interview_bot.config.durations import business_days_after
from interview_bot.reading.lang import LANGUAGES
from interview_bot.reading.promise_tables import sentences as table_sentences
from interview_bot.reading.promise_tables import table_promises
from interview_bot.reading.promises_intl import intl_promises
from interview_bot.reading.quoted import strip_quoted

__all__ = ["MAX_AHEAD", "Promise", "find_promise", "latest_promise"]

# Text from strangers: look at no more than this much (a promise is in the first screenful).
_MAX_INPUT = 100_000
_MAX_TEXT = 20_000
_MAX_PHRASE = 120
# A "promise" further out than this is a misread date, not a hiring decision.
MAX_AHEAD = timedelta(days=180)

# Countries that write month first (12/11 is December 11). Others known: day first.
_MONTH_FIRST = frozenset({"US", "PH", "PR", "GU", "AS", "VI", "MP", "FM", "MH", "PW", "UM"})


@dataclass(frozen=True)
class Promise:
    """A decision date the company promised: the day in the user's time zone, and the words."""

    by: date
    phrase: str  # the matched text, cleaned, for `status` ("a decision by Friday, December 11")
    source: str  # "email" or "description"


# --- vocabulary -------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 5,
}

# Longest alternatives first so "a couple of" is not read as "a".
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b"
_WEEKDAY = "(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b"
_NUMBER_WORDS = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_NUMBERS, key=len, reverse=True))


def _num(name: str) -> str:
    return rf"(?P<{name}>\d{{1,3}}|{_NUMBER_WORDS})"


_NUM = _num("num")
_UNIT = r"(?P<unit>(?:business|working)\s+days?|days?|weeks?|hours?|hrs?|months?)\b"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s*(?P<year>\d{4})(?!\d))?"

_CUE = re.compile(
    r"\b(?:decision|decisions|decide[ds]?|deciding|hear(?:d)?\s+(?:back|something|more|from\s+(?:us|me|the\s+team|our\s+team))"
    r"|get(?:ting)?\s+back\s+to|come\s+back\s+to|circle\s+back|revert|be\s+in\s+touch|reach\s+out"
    r"|updates?|answer|feedback|next\s+steps?|know\s+more|outcome|results?|response"
    r"|let\s+you\s+know|news|verdict|made\s+up\s+our\s+minds?|reply|inform|advise|contacted|phoned)\b",
    re.IGNORECASE,
)
# The decision itself, for a date in a later clause of the same sentence ("we haven't decided, but will by Friday").
_STRONG_CUE = re.compile(r"\b(?:decision|decide[ds]?|deciding|outcome|results?)\b", re.IGNORECASE)
_FUTURE = re.compile(r"(?:\b(?:will|shall|should|expect|hope|aim|plan|intend|going\s+to)\b|'ll\b)", re.IGNORECASE)
# "one more week" promises on its own when somebody needs or takes the time.
_SELF_CUE = re.compile(r"\b(?:need|needs|needed|take|takes|taking|require|requires|give\s+us|allow\s+us)\b", re.IGNORECASE)
# Deadlines for the candidate, not the company's decision.
_EXCLUDE = re.compile(
    r"\b(?:please(?!\s+(?:note|be\s+aware|expect|allow|bear|rest\s+assured))|pls|kindly|can\s+you|could\s+you"
    r"|would\s+you|will\s+you|are\s+you\s+able|let\s+(?:us|me)\s+know|we\s+(?:would\s+|'d\s+)?need\s+you"
    r"|you\s+(?:need|must|should|have)\s+to|make\s+sure|submit|deadline|hear(?:d)?\s+(?:back\s+)?from\s+you"
    r"|your\s+(?:availability|response|reply|answer|decision|feedback|thoughts|acceptance|signature|documents?)"
    r"|my\s+(?:final\s+)?decision|i\s+(?:will\s+)?need\s+to)\b",
    re.IGNORECASE,
)
# "we won't have a decision by Friday" - but not "if you don't hear from us by Friday".
_NEGATION = re.compile(
    r"(?:\b(?:not|never|cannot|unable|unlikely|no\s+longer)\b|n't\b)(?!\s+(?:hear|heard|yet\s+heard))",
    re.IGNORECASE,
)
# Past tense: "we made our decision on Monday" reports, it does not promise.
_PAST = re.compile(r"\b(?:(?:made|reached|took)\s+(?:a|our|the|their|its)\s+(?:final\s+)?decision|decided|heard)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|before)\s*$", re.IGNORECASE)
# Words that may stand before a date at the start of a clause ("By Friday, we'll have news").
_BARE = re.compile(r"^(?:\s|,|\b(?:by|before|on|until|no\s+later\s+than|at\s+the\s+latest|hopefully|ideally|and|so)\b)*$", re.IGNORECASE)

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?]) ")
_CLAUSE_END = re.compile(
    r";|\s[-\u2013\u2014]\s|\u2014|,?\s+but\s+|,\s*(?:and\s+|so\s+)?(?=(?:we|i|you|they|our|someone)\b)"
    r"|\s+and\s+(?=(?:we|i|they|our|someone)\b)",
    re.IGNORECASE,
)
# Abbreviation dots would otherwise end sentences: "by Dec. 11" stays one sentence.
_ABBREV_DOT = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|mr|mrs|ms|dr|approx)\.", re.IGNORECASE)


# --- date expressions ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    by: date | None  # None: understood but unusable (ambiguous 11/12): blocks, but promises nothing
    weak: bool = False  # a weekday or "end of day": yields to an explicit date right after it
    more: bool = False  # "one more week": a promise by itself when someone needs the time


@dataclass(frozen=True)
class _Base:
    day: date  # the message date in the user's time zone
    sent: datetime
    tz: ZoneInfo
    country: str | None


def _friday(day: date, weeks_ahead: int = 0) -> date:
    """The Friday of `day`'s week (Monday start), `weeks_ahead` weeks later."""
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks_ahead, days=4)


def _week_day(day: date, weekday: int, weeks_ahead: int) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks_ahead, days=weekday)


def _number(text: str) -> int:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else _NUMBERS[text]


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(day: date, months_ahead: int = 0) -> date:
    first = _add_months(day.replace(day=1), months_ahead)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _next_month_day(base: date, month: int, day: int, year: int | None) -> date | None:
    """month/day in `year`, or without a year its next occurrence on or after `base`."""
    years = [year] if year else [base.year, base.year + 1, base.year + 4]  # +4: February 29
    for y in years:
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue
        if year or candidate >= base:
            return candidate
    return None


def _next_day_of_month(base: date, day: int) -> date | None:
    """"the 16th": this month's if still ahead (or today), else the next month that has one."""
    for ahead in range(3):
        first = _add_months(base.replace(day=1), ahead)
        if day <= calendar.monthrange(first.year, first.month)[1] and first.replace(day=day) >= base:
            return first.replace(day=day)
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _relative(m: re.Match[str], b: _Base) -> date:
    word = m.groupdict().get("num") or m.groupdict().get("num2")
    n = _number(word) if word else 1
    if m.groupdict().get("hi"):  # "in 7-10 days": the longer reading
        n = max(n, int(m["hi"]))
    unit = m["unit"].lower()
    if unit.startswith(("business", "working")):
        return business_days_after(b.sent, n, b.tz, b.country).date()
    if unit.startswith("week"):
        return b.day + timedelta(weeks=n)
    if unit.startswith("month"):
        return _add_months(b.day, n)
    if unit.startswith("h"):
        return b.day + timedelta(days=-(-n // 24))
    return b.day + timedelta(days=n)


def _weekday(m: re.Match[str], b: _Base) -> date:
    wd = _WEEKDAYS[m["weekday"].lower()]
    which = (m["which"] or "").lower()
    if m["nextweek"] or which in ("next", "the following"):
        return _week_day(b.day, wd, 1)
    if which in ("last", "past"):
        return b.day - timedelta(days=(b.day.weekday() - wd) % 7 or 7)  # in the past: never a promise
    ahead = (wd - b.day.weekday()) % 7
    if ahead == 0 and which != "this":
        ahead = 7  # "by Friday" sent on a Friday means next Friday: nobody promises "today" that way
    return b.day + timedelta(days=ahead)


def _numeric(m: re.Match[str], b: _Base) -> date | None:
    first, second = int(m["a"]), int(m["b"])
    country = (b.country or "").upper()
    if first > 12 >= second:
        month, day = second, first
    elif second > 12 >= first:
        month, day = first, second
    elif first == second:
        month = day = first
    elif not country:
        return None  # 11/12 with no locale: November or December? Month names are not ambiguous.
    elif country in _MONTH_FIRST:
        month, day = first, second
    else:
        month, day = second, first
    return _next_month_day(b.day, month, day, _year(m["y"]))


def _iso(m: re.Match[str], b: _Base) -> date | None:
    try:
        return date(int(m["y"]), int(m["a"]), int(m["b"]))
    except ValueError:
        return None


_Reader = Callable[[re.Match[str], _Base], "date | None"]
_F = re.IGNORECASE
# (pattern, reader, weak, more). Matching is linear: no nested quantifiers, bounded repeats.
_EXPRESSIONS: tuple[tuple[re.Pattern[str], _Reader, bool, bool], ...] = (
    (re.compile(rf"\b(?:within|in|over|during|after)\s+(?:the\s+)?(?:next\s+|coming\s+)?{_NUM}(?:\s*(?:-|\u2013|to|or)\s*(?P<hi>\d{{1,3}}))?\s+(?:more\s+)?{_UNIT}", _F),
     _relative, False, False),
    (re.compile(rf"\b(?:another\s+(?:{_NUM}\s+)?|{_num('num2')}\s+(?:more|additional|extra)\s+){_UNIT}", _F),
     _relative, False, True),
    # "in the next week or two", "a day or two": the longer reading.
    (re.compile(r"\b(?:(?:with)?in\s+)?(?:the\s+next\s+|a\s+)?(?P<unit>day|week)\s+or\s+two\b", _F),
     lambda m, b: b.day + timedelta(days=2 if m["unit"].lower() == "day" else 14), False, False),
    (re.compile(rf"\b(?:(?P<which>next|this|coming|last|past|the\s+following)\s+)?{_WEEKDAY}(?:\s+(?:of\s+)?(?P<nextweek>next|the\s+following)\s+week)?", _F),
     _weekday, True, False),
    (re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}{_YEAR}", _F),
     lambda m, b: _next_month_day(b.day, _MONTHS[m["month"].lower()], int(m["day"]), _year(m["year"])), False, False),
    (re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}", _F),
     lambda m, b: _next_month_day(b.day, _MONTHS[m["month"].lower()], int(m["day"]), _year(m["year"])), False, False),
    (re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b", _F),
     lambda m, b: _next_day_of_month(b.day, int(m["day"])), False, False),
    (re.compile(r"(?<![\d/.])(?P<y>\d{4})-(?P<a>\d{1,2})-(?P<b>\d{1,2})(?![\d])", _F), _iso, False, False),
    (re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])", _F), _numeric, False, False),
    (re.compile(r"(?<![\d.])(?P<b>\d{1,2})\.(?P<a>\d{1,2})\.(?P<y>\d{4})(?!\d)", _F),  # 11.12.2026: day first
     _iso, False, False),
    (re.compile(r"\b(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+)?week|eow|this\s+week|later\s+this\s+week)\b", _F),
     lambda m, b: b.day + timedelta(days=(4 - b.day.weekday()) % 7), False, False),
    (re.compile(r"\b(?:early|beginning\s+of|start\s+of|first\s+thing)\s+next\s+week\b", _F),
     lambda m, b: _week_day(b.day, 2, 1), False, False),
    (re.compile(r"\b(?:mid|middle\s+of)[\s-]+next\s+week\b", _F), lambda m, b: _week_day(b.day, 3, 1), False, False),
    (re.compile(r"\b(?:(?:the\s+)?(?:end|close)\s+of\s+|late\s+|later\s+)?(?:next|the\s+following)\s+week\b", _F),
     lambda m, b: _friday(b.day, 1), False, False),
    (re.compile(r"\b(?:(?:the\s+)?end\s+of\s+)?the\s+week\s+after\s+next\b", _F), lambda m, b: _friday(b.day, 2), False, False),
    (re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|month[\s-]end|this\s+month)\b", _F),
     lambda m, b: _month_end(b.day), False, False),
    (re.compile(r"\b(?:(?:the\s+)?end\s+of\s+)?next\s+month\b", _F), lambda m, b: _month_end(b.day, 1), False, False),
    (re.compile(r"\btomorrow\b", _F), lambda m, b: b.day + timedelta(days=1), False, False),
    (re.compile(r"\b(?:today|tonight|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|business)|eod|cob|close\s+of\s+business)\b", _F),
     lambda m, b: b.day, True, False),
)
_LEAD = re.compile(r"\b(?:by|before|on|until|no\s+later\s+than)\s+$", re.IGNORECASE)
_JOIN = re.compile(r"^[\s,]*(?:on\s+)?$")
_BY_THE_END = re.compile(r"^[\s,]*(?:by|at|before)\s+(?:the\s+)?$", re.IGNORECASE)


def _dates(clause: str, base: _Base) -> list[_Hit]:
    """Date expressions in a clause, left to right, overlaps resolved to the earliest-longest."""
    found: list[_Hit] = []
    for pattern, reader, weak, more in _EXPRESSIONS:
        for m in pattern.finditer(clause):
            found.append(_Hit(m.start(), m.end(), reader(m, base), weak, more))
    found.sort(key=lambda h: (h.start, -h.end))
    chosen: list[_Hit] = []
    for hit in found:
        if chosen and hit.start < chosen[-1].end:
            continue
        prev = chosen[-1] if chosen else None
        # "in 48 hours by the close of business": the end of *that* day, not today's.
        if prev is not None and hit.weak and _BY_THE_END.match(clause[prev.end:hit.start]):
            continue
        # "Friday, December 11", "end of day Friday": the more explicit date right after wins.
        if prev is not None and prev.weak and _JOIN.match(clause[prev.end:hit.start]):
            chosen[-1] = _Hit(prev.start, hit.end, hit.by, hit.weak, hit.more)
            continue
        chosen.append(hit)
    return chosen


# --- reading -------------------------------------------------------------------------------------

def _sentences(text: str) -> list[str]:
    """Sentences with whitespace collapsed: hard-wrapped lines join, a blank line still ends one."""
    text = unicodedata.normalize("NFKC", text[:_MAX_INPUT]).replace("\u2019", "'").replace("\r", "")
    text = _ABBREV_DOT.sub(r"\1", text[:_MAX_TEXT])
    # Single spaces from here on keep every later pattern linear.
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_END.split(text))
    return [s for p in paragraphs for s in _SENTENCE_END.split(p) if s]


def _clean(text: str) -> str:
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(text.split()).strip(" ,;:-")


def _phrase(clause: str, hit: _Hit, cue: re.Match[str] | None) -> str:
    if cue is not None:
        span = clause[min(cue.start(), hit.start):max(cue.end(), hit.end)]
        if len(span) <= _MAX_PHRASE:
            return _clean(span)
    lead = _LEAD.search(clause, 0, hit.start)
    return _clean(clause[lead.start() if lead else hit.start:hit.end])[:_MAX_PHRASE]


def _last(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """The last match of `pattern` in text[:end], as a match on `text` itself (for the phrase)."""
    last = None
    for last in pattern.finditer(text, 0, end):
        pass
    return last


def _judge(clauses: list[str], i: int, hit: _Hit) -> re.Match[str] | None:
    """The cue that makes this date a promise in clause i, or None when it is not one."""
    clause = clauses[i]
    prefix = clause[:hit.start]
    if _BARE.match(prefix):
        # "By Friday, we'll have news": the words after the date (and the next clause) decide.
        after = clause[hit.end:]
        context = after if after.strip(" ,.") else after + " " + (clauses[i + 1] if i + 1 < len(clauses) else "")
        if _EXCLUDE.search(context) or _NEGATION.search(context):
            return None
        cue = _CUE.search(context)
        if cue is None and hit.more:
            cue = _SELF_CUE.search(context)
        if cue is None:
            return None
        # Re-anchor the cue to the clause for the phrase when it is in it.
        return _CUE.search(clause, hit.end) or cue
    if _EXCLUDE.search(prefix):
        return None
    if _NEGATION.search(prefix) and not _UNTIL.search(prefix):
        return None  # "we won't decide by Friday"; "we won't know more until Friday" is a promise
    if _PAST.search(prefix) and not _FUTURE.search(prefix):
        return None
    cue = _last(_CUE, clause, hit.start)
    if cue is None and hit.more:
        cue = _last(_SELF_CUE, clause, hit.start)
    if cue is None and _FUTURE.search(prefix):
        # "We haven't made a decision yet, but will by Friday": the decision is an earlier clause.
        for earlier in reversed(clauses[:i]):
            if _STRONG_CUE.search(earlier):
                return _STRONG_CUE.search(earlier)
    return cue


def _promises_in(text: str, base: _Base, source: str) -> list[Promise]:
    found: list[Promise] = []
    for sentence in _sentences(text):
        clauses = _CLAUSE_END.split(sentence)
        for i, clause in enumerate(clauses):
            for hit in _dates(clause, base):
                if hit.by is None or not base.day <= hit.by <= base.day + MAX_AHEAD:
                    continue
                cue = _judge(clauses, i, hit)
                if cue is None:
                    continue
                same_clause = cue if cue.string is clause else None
                found.append(Promise(hit.by, _phrase(clause, hit, same_clause), source))
    return found


def find_promise(
    text: str,
    sent_at: datetime,
    tz: ZoneInfo,
    country: str | None = None,
    source: str = "email",
    forwarded: bool = False,
) -> Promise | None:
    """The decision date promised in `text` (the last promise in it), or None.

    `sent_at` is when the message was sent (for an event description, pass the interview's
    start); relative phrases count from its date in `tz`. `country` gives business-day
    holidays and the numeric date order. `source` is "email" (quoted replies are stripped
    first) or "description".
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if sent_at.tzinfo is None or sent_at.utcoffset() is None:
        raise ValueError(f"{sent_at.isoformat()} has no time zone; promises need aware datetimes")
    if source not in ("email", "description"):
        raise ValueError(f'source is "email" or "description", not {source!r}')
    if source == "email":
        text = strip_quoted(text[:_MAX_INPUT], forwarded=forwarded)  # `forwarded`: as replies.is_forward says
    local = sent_at.astimezone(tz)
    base = _Base(local.date(), local, tz, country.upper() if country else None)
    found = _promises_in(text, base, source)
    if not found:  # the other six languages read (interview_bot.reading.promises_intl)
        found = [Promise(by, phrase, source) for by, phrase in intl_promises(_sentences(text), base.day)
                 if by <= base.day + MAX_AHEAD]
    if not found:  # every language whose module fills the promise tables (interview_bot.reading.promise_tables)
        found = [Promise(by, phrase, source) for by, phrase in table_promises(table_sentences(text), base.day, LANGUAGES,
                                                                              base.country)]
    return found[-1] if found else None


def latest_promise(promises: list[tuple[datetime, Promise]]) -> Promise | None:
    """The promise that stands: the one from the most recently sent message.

    A later message replaces an earlier promise even when its date is earlier ("we need one
    more week", or "good news, we'll decide tomorrow"). Two from the same instant: the later date.
    """
    if not promises:
        return None
    return max(promises, key=lambda p: (p[0], p[1].by))[1]
