"""The sandbox's Gmail v1: the gmail.users.* methods over one account.

`GmailApi.call(method_id, params, body)` answers gmail.users.* requests the server has
already routed and type-checked; errors are ApiError in Google's shape. The account itself
(messages, threading, search) is `gmail_store.GmailAccount`.

Gmail behaviours kept on purpose, because code that relies on their absence breaks on Google:
- updating a draft replaces its message (new message id); sending it makes a new SENT message;
- history ids grow with gaps, and a startHistoryId outside the kept history answers 404.
"""

from __future__ import annotations

from collections.abc import Iterable
from email import message_from_bytes, policy
from email.utils import format_datetime, make_msgid, parsedate_to_datetime
from typing import Any, cast

from interview_bot.sandbox.errors import ApiError
from interview_bot.sandbox.gmail_format import b64url, message_resource, snippet, unb64url
from interview_bot.sandbox.gmail_store import NOT_FOUND, SYSTEM_LABELS, GmailAccount, Json

__all__ = ["GmailApi"]

HISTORY_TYPES = {"messageAdded": "messagesAdded", "messageDeleted": "messagesDeleted",
                 "labelAdded": "labelsAdded", "labelRemoved": "labelsRemoved"}
# The gmail.users.* methods the sandbox answers, each by the method `_<name with _ for .>`.
METHODS = frozenset({
    "getProfile", "labels.list", "labels.get", "labels.create", "labels.delete",
    "messages.insert", "messages.import", "messages.send", "messages.list", "messages.get",
    "messages.modify", "messages.trash", "messages.untrash", "messages.delete", "messages.attachments.get",
    "threads.list", "threads.get",
    "drafts.create", "drafts.update", "drafts.get", "drafts.list", "drafts.delete", "drafts.send",
    "history.list", "settings.sendAs.list",
})


def _obj(value: Any) -> Json:
    # A request body that is not a JSON object carries no fields we read.
    return value if isinstance(value, dict) else {}


class GmailApi(GmailAccount):
    """One Gmail account behind the sandbox, answering the gmail.users.* methods."""

    def set_signature(self, html: str, email: str = "") -> None:
        """Give a send-as address (the account's own by default) a signature, as Gmail's settings would."""
        with self.lock:
            signatures: dict[str, str] = self.__dict__.setdefault("_signatures", {})
            signatures[(email or self.email).lower()] = html

    def add_label(self, name: str) -> str:
        """Create a user label and return its id."""
        with self.lock:
            return cast(str, self._labels_create({}, {"name": name})["id"])

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

    # --- gmail.users.* ----------------------------------------------------------------

    def _getProfile(self, params: Json, body: Any) -> Json:
        return {"emailAddress": self.email, "messagesTotal": len(self._messages),
                "threadsTotal": len({m["threadId"] for m in self._messages.values()}),
                "historyId": str(self._history_id)}

    def _settings_sendAs_list(self, params: Json, body: Any) -> Json:
        # Google lists the primary address always (no verificationStatus: that is for aliases),
        # then any alias given a signature here, each as a SendAs resource.
        signatures: dict[str, str] = self.__dict__.get("_signatures", {})
        primary = {"sendAsEmail": self.email, "displayName": "", "replyToAddress": "",
                   "signature": signatures.get(self.email.lower(), ""), "isPrimary": True, "isDefault": True,
                   "treatAsAlias": False}
        aliases = [{"sendAsEmail": email, "displayName": "", "replyToAddress": "", "signature": html,
                    "isPrimary": False, "isDefault": False, "treatAsAlias": True, "verificationStatus": "accepted"}
                   for email, html in signatures.items() if email != self.email.lower()]
        return {"sendAs": [primary, *aliases]}

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
        return message_resource(m, self._parse(m["id"]), "minimal") | {"labelIds": list(m["labelIds"])}

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
        return message_resource(m, self._parse(m["id"]), str(params.get("format") or "full"), params.get("metadataHeaders"))

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
            mid, part_id = unb64url(params["id"]).decode().split("/", 1)
        except (ApiError, UnicodeDecodeError, ValueError):
            raise ApiError(400, "Invalid attachment token", reason="invalidArgument")
        if mid != m["id"]:
            raise ApiError(400, "Invalid attachment token", reason="invalidArgument")
        part: Any = self._parse(mid)
        for index in ([] if part_id == "0" and not part.is_multipart() else part_id.split(".")):
            part = part.get_payload()[int(index)]
        data = part.get_payload(decode=True) or b""
        return {"attachmentId": params["id"], "size": len(data), "data": b64url(data)}

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
                out["threads"].append({"id": m["threadId"], "snippet": snippet(self._parse(newest["id"])),
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
                "messages": [message_resource(m, self._parse(m["id"]), fmt, params.get("metadataHeaders")) for m in msgs]}

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
        return {"id": params["id"], "message": message_resource(m, self._parse(m["id"]), str(params.get("format") or "full"))}

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
