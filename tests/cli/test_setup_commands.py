"""Setting up on a new machine: `init` writes a starter config, `service install` the background service."""

from __future__ import annotations

import argparse
import plistlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview_bot.cli.commands import main
from interview_bot.cli.service import LABEL, executable, systemd_unit
from interview_bot.cli.starter import cmd_init
from interview_bot.config.load import load_config
from interview_bot.errors import BotError


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config_file(home: Path) -> Path:
    return home / ".config" / "interview-bot" / "config.yaml"


def answers(*given: str) -> Iterator[str]:
    yield from given


# -- init ---------------------------------------------------------------------------------------------


def test_init_yes_writes_a_commented_config_that_loads(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--yes", "--name", "Alex O'Neil: Jr", "--email", "alex@example.com",
                 "--tz", "America/New_York"]) == 0
    out = capsys.readouterr().out
    path = config_file(home)
    cfg = load_config(path)
    assert (cfg.me.name, cfg.me.email, cfg.timezone) == ("Alex O'Neil: Jr", "alex@example.com", "America/New_York")
    text = path.read_text()
    assert text.count("\n#") >= 10 and "interview-bot check-config" in text  # commented
    example = text.split("#   ", 1)[1].splitlines()[0]
    assert Path(example).is_file()  # points at the shipped, documented example
    assert f"Wrote {path}." in out
    steps = out.split("Next:", 1)[1]
    assert steps.index("interview-bot auth") < steps.index("interview-bot doctor") < steps.index(
        "interview-bot service install")
    assert main(["check-config"]) == 0  # found where the bot looks, and valid


