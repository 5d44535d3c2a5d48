"""The commands of every day: run, plan, status."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_bot.cli.common import check_templates, clock_at, fit, load, local, parse_at
from interview_bot.cli.registry import DAILY, arg, command, plural
from interview_bot.errors import AuthError, BotError
from interview_bot.google.retry import Stopping
from interview_bot.planning.actions import ActionType

if TYPE_CHECKING:
    from interview_bot.config.model import Config
    from interview_bot.planning.actions import Action
    from interview_bot.runtime.engine import RunReport
    from interview_bot.runtime.state import State


def _stop_early(signum: int, frame: Any) -> None:
    # SIGTERM before the daemon's own handler (loading config and templates, opening the state):
    # no request to Google has been made yet, so unwinding at once is safe (transactions roll back).
    raise Stopping


@command(
    "run", group=DAILY, summary="sync and draft due follow-ups (as a daemon, or --once)",
    description="Watches your calendars and mail and drafts each follow-up when it falls due. Without --once "
    "it runs until stopped (SIGTERM or Ctrl-C), syncing every `poll_every`; this is what the service runs. "
    "With --once it syncs, drafts whatever is due by now and exits: 0 when all went well, 3 (with a one-line "
    "summary) when a calendar or Gmail could not be read or a due follow-up could not be drafted. Every "
    "enabled template is checked first, so a broken one stops it before anything happens. It never sends "
    "anything.",
    examples=["interview-bot run", "interview-bot run --once", "interview-bot run --once --at 2026-12-08T09:30"],
    arguments=[
        arg("--once", action="store_true", help="one sync and every follow-up due by now, then exit"),
        arg("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now' (with --once)"),
    ],
)
def cmd_run(args: argparse.Namespace) -> int:
    if args.once or threading.current_thread() is not threading.main_thread():
        return _run(args)
    previous = signal.signal(signal.SIGTERM, _stop_early)
    try:
        return _run(args)
    except Stopping:
        return 0  # the daemon exits 0 whenever SIGTERM comes
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    from interview_bot.runtime.apply import about
    from interview_bot.runtime.state import State
    from interview_bot.runtime.wiring import build_engine

    if args.at is not None and not args.once:
        raise BotError("--at works with --once only", hint="interview-bot run --once --at TIME")
    from interview_bot.cli.rules import require_passing_tests

    cfg = load(args)
    at = parse_at(args.at, cfg)
    check_templates(cfg)
    require_passing_tests(cfg)
    if not args.once:
        from interview_bot.runtime.daemon import run_daemon

        return run_daemon(cfg)
    from interview_bot.runtime.notify import telling_from_config

    state = State.open(Path(cfg.state))
    telling = telling_from_config(cfg)
    try:
        try:
            engine = build_engine(cfg, clock_at(at), state)
            report = engine.run_once()
        except AuthError as e:  # said once per failure where the user looks (issue 22), then as an error
            telling.sign_in_refused(state, e.message, e.hint, clock_at(at).now())
            raise
        telling.sign_in_accepted(state)
        telling.drafted(state, [fu for fu, _, _ in report.drafted], engine.clock.now(), engine.settings)
        telling.digest(state, engine.clock.now(), engine.gmail.draft_exists)
        _print_report(report, state, quiet=args.quiet)
        failed = report.summary(lambda fu: about(state, fu)) if report.problems() else ""
    finally:
        telling.close(timeout=20.0)  # the drafts are made; a slow service only delays the exit, boundedly
        state.close()
    if failed:  # exit 3: the run did only part of its job; one line says what failed
        print(f"error: {failed}", file=sys.stderr)
        return 3
    return 0


def _about(state: State, interview_id: str) -> str:
    iv = state.interview(interview_id)
    return (iv.company or iv.title) if iv else "an interview no longer in the calendar"


def _print_report(report: RunReport, state: State, quiet: bool = False) -> None:
    for fu, subject, _body in report.drafted:
        to = ", ".join(p.email for p in fu.recipients)
        print(f"drafted the {fu.kind.words} for {_about(state, fu.interview_id)} to {to}: {subject}")
    for fu in report.skipped:
        print(f"skipped the {fu.kind.words} for {_about(state, fu.interview_id)}: {fu.reason}")
    for fu, why in report.failed:
        print(f"not drafted yet: the {fu.kind.words} for {_about(state, fu.interview_id)}: {why}")
    for fu in report.found:
        print(f"already in Gmail: the {fu.kind.words} for {_about(state, fu.interview_id)}; not made again")
    if not quiet:
        vanished = (f", {plural(report.messages_vanished, 'vanished message')} skipped"
                    if report.messages_vanished else "")
        print(f"{plural(report.events_seen, 'calendar change')} read, {plural(len(report.drafted), 'draft')} made"
              f"{vanished}.")


@command(
    "plan", group=DAILY, summary="show what would be drafted and when, creating nothing",
    description="Syncs as `run --once` would, on a copy of the state file, and lists every follow-up still to "
    "come: what it is, when it falls due, for which interview and to whom. It creates no draft and changes "
    "nothing, so it is the way to try a config change or a new rule. With --since it replays the last weeks "
    "of your real calendar and mail instead, read-only, which is how to check the rules before the first run.",
    examples=["interview-bot plan", "interview-bot plan --at 2026-12-08T09:30", "interview-bot plan --since 30d"],
    arguments=[
        arg("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now'"),
        arg("--since", metavar="DURATION", help="dry run on the real account: replay the calendar and mail of "
            "this long ago (e.g. 30d) up to now, read-only, and show what would have been drafted, company by "
            "company, and why"),
        arg("--ahead", metavar="DURATION", help="with --since: also this far ahead (default 14d)"),
        arg("--json", action="store_true", help='the same actions as JSON: {"actions": [{"action": '
            '"create_draft" or "delete_draft", "kind", "company", "due", "thread", "to", "key"}]}'),
    ],
)
def cmd_plan(args: argparse.Namespace) -> int:
    from interview_bot.runtime.state import State
    from interview_bot.runtime.wiring import build_engine

    cfg = load(args)
    at = parse_at(args.at, cfg)
    if args.json and args.since:
        raise BotError("--json works without --since only", hint="interview-bot plan --json")
    if args.since:
        from interview_bot.cli.replay import run_replay

        return run_replay(cfg, clock_at(at), args.since, args.ahead or "14d")
    if args.ahead:
        raise BotError("--ahead works with --since only", hint="interview-bot plan --since 30d --ahead 14d")
    state = State.in_memory_copy(Path(cfg.state))
    try:
        engine = build_engine(cfg, clock_at(at), state)
        engine.sync()  # on the copy: what it records is thrown away
        actions = [a for a in engine.decide() if a.action is not ActionType.RECORD]
        if args.json:
            print(json.dumps({"actions": [action_json(a, state) for a in actions]}, indent=2))
        else:
            print(fit(plan_text(actions, state, engine.clock.now(), cfg), hang=17))
            _print_missed(state)
            _print_waiting(state, cfg)
    finally:
        state.close()
    return 0


def plan_text(actions: list[Action], state: State, now: datetime, cfg: Config) -> str:
    """`plan`'s lines: each draft to create (and each unsent draft to delete), when, for whom."""
    rows = []
    for a in actions:
        fu = a.follow_up
        iv = state.interview(fu.interview_id)
        when = "due now" if a.due <= now else local(a.due, cfg)
        what = (f"the {fu.kind.words}" if a.action is ActionType.CREATE_DRAFT
                else f"delete the unsent {fu.kind.words}")
        to = ", ".join(p.email for p in fu.recipients)
        rows.append(f"{when:<16} {what} to {iv.company or '?' if iv else '?'}"
                    f"{f' ({iv.title})' if iv and iv.title != iv.company else ''}")
        rows.append(f"{'':<16} to {to}")
    return "\n".join(rows) if rows else "Nothing to draft."


