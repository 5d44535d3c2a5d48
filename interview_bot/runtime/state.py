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
    Cause,
    CompanyMail,
    Decision,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    MailPlace,
    Person,
    ReplyKind,
)
from interview_bot.runtime import migrations
from interview_bot.runtime.positions import Positions


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
        cause=Cause(row["cause"]) if row["cause"] else None,
        detail=row["reason"],
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
        migrations.upgrade(self._conn, path)
        self.positions = Positions(self._conn)

    @classmethod
    def open(cls, path: Path, lock: bool = True) -> State:
        """Open (creating) the state file; with lock, refuse when another instance holds it.

        Raises StateError with the reason and the fix: another bot holds it, read-only, disk
        full, damaged (moved aside; the next start rebuilds from Google), folder missing."""
        from interview_bot.runtime import statefile
        from interview_bot.runtime.lock import state_lock

        path = Path(path).expanduser()
        migrations.refuse_newer(path)  # before anything creates a file beside it
        statefile.prepare(path)
        locks = [state_lock(path)] if lock else []
        try:
            conn = statefile.connect(path)
            try:
                state = cls(conn, locks, path)  # migrated here (or refused: newer than this bot)
                statefile.probe_write(conn)
            except BaseException:
                conn.close()
                raise
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
            migrations.refuse_newer(path)  # inside: a damaged file's error is translated like the rest
            if path.exists():
                src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    src.backup(mem)
                finally:
                    src.close()
                # A backup copies pages as they are: a file damaged past its header reads fine until a query
                # reaches the bad page, so the copy is checked whole before anything reads it.
                verdict = mem.execute("PRAGMA quick_check").fetchone()
                if verdict is None or verdict[0] != "ok":
                    raise sqlite3.DatabaseError("database disk image is malformed")
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

    def set_detection(self, interview_id: str, reason: str, digest: str = "") -> None:
        """Why an event was taken for an interview (detection's reason, kept for `explain`), and the
        hash of the rules that took it (interview_bot.reading.detection_hash)."""
        self._conn.execute("UPDATE interviews SET detected = ?, detected_rules = ? WHERE id = ? "
                           "AND (detected != ? OR detected_rules != ?)",
                           (reason, digest, interview_id, reason, digest))

    def set_changed_at(self, interview_id: str, when: datetime) -> None:
        """When the interview's status (active, cancelled, declined) was seen to change, as far as
        the calendar tells: the thank-you planner cancels for a change before the interview ended."""
        self._conn.execute("UPDATE interviews SET changed_at = ? WHERE id = ?", (when.isoformat(), interview_id))

    def changed_at(self) -> dict[str, datetime]:
        """Each interview's time of its last status change, where known (by interview id)."""
        rows = self._conn.execute("SELECT id, changed_at FROM interviews WHERE changed_at != ''").fetchall()
        return {str(r["id"]): datetime.fromisoformat(r["changed_at"]) for r in rows}

    def detection_rules(self, interview_id: str) -> str:
        """The hash of the detection rules that last read this interview ("" = not known)."""
        row = self._conn.execute("SELECT detected_rules FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        return str(row["detected_rules"]) if row else ""

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
            """INSERT INTO follow_ups(key, interview_id, kind, due, recipients, status, draft_id, thread_id, reason, note,
                   cause)
               VALUES(?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(key) DO UPDATE SET interview_id=excluded.interview_id, kind=excluded.kind,
                   due=excluded.due, recipients=excluded.recipients, status=excluded.status,
                   draft_id=excluded.draft_id, thread_id=excluded.thread_id, reason=excluded.reason,
                   note=excluded.note, cause=excluded.cause""",
            (
                fu.key, fu.interview_id, fu.kind.value, fu.due.isoformat(), _people_to_json(fu.recipients),
                fu.status.value, fu.draft_id, fu.thread_id, fu.detail, fu.note, fu.cause.value if fu.cause else "",
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
                   silence, is_answer, bounced, rules_hash, company_written)
               VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (m.id, m.thread_id, m.message_id, m.references, m.subject,
             json.dumps({"email": m.sender.email, "name": m.sender.name}), m.date.isoformat(), m.process,
             int(m.is_reply), m.kind.value if m.kind else "", m.phrase, m.promise_by.isoformat() if m.promise_by else None,
             m.promise_phrase, m.via, m.agency, m.confidence, m.rule, m.trust, int(m.silence), int(m.is_answer),
             json.dumps(list(m.bounced)), m.rules_hash, m.company_written),
        )
        self._conn.execute("DELETE FROM unattributed_mail WHERE id = ?", (m.id,))

    def stale_mail(self, processes: list[str], digest: str) -> list[str]:
        """Ids of these processes' mail read by other rules than `digest` (oldest first): to read again."""
        if not processes:
            return []
        marks = ",".join("?" * len(processes))
        rows = self._conn.execute(f"SELECT id FROM company_mail WHERE process IN ({marks}) AND rules_hash != ? "
                                  "ORDER BY date, id", [*processes, digest]).fetchall()
        return [str(r["id"]) for r in rows]

    def stamp_mail(self, message_id: str, digest: str) -> None:
        """Keep a message's reading as it is, as if made by the rules `digest` (it cannot be read again)."""
        self._conn.execute("UPDATE company_mail SET rules_hash = ? WHERE id = ?", (digest, message_id))

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
                kind=ReplyKind(r["kind"]) if r["kind"] else None, phrase=r["phrase"],
                promise_by=date.fromisoformat(r["promise_by"]) if r["promise_by"] else None,
                promise_phrase=r["promise_phrase"], via=r["via"], agency=r["agency"],
                confidence=float(r["confidence"]), rule=r["rule"], trust=r["trust"], silence=bool(r["silence"]),
                is_answer=bool(r["is_answer"]), bounced=tuple(json.loads(r["bounced"])), rules_hash=r["rules_hash"],
                company_written=r["company_written"],
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
            (mail.key, mail.message_id, mail.draft_id, mail.thread_id, mail.place.value, when.isoformat()),
        )

    def bot_mail(self, key: str) -> BotMail | None:
        row = self._conn.execute("SELECT * FROM bot_mail WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return BotMail(row["key"], row["message_id"], row["draft_id"], row["thread_id"], MailPlace(row["place"]))

    def bot_mail_recorded(self, keys: list[str]) -> dict[str, datetime]:
        """When the bot made (or first found) the mail of each of these follow-up keys that has one."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        rows = self._conn.execute(f"SELECT key, recorded FROM bot_mail WHERE key IN ({marks})", keys)
        return {str(r["key"]): datetime.fromisoformat(r["recorded"]) for r in rows}

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
