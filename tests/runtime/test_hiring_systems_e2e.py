"""Mail from hiring systems and agencies, end to end over the sandbox with the real client.

The company's decisive mail often comes from a tool (Greenhouse, Workday) or an agency's
recruiter, not from the company's domain: it must be read without any setup, and only for
the company it names.
"""

from __future__ import annotations

from interview_bot.cli.explain import explain
from interview_bot.cli.status import status_json, status_text
from interview_bot.model import FollowUpKind, FollowUpStatus
from interview_bot.runtime.wiring import settings_from_config
from tests.world import ME, person

FEEDBACK = FollowUpKind.FEEDBACK_REQUEST
CHECK = FollowUpKind.STATUS_CHECK
REJECTION = ("Hi Alex,\n\nThank you for taking the time to interview with us. After careful consideration, "
             "we have decided to move forward with other candidates whose experience more closely matches "
             "our needs.\n\nBest,\nThe Recruiting Team")
# Thu 3 Dec 16:00; the next business morning is Fri 4 Dec 09:30.
REJECTED_H = 2 * 24 + 7
MORNING_H = 3 * 24 + 0.5
# With the defaults the check-in for an interview at T0 is due Wed 9 Dec 09:30.
CHECK_DUE_H = 8 * 24 + 0.5


def statuses(world):  # type: ignore[no-untyped-def]
    return status_json(world.state, settings_from_config(world.cfg), world.clock.now())


def status(world, company: str = "Initech"):  # type: ignore[no-untyped-def]
    return [s for s in statuses(world) if s["company"] == company][-1]


def drafted(report, kind):  # type: ignore[no-untyped-def]
    return [fu for fu, _, _ in report.drafted if fu.kind is kind]


