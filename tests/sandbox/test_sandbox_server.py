"""The sandbox's HTTP surface: routing, validation, failures on purpose, the request log, state, CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import httplib2
import pytest
from googleapiclient.errors import HttpError

from interview_bot.google.services import build_service
from interview_bot.sandbox.pytest_plugin import Services
from interview_bot.sandbox.server import Sandbox

EVENT = {"summary": "Interview", "start": {"dateTime": "2024-03-04T10:00:00Z"},
         "end": {"dateTime": "2024-03-04T11:00:00Z"}}


def fetch(url: str, method: str = "GET", body: Any = None, raw: bytes | None = None) -> tuple[int, Any, Any]:
    """(status, parsed JSON or None, response headers) over plain HTTP, bypassing the client's checks."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    resp, content = httplib2.Http().request(url, method, body=data, headers={"Content-Type": "application/json"})
    return resp.status, json.loads(content) if content else None, resp


def events_url(sb: Sandbox, query: str = "") -> str:
    return f"{sb.url}/calendar/v3/calendars/primary/events" + (f"?{query}" if query else "")


# ---- routing and validation --------------------------------------------------------------


def test_unknown_query_parameter_is_refused_like_google(sandbox: Sandbox) -> None:
    status, body, _ = fetch(events_url(sandbox, "alt=json&foo=bar"))
    assert status == 400
    assert body["error"]["message"] == ('Invalid JSON payload received. Unknown name "foo": Cannot bind query '
                                        "parameter. Field 'foo' could not be found in request message.")
    assert body["error"]["errors"][0]["reason"] == "invalid" and body["error"]["status"] == "INVALID_ARGUMENT"


@pytest.mark.parametrize("query", ["maxResults=ten", "maxResults=0", "singleEvents=yes", "orderBy=title",
                                   "timeMin=2024-03-01T00:00:00", "timeMin=yesterday", "maxResults=1&maxResults=2"])
def test_badly_typed_parameters_are_refused(sandbox: Sandbox, query: str) -> None:
    status, body, _ = fetch(events_url(sandbox, query))
    assert status == 400 and body["error"]["code"] == 400


def test_standard_parameters_are_accepted(sandbox: Sandbox) -> None:
    status, body, _ = fetch(events_url(sandbox, "alt=json&prettyPrint=false&quotaUser=u1&key=k&maxResults=5"))
    assert status == 200 and body["kind"] == "calendar#events"


@pytest.mark.parametrize("method, path", [
    ("GET", "/calendar/v3/nowhere"), ("DELETE", "/calendar/v3/calendars/primary/events"),
    ("GET", "/gmail/v2/users/me/profile"), ("GET", "/"),
])
def test_unknown_paths_and_verbs_answer_404(sandbox: Sandbox, method: str, path: str) -> None:
    status, body, _ = fetch(sandbox.url + path, method)
    assert status == 404 and body["error"]["code"] == 404


def test_bodies_must_be_json(sandbox: Sandbox) -> None:
    status, body, _ = fetch(events_url(sandbox), "POST", raw=b"summary=Interview")
    assert status == 400 and "Invalid JSON payload" in body["error"]["message"]
    status, body, _ = fetch(f"{sandbox.url}/upload/gmail/v1/users/me/drafts?uploadType=multipart", "POST", raw=b"--x")
    assert status == 400 and "raw" in body["error"]["message"]


def test_delete_answers_204_with_no_body(sandbox: Sandbox) -> None:
    status, created, _ = fetch(events_url(sandbox), "POST", EVENT)
    status, body, _ = fetch(events_url(sandbox).replace("/events", f"/events/{created['id']}"), "DELETE")
    assert (status, body) == (204, None)


def test_fields_selects_a_partial_response(sandbox_services: Services) -> None:
    cal = sandbox_services.calendar
    cal.events().insert(calendarId="primary", body=EVENT).execute()
    page = cal.events().list(calendarId="primary", fields="items(id,start/dateTime),nextSyncToken").execute()
    assert set(page) == {"items", "nextSyncToken"}
    assert set(page["items"][0]) == {"id", "start"} and set(page["items"][0]["start"]) == {"dateTime"}


def test_gmail_requests_reach_gmail(sandbox_services: Services) -> None:
    assert sandbox_services.gmail.users().getProfile(userId="me").execute()["emailAddress"] == "me@example.com"


