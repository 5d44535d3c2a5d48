"""Status checks end to end: the promised date, what counts as a reply, repeats, rounds, stale drafts."""

from __future__ import annotations

from datetime import datetime, timezone

from interview_bot.cli.commands import main
from interview_bot.cli.status import status_json
from interview_bot.model import Cause, FollowUpKind, FollowUpStatus
from interview_bot.runtime.wiring import settings_from_config
from tests.world import ME, person

CHECK = FollowUpKind.STATUS_CHECK
PRIYA = "Priya Patel <priya.patel@initech.com>"
# The interview is Tue 1 Dec 09:00-10:00 (T0). With the defaults, the decision is due 5 business
# days later (Tue 8 Dec), and the check-in one business day after that, at 09:30: Wed 9 Dec.
DEFAULT_DUE_H = 8 * 24 + 0.5


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def checks(world):  # type: ignore[no-untyped-def]
    return world.follow_ups(CHECK)


def status(world):  # type: ignore[no-untyped-def]
    (iv,) = [i for i in status_json(world.state, settings_from_config(world.cfg), world.clock.now())
             if i["status"] == "active"][-1:]
    return iv


def drafted_checks(report):  # type: ignore[no-untyped-def]
    return [(fu, subject) for fu, subject, _ in report.drafted if fu.kind is CHECK]


def interview_with_thank_you(world) -> str:  # type: ignore[no-untyped-def]
    """An interview at T0 whose thank-you the user has sent."""
    eid = world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)  # the thank-you is drafted...
    for draft_id in world.drafts():  # ...and the user sends it
        world.services.gmail.users().drafts().send(userId="me", body={"id": draft_id}).execute()
    return eid


