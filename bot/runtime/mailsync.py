"""Reading Gmail cheaply: history since the last sync, one narrow search per new process, headers first.

Bodies are fetched only for mail from the company side of a process the bot follows,
read once (reply class, promised date) and not kept.

One bad message never stops the others: one that vanished (Gmail keeps the "added" record of
a message deleted for good, and answers 404 for the message) is skipped and counted; one that
fails for a while is kept in the state and read again at the next sync, while the history
position moves on.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.errors import GoogleApiError
from bot.google.gmail import HistoryExpired
from bot.model import CompanyMail, Interview, InterviewStatus, MailMessage, Person
from bot.planning.mailthread import company_query
from bot.planning.process import process_key
from bot.reading.extract import domain_in, domain_of
from bot.reading.promises import find_promise
from bot.reading.replies import Incoming, ReplyContext, classify_reply, is_company_reply, sender_matches
from bot.runtime.state import State

log = logging.getLogger(__name__)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
RETRY_KEY = "mail_retry"  # meta: ids of messages that failed for a while, read again at the next sync
RETRY_MAX = 500


class MailPort(Protocol):
    def history_id(self) -> str: ...
    def added_since(self, history_id: str) -> tuple[list[str], str]: ...
    def history_since(self, history_id: str) -> tuple[list[str], list[str], str]: ...
    def search_read(self, query: str, limit: int = 50) -> list[tuple[MailMessage, str, tuple[str, ...]]]: ...
    def message(self, message_id: str) -> MailMessage: ...
    def body(self, message_id: str) -> tuple[str, tuple[str, ...]]: ...


@dataclass(frozen=True)
class ReadingRules:
    """What the reader needs from config."""

    tz: ZoneInfo
    country: str | None
    extra_senders: tuple[str, ...]  # replies.senders: hiring systems that speak for a company
    extra_rules: dict[str, list[str]]  # replies.rules
    personal_domains: tuple[str, ...]


def _people(ivs: list[Interview]) -> frozenset[str]:
    people = {p.email.lower() for iv in ivs for p in iv.interviewers}
    people |= {iv.organizer.email.lower() for iv in ivs if iv.organizer}
    return frozenset(people)


class MailReader:
    """Keeps the state's company mail up to date with the mailbox."""

    def __init__(self, gmail: MailPort, state: State, rules: ReadingRules,
                 my_emails: Callable[[], frozenset[str]]) -> None:
        self.gmail = gmail
        self.state = state
        self.rules = rules
        self.my_emails = my_emails
        self._threads: dict[str, str] = {}
        # What the last sync saw, for the engine: messages skipped because they vanished, the
        # user's own drafts and sent mail added (another bot's drafts among them?), and whether
        # reading started afresh (no history position, or Gmail had forgotten it).
        self.vanished = 0
        self.own_added: list[str] = []
        self.restarted = False

    def sync(self) -> int:
        """Read what is new; returns how many company messages were recorded."""
        processes = self._processes()
        self._threads = self._known_threads(processes)
        history = self.state.get_meta("gmail_history_id")
        added: list[str] = []
        self.vanished, self.own_added, self.restarted = 0, [], history is None
        if history is not None:
            try:
                added, self.own_added, history = self.gmail.history_since(history)
            except HistoryExpired:
                self.restarted = True
                log.info("Gmail history is too old (404): reading each process's mail again")
                with self.state.transaction():
                    for key in processes:
                        self.state.set_meta(f"mail_scanned:{key}", None)
                history = None
        if history is None:
            # Taken before the searches, so nothing arriving meanwhile falls between the two.
            history = self.gmail.history_id()
        count = 0
        for key, ivs in processes.items():
            if self.state.get_meta(f"mail_scanned:{key}") is None:
                try:
                    count += self._scan(key, ivs, processes)
                except GoogleApiError as e:  # this process is searched again at the next sync
                    log.warning("could not search the mail of %s yet: %s", key, e)
        retry = json.loads(self.state.get_meta(RETRY_KEY) or "[]")
        failed: list[str] = []
        for message_id in dict.fromkeys(retry + added):
            if not self.state.has_mail(message_id):
                count += self._read_one(message_id, processes, failed)
        with self.state.transaction():
            self.state.set_meta("gmail_history_id", history)
            self.state.set_meta(RETRY_KEY, json.dumps(failed[-RETRY_MAX:]) if failed else None)
        return count

    def _read_one(self, message_id: str, processes: dict[str, list[Interview]], failed: list[str]) -> int:
        """Read one message from the history; a failure is this message's alone."""
        try:
            return self._ingest(self.gmail.message(message_id), processes)
        except GoogleApiError as e:
            if e.status == 404:  # deleted for good since it arrived: nothing to read
                log.debug("message %s is gone (404); skipped", message_id)
                self.vanished += 1
            else:
                log.warning("could not read message %s yet (%s); read again at the next sync", message_id, e)
                failed.append(message_id)
        except (ValueError, TypeError, KeyError, AttributeError) as e:  # a message nobody foresaw
            log.warning("skipping message %s that could not be read: %s", message_id, e)
        return 0

    def _processes(self) -> dict[str, list[Interview]]:
        out: dict[str, list[Interview]] = {}
        for iv in self.state.interviews():
            if iv.status is InterviewStatus.ACTIVE:
                out.setdefault(process_key(iv), []).append(iv)
        return out

    def _scan(self, key: str, ivs: list[Interview], processes: dict[str, list[Interview]]) -> int:
        """The first look at a new process: one search for mail from its side."""
        first = min(ivs, key=lambda iv: iv.start)
        query = company_query(first, self.my_emails())
        count = 0
        if query:
            for msg, body, mime_types in self.gmail.search_read(query, limit=50):
                if not self.state.has_mail(msg.id):
                    count += self._ingest(msg, processes, (body, mime_types))
        with self.state.transaction():
            self.state.set_meta(f"mail_scanned:{key}", "1")
        return count

    def _known_threads(self, processes: dict[str, list[Interview]]) -> dict[str, str]:
        """Thread id -> process, for the threads the bot has read or written in (read once a sync)."""
        threads = {m.thread_id: m.process for m in self.state.mail()}
        threads.update({fu.thread_id: key for key, ivs in processes.items() for iv in ivs
                        for fu in self.state.follow_ups(interview_id=iv.id) if fu.thread_id})
        return threads

    def _process_of(self, msg: MailMessage, processes: dict[str, list[Interview]]) -> str | None:
        """Which followed process a message belongs to, if any."""
        assert msg.sender is not None
        sender = msg.sender.email.lower()
        key = self._threads.get(msg.thread_id)
        if key in processes:
            return key
        for key, ivs in processes.items():
            if sender in _people(ivs):
                return key
        for key, ivs in processes.items():
            domains = tuple(d for iv in ivs for d in iv.company_domains
                            if not domain_in(d, self.rules.personal_domains))
            if domains and domain_in(domain_of(sender), domains):
                return key
        if any(sender_matches(sender, rule) for rule in self.rules.extra_senders):
            # A hiring system writes for many companies: the one it names, if exactly one.
            text = f"{msg.sender.name} {msg.subject}".lower()
            named = [key for key, ivs in processes.items()
                     if any(iv.company and re.search(rf"\b{re.escape(iv.company.lower())}\b", text) for iv in ivs)]
            if len(named) == 1:
                return named[0]
        return None

    def _ingest(self, msg: MailMessage, processes: dict[str, list[Interview]],
                read: tuple[str, tuple[str, ...]] | None = None) -> int:
        """Record one message if it is from the company side of a followed process.

        `read` is its text and MIME types when already fetched; otherwise they are fetched
        here, and only for mail from a followed company."""
        if msg.sender is None or msg.date is None or msg.sender.email.lower() in self.my_emails():
            return 0
        key = self._process_of(msg, processes)
        if key is None:
            return 0
        ivs = processes[key]
        body, mime_types = read or self.gmail.body(msg.id)
        incoming = Incoming(
            sender_email=msg.sender.email, sender_name=msg.sender.name, subject=msg.subject, date=msg.date,
            headers=msg.headers, labels=msg.label_ids, body=body, mime_types=mime_types,
        )
        ctx = ReplyContext(
            interview_start=_EPOCH, my_emails=self.my_emails(),
            company_domains=tuple(d for iv in ivs for d in iv.company_domains),
            company_people=_people(ivs), extra_senders=self.rules.extra_senders,
            personal_domains=self.rules.personal_domains,
        )
        ok, why = is_company_reply(incoming, ctx)
        if not ok:
            log.debug("message %s not from the company side: %s", msg.id, why)
            return 0
        started = min(iv.start for iv in ivs)
        is_reply = msg.date >= started
        kind, phrase = "", ""
        if is_reply:
            reading = classify_reply(msg.subject, body, self.rules.extra_rules or None)
            kind, phrase = reading.kind.value, reading.phrase
        promise = None if kind == "auto_reply" else find_promise(body, msg.date, self.rules.tz, self.rules.country)
        mail = CompanyMail(
            id=msg.id, thread_id=msg.thread_id, message_id=msg.message_id, references=msg.references,
            subject=msg.subject, sender=Person(msg.sender.email, msg.sender.name), date=msg.date, process=key,
            is_reply=is_reply, kind=kind, phrase=phrase,
            promise_by=promise.by if promise else None, promise_phrase=promise.phrase if promise else "",
        )
        with self.state.transaction():
            self.state.save_mail(mail)
        self._threads.setdefault(mail.thread_id, key)
        log.info("mail from %s about %s: %s", msg.sender.email, key, kind or "before the interview")
        return 1
