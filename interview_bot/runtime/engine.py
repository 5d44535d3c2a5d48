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
from interview_bot.errors import ConfigError, GoogleApiError
from interview_bot.model import (
    BotMail,
    CalendarEvent,
    CompanyMail,
    Decision,
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
from interview_bot.planning.mailthread import choose_thread, reply_point
from interview_bot.planning.plan import ThankYouPolicy, plan_thank_yous
from interview_bot.planning.process import WITHDRAW, Policies, ProcessPlan, ProcessView, plan_process, process_key
from interview_bot.reading.detect import classify, is_scheduler_sender
from interview_bot.reading.promises import find_promise
from interview_bot.runtime.calsync import CalendarPort, CalendarReader
from interview_bot.runtime.mailsync import MailPort, MailReader, ReadingRules
from interview_bot.runtime.once import DraftGuard
from interview_bot.runtime.report import RunReport
from interview_bot.runtime.state import State
from interview_bot.writing.compose import Templates, compose

log = logging.getLogger(__name__)

# A status check re-reads Gmail before it is drafted unless the last read is this recent.
RECHECK_AFTER = timedelta(seconds=10)
# How long a due draft waits for Gmail to be read (for an answer, for the thread to reply in)
# before it is made anyway: when unsure, draft; a missed follow-up costs more than a wrong thread.
MAIL_PATIENCE = timedelta(hours=6)
# A draft whose creation failed with a 5xx or a dropped connection: looked up by its key and, if
# absent, made again within the same sync, this many times in all, after these pauses (seconds).
DRAFT_ATTEMPTS = 3
DRAFT_PAUSES = (2.0, 8.0)
_RETRY_STATUSES = frozenset({0, 408, 429, 500, 502, 503, 504})


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
        dry_run: bool = False,
        endpoint: str = "",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.dry_run = dry_run  # `plan`: read Google, write nothing there
        self.settings = settings
        self.state = state
        self.calendar = calendar
        self.gmail = gmail
        self.templates = templates
        self.clock = clock
        self.endpoint = endpoint  # the sandbox's URL, or "" for Google: part of the account's identity
        self.sleep = sleep  # the pause between attempts at a draft (the daemon's can be interrupted)
        self._me: Person | None = None
        self._account_locked = False
        self._mail_read_at: datetime | None = None
        self.mail = MailReader(gmail, state, settings.reading, self.my_emails)
        self.calendars = CalendarReader(calendar, state, settings.calendars, self._apply_event)
        self.guard = DraftGuard(state, gmail, clock, settings.reading.personal_domains)

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
        if self._account_locked or self.dry_run:
            return
        self.state.lock_account(self.profile_email(), self.endpoint)
        self._account_locked = True

    # -- calendar sync and planning -------------------------------------------------------

    def sync(self, report: RunReport | None = None) -> RunReport:
        """Read calendar changes and new mail, update interviews and plan their follow-ups.

        A calendar or Gmail that fails is in the report; the rest goes on. Sign-in and state
        file errors are raised: nothing can go on without them."""
        report = report or RunReport()
        self.state.check_file()
        self.lock_account()
        now = self.clock.now()
        if watching_since(self.state) is None:
            with self.state.transaction():
                self.state.positions.watching_since = now
        self.calendars.sync(now, report)
        self.read_mail(report)
        self.plan_processes(report)
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
        if not self.dry_run:
            self.guard.mail_synced(self.mail.own_added, self.mail.restarted)
        self._mail_read_at = self.clock.now()
        report.mail_read += count
        return count

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
        if verdict.interview is not None:
            self.state.set_detection(iv.id, verdict.reason)
        if event.description and event.start:
            promise = find_promise(event.description, event.start, self.settings.tz,
                                   self.settings.policies.country, source="description")
            self.state.set_decision(iv.id, Decision(promise.by, "invitation", promise.phrase) if promise else None,
                                    "invitation")
        existing = self.state.follow_ups(interview_id=iv.id)
        for fu in plan_thank_yous(iv, existing, self.settings.thank_you, self.settings.tz, observed,
                                  watching_since(self.state)):
            self.state.save_follow_up(fu)

    # -- after the interview: status checks, feedback requests -------------------------------

    def process_views(self) -> list[ProcessView]:
        return process_views(self.state, self.settings)

    def plan_process(self, view: ProcessView) -> ProcessPlan:
        return plan_for(view, self.settings, self.clock.now(), self.my_emails())

    def plan_processes(self, report: RunReport) -> None:
        """Plan each process's follow-ups after a sync; withdraw check-ins the company made stale."""
        for view in self.process_views():
            try:
                self._plan_one(view, report)
            except GoogleApiError as e:  # this process is planned again at the next sync
                log.warning("could not plan the follow-ups for %s yet: %s",
                            next((iv.company for iv in view.interviews if iv.company), view.key), e.message)

    def _plan_one(self, view: ProcessView, report: RunReport) -> None:
        plan = self.plan_process(view)
        before = {f.key: f for f in view.follow_ups}
        for fu in plan.changes:
            if fu.reason.startswith(WITHDRAW) and before.get(fu.key, fu).status is FollowUpStatus.DRAFTED:
                if self.dry_run:
                    continue
                if not self.gmail.draft_exists(fu.draft_id):
                    # Sent (or deleted) before the company answered: nothing to withdraw. Say so in
                    # the state, so the next syncs do not ask Gmail about that draft again.
                    fu = replace(before[fu.key], reason=self._no_longer_a_draft(before[fu.key]))
                else:
                    self.gmail.delete_draft(fu.draft_id)
                    report.withdrawn.append(fu)
                    log.info("withdrew the unsent draft of %s: %s", about(self.state, fu), fu.reason)
            with self.state.transaction():
                self.state.save_follow_up(fu)

    def _no_longer_a_draft(self, fu: FollowUp) -> str:
        """Why a drafted follow-up's draft is gone: sent, or deleted by the user."""
        found = self.guard.look_up(fu, self.state.interview(fu.interview_id))
        return "sent" if found is not None and found.place == "sent" else "its draft was deleted"

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
            self.try_draft(fu, report)
        return report

    def try_draft(self, fu: FollowUp, report: RunReport) -> None:
        """Draft one follow-up; Google's refusal is recorded, not raised.

        A 400 means the request itself is wrong and would be every time: the follow-up is
        marked failed with Google's words. A 5xx or a dropped connection is tried again within
        this sync, a few times, with pauses (first looking for the draft by its key: Google
        may have made it). Anything else, or what still fails, is tried at the next sync.
        """
        for attempt in range(1, DRAFT_ATTEMPTS + 1):
            try:
                self.draft(fu, report)
                return
            except GoogleApiError as e:
                if e.status == 400:
                    current = self.state.follow_up(fu.key) or fu
                    failed = self.state.set_status(current, FollowUpStatus.FAILED, reason=f"Google refused it: {e}")
                    log.error("could not draft %s: %s", about(self.state, fu), e)
                    report.failed.append((failed, failed.reason))
                    return
                again = e.status in _RETRY_STATUSES and e.reason != "retryAfter" and attempt < DRAFT_ATTEMPTS
                if not again:
                    log.warning("could not draft %s yet: %s (tried again at the next sync)", about(self.state, fu), e)
                    report.failed.append((fu, str(e)))
                    return
                log.info("could not draft %s: %s; looking for it and trying again", about(self.state, fu), e)
                self.sleep(DRAFT_PAUSES[min(attempt, len(DRAFT_PAUSES)) - 1])
                fu = self.state.follow_up(fu.key) or fu
                if fu.status not in (FollowUpStatus.SCHEDULED, FollowUpStatus.DRAFTING):
                    return

    def draft(self, fu: FollowUp, report: RunReport) -> FollowUp:
        """Draft one follow-up, exactly once: mark it, look for a draft a crash may have left, then create."""
        iv = self.state.interview(fu.interview_id)
        if iv is None:
            return self.state.set_status(fu, FollowUpStatus.SKIPPED, reason="its interview is no longer known")
        self.lock_account()
        found = self.guard.existing(fu, iv)
        if found is not None:
            log.info("%s: Gmail already has its %s (made before an interruption, or by another copy of the "
                     "state); not making another", about(self.state, fu), found.place)
            done = self.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=found.draft_id,
                                         thread_id=found.thread_id, reason="" if found.place == "draft" else "sent")
            report.found.append(done)
            return done
        if fu.kind in (FollowUpKind.STATUS_CHECK, FollowUpKind.KEEP_IN_TOUCH) and fu.status is FollowUpStatus.SCHEDULED:
            # Right before writing to them: has the company answered since the last sync?
            # (Not when that sync was a moment ago, as in `run --once`.)
            fresh_enough = self._mail_read_at and self.clock.now() - self._mail_read_at < RECHECK_AFTER
            if not fresh_enough and self._read_mail_before(fu, iv, report, "reading Gmail for an answer"):
                self.plan_processes(report)
                fresh = self.state.follow_up(fu.key)
                if fresh is None or fresh.status is not FollowUpStatus.SCHEDULED or fresh.due > self.clock.now():
                    return fresh or fu
                fu = fresh
        if iv.status is InterviewStatus.ACTIVE and not self._mail_scanned(iv):
            # The company's mail was never read (Gmail failed so far): without it the draft could go
            # to a new thread instead of the recruiter's. It waits until that mail has been read,
            # for a while: then it is made in a thread of its own rather than not at all.
            self._read_mail_before(fu, iv, report, "searching the company's mail")
            if not self._mail_scanned(iv):
                if not self._waited_long_enough(fu):
                    raise GoogleApiError(f"the mail of {process_key(iv)} could not be searched yet, to find the "
                                         "thread to answer in", hint="temporary: tried again shortly")
                log.warning("%s: the company's mail could not be searched for %s; drafting it in a new thread",
                            about(self.state, fu), MAIL_PATIENCE)
        thread = self._thread_for(fu, iv)
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
        draft_id, thread_id, message_id = self.gmail.create_draft(mail.raw, mail.thread_id)
        with self.state.transaction():  # marked drafted and indexed by its key together
            fu = self.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=draft_id, thread_id=thread_id, reason="")
            self.state.record_bot_mail(BotMail(fu.key, message_id, draft_id, thread_id, "draft"), self.clock.now())
        if not self.dry_run:  # another machine's bot may have made it in the same moment: one is kept
            kept = self.guard.settle(fu, iv, BotMail(fu.key, message_id, draft_id, thread_id, "draft"))
            if kept.message_id != message_id:
                fu = self.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=kept.draft_id, thread_id=kept.thread_id,
                                           reason="" if kept.place == "draft" else "sent")
        log.info("drafted %s (draft %s)", about(self.state, fu), draft_id)
        report.drafted.append((fu, mail.subject, mail.body_text))
        return fu

    def _mail_scanned(self, iv: Interview) -> bool:
        return self.state.positions.mail_scanned(process_key(iv))

    def _waited_long_enough(self, fu: FollowUp) -> bool:
        return self.clock.now() - fu.due > MAIL_PATIENCE

    def _read_mail_before(self, fu: FollowUp, iv: Interview, report: RunReport, what: str) -> int:
        """Read Gmail before drafting; a failure waits the draft (raised), until it has waited long enough."""
        try:
            return self.read_mail(report, raising=True)
        except GoogleApiError as e:
            if not self._waited_long_enough(fu):
                raise
            log.warning("%s: %s failed for %s (%s); drafting it all the same", about(self.state, fu), what,
                        MAIL_PATIENCE, e.message)
            return 0

    def _template_for(self, fu: FollowUp) -> str:
        return self.settings.templates.get(fu.kind.value, fu.kind.value)

    def _thread_for(self, fu: FollowUp, iv: Interview) -> ThreadRef | None:
        """Where the draft goes: the thread planned for it (a rejection's, the thank-you's), else
        the company's mail most likely about this interview, else a new thread."""
        thread_id = fu.thread_id
        if not thread_id:
            best = choose_thread(iv, [_as_message(m) for m in self.state.mail(process_key(iv))], self.settings.rules)
            thread_id = best.thread_id if best else ""
        return reply_point(self.gmail.thread(thread_id)) if thread_id else None

    # -- the whole job ------------------------------------------------------------------------

    def run_once(self) -> RunReport:
        """One sync and every follow-up due by now."""
        report = self.sync()
        self.draft_due(report)
        if report.drafted:
            self.plan_processes(report)  # a check-in just drafted may call for the next one
        return report


