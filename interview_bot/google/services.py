"""Building the googleapiclient services, against Google or a sandbox endpoint."""

from __future__ import annotations

from typing import Any


def api_roots(endpoint: str) -> dict[str, str]:
    """Each API's root URL under one base URL.

    Calendar's discovery document keeps "calendar/v3/" in its servicePath, so its
    api_endpoint must carry it; Gmail's method paths already start with "gmail/v1/".
    """
    base = endpoint.rstrip("/") + "/"
    return {"calendar": base + "calendar/v3/", "gmail": base}


def build_service(api: str, endpoint: str | None = None, credentials: Any = None, timeout: float = 30.0) -> Any:
    """A googleapiclient Resource for "calendar" or "gmail" from the shipped discovery documents.

    With an endpoint, requests go to that base URL (the sandbox), without OAuth unless
    credentials are given too (tests of the token refresh). Without one, to Google, signed in.
    """
    import httplib2
    from googleapiclient.discovery import build

    version = {"calendar": "v3", "gmail": "v1"}[api]
    if not endpoint and credentials is None:
        raise ValueError("credentials are required without an endpoint")
    http: Any = httplib2.Http(timeout=timeout)
    if credentials is not None:
        http = _authorized_http(credentials, http)
    options = {"api_endpoint": api_roots(endpoint)[api]} if endpoint else None
    return build(api, version, static_discovery=True, http=http, client_options=options, cache_discovery=False)


def _authorized_http(credentials: Any, http: Any) -> Any:
    """httplib2 with credentials, whose token refreshes go through `requests` (interview_bot.google.auth.refresh_request).

    AuthorizedHttp refreshes through the httplib2 object it wraps by default; its `_request` is the
    transport it hands to credentials.refresh(). Using requests there gives one refresh path for
    the daemon, `doctor` and the tests (which mock the token endpoint with `responses`).
    """
    import google_auth_httplib2

    from interview_bot.google.auth import refresh_request

    authed = google_auth_httplib2.AuthorizedHttp(credentials, http=http)
    authed._request = refresh_request()
    return authed
