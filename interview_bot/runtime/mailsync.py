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
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from interview_bot.errors import GoogleApiError
from interview_bot.google.gmail import HistoryExpired
from interview_bot.model import CompanyMail, Interview, InterviewStatus, MailMessage, MailPart, Person
from interview_bot.planning.mailthread import company_query
from interview_bot.planning.process import process_key
from interview_bot.reading.incoming import ReplyKind
from interview_bot.reading.machine import failed_recipients, machine_reason
from interview_bot.reading.mailbody import MailBody, read_body
from interview_bot.reading.read import as_robot_notice, read_message
from interview_bot.reading.replies import Incoming, ReplyContext, is_company_reply
from interview_bot.reading.senders import Attribution, Envelope, Rule, SenderRules, Side, attribute, bounced_to, side_of
from interview_bot.runtime.state import State

log = logging.getLogger(__name__)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
RETRY_KEY = "mail_retry"  # meta: ids of messages that failed for a while, read again at the next sync
RETRY_MAX = 500


class MailPort(Protocol):
    def history_id(self) -> str: ...
    def history_since(self, history_id: str) -> tuple[list[str], list[str], str]: ...
    def search_read(self, query: str, limit: int = 50) -> list[tuple[MailMessage, tuple[MailPart, ...]]]: ...
    def message(self, message_id: str) -> MailMessage: ...
    def body(self, message_id: str) -> tuple[MailPart, ...]: ...


@dataclass(frozen=True)
class ReadingRules:
    """What the reader needs from config."""

    tz: ZoneInfo
    country: str | None
    extra_senders: tuple[str, ...]  # replies.senders: hiring systems that speak for a company
    extra_rules: dict[str, list[str]]  # replies.rules
    personal_domains: tuple[str, ...]
    hiring_domains: tuple[str, ...] = ()  # interview_bot.reading.hiring_systems plus replies.hiring_systems


def _junk(msg: MailMessage) -> bool:
    """In Spam or Trash: never the company's answer, and its body is never fetched."""
    return bool({"SPAM", "TRASH"} & set(msg.label_ids))


