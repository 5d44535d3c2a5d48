"""Notifications end to end: real Apprise (json://) to a receiver on loopback, the bot's own commands.

What a notification may carry is the point: names, dates and the draft's Gmail link, never the text of
the draft or of anyone's mail. Each test reads what the receiver got, not what the code meant to send.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import responses

from interview_bot.cli.commands import main
from interview_bot.runtime.notify import Notifier, Telling, apprise_send, telling_from_config
from interview_bot.runtime.state import State
from tests.notify.conftest import Receiver
from tests.runtime.test_daemon import HANG_GUARD
from tests.world import ME, at, rfc3339


def notify_config(receiver: Receiver, digest: str = "") -> str:
    return f"notify:\n  urls: [\"{receiver.url}\"]\n" + (f"  digest: \"{digest}\"\n" if digest else "")


def cli(world: Any, *args: str) -> int:
    return main(["--config", str(world.config_path), *args])


def run_once(world: Any, hours: float) -> int:
    world.clock.set(at(hours))
    return cli(world, "run", "--once", "--at", rfc3339(at(hours)))


def draft_message_ids(world: Any) -> list[str]:
    return [d["message"]["id"] for d in world.draft_list()]


def draft_texts(world: Any) -> list[str]:
    """Lines of every draft's body and its subject: none of them may reach a notification."""
    out = []
    for msg in world.drafts().values():
        out.append(str(msg["Subject"]))
        body = msg.get_body(preferencelist=("plain",))
        out += [line for line in body.get_content().splitlines() if len(line.strip()) > 12]
    return out


def test_each_new_draft_sends_one_notification_with_its_gmail_link_and_none_of_its_text(
        make_world: Any, receiver: Receiver) -> None:
    world = make_world(notify_config(receiver))
    world.invite("Interview: Data Analyst - Initech", 0)  # Tue 1 Dec 09:00-10:00, thank-you due at 12:00
    assert run_once(world, 1) == 0
    assert receiver.received == []  # nothing drafted, nothing said
    assert run_once(world, 3) == 0
    assert len(world.drafts()) == 1
    (got,) = receiver.received  # run --once waits (boundedly) for its notifications before it exits
    assert got["title"] == "Thank-you to Initech is ready"
    (message_id,) = draft_message_ids(world)
    link = f"https://mail.google.com/mail/?authuser={ME}#drafts?compose={message_id}"
    assert link in got["message"].splitlines()  # on a line of its own
    assert "Priya Patel" in got["message"] and "ended at 10:00" in got["message"]
    for line in draft_texts(world):
        assert line.strip() not in got["message"] + got["title"]
    # Nothing new: nothing sent.
    assert run_once(world, 4) == 0
    assert len(receiver.received) == 1


def test_a_status_check_says_the_promised_date(make_world: Any, receiver: Receiver) -> None:
    world = make_world(notify_config(receiver) + "decisions:\n  Initech: 2026-12-04\n")
    world.invite("Interview: Data Analyst - Initech", 0)
    assert run_once(world, 3) == 0
    assert run_once(world, 8 * 24) == 0  # Wed 9 Dec: Fri 4 Dec passed in silence, plus the grace day
    titles = [r["title"] for r in receiver.received]
    assert titles == ["Thank-you to Initech is ready", "Status check to Initech is ready"]
    assert "They promised a decision by Fri 4 Dec; nothing since." in receiver.received[1]["message"]


def test_a_failing_service_is_retried_and_the_draft_is_made_anyway(
        make_world: Any, receiver: Receiver, caplog: pytest.LogCaptureFixture) -> None:
    world = make_world(notify_config(receiver))
    world.invite("Interview: Data Analyst - Initech", 0)
    receiver.failing = 1  # the first try gets a 503, the second goes through
    caplog.set_level(logging.INFO, logger="interview_bot")
    assert run_once(world, 3) == 0
    assert len(world.drafts()) == 1
    assert receiver.attempts == 2 and len(receiver.received) == 1
    assert "could not notify json:// (the service did not take it); trying again" in caplog.text
    assert receiver.url.split("//")[1] not in caplog.text  # a URL can hold a secret: its scheme only


def test_a_service_that_never_answers_well_is_given_up_loudly_and_no_draft_waits_for_it(
        make_world: Any, receiver: Receiver, caplog: pytest.LogCaptureFixture) -> None:
    world = make_world()
    world.invite("Interview: Data Analyst - Initech", 0)
    receiver.failing = -1
    notifier = Notifier([receiver.url], attempts=3, base_delay=0.01)
    telling = Telling(notifier, world.cfg.tz)
    report = world.run(3)
    telling.drafted(world.state, [fu for fu, _, _ in report.drafted], world.clock.now())
    assert len(world.drafts()) == 1  # made before and regardless of any notification
    assert notifier.wait(HANG_GUARD)
    assert receiver.attempts == 3 and receiver.received == [] and len(notifier.given_up) == 1
    assert "gave up on: Thank-you to Initech is ready" in caplog.text
    telling.close()


