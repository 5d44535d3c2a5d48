"""What several commands share: finding and loading the config, --at, clocks, times, templates."""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from interview_bot.errors import BotError, ConfigError

if TYPE_CHECKING:
    from interview_bot.config.model import Config


def locate(args: argparse.Namespace, file: str | None = None) -> tuple[Path, str]:
    """The config file a command reads (FILE, --config, $INTERVIEW_BOT_CONFIG, ...) and why that one."""
    from interview_bot.config.load import locate_config

    return locate_config(file or args.config, os.environ)


def load(args: argparse.Namespace, file: str | None = None) -> Config:
    """The config for a command; ConfigError (with the way to make one) when there is none."""
    from interview_bot.config.load import load_config, user_config_path

    path, why = locate(args, file)
    if why == "your config folder" and not path.exists():
        raise ConfigError(
            [f"no config file yet: none in {user_config_path().parent}, none in the current folder"],
            hint="run `interview-bot init` to write one (or give one with --config FILE)",
        )
    cfg = load_config(path)
    if is_shipped_example(path):
        import sys

        print(f'warning: {path} is the shipped example: drafts would be signed "{cfg.me.name}"', file=sys.stderr)
        print("hint: run `interview-bot init` to write your own (or give yours with --config FILE)", file=sys.stderr)
    return cfg


def is_shipped_example(path: Path) -> bool:
    """Whether `path` is the example config.yaml as shipped (in a clone, the one in its top folder)."""
    from interview_bot.config.shipped import example_file

    def body(p: Path) -> bytes:
        return p.read_bytes().split(b"\n", 1)[-1]  # the schema line differs between the two copies

    try:
        return body(path) == body(example_file("config.yaml"))
    except OSError:
        return False


def parse_at(value: str | None, cfg: Config | None) -> datetime | None:
    """--at TIME as an aware UTC instant; a time without an offset is the user's wall time (UTC with no config)."""
    if value is None:
        return None
    if not value.strip():
        raise BotError("--at needs a time", hint='try "2026-12-01T15:00:00+01:00", or leave --at out for now')
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise BotError(f"--at {value!r} is not an ISO 8601 time", hint='try "2026-12-01T15:00:00+01:00"') from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=cfg.tz if cfg is not None else UTC)
    return at.astimezone(UTC)


def clock_at(at: datetime | None) -> Any:
    """A clock fixed at `at`, or the system clock."""
    from interview_bot.clock import FixedClock, SystemClock

    return FixedClock(at) if at else SystemClock()


def when(dt: datetime, tz: ZoneInfo) -> str:
    """A time as the user reads it, in their zone: "Wed 9 Dec 09:30"."""
    local = dt.astimezone(tz)
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def width() -> int:
    """The terminal's width: $COLUMNS, else the terminal's own, else 80 (output to a file or a pipe)."""
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 40)


def fit(text: str, columns: int | None = None, hang: int | None = None) -> str:
    """Each line wrapped to the terminal, its continuation indented `hang` columns (default: under the
    line's own indent, plus 2); a URL keeps a line of its own, whole, since a cut one opens nothing."""
    import textwrap

    columns = columns or width()
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= columns:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        more = " " * (hang if hang is not None else len(indent) + 2)
        urls = [w for w in line.split() if "://" in w]
        rest = line
        for url in urls:
            rest = rest.replace(url, "").rstrip()
        if rest.strip():
            out += textwrap.wrap(rest, columns, subsequent_indent=more, break_on_hyphens=False,
                                 drop_whitespace=True)
        out += [(more if rest.strip() else indent) + url for url in urls]
    return "\n".join(out)


def local(dt: datetime, cfg: Config) -> str:
    """A time as the user reads it, in the config's zone."""
    return when(dt, cfg.tz)


def enabled_templates(cfg: Config) -> list[str]:
    """The templates of the follow-ups that are turned on, each once."""
    fu = cfg.follow_ups
    names = [s.template for s in (fu.thank_you, fu.status_check, fu.feedback_request, fu.keep_in_touch) if s.enabled]
    return list(dict.fromkeys(names))


def template_problems(cfg: Config) -> list[str]:
    """Every problem in the enabled templates, each as "file:line: what"."""
    from interview_bot.writing.compose import Templates

    return Templates(Path(cfg.templates) if cfg.templates else None).check(enabled_templates(cfg),
                                                                        languages=tuple(cfg.languages))


def check_templates(cfg: Config) -> None:
    """Raise ConfigError listing every template problem: a broken template stops a command before it starts."""
    problems = template_problems(cfg)
    if problems:
        raise ConfigError(problems, hint="fix the template (or remove it to use the shipped one), then run "
                          "`interview-bot check-config`")
