"""Apply what the core decided, one step at a time, each recorded before the next.

The actions come from interview_bot.planning.actions.decide. A record is one transaction. A
draft is made exactly once: marked DRAFTING, looked for by its key when a crash or another
copy of the state may have made it (once.DraftGuard), created, then marked DRAFTED with the
bot-key index in one transaction. A withdrawal deletes the unsent draft, or records that it
was sent or deleted meanwhile.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from interview_bot.errors import ConfigError, GoogleApiError
from interview_bot.model import (
    BotMail,
    Cause,
    FollowUp,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    MailPlace,
    ThreadRef,
)
from interview_bot.planning.actions import PENDING, Action, ActionType
from interview_bot.planning.mailthread import draft_thread, reply_point
from interview_bot.planning.process import process_key
from interview_bot.runtime.report import RunReport
from interview_bot.writing.company import company_name
from interview_bot.writing.compose import compose

if TYPE_CHECKING:
    from interview_bot.runtime.engine import Engine
    from interview_bot.runtime.state import State

log = logging.getLogger(__name__)

# How long a due draft waits for Gmail to be read (for an answer, for the thread to reply in)
# before it is made anyway: when unsure, draft; a missed follow-up costs more than a wrong thread.
MAIL_PATIENCE = timedelta(hours=6)
# A draft whose creation failed with a 5xx or a dropped connection: looked up by its key and, if
# absent, made again within the same sync, this many times in all, after these pauses (seconds,
# through the engine's injected sleep).
DRAFT_ATTEMPTS = 3
DRAFT_PAUSES = (2.0, 8.0)
_RETRY_STATUSES = frozenset({0, 408, 429, 500, 502, 503, 504})


def about(state: State, fu: FollowUp) -> str:
    """A follow-up in words, for logs and messages: "the thank-you note for Initech"."""
    iv = state.interview(fu.interview_id)
    return f"the {fu.kind.words} for {(iv.company or iv.title) if iv else 'an interview no longer in the calendar'}"


class Applier:
    """The shell's half of decide-then-apply, for one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def apply(self, actions: list[Action], report: RunReport, drafts: bool = True) -> None:
        """Apply the actions due by now, in order; drafts=False leaves the drafts for their own job."""
        e = self.engine
        now = e.clock.now()
        for action in actions:
            if not action.is_due(now):
                continue
            if action.action is ActionType.RECORD:
                with e.state.transaction():
                    e.state.save_follow_up(action.follow_up)
            elif action.action is ActionType.DELETE_DRAFT:
                try:
                    self.withdraw(action.follow_up, report)
                except GoogleApiError as err:  # tried again at the next sync: the plan still says so
                    log.warning("could not withdraw the unsent draft of %s yet: %s",
                                about(e.state, action.follow_up), err.message)
            elif drafts:
                current = e.state.follow_up(action.follow_up.key)
                if current is None or current.status not in PENDING:
                    continue  # an earlier step of this run moved it on
                self.try_draft(current, report, action.thread)

    def withdraw(self, fu: FollowUp, report: RunReport) -> None:
        """Delete the unsent draft of a follow-up the company answered; if it is gone, say why."""
        e = self.engine
        drafted = e.state.follow_up(fu.key) or fu
        if not e.gmail.draft_exists(fu.draft_id):
            # Sent (or deleted) before the company answered: nothing to withdraw. Say so in the
            # state, so the next syncs do not ask Gmail about that draft again.
            fu = self.no_longer_a_draft(drafted)
        else:
            e.lock_account()
            e.gmail.delete_draft(fu.draft_id)
            report.withdrawn.append(fu)
            log.info("withdrew the unsent draft of %s: %s", about(e.state, fu), fu.reason)
        with e.state.transaction():
            e.state.save_follow_up(fu)

    def no_longer_a_draft(self, fu: FollowUp) -> FollowUp:
        """A drafted follow-up whose draft is gone: sent, or its draft deleted by the user."""
        e = self.engine
        found = e.guard.look_up(fu, e.state.interview(fu.interview_id))
        if found is not None and found.place is MailPlace.SENT:
            return replace(fu, status=FollowUpStatus.SENT, cause=None, detail="")
        return replace(fu, cause=Cause.DRAFT_DELETED, detail="")

    def try_draft(self, fu: FollowUp, report: RunReport, thread: str | None = None) -> None:
        """Draft one follow-up; Google's refusal is recorded, not raised.

        A 400 means the request itself is wrong and would be every time: the follow-up is
        marked failed with Google's words. A 5xx or a dropped connection is tried again within
        this sync, a few times, with pauses (first looking for the draft by its key: Google
        may have made it). Anything else, or what still fails, is tried at the next sync.
        """
        e = self.engine
        for attempt in range(1, DRAFT_ATTEMPTS + 1):
            try:
                self.draft(fu, report, thread)
                return
            except GoogleApiError as err:
                if err.status == 400:
                    current = e.state.follow_up(fu.key) or fu
                    failed = e.state.set_status(current, FollowUpStatus.FAILED, cause=Cause.GOOGLE_REFUSED,
                                                detail=str(err))
                    log.error("could not draft %s: %s", about(e.state, fu), err)
                    report.failed.append((failed, failed.reason))
                    return
                again = err.status in _RETRY_STATUSES and err.reason != "retryAfter" and attempt < DRAFT_ATTEMPTS
                if not again:
                    log.warning("could not draft %s yet: %s (tried again at the next sync)", about(e.state, fu), err)
                    report.failed.append((fu, str(err)))
                    return
                log.info("could not draft %s: %s; looking for it and trying again", about(e.state, fu), err)
                e.sleep(DRAFT_PAUSES[min(attempt, len(DRAFT_PAUSES)) - 1])
                fu = e.state.follow_up(fu.key) or fu
                if fu.status not in (FollowUpStatus.SCHEDULED, FollowUpStatus.DRAFTING):
                    return

    def draft(self, fu: FollowUp, report: RunReport, thread: str | None = None) -> FollowUp:
        """Draft one follow-up, exactly once: mark it, look for a draft a crash may have left, then create.

        `thread` is the one the decision chose (None: choose it now)."""
        e = self.engine
        iv = e.state.interview(fu.interview_id)
        if iv is None:
            return e.state.set_status(fu, FollowUpStatus.SKIPPED, cause=Cause.INTERVIEW_UNKNOWN, detail="")
        e.lock_account()
        found = e.guard.existing(fu, iv)
        if found is not None:
            log.info("%s: Gmail already has its %s (made before an interruption, or by another copy of the "
                     "state); not making another", about(e.state, fu), found.place.value)
            done = e.state.set_status(fu, FollowUpStatus.DRAFTED if found.place is MailPlace.DRAFT else FollowUpStatus.SENT,
                                      draft_id=found.draft_id, thread_id=found.thread_id, cause=None, detail="")
            report.found.append(done)
            return done
        if iv.status is InterviewStatus.ACTIVE and not self.mail_scanned(iv):
            # The company's mail was never read (Gmail failed so far): without it the draft could go
            # to a new thread instead of the recruiter's. It waits until that mail has been read,
            # for a while: then it is made in a thread of its own rather than not at all.
            self.read_mail_before(fu, report, "searching the company's mail")
            thread = None  # what was read may hold the thread to answer in
            if not self.mail_scanned(iv):
                if not self.waited_long_enough(fu):
                    raise GoogleApiError(f"the mail of {process_key(iv)} could not be searched yet, to find the "
                                         "thread to answer in", hint="temporary: tried again shortly")
                log.warning("%s: the company's mail could not be searched for %s; drafting it in a new thread",
                            about(e.state, fu), MAIL_PATIENCE)
        mails = e.state.mail(process_key(iv))
        if thread is None:
            thread = draft_thread(fu, iv, mails, e.settings.rules)
        point = self.reply_point(thread)
        # The company as its own mail writes it, where the calendar gave only a guess from its domain.
        named = replace(iv, company=company_name(iv, mails, e.settings.rules.companies))
        try:
            mail = compose(fu, named, e.me(), point, e.templates, e.settings.tz, e.clock.now(),
                           template_name=e.settings.templates.get(fu.kind.value, fu.kind.value),
                           voice=e.voices.for_draft(fu, iv, mails, e.me().email, e.clock.now()))
        except ConfigError as err:
            # A template broken after check-config: this follow-up fails, the others go on.
            failed = e.state.set_status(fu, FollowUpStatus.FAILED, cause=Cause.TEMPLATE_ERROR, detail=str(err))
            report.failed.append((failed, failed.reason))
            return failed
        except ValueError as err:  # no valid address among the recipients
            skipped = e.state.set_status(fu, FollowUpStatus.SKIPPED, cause=Cause.NO_VALID_ADDRESS, detail=str(err))
            report.skipped.append(skipped)
            return skipped
        fu = e.state.set_status(fu, FollowUpStatus.DRAFTING)
        draft_id, thread_id, message_id = e.gmail.create_draft(mail.raw, mail.thread_id)
        with e.state.transaction():  # marked drafted and indexed by its key together
            fu = e.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=draft_id, thread_id=thread_id, cause=None,
                                    detail="")
            e.state.record_bot_mail(BotMail(fu.key, message_id, draft_id, thread_id, MailPlace.DRAFT), e.clock.now())
        # Another machine's bot may have made it in the same moment: one is kept (runtime/once.py).
        kept = e.guard.settle(fu, iv, BotMail(fu.key, message_id, draft_id, thread_id, MailPlace.DRAFT))
        if kept.message_id != message_id:
            fu = e.state.set_status(fu, FollowUpStatus.DRAFTED, draft_id=kept.draft_id, thread_id=kept.thread_id,
                                    cause=None, detail="")
            draft_id = kept.draft_id
        log.info("drafted %s (draft %s)", about(e.state, fu), draft_id)
        report.drafted.append((fu, mail.subject, mail.body_text))
        return fu

    def reply_point(self, thread_id: str) -> ThreadRef | None:
        return reply_point(self.engine.gmail.thread(thread_id)) if thread_id else None

    def mail_scanned(self, iv: Interview) -> bool:
        return self.engine.state.positions.mail_scanned(process_key(iv))

    def waited_long_enough(self, fu: FollowUp) -> bool:
        return self.engine.clock.now() - fu.due > MAIL_PATIENCE

    def read_mail_before(self, fu: FollowUp, report: RunReport, what: str) -> int:
        """Read Gmail before drafting; a failure waits the draft (raised), until it has waited long enough."""
        try:
            return self.engine.read_mail(report, raising=True)
        except GoogleApiError as err:
            if not self.waited_long_enough(fu):
                raise
            log.warning("%s: %s failed for %s (%s); drafting it all the same", about(self.engine.state, fu), what,
                        MAIL_PATIENCE, err.message)
            return 0


__all__ = ["DRAFT_ATTEMPTS", "DRAFT_PAUSES", "MAIL_PATIENCE", "Applier", "about"]
