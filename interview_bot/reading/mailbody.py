"""A received message's text, as its sender wrote it: every part decoded by its own charset.

Pure: bytes in, text out. Gmail hands the bot a message's parts with the transfer encoding
undone but the charset not (`MailPart`, from format=full), or the whole RFC 822 message
(format=raw, tests, the benchmark); both come here.

- Charsets are read with the standard library's `email` package (policy.default), from each
  part's own Content-Type. A label browsers read as windows-1252 is read as windows-1252
  (iso-8859-1 and us-ascii: the WHATWG encoding standard, as mail clients do too, since
  Outlook labels its curly quotes iso-8859-1). An unknown charset is read as utf-8 with
  replacement characters, never an exception; a part with no charset is utf-8 if it decodes
  as such, else windows-1252.
- text/plain is preferred; a message with only HTML is turned into text by libxml2's HTML
  parser (through lxml), whose cost is linear in the input: a hostile 1 MB body of
  unterminated tags is read in milliseconds. Scripts, styles and quoted earlier messages
  (<blockquote>, Gmail's "gmail_quote") are left out.
- Parts inside a message/rfc822 part (a forwarded or bounced message) are not the sender's
  words and are not read; attachments neither.

Sizes, so a pathological message costs the same as a long one (documented in README):
each part is read up to `MAX_PART_BYTES`, and a message's text is cut at `MAX_TEXT`
characters before any pattern looks at it.
"""

from __future__ import annotations

import binascii
import codecs
import quopri
import re
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser
from typing import TYPE_CHECKING

from interview_bot.model import MailPart
from interview_bot.reading.quoteforms import forms

if TYPE_CHECKING:  # lxml is imported with the first HTML body (4.7 MB resident), not with the daemon
    from lxml import etree

__all__ = ["MAX_DEPTH", "MAX_PARTS", "MAX_PART_BYTES", "MAX_RAW_BYTES", "MAX_TEXT", "MailBody", "decode_text", "html_to_text",
           "parts_from_raw", "read_body", "read_raw"]

MAX_PART_BYTES = 1_048_576  # 1 MiB of each part: far more than anyone writes to a candidate
MAX_RAW_BYTES = 8_388_608  # 8 MiB of a whole RFC 822 message (attachments included)
MAX_TEXT = 100_000  # characters of a message's text that the reading patterns may see

# WHATWG: these labels mean windows-1252 in practice.
_AS_CP1252 = frozenset({"latin_1", "iso8859-1", "ascii"})
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "blockquote", "object", "svg"})
_LINE_TAGS = frozenset({"br", "div", "tr", "li", "dt", "dd", "hr", "table", "ul", "ol", "center", "address"})
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "header",
                             "footer", "blockquote"})
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote")
MAX_DEPTH = 20  # MIME nesting: deeper is a hostile message, not a letter
MAX_PARTS = 100  # leaf parts read of one message: more is a hostile message, or attachments


@dataclass(frozen=True)
class MailBody:
    """A message's text (plain, or from its HTML), its parts' MIME types, and whether it was cut."""

    text: str
    mime_types: tuple[str, ...] = ()
    source: str = ""  # "plain", "html" or "" (no text at all)
    cut: bool = False


def decode_text(data: bytes, charset: str | None) -> str:
    """`data` decoded by `charset`: unknown charsets as utf-8 with replacement, none as utf-8 else windows-1252."""
    name = (charset or "").strip().strip("\"'").lower()
    if not name:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return data.decode("utf-8", "replace")
    if codec in _AS_CP1252:
        codec = "cp1252"
    try:
        text = data.decode(codec, "replace")
    except LookupError:  # a codec that is no text encoding ("rot13", "base64")
        return data.decode("utf-8", "replace")
    return text.lstrip("\ufeff")


