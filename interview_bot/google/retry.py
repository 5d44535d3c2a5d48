"""The one place Google requests are executed and retried.

Retries what Google says is temporary (408, 429, 5xx, rate-limit 403s, timeouts, dropped
connections), honoring Retry-After, with capped exponential backoff and full jitter; gives up
loudly with a GoogleApiError (or an AuthError when the sign-in itself is the problem) that says
what failed. What still fails is left to the caller's next sync: the state file records what
was done, so nothing is lost or doubled.

A Retry-After is remembered per API: the next request to that API, in this sync or a later
one, is not sent before it (it waits when the wait is short, else fails at once as temporary).
Token refreshes go through CheckedRefresh, so a token endpoint that answers with something
that is not a token gives a clear sign-in error rather than a TypeError deep in google-auth.
"""

from __future__ import annotations

import http.client
import json
import logging
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from interview_bot.errors import AuthError, GoogleApiError
from interview_bot.logs import redact

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# 403s that mean "slow down", not "forbidden". A daily quota (quotaExceeded) is not among them:
# retrying within seconds cannot help.
RATE_LIMIT_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "backendError"})
# 403s that a new sign-in fixes: a token without a scope the call needs.
SCOPE_REASONS = frozenset({"insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"})
# 403s that mean the API is not switched on in the user's Cloud project.
DISABLED_REASONS = frozenset({"accessNotConfigured", "SERVICE_DISABLED"})

SIGN_IN_AGAIN = "run `interview-bot auth` to sign in again"
TESTING_HINT = (
    "run `interview-bot auth` to sign in again. If this happens every 7 days, your OAuth app is in "
    "'Testing' status, where Google expires sign-ins after a week: in the Google Cloud console, "
    "Google Auth Platform > Audience (OAuth consent screen), press 'Publish app' to put it 'In production'"
)


def error_reason(exc: Any) -> tuple[int, str, str]:
    """(status, reason, message) of a googleapiclient HttpError, read from Google's JSON error body."""
    status = int(getattr(getattr(exc, "resp", None), "status", 0) or 0)
    reason, message = "", str(exc)
    content = getattr(exc, "content", b"")
    try:
        data = json.loads(content.decode("utf-8") if isinstance(content, bytes) else content)
        err = data.get("error", {}) if isinstance(data, dict) else {}
        if isinstance(err, dict):
            message = str(err.get("message", message))
            errors = err.get("errors") or []
            if errors and isinstance(errors[0], dict):
                reason = str(errors[0].get("reason", ""))
            # Newer APIs put the reason in details[].reason (ErrorInfo) instead.
            for detail in err.get("details") or []:
                if not reason and isinstance(detail, dict) and detail.get("reason"):
                    reason = str(detail["reason"])
    except (ValueError, AttributeError, UnicodeDecodeError, TypeError):
        pass
    return status, reason, message


