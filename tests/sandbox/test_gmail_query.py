"""Gmail search queries: parsing and evaluation against one message at a time."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest

from interview_bot.sandbox.gmail_query import (
    And,
    MailDoc,
    Not,
    Or,
    SearchContext,
    Term,
    doc_from_message,
    matches,
    parse,
    searches_spam_or_trash,
)

NOW = datetime(2024, 3, 15, 12, 0, tzinfo=UTC)
CTX = SearchContext(now=NOW, tz=ZoneInfo("UTC"), account="me@example.com", user_labels={"Job Hunt/Acme": "Label_7"})

DOC = MailDoc(
    sender=("Jane Roe jane@initech.com",),
    to=("Alex Doe me@example.com",),
    cc=("Bob Smith bob@partners.io",),
    bcc=("archive@example.com",),
    subject="Re: Interview follow-up for Senior Engineer",
    body="Thanks for meeting with us on Tuesday. Let's schedule the onsite!",
    message_id="<abc.123@mail.initech.com>",
    label_ids=frozenset({"INBOX", "UNREAD", "IMPORTANT", "Label_7"}),
    date=datetime(2024, 3, 10, 9, 30, tzinfo=UTC),
    has_attachment=True,
    filenames=("offer-letter.pdf",),
    size=20_000,
)


@pytest.mark.parametrize(
    "q, expected",
    [
        ("", True),
        # from:/to:/cc:/bcc: match address and display name, as whole words
        ("from:jane@initech.com", True),
        ("from:initech.com", True),
        ("from:@initech.com", True),
        ("from:initech", True),
        ("from:JANE", True),
        ('from:"Jane Roe"', True),
        ("from:roe", True),
        ("from:nitech", False),
        ("from:bob@partners.io", False),
        ("to:me", True),
        ("from:me", False),
        ("to:alex", True),
        ("to:jane", False),
        ("cc:partners.io", True),
        ("cc:initech.com", False),
        ("bcc:archive", True),
        # subject: words and phrases, case-insensitive
        ("subject:interview", True),
        ("subject:INTERVIEW", True),
        ('subject:"senior engineer"', True),
        ('subject:"engineer senior"', False),
        ("subject:onsite", False),
        ("subject:(interview engineer)", True),
        ("subject:(interview onsite)", False),
        ("subject:{onsite engineer}", True),
        # bare words search subject, body and addresses, as whole words
        ("onsite", True),
        ("ONSITE", True),
        ("onsit", False),
        ("tuesday", True),
        ("initech", True),
        ("bob", True),
        ('"schedule the onsite"', True),
        ('"schedule onsite"', False),
        ("lets", False),
        ("follow-up", True),
        # negation
        ("-onsite", False),
        ("-rejected", True),
        ("-from:initech.com", False),
        ("-{rejected declined}", True),
        ("-(onsite OR rejected)", False),
        # OR binds tighter than the implied AND
        ("rejected OR onsite", True),
        ("rejected OR declined", False),
        ("interview rejected OR onsite", True),
        ("rejected interview OR onsite", False),
        ("{rejected onsite}", True),
        ("{rejected declined}", False),
        ("(rejected OR declined) interview", False),
        ("or onsite", False),  # lower-case "or" is just a word
        # labels and places
        ("in:inbox", True),
        ("label:inbox", True),
        ("in:sent", False),
        ("in:drafts", False),
        ("in:spam", False),
        ("in:trash", False),
        ("in:anywhere", True),
        ("label:job-hunt-acme", True),
        ('label:"Job Hunt/Acme"', True),
        ("label:job-hunt", False),
        ("label:nonexistent", False),
        ("is:unread", True),
        ("is:read", False),
        ("is:starred", False),
        ("is:important", True),
        ("has:attachment", True),
        ("has:userlabels", True),
        ("has:nouserlabels", False),
        ("filename:pdf", True),
        ("filename:docx", False),
        ("larger:10K", True),
        ("smaller:10K", False),
        # rfc822msgid: with or without angle brackets
        ("rfc822msgid:<abc.123@mail.initech.com>", True),
        ("rfc822msgid:abc.123@mail.initech.com", True),
        ("rfc822msgid:abc.124@mail.initech.com", False),
        # unknown operators are words
        ("foo:bar", False),
    ],
)
def test_operators(q: str, expected: bool) -> None:
    assert matches(q, DOC, CTX) is expected


@pytest.mark.parametrize(
    "q, expected",
    [
        ("after:2024/03/10", True),
        ("after:2024-03-10", True),
        ("after:2024/03/11", False),
        ("before:2024/03/11", True),
        ("before:2024/03/10", False),
        ("after:2024/03/01 before:2024/04/01", True),
        ("older:2024/03/11", True),
        ("newer:2024/03/11", False),
        ("after:1710063000", True),  # 2024-03-10T09:30:00Z, the message's own second
        ("after:1710063001", False),
        ("before:1710063001", True),
        ("before:1710063000", False),
        ("newer_than:7d", True),
        ("newer_than:4d", False),
        ("older_than:4d", True),
        ("older_than:1m", False),
        ("newer_than:1m", True),
        ("newer_than:1y", True),
        ("older_than:1y", False),
        ("after:2024/13/45", False),  # not a date: searched as text, which finds nothing
    ],
)
def test_dates(q: str, expected: bool) -> None:
    assert matches(q, DOC, CTX) is expected


def test_calendar_dates_are_midnight_in_the_search_zone() -> None:
    # 2024-03-10T05:00Z is still March 9 in Los Angeles (UTC-8 before DST starts that day).
    doc = MailDoc(date=datetime(2024, 3, 10, 5, 0, tzinfo=UTC))
    la = SearchContext(now=NOW, tz=ZoneInfo("America/Los_Angeles"))
    utc = SearchContext(now=NOW, tz=ZoneInfo("UTC"))
    assert matches("after:2024/03/10", doc, utc)
    assert not matches("after:2024/03/10", doc, la)
    assert matches("before:2024/03/10", doc, la)


def test_default_context_uses_pacific_time_like_gmail() -> None:
    assert SearchContext(now=NOW).tz == ZoneInfo("America/Los_Angeles")


@pytest.mark.parametrize(
    "q, tree",
    [
        ("a", Term("text", "a")),
        ("a b", And((Term("text", "a"), Term("text", "b")))),
        ("a b OR c", And((Term("text", "a"), Or((Term("text", "b"), Term("text", "c")))))),
        ("a AND b", And((Term("text", "a"), Term("text", "b")))),
        ("{a b}", Or((Term("text", "a"), Term("text", "b")))),
        ("-a", Not(Term("text", "a"))),
        ("-(a b)", Not(And((Term("text", "a"), Term("text", "b"))))),
        ('"a b"', Term("text", "a b", quoted=True)),
        ('from:"Jane Roe"', Term("from", "Jane Roe", quoted=True)),
        ("subject:(a b)", And((Term("subject", "a"), Term("subject", "b")))),
        ("FROM:x", Term("from", "x")),
        ("from:", Term("text", "from:")),
        ("(a", Term("text", "a")),  # unbalanced: lenient like Gmail
        ("a)", Term("text", "a")),
        ('"OR"', Term("text", "OR", quoted=True)),
    ],
)
def test_parse(q: str, tree: object) -> None:
    assert parse(q) == tree


@pytest.mark.parametrize(
    "q, expected",
    [
        ("in:trash", True),
        ("in:spam from:x", True),
        ("label:TRASH", True),
        ("in:anywhere", True),
        ("{in:trash in:inbox}", True),
        ("-in:trash", False),
        ("in:inbox", False),
        ("trash", False),
    ],
)
def test_searches_spam_or_trash(q: str, expected: bool) -> None:
    assert searches_spam_or_trash(parse(q)) is expected


def test_doc_from_message_reads_headers_body_and_attachments() -> None:
    msg = EmailMessage()
    msg["From"] = "Jane Roe <jane@initech.com>"
    msg["To"] = "me@example.com, Bob <bob@example.org>"
    msg["Subject"] = "Offer details"
    msg["Message-ID"] = "<m1@initech.com>"
    msg.set_content("Please find the offer attached.")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="offer.pdf")
    doc = doc_from_message(msg, frozenset({"INBOX"}), NOW, 1234)
    assert doc.sender == ("Jane Roe jane@initech.com",)
    assert doc.to == ("me@example.com", "Bob bob@example.org")
    assert "offer attached" in doc.body
    assert doc.filenames == ("offer.pdf",)
    ctx = SearchContext(now=NOW)
    assert matches("has:attachment from:initech.com attached to:bob", doc, ctx)
    assert not matches("pdf-1", doc, ctx)  # attachment bytes are not body text


def test_html_only_body_is_searched_without_tags() -> None:
    msg = EmailMessage()
    msg["Subject"] = "x"
    msg.set_content("<p>Your <b>interview</b> is confirmed</p><style>.onsite{}</style>", subtype="html")
    doc = doc_from_message(msg, frozenset(), NOW)
    ctx = SearchContext(now=NOW)
    assert matches('"interview is confirmed"', doc, ctx)
    assert not matches("onsite", doc, ctx)
    assert not matches("b", doc, ctx)
