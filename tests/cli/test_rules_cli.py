"""`interview-bot test`, and the same cases in check-config and before run: a failing case stops the bot."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from interview_bot.cli.commands import main
from interview_bot.sandbox.server import Sandbox

PASSING = """\
tests:
  events:
    - title: "Interview: Data Analyst - Initech"
      organizer: priya.patel@initech.com
      expect: {interview: true, company: Initech, role: Data Analyst}
  messages:
    - from: priya.patel@initech.com
      body: We have decided to move forward with other candidates.
      expect: {kind: rejection, answer: true}
"""
FAILING = PASSING + """\
    - name: the dentist's reminder
      from: Smile Dental <hello@smiledental.co.uk>
      subject: Your appointment
      body: We look forward to seeing you on Friday. Please share your availability if you need to reschedule.
      expect: {kind: other}
"""


def write_config(folder: Path, tests: str, sandbox: Sandbox | None = None) -> Path:
    path = folder / "config.yaml"
    endpoint = f"google:\n  endpoint: {sandbox.url}\n" if sandbox else ""
    path.write_text(f"me:\n  name: Alex Morgan\n  email: alex.morgan@gmail.com\ntimezone: Europe/London\n"
                    f"state: {folder / 'state.sqlite3'}\n{endpoint}" + textwrap.dedent(tests), encoding="utf-8")
    return path


def test_passing_cases_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(write_config(tmp_path, PASSING))]) == 0
    assert capsys.readouterr().out == "Tests: all 2 passed.\n"


def test_a_failing_case_is_shown_with_what_decided_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, FAILING)
    assert main(["--config", str(config), "test"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        'FAIL config.yaml:15: tests.messages[1] "the dentist\'s reminder"',
        '  kind: expected "other", got "next_steps"',
        ("  decided by: kind next_steps: the shipped English next_steps rule /\\b(?:share|send)\\s+(?:me\\s+|us\\s+)?(?:your|some)"
         '\\s+availability\\b/ ("share your availability")'),
        "              answer: a decisive reply (next steps) ends the wait",
        "Tests: 1 of 3 failed.",
    ]


def test_no_cases_is_said_and_is_no_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(write_config(tmp_path, ""))]) == 0
    assert "No tests in the config yet" in capsys.readouterr().out


def test_check_config_runs_the_cases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", str(write_config(tmp_path, PASSING))]) == 0
    out = capsys.readouterr().out
    assert "Tests: all 2 passed.\nConfig OK.\n" in out
    assert main(["check-config", str(write_config(tmp_path, FAILING))]) == 1
    out = capsys.readouterr().out
    assert "FAIL config.yaml:15" in out and "Tests: 1 of 3 failed." in out and "Config OK." not in out


def test_run_refuses_to_start_while_a_case_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  sandbox: Sandbox) -> None:
    config = write_config(tmp_path, FAILING, sandbox)
    for args in (["run", "--once"], ["run"]):
        assert main(["--config", str(config), *args]) == 1
        err = capsys.readouterr().err
        assert ('error: config.yaml:17: tests.messages[1] "the dentist\'s reminder" fails: '
                'kind: expected "other", got "next_steps"') in err
        assert "hint: the bot does not start while a test of its rules fails" in err
        assert "Traceback" not in err
    assert sandbox.requests() == []  # nothing was asked of Google
    assert not (tmp_path / "state.sqlite3").exists()


def test_run_starts_when_the_cases_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str], sandbox: Sandbox) -> None:
    config = write_config(tmp_path, PASSING, sandbox)
    assert main(["--config", str(config), "run", "--once"]) == 0
    assert "0 drafts made" in capsys.readouterr().out


def test_the_readme_dentist_example_is_what_the_bot_says(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    story = readme.split("**When the bot gets something wrong, make it a case, then a rule.**")[1]
    case, printed, rule = (block.split("\n", 1)[1] for block in story.split("```")[1:6:2])
    config = tmp_path / "config.yaml"
    config.write_text("me:\n  name: Alex Morgan\n  email: alex.morgan@gmail.com\ntimezone: Europe/London\n" + case,
                      encoding="utf-8")
    assert main(["test", str(config)]) == 1
    assert capsys.readouterr().out == printed
    config.write_text(config.read_text(encoding="utf-8") + rule, encoding="utf-8")
    assert main(["test", str(config)]) == 0
    assert capsys.readouterr().out == "Tests: all 1 passed.\n"
