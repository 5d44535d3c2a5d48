"""Reading Gmail cheaply: history since the last sync, one narrow search per new process, headers first.

Bodies are fetched only for mail from the company side of a process the bot follows,
read once (reply class, promised date) and not kept.

One bad message never stops the others: one that vanished (Gmail keeps the "added" record of
a message deleted for good, and answers 404 for the message) is skipped and counted; one that
fails for a while is kept in the state and read again at the next sync, while the history
position moves on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from interview_bot.errors import GoogleApiError
from interview_bot.google.gmail import HistoryExpired
from interview_bot.model import Interview, InterviewStatus, MailMessage, MailPart
from interview_bot.planning.mailthread import company_query
from interview_bot.planning.process import process_key
from interview_bot.reading.message import MailMeaning, OpenProcess, ReadingRules, Skip, Skipped, read_mail, rules_hash
from interview_bot.runtime.state import State

__all__ = ["MailPort", "MailReader", "ReadingRules"]  # ReadingRules: interview_bot.reading.message' own

log = logging.getLogger(__name__)

RETRY_MAX = 500


class MailPort(Protocol):
    def history_id(self) -> str: ...
    def history_since(self, history_id: str) -> tuple[list[str], list[str], str]: ...
    def search_read(self, query: str, limit: int = 50) -> list[tuple[MailMessage, tuple[MailPart, ...]]]: ...
    def message(self, message_id: str) -> MailMessage: ...
    def body(self, message_id: str) -> tuple[MailPart, ...]: ...


class MailReader:
    """Keeps the state's company mail up to date with the mailbox."""

    def __init__(self, gmail: MailPort, state: State, rules: ReadingRules,
                 my_emails: Callable[[], frozenset[str]]) -> None:
        self.gmail = gmail
        self.state = state
        self.rules = rules
        self.my_emails = my_emails
        self.rules_hash = rules_hash(rules)
        self._threads: dict[str, str] = {}
        # What the last sync saw, for the engine: messages skipped because they vanished, the
        # user's own drafts and sent mail added (another bot's drafts among them?), and whether
        # reading started afresh (no history position, or Gmail had forgotten it).
        self.vanished = 0
        self.own_added: list[str] = []
        self.restarted = False
        # The adapter's stop check (Stopping once SIGTERM came), before each message read.
        self._stop_point: Callable[[], None] = getattr(gmail, "stop_point", lambda: None)

    def sync(self) -> int:
        """Read what is new; returns how many company messages were recorded."""
        processes = self._processes()
        self._threads = self._known_threads(processes)
        history = self.state.positions.history_id
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
                        self.state.positions.set_mail_scanned(key, False)
                history = None
        if history is None:
            # Taken before the searches, so nothing arriving meanwhile falls between the two.
            history = self.gmail.history_id()
        count = 0
        for key, ivs in processes.items():
            self._stop_point()
            if not self.state.positions.mail_scanned(key):
                try:
                    count += self._scan(key, ivs, processes)
                except GoogleApiError as e:  # this process is searched again at the next sync
                    log.warning("could not search the mail of %s yet: %s", key, e)
        retry = list(self.state.positions.retry_messages)
        failed: list[str] = []
        for message_id in dict.fromkeys(retry + added):
            self._stop_point()
            if not self.state.has_mail(message_id):
                count += self._read_one(message_id, processes, failed)
        count += self._read_again(processes)
        with self.state.transaction():
            self.state.positions.history_id = history
            self.state.positions.retry_messages = tuple(failed[-RETRY_MAX:])
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
        query = company_query(first, self.my_emails(), self.rules.hiring_domains)
        count = 0
        if query:
            for msg, parts in self.gmail.search_read(query, limit=50):
                self._stop_point()
                if not self.state.has_mail(msg.id):
                    count += self._ingest(msg, processes, parts)
        with self.state.transaction():
            self.state.positions.set_mail_scanned(key, True)
        return count

    def _known_threads(self, processes: dict[str, list[Interview]]) -> dict[str, str]:
        """Thread id -> process, for the threads the bot has read or written in (read once a sync)."""
        threads = {m.thread_id: m.process for m in self.state.mail()}
        threads.update({fu.thread_id: key for key, ivs in processes.items() for iv in ivs
                        for fu in self.state.follow_ups(interview_id=iv.id) if fu.thread_id})
        return threads

    def _ingest(self, msg: MailMessage, processes: dict[str, list[Interview]],
                parts: tuple[MailPart, ...] | None = None) -> int:
        """Record one message as interview_bot.reading.message reads it; 1 if recorded, else 0."""
        return int(isinstance(self._record(msg, processes, parts), MailMeaning))

    def _record(self, msg: MailMessage, processes: dict[str, list[Interview]],
                parts: tuple[MailPart, ...] | None = None) -> MailMeaning | Skipped:
        """The I/O around interview_bot.reading.message.read_mail: fetch the text when it asks, store what it says.

        `parts` are its MIME parts when already fetched; otherwise they are fetched here when
        the reader asks for them (only for mail from a followed company, never Spam or Trash)."""
        candidates = [OpenProcess(key, tuple(ivs), tuple(t for t, k in self._threads.items() if k == key))
                      for key, ivs in processes.items()]
        my_emails = self.my_emails()
        outcome = read_mail(msg, parts, candidates, self.rules, my_emails, self.rules_hash)
        if isinstance(outcome, Skipped) and outcome.reason is Skip.NEEDS_TEXT:
            outcome = read_mail(msg, self.gmail.body(msg.id), candidates, self.rules, my_emails, self.rules_hash)
        if outcome.candidates and msg.sender is not None and msg.date is not None:
            why = outcome.attribution.why if isinstance(outcome, Skipped) and outcome.attribution else outcome.why
            with self.state.transaction():
                self.state.save_unattributed(msg.id, msg.thread_id, msg.subject, msg.sender, msg.date,
                                             outcome.candidates, why)
        if isinstance(outcome, Skipped):
            log.debug("message %s skipped: %s (%s)", msg.id, outcome.reason.value, outcome.why)
            return outcome
        mail = outcome.mail
        with self.state.transaction():
            self.state.save_mail(mail)
        self._threads.setdefault(mail.thread_id, mail.process)
        log.info("mail from %s about %s (%s): %s%s", mail.sender.email, mail.process, outcome.why,
                 mail.kind.value.replace("_", " ") if mail.kind else "before the interview",
                 f" (untrusted: {mail.trust})" if mail.trust else "")
        return outcome

    def _read_again(self, processes: dict[str, list[Interview]]) -> int:
        """Read again the stored mail whose reading other rules made (config's replies changed, or the bot).

        Bodies are not kept, so each such message is fetched again: a cost only when the rules
        changed. One that is gone, or no longer reads as this process's, keeps its reading."""
        count = 0
        for message_id in self.state.stale_mail(list(processes), self.rules_hash):
            try:
                outcome = self._record(self.gmail.message(message_id), processes)
            except GoogleApiError as e:
                if e.status != 404:
                    log.warning("could not read message %s again yet (%s); tried at the next sync", message_id, e)
                    continue
                outcome = Skipped(Skip.NO_PROCESS, "gone from Gmail")
            if isinstance(outcome, Skipped):
                with self.state.transaction():
                    self.state.stamp_mail(message_id, self.rules_hash)
            else:
                count += 1
                log.info("read message %s again with the rules as they are now", message_id)
        return count
