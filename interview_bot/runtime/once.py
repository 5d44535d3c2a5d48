"""Exactly once: no follow-up is drafted twice, whatever happened to the state file.

Each draft the bot makes is recorded in the state's bot-key index (the follow-up key, its
X-Interview-Bot-Key, with the draft's message id) in the transaction that marks it drafted.
Before making a draft, the bot must be sure Gmail holds no draft or sent message with that key.
It is sure without asking Gmail when this state has read Gmail's history continuously since
the follow-up fell due and saw no draft or sent message there that it did not make itself: any
other copy of the bot (a lost, replaced or second state file) could only have drafted it after
it fell due, and that draft would have shown in the history. Otherwise it looks, with one
search of drafts and sent mail to any of the recipients:

- the follow-up is DRAFTING: a crash or a failed request may have left a draft;
- the state's Gmail history began (a new or rebuilt state, or Gmail forgot the old position)
  after the follow-up fell due;
- history showed a draft or sent message the bot did not make, around or after the due time;
- Gmail has not been read successfully since this process started.

SKEW allows for clocks that disagree between machines. What is found is recorded in the index,
so it is looked for once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Protocol

from interview_bot.clock import Clock
from interview_bot.model import BotMail, FollowUp, FollowUpStatus, Interview
from interview_bot.reading.extract import domain_in
from interview_bot.runtime.state import State
from interview_bot.writing.compose import bot_key_header

log = logging.getLogger(__name__)

SKEW = timedelta(minutes=5)


class BotMailPort(Protocol):
    def find_bot_mail(self, bot_key: str, recipients: list[str], after: datetime | None) -> BotMail | None: ...


class DraftGuard:
    """Knows, or finds out, whether Gmail already holds a follow-up's draft."""

    def __init__(self, state: State, gmail: BotMailPort, clock: Clock, personal_domains: tuple[str, ...] = ()) -> None:
        self.personal_domains = personal_domains  # gmail.com and the like: never "anyone at the company"
        self.state = state
        self.gmail = gmail
        self.clock = clock
        self.mail_read = False  # Gmail's history read successfully since this process started
        self.looked = 0  # searches made, for the report and the benchmark

    def mail_synced(self, own_added: list[str], restarted: bool) -> None:
        """After a successful mail sync: note a new history position, and drafts the bot did not make."""
        now = self.clock.now()
        others = set(own_added) - self.state.known_bot_messages(own_added)
        new_position = restarted or self.state.positions.watch_since is None
        if new_position or others:  # an idle sync opens no write transaction
            with self.state.transaction():
                if new_position:
                    self.state.positions.watch_since = now
                if others:
                    self.state.positions.others_seen = now
        if others:
            log.debug("%d drafts or sent messages the bot did not make since the last sync", len(others))
        self.mail_read = True

    def why_look(self, fu: FollowUp) -> str:
        """Why Gmail must be asked before drafting this follow-up, or "" when the state is sure."""
        if fu.status is FollowUpStatus.DRAFTING:
            return "a draft may have been made before an interruption"
        if not self.mail_read:
            return "Gmail has not been read since the bot started"
        since = self.state.positions.watch_since
        if since is None or fu.due < since + SKEW:
            return "this state file began reading Gmail after the follow-up fell due"
        seen = self.state.positions.others_seen
        if seen is not None and seen >= fu.due - SKEW:
            return "Gmail holds drafts or sent mail the bot did not make since the follow-up fell due"
        return ""

    def existing(self, fu: FollowUp, iv: Interview) -> BotMail | None:
        """The draft or sent message Gmail already has for this follow-up, if any (known, or looked for)."""
        known = self.state.bot_mail(fu.key)
        if known is not None:
            return known
        why = self.why_look(fu)
        if not why:
            return None
        log.debug("%s: looking in Gmail for a draft made before (%s)", fu.key, why)
        return self.look_up(fu, iv)

    def look_up(self, fu: FollowUp, iv: Interview | None) -> BotMail | None:
        """Search Gmail's drafts and sent mail for this follow-up's key; what is found is recorded."""
        self.looked += 1
        # Nobody drafts a follow-up before its interview: that bounds the search. To anyone at the
        # company: another copy of the bot may have chosen other people there (it read other mail).
        domains = [d for d in iv.company_domains if not domain_in(d, self.personal_domains)] if iv else []
        after = min(iv.start, fu.due) - timedelta(days=1) if iv else None
        found = self.gmail.find_bot_mail(bot_key_header(fu.key), [p.email for p in fu.recipients] + domains, after)
        if found is not None:
            self.record(found)
        return found

    def record(self, mail: BotMail) -> None:
        with self.state.transaction():
            self.state.record_bot_mail(mail, self.clock.now())


__all__ = ["SKEW", "BotMailPort", "DraftGuard"]
