"""Telling the user: a notification per new draft, one when the sign-in dies, and the daily digest.

What is said is decided by interview_bot.writing.notices from our values; this module finds those
values in the state file and sends the result through Apprise (ntfy, e-mail, desktop, ...).

Sending never stands in a draft's way: notices go to a queue that one background thread works
through, each URL on its own, retried with backoff and jitter, then given up loudly in the log.
Apprise bounds each attempt (its connect and read timeouts, 4 s by default). The URLs may hold a
password or a token, so the log names a service by its scheme only.

The state keeps two notes (runtime/positions): the sign-in
Google refused and since when, so the alarm goes once per failure and `status` and `doctor` can
show it; and the day the digest last went, so it goes at most once a day.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as time_of_day
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from interview_bot.config.notify import scheme
from interview_bot.errors import BotError
from interview_bot.model import FollowUp, FollowUpKind, FollowUpStatus, MailPlace
from interview_bot.runtime.state import State
from interview_bot.writing import notices
from interview_bot.writing.notices import DueToday, Notice, Waiting

if TYPE_CHECKING:
    from interview_bot.config.model import Config
    from interview_bot.planning.process import ProcessPlan
    from interview_bot.runtime.engine import Settings

log = logging.getLogger(__name__)

ATTEMPTS = 4
BASE_DELAY = 2.0  # seconds before the second attempt; doubled each time, with jitter
MAX_DELAY = 60.0

Send = Callable[[str, Notice], bool]  # (Apprise URL, notice) -> delivered


def apprise_send(url: str, notice: Notice) -> bool:
    """Deliver one notice to one Apprise URL; False when the service did not take it."""
    import apprise

    sender = apprise.Apprise()
    if not sender.add(url):
        log.error("notify.urls: Apprise does not understand the %s:// URL; nothing sent there", scheme(url))
        return True  # trying again cannot help
    return bool(sender.notify(title=notice.title, body=notice.text()))


class Notifier:
    """A queue of notices and the thread that sends them, each URL retried with backoff on its own."""

    def __init__(self, urls: Iterable[str], send: Send = apprise_send, attempts: int = ATTEMPTS,
                 base_delay: float = BASE_DELAY, max_delay: float = MAX_DELAY) -> None:
        self.urls = tuple(urls)
        self._send = send
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._queue: queue.Queue[Notice | None] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.sent: list[Notice] = []  # delivered everywhere (for the log line and for tests)
        self.given_up: list[Notice] = []

    def notify(self, notice: Notice) -> None:
        """Queue a notice; returns at once. Nothing happens without URLs."""
        if not self.urls:
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="notify", daemon=True)
            self._thread.start()
        self._queue.put(notice)

    def wait(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the queue to empty; True when it did."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def close(self, timeout: float = 5.0) -> None:
        """Send what is queued for up to `timeout` seconds, then stop (backoff pauses are cut short)."""
        if self._thread is None:
            return
        if not self.wait(timeout):
            log.warning("notifications still unsent at exit: %d", self._queue.unfinished_tasks)
        self._stop.set()
        self._queue.put(None)
        self._thread.join(timeout=1.0)

    def _work(self) -> None:
        while True:
            notice = self._queue.get()
            try:
                if notice is None:
                    return
                delivered = [self._deliver(url, notice) for url in self.urls]
                (self.sent if all(delivered) else self.given_up).append(notice)
            finally:
                self._queue.task_done()

    def _deliver(self, url: str, notice: Notice) -> bool:
        for attempt in range(1, self.attempts + 1):
            try:
                if self._send(url, notice):
                    log.info("notified %s:// : %s", scheme(url), notice.title)
                    return True
                why = "the service did not take it"
            except Exception as e:  # noqa: BLE001  # a plugin's bug must not end the thread
                why = type(e).__name__
            if attempt == self.attempts or self._stop.is_set():
                log.error("could not notify %s:// (%s) after %d attempts; gave up on: %s", scheme(url), why,
                          attempt, notice.title)
                return False
            delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0)
            log.warning("could not notify %s:// (%s); trying again in %.0fs", scheme(url), why, delay)
            if self._stop.wait(delay):
                return False
        return False


@dataclass(frozen=True)
class Audience:
    """Whom the notices are for: the Gmail account the links open, and the zone times are shown in."""

    account: str
    tz: ZoneInfo


def audience(state: State, tz: ZoneInfo, me_email: str | None) -> Audience:
    """The account of the links: Gmail's profile address as the state knows it, else config's me.email."""
    return Audience(state.positions.profile_email or me_email or "", tz)


def draft_link(state: State, fu: FollowUp, account: str) -> str:
    """The Gmail link of a follow-up's draft ("" when the bot has no record of its message)."""
    made = state.bot_mail(fu.key)
    return notices.draft_url(account, made.message_id) if made and made.place is MailPlace.DRAFT else ""


def new_draft_notice(state: State, fu: FollowUp, who: Audience, now: datetime,
                     plans: dict[str, ProcessPlan] | None = None) -> Notice:
    """The notice for a draft just made, from what the state knows of its interview and its process's plan."""
    from interview_bot.planning.process import process_key

    iv = state.interview(fu.interview_id)
    plan = plans.get(process_key(iv)) if iv is not None and plans else None
    decision = plan.decision.by if plan is not None and plan.decision is not None else None
    answered = plan.latest_reply.date if plan is not None and plan.latest_reply is not None else None
    return notices.new_draft(fu, iv, draft_link(state, fu, who.account), who.tz, now, decision, answered)


