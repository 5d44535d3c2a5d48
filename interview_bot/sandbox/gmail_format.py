"""How the sandbox's Gmail shows a stored message: base64url, snippets, headers and MIME parts.

Gmail's message resource as messages.get returns it in each format (minimal, metadata,
raw, full), from the RFC 822 bytes the sandbox keeps. Formatting only: no account state.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from email.message import EmailMessage
from typing import Any, cast

from interview_bot.sandbox import gmail_query
from interview_bot.sandbox.errors import ApiError

__all__ = ["b64url", "headers_json", "message_resource", "part_json", "snippet", "unb64url"]

Json = dict[str, Any]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def unb64url(text: str) -> bytes:
    # Gmail accepts base64url with or without padding; standard-alphabet input too.
    cleaned = re.sub(r"\s+", "", text).replace("+", "-").replace("/", "_").rstrip("=")
    try:
        return base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        raise ApiError(400, "Invalid value for ByteString: " + text[:40], reason="invalidArgument")


def snippet(msg: EmailMessage) -> str:
    text = re.sub(r"\s+", " ", gmail_query.body_text(msg)).strip()
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0]
    # Gmail snippets are HTML-escaped, apostrophe as &#39;
    return html.escape(text, quote=True).replace("&#x27;", "&#39;")


def headers_json(part: EmailMessage, only: list[str] | None = None) -> list[Json]:
    wanted = {h.lower() for h in only} if only else None
    out = []
    for name, value in part.items():
        if wanted is None or name.lower() in wanted:
            out.append({"name": name, "value": re.sub(r"\r?\n[ \t]*", " ", str(value))})
    return out

def part_json(mid: str, part: EmailMessage, part_id: str) -> Json:
    out: Json = {"partId": part_id, "mimeType": part.get_content_type(),
                 "filename": part.get_filename() or "", "headers": headers_json(part)}
    if part.is_multipart():
        out["body"] = {"size": 0}
        prefix = f"{part_id}." if part_id else ""
        out["parts"] = [part_json(mid, cast(EmailMessage, p), f"{prefix}{i}")
                        for i, p in enumerate(cast(list[Any], part.get_payload()))]
        return out
    data = part.get_payload(decode=True)
    data = data if isinstance(data, bytes) else b""
    if out["filename"] or part.get_content_disposition() == "attachment":
        out["body"] = {"attachmentId": b64url(f"{mid}/{part_id or '0'}".encode()).rstrip("="),
                       "size": len(data)}
    else:
        out["body"] = {"size": len(data), **({"data": b64url(data)} if data else {})}
    return out

def message_resource(m: Json, msg: EmailMessage, fmt: str, metadata_headers: list[str] | None = None) -> Json:
    """A message as messages.get returns it in `fmt` (minimal, metadata, raw or full)."""
    out: Json = {"id": m["id"], "threadId": m["threadId"]}
    if m["labelIds"]:
        out["labelIds"] = list(m["labelIds"])
    out.update(snippet=snippet(msg), sizeEstimate=len(m["raw"]), historyId=str(m["historyId"]),
               internalDate=str(m["internalDate"]))
    if fmt == "metadata":
        out["payload"] = {"mimeType": msg.get_content_type(), "headers": headers_json(msg, metadata_headers)}
    elif fmt == "raw":
        out["raw"] = b64url(m["raw"])
    elif fmt == "full":
        out["payload"] = part_json(m["id"], msg, "")
    return out
