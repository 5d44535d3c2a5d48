"""Stop when told (issue 23): SIGTERM in the middle of a first sync ends the daemon with 0, starting no request after.

A small account (600 events: three pages of events.list) stands in for a large one; the large
account (10,000 events, 50,000 messages) is measured in benchmarks/stop.py. The test's sandbox
sends the signal itself while it is serving a chosen request, so the signal lands mid-sync,
at the same point every run, with no sleep.
"""

from __future__ import annotations

import signal
import subprocess
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from interview_bot.sandbox.server import Sandbox
from tests.runtime.test_daemon import ME, add_interview, drafts, start_bot, stop_bot, wait_for, write_config


def busy_account(sb: Sandbox) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    for n in range(600):
        start = now - timedelta(days=20) + timedelta(hours=n)
        sb.calendar.add_event({"summary": f"Focus time {n}", "start": {"dateTime": start.isoformat()},
                               "end": {"dateTime": (start + timedelta(minutes=30)).isoformat()}})
    add_interview(sb, 1, now - timedelta(hours=1))


def signal_when(sb: Sandbox, chosen: Callable[[str, str], bool], proc: list[subprocess.Popen[bytes]]) -> list[int]:
    """Make the sandbox send SIGTERM to the daemon while it serves the first request `chosen` picks.

    Returns a list that gets the request log's length at that moment."""
    serve = sb.handle
    at: list[int] = []
    lock = threading.Lock()

    def handle(verb: str, raw_path: str, body: bytes) -> Any:
        with lock:
            if not at and proc and chosen(verb, raw_path):
                at.append(len(sb.requests()))
                proc[0].send_signal(signal.SIGTERM)
        return serve(verb, raw_path, body)

    sb.handle = handle  # type: ignore[method-assign]
    return at


@pytest.mark.slow
@pytest.mark.parametrize("where", ["second page of events", "first Gmail request"])
def test_sigterm_mid_first_sync_exits_0_and_starts_no_request_after(
        make_sandbox: Callable[..., Sandbox], tmp_path: Path, where: str) -> None:
    sb = make_sandbox(email=ME)
    busy_account(sb)
    config = write_config(tmp_path, sb.url)

    def chosen(verb: str, path: str) -> bool:
        if where == "second page of events":
            return "/events" in path and "pageToken=" in path
        return "/gmail/" in path

    proc: list[subprocess.Popen[bytes]] = []
    at = signal_when(sb, chosen, proc)
    proc.append(start_bot(config))
    _, err = proc[0].communicate(timeout=60)
    assert proc[0].returncode == 0, err.decode()
    assert at, "the chosen request never came"
    # The request being served when the signal came is logged once answered; none after it.
    assert len(sb.requests()) == at[0] + 1, [r["path"] for r in sb.requests()[at[0]:]]
    assert drafts(sb) == []
    sb.handle = type(sb).handle.__get__(sb)  # type: ignore[method-assign]
    again = start_bot(config)  # the next start carries on: the thank-you is made, once
    try:
        wait_for(lambda: len(drafts(sb)) == 1, 40, "the thank-you after the restart")
    finally:
        code, _, err2 = stop_bot(again)
    assert code == 0, err2
    assert len(drafts(sb)) == 1
