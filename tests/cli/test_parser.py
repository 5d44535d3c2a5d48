"""The command line itself: help for every command, global flags anywhere, and the one error guard."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from interview_bot.cli import commands, registry
from interview_bot.cli.commands import main, parser
from interview_bot.cli.registry import DAILY, command

commands.load_commands()  # every command module, as `--help` does
NAMES = [c.name for c in registry.commands()]


def stand_in(monkeypatch: pytest.MonkeyPatch, run: Callable[[argparse.Namespace], int]) -> None:
    """`doctor` runs `run` instead, for this test."""
    monkeypatch.setitem(registry._COMMANDS, "doctor", dataclasses.replace(registry._COMMANDS["doctor"], run=run))


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """The subcommands as the parser knows them (not a list kept by hand)."""
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_registered_command_is_on_the_command_line_and_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(subcommands()) == set(NAMES)
    assert {"run", "plan", "status", "decide", "init", "check-config", "auth", "doctor", "service", "demo",
            "sandbox"} <= set(NAMES)
    with pytest.raises(SystemExit):
        main(["--help"])
    listing = capsys.readouterr().out.split("Every day:", 1)[1]
    for name in NAMES:
        assert f"\n  {name} " in listing


@pytest.mark.parametrize("name", NAMES)
def test_every_command_help_has_a_paragraph_and_an_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    _usage, _, rest = out.partition("\n\n")
    paragraph = rest.split("\n\n", 1)[0]
    assert len(paragraph.split()) >= 30, f"{name} --help says too little:\n{out}"
    examples = out.split("\nexample", 1)[1].splitlines()[1:]
    assert any(line.startswith("  interview-bot ") and f" {name}" in line for line in examples), out
    assert "global options (before or after the command)" in out


def test_global_flags_work_before_and_after_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[argparse.Namespace] = []

    def fake_doctor(args: argparse.Namespace) -> int:
        seen.append(args)
        return 0

    stand_in(monkeypatch, fake_doctor)
    for argv in (["-v", "--config", "a.yaml", "doctor"], ["doctor", "-v", "--config", "a.yaml"],
                 ["-v", "doctor", "--config", "a.yaml"]):
        assert main(argv) == 0
    assert [(a.verbose, a.config, a.quiet, a.log_format) for a in seen] == [(1, "a.yaml", False, "text")] * 3
    seen.clear()
    assert main(["-v", "doctor", "-v", "--log-format", "json", "--config", "b.yaml"]) == 0
    assert main(["--config", "a.yaml", "doctor", "-q"]) == 0
    assert [(a.verbose, a.config, a.quiet, a.log_format) for a in seen] == [(2, "b.yaml", False, "json"),
                                                                            (0, "a.yaml", True, "text")]


def test_run_v_once_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Refused by argparse before; now it reaches the config (and says there is none).
    assert main(["run", "-v", "--once", "--config", str(tmp_path / "none.yaml")]) == 1
    err = capsys.readouterr().err
    assert "no config file here" in err and "unrecognized" not in err


def test_v_and_q_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-v", "doctor", "-q"]) == 1
    assert "error: -v and -q" in capsys.readouterr().err


def test_quiet_keeps_only_errors_in_the_log(monkeypatch: pytest.MonkeyPatch) -> None:
    levels: list[int] = []
    stand_in(monkeypatch, lambda a: levels.append(logging.getLogger().level) or 0)
    main(["doctor", "-q"])
    main(["doctor"])
    main(["doctor", "-v"])
    assert levels == [logging.ERROR, logging.WARNING, logging.INFO]


def test_usage_errors_read_like_every_other_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["decide", "Initech"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the following arguments are required: date")
    assert "hint: `interview-bot decide --help`" in err
    with pytest.raises(SystemExit):
        main(["no-such-command"])
    assert "error: 'no-such-command' is not an interview-bot command" in capsys.readouterr().err


def _boom(args: argparse.Namespace) -> int:
    raise ZeroDivisionError("the token ya29.secret-value divided by zero")


def test_an_unexpected_exception_is_one_line_and_a_hint(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    stand_in(monkeypatch, _boom)
    assert main(["doctor"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "error: unexpected ZeroDivisionError: the token [redacted] divided by zero",
        "hint: run with -v for details; if it looks like a bug in interview-bot, please report it with that output",
    ]
    assert main(["doctor", "-v"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "_boom" in err
    assert err.rstrip().splitlines()[-2].startswith("error: unexpected ZeroDivisionError")


def test_ctrl_c_exits_130_quietly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    stand_in(monkeypatch, interrupted)
    assert main(["doctor"]) == 130
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [["status"], ["demo"], ["doctor"], ["--help"], ["sandbox", "--help"]])
def test_a_closed_pipe_ends_quietly_as_git_does(argv: list[str], tmp_path: Path) -> None:
    # `interview-bot status | head -1`, made deterministic: the reading end is closed before anything is written.
    config = tmp_path / "config.yaml"
    config.write_text(f"me:\n  name: Alex\ntimezone: UTC\nstate: {tmp_path / 's.sqlite3'}\n"
                      "google:\n  endpoint: http://127.0.0.1:9\n")
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-m", "interview_bot", "--config", str(config), *argv], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120, cwd=tmp_path, check=False)
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr and "Broken" not in done.stderr and "error" not in done.stderr, done.stderr
    # argparse swallows a failed write of --help by itself and exits 0; the commands exit as git does.
    assert done.returncode == (0 if "--help" in argv else commands.EXIT_BROKEN_PIPE)


def test_a_command_added_in_one_place_is_on_the_command_line(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(registry, "_COMMANDS", dict(registry._COMMANDS))

    @command("hello", group=DAILY, summary="say hello", description="Says hello. " * 10,
             examples=["interview-bot hello --name Sam"],
             arguments=[registry.arg("--name", default="you")])
    def cmd_hello(args: argparse.Namespace) -> int:
        print(f"hello {args.name}")
        return 0

    assert main(["hello", "--name", "Sam"]) == 0
    assert capsys.readouterr().out == "hello Sam\n"
    assert "hello" in subcommands()