def test_a_greenhouse_rejection_naming_the_company_gets_a_feedback_request_in_its_thread(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    msg = world.mail("Initech <no-reply@us.greenhouse-mail.io>", "Update on your application", hours=REJECTED_H,
                     body=REJECTION, message_id="<gh-1@us.greenhouse-mail.io>")
    world.run(hours=REJECTED_H + 0.1)
    reply = status(world)["latest_reply"]
    assert reply["kind"] == "rejection" and reply["from"] == "no-reply@us.greenhouse-mail.io"
    (seen,) = status(world)["replies"]
    assert seen["via"] == "hiring system + name"
    assert [f.status for f in world.follow_ups(CHECK)] == [FollowUpStatus.CANCELLED]
    trail = explain(world.state, settings_from_config(world.cfg), world.clock.now(), "Initech")
    assert "tied to this process by: hiring system + name" in trail

    (fu,) = drafted(world.run(hours=MORNING_H), FEEDBACK)
    assert fu.thread_id == msg["threadId"]  # in the hiring system's thread...
    draft = world.drafts()[fu.draft_id]
    assert draft["In-Reply-To"] == "<gh-1@us.greenhouse-mail.io>"
    # ...but to a person: the no-reply robot reads nothing.
    assert [a.addr_spec for a in draft["To"].addresses] == ["priya.patel@initech.com"]
    later = world.run(hours=CHECK_DUE_H + 48)
    assert drafted(later, CHECK) == []  # and never a cheerful check-in after the no


def test_a_hiring_system_naming_the_company_only_in_its_text_is_read(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail("Sam Jones <no-reply@hire.lever.co>", "Your application", hours=REJECTED_H,
               body="Hi Alex,\n\nThank you for your interest in Initech. Unfortunately we will not be moving "
                    "forward with your application at this time.\n\nSam")
    world.run(hours=REJECTED_H + 0.1)
    assert status(world)["latest_reply"]["kind"] == "rejection"
    assert [f.kind for f in world.follow_ups(FEEDBACK)] == [FEEDBACK]


def test_a_workday_acknowledgement_does_not_stop_the_check_in(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail("Initech Careers <initech@myworkday.com>", "Thank you for applying to Initech", hours=30,
               body="Dear Alex,\n\nThank you for your interest in Initech. We have received your application "
                    "for Data Analyst.\n\nInitech Talent Acquisition")
    world.run(hours=31)
    (seen,) = status(world)["replies"]
    # A hiring system's notice is no person answering: it is recorded as a notification and answers nothing.
    assert seen["via"] == "hiring system + name" and seen["kind"] == "notification" and seen["answer"] is False
    assert status(world)["latest_reply"] is None
    (check,) = drafted(world.run(hours=CHECK_DUE_H), CHECK)
    assert [p.email for p in check.recipients] == ["priya.patel@initech.com"]  # not the Workday robot


def test_a_rejection_relayed_by_the_agency_recruiter_who_organised_it_is_answered_to_them(world) -> None:  # type: ignore[no-untyped-def]
    nina = {"email": "nina.berg@hays.com", "displayName": "Nina Berg"}
    world.invite("Interview: Data Analyst - Initech", 0, organizer=nina, attendees=[
        person(nina["email"], "Nina Berg", organizer=True), person("jane.roe@initech.com", "Jane Roe"), person(ME)])
    world.run(hours=3)
    st = status(world)
    assert st["company"] == "Initech" and st["via"] == "Hays"  # the client, through the agency
    assert "via Hays" in status_text(statuses(world), world.cfg.tz)

    # Another recruiter at the agency, about a company the user has no process with: not Initech's.
    world.mail("Tom Hale <tom.hale@hays.com>", "A role at Globex", hours=20,
               body="Hi Alex, my client Globex is hiring a Data Analyst. Interested?")
    msg = world.mail("Nina Berg <nina.berg@hays.com>", "Initech - Data Analyst", hours=REJECTED_H,
                     body="Hi Alex,\n\nI have heard back from Initech. My client has decided to go with another "
                          "candidate for this one. Sorry it is not better news!\n\nNina",
                     message_id="<nina-1@hays.com>")
    world.run(hours=REJECTED_H + 0.1)
    (seen,) = status(world)["replies"]
    assert seen["from"] == "nina.berg@hays.com" and seen["via"] == "agency" and seen["agency"] == "Hays"
    assert status(world)["stage"] == "rejected"
    trail = explain(world.state, settings_from_config(world.cfg), world.clock.now(), "Initech")
    assert "tied to this process by: agency (through Hays)" in trail
    (fu,) = drafted(world.run(hours=MORNING_H), FEEDBACK)
    assert fu.thread_id == msg["threadId"]
    draft = world.drafts()[fu.draft_id]
    assert [a.addr_spec for a in draft["To"].addresses] == ["nina.berg@hays.com"]
    assert draft["In-Reply-To"] == "<nina-1@hays.com>"


def test_a_greenhouse_message_naming_another_company_changes_nothing(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    before = [(f.key, f.status, f.due) for f in world.state.follow_ups()]
    world.mail("Globex Recruiting <no-reply@us.greenhouse-mail.io>", "Your application to Globex",
               hours=REJECTED_H, body=REJECTION)
    world.run(hours=REJECTED_H + 0.1)
    assert status(world)["replies"] == [] and status(world)["latest_reply"] is None
    assert [(f.key, f.status, f.due) for f in world.state.follow_ups()] == before
    assert world.follow_ups(FEEDBACK) == []
    assert len(drafted(world.run(hours=CHECK_DUE_H), CHECK)) == 1


def test_a_message_two_processes_could_claim_is_shown_unattributed(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Interview: Backend Engineer - Globex", 2, organizer={"email": "ann@globex.com"}, attendees=[
        person("ann@globex.com", "Ann Lee", organizer=True), person(ME)])
    world.run(hours=4)
    world.mail("Careers <no-reply@hire.lever.co>", "Initech is now part of Globex", hours=REJECTED_H,
               body=REJECTION)
    world.run(hours=REJECTED_H + 0.1)
    for company in ("Initech", "Globex"):
        st = status(world, company)
        assert st["replies"] == [] and st["latest_reply"] is None
        (u,) = st["unattributed"]
        assert u["subject"] == "Initech is now part of Globex" and "more than one" in u["why"]
    assert world.follow_ups(FEEDBACK) == []
    assert "unattributed:" in status_text(statuses(world), world.cfg.tz)


def test_mail_from_a_careers_subdomain_is_the_company(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail("Initech Careers <careers@mail.initech.com>", "Your application", hours=REJECTED_H, body=REJECTION)
    world.run(hours=REJECTED_H + 0.1)
    (seen,) = status(world)["replies"]
    assert seen["via"] == "subdomain" and seen["kind"] == "rejection"


def test_hiring_systems_can_be_turned_off(make_world) -> None:  # type: ignore[no-untyped-def]
    world = make_world("replies:\n  hiring_systems: false\n")
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail("Initech <no-reply@us.greenhouse-mail.io>", "Update on your application", hours=REJECTED_H,
               body=REJECTION)
    world.run(hours=REJECTED_H + 0.1)
    assert status(world)["replies"] == []


def test_a_hiring_system_added_in_config_is_read(make_world) -> None:  # type: ignore[no-untyped-def]
    world = make_world("replies:\n  hiring_systems:\n    add: [mail.myats.example]\n")
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail("Initech Hiring <jobs@eu.mail.myats.example>", "Your application to Initech", hours=REJECTED_H,
               body=REJECTION)
    world.run(hours=REJECTED_H + 0.1)
    (seen,) = status(world)["replies"]
    assert seen["via"] == "hiring system + name" and seen["kind"] == "rejection"


def test_a_greenhouse_rejection_already_in_the_mailbox_is_found_by_the_first_search(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.mail("Initech <no-reply@us.greenhouse-mail.io>", "Update on your application", hours=REJECTED_H,
               body=REJECTION)
    world.mail("Globex <no-reply@us.greenhouse-mail.io>", "Update on your application", hours=REJECTED_H,
               body=REJECTION)
    world.run(hours=REJECTED_H + 1)  # the bot's first run: one narrow search per new process
    (seen,) = status(world)["replies"]
    assert seen["from"] == "no-reply@us.greenhouse-mail.io" and seen["kind"] == "rejection"
    assert [f.status for f in world.follow_ups(FEEDBACK)] == [FollowUpStatus.SCHEDULED]
