"""Reading the company's replies: what counts as one, what it says, and the quoted text to ignore."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interview_bot.reading.replies import (
    Classification,
    Incoming,
    ReplyContext,
    ReplyKind,
    classify_reply,
    is_company_reply,
    strip_quoted,
)

R, O, N, H, A, AUTO, X = (ReplyKind.REJECTION, ReplyKind.OFFER, ReplyKind.NEXT_STEPS, ReplyKind.HOLDING,
                          ReplyKind.ACKNOWLEDGEMENT, ReplyKind.AUTO_REPLY, ReplyKind.OTHER)


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        # Rejections, soft ones included
        ("Update on your application",
         ("Hi Sam,\n\nThank you for taking the time to interview with us. After careful consideration, we have decided "
         "to move forward with other candidates whose experience more closely matches our needs.\n\nBest,\nJo"), R),
        ("", "Unfortunately, we won't be moving forward with your application at this time.", R),
        ("", "I wanted to let you know that the position has been filled. We wish you the best of luck.", R),
        ("", "After much deliberation we've decided not to proceed with your candidacy.", R),
        ("", "Thank you for your interest. We will not be progressing your application further.", R),
        ("", "After careful consideration, I'm sorry to say you were not selected for the role.", R),
        ("", "The team enjoyed meeting you, but we've decided to pursue other candidates.", R),
        ("", "Unfortunately we are unable to offer you the position at this time.", R),
        ("", "Unfortunately we are unable to offer you", R),
        ("", "We have chosen another candidate for the Backend Engineer role.", R),
        ("Your application to Initech", "We regret to inform you that your application was unsuccessful.", R),
        ("", "We're going to move forward with a candidate whose background is a closer fit for the team.", R),
        ("", "We've decided to go in a different direction for this role.", R),
        ("", "We are no longer moving forward with your candidacy.", R),
        ("", "Sorry for the delay! The hiring manager has decided to go with an internal candidate.", R),
        # Rejection with aftercare is still a rejection
        ("", "We've decided to move forward with other candidates. I'd be happy to schedule a call to share feedback.", R),
        ("", "Unfortunately we won't be moving forward. However, we'd love to keep your resume on file for future roles.", R),
        # Offers
        ("", "Congratulations! We are pleased to offer you the position of Senior Engineer.", O),
        ("", "The team loved you and we'd like to extend an offer. I'll send the formal offer letter tomorrow.", O),
        ("Offer letter - Acme", "Please find attached. Let me know if you have questions!", O),
        ("", "We would love to offer you the Staff Engineer role!", O),
        ("", "You were the candidate whose experience best matches our needs, so we're pleased to offer you the role.", O),
        # Next steps, including the traps that say "unfortunately" or "move forward"
        ("", "Great news, we'd like to move forward with you! Can you share your availability for an onsite?", N),
        ("", "We're excited to move forward with your candidacy.", N),
        ("", "Unfortunately I have to reschedule our call tomorrow. Does Thursday work?", N),
        ("", "Unfortunately the interviewer is sick, can we move to Thursday?", N),
        ("", "We won't be moving forward with the Senior role, but we'd like you to interview for the Mid role.", N),
        ("", "The team would like to invite you to a final interview with our CTO.", N),
        ("", "We'd like to schedule a follow-up interview with the hiring manager. What times work next week?", N),
        ("", "You passed the screen! Next round is a 90-minute system design session.", N),
        ("", "We'd like to move you forward to the onsite.", N),
        ("", "Before we make an offer we'd like you to meet the VP. Please send your availability for Tuesday.", N),
        ("", "Hi Sam, I'm away next week but wanted to say we'd like to move you forward to the onsite!", N),
        # Holding
        ("", "We're still interviewing other candidates and need one more week.", H),
        ("", "Quick update: we haven't made a decision yet. Thank you for your patience!", H),
        ("", "We expect to have a decision by Friday, December 11.", H),
        ("", "The process is taking longer than expected, we'll get back to you next week.", H),
        # Acknowledgements
        ("Re: Thank you - Final round interview", "Thanks for your note, received!", A),
        ("", "Thanks for the thank-you note, it was great speaking with you.", A),
        ("", "Thank you for your email.", A),
        # Auto-replies
        ("Automatic reply: Thank you", "I am out of the office until Monday with limited access to email.", AUTO),
        ("Out of Office: Re: Thanks", "Back on the 14th.", AUTO),
        ("Re: Thank you", "Thank you for your email. I'm currently on annual leave and will respond when I return.", AUTO),
        # Neither
        ("", "Can you send me a copy of your portfolio?", X),
        ("", "Here is the parking info for Friday.", X),
        ("", "This is not a rejection, we just need a little more time.", H),
    ],
)
def test_classify(subject: str, body: str, kind: ReplyKind) -> None:
    result = classify_reply(subject, body)
    assert result.kind is kind, (body, result)
    if kind is not X:
        assert result.phrase and 0 < result.confidence <= 1


def test_classify_reports_the_phrase() -> None:
    result = classify_reply("", "Unfortunately, the position has been filled.")
    assert result == Classification(R, "position has been filled", 0.9, "en:rejection#4")


def test_quoted_rejection_under_a_new_reply_is_not_a_rejection() -> None:
    body = ("Great!\n\nOn Tue, Dec 8, 2026 at 10:00 AM Jo Recruiter <jo@acme.com> wrote:\n"
            "> Unfortunately we won't be moving forward with your application.\n")
    assert classify_reply("Re: Update", body).kind is X


def test_extra_rules_join_their_kind() -> None:
    body = "The panel voted to release you from the process."
    assert classify_reply("", body).kind is X
    result = classify_reply("", body, {"rejection": [r"release you from the process"]})
    assert result.kind is R and result.phrase == "release you from the process"
    assert classify_reply("", "Please book an onsite.", {"next_steps": [r"book an onsite"]}).kind is N
    # Config adds phrases but not precedence: a rejection rule still beats next steps.
    both = "We'd like to schedule a call. The panel voted to release you from the process."
    assert classify_reply("", both, {"rejection": [r"release you from the process"]}).kind is R


@pytest.mark.parametrize(("rules", "message"), [
    ({"rejected": ["x"]}, "unknown reply kind 'rejected'"),
    ({"other": ["x"]}, "takes no phrase rules"),
    ({"offer": ["(unclosed"]}, "not a valid regex"),
])
def test_bad_extra_rules_say_what_is_wrong(rules: dict[str, list[str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        classify_reply("", "hello", rules)


# --- strip_quoted -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Gmail: attribution on one line, then ">" lines
        ("Great!\n\nOn Tue, Dec 8, 2026 at 10:00 AM Jo <jo@acme.com> wrote:\n> We regret to inform you.\n> Jo",
         "Great!"),
        # Gmail, attribution wrapped over two lines
        ("Thanks, talk soon.\n\nOn Tue, Dec 8, 2026 at 10:00 AM Jo Recruiter <\njo@acme.com> wrote:\n\n> Old text",
         "Thanks, talk soon."),
        # Apple Mail
        ("Sounds good.\n\nSent from my iPhone\n\n> On Dec 8, 2026, at 10:00, Jo <jo@acme.com> wrote:\n> \n> Old",
         "Sounds good.\n\nSent from my iPhone"),
        ("Sounds good.\n\nOn Dec 8, 2026, at 10:00, Jo Recruiter <jo@acme.com> wrote:\n\nOld text without markers",
         "Sounds good."),
        # Outlook: Original Message separator
        ("See you then.\n\n-----Original Message-----\nFrom: Jo\nSent: Tuesday\nSubject: Re: Interview\n\nOld",
         "See you then."),
        # Outlook: header block without a separator, and with the underscore rule
        (("We're still deciding.\r\n\r\nFrom: Jo Recruiter <jo@acme.com>\r\nSent: Tuesday, December 8, 2026 10:00 AM\r\n"
         "To: Sam\r\nSubject: RE: Interview\r\n\r\nUnfortunately we won't be moving forward."), "We're still deciding."),
        ("Yes!\n________________________________\nFrom: Jo <jo@acme.com>\nSent: Tuesday\nTo: Sam\n\nOld", "Yes!"),
        # Bottom-posted / interleaved replies keep the new text
        ("On Tue, Dec 8, 2026 at 10:00 AM Jo <jo@acme.com> wrote:\n> Can you do Thursday?\nYes, Thursday works.",
         "Yes, Thursday works."),
        ("> Can you do Thursday?\nYes.\n> And 3pm?\nAlso yes.", "Yes.\nAlso yes."),
        # A sentence that only starts like an attribution is kept
        ("On Friday we'll meet the team.\nThanks!", "On Friday we'll meet the team.\nThanks!"),
        # "From:" in prose is kept
        ("From: the whole team, congratulations!", "From: the whole team, congratulations!"),
        ("", ""),
    ],
)
def test_strip_quoted(body: str, expected: str) -> None:
    assert strip_quoted(body) == expected


def test_strip_quoted_reads_hostile_input() -> None:
    # Its time is measured by benchmarks/hostile_inputs.py (target: 1 s), not asserted here.
    for hostile in ("> " * 100_000, "On x\n" * 40_000, "From: a\n" * 40_000, "x" * 300_000, "\n" * 300_000):
        assert len(strip_quoted(hostile)) <= len(hostile)
        classify_reply(hostile[:300], hostile)


# --- is_company_reply -----------------------------------------------------------------------------

NY = ZoneInfo("America/New_York")
START = datetime(2026, 12, 7, 14, 0, tzinfo=NY)
CTX = ReplyContext(
    interview_start=START,
    my_emails=frozenset({"sam@gmail.com"}),
    company_domains=("acme.com", "gmail.com"),  # a personal domain slipped in must not count
    company_people=frozenset({"jo@acme.com", "dale.interviewer@gmail.com"}),
    extra_senders=("no-reply@greenhouse.io", "@hire.lever.co", r"^acme-careers@.*\.workday\.com$"),
    personal_domains=("gmail.com", "outlook.*"),
)
REPLY = Incoming(
    sender_email="Jo@Acme.com",
    sender_name="Jo Recruiter",
    subject="Re: Thank you",
    date=START + timedelta(days=2),
    headers={},
    labels=("INBOX",),
    body="Thanks for your note! We'll be in touch next week.",
)


@pytest.mark.parametrize(
    ("changes", "is_reply", "reason"),
    [
        ({}, True, "part of this interview"),
        ({"sender_email": "dale.interviewer@gmail.com"}, True, "part of this interview"),
        ({"sender_email": "pat@acme.com"}, True, "company's domain"),
        ({"sender_email": "pat@eu.acme.com"}, True, "company's domain"),
        ({"sender_email": "no-reply@greenhouse.io"}, True, "hiring-system"),
        ({"sender_email": "jobs@hire.lever.co"}, True, "hiring-system"),
        ({"sender_email": "acme-careers@wd5.workday.com"}, True, "hiring-system"),
        # Not replies
        ({"sender_email": "sam@gmail.com"}, False, "your own message"),
        ({"labels": ("SENT",)}, False, "your own message"),
        ({"date": START - timedelta(hours=1)}, False, "before the interview"),
        ({"sender_email": "someone@gmail.com"}, False, "not the company side"),
        ({"sender_email": "jo@initech.com"}, False, "not the company side"),
        ({"sender_email": ""}, False, "no usable sender"),
        ({"subject": "Invitation: Onsite @ Thu Dec 10, 2026"}, False, "calendar notification"),
        ({"subject": "Updated invitation: Onsite"}, False, "calendar notification"),
        ({"subject": "Accepted: Onsite @ Thu"}, False, "calendar notification"),
        ({"subject": "Declined: Onsite @ Thu"}, False, "calendar notification"),
        ({"subject": "Canceled event: Onsite"}, False, "calendar notification"),
        ({"headers": {"sender": "Google Calendar <calendar-notification@google.com>"}}, False, "calendar notification"),
        ({"mime_types": ("multipart/mixed", "text/plain", "text/calendar; method=REQUEST")}, False, "calendar"),
        ({"headers": {"auto-submitted": "auto-replied"}}, False, "Auto-Submitted"),
        ({"headers": {"auto-submitted": "no"}}, True, "part of this interview"),
        ({"headers": {"x-autoreply": "yes"}}, False, "x-autoreply"),
        ({"headers": {"x-autorespond": "1"}}, False, "x-autorespond"),
        ({"headers": {"precedence": "auto_reply"}}, False, "Precedence"),
        ({"headers": {"precedence": "bulk"}}, True, "part of this interview"),  # ATS rejections come as bulk
        ({"headers": {"x-auto-response-suppress": "All"}}, True, "part of this interview"),
        ({"subject": "Automatic reply: Thank you"}, False, "automatic reply"),
        ({"subject": "Out of Office: Thank you"}, False, "automatic reply"),
        ({"subject": "OOO until Monday"}, False, "automatic reply"),
        ({"subject": "Re: Thank you", "body": "I am out of the office until Monday."}, False, "out-of-office"),
        ({"body": "Hi Sam, I'm on vacation but wanted to say: good news!"}, True, "part of this interview"),
        ({"sender_email": "mailer-daemon@googlemail.com"}, False, "bounce"),
        ({"sender_email": "postmaster@acme.com"}, False, "bounce"),
        ({"subject": "Delivery Status Notification (Failure)"}, False, "bounce"),
        ({"subject": "Undeliverable: Thank you"}, False, "bounce"),
        ({"headers": {"content-type": "multipart/report; report-type=delivery-status; boundary=x"}}, False, "bounce"),
        ({"headers": {"return-path": "<>"}}, False, "empty Return-Path"),
    ],
)
def test_is_company_reply(changes: dict[str, object], is_reply: bool, reason: str) -> None:
    ok, why = is_company_reply(replace(REPLY, **changes), CTX)  # type: ignore[arg-type]
    assert ok is is_reply
    assert reason.lower() in why.lower()


def test_is_company_reply_needs_aware_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        is_company_reply(replace(REPLY, date=datetime(2026, 12, 9, 10, 0)), CTX)
