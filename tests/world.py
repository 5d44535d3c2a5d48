"""A test world: one sandbox account, one clock shared by Google and the bot, and the bot's config.

Events arrive through the real client (events.import for outside invitations), the bot
runs through the same build_engine as the CLI, and tests look at what the account holds.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from interview_bot.clock import FixedClock
from interview_bot.config.load import load_config
from interview_bot.google.retry import Retrier
from interview_bot.model import FollowUp, FollowUpKind
from interview_bot.runtime.engine import Engine, RunReport
from interview_bot.runtime.state import State
from interview_bot.runtime.wiring import build_engine
from interview_bot.sandbox.pytest_plugin import services_for
from interview_bot.sandbox.server import Sandbox

ME = "alex.morgan@gmail.com"
# A Tuesday morning, far from any clock change.
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def at(hours: float) -> datetime:
    """T0 plus some hours."""
    return T0 + timedelta(hours=hours)


def rfc3339(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def person(email: str, name: str = "", **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"email": email, "responseStatus": "accepted", **extra}
    if name:
        d["displayName"] = name
    return d


class World:
    """The sandbox, the shared clock, config and state of one user."""

    def __init__(self, sandbox: Sandbox, clock: FixedClock, tmp: Path, extra_config: str = "") -> None:
        self.sandbox = sandbox
        self.clock = clock
        self.services = services_for(sandbox)
        self.tmp = tmp
        self.config_path = tmp / "config.yaml"
        self.config_path.write_text(
            "me:\n  name: Alex Morgan\n"
            "timezone: Europe/London\ncountry: GB\n"
            f"google:\n  endpoint: {sandbox.url}\n"
            f"state: {tmp / 'state.sqlite3'}\n" + extra_config,
            encoding="utf-8",
        )
        self.cfg = load_config(self.config_path)
        self.state: State | None = None
        # The bot's pauses (retry backoff, the pause between attempts at a draft) are injected like
        # the clock: recorded here, never waited in real time. A test may set its own Retrier.
        self.pauses: list[float] = []
        self.retrier: Any = Retrier(sleep=self.pauses.append)
        self._n = 0

    # -- the bot --------------------------------------------------------------------------

    def engine(self) -> Engine:
        """A bot over the state file, as a fresh process would build it."""
        if self.state is None:
            self.state = State.open(Path(self.cfg.state))
        return build_engine(self.cfg, self.clock, self.state, services=tuple(self.services),  # type: ignore[arg-type]
                            retrier=self.retrier)

    def run(self, hours: float) -> RunReport:
        """`run --once --at T0+hours`."""
        self.clock.set(at(hours))
        return self.engine().run_once()

    def thank_yous(self) -> list[FollowUp]:
        assert self.state is not None
        return [f for f in self.state.follow_ups() if f.kind is FollowUpKind.THANK_YOU]

    def follow_ups(self, kind: FollowUpKind) -> list[FollowUp]:
        assert self.state is not None
        return [f for f in self.state.follow_ups() if f.kind is kind]

    def restart(self) -> None:
        """Close the state file, as a process exit would."""
        if self.state is not None:
            self.state.close()
            self.state = None

    # -- the account ------------------------------------------------------------------------

    def invite(self, summary: str, start_h: float, minutes: int = 60, *, organizer: dict[str, Any] | None = None,
               attendees: list[dict[str, Any]] | None = None, **extra: Any) -> str:
        """An invitation from outside on the primary calendar; returns the event id."""
        self._n += 1
        organizer = organizer or {"email": "priya.patel@initech.com", "displayName": "Priya Patel"}
        if attendees is None:
            attendees = [
                person(organizer["email"], organizer.get("displayName", ""), organizer=True),
                person("jane.roe@initech.com", "Jane Roe"),
                person(ME),
            ]
        start = at(start_h)
        body = {
            "summary": summary,
            "iCalUID": f"test-{self._n}@example.invalid",
            "start": {"dateTime": rfc3339(start), "timeZone": "Europe/London"},
            "end": {"dateTime": rfc3339(start + timedelta(minutes=minutes)), "timeZone": "Europe/London"},
            "organizer": organizer,
            "attendees": attendees,
            **extra,
        }
        created = self.services.calendar.events().import_(calendarId="primary", body=body).execute()
        return str(created["id"])

    def patch(self, event_id: str, **changes: Any) -> None:
        self.services.calendar.events().patch(calendarId="primary", eventId=event_id, body=changes).execute()

    def move(self, event_id: str, start_h: float, minutes: int = 60) -> None:
        start = at(start_h)
        self.patch(event_id, start={"dateTime": rfc3339(start), "timeZone": "Europe/London"},
                   end={"dateTime": rfc3339(start + timedelta(minutes=minutes)), "timeZone": "Europe/London"})

    def delete(self, event_id: str) -> None:
        self.services.calendar.events().delete(calendarId="primary", eventId=event_id).execute()

    def mail(self, sender: str, subject: str, hours: float, body: str = "Hello", to: str = ME,
             message_id: str = "", charset: str = "utf-8", subtype: str = "plain",
             labels: tuple[str, ...] = ("INBOX", "UNREAD"), **headers: str) -> dict[str, Any]:
        """A message arriving at T0+hours: in the inbox (or where `labels` say, e.g. SPAM), its body in `charset`.

        Headers Gmail adds on receipt (Authentication-Results) are passed in as Gmail would store them."""
        m = EmailMessage()
        m["From"] = sender
        m["To"] = to
        m["Subject"] = subject
        m["Date"] = format_datetime(at(hours))
        m["Message-ID"] = message_id or f"<m{abs(hash((sender, subject, hours)))}@mail.example.com>"
        for k, v in headers.items():
            m[k.replace("_", "-")] = v
        m.set_content(body, subtype=subtype, charset=charset)
        raw = base64.urlsafe_b64encode(m.as_bytes()).decode("ascii")
        return dict(self.services.gmail.users().messages().import_(
            userId="me", body={"raw": raw, "labelIds": list(labels)}, internalDateSource="dateHeader"
        ).execute())

    def drafts(self) -> dict[str, EmailMessage]:
        """The account's drafts by draft id, parsed."""
        return self.sandbox.gmail.draft_messages()

    def draft_list(self) -> list[dict[str, Any]]:
        listing = self.services.gmail.users().drafts().list(userId="me").execute()
        return list(listing.get("drafts", []))
