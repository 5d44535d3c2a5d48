"""The state file's schema versions: one migration per version, and a newer file refused untouched.

`PRAGMA user_version` is the number of migrations a file has had; `MIGRATIONS[n]` takes a file
from version n to n + 1, each in its own transaction, so a kill -9 mid-upgrade leaves the file at
a version it really has. The previous release's file (user_version 0, no application_id, meta
schema_version "1") and a new, empty file take the same route from version 0.

A file newer than this bot is refused before it is opened: its version is read from the SQLite
header (interview_bot.runtime.schema), because a connection in WAL mode would create -wal and
-shm files beside it. Append only: never edit, reorder or drop a migration that has shipped.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interview_bot.errors import StateError
from interview_bot.runtime.schema import (
    APPLICATION_ID,
    APPLICATION_ID_OFFSET,
    HEADER_MAGIC,
    USER_VERSION_OFFSET,
)

# The tables as the previous release (meta schema_version "1") first made them.
_V0_TABLES = (
    """CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS interviews (
    id TEXT PRIMARY KEY,
    calendar_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    title TEXT NOT NULL,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    interviewers TEXT NOT NULL,
    organizer TEXT,
    meeting_link TEXT NOT NULL,
    company_domains TEXT NOT NULL,
    status TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS follow_ups (
    key TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    kind TEXT NOT NULL,
    due TEXT NOT NULL,
    recipients TEXT NOT NULL,
    status TEXT NOT NULL,
    draft_id TEXT NOT NULL DEFAULT '',
    thread_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
)""",
    """CREATE TABLE IF NOT EXISTS company_mail (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    "references" TEXT NOT NULL,
    subject TEXT NOT NULL,
    sender TEXT NOT NULL,
    date TEXT NOT NULL,
    process TEXT NOT NULL,
    is_reply INTEGER NOT NULL,
    kind TEXT NOT NULL,
    phrase TEXT NOT NULL,
    promise_by TEXT,
    promise_phrase TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS company_mail_process ON company_mail(process, date)",
    """CREATE TABLE IF NOT EXISTS decisions (
    interview_id TEXT NOT NULL,
    source TEXT NOT NULL,
    by TEXT NOT NULL,
    phrase TEXT NOT NULL,
    PRIMARY KEY (interview_id, source)
)""",
    # Messages that two open processes could claim: tied to neither, shown in `status`.
    """CREATE TABLE IF NOT EXISTS unattributed_mail (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    sender TEXT NOT NULL,
    date TEXT NOT NULL,
    candidates TEXT NOT NULL,
    why TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS follow_ups_due ON follow_ups(status, due)",
    "CREATE INDEX IF NOT EXISTS follow_ups_interview ON follow_ups(interview_id)",
    """CREATE TABLE IF NOT EXISTS bot_mail (
    key TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    place TEXT NOT NULL,
    recorded TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS bot_mail_message ON bot_mail(message_id)",
)

# Columns the previous release added while its schema_version stayed "1", as (table, column,
# declaration): a file of that release may have any prefix of them.
_V0_ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("interviews", "agents", "TEXT NOT NULL DEFAULT '[]'"),
    ("company_mail", "via", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "agency", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "confidence", "REAL NOT NULL DEFAULT 1.0"),
    ("company_mail", "rule", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "trust", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "silence", "INTEGER NOT NULL DEFAULT 0"),
    ("follow_ups", "note", "TEXT NOT NULL DEFAULT ''"),
    ("interviews", "detected", "TEXT NOT NULL DEFAULT ''"),
)

# The previous release refuses a file whose meta schema_version is above "1" ("written by a newer
# interview-bot"), so a migrated file keeps that bot from writing rows without the new columns.
_LEGACY_REFUSAL = "2"
# How the previous release wrote addresses into a bounce's phrase (interview_bot.planning.process read them back).
_LEGACY_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")').fetchall()}


def _add_column(conn: sqlite3.Connection, table: str, column: str, declaration: str) -> None:
    if column not in _columns(conn, table):
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {declaration}')


def _adopt_previous_release(conn: sqlite3.Connection) -> None:
    """0 -> 1: the previous release's tables (made if missing), all its columns, and our application id."""
    for statement in _V0_TABLES:
        conn.execute(statement)
    for table, column, declaration in _V0_ADDED_COLUMNS:
        _add_column(conn, table, column, declaration)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (_LEGACY_REFUSAL,))


