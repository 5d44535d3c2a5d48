"""Where each sync stands and what the bot remembers between runs, as typed values.

They live in the state's `meta` table (key, text value); this module is the only one that knows
the keys and how each value is written, so callers read and set a `datetime`, a token or a flag.
A value set to what it already is writes nothing, so an idle sync opens no write transaction.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

# The keys, as the previous release wrote them (a migrated file keeps its positions).
_CALENDAR_TOKEN = "calendar_sync_token:"  # + calendar id
_CALENDAR_SYNCED = "calendar_synced_at:"  # + calendar id
_MAIL_SCANNED = "mail_scanned:"  # + process key
_HISTORY = "gmail_history_id"
_RETRY = "mail_retry"
_WATCH_SINCE = "gmail_watch_since"
_OTHERS_SEEN = "foreign_own_mail_at"
_PROFILE = "profile_email"
_WATCHING = "watching_since"
_SIGN_IN = "sign_in_refused"  # JSON {"since", "message", "hint"}: said once per failure
_DIGEST = "digest_sent"  # the local date of the last daily digest
_DETECTION = "detection_rules"  # the hash of the detection rules the calendars were last read with


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class Positions:
    """The sync positions and remembered facts of one state file (writes join the caller's transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def _get(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set(self, key: str, value: str | None) -> None:
        if self._get(key) == value:
            return
        if value is None:
            self._conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._conn.execute(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- calendars: Google's sync token, and when the last sync saw each calendar ----------

    def calendar_token(self, calendar_id: str) -> str | None:
        return self._get(_CALENDAR_TOKEN + calendar_id)

    def set_calendar_token(self, calendar_id: str, token: str | None) -> None:
        self._set(_CALENDAR_TOKEN + calendar_id, token or None)

    def calendar_synced_at(self, calendar_id: str) -> datetime | None:
        return _when(self._get(_CALENDAR_SYNCED + calendar_id))

    def set_calendar_synced_at(self, calendar_id: str, when: datetime) -> None:
        self._set(_CALENDAR_SYNCED + calendar_id, when.isoformat())

    @property
    def detection_rules(self) -> str | None:
        """The hash of the detection rules the calendars were last read with (None: not known)."""
        return self._get(_DETECTION)

    @detection_rules.setter
    def detection_rules(self, digest: str) -> None:
        self._set(_DETECTION, digest)

    # -- Gmail: the history position, messages to read again, processes searched once ------

    @property
    def history_id(self) -> str | None:
        """Gmail's history id the next mail sync starts from (None: not read yet)."""
        return self._get(_HISTORY)

    @history_id.setter
    def history_id(self, value: str | None) -> None:
        self._set(_HISTORY, value or None)

    @property
    def retry_messages(self) -> tuple[str, ...]:
        """Ids of messages that failed for a while, read again at the next sync."""
        return tuple(json.loads(self._get(_RETRY) or "[]"))

    @retry_messages.setter
    def retry_messages(self, ids: tuple[str, ...]) -> None:
        self._set(_RETRY, json.dumps(list(ids)) if ids else None)

    def mail_scanned(self, process: str) -> bool:
        """Whether this process's mail was searched for once (its history before the bot watched)."""
        return self._get(_MAIL_SCANNED + process) is not None

    def set_mail_scanned(self, process: str, scanned: bool) -> None:
        self._set(_MAIL_SCANNED + process, "1" if scanned else None)

    @property
    def watch_since(self) -> datetime | None:
        """When the current Gmail history position was first taken."""
        return _when(self._get(_WATCH_SINCE))

    @watch_since.setter
    def watch_since(self, when: datetime) -> None:
        self._set(_WATCH_SINCE, when.isoformat())

    @property
    def others_seen(self) -> datetime | None:
        """The last sync that saw a draft or sent message the bot did not make."""
        return _when(self._get(_OTHERS_SEEN))

    @others_seen.setter
    def others_seen(self, when: datetime) -> None:
        self._set(_OTHERS_SEEN, when.isoformat())

    # -- the account and the state's own beginning ------------------------------------------

    @property
    def profile_email(self) -> str | None:
        """The signed-in Gmail account's address, asked of Gmail once."""
        return self._get(_PROFILE) or None

    @profile_email.setter
    def profile_email(self, email: str) -> None:
        self._set(_PROFILE, email)

    @property
    def watching_since(self) -> datetime | None:
        """When the bot first synced this state: what fell due long before is not drafted."""
        return _when(self._get(_WATCHING))

    @watching_since.setter
    def watching_since(self, when: datetime) -> None:
        self._set(_WATCHING, when.isoformat())

    # -- what the user was told (runtime/notify) ---------------------------------------------

    @property
    def sign_in_refused(self) -> tuple[datetime, str, str] | None:
        """(since, message, hint) of the sign-in Google refuses, as last seen; None when it works."""
        value = self._get(_SIGN_IN)
        if not value:
            return None
        try:
            data = json.loads(value)
            return datetime.fromisoformat(data["since"]), str(data["message"]), str(data.get("hint", ""))
        except (ValueError, KeyError, TypeError):
            return None

    def set_sign_in_refused(self, since: datetime | None, message: str = "", hint: str = "") -> None:
        self._set(_SIGN_IN, json.dumps({"since": since.isoformat(), "message": message, "hint": hint})
                  if since else None)

    @property
    def digest_sent(self) -> date | None:
        """The local day the last daily digest went out."""
        value = self._get(_DIGEST)
        return date.fromisoformat(value) if value else None

    @digest_sent.setter
    def digest_sent(self, day: date) -> None:
        self._set(_DIGEST, day.isoformat())


__all__ = ["Positions"]
