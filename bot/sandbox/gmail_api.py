"""The sandbox's Gmail v1: one account's messages, drafts, labels, threads and history.

`GmailApi.call(method_id, params, body)` answers gmail.users.* requests the server has
already routed and type-checked; errors are ApiError in Google's shape. Messages are kept
as their RFC 822 bytes and parsed with the stdlib email package.

Gmail behaviours kept on purpose, because code that relies on their absence breaks on Google:
- a message joins a requested threadId only if its References/In-Reply-To name a message
  of that thread and its Subject matches; otherwise it quietly starts a new thread;
- updating a draft replaces its message (new message id); sending it makes a new SENT message;
- list results leave out SPAM and TRASH unless asked; empty lists have no "messages" key;
- history ids grow with gaps, and a startHistoryId outside the kept history answers 404.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import html
import re
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parsedate_to_datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from bot.sandbox import gmail_query
from bot.sandbox.errors import ApiError

NOT_FOUND = "Requested entity was not found."
RAW_REQUIRED = "'raw' RFC822 payload message string or uploading message via /upload/* URL required"
SYSTEM_LABELS = (
    "INBOX", "SENT", "DRAFT", "SPAM", "TRASH", "UNREAD", "STARRED", "IMPORTANT", "CHAT",
    "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS",
)
HISTORY_TYPES = {"messageAdded": "messagesAdded", "messageDeleted": "messagesDeleted",
                 "labelAdded": "labelsAdded", "labelRemoved": "labelsRemoved"}
# The gmail.users.* methods the sandbox answers, each by the method `_<name with _ for .>`.
METHODS = frozenset({
    "getProfile", "labels.list", "labels.get", "labels.create", "labels.delete",
    "messages.insert", "messages.import", "messages.send", "messages.list", "messages.get",
    "messages.modify", "messages.trash", "messages.untrash", "messages.delete", "messages.attachments.get",
    "threads.list", "threads.get",
    "drafts.create", "drafts.update", "drafts.get", "drafts.list", "drafts.delete", "drafts.send",
    "history.list",
})
Json = dict[str, Any]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64url(text: str) -> bytes:
    # Gmail accepts base64url with or without padding; standard-alphabet input too.
    cleaned = re.sub(r"\s+", "", text).replace("+", "-").replace("/", "_").rstrip("=")
    try:
        return base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        raise ApiError(400, "Invalid value for ByteString: " + text[:40], reason="invalidArgument")


def _obj(value: Any) -> Json:
    # A request body that is not a JSON object carries no fields we read.
    return value if isinstance(value, dict) else {}


def _msgids(value: str) -> list[str]:
    return [m.lower() for m in re.findall(r"<([^<>\s]+)>", value)]


def _refs(msg: EmailMessage) -> set[str]:
    return set(_msgids(str(msg.get("references", "")) + " " + str(msg.get("in-reply-to", ""))))


def _base_subject(subject: str) -> str:
    s = re.sub(r"\s+", " ", subject).strip()
    while (m := re.match(r"(?i)(re|fwd?|aw|wg)\s*(\[\d+\])?\s*:\s*", s)) is not None:
        s = s[m.end():]
    return s.lower()


def _snippet(msg: EmailMessage) -> str:
    text = re.sub(r"\s+", " ", gmail_query.body_text(msg)).strip()
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0]
    # Gmail snippets are HTML-escaped, apostrophe as &#39;
    return html.escape(text, quote=True).replace("&#x27;", "&#39;")


class GmailApi:
    """One Gmail account behind the sandbox: state plus the gmail.users.* methods."""

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
    def from_json(cls, data: Json, clock: Callable[[], datetime]) -> GmailApi:
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
            return self._resource(m, "minimal")

    def add_label(self, name: str) -> str:
        """Create a user label and return its id."""
        with self.lock:
            return cast(str, self._labels_create({}, {"name": name})["id"])

    def expire_history(self, before: int | None = None) -> None:
        """Forget history up to `before` (default: all of it), so older startHistoryIds get 404."""
        with self.lock:
            self._expire(self._history_id if before is None else before)

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

    # --- dispatch ---------------------------------------------------------------------

    def call(self, method_id: str, params: Json, body: Any) -> tuple[int, Json | None]:
        """Answer one gmail.users.* request: (HTTP status, JSON body or None)."""
        name = method_id.removeprefix("gmail.users.")
        handler = getattr(self, "_" + name.replace(".", "_")) if name in METHODS else None
        if handler is None or not method_id.startswith("gmail.users."):
            raise ApiError(501, f"The sandbox does not implement {method_id}.", reason="notImplemented")
        user = str(params.get("userId", "me"))
        if user != "me" and user.lower() != self.email.lower():
            raise ApiError(403, f"Delegation denied for {self.email}", reason="forbidden")
        with self.lock:
            result = handler(params, body)
        if result is None:
            return 204, None
        return 200, result

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
        return _unb64url(str(raw))

    def _now_ms(self) -> int:
        return int(self.clock().timestamp() * 1000)

    # --- rendering --------------------------------------------------------------------

    def _headers(self, part: EmailMessage, only: list[str] | None = None) -> list[Json]:
        wanted = {h.lower() for h in only} if only else None
        out = []
        for name, value in part.items():
            if wanted is None or name.lower() in wanted:
                out.append({"name": name, "value": re.sub(r"\r?\n[ \t]*", " ", str(value))})
        return out

    def _part(self, mid: str, part: EmailMessage, part_id: str) -> Json:
        out: Json = {"partId": part_id, "mimeType": part.get_content_type(),
                     "filename": part.get_filename() or "", "headers": self._headers(part)}
        if part.is_multipart():
            out["body"] = {"size": 0}
            prefix = f"{part_id}." if part_id else ""
            out["parts"] = [self._part(mid, cast(EmailMessage, p), f"{prefix}{i}")
                            for i, p in enumerate(cast(list[Any], part.get_payload()))]
            return out
        data = part.get_payload(decode=True)
        data = data if isinstance(data, bytes) else b""
        if out["filename"] or part.get_content_disposition() == "attachment":
            out["body"] = {"attachmentId": _b64url(f"{mid}/{part_id or '0'}".encode()).rstrip("="),
                           "size": len(data)}
        else:
            out["body"] = {"size": len(data), **({"data": _b64url(data)} if data else {})}
        return out

    def _resource(self, m: Json, fmt: str, metadata_headers: list[str] | None = None) -> Json:
        msg = self._parse(m["id"])
        out: Json = {"id": m["id"], "threadId": m["threadId"]}
        if m["labelIds"]:
            out["labelIds"] = list(m["labelIds"])
        out.update(snippet=_snippet(msg), sizeEstimate=len(m["raw"]), historyId=str(m["historyId"]),
                   internalDate=str(m["internalDate"]))
        if fmt == "metadata":
            out["payload"] = {"mimeType": msg.get_content_type(), "headers": self._headers(msg, metadata_headers)}
        elif fmt == "raw":
            out["raw"] = _b64url(m["raw"])
        elif fmt == "full":
            out["payload"] = self._part(m["id"], msg, "")
        return out

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

    # --- gmail.users.* ----------------------------------------------------------------

    def _getProfile(self, params: Json, body: Any) -> Json:
        return {"emailAddress": self.email, "messagesTotal": len(self._messages),
                "threadsTotal": len({m["threadId"] for m in self._messages.values()}),
                "historyId": str(self._history_id)}

    def _labels_list(self, params: Json, body: Any) -> Json:
        labels: list[Json] = [{"id": lid, "name": lid, "type": "system"} for lid in SYSTEM_LABELS]
        labels += [{"id": lid, "name": name, "type": "user", "messageListVisibility": "show",
                    "labelListVisibility": "labelShow"} for lid, name in self._labels.items()]
        return {"labels": labels}

    def _labels_get(self, params: Json, body: Any) -> Json:
        lid = params["id"]
        for label in self._labels_list(params, body)["labels"]:
            if label["id"] == lid:
                return cast(Json, label)
        raise ApiError(404, NOT_FOUND, reason="notFound")

    def _labels_create(self, params: Json, body: Any) -> Json:
        name = str((body or {}).get("name") or "").strip()
        if not name:
            raise ApiError(400, "Invalid label name", reason="invalidArgument")
        taken = {n.lower() for n in self._labels.values()} | {s.lower() for s in SYSTEM_LABELS}
        if name.lower() in taken:
            raise ApiError(409, "Label name exists or conflicts", reason="conflict")
        self._seq += 1
        lid = f"Label_{self._seq}"
        self._labels[lid] = name
        return {"id": lid, "name": name, "type": "user", "messageListVisibility": "show",
                "labelListVisibility": "labelShow"}

    def _labels_delete(self, params: Json, body: Any) -> None:
        lid = params["id"]
        if lid in SYSTEM_LABELS:
            raise ApiError(400, "Invalid delete request", reason="invalidArgument")
        if lid not in self._labels:
            raise ApiError(404, NOT_FOUND, reason="notFound")
        del self._labels[lid]
        for m in self._messages.values():
            if lid in m["labelIds"]:
                m["labelIds"].remove(lid)
                self._record("labelRemoved", m, [lid])

    def _insert_or_import(self, params: Json, body: Any, default_source: str) -> Json:
        body = _obj(body)
        raw = self._raw_from(body)
        labels = self._check_labels(body.get("labelIds") or [])
        source = params.get("internalDateSource") or default_source
        internal = self._now_ms()
        if source == "dateHeader":
            msg = message_from_bytes(raw, policy=policy.default)
            try:
                internal = int(parsedate_to_datetime(str(msg["date"])).timestamp() * 1000)
            except (TypeError, ValueError, IndexError):
                pass  # no usable Date header: Gmail falls back to the receive time
        m = self._add_message(raw, labels, body.get("threadId"), internal, auto_thread=True)
        return self._resource(m, "minimal") | {"labelIds": list(m["labelIds"])}

    def _messages_insert(self, params: Json, body: Any) -> Json:
        return self._insert_or_import(params, body, "receivedTime")

    def _messages_import(self, params: Json, body: Any) -> Json:
        return self._insert_or_import(params, body, "dateHeader")

    def _messages_send(self, params: Json, body: Any) -> Json:
        body = _obj(body)
        return self._send_raw(self._raw_from(body), body.get("threadId"))

    def _send_raw(self, raw: bytes, thread_id: str | None, keep_thread: str | None = None) -> Json:
        msg = message_from_bytes(raw, policy=policy.default)
        if not (msg.get_all("to") or msg.get_all("cc") or msg.get_all("bcc")):
            raise ApiError(400, "Recipient address required", reason="invalidArgument")
        # Gmail completes the headers a sent message must have.
        if not msg.get("from"):
            msg["From"] = self.email
        if not msg.get("date"):
            msg["Date"] = format_datetime(self.clock())
        if not msg.get("message-id"):
            msg["Message-ID"] = make_msgid(domain="mail.gmail.com")
        labels = ["SENT"]
        recipients = " ".join(str(v) for h in ("to", "cc", "bcc") for v in msg.get_all(h, []))
        if self.email.lower() in recipients.lower():
            labels += ["INBOX", "UNREAD"]
        m = self._add_message(msg.as_bytes(), labels, thread_id, self._now_ms(), keep_thread=keep_thread)
        return {"id": m["id"], "threadId": m["threadId"], "labelIds": list(m["labelIds"])}

    def _messages_list(self, params: Json, body: Any) -> Json:
        found = self._matching(params, self._messages.values())
        page, token = self._page(params, found)
        out: Json = {}
        if page:
            out["messages"] = [{"id": m["id"], "threadId": m["threadId"]} for m in page]
        if token:
            out["nextPageToken"] = token
        out["resultSizeEstimate"] = len(found)
        return out

    def _messages_get(self, params: Json, body: Any) -> Json:
        m = self._get_message(params["id"])
        return self._resource(m, str(params.get("format") or "full"), params.get("metadataHeaders"))

    def _modify(self, m: Json, add: Iterable[str], remove: Iterable[str]) -> None:
        added = [lid for lid in add if lid not in m["labelIds"]]
        removed = [lid for lid in remove if lid in m["labelIds"] and lid not in added]
        if added:
            m["labelIds"].extend(added)
            self._record("labelAdded", m, added)
        if removed:
            m["labelIds"] = [lid for lid in m["labelIds"] if lid not in removed]
            self._record("labelRemoved", m, removed)

    def _messages_modify(self, params: Json, body: Any) -> Json:
        m = self._get_message(params["id"])
        body = _obj(body)
        add = self._check_labels(body.get("addLabelIds") or [])
        remove = self._check_labels(body.get("removeLabelIds") or [])
        self._modify(m, add, remove)
        return {"id": m["id"], "threadId": m["threadId"], "labelIds": list(m["labelIds"])}

    def _messages_trash(self, params: Json, body: Any) -> Json:
        return self._messages_modify(params, {"addLabelIds": ["TRASH"]})

    def _messages_untrash(self, params: Json, body: Any) -> Json:
        return self._messages_modify(params, {"removeLabelIds": ["TRASH"]})

    def _messages_delete(self, params: Json, body: Any) -> None:
        mid = self._get_message(params["id"])["id"]
        self._drafts = {d: x for d, x in self._drafts.items() if x != mid}
        self._delete_message(mid)

    def _messages_attachments_get(self, params: Json, body: Any) -> Json:
        m = self._get_message(params["messageId"])
        try:
            mid, part_id = _unb64url(params["id"]).decode().split("/", 1)
        except (ApiError, UnicodeDecodeError, ValueError):
            raise ApiError(400, "Invalid attachment token", reason="invalidArgument")
        if mid != m["id"]:
            raise ApiError(400, "Invalid attachment token", reason="invalidArgument")
        part: Any = self._parse(mid)
        for index in ([] if part_id == "0" and not part.is_multipart() else part_id.split(".")):
            part = part.get_payload()[int(index)]
        data = part.get_payload(decode=True) or b""
        return {"attachmentId": params["id"], "size": len(data), "data": _b64url(data)}

    def _threads_list(self, params: Json, body: Any) -> Json:
        found = self._matching(params, self._messages.values())
        threads: dict[str, Json] = {}
        for m in found:  # newest message first, so a thread sorts by its newest match
            threads.setdefault(m["threadId"], m)
        page, token = self._page(params, list(threads.values()))
        out: Json = {}
        if page:
            out["threads"] = []
            for m in page:
                newest = self._thread_messages(m["threadId"])[-1]
                out["threads"].append({"id": m["threadId"], "snippet": _snippet(self._parse(newest["id"])),
                                       "historyId": str(max(x["historyId"] for x in
                                                            self._thread_messages(m["threadId"])))})
        if token:
            out["nextPageToken"] = token
        out["resultSizeEstimate"] = len(threads)
        return out

    def _threads_get(self, params: Json, body: Any) -> Json:
        msgs = self._thread_messages(params["id"])
        if not msgs:
            raise ApiError(404, NOT_FOUND, reason="notFound")
        fmt = str(params.get("format") or "full")
        return {"id": params["id"], "historyId": str(max(m["historyId"] for m in msgs)),
                "messages": [self._resource(m, fmt, params.get("metadataHeaders")) for m in msgs]}

    # --- drafts -----------------------------------------------------------------------

    def _draft_message(self, did: str) -> Json:
        if did not in self._drafts:
            raise ApiError(404, NOT_FOUND, reason="notFound")
        return self._messages[self._drafts[did]]

    def _new_draft_message(self, body: Any) -> Json:
        message = _obj(_obj(body).get("message"))
        raw = self._raw_from(message)
        # Drafts thread only through an explicit threadId; their headers alone do not.
        return self._add_message(raw, ["DRAFT"], message.get("threadId"), self._now_ms())

    def _drafts_create(self, params: Json, body: Any) -> Json:
        m = self._new_draft_message(body)
        did = self._new_draft_id()
        self._drafts[did] = m["id"]
        return {"id": did, "message": {"id": m["id"], "threadId": m["threadId"], "labelIds": list(m["labelIds"])}}

    def _drafts_update(self, params: Json, body: Any) -> Json:
        did = params["id"]
        old = self._draft_message(did)
        m = self._new_draft_message(body)
        self._drafts[did] = m["id"]
        self._delete_message(old["id"])
        return {"id": did, "message": {"id": m["id"], "threadId": m["threadId"], "labelIds": list(m["labelIds"])}}

    def _drafts_get(self, params: Json, body: Any) -> Json:
        m = self._draft_message(params["id"])
        return {"id": params["id"], "message": self._resource(m, str(params.get("format") or "full"))}

    def _drafts_list(self, params: Json, body: Any) -> Json:
        by_message = {mid: did for did, mid in self._drafts.items()}
        found = self._matching(params, (self._messages[mid] for mid in by_message))
        page, token = self._page(params, found)
        out: Json = {}
        if page:
            out["drafts"] = [{"id": by_message[m["id"]], "message": {"id": m["id"], "threadId": m["threadId"]}}
                             for m in page]
        if token:
            out["nextPageToken"] = token
        out["resultSizeEstimate"] = len(found)
        return out

    def _drafts_delete(self, params: Json, body: Any) -> None:
        m = self._draft_message(params["id"])
        del self._drafts[params["id"]]
        self._delete_message(m["id"])

    def _drafts_send(self, params: Json, body: Any) -> Json:
        body = _obj(body)
        did = body.get("id")
        if not did:
            raise ApiError(400, "Invalid draft", reason="invalidArgument")
        m = self._draft_message(str(did))
        message = _obj(body.get("message"))
        raw = self._raw_from(message) if message.get("raw") else m["raw"]
        thread_id = message.get("threadId") if message.get("raw") else m["threadId"]
        # A draft that began its own conversation stays that conversation once sent, as in Gmail:
        # a thread's id does not change when its draft goes out.
        alone = thread_id == m["threadId"] and all(x["id"] == m["id"] for x in self._thread_messages(thread_id))
        sent = self._send_raw(raw, thread_id if thread_id and self._thread_messages(thread_id) and not alone else None,
                              keep_thread=thread_id if alone else None)
        del self._drafts[str(did)]
        self._delete_message(m["id"])
        return sent

    # --- history ----------------------------------------------------------------------

    def _expire_by_age(self) -> None:
        if self.history_retention is None:
            return
        cutoff = int((self.clock() - self.history_retention).timestamp() * 1000)
        old = [h["id"] for h in self._history if h["time"] < cutoff]
        if old:
            self._expire(max(old))

    def _history_list(self, params: Json, body: Any) -> Json:
        start_text = str(params.get("startHistoryId") or "")
        if not start_text.isdigit():
            raise ApiError(400, "Missing/invalid parameter: startHistoryId", reason="invalidArgument")
        start = int(start_text)
        self._expire_by_age()
        if start < self._history_floor or start > self._history_id:
            raise ApiError(404, NOT_FOUND, reason="notFound")
        types = set(params.get("historyTypes") or HISTORY_TYPES)
        label = params.get("labelId")
        records = [h for h in self._history if h["id"] > start and h["type"] in types
                   and (not label or label in h["message"]["labelIds"] or label in h.get("labelIds", []))]
        page, token = self._page(params, records)
        out: Json = {}
        if page:
            out["history"] = []
            for h in page:
                msg = dict(h["message"])
                entry: Json = {"message": msg}
                if "labelIds" in h:
                    entry["labelIds"] = list(h["labelIds"])
                out["history"].append({"id": str(h["id"]), "messages": [{"id": msg["id"], "threadId": msg["threadId"]}],
                                       HISTORY_TYPES[h["type"]]: [entry]})
        if token:
            out["nextPageToken"] = token
        out["historyId"] = str(self._history_id)
        return out
