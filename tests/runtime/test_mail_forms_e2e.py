"""Issue 21 end to end over the sandbox, with the real client: quoted and forwarded mail, machine mail,
and the user correcting a reading with `decide COMPANY rejected|offer|next-round|waiting`.

The interview is Tue 1 Dec 09:00-10:00 (T0, Europe/London); with the defaults the check-in is
drafted Wed 9 Dec 09:30 (see test_reading_e2e).
"""

from __future__ import annotations

import base64

from interview_bot.cli.commands import main
from interview_bot.model import Cause, FollowUpKind, FollowUpStatus
from tests.reading.test_english_phrasings import FORWARD, REPLY_ABOVE_OLD_REJECTION
from tests.reading.test_machine_mail import ARF
from tests.runtime.test_reading_e2e import (
    DEFAULT_DUE_H,
    PRIYA,
    body_of,
    drafted_checks,
    interview_with_thank_you,
    status,
)
from tests.world import at

CHECK, FEEDBACK = FollowUpKind.STATUS_CHECK, FollowUpKind.FEEDBACK_REQUEST


def _decide(world, *words: str, hours: float) -> int:  # type: ignore[no-untyped-def]
    return main(["--config", str(world.config_path), "decide", *words, "--at", at(hours).isoformat()])


def test_a_reply_quoting_a_rejection_above_a_new_invitation_is_a_next_step(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Data Analyst", hours=30, body=REPLY_ABOVE_OLD_REJECTION)
    world.run(hours=31)
    (reply,) = status(world)["replies"]
    assert (reply["kind"], reply["answer"]) == ("next_steps", True)
    assert [f.status for f in world.follow_ups(CHECK)] in ([], [FollowUpStatus.CANCELLED])
    assert world.follow_ups(FEEDBACK) == []


def test_a_forwarded_decision_is_read(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    sent = world.mail("Jordan Lee <jordan.lee@initech.com>", "Fwd: Sam - decision", hours=30, body=FORWARD)
    world.run(hours=31)
    (reply,) = status(world)["replies"]
    assert (reply["kind"], reply["answer"]) == ("rejection", True)
    (feedback,) = world.follow_ups(FEEDBACK)
    assert feedback.thread_id == sent["threadId"]


def test_an_arf_report_changes_nothing(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    raw = ARF.replace(b"From: <abusedesk@example.com>", b"From: <abuse@initech.com>")
    raw = raw.replace(b"Date: Thu, 8 Mar 2005 17:40:36 EDT", b"Date: Wed, 02 Dec 2026 15:00:00 +0000")
    world.services.gmail.users().messages().import_(
        userId="me", body={"raw": base64.urlsafe_b64encode(raw).decode(), "labelIds": ["INBOX"]},
        internalDateSource="dateHeader").execute()
    world.run(hours=31)
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.SCHEDULED]
    assert world.follow_ups(FEEDBACK) == []
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    assert "[[NOTE" not in body_of(world, check.draft_id)  # a report is no message of theirs to doubt


def test_decide_rejected_turns_a_noted_check_in_into_a_feedback_request(world, capsys) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    sent = world.mail(PRIYA, "Re: Thank you", hours=30, body="Thanks for your note!")
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    assert body_of(world, check.draft_id).startswith(
        '[[NOTE: Initech wrote on 2 Dec ("Thanks for your note"); delete this draft if that answered you; '
        "if that was a no, run: interview-bot decide Initech rejected]]")

    assert _decide(world, "Initech", "maybe", hours=DEFAULT_DUE_H + 1) == 1
    err = capsys.readouterr().err
    assert "error:" in err and "rejected, offer, next-round, waiting" in err

    assert _decide(world, "Initech", "rejected", hours=DEFAULT_DUE_H + 2) == 0
    assert "recorded a rejection" in capsys.readouterr().out
    report = world.run(hours=DEFAULT_DUE_H + 3)
    assert [f.key for f in report.withdrawn] == [check.key]
    assert report.withdrawn[0].cause is Cause.YOU_SAID  # the user's word, not "Priya replied (rejection)"
    assert check.draft_id not in world.drafts()
    (feedback,) = world.follow_ups(FEEDBACK)
    assert feedback.thread_id == sent["threadId"] and feedback.status is FollowUpStatus.SCHEDULED
    assert [p.email for p in feedback.recipients] == ["priya.patel@initech.com"]
    assert status(world)["stage"] == "rejected"


def test_decide_offer_stops_the_check_ins_and_waiting_brings_them_back(world, capsys) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=30, body="Thanks for your note!")
    world.run(hours=31)
    assert _decide(world, "Initech", "offer", hours=32) == 0
    world.run(hours=33)
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.CANCELLED]
    assert status(world)["stage"] == "offer" and world.follow_ups(FEEDBACK) == []
    assert _decide(world, "Initech", "waiting", hours=34) == 0
    world.run(hours=35)
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.SCHEDULED]
    assert status(world)["stage"] == "waiting"


