"""`interview-bot decide`: set the decision date you were told, or what the company's last message meant.

`decide COMPANY DATE` sets the date a decision is expected by; `decide COMPANY rejected|offer|next-round`
tells the bot what the company answered (the user's truth, kept in the state beside the dates and
read by the planner as a sure answer: interview_bot.planning.process.Outcome); `waiting` clears it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from interview_bot.cli.common import clock_at, load, local, parse_at
from interview_bot.cli.registry import DAILY, arg, command
from interview_bot.errors import BotError
from interview_bot.model import Decision, FollowUp, FollowUpKind, FollowUpStatus, Interview

if TYPE_CHECKING:
    from interview_bot.config.model import Config
    from interview_bot.runtime.state import State

CLEAR = ("none", "clear", "-")
OUTCOMES = ("rejected", "offer", "next-round", "waiting")  # interview_bot.planning.process.Outcome values
PLAUSIBLE_WAIT = timedelta(days=365)  # a decision date further after the interview is likely a typo


def parse_decision_date(text: str) -> date | None:
    """The date as typed (YYYY-MM-DD), or None for "none"; checked before anything is looked up."""
    value = text.strip()
    if value.lower() in CLEAR:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BotError(f"{text!r} is not a date (nor an outcome)",
                       hint='write a date as YYYY-MM-DD (e.g. "2026-12-11"), "none" to clear it, or what the company '
                       f"said: one of {', '.join(OUTCOMES)}") from None


def implausible(day: date, iv: Interview, cfg: Config) -> str:
    """Why a decision date looks wrong for this interview, or ""."""
    held = iv.start.astimezone(cfg.tz).date()
    if day < held:
        return f"{day:%a %d %b %Y} is before the interview on {held:%a %d %b %Y}"
    if day - held > PLAUSIBLE_WAIT:
        return f"{day:%a %d %b %Y} is more than a year after the interview on {held:%a %d %b %Y}"
    return ""


def planned_check_ins(state: State, cfg: Config, iv: Interview, now: datetime) -> tuple[list[FollowUp], str]:
    """The check-ins the plan now gives this interview's process, earliest first; if none, why not.

    The same planning a sync does, over the state file as it is, so what is printed is what the
    next sync will schedule (the stored follow-ups still have the old date until then).
    """
    from interview_bot.planning.process import process_key, stage_words
    from interview_bot.runtime.engine import planned
    from interview_bot.runtime.wiring import settings_from_config

    found = next(((v, p) for v, p in planned(state, settings_from_config(cfg), now) if v.key == process_key(iv)), None)
    if found is None:
        return [], "the interview is no longer in the calendar"
    view, plan = found
    follow_ups = {f.key: f for f in view.follow_ups} | {f.key: f for f in plan.changes}
    checks = [f for f in follow_ups.values() if f.kind is FollowUpKind.STATUS_CHECK]
    scheduled = sorted((f for f in checks if f.status is FollowUpStatus.SCHEDULED), key=lambda f: f.due)
    if scheduled:
        return scheduled, ""
    if not cfg.follow_ups.status_check.enabled:
        return [], "status checks are turned off in the config"
    reasons = [f.reason for f in sorted(checks, key=lambda f: f.due, reverse=True) if f.reason]
    if reasons:
        return [], reasons[0]
    return [], f"the process's stage is: {stage_words(plan, cfg.tz)}"


@command(
    "decide", group=DAILY, summary="set the decision date you were told for an interview (or 'none')",
    description="Records the date by which the company said it would decide, for the latest interview with "
    "that company; it wins over dates read from their emails, the invitation or the config. The status check "
    "is then planned from it, and the new date of the check-in is printed. A date before the interview, or "
    "more than a year after it, is refused unless you add --force. `none` clears the date you set. "
    "Or tell the bot what the company's last message meant, when it could not read it: `rejected` withdraws "
    "an untouched check-in draft and plans the feedback request in the company's thread; `offer` and "
    "`next-round` stop the check-ins; `waiting` clears an outcome set by mistake.",
    examples=["interview-bot decide Initech 2026-12-11", "interview-bot decide Initech none",
              'interview-bot decide "Nowak Logistics" rejected', "interview-bot decide Initech waiting"],
    arguments=[
        arg("interview", help="the company, or the interview id from `status --json`"),
        arg("date",
            help="YYYY-MM-DD, or 'none' to clear it; or what the company said: " + ", ".join(OUTCOMES)),
        arg("--force", action="store_true", help="accept a date before the interview or more than a year after it"),
        arg("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now'"),
    ],
)
def cmd_decide(args: argparse.Namespace) -> int:
    from interview_bot.cli.status import find_interview
    from interview_bot.runtime.state import State

    if args.date.strip().lower() in OUTCOMES:
        return _decide_outcome(args, args.date.strip().lower())
    day = parse_decision_date(args.date)
    cfg = load(args)
    now = clock_at(parse_at(args.at, cfg)).now()
    # No instance lock: one small transaction beside a running daemon, which reads it at its next sync.
    state = State.open(Path(cfg.state), lock=False)
    try:
        iv = find_interview(state, args.interview)
        doubt = implausible(day, iv, cfg) if day else ""
        if doubt and not args.force:
            raise BotError(f"{doubt}: is that the date you meant?",
                           hint=f"check it; if it is right, run `interview-bot decide {args.interview} {args.date} "
                           "--force`")
        with state.transaction():
            state.set_decision(iv.id, Decision(day, "you") if day else None, "you")
        checks, why_none = planned_check_ins(state, cfg, iv, now)
    finally:
        state.close()
    if doubt:
        print(f"warning: {doubt}; recorded as you asked (--force).", file=sys.stderr)
    what = f"decision expected by {day:%a %d %b %Y}" if day else "your decision date is cleared"
    print(f"{iv.company or iv.title}: {what}.")
    if checks:
        print(f"The status check is planned for {local(checks[0].due, cfg)}.")
    else:
        print(f"No status check is planned: {why_none}.")
    return 0


def _decide_outcome(args: argparse.Namespace, word: str) -> int:
    """`decide COMPANY rejected|offer|next-round|waiting`: record what the company answered, print what follows."""
    from interview_bot.cli.status import find_interview
    from interview_bot.planning.process import OUTCOME_SOURCE, Outcome
    from interview_bot.runtime.state import State

    if args.force:
        raise BotError("--force is for dates", hint=f"interview-bot decide {args.interview} {word}")
    outcome = Outcome(word)
    cfg = load(args)
    now = clock_at(parse_at(args.at, cfg)).now()
    state = State.open(Path(cfg.state), lock=False)
    try:
        iv = find_interview(state, args.interview)
        recorded = (None if outcome is Outcome.WAITING
                    else Decision(now.astimezone(cfg.tz).date(), OUTCOME_SOURCE, outcome.value))
        with state.transaction():
            state.set_decision(iv.id, recorded, OUTCOME_SOURCE)
        checks, why_none = planned_check_ins(state, cfg, iv, now)
    finally:
        state.close()
    name = iv.company or iv.title
    if outcome is Outcome.WAITING:
        print(f"{name}: no outcome recorded; the bot reads their mail again.")
    else:
        said = {Outcome.REJECTED: "a rejection", Outcome.OFFER: "an offer", Outcome.NEXT_ROUND: "a next round"}[outcome]
        print(f"{name}: recorded {said}, as you said.")
        if outcome is Outcome.REJECTED:
            print("An untouched check-in draft is withdrawn and the feedback request planned at the next sync.")
    if checks:
        print(f"The status check is planned for {local(checks[0].due, cfg)}.")
    else:
        print(f"No status check is planned: {why_none}.")
    return 0
