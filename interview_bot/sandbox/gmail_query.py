"""Gmail search queries (the `q` parameter): parse them and test messages against them.

Pure functions, no HTTP. Follows Gmail's documented search syntax
(support.google.com/mail/answer/7190) as far as the sandbox needs:

- Terms are ANDed; `OR` (upper case) binds tighter than the implied AND, so
  `a b OR c` means `a AND (b OR c)`. `{a b}` means `a OR b`; `( )` groups;
  `-term` negates; `"quoted phrases"` match consecutive words.
- Words match whole words, case-insensitively; `initech.com` is the phrase
  "initech com", so it matches jane@initech.com but `nitech` does not.
- Calendar dates in after:/before: are midnight in a given zone: Gmail's API docs
  say PST (America/Los_Angeles), which is the GmailApi default. Epoch seconds are exact.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import getaddresses
from zoneinfo import ZoneInfo

# Operators we understand; any other `name:value` is searched as plain words, as Gmail does.
OPERATORS = frozenset(
    {
        "from", "to", "cc", "bcc", "subject", "after", "before", "older", "newer",
        "newer_than", "older_than", "in", "label", "is", "has", "rfc822msgid",
        "category", "larger", "smaller", "filename",
    }
)

# in:/label: values that name system labels (Gmail accepts both singular and plural forms).
SYSTEM_LABEL_NAMES = {
    "inbox": "INBOX",
    "sent": "SENT",
    "draft": "DRAFT",
    "drafts": "DRAFT",
    "spam": "SPAM",
    "trash": "TRASH",
    "starred": "STARRED",
    "important": "IMPORTANT",
    "unread": "UNREAD",
}
CATEGORIES = {
    "primary": "CATEGORY_PERSONAL",
    "personal": "CATEGORY_PERSONAL",
    "social": "CATEGORY_SOCIAL",
    "promotions": "CATEGORY_PROMOTIONS",
    "updates": "CATEGORY_UPDATES",
    "forums": "CATEGORY_FORUMS",
}


# --- the query tree -------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One search term: `field` is "text" for bare words, else the operator name."""

    field: str
    value: str
    quoted: bool = False


@dataclass(frozen=True)
class Not:
    expr: Query


@dataclass(frozen=True)
class And:
    items: tuple[Query, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Query, ...]


Query = Term | Not | And | Or


# --- parsing --------------------------------------------------------------------------

_PUNCT = "(){}"


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(", ")", "{", "}", "-", "word", "op"
    text: str = ""
    quoted: bool = False


def _tokenize(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c in _PUNCT:
            toks.append(_Tok(c))
            i += 1
        elif c == "-" and i + 1 < n and not q[i + 1].isspace():
            toks.append(_Tok("-"))
            i += 1
        elif c == '"':
            end = q.find('"', i + 1)
            end = n if end < 0 else end  # an unclosed quote runs to the end, leniently
            toks.append(_Tok("word", q[i + 1 : end], quoted=True))
            i = end + 1
        else:
            j = i
            while j < n and not q[j].isspace() and q[j] not in _PUNCT and q[j] != '"':
                j += 1
            raw = q[i:j]
            i = j
            m = re.match(r"([A-Za-z0-9_]+):(.*)\Z", raw, re.DOTALL)
            if m and m.group(1).lower() in OPERATORS:
                toks.append(_Tok("op", m.group(1).lower()))
                if m.group(2):
                    toks.append(_Tok("word", m.group(2)))
                elif i >= n or q[i].isspace():
                    toks.pop()  # "from:" with nothing after it: search the literal text
                    toks.append(_Tok("word", raw))
            else:
                toks.append(_Tok("word", raw))
    return toks


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.pos = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def parse_and(self, fld: str, closer: str | None) -> Query:
        items: list[Query] = []
        while (tok := self.peek()) is not None:
            if tok.kind == closer:
                self.take()
                break
            if tok.kind in (")", "}"):  # a stray closer: Gmail ignores it
                self.take()
                continue
            if tok.kind == "word" and not tok.quoted and tok.text in ("AND", "OR"):
                self.take()  # explicit AND, or an OR with nothing on its left
                continue
            items.append(self.parse_or(fld))
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_or(self, fld: str) -> Query:
        items = [self.parse_unary(fld)]
        while (tok := self.peek()) is not None and tok.kind == "word" and not tok.quoted and tok.text == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "}"):
                break
            items.append(self.parse_unary(fld))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_unary(self, fld: str) -> Query:
        tok = self.peek()
        if tok is not None and tok.kind == "-":
            self.take()
            if self.peek() is None:
                return Term(fld, "-")
            return Not(self.parse_unary(fld))
        return self.parse_primary(fld)

    def parse_primary(self, fld: str) -> Query:
        tok = self.take()
        if tok.kind == "(":
            return self.parse_and(fld, ")")
        if tok.kind == "{":
            return self._parse_braces(fld)
        if tok.kind == "op":
            nxt = self.peek()
            if nxt is not None and nxt.kind in ("(", "{"):
                self.take()
                # subject:(a b) applies the operator to each term of the group
                return self.parse_and(tok.text, ")") if nxt.kind == "(" else self._parse_braces(tok.text)
            if nxt is not None and nxt.kind == "word":
                self.take()
                return Term(tok.text, nxt.text, nxt.quoted)
            return Term(fld, tok.text + ":")
        return Term(fld, tok.text, tok.quoted)

    def _parse_braces(self, fld: str) -> Query:
        items: list[Query] = []
        while (tok := self.peek()) is not None:
            if tok.kind == "}":
                self.take()
                break
            if tok.kind == "word" and not tok.quoted and tok.text in ("AND", "OR"):
                self.take()
                continue
            items.append(self.parse_unary(fld))
        return items[0] if len(items) == 1 else Or(tuple(items))


