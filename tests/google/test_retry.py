"""The one retry helper: what it retries, how long it waits, when it gives up."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httplib2
import pytest
from google.auth.exceptions import RefreshError, TransportError
from googleapiclient.errors import HttpError

from interview_bot.errors import AuthError, GoogleApiError
from interview_bot.google.retry import Retrier, retry_after


def http_error(status: int, reason: str = "", retry_after: str | None = None, message: str = "nope") -> HttpError:
    headers: dict[str, Any] = {"status": status}
    if retry_after is not None:
        headers["retry-after"] = retry_after
    body = {"error": {"code": status, "message": message, "errors": [{"reason": reason, "message": message}]}}
    return HttpError(httplib2.Response(headers), json.dumps(body).encode())


class FakeRequest:
    """Stands in for a googleapiclient HttpRequest: each execute() gives the next outcome."""

    def __init__(self, *outcomes: Any) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[dict[str, Any]] = []

    def execute(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


class MaxRandom(random.Random):
    """Jitter pinned to its upper bound, so backoff values are exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


def retrier(attempts: int = 5, **kwargs: Any) -> tuple[Retrier, list[float]]:
    slept: list[float] = []
    return Retrier(attempts=attempts, sleep=slept.append, rng=MaxRandom(), **kwargs), slept


def test_returns_the_answer_without_sleeping_and_disables_the_clients_own_retries() -> None:
    r, slept = retrier()
    req = FakeRequest({"ok": 1})
    assert r.execute(req, "x") == {"ok": 1}
    assert slept == [] and req.calls == [{"num_retries": 0}]


def test_backoff_doubles_and_is_capped() -> None:
    r, slept = retrier(attempts=7, base_delay=0.5, max_delay=4.0)
    req = FakeRequest(*[http_error(503, "backendError")] * 6, {"ok": 1})
    assert r.execute(req, "x") == {"ok": 1}
    assert slept == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]


def test_jitter_stays_within_the_backoff() -> None:
    slept: list[float] = []
    r = Retrier(attempts=6, base_delay=1.0, max_delay=8.0, sleep=slept.append, rng=random.Random(3))
    r.execute(FakeRequest(*[http_error(500)] * 5, {}), "x")
    assert all(0 <= d <= min(8.0, 2**i) for i, d in enumerate(slept)) and len(set(slept)) == 5


def test_retry_after_in_seconds_is_honoured_as_a_minimum() -> None:
    r, slept = retrier(base_delay=0.5, max_delay=30.0)
    req = FakeRequest(http_error(429, "rateLimitExceeded", retry_after="7"), http_error(429, retry_after="0"), {"ok": 1})
    assert r.execute(req, "x") == {"ok": 1}
    assert slept == [7.0, 1.0]  # 7 beats the 0.5 backoff; the 1.0 backoff beats 0


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    header = format_datetime(now + timedelta(seconds=20), usegmt=True)
    assert retry_after({"retry-after": header}, now) == 20.0
    assert retry_after({"retry-after": "soon"}, now) is None
    assert retry_after({}, now) is None