def _content_type(value: str) -> tuple[str, str | None]:
    """(MIME type, charset) of a Content-Type header value, parsed by the email package."""
    holder = Message()
    holder["Content-Type"] = value or "text/plain"
    return holder.get_content_type(), holder.get_content_charset()


def html_to_text(html: str) -> str:
    """The text a reader sees in an HTML body: blocks as lines, paragraphs apart, no scripts or quotes."""
    if not html.strip():
        return ""
    from lxml import etree

    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True,
                              encoding="utf-8", default_doctype=False)
    try:
        parser.feed(html.encode("utf-8", "replace"))
        root = parser.close()
    except etree.LxmlError:
        return ""
    if root is None:
        return ""
    out: list[str] = []
    size = 0
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            classes = str(el.get("class") or "")
            quote = tag == "blockquote" or any(c in classes for c in _QUOTE_CLASSES)
            if skipping or (tag in _SKIP_TAGS and tag != "blockquote") or (quote and not _forwards(el)):
                skipping += 1
                continue
            if tag in _PARAGRAPH_TAGS:
                out.append("\n\n")
            elif tag in _LINE_TAGS:
                out.append("\n")
            elif tag in ("td", "th"):
                out.append(" ")
            if el.text:
                out.append(el.text)
                size += len(el.text)
        else:
            if skipping:
                skipping -= 1
                if skipping:
                    continue
            elif tag in _PARAGRAPH_TAGS:
                out.append("\n\n")
            elif tag in _LINE_TAGS and tag != "br":
                out.append("\n")
            if el.tail and el is not root:
                out.append(el.tail)
                size += len(el.tail)
        if size > MAX_TEXT:
            break
    lines = ("".join(out)).replace("\xa0", " ").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _forwards(el: etree._Element) -> bool:
    """Whether a quote container (gmail_quote, Apple's blockquote type=cite) holds a forwarded message:
    its text then may be the answer (interview_bot.reading.quoted decides), so it is read."""
    texts: list[str] = []
    size = 0
    for text in el.itertext():
        texts.append(text)
        size += len(text)
        if size > 400:
            break
    pattern = forms().forwarded
    return any(pattern.match(line) for line in "\n".join(texts)[:400].split("\n"))


def read_body(parts: tuple[MailPart, ...] | list[MailPart]) -> MailBody:
    """The text of a message from its leaf parts: text/plain if any says something, else its HTML."""
    plain: list[str] = []
    html: list[str] = []
    types: list[str] = []
    cut = False
    for part in parts:
        mime, charset = _content_type(part.content_type)
        types.append(mime)
        if part.inside_message or part.filename or mime not in ("text/plain", "text/html"):
            continue
        data = part.data
        if len(data) > MAX_PART_BYTES:
            data, cut = data[:MAX_PART_BYTES], True
        text = decode_text(data, charset)
        (plain if mime == "text/plain" else html).append(text)
    text, source = "", ""
    if any(p.strip() for p in plain):
        text, source = "\n\n".join(plain), "plain"
    elif html:
        text, source = "\n\n".join(html_to_text(h) for h in html), "html"
    if len(text) > MAX_TEXT:
        text, cut = text[:MAX_TEXT], True
    return MailBody(text.replace("\r\n", "\n"), tuple(types), source, cut)