def parse(q: str) -> Query:
    """The query tree for a Gmail search string; an empty query is And(()) and matches everything."""
    return _Parser(_tokenize(q or "")).parse_and("text", None)


# --- what a message offers to search --------------------------------------------------


@dataclass(frozen=True)
class MailDoc:
    """The searchable facts of one message: headers, body text, labels and date."""

    sender: tuple[str, ...] = ()  # "Display Name address" strings
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""
    message_id: str = ""
    label_ids: frozenset[str] = frozenset()
    date: datetime = datetime(1970, 1, 1, tzinfo=UTC)  # Gmail's internalDate
    has_attachment: bool = False
    filenames: tuple[str, ...] = ()
    size: int = 0


def _addresses(msg: EmailMessage, name: str) -> tuple[str, ...]:
    values = [str(v) for v in msg.get_all(name, [])]
    return tuple(f"{n} {a}".strip() for n, a in getaddresses(values) if n or a)


def body_text(msg: EmailMessage) -> str:
    """The readable text of a message: its text/plain parts, else its HTML stripped of tags."""
    plain: list[str] = []
    markup: list[str] = []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError):  # unknown charset or broken encoding
            payload = part.get_payload(decode=True)
            content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        (plain if ctype == "text/plain" else markup).append(str(content))
    if plain:
        return "\n".join(plain)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", "\n".join(markup), flags=re.DOTALL | re.IGNORECASE)
    # [^<>]: each try stops at the next "<", so a hostile body of unterminated tags costs linear time
    # (Gmail itself reads such a message at once; a stand-in that took minutes would not be honest either).
    return html.unescape(re.sub(r"<[^<>]*>", " ", text))


def attachment_filenames(msg: EmailMessage) -> tuple[str, ...]:
    """Filenames of the parts Gmail would show as attachments."""
    names = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename or part.get_content_disposition() == "attachment":
            names.append(filename or "")
    return tuple(names)


def doc_from_message(msg: EmailMessage, label_ids: frozenset[str], date: datetime, size: int = 0) -> MailDoc:
    """A MailDoc for a parsed message with its current labels and internal date."""
    files = attachment_filenames(msg)
    return MailDoc(
        sender=_addresses(msg, "from"),
        to=_addresses(msg, "to"),
        cc=_addresses(msg, "cc"),
        bcc=_addresses(msg, "bcc"),
        subject=str(msg.get("subject", "")),
        body=body_text(msg),
        message_id=str(msg.get("message-id", "")).strip(),
        label_ids=label_ids,
        date=date,
        has_attachment=bool(files),
        filenames=files,
        size=size,
    )


# --- evaluation -----------------------------------------------------------------------


@dataclass(frozen=True)
class SearchContext:
    """What a query needs beyond the message: now, the zone for dates, the account, its labels."""

    now: datetime
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("America/Los_Angeles"))
    account: str = ""
    user_labels: Mapping[str, str] = field(default_factory=dict)  # label name -> label id


def words(text: str) -> list[str]:
    """Text as Gmail indexes it, roughly: lower-cased runs of letters and digits."""
    return re.findall(r"\w+", text.lower())


def _has_phrase(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return True
    k = len(needle)
    first = needle[0]
    return any(haystack[i] == first and haystack[i : i + k] == needle for i in range(len(haystack) - k + 1))


def _label_key(name: str) -> str:
    # Gmail search writes "My Jobs/Acme" as label:my-jobs-acme; compare in that form.
    return re.sub(r"[\s/]+", "-", name.strip().lower())


def _parse_when(value: str, tz: ZoneInfo) -> datetime | None:
    if re.fullmatch(r"\d{9,}", value):
        return datetime.fromtimestamp(int(value), UTC)
    m = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", value)
    if not m:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=tz)
    except ValueError:
        return None