# ---- failures on purpose -------------------------------------------------------------------


def statuses(sb: Sandbox, n: int) -> list[tuple[int, str | None]]:
    out = []
    for _ in range(n):
        status, _, resp = fetch(events_url(sb))
        out.append((status, resp.get("retry-after")))
    return out


def test_fail_rate_is_reproducible_from_the_seed(make_sandbox: Callable[..., Sandbox]) -> None:
    first = statuses(make_sandbox(fail_rate=0.5, seed=7), 40)
    again = statuses(make_sandbox(fail_rate=0.5, seed=7), 40)
    other = statuses(make_sandbox(fail_rate=0.5, seed=8), 40)
    assert first == again and first != other
    codes = {s for s, _ in first}
    assert codes == {200, 403, 429, 500, 503}
    assert {ra for s, ra in first if s != 200} == {"1", None}  # Retry-After on some, kept short


def test_fail_rate_answers_in_googles_error_shapes(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(fail_rate=1.0, seed=5)
    seen = {}
    for _ in range(60):
        status, body, _ = fetch(events_url(sb))
        err = body["error"]["errors"][0]
        assert body["error"]["code"] == status and body["error"]["message"] == err["message"]
        seen[(status, err["domain"], err["reason"])] = err["message"]
    assert seen == {
        (403, "usageLimits", "rateLimitExceeded"): "Rate Limit Exceeded",
        (403, "usageLimits", "userRateLimitExceeded"): "User Rate Limit Exceeded",
        (429, "usageLimits", "rateLimitExceeded"): "Rate Limit Exceeded",
        (429, "usageLimits", "userRateLimitExceeded"): "User Rate Limit Exceeded",
        (500, "global", "backendError"): "Backend Error",
        (503, "global", "backendError"): seen[(503, "global", "backendError")],
    }


def test_failed_requests_change_nothing(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(fail_rate=0.5, seed=3)
    results = [fetch(events_url(sb), "POST", EVENT) for _ in range(30)]
    failed = [body for status, body, _ in results if status != 200]
    assert failed and failed[0]["error"]["errors"][0]["reason"] in {"rateLimitExceeded", "userRateLimitExceeded",
                                                                    "backendError"}
    made = sorted(body["id"] for status, body, _ in results if status == 200)
    assert sorted(e["id"] for e in sb.calendar.stored_events()) == made


def test_client_sees_google_shaped_rate_limit_errors(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(fail_rate=1.0, seed=1)
    with pytest.raises(HttpError) as info:
        build_service("calendar", endpoint=sb.url).events().list(calendarId="primary").execute()
    assert info.value.resp.status in (429, 503)
    # The sandbox's own endpoints never fail on purpose.
    assert fetch(f"{sb.url}/_sandbox/requests")[0] == 200


# ---- the request log ---------------------------------------------------------------------


def test_request_log_lists_and_clears(sandbox: Sandbox, sandbox_services: Services) -> None:
    sandbox_services.calendar.events().list(calendarId="primary", q="acme").execute()
    fetch(events_url(sandbox, "foo=1"))
    status, log, _ = fetch(f"{sandbox.url}/_sandbox/requests")
    assert status == 200
    scopes = log[0].pop("scopes")
    assert log[1].pop("scopes") == scopes
    assert "https://www.googleapis.com/auth/calendar.events.readonly" in scopes
    assert log == [
        {"method": "GET", "path": "/calendar/v3/calendars/primary/events", "query": {"q": "acme", "alt": "json"},
         "status": 200, "method_id": "calendar.events.list"},
        {"method": "GET", "path": "/calendar/v3/calendars/primary/events", "query": {"foo": "1"}, "status": 400,
         "method_id": "calendar.events.list"},
    ]
    assert fetch(f"{sandbox.url}/_sandbox/requests", "DELETE")[0] == 204
    assert fetch(f"{sandbox.url}/_sandbox/requests")[1] == [] and sandbox.requests() == []


# ---- state -------------------------------------------------------------------------------


def test_state_file_round_trip_keeps_data_and_sync_tokens(tmp_path: Path) -> None:
    state = str(tmp_path / "sandbox.json")
    with Sandbox(state_file=state) as sb:
        events = build_service("calendar", endpoint=sb.url).events()
        created = events.insert(calendarId="primary", body=EVENT).execute()
        token = events.list(calendarId="primary").execute()["nextSyncToken"]
        sb.gmail.deliver(b"From: jane@acme.com\r\nTo: me@example.com\r\nSubject: Hi\r\n\r\nHello\r\n")
    assert json.loads(Path(state).read_text())["version"] == 1
    with Sandbox(state_file=state) as sb:
        events = build_service("calendar", endpoint=sb.url).events()
        assert [e["id"] for e in events.list(calendarId="primary").execute()["items"]] == [created["id"]]
        assert events.list(calendarId="primary", syncToken=token).execute()["items"] == []
        gmail = build_service("gmail", endpoint=sb.url).users()
        assert gmail.getProfile(userId="me").execute()["messagesTotal"] == 1


def test_mutations_are_saved_as_they_happen(tmp_path: Path, make_sandbox: Callable[..., Sandbox]) -> None:
    state = tmp_path / "sandbox.json"
    sb = make_sandbox(state_file=str(state))
    fetch(events_url(sb), "POST", EVENT)
    saved = json.loads(state.read_text())["calendar"]["calendars"]["me@example.com"]["events"]
    assert [e["summary"] for e in saved.values()] == ["Interview"]


def test_cli_prints_its_url_serves_and_exits_0_on_sigterm(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "interview_bot.sandbox.server", "--port", "0", "--email", "cli@example.com",
                             "--state", str(state)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        status, body, _ = fetch(f"{url}/calendar/v3/users/me/calendarList")
        assert status == 200 and body["items"][0]["id"] == "cli@example.com"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert json.loads(state.read_text())["email"] == "cli@example.com"


def test_each_logged_request_names_its_method_and_the_scopes_google_accepts_for_it(
        sandbox: Sandbox, sandbox_services: Services) -> None:
    sandbox_services.gmail.users().drafts().create(userId="me", body={"message": {"raw": "VG86IGFAYi5jb20KCkhp"}}).execute()
    fetch(f"{sandbox.url}/gmail/v1/users/me/nowhere")
    made, unknown = sandbox.requests()
    assert made["method_id"] == "gmail.users.drafts.create"
    assert "https://www.googleapis.com/auth/gmail.compose" in made["scopes"]
    assert "https://www.googleapis.com/auth/gmail.readonly" not in made["scopes"]
    assert (unknown["method_id"], unknown["scopes"], unknown["status"]) == ("", [], 404)


def test_fault_controls_over_http_expire_sync_tokens_and_gmail_history(sandbox: Sandbox,
                                                                       sandbox_services: Services) -> None:
    events = sandbox_services.calendar.events()
    token = events.list(calendarId="primary").execute()["nextSyncToken"]
    history = sandbox_services.gmail.users().getProfile(userId="me").execute()["historyId"]
    assert fetch(f"{sandbox.url}/_sandbox/calendar/expire-sync-tokens", "POST")[0] == 204
    assert fetch(f"{sandbox.url}/_sandbox/gmail/expire-history", "POST")[0] == 204
    with pytest.raises(HttpError) as gone:
        events.list(calendarId="primary", syncToken=token).execute()
    assert gone.value.resp.status == 410
    with pytest.raises(HttpError) as old:
        sandbox_services.gmail.users().history().list(userId="me", startHistoryId=history).execute()
    assert old.value.resp.status == 404
    # Starting afresh works: a full listing's token, and the mailbox's current history id.
    fresh = events.list(calendarId="primary").execute()["nextSyncToken"]
    assert events.list(calendarId="primary", syncToken=fresh).execute()["items"] == []
    now = sandbox_services.gmail.users().getProfile(userId="me").execute()["historyId"]
    assert sandbox_services.gmail.users().history().list(userId="me", startHistoryId=now).execute()["historyId"]
    assert fetch(f"{sandbox.url}/_sandbox/gmail/expire-history", "GET")[0] == 404  # POST only


def test_a_client_hanging_up_mid_request_is_no_error_but_a_real_fault_is(capsys: Any) -> None:
    # A bot killed mid-request resets its connection: the sandbox must not print a traceback for it.
    from interview_bot.sandbox.server import Sandbox

    with Sandbox(email="quiet@example.com") as sb:
        server = sb._server
        assert server is not None
        try:
            raise ConnectionResetError(104, "Connection reset by peer")
        except ConnectionResetError:
            server.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a bug in the sandbox")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
        assert "a bug in the sandbox" in capsys.readouterr().err
