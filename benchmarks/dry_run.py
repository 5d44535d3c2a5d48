"""What `interview-bot plan --since 30d` costs in Google requests, on the benchmark's accounts.

    python benchmarks/dry_run.py [--size small|medium|large] [--since 30d] [--ahead 14d] [--json out.json]

It seeds the account of benchmarks/seed.py (default: the large one, 10,000 events and 50,000
messages), runs the dry run against the sandbox exactly as the command does (interview_bot.runtime.dryrun),
and counts the requests the sandbox served, by method. Gmail's requests are priced in quota
units as Google publishes them (developers.google.com/gmail/api/reference/quota): the per-user
limit is 15,000 units a minute, and the dry run must fit well within it. Calendar requests are
counted too (Calendar prices every request the same, per minute per user).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed import SIZES, build

from interview_bot.clock import FixedClock
from interview_bot.config.durations import parse_duration
from interview_bot.config.load import load_config
from interview_bot.runtime.dryrun import dry_run

# Gmail API quota units per method, as Google publishes them.
GMAIL_UNITS = {"messages.list": 5, "messages.get": 5, "threads.get": 10, "history.list": 2, "getProfile": 1,
               "drafts.create": 10, "drafts.get": 5, "drafts.list": 5, "drafts.delete": 10}
GMAIL_PER_USER_PER_MINUTE = 15_000
WRITES = ("POST", "PUT", "PATCH", "DELETE")


def method_of(request: dict[str, Any]) -> str:
    """'calendar events.list', 'gmail messages.get', ... from a request the sandbox served."""
    parts = [p for p in request["path"].split("/") if p]
    if parts and parts[0] == "calendar":
        return f"calendar {'events' if 'events' in parts else parts[-1]}.{'list' if parts[-1] == 'events' else 'get'}"
    resource = next((p for p in reversed(parts) if p in ("messages", "threads", "history", "drafts", "profile")), "")
    if resource == "profile":
        return "gmail getProfile"
    listing = parts[-1] == resource
    verb = {"GET": "list" if listing else "get", "POST": "create", "DELETE": "delete"}.get(request["method"], "?")
    return f"gmail {resource}.{verb}"


def measure(size_name: str, since: str, ahead: str) -> dict[str, Any]:
    size = next(s for s in SIZES if s.name == size_name)
    t0 = datetime.now(UTC).replace(microsecond=0)
    clock = FixedClock(t0)
    account = build(size, t0, clock)
    sb = account.sandbox.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "config.yaml"
            path.write_text(f"me:\n  name: Alex Morgan\n  email: {account.sandbox.gmail.email}\ntimezone: UTC\n"
                            f"google:\n  endpoint: {sb.url}\nstate: {Path(tmp) / 'state.sqlite3'}\n", encoding="utf-8")
            cfg = load_config(path)
            sb.clear_requests()
            wall = time.perf_counter()
            result = dry_run(cfg, t0, parse_duration(since).delta, parse_duration(ahead).delta)
            wall = time.perf_counter() - wall
            served = sb.requests()
            drafts, steps, interviews = len(result.drafted), result.steps, len(result.state.interviews())
            result.state.close()
    finally:
        sb.stop()
    methods = Counter(method_of(r) for r in served)
    units = sum(GMAIL_UNITS.get(m.split(" ", 1)[1], 0) * n for m, n in methods.items() if m.startswith("gmail "))
    return {
        "size": size.name, "events": size.events, "messages": size.messages, "since": since, "ahead": ahead,
        "requests": len(served), "by_method": dict(sorted(methods.items())),
        "writes": sum(1 for r in served if r["method"] in WRITES),
        "gmail_requests": sum(n for m, n in methods.items() if m.startswith("gmail ")),
        "calendar_requests": sum(n for m, n in methods.items() if m.startswith("calendar ")),
        "gmail_units": units, "gmail_share_of_minute_quota": units / GMAIL_PER_USER_PER_MINUTE,
        "interviews": interviews, "would_draft": drafts, "replay_steps": steps, "wall_s": wall,
    }


def table(r: dict[str, Any]) -> str:
    lines = [(f"Dry run (plan --since {r['since']}, --ahead {r['ahead']}) on the {r['size']} account "
              f"({r['events']:,} events, {r['messages']:,} messages)"),
             (f"  {r['interviews']} interviews, {r['would_draft']} drafts it would make, {r['replay_steps']} replay steps, "
              f"{r['wall_s']:.1f} s (mostly the sandbox searching its mailbox)"),
             f"  {'request':<28}{'count':>6}{'Gmail units':>13}"]
    for method, n in r["by_method"].items():
        unit = GMAIL_UNITS.get(method.split(" ", 1)[1], 0) if method.startswith("gmail ") else 0
        lines.append(f"  {method:<28}{n:>6}{unit * n if unit else '':>13}")
    lines.append(f"  {'total':<28}{r['requests']:>6}{r['gmail_units']:>13}")
    lines.append(f"  writes: {r['writes']}; Gmail: {r['gmail_units']} units of the {GMAIL_PER_USER_PER_MINUTE:,} a user "
                 f"may spend per minute ({r['gmail_share_of_minute_quota']:.1%})")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/dry_run.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--size", choices=[s.name for s in SIZES], default="large")
    p.add_argument("--since", default="30d")
    p.add_argument("--ahead", default="14d")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = p.parse_args(argv)
    result = measure(args.size, args.since, args.ahead)
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
