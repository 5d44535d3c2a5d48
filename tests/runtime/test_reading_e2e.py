"""Reading the company's mail end to end over the sandbox, with the real client: what answers and what does not.

The interview is Tue 1 Dec 09:00-10:00 (T0, Europe/London). With the defaults the decision is
due 5 business days later (Tue 8 Dec) and the check-in one business day after: Wed 9 Dec 09:30.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from email.message import EmailMessage

from interview_bot.cli.explain import explain
from interview_bot.cli.status import status_json
from interview_bot.model import FollowUpKind, FollowUpStatus
from interview_bot.runtime.wiring import settings_from_config
from tests.world import ME

CHECK, FEEDBACK = FollowUpKind.STATUS_CHECK, FollowUpKind.FEEDBACK_REQUEST
PRIYA = "Priya Patel <priya.patel@initech.com>"
DEFAULT_DUE_H = 8 * 24 + 0.5
# What Gmail writes on receipt for mail claiming initech.com that initech.com's servers did not send.
SPOOFED_AUTH = ("mx.google.com; dkim=fail header.i=@initech.com header.s=s1; spf=fail (google.com: domain of "
                "priya.patel@initech.com does not designate 203.0.113.9 as permitted sender) "
                "smtp.mailfrom=priya.patel@initech.com; dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=initech.com")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def status(world):  # type: ignore[no-untyped-def]
    (iv,) = [i for i in status_json(world.state, settings_from_config(world.cfg), world.clock.now())
             if i["status"] == "active"][-1:]
    return iv


def drafted_checks(report):  # type: ignore[no-untyped-def]
    return [fu for fu, _, _ in report.drafted if fu.kind is CHECK]


def body_of(world, draft_id: str) -> str:  # type: ignore[no-untyped-def]
    return str(world.drafts()[draft_id].get_body(("plain",)).get_content())


def interview_with_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    for draft_id in world.drafts():
        world.services.gmail.users().drafts().send(userId="me", body={"id": draft_id}).execute()


def test_a_promise_in_an_other_message_gives_a_check_in_after_that_date(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=24,
               body="Thank you for your time yesterday. You'll hear from us by the 16th.")
    world.run(hours=25)
    assert status(world)["decision"] == {"date": "2026-12-16", "source": "email", "phrase": "hear from us by the 16th"}
    (fu,) = world.follow_ups(CHECK)
    assert fu.status is FollowUpStatus.SCHEDULED and fu.due == utc(2026, 12, 17, 9, 30)
    assert drafted_checks(world.run(hours=DEFAULT_DUE_H)) == []  # the default date no longer holds
    (check,) = drafted_checks(world.run(hours=16 * 24 + 1))
    assert "[[NOTE" not in body_of(world, check.draft_id)  # read surely: a date, nothing to doubt
    (reply,) = status(world)["replies"]
    assert reply["kind"] == "holding" and reply["answer"] is False and reply["from"] == "priya.patel@initech.com"


def test_an_acknowledgement_does_not_stop_the_check_in_which_says_so(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=30, body="Thanks for your note!")
    world.run(hours=31)
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.SCHEDULED]
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    text = body_of(world, check.draft_id)
    assert text.startswith('[[NOTE: Initech wrote on 2 Dec ("Thanks for your note"); delete this draft if that '
                           "answered you; if that was a no, run: interview-bot decide Initech rejected]]")
    assert status(world)["replies"][0]["answer"] is False


def test_a_person_writing_after_the_date_has_passed_is_an_answer(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=DEFAULT_DUE_H - 12, body="Thanks for your patience.")  # Tue 8 Dec evening
    world.run(hours=DEFAULT_DUE_H - 11)
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.SCHEDULED]  # the 8th has not passed
    world.mail(PRIYA, "Re: Thank you", hours=DEFAULT_DUE_H - 1, body="Thanks again, speak soon.")  # Wed 9 Dec 08:30
    world.run(hours=DEFAULT_DUE_H)
    (fu,) = world.follow_ups(CHECK)
    assert fu.status is FollowUpStatus.CANCELLED and "priya.patel@initech.com replied" in fu.reason


def test_a_german_out_of_office_does_not_stop_it(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail("Jane Roe <jane.roe@initech.com>", "Automatische Antwort: Thank you", hours=4,
               body="Vielen Dank für Ihre Nachricht. Ich bin bis Montag, den 14.12.2026 nicht im Büro.",
               charset="iso-8859-1")
    world.run(hours=5)
    (reply,) = status(world)["replies"]
    assert (reply["kind"], reply["answer"]) == ("auto_reply", False)
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    assert "[[NOTE" not in body_of(world, check.draft_id)


def test_a_windows_1252_rejection_gives_a_feedback_request(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Ihre Bewerbung", hours=48, charset="windows-1252",
               body="Sehr geehrter Herr Morgan,\n\nleider haben wir uns für einen anderen Kandidaten entschieden – "
                    "wir wünschen Ihnen für Ihre Zukunft alles Gute.")
    world.run(hours=49)
    assert status(world)["stage"] == "rejected"
    (feedback,) = world.follow_ups(FEEDBACK)
    assert [p.email for p in feedback.recipients] == ["priya.patel@initech.com"]
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.CANCELLED]
    text = explain(world.state, settings_from_config(world.cfg), world.clock.now(), "Initech")
    assert "Decision was expected by" in text and "Decision expected by" not in text  # they have answered


def test_a_spoofed_reply_changes_nothing_and_the_edited_draft_survives(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    # The user edits the check-in draft...
    edited = EmailMessage()
    edited["To"] = "priya.patel@initech.com"
    edited["Subject"] = "Re: Thank you"
    edited.set_content("Hi Priya, any news? I am still very keen. Alex")
    raw = base64.urlsafe_b64encode(edited.as_bytes()).decode("ascii")
    world.services.gmail.users().drafts().update(userId="me", id=check.draft_id,
                                                 body={"message": {"raw": raw, "threadId": check.thread_id}}).execute()
    # ...and two forged "answers" arrive: one Gmail put in Spam, one in the inbox failing DMARC.
    world.mail(PRIYA, "Re: Thank you", hours=DEFAULT_DUE_H + 2, labels=("SPAM",), Authentication_Results=SPOOFED_AUTH,
               body="Unfortunately we have decided to move forward with other candidates.")
    world.mail(PRIYA, "Offer", hours=DEFAULT_DUE_H + 3, Authentication_Results=SPOOFED_AUTH,
               body="We are pleased to offer you the role! Click here to accept.")
    report = world.run(hours=DEFAULT_DUE_H + 4)
    assert report.withdrawn == [] and drafted_checks(report) == []
    assert "still very keen" in body_of(world, check.draft_id)
    assert [f.status for f in world.follow_ups(CHECK) if f.key == check.key] == [FollowUpStatus.DRAFTED]
    assert world.follow_ups(FEEDBACK) == []
    shown = status(world)
    assert shown["stage"] == "waiting"
    assert [(r["trusted"], r["untrusted_because"], r["answer"]) for r in shown["replies"]] == [
        (False, "in Spam", False), (False, "DMARC failed for initech.com", False)]


def test_a_bounce_is_no_reply_and_status_names_the_address(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    (thank_you,) = world.thank_yous()
    thread = world.services.gmail.users().threads().get(userId="me", id=thank_you.thread_id).execute()
    sent_id = world.sandbox.gmail.parsed(thread["messages"][-1]["id"])["Message-ID"]
    world.mail("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)",
               hours=4, body="Your message wasn't delivered to jane.roe@initech.com because the address couldn't be found.",
               In_Reply_To=sent_id, References=sent_id, X_Failed_Recipients="jane.roe@initech.com")
    world.run(hours=5)
    (reply,) = status(world)["replies"]
    assert (reply["kind"], reply["answer"]) == ("bounce", False)
    assert "jane.roe@initech.com" in reply["phrase"]
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.SCHEDULED]


def test_silence_means_no_one_marked_check_in_and_probably_closed(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=24,
               body="If you don't hear from us within two weeks, we have decided to move forward with other candidates.")
    world.run(hours=25)
    assert status(world)["decision"]["date"] == "2026-12-16"
    assert world.follow_ups(FEEDBACK) == []  # a condition, not a rejection
    (check,) = drafted_checks(world.run(hours=16 * 24 + 1))
    assert body_of(world, check.draft_id).startswith("[[NOTE: Initech wrote on 2 Dec that no news by 16 Dec means no")
    assert status(world)["stage"] == "probably closed (silence means no, per their email of 2 Dec)"
    assert drafted_checks(world.run(hours=40 * 24)) == []  # one check-in, no more


def test_a_hostile_megabyte_of_html_is_read(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    hostile = "<div><p>We would like to invite you to a final round interview.</p>" + "<a <<<<" * 150_000
    assert len(hostile) > 1_000_000
    world.mail(PRIYA, "Next steps", hours=30, body=hostile, subtype="html")
    engine = world.engine()
    world.clock.set(utc(2026, 12, 2, 16, 0))
    assert engine.mail.sync() == 1  # its time is measured by benchmarks/reading.py, not asserted here
    assert status(world)["replies"][0]["kind"] == "next_steps"


def test_explain_tells_the_trail(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=30, body="Thanks for your note!")
    world.run(hours=DEFAULT_DUE_H)
    text = explain(world.state, settings_from_config(world.cfg), world.clock.now(), "Initech")
    assert "Interview: Data Analyst - Initech" in text
    assert "why an interview: interview: the title matches" in text
    assert 'read as: acknowledgement (60%, rule en:acknowledgement#1) - "Thanks for your note"' in text
    assert "answer: no - not decisive (acknowledgement), before the decision date (Tue 08 Dec)" in text
    assert "Decision expected by Tue 08 Dec 2026: no promise read: the default wait" in text
    assert "drafted anyway, with the line [[NOTE: Initech wrote on 2 Dec" in text
    assert ME not in text.split("Follow-ups:")[0]  # the user's own sent thank-you is not company mail
