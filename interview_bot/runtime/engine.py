"""The imperative shell: sync the calendars, plan follow-ups, make the drafts that are due.

Everything it decides comes from the pure core (detect, plan, mailthread, compose); this
module moves values between Google, the state file and the core, in that order, and
records each step before the next so a crash at any point is recovered without doubles.
One calendar, message or process that fails never stops the others (calsync, mailsync);
a draft Gmail may already hold is looked for before it is made (once.DraftGuard).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from interview_bot.clock import Clock
from interview_bot.errors import GoogleApiError
from interview_bot.model import (
    BotMail,
    CalendarEvent,
    Decision,
    DetectionRules,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    MailMessage,
    Person,
)
from interview_bot.planning.actions import Action, ActionType, decide
from interview_bot.planning.mailthread import draft_thread
from interview_bot.planning.plan import ThankYouPolicy
from interview_bot.planning.planner import plan_view
from interview_bot.planning.process import Policies, ProcessPlan, ProcessView, process_key
from interview_bot.reading.detect import classify, is_scheduler_sender
from interview_bot.reading.detection_hash import detection_hash
from interview_bot.reading.promises import find_promise
from interview_bot.runtime.apply import MAIL_PATIENCE, Applier, about
from interview_bot.runtime.calsync import CalendarPort, CalendarReader
from interview_bot.runtime.mailsync import MailPort, MailReader, ReadingRules
from interview_bot.runtime.once import DraftGuard
from interview_bot.runtime.report import RunReport
from interview_bot.runtime.state import State
from interview_bot.runtime.voices import Voices
from interview_bot.writing.compose import Templates
from interview_bot.writing.voice import VoiceSettings

log = logging.getLogger(__name__)

# A status check re-reads Gmail before it is drafted unless the last read is this recent.
RECHECK_AFTER = timedelta(seconds=10)


class GmailPort(MailPort, Protocol):
    """Gmail as the engine uses it: the reader's part, plus threads and drafts."""

    def profile_email(self) -> str: ...
    def thread(self, thread_id: str) -> list[MailMessage]: ...
    def create_draft(self, raw: bytes, thread_id: str = "") -> tuple[str, str, str]: ...
    def find_bot_mail(self, bot_key: str, recipients: list[str], after: datetime | None) -> BotMail | None: ...
    def delete_draft(self, draft_id: str) -> bool: ...
    def draft_exists(self, draft_id: str) -> bool: ...


