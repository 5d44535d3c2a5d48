"""Exactly once: no follow-up is drafted twice, whatever happened to the state file, on one machine or two.

Each draft the bot makes is recorded in the state's bot-key index (the follow-up key, its
X-Interview-Bot-Key, with the draft's message id) in the transaction that marks it drafted.
Gmail is the only thing two machines share, so Gmail is the judge:

- just before creating a draft the bot looks in Gmail (drafts and sent mail, by the draft's
  deterministic Message-ID or to a few of its recipients, each hit's key header read) for a
  copy made by a crash, a lost or older state file, or a bot on another machine (`existing`);
- just after creating it, it looks again (`settle`): when two drafts carry one key (two bots
  created in the same moment), every bot keeps the same one (a sent copy first, then the lowest
  message id, google.gmail.keeper_order) and deletes the others that are still drafts.

A look costs one search (plus one header read per copy found that the bot did not just make),
so a follow-up costs two requests more, and an idle sync none. What is found is recorded in
the index, so it is looked for once. `why_look` says, for the log, what this state file
cannot rule out by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Protocol

from interview_bot.clock import Clock
from interview_bot.errors import GoogleApiError
from interview_bot.google.gmail import keeper_order
from interview_bot.model import BotMail, FollowUp, FollowUpStatus, Interview, MailPlace
from interview_bot.reading.extract import domain_in
from interview_bot.runtime.state import State
from interview_bot.writing.compose import bot_key_header, message_id_for

log = logging.getLogger(__name__)

SKEW = timedelta(minutes=5)


class BotMailPort(Protocol):
    def find_bot_mail(self, bot_key: str, recipients: list[str], after: datetime | None) -> BotMail | None: ...


class CopiesPort(Protocol):
    def find_bot_copies(self, bot_key: str, recipients: list[str], after: datetime | None, message_id: str = "",
                        known: Mapping[str, BotMail] | None = None) -> list[BotMail]: ...
    def delete_draft(self, draft_id: str) -> bool: ...


class DraftGuard:
    """Knows, or finds out, whether Gmail already holds a follow-up's draft."""

    def __init__(self, state: State, gmail: BotMailPort, clock: Clock, personal_domains: tuple[str, ...] = ()) -> None:
        self.personal_domains = personal_domains  # gmail.com and the like: never "anyone at the company"
        self.state = state
        self.gmail = gmail
        self.clock = clock
        self.mail_read = False  # Gmail's history read successfully since this process started
        self.looked = 0  # searches made, for the report and the benchmark
        self.doubles_removed = 0  # drafts deleted because another copy of the bot made the same one

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
        """The draft or sent message Gmail already has for this follow-up, if any (known, or looked for).

        Always looked for when the state has no record of it: another machine may have made it
        a moment ago, and nothing but Gmail can say so."""
        known = self.state.bot_mail(fu.key)
        if known is not None:
            return known
        why = self.why_look(fu)
        log.debug("%s: looking in Gmail for a copy made elsewhere (%s)", fu.key, why or "another machine may have it")
        try:
            return self.look_up(fu, iv)
        except GoogleApiError as e:
            if why:  # this state cannot rule out a copy by itself: wait until Gmail answers
                raise
            # This state saw every draft since it fell due: only another machine's bot, in this
            # very moment, could have one. When unsure, draft (the check after creating still runs).
            log.warning("%s: could not look in Gmail for a copy made elsewhere (%s); drafting it", fu.key, e.message)
            return None

    def look_up(self, fu: FollowUp, iv: Interview | None) -> BotMail | None:
        """Search Gmail's drafts and sent mail for this follow-up's key; what is found is recorded."""
        copies = self._copies(fu, iv, {})
        if copies:
            self.record(copies[0])
            return copies[0]
        return None

    def settle(self, fu: FollowUp, iv: Interview | None, made: BotMail) -> BotMail:
        """Just after creating `made`: the copy every bot keeps, the others deleted while still drafts; recorded.

        Two bots that both looked before either created would each make one: both see both
        here (whoever looks second), and both keep the same one, so one stays."""
        try:
            copies = self._copies(fu, iv, {made.message_id: made})
        except GoogleApiError as e:  # the draft is made and recorded; a double, if any, is settled by the other bot
            log.warning("%s: could not look in Gmail for a second copy after drafting it: %s", fu.key, e.message)
            return made
        if made.message_id not in {c.message_id for c in copies}:
            copies.append(made)  # not searchable yet: Gmail indexes a new draft within moments
        copies.sort(key=keeper_order)
        keep = copies[0]
        for other in copies[1:]:
            if other.place is MailPlace.DRAFT and other.draft_id:
                log.info("%s: two drafts carry its key (another copy of the bot made one at the same moment); "
                         "keeping message %s, deleting the draft %s", fu.key, keep.message_id, other.draft_id)
                self.gmail_copies.delete_draft(other.draft_id)
                self.doubles_removed += 1
        self.record(keep)
        return keep

    def _copies(self, fu: FollowUp, iv: Interview | None, known: dict[str, BotMail]) -> list[BotMail]:
        self.looked += 1
        # Nobody drafts a follow-up before its interview: that bounds the search. To anyone at the
        # company: another copy of the bot may have chosen other people there (it read other mail).
        domains = [d for d in iv.company_domains if not domain_in(d, self.personal_domains)] if iv else []
        after = min(iv.start, fu.due) - timedelta(days=1) if iv else None
        recipients = domains + [p.email for p in fu.recipients]
        finder = getattr(self.gmail, "find_bot_copies", None)
        if finder is None:  # a port that only finds one (the dry run's): no doubles to settle there
            found = self.gmail.find_bot_mail(bot_key_header(fu.key), recipients, after)
            return [found] if found else []
        copies: list[BotMail] = finder(bot_key_header(fu.key), recipients, after, message_id_for(fu.key), known)
        return sorted(copies, key=keeper_order)

    @property
    def gmail_copies(self) -> CopiesPort:
        return self.gmail  # type: ignore[return-value]  # settle is only reached with the real adapter

    def record(self, mail: BotMail) -> None:
        with self.state.transaction():
            self.state.record_bot_mail(mail, self.clock.now())


__all__ = ["SKEW", "BotMailPort", "CopiesPort", "DraftGuard"]
