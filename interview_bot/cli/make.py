"""`interview-bot make KEY`: make a follow-up the bot held back by its rules of time (issue 23).

A thank-you missed while the bot was stopped, one that fell due long before it started watching,
or one whose draft the user deleted: scheduled again for now, drafted at the next sync (or by the
running daemon at its next sync). The key is the follow-up's, as `status --json` shows it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interview_bot.cli.common import clock_at, load, parse_at
from interview_bot.cli.registry import DAILY, arg, command
from interview_bot.errors import BotError


@command(
    "make", group=DAILY, summary="make a follow-up the bot held back (missed while stopped, too late, deleted)",
    description="Schedules one follow-up for now that the bot did not make by its own rules of time: a "
    "thank-you missed while the bot was stopped, one that fell due long before the bot started watching, or "
    "one whose draft you deleted. The next sync drafts it. KEY is the follow-up's key, as `status --json` and "
    "`plan` show it.",
    examples=["interview-bot make 'primary/abc123#thank_you'"],
    arguments=[
        arg("key", help="the follow-up's key, from `status --json` or `plan`"),
        arg("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now'"),
    ],
)
def cmd_make(args: argparse.Namespace) -> int:
    from interview_bot.planning.policy import make_now, makeable
    from interview_bot.runtime.state import State

    cfg = load(args)
    now = clock_at(parse_at(args.at, cfg)).now()
    # No instance lock: one small transaction beside a running daemon, which reads it at its next sync.
    state = State.open(Path(cfg.state), lock=False)
    try:
        fu = state.follow_up(args.key)
        if fu is None:
            raise BotError(f"no follow-up has the key {args.key!r}",
                           hint="`interview-bot status --json` lists each follow-up with its key")
        if not makeable(fu):
            raise BotError(f"the {fu.kind.words} {args.key!r} is {fu.status.value}"
                           f"{f' ({fu.reason})' if fu.reason else ''}: nothing to make",
                           hint="make brings back a follow-up missed while the bot was stopped, too late, "
                           "or whose draft you deleted")
        with state.transaction():
            state.save_follow_up(make_now(fu, now))
    finally:
        state.close()
    print(f"the {fu.kind.words} {args.key} is scheduled for now: the next sync drafts it.")
    return 0