def test_init_never_overwrites(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config_file(home)
    path.parent.mkdir(parents=True)
    path.write_text("me:\n  name: Mine\n")
    assert main(["init", "--yes", "--name", "Sam"]) == 1
    assert "already exists; init never overwrites" in capsys.readouterr().err
    assert path.read_text() == "me:\n  name: Mine\n"


def test_init_asks_with_the_system_zone_as_default_and_asks_again_when_wrong(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("interview_bot.config.model.system_timezone", lambda: "Europe/Madrid")
    prompts: list[str] = []
    replies = answers("Sam Lee", "not an address", "sam@example.com", "")

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    args = argparse.Namespace(config=None, name=None, email=None, tz=None, yes=False)
    assert cmd_init(args, ask=ask) == 0
    assert prompts[-1] == "Your time zone [Europe/Madrid]: "
    assert len(prompts) == 4  # the email was asked twice
    assert '"not an address" is not an email address' in capsys.readouterr().out
    cfg = load_config(config_file(home))
    assert (cfg.me.name, cfg.me.email, cfg.timezone) == ("Sam Lee", "sam@example.com", "Europe/Madrid")


def test_init_with_input_ended_or_bad_flags_says_how(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def ended(prompt: str) -> str:
        raise EOFError

    args = argparse.Namespace(config=None, name=None, email=None, tz=None, yes=False)
    with pytest.raises(BotError, match="the input ended") as err:
        cmd_init(args, ask=ended)
    assert "--yes --name" in err.value.hint
    assert main(["init", "--yes"]) == 1
    assert "--yes needs --name" in capsys.readouterr().err
    assert main(["init", "--yes", "--name", "Sam", "--tz", "Europe/Londn"]) == 1
    assert 'error: --tz \'Europe/Londn\': "Europe/Londn" is not a time zone (try "Europe/London")' in \
        capsys.readouterr().err
    assert not config_file(home).exists()


def test_init_writes_where_config_points(home: Path) -> None:
    target = home / "elsewhere" / "interview_bot.yaml"
    assert main(["--config", str(target), "init", "-y", "--name", "Sam"]) == 0
    assert load_config(target).me.name == "Sam" and not config_file(home).exists()


# -- service install ----------------------------------------------------------------------------------


def signed_in(home: Path) -> None:
    """The OAuth client file and a token where the config says, as after `interview-bot auth`."""
    import json

    from tests.google.test_auth import CLIENT, write_token

    cfg = load_config(config_file(home))
    Path(cfg.google.credentials).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg.google.credentials).write_text(json.dumps(CLIENT))
    write_token(Path(cfg.google.token))


def test_service_install_refuses_while_the_service_could_not_work(home: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", "-y", "--name", "Sam"])
    capsys.readouterr()
    assert main(["service", "install", "--platform", "systemd"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == ["error", "error", "hint"]
    assert "OAuth client file" in err[0] and "no Google sign-in token" in err[1]
    assert "interview-bot doctor" in err[2] and "--force" in err[2]
    assert not (home / ".config" / "systemd").exists()
    assert main(["service", "install", "--platform", "systemd", "--force"]) == 0  # as asked
    assert (home / ".config" / "systemd" / "user" / "interview-bot.service").is_file()


def test_service_install_refuses_while_a_config_test_fails(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", "-y", "--name", "Sam"])
    signed_in(home)
    with config_file(home).open("a") as f:
        f.write("tests:\n  events:\n    - name: a dentist is an interview, says this wrong test\n"
                "      title: Dentist\n      expect: {interview: true}\n")
    capsys.readouterr()
    assert main(["service", "install", "--platform", "systemd"]) == 1
    err = capsys.readouterr().err
    assert "a dentist is an interview, says this wrong test" in err and "fails" in err


def test_service_install_writes_a_systemd_unit_with_this_installation(home: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", "-y", "--name", "Sam"])
    signed_in(home)
    capsys.readouterr()
    assert main(["service", "install", "--platform", "systemd"]) == 0
    unit = home / ".config" / "systemd" / "user" / "interview-bot.service"
    text = unit.read_text()
    (exec_start,) = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    words = exec_start.removeprefix("ExecStart=").split()
    assert Path(words[0]).is_file() and words[0] == executable()[0]
    assert words[-5:] == ["--config", str(config_file(home)), "--log-format", "json", "run"]
    assert "Restart=on-failure" in text and "WantedBy=default.target" in text
    out = capsys.readouterr().out
    assert "systemctl --user daemon-reload" in out and "systemctl --user enable --now interview-bot" in out
    assert main(["service", "install", "--platform", "systemd"]) == 0
    assert "already up to date" in capsys.readouterr().out
    unit.write_text(text + "# my edit\n")
    assert main(["service", "install", "--platform", "systemd"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["service", "install", "--platform", "systemd", "--force"]) == 0
    assert unit.read_text() == text
    assert main(["service", "uninstall", "--platform", "systemd"]) == 0 and not unit.exists()


def test_service_install_writes_a_launchd_agent(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", "-y", "--name", "Sam"])
    signed_in(home)
    capsys.readouterr()
    assert main(["service", "install", "--platform", "launchd"]) == 0
    plist = home / "Library" / "LaunchAgents" / f"{LABEL}.plist"
    agent = plistlib.loads(plist.read_bytes())
    assert agent["Label"] == LABEL and agent["RunAtLoad"] is True
    assert agent["ProgramArguments"][-5:] == ["--config", str(config_file(home)), "--log-format", "json", "run"]
    assert agent["KeepAlive"] == {"SuccessfulExit": False}
    assert "launchctl bootstrap gui/" in capsys.readouterr().out


def test_service_install_refuses_a_config_that_would_not_start(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["service", "install", "--platform", "systemd"]) == 1
    assert "no config file yet" in capsys.readouterr().err
    assert not (home / ".config" / "systemd").exists()


def test_unit_paths_with_spaces_and_percent_are_quoted_for_systemd() -> None:
    text = systemd_unit(["/opt/my tools/bin/interview-bot", "--config", "/home/a/100%/c.yaml", "run"])
    assert 'ExecStart="/opt/my tools/bin/interview-bot" --config /home/a/100%%/c.yaml run' in text


def test_the_executable_is_this_installation() -> None:
    command = executable()
    assert command[0].startswith(str(Path(sys.executable).parent)) or command[:3] == [sys.executable, "-m", "interview_bot"]
