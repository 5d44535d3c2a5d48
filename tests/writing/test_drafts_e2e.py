"""Drafts end to end over the sandbox with the real client: day words, the promise cited, the
second check-in, the Gmail send-as signature and `me.signature`, and the process's language."""

from __future__ import annotations

from typing import Any

from interview_bot.config.load import load_config
from interview_bot.model import FollowUpKind
from tests.world import ME, person

THANKS, CHECK = FollowUpKind.THANK_YOU, FollowUpKind.STATUS_CHECK


def body(world: Any, draft_id: str, subtype: str = "plain") -> str:
    part = world.drafts()[draft_id].get_body((subtype,))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def drafted(report: Any, kind: FollowUpKind) -> list[Any]:
    return [fu for fu, _subject, _text in report.drafted if fu.kind is kind]


def send_all(world: Any) -> None:
    for draft_id in world.drafts():
        world.services.gmail.users().drafts().send(userId="me", body={"id": draft_id}).execute()


def test_same_day_thank_you_says_today(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)  # Tuesday 1 December, 09:00 in London
    (fu,) = drafted(world.run(hours=3), THANKS)
    text = body(world, fu.draft_id)
    assert text.startswith("Dear Priya and Jane,")
    assert "speak with me today about the Data Analyst role at Initech." in text
    assert "Tuesday" not in text  # never the weekday of the day it is written on


def test_next_day_thank_you_says_yesterday(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)  # watching before the interview; the computer is then off until Wednesday
    (fu,) = drafted(world.run(hours=24), THANKS)
    text = body(world, fu.draft_id)
    assert "speak with me yesterday about" in text and "Wednesday" not in text and "Tuesday" not in text


def test_group_mailbox_is_neither_greeted_nor_written_to(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0, attendees=[
        person("priya.patel@initech.com", "Priya Patel", organizer=True),
        person("interview-panel@initech.com", "Interview Panel"), person("newman@initech.com"), person(ME)])
    (fu,) = drafted(world.run(hours=3), THANKS)
    draft = world.drafts()[fu.draft_id]
    assert "interview-panel@initech.com" not in str(draft["To"])
    assert body(world, fu.draft_id).startswith("Dear Priya and [[NAME]],")


def test_status_check_cites_the_promise_in_the_invitation(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0,
                 description="Agenda: 1h with Jane. You'll hear from us within two weeks.")
    world.run(hours=3)
    send_all(world)
    (check,) = world.follow_ups(CHECK)
    (fu,) = drafted(world.run(hours=(check.due - world.clock.now()).total_seconds() / 3600 + 3), CHECK)
    text = body(world, fu.draft_id)
    assert "The invitation to our interview on 1 December mentioned a decision by Tuesday 15 December." in text


