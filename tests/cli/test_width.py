"""Output fits the terminal: every --help, and status, plan, explain and demo, at COLUMNS=80.

A URL is the one thing allowed past the edge, on a line of its own: cut, it would open nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from interview_bot.cli import commands
from interview_bot.cli.commands import main
from tests.world import at, person, rfc3339

COLUMNS = 80


def too_wide(text: str, columns: int = COLUMNS) -> list[str]:
    return [line for line in text.splitlines()
            if len(line) > columns and not (line.strip().startswith("https://") and " " not in line.strip())]


@pytest.fixture(autouse=True)
def eighty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(COLUMNS))


def names() -> list[str]:
    return [name for group in commands.COMMAND_MODULES.values() for name in group]


@pytest.mark.parametrize("argv", [["--help"], *[[name, "--help"] for name in names()]], ids=lambda a: " ".join(a))
def test_help_fits(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out and too_wide(out) == []


def test_help_follows_columns(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = capsys.readouterr().out
    assert too_wide(out, 60) == [] and max(len(line) for line in out.splitlines()) > 50  # uses the room it has


def test_status_plan_and_explain_fit_with_long_names(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    title = "Interview: Senior Staff Data Platform Engineer (Remote, EMEA) - Initech Global Solutions"
    world.invite(title, 0, attendees=[
        person("priya.patel-venkataraman@initech-global-solutions.com", "Priya Patel-Venkataraman", organizer=True),
        person("jane.roe-smith@initech-global-solutions.com", "Jane Roe-Smith"),
        person("maximilian.von.hohenberg@initech-global-solutions.com", "Maximilian von Hohenberg"),
        person("alex.morgan@gmail.com"),
    ])
    world.invite("Final round", 30, organizer={"email": "ada@umbrella-corp.com", "displayName": "Ada Wong"},
                 attendees=[{"email": "ada@umbrella-corp.com", "organizer": True}, {"email": "alex.morgan@gmail.com"}])
    cfg = ["--config", str(world.config_path)]
    assert main([*cfg, "run", "--once", "--at", rfc3339(at(3))]) == 0
    capsys.readouterr()
    for argv in (["status"], ["plan", "--at", rfc3339(at(3))], ["explain", "Initech Global Solutions"]):
        assert main([*cfg, *argv]) == 0, argv
        out = capsys.readouterr().out
        assert too_wide(out) == [], argv
    assert main([*cfg, "status"]) == 0
    assert "#drafts?compose=" in capsys.readouterr().out  # the waiting draft's link, whole


def test_the_demo_fits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert too_wide(out) == []