class FakeClock:
    """Monotonic seconds that only move when told."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class ApiRequest(FakeRequest):
    def __init__(self, method_id: str, *outcomes: Any) -> None:
        super().__init__(*outcomes)
        self.methodId = method_id


def test_a_retry_after_longer_than_the_cap_holds_that_api_until_it_has_passed() -> None:
    clock = FakeClock()
    r, slept = retrier(max_delay=10.0, clock=clock)
    first = ApiRequest("calendar.events.list", http_error(503, "backendError", retry_after="3600"))
    with pytest.raises(GoogleApiError) as err:
        r.execute(first, "listing events")
    assert err.value.status == 503 and "3600s" in err.value.hint and "later sync" in err.value.hint
    assert slept == [] and len(first.calls) == 1
    # The next sync, five minutes on: nothing is sent to Calendar; Gmail is not held back.
    clock.t += 300
    held = ApiRequest("calendar.events.list", {"ok": 1})
    with pytest.raises(GoogleApiError) as err:
        r.execute(held, "listing events")
    assert held.calls == [] and err.value.status == 429 and "3300s left" in err.value.message
    assert r.execute(ApiRequest("gmail.users.history.list", {"ok": 2}), "reading history") == {"ok": 2}
    # Once the hour has passed, Calendar is called again.
    clock.t += 3300
    assert r.execute(held, "listing events") == {"ok": 1} and slept == []


def test_a_short_retry_after_makes_the_next_request_to_that_api_wait() -> None:
    clock = FakeClock()
    r, slept = retrier(attempts=1, max_delay=10.0, clock=clock)
    with pytest.raises(GoogleApiError):
        r.execute(ApiRequest("gmail.users.drafts.create", http_error(429, "rateLimitExceeded", retry_after="8")), "x")
    clock.t += 2
    assert r.execute(ApiRequest("gmail.users.messages.get", {"ok": 1}), "y") == {"ok": 1}
    assert slept == [6.0]


def test_gives_up_after_n_attempts_saying_what_failed() -> None:
    r, slept = retrier(attempts=3)
    req = FakeRequest(*[http_error(503, "backendError", message="Backend Error")] * 3)
    with pytest.raises(GoogleApiError) as err:
        r.execute(req, "listing events of calendar primary")
    assert len(req.calls) == 3 and len(slept) == 2
    assert err.value.status == 503 and err.value.reason == "backendError"
    assert str(err.value) == "listing events of calendar primary failed: HTTP 503 backendError: Backend Error"


@pytest.mark.parametrize("status, reason", [(400, "invalid"), (404, "notFound"), (403, "forbidden"),
                                            (403, "quotaExceeded"), (410, "fullSyncRequired")])
def test_client_errors_are_not_retried(status: int, reason: str) -> None:
    r, slept = retrier()
    req = FakeRequest(http_error(status, reason), {"never": 1})
    with pytest.raises(GoogleApiError) as err:
        r.execute(req, "x")
    assert (err.value.status, err.value.reason) == (status, reason)
    assert slept == [] and len(req.calls) == 1 and err.value.hint == ""


@pytest.mark.parametrize("status, reason", [(403, "rateLimitExceeded"), (403, "userRateLimitExceeded"),
                                            (429, ""), (408, ""), (500, ""), (502, ""), (504, "")])
def test_temporary_errors_are_retried(status: int, reason: str) -> None:
    r, slept = retrier()
    assert r.execute(FakeRequest(http_error(status, reason), {"ok": 1}), "x") == {"ok": 1}
    assert len(slept) == 1


def test_a_rate_limit_is_retried_even_when_not_idempotent_but_a_5xx_is_not() -> None:
    # 429: Google refused before doing anything, so trying again cannot double the draft.
    r, _ = retrier()
    assert r.execute(FakeRequest(http_error(429), {"id": "d1"}), "creating a draft", idempotent=False) == {"id": "d1"}
    # 5xx: Google may have made it before failing; the caller looks for it before trying again.
    for status in (500, 503):
        r, slept = retrier()
        req = FakeRequest(http_error(status), {"id": "d1"})
        with pytest.raises(GoogleApiError) as err:
            r.execute(req, "creating a draft", idempotent=False)
        assert len(req.calls) == 1 and slept == [] and err.value.status == status
        assert "next sync" in err.value.hint


@pytest.mark.parametrize("exc", [ConnectionResetError("reset"), TimeoutError("timed out"), TimeoutError("t"),
                                 BrokenPipeError("pipe")])
def test_a_dropped_connection_is_retried_only_when_idempotent(exc: Exception) -> None:
    r, slept = retrier()
    assert r.execute(FakeRequest(exc, {"ok": 1}), "x") == {"ok": 1} and len(slept) == 1
    r, slept = retrier()
    req = FakeRequest(exc, {"id": "d1"})
    with pytest.raises(GoogleApiError) as err:
        r.execute(req, "creating a draft", idempotent=False)
    assert len(req.calls) == 1 and slept == [] and "network" in err.value.hint


@pytest.mark.parametrize("exc", [ConnectionRefusedError("refused"), httplib2.ServerNotFoundError("dns"),
                                 TransportError("token endpoint unreachable")])
def test_a_request_that_never_left_is_retried_even_when_not_idempotent(exc: Exception) -> None:
    r, slept = retrier()
    assert r.execute(FakeRequest(exc, {"id": "d1"}), "creating a draft", idempotent=False) == {"id": "d1"}
    assert len(slept) == 1


def test_network_failures_give_up_after_n_attempts() -> None:
    r, slept = retrier(attempts=2)
    with pytest.raises(GoogleApiError):
        r.execute(FakeRequest(TimeoutError(), TimeoutError(), {}), "x")
    assert len(slept) == 1


def test_invalid_grant_becomes_an_auth_error_with_the_fix_and_is_not_retried() -> None:
    r, slept = retrier()
    req = FakeRequest(RefreshError("invalid_grant: Token has been expired or revoked.", {"error": "invalid_grant"}))
    with pytest.raises(AuthError) as err:
        r.execute(req, "x")
    assert "invalid_grant" in err.value.message and "ya29" not in err.value.message
    assert "interview-bot auth" in err.value.hint and "In production" in err.value.hint
    assert slept == []


def test_a_temporary_refresh_failure_is_retried() -> None:
    r, slept = retrier()
    temporary = RefreshError("server_error", retryable=True)
    assert r.execute(FakeRequest(temporary, {"ok": 1}), "x") == {"ok": 1} and len(slept) == 1


def test_missing_scope_and_401_are_sign_in_problems() -> None:
    r, _ = retrier()
    with pytest.raises(AuthError) as err:
        r.execute(FakeRequest(http_error(403, "insufficientPermissions")), "creating a draft")
    assert "tick every box" in err.value.hint
    with pytest.raises(AuthError):
        r.execute(FakeRequest(http_error(401, "authError")), "x")


def test_a_disabled_api_says_how_to_enable_it() -> None:
    r, _ = retrier()
    with pytest.raises(GoogleApiError) as err:
        r.execute(FakeRequest(http_error(403, "accessNotConfigured")), "reading the Gmail profile")
    assert "enable this API" in err.value.hint


def test_a_token_endpoint_echoing_secrets_is_redacted() -> None:
    r, _ = retrier()
    echoed = RefreshError("client_id=123&client_secret=GOCSPX-abcdef123456&refresh_token=1//0gLONGREFRESHTOKEN"
                          "&grant_type=refresh_token")
    with pytest.raises(AuthError) as err:
        r.execute(FakeRequest(echoed), "x")
    text = err.value.message + err.value.hint
    assert "GOCSPX" not in text and "1//0g" not in text and "[redacted]" in text


class TokenAnswer:
    def __init__(self, status: int, data: bytes) -> None:
        self.status, self.data, self.headers = status, data, {}


@pytest.mark.parametrize("data, why", [
    (b"<html>Sign in to the hotel wifi</html>", "not JSON"),
    (b"[1, 2]", "a JSON list"),
    (b'{"expires_in": 3600}', "no access_token"),
    (b'{"access_token": "ya29.new", "expires_in": "soon"}', "expires_in is not a number"),
])
def test_a_malformed_token_answer_is_a_clear_temporary_sign_in_error(data: bytes, why: str) -> None:
    from interview_bot.google.retry import CheckedRefresh, refresh_error

    checked = CheckedRefresh(lambda url, **kwargs: TokenAnswer(200, data))
    with pytest.raises(RefreshError) as caught:
        checked("https://oauth2.googleapis.com/token", method="POST", body="refresh_token=1//0gSECRETSECRET")
    assert caught.value.retryable and why in str(caught.value)
    err = refresh_error(caught.value)
    assert "not a token" in err.message and "SECRET" not in err.message and err.hint
    # An error answer passes through: google-auth makes its own RefreshError of it.
    answer = TokenAnswer(400, b'{"error": "invalid_grant"}')
    assert CheckedRefresh(lambda url, **kwargs: answer)("u") is answer
