"""config.yaml's `notify:` section: where the bot tells the user a draft is waiting (Apprise URLs), and when
the daily digest goes out.

The URLs are checked for shape here; whether Apprise knows the service is `doctor`'s question (importing
Apprise costs a tenth of a second, too much for every command). They often hold a password or a token,
so they are never logged nor printed: only their scheme is ("ntfys", "mailtos").
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, WithJsonSchema
from pydantic_core import PydanticCustomError

__all__ = ["NotifySettings", "scheme"]

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)


def scheme(url: str) -> str:
    """The service part of an Apprise URL ("ntfys"), which is safe to show; the rest may hold a secret."""
    return url.split("://", 1)[0].lower() if "://" in url else "?"


def _check_url(value: Any) -> Any:
    if isinstance(value, str) and not _URL.match(value.strip()):
        shown = value.strip()[:12] + ("…" if len(value.strip()) > 12 else "")
        raise PydanticCustomError("notify_url", '"{value}" is not an Apprise URL (like "ntfys://my-topic" or '
                                  '"mailtos://me:app-password@gmail.com")', {"value": shown})
    return value.strip() if isinstance(value, str) else value


def _time_of_day(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"  # YAML 1.1 reads an unquoted 8:00 as 480 (base 60)
    if isinstance(value, str):
        if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value.strip()):
            raise PydanticCustomError("time", '"{value}" is not a time of day (try "08:00")', {"value": value})
        hours, minutes = value.strip().split(":")
        return f"{int(hours):02d}:{minutes}"
    return value


NotifyUrl = Annotated[StrictStr, BeforeValidator(_check_url), WithJsonSchema({
    "type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$",
    "examples": ["ntfys://my-secret-topic", "mailtos://me:app-password@gmail.com", "dbus://"],
    "description": "An Apprise URL (https://github.com/caronc/apprise/wiki).",
})]
Digest = Annotated[StrictStr, BeforeValidator(_time_of_day), WithJsonSchema({
    "type": "string", "pattern": r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*$", "examples": ["08:00"],
    "description": 'A time of day, 24-hour, in quotes: "08:00".',
})]


class NotifySettings(BaseModel):
    """How the user is told: one notification per new draft, one when the sign-in dies, a daily digest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    urls: tuple[NotifyUrl, ...] = Field(
        default=(), description="Apprise URLs to notify (ntfy, e-mail, Telegram, Slack, desktop...); none: "
        "nothing is sent. A notification carries names, dates and the draft's Gmail link, never mail text.")
    digest: Digest | None = Field(
        default=None, description='Time of day (yours) for a daily list of the drafts still waiting, e.g. "08:00"; '
        "sent only when one waits.")
