"""When the answer is no: the feedback request, keep-in-touch, and what offers and next steps change."""

from __future__ import annotations

from datetime import datetime, timezone

from interview_bot.cli.status import status_json
from interview_bot.model import FollowUpKind, FollowUpStatus
from interview_bot.runtime.wiring import settings_from_config
from tests.world import ME, person

FEEDBACK = FollowUpKind.FEEDBACK_REQUEST
KEEP = FollowUpKind.KEEP_IN_TOUCH
PRIYA = "Priya Patel <priya.patel@initech.com>"
REJECTION = ("Hi Alex,\n\nThank you for taking the time to interview with us. After careful consideration, "
             "we have decided to move forward with other candidates whose experience more closely matches "
             "our needs.\n\nBest,\nPriya")
# Thu 3 Dec 16:00; the next business morning is Fri 4 Dec 09:30.
REJECTED_H = 2 * 24 + 7
MORNING_H = 3 * 24 + 0.5


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def status(world):  # type: ignore[no-untyped-def]
    return status_json(world.state, settings_from_config(world.cfg), world.clock.now())[-1]


def drafted(report, kind):  # type: ignore[no-untyped-def]
    return [fu for fu, _, _ in report.drafted if fu.kind is kind]


def rejected(world, sender: str = PRIYA, hours: float = REJECTED_H, **headers: str):  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    msg = world.mail(sender, "Your application to Initech", hours=hours, body=REJECTION,
                     message_id="<rejection-1@initech.com>", **headers)
    return msg


def test_feedback_request_next_business_morning_in_the_rejections_thread_to_its_sender(world) -> None:  # type: ignore[no-untyped-def]
    msg = rejected(world)
    assert drafted(world.run(hours=REJECTED_H + 0.1), FEEDBACK) == []  # not within minutes
    (fu,) = world.follow_ups(FEEDBACK)
    assert fu.due == utc(2026, 12, 4, 9, 30)
    assert status(world)["stage"] == "rejected"
    assert status(world)["latest_reply"]["kind"] == "rejection"
    assert drafted(world.run(hours=MORNING_H - 0.1), FEEDBACK) == []
    (done,) = drafted(world.run(hours=MORNING_H), FEEDBACK)
    assert done.thread_id == msg["threadId"]
    draft = world.drafts()[done.draft_id]
    assert draft["To"].addresses[0].addr_spec == "priya.patel@initech.com" and len(draft["To"].addresses) == 1
    assert draft["In-Reply-To"] == "<rejection-1@initech.com>"
    assert draft["Subject"] == "Re: Your application to Initech"
    text = draft.get_body(("plain",)).get_content()
    assert "stronger" in text and "future openings" in text


def test_once_per_process_however_many_rejections_arrive(world) -> None:  # type: ignore[no-untyped-def]
    rejected(world)
    world.mail("Jane Roe <jane.roe@initech.com>", "Following up", hours=REJECTED_H + 1,
               body="Unfortunately we won't be moving forward. Best of luck!")
    world.run(hours=MORNING_H)
    world.mail(PRIYA, "Application update", hours=MORNING_H + 20, body="The position has been filled.")
    world.run(hours=MORNING_H + 48)
    assert len(world.follow_ups(FEEDBACK)) == 1
    assert sum(1 for d in world.drafts().values() if "stronger" in d.get_body(("plain",)).get_content()) == 1


def test_a_rejection_from_a_no_reply_sender_is_answered_to_a_person(world) -> None:  # type: ignore[no-untyped-def]
    rejected(world, sender="Initech Careers <no-reply@initech.com>")
    world.run(hours=MORNING_H)
    (fu,) = world.follow_ups(FEEDBACK)
    assert fu.status is FollowUpStatus.DRAFTED
    assert [p.email for p in fu.recipients] == ["priya.patel@initech.com"]  # the organizer


def test_a_rejection_before_the_thank_you_cancels_the_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=0.5)
    world.mail(PRIYA, "Your application", hours=1.5, body=REJECTION)
    report = world.run(hours=3)
    assert drafted(report, FollowUpKind.THANK_YOU) == []
    (ty,) = world.thank_yous()
    assert ty.status is FollowUpStatus.CANCELLED and "rejection" in ty.reason


def test_keep_in_touch_is_off_by_default(world) -> None:  # type: ignore[no-untyped-def]
    rejected(world)
    world.run(hours=MORNING_H + 60 * 24)
    assert world.follow_ups(KEEP) == []


def test_keep_in_touch_when_turned_on_and_cancelled_by_later_contact(make_world) -> None:  # type: ignore[no-untyped-def]
    config = "follow_ups:\n  keep_in_touch:\n    enabled: true\n    after: 6 weeks\n"
    quiet = make_world(config)
    rejected(quiet)
    quiet.run(hours=MORNING_H)
    (fu,) = quiet.follow_ups(KEEP)
    assert fu.due == utc(2027, 1, 14, 9, 30)  # six weeks after Thu 3 Dec, in the morning
    (note,) = drafted(quiet.run(hours=44 * 24 + 1), KEEP)
    assert "stay in touch" in quiet.drafts()[note.draft_id].get_body(("plain",)).get_content()

    busy = make_world(config)
    rejected(busy)
    busy.run(hours=MORNING_H)
    busy.mail(PRIYA, "A new opening", hours=20 * 24, body="We have a new Data Analyst opening, interested?")
    busy.run(hours=20 * 24 + 1)
    (fu,) = busy.follow_ups(KEEP)
    assert fu.status is FollowUpStatus.CANCELLED and "wrote again" in fu.reason
    assert drafted(busy.run(hours=44 * 24 + 1), KEEP) == []


def test_an_offer_cancels_pending_check_ins_and_drafts_nothing(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail(PRIYA, "Offer", hours=30, body="We are delighted to offer you the Data Analyst position!")
    report = world.run(hours=31)
    assert report.drafted == []
    assert [f.status for f in world.follow_ups(FollowUpKind.STATUS_CHECK)] == [FollowUpStatus.CANCELLED]
    assert status(world)["stage"] == "offer"
    assert world.run(hours=30 * 24).drafted == []


def test_rescheduling_is_not_a_rejection(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True), person(ME)])
    world.run(hours=3)
    world.mail(PRIYA, "Quick change", hours=5,
               body="Unfortunately I have to reschedule our follow-up chat. Could we move it to Thursday?")
    world.run(hours=6)
    assert world.follow_ups(FEEDBACK) == []
    assert status(world)["latest_reply"]["kind"] != "rejection"


def test_config_reply_rules_and_hiring_system_senders(make_world) -> None:  # type: ignore[no-untyped-def]
    world = make_world(
        "replies:\n"
        "  senders: ['@hire.lever.co']\n"
        "  rules:\n"
        "    rejection: ['we will not be taking your application further']\n"
    )
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail("Initech Hiring <initech@hire.lever.co>", "Your application to Initech", hours=REJECTED_H,
               body="Hello Alex, thank you for your interest. We will not be taking your application further.")
    world.run(hours=REJECTED_H + 1)
    reply = status(world)["latest_reply"]
    assert reply["kind"] == "rejection" and reply["from"] == "initech@hire.lever.co"
    assert reply["phrase"].lower() == "we will not be taking your application further"  # the config's rule
    (fu,) = world.follow_ups(FEEDBACK)
    # The hiring system's address is a robot (lever.co): the feedback request goes to a person.
    assert [p.email for p in fu.recipients] == ["priya.patel@initech.com"]
