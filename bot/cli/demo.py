"""`interview-bot demo`: the bot's main job on the embedded sandbox, with bundled sample data.

Starts the sandbox in-process, fills it through the real Google client with a few
interviews (some over, one ahead), a recruiter's email and some events that are not
interviews, then runs the bot twice: now, and a day later. Prints each draft as Gmail
holds it. No Google account is touched.
"""

from __future__ import annotations

import base64
import email
import email.policy
import tempfile
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bot.clock import FixedClock


def _sample() -> dict[str, Any]:
    text = resources.files("bot.cli").joinpath("demo_data/sample.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def seed(calendar: Any, gmail: Any, sample: dict[str, Any], anchor: datetime) -> None:
    """Put the sample's events and messages into the account, through the API like any client."""
    for n, ev in enumerate(sample["events"]):
        start = anchor + timedelta(hours=ev["start"])
        body: dict[str, Any] = {
            "summary": ev["summary"],
            "start": {"dateTime": _rfc3339(start), "timeZone": sample["timezone"]},
            "end": {"dateTime": _rfc3339(start + timedelta(hours=ev["hours"])), "timeZone": sample["timezone"]},
        }
        for key in ("description", "location", "attendees", "organizer"):
            if key in ev:
                body[key] = ev[key]
        if ev.get("own"):
            calendar.events().insert(calendarId="primary", body=body).execute()
        else:  # an invitation from outside: organizer and attendees kept as given
            body["iCalUID"] = f"demo-{n}@sample.invalid"
            calendar.events().import_(calendarId="primary", body=body).execute()
    deliver(gmail, sample["messages"], anchor)


def deliver(gmail: Any, messages: list[dict[str, Any]], anchor: datetime) -> None:
    """Mail arriving in the inbox, dated relative to the anchor."""
    for msg in messages:
        m = EmailMessage()
        m["From"] = msg["from"]
        m["To"] = msg["to"]
        m["Subject"] = msg["subject"]
        m["Date"] = format_datetime(anchor + timedelta(hours=msg["at"]))
        m["Message-ID"] = make_msgid(domain=msg["from"].rsplit("@", 1)[-1].rstrip(">"))
        m.set_content(msg["body"])
        raw = base64.urlsafe_b64encode(m.as_bytes()).decode("ascii")
        gmail.users().messages().import_(
            userId="me", body={"raw": raw, "labelIds": ["INBOX", "UNREAD"]}, internalDateSource="dateHeader"
        ).execute()


def _print_drafts(gmail: Any, seen: set[str]) -> int:
    """Print the drafts in the account not printed before; returns how many."""
    count = 0
    for d in gmail.users().drafts().list(userId="me").execute().get("drafts", []):
        if d["id"] in seen:
            continue
        seen.add(d["id"])
        count += 1
        draft = gmail.users().drafts().get(userId="me", id=d["id"], format="raw").execute()
        msg = email.message_from_bytes(base64.urlsafe_b64decode(draft["message"]["raw"]), policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        threaded = "a reply in their thread" if msg["In-Reply-To"] else "new thread"
        print(f"  To:      {msg['To']}")
        print(f"  Subject: {msg['Subject']}   ({threaded})")
        for line in text.strip().splitlines()[:7]:
            print(f"  | {line}".rstrip())
        print("  | ...\n")
    return count


def run_demo() -> int:
    """Run the demo; exit code 0 when the bot did its job."""
    from bot.config.load import load_config
    from bot.google.services import build_service
    from bot.runtime.state import State
    from bot.runtime.wiring import build_engine
    from bot.sandbox.server import Sandbox

    sample = _sample()
    anchor = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    with tempfile.TemporaryDirectory(prefix="interview-bot-demo-") as tmp, Sandbox(email=sample["account"]) as sb:
        calendar = build_service("calendar", sb.url)
        gmail = build_service("gmail", sb.url)
        seed(calendar, gmail, sample, anchor)
        config_file = Path(tmp) / "config.yaml"
        config_file.write_text(
            f"me:\n  name: {sample['me']}\n"
            f"timezone: {sample['timezone']}\ncountry: GB\n"
            f"google:\n  endpoint: {sb.url}\n"
            f"state: {Path(tmp) / 'state.sqlite3'}\n",
            encoding="utf-8",
        )
        cfg = load_config(config_file)
        print(f"Sandbox at {sb.url} with {len(sample['events'])} calendar events and "
              f"{len(sample['messages'])} emails for {sample['me']} <{sample['account']}>.\n")
        state = State.open(Path(cfg.state))
        seen: set[str] = set()
        total = 0
        try:
            clock = FixedClock(anchor)
            engine = build_engine(cfg, clock, state, services=(calendar, gmail))
            for label, at in (("Now", anchor), ("Four days later", anchor + timedelta(days=4))):
                clock.set(at)
                report = engine.run_once()
                local = at.astimezone(cfg.tz).strftime("%a %d %b %H:%M %Z")
                print(f"== {label} ({local}): {len(report.drafted)} new drafts")
                total += _print_drafts(gmail, seen)
                if at == anchor:
                    deliver(gmail, sample["later_messages"], anchor)
                    print("   (meanwhile Hooli answers: a polite no)\n")
            print("== Status")
            from bot.cli.status import status_json, status_text
            from bot.runtime.wiring import settings_from_config

            print(status_text(status_json(state, settings_from_config(cfg), clock.now()), cfg.tz))
        finally:
            state.close()
        print(f"\n{total} drafts are waiting in the sandbox's Gmail; nothing was sent. Events that are not "
              "interviews (a dentist, a mock interview) were left alone, and so was the one you declined.")
    return 0 if total else 1
