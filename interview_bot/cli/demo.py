"""Trying it out without a Google account: `interview-bot demo` and `interview-bot sandbox`.

The demo starts the sandbox in-process on a clock of its own, fills it through the real Google
client with one realistic week (interviews, some over and one ahead, a recruiter's email, and
events that are not interviews), runs the bot on Wednesday afternoon, Thursday evening and the
next Monday, and prints each draft as Gmail holds it. `--keep DIR` leaves the drafts as .eml
files and the account as a state file the sandbox can serve again.
"""

from __future__ import annotations

import argparse
import base64
import email
import email.policy
import re
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from interview_bot.cli.registry import TRYING, arg, command, plural
from interview_bot.clock import FixedClock
from interview_bot.errors import BotError
from interview_bot.sandbox.arguments import add_arguments as add_sandbox_arguments

KEPT_PORT = 8765  # the kept config points at `interview-bot sandbox`'s default port


def _sample() -> dict[str, Any]:
    text = resources.files("interview_bot.cli").joinpath("demo_data/sample.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _when(value: Any, tz: ZoneInfo) -> datetime:
    """A sample time ("2026-03-10 14:00", the account's wall time) as an aware datetime."""
    return datetime.fromisoformat(str(value)).replace(tzinfo=tz)


def _rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def seed(calendar: Any, gmail: Any, sample: dict[str, Any]) -> None:
    """Put the sample's events and messages into the account, through the API like any client."""
    tz = ZoneInfo(sample["timezone"])
    for n, ev in enumerate(sample["events"]):
        start = _when(ev["start"], tz)
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
    deliver(gmail, sample["messages"], tz)


def deliver(gmail: Any, messages: list[dict[str, Any]], tz: ZoneInfo) -> None:
    """Mail arriving in the inbox, dated as the sample says."""
    for msg in messages:
        m = EmailMessage()
        m["From"] = msg["from"]
        m["To"] = msg["to"]
        m["Subject"] = msg["subject"]
        m["Date"] = format_datetime(_when(msg["at"], tz))
        m["Message-ID"] = make_msgid(domain=msg["from"].rsplit("@", 1)[-1].rstrip(">"))
        m.set_content(msg["body"])
        raw = base64.urlsafe_b64encode(m.as_bytes()).decode("ascii")
        gmail.users().messages().import_(
            userId="me", body={"raw": raw, "labelIds": ["INBOX", "UNREAD"]}, internalDateSource="dateHeader"
        ).execute()


def _drafts(gmail: Any, seen: set[str]) -> list[bytes]:
    """The raw messages of the drafts in the account not seen before, in Gmail's order."""
    found = []
    for d in gmail.users().drafts().list(userId="me").execute().get("drafts", []):
        if d["id"] not in seen:
            seen.add(d["id"])
            draft = gmail.users().drafts().get(userId="me", id=d["id"], format="raw").execute()
            found.append(base64.urlsafe_b64decode(draft["message"]["raw"]))
    return found


def _show(raw: bytes) -> None:
    """A draft in full, as Gmail would open it, each line fitted to the terminal."""
    from interview_bot.cli.common import fit

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    threaded = "a reply in their thread" if msg["In-Reply-To"] else "new thread"
    print(fit(f"  To:      {msg['To']}", hang=11))
    print(fit(f"  Subject: {msg['Subject']}   ({threaded})", hang=11))
    for line in text.strip().splitlines():
        print(fit(f"  | {line}".rstrip(), hang=4).replace("\n    ", "\n  | "))
    print()


def _eml_name(n: int, raw: bytes) -> str:
    subject = str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"] or "draft")
    slug = re.sub(r"[^a-z0-9]+", "-", subject.lower()).strip("-")[:60] or "draft"
    return f"{n:02d}-{slug}.eml"


def _keep_folder(value: str) -> Path:
    if not value.strip():
        raise BotError("--keep needs a folder", hint="interview-bot demo --keep demo-drafts")
    folder = Path(value).expanduser()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BotError(f"{folder} is not an empty folder", hint="give --keep a new or empty folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BotError(f"cannot make the folder {folder}: {e.strerror or e}", hint="give --keep another folder") \
            from None
    return folder


def _config_text(sample: dict[str, Any], endpoint: str, state: Path) -> str:
    return (f"me:\n  name: {sample['me']}\n  email: {sample['account']}\n"
            f"timezone: {sample['timezone']}\ncountry: GB\n"
            f"google:\n  endpoint: {endpoint}\n"
            f"state: {state}\n")


def run_demo(keep: str | None = None) -> int:
    """Run the demo; exit status 0 when the bot did its job."""
    from interview_bot.cli.common import fit, when
    from interview_bot.cli.status import status_json, status_text
    from interview_bot.config.load import load_config
    from interview_bot.google.services import build_service
    from interview_bot.model import FollowUpKind
    from interview_bot.runtime.state import State
    from interview_bot.runtime.wiring import build_engine, settings_from_config
    from interview_bot.sandbox.server import Sandbox

    kept = _keep_folder(keep) if keep is not None else None
    sample = _sample()
    tz = ZoneInfo(sample["timezone"])
    clock = FixedClock(_when(sample["now"], tz))
    drafts: list[bytes] = []
    with tempfile.TemporaryDirectory(prefix="interview-bot-demo-") as tmp, \
            Sandbox(email=sample["account"], clock=clock) as sb:
        calendar = build_service("calendar", sb.url)
        gmail = build_service("gmail", sb.url)
        seed(calendar, gmail, sample)
        config_file = Path(tmp) / "config.yaml"
        state_file = Path(tmp) / "state.sqlite3"
        config_file.write_text(_config_text(sample, sb.url, state_file), encoding="utf-8")
        cfg = load_config(config_file)
        print(f"A sandbox at {sb.url}, standing in for Google, with")
        print(fit(f"{plural(len(sample['events']), 'calendar event')} and {plural(len(sample['messages']), 'email')} "
                  f"for {sample['me']} <{sample['account']}>.\n"))
        state = State.open(state_file)
        seen: set[str] = set()
        try:
            engine = build_engine(cfg, clock, state, services=(calendar, gmail))
            steps = (("Wednesday afternoon", sample["now"]), ("Thursday evening", sample["evening"]),
                     ("The next Monday", sample["later"]))
            for label, at in steps:
                clock.set(_when(at, tz))
                report = engine.run_once()
                print(f"== {label} ({when(clock.now(), tz)}): {plural(len(report.drafted), 'new draft')}")
                checks = [fu for fu, _, _ in report.drafted if fu.kind is FollowUpKind.STATUS_CHECK]
                if checks:
                    print("   (a decision date they promised passed in silence: time for a status check)")
                new = _drafts(gmail, seen)
                for raw in new:
                    _show(raw)
                drafts += new
                if at == sample["now"]:
                    deliver(gmail, sample["later_messages"], tz)
                    print("   (meanwhile Hooli answers: a polite no)\n")
            print("== Status, as `interview-bot status` shows it (a link opens its draft in Gmail)")
            print(fit(status_text(status_json(state, settings_from_config(cfg), clock.now()), cfg.tz)))
        finally:
            state.close()
        print(fit(f"\n{plural(len(drafts), 'draft is', 'drafts are')} waiting in the sandbox's Gmail; nothing "
                  "was sent. Events that are not interviews (a dentist, a mock interview) were left alone, and so "
                  "was the one you declined.", hang=0))
        if kept is not None:
            _keep(kept, sample, sb, drafts, state_file)
    print("\nNext, for your own account:")
    print("  interview-bot init      write your config.yaml (name, email, time zone)")
    print("  interview-bot auth      sign in to Google once")
    print("  interview-bot doctor    check that everything is in place")
    return 0 if drafts else 1


def _keep(folder: Path, sample: dict[str, Any], sb: Any, drafts: list[bytes], state_file: Path) -> None:
    """The drafts as .eml files, the account as a sandbox state file, and a config to look at both."""
    for n, raw in enumerate(drafts, 1):
        (folder / _eml_name(n, raw)).write_bytes(raw)
    sb.save(str(folder / "sandbox.json"))
    shutil.copyfile(state_file, folder / "state.sqlite3")
    config = folder / "config.yaml"
    config.write_text(_config_text(sample, f"http://127.0.0.1:{KEPT_PORT}", (folder / "state.sqlite3").resolve()),
                      encoding="utf-8")
    print(f"\nKept in {folder}: {plural(len(drafts), 'draft')} as .eml files (a mail client opens them), "
          "the sandbox's account (sandbox.json), and the bot's config and state. To look around:")
    print(f"  interview-bot sandbox --state {folder / 'sandbox.json'}      # in one terminal")
    print(f"  interview-bot --config {config} status       # in another")


@command(
    "demo", group=TRYING, summary="run the bot on a built-in sandbox with sample data; no Google account needed",
    description="Starts a private sandbox (a stand-in for Google Calendar and Gmail) with one made-up week: "
    "interviews with four companies, a recruiter's email, a dentist appointment and a mock interview. The bot "
    "runs on Wednesday afternoon, Thursday evening and the next Monday (after one company has said no), and "
    "each draft it makes is printed. Nothing leaves this computer. With --keep DIR the drafts are saved as .eml files, and "
    "the account as a file `interview-bot sandbox --state` can serve again.",
    examples=["interview-bot demo", "interview-bot demo --keep demo-drafts"],
    arguments=[arg("--keep", metavar="DIR", help="save the drafts (.eml), the sandbox's account and the bot's state "
                   "in this new or empty folder")],
)
def cmd_demo(args: argparse.Namespace) -> int:
    return run_demo(args.keep)


@command(
    "sandbox", group=TRYING, summary="serve a local stand-in for Google Calendar and Gmail",
    description="Serves Google Calendar v3 and Gmail v1 for one made-up account on 127.0.0.1 and prints the "
    "base URL. Point `google.endpoint` in a config at it and the bot talks to it with no sign-in. It answers "
    "like Google, errors included. With --state the account's data is kept in a JSON file between runs (the "
    "file `demo --keep` writes can be served again). Stop it with Ctrl-C or SIGTERM.",
    examples=["interview-bot sandbox --port 8765 --state sandbox.json",
              "interview-bot sandbox --fail-rate 0.2 --seed 7"],
    add_arguments=add_sandbox_arguments,
)
def cmd_sandbox(args: argparse.Namespace) -> int:
    from interview_bot.sandbox.server import serve_forever_cli

    return serve_forever_cli(args.port, args.email, args.state, args.fail_rate, args.seed)
