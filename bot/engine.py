"""The imperative shell: sync the calendars, plan follow-ups, make the drafts that are due.

Everything it decides comes from the pure core (detect, plan, mailthread, compose); this
module moves values between Google, the state file and the core, in that order, and
records each step before the next so a crash at any point is recovered without doubles.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.compose import Templates, bot_key_header, compose
from bot.detect import classify
from bot.errors import BotError, ConfigError, GoogleApiError
from bot.mailthread import choose_thread, company_query, reply_point
from bot.model import (
    CalendarEvent,
    CalendarSync,
    DetectionRules,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    MailMessage,
    Person,
    ThreadRef,
)
from bot.plan import CANCELLED_INTERVIEW, ThankYouPolicy, plan_thank_yous
from bot.state import State

log = logging.getLogger(__name__)


class CalendarPort(Protocol):
    def sync(self, calendar_id: str, sync_token: str | None, now: datetime) -> CalendarSync: ...


class GmailPort(Protocol):
    def profile_email(self) -> str: ...
    def search(self, query: str, limit: int = 20) -> list[MailMessage]: ...
    def thread(self, thread_id: str) -> list[MailMessage]: ...
    def create_draft(self, raw: bytes, thread_id: str = "") -> tuple[str, str]: ...
    def find_bot_mail(self, bot_key: str, recipient: str) -> tuple[str, str, str] | None: ...


@dataclass(frozen=True)
class Settings:
    """What the engine needs from config, as plain values."""

    calendars: tuple[str, ...]
    tz: ZoneInfo
    me_name: str
    me_email: str | None
    rules: DetectionRules
    thank_you: ThankYouPolicy
    thank_you_template: str = "thank_you"


@dataclass
class RunReport:
    """What one run did, for the CLI and the logs."""

    events_seen: int = 0
    interviews_changed: list[Interview] = field(default_factory=list)
    drafted: list[tuple[FollowUp, str, str]] = field(default_factory=list)  # (follow-up, subject, body)
    skipped: list[FollowUp] = field(default_factory=list)
    failed: list[tuple[FollowUp, str]] = field(default_factory=list)


class Engine:
    """One account's bot: its settings, state, Google adapters, templates and clock."""

    def __init__(
        self,
        settings: Settings,
        state: State,
        calendar: CalendarPort,
        gmail: GmailPort,
        templates: Templates,
        clock: Clock,
    ) -> None:
        self.settings = settings
        self.state = state
        self.calendar = calendar
        self.gmail = gmail
        self.templates = templates
        self.clock = clock
        self._me: Person | None = None

    # -- who the user is ------------------------------------------------------------------

    def me(self) -> Person:
        """The user: config's me.email, else the Gmail profile address (asked once, then kept in state)."""
        if self._me is None:
            email = self.settings.me_email or self.state.get_meta("profile_email")
            if not email:
                email = self.gmail.profile_email()
                with self.state.transaction():
                    self.state.set_meta("profile_email", email)
            self._me = Person(email, self.settings.me_name)
        return self._me

    def my_emails(self) -> frozenset[str]:
        emails = {self.me().email.lower()}
        profile = self.state.get_meta("profile_email")
        if profile:
            emails.add(profile.lower())
        return frozenset(emails)

    # -- calendar sync and planning -------------------------------------------------------

    def sync(self, report: RunReport | None = None) -> RunReport:
        """Read calendar changes, update interviews and plan their follow-ups."""
        report = report or RunReport()
        now = self.clock.now()
        for calendar_id in self.settings.calendars:
            token_key = f"calendar_sync_token:{calendar_id}"
            synced_key = f"calendar_synced_at:{calendar_id}"
            result = self.calendar.sync(calendar_id, self.state.get_meta(token_key), now)
            last = self.state.get_meta(synced_key)
            # A change we are told of now happened after the last sync that did not show it.
            changed_after = datetime.fromisoformat(last) if last and not result.full else now
            report.events_seen += len(result.events)
            with self.state.transaction():
                for event in result.events:
                    try:
                        self._apply_event(event, now, changed_after, report)
                    except Exception as e:  # bad input never stops the sync
                        if isinstance(e, BotError):
                            raise
                        log.warning("skipping event %s that could not be planned: %s", event.key, e)
                self.state.set_meta(token_key, result.next_sync_token or None)
                self.state.set_meta(synced_key, now.isoformat())
        return report

    def _apply_event(self, event: CalendarEvent, now: datetime, changed_after: datetime, report: RunReport) -> None:
        known = self.state.interview(event.key)
        verdict = classify(event, self.my_emails(), self.settings.rules, self.settings.tz.key)
        iv = verdict.interview
        # When the change was made, as far as we can tell: a cancellation before the interview
        # ended cancels its thank-you, one after it does not. Google only promises the id of a
        # deleted event, so without `updated` the last sync that still saw it bounds the time.
        observed = min(event.updated, now) if event.updated else min(changed_after, now)
        if iv is None:
            if known is None or known.status is not InterviewStatus.ACTIVE:
                return
            # A known interview that was cancelled (an incremental sync may carry only its id
            # and status), or that no longer looks like an interview.
            iv = replace(known, status=InterviewStatus.CANCELLED)
        if known is None and iv.status is not InterviewStatus.ACTIVE:
            return  # never tracked, and not happening: nothing to do
        if iv != known:
            self.state.save_interview(iv)
            report.interviews_changed.append(iv)
        existing = self.state.follow_ups(interview_id=iv.id)
        for fu in plan_thank_yous(iv, existing, self.settings.thank_you, self.settings.tz, observed):
            self.state.save_follow_up(fu)

    # -- drafting ---------------------------------------------------------------------------

    def due(self) -> list[FollowUp]:
        """Follow-ups whose time has come and that have no draft yet (or may have one from a crash)."""
        now = self.clock.now()
        pending = self.state.follow_ups(status=FollowUpStatus.SCHEDULED) + self.state.follow_ups(
            status=FollowUpStatus.DRAFTING
        )
        return sorted((f for f in pending if f.due <= now), key=lambda f: (f.due, f.key))

    def draft_due(self, report: RunReport | None = None) -> RunReport:
        """Make a draft for every follow-up that is due. One failure does not stop the others."""
        report = report or RunReport()
        for fu in self.due():
            try:
                self.draft(fu, report)
            except GoogleApiError as e:
                log.warning("could not draft %s yet: %s (tried again at the next sync)", fu.key, e)
                report.failed.append((fu, str(e)))
        return report

    def draft(self, fu: FollowUp, report: RunReport) -> FollowUp:
        """Draft one follow-up, exactly once: mark it, look for a draft a crash may have left, then create."""
        iv = self.state.interview(fu.interview_id)
        if iv is None:
            return self.state.set_status(fu, FollowUpStatus.SKIPPED, reason="its interview is no longer known")
        key = bot_key_header(fu.key)
        if fu.status is FollowUpStatus.DRAFTING and fu.recipients:
            found = self.gmail.find_bot_mail(key, fu.recipients[0].email)
            if found is not None:
                draft_id, thread_id, where = found
                log.info("%s: found the %s made before an interruption; not making another", fu.key, where)
                return self.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=draft_id, thread_id=thread_id,
                                             reason="" if where == "draft" else "already sent")
        thread = self._thread_for(iv)
        try:
            mail = compose(fu, iv, self.me(), thread, self.templates, self.settings.tz, self.clock.now(),
                           template_name=self._template_for(fu))
        except ConfigError as e:
            # A template broken after check-config: this follow-up fails, the others go on.
            failed = self.state.set_status(fu, FollowUpStatus.FAILED, reason=f"template error: {e}")
            report.failed.append((failed, failed.reason))
            return failed
        except ValueError as e:  # no valid address among the recipients
            skipped = self.state.set_status(fu, FollowUpStatus.SKIPPED, reason=str(e))
            report.skipped.append(skipped)
            return skipped
        fu = self.state.set_status(fu, FollowUpStatus.DRAFTING)
        draft_id, thread_id = self.gmail.create_draft(mail.raw, mail.thread_id)
        fu = self.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=draft_id, thread_id=thread_id, reason="")
        log.info("drafted %s for %s (draft %s)", fu.kind.value, iv.company or iv.title, draft_id)
        report.drafted.append((fu, mail.subject, mail.body_text))
        return fu

    def _template_for(self, fu: FollowUp) -> str:
        if fu.kind is FollowUpKind.THANK_YOU:
            return self.settings.thank_you_template
        return fu.kind.value

    def _thread_for(self, iv: Interview) -> ThreadRef | None:
        """The thread with the company about this interview, if there is one."""
        query = company_query(iv, self.my_emails())
        if not query:
            return None
        best = choose_thread(iv, self.gmail.search(query, limit=20), self.settings.rules)
        if best is None:
            return None
        return reply_point(self.gmail.thread(best.thread_id))

    # -- the whole job ------------------------------------------------------------------------

    def run_once(self) -> RunReport:
        """One sync and every follow-up due by now."""
        report = self.sync()
        return self.draft_due(report)


__all__ = ["Engine", "Settings", "RunReport", "CANCELLED_INTERVIEW"]