def test_the_digest_goes_at_its_time_once_a_day_and_only_when_a_draft_waits(
        make_world: Any, receiver: Receiver) -> None:
    world = make_world(notify_config(receiver, digest="08:00"))
    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Interview: Engineer - Globex", 24, organizer={"email": "sam.lee@globex.com",
                                                               "displayName": "Sam Lee"})
    world.run(1)
    telling = telling_from_config(world.cfg)
    london = world.cfg.tz

    def local(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 12, day, hour, minute, tzinfo=london)

    # Tue 1 Dec 08:30: nothing drafted yet, so no digest, however late in the day it is looked at.
    assert telling.digest(world.state, local(1, 8, 30)) is None
    world.run(3)  # the Initech thank-you is made at 12:00
    assert telling.digest(world.state, local(2, 7, 59)) is None  # not yet its time
    notice = telling.digest(world.state, local(2, 8, 0))
    assert notice is not None and telling.notifier.wait(HANG_GUARD)
    (got,) = receiver.received
    assert got["title"] == "1 draft waiting to be sent"
    (message_id,) = draft_message_ids(world)
    assert "thank-you note to Initech, made 20 hours ago" in got["message"]
    assert f"#drafts?compose={message_id}" in got["message"]
    assert "Due later today:\n- thank-you note to Globex at 12:00" in got["message"]
    assert telling.digest(world.state, local(2, 9, 0)) is None  # once a day
    assert telling.digest(world.state, local(3, 8, 0)) is not None  # and the next day again
    # The draft was sent (gone from Drafts): nothing waits, no digest.
    assert telling.digest(world.state, local(4, 8, 0), exists=lambda draft_id: False) is None
    telling.close()
    assert len(receiver.received) == 2


# -- a dead sign-in --------------------------------------------------------------------------------


@responses.activate
def test_a_refused_token_is_said_once_per_failure_and_shown_by_status(
        tmp_path: Path, receiver: Receiver, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.google.test_auth import TOKEN_URI, write_token

    responses.add_passthru("http://127.0.0.1")  # Apprise's post to the receiver is real
    responses.post(TOKEN_URI, status=400, json={"error": "invalid_grant",
                                                "error_description": "Token has been expired or revoked."})
    token = tmp_path / "token.json"
    write_token(token)
    config = tmp_path / "config.yaml"
    config.write_text(f"me:\n  name: Sam Lee\n  email: {ME}\ntimezone: Europe/London\n"
                      f"google:\n  token: {token}\n  credentials: {tmp_path / 'credentials.json'}\n"
                      f"state: {tmp_path / 'state.sqlite3'}\n" + notify_config(receiver), encoding="utf-8")
    for _ in range(3):  # three polls of a cron job, one failure
        assert main(["--config", str(config), "run", "--once"]) == 1
    err = capsys.readouterr().err
    assert "invalid_grant" in err
    (got,) = receiver.received
    assert got["title"] == "interview-bot cannot reach Google"
    assert "run `interview-bot auth`" in got["message"]
    assert "1//refresh" not in got["message"]
    assert main(["--config", str(config), "status"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Google refuses the sign-in")
    assert "interview-bot auth" in out.split("\n\n")[0]
    assert main(["--config", str(config), "doctor"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("FAIL  dead sign-in") and "Google refuses the sign-in since" in first
    state = State.open(tmp_path / "state.sqlite3")
    try:
        assert state.positions.sign_in_refused is not None
        telling = Telling(Notifier([receiver.url]), world_tz())
        telling.sign_in_accepted(state)  # as after a sync that works: the next failure is news again
        assert state.positions.sign_in_refused is None
        assert telling.sign_in_refused(state, "refused", "run `interview-bot auth`", datetime.now(UTC))
        telling.close()
    finally:
        state.close()
    assert len(receiver.received) == 2


def world_tz() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/London")


def test_apprise_send_reports_a_refusal_as_not_delivered(receiver: Receiver) -> None:
    from interview_bot.writing.notices import Notice

    receiver.failing = 1
    assert apprise_send(receiver.url, Notice("t", "b")) is False
    assert apprise_send(receiver.url, Notice("t", "b", "https://mail.google.com/mail/#drafts")) is True
    assert receiver.received[0]["message"] == "b\nhttps://mail.google.com/mail/#drafts"


def test_no_urls_no_thread_nothing_sent() -> None:
    notifier = Notifier([])
    from interview_bot.writing.notices import Notice

    notifier.notify(Notice("t", "b"))
    assert notifier.wait(0) and notifier.sent == [] and notifier._thread is None
