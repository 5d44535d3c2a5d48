"""`interview-bot service install|uninstall`: run the daemon in the background, from login on.

On Linux a systemd user unit (made from the shipped interview_bot/examples/interview-bot.service, with this
installation's executable and config filled in); on macOS a launchd agent. Both run
`interview-bot --config FILE --log-format json run` and restart it after a crash.
"""

from __future__ import annotations

import argparse
import os
import plistlib
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interview_bot.cli.common import load, locate
from interview_bot.cli.registry import SETUP, command
from interview_bot.errors import AuthError, BotError, ConfigError

if TYPE_CHECKING:
    from interview_bot.config.model import Config

LABEL = "io.github.interview-bot"  # the launchd job's name
UNIT = "interview-bot.service"


def executable() -> list[str]:
    """How to start this installation: its interview-bot script, else this Python with -m bot."""
    script = Path(sys.executable).parent / "interview-bot"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("interview-bot")
    if found and Path(found).resolve().parent == Path(sys.executable).resolve().parent:
        return [found]
    return [sys.executable, "-m", "interview_bot"]


def _systemd_quote(word: str) -> str:
    # systemd expands % specifiers and $ variables in ExecStart; quote words with spaces.
    word = word.replace("%", "%%").replace("$", "$$")
    if re.search(r'[\s"\'\\]', word):
        return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def systemd_unit(command_line: list[str]) -> str:
    """The shipped unit with this installation's command in ExecStart."""
    from interview_bot.config.shipped import example_file

    text = example_file(UNIT).read_text(encoding="utf-8")
    exec_start = "ExecStart=" + " ".join(_systemd_quote(w) for w in command_line)
    text, found = re.subn(r"(?m)^ExecStart=.*$", lambda _: exec_start, text)
    if found != 1:
        raise BotError(f"the shipped {UNIT} has no single ExecStart line", hint="reinstall interview-bot")
    # The config is on the command line now; the commented alternative would only confuse.
    return re.sub(r"(?m)^# The config file, if not in.*\n#Environment=INTERVIEW_BOT_CONFIG=.*\n", "", text)


def launchd_plist(command_line: list[str], log_file: Path) -> bytes:
    """A launchd agent that starts at login and restarts the bot if it stops with an error."""
    return plistlib.dumps({
        "Label": LABEL,
        "ProgramArguments": command_line,
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},  # restart after a crash, not after a clean stop
        "ThrottleInterval": 30,  # as the systemd unit's RestartSec: a config error does not spin
        "EnvironmentVariables": {"PYTHONUNBUFFERED": "1"},
        "StandardOutPath": str(log_file),
        "StandardErrorPath": str(log_file),
        "ProcessType": "Background",
    })


def _platform(args: argparse.Namespace) -> str:
    if args.platform:
        return str(args.platform)
    if sys.platform == "darwin":
        return "launchd"
    if sys.platform.startswith("linux"):
        return "systemd"
    raise BotError(f"no service manager interview-bot knows on {sys.platform}",
                   hint="run `interview-bot run` from your system's scheduler, or --platform systemd|launchd "
                   "to write the file anyway")


def _where(kind: str) -> Path:
    home = Path.home()
    if kind == "launchd":
        return home / "Library" / "LaunchAgents" / f"{LABEL}.plist"
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return config_home / "systemd" / "user" / UNIT


