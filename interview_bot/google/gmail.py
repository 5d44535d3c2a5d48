"""Gmail adapter: narrow metadata searches, threads and drafts, returning our values."""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from interview_bot.errors import GoogleApiError
from interview_bot.google.retry import Retrier
from interview_bot.model import BotMail, MailMessage, MailPart, MailPlace, Person

log = logging.getLogger(__name__)

BOT_KEY_HEADER = "X-Interview-Bot-Key"
METADATA_HEADERS = [
    "From", "To", "Cc", "Subject", "Date", "Message-ID", "References", "In-Reply-To", BOT_KEY_HEADER,
    # What tells an auto-reply, a bounce or a calendar notification from a person's answer.
    "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence", "X-Auto-Response-Suppress",
    "Content-Type", "Return-Path", "Sender",
    # Gmail's verdict on SPF, DKIM and DMARC (it adds this header on receipt), and who a bounce failed.
    "Authentication-Results", "X-Failed-Recipients",
]


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
        date = datetime.fromtimestamp(int(item["internalDate"]) / 1000, tz=UTC)
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


_WANTED = frozenset(h.lower() for h in METADATA_HEADERS)


class HistoryExpired(Exception):
    """Gmail no longer has history that far back (404): a full resync is needed."""


def _parts(payload: dict[str, Any]) -> tuple[MailPart, ...]:
    """The leaf parts of a message payload (format=full) with their bytes, for interview_bot.reading.mailbody to decode.

    Gmail undoes the transfer encoding but not the charset, so each part keeps its own
    Content-Type header. Attachments come without data (only an attachment id): never fetched.
    """
    out: list[MailPart] = []

    def walk(part: dict[str, Any], inside: bool, depth: int) -> None:
        if depth > 20:
            return
        mime = str(part.get("mimeType", ""))
        subparts = part.get("parts") or []
        if subparts:
            for sub in subparts:
                walk(sub, inside or mime.startswith("message/"), depth + 1)
            return
        headers = {str(h.get("name", "")).lower(): str(h.get("value", "")) for h in part.get("headers") or []}
        data = (part.get("body") or {}).get("data") or ""
        raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)) if data else b""
        content_type = headers.get("content-type") or mime
        out.append(MailPart(content_type, raw, str(part.get("filename") or ""), inside))

    walk(payload, False, 0)
    return tuple(out)


