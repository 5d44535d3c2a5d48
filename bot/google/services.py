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

    With an endpoint, no OAuth: requests go over plain HTTP to that base URL (the sandbox).
    """
    import httplib2
    from googleapiclient.discovery import build

    version = {"calendar": "v3", "gmail": "v1"}[api]
    if endpoint:
        return build(
            api,
            version,
            static_discovery=True,
            http=httplib2.Http(timeout=timeout),
            client_options={"api_endpoint": api_roots(endpoint)[api]},
            cache_discovery=False,
        )
    if credentials is None:
        raise ValueError("credentials are required without an endpoint")
    import google_auth_httplib2

    authed = google_auth_httplib2.AuthorizedHttp(credentials, http=httplib2.Http(timeout=timeout))
    return build(api, version, static_discovery=True, http=authed, cache_discovery=False)
