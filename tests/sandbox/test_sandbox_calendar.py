"""The sandbox's Calendar v3, driven over loopback HTTP by the real google-api-python-client."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import pytest
from googleapiclient.errors import HttpError

from interview_bot.clock import FixedClock
from interview_bot.google.services import build_service
from interview_bot.sandbox.server import Sandbox

ME = "me@example.com"
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def sb(make_sandbox: Callable[..., Sandbox], clock: FixedClock) -> Sandbox:
    return make_sandbox(email=ME, clock=clock)


@pytest.fixture
def events(sb: Sandbox) -> Any:
    return build_service("calendar", endpoint=sb.url).events()


def timed(summary: str, start: str, minutes: int = 60, **extra: Any) -> dict[str, Any]:
    begin = datetime.fromisoformat(start)
    return {"summary": summary, "start": {"dateTime": begin.isoformat()},
            "end": {"dateTime": (begin + timedelta(minutes=minutes)).isoformat()}, **extra}


def http_error(call: Any) -> HttpError:
    with pytest.raises(HttpError) as info:
        call.execute()
    return info.value


def reason(err: HttpError) -> str:
    return str(err.error_details[0]["reason"])


def list_all(events: Any, **params: Any) -> tuple[list[dict[str, Any]], str]:
    """Every page of a list, and the nextSyncToken from the last page."""
    items: list[dict[str, Any]] = []
    token = None
    while True:
        page = events.list(calendarId="primary", pageToken=token, **params).execute()
        items += page["items"]
        token = page.get("nextPageToken")
        if not token:
            return items, page["nextSyncToken"]


# ---- incremental sync ------------------------------------------------------------------


def test_incremental_sync_returns_exactly_the_changes_with_tombstones(events: Any, clock: FixedClock) -> None:
    a = events.insert(calendarId="primary", body=timed("Acme interview", "2024-03-04T10:00:00-05:00")).execute()
    c = events.insert(calendarId="primary", body=timed("Dentist", "2024-03-05T10:00:00-05:00")).execute()
    untouched = events.insert(calendarId="primary", body=timed("Gym", "2024-03-06T10:00:00-05:00")).execute()
    items, token = list_all(events)
    assert {e["id"] for e in items} == {a["id"], c["id"], untouched["id"]}

    clock.set(NOW + timedelta(minutes=5))
    b = events.insert(calendarId="primary", body=timed("Globex screen", "2024-03-07T10:00:00Z")).execute()
    events.patch(calendarId="primary", eventId=a["id"], body={"summary": "Acme onsite"}).execute()
    assert events.delete(calendarId="primary", eventId=c["id"]).execute() == ""

    changed, token2 = list_all(events, syncToken=token)
    by_id = {e["id"]: e for e in changed}
    assert set(by_id) == {a["id"], b["id"], c["id"]}
    assert by_id[a["id"]]["summary"] == "Acme onsite"
    assert by_id[a["id"]]["updated"] == "2024-03-01T09:05:00.000Z"
    assert by_id[c["id"]]["status"] == "cancelled"
    assert "summary" not in by_id[c["id"]]  # a tombstone, not the event

    assert list_all(events, syncToken=token2)[0] == []
    # A full list hides the deleted event unless showDeleted asks for it.
    assert c["id"] not in {e["id"] for e in list_all(events)[0]}
    assert c["id"] in {e["id"] for e in list_all(events, showDeleted=True)[0]}


def test_deleting_twice_answers_410_deleted_and_get_shows_cancelled(events: Any) -> None:
    ev = events.insert(calendarId="primary", body=timed("Call", "2024-03-04T10:00:00Z")).execute()
    events.delete(calendarId="primary", eventId=ev["id"]).execute()
    err = http_error(events.delete(calendarId="primary", eventId=ev["id"]))
    assert (err.resp.status, reason(err)) == (410, "deleted")
    assert events.get(calendarId="primary", eventId=ev["id"]).execute()["status"] == "cancelled"
    err = http_error(events.get(calendarId="primary", eventId="nosuchevent1"))
    assert (err.resp.status, reason(err)) == (404, "notFound")


@pytest.mark.parametrize("token", ["garbage", "CPnotbase64!!", ""])
def test_unknown_sync_token_answers_410_full_sync_required(events: Any, token: str) -> None:
    err = http_error(events.list(calendarId="primary", syncToken=token))
    assert err.resp.status == 410
    assert reason(err) == "fullSyncRequired"


def test_expired_and_foreign_sync_tokens_answer_410(events: Any, sb: Sandbox, make_sandbox: Callable[..., Sandbox]) -> None:
    _, token = list_all(events)
    other = build_service("calendar", endpoint=make_sandbox(email=ME).url).events()
    assert http_error(other.list(calendarId="primary", syncToken=token)).resp.status == 410
    assert list_all(events, syncToken=token)[0] == []  # still good here...
    sb.calendar.expire_sync_tokens()
    err = http_error(events.list(calendarId="primary", syncToken=token))  # ...until Google drops it
    assert (err.resp.status, reason(err)) == (410, "fullSyncRequired")


@pytest.mark.parametrize("extra", [
    {"timeMin": "2024-03-01T00:00:00Z"}, {"timeMax": "2024-03-01T00:00:00Z"}, {"q": "acme"},
    {"orderBy": "updated"}, {"updatedMin": "2024-03-01T00:00:00Z"}, {"iCalUID": "x@google.com"},
])
def test_sync_token_with_a_forbidden_parameter_answers_400(events: Any, extra: dict[str, str]) -> None:
    _, token = list_all(events)
    err = http_error(events.list(calendarId="primary", syncToken=token, **extra))
    assert err.resp.status == 400


def test_paging_keeps_changes_made_while_paging(events: Any) -> None:
    ids = {events.insert(calendarId="primary", body=timed(f"E{i}", f"2024-03-0{i + 1}T10:00:00Z")).execute()["id"]
           for i in range(5)}
    first = events.list(calendarId="primary", maxResults=2).execute()
    assert len(first["items"]) == 2 and "nextSyncToken" not in first
    late = events.insert(calendarId="primary", body=timed("Late", "2024-03-09T10:00:00Z")).execute()
    seen = [e["id"] for e in first["items"]]
    token = first["nextPageToken"]
    pages = 1
    while token:
        page = events.list(calendarId="primary", maxResults=2, pageToken=token).execute()
        seen += [e["id"] for e in page["items"]]
        token, pages = page.get("nextPageToken"), pages + 1
    assert pages >= 3 and ids <= set(seen) and len(seen) == len(set(seen))
    # The sync token dates from the first page, so the event added meanwhile still arrives.
    assert late["id"] in {e["id"] for e in list_all(events, syncToken=page["nextSyncToken"])[0]}


def test_page_token_from_another_query_is_refused(events: Any) -> None:
    for i in range(3):
        events.insert(calendarId="primary", body=timed(f"E{i}", f"2024-03-0{i + 1}T10:00:00Z")).execute()
    token = events.list(calendarId="primary", maxResults=1).execute()["nextPageToken"]
    assert http_error(events.list(calendarId="primary", maxResults=1, q="E", pageToken=token)).resp.status == 400


def test_updated_min_follows_the_clock(events: Any, clock: FixedClock) -> None:
    events.insert(calendarId="primary", body=timed("Old", "2024-03-04T10:00:00Z")).execute()
    clock.set(NOW + timedelta(hours=1))
    new = events.insert(calendarId="primary", body=timed("New", "2024-03-05T10:00:00Z")).execute()
    got, _ = list_all(events, updatedMin="2024-03-01T09:30:00Z")
    assert [e["id"] for e in got] == [new["id"]]


# ---- recurrence --------------------------------------------------------------------------


def weekly_with_exdate() -> dict[str, Any]:
    # 10:00 New York every Monday across the 2024-03-10 DST change; the 18th is skipped.
    return {"summary": "Weekly sync", "start": {"dateTime": "2024-03-04T10:00:00", "timeZone": "America/New_York"},
            "end": {"dateTime": "2024-03-04T10:30:00", "timeZone": "America/New_York"},
            "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5", "EXDATE;TZID=America/New_York:20240318T100000"]}


def test_single_events_expands_weekly_rrule_with_exdate(events: Any) -> None:
    parent = events.insert(calendarId="primary", body=weekly_with_exdate()).execute()
    got, _ = list_all(events, singleEvents=True, orderBy="startTime")
    assert [e["id"] for e in got] == [f"{parent['id']}_{s}" for s in
                                      ("20240304T150000Z", "20240311T140000Z", "20240325T140000Z", "20240401T140000Z")]
    assert [e["start"]["dateTime"] for e in got][:2] == ["2024-03-04T10:00:00-05:00", "2024-03-11T10:00:00-04:00"]
    assert all(e["recurringEventId"] == parent["id"] and "recurrence" not in e for e in got)
    assert got[1]["originalStartTime"] == {"dateTime": "2024-03-11T10:00:00-04:00", "timeZone": "America/New_York"}
    assert got[1]["end"]["dateTime"] == "2024-03-11T10:30:00-04:00"
    # Without singleEvents the series is one item; a window selects instances by overlap.
    assert [e["id"] for e in list_all(events)[0]] == [parent["id"]]
    window, _ = list_all(events, singleEvents=True, timeMin="2024-03-11T14:15:00Z", timeMax="2024-03-26T00:00:00Z")
    assert [e["id"].split("_")[1] for e in window] == ["20240311T140000Z", "20240325T140000Z"]


def test_order_by_start_time_needs_single_events(events: Any) -> None:
    err = http_error(events.list(calendarId="primary", orderBy="startTime"))
    assert err.resp.status == 400
    assert "ordering is not available" in str(err)


def test_recurring_event_without_time_zone_is_refused(events: Any) -> None:
    body = timed("Weekly", "2024-03-04T10:00:00-05:00", recurrence=["RRULE:FREQ=WEEKLY"])
    assert http_error(events.insert(calendarId="primary", body=body)).resp.status == 400


def test_an_instance_can_be_moved_and_cancelled(events: Any) -> None:
    parent = events.insert(calendarId="primary", body=weekly_with_exdate()).execute()
    _, token = list_all(events, singleEvents=True)
    second, third = f"{parent['id']}_20240311T140000Z", f"{parent['id']}_20240325T140000Z"
    assert events.get(calendarId="primary", eventId=second).execute()["recurringEventId"] == parent["id"]
    moved = events.patch(calendarId="primary", eventId=second, body={
        "start": {"dateTime": "2024-03-12T15:00:00-04:00"}, "end": {"dateTime": "2024-03-12T15:30:00-04:00"}}).execute()
    assert moved["id"] == second and moved["originalStartTime"]["dateTime"] == "2024-03-11T10:00:00-04:00"
    events.delete(calendarId="primary", eventId=third).execute()

    got, _ = list_all(events, singleEvents=True, orderBy="startTime")
    assert [e["start"]["dateTime"] for e in got] == [
        "2024-03-04T10:00:00-05:00", "2024-03-12T15:00:00-04:00", "2024-04-01T10:00:00-04:00"]
    changed = {e["id"]: e for e in list_all(events, singleEvents=True, syncToken=token)[0]}
    assert set(changed) == {second, third}
    assert changed[third]["status"] == "cancelled" and changed[third]["recurringEventId"] == parent["id"]
    assert http_error(events.get(calendarId="primary", eventId=f"{parent['id']}_20240318T140000Z")).resp.status == 404


def test_all_day_series_expands_by_date(events: Any) -> None:
    body = {"summary": "Offsite", "start": {"date": "2024-03-04"}, "end": {"date": "2024-03-05"},
            "recurrence": ["RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20240305"]}
    parent = events.insert(calendarId="primary", body=body).execute()
    got, _ = list_all(events, singleEvents=True)
    assert [(e["id"], e["start"]) for e in got] == [
        (f"{parent['id']}_20240304", {"date": "2024-03-04"}), (f"{parent['id']}_20240306", {"date": "2024-03-06"})]


# ---- writing -----------------------------------------------------------------------------


def test_insert_fills_server_fields_and_self_flags(events: Any) -> None:
    body = timed("Acme interview", "2024-03-04T10:00:00-05:00",
                 attendees=[{"email": "jane@acme.com", "self": True}, {"email": ME}])
    ev = events.insert(calendarId="primary", body=body).execute()
    assert ev["organizer"] == {"email": ME, "self": True} and ev["creator"] == {"email": ME, "self": True}
    assert ev["iCalUID"] == ev["id"] + "@google.com" and ev["status"] == "confirmed"
    assert ev["created"] == ev["updated"] == "2024-03-01T09:00:00.000Z"
    assert ev["start"] == {"dateTime": "2024-03-04T15:00:00Z"}  # in the calendar's zone (UTC)
    attendees = {a["email"]: a for a in ev["attendees"]}
    assert "self" not in attendees["jane@acme.com"] and attendees[ME]["self"] is True
    assert attendees["jane@acme.com"]["responseStatus"] == "needsAction"


@pytest.mark.parametrize("body, message", [
    ({"summary": "x", "start": {"dateTime": "2024-03-04T10:00:00Z"}}, "Missing end time."),
    (timed("x", "2024-03-04T10:00:00+00:00", minutes=-30), "The specified time range is empty."),
    ({"start": {"dateTime": "2024-03-04T10:00:00"}, "end": {"dateTime": "2024-03-04T11:00:00"}},
     "Missing time zone definition for start time."),
    ({"start": {"date": "2024-03-04"}, "end": {"dateTime": "2024-03-04T11:00:00Z"}},
     "Start and end times must either both be date or both be dateTime."),
    ({"id": "UPPER_case", **timed("x", "2024-03-04T10:00:00Z")}, "Invalid resource id value."),
])
def test_insert_validation(events: Any, body: dict[str, Any], message: str) -> None:
    err = http_error(events.insert(calendarId="primary", body=body))
    assert err.resp.status == 400 and err.reason == message


def test_import_keeps_the_external_organizer_and_upserts_by_ical_uid(events: Any) -> None:
    body = {**timed("Jane Roe and Alex - Intro call", "2024-03-04T10:00:00Z"), "iCalUID": "abc123@acme.com",
            "organizer": {"email": "jane@acme.com", "displayName": "Jane Roe"},
            "attendees": [{"email": "jane@acme.com", "responseStatus": "accepted"}, {"email": ME}]}
    ev = events.import_(calendarId="primary", body=body).execute()
    assert ev["organizer"] == {"email": "jane@acme.com", "displayName": "Jane Roe"}
    assert [a.get("self", False) for a in ev["attendees"]] == [False, True]
    again = events.import_(calendarId="primary", body={**body, "summary": "Rescheduled"}).execute()
    assert again["id"] == ev["id"]
    assert [e["summary"] for e in list_all(events)[0]] == ["Rescheduled"]
    no_uid = {k: v for k, v in body.items() if k != "iCalUID"}
    assert http_error(events.import_(calendarId="primary", body=no_uid)).resp.status == 400


def test_update_replaces_and_patch_merges(events: Any) -> None:
    ev = events.insert(calendarId="primary", body=timed("A", "2024-03-04T10:00:00Z", location="Room 1",
                                                        description="d")).execute()
    patched = events.patch(calendarId="primary", eventId=ev["id"], body={"location": "Room 2"}).execute()
    assert (patched["description"], patched["location"], patched["sequence"]) == ("d", "Room 2", 1)
    updated = events.update(calendarId="primary", eventId=ev["id"], body=timed("B", "2024-03-04T10:00:00Z")).execute()
    assert updated["summary"] == "B" and "description" not in updated and updated["id"] == ev["id"]
    assert http_error(events.update(calendarId="primary", eventId=ev["id"], body={"summary": "C"})).resp.status == 400


def test_q_searches_text_and_people(events: Any) -> None:
    events.insert(calendarId="primary", body=timed("Chat", "2024-03-04T10:00:00Z",
                                                   attendees=[{"email": "jane@acme.com", "displayName": "Jane Roe"}])).execute()
    events.insert(calendarId="primary", body=timed("Lunch", "2024-03-05T10:00:00Z", description="Globex recruiter")).execute()
    assert [e["summary"] for e in list_all(events, q="acme")[0]] == ["Chat"]
    assert [e["summary"] for e in list_all(events, q="jane roe")[0]] == ["Chat"]
    assert [e["summary"] for e in list_all(events, q="globex")[0]] == ["Lunch"]
    assert list_all(events, q="initech")[0] == []


def test_calendar_list_and_secondary_calendars(sb: Sandbox) -> None:
    cal = build_service("calendar", endpoint=sb.url)
    sb.calendar.add_calendar("work@group.calendar.google.com", "Work", "Europe/Paris")
    entries = cal.calendarList().list().execute()["items"]
    assert [(e["id"], e.get("primary", False)) for e in entries] == [(ME, True), ("work@group.calendar.google.com", False)]
    ev = cal.events().insert(calendarId="work@group.calendar.google.com",
                             body=timed("Standup", "2024-03-04T10:00:00Z")).execute()
    assert ev["organizer"] == {"email": "work@group.calendar.google.com", "displayName": "Work", "self": True}
    assert ev["start"]["dateTime"] == "2024-03-04T11:00:00+01:00"  # in the calendar's zone
    assert list_all(cal.events())[0] == []  # "primary" is the account's own calendar
    assert http_error(cal.events().list(calendarId="nobody@example.com")).resp.status == 404


def test_seeded_invitation_is_seen_as_from_outside(sb: Sandbox, events: Any) -> None:
    sb.calendar.add_event({**timed("Interview", "2024-03-04T10:00:00Z"), "organizer": {"email": "r@acme.com"},
                           "attendees": [{"email": ME, "responseStatus": "accepted"}],
                           "hangoutLink": "https://meet.google.com/abc-defg-hij"})
    (ev,) = list_all(events)[0]
    assert ev["organizer"] == {"email": "r@acme.com"} and ev["attendees"][0]["self"] is True
    assert ev["hangoutLink"] == "https://meet.google.com/abc-defg-hij"