@dataclass(frozen=True)
class Settings:
    """What the engine needs from config, as plain values."""

    calendars: tuple[str, ...]
    tz: ZoneInfo
    me_name: str
    me_email: str | None
    rules: DetectionRules
    thank_you: ThankYouPolicy
    policies: Policies
    reading: ReadingRules
    templates: dict[str, str] = field(default_factory=dict)  # follow-up kind -> template name
    decisions: dict[str, date] = field(default_factory=dict)  # config: company name or domain -> date
    voice: VoiceSettings = field(default_factory=VoiceSettings)  # locale, languages, me.signature (issue 20)


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
        endpoint: str = "",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.state = state
        self.calendar = calendar
        self.gmail = gmail
        self.templates = templates
        self.clock = clock
        self.endpoint = endpoint  # the sandbox's URL, or "" for Google: part of the account's identity
        self.sleep = sleep  # the pause between attempts at a draft: injected, like the clock
        self._me: Person | None = None
        self._account_locked = False
        self._mail_read_at: datetime | None = None
        self.mail = MailReader(gmail, state, settings.reading, self.my_emails)
        self.calendars = CalendarReader(calendar, state, settings.calendars, self._apply_event)
        self.guard = DraftGuard(state, gmail, clock, settings.reading.personal_domains)
        self.voices = Voices(settings, state, gmail)  # the drafts' language, promise and signature
        self.applier = Applier(self)
        self.detection_hash = detection_hash(settings.rules, settings.tz.key)

    # -- who the user is ------------------------------------------------------------------

    def me(self) -> Person:
        """The user: config's me.email, else the Gmail profile address (asked once, then kept in state)."""
        if self._me is None:
            self._me = Person(self.settings.me_email or self.profile_email(), self.settings.me_name)
        return self._me

    def profile_email(self) -> str:
        """The signed-in Gmail account's address: from the state, else asked of Gmail once and kept."""
        email = self.state.positions.profile_email
        if not email:
            email = self.gmail.profile_email()
            with self.state.transaction():
                self.state.positions.profile_email = email
        return email

    def my_emails(self) -> frozenset[str]:
        return user_addresses(self.state, self.me().email)

    def lock_account(self) -> None:
        """Hold the Google account's lock (its address from the state, else asked of Gmail once).

        Raises InstanceRunning when another bot runs for this account, whatever its state file."""
        if self._account_locked:
            return
        self.state.lock_account(self.profile_email(), self.endpoint)
        self._account_locked = True

    # -- calendar sync and planning -------------------------------------------------------

    def sync(self, report: RunReport | None = None, withdraw: bool = False) -> RunReport:
        """Read calendar changes and new mail, update interviews and plan their follow-ups.

        A calendar or Gmail that fails is in the report; the rest goes on. Sign-in and state
        file errors are raised: nothing can go on without them. `withdraw`: the daemon's sync
        also deletes the drafts an answer made stale (drafts due are made by their own jobs)."""
        report = report or RunReport()
        self.state.check_file()
        self.lock_account()
        now = self.clock.now()
        if watching_since(self.state) is None:
            with self.state.transaction():
                self.state.positions.watching_since = now
        self._reread_if_rules_changed()
        self.calendars.sync(now, report)
        self.read_mail(report)
        self.plan_processes(report, withdraw)
        return report

    def read_mail(self, report: RunReport, raising: bool = False) -> int:
        """One mail sync; a failure is reported (and tried again at the next sync), or raised."""
        try:
            count = self.mail.sync()
        except GoogleApiError as e:
            if raising:
                raise
            report.mail_error = e.message
            log.warning("reading Gmail failed: %s (tried again at the next sync)", e.message)
            return 0
        finally:
            report.messages_vanished += self.mail.vanished
        self.guard.mail_synced(self.mail.own_added, self.mail.restarted)
        self._mail_read_at = self.clock.now()
        report.mail_read += count
        return count

    def _reread_if_rules_changed(self) -> None:
        """Detection rules other than the calendars were last read with: read them again in full, so
        every event is classified anew (a full listing costs one sync, only after a rule change)."""
        positions = self.state.positions
        if positions.detection_rules == self.detection_hash:
            return
        with self.state.transaction():
            if positions.detection_rules is not None:
                log.info("the interview rules changed: reading the calendars again")
            for calendar_id in self.settings.calendars:
                positions.set_calendar_token(calendar_id, None)
            positions.detection_rules = self.detection_hash

    def _apply_event(self, event: CalendarEvent, now: datetime, changed_after: datetime, report: RunReport) -> None:
        """Record what the calendar says: the interview, its invitation's promise, and when its status
        changed. Planning is not done here: plan_processes plans thank-yous with everything else."""
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
        if known is None or known.status is not iv.status:
            self.state.set_changed_at(iv.id, observed)
        if verdict.interview is not None:
            self.state.set_detection(iv.id, verdict.reason, self.detection_hash)
        if event.description and event.start:
            promise = find_promise(event.description, event.start, self.settings.tz,
                                   self.settings.policies.country, source="description")
            self.state.set_decision(iv.id, Decision(promise.by, "invitation", promise.phrase) if promise else None,
                                    "invitation")

    # -- after the interview: status checks, feedback requests -------------------------------

    def process_views(self) -> list[ProcessView]:
        return process_views(self.state, self.settings)

    def plan_process(self, view: ProcessView) -> ProcessPlan:
        return plan_for(view, self.settings, self.clock.now(), self.my_emails())

    def _changes(self) -> list[tuple[FollowUp | None, FollowUp]]:
        """Each process's planned follow-up changes, with the follow-up as it stands (None when new)."""
        changes: list[tuple[FollowUp | None, FollowUp]] = []
        for view in self.process_views():
            before = {f.key: f for f in view.follow_ups}
            changes += [(before.get(fu.key), fu) for fu in self.plan_process(view).changes]
        return changes

    def decide(self) -> list[Action]:
        """What should happen now and later, as a value: records, drafts to create (each in its
        thread, at its due time), unsent drafts to delete. `plan` prints it; `apply` applies it."""
        pending = self.state.follow_ups(status=FollowUpStatus.SCHEDULED) + self.state.follow_ups(
            status=FollowUpStatus.DRAFTING)
        return decide(self._changes(), pending, self._thread_for, self.clock.now())

    def apply(self, actions: list[Action], report: RunReport, drafts: bool = True) -> RunReport:
        """Apply the actions due by now, step by step (interview_bot.runtime.apply)."""
        self.applier.apply(actions, report, drafts)
        return report

    def plan_processes(self, report: RunReport, withdraw: bool = False) -> None:
        """Record each process's planned follow-ups; with `withdraw`, delete the drafts that went stale too
        (else they are left to the next decide: withdrawing a draft is an action `plan` shows). No draft
        is made here, so no thread is chosen."""
        kinds = {ActionType.RECORD, ActionType.DELETE_DRAFT} if withdraw else {ActionType.RECORD}
        actions = [a for a in decide(self._changes(), (), lambda fu: fu.thread_id, self.clock.now())
                   if a.action in kinds]
        self.apply(actions, report, drafts=False)

    def _thread_for(self, fu: FollowUp) -> str:
        iv = self.state.interview(fu.interview_id)
        return draft_thread(fu, iv, self.state.mail(process_key(iv)), self.settings.rules) if iv else fu.thread_id

    # -- drafting ---------------------------------------------------------------------------

    def due(self) -> list[FollowUp]:
        """Follow-ups whose time has come and that have no draft yet (or may have one from a crash)."""
        now = self.clock.now()
        pending = self.state.follow_ups(status=FollowUpStatus.SCHEDULED) + self.state.follow_ups(
            status=FollowUpStatus.DRAFTING
        )
        return sorted((f for f in pending if f.due <= now), key=lambda f: (f.due, f.key))

    def draft_due(self, report: RunReport | None = None) -> RunReport:
        """Decide, then apply what is due: the one route of `run --once` (after its sync) and of the
        daemon's due-time job. One failure does not stop the others."""
        report = report or RunReport()
        held = self._read_before_writing(report)
        return self.apply([a for a in self.decide() if a.follow_up.key not in held], report)

    def _read_before_writing(self, report: RunReport) -> set[str]:
        """Right before writing to the company again (a status check, a keep-in-touch note): has it
        answered since the last read? Not when that read was a moment ago, as in `run --once`.

        Returns the keys held back because Gmail could not be read, until they have waited long enough."""
        now = self.clock.now()
        asking = [f for f in self.due() if f.kind in (FollowUpKind.STATUS_CHECK, FollowUpKind.KEEP_IN_TOUCH)
                  and f.status is FollowUpStatus.SCHEDULED]
        if not asking or (self._mail_read_at and now - self._mail_read_at < RECHECK_AFTER):
            return set()
        try:
            count = self.read_mail(report, raising=True)
        except GoogleApiError as e:
            held = {f.key for f in asking if not self.applier.waited_long_enough(f)}
            for fu in asking:
                if fu.key in held:
                    log.warning("could not draft %s yet: reading Gmail for an answer failed: %s (tried again "
                                "shortly)", about(self.state, fu), e.message)
                    report.failed.append((fu, str(e)))
                else:
                    log.warning("%s: reading Gmail for an answer failed for %s (%s); drafting it all the same",
                                about(self.state, fu), MAIL_PATIENCE, e.message)
            return held
        if count:
            self.plan_processes(report)
        return set()

    # -- the whole job ------------------------------------------------------------------------

    def run_once(self) -> RunReport:
        """One sync and every follow-up due by now."""
        report = self.sync()
        self.draft_due(report)
        if report.drafted:
            self.plan_processes(report)  # a check-in just drafted may call for the next one
        return report


