"""A full resync reconciles (real client, sandbox over loopback): nothing deleted in a gap stays active.

After a 410 on the sync token the bot lists the calendar again; an interview deleted while the
token was stale is not in that listing, so it is looked up (events.get): Google answers with a
cancelled event, with its details (on the organizer's own calendar, or one the user removed) or
without (an invitation the organizer cancelled), or with 404 once it is purged. Whole recurring
series deleted come back, with singleEvents, as cancelled instances.
"""

from __future__ import annotations

from typing import Any

import httplib2
import pytest

from interview_bot.model import FollowUpStatus, InterviewStatus
from tests.world import ME, at, person

TITLE = "Interview: Data Analyst - Initech"


def expire_sync_tokens(world: Any) -> None:
    """Over HTTP, as a script would: the next incremental sync answers 410."""
    resp, _ = httplib2.Http().request(world.sandbox.url + "/_sandbox/calendar/expire-sync-tokens", "POST")
    assert resp.status == 204


def cancel_as(world: Any, eid: str, how: str, n: int) -> None:
    """The interview goes away, in one of the ways Google shows it afterwards."""
    if how == "removed by the user":  # events.get keeps its details for them
        world.delete(eid)
    elif how == "cancelled by the organizer":  # the invitation's update: only id and status are promised
        body = {"summary": TITLE, "iCalUID": f"test-{n}@example.invalid", "status": "cancelled",
                "start": {"dateTime": "2026-12-01T09:00:00Z"}, "end": {"dateTime": "2026-12-01T10:00:00Z"},
                "organizer": {"email": "priya.patel@initech.com"}}
        world.services.calendar.events().import_(calendarId="primary", body=body).execute()
    else:  # purged: events.get answers 404
        with world.sandbox.lock:
            del world.sandbox.calendar.calendars[ME]["events"][eid]


@pytest.mark.parametrize("how", ["removed by the user", "cancelled by the organizer", "purged"])
def test_an_interview_deleted_while_the_sync_token_was_stale_is_cancelled(world: Any, how: str) -> None:
    eid = world.invite(TITLE, 0)
    world.invite("Phone Screen: Globex <> Alex Morgan", 2, organizer={"email": "sam.lee@globex.com"},
                 attendees=[person("sam.lee@globex.com", "Sam Lee", organizer=True), person(ME)])
    world.run(hours=-5)
    expire_sync_tokens(world)
    world.clock.set(at(-4))
    cancel_as(world, eid, how, 1)
    if how == "cancelled by the organizer":
        got = world.services.calendar.events().get(calendarId="primary", eventId=eid).execute()
        assert got["status"] == "cancelled" and "summary" not in got  # the shape the bot must handle
    elif how == "removed by the user":
        got = world.services.calendar.events().get(calendarId="primary", eventId=eid).execute()
        assert got["status"] == "cancelled" and got["summary"] == TITLE  # the other shape
    world.sandbox.clear_requests()
    report = world.run(hours=6)
    methods = [r["method_id"] for r in world.sandbox.requests()]
    assert methods.count("calendar.events.get") == 1  # only the one the listing did not return
    assert report.reconciled == 1
    statuses = {iv.title: iv.status for iv in world.state.interviews()}
    assert statuses == {TITLE: InterviewStatus.CANCELLED, "Phone Screen: Globex <> Alex Morgan": InterviewStatus.ACTIVE}
    assert [fu.kind.value for fu, _, _ in report.drafted] == ["thank_you"]  # Globex's only
    initech = [fu for fu in world.thank_yous() if fu.interview_id.endswith(eid)]
    assert [fu.status for fu in initech] == [FollowUpStatus.CANCELLED]


def test_a_full_resync_with_nothing_deleted_looks_nothing_up(world: Any) -> None:
    world.invite(TITLE, 0)
    world.run(hours=-5)
    expire_sync_tokens(world)
    world.sandbox.clear_requests()
    report = world.run(hours=-4)
    assert report.reconciled == 0 and "calendar.events.get" not in {r["method_id"] for r in world.sandbox.requests()}


def weekly_series(world: Any) -> str:
    """A weekly interview loop with Initech, three sessions from T0."""
    return str(world.invite("Interview loop: Data Analyst - Initech", 0, recurrence=["RRULE:FREQ=WEEKLY;COUNT=3"]))


@pytest.mark.parametrize("gap", [False, True], ids=["incremental", "after-410"])
def test_a_deleted_recurring_series_cancels_every_session(world: Any, gap: bool) -> None:
    parent = weekly_series(world)
    world.run(hours=-5)
    sessions = world.state.interviews()
    assert len(sessions) == 3 and all(iv.event_id.startswith(parent + "_") for iv in sessions)
    if gap:
        expire_sync_tokens(world)
    world.clock.set(at(-4))
    world.delete(parent)  # the whole series
    if not gap:  # what the bot is told: cancelled instances, not the parent's tombstone
        listing = world.services.calendar.events().list(
            calendarId="primary", singleEvents=True,
            syncToken=world.state.positions.calendar_token("primary")).execute()
        assert {e["id"] for e in listing["items"]} == {iv.event_id for iv in sessions}
        assert all(e["status"] == "cancelled" and e["recurringEventId"] == parent for e in listing["items"])
    report = world.run(hours=3)
    assert report.drafted == [] and world.drafts() == {}
    assert {iv.status for iv in world.state.interviews()} == {InterviewStatus.CANCELLED}
    assert report.reconciled == (3 if gap else 0)
    assert {fu.status for fu in world.thank_yous()} == {FollowUpStatus.CANCELLED}
