"""The daemon says how long it was stopped (issue 23): from the last calendar sync the state recorded."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interview_bot.runtime.daemon import _duration, log_downtime
from interview_bot.runtime.state import State

NOW = datetime(2026, 12, 21, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("delta, said", [
    (timedelta(days=20, hours=3, minutes=5), "20 days 3 hours"),
    (timedelta(hours=5, minutes=12), "5 hours 12 minutes"),
    (timedelta(days=1), "1 day"),
    (timedelta(minutes=4, seconds=30), "4 minutes"),
    (timedelta(seconds=20), "less than a minute"),
])
def test_durations_in_words(delta: timedelta, said: str) -> None:
    assert _duration(delta) == said


def test_a_20_day_outage_is_logged_at_start(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    state = State.open(tmp_path / "state.sqlite3")
    try:
        with caplog.at_level(logging.INFO):
            log_downtime(state, ["primary"], NOW, timedelta(minutes=5))
        assert "starting on a new state file" in caplog.text
        with state.transaction():
            state.positions.set_calendar_synced_at("primary", NOW - timedelta(days=20, hours=1))
            state.positions.set_calendar_synced_at("team@group", NOW - timedelta(days=20))
        caplog.clear()
        with caplog.at_level(logging.INFO):
            log_downtime(state, ["primary", "team@group"], NOW, timedelta(minutes=5))
        assert "the bot was stopped for 20 days (last sync 2026-12-01T09:30+00:00)" in caplog.text
        caplog.clear()
        with caplog.at_level(logging.INFO):  # a restart within a poll says nothing
            log_downtime(state, ["primary"], NOW - timedelta(days=20, minutes=58), timedelta(minutes=5))
        assert caplog.text == ""
    finally:
        state.close()
