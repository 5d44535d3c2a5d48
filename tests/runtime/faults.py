"""Faults injected into a running sandbox, for end-to-end tests: answers Google gives on a bad day.

`Faults(sandbox).add(...)` makes chosen requests fail in Google's JSON error shape, either
before the sandbox acts on them (nothing happened) or after (it happened, but the client only
hears the error: the case a 5xx on drafts.create leaves Google free to have made the draft).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from interview_bot.sandbox.errors import ApiError
from interview_bot.sandbox.server import Sandbox


@dataclass
class Rule:
    verb: str
    path: str  # a regular expression searched in the request path ("/drafts$", "/messages/[^/]+$")
    status: int
    reason: str
    times: int = 1  # how many matching requests fail; -1: all of them
    after: bool = False  # fail after the sandbox has acted on the request
    headers: dict[str, str] = field(default_factory=dict)
    domain: str = "global"


class Faults:
    """Wraps Sandbox.handle; `hits` lists (verb, path, status) of every injected failure."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.rules: list[Rule] = []
        self.hits: list[tuple[str, str, int]] = []
        self._handle = sandbox.handle
        sandbox.handle = self._serve  # type: ignore[method-assign]

    def add(self, verb: str, path: str, status: int, reason: str = "backendError", **kwargs: Any) -> Faults:
        self.rules.append(Rule(verb, path, status, reason, **kwargs))
        return self

    def clear(self) -> None:
        self.rules.clear()

    def _serve(self, verb: str, raw_path: str, body: bytes) -> tuple[int, Any, dict[str, str]]:
        path = raw_path.split("?", 1)[0]
        rule = next((r for r in self.rules if r.verb == verb and re.search(r.path, path) and r.times != 0), None)
        if rule is None:
            return self._handle(verb, raw_path, body)
        if rule.times > 0:
            rule.times -= 1
        if rule.after:
            self._handle(verb, raw_path, body)
        self.hits.append((verb, path, rule.status))
        message = {403: "Rate Limit Exceeded", 404: "Not Found", 429: "Rate Limit Exceeded"}.get(rule.status,
                                                                                                "Backend Error")
        err = ApiError(rule.status, message, reason=rule.reason, domain=rule.domain, headers=rule.headers)
        return err.status, err.body(), dict(err.headers)


__all__ = ["Faults", "Rule"]