def about(state: State, fu: FollowUp) -> str:
    """A follow-up in words, for logs and messages: "the thank-you note for Initech"."""
    iv = state.interview(fu.interview_id)
    return f"the {fu.kind.words} for {(iv.company or iv.title) if iv else 'an interview no longer in the calendar'}"


def plan_for(view: ProcessView, settings: Settings, now: datetime, my_emails: frozenset[str]) -> ProcessPlan:
    """A process's plan as the engine makes it: its settings' policies, robots and the user's addresses."""
    return plan_process(view, now, settings.policies, lambda email: is_scheduler_sender(email, settings.rules),
                        my_emails)


def planned(state: State, settings: Settings, now: datetime) -> list[tuple[ProcessView, ProcessPlan]]:
    """Every process the state knows with its plan as of `now`, as a sync would make it (for the commands)."""
    mine = user_addresses(state, settings.me_email)
    return [(view, plan_for(view, settings, now, mine)) for view in process_views(state, settings)]


def process_views(state: State, settings: Settings) -> list[ProcessView]:
    """Every company process the state knows, with its rounds, mail, follow-ups and decision dates."""
    groups: dict[str, list[Interview]] = {}
    for iv in state.interviews():
        groups.setdefault(process_key(iv), []).append(iv)
    views = []
    for key, ivs in groups.items():
        latest = max((iv for iv in ivs if iv.status is InterviewStatus.ACTIVE), key=lambda iv: iv.start, default=None)
        decisions = state.decisions(latest.id) if latest else {}
        configured = configured_decision(ivs, settings.decisions)
        if configured:
            decisions["config"] = Decision(configured, "config")
        fus = tuple(f for iv in ivs for f in state.follow_ups(interview_id=iv.id))
        views.append(ProcessView(key, tuple(ivs), tuple(state.mail(key)), fus, decisions, watching_since(state)))
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


def _as_message(m: CompanyMail) -> MailMessage:
    return MailMessage(id=m.id, thread_id=m.thread_id, message_id=m.message_id, subject=m.subject, sender=m.sender,
                       date=m.date, references=m.references)


__all__ = ["CalendarPort", "Engine", "RunReport", "Settings", "configured_decision", "plan_for", "planned",
           "process_views", "user_addresses", "watching_since"]
