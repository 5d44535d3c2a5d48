"""Deleted events in the sandbox's Calendar v3, as Google shows them (real client over loopback).

What Google documents, and the sandbox does: the Event resource's `status` and events.list's
`showDeleted` and `syncToken` descriptions in the discovery document googleapiclient ships.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

import pytest
from googleapiclient.errors import HttpError

from interview_bot.clock import FixedClock
from interview_bot.google.services import build_service
from interview_bot.sandbox.server import Sandbox

ME = "me@example.com"
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
WEEKLY = {"summary": "Weekly interview loop", "start": {"dateTime": "2024-03-04T10:00:00", "timeZone": "UTC"},
          "end": {"dateTime": "2024-03-04T11:00:00", "timeZone": "UTC"},
          "recurrence": ["RRULE:FREQ=WEEKLY;COUNT=3"]}
INVITATION = {"summary": "Interview: Engineer - Initech", "iCalUID": "inv-1@initech.com",
              "start": {"dateTime": "2024-03-05T10:00:00Z"}, "end": {"dateTime": "2024-03-05T11:00:00Z"},
              "organizer": {"email": "priya@initech.com"},
              "attendees": [{"email": "priya@initech.com", "responseStatus": "accepted"},
                            {"email": ME, "responseStatus": "accepted"}]}


@pytest.fixture
def events(make_sandbox: Callable[..., Sandbox]) -> Any:
    return build_service("calendar", endpoint=make_sandbox(email=ME, clock=FixedClock(NOW)).url).events()


def listed(events: Any, **params: Any) -> tuple[list[dict[str, Any]], str]:
    page = events.list(calendarId="primary", maxResults=2500, **params).execute()
    return page["items"], page["nextSyncToken"]


def test_a_sync_token_with_show_deleted_false_answers_400(events: Any) -> None:
    _, token = listed(events)
    with pytest.raises(HttpError) as err:
        events.list(calendarId="primary", syncToken=token, showDeleted=False).execute()
    assert err.value.resp.status == 400
    assert listed(events, syncToken=token, showDeleted=True)[0] == []  # true is allowed, and so is leaving it out


def test_a_deleted_series_comes_back_as_cancelled_instances_not_the_parent(events: Any) -> None:
    parent = events.insert(calendarId="primary", body=WEEKLY).execute()
    _, token = listed(events, singleEvents=True)
    _, whole_token = listed(events)
    moved_id = f"{parent['id']}_20240311T100000Z"
    events.patch(calendarId="primary", eventId=moved_id, body={
        "start": {"dateTime": "2024-03-12T10:00:00Z"}, "end": {"dateTime": "2024-03-12T11:00:00Z"}}).execute()
    events.delete(calendarId="primary", eventId=parent["id"]).execute()

    changed, _ = listed(events, singleEvents=True, syncToken=token)
    assert sorted(e["id"] for e in changed) == sorted(f"{parent['id']}_{day}T100000Z"
                                                      for day in ("20240304", "20240311", "20240318"))
    assert all(e["status"] == "cancelled" and e["recurringEventId"] == parent["id"] for e in changed)
    first = next(e for e in changed if e["id"].endswith("20240304T100000Z"))
    assert first["originalStartTime"] == {"dateTime": "2024-03-04T10:00:00Z", "timeZone": "UTC"}
    assert "summary" not in first  # an incremental sync without showDeleted: tombstones only
    # With showDeleted a full listing shows them too, with details (the owner deleted them); without, nothing.
    shown, _ = listed(events, singleEvents=True, showDeleted=True)
    assert len(shown) == 3 and all(e["status"] == "cancelled" and e["summary"] for e in shown)
    assert listed(events, singleEvents=True)[0] == []
    # Without singleEvents the series is the parent, and so is its tombstone (beside the moved instance's).
    tombstones, _ = listed(events, syncToken=whole_token)
    assert {(e["id"], e["status"]) for e in tombstones} == {(parent["id"], "cancelled"), (moved_id, "cancelled")}


def test_a_cancelled_event_keeps_its_details_on_the_organizers_own_calendar(events: Any) -> None:
    mine = events.insert(calendarId="primary", body={**INVITATION, "organizer": None, "iCalUID": None}).execute()
    _, token = listed(events)
    events.delete(calendarId="primary", eventId=mine["id"]).execute()
    got = events.get(calendarId="primary", eventId=mine["id"]).execute()
    assert got["status"] == "cancelled" and got["summary"] == INVITATION["summary"] and got["organizer"]["self"]
    (tombstone,), _ = listed(events, syncToken=token)
    assert tombstone == {"kind": "calendar#event", "etag": got["etag"], "id": mine["id"], "status": "cancelled"}
    (detailed,), _ = listed(events, syncToken=token, showDeleted=True)
    assert detailed["summary"] == INVITATION["summary"]


def test_an_invitation_the_organizer_cancelled_is_only_an_id_and_a_status(events: Any) -> None:
    invited = events.import_(calendarId="primary", body=INVITATION).execute()
    events.import_(calendarId="primary", body={**INVITATION, "status": "cancelled"}).execute()
    got = events.get(calendarId="primary", eventId=invited["id"]).execute()
    assert got["status"] == "cancelled" and got["id"] == invited["id"] and "summary" not in got
    # One the user removed from their own calendar keeps its details for them.
    again = events.import_(calendarId="primary", body={**INVITATION, "iCalUID": "inv-2@initech.com"}).execute()
    events.delete(calendarId="primary", eventId=again["id"]).execute()
    assert events.get(calendarId="primary", eventId=again["id"]).execute()["summary"] == INVITATION["summary"]
