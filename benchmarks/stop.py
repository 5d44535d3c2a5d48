"""SIGTERM during the first sync of a large account: how long the daemon takes to stop, and what it sends after.

    python benchmarks/stop.py [--size large] [--at 2,4,8,15] [--json out.json]

For each delay, a daemon (`python -m interview_bot run`, a subprocess, on a new state file) is
started against one seeded sandbox (benchmarks/seed.py) and sent SIGTERM that many seconds after
it started: importing, listing 10,000 events, reading 50,000 messages' worth of mail, drafting.
Measured: the seconds from the signal to its exit, its exit code, and the API requests the
sandbox logged after the signal (a request in flight when the signal came is logged when it is
answered, so one of them may be one started before). The target: exit 0 within 5 s, at most
the one request in flight.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed import SIZES, Size, build

STOP_WITHIN_S = 5.0


def _config(folder: Path, url: str) -> Path:
    path = folder / "config.yaml"
    path.write_text(f"me:\n  name: Alex Morgan\n  email: alex.morgan@example.com\ntimezone: UTC\n"
                    f"google:\n  endpoint: {url}\nstate: {folder / 'state.sqlite3'}\npoll_every: 30s\n",
                    encoding="utf-8")
    return path


def measure_sigterm(size: Size, delays: tuple[float, ...] = (2.0, 4.0, 8.0, 15.0)) -> dict[str, Any]:
    """One daemon per delay, each on a new state file (a first sync), SIGTERM `delay` s after its start."""
    account = build(size, datetime.now(UTC).replace(microsecond=0))
    sb = account.sandbox.start()
    runs: list[dict[str, Any]] = []
    try:
        for delay in delays:
            with tempfile.TemporaryDirectory() as tmp:
                config = _config(Path(tmp), sb.url)
                with open(Path(tmp) / "daemon.log", "w+b") as log:
                    sb.clear_requests()
                    proc = subprocess.Popen([sys.executable, "-m", "interview_bot", "--config", str(config), "run"],
                                            stdout=subprocess.DEVNULL, stderr=log)
                    time.sleep(delay)
                    before = len(sb.requests())
                    sent = time.monotonic()
                    proc.send_signal(signal.SIGTERM)
                    try:
                        code: int | None = proc.wait(60)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
                        code = None
                    took = time.monotonic() - sent
                    after = len(sb.requests()) - before
                    log.seek(0)
                    tail = log.read().decode(errors="replace").strip().splitlines()[-3:]
            runs.append({"signal_after_s": delay, "stopped_in_s": round(took, 2), "exit_code": code,
                         "requests_before_signal": before, "requests_logged_after_signal": after,
                         "log_tail": tail})
    finally:
        sb.stop()
    worst = max(r["stopped_in_s"] for r in runs)
    ok = all(r["exit_code"] == 0 and r["stopped_in_s"] <= STOP_WITHIN_S and r["requests_logged_after_signal"] <= 1
             for r in runs)
    return {"size": size.name, "events": size.events, "messages": size.messages, "runs": runs,
            "worst_stop_s": worst, "ok": ok}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/stop.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--size", default="large", choices=[s.name for s in SIZES])
    p.add_argument("--at", default="2,4,8,15", help="seconds after the daemon's start to send SIGTERM")
    p.add_argument("--json", metavar="FILE")
    args = p.parse_args(argv)
    size = next(s for s in SIZES if s.name == args.size)
    result = measure_sigterm(size, tuple(float(x) for x in args.at.split(",")))
    for r in result["runs"]:
        print(f"SIGTERM {r['signal_after_s']:>4.1f} s after start: stopped in {r['stopped_in_s']:.2f} s, exit "
              f"{r['exit_code']}, {r['requests_logged_after_signal']} requests logged after the signal "
              f"({r['requests_before_signal']} before)")
    print(f"{'met ' if result['ok'] else 'MISS'}  exit 0 within {STOP_WITHIN_S:.0f} s, no request started after")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