def _typed_readings(conn: sqlite3.Connection) -> None:
    """1 -> 2: each reading says whether it answers and whom a bounce missed, and carries its rules' hash.

    The previous release wrote a bounce's addresses into its phrase ("could not be delivered
    to a@x, b@y") and judged answers again from kind, confidence and trust: both are read
    into columns here, once. rules_hash '' means "made by rules not known", so it is read again."""
    _add_column(conn, "company_mail", "is_answer", "INTEGER NOT NULL DEFAULT 0")
    _add_column(conn, "company_mail", "bounced", "TEXT NOT NULL DEFAULT '[]'")
    _add_column(conn, "company_mail", "rules_hash", "TEXT NOT NULL DEFAULT ''")
    _add_column(conn, "interviews", "detected_rules", "TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE company_mail SET is_answer = 1 WHERE trust = '' AND confidence >= 0.75 "
                 "AND kind IN ('rejection', 'offer', 'next_steps')")  # interview_bot.reading.read.SURE, DECISIVE
    rows = conn.execute("SELECT id, phrase FROM company_mail WHERE kind = 'bounce'").fetchall()
    for message_id, phrase in rows:
        addresses = [a.lower() for a in _LEGACY_ADDRESS.findall(str(phrase))]
        conn.execute("UPDATE company_mail SET bounced = ? WHERE id = ?", (json.dumps(addresses), message_id))


def _type_follow_ups(conn: sqlite3.Connection) -> None:
    """2 -> 3: a follow-up's cause is an enum column; the old reason texts are read once, here
    ("withdrawn: ..." becomes the status WITHDRAWN, "sent" the status SENT; interview_bot.runtime.lifecycle_upgrade)."""
    from interview_bot.runtime.lifecycle_upgrade import upgrade_follow_ups

    _add_column(conn, "follow_ups", "cause", "TEXT NOT NULL DEFAULT ''")
    upgrade_follow_ups(conn)


def _observed_changes(conn: sqlite3.Connection) -> None:
    """3 -> 4: when each interview's status was last seen to change (the calendar step records it,
    the thank-you planner reads it). '' means not known: the previous release had planned on it then."""
    _add_column(conn, "interviews", "changed_at", "TEXT NOT NULL DEFAULT ''")


def _written_company(conn: sqlite3.Connection) -> None:
    """4 -> 5: how each message writes the company's name (issue 20). '' means it does not, or it was
    read before this version: the reader's version changed with it, so stored mail is read again."""
    _add_column(conn, "company_mail", "company_written", "TEXT NOT NULL DEFAULT ''")


Migration = Callable[[sqlite3.Connection], None]

# MIGRATIONS[n] takes a file from user_version n to n + 1. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    _adopt_previous_release,
    _typed_readings,
    _type_follow_ups,
    _observed_changes,
    _written_company,
)

CURRENT_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of a SQLite file say about it."""

    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The file's user_version and application_id, read without opening it as a database.

    None when the file is missing, empty or not a SQLite file (there is no version to check)."""
    try:
        # Only a regular file is read: opening a fifo would wait for a writer forever, and a device or
        # a link is not the bot's to touch (runtime/ownfile refuses them, in words, right after).
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return None
    except OSError:
        return None  # opening it properly says what is wrong, in words
    if len(head) < 100 or not head.startswith(HEADER_MAGIC):
        return None
    return Header(
        user_version=int.from_bytes(head[USER_VERSION_OFFSET:USER_VERSION_OFFSET + 4], "big"),
        application_id=int.from_bytes(head[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big"),
    )


def newer_error(path: Path | None, version: int) -> StateError:
    where = f"the state file {path}" if path is not None else "the state file"
    return StateError(
        f"{where} has schema version {version}, newer than this interview-bot knows ({CURRENT_VERSION}); "
        "it was left untouched",
        hint="upgrade interview-bot, or set `state:` in config.yaml to a new file",
    )


def refuse_newer(path: Path) -> None:
    """Raise StateError, before anything opens the file, if it was written by a newer bot."""
    header = read_header(path)
    if header is not None and header.user_version > CURRENT_VERSION:
        raise newer_error(path, header.user_version)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: sqlite3.Connection, path: Path | None = None) -> int:
    """Bring the open file to CURRENT_VERSION, one transaction per migration; its version before."""
    start = version(conn)
    if start > CURRENT_VERSION:  # the header said otherwise (a WAL not yet checkpointed): still refuse
        raise newer_error(path, start)
    for n in range(start, CURRENT_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) == n:  # another process may have migrated it meanwhile
                MIGRATIONS[n](conn)
                conn.execute(f"PRAGMA user_version = {n + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return start


__all__ = ["CURRENT_VERSION", "MIGRATIONS", "Header", "newer_error", "read_header", "refuse_newer", "upgrade",
           "version"]