def action_json(a: Action, state: State) -> dict[str, Any]:
    """One action as `plan --json` prints it: kind and company named as `status --json` names them."""
    fu = a.follow_up
    iv = state.interview(fu.interview_id)
    return {"action": a.action.value, "kind": fu.kind.value, "company": iv.company if iv else None,
            "due": a.due.isoformat(), "thread": a.thread or None, "to": [p.email for p in fu.recipients],
            "key": fu.key}

def _print_missed(state: State) -> None:
    """The follow-ups missed while the bot was stopped, each with the command that makes it anyway."""
    from interview_bot.model import Cause

    missed = [f for f in state.follow_ups() if f.cause is Cause.MISSED_WHILE_STOPPED]
    if missed:
        print(f"\nMissed while the bot was stopped ({len(missed)}):")
        for f in missed:
            iv = state.interview(f.interview_id)
            print(f"  the {f.kind.words} to {iv.company if iv and iv.company else '?'}: "
                  f"interview-bot make '{f.key}'")


def _print_waiting(state: State, cfg: Config) -> None:
    """The drafts the bot made that wait in Gmail's Drafts, each with its link."""
    from interview_bot.cli.common import fit
    from interview_bot.runtime.notify import audience, waiting

    drafts = waiting(state, audience(state, cfg.tz, cfg.me.email))
    if drafts:
        print(f"\nWaiting in Gmail's Drafts ({len(drafts)}):")
        for w in drafts:
            print(fit(f"  the {w.kind.words} to {w.company or '?'}, due {local(w.made, cfg)}"))
            if w.link:
                print(f"    {w.link}")


