"""Commands that tell the truth: decide's date, templates checked at start, check-config's findings."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview_bot.cli.commands import main
from interview_bot.cli.status import status_text
from interview_bot.model import FollowUpKind
from interview_bot.sandbox.server import Sandbox

# World: an interview on Tue 1 Dec 2026 09:00-10:00 London; by default the check-in is Wed 9 Dec 09:30.


def cli(world, *args: str) -> int:  # type: ignore[no-untyped-def]
    return main(["--config", str(world.config_path), *args])


def planned_check(world) -> datetime:  # type: ignore[no-untyped-def]
    (fu,) = [f for f in world.follow_ups(FollowUpKind.STATUS_CHECK) if f.status.value == "scheduled"]
    return fu.due  # type: ignore[no-any-return]


# -- decide ------------------------------------------------------------------------------------


def test_decide_prints_the_check_in_date_the_new_plan_gives(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    assert planned_check(world) == datetime(2026, 12, 9, 9, 30, tzinfo=UTC)  # from the default wait
    capsys.readouterr()
    assert cli(world, "decide", "Initech", "2026-12-04") == 0
    out = capsys.readouterr().out
    # Fri 4 Dec + 1 business day: Mon 7 Dec, not the Wed 9 Dec still stored until the next sync.
    assert out.splitlines() == ["Initech: decision expected by Fri 04 Dec 2026.",
                                "The status check is planned for Mon 7 Dec 09:30."]
    world.run(hours=4)  # the next sync agrees with what decide said
    assert planned_check(world) == datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def test_decide_none_goes_back_to_the_default(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    cli(world, "decide", "Initech", "2026-12-04")
    capsys.readouterr()
    assert cli(world, "decide", "Initech", "none") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "The status check is planned for Wed 9 Dec 09:30."


@pytest.mark.parametrize(("day", "why"), [
    ("2026-11-20", "Fri 20 Nov 2026 is before the interview on Tue 01 Dec 2026"),
    ("2028-01-04", "Tue 04 Jan 2028 is more than a year after the interview on Tue 01 Dec 2026"),
])
def test_an_implausible_decision_date_needs_force_and_warns(world, capsys, day: str, why: str) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    capsys.readouterr()
    assert cli(world, "decide", "Initech", day) == 1
    err = capsys.readouterr().err
    assert f"error: {why}: is that the date you meant?" in err and f"decide Initech {day} --force" in err
    world.run(hours=4)
    assert planned_check(world) == datetime(2026, 12, 9, 9, 30, tzinfo=UTC)  # nothing was recorded
    assert cli(world, "decide", "Initech", day, "--force") == 0
    captured = capsys.readouterr()
    assert f"warning: {why}" in captured.err and "decision expected by" in captured.out


def test_an_invalid_date_is_refused_before_anything_is_looked_up(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", str(tmp_path / "none.yaml"), "decide", "Initech", "notadate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: 'notadate' is not a date") and "no config" not in err
    assert not (tmp_path / "none.yaml").exists()


def test_a_rejected_process_shows_no_decision_expected() -> None:
    from zoneinfo import ZoneInfo

    def interview(stage: str) -> dict:  # type: ignore[type-arg]
        return {"start": "2026-12-01T09:00:00+00:00", "company": "Hooli", "title": "Intro call", "status": "active",
                "stage": stage, "decision": {"date": "2026-12-08", "source": "default", "phrase": None},
                "latest_reply": None, "replies": [], "follow_ups": []}

    assert "decision expected by" not in status_text([interview("rejected")], ZoneInfo("UTC"))
    assert "decision expected by" not in status_text([interview("offer")], ZoneInfo("UTC"))
    assert "decision expected by Tue 08 Dec" in status_text([interview("waiting")], ZoneInfo("UTC"))


# -- templates checked at the start ------------------------------------------------------------


def broken_status_check(world) -> Path:  # type: ignore[no-untyped-def]
    folder = world.tmp / "templates"
    folder.mkdir()
    (folder / "status_check.txt.j2").write_text("Hi {{ greeting_names }},\n\nAny news from {{ compnay }}?\n")
    with world.config_path.open("a") as f:
        f.write(f"templates: {folder}\n")
    return folder / "status_check.txt.j2"


def test_run_once_stops_before_starting_on_a_broken_template(world, capsys) -> None:  # type: ignore[no-untyped-def]
    template = broken_status_check(world)
    world.invite("Interview: Data Analyst - Initech", 0)
    world.sandbox.clear_requests()
    assert cli(world, "run", "--once") == 1
    assert f"error: {template}:3: 'compnay' is undefined" in capsys.readouterr().err
    assert world.sandbox.requests() == [] and not Path(world.cfg.state).exists()


def test_the_daemon_does_not_start_on_a_broken_template(world, capsys) -> None:  # type: ignore[no-untyped-def]
    template = broken_status_check(world)
    assert cli(world, "run") == 1  # returns at once: no daemon loop
    assert f"{template}:3:" in capsys.readouterr().err and not Path(world.cfg.state).exists()


def test_doctor_fails_on_a_broken_template_of_any_enabled_follow_up(world, capsys) -> None:  # type: ignore[no-untyped-def]
    template = broken_status_check(world)
    assert cli(world, "doctor") == 1
    out = capsys.readouterr().out
    assert f"FAIL  templates     {template}:3: 'compnay' is undefined" in out


# -- check-config ---------------------------------------------------------------------------------


def write_config(folder: Path, text: str) -> Path:
    path = folder / "config.yaml"
    path.write_text("me:\n  name: Alex Morgan\ntimezone: UTC\n" + text)
    return path


def test_check_config_reports_every_template_error_at_once(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "thank_you.txt.j2").write_text(
        "Hi {{ greeting_names }},\n{{ interview.compnay }}\n{{ interveiw.title }}\n"
        "{% for p in recipients %}{{ p.frist_name }}{% endfor %}\n{{ nothing | date }}\n")
    (folder / "thank_you.subject.j2").write_text("Thanks, {{ compnay }}")
    (folder / "feedback_request.txt.j2").write_text("Hi {% if %}\n")
    config = write_config(tmp_path, f"templates: {folder}\ngoogle:\n  endpoint: http://127.0.0.1:9\n")
    assert main(["check-config", str(config)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {folder}/thank_you.txt.j2:2: 'interview' has no attribute 'compnay'",
        f"error: {folder}/thank_you.txt.j2:3: 'interveiw' is undefined",
        f"error: {folder}/thank_you.txt.j2:4: 'person' has no attribute 'frist_name'",
        f"error: {folder}/thank_you.txt.j2:5: 'nothing' is undefined",
        f"error: {folder}/thank_you.subject.j2:1: 'compnay' is undefined",
        f"error: {folder}/feedback_request.txt.j2:1: Expected an expression, got 'end of statement block'",
    ]


def test_check_config_says_which_file_it_read_and_why(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path, "google:\n  endpoint: http://127.0.0.1:9\n")  # ./config.yaml
    assert main(["check-config"]) == 0
    assert "Read config.yaml (the current folder; there is none in " in capsys.readouterr().out
    user = Path(str(tmp_path / "xdg-home"), "interview-bot")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user.parent))
    user.mkdir(parents=True)
    write_config(user, "google:\n  endpoint: http://127.0.0.1:9\n")
    assert main(["check-config"]) == 0  # the user's copy wins over ./config.yaml
    assert f"Read {user / 'config.yaml'} (your config folder)." in capsys.readouterr().out
    assert main(["--config", str(tmp_path / "config.yaml"), "check-config"]) == 0
    assert f"Read {tmp_path / 'config.yaml'} (given with --config)." in capsys.readouterr().out


def test_check_config_warns_about_a_missing_client_file_without_failing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, "")
    assert main(["check-config", str(config)]) == 0
    captured = capsys.readouterr()
    assert f"warning: no OAuth client file at {tmp_path / 'credentials.json'}" in captured.err
    assert "hint:" in captured.err and "interview-bot auth" in captured.err
    assert captured.out.rstrip().endswith("Config OK.")


def test_check_config_online_checks_each_calendar_id(tmp_path: Path, sandbox: Sandbox, capsys) -> None:  # type: ignore[no-untyped-def]
    good = write_config(tmp_path, f"google:\n  endpoint: {sandbox.url}\n")
    assert main(["check-config", str(good), "--online"]) == 0
    assert "calendar primary answers" in capsys.readouterr().out
    bad = write_config(tmp_path, f"google:\n  endpoint: {sandbox.url}\ncalendars: [primary, nope@group.calendar.google.com]\n")
    assert main(["check-config", str(bad), "--online"]) == 1
    err = capsys.readouterr().err
    assert "error: calendars: " in err and "404" in err and "Calendar ID" in err


def test_check_config_online_without_a_sign_in_warns_and_passes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, f"google:\n  token: {tmp_path / 'token.json'}\n")
    assert main(["check-config", str(config), "--online"]) == 0
    err = capsys.readouterr().err
    assert "warning: calendars not checked online: no Google sign-in token" in err
    assert "run `interview-bot auth` once to sign in" in err


# -- words -------------------------------------------------------------------------------------------


def test_info_logs_name_the_company_and_the_follow_up_in_words(world, caplog) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    with caplog.at_level(logging.INFO, logger="interview_bot"):
        world.run(hours=3)
    drafted = [r.getMessage() for r in caplog.records if r.getMessage().startswith("drafted")]
    assert len(drafted) == 1 and drafted[0].startswith("drafted the thank-you note for Initech (draft ")
    assert not any("#thank_you" in r.getMessage() or "thank_you" in r.getMessage() for r in caplog.records
                   if r.levelno >= logging.INFO)


def test_run_once_counts_in_words(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    assert cli(world, "run", "--once", "--at", "2026-12-01T13:00:00Z") == 0
    out = capsys.readouterr().out
    assert out.endswith("1 calendar change read, 1 draft made.\n") and "1 drafts" not in out
    assert cli(world, "-q", "run", "--once", "--at", "2026-12-01T13:00:00Z") == 0
    assert capsys.readouterr().out == ""  # quiet: nothing drafted, nothing said
