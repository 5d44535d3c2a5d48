"""What drafting costs in memory and start-up: Babel, nameparser, the templates and the language detector.

    python benchmarks/drafts.py

Each step runs in this one process, in the order the daemon meets them, and prints the resident
memory it added (VmRSS, Linux). `benchmarks/run.py` measures the daemon's peak as a whole; this
says where it goes. Then `interview-bot --help`'s wall time, best of five.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def draft(language: str) -> None:
    from interview_bot.model import FollowUp, FollowUpKind, Interview, Person
    from interview_bot.writing.compose import Templates, compose
    from interview_bot.writing.voice import Voice

    start = datetime(2026, 12, 1, 10, tzinfo=UTC)
    people = (Person("jane@corvid.example", "Dr. Jane Smith"),)
    iv = Interview(id="c/e", calendar_id="c", event_id="e", title="Interview", company="Corvid", role="Analyst",
                   start=start, end=start + timedelta(hours=1), time_zone="UTC", interviewers=people)
    fu = FollowUp("c/e#thank_you", "c/e", FollowUpKind.THANK_YOU, start, people)
    compose(fu, iv, Person("me@example.com", "Me"), None, Templates(None), ZoneInfo("Europe/London"),
            start + timedelta(hours=2), voice=Voice(language, "en_GB"))


def main() -> None:
    steps = [
        ("the engine's imports", lambda: __import__("interview_bot.runtime.engine")),
        ("googleapiclient", lambda: __import__("googleapiclient.discovery")),
        ("one English draft (Babel, nameparser, templates)", lambda: draft("en")),
        ("drafts in the six other languages", lambda: [draft(lang) for lang in ("de", "fr", "es", "it", "pt", "nl")]),
        ("the language detector, first use", lambda: __import__("interview_bot.reading.language", fromlist=["x"])
         .detect_language("Vorstellungsgespräch: Data Analyst bei Corvid")),
    ]
    before = rss_mb()
    print(f"{'start':<52} {before:6.1f} MB")
    for name, step in steps:
        step()
        now = rss_mb()
        print(f"{name:<52} {now:6.1f} MB  (+{now - before:.1f})")
        before = now
    best = min(_timed([sys.executable, "-m", "interview_bot", "--help"]) for _ in range(5))
    print(f"{'interview-bot --help, best of 5':<52} {best:6.2f} s")


def _timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