def _relative(value: str, now: datetime) -> datetime | None:
    m = re.fullmatch(r"(\d+)([dmy])", value.lower())
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit == "d":
        return now - timedelta(days=n)
    months = n if unit == "m" else 12 * n
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])  # Mar 31 less a month is Feb 29
    return now.replace(year=year, month=month + 1, day=day)


def _size(value: str) -> int | None:
    m = re.fullmatch(r"(\d+)([kKmM]?)", value)
    if not m:
        return None
    return int(m.group(1)) * {"": 1, "k": 1024, "m": 1024 * 1024}[m.group(2).lower()]


def _label_matches(value: str, doc: MailDoc, ctx: SearchContext) -> bool:
    key = _label_key(value)
    if key == "anywhere":
        return True
    if key in SYSTEM_LABEL_NAMES:
        return SYSTEM_LABEL_NAMES[key] in doc.label_ids
    if key.startswith("category-") or key in ("chats", "snoozed", "scheduled"):
        return CATEGORIES.get(key.removeprefix("category-"), "-") in doc.label_ids
    wanted = {lid for name, lid in ctx.user_labels.items() if _label_key(name) == key}
    return bool(wanted & doc.label_ids)


def _text(term: Term, doc: MailDoc) -> bool:
    needle = words(term.value)
    fields = (doc.subject, doc.body, *doc.sender, *doc.to, *doc.cc)
    return any(_has_phrase(words(f), needle) for f in fields)


def _evaluate_term(term: Term, doc: MailDoc, ctx: SearchContext) -> bool:
    f, v = term.field, term.value
    if f in ("from", "to", "cc", "bcc"):
        addrs = {"from": doc.sender, "to": doc.to, "cc": doc.cc, "bcc": doc.bcc}[f]
        if v.lower() == "me" and not term.quoted:
            v = ctx.account
        needle = words(v)
        return bool(needle) and any(_has_phrase(words(a), needle) for a in addrs)
    if f == "subject":
        return _has_phrase(words(doc.subject), words(v))
    if f in ("after", "before", "newer", "older"):
        when = _parse_when(v, ctx.tz)
        if when is None:
            return _text(Term("text", f"{f}:{v}"), doc)
        return doc.date >= when if f in ("after", "newer") else doc.date < when
    if f in ("newer_than", "older_than"):
        when = _relative(v, ctx.now)
        if when is None:
            return _text(Term("text", f"{f}:{v}"), doc)
        return doc.date > when if f == "newer_than" else doc.date < when
    if f in ("in", "label"):
        return _label_matches(v, doc, ctx)
    if f == "category":
        return CATEGORIES.get(v.lower(), "-") in doc.label_ids
    if f == "is":
        key = v.lower()
        if key == "read":
            return "UNREAD" not in doc.label_ids
        return {"unread": "UNREAD", "starred": "STARRED", "important": "IMPORTANT"}.get(key, "-") in doc.label_ids
    if f == "has":
        key = v.lower()
        if key == "attachment":
            return doc.has_attachment
        user = any(not (lid.isupper() or lid.startswith("CATEGORY_")) for lid in doc.label_ids)
        return {"userlabels": user, "nouserlabels": not user}.get(key, False)
    if f == "rfc822msgid":
        return doc.message_id.strip("<>").lower() == v.strip("<>").lower() and bool(v.strip("<>"))
    if f in ("larger", "smaller"):
        limit = _size(v)
        if limit is None:
            return False
        return doc.size > limit if f == "larger" else doc.size < limit
    if f == "filename":
        needle = words(v)
        return any(_has_phrase(words(name), needle) for name in doc.filenames)
    return _text(term, doc)


def evaluate(query: Query, doc: MailDoc, ctx: SearchContext) -> bool:
    """Whether a message matches a parsed query."""
    if isinstance(query, Term):
        return _evaluate_term(query, doc, ctx)
    if isinstance(query, Not):
        return not evaluate(query.expr, doc, ctx)
    if isinstance(query, And):
        return all(evaluate(q, doc, ctx) for q in query.items)
    return any(evaluate(q, doc, ctx) for q in query.items)


def matches(q: str, doc: MailDoc, ctx: SearchContext) -> bool:
    """Whether a message matches a query string."""
    return evaluate(parse(q), doc, ctx)


def searches_spam_or_trash(query: Query) -> bool:
    """Whether the query asks for spam or trash itself (in:spam, in:trash, in:anywhere).

    Gmail leaves SPAM and TRASH out of list results unless includeSpamTrash is set
    or the query names those places.
    """
    if isinstance(query, Term):
        return query.field in ("in", "label") and _label_key(query.value) in ("spam", "trash", "anywhere")
    if isinstance(query, Not):
        return False
    return any(searches_spam_or_trash(q) for q in query.items)