class GoogleGmail:
    """Reads message metadata and makes drafts. Never sends."""

    def __init__(self, service: Any, retrier: Retrier) -> None:
        self._retrier = retrier
        # Built once: each call of service.users() makes a new Resource full of reference
        # cycles, which a daemon polling all day would leave for the garbage collector.
        self._users = service.users()
        self._messages = self._users.messages()
        self._threads = self._users.threads()
        self._drafts = self._users.drafts()
        self._history = self._users.history()

    def stop_point(self) -> None:
        """Raise Stopping if the daemon was asked to stop (for readers' long loops between requests)."""
        self._retrier.check_stop()

    def _unless_gone(self, request: Any, what: str) -> Any:
        """The request's answer ("" for a delete), or None when Gmail answers 404: it is gone."""
        try:
            return self._retrier.execute(request, what)
        except GoogleApiError as e:
            if e.status == 404:
                return None
            raise

    def profile_email(self) -> str:
        """The account's address."""
        profile = self._retrier.execute(
            self._users.getProfile(userId="me", fields="emailAddress"), "reading the Gmail profile"
        )
        return str(profile["emailAddress"])

    def signature(self, email: str) -> str:
        """The Gmail signature (HTML) of the send-as address `email`, else of the default one; "" if none.

        users.settings.sendAs.list, allowed under gmail.readonly: asked once per run (runtime.voices)."""
        listed = self._retrier.execute(
            self._users.settings().sendAs().list(userId="me", fields="sendAs(sendAsEmail,isDefault,isPrimary,signature)"),
            "reading your Gmail signature",
        )
        aliases = [a for a in listed.get("sendAs", []) if isinstance(a, dict)]
        chosen = (next((a for a in aliases if str(a.get("sendAsEmail", "")).lower() == email.lower()), None)
                  or next((a for a in aliases if a.get("isDefault")), None)
                  or next((a for a in aliases if a.get("isPrimary")), None))
        return str(chosen.get("signature", "")) if chosen else ""

    def history_id(self) -> str:
        """The mailbox's current history id: where incremental reading starts."""
        profile = self._retrier.execute(
            self._users.getProfile(userId="me", fields="historyId"), "reading the Gmail profile"
        )
        return str(profile["historyId"])

    def history_since(self, history_id: str) -> tuple[list[str], list[str], str]:
        """(messages that arrived, the user's own drafts and sent messages, next history id) since history_id.

        The second list lets the bot notice drafts it did not make itself (another copy of the bot
        on the same account). Raises HistoryExpired when Gmail answers 404 (the id is too old).
        """
        ids: list[str] = []
        own: list[str] = []
        page_token = None
        latest = history_id
        while True:
            page = self._unless_gone(
                self._history.list(
                    userId="me", startHistoryId=history_id, historyTypes=["messageAdded"],
                    maxResults=500, pageToken=page_token,
                    fields="history(messagesAdded(message(id,labelIds))),historyId,nextPageToken",
                ),
                "reading Gmail history",
            )
            if page is None:
                raise HistoryExpired(f"Gmail no longer has the history since {history_id} (404)")
            for record in page.get("history", []):
                for added in record.get("messagesAdded", []):
                    msg = added.get("message", {})
                    labels = msg.get("labelIds") or []
                    # Drafts and sent mail are the user's own; only what arrives can be a reply.
                    if msg.get("id") and "DRAFT" not in labels and "SENT" not in labels and msg["id"] not in ids:
                        ids.append(str(msg["id"]))
                    elif msg.get("id") and msg["id"] not in own and ("DRAFT" in labels or "SENT" in labels):
                        own.append(str(msg["id"]))
            latest = str(page.get("historyId") or latest)
            page_token = page.get("nextPageToken")
            if not page_token:
                return ids, own, latest

    def body(self, message_id: str) -> tuple[MailPart, ...]:
        """A message's parts, for reading mail from the company (fetched only for that)."""
        item = self._retrier.execute(
            self._messages.get(userId="me", id=message_id, format="full",
                                                 fields="payload"),
            "reading a message",
        )
        return _parts(item.get("payload") or {})

    def delete_draft(self, draft_id: str) -> bool:
        """Delete a draft; False when it is already gone (sent or deleted by the user)."""
        return self._unless_gone(self._drafts.delete(userId="me", id=draft_id), "deleting a stale draft") is not None

    def draft_exists(self, draft_id: str) -> bool:
        """Whether a draft is still waiting (not sent, not deleted)."""
        return self._unless_gone(self._drafts.get(userId="me", id=draft_id, format="minimal"), "checking a draft") is not None

    def _hits(self, query: str, limit: int) -> list[dict[str, str]]:
        """Ids and thread ids of the messages a search finds, newest first."""
        listing = self._retrier.execute(
            self._messages.list(userId="me", q=query, maxResults=limit, fields="messages(id,threadId)"),
            "searching Gmail",
        )
        return list(listing.get("messages", []))

    def search_read(self, query: str, limit: int = 50) -> list[tuple[MailMessage, tuple[MailPart, ...]]]:
        """Messages matching a search, each with its parts, oldest first.

        For a search whose hits are all read anyway (a new process's company mail): one
        threads.get (format=full) per thread found, rather than a headers read and a body read
        per message. Only the hits themselves are returned.
        """
        found = self._hits(query, limit)
        hits = {m["id"] for m in found}
        threads = list(dict.fromkeys(m["threadId"] for m in found))
        out = []
        for thread_id in threads:
            thread = self._unless_gone(
                self._threads.get(
                    userId="me", id=thread_id, format="full",
                    fields="messages(id,threadId,labelIds,internalDate,payload)",
                ),
                "reading a thread",
            )
            if thread is None:
                continue  # deleted between the search and the read
            for item in thread.get("messages", []):
                if item.get("id") not in hits:
                    continue
                payload = item.get("payload") or {}
                headers = [h for h in payload.get("headers") or [] if str(h.get("name", "")).lower() in _WANTED]
                out.append((parse_message({**item, "payload": {"headers": headers}}), _parts(payload)))
        return out

    def message(self, message_id: str) -> MailMessage:
        item = self._retrier.execute(
            self._messages.get(
                userId="me", id=message_id, format="metadata", metadataHeaders=METADATA_HEADERS,
                fields="id,threadId,labelIds,internalDate,payload/headers",
            ),
            "reading a message's headers",
        )
        return parse_message(item)

    def thread(self, thread_id: str) -> list[MailMessage]:
        """A thread's messages, oldest first, as metadata; none when it is gone (its only draft deleted)."""
        item = self._unless_gone(
            self._threads.get(
                userId="me", id=thread_id, format="metadata", metadataHeaders=METADATA_HEADERS,
                fields="id,messages(id,threadId,labelIds,internalDate,payload/headers)",
            ),
            "reading a thread",
        )
        return [parse_message(m) for m in item.get("messages", [])] if item is not None else []

    def create_draft(self, raw: bytes, thread_id: str = "") -> tuple[str, str, str]:
        """Create a draft from RFC 822 bytes; returns (draft id, thread id, message id)."""
        message: dict[str, Any] = {"raw": base64.urlsafe_b64encode(raw).decode("ascii")}
        if thread_id:
            message["threadId"] = thread_id
        draft = self._retrier.execute(
            self._drafts.create(userId="me", body={"message": message}),
            "creating a draft",
            idempotent=False,
        )
        made = draft.get("message", {})
        return str(draft["id"]), str(made.get("threadId", "")), str(made.get("id", ""))

    def find_bot_mail(self, bot_key: str, recipients: Sequence[str], after: datetime | None,
                      message_id: str = "") -> BotMail | None:
        """A draft or sent message the bot made for this follow-up key, if Gmail has one (the keeper of several)."""
        copies = self.find_bot_copies(bot_key, recipients, after, message_id)
        return copies[0] if copies else None

    def find_bot_copies(self, bot_key: str, recipients: Sequence[str], after: datetime | None, message_id: str = "",
                        known: Mapping[str, BotMail] | None = None) -> list[BotMail]:
        """Every draft or sent message carrying this follow-up key, the one every bot keeps first (keeper_order).

        One search of drafts and sent mail (trash included: a sent message the user binned was
        still sent): by the draft's own Message-ID, or to a few of the recipients or their
        domains, since `after` (bot_mail_query keeps it within Gmail's limits); then each hit's
        X-Interview-Bot-Key header, except for messages already `known` (by message id).
        """
        known = known or {}
        query = bot_mail_query(recipients, after, message_id)
        listing = self._retrier.execute(
            self._messages.list(userId="me", q=query, maxResults=50, includeSpamTrash=True,
                                fields="messages(id,threadId)"),
            "looking for a draft made before",
        )
        copies: list[BotMail] = []
        for hit in listing.get("messages", []):
            if hit["id"] in known:
                copies.append(known[hit["id"]])
                continue
            item = self._retrier.execute(
                self._messages.get(userId="me", id=hit["id"], format="metadata", metadataHeaders=[BOT_KEY_HEADER],
                                   fields="id,threadId,labelIds,payload/headers"),
                "reading a draft's key",
            )
            msg = parse_message(item)
            if msg.headers.get(BOT_KEY_HEADER.lower(), "").strip() != bot_key:
                continue
            draft = "DRAFT" in msg.label_ids
            copies.append(BotMail(bot_key, msg.id, self._draft_id_for(msg.id, query) if draft else "", msg.thread_id,
                                  MailPlace.DRAFT if draft else MailPlace.SENT))
        return sorted(copies, key=keeper_order)

    def _draft_id_for(self, message_id: str, query: str) -> str:
        page_token = None
        while True:
            listing = self._retrier.execute(
                self._drafts.list(userId="me", q=query, maxResults=100, pageToken=page_token,
                                  fields="drafts(id,message/id),nextPageToken"),
                "listing drafts",
            )
            for d in listing.get("drafts", []):
                if d.get("message", {}).get("id") == message_id:
                    return str(d["id"])
            page_token = listing.get("nextPageToken")
            if not page_token:
                return ""


