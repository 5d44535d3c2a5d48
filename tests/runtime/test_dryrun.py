"""`plan --since`: a dry run over the sandbox replays the last weeks, writes nothing, and says why."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from interview_bot.cli.commands import main
from tests.world import ME, T0, at, person, rfc3339

DAY = 24.0


def three_companies(world: Any) -> None:
    """Globex said no a while ago; Umbrella promised a date and went quiet; Initech interviews today."""
    globex = {"email": "ada@globex.com", "displayName": "Ada Wong"}
    world.invite("Interview: Backend Engineer - Globex", -20 * DAY, organizer=globex,
                 attendees=[person("ada@globex.com", "Ada Wong", organizer=True), person(ME)])
    world.mail("Ada Wong <ada@globex.com>", "Your application", -15 * DAY,
               body="Hi Alex, unfortunately we have decided to move forward with other candidates.")
    umbrella = {"email": "lee@umbrella.com", "displayName": "Lee Kim"}
    world.invite("Phone screen", -9 * DAY, organizer=umbrella,
                 attendees=[person("lee@umbrella.com", "Lee Kim", organizer=True), person(ME)])
    world.mail("Lee Kim <lee@umbrella.com>", "Next steps", -8 * DAY,
               body="Thanks Alex. We are still interviewing and will have a decision by Friday.")
    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Dentist", 3 * DAY, organizer={"email": "bookings@smiledental.co.uk"},
                 attendees=[person("bookings@smiledental.co.uk", organizer=True), person(ME)])


def plan_since(world: Any, *args: str) -> int:
    return main(["--config", str(world.config_path), "plan", "--since", "30d", "--at", rfc3339(at(1)), *args])


def test_the_dry_run_shows_each_company_with_reasons(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    three_companies(world)
    assert plan_since(world) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run from Sun 01 Nov 10:00 to Tue 15 Dec 10:00 (Europe/London)")
    globex = out.split("\nGlobex (globex.com)\n")[1].split("\n\n")[0]
    assert "interview    Wed 11 Nov 09:00  Interview: Backend Engineer - Globex" in globex
    assert "interview: the title matches /\\binterview/" in globex
    assert 'mail         Mon 16 Nov 09:00  ada@globex.com: rejection ("move forward with other candidates")' in globex
    assert "WOULD DRAFT  Wed 11 Nov 12:00  the thank-you note to Ada Wong <ada@globex.com>" in globex
    assert "2h after the interview ended (Wed 11 Nov 10:00)" in globex
    assert "WOULD DRAFT  Tue 17 Nov 09:30  the feedback request to Ada Wong <ada@globex.com>" in globex
    assert ('1 business day after the rejection from ada@globex.com on Mon 16 Nov '
            '("move forward with other candidates")') in globex
    # The check-in was cancelled by the rejection before it fell due.
    assert "not drafted" in globex and "ada@globex.com replied on Mon 16 Nov (rejection)" in globex

    umbrella = out.split("\nUmbrella (umbrella.com)\n")[1].split("\n\n")[0]
    assert "lee@umbrella.com: holding" in umbrella and "promising Fri 27 Nov" in umbrella
    assert "WOULD DRAFT  Mon 30 Nov 09:30  the status check to Lee Kim <lee@umbrella.com>" in umbrella
    assert ("check-in 1 of at most 2: no answer by the decision date Fri 27 Nov (promised in their email: "
            '"decision by Friday"), then 1 business day of grace') in umbrella
    assert "WOULD DRAFT  Mon 07 Dec 09:30  the status check to Lee Kim" in umbrella
    assert "check-in 2 of at most 2: still no answer 5 business days after the last one" in umbrella

    initech = out.split("\nInitech (initech.com)\n")[1].split("\n\n")[0]
    assert "WOULD DRAFT  Tue 01 Dec 12:00  the thank-you note to Priya Patel <priya.patel@initech.com>, Jane Roe" in initech
    assert "WOULD DRAFT  Wed 09 Dec 09:30  the status check" in initech  # 5 business days + 1 of grace, ahead
    assert "no date promised, so 5 business days after the interview" in initech
    assert "later        Wed 16 Dec 09:30  the status check" in initech

    # The dentist booked a "Dentist" slot: no interview keyword, no booking title, so not listed.
    assert "Dentist" not in out
    assert out.rstrip().endswith("7 drafts for 3 companies: 4 in the last 30 days, 3 in the next 14.")


def test_the_dry_run_writes_nothing(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    three_companies(world)
    world.sandbox.clear_requests()
    assert plan_since(world) == 0
    with urllib.request.urlopen(f"{world.sandbox.url}/_sandbox/requests") as answer:  # the sandbox's own log
        served = json.load(answer)
    assert served, "it read the real account"
    assert {r["method"] for r in served} == {"GET"}  # no draft made, no draft deleted, nothing changed
    assert world.drafts() == {}
    assert not Path(world.cfg.state).exists()  # not even the state file was created
    # Read once, however long the replay: one calendar listing, one search and thread reads per company.
    paths = [r["path"].rsplit("/", 2)[-2:] for r in served]
    assert sum(1 for p in paths if p[-1] == "events") == 1
    assert sum(1 for p in paths if p[-1] == "messages") == 3


def test_a_dry_run_then_a_real_run_sees_everything(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    world.invite("Interview: Data Analyst - Initech", -1)
    assert plan_since(world) == 0
    assert "2 drafts for 1 company: 0 in the last 30 days, 2 in the next 14." in capsys.readouterr().out
    assert main(["--config", str(world.config_path), "run", "--once", "--at", rfc3339(at(3))]) == 0
    assert len(world.drafts()) == 1


def test_durations_are_checked(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(world.config_path), "plan", "--since", "30 dayz"]) == 1
    assert 'error: --since 30 dayz: "30 dayz" is not a duration' in capsys.readouterr().err
    assert main(["--config", str(world.config_path), "plan", "--since", "5 business days"]) == 1
    assert "give a fixed time, not business days" in capsys.readouterr().err
    assert world.sandbox.requests() == []


def test_nothing_found_says_what_to_do(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_since(world) == 0
    out = capsys.readouterr().out
    assert "No interviews found in this window" in out and "0 drafts for 0 companies" in out
    assert T0.tzinfo is not None


def test_a_check_in_made_stale_by_a_later_answer_is_shown_withdrawn(world: Any,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    world.invite("Interview: Data Analyst - Initech", -12 * DAY)
    world.mail("Priya Patel <priya.patel@initech.com>", "Next steps", -1 * DAY,
               body="Hi Alex, we would like to invite you to a final round next week.")
    assert plan_since(world) == 0
    out = capsys.readouterr().out
    assert "WOULD DRAFT  Fri 27 Nov 09:30  the status check to Priya Patel" in out
    assert 'mail         Mon 30 Nov 09:00  priya.patel@initech.com: next steps ("final round")' in out
    assert ("withdrawn    Mon 30 Nov 09:00  the unsent status check, as priya.patel@initech.com replied "
            "on Mon 30 Nov (next_steps)") in out


def test_mail_from_a_hiring_system_reaches_the_replay(make_world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    world = make_world("replies:\n  senders: ['@hire.lever.co']\n")
    world.invite("Interview: Data Analyst - Initech", -10 * DAY)
    world.mail("Initech via Lever <no-reply@hire.lever.co>", "Your application to Initech", -5 * DAY,
               body="Unfortunately we have decided to move forward with other candidates.")
    assert plan_since(world) == 0
    out = capsys.readouterr().out
    assert 'no-reply@hire.lever.co: rejection ("move forward with other candidates")' in out
    assert "WOULD DRAFT  Fri 27 Nov 09:30  the feedback request to Priya Patel <priya.patel@initech.com>" in out