def parts_from_raw(raw: bytes) -> tuple[MailPart, ...]:
    """The leaf parts of an RFC 822 message, transfer encodings undone (as Gmail's format=full gives them).

    The tree is cut while it is split, not after: only each part's headers go through the
    email package; bodies are found by their boundaries, containers deeper than MAX_DEPTH
    and parts after the MAX_PARTS-th are never looked at, and a leaf is decoded from at most
    what MAX_PART_BYTES of text needs. A 3 MB message of nested forwards costs milliseconds.
    Report parts (delivery status, feedback reports) are leaves with their own type.
    """
    out: list[MailPart] = []
    buf = raw[:MAX_RAW_BYTES]

    def walk(start: int, end: int, inside: bool, depth: int) -> None:
        if depth > MAX_DEPTH or len(out) >= MAX_PARTS:
            return
        body = _body_start(buf, start, end)
        headers = _HEADER_PARSER.parsebytes(buf[start:min(body, start + _MAX_HEAD)])
        mime = headers.get_content_type()
        if mime.startswith("multipart/"):
            boundary = headers.get_param("boundary")
            if isinstance(boundary, str) and boundary:
                for sub_start, sub_end in _subparts(buf, body, end, boundary.encode("utf-8", "replace")):
                    walk(sub_start, sub_end, inside, depth + 1)
            return
        if mime in _CONTAINERS:
            walk(body, end, True, depth + 1)
            return
        encoding = str(headers.get("content-transfer-encoding", "") or "")
        out.append(MailPart(
            content_type=str(headers.get("content-type", "") or mime),
            data=_decoded(buf[body:min(end, body + MAX_PART_BYTES * 3)], encoding),
            filename=str(headers.get_filename() or ""),
            inside_message=inside,
        ))

    walk(0, len(buf), False, 0)
    return tuple(out)


# Only headers go through the email package; compat32 parses them lazily and cheaply.
_HEADER_PARSER = BytesHeaderParser(policy=policy.compat32)
_MAX_HEAD = 65_536  # bytes of one part's headers
_CONTAINERS = frozenset({"message/rfc822", "message/global"})
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def _body_start(buf: bytes, start: int, end: int) -> int:
    """Where a part's body begins (RFC 5322: after the first empty line), without copying anything."""
    if buf.startswith(b"\n", start):
        return start + 1
    if buf.startswith(b"\r\n", start):
        return start + 2
    m = _HEAD_END.search(buf, start, min(end, start + _MAX_HEAD + 4))
    return m.end() if m else end


def _subparts(buf: bytes, start: int, end: int, boundary: bytes) -> list[tuple[int, int]]:
    """The body parts of a multipart body as offsets (RFC 2046 delimiters at line starts), at most MAX_PARTS."""
    delimiter = b"--" + boundary
    found: list[tuple[int, int]] = []
    part: int | None = None
    pos = start
    while len(found) < MAX_PARTS:
        at = buf.find(delimiter, pos, end)
        if at < 0:
            break
        pos = at + len(delimiter)
        if at > start and buf[at - 1] != 0x0A:
            continue  # the boundary's text inside a line is no delimiter
        if part is not None:
            stop = at - 1 if at > part else at
            if stop > part and buf[stop - 1] == 0x0D:
                stop -= 1
            found.append((part, max(part, stop)))
        if buf.startswith(b"--", pos):
            return found
        line_end = buf.find(b"\n", pos, end)
        if line_end < 0:
            return found
        part = line_end + 1
    if part is not None and len(found) < MAX_PARTS:
        found.append((part, end))  # no close delimiter: what is there
    return found


def _decoded(body: bytes, encoding: str) -> bytes:
    """A leaf's bytes with its transfer encoding undone, from no more input than MAX_PART_BYTES needs."""
    name = encoding.strip().lower()
    if name == "base64":
        data = re.sub(rb"[^A-Za-z0-9+/=]", b"", body[:MAX_PART_BYTES * 2])
        try:
            return binascii.a2b_base64(data) if data else b""
        except binascii.Error:  # padding missing or misplaced: decode what is there, as mail clients do
            bare = data.replace(b"=", b"")
            if len(bare) % 4 == 1:
                bare = bare[:-1]  # one stray character carries no byte
            return binascii.a2b_base64(bare + b"=" * (-len(bare) % 4))
    if name == "quoted-printable":
        return quopri.decodestring(body[:MAX_PART_BYTES * 3])
    return body[:MAX_PART_BYTES + 1]


def read_raw(raw: bytes) -> MailBody:
    """The text of an RFC 822 message (bytes as received)."""
    return read_body(parts_from_raw(raw))