def waiting(state: State, who: Audience, exists: Callable[[str], bool] | None = None) -> list[Waiting]:
    """The drafts the bot made that are still in Drafts (asking Gmail, when `exists` is given)."""
    out = []
    for fu in state.follow_ups(status=FollowUpStatus.DRAFTED):
        made = state.bot_mail(fu.key)
        if not fu.draft_id or made is None or made.place is not MailPlace.DRAFT:
            continue
        if exists is not None and not _still_there(exists, fu.draft_id):
            continue
        iv = state.interview(fu.interview_id)
        out.append(Waiting(fu.kind, (iv.company or iv.title) if iv else "", fu.due,
                           notices.draft_url(who.account, made.message_id)))
    return out


def _still_there(exists: Callable[[str], bool], draft_id: str) -> bool:
    try:
        return exists(draft_id)
    except BotError as e:  # when unsure, list it: a digest with one sent draft in it costs little
        log.info("could not ask Gmail whether draft %s is still there: %s", draft_id, e.message)
        return True


def due_today(state: State, who: Audience, now: datetime) -> list[DueToday]:
    """The follow-ups that fall due from now to the end of the user's day."""
    local = now.astimezone(who.tz)
    end = datetime.combine(local.date() + timedelta(days=1), time_of_day(0), who.tz)
    out = []
    for fu in state.follow_ups(status=FollowUpStatus.SCHEDULED):
        if now <= fu.due < end:
            iv = state.interview(fu.interview_id)
            out.append(DueToday(fu.kind, (iv.company or iv.title) if iv else "", fu.due))
    return out


class Telling:
    """What the daemon and `run --once` call: each is quick, and none raises for a failing service."""

    def __init__(self, notifier: Notifier, tz: ZoneInfo, me_email: str | None = None,
                 digest_at: time_of_day | None = None) -> None:
        self.notifier = notifier
        self.tz = tz
        self.me_email = me_email
        self.digest_at = digest_at

    def drafted(self, state: State, drafted: Iterable[FollowUp], now: datetime,
                settings: Settings | None = None) -> int:
        """One notice per draft just made; how many were queued."""
        drafted = list(drafted)
        if not drafted or not self.notifier.urls:
            return 0
        who = audience(state, self.tz, self.me_email)
        plans: dict[str, ProcessPlan] = {}
        if settings is not None and any(fu.kind is not FollowUpKind.THANK_YOU for fu in drafted):
            from interview_bot.runtime.engine import planned

            plans = {view.key: plan for view, plan in planned(state, settings, now)}
        n = 0
        for fu in drafted:
            self.notifier.notify(new_draft_notice(state, fu, who, now, plans))
            n += 1
        return n

    def sign_in_refused(self, state: State, message: str, hint: str, now: datetime) -> bool:
        """Note a sign-in Google refuses and say so, once per failure; True when this call said it."""
        if state.positions.sign_in_refused is not None:
            return False
        try:
            with state.transaction():
                state.positions.set_sign_in_refused(now, message, hint)
        except BotError as e:  # said all the same; the next failure may say it again
            log.warning("could not note the refused sign-in in the state file: %s", e.message)
        self.notifier.notify(notices.sign_in_refused())
        return True

    def sign_in_accepted(self, state: State) -> None:
        """Google accepts the sign-in again: the next failure is news again."""
        if state.positions.sign_in_refused is not None:
            with state.transaction():
                state.positions.set_sign_in_refused(None)

    def digest(self, state: State, now: datetime, exists: Callable[[str], bool] | None = None) -> Notice | None:
        """The day's digest, if its time has come today, it has not gone yet and a draft waits."""
        if self.digest_at is None:
            return None
        local = now.astimezone(self.tz)
        if local.time() < self.digest_at or state.positions.digest_sent == local.date():
            return None
        who = audience(state, self.tz, self.me_email)
        notice = notices.digest(waiting(state, who, exists), due_today(state, who, now), now, self.tz)
        if notice is None:
            return None  # nothing waits: no digest; a draft made later today still gets one at the next look
        with state.transaction():
            state.positions.digest_sent = local.date()
        self.notifier.notify(notice)
        return notice

    def close(self, timeout: float = 5.0) -> None:
        self.notifier.close(timeout)


def sign_in_problem(state: State) -> tuple[datetime, str, str] | None:
    """(since, message, hint) of the sign-in Google refuses, as the daemon last saw it; None when fine."""
    return state.positions.sign_in_refused


def telling_from_config(cfg: Config, send: Send = apprise_send) -> Telling:
    """The Telling a config asks for (URLs, digest time); without URLs it still keeps the sign-in note."""
    # A digest with nowhere to go is never worked out (it would ask Gmail about every waiting draft).
    digest_at = time_of_day.fromisoformat(cfg.notify.digest) if cfg.notify.digest and cfg.notify.urls else None
    return Telling(Notifier(cfg.notify.urls, send=send), cfg.tz, cfg.me.email, digest_at)


__all__ = ["Notifier", "Telling", "apprise_send", "audience", "draft_link",
           "due_today", "new_draft_notice", "sign_in_problem", "telling_from_config", "waiting"]
