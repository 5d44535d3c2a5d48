"""How a draft speaks: its language, the user's locale and signature, and what the bot read.

One value, `Voice`, carries what composing needs beyond the follow-up itself, so the shell
passes it in one piece. `voice_variables` turns it into the template variables documented at
the top of each shipped template. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from interview_bot.config.languages import SHIPPED_LANGUAGES
from interview_bot.model import Interview, Person
from interview_bot.writing.addresses import one_line
from interview_bot.writing.dates import DEFAULT_LOCALE, DayWords, draft_locale, long_date, short_date
from interview_bot.writing.greeting import NameForm, addressee, is_group_mailbox, join_names, recipients_to_greet

__all__ = ["SHIPPED_LANGUAGES", "LanguageWhy", "Promise", "Voice", "VoiceSettings", "choose_language", "signature_text",
           "voice_variables"]



@dataclass(frozen=True)
class Convention:
    """How a language's business letters name people: by first name or full name, and "and"."""

    form: NameForm
    keep_title: bool
    conjunction: str


# Greetings without a gender to guess: English and Dutch greet by first name ("Dear Jane",
# "Beste Jane"); German, French, Spanish, Italian and Portuguese, formal, by full name
# ("Guten Tag Jane Smith", "Gentile Jane Smith"), German keeping an academic title.
CONVENTIONS = {
    "en": Convention(NameForm.FIRST, False, "and"),
    "nl": Convention(NameForm.FIRST, False, "en"),
    "de": Convention(NameForm.FULL, True, "und"),
    "fr": Convention(NameForm.FULL, False, "et"),
    "es": Convention(NameForm.FULL, False, "y"),
    "it": Convention(NameForm.FULL, False, "e"),
    "pt": Convention(NameForm.FULL, False, "e"),
}


class LanguageWhy(str, Enum):
    """Why a process's drafts are in the language they are in (for `status` and `explain`)."""

    DETECTED = "detected"  # the invitation and the company's mail are in it, and the user writes it
    FALLBACK = "fallback"  # they are in a language the user does not write: the first of `languages`
    UNKNOWN = "unknown"  # too little text to tell: the first of `languages`

    def words(self, language: str, detected: str | None) -> str:
        """The reason in words, for the commands."""
        if self is LanguageWhy.DETECTED:
            return f"{language}: the invitation and the company's mail are in it"
        if self is LanguageWhy.FALLBACK:
            return f"{language}: the process is in {detected!s}, which is not in `languages`; the first of them"
        return f"{language}: too little text to tell the language; the first of `languages`"


def choose_language(detected: str | None, languages: Sequence[str]) -> tuple[str, LanguageWhy]:
    """The language to draft in: the detected one if the user writes it, else the first they write."""
    first = languages[0] if languages else "en"
    if detected is None:
        return first, LanguageWhy.UNKNOWN
    if detected in languages:
        return detected, LanguageWhy.DETECTED
    return first, LanguageWhy.FALLBACK


@dataclass(frozen=True)
class VoiceSettings:
    """The user's side of every voice, from config: locale, languages, and `me.signature`."""

    locale: str = DEFAULT_LOCALE
    languages: tuple[str, ...] = SHIPPED_LANGUAGES
    signature: str = ""  # me.signature: overrides the Gmail one when set


_SIGNATURE_LIMIT = 2000


def signature_text(html: str) -> str:
    """A Gmail signature (HTML) as the plain text that ends a draft: lines kept, markup gone."""
    if not html.strip():
        return ""
    import lxml.html

    # Line breaks where the HTML breaks lines; then the text, without scripts or styles.
    broken = re.sub(r"(?i)<br\s*/?>|</?(?:div|p|li|tr|h[1-6])\b[^>]*>", "\n", html[:20000])
    try:
        root = lxml.html.fromstring(f"<div>{broken}</div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in list(root.iter("script", "style")):
        bad.drop_tree()
    lines = [" ".join(line.split()) for line in root.text_content().splitlines()]
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text[:_SIGNATURE_LIMIT]


@dataclass(frozen=True)
class Promise:
    """A decision date the company gave, as the bot read it: the date, the words, where, and when said."""

    by: date
    source: str  # "invitation", "email", "config", "you" or "default" (model.Decision.source)
    phrase: str = ""
    said_on: date | None = None  # the message's date for "email", the interview's for "invitation"


@dataclass(frozen=True)
class Voice:
    """What a draft needs beyond its follow-up: language, locale, signature, and what was read."""

    language: str = "en"
    locale: str = DEFAULT_LOCALE
    signature: str = ""  # plain text; "" when the user has none
    promise: Promise | None = None
    earlier_check: date | None = None  # the day the previous check-in was drafted, for the next one


@dataclass(frozen=True)
class PromiseView:
    """A promise as templates see it: dates in words, the phrase as written, its source."""

    _label = "promise"
    date: str
    phrase: str
    source: str
    said_on: str


def _greeting_names(recipients: Sequence[Person], language: str) -> str:
    conv = CONVENTIONS.get(language, CONVENTIONS["en"])
    people, _groups = recipients_to_greet(recipients)
    # Only groups left: they are greeted as a team by the template ("Dear Hiring Team"), not by name.
    named = [addressee(p).called(conv.form, keep_title=conv.keep_title) for p in people if not is_group_mailbox(p)]
    conjunction = conv.conjunction
    if language == "es" and named and named[-1].lower().startswith(("i", "hi")) and not named[-1].lower().startswith("hie"):
        conjunction = "e"  # "Jane e Isabel": Spanish "y" becomes "e" before an i sound
    return join_names(named, conjunction)


def voice_variables(
    voice: Voice,
    interview: Interview,
    recipients: Sequence[Person],
    per_person: bool,
    tz: ZoneInfo,
    now: datetime,
) -> dict[str, Any]:
    """The template variables that depend on the voice (documented in each shipped template)."""
    loc = draft_locale(voice.language, voice.locale)
    today = now.astimezone(tz).date()
    spoken = interview.start.astimezone(tz).date()
    words = DayWords(spoken, today, loc)
    promise = voice.promise
    only = recipients[0] if per_person and recipients else None
    return {
        "language": voice.language,
        "locale": str(loc),
        "greeting_names": _greeting_names(recipients, voice.language),
        "interview_days_ago": words.days_ago,
        "interview_day_word": words.word,
        "interview_date": words.date,
        "interview_short_date": words.short,
        "promise": PromiseView(
            date=long_date(promise.by, loc, today),
            phrase=one_line(promise.phrase, 300),
            source=promise.source,
            said_on=short_date(promise.said_on, loc, today) if promise.said_on else "",
        ) if promise and promise.source != "default" else None,
        "earlier_check": short_date(voice.earlier_check, loc, today) if voice.earlier_check else "",
        "signature": voice.signature,
        "detail_for": (addressee(only).full or only.email) if only is not None else "",
    }
