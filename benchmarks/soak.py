"""Soak: the daemon killed with SIGKILL at random moments, on a bad day for Google; exactly one draft each.

    python benchmarks/soak.py [--kills 100] [--fail-rate 0.3] [--seed 1] [--json out.json]

A sandbox (this process, real clock) answers `--fail-rate` of the API requests with Google's
429/403 rate limits and 500/503 backend errors. Two bots for the one account, each with its own
state file and lock folder (two machines), run at once: each life, `python -m interview_bot run`
is started for both, and each is killed with SIGKILL at a random point of its work (0-10 s after
its first request to Google, so it lives long enough to draft), `--kills` kills in all. Between
lives a bot's state file is now and then deleted, cut in half, or swapped for an older copy of
itself. Along the way interviews keep
ending (their thank-yous fall due while the bot is up, down, or mid-request), mail arrives and
some is deleted for good before the bot reads it, a second watched calendar disappears and comes
back, and Google expires the calendar sync token and the Gmail history now and then. At the end
the faults stop and one last daemon runs until every due thank-you has its draft; the drafts are
then counted by their X-Interview-Bot-Key: each due follow-up must have exactly one. The report
says how many drafts were made during the kill phase (a soak whose bots never lived to draft
would test little).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from interview_bot.errors import BotError
from interview_bot.runtime.state import State
from interview_bot.sandbox.server import Sandbox

ME = "alex.morgan@example.com"
TEAM = "team@group.calendar.google.com"
AFTER = timedelta(minutes=1)  # thank-yous are due a minute after the interview ends (config below)


def rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def interview(n: int, end: datetime) -> dict[str, Any]:
    domain = f"company{n}.example"
    return {
        "summary": f"Interview: Engineer - Company{n}", "iCalUID": f"soak-{n}@soak.invalid",
        "start": {"dateTime": rfc3339(end - timedelta(minutes=45))}, "end": {"dateTime": rfc3339(end)},
        "organizer": {"email": f"ann@{domain}", "displayName": f"Ann {n}"},
        "attendees": [{"email": f"ann@{domain}", "displayName": f"Ann {n}", "organizer": True,
                       "responseStatus": "accepted"}, {"email": ME, "responseStatus": "accepted"}],
    }


def mail(n: int, sender: str, when: datetime) -> bytes:
    return (f"From: {sender}\r\nTo: {ME}\r\nSubject: Note {n}\r\nDate: {when:%a, %d %b %Y %H:%M:%S +0000}\r\n"
            f"Message-ID: <soak-{n}-{random.random()}@example.invalid>\r\n\r\nHello {n}\r\n").encode()


class Soak:
    def __init__(self, folder: Path, kills: int, fail_rate: float, seed: int) -> None:
        self.folder = folder
        self.kills = kills
        self.fail_rate = fail_rate
        self.rng = random.Random(seed)
        self.sb = Sandbox(email=ME, fail_rate=0.0, seed=seed).start()
        self.sb.calendar.add_calendar(TEAM, "Team")
        self.bots = ("a", "b")  # two machines: a state file and a lock folder each
        for bot in self.bots:
            (folder / bot).mkdir()
            self.config(bot).write_text(
                f"me:\n  name: Alex Morgan\n  email: {ME}\ntimezone: UTC\ngoogle:\n  endpoint: {self.sb.url}\n"
                f"state: {self.state_path(bot)}\npoll_every: 30s\ncalendars: [primary, {TEAM}]\n"
                "follow_ups:\n  thank_you:\n    after: 1m\n", encoding="utf-8")
        self.log = open(folder / "daemon.log", "wb")  # noqa: SIM115
        self.counts: Counter[str] = Counter()
        self.interviews: dict[int, datetime] = {}  # n -> end

    # -- the world changing along the way ------------------------------------------------------------

    def add_interviews(self, how_many: int) -> None:
        now = datetime.now(UTC)
        for _ in range(how_many):
            n = len(self.interviews)
            # Due between 20 s ago and 20 s from now: some fall due while the bot is down.
            end = now - AFTER + timedelta(seconds=self.rng.uniform(-20, 20))
            self.sb.calendar.add_event(interview(n, end.replace(microsecond=0)))
            self.interviews[n] = end.replace(microsecond=0)

    def weather(self, i: int) -> None:
        """What happens to a real account between two kills."""
        now = datetime.now(UTC)
        if i % 2 == 0:
            self.add_interviews(2)
        if i % 5 == 0:  # company mail arrives; a newsletter arrives and is deleted for good
            n = self.counts["mail"]
            self.sb.gmail.deliver(mail(n, f"Ann {n % 10} <ann@company{n % 10}.example>", now))
            gone = self.sb.gmail.deliver(mail(n, "Shop <news@shop.example>", now))
            with self.sb.lock:
                self.sb.gmail.call("gmail.users.messages.delete", {"userId": "me", "id": gone["id"]}, None)
            self.counts["mail"] += 1
            self.counts["messages deleted for good"] += 1
        if i % 20 == 7:  # the second calendar is deleted (404 at every sync) ...
            with self.sb.lock:
                self.sb.calendar.calendars.pop(TEAM, None)
            self.counts["calendar outages"] += 1
        if i % 20 == 13:  # ... and comes back
            self.sb.calendar.add_calendar(TEAM, "Team")
        if i % 25 == 11:
            self.sb.calendar.expire_sync_tokens()
            self.counts["sync tokens expired (410)"] += 1
        if i % 25 == 18:
            self.sb.gmail.expire_history()
            self.counts["Gmail history expired (404)"] += 1

    # -- the bot -------------------------------------------------------------------------------------

    def config(self, bot: str) -> Path:
        return self.folder / bot / "config.yaml"

    def state_path(self, bot: str) -> Path:
        return self.folder / bot / "state" / "state.sqlite3"

    def start(self, bot: str) -> subprocess.Popen[bytes]:
        self.counts["daemon starts"] += 1
        env = {**os.environ, "INTERVIEW_BOT_LOCK_DIR": str(self.folder / bot / "locks"), "PYTHONUNBUFFERED": "1"}
        return subprocess.Popen([sys.executable, "-m", "interview_bot", "--config", str(self.config(bot)), "run"],
                                stdout=subprocess.DEVNULL, stderr=self.log, env=env)

    def mess_with_state(self, bot: str) -> None:
        """Now and then, between lives: the state file deleted, cut in half, or swapped for an older copy."""
        path = self.state_path(bot)
        older = path.with_name("older-copy.sqlite3")
        roll = self.rng.random()
        if not path.exists():
            return
        if roll < 0.15 and path.stat().st_size:
            shutil.copyfile(path, older)  # kept for a later swap (a backup restored)
        elif roll < 0.25:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self.counts["state files deleted"] += 1
        elif roll < 0.32:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])
            Path(f"{path}-wal").unlink(missing_ok=True)
            self.counts["state files cut in half"] += 1
        elif roll < 0.42 and older.exists():
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(older, path)
            self.counts["state files swapped for an older copy"] += 1

    def life(self) -> None:
        """Both bots started, each killed at a random point of its work (after its first request)."""
        procs = {}
        for bot in self.bots:
            self.mess_with_state(bot)
            procs[bot] = self.start(bot)
        served = len(self.sb.requests())
        kill_at = {bot: self.rng.uniform(0.0, 10.0) for bot in self.bots}
        working: dict[str, float] = {}
        deadline = time.monotonic() + 30
        while procs and time.monotonic() < deadline:
            now = time.monotonic()
            if len(self.sb.requests()) > served:  # work has started (one of them asked Google)
                for bot in procs:
                    working.setdefault(bot, now)
            for bot in list(procs):
                proc = procs[bot]
                if proc.poll() is not None:  # exited by itself (a damaged state set aside): started again next life
                    del procs[bot]
                    self.counts["lives that ended by themselves (state set aside)"] += 1
                elif bot in working and now - working[bot] >= kill_at[bot]:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    del procs[bot]
                    self.counts["kill -9"] += 1
            time.sleep(0.02)
        for proc in procs.values():
            proc.kill()
            proc.wait()
            self.counts["kill -9"] += 1

    def run(self) -> dict[str, Any]:
        started = time.monotonic()
        self.add_interviews(4)
        self.sb.fail_rate = self.fail_rate
        i = 0
        while self.counts["kill -9"] < self.kills:
            self.weather(i)
            self.life()
            i += 1
            if any(self.drafting(bot) for bot in self.bots):
                self.counts["lives after which a follow-up was left mid-draft (DRAFTING)"] += 1
        faulty = self.sb.requests()
        self.counts["drafts made during the kill phase"] = len(self.sb.gmail.draft_messages())
        self.sb.fail_rate = 0.0
        if TEAM not in self.sb.calendar.calendars:
            self.sb.calendar.add_calendar(TEAM, "Team")
        final = self.finish()
        return self.report(faulty, final, time.monotonic() - started)

    def finish(self) -> float:
        """One last daemon, faults off, until every due thank-you is drafted; its run time."""
        due = max(self.interviews.values()) + AFTER
        while datetime.now(UTC) < due:
            time.sleep(0.2)
        start = time.monotonic()
        procs = {bot: self.start(bot) for bot in self.bots}
        try:
            deadline = start + 180
            while time.monotonic() < deadline and any(self.pending(bot) for bot in self.bots):
                for bot, proc in procs.items():
                    if proc.poll() is not None:  # a state file cut in half is set aside at the first start
                        procs[bot] = self.start(bot)
                time.sleep(0.5)
        finally:
            for proc in procs.values():
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)
        return time.monotonic() - start

    def _copy(self, bot: str) -> State | None:
        path = self.state_path(bot)
        try:
            return State.in_memory_copy(path) if path.exists() else None
        except BotError:
            return None  # damaged: the next start sets it aside

    def drafting(self, bot: str) -> int:
        """Follow-ups a kill left between 'about to create the draft' and 'recorded it'."""
        copy = self._copy(bot)
        if copy is None:
            return 0
        try:
            return sum(1 for fu in copy.follow_ups() if fu.status.value == "drafting")
        finally:
            copy.close()

    def pending(self, bot: str) -> int:
        """Thank-yous not yet drafted (or found), as this bot's state file has it."""
        copy = self._copy(bot)
        if copy is None:
            return len(self.interviews)
        try:
            done = sum(1 for fu in copy.follow_ups() if fu.kind.value == "thank_you" and fu.status.value == "drafted")
        finally:
            copy.close()
        return len(self.interviews) - done

    def report(self, faulty: list[dict[str, Any]], final_s: float, wall_s: float) -> dict[str, Any]:
        keys = Counter(str(m["X-Interview-Bot-Key"]) for m in self.sb.gmail.draft_messages().values())
        events = {e["iCalUID"]: e["id"] for e in self.sb.calendar.stored_events()}
        expected = {f"primary/{events[f'soak-{n}@soak.invalid']}#thank_you" for n in self.interviews}
        injected = Counter(r["status"] for r in faulty if r["status"] in (403, 429, 500, 503) and r["method_id"])
        out = {
            "kills": self.counts["kill -9"], "daemon_starts": self.counts["daemon starts"],
            "fail_rate": self.fail_rate, "requests_served": len(faulty),
            "injected_failures": {str(k): v for k, v in sorted(injected.items())},
            "interviews": len(self.interviews), "follow_ups_due": len(expected), "drafts": sum(keys.values()),
            "drafted_exactly_once": sum(1 for k in expected if keys[k] == 1),
            "duplicated": sorted(k for k, c in keys.items() if c > 1),
            "missing": sorted(k for k in expected if keys[k] == 0),
            "unexpected": sorted(k for k in keys if k not in expected),
            "drafts_made_during_kill_phase": self.counts["drafts made during the kill phase"],
            **{k: v for k, v in self.counts.items() if k not in ("kill -9", "daemon starts", "mail",
                                                                 "drafts made during the kill phase")},
            "final_clean_run_s": round(final_s, 1), "wall_s": round(wall_s, 1),
        }
        out["ok"] = not out["duplicated"] and not out["missing"] and not out["unexpected"]
        return out

    def close(self) -> None:
        self.log.close()
        self.sb.stop()


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/soak.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=100)
    p.add_argument("--fail-rate", type=float, default=0.3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", metavar="FILE")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        soak = Soak(Path(tmp), args.kills, args.fail_rate, args.seed)
        try:
            result = soak.run()
        finally:
            soak.close()
        if not result["ok"]:
            print((Path(tmp) / "daemon.log").read_text(errors="replace")[-4000:], file=sys.stderr)
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
