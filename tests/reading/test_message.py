"""The one reader of mail (interview_bot.reading.message.read_mail), as a table: message in, meaning or skip out."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interview_bot.model import Interview, MailMessage, MailPart, Person, ReplyKind
from interview_bot.reading.message import MailMeaning, OpenProcess, ReadingRules, Skip, Skipped, read_mail, rules_hash

T = datetime(2026, 12, 1, 10, tzinfo=UTC)
ME = "me@example.com"
JANE = Person("jane.roe@initech.com", "Jane Roe")
IV = Interview(id="primary/e1", calendar_id="primary", event_id="e1", title="Interview", company="Initech",
               role="Analyst", start=T, end=T + timedelta(hours=1), time_zone="UTC", interviewers=(JANE,),
               company_domains=("initech.com",))
PROCESSES = (OpenProcess("initech.com", (IV,)),)
RULES = ReadingRules(tz=ZoneInfo("UTC"), country=None, extra_senders=(), extra_rules={},
                     personal_domains=("gmail.com",), hiring_domains=("hire.lever.co",))
NO = "Unfortunately we have decided to move forward with other candidates."


def message(sender: Person | None = JANE, *, hours: int = 24, subject: str = "Re: Thank you",
            labels: tuple[str, ...] = ("INBOX",), **headers: str) -> MailMessage:
    return MailMessage(id="m1", thread_id="t1", message_id="<m1@x>", subject=subject, sender=sender,
                       to=(Person(ME),), date=T + timedelta(hours=hours), label_ids=labels,
                       headers={k.replace("_", "-").lower(): v for k, v in headers.items()})


def text(body: str) -> tuple[MailPart, ...]:
    return (MailPart("text/plain; charset=utf-8", body.encode()),)


def read(msg: MailMessage, body: str | None, rules: ReadingRules = RULES) -> MailMeaning | Skipped:
    return read_mail(msg, text(body) if body is not None else None, PROCESSES, rules, frozenset({ME}), "h1")


@pytest.mark.parametrize(("msg", "skip"), [
    (message(None), Skip.INCOMPLETE),
    (replace(message(), date=None), Skip.INCOMPLETE),
    (message(Person(ME)), Skip.FROM_YOU),
    (message(Person("ceo@globex.com")), Skip.NO_PROCESS),  # another company's mail
    (message(Person("friend@gmail.com")), Skip.NO_PROCESS),
])
def test_skipped_with_a_reason(msg: MailMessage, skip: Skip) -> None:
    outcome = read(msg, "Hello")
    assert isinstance(outcome, Skipped) and outcome.reason is skip


def test_the_text_is_asked_for_only_once_the_headers_tie_it_to_a_process() -> None:
    asked = read(message(), None)
    assert isinstance(asked, Skipped) and asked.reason is Skip.NEEDS_TEXT
    meant = read(message(), NO)
    assert isinstance(meant, MailMeaning)
    mail = meant.mail
    assert (mail.process, mail.kind, mail.is_reply, mail.is_answer, mail.rules_hash) == (
        "initech.com", ReplyKind.REJECTION, True, True, "h1")
    assert meant.reading.is_answer and mail.bounced == ()


def test_a_hiring_system_naming_the_company_only_in_its_text_needs_the_text_to_be_tied() -> None:
    lever = message(Person("no-reply@hire.lever.co", "Recruiting"), subject="Your application")
    asked = read(lever, None)
    assert isinstance(asked, Skipped) and asked.reason is Skip.NEEDS_TEXT
    meant = read(lever, "Thank you for your interest in Initech. " + NO)
    assert isinstance(meant, MailMeaning) and meant.mail.kind is ReplyKind.REJECTION and meant.mail.is_answer


@pytest.mark.parametrize(("msg", "body", "kind", "answer"), [
    (message(hours=-48), NO, None, False),  # before the interview: says nothing of the outcome
    (message(labels=("SPAM",)), None, ReplyKind.OTHER, False),  # Spam: recorded, its text never read
    (message(Auto_Submitted="auto-replied", subject="Automatic reply"), "I am out of the office.",
     ReplyKind.AUTO_REPLY, False),
    (message(), "We are still interviewing.", ReplyKind.HOLDING, False),
])
def test_what_is_recorded_and_whether_it_answers(msg: MailMessage, body: str | None, kind: ReplyKind | None,
                                                 answer: bool) -> None:
    meant = read(msg, body)
    assert isinstance(meant, MailMeaning)
    assert (meant.mail.kind, meant.mail.is_answer) == (kind, answer)


def test_a_bounce_names_whom_it_missed_as_a_field() -> None:
    bounce = message(Person("mailer-daemon@googlemail.com", "Mail Delivery Subsystem"),
                     subject="Delivery Status Notification (Failure)", X_Failed_Recipients="Jane.Roe@initech.com")
    meant = read(bounce, "Your message wasn't delivered to jane.roe@initech.com.")
    assert isinstance(meant, MailMeaning)
    assert (meant.mail.process, meant.mail.kind, meant.mail.bounced) == (
        "initech.com", ReplyKind.BOUNCE, ("jane.roe@initech.com",))
    assert not meant.mail.is_answer and "jane.roe@initech.com" in meant.mail.shown_phrase


def test_a_rule_from_config_changes_the_reading_and_its_hash() -> None:
    house = "Sadly this one is a no from us."
    before = read(message(), house)
    mine = replace(RULES, extra_rules={"rejection": ["is a no from us"]})
    after = read(message(), house, mine)
    assert isinstance(before, MailMeaning) and isinstance(after, MailMeaning)
    assert (before.mail.kind, after.mail.kind) == (ReplyKind.OTHER, ReplyKind.REJECTION)
    assert rules_hash(RULES) != rules_hash(mine) and rules_hash(RULES) == rules_hash(replace(RULES))


def test_what_only_the_text_and_its_parts_show_is_machine_mail_in_the_one_reader() -> None:
    """machine_reason reads the body and the part types too: an invitation's text/calendar part and an SES
    notice's JSON decide it as they do in read_message, not only the headers."""
    invite = read_mail(message(subject="Invitation: Interview"), (
        MailPart("text/plain; charset=utf-8", b"You have been invited to: Interview. Join with Google Meet."),
        MailPart("text/calendar; method=REQUEST", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")),
        PROCESSES, RULES, frozenset({ME}), "h1")
    assert isinstance(invite, MailMeaning) and invite.mail.kind is ReplyKind.NOTIFICATION
    ses = '{"notificationType": "Bounce", "bounce": {"bounceType": "Permanent", ' \
          '"bouncedRecipients": [{"emailAddress": "jane.roe@initech.com"}]}, "mail": {"source": "x@y"}}'
    bounced = read(message(), ses)
    assert isinstance(bounced, MailMeaning) and bounced.mail.kind is ReplyKind.BOUNCE and not bounced.mail.is_answer
