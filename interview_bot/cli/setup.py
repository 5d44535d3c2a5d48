"""Setting up: check-config, auth and doctor (init and service have their own modules)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interview_bot.cli.common import check_templates, load, locate
from interview_bot.cli.registry import SETUP, arg, command
from interview_bot.errors import ConfigError

if TYPE_CHECKING:
    from interview_bot.config.model import Config


@command(
    "check-config", group=SETUP, summary="validate the config file and templates, print a summary",
    description="Reads the config file (and says which one, and why that one), checks every key and every "
    "enabled template, and prints what the bot will do with it. Every problem is listed at once with its "
    "file and line. A missing OAuth client file is a warning, since only `auth` needs it. With --online it "
    "also asks Google (or the sandbox) whether each calendar in `calendars:` exists, using your sign-in. "
    "It runs the cases under `tests:` too, and fails when one does.",
    examples=["interview-bot check-config", "interview-bot check-config ~/my-config.yaml --online"],
    arguments=[
        arg("file", nargs="?", help="config file to check (default: as for --config)"),
        arg("--online", action="store_true", help="also check that each calendar in `calendars:` exists"),
    ],
)
def cmd_check_config(args: argparse.Namespace) -> int:
    from interview_bot.config.load import summarize

    path, why = locate(args, args.file)
    cfg = load(args, args.file)
    check_templates(cfg)
    if not args.quiet:
        print(f"Read {path} ({'given on the command line' if args.file else why}).\n")
        print(summarize(cfg))
    if not cfg.google.endpoint and not Path(cfg.google.credentials).exists():
        _warn(f"no OAuth client file at {cfg.google.credentials} (only `interview-bot auth` needs it)",
              "download it as described in README, Connect Google, then run `interview-bot auth`")
    if args.online:
        _check_calendars_online(cfg)
    from interview_bot.cli.rules import test_report

    results, report = test_report(cfg)
    print(report)
    if any(not r.passed for r in results):
        return 1
    print("Config OK.")
    return 0


def _warn(message: str, hint: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
    print(f"hint: {hint}", file=sys.stderr)


def _check_calendars_online(cfg: Config) -> None:
    from interview_bot.cli.doctor import FAIL, check_calendars, services_for

    services, sign_in = services_for(cfg)
    if services is None:
        failed = next((c for c in sign_in if c.failed), None)
        _warn("calendars not checked online: " + (failed.detail if failed else "no working sign-in"),
              failed.fix if failed and failed.fix else "run `interview-bot auth`")
        return
    checks, _ = check_calendars(cfg, services[0])
    for c in checks:
        if c.status != FAIL:
            print(f"calendar {c.detail}")
    problems = [f"calendars: {c.detail}" for c in checks if c.status == FAIL]
    if problems:
        fix = next((c.fix for c in checks if c.status == FAIL and c.fix), "")
        raise ConfigError(problems, hint=fix)


@command(
    "auth", group=SETUP, summary="sign in to Google once and store the token",
    description="Signs you in to Google with the OAuth client file from the config (`google.credentials`) and "
    "stores the token, readable by you only, where `google.token` says. A browser opens on this machine; "
    "with --no-browser (a server over SSH) it prints a URL to open anywhere and asks for the address the "
    "browser ends on. The bot asks for three permissions only: read calendar events, read mail, make drafts.",
    examples=["interview-bot auth", "interview-bot auth --no-browser"],
    arguments=[arg("--no-browser", action="store_true",
                   help="print the URL and take the redirected address back (for a server over SSH)")],
)
def cmd_auth(args: argparse.Namespace) -> int:
    from interview_bot.google.auth import SCOPES, sign_in

    cfg = load(args)
    if cfg.google.endpoint:
        print(f"google.endpoint is set ({cfg.google.endpoint}): no sign-in is needed for it.")
        return 0
    print("interview-bot asks Google for these permissions, and no others:")
    for scope, why in SCOPES.items():
        print(f"  {scope.rsplit('/', 1)[-1]}: {why}")
    print()
    sign_in(Path(cfg.google.credentials), Path(cfg.google.token), open_browser=not args.no_browser)
    print(f"Signed in. Token stored in {cfg.google.token} (readable by you only).")
    print("If your OAuth app is in 'Testing' status, Google ends this sign-in after 7 days; publish it "
          "'In production' to stop that (see README, Connect Google). Check with `interview-bot doctor`.")
    return 0


@command(
    "doctor", group=SETUP, summary="check config, templates, sign-in, both APIs and the clock; say how to fix "
    "what is wrong",
    description="Checks, in order, everything the service needs: the config file (which one, and why), every "
    "enabled template, the state folder, the OAuth client file, the sign-in token (its file mode, its "
    "permissions and a real refresh), one cheap call to Calendar and to Gmail, and this computer's clock "
    "against Google's. Each problem is printed with its fix. Exit status 1 when anything failed.",
    examples=["interview-bot doctor", "interview-bot --config ~/other.yaml doctor"],
)
def cmd_doctor(args: argparse.Namespace) -> int:
    from interview_bot.cli.doctor import print_report, run_doctor

    checks = run_doctor(args.config, os.environ)
    print_report(checks)
    return 1 if any(c.failed for c in checks) else 0
