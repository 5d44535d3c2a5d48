"""Thank-you drafts end to end: real client, sandbox over loopback, the bot's own engine."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import getaddresses

import pytest

from interview_bot.model import FollowUpStatus
from tests.world import ME, person


def addresses(msg: EmailMessage, header: str = "To") -> list[str]:
    return sorted(a for _, a in getaddresses(msg.get_all(header, [])))


def only_draft(world) -> EmailMessage:  # type: ignore[no-untyped-def]
    drafts = list(world.drafts().values())
    assert len(drafts) == 1, [d["Subject"] for d in drafts]
    return drafts[0]


# -- which events become thank-yous ---------------------------------------------------------

INTERVIEWS = [
    ("Interview: Data Analyst - Initech", {"email": "priya.patel@initech.com", "displayName": "Priya Patel"}),
    ("Phone Screen: Globex <> Alex Morgan", {"email": "sam.lee@globex.com", "displayName": "Sam Lee"}),
    ("Dale Simon and Alex Morgan - 30 Minute Intro Call", {"email": "dale@hooli.xyz", "displayName": "Dale Simon"}),
    ("Interview with Jane Roe for Senior Engineer at Initech", {"email": "no-reply@greenhouse.io"}),
    ("Alex Morgan <> Pied Piper | Technical Interview", {"email": "erlich@piedpiper.com"}),
    ("Onsite", {"email": "ada@umbrella-corp.com", "displayName": "Ada Wong"}),
    ("Hiring manager chat", {"email": "bill@vandelay.com", "displayName": "Bill Lumbergh"}),
    ("Final round", {"email": "ada@umbrella-corp.com", "displayName": "Ada Wong"}),
]
NOT_INTERVIEWS = [
    ("Mock interview", {"email": "sam.friend@gmail.com", "displayName": "Sam Friend"}),
    ("Interview prep", {"email": "coach@careercoach.com", "displayName": "Coach"}),
    ("Dentist", {"email": "reception@smiledental.com"}),
    ("Lunch with Mom", {"email": "mom@gmail.com", "displayName": "Mom"}),
]


def _invite(world, title, organizer, start_h):  # type: ignore[no-untyped-def]
    attendees = [
        person(organizer["email"], organizer.get("displayName", ""), organizer=True),
        person("jane.roe@" + organizer["email"].split("@")[1], "Jane Roe"),
        person(ME),
    ]
    if organizer["email"].startswith("no-reply@"):
        attendees[1] = person("jane.roe@initech.com", "Jane Roe")
    return world.invite(title, start_h, organizer=organizer, attendees=attendees)


def test_interviews_get_a_thank_you_and_other_events_do_not(world) -> None:  # type: ignore[no-untyped-def]
    for n, (title, organizer) in enumerate(INTERVIEWS + NOT_INTERVIEWS):
        _invite(world, title, organizer, start_h=n * 0.1)
    report = world.run(hours=8)
    drafted_titles = {world.state.interview(fu.interview_id).title for fu, _, _ in report.drafted}
    assert drafted_titles == {t for t, _ in INTERVIEWS}
    assert len(world.drafts()) == len(INTERVIEWS)


def test_rooms_groups_robots_and_self_are_never_addressed(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True),
        person("jane.roe@initech.com", "Jane Roe"),
        person(ME, "Alex Morgan", self=True),
        person("c_188abc@resource.calendar.google.com", "Boardroom (8)", resource=True),
        person("interviews@initech.com", "Initech Interviews"),
        person("no-reply@greenhouse.io", "Greenhouse"),
        person("team@group.calendar.google.com", "Data team"),
    ])
    world.run(hours=4)
    draft = only_draft(world)
    assert addresses(draft) == ["jane.roe@initech.com", "priya.patel@initech.com"]
    assert draft["From"].addresses[0].addr_spec == ME


def test_thank_you_waits_until_after_the_interview(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)  # 09:00-10:00, due 12:00 with the default 2h
    assert world.run(hours=-2).drafted == []
    assert world.run(hours=2.9).drafted == []
    assert len(world.run(hours=3).drafted) == 1
    assert len(world.run(hours=30).drafted) == 0
    assert len(world.drafts()) == 1


def test_rescheduled_interview_moves_its_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    eid = world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-24)
    world.move(eid, 48)  # two days later
    assert world.run(hours=3).drafted == []  # the old due time passes quietly
    status = world.thank_yous()[0]
    assert status.due.isoformat().startswith("2026-12-03T12:00")
    assert len(world.run(hours=51).drafted) == 1


def test_interview_moved_into_the_past_while_down_is_followed_up_once(world) -> None:  # type: ignore[no-untyped-def]
    eid = world.invite("Interview: Data Analyst - Initech", 48)
    world.run(hours=-24)
    world.restart()
    world.move(eid, -6)  # it happened earlier than planned, while the bot was down
    world.clock.set(world.clock.now())
    assert len(world.run(hours=24).drafted) == 1
    assert len(world.run(hours=48).drafted) == 0
    assert len(world.drafts()) == 1


def test_cancelled_before_it_ends_cancels_the_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    eid = world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-5)
    world.clock.set(world.clock.now())  # the cancellation happens at T0-5h, as the sandbox records it
    world.delete(eid)
    assert world.run(hours=5).drafted == []
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.CANCELLED
    assert world.drafts() == {}


def test_declined_before_it_ends_cancels_the_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    eid = world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-5)
    world.patch(eid, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True),
        person("jane.roe@initech.com", "Jane Roe"),
        {"email": ME, "responseStatus": "declined"},
    ])
    assert world.run(hours=5).drafted == []
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.CANCELLED and "declined" in fu.reason


def test_deleting_a_past_event_after_it_happened_keeps_the_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    eid = world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-5)
    world.run(hours=1.5)  # a sync after it ended, before the thank-you is due
    world.delete(eid)  # the organizer tidies up their calendar afterwards
    assert len(world.run(hours=3).drafted) == 1


def test_one_draft_per_interviewer_when_configured(make_world) -> None:  # type: ignore[no-untyped-def]
    world = make_world("follow_ups:\n  thank_you:\n    per_interviewer: true\n")
    world.invite("Interview: Data Analyst - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True),
        person("jane.roe@initech.com", "Jane Roe"),
        person("dale.simon@initech.com", "Simon, Dale"),
        person(ME),
    ])
    world.run(hours=4)
    drafts = list(world.drafts().values())
    assert sorted(addresses(d)[0] for d in drafts) == [
        "dale.simon@initech.com", "jane.roe@initech.com", "priya.patel@initech.com"]
    assert all(len(addresses(d)) == 1 for d in drafts)
    greetings = sorted(d.get_body(("plain",)).get_content().splitlines()[0] for d in drafts)
    assert greetings == ["Dear Dale,", "Dear Jane,", "Dear Priya,"]


def test_one_draft_to_all_interviewers_by_default(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True),
        person("jane.roe@initech.com", "Jane Roe"),
        person("dale.simon@initech.com", "Dale Simon"),
        person(ME),
    ])
    world.run(hours=4)
    draft = only_draft(world)
    assert len(addresses(draft)) == 3
    assert draft.get_body(("plain",)).get_content().startswith("Dear Priya, Jane and Dale,")


def test_non_ascii_display_names_are_encoded(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True),
        person("zoe@initech.com", "Zoë Ångström"),
        person(ME),
    ])
    world.run(hours=4)
    (draft_id,) = world.drafts()
    raw = world.sandbox.gmail.to_json()  # the stored bytes: headers must be 7-bit
    draft = world.drafts()[draft_id]
    assert "Zoë Ångström" in str(draft["To"])
    import base64
    got = world.services.gmail.users().drafts().get(userId="me", id=draft_id, format="raw").execute()
    header_block = base64.urlsafe_b64decode(got["message"]["raw"]).split(b"\r\n\r\n", 1)[0]
    assert header_block.isascii() and b"=?utf-8?" in header_block.lower()
    assert raw


# -- threading ---------------------------------------------------------------------------------


def test_draft_replies_into_the_recruiters_thread(world) -> None:  # type: ignore[no-untyped-def]
    sent = world.mail("Priya Patel <priya.patel@initech.com>", "Interview confirmation: Data Analyst at Initech",
                      hours=-48, message_id="<confirm-1@initech.com>")
    world.mail("Alex Morgan <alex.morgan@gmail.com>", "Re: Interview confirmation: Data Analyst at Initech",
               hours=-47, to="priya.patel@initech.com", message_id="<reply-1@gmail.com>",
               In_Reply_To="<confirm-1@initech.com>", References="<confirm-1@initech.com>")
    world.invite("Interview: Data Analyst - Initech", 0)
    report = world.run(hours=4)
    ((fu, _, _),) = report.drafted
    draft = only_draft(world)
    assert draft["Subject"] == "Re: Interview confirmation: Data Analyst at Initech"
    assert draft["In-Reply-To"] == "<reply-1@gmail.com>"
    assert draft["References"].split() == ["<confirm-1@initech.com>", "<reply-1@gmail.com>"]
    assert fu.thread_id == sent["threadId"]
    thread = world.services.gmail.users().threads().get(userId="me", id=sent["threadId"]).execute()
    assert len(thread["messages"]) == 3  # confirmation, the user's reply, our draft


def test_without_a_company_thread_the_draft_starts_a_new_one(world) -> None:  # type: ignore[no-untyped-def]
    other = world.mail("Bob <bob@othercorp.com>", "Interview confirmation", hours=-48)
    robot = world.mail("Initech Careers <no-reply@initech.com>", "Your application to Initech", hours=-100)
    world.invite("Interview: Data Analyst - Initech", 0)
    (fu, subject, _) = world.run(hours=4).drafted[0]
    assert not subject.startswith("Re:")
    assert fu.thread_id not in (other["threadId"], robot["threadId"])
    assert only_draft(world)["In-Reply-To"] is None


# -- exactly once ------------------------------------------------------------------------------


class Crash(BaseException):
    """Stands in for the process dying: not an Exception, so nothing catches it."""


def test_crash_between_creating_and_recording_makes_no_second_draft(world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)
    engine = world.engine()
    real_create = engine.gmail.create_draft

    def create_then_die(raw: bytes, thread_id: str = "") -> tuple[str, str]:
        real_create(raw, thread_id)
        raise Crash()

    monkeypatch.setattr(engine.gmail, "create_draft", create_then_die)
    world.clock.set(world.clock.now().replace(hour=13))
    with pytest.raises(Crash):
        engine.run_once()
    assert len(world.drafts()) == 1
    world.restart()  # a new process on the same state file
    report = world.run(hours=5)
    assert report.drafted == []
    assert len(world.drafts()) == 1
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.DRAFTED
    assert fu.draft_id == next(iter(world.drafts()))


def test_crash_before_the_draft_was_made_drafts_at_the_next_run(world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)
    engine = world.engine()

    def die(raw: bytes, thread_id: str = "") -> tuple[str, str]:
        raise Crash()

    monkeypatch.setattr(engine.gmail, "create_draft", die)
    world.clock.set(world.clock.now().replace(hour=13))
    with pytest.raises(Crash):
        engine.run_once()
    world.restart()
    assert len(world.run(hours=5).drafted) == 1
    assert len(world.drafts()) == 1


def test_reruns_at_the_same_time_draft_once(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    for _ in range(3):
        world.restart()
        world.run(hours=4)
    assert len(world.drafts()) == 1


def test_a_deleted_draft_is_not_made_again(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=4)
    (draft_id,) = world.drafts()
    world.services.gmail.users().drafts().delete(userId="me", id=draft_id).execute()
    world.restart()
    world.run(hours=5)
    world.run(hours=50)
    assert world.drafts() == {}
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.DRAFTED


def test_an_interview_over_before_the_bot_watched_is_skipped(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", -24 * 20)
    assert world.run(hours=0).drafted == []
    assert {f.kind.value: f.status for f in world.state.follow_ups()} == {
        "thank_you": FollowUpStatus.SKIPPED, "status_check": FollowUpStatus.SKIPPED}


def test_calendar_410_resync_makes_no_duplicate(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=4)
    world.sandbox.calendar.expire_sync_tokens()
    world.run(hours=5)
    world.run(hours=6)
    assert len(world.drafts()) == 1
    assert len(world.thank_yous()) == 1


# -- untrusted input ---------------------------------------------------------------------------


def test_header_injection_in_title_and_display_name_is_inert(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst\r\nBcc: evil@attacker.com - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya\r\nBcc: evil@attacker.com", organizer=True),
        person("jane.roe@initech.com", "Jane Roe\nCc: spy@attacker.com"),
        person("bad address\r\n@initech.com", "Bad"),
        person(ME),
    ])
    world.run(hours=4)
    draft = only_draft(world)
    assert draft["Bcc"] is None and draft["Cc"] is None
    assert addresses(draft) == ["jane.roe@initech.com", "priya.patel@initech.com"]
    assert "\n" not in draft["Subject"] and "\r" not in draft["Subject"]
    assert "attacker" not in "".join(f"{k}: {v}" for k, v in draft.items() if k not in ("To", "Subject"))


def test_a_draft_google_refuses_is_marked_failed_and_a_temporary_error_is_retried(world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from interview_bot.errors import GoogleApiError

    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Phone Screen: Globex <> Alex Morgan", 0.5, organizer={"email": "sam.lee@globex.com"},
                 attendees=[person("sam.lee@globex.com", "Sam Lee", organizer=True), person(ME)])
    engine = world.engine()
    real_create = engine.gmail.create_draft

    def refuse(raw: bytes, thread_id: str = "") -> tuple[str, str]:
        if b"Globex" in raw:
            raise GoogleApiError("creating a draft failed: HTTP 503 backendError", status=503)
        raise GoogleApiError("creating a draft failed: HTTP 400 invalidArgument: Invalid To header", status=400)

    monkeypatch.setattr(engine.gmail, "create_draft", refuse)
    world.clock.set(world.clock.now().replace(hour=13))
    report = engine.run_once()
    assert len(report.failed) == 2
    statuses = {world.state.interview(f.interview_id).company: f for f in world.thank_yous()}
    assert statuses["Initech"].status is FollowUpStatus.FAILED and "Invalid To header" in statuses["Initech"].reason
    assert statuses["Globex"].status is FollowUpStatus.DRAFTING  # looked for, then retried, next time
    monkeypatch.setattr(engine.gmail, "create_draft", real_create)
    world.clock.set(world.clock.now().replace(hour=14))
    report = engine.run_once()
    assert [world.state.interview(fu.interview_id).company for fu, _, _ in report.drafted] == ["Globex"]