def plan_for(view: ProcessView, settings: Settings, now: datetime, my_emails: frozenset[str]) -> ProcessPlan:
    """A process's plan as the engine makes it (thank-yous included): its settings' policies, robots
    and the user's addresses."""
    return plan_view(view, now, settings.policies, settings.thank_you, settings.tz,
                     lambda email: is_scheduler_sender(email, settings.rules), my_emails)


def planned(state: State, settings: Settings, now: datetime) -> list[tuple[ProcessView, ProcessPlan]]:
    """Every process the state knows with its plan as of `now`, as a sync would make it (for the commands)."""
    mine = user_addresses(state, settings.me_email)
    return [(view, plan_for(view, settings, now, mine)) for view in process_views(state, settings)]


def process_views(state: State, settings: Settings, only: str | None = None) -> list[ProcessView]:
    """Every company process the state knows (or the one keyed `only`), with its rounds, mail, follow-ups
    and decision dates."""
    groups: dict[str, list[Interview]] = {}
    for iv in state.interviews():
        if only is None or process_key(iv) == only:
            groups.setdefault(process_key(iv), []).append(iv)
    views = []
    changed_at = state.changed_at()
    for key, ivs in groups.items():
        latest = max((iv for iv in ivs if iv.status is InterviewStatus.ACTIVE), key=lambda iv: iv.start, default=None)
        decisions = state.decisions(latest.id) if latest else {}
        configured = configured_decision(ivs, settings.decisions)
        if configured:
            decisions["config"] = Decision(configured, "config")
        fus = tuple(f for iv in ivs for f in state.follow_ups(interview_id=iv.id))
        made = state.bot_mail_recorded([f.key for f in fus if f.kind is FollowUpKind.STATUS_CHECK])
        views.append(ProcessView(key, tuple(ivs), tuple(state.mail(key)), fus, decisions, watching_since(state),
                                 {iv.id: changed_at[iv.id] for iv in ivs if iv.id in changed_at}, drafted_at=made))
    return views


def user_addresses(state: State, me_email: str | None) -> frozenset[str]:
    """The user's addresses: config's me.email and the Gmail profile's, lower-cased."""
    return frozenset(e.lower() for e in (me_email, state.positions.profile_email) if e)


def watching_since(state: State) -> datetime | None:
    """When the bot first synced this state: what fell due long before is not drafted."""
    return state.positions.watching_since


def configured_decision(ivs: list[Interview], decisions: dict[str, date]) -> date | None:
    """The config's decision date for these interviews' company (by name or domain), if any."""
    names = {iv.company.lower() for iv in ivs} | {d.lower() for iv in ivs for d in iv.company_domains}
    for company, day in decisions.items():
        if company.lower().lstrip("@") in names:
            return day
    return None


__all__ = ["CalendarPort", "Engine", "RunReport", "Settings", "configured_decision", "plan_for", "planned",
           "process_views", "user_addresses", "watching_since"]
