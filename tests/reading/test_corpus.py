"""Real recruiter mail, end to end through the reader: MIME bytes in the declared charset -> kind, answer, date.

The messages and promise phrasings are in tests/reading/data/ (messages.yaml, promises.yaml),
each with the public template or example it was taken from (`source`), in seven languages
and several charsets. The expected values are the research's, written before the reader
existed; the few that differ (bounce as a kind of its own, "early next week" = Wednesday)
say why in their `note`. Where the reader disagrees with a label, the entry names the gap in
`xfail` and its test is a strict expected failure: labels are never moved to what the code says.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from interview_bot.reading.incoming import Incoming
from interview_bot.reading.mailbody import read_raw
from interview_bot.reading.promises import find_promise
from interview_bot.reading.read import read_message

DATA = Path(__file__).parent / "data"
MESSAGES: list[dict[str, Any]] = yaml.safe_load((DATA / "messages.yaml").read_text(encoding="utf-8"))
PROMISES: list[dict[str, Any]] = yaml.safe_load((DATA / "promises.yaml").read_text(encoding="utf-8"))
TZ = ZoneInfo("Europe/London")


def _published(entry: dict[str, Any]) -> bool:
    """Only a public page counts as a source: not "issue ...", "task brief ..." or "unsourced"."""
    return str(entry.get("source", "")).startswith(("https://", "http://"))


def _params(entries: list[dict[str, Any]]) -> list[Any]:
    return [
        pytest.param(e, id=e["id"], marks=[pytest.mark.xfail(strict=True, reason=e["xfail"])] if e.get("xfail") else [])
        for e in entries
    ]


def _mime(entry: dict[str, Any]) -> bytes:
    """The message as its sender's mail program would have sent it, in the entry's charset."""
    msg = EmailMessage()
    headers = dict(entry.get("headers") or {})
    msg["From"] = headers.pop("From", "Jordan Lee <jordan.lee@acme.example>")
    msg["To"] = "sam@example.com"
    msg["Subject"] = entry["subject"]
    msg["Date"] = format_datetime(datetime.combine(date.fromisoformat(entry["sent"]), time(10), UTC))
    content_type = headers.pop("Content-Type", None)
    for name, value in headers.items():
        msg[name] = value
    charset = str(entry.get("charset") or "utf-8")
    cte = None
    if charset.startswith("quoted-printable"):
        charset, cte = charset.split()[1], "quoted-printable"
    subtype = "html" if entry.get("html_only") else "plain"
    msg.set_content(entry["body"], subtype=subtype, charset=charset, cte=cte)
    if content_type:  # a report's own type (a bounce): keep the text as its first part
        msg.replace_header("Content-Type", content_type + '; charset="' + charset + '"')
    return msg.as_bytes()


def _incoming(entry: dict[str, Any], raw: bytes) -> Incoming:
    body = read_raw(raw)
    headers = {k.lower(): v for k, v in (entry.get("headers") or {}).items()}
    sender = headers.pop("from", "Jordan Lee <jordan.lee@acme.example>")
    email = sender.split("<")[-1].rstrip(">").strip()
    sent = datetime.combine(date.fromisoformat(entry["sent"]), time(10), UTC)
    return Incoming(email, "", entry["subject"], sent, headers, ("INBOX",), body.text, body.mime_types)


@pytest.mark.parametrize("entry", _params(MESSAGES))
def test_message(entry: dict[str, Any]) -> None:
    raw = _mime(entry)
    if entry.get("charset", "utf-8").split()[-1] not in ("utf-8",):
        assert entry["body"].encode("utf-8") not in raw or entry["body"].isascii()  # really in its own charset
    reading = read_message(_incoming(entry, raw), TZ)
    expected_promise = entry.get("promise")
    got = (reading.kind.value, reading.is_answer, reading.promise.by.isoformat() if reading.promise else None)
    assert got == (entry["kind"], entry["answer"], expected_promise), (reading.phrase, reading.rule, reading.answer_reason)
    if entry.get("silence_means_no"):
        assert reading.silence


@pytest.mark.parametrize("entry", _params(PROMISES))
def test_promise(entry: dict[str, Any]) -> None:
    sent = datetime.combine(date.fromisoformat(entry["sent"]), time(10), UTC)
    promise = find_promise(entry["text"], sent, TZ, "US")
    assert (promise.by.isoformat() if promise else None) == entry["expected"], promise


@pytest.mark.parametrize(
    "entry",
    [m for m in MESSAGES if not m.get("html_only") and "Content-Type" not in (m.get("headers") or {})],
    ids=lambda m: m["id"],
)
def test_message_body_is_decoded_from_its_charset(entry: dict[str, Any]) -> None:
    """Decoding holds for every plain-text message, including those whose label the reader gets wrong (xfail).

    (HTML-only bodies become other text; a report's bare Content-Type is not a whole multipart.)"""
    text = read_raw(_mime(entry)).text
    assert " ".join(entry["body"].split()) in " ".join(text.split())


def test_the_corpus_is_big_and_varied_enough() -> None:
    """Issue 11's minimums, met by published rows the reader gets right (xfail rows not counted)."""
    messages = [m for m in MESSAGES if _published(m)]
    promises = [p for p in PROMISES if _published(p)]
    assert all(_published(m) for m in MESSAGES)
    assert len([m for m in messages if not m.get("xfail")]) >= 60
    assert len([p for p in promises if not p.get("xfail")]) >= 20
    assert len({p["lang"] for p in promises if not p.get("xfail")}) >= 4
    assert len({m["lang"] for m in messages if not m.get("xfail")}) == 7
    charsets = {str(m.get("charset") or "utf-8").split()[-1] for m in messages}
    assert {"windows-1252", "iso-8859-1", "iso-8859-15", "utf-16"} <= charsets
    assert any(str(m.get("charset", "")).startswith("quoted-printable") for m in messages)
