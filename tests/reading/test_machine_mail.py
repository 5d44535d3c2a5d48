"""Machine mail is never an answer: reports, SES notifications, delivery status anywhere, postmaster, bounces.

The shapes are the published formats: ARF is RFC 5965 (its example in section B.1 is the
`ARF` message below, shortened); delivery status notifications are RFC 3464 (a
message/delivery-status part, here inside multipart/mixed as some gateways forward it);
the SES notification is the JSON body documented at
https://docs.aws.amazon.com/ses/latest/dg/notification-examples.html (the bounce example,
shortened), sent by SNS to an e-mail subscription. The Japanese bounce subject is the one
the issue quotes (a measured real bounce); Mailman's error mail subjects are its own
strings (Mailman 2.1 Mailman/Bouncer.py "Uncaught bounce notification").
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest

from interview_bot.reading.incoming import Incoming, ReplyKind
from interview_bot.reading.mailbody import parts_from_raw, read_body, read_raw
from interview_bot.reading.read import read_message

TZ = ZoneInfo("Europe/London")
SENT = datetime(2026, 12, 2, 10, tzinfo=UTC)
REJECTION = "Unfortunately we have decided to move forward with other candidates."

ARF = b"""From: <abusedesk@example.com>
Date: Thu, 8 Mar 2005 17:40:36 EDT
Subject: FW: Earn money
To: <abuse@example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report;
     boundary="part1_13d.2e68ed54_boundary"

--part1_13d.2e68ed54_boundary
Content-Type: text/plain; charset="US-ASCII"
Content-Transfer-Encoding: 7bit

This is an email abuse report for an email message received from IP
192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.
Unfortunately we have decided to move forward with other candidates.

--part1_13d.2e68ed54_boundary
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1

--part1_13d.2e68ed54_boundary
Content-Type: message/rfc822
Content-Disposition: inline

From: <somespammer@example.net>
Subject: Earn money

Spam Spam Spam

--part1_13d.2e68ed54_boundary--
"""

SES = ('{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",'
       '"bouncedRecipients":[{"emailAddress":"jordan@acme.example"}],"timestamp":"2016-01-27T14:59:38.237Z"},'
       '"mail":{"source":"sam@example.com","destination":["jordan@acme.example"]}}')
SNS = ('{\n  "Type" : "Notification",\n  "MessageId" : "0b1a-...",\n  "TopicArn" : "arn:aws:sns:us-east-1:123456789012:ses",\n'
       '  "Message" : "{\\"notificationType\\":\\"Complaint\\",\\"complaint\\":{}}"\n}')


def _dsn_in_mixed() -> bytes:
    """A gateway's delivery failure: the report (RFC 3464) wrapped in multipart/mixed, a person's words beside it."""
    return (b"From: Jordan Lee <jordan.lee@acme.example>\nSubject: Re: Thank you\nMIME-Version: 1.0\n"
            b"Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: text/plain\n\n"
            + REJECTION.encode() + b"\n--outer\n"
            b"Content-Type: multipart/report; report-type=delivery-status; boundary=inner\n\n"
            b"--inner\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
            b"--inner\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.acme.example\n\n"
            b"Final-Recipient: rfc822; sam@example.com\nAction: failed\nStatus: 5.1.1\n"
            b"--inner--\n--outer--\n")


def _incoming(raw: bytes, sender: str = "jordan.lee@acme.example", subject: str = "Re: Thank you",
              headers: dict[str, str] | None = None) -> Incoming:
    body = read_raw(raw)
    return Incoming(sender, "", subject, SENT, headers or {}, ("INBOX",), body.text, body.mime_types)


def _plain(text: str) -> bytes:
    msg = EmailMessage()
    msg.set_content(text)
    return msg.as_bytes()


@pytest.mark.parametrize(("name", "incoming", "kind"), [
    ("ARF report", _incoming(ARF, headers={"content-type": "multipart/report; report-type=feedback-report"}),
     ReplyKind.NOTIFICATION),
    ("ARF report, headers unknown", _incoming(ARF), ReplyKind.NOTIFICATION),
    ("delivery status inside multipart/mixed", _incoming(_dsn_in_mixed()), ReplyKind.BOUNCE),
    ("SES bounce as JSON", _incoming(_plain(SES), "no-reply@sns.amazonaws.com", "AWS Notification Message"),
     ReplyKind.BOUNCE),
    ("SNS envelope of a complaint", _incoming(_plain(SNS), "no-reply@sns.amazonaws.com", "AWS Notification Message"),
     ReplyKind.NOTIFICATION),
    ("postmaster with a Re: subject", _incoming(_plain(REJECTION), "postmaster@acme.example", "Re: Thank you"),
     ReplyKind.BOUNCE),
    ("MAILER-DAEMON, any subject", _incoming(_plain(REJECTION), "MAILER-DAEMON@mx.acme.example", "Re: Offer"),
     ReplyKind.BOUNCE),
    ("Japanese bounce subject", _incoming(_plain(REJECTION), "jordan.lee@acme.example", "メールエラー通知"),
     ReplyKind.BOUNCE),
    ("Mailman error mail", _incoming(_plain(REJECTION), "hiring-bounces@lists.acme.example", "Uncaught bounce notification"),
     ReplyKind.BOUNCE),
    ("list bounce sender", _incoming(_plain(REJECTION), "talent-bounces+sam=example.com@lists.acme.example", "Re: Thanks"),
     ReplyKind.BOUNCE),
])
def test_machine_mail_is_never_an_answer(name: str, incoming: Incoming, kind: ReplyKind) -> None:
    reading = read_message(incoming, TZ)
    assert (reading.kind, reading.is_answer) == (kind, False), name


def test_a_person_quoting_the_word_postmaster_is_still_a_person() -> None:
    reading = read_message(_incoming(_plain(REJECTION + " Ask the postmaster if mail fails.")), TZ)
    assert reading.kind is ReplyKind.REJECTION and reading.is_answer


def test_report_parts_are_leaves_with_their_own_type() -> None:
    types = {p.content_type.split(";")[0] for p in parts_from_raw(_dsn_in_mixed())}
    assert "message/delivery-status" in types
    assert "message/feedback-report" in {p.content_type.split(";")[0] for p in parts_from_raw(ARF)}


def _nested(depth: int, pad: int = 0) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = "innermost"
    msg.set_content("innermost text " + "x" * pad)
    for n in range(depth):
        outer = EmailMessage()
        outer["Subject"] = f"Fwd: level {n}"
        outer.set_content(f"forwarding level {n}")
        outer.add_attachment(msg)
        msg = outer
    return msg.as_bytes()


def test_the_mime_tree_is_cut_at_a_fixed_depth_while_parsed() -> None:
    from interview_bot.reading.mailbody import MAX_DEPTH

    parts = parts_from_raw(_nested(MAX_DEPTH * 3))
    assert parts and len(parts) <= MAX_DEPTH + 1
    assert parts[0].data.decode().strip() == f"forwarding level {MAX_DEPTH * 3 - 1}"
    assert not any(b"innermost" in p.data for p in parts)


def test_the_mime_tree_is_cut_at_a_fixed_number_of_parts() -> None:
    from interview_bot.reading.mailbody import MAX_PARTS

    msg = EmailMessage()
    msg.set_content("hello")
    for n in range(MAX_PARTS * 2):
        msg.add_attachment(f"part {n}".encode(), maintype="application", subtype="octet-stream", filename=f"{n}.bin")
    parts = parts_from_raw(msg.as_bytes())
    assert len(parts) <= MAX_PARTS
    assert read_body(parts).text.strip() == "hello"