def _write(path: Path, content: bytes, force: bool) -> str:
    if path.exists():
        if path.read_bytes() == content:
            return "already up to date"
        if not force:
            raise BotError(f"{path} exists and differs from what install would write",
                           hint="run `interview-bot service install --force` to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    os.replace(tmp, path)
    return "written"


def not_ready(cfg: Config) -> list[str]:
    """What would make the service fail at its start, as `doctor` would find it, without asking Google.

    The templates, the config's own tests, the state folder, and (unless google.endpoint is set) the OAuth
    client file and a token with the scopes the bot needs. A service that starts with one of these only
    logs the same error every few minutes, for weeks, where nobody reads it."""
    from interview_bot.cli.common import template_problems
    from interview_bot.cli.doctor import FAIL, _check_state
    from interview_bot.cli.rules import require_passing_tests

    problems = list(template_problems(cfg))
    try:
        require_passing_tests(cfg)
    except ConfigError as e:
        problems += e.problems
    state = _check_state(cfg)
    if state.status == FAIL:
        problems.append(f"{state.detail} ({state.fix})")
    if not cfg.google.endpoint:
        from interview_bot.google import auth

        try:
            auth._client_config(Path(cfg.google.credentials))
        except AuthError as e:
            problems.append(f"{e.message} ({e.hint})" if e.hint else e.message)
        try:
            auth.load_credentials(Path(cfg.google.token))
        except AuthError as e:
            problems.append(f"{e.message} ({e.hint})" if e.hint else e.message)
    return problems


def _install(args: argparse.Namespace, kind: str) -> int:
    config, _ = locate(args)
    cfg = load(args)  # a service that would only exit with a config error is no service: check first
    problems = not_ready(cfg)
    if problems and not args.force:
        raise ConfigError(problems, hint="fix these first (`interview-bot doctor` checks everything, Google "
                          "included), or `interview-bot service install --force` to install it anyway")
    command_line = [*executable(), "--config", str(config.resolve()), "--log-format", "json", "run"]
    path = _where(kind)
    if kind == "launchd":
        log_file = Path.home() / "Library" / "Logs" / "interview-bot.log"
        done = _write(path, launchd_plist(command_line, log_file), args.force)
        print(f"{path}: {done}.")
        print("Start it now and at every login with:\n")
        print(f"  launchctl bootstrap gui/{os.getuid()} {path}\n")
        print(f"Its log: {log_file}. Stop it with `launchctl bootout gui/{os.getuid()} {path}`.")
        return 0
    done = _write(path, systemd_unit(command_line).encode(), args.force)
    print(f"{path}: {done}.")
    print("Start it now and at every login with:\n")
    print("  systemctl --user daemon-reload")
    print("  systemctl --user enable --now interview-bot")
    print("  journalctl --user -u interview-bot -f       # its log")
    print('  loginctl enable-linger "$USER"              # keep it running while you are logged out')
    return 0


def _uninstall(kind: str) -> int:
    path = _where(kind)
    if not path.exists():
        print(f"{path}: not installed.")
        return 0
    if kind == "launchd":
        print(f"Stop it first with:  launchctl bootout gui/{os.getuid()} {path}")
    else:
        print("Stop it first with:  systemctl --user disable --now interview-bot")
    path.unlink()
    print(f"Removed {path}.")
    return 0


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("install", "uninstall"), help="write the service file, or remove it")
    p.add_argument("--platform", choices=("systemd", "launchd"), help="which kind of file (default: this system's)")
    p.add_argument("--force", action="store_true", help="install even while a check fails, and replace a service "
                   "file that differs")


@command(
    "service", group=SETUP, summary="install the background service (systemd user unit or launchd agent)",
    description="Writes what runs the bot in the background from login on: on Linux a systemd user unit "
    "(~/.config/systemd/user/interview-bot.service), on macOS a launchd agent (~/Library/LaunchAgents), "
    "each starting this installation's interview-bot with your config file, and restarting it after a crash. "
    "It refuses while the service could not work (no sign-in token, no OAuth client file, a failing config test, "
    "a broken template), saying what to fix; --force installs anyway. Then it prints the commands that start "
    "the service. `uninstall` removes it.",
    examples=["interview-bot service install", "interview-bot --config ~/interview_bot.yaml service install --force"],
    add_arguments=_arguments,
)
def cmd_service(args: argparse.Namespace) -> int:
    kind = _platform(args)
    return _install(args, kind) if args.action == "install" else _uninstall(kind)