def test_status_check_cites_the_promise_in_an_email_and_the_second_differs(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.mail("Sam Recruiter <sam@initech.com>", "Next steps", hours=6,
               body="Thanks for coming in today! We'll have a decision by Friday, December 4.")
    world.run(hours=7)
    send_all(world)
    (first_fu,) = drafted(world.run(hours=6 * 24 + 1), CHECK)  # Monday 7 December
    first = body(world, first_fu.draft_id)
    assert "In your email of 1 December, you mentioned a decision by Friday 4 December." in first
    send_all(world)
    later = [f for f in world.follow_ups(CHECK) if f.key != first_fu.key]
    (second_fu,) = drafted(world.run(hours=(later[0].due - world.clock.now()).total_seconds() / 3600 + 24 * 6 + 1),
                           CHECK)
    second = body(world, second_fu.draft_id)
    assert "following up on my note of 7 December" in second
    assert len(second) < len(first) and "In your email" not in second


def test_gmail_signature_ends_text_and_html(world: Any) -> None:
    world.sandbox.gmail.set_signature('<div dir="ltr">Alex Morgan<br>Data Analyst<br><b>+44 20 7946 0000</b></div>')
    world.invite("Interview: Data Analyst - Initech", 0)
    (fu,) = drafted(world.run(hours=3), THANKS)
    assert body(world, fu.draft_id).endswith("Best regards,\nAlex Morgan\nData Analyst\n+44 20 7946 0000\n")
    assert "Data Analyst<br>\n+44 20 7946 0000</p>" in body(world, fu.draft_id, "html")
    requests = [r["method_id"] for r in world.sandbox.requests()]
    assert requests.count("gmail.users.settings.sendAs.list") == 1


def test_me_signature_overrides_gmail(make_world: Any) -> None:
    w = make_world()
    w.config_path.write_text(w.config_path.read_text().replace(
        "me:\n  name: Alex Morgan\n", "me:\n  name: Alex Morgan\n  signature: |\n    Alex\n    alex.example\n"))
    w.cfg = load_config(w.config_path)
    w.sandbox.gmail.set_signature("<div>From Gmail</div>")
    w.invite("Interview: Data Analyst - Initech", 0)
    (fu,) = drafted(w.run(hours=3), THANKS)
    text = body(w, fu.draft_id)
    assert text.endswith("Best regards,\nAlex\nalex.example\n") and "From Gmail" not in text


def test_a_german_process_drafts_in_german(world: Any) -> None:
    world.invite("Vorstellungsgespräch: Data Analyst - Initech", 0)
    (fu,) = drafted(world.run(hours=3), THANKS)
    text = body(world, fu.draft_id)
    assert text.startswith("Guten Tag Priya Patel und Jane Roe,")
    assert "vielen Dank, dass Sie sich heute Zeit" in text and text.rstrip().endswith("Mit freundlichen Grüßen\nAlex Morgan")


def test_a_german_process_drafts_in_english_when_the_user_writes_only_english(make_world: Any) -> None:
    world = make_world("languages: [en]\n")
    world.invite("Vorstellungsgespräch: Data Analyst - Initech", 0)
    (fu,) = drafted(world.run(hours=3), THANKS)
    assert body(world, fu.draft_id).startswith("Dear Priya and Jane,")


def test_status_and_explain_show_the_language_and_why(world: Any) -> None:
    from interview_bot.cli.explain import explain
    from interview_bot.cli.status import status_json, status_text
    from interview_bot.runtime.wiring import settings_from_config

    world.invite("Vorstellungsgespräch: Data Analyst - Initech", 0)
    world.run(hours=3)
    settings = settings_from_config(world.cfg)
    (entry,) = status_json(world.state, settings, world.clock.now())
    assert entry["language"] == {"code": "de", "why": "detected", "detected": "de"}
    text = status_text([entry], settings.tz)
    assert "drafts in de: the invitation and the company's mail are in it" in text
    assert "drafts in de:" in explain(world.state, settings, world.clock.now(), "Initech")


def test_company_named_as_the_title_writes_it_and_a_guess_is_shown(world: Any) -> None:
    from interview_bot.cli.status import status_json, status_text
    from interview_bot.runtime.wiring import settings_from_config

    people = [person("jane.smith@corvidanalytics.com", "Jane Smith", organizer=True), person(ME)]
    world.invite("Interview: Data Analyst - Corvid Analytics", 0, organizer={"email": "jane.smith@corvidanalytics.com"},
                 attendees=people)
    world.invite("Data Analyst interview", 48, organizer={"email": "dale@vandelayind.com"},
                 attendees=[person("dale@vandelayind.com", "Dale Simon", organizer=True), person(ME)])
    report = world.run(hours=3)
    (fu,) = drafted(report, THANKS)
    assert "the Data Analyst role at Corvid Analytics." in body(world, fu.draft_id)
    settings = settings_from_config(world.cfg)
    entries = status_json(world.state, settings, world.clock.now())
    guessed = {e["company"]: e["company_guessed_from"] for e in entries}
    assert guessed == {"Corvid Analytics": None, "Vandelayind": "vandelayind.com"}
    assert '`companies: {vandelayind.com: "<the name>"}`' in status_text(entries, settings.tz)


def test_company_named_as_its_mail_writes_it(world: Any) -> None:
    """The calendar gives only fiverings.com ("Fiverings"); the recruiter's display name and signature write
    "Five Rings": the status check says so, and `status` no longer asks the user to confirm the guess."""
    from interview_bot.cli.status import status_json, status_text
    from interview_bot.runtime.wiring import settings_from_config

    world.invite("Data Analyst interview", 0, organizer={"email": "dale@fiverings.com"},
                 attendees=[person("dale@fiverings.com", "Dale Simon", organizer=True), person(ME)])
    world.run(hours=3)
    settings = settings_from_config(world.cfg)
    (entry,) = status_json(world.state, settings, world.clock.now())
    assert (entry["company"], entry["company_guessed_from"]) == ("Fiverings", "fiverings.com")
    send_all(world)
    world.mail("Sam Recruiter | Five Rings <sam@fiverings.com>", "Data Analyst", hours=6,
               body="Thanks for your time today. We'll be in touch next week.\n\nSam Recruiter\nFive Rings\n"
                    "www.fiverings.com")
    world.run(hours=7)
    (entry,) = status_json(world.state, settings, world.clock.now())
    assert (entry["company_in_drafts"], entry["company_guessed_from"]) == ("Five Rings", None)
    assert 'drafts name the company "Five Rings", as its own mail writes it' in status_text([entry], settings.tz)
    (check,) = world.follow_ups(CHECK)
    (fu,) = drafted(world.run(hours=(check.due - world.clock.now()).total_seconds() / 3600 + 7 + 3), CHECK)
    text = body(world, fu.draft_id)
    assert "Five Rings" in text and "Fiverings" not in text
