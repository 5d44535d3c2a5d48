"""Bodies decoded by their own charsets, HTML read linearly, and Gmail's Authentication-Results judged."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from interview_bot.model import MailPart
from interview_bot.reading.mailbody import MAX_TEXT, decode_text, html_to_text, read_body, read_raw
from interview_bot.reading.trust import trust_problem

TEXT = "Leider müssen wir Ihnen mitteilen – “nein”, Señor Ærø €"


@pytest.mark.parametrize(("charset", "cte"), [
    ("utf-8", None), ("utf-8", "quoted-printable"), ("windows-1252", None), ("iso-8859-15", "quoted-printable"),
    ("utf-16", None),
])
def test_each_part_is_decoded_by_its_declared_charset(charset: str, cte: str | None) -> None:
    text = TEXT if charset != "iso-8859-15" else "Müller, Señor Ærø €"
    msg = EmailMessage()
    if charset == "utf-16":  # the email package encodes line by line, which UTF-16 cannot be: as a mailer would
        msg.set_content(text.encode("utf-16"), maintype="text", subtype="plain", cte="base64")
        msg.set_param("charset", "utf-16")
    else:
        msg.set_content(text, charset=charset, cte=cte)
    assert text.encode("utf-8") not in msg.as_bytes() or charset == "utf-8"
    assert read_raw(msg.as_bytes()).text.strip() == text


@pytest.mark.parametrize(("data", "charset", "expected"), [
    ("Müller".encode("latin-1"), "iso-8859-1", "Müller"),
    (b"we\x92ll", "iso-8859-1", "we\u2019ll"),  # Outlook's curly quote under a latin-1 label: windows-1252
    (b"caf\xc3\xa9", "x-unknown-charset", "café"),
    (b"caf\xe9", "x-unknown-charset", "caf\ufffd"),  # unknown: utf-8 with replacement, never an exception
    (b"caf\xe9", None, "café"),  # none declared, not utf-8: windows-1252
    (b"caf\xc3\xa9", None, "café"),
    (b"abc", "rot13", "abc"),  # a codec that is no text encoding
])
def test_decode_text(data: bytes, charset: str | None, expected: str) -> None:
    assert decode_text(data, charset) == expected


def test_plain_text_is_preferred_and_html_read_without_scripts_or_quotes() -> None:
    html = ("<html><head><style>p{}</style><script>evil()</script></head><body><p>We would like to&nbsp;invite you."
            "</p><div class='gmail_quote'>On Mon, Jo wrote: unfortunately no</div><blockquote>old</blockquote></body></html>")
    assert html_to_text(html) == "We would like to invite you."
    both = read_body([MailPart("text/plain; charset=utf-8", b"Plain words"), MailPart("text/html", b"<p>HTML words</p>")])
    assert (both.text, both.source) == ("Plain words", "plain")
    only = read_body([MailPart("text/plain", b"  "), MailPart('text/html; charset="windows-1252"', b"<b>M\xfcller</b>")])
    assert (only.text, only.source) == ("Müller", "html")


def test_forwarded_or_bounced_messages_and_attachments_are_not_the_senders_words() -> None:
    body = read_body([MailPart("text/plain", b"Delivery failed."),
                      MailPart("text/plain", b"We are pleased to offer you", inside_message=True),
                      MailPart("text/plain", b"offer letter", filename="offer.txt")])
    assert body.text == "Delivery failed."


@pytest.mark.parametrize("hostile", ["<a " * 340_000, "<" * 1_000_000, "<!--" * 250_000, "<div>" * 200_000,
                                     "<a href='x" * 100_000, "&#" * 500_000])
def test_hostile_html_is_read(hostile: str) -> None:
    # Its time is measured by benchmarks/hostile_inputs.py and benchmarks/reading.py, not asserted here.
    assert isinstance(html_to_text(hostile), str)


def test_long_text_is_cut_before_any_pattern() -> None:
    body = read_body([MailPart("text/plain", b"x " * MAX_TEXT)])
    assert body.cut and len(body.text) == MAX_TEXT


GOOD = ("mx.google.com; dkim=pass header.i=@initech.com header.s=s1 header.b=abc; spf=pass (google.com: domain of "
        "jo@initech.com designates 1.2.3.4 as permitted sender) smtp.mailfrom=jo@initech.com; "
        "dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=initech.com")


@pytest.mark.parametrize(("labels", "results", "problem"), [
    (("INBOX",), GOOD, ""),
    (("INBOX",), "", ""),  # nothing known: nothing held against it
    (("SPAM",), GOOD, "in Spam"),
    (("TRASH", "INBOX"), GOOD, "in Trash"),
    (("INBOX",), "mx.google.com; dmarc=fail (p=NONE) header.from=initech.com", "DMARC failed for initech.com"),
    (("INBOX",), ("mx.google.com; spf=fail (google.com: domain of jo@initech.com does not designate) "
                 "smtp.mailfrom=jo@initech.com"), "SPF failed for initech.com"),
    (("INBOX",), "mx.google.com; dkim=fail header.i=@initech.com", "DKIM failed for initech.com"),
    # A second signature that passes, or DMARC passing, settles it
    (("INBOX",), "mx.google.com; dkim=fail header.i=@initech.com; dkim=pass header.i=@initech.com", ""),
    (("INBOX",), "mx.google.com; spf=fail smtp.mailfrom=jo@initech.com; dmarc=pass header.from=initech.com", ""),
    # About some other domain (a list's, a relay's): not the sender's claim
    (("INBOX",), "mx.google.com; spf=fail smtp.mailfrom=bounces@lists.example.org", ""),
    (("INBOX",), "mx.google.com; spf=softfail smtp.mailfrom=jo@initech.com", ""),
    (("INBOX",), "mx.google.com; dmarc=fail header.from=mail.initech.com", "DMARC failed for mail.initech.com"),
])
def test_trust(labels: tuple[str, ...], results: str, problem: str) -> None:
    headers = {"authentication-results": results} if results else {}
    assert trust_problem(labels, headers, "jo@initech.com") == problem


@pytest.mark.parametrize(("encoded", "text"), [
    ("SGVsbG8gd29ybGQ", "Hello world"),  # padding left off: nothing is cut
    ("SGVsbG8gd29ybGQ=", "Hello world"),
    ("SGVs=bG8g", "Hello"),  # padding inside is passed over
    ("Q===", ""),  # one stray character: nothing, and no exception
])
def test_broken_base64_is_decoded_as_far_as_it_goes(encoded: str, text: str) -> None:
    raw = ("From: a@b.c\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n").encode()
    assert read_raw(raw).text.strip() == text
