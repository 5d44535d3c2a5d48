"""The interview-bot command: run --once --at, plan, status --json, check-config, --help, demo."""

from __future__ import annotations

import json
import subprocess
import sys

from interview_bot.cli.commands import main
from tests.world import at, rfc3339


def cli(world, *args: str) -> int:  # type: ignore[no-untyped-def]
    return main(["--config", str(world.config_path), *args])


def test_run_once_at_drafts_what_is_due_and_exits_0(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    assert cli(world, "run", "--once", "--at", rfc3339(at(1))) == 0
    assert world.drafts() == {}
    assert cli(world, "run", "--once", "--at", rfc3339(at(3))) == 0
    out = capsys.readouterr().out
    assert "drafted the thank-you note for Initech to priya.patel@initech.com, jane.roe@initech.com" in out
    assert len(world.drafts()) == 1


def test_at_without_offset_is_the_users_wall_time(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)  # due 12:00 UTC = 12:00 in London in December
    assert cli(world, "run", "--once", "--at", "2026-12-01T11:59") == 0
    assert world.drafts() == {}
    assert cli(world, "run", "--once", "--at", "2026-12-01T12:00") == 0
    assert len(world.drafts()) == 1


def test_plan_shows_what_would_be_drafted_and_creates_nothing(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Final round", 30, organizer={"email": "ada@umbrella-corp.com", "displayName": "Ada Wong"},
                 attendees=[{"email": "ada@umbrella-corp.com", "organizer": True}, {"email": "alex.morgan@gmail.com"}])
    world.sandbox.clear_requests()
    assert cli(world, "plan", "--at", rfc3339(at(5))) == 0
    out = capsys.readouterr().out
    assert "due now" in out and "Initech" in out
    assert "Wed 2 Dec 18:00  the thank-you note to Umbrella Corp" in out
    assert world.drafts() == {}
    assert not any(r["method"] != "GET" for r in world.sandbox.requests())
    # plan wrote nothing: a run afterwards still sees every change and drafts the first one
    assert cli(world, "run", "--once", "--at", rfc3339(at(5))) == 0
    assert len(world.drafts()) == 1


def test_status_json_is_the_documented_contract(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    cli(world, "run", "--once", "--at", rfc3339(at(3)))
    capsys.readouterr()
    assert cli(world, "status", "--json") == 0
    (iv,) = json.loads(capsys.readouterr().out)
    assert {"id", "company", "title", "start", "end", "interviewers", "follow_ups"} <= set(iv)
    assert iv["company"] == "Initech" and iv["title"] == "Interview: Data Analyst - Initech"
    assert iv["start"].startswith("2026-12-01T09:00") and iv["end"].startswith("2026-12-01T10:00")
    assert sorted(iv["interviewers"]) == ["jane.roe@initech.com", "priya.patel@initech.com"]
    kinds = [fu["kind"] for fu in iv["follow_ups"]]
    assert kinds == ["thank_you", "status_check"]
    fu = iv["follow_ups"][0]
    assert all({"kind", "status", "due", "draft_id", "thread_id"} <= set(f) for f in iv["follow_ups"])
    assert fu["kind"] == "thank_you" and fu["status"] == "drafted"
    assert fu["draft_id"] == next(iter(world.drafts()))
    assert fu["thread_id"]
    (listed,) = world.draft_list()  # Gmail's web app opens a draft by its message id, not its draft id
    assert fu["draft_url"] == ("https://mail.google.com/mail/?authuser=alex.morgan@gmail.com"
                               f"#drafts?compose={listed['message']['id']}")
    assert iv["follow_ups"][1]["draft_url"] is None  # the status check is not drafted yet


def test_status_text_lists_interviews(world, capsys) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    cli(world, "run", "--once", "--at", rfc3339(at(1)))
    capsys.readouterr()
    assert cli(world, "status") == 0
    out = capsys.readouterr().out
    assert "Initech: Interview: Data Analyst - Initech" in out and "thank-you note" in out and "scheduled" in out


def test_broken_config_is_reported_with_file_line_and_key_and_nothing_starts(tmp_path, capsys, sandbox) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "config.yaml"
    state = tmp_path / "state.sqlite3"
    config.write_text(
        "me:\n  name: Alex\n"
        f"google:\n  endpoint: {sandbox.url}\n"
        f"state: {state}\n"
        "follow_ups:\n  thank_you:\n    after: 2 hourz\n"
        "colour: blue\n"
    )
    assert main(["--config", str(config), "run", "--once"]) == 1
    err = capsys.readouterr().err
    assert f'{config}:8: follow_ups.thank_you.after: "2 hourz" is not a duration' in err
    assert f"{config}:9: colour:" in err
    assert "Traceback" not in err
    assert not state.exists() and sandbox.requests() == []
    assert main(["check-config", str(config)]) == 1


def test_check_config_accepts_the_shipped_example(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check-config", "config.yaml"]) == 0
    assert "Config OK." in capsys.readouterr().out


def test_check_config_catches_a_typo_in_a_user_template(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "thank_you.txt.j2").write_text("Hi {{ greeting_names }},\n\n{{ interview.compnay }}\n")
    config = tmp_path / "config.yaml"
    config.write_text("me:\n  name: Alex\ntemplates: templates\n")
    assert main(["check-config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "thank_you.txt.j2:3" in err and "compnay" in err


def test_help_answers_without_importing_googleapiclient() -> None:
    code = ("import sys\nfrom interview_bot.cli.commands import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'googleapiclient' not in sys.modules, 'imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "demo" in done.stdout and "sandbox" in done.stdout


def test_python_dash_m_bot_works() -> None:
    done = subprocess.run([sys.executable, "-m", "interview_bot", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("interview-bot ")


def test_demo_makes_drafts_and_exits_0(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert out.count("Subject:") == 6  # four thank-yous, a status check and a feedback request
    assert "Re: Interview confirmation: Data Analyst at Initech" in out
    assert "Subject: Re: Hooli - next steps" in out and "what would have made my" in out
    assert "nothing was sent" in out
