"""The sandbox's Gmail account: what it stores, and how Gmail threads and finds messages.

Messages are kept as their RFC 822 bytes and parsed with the stdlib email package. Gmail
behaviours kept on purpose, because code that relies on their absence breaks on Google:
- a message joins a requested threadId only if its References/In-Reply-To name a message
  of that thread and its Subject matches; otherwise it quietly starts a new thread;
- list results leave out SPAM and TRASH unless asked; empty lists have no "messages" key;
- history ids grow with gaps, and a startHistoryId outside the kept history answers 404.
The gmail.users.* methods over this store are in `gmail_api`.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any, Self, cast
from zoneinfo import ZoneInfo

from interview_bot.sandbox import gmail_query
from interview_bot.sandbox.errors import ApiError
from interview_bot.sandbox.gmail_format import message_resource, unb64url

NOT_FOUND = "Requested entity was not found."
RAW_REQUIRED = "'raw' RFC822 payload message string or uploading message via /upload/* URL required"
SYSTEM_LABELS = (
    "INBOX", "SENT", "DRAFT", "SPAM", "TRASH", "UNREAD", "STARRED", "IMPORTANT", "CHAT",
    "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS",
)
Json = dict[str, Any]


def _msgids(value: str) -> list[str]:
    return [m.lower() for m in re.findall(r"<([^<>\s]+)>", value)]


def _refs(msg: EmailMessage) -> set[str]:
    return set(_msgids(str(msg.get("references", "")) + " " + str(msg.get("in-reply-to", ""))))


def _base_subject(subject: str) -> str:
    s = re.sub(r"\s+", " ", subject).strip()
    while (m := re.match(r"(?i)(re|fwd?|aw|wg)\s*(\[\d+\])?\s*:\s*", s)) is not None:
        s = s[m.end():]
    return s.lower()


class GmailAccount:
    """One Gmail account's messages, drafts, labels and history, and how Gmail threads and finds them."""

    def __init__(
        self,
        email: str,
        clock: Callable[[], datetime],
        *,
        search_tz: str = "America/Los_Angeles",
        history_retention: timedelta | None = None,
    ) -> None:
        self.email = email
        self.clock = clock
        self.search_tz = search_tz  # Gmail's API docs: search dates are midnight PST
        self.history_retention = history_retention  # None: keep history until expire_history()
        self._messages: dict[str, Json] = {}  # id -> {id, threadId, labelIds, internalDate, historyId, raw: bytes}
        self._parsed: dict[str, EmailMessage] = {}
        # Search documents by message id, with the labels they were made for: a message's bytes
        # never change, so a search re-reads only what is new or relabelled.
        self._docs: dict[str, tuple[frozenset[str], gmail_query.MailDoc]] = {}
        self._drafts: dict[str, str] = {}  # draft id -> message id
        self._labels: dict[str, str] = {}  # user label id -> name
        self._history: list[Json] = []
        self._history_id = 1000
        self._history_floor = self._history_id  # the oldest startHistoryId still answerable
        self._seq = 0
        self.lock = threading.RLock()  # the server answers requests on several threads

    # --- state ------------------------------------------------------------------------

    def to_json(self) -> Json:
        """The account as JSON-serialisable data."""
        with self.lock:
            return self._to_json()

    def _to_json(self) -> Json:
        return copy.deepcopy({
            "email": self.email,
            "searchTz": self.search_tz,
            "historyRetentionSeconds": self.history_retention.total_seconds() if self.history_retention else None,
            "messages": [{**m, "raw": base64.b64encode(m["raw"]).decode("ascii")} for m in self._messages.values()],
            "drafts": dict(self._drafts),
            "labels": dict(self._labels),
            "history": list(self._history),
            "historyId": self._history_id,
            "historyFloor": self._history_floor,
            "seq": self._seq,
        })

    @classmethod
    def from_json(cls, data: Json, clock: Callable[[], datetime]) -> Self:
        """An account restored from to_json() data."""
        retention = data.get("historyRetentionSeconds")
        api = cls(data["email"], clock, search_tz=data.get("searchTz", "America/Los_Angeles"),
                  history_retention=timedelta(seconds=retention) if retention else None)
        api.load_json(data)
        return api

    def load_json(self, data: Json) -> None:
        """Replace this account's state with to_json() data."""
        with self.lock:
            self._load_json(data)

    def _load_json(self, data: Json) -> None:
        data = copy.deepcopy(data)
        self._messages = {m["id"]: {**m, "raw": base64.b64decode(m["raw"])} for m in data["messages"]}
        self._parsed = {}
        self._docs = {}
        self._drafts = dict(data["drafts"])
        self._labels = dict(data["labels"])
        self._history = list(data["history"])
        self._history_id = int(data["historyId"])
        self._history_floor = int(data["historyFloor"])
        self._seq = int(data["seq"])

    # --- seeding helpers for tests and the demo ---------------------------------------

    def deliver(self, raw: bytes | EmailMessage, label_ids: Iterable[str] = ("INBOX", "UNREAD"),
                internal_date: datetime | None = None) -> Json:
        """Mail arriving: stored like messages.insert, threaded by its headers as Gmail does."""
        data = raw.as_bytes() if isinstance(raw, EmailMessage) else raw
        when = internal_date or self.clock()
        with self.lock:
            labels = self._check_labels(label_ids)
            m = self._add_message(data, labels, None, int(when.timestamp() * 1000), auto_thread=True)
            return message_resource(m, self._parse(m["id"]), "minimal")

    def expire_history(self, before: int | None = None) -> None:
        """Forget history up to `before`, so older startHistoryIds get 404.

        By default all of it: every history id handed out so far answers 404, and the account's
        current id moves on (as after any change) so a client can start afresh from it."""
        with self.lock:
            if before is None:
                self._history_id += 1
                before = self._history_id
            self._expire(before)

    def _expire(self, cutoff: int) -> None:
        self._history = [h for h in self._history if h["id"] > cutoff]
        self._history_floor = max(self._history_floor, cutoff)

    @property
    def history_id(self) -> int:
        """The account's current historyId."""
        return self._history_id

    def draft_messages(self) -> dict[str, EmailMessage]:
        """The parsed message of each draft, by draft id."""
        with self.lock:
            return {d: self._parse(mid) for d, mid in self._drafts.items()}

    def parsed(self, message_id: str) -> EmailMessage:
        """The parsed RFC 822 message for an id (KeyError if unknown)."""
        with self.lock:
            return self._parse(message_id)

    # --- internals --------------------------------------------------------------------

    def _parse(self, mid: str) -> EmailMessage:
        if mid not in self._parsed:
            raw = self._messages[mid]["raw"]
            self._parsed[mid] = message_from_bytes(raw, policy=policy.default)
        return self._parsed[mid]

    def _new_id(self) -> str:
        # Gmail ids are 16 hex digits that grow with time; ms since epoch << 20 plus a counter.
        ms = int(self.clock().timestamp() * 1000)
        while True:  # a clock set backwards must still not reuse an id
            self._seq += 1
            mid = format(((ms << 20) + self._seq) & (2**64 - 1), "016x")
            if mid not in self._messages:
                return mid

    def _new_draft_id(self) -> str:
        self._seq += 1
        digest = hashlib.sha1(f"{self.email}/{self._seq}".encode()).digest()
        return "r" + str(int.from_bytes(digest[:8], "big", signed=True))

    def _record(self, kind: str, m: Json, label_ids: list[str] | None = None) -> None:
        # History ids increase with gaps, as Google's do; clients must not assume +1.
        self._history_id += 1 + self._seq % 3
        m["historyId"] = self._history_id
        snap = {"id": m["id"], "threadId": m["threadId"], "labelIds": list(m["labelIds"])}
        rec: Json = {"id": self._history_id, "type": kind, "message": snap,
                     "time": int(self.clock().timestamp() * 1000)}
        if label_ids is not None:
            rec["labelIds"] = label_ids
        self._history.append(rec)

    def _label_exists(self, lid: str) -> bool:
        return lid in SYSTEM_LABELS or lid in self._labels

    def _check_labels(self, label_ids: Iterable[str]) -> list[str]:
        out: list[str] = []
        for lid in label_ids:
            # DRAFT comes only with the drafts methods; Gmail refuses it elsewhere.
            if not self._label_exists(lid) or lid == "DRAFT":
                raise ApiError(400, f"Invalid label: {lid}", reason="invalidArgument")
            if lid not in out:
                out.append(lid)
        return out

    def _thread_messages(self, thread_id: str) -> list[Json]:
        msgs = [m for m in self._messages.values() if m["threadId"] == thread_id]
        return sorted(msgs, key=lambda m: (m["internalDate"], m["id"]))

    def _fits(self, msg: EmailMessage, thread_id: str) -> bool:
        refs = _refs(msg)
        subject = _base_subject(str(msg.get("subject", "")))
        members = [self._parse(m["id"]) for m in self._thread_messages(thread_id)]
        referenced = any(set(_msgids(str(t.get("message-id", "")))) & refs for t in members)
        return referenced and any(_base_subject(str(t.get("subject", ""))) == subject for t in members)

    def _choose_thread(self, msg: EmailMessage, thread_id: str | None, auto: bool) -> str | None:
        if thread_id:
            if not self._thread_messages(thread_id):
                raise ApiError(404, NOT_FOUND, reason="notFound")
            return thread_id if self._fits(msg, thread_id) else None
        if auto:  # received mail joins the thread of the message it replies to
            refs = _refs(msg)
            for m in sorted(self._messages.values(), key=lambda m: m["internalDate"]):
                named = set(_msgids(str(self._parse(m["id"]).get("message-id", "")))) & refs
                if named and self._fits(msg, m["threadId"]):
                    return cast(str, m["threadId"])
        return None

    def _add_message(self, raw: bytes, label_ids: list[str], thread_id: str | None, internal_ms: int,
                     auto_thread: bool = False, keep_thread: str | None = None) -> Json:
        msg = message_from_bytes(raw, policy=policy.default)
        thread = keep_thread or self._choose_thread(msg, thread_id, auto_thread)
        mid = self._new_id()
        m: Json = {"id": mid, "threadId": thread or mid, "labelIds": label_ids,
                   "internalDate": internal_ms, "historyId": 0, "raw": raw}
        self._messages[mid] = m
        self._parsed[mid] = msg
        self._record("messageAdded", m)
        return m

    def _delete_message(self, mid: str) -> None:
        m = self._messages.pop(mid)
        self._parsed.pop(mid, None)
        self._docs.pop(mid, None)
        self._record("messageDeleted", m)

    def _get_message(self, mid: str) -> Json:
        if mid not in self._messages:
            raise ApiError(404, NOT_FOUND, reason="notFound")
        return self._messages[mid]

    def _raw_from(self, message: Any) -> bytes:
        raw = message.get("raw") if isinstance(message, dict) else None
        if not raw:
            raise ApiError(400, RAW_REQUIRED, reason="invalidArgument")
        return unb64url(str(raw))

    def _now_ms(self) -> int:
        return int(self.clock().timestamp() * 1000)

    # --- searching --------------------------------------------------------------------

    def _matching(self, params: Json, candidates: Iterable[Json]) -> list[Json]:
        q = str(params.get("q") or "")
        query = gmail_query.parse(q)
        label_ids = list(params.get("labelIds") or [])
        include = bool(params.get("includeSpamTrash")) or gmail_query.searches_spam_or_trash(query) \
            or bool({"SPAM", "TRASH"} & set(label_ids))
        ctx = gmail_query.SearchContext(now=self.clock(), tz=ZoneInfo(self.search_tz), account=self.email,
                                        user_labels={n: i for i, n in self._labels.items()})
        out = []
        for m in candidates:
            labels = frozenset(m["labelIds"])
            if not include and labels & {"SPAM", "TRASH"}:
                continue
            if not set(label_ids) <= labels:
                continue
            if q and not gmail_query.evaluate(query, self._doc(m, labels), ctx):
                continue
            out.append(m)
        return sorted(out, key=lambda m: (m["internalDate"], m["id"]), reverse=True)

    def _doc(self, m: Json, labels: frozenset[str]) -> gmail_query.MailDoc:
        """A message's search document, made once per set of labels."""
        kept = self._docs.get(m["id"])
        if kept is None or kept[0] != labels:
            date = datetime.fromtimestamp(m["internalDate"] / 1000, UTC)
            kept = (labels, gmail_query.doc_from_message(self._parse(m["id"]), labels, date, len(m["raw"])))
            self._docs[m["id"]] = kept
        return kept[1]

    def _page(self, params: Json, items: list[Any]) -> tuple[list[Any], str | None]:
        size = params.get("maxResults")
        size = 100 if size in (None, 0) else int(size)
        if size < 0:
            raise ApiError(400, "Invalid maxResults", reason="invalidArgument", location="maxResults")
        size = min(size, 500)
        token = params.get("pageToken") or "0"
        if not str(token).isdigit():
            raise ApiError(400, "Invalid pageToken", reason="invalidArgument", location="pageToken")
        start = int(token)
        page = items[start:start + size]
        return page, (str(start + size) if start + size < len(items) else None)
