"""The voice of each draft, gathered from the state and Gmail: language, promise, signature.

The engine asks `Voices.for_draft` once per draft and hands the value to compose. The user's
signature is read from Gmail (users.settings.sendAs.list) once per Voices, that is once per run
or daemon start, and `me.signature` in config overrides it. Everything decided here is decided
by the pure core (writing.voice, reading.language); this module only fetches.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable
from zoneinfo import ZoneInfo

from interview_bot.errors import BotError
from interview_bot.model import CompanyMail, FollowUp, FollowUpKind, FollowUpStatus, Interview
from interview_bot.planning.process import process_key
from interview_bot.reading.language import detect_language
from interview_bot.writing.voice import LanguageWhy, Promise, Voice, VoiceSettings, choose_language, signature_text

if TYPE_CHECKING:
    from interview_bot.runtime.engine import Settings
    from interview_bot.runtime.state import State

log = logging.getLogger(__name__)


@runtime_checkable
class SignaturePort(Protocol):
    """Gmail's part that knows the user's signature (HTML, "" when none)."""

    def signature(self, email: str) -> str: ...


class SignatureSource:
    """Where the drafts' signature comes from: "config" (me.signature), "gmail", or "none"."""

    def __init__(self, settings: VoiceSettings, gmail: object) -> None:
        self.settings = settings
        self.gmail = gmail
        self._text: str | None = None

    def text(self, email: str) -> str:
        """The signature as plain text, asked of Gmail at most once."""
        if self._text is None:
            self._text = ""
            if self.settings.signature.strip():
                self._text = self.settings.signature.strip("\n")
            elif isinstance(self.gmail, SignaturePort):
                try:
                    self._text = signature_text(self.gmail.signature(email))
                except BotError as e:  # no signature is better than no draft
                    log.warning("could not read your Gmail signature (%s); drafts are signed with your name", e)
        return self._text


def process_language(iv: Interview, mail: list[CompanyMail], languages: tuple[str, ...]) -> tuple[str, LanguageWhy,
                                                                                                  str | None]:
    """(language to draft in, why, the language detected) from the invitation and the company's mail."""
    text = "\n".join([iv.title, *(m.subject for m in mail if m.is_reply or not m.kind), *(m.phrase for m in mail)])
    detected = detect_language(text)
    language, why = choose_language(detected, languages)
    return language, why, detected


class Voices:
    """The Voice of each draft, for one engine: what it needs from the state, settings and Gmail."""

    def __init__(self, settings: Settings, state: State, gmail: object) -> None:
        self.settings = settings
        self.state = state
        self.signatures = SignatureSource(settings.voice, gmail)

    def for_draft(self, fu: FollowUp, iv: Interview, mail: list[CompanyMail], email: str, now: datetime) -> Voice:
        """The voice of `fu`'s draft as of `now`; `mail` is its process's company mail, as the state holds it."""
        vs = self.settings.voice
        language, _why, _detected = process_language(iv, mail, vs.languages)
        promise, earlier = None, None
        if fu.kind is FollowUpKind.STATUS_CHECK:
            promise = self._promise(iv, mail, now)
            earlier = _earlier_check(fu, self.state.follow_ups(interview_id=iv.id), self.settings.tz)
        return Voice(language=language, locale=vs.locale, signature=self.signatures.text(email), promise=promise,
                     earlier_check=earlier)

    def _promise(self, iv: Interview, mail: list[CompanyMail], now: datetime) -> Promise | None:
        from interview_bot.runtime.engine import plan_for, process_views, user_addresses

        key = process_key(iv)
        view = next(iter(process_views(self.state, self.settings, only=key)), None)
        if view is None:
            return None
        decision = plan_for(view, self.settings, now, user_addresses(self.state, self.settings.me_email)).decision
        if decision is None:
            return None
        said_on: date | None = None
        if decision.source == "email":
            said = [m for m in mail if m.promise_by == decision.by and m.promise_phrase == decision.phrase]
            said_on = said[-1].date.astimezone(self.settings.tz).date() if said else None
        elif decision.source == "invitation":
            said_on = iv.start.astimezone(self.settings.tz).date()
        return Promise(decision.by, decision.source, decision.phrase, said_on)


def _earlier_check(fu: FollowUp, follow_ups: list[FollowUp], tz: ZoneInfo) -> date | None:
    """The day the latest check-in before this one was drafted (its due day), or None for the first;
    a sent one counts (the user sent the bot's draft)."""
    before = [f for f in follow_ups if f.kind is FollowUpKind.STATUS_CHECK and f.key != fu.key
              and f.status in (FollowUpStatus.DRAFTED, FollowUpStatus.SENT) and f.due <= fu.due]
    return max(f.due for f in before).astimezone(tz).date() if before else None




def voice_json(state: State, settings: Settings, iv: Interview) -> dict[str, object]:
    """For `status --json`: the process's draft language and why, and a company name only guessed."""
    from interview_bot.writing.company import company_naming

    mail = state.mail(process_key(iv))
    language, why, detected = process_language(iv, mail, settings.voice.languages)
    named, guessed = company_naming(iv, mail, settings.rules.companies)
    return {"language": {"code": language, "why": why.value, "detected": detected},
            "company_in_drafts": named, "company_guessed_from": guessed}


def voice_lines(entry: dict[str, object]) -> list[str]:
    """The lines `status` and `explain` print from voice_json's keys."""
    lines = []
    lang = entry.get("language")
    if isinstance(lang, dict):
        why = LanguageWhy(lang["why"])
        lines.append(f"    drafts in {why.words(str(lang['code']), lang.get('detected'))}")
    named = entry.get("company_in_drafts")
    if named and named != entry.get("company"):
        lines.append(f'    drafts name the company "{named}", as its own mail writes it')
    guessed = entry.get("company_guessed_from")
    if guessed:
        lines.append(f'    company name "{entry.get("company")}" is a guess from {guessed}: if it is wrong, set '
                     f'`companies: {{{guessed}: "<the name>"}}` in config.yaml')
    return lines


__all__ = ["SignaturePort", "SignatureSource", "Voices", "process_language", "voice_json", "voice_lines"]
