"""The state's versions over the sandbox: the previous release's file migrated in place, a newer one
refused untouched, and a rule added to config reading stored mail again."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from interview_bot.config.load import load_config
from interview_bot.model import FollowUpKind, FollowUpStatus, ReplyKind
from interview_bot.runtime import migrations
from interview_bot.runtime.schema import APPLICATION_ID
from tests.world import at

ROOT = Path(__file__).resolve().parents[2]
V1_SCHEMA = ROOT / "tests" / "data" / "state-v1.sql"
PRIYA = "Priya Patel <priya.patel@initech.com>"
FEEDBACK = FollowUpKind.FEEDBACK_REQUEST
NO = ("Hi Alex,\n\nThank you for your time. After careful consideration, we have decided to move forward with "
      "other candidates.\n\nBest,\nPriya")
HOUSE_NO = "Hi Alex,\n\nThanks for coming in. Sadly this one is a no from us.\n\nBest,\nPriya"


def as_previous_release(path: Path) -> None:
    """Rewrite the closed state file as the previous release would have held the same rows."""
    new = sqlite3.connect(path)
    tables = [r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    rows = {t: (new.execute(f'SELECT * FROM "{t}"').fetchall(),
                [c[1] for c in new.execute(f'PRAGMA table_info("{t}")')]) for t in tables}
    new.close()
    path.unlink()
    old = sqlite3.connect(path)
    old.executescript(V1_SCHEMA.read_text(encoding="utf-8"))
    for table, (values, columns) in rows.items():
        keep = {c[1] for c in old.execute(f'PRAGMA table_info("{table}")')}
        chosen = [i for i, c in enumerate(columns) if c in keep]
        names = ", ".join(f'"{columns[i]}"' for i in chosen)
        marks = ", ".join("?" * len(chosen))
        for row in values:
            old.execute(f'INSERT OR REPLACE INTO "{table}"({names}) VALUES({marks})', [row[i] for i in chosen])
    old.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '1')")
    old.commit()
    old.close()
    assert migrations.read_header(path) == migrations.Header(0, 0)


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def test_a_file_of_the_previous_release_is_migrated_in_place_and_goes_on_without_doubles(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)  # the thank-you is drafted
    world.mail(PRIYA, "Your application to Initech", hours=30, body=NO, message_id="<no-1@initech.com>")
    world.run(hours=31)  # the rejection read; the feedback request planned
    before = {fu.key: (fu.status, fu.draft_id, fu.due) for fu in world.state.follow_ups()}
    drafts = set(world.drafts())
    assert len(drafts) == 1 and [fu.status for fu in world.follow_ups(FEEDBACK)] == [FollowUpStatus.SCHEDULED]
    world.restart()
    path = Path(world.cfg.state)
    as_previous_release(path)

    world.engine()  # opened: migrated in place, nothing lost
    conn = world.state._conn
    assert migrations.version(conn) == migrations.CURRENT_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert {fu.key: (fu.status, fu.draft_id, fu.due) for fu in world.state.follow_ups()} == before
    (mail,) = world.state.mail()
    assert (mail.kind, mail.is_answer) == (ReplyKind.REJECTION, True)
    world.run(hours=32)
    assert set(world.drafts()) == drafts  # nothing drafted again
    world.run(hours=3 * 24 + 10)  # the feedback request falls due: drafted once
    (feedback,) = world.follow_ups(FEEDBACK)
    assert feedback.status is FollowUpStatus.DRAFTED and len(world.drafts()) == 2
    world.restart()
    assert migrations.read_header(path) == migrations.Header(migrations.CURRENT_VERSION, APPLICATION_ID)
    world.run(hours=4 * 24)
    assert len(world.drafts()) == 2


def test_a_file_newer_than_the_bot_is_refused_untouched(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.restart()
    path = Path(world.cfg.state)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 7}")
    conn.commit()
    conn.close()
    assert side_files(path) == []
    before = (path.read_bytes(), path.stat().st_mode, path.stat().st_mtime_ns)
    drafts = world.drafts()
    for args in (["run", "--once", "--at", at(30).isoformat()], ["plan", "--at", at(30).isoformat()]):
        done = subprocess.run([sys.executable, "-m", "interview_bot", "--config", str(world.config_path), *args],
                              check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert (f"error: the state file {path} has schema version {migrations.CURRENT_VERSION + 7}"
                in done.stderr), done.stderr
        assert "hint: upgrade interview-bot" in done.stderr
        assert (path.read_bytes(), path.stat().st_mode, path.stat().st_mtime_ns) == before
        assert side_files(path) == []  # no -wal, -shm or -journal made beside it
    assert world.drafts() == drafts


def test_a_rule_added_to_config_reads_a_stored_message_again(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail(PRIYA, "Your application to Initech", hours=30, body=HOUSE_NO)
    world.run(hours=31)
    (mail,) = world.state.mail()
    assert mail.kind is ReplyKind.OTHER and world.follow_ups(FEEDBACK) == []

    world.sandbox.clear_requests()
    world.run(hours=32)  # unchanged rules, no new mail: nothing is fetched again
    assert not [r for r in world.sandbox.requests() if "/messages/" in r["path"]]

    world.config_path.write_text(world.config_path.read_text(encoding="utf-8")
                                 + "replies:\n  rules:\n    rejection: ['is a no from us']\n", encoding="utf-8")
    world.cfg = load_config(world.config_path)
    world.restart()
    world.sandbox.clear_requests()
    world.run(hours=33)  # `run --once`, no new mail
    fetched = [r for r in world.sandbox.requests() if "/messages/" in r["path"]]
    assert fetched and all(mail.id in r["path"] for r in fetched)  # only the stale message is fetched again
    (again,) = world.state.mail()
    assert (again.kind, again.is_answer, again.rule) == (ReplyKind.REJECTION, True, "config:rejection#1")
    (feedback,) = world.follow_ups(FEEDBACK)
    assert feedback.status is FollowUpStatus.SCHEDULED
    world.sandbox.clear_requests()
    world.run(hours=34)
    assert not [r for r in world.sandbox.requests() if "/messages/" in r["path"]]  # read again once