def retry_after(headers: Any, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None without a usable one."""
    value = headers.get("retry-after") if headers is not None else None
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        pass
    try:
        when = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _transient_network_errors() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """(never sent, maybe sent): network failures split by whether Google could have acted on the request."""
    import httplib2
    from google.auth.exceptions import TransportError

    # Refused or unresolvable: the request never left, so even a non-idempotent one is safe to repeat.
    # TransportError is google-auth failing to reach the token endpoint: no API request was sent either.
    never_sent: tuple[type[BaseException], ...] = (ConnectionRefusedError, httplib2.ServerNotFoundError, TransportError)
    # Timeouts, resets and half-read answers: Google may have done it.
    maybe_sent: tuple[type[BaseException], ...] = (
        TimeoutError, ConnectionError, http.client.HTTPException, httplib2.HttpLib2Error, OSError,
    )
    return never_sent, maybe_sent


class Stopping(BaseException):
    """A stop was asked for (SIGTERM, Ctrl-C): unwinds the job before its next request, touching no state.

    A BaseException, like KeyboardInterrupt, so no `except Exception` in the engine swallows it;
    State.transaction() rolls back on it.
    """


class Retrier:
    """Executes googleapiclient requests, retrying temporary failures.

    attempts counts tries (not retries). Backoff is full jitter, uniform(0, min(max_delay,
    base_delay * 2**(n-1))), and never shorter than a Retry-After. A Retry-After longer than
    max_delay is not slept through inside a job: the request fails as temporary and the next
    sync tries again, which honors it just the same without holding up the daemon.
    """

    def __init__(
        self,
        attempts: int = 5,
        base_delay: float = 0.5,
        max_delay: float = 32.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.clock = clock  # monotonic seconds, for the Retry-After each API asked for
        self._not_before: dict[str, float] = {}  # API ("calendar", "gmail") -> clock() it may be called again
        self.should_stop = should_stop  # the daemon's stop flag: no request is started once it is raised
        # True while a read (an idempotent request) waits on Google: the daemon's signal handler may then
        # unwind it at once (Stopping) rather than wait for a slow answer, since a read changes nothing.
        self.reading = False

    def check_stop(self) -> None:
        """Raise Stopping if a stop was asked for: called before every request, and between reads of a sync."""
        if self.should_stop():
            raise Stopping

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """How long to wait before retry number `attempt` (1-based)."""
        backoff = self.rng.uniform(0, min(self.max_delay, self.base_delay * 2 ** (attempt - 1)))
        return max(backoff, retry_after) if retry_after is not None else backoff

    def execute(self, request: Any, what: str, idempotent: bool = True) -> Any:
        """Run request.execute(), retrying temporary failures; `what` names it in errors.

        A request that is not idempotent (creating a draft) is retried here only when Google
        surely did nothing: a rate-limit answer (429, or 403 rateLimitExceeded) or a refused
        connection. After a 5xx, a timeout or a dropped connection Google may have done it, so
        the error goes to the caller, whose recovery (looking for the draft by its key) runs
        before the next attempt, at the next sync.
        """
        from google.auth.exceptions import RefreshError
        from googleapiclient.errors import HttpError

        never_sent, maybe_sent = _transient_network_errors()
        api = _api_of(request)
        attempt = 0
        while True:
            attempt += 1
            if attempt == 1:  # later attempts already wait at least as long as the Retry-After
                self._wait_for_retry_after(api, what)
            self.check_stop()  # each page, each message, each attempt: none starts after a stop
            try:
                self.reading = idempotent
                try:
                    # num_retries=0: googleapiclient's own retry would double ours and ignore Retry-After.
                    return request.execute(num_retries=0)
                finally:
                    self.reading = False
            except HttpError as exc:
                status, reason, message = error_reason(exc)
                self._raise_if_auth(status, reason, message, what, exc)
                temporary = status in RETRY_STATUSES or (status == 403 and reason in RATE_LIMIT_REASONS)
                refused = status == 429 or (status == 403 and reason in ("rateLimitExceeded", "userRateLimitExceeded"))
                wait_hint = retry_after(getattr(exc, "resp", None))
                if wait_hint is not None:
                    self._not_before[api] = max(self._not_before.get(api, 0.0), self.clock() + wait_hint)
                too_long = wait_hint is not None and wait_hint > self.max_delay
                if not temporary or attempt >= self.attempts or too_long or (not idempotent and not refused):
                    hint = ""
                    if too_long:
                        hint = f"Google asked to wait {wait_hint:.0f}s: nothing is sent to it before then; tried again at a later sync"
                    elif temporary:
                        hint = "temporary errors are retried at the next sync"
                    elif status == 403 and reason in DISABLED_REASONS:
                        hint = "enable this API in your Google Cloud project (APIs & Services > Library)"
                    detail = f"HTTP {status} {reason}".strip()
                    raise GoogleApiError(f"{what} failed: {detail}: {message}", status=status, reason=reason,
                                         hint=hint) from exc
                wait = self.delay(attempt, wait_hint)
                log.warning("%s: HTTP %s %s, retry %d of %d in %.1fs", what, status, reason, attempt,
                            self.attempts - 1, wait)
            except RefreshError as exc:
                if not getattr(exc, "retryable", False) or attempt >= self.attempts:
                    raise refresh_error(exc) from exc
                wait = self.delay(attempt, None)
                log.warning("%s: token refresh failed temporarily (%s), retry %d in %.1fs", what,
                            _first_line(exc), attempt, wait)
            except never_sent as exc:
                if attempt >= self.attempts:
                    raise self._network_error(what, exc) from exc
                wait = self.delay(attempt, None)
                log.warning("%s: %s, retry %d in %.1fs", what, type(exc).__name__, attempt, wait)
            except maybe_sent as exc:
                if not idempotent or attempt >= self.attempts:
                    raise self._network_error(what, exc) from exc
                wait = self.delay(attempt, None)
                log.warning("%s: %s, retry %d in %.1fs", what, type(exc).__name__, attempt, wait)
            self.sleep(wait)

    def _wait_for_retry_after(self, api: str, what: str) -> None:
        """Honor a Retry-After this API gave earlier: wait if it is short, else fail without sending."""
        left = self._not_before.get(api, 0.0) - self.clock()
        if left <= 0:
            return
        if left > self.max_delay:
            raise GoogleApiError(f"{what} not tried: Google asked to wait before calling it again ({left:.0f}s left)",
                                 status=429, reason="retryAfter",
                                 hint="temporary: the bot tries again once Google's Retry-After has passed")
        log.info("%s: waiting %.1fs, as Google's Retry-After asked", what, left)
        self.sleep(left)

    @staticmethod
    def _raise_if_auth(status: int, reason: str, message: str, what: str, exc: Exception) -> None:
        if status == 401:
            # AuthorizedHttp already refreshed and retried once; a second 401 means the grant is gone.
            raise AuthError(f"{what} failed: Google no longer accepts the sign-in ({message})",
                            hint=TESTING_HINT) from exc
        if status == 403 and reason in SCOPE_REASONS:
            raise AuthError(f"{what} failed: the sign-in lacks a permission the bot needs ({message})",
                            hint=SIGN_IN_AGAIN + ", and tick every box on Google's consent screen") from exc

    @staticmethod
    def _network_error(what: str, exc: BaseException) -> GoogleApiError:
        return GoogleApiError(f"{what} failed: {type(exc).__name__}: {exc}",
                              hint="check the network; the bot tries again at the next sync")


def _api_of(request: Any) -> str:
    """Which API a request is for ("calendar", "gmail"), from its discovery method id or its URL."""
    method_id = str(getattr(request, "methodId", "") or "")
    if method_id:
        return method_id.split(".", 1)[0]
    uri = str(getattr(request, "uri", "") or "")
    return "calendar" if "/calendar/" in uri else "gmail" if "/gmail/" in uri else "google"


def _first_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if exc.args else str(exc)
    # Google's token endpoint can echo the request body (client secret, refresh token) in its answer.
    return redact(text.splitlines()[0]) if text else type(exc).__name__


MALFORMED_TOKEN = "Google's sign-in server answered with something that is not a token"


class CheckedRefresh:
    """The transport token refreshes go through: google-auth's, checking that a 200 answer is a token.

    google-auth reads a token answer without checking its shape: an HTML page from a captive
    portal or a proxy, a JSON list, or an expires_in that is not a number ends in TypeError or
    ValueError deep inside it. Such an answer becomes a RefreshError (temporary: a portal or a
    proxy goes away) that says what was wrong, never what was sent.
    """

    def __init__(self, transport: Any) -> None:
        self._transport = transport

    def __call__(self, url: str, method: str = "GET", body: Any = None, headers: Any = None,
                 timeout: Any = None, **kwargs: Any) -> Any:
        from google.auth.exceptions import RefreshError

        response = self._transport(url, method=method, body=body, headers=headers, timeout=timeout, **kwargs)
        if getattr(response, "status", 0) != 200:
            return response  # google-auth turns an error answer into a RefreshError itself
        problem = token_answer_problem(getattr(response, "data", b""))
        if problem:
            raise RefreshError(f"{MALFORMED_TOKEN} ({problem})", retryable=True)  # type: ignore[no-untyped-call]
        return response


def token_answer_problem(data: bytes | str) -> str:
    """What is wrong with a token endpoint's 200 answer, in a few words ("" when it is a token).

    Checked for every token Google hands the bot, at sign-in and at each refresh: a captive
    portal's HTML page, a JSON list, or an expires_in that is not a number would otherwise fail
    deep inside google-auth or oauthlib with a TypeError. Never says what the answer contained."""
    try:
        token = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    except (ValueError, UnicodeDecodeError):
        return "not JSON"
    if not isinstance(token, dict):
        return f"a JSON {type(token).__name__}, not an object"
    if not isinstance(token.get("access_token"), str) or not token["access_token"]:
        return "no access_token in it"
    if token.get("expires_in") is not None and not str(token["expires_in"]).strip().isdigit():
        return "its expires_in is not a number of seconds"
    return ""


def refresh_error(exc: BaseException) -> AuthError:
    """A google-auth RefreshError as an AuthError a user can act on (never including a token)."""
    text = _first_line(exc)
    if text.startswith(MALFORMED_TOKEN):
        return AuthError(text, hint="a proxy or a captive portal may be in the way; the bot tries again at the "
                         "next sync. If it persists, run `interview-bot auth` to sign in again")
    if "invalid_grant" in text:
        return AuthError("Google refused to refresh the sign-in (invalid_grant): it was revoked, the password "
                         "changed, or it expired", hint=TESTING_HINT)
    if "invalid_client" in text or "unauthorized_client" in text or "deleted_client" in text:
        return AuthError(f"Google no longer knows the OAuth client this sign-in was made with ({text})",
                         hint="download the Desktop-app client JSON again into google.credentials, then "
                         "run `interview-bot auth`")
    return AuthError(f"Google refused to refresh the sign-in ({text})", hint=SIGN_IN_AGAIN)