def test_check_in_when_the_default_wait_passes_in_silence(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    (fu,) = checks(world)
    assert fu.due == utc(2026, 12, 9, 9, 30)
    assert status(world)["decision"] == {"date": "2026-12-08", "source": "default", "phrase": None}
    assert drafted_checks(world.run(hours=DEFAULT_DUE_H - 0.1)) == []
    ((check, subject),) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    thank_you = world.thank_yous()[0]
    assert check.thread_id == thank_you.thread_id  # in the thread of the thank-you the user sent
    assert subject.startswith("Re: ")
    assert [p.email for p in check.recipients] == ["priya.patel@initech.com"]  # the organizer first
    draft = world.drafts()[check.draft_id]
    assert "[[" in draft.get_body(("plain",)).get_content()


def test_a_deleted_thank_you_leaves_the_check_in_a_new_thread(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    for draft_id in world.drafts():  # the user threw the thank-you away instead of sending it
        world.services.gmail.users().drafts().delete(userId="me", id=draft_id).execute()
    report = world.run(hours=DEFAULT_DUE_H)
    assert report.failed == []
    ((check, subject),) = drafted_checks(report)
    assert not subject.startswith("Re:") and check.thread_id != world.thank_yous()[0].thread_id


def test_promise_in_the_recruiters_email_sets_the_date_and_addresses_the_recruiter(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0, organizer={"email": "no-reply@greenhouse.io"},
                 attendees=[person("jane.roe@initech.com", "Jane Roe"), person(ME)])
    world.mail("Sam Recruiter <sam@initech.com>", "Next steps", hours=6,
               body="Thanks for coming in today! We'll have a decision by Friday, December 11.")
    world.run(hours=7)
    assert status(world)["decision"]["date"] == "2026-12-11"
    assert status(world)["decision"]["source"] == "email"
    (fu,) = checks(world)
    assert fu.due == utc(2026, 12, 14, 9, 30)  # Friday + 1 business day = Monday
    assert [p.email for p in fu.recipients] == ["sam@initech.com"]
    assert drafted_checks(world.run(hours=DEFAULT_DUE_H)) == []


def test_promise_in_the_invitation_counts_too(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0,
                 description="Agenda: 1h with Jane. You'll hear from us within two weeks.")
    world.run(hours=1)
    assert status(world)["decision"]["date"] == "2026-12-15"
    assert status(world)["decision"]["source"] == "invitation"


def test_a_later_promise_replaces_an_earlier_one(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Update", hours=5, body="We'll have a decision by Friday, December 4.")
    world.run(hours=6)
    assert checks(world)[0].due == utc(2026, 12, 7, 9, 30)
    world.mail(PRIYA, "Re: Update", hours=3 * 24 + 2, body="Sorry for the delay, we need one more week.")
    world.run(hours=3 * 24 + 3)
    assert status(world)["decision"]["date"] == "2026-12-11"
    assert checks(world)[0].due == utc(2026, 12, 14, 9, 30)


def test_a_reply_stops_the_check_in(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail("Jane Roe <jane.roe@initech.com>", "Re: Thank you", hours=30,
               body="Great chatting! We'd like to invite you to a final round. What is your availability?")
    world.run(hours=31)
    (fu,) = checks(world)
    assert fu.status is FollowUpStatus.CANCELLED and "jane.roe@initech.com replied" in fu.reason
    assert status(world)["stage"] == "next round"
    assert drafted_checks(world.run(hours=DEFAULT_DUE_H + 24)) == []


def test_things_that_are_not_replies_do_not_stop_it(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail("Jane Roe <jane.roe@initech.com>", "Automatic reply: Thank you", hours=4,
               body="I am out of the office until Monday.", Auto_Submitted="auto-replied")
    world.mail("Jane Roe <jane.roe@initech.com>", "Out of Office", hours=5, body="Back next week.")
    world.mail("Priya Patel <priya.patel@initech.com>", "Invitation: Debrief @ Wed Dec 2", hours=6,
               body="You have been invited to the following event.")
    world.mail("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)",
               hours=7, body="Address not found")
    world.mail("Alex Morgan <alex.morgan@gmail.com>", "Re: Interview", hours=8, to="jane.roe@initech.com",
               body="Thanks again!")
    world.mail("Bob <bob@othercorp.com>", "Re: your application", hours=9, body="We'd love to talk to you.")
    assert len(drafted_checks(world.run(hours=DEFAULT_DUE_H))) == 1


def test_checked_again_right_before_drafting(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    engine = world.engine()
    world.clock.set(utc(2026, 12, 9, 9, 0))
    engine.sync()
    world.mail("Jane Roe <jane.roe@initech.com>", "Decision", hours=DEFAULT_DUE_H - 0.2,
               body="Unfortunately we won't be moving forward with your application.")
    world.clock.set(utc(2026, 12, 9, 9, 30))
    report = engine.draft_due()  # no sync in between, as when the daemon's date job fires
    assert drafted_checks(report) == []
    assert checks(world)[0].status is FollowUpStatus.CANCELLED


def test_repeats_up_to_the_maximum_spaced_in_business_days(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    assert len(drafted_checks(world.run(hours=DEFAULT_DUE_H))) == 1
    (first, second) = sorted(checks(world), key=lambda f: f.key)
    assert second.due == utc(2026, 12, 16, 9, 30) and second.status is FollowUpStatus.SCHEDULED
    assert len(drafted_checks(world.run(hours=15 * 24 + 1))) == 1
    assert drafted_checks(world.run(hours=40 * 24)) == []
    assert [f.status for f in sorted(checks(world), key=lambda f: f.key)] == [FollowUpStatus.DRAFTED] * 2
    assert len(world.drafts()) == 2  # two check-ins (the thank-you was sent)


def test_business_days_skip_weekends_and_public_holidays(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 21 * 24)  # Tue 22 Dec
    world.run(hours=21 * 24 + 4)
    # 5 business days: 23, 24, 29, 30, 31 Dec (25 and 28 Dec are GB holidays); +1: Mon 4 Jan (1 Jan is one too)
    assert status(world)["decision"]["date"] == "2026-12-31"
    assert checks(world)[0].due == utc(2027, 1, 4, 9, 30)


def test_no_check_in_while_another_round_is_ahead(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.run(hours=48)
    world.invite("Final round - Initech", 9 * 24)  # Thu 10 Dec, after round one's check-in date
    world.run(hours=50)
    round_one = [f for f in checks(world) if "Final" not in world.state.interview(f.interview_id).title]
    assert [f.status for f in round_one] == [FollowUpStatus.CANCELLED]
    assert drafted_checks(world.run(hours=DEFAULT_DUE_H)) == []
    assert status(world)["stage"] == "interview ahead"
    report = world.run(hours=9 * 24 + 4)
    assert [fu.kind for fu, _, _ in report.drafted] == [FollowUpKind.THANK_YOU]  # round two's own thank-you
    (pending,) = [f for f in checks(world) if f.status is FollowUpStatus.SCHEDULED]
    assert pending.due == utc(2026, 12, 18, 9, 30)  # the wait restarts from round two


def test_a_reply_withdraws_the_unsent_check_in_draft(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    ((check, _),) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    assert check.draft_id in world.drafts()
    world.mail(PRIYA, "Re: Following up", hours=DEFAULT_DUE_H + 3, body="Sorry for the wait! We'd like to offer you the role.")
    report = world.run(hours=DEFAULT_DUE_H + 4)
    assert [f.key for f in report.withdrawn] == [check.key]
    assert check.draft_id not in world.drafts()
    (fu,) = [f for f in checks(world) if f.key == check.key]
    assert fu.status is FollowUpStatus.WITHDRAWN and fu.cause is Cause.COMPANY_ANSWERED
    assert status(world)["stage"] == "offer"


def test_a_sent_check_in_is_not_withdrawn(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    ((check, _),) = drafted_checks(world.run(hours=DEFAULT_DUE_H))
    world.services.gmail.users().drafts().send(userId="me", body={"id": check.draft_id}).execute()
    world.mail(PRIYA, "Re: Following up", hours=DEFAULT_DUE_H + 3, body="Thanks, we'll be in touch.")
    assert world.run(hours=DEFAULT_DUE_H + 4).withdrawn == []
    assert [f.status for f in checks(world) if f.key == check.key] == [FollowUpStatus.DRAFTED]


def test_decide_sets_the_date_from_the_command_line(world, capsys) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    assert main(["--config", str(world.config_path), "decide", "Initech", "2026-12-18"]) == 0
    assert "decision expected by Fri 18 Dec 2026" in capsys.readouterr().out
    world.run(hours=5)
    assert status(world)["decision"] == {"date": "2026-12-18", "source": "you", "phrase": None}
    assert checks(world)[0].due == utc(2026, 12, 21, 9, 30)
    assert main(["--config", str(world.config_path), "decide", "Nobody Corp", "2026-12-18"]) == 1
    assert "no interviews match" in capsys.readouterr().err


def test_config_decision_by_company(make_world) -> None:  # type: ignore[no-untyped-def]
    world = make_world("decisions:\n  initech.com: 2026-12-04\n")
    interview_with_thank_you(world)
    assert status(world)["decision"]["source"] == "config"
    assert checks(world)[0].due == utc(2026, 12, 7, 9, 30)


def test_idle_sync_costs_two_requests(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.run(hours=4)
    world.sandbox.clear_requests()
    world.run(hours=5)
    paths = sorted(r["path"].rsplit("/", 1)[-1] for r in world.sandbox.requests())
    assert paths == ["events", "history"]


def test_gmail_history_404_resyncs_without_duplicates(world) -> None:  # type: ignore[no-untyped-def]
    interview_with_thank_you(world)
    world.mail(PRIYA, "Update", hours=5, body="We'll have a decision by Friday, December 4.")
    world.run(hours=6)
    world.mail(PRIYA, "Re: Update", hours=6.5, body="Quick note: still on track for Friday.")
    world.sandbox.gmail.expire_history()  # Gmail forgot the history since the bot's last sync
    world.sandbox.clear_requests()
    world.run(hours=7)
    statuses = [r["status"] for r in world.sandbox.requests() if r["path"].endswith("/history")]
    assert statuses == [404]
    mail, follow_ups = world.state.mail(), world.state.follow_ups()
    assert [m.subject for m in mail] == ["Update", "Re: Update"]  # the new one read once, the old not again
    assert len(follow_ups) == len({f.key for f in follow_ups}) == 2
    world.run(hours=8)
    assert (world.state.mail(), world.state.follow_ups()) == (mail, follow_ups)
