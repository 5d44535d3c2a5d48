"""`interview-bot init`: a commented starter config.yaml in the platform's config folder."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from interview_bot.cli.registry import SETUP, arg, command
from interview_bot.errors import BotError

STARTER = """\
# yaml-language-server: $schema=config.schema.json
# interview-bot configuration, written by `interview-bot init` on {today}.
# Every key, with what it does, is in the example that ships with interview-bot:
#   {example}
# After editing, check this file with:  interview-bot check-config
# (The first line lets editors that use yaml-language-server complete and check this file
# as you type, with the schema init wrote beside it; `interview-bot schema` prints it anew.)

# Who the drafts are from. `name` signs them. `email` is you on invitations;
# without it, the address of the Gmail account you sign in with is used.
me:
  name: {name}
{email_line}

# Your time zone: times are shown, and business days counted, in it.
timezone: {tz}

# Public holidays of this country (an ISO code: GB, US, DE, FR, ...) are not
# business days. Without it, business days skip weekends only.
# country: GB

# The OAuth client file you download from the Google Cloud console (README,
# "Connect your Google account"). Relative to this file's folder.
google:
  credentials: credentials.json

# The calendars to watch: "primary" is your main calendar.
calendars:
  - primary

# The follow-up drafts (nothing is ever sent; drafts wait in Gmail for you).
follow_ups:
  thank_you:
    after: 2h                     # after the interview ends
  status_check:
    default_wait: 5 business days # the decision date when nobody promised one
  feedback_request:
    enabled: true                 # after a rejection, the next business morning
  keep_in_touch:
    enabled: false                # a note some weeks after a rejection
"""

ATTEMPTS = 3  # wrong answers to one question before init gives up


def _problem(field: str, value: str) -> str:
    """What is wrong with an answer, in the config's own words, or ""."""
    from pydantic import ValidationError

    from interview_bot.config.model import Config

    data: dict[str, Any] = {"me": {"name": value if field == "name" else "x"}, "timezone": "UTC"}
    if field == "email":
        data["me"]["email"] = value
    if field == "tz":
        data["timezone"] = value
    try:
        Config.model_validate(data)
    except ValidationError as exc:
        return str(exc.errors(include_url=False)[0]["msg"])
    return ""


def _ask(question: str, default: str, field: str, ask: Callable[[str], str]) -> str:
    for _ in range(ATTEMPTS):
        try:
            answer = ask(f"{question}{f' [{default}]' if default else ''}: ").strip() or default
        except EOFError:
            raise BotError("the input ended before every question was answered",
                           hint="give the answers as flags: interview-bot init --yes --name NAME --email ADDRESS "
                           "--tz ZONE") from None
        if field == "email" and not answer:
            return ""  # optional: the signed-in account's address
        problem = _problem(field, answer) if answer else "an answer is needed"
        if not problem:
            return answer
        print(f"  {problem}")
    raise BotError(f"no usable answer for the {field} after {ATTEMPTS} tries", hint="run `interview-bot init` again")


def starter_text(name: str, email: str, tz: str) -> str:
    """The starter config for these answers (values quoted, so any name is safe YAML)."""
    from interview_bot.config.shipped import example_file

    email_line = f"  email: {json.dumps(email)}" if email else "  # email: you@example.com"
    return STARTER.format(today=date.today().isoformat(), example=example_file("config.yaml"),
                          name=json.dumps(name, ensure_ascii=False), email_line=email_line, tz=json.dumps(tz))


def _write_schema(path: Path) -> None:
    """The schema the starter's first line names, beside it: generated, so refreshing it loses nothing."""
    from interview_bot.config.schema import schema_text

    try:
        path.write_text(schema_text(), encoding="utf-8")
    except OSError as e:  # editor support is a nicety: the config itself was written
        print(f"warning: cannot write {path} ({e.strerror or e}); `interview-bot schema > {path}` makes it",
              file=sys.stderr)


def _target(args: argparse.Namespace) -> Path:
    from interview_bot.config.load import user_config_path
    from interview_bot.config.model import CONFIG_ENV

    # Where the bot will look: --config, $INTERVIEW_BOT_CONFIG, else the platform's config folder.
    given = args.config or os.environ.get(CONFIG_ENV)
    return Path(given).expanduser() if given else user_config_path()


@command(
    "init", group=SETUP, summary="write a starter config.yaml to your config folder",
    description="Asks for your name, your email address and your time zone (this computer's is the default) "
    "and writes a short, commented config.yaml where the bot looks for it: the platform's config folder "
    "(~/.config/interview-bot/ on Linux), or --config FILE. It never overwrites a file that exists. With --yes "
    "it asks nothing and takes the answers from --name, --email and --tz. It ends with the next steps.",
    examples=["interview-bot init",
              'interview-bot init --yes --name "Alex Morgan" --email alex@example.com --tz Europe/London'],
    arguments=[
        arg("--name", help="your name, as the drafts are signed"),
        arg("--email", help="your email address (optional: the signed-in Gmail account's by default)"),
        arg("--tz", metavar="ZONE", help="your IANA time zone, e.g. Europe/London (default: this computer's)"),
        arg("--yes", "-y", action="store_true", help="ask nothing: take the flags, and the defaults for the rest"),
    ],
)
def cmd_init(args: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    from interview_bot.config.load import load_config
    from interview_bot.config.model import system_timezone

    path = _target(args)
    if path.exists():
        raise BotError(f"{path} already exists; init never overwrites a config",
                       hint="edit it and run `interview-bot check-config`, or move it away and run init again")
    answers = {"name": args.name or "", "email": args.email or "", "tz": args.tz or ""}
    for field, value in answers.items():
        problem = _problem(field, value) if value else ""
        if problem:
            raise BotError(f"--{field} {value!r}: {problem}", hint="interview-bot init --help shows an example")
    if args.yes:
        if not answers["name"]:
            raise BotError("--yes needs --name (the name the drafts are signed with)",
                           hint='interview-bot init --yes --name "Alex Morgan" --tz Europe/London')
        answers["tz"] = answers["tz"] or system_timezone()
    else:
        print(f"This writes a starter config to {path}.")
        if not answers["name"]:
            answers["name"] = _ask("Your name, as the drafts are signed", "", "name", ask)
        if not answers["email"]:
            answers["email"] = _ask("Your email address (Enter: the Gmail account you sign in with)", "",
                                    "email", ask)
        if not answers["tz"]:
            answers["tz"] = _ask("Your time zone", system_timezone(), "tz", ask)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as f:  # "x": never over a file that appeared meanwhile
            f.write(starter_text(answers["name"], answers["email"], answers["tz"]))
    except OSError as e:
        raise BotError(f"cannot write {path}: {e.strerror or e}", hint="choose another place with --config FILE") from None
    cfg = load_config(path)  # what init writes must load; a failure here is a bug worth hearing about
    _write_schema(path.parent / "config.schema.json")
    print(f"Wrote {path}.\n")
    print("Next:")
    print(f"  1. Download your OAuth client file to {cfg.google.credentials}")
    print("     (README, \"Connect your Google account\", steps 1 to 3).")
    print("  2. interview-bot auth              sign in to Google once")
    print("  3. interview-bot doctor            check that everything works")
    print("  4. interview-bot service install   run it in the background, from login on")
    return 0
