"""The one place Google requests are executed and retried.

Retries what Google says is temporary (429, 5xx, rate-limit 403s, timeouts, dropped
connections), honoring Retry-After, with exponential backoff and full jitter; gives up
loudly with a GoogleApiError that says what failed.
"""

from __future__ import annotations

import json
import logging
import random
import socket
import time
from collections.abc import Callable
from typing import Any

from bot.errors import AuthError, GoogleApiError

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
RATE_LIMIT_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "backendError"})


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
    except (ValueError, AttributeError, UnicodeDecodeError):
        pass
    return status, reason, message


def _retry_after(exc: Any) -> float | None:
    resp = getattr(exc, "resp", None)
    value = resp.get("retry-after") if resp is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


class Retrier:
    """Executes googleapiclient requests, retrying temporary failures."""

    def __init__(
        self,
        attempts: int = 5,
        base_delay: float = 0.5,
        max_delay: float = 32.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep
        self.rng = rng or random.Random()

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """How long to wait before retry number `attempt` (1-based)."""
        backoff = self.rng.uniform(0, min(self.max_delay, self.base_delay * 2 ** (attempt - 1)))
        return max(backoff, retry_after) if retry_after is not None else backoff

    def execute(self, request: Any, what: str, idempotent: bool = True) -> Any:
        """Run request.execute(), retrying temporary failures; `what` names it in errors.

        A request that is not idempotent (creating a draft) is not retried after a dropped
        connection, since Google may have done it: the caller's recovery looks for it instead.
        """
        from google.auth.exceptions import RefreshError
        from googleapiclient.errors import HttpError

        attempt = 0
        while True:
            attempt += 1
            try:
                return request.execute(num_retries=0)
            except HttpError as exc:
                status, reason, message = error_reason(exc)
                temporary = status in RETRY_STATUSES or (status == 403 and reason in RATE_LIMIT_REASONS)
                if not temporary or attempt >= self.attempts:
                    raise GoogleApiError(
                        f"{what} failed: HTTP {status} {reason or ''}: {message}".replace("  ", " "),
                        status=status,
                        reason=reason,
                        hint="temporary errors are retried at the next sync" if temporary else "",
                    ) from exc
                wait = self.delay(attempt, _retry_after(exc))
                log.warning("%s: HTTP %s %s, retry %d in %.1fs", what, status, reason, attempt, wait)
            except RefreshError as exc:
                raise AuthError(
                    f"Google refused to refresh the sign-in token ({_refresh_reason(exc)})",
                    hint="run `interview-bot auth` to sign in again; if this happens every 7 days, "
                    "publish the OAuth app 'In production' in the Google Cloud console (see README)",
                ) from exc
            except (TimeoutError, socket.timeout, ConnectionError, OSError) as exc:
                if not idempotent or attempt >= self.attempts:
                    raise GoogleApiError(
                        f"{what} failed: {type(exc).__name__}: {exc}",
                        hint="check the network; the bot tries again at the next sync",
                    ) from exc
                wait = self.delay(attempt, None)
                log.warning("%s: %s, retry %d in %.1fs", what, type(exc).__name__, attempt, wait)
            self.sleep(wait)


def _refresh_reason(exc: Exception) -> str:
    text = str(exc)
    return "invalid_grant: the token was revoked or has expired" if "invalid_grant" in text else text
