"""The `tests:` section of config.yaml: cases that pin down what the rules decide, written as data.

An event case is an invitation and whether it is an interview (with the company and role
expected); a message case is a mail from the company's side and how it should be read (its
kind, whether it answers, the date it promises, counted from when it was sent). The cases
are run by `interview_bot.reading.cases`, exactly as the bot applies the rules, by `interview-bot test`,
`check-config` and before `run` starts.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parseaddr
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictStr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from interview_bot.config.fields import Domain, Text

__all__ = ["ConfigTests", "EventCase", "EventExpect", "MessageCase", "MessageExpect", "ReplyKindName"]

ReplyKindName = Literal["rejection", "offer", "next_steps", "holding", "acknowledgement", "auto_reply", "other"]

_EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


def _check_address(value: str) -> str:
    _, email = parseaddr(value)
    if not _EMAIL_RE.match(email):
        raise PydanticCustomError(
            "address", '"{value}" is not an email address (like "jane@initech.com" or "Jane Roe <jane@initech.com>")',
            {"value": value},
        )
    return value.strip()


Address = Annotated[StrictStr, AfterValidator(_check_address)]


def _to_sent(value: Any) -> Any:
    # A bare date stays a date ("sent on Thursday"); pydantic alone would make it midnight.
    if isinstance(value, str) and _DATE_ONLY.match(value):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date", '"{value}" is not a date (like "2026-12-03")', {"value": value}) from None
    return value


# YAML writes "2026-12-03 14:00" (no "T", no offset): not JSON Schema's date-time format.
_SENT_SCHEMA: dict[str, Any] = {"type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2})?.*)?\s*$",
                                "examples": ["2026-12-03", "2026-12-03 14:30"]}


_PROMISE_SCHEMA: dict[str, Any] = {"anyOf": [{"type": "string", "format": "date"}, {"enum": ["none"]}]}


def _to_promise(value: Any) -> date | Literal["none"]:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip().lower() == "none":
        return "none"
    if isinstance(value, str) and _DATE_ONLY.match(value):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "promise", '{value} is not a date (like "2026-12-11") or "none"', {"value": f'"{value}"' if isinstance(value, str) else repr(value)}
    )


class _Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class EventExpect(_Case):
    """What the bot should make of the event."""

    interview: StrictBool = Field(description="true: the event is one of your interviews; false: it is not.")
    company: Text | None = Field(default=None, description="The company the bot should name (only with interview: true).")
    role: Text | None = Field(default=None, description="The role the bot should read from the title (only with interview: true).")

    @model_validator(mode="after")
    def _only_for_interviews(self) -> EventExpect:
        if not self.interview and (self.company or self.role):
            raise PydanticCustomError("expect", "company and role can only be expected of an interview (interview: true)")
        return self


class EventCase(_Case):
    """A calendar event and whether it is an interview."""

    name: Text | None = Field(default=None, description="A name for the case, shown when it fails.")
    title: StrictStr = Field(description="The event's title.")
    organizer: Address | None = Field(
        default=None, description='Who sent the invitation ("Jane Roe <jane@initech.com>"); leave out for your own event.'
    )
    attendees: tuple[Address, ...] = Field(default=(), description="Who else is invited (you are added by the bot).")
    description: StrictStr = Field(default="", description="The event's description (an applicant-tracking link, say).")
    all_day: StrictBool = Field(default=False, description="true for an all-day event.")
    recurring: StrictBool = Field(default=False, description="true for a repeating event.")
    expect: EventExpect = Field(description="What the bot should decide.")


class MessageExpect(_Case):
    """How the bot should read the message. Give at least one of these."""

    kind: ReplyKindName | None = Field(default=None, description="The kind of reply it is.")
    answer: StrictBool | None = Field(
        default=None,
        description="Whether it counts as the company's answer (stops the check-ins); holding notes and auto-replies do not.",
    )
    promise: Annotated[date | Literal["none"], PlainValidator(_to_promise), WithJsonSchema(_PROMISE_SCHEMA)] | None = Field(
        default=None,
        description='The decision date it promises (YYYY-MM-DD, read relative to `sent`), or "none" for no promise.',
    )

    @model_validator(mode="after")
    def _something(self) -> MessageExpect:
        if self.kind is None and self.answer is None and self.promise is None:
            raise PydanticCustomError("expect", "expects nothing: give kind, answer or promise")
        return self


class MessageCase(_Case):
    """A message from the company's side and how it should be read."""

    name: Text | None = Field(default=None, description="A name for the case, shown when it fails.")
    from_: Address = Field(alias="from", description='The sender ("Priya Patel <priya@initech.com>").')
    subject: StrictStr = Field(default="", description="The subject line.")
    body: StrictStr = Field(default="", description="The text of the message (without quoted earlier mail, or with it).")
    headers: dict[StrictStr, StrictStr] = Field(
        default_factory=dict, description='Other headers, e.g. "Auto-Submitted: auto-replied".'
    )
    sent: Annotated[datetime | date, BeforeValidator(_to_sent), WithJsonSchema(_SENT_SCHEMA)] | None = Field(
        default=None,
        description="When it was sent: a date (YYYY-MM-DD) or a date and time in your time zone. Needed for `promise`.",
    )
    company: Domain | None = Field(
        default=None,
        description="The company's email domain when the sender is not plainly at it (a hiring system, a personal "
        "address); by default the sender is someone on the company's side.",
    )
    expect: MessageExpect = Field(description="How the bot should read it.")

    @model_validator(mode="after")
    def _sent_for_promise(self) -> MessageCase:
        if isinstance(self.expect.promise, date) and self.sent is None:
            raise PydanticCustomError("sent", "a promised date is counted from when the message was sent: add `sent:`")
        return self


class ConfigTests(_Case):
    """Cases run by `interview-bot test`, `check-config` and before `run`: a failing one stops the bot starting."""

    events: tuple[EventCase, ...] = Field(default=(), description="Calendar events and whether each is an interview.")
    messages: tuple[MessageCase, ...] = Field(default=(), description="Messages and how each should be read.")