@command(
    "status", group=DAILY, summary="the interviews and their follow-ups",
    description="Lists each interview the bot knows, where its company's process stands (interview ahead, "
    "waiting, next round, offer, rejected), the decision date and where it came from, the latest reply, and "
    "each follow-up with its state. It reads the state file only; run `run --once` or the service to sync.",
    examples=["interview-bot status", "interview-bot status --json | jq '.[].stage'"],
    arguments=[arg("--json", action="store_true", help="machine-readable output (a stable contract)")],
)
def cmd_status(args: argparse.Namespace) -> int:
    from interview_bot.cli.status import sign_in_text, status_json, status_text
    from interview_bot.clock import SystemClock
    from interview_bot.runtime.state import State
    from interview_bot.runtime.wiring import settings_from_config

    cfg = load(args)
    state = State.in_memory_copy(Path(cfg.state))
    try:
        data = status_json(state, settings_from_config(cfg), SystemClock().now())
        dead = sign_in_text(state, cfg.tz)
    finally:
        state.close()
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(fit(f"{dead}\n\n{status_text(data, cfg.tz)}" if dead else status_text(data, cfg.tz)))
    return 0


@command(
    "explain", group=DAILY, summary="why the bot did what it did for one company: each message as read",
    description="Prints the trail for one company's process: each interview and the rule that made it one; "
    "each message from the company's side with its date, sender, kind, the phrase that decided it, whether it "
    "counted as an answer and why; the decision date and where it came from; and every follow-up with why it "
    "is planned, drafted, cancelled or withdrawn. It reads the state file only: no Google requests.",
    examples=["interview-bot explain Initech", "interview-bot explain primary/abc123"],
    arguments=[arg("company", help="the company, or the interview id from `status --json`")],
)
def cmd_explain(args: argparse.Namespace) -> int:
    from interview_bot.cli.explain import explain
    from interview_bot.clock import SystemClock
    from interview_bot.runtime.state import State
    from interview_bot.runtime.wiring import settings_from_config

    cfg = load(args)
    state = State.in_memory_copy(Path(cfg.state))
    try:
        print(fit(explain(state, settings_from_config(cfg), SystemClock().now(), args.company)))
    finally:
        state.close()
    return 0
