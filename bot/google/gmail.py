"""Gmail adapter: narrow metadata searches, threads and drafts, returning our values."""

from __future__ import annotations

import base64
import logging
from datetime import datetime, timezone
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from bot.google.retry import Retrier
from bot.model import MailMessage, Person

log = logging.getLogger(__name__)

BOT_KEY_HEADER = "X-Interview-Bot-Key"
METADATA_HEADERS = ["From", "To", "Cc", "Subject", "Date", "Message-ID", "References", "In-Reply-To", BOT_KEY_HEADER]


def _people(value: str) -> tuple[Person, ...]:
    return tuple(Person(addr, name) for name, addr in getaddresses([value]) if addr and "@" in addr)


def parse_message(item: dict[str, Any]) -> MailMessage:
    """A Gmail message resource (format=metadata or full) as our MailMessage; headers only."""
    headers: dict[str, str] = {}
    for h in (item.get("payload") or {}).get("headers") or []:
        name = str(h.get("name", "")).lower()
        if name and name not in headers:
            headers[name] = str(h.get("value", ""))
    date = None
    if item.get("internalDate"):
        date = datetime.fromtimestamp(int(item["internalDate"]) / 1000, tz=timezone.utc)
    elif headers.get("date"):
        try:
            date = parsedate_to_datetime(headers["date"])
        except (TypeError, ValueError):
            date = None
    senders = _people(headers.get("from", ""))
    return MailMessage(
        id=str(item["id"]),
        thread_id=str(item.get("threadId", "")),
        message_id=headers.get("message-id", "").strip(),
        subject=headers.get("subject", ""),
        sender=senders[0] if senders else None,
        to=_people(headers.get("to", "")),
        cc=_people(headers.get("cc", "")),
        date=date,
        references=headers.get("references", "").strip(),
        in_reply_to=headers.get("in-reply-to", "").strip(),
        label_ids=tuple(item.get("labelIds") or ()),
        headers=headers,
    )


class GoogleGmail:
    """Reads message metadata and makes drafts. Never sends."""

    def __init__(self, service: Any, retrier: Retrier) -> None:
        self._service = service
        self._retrier = retrier

    def profile_email(self) -> str:
        """The account's address."""
        profile = self._retrier.execute(
            self._service.users().getProfile(userId="me", fields="emailAddress"), "reading the Gmail profile"
        )
        return str(profile["emailAddress"])

    def search(self, query: str, limit: int = 20) -> list[MailMessage]:
        """Messages matching a Gmail search, newest first, as metadata (no bodies)."""
        listing = self._retrier.execute(
            self._service.users().messages().list(userId="me", q=query, maxResults=limit, fields="messages(id,threadId)"),
            "searching Gmail",
        )
        return [self.message(m["id"]) for m in listing.get("messages", [])]

    def message(self, message_id: str) -> MailMessage:
        item = self._retrier.execute(
            self._service.users().messages().get(
                userId="me", id=message_id, format="metadata", metadataHeaders=METADATA_HEADERS,
                fields="id,threadId,labelIds,internalDate,payload/headers",
            ),
            "reading a message's headers",
        )
        return parse_message(item)

    def thread(self, thread_id: str) -> list[MailMessage]:
        """A thread's messages, oldest first, as metadata."""
        item = self._retrier.execute(
            self._service.users().threads().get(
                userId="me", id=thread_id, format="metadata", metadataHeaders=METADATA_HEADERS,
                fields="id,messages(id,threadId,labelIds,internalDate,payload/headers)",
            ),
            "reading a thread",
        )
        return [parse_message(m) for m in item.get("messages", [])]

    def create_draft(self, raw: bytes, thread_id: str = "") -> tuple[str, str]:
        """Create a draft from RFC 822 bytes; returns (draft id, thread id)."""
        message: dict[str, Any] = {"raw": base64.urlsafe_b64encode(raw).decode("ascii")}
        if thread_id:
            message["threadId"] = thread_id
        draft = self._retrier.execute(
            self._service.users().drafts().create(userId="me", body={"message": message}),
            "creating a draft",
            idempotent=False,
        )
        return str(draft["id"]), str(draft.get("message", {}).get("threadId", ""))

    def find_bot_mail(self, bot_key: str, recipient: str) -> tuple[str, str, str] | None:
        """A draft or sent message we made for this follow-up: (draft id or "", thread id, "draft"|"sent").

        Used after a crash between creating a draft and recording it, so it is not made twice.
        """
        for where in ("drafts", "sent"):
            for msg in self.search(f"in:{where} to:{recipient}", limit=50):
                if msg.headers.get(BOT_KEY_HEADER.lower(), "").strip() == bot_key:
                    draft_id = self._draft_id_for(msg.id) if where == "drafts" else ""
                    return draft_id, msg.thread_id, where.rstrip("s")
        return None

    def _draft_id_for(self, message_id: str) -> str:
        page_token = None
        while True:
            listing = self._retrier.execute(
                self._service.users().drafts().list(userId="me", maxResults=100, pageToken=page_token),
                "listing drafts",
            )
            for d in listing.get("drafts", []):
                if d.get("message", {}).get("id") == message_id:
                    return str(d["id"])
            page_token = listing.get("nextPageToken")
            if not page_token:
                return ""
