"""A rule added to `interviews:` re-reads the calendar's events, with no calendar change (issue 19).

The events are not kept in the state, so the next sync after a rule change reads each calendar
in full once (its sync token cleared); idle syncs with unchanged rules stay incremental.
"""

from __future__ import annotations

from interview_bot.config.load import load_config
from interview_bot.model import FollowUpStatus, InterviewStatus
from tests.world import person


def add_config(world, yaml: str) -> None:  # type: ignore[no-untyped-def]
    world.config_path.write_text(world.config_path.read_text(encoding="utf-8") + yaml, encoding="utf-8")
    world.cfg = load_config(world.config_path)
    world.restart()


def calendar_listings(world) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return [r for r in world.sandbox.requests() if "/events" in r["path"]]


def incremental(world) -> bool:  # type: ignore[no-untyped-def]
    """One calendar request since the last clear, and it carried the sync token."""
    listings = calendar_listings(world)
    return len(listings) == 1 and "syncToken" in listings[0]["query"]


def chat(world, title: str) -> str:  # type: ignore[no-untyped-def]
    organizer = {"email": "ada@umbrella-corp.com", "displayName": "Ada Wong"}
    return world.invite(title, 2, organizer=organizer, attendees=[
        person("ada@umbrella-corp.com", "Ada Wong", organizer=True), person("alex.morgan@gmail.com")])


def test_a_match_rule_makes_a_stored_event_an_interview_and_plans_its_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    event_id = chat(world, "Dentist check-up")
    world.run(hours=1)
    assert world.state.interviews() == [] and world.thank_yous() == []
    world.sandbox.clear_requests()
    world.run(hours=1.5)  # unchanged rules: the calendar is asked incrementally, once
    assert incremental(world)

    add_config(world, "interviews:\n  match: ['dentist check-up']\n")
    world.sandbox.clear_requests()
    world.run(hours=2.5)  # no calendar change: the rule alone makes it an interview
    assert not incremental(world)  # read again in full, once
    (iv,) = world.state.interviews()
    assert iv.event_id == event_id and iv.status is InterviewStatus.ACTIVE
    assert world.state.detection_rules(iv.id) == world.engine().detection_hash
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.SCHEDULED and fu.recipients[0].email == "ada@umbrella-corp.com"
    world.run(hours=8)
    assert fu.key in {f.key for f in world.thank_yous() if f.status is FollowUpStatus.DRAFTED}
    world.sandbox.clear_requests()
    world.run(hours=8.5)  # read again once: the next sync is incremental again
    assert incremental(world)


def test_an_ignore_rule_takes_a_known_interview_back_and_cancels_its_planned_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    chat(world, "Interview: Data Analyst - Umbrella")
    world.run(hours=1)
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.SCHEDULED

    add_config(world, "interviews:\n  ignore: ['^interview: data analyst']\n")
    world.run(hours=1.5)  # before the interview: the planner cancels a thank-you not yet drafted
    (iv,) = world.state.interviews()
    assert iv.status is InterviewStatus.CANCELLED
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.CANCELLED
    world.run(hours=8)
    assert world.drafts() == {}


def test_an_ignore_rule_after_the_draft_leaves_the_draft(world) -> None:  # type: ignore[no-untyped-def]
    chat(world, "Interview: Data Analyst - Umbrella")
    world.run(hours=1)
    world.run(hours=8)
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.DRAFTED and len(world.drafts()) == 1

    add_config(world, "interviews:\n  ignore: ['^interview: data analyst']\n")
    world.run(hours=9)  # a draft already made is the user's now: a cancelled interview's planner keeps it
    assert [f.status for f in world.thank_yous()] == [FollowUpStatus.DRAFTED] and len(world.drafts()) == 1
