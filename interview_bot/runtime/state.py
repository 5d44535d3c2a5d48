"""The state file: interviews, follow-ups and sync cursors in SQLite, the one source of truth.

Every change is a transaction, so a kill -9 at any moment leaves the file consistent.
A lock file keeps a second bot off the same state, and an account lock (interview_bot.runtime.lock)
off the same Google account. The file's privacy and failures are interview_bot.runtime.statefile's.
The bot-key index (`bot_mail`) records each draft the bot made or found in Gmail by its
X-Interview-Bot-Key, so that no follow-up is drafted twice, whatever happened to the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from interview_bot.errors import StateError
from interview_bot.model import (
    BotMail,
    CompanyMail,
    Decision,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    Person,
)

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS interviews (
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
);
CREATE TABLE IF NOT EXISTS follow_ups (
    key TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    kind TEXT NOT NULL,
    due TEXT NOT NULL,
    recipients TEXT NOT NULL,
    status TEXT NOT NULL,
    draft_id TEXT NOT NULL DEFAULT '',
    thread_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS company_mail (
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
);
CREATE INDEX IF NOT EXISTS company_mail_process ON company_mail(process, date);
CREATE TABLE IF NOT EXISTS decisions (
    interview_id TEXT NOT NULL,
    source TEXT NOT NULL,
    by TEXT NOT NULL,
    phrase TEXT NOT NULL,
    PRIMARY KEY (interview_id, source)
);
-- Messages that two open processes could claim: tied to neither, shown in `status`.
CREATE TABLE IF NOT EXISTS unattributed_mail (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    sender TEXT NOT NULL,
    date TEXT NOT NULL,
    candidates TEXT NOT NULL,
    why TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS follow_ups_due ON follow_ups(status, due);
CREATE INDEX IF NOT EXISTS follow_ups_interview ON follow_ups(interview_id);
CREATE TABLE IF NOT EXISTS bot_mail (
    key TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    place TEXT NOT NULL,
    recorded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bot_mail_message ON bot_mail(message_id);
"""

# Columns added to a table after its first release, as (table, column, SQL declaration).
# A state file written by an older version gains them when opened (ALTER TABLE ADD COLUMN),
# so a new column needs a default; a whole new table goes in _SCHEMA as CREATE IF NOT EXISTS.
# Append only: never rename or drop an entry here.
_ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # Issue 16: who arranged an interview for the company (an agency), and how each message
    # was tied to its process (interview_bot.reading.senders.Rule) and through whom.
    ("interviews", "agents", "TEXT NOT NULL DEFAULT '[]'"),
    ("company_mail", "via", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "agency", "TEXT NOT NULL DEFAULT ''"),
    # How each company message was read, for `status` and `explain` (issue 11).
    ("company_mail", "confidence", "REAL NOT NULL DEFAULT 1.0"),
    ("company_mail", "rule", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "trust", "TEXT NOT NULL DEFAULT ''"),
    ("company_mail", "silence", "INTEGER NOT NULL DEFAULT 0"),
    # What a status check drafted despite the company's mail read, for its NOTE line.
    ("follow_ups", "note", "TEXT NOT NULL DEFAULT ''"),
    # Why the event was taken for an interview (the rule that matched), for `explain`.
    ("interviews", "detected", "TEXT NOT NULL DEFAULT ''"),
)


def _people_to_json(people: tuple[Person, ...]) -> str:
    return json.dumps([{"email": p.email, "name": p.name} for p in people])


def _people_from_json(text: str) -> tuple[Person, ...]:
    return tuple(Person(d["email"], d.get("name", "")) for d in json.loads(text))


def _interview_from_row(row: sqlite3.Row) -> Interview:
    organizer = json.loads(row["organizer"]) if row["organizer"] else None
    return Interview(
        id=row["id"],
        calendar_id=row["calendar_id"],
        event_id=row["event_id"],
        title=row["title"],
        company=row["company"],
        role=row["role"],
        start=datetime.fromisoformat(row["start"]),
        end=datetime.fromisoformat(row["end"]),
        time_zone=row["time_zone"],
        interviewers=_people_from_json(row["interviewers"]),
        organizer=Person(organizer["email"], organizer.get("name", "")) if organizer else None,
        meeting_link=row["meeting_link"],
        company_domains=tuple(json.loads(row["company_domains"])),
        status=InterviewStatus(row["status"]),
        agents=_people_from_json(row["agents"]),
    )


