"""The state file: round trips, transactions, and one instance at a time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from interview_bot.errors import StateError
from interview_bot.model import FollowUp, FollowUpKind, FollowUpStatus, Interview, InterviewStatus, Person
from interview_bot.runtime.schema import APPLICATION_ID
from interview_bot.runtime.state import State

T = datetime(2026, 12, 1, 9, tzinfo=UTC)
IV = Interview(id="primary/e1", calendar_id="primary", event_id="e1", title="Interview", company="Initech",
               role="Analyst", start=T, end=T, time_zone="Europe/London",
               interviewers=(Person("jane@initech.com", "Roe, Jane"),), organizer=Person("p@initech.com"),
               meeting_link="https://zoom.us/j/1", company_domains=("initech.com",), status=InterviewStatus.ACTIVE)
FU = FollowUp("primary/e1#thank_you", IV.id, FollowUpKind.THANK_YOU, T, IV.interviewers)


def test_values_round_trip(tmp_path: Path) -> None:
    s = State.open(tmp_path / "s.sqlite3")
    with s.transaction():
        s.save_interview(IV)
        s.save_follow_up(FU)
    s.set_status(FU, FollowUpStatus.DRAFTED, draft_id="r1", thread_id="t1")
    s.close()
    s = State.open(tmp_path / "s.sqlite3")
    assert s.interview(IV.id) == IV
    assert s.follow_ups() == [FollowUp(FU.key, IV.id, FollowUpKind.THANK_YOU, T, IV.interviewers,
                                       FollowUpStatus.DRAFTED, "r1", "t1")]
    s.close()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    s = State.open(tmp_path / "s.sqlite3")
    with pytest.raises(RuntimeError), s.transaction():
        s.save_interview(IV)
        s.positions.set_calendar_token("primary", "tok")
        raise RuntimeError("killed")
    assert s.interviews() == [] and s.positions.calendar_token("primary") is None
    s.close()


def test_a_second_instance_on_the_same_state_refuses(tmp_path: Path) -> None:
    first = State.open(tmp_path / "s.sqlite3")
    with pytest.raises(StateError) as err:
        State.open(tmp_path / "s.sqlite3")
    assert "another interview-bot" in err.value.message and err.value.hint
    first.close()
    State.open(tmp_path / "s.sqlite3").close()  # free again once the first has stopped


def test_in_memory_copy_never_writes_back(tmp_path: Path) -> None:
    s = State.open(tmp_path / "s.sqlite3")
    with s.transaction():
        s.save_interview(IV)
    s.close()
    copy = State.in_memory_copy(tmp_path / "s.sqlite3")
    with copy.transaction():
        copy.save_follow_up(FU)
    copy.close()
    s = State.open(tmp_path / "s.sqlite3")
    assert s.interviews() == [IV] and s.follow_ups() == []
    s.close()


def test_a_new_migration_runs_once_on_an_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_bot.runtime import migrations

    path = tmp_path / "state.sqlite3"
    State.open(path, lock=False).close()

    def add_extra(conn: Any) -> None:
        conn.execute("ALTER TABLE company_mail ADD COLUMN extra TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, add_extra))
    monkeypatch.setattr(migrations, "CURRENT_VERSION", len(migrations.MIGRATIONS))
    state = State.open(path, lock=False)
    columns = {row["name"] for row in state._conn.execute('PRAGMA table_info("company_mail")')}
    state.close()
    assert "extra" in columns
    assert migrations.read_header(path) == migrations.Header(migrations.CURRENT_VERSION, APPLICATION_ID)
    State.open(path, lock=False).close()  # opening again runs nothing twice (a second ADD COLUMN would fail)


def test_a_state_file_from_before_agencies_reads_and_keeps_them(tmp_path: Path) -> None:
    import sqlite3
    from dataclasses import replace

    from interview_bot.model import CompanyMail, ReplyKind

    path = tmp_path / "old.sqlite3"
    State.open(path, lock=False).close()
    from interview_bot.runtime.migrations import _V0_ADDED_COLUMNS

    conn = sqlite3.connect(path)  # as the first release wrote it: none of the columns added since
    for table, column, _ in (*_V0_ADDED_COLUMNS, ("company_mail", "rules_hash", ""),
                             ("interviews", "detected_rules", "")):
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    conn.execute("PRAGMA user_version = 0")
    conn.execute("PRAGMA application_id = 0")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute("""INSERT INTO interviews(id, calendar_id, event_id, title, company, role, start, "end", time_zone,
                        interviewers, organizer, meeting_link, company_domains, status)
                 VALUES('primary/e1','primary','e1','Interview','Initech','Analyst','2026-12-01T09:00:00+00:00',
                        '2026-12-01T09:00:00+00:00','UTC','[]',NULL,'','["initech.com"]','active')""")
    conn.commit()
    conn.close()
    s = State.open(path, lock=False)
    old = s.interview("primary/e1")
    assert old is not None and old.agents == ()
    agent = Person("nina@hays.com", "Nina")
    mail = CompanyMail(id="m1", thread_id="t1", message_id="<m1@x>", references="", subject="No", sender=agent,
                       date=T, process="initech.com", is_reply=True, kind=ReplyKind.REJECTION, via="agency",
                       agency="Hays")
    with s.transaction():
        s.save_interview(replace(old, agents=(agent,)))
        s.save_unattributed("m1", "t1", "No", agent, T, ("initech.com", "globex.com"), "two")
        s.save_mail(mail)  # recorded for a process: no longer unattributed
        s.save_unattributed("m2", "t2", "Both", agent, T, ("initech.com", "globex.com"), "two")
    assert s.interview("primary/e1").agents == (agent,)  # type: ignore[union-attr]
    assert s.mail() == [mail]
    assert [u["id"] for u in s.unattributed()] == ["m2"]
    s.close()


def _side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def test_a_file_newer_than_the_bot_is_refused_untouched(tmp_path: Path) -> None:
    from interview_bot.runtime import migrations

    path = tmp_path / "state.sqlite3"
    State.open(path, lock=False).close()
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    path.chmod(0o644)  # a mode the bot would otherwise tighten
    before = (path.read_bytes(), path.stat().st_mode, _side_files(path))
    for open_it in (lambda: State.open(path), lambda: State.in_memory_copy(path)):
        with pytest.raises(StateError) as err:
            open_it()
        assert str(path) in err.value.message and f"version {migrations.CURRENT_VERSION + 1}" in err.value.message
        assert err.value.hint
        assert (path.read_bytes(), path.stat().st_mode, _side_files(path)) == before


def test_a_new_file_and_a_migrated_one_carry_the_id_and_version(tmp_path: Path) -> None:
    from interview_bot.runtime import migrations

    path = tmp_path / "state.sqlite3"
    assert migrations.read_header(path) is None
    State.open(path, lock=False).close()
    assert migrations.read_header(path) == migrations.Header(migrations.CURRENT_VERSION, APPLICATION_ID)
