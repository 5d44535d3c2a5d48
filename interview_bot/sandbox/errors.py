"""Errors the sandbox answers with, in Google's JSON error shape."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An API error as Google reports it: HTTP status, reason and message.

    Rendered as {"error": {"code", "message", "errors": [{"domain", "reason", "message"}], "status"}}.
    """

    STATUS_NAMES = {
        400: "INVALID_ARGUMENT",
        401: "UNAUTHENTICATED",
        403: "PERMISSION_DENIED",
        404: "NOT_FOUND",
        409: "ALREADY_EXISTS",
        410: "FAILED_PRECONDITION",
        412: "FAILED_PRECONDITION",
        429: "RESOURCE_EXHAUSTED",
        500: "INTERNAL",
        503: "UNAVAILABLE",
    }

    def __init__(
        self,
        status: int,
        message: str,
        reason: str = "",
        domain: str = "global",
        headers: dict[str, str] | None = None,
        location: str = "",
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason or {400: "badRequest", 404: "notFound", 410: "deleted"}.get(status, "backendError")
        self.domain = domain
        self.headers = headers or {}
        self.location = location

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"domain": self.domain, "reason": self.reason, "message": self.message}
        if self.location:
            err["location"] = self.location
            err["locationType"] = "parameter"
        return {
            "error": {
                "code": self.status,
                "message": self.message,
                "errors": [err],
                "status": self.STATUS_NAMES.get(self.status, "UNKNOWN"),
            }
        }