def _follow_up_from_row(row: sqlite3.Row) -> FollowUp:
    return FollowUp(
        key=row["key"],
        interview_id=row["interview_id"],
        kind=FollowUpKind(row["kind"]),
        due=datetime.fromisoformat(row["due"]),
        recipients=_people_from_json(row["recipients"]),
        status=FollowUpStatus(row["status"]),
        draft_id=row["draft_id"],
        thread_id=row["thread_id"],
        reason=row["reason"],
        note=row["note"],
    )


class State:
    """Interviews, follow-ups and sync cursors, in one SQLite file."""

    def __init__(self, conn: sqlite3.Connection, locks: list[Any] | None = None, path: Path | None = None) -> None:
        self._conn = conn
        self._conn.row_factory = sqlite3.Row
        self._locks = list(locks or [])
        self.path = path
        self._inode = 0
        self._conn.executescript(_SCHEMA)
        self._add_new_columns()
        self._check_version()

    @classmethod
    def open(cls, path: Path, lock: bool = True) -> State:
        """Open (creating) the state file; with lock, refuse when another instance holds it.

        Raises StateError with the reason and the fix: another bot holds it, read-only, disk
        full, damaged (moved aside; the next start rebuilds from Google), folder missing."""
        from interview_bot.runtime import statefile
        from interview_bot.runtime.lock import state_lock

        path = Path(path).expanduser()
        statefile.prepare(path)
        locks = [state_lock(path)] if lock else []
        try:
            conn = statefile.connect(path)
            state = cls(conn, locks, path)
            statefile.probe_write(conn)
        except BaseException:
            for held in locks:
                held.release()
            raise
        state._inode = statefile.inode(path)
        return state

    def lock_account(self, email: str, endpoint: str = "") -> None:
        """Hold the account's lock while this state is open (no-op without the state's own lock)."""
        from interview_bot.runtime.lock import account_lock

        if self._locks and len(self._locks) == 1 and self.path is not None:
            self._locks.append(account_lock(email, endpoint, self.path))

    def check_file(self) -> None:
        """Raise StateGone if the state file was deleted or replaced under this process; re-take
        lock files deleted with it, so another bot cannot start beside this one meanwhile."""
        from interview_bot.runtime import statefile

        if self.path is None or not self._locks:
            return
        gone = not statefile.same_file(self.path, self._inode)
        for held in self._locks:
            held.verify()
        if gone:
            raise statefile.gone_error(self.path)

    @classmethod
    def in_memory_copy(cls, path: Path) -> State:
        """A throwaway copy of the state file, for `plan`: the same code runs, nothing is written."""
        from interview_bot.runtime import statefile
        from interview_bot.runtime.ownfile import ownership

        mem = sqlite3.connect(":memory:", isolation_level=None)
        path = Path(path).expanduser()
        ownership(path)  # refuses, untouched, whatever is not the bot's (a fifo would hang the read)
        try:
            if path.exists():
                src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    src.backup(mem)
                finally:
                    src.close()
            return cls(mem)
        except sqlite3.Error as e:
            error = statefile.translate(path, e)
            if isinstance(error, statefile.CorruptState):
                error.hint = "`interview-bot run --once` sets it aside and rebuilds it from Google"
            raise error from e

    def close(self) -> None:
        self._conn.close()
        for held in reversed(self._locks):
            held.release()
        self._locks = []

    def _add_new_columns(self) -> None:
        for table, column, declaration in _ADDED_COLUMNS:
            have = {row["name"] for row in self._conn.execute(f'PRAGMA table_info("{table}")')}
            if column not in have:
                self._conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {declaration}')

    def _check_version(self) -> None:
        version = self.get_meta("schema_version")
        if version is None:
            with self.transaction():
                self.set_meta("schema_version", str(SCHEMA_VERSION))
        elif int(version) > SCHEMA_VERSION:
            raise StateError(
                f"the state file was written by a newer interview-bot (schema {version})",
                hint="upgrade interview-bot, or point `state:` at a new file",
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (a full disk included)."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # a failed COMMIT may have rolled back already
                try:
                    self._conn.execute("ROLLBACK")
                except StateError:
                    pass  # the original error says what went wrong
            raise

    # -- meta: sync cursors and the like -------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (None: remove) a value; unchanged values are not written, so an idle sync writes little."""
        if self.get_meta(key) == value:
            return
        if value is None:
            self._conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._conn.execute(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- interviews -----------------------------------------------------------------------

    def interview(self, interview_id: str) -> Interview | None:
        row = self._conn.execute("SELECT * FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        return None if row is None else _interview_from_row(row)

    def interviews(self) -> list[Interview]:
        rows = self._conn.execute("SELECT * FROM interviews ORDER BY start, id").fetchall()
        return [_interview_from_row(r) for r in rows]

    def save_interview(self, iv: Interview) -> None:
        organizer = json.dumps({"email": iv.organizer.email, "name": iv.organizer.name}) if iv.organizer else None
        self._conn.execute(
            """INSERT INTO interviews(id, calendar_id, event_id, title, company, role, start, "end", time_zone,
                   interviewers, organizer, meeting_link, company_domains, status, agents)
               VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET calendar_id=excluded.calendar_id, event_id=excluded.event_id,
                   title=excluded.title, company=excluded.company, role=excluded.role, start=excluded.start,
                   "end"=excluded."end", time_zone=excluded.time_zone, interviewers=excluded.interviewers,
                   organizer=excluded.organizer, meeting_link=excluded.meeting_link,
                   company_domains=excluded.company_domains, status=excluded.status, agents=excluded.agents""",
            (
                iv.id, iv.calendar_id, iv.event_id, iv.title, iv.company, iv.role,
                iv.start.isoformat(), iv.end.isoformat(), iv.time_zone,
                _people_to_json(iv.interviewers), organizer, iv.meeting_link,
                json.dumps(list(iv.company_domains)), iv.status.value, _people_to_json(iv.agents),
            ),
        )

    def set_detection(self, interview_id: str, reason: str) -> None:
        """Why an event was taken for an interview (detection's reason), kept for `explain`."""
        self._conn.execute("UPDATE interviews SET detected = ? WHERE id = ? AND detected != ?",
                           (reason, interview_id, reason))

    def detection(self, interview_id: str) -> str:
        row = self._conn.execute("SELECT detected FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        return str(row["detected"]) if row else ""

    # -- follow-ups -----------------------------------------------------------------------

    def follow_up(self, key: str) -> FollowUp | None:
        row = self._conn.execute("SELECT * FROM follow_ups WHERE key = ?", (key,)).fetchone()
        return None if row is None else _follow_up_from_row(row)

    def follow_ups(self, interview_id: str | None = None, status: FollowUpStatus | None = None) -> list[FollowUp]:
        sql = "SELECT * FROM follow_ups"
        where: list[str] = []
        args: list[Any] = []
        if interview_id is not None:
            where.append("interview_id = ?")
            args.append(interview_id)
        if status is not None:
            where.append("status = ?")
            args.append(status.value)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn.execute(sql + " ORDER BY due, key", args).fetchall()
        return [_follow_up_from_row(r) for r in rows]

    def save_follow_up(self, fu: FollowUp) -> None:
        self._conn.execute(
            """INSERT INTO follow_ups(key, interview_id, kind, due, recipients, status, draft_id, thread_id, reason, note)
               VALUES(?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(key) DO UPDATE SET interview_id=excluded.interview_id, kind=excluded.kind,
                   due=excluded.due, recipients=excluded.recipients, status=excluded.status,
                   draft_id=excluded.draft_id, thread_id=excluded.thread_id, reason=excluded.reason,
                   note=excluded.note""",
            (
                fu.key, fu.interview_id, fu.kind.value, fu.due.isoformat(), _people_to_json(fu.recipients),
                fu.status.value, fu.draft_id, fu.thread_id, fu.reason, fu.note,
            ),
        )

    def set_status(self, fu: FollowUp, status: FollowUpStatus, **changes: Any) -> FollowUp:
        """Record a follow-up's new status (and draft/thread ids or reason) in its own transaction."""
        updated = replace(fu, status=status, **changes)
        with self.transaction():
            self.save_follow_up(updated)
        return updated

    # -- mail from the company side -------------------------------------------------------

    def has_mail(self, message_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM company_mail WHERE id = ?", (message_id,)).fetchone() is not None

    def save_mail(self, m: CompanyMail) -> None:
        self._conn.execute(
            """INSERT OR REPLACE INTO company_mail(id, thread_id, message_id, "references", subject, sender, date,
                   process, is_reply, kind, phrase, promise_by, promise_phrase, via, agency, confidence, rule, trust,
                   silence)
               VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (m.id, m.thread_id, m.message_id, m.references, m.subject,
             json.dumps({"email": m.sender.email, "name": m.sender.name}), m.date.isoformat(), m.process,
             int(m.is_reply), m.kind, m.phrase, m.promise_by.isoformat() if m.promise_by else None,
             m.promise_phrase, m.via, m.agency, m.confidence, m.rule, m.trust, int(m.silence)),
        )
        self._conn.execute("DELETE FROM unattributed_mail WHERE id = ?", (m.id,))

    def mail(self, process: str | None = None) -> list[CompanyMail]:
        """Company mail, oldest first; of one process, or all."""
        sql = "SELECT * FROM company_mail" + (" WHERE process = ?" if process is not None else "") + " ORDER BY date, id"
        rows = self._conn.execute(sql, (process,) if process is not None else ()).fetchall()
        out = []
        for r in rows:
            sender = json.loads(r["sender"])
            out.append(CompanyMail(
                id=r["id"], thread_id=r["thread_id"], message_id=r["message_id"], references=r["references"],
                subject=r["subject"], sender=Person(sender["email"], sender.get("name", "")),
                date=datetime.fromisoformat(r["date"]), process=r["process"], is_reply=bool(r["is_reply"]),
                kind=r["kind"], phrase=r["phrase"],
                promise_by=date.fromisoformat(r["promise_by"]) if r["promise_by"] else None,
                promise_phrase=r["promise_phrase"], via=r["via"], agency=r["agency"],
                confidence=float(r["confidence"]), rule=r["rule"], trust=r["trust"], silence=bool(r["silence"]),
            ))
        return out

    # -- mail that two processes could claim --------------------------------------------------

    def save_unattributed(self, message_id: str, thread_id: str, subject: str, sender: Person, when: datetime,
                          candidates: tuple[str, ...], why: str) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO unattributed_mail(id, thread_id, subject, sender, date, candidates, why)"
            " VALUES(?,?,?,?,?,?,?)",
            (message_id, thread_id, subject, json.dumps({"email": sender.email, "name": sender.name}),
             when.isoformat(), json.dumps(list(candidates)), why),
        )

    def unattributed(self) -> list[dict[str, Any]]:
        """Messages tied to no process because several could claim them, oldest first."""
        rows = self._conn.execute("SELECT * FROM unattributed_mail ORDER BY date, id").fetchall()
        return [{"id": r["id"], "thread_id": r["thread_id"], "subject": r["subject"],
                 "from": json.loads(r["sender"])["email"], "date": r["date"],
                 "candidates": json.loads(r["candidates"]), "why": r["why"]} for r in rows]

    # -- the bot-key index: drafts and sent mail the bot made or found, by follow-up key ----

    def record_bot_mail(self, mail: BotMail, when: datetime) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO bot_mail(key, message_id, draft_id, thread_id, place, recorded) "
            "VALUES(?,?,?,?,?,?)",
            (mail.key, mail.message_id, mail.draft_id, mail.thread_id, mail.place, when.isoformat()),
        )

    def bot_mail(self, key: str) -> BotMail | None:
        row = self._conn.execute("SELECT * FROM bot_mail WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return BotMail(row["key"], row["message_id"], row["draft_id"], row["thread_id"], row["place"])

    def known_bot_messages(self, message_ids: list[str]) -> set[str]:
        """Those of these Gmail message ids that are mail the bot made or found."""
        if not message_ids:
            return set()
        marks = ",".join("?" * len(message_ids))
        rows = self._conn.execute(f"SELECT message_id FROM bot_mail WHERE message_id IN ({marks})", message_ids)
        return {str(r["message_id"]) for r in rows}

    # -- decision dates set by the user or read from an invitation --------------------------

    def decisions(self, interview_id: str) -> dict[str, Decision]:
        rows = self._conn.execute("SELECT * FROM decisions WHERE interview_id = ?", (interview_id,)).fetchall()
        return {r["source"]: Decision(date.fromisoformat(r["by"]), r["source"], r["phrase"]) for r in rows}

    def set_decision(self, interview_id: str, decision: Decision | None, source: str) -> None:
        if decision is None:
            self._conn.execute("DELETE FROM decisions WHERE interview_id = ? AND source = ?", (interview_id, source))
            return
        self._conn.execute(
            "INSERT OR REPLACE INTO decisions(interview_id, source, by, phrase) VALUES(?,?,?,?)",
            (interview_id, source, decision.by.isoformat(), decision.phrase),
        )
