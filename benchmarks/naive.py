"""The naive way, for comparison: re-read everything at every poll.

At each poll this client lists every event in its window (timeMin..timeMax, singleEvents, all
pages), picks out the interviews with the bot's own detector, and for each interview it knows
runs one Gmail search for the company's mail and reads each hit's headers (messages.get
format=metadata). It keeps no sync token and no history id, so a poll costs the same whether
or not anything changed, and grows with the calendar and with the company mail found.

It drafts a follow-up with one drafts.create in the thread its search found (a feedback
request reads the rejection's body first, as the bot does). It writes simple drafts, not the
bot's templates: only its requests and its CPU time are compared.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from interview_bot.google.calendar import LIST_FIELDS, parse_event
from interview_bot.google.gmail import METADATA_HEADERS, parse_message
from interview_bot.model import Interview, MailMessage
from interview_bot.planning.mailthread import company_query
from interview_bot.reading.detect import DEFAULT_RULES, classify


@dataclass
class NaiveClient:
    """A poller with no incremental state: what the bot would cost without sync tokens and history."""

    calendar: Any  # googleapiclient Resources, built as the bot builds them
    gmail: Any
    me: str
    tz: Any
    before: timedelta = timedelta(days=30)  # the window: the same lookback as the bot's full sync
    ahead: timedelta = timedelta(days=60)
    interviews: dict[str, Interview] = field(default_factory=dict)
    mail: dict[str, list[MailMessage]] = field(default_factory=dict)  # interview id -> company mail

    def poll(self, now: datetime) -> None:
        """List the whole window, then search each known interview's company mail."""
        page_token = None
        while True:
            page = self.calendar.events().list(
                calendarId="primary", singleEvents=True, maxResults=250, pageToken=page_token, fields=LIST_FIELDS,
                timeMin=_rfc3339(now - self.before), timeMax=_rfc3339(now + self.ahead),
            ).execute(num_retries=0)
            for item in page.get("items", []):
                iv = classify(parse_event(item, "primary", self.tz), frozenset({self.me}), DEFAULT_RULES,
                              self.tz.key).interview
                if iv is not None:
                    self.interviews[iv.id] = iv
            page_token = page.get("nextPageToken")
            if not page_token:
                break
        for iv in self.interviews.values():
            query = company_query(iv, frozenset({self.me}))
            listing = self.gmail.users().messages().list(userId="me", q=query, maxResults=50,
                                                         fields="messages(id,threadId)").execute(num_retries=0)
            self.mail[iv.id] = [self._headers(m["id"]) for m in listing.get("messages", [])]

    def draft(self, iv: Interview, kind: str) -> str:
        """One follow-up draft for `iv` in the thread its last search found; returns the draft id."""
        found = self.mail.get(iv.id) or []
        if kind == "feedback_request" and found:
            self.gmail.users().messages().get(userId="me", id=found[0].id, format="full",
                                              fields="payload").execute(num_retries=0)
        msg = EmailMessage()
        msg["To"] = ", ".join(p.email for p in iv.interviewers)
        msg["Subject"] = f"{kind.replace('_', ' ')}: {iv.title}"
        msg.set_content("Thank you.")
        message: dict[str, Any] = {"raw": base64.urlsafe_b64encode(msg.as_bytes()).decode("ascii")}
        if found:
            message["threadId"] = found[0].thread_id
        draft = self.gmail.users().drafts().create(userId="me", body={"message": message}).execute(num_retries=0)
        return str(draft["id"])

    def _headers(self, message_id: str) -> MailMessage:
        item = self.gmail.users().messages().get(
            userId="me", id=message_id, format="metadata", metadataHeaders=METADATA_HEADERS,
            fields="id,threadId,labelIds,internalDate,payload/headers",
        ).execute(num_retries=0)
        return parse_message(item)


def _rfc3339(dt: datetime) -> str:
    return dt.isoformat().replace("+00:00", "Z")