def _speaks_for_company(found: Attribution, msg: MailMessage) -> tuple[str, ...]:
    """The sender, as a sender rule, when attribution found it speaks for the company (issue 16)."""
    if msg.sender is None or found.rule not in (Rule.HIRING_SYSTEM, Rule.AGENCY, Rule.THREAD, Rule.CONFIGURED):
        return ()
    return ("^" + re.escape(msg.sender.email.lower()) + "$",)


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
        # The adapter's stop check (Stopping once SIGTERM came), before each message read.
        self._stop_point: Callable[[], None] = getattr(gmail, "stop_point", lambda: None)

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
            self._stop_point()
            if self.state.get_meta(f"mail_scanned:{key}") is None:
                try:
                    count += self._scan(key, ivs, processes)
                except GoogleApiError as e:  # this process is searched again at the next sync
                    log.warning("could not search the mail of %s yet: %s", key, e)
        retry = json.loads(self.state.get_meta(RETRY_KEY) or "[]")
        failed: list[str] = []
        for message_id in dict.fromkeys(retry + added):
            self._stop_point()
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
        query = company_query(first, self.my_emails(), self.rules.hiring_domains)
        count = 0
        if query:
            for msg, parts in self.gmail.search_read(query, limit=50):
                self._stop_point()
                if not self.state.has_mail(msg.id):
                    count += self._ingest(msg, processes, parts)
        with self.state.transaction():
            self.state.set_meta(f"mail_scanned:{key}", "1")
        return count

    def _known_threads(self, processes: dict[str, list[Interview]]) -> dict[str, str]:
        """Thread id -> process, for the threads the bot has read or written in (read once a sync)."""
        threads = {m.thread_id: m.process for m in self.state.mail()}
        threads.update({fu.thread_id: key for key, ivs in processes.items() for iv in ivs
                        for fu in self.state.follow_ups(interview_id=iv.id) if fu.thread_id})
        return threads

    # -- issue 16: which process a message belongs to (interview_bot.reading.senders) -------------------

    def _attribute(self, msg: MailMessage, sides: list[Side],
                   parts: tuple[MailPart, ...] | None) -> tuple[Attribution, MailBody | None]:
        """The process a message belongs to and by which rule; and its text, if it was read for that."""
        assert msg.sender is not None
        rules = SenderRules(self.rules.hiring_domains, self.rules.extra_senders, self.rules.personal_domains)
        body = read_body(parts) if parts is not None else None
        envelope = Envelope(msg.sender.email, msg.sender.name, msg.subject, msg.thread_id,
                            tuple(p.email for p in (*msg.to, *msg.cc)), body.text if body else None)
        found = attribute(envelope, sides, rules)
        if found.needs_body and body is None and not _junk(msg):
            body = read_body(self.gmail.body(msg.id))  # a hiring system's mail may name the company only in its text
            found = attribute(replace(envelope, body=body.text), sides, rules)
        if found.ambiguous and msg.date is not None:
            with self.state.transaction():
                self.state.save_unattributed(msg.id, msg.thread_id, msg.subject, msg.sender, msg.date,
                                             found.candidates, found.why)
        return found, body

    def _ingest(self, msg: MailMessage, processes: dict[str, list[Interview]],
                parts: tuple[MailPart, ...] | None = None) -> int:
        """Record one message if it is from the company side of a followed process, as read.

        `parts` are its MIME parts when already fetched; otherwise they are fetched here, and
        only for mail from a followed company that is neither in Spam nor in Trash. Auto-replies,
        bounces and untrusted mail are recorded too (status shows them), marked so they act on nothing."""
        if msg.sender is None or msg.date is None or msg.sender.email.lower() in self.my_emails():
            return 0
        sides = [side_of(key, ivs, (t for t, k in self._threads.items() if k == key), self.rules.personal_domains)
                 for key, ivs in processes.items()]
        found, body = self._attribute(msg, sides, parts)
        headers_only = Incoming(sender_email=msg.sender.email, sender_name=msg.sender.name, subject=msg.subject,
                                date=msg.date, headers=msg.headers, labels=msg.label_ids)
        key = found.key or bounced_to(failed_recipients(headers_only), sides)
        if key is None:
            log.debug("message %s belongs to no open process: %s", msg.id, found.why)
            return 0
        ivs = processes[key]
        if _junk(msg):
            body = read_body(())  # what Spam or Trash says is never read as the company's words
        elif body is None:
            body = read_body(self.gmail.body(msg.id))
        incoming = replace(headers_only, body=body.text, mime_types=body.mime_types)
        ctx = ReplyContext(
            interview_start=_EPOCH, my_emails=self.my_emails(),
            company_domains=tuple(d for iv in ivs for d in iv.company_domains),
            company_people=_people(ivs), extra_senders=self.rules.extra_senders + _speaks_for_company(found, msg),
            personal_domains=self.rules.personal_domains,
        )
        ok, why = is_company_reply(incoming, ctx)
        machine = machine_reason(incoming, msg.sender.email.lower())
        if not ok and machine is None:
            log.debug("message %s not from the company side: %s", msg.id, why)
            return 0
        is_reply = msg.date >= min(iv.start for iv in ivs)
        reading = read_message(incoming, self.rules.tz, country=self.rules.country,
                               extra_rules=self.rules.extra_rules or None)
        if found.rule in (Rule.HIRING_SYSTEM, Rule.CONFIGURED):
            reading = as_robot_notice(reading)  # its "we received your application" answers nothing
        kind, rule, phrase = reading.kind, reading.rule, reading.phrase
        if kind is ReplyKind.BOUNCE and reading.failed:
            phrase = "could not be delivered to " + ", ".join(reading.failed)
        promise = reading.promise
        mail = CompanyMail(
            id=msg.id, thread_id=msg.thread_id, message_id=msg.message_id, references=msg.references,
            subject=msg.subject, sender=Person(msg.sender.email, msg.sender.name), date=msg.date, process=key,
            is_reply=is_reply, kind=kind.value if is_reply or machine or kind is ReplyKind.NOTIFICATION else "",
            phrase=phrase, promise_by=promise.by if promise else None,
            promise_phrase=promise.phrase if promise else "",
            via=found.rule.value if found.rule else "", agency=found.agency,
            confidence=reading.confidence, rule=rule, trust=reading.trust, silence=bool(reading.silence),
        )
        with self.state.transaction():
            self.state.save_mail(mail)
        self._threads.setdefault(mail.thread_id, key)
        log.info("mail from %s about %s (%s): %s%s", msg.sender.email, key, found.why,
                 mail.kind.replace("_", " ") or "before the interview",
                 f" (untrusted: {mail.trust})" if mail.trust else "")
        return 1
