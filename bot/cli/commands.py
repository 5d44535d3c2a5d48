"""The `interview-bot` command. Thin: parses arguments, calls the app, prints; errors are printed in main().

Heavy imports (googleapiclient above all) happen inside the commands, so --help answers fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import __version__
from bot.errors import BotError, ConfigError

if TYPE_CHECKING:
    from bot.config.model import Config
    from bot.runtime.engine import RunReport
    from bot.runtime.state import State

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="interview-bot",
        description="Watches Google Calendar for interviews and prepares follow-up emails as Gmail drafts. "
        "It never sends anything: you review and send.",
    )
    p.add_argument("--version", action="version", version=f"interview-bot {__version__}")
    p.add_argument("--config", metavar="FILE", help="config file (default: $INTERVIEW_BOT_CONFIG, "
                   "./config.yaml, then the platform config folder)")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    p.add_argument("--log-format", choices=("text", "json"), default="text",
                   help="log lines on stderr as text or as JSON objects (for journald or files)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("run", help="sync and draft due follow-ups (as a daemon, or --once)")
    s.add_argument("--once", action="store_true", help="one sync and every follow-up due by now, then exit")
    s.add_argument("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now' (with --once)")

    s = sub.add_parser("plan", help="show what would be drafted and when, creating nothing")
    s.add_argument("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now'")

    s = sub.add_parser("status", help="the interviews and their follow-ups")
    s.add_argument("--json", action="store_true", help="machine-readable output (a stable contract)")

    s = sub.add_parser("decide", help="set the decision date you were told for an interview (or 'none')")
    s.add_argument("interview", help="the company, or the interview id from `status --json`")
    s.add_argument("date", help="YYYY-MM-DD, or 'none' to clear it")

    s = sub.add_parser("check-config", help="validate the config file and templates, print a summary")
    s.add_argument("file", nargs="?", help="config file to check (default: as for --config)")

    s = sub.add_parser("auth", help="sign in to Google once and store the token")
    s.add_argument("--no-browser", action="store_true", help="print the URL and take the redirected URL back "
                   "(for a server over SSH)")

    sub.add_parser("doctor", help="check config, templates, sign-in, both APIs and the clock; say how to fix "
                   "what is wrong")

    sub.add_parser("demo", help="run the bot on a built-in sandbox with sample data; no Google account needed")

    s = sub.add_parser("sandbox", help="serve a local stand-in for Google Calendar and Gmail")
    s.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 picks a free one)")
    s.add_argument("--email", default="me@example.com", help="the account's address")
    s.add_argument("--state", metavar="FILE", help="load and save the account's data as JSON")
    s.add_argument("--fail-rate", type=float, default=0.0, metavar="R",
                   help="answer this share of API requests as Google does on a bad day "
                   "(403/429 rate limits, 500/503 backend errors)")
    s.add_argument("--seed", type=int, default=0, metavar="S", help="seed for --fail-rate")
    return p


# -- helpers -------------------------------------------------------------------------------------


def _config(args: argparse.Namespace, file: str | None = None) -> Config:
    from bot.config.load import find_config_path, load_config

    return load_config(find_config_path(file or args.config, os.environ))


def _at(value: str | None, cfg: Config) -> datetime | None:
    if not value:
        return None
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise BotError(f"--at {value!r} is not an ISO 8601 time", hint='try "2026-12-01T15:00:00+01:00"') from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=cfg.tz)  # a wall time in the user's time zone
    return at.astimezone(UTC)


def _clock(at: datetime | None) -> Any:
    from bot.clock import FixedClock, SystemClock

    return FixedClock(at) if at else SystemClock()


def _open_state(cfg: Config) -> State:
    from bot.runtime.state import State

    return State.open(Path(cfg.state))


def _local(dt: datetime, cfg: Config) -> str:
    return dt.astimezone(cfg.tz).strftime("%a %d %b %Y %H:%M %Z")


def _print_report(report: RunReport, cfg: Config) -> None:
    for fu, subject, body in report.drafted:
        to = ", ".join(p.email for p in fu.recipients)
        print(f"drafted {fu.kind.value} to {to}: {subject}")
    for fu in report.skipped:
        print(f"skipped {fu.kind.value} ({fu.key}): {fu.reason}")
    for fu, why in report.failed:
        print(f"not yet drafted {fu.kind.value} ({fu.key}): {why}")
    for fu in report.found:
        print(f"already in Gmail {fu.kind.value} ({fu.key}): not made again")
    print(f"{report.events_seen} calendar changes read, {len(report.drafted)} drafts made"
          + (f", {report.messages_vanished} vanished messages skipped" if report.messages_vanished else "") + ".")


# -- commands ------------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from bot.runtime.wiring import build_engine

    cfg = _config(args)
    if not args.once:
        if args.at:
            raise BotError("--at works with --once only", hint="interview-bot run --once --at TIME")
        from bot.runtime.daemon import run_daemon

        return run_daemon(cfg)
    state = _open_state(cfg)
    try:
        engine = build_engine(cfg, _clock(_at(args.at, cfg)), state)
        report = engine.run_once()
        _print_report(report, cfg)
    finally:
        state.close()
    if report.problems():  # exit 3: the run did only part of its job; one line says what failed
        print(f"error: {report.summary()}", file=sys.stderr)
        return 3
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from bot.runtime.state import State
    from bot.runtime.wiring import build_engine

    cfg = _config(args)
    state = State.in_memory_copy(Path(cfg.state))
    try:
        engine = build_engine(cfg, _clock(_at(args.at, cfg)), state, dry_run=True)
        engine.sync()
        now = engine.clock.now()
        rows = []
        for fu in state.follow_ups():
            if fu.status.value not in ("scheduled", "drafting"):
                continue
            iv = state.interview(fu.interview_id)
            when = "due now" if fu.due <= now else f"at {_local(fu.due, cfg)}"
            to = ", ".join(p.email for p in fu.recipients)
            rows.append(f"{fu.kind.value:<16} {when:<34} {iv.company if iv else '?'}: {iv.title if iv else ''} -> {to}")
        print("\n".join(rows) if rows else "Nothing to draft.")
    finally:
        state.close()
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from bot.cli.status import status_json, status_text
    from bot.clock import SystemClock
    from bot.runtime.state import State
    from bot.runtime.wiring import settings_from_config

    cfg = _config(args)
    state = State.in_memory_copy(Path(cfg.state))
    try:
        data = status_json(state, settings_from_config(cfg), SystemClock().now())
    finally:
        state.close()
    print(json.dumps(data, indent=2) if args.json else status_text(data, cfg.tz))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from bot.cli.status import decide, status_json
    from bot.clock import SystemClock
    from bot.runtime.state import State
    from bot.runtime.wiring import settings_from_config

    cfg = _config(args)
    # No instance lock: one small transaction beside a running daemon, which reads it at its next sync.
    state = State.open(Path(cfg.state), lock=False)
    try:
        iv, decision = decide(state, args.interview, args.date)
        data = status_json(state, settings_from_config(cfg), SystemClock().now())
    finally:
        state.close()
    shown = next(d for d in data if d["id"] == iv.id)
    what = f"decision expected by {decision.by:%a %d %b %Y}" if decision else "your decision date is cleared"
    print(f"{iv.company or iv.title}: {what}.")
    for fu in shown["follow_ups"]:
        if fu["kind"] == "status_check" and fu["status"] == "scheduled":
            print(f"The check-in is planned for {_local(datetime.fromisoformat(fu['due']), cfg)} "
                  "(after the next sync).")
    return 0


def cmd_check_config(args: argparse.Namespace) -> int:
    from bot.config.load import summarize

    cfg = _config(args, args.file)
    from bot.writing.compose import Templates

    fu = cfg.follow_ups
    names = [s.template for s in (fu.thank_you, fu.status_check, fu.feedback_request, fu.keep_in_touch) if s.enabled]
    problems = Templates(Path(cfg.templates) if cfg.templates else None).check(list(dict.fromkeys(names)))
    if problems:
        raise ConfigError(problems, hint="fix the template, or remove it to use the shipped one")
    print(summarize(cfg))
    print("Config OK.")
    return 0


def cmd_auth(args: argparse.Namespace) -> int:
    from bot.google.auth import SCOPES, sign_in

    cfg = _config(args)
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


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.cli.doctor import print_report, run_doctor

    checks = run_doctor(args.config, os.environ)
    print_report(checks)
    return 1 if any(c.failed for c in checks) else 0


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.cli.demo import run_demo

    return run_demo()


def cmd_sandbox(args: argparse.Namespace) -> int:
    from bot.sandbox.server import serve_forever_cli

    return serve_forever_cli(args.port, args.email, args.state, args.fail_rate, args.seed)


COMMANDS = {
    "run": cmd_run,
    "plan": cmd_plan,
    "status": cmd_status,
    "decide": cmd_decide,
    "check-config": cmd_check_config,
    "auth": cmd_auth,
    "doctor": cmd_doctor,
    "demo": cmd_demo,
    "sandbox": cmd_sandbox,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: the one place errors are printed, with their hints; never a traceback for a user mistake."""
    args = _parser().parse_args(argv)
    from bot.logs import setup_logging

    setup_logging(args.log_format, args.verbose, daemon=args.command == "run" and not args.once)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as e:
        for problem in e.problems:
            print(f"error: {problem}", file=sys.stderr)
        if e.hint:
            print(f"hint: {e.hint}", file=sys.stderr)
        return e.exit_code
    except BotError as e:
        print(f"error: {e.message}", file=sys.stderr)
        if e.hint:
            print(f"hint: {e.hint}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
