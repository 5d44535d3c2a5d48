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

import codecs
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser

from lxml import etree

from interview_bot.model import MailPart

__all__ = ["MAX_PART_BYTES", "MAX_RAW_BYTES", "MAX_TEXT", "MailBody", "decode_text", "html_to_text",
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
_MAX_DEPTH = 20  # MIME nesting: deeper is a hostile message, not a letter


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
            if skipping or tag in _SKIP_TAGS or any(c in classes for c in _QUOTE_CLASSES):
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
    """The leaf parts of an RFC 822 message, transfer encodings undone (as Gmail's format=full gives them)."""
    msg = BytesParser(policy=policy.default).parsebytes(raw[:MAX_RAW_BYTES])
    out: list[MailPart] = []

    def walk(part: Message, inside: bool, depth: int) -> None:
        if depth > _MAX_DEPTH:
            return
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            nested = inside or part.get_content_maintype() == "message"
            for sub in payload:
                if isinstance(sub, Message):
                    walk(sub, nested, depth + 1)
            return
        data = part.get_payload(decode=True)
        out.append(MailPart(
            content_type=str(part.get("content-type", "") or part.get_content_type()),
            data=data if isinstance(data, bytes) else b"",
            filename=str(part.get_filename() or ""),
            inside_message=inside,
        ))

    walk(msg, False, 0)
    return tuple(out)


def read_raw(raw: bytes) -> MailBody:
    """The text of an RFC 822 message (bytes as received)."""
    return read_body(parts_from_raw(raw))

