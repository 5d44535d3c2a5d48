"""One error hierarchy; interview_bot.cli.commands prints these in one place, with their hints.

Every message and hint is redacted when the error is made (interview_bot.logs.redact): an error can
carry text from outside, such as Google's token endpoint echoing the request body, and no
client secret, token or authorization code may reach a terminal, a log or a status file.
"""

from __future__ import annotations

from interview_bot.logs import redact


class BotError(Exception):
    """An error a user can meet: a message saying what is wrong, and a hint saying how to fix it."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        message, hint = redact(message), redact(hint)
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ConfigError(BotError):
    """config.yaml (or a template it names) is wrong. `problems` lists every one, each 'file:line: key: what'."""

    def __init__(self, problems: list[str], hint: str = "") -> None:
        self.problems = [redact(p) for p in problems]
        super().__init__("\n".join(self.problems), hint)


class AuthError(BotError):
    """No usable Google token: missing, revoked or expired."""


class GoogleApiError(BotError):
    """Google answered with an error we could not retry away."""

    def __init__(self, message: str, status: int = 0, reason: str = "", hint: str = "") -> None:
        super().__init__(message, hint)
        self.status = status
        self.reason = reason


class StateError(BotError):
    """The state file cannot be used (locked by another instance, unreadable)."""
