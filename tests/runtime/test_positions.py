"""The sync positions: typed values that survive a restart, and an unchanged value writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from interview_bot.runtime.state import State

T = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_positions_round_trip_as_typed_values(tmp_path: Path) -> None:
    s = State.open(tmp_path / "s.sqlite3")
    p = s.positions
    assert (p.history_id, p.watching_since, p.profile_email, p.retry_messages) == (None, None, None, ())
    assert not p.mail_scanned("initech.com") and p.calendar_token("primary") is None
    with s.transaction():
        p.history_id = "42"
        p.watching_since = T
        p.watch_since = T
        p.others_seen = T
        p.profile_email = "me@example.com"
        p.retry_messages = ("m1", "m2")
        p.set_mail_scanned("initech.com", True)
        p.set_calendar_token("primary", "tok")
        p.set_calendar_synced_at("primary", T)
    s.close()
    p = State.open(tmp_path / "s.sqlite3").positions
    assert (p.history_id, p.watching_since, p.watch_since, p.others_seen) == ("42", T, T, T)
    assert p.profile_email == "me@example.com" and p.retry_messages == ("m1", "m2")
    assert p.mail_scanned("initech.com") and not p.mail_scanned("globex.com")
    assert p.calendar_token("primary") == "tok" and p.calendar_synced_at("primary") == T
    assert p.calendar_token("work") is None


def test_clearing_a_position_removes_it_and_an_unchanged_one_writes_nothing(tmp_path: Path) -> None:
    s = State.open(tmp_path / "s.sqlite3")
    p = s.positions
    with s.transaction():
        p.retry_messages = ("m1",)
        p.set_mail_scanned("initech.com", True)
        p.set_calendar_token("primary", "tok")
    changes = s._conn.total_changes
    with s.transaction():
        p.retry_messages = ("m1",)
        p.set_calendar_token("primary", "tok")
    assert s._conn.total_changes == changes  # an idle sync writes nothing
    with s.transaction():
        p.retry_messages = ()
        p.set_mail_scanned("initech.com", False)
        p.set_calendar_token("primary", None)
    assert (p.retry_messages, p.mail_scanned("initech.com"), p.calendar_token("primary")) == ((), False, None)
    s.close()