_SAFE_MSGID = re.compile(r"^[A-Za-z0-9._%+\-#=]+@[A-Za-z0-9.\-]+$")
_SAFE_ADDRESS = re.compile(r"^([A-Za-z0-9._%+\-]+@)?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")


MAX_QUERY_TERMS = 12  # recipient terms in one search: an invitation to 10,000 people is still one short query
MAX_QUERY_CHARS = 900  # well inside what Gmail parses (40 attendees' worth of terms was refused with a 400)


def keeper_order(mail: BotMail) -> tuple[int, int, str]:
    """The order in which every copy of the bot picks the one draft to keep: sent first, then the lowest id."""
    return (0 if mail.place is MailPlace.SENT else 1, len(mail.message_id), mail.message_id)


def bot_mail_query(recipients: Sequence[str], after: datetime | None, message_id: str = "") -> str:
    """The Gmail search for the bot's own drafts and sent mail: its Message-ID, or to a few of these people or domains.

    Addresses that are not plain (they come from strangers' invitations) are left out rather
    than let them change the query's meaning; with none left and no Message-ID, any recipient
    matches. Domains come first (one covers everyone there), and the terms stop at
    MAX_QUERY_TERMS and MAX_QUERY_CHARS whatever the invitation holds: the key in each hit's
    header is what decides, so the search only needs to find the copies, not every recipient."""
    safe = [addr for addr in dict.fromkeys(r.lower() for r in recipients) if _SAFE_ADDRESS.match(addr)]
    domains = [a for a in safe if "@" not in a]
    people = [a for a in safe if "@" in a and a.split("@", 1)[1] not in domains]
    terms = [f"rfc822msgid:{message_id.strip('<>')}"] if _SAFE_MSGID.match(message_id.strip("<>")) else []
    for addr in domains + people:
        more = [f"to:{addr}", f"cc:{addr}"]
        if len(terms) + len(more) > MAX_QUERY_TERMS or len(" ".join(terms + more)) > MAX_QUERY_CHARS - 60:
            break
        terms += more
    query = "{in:drafts in:sent}"
    if terms:
        query += f" {{{' '.join(terms)}}}"
    if after is not None:
        query += f" after:{int(after.timestamp())}"
    return query