def test_a_closed_role_stops_the_check_in_plans_no_feedback_and_status_asks(world, capsys) -> None:  # type: ignore[no-untyped-def]
    from interview_bot.cli.status import status_text

    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=30, body="Hi Sam, quick update: the req is frozen for now.")
    world.run(hours=31)
    assert [f.status for f in world.follow_ups(CHECK)] in ([], [FollowUpStatus.CANCELLED])
    assert world.follow_ups(FEEDBACK) == []
    iv = status(world)
    assert iv["stage"].startswith("closed by the company")
    assert "follow up later? set a date: interview-bot decide Initech YYYY-MM-DD" in status_text([iv], world.cfg.tz)
    assert main(["--config", str(world.config_path), "decide", "Initech", "2027-01-15", "--at", at(32).isoformat()]) == 0
    world.run(hours=33)
    (check,) = [f for f in world.follow_ups(CHECK) if f.status is FollowUpStatus.SCHEDULED]
    assert check.due.date().isoformat() == "2027-01-18"  # the business day after the date you set


def test_decide_waiting_after_a_mistaken_rejected_brings_the_check_ins_back(world, capsys) -> None:  # type: ignore[no-untyped-def]
    """A wrong `decide ... rejected` withdrew the drafted check-in; `decide ... waiting` undoes it: the next
    check-in is planned again, and the feedback request the mistake planned goes."""
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=30, body="Thanks for your note!")
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    assert _decide(world, "Initech", "rejected", hours=DEFAULT_DUE_H + 2) == 0
    world.run(hours=DEFAULT_DUE_H + 3)
    assert _decide(world, "Initech", "waiting", hours=DEFAULT_DUE_H + 4) == 0
    world.run(hours=DEFAULT_DUE_H + 5)
    later = [f for f in world.follow_ups(CHECK) if f.key != check.key]
    assert [f.status for f in later] == [FollowUpStatus.SCHEDULED]
    assert [f.status for f in world.follow_ups(FEEDBACK)] in ([], [FollowUpStatus.CANCELLED])


def test_the_daemons_sync_withdraws_a_stale_draft_in_its_own_pass(world) -> None:  # type: ignore[no-untyped-def]
    """engine.sync(withdraw=True), the daemon's sync, deletes a drafted check-in a sure rejection made stale
    without a second planning pass; a plain sync (run --once, plan) only records and leaves it to decide()."""
    interview_with_thank_you(world)
    world.mail(PRIYA, "Re: Thank you", hours=30, body="Thanks for your note!")
    (check,) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    world.mail(PRIYA, "Re: Data Analyst", hours=DEFAULT_DUE_H + 1,
               body="Unfortunately we have decided to move forward with other candidates.")
    world.clock.set(at(DEFAULT_DUE_H + 2))
    assert world.engine().sync().withdrawn == [] and check.draft_id in world.drafts()
    report = world.engine().sync(withdraw=True)
    assert [f.key for f in report.withdrawn] == [check.key] and check.draft_id not in world.drafts()
