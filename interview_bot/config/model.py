"""config.yaml as a typed model: every section, its defaults, and the checks across keys.

Unknown keys are errors and values are immutable. New sections (follow_ups.status_check,
...) are new `_Section` classes hung off an existing one; loading, line mapping and error
wording (`interview_bot.config.load`) need no change. The same model gives the JSON schema.
"""

from __future__ import annotations

import difflib
import os
import re
import zoneinfo
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import platformdirs
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictStr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from interview_bot.config import fields as f20  # issue 20's keys: locale, languages
from interview_bot.config.cases import ConfigTests
from interview_bot.config.durations import Duration, holiday_countries, parse_duration
from interview_bot.config.fields import (
    ConfigPath,
    Domain,
    DomainPattern,
    DurationField,
    Regex,
    TemplateName,
    Text,
    yaml_kind,
)
from interview_bot.config.notify import NotifySettings
from interview_bot.config.public_holidays import unknown_subdivision
from interview_bot.model import DetectionRules

__all__ = [
    "APP_NAME",
    "CONFIG_ENV",
    "REPLY_KINDS",
    "Config",
    "FollowUps",
    "GoogleSettings",
    "InterviewSettings",
    "Me",
    "ThankYouSettings",
    "default_state_folder",
    "system_timezone",
]

APP_NAME = "interview-bot"
CONFIG_ENV = "INTERVIEW_BOT_CONFIG"
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MIN_POLL_SECONDS = 30  # Calendar quota and politeness: a tighter loop gains nothing for drafts due hours later


def default_state_folder() -> Path:
    """Where the state file lives unless `state:` says otherwise: the platform's user state folder."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


# --- the model ---------------------------------------------------------------


class _Section(BaseModel):
    """Base of every config mapping: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Me(_Section):
    """Who the drafts are from."""

    name: Text = Field(description="Your name, used to sign drafts.")
    email: StrictStr | None = Field(
        default=None, description="Your address; defaults to the signed-in Gmail account's address at run time."
    )
    signature: StrictStr | None = Field(default=None, max_length=2000, description=(
        "The signature that ends every draft (several lines); overrides your Gmail signature."))

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL_RE.match(value.strip()):
            raise PydanticCustomError("email", '"{value}" is not an email address', {"value": value})
        return value.strip() if value else value


class GoogleSettings(_Section):
    """Where the bot finds Google: OAuth files, or a sandbox endpoint without OAuth."""

    credentials: ConfigPath = Field(
        default=Path("credentials.json"),
        validate_default=True,  # so the default, too, resolves next to config.yaml
        description="The OAuth client-secrets JSON downloaded from Google Cloud Console.",
    )
    token: ConfigPath = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "token.json",
        description="Where `interview-bot auth` stores the OAuth token.",
    )
    endpoint: StrictStr | None = Field(
        default=None, description="Base URL of a Google-compatible endpoint (the sandbox); when set, no OAuth is used."
    )

    @field_validator("endpoint")
    @classmethod
    def _endpoint(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PydanticCustomError(
                "url", '"{value}" is not an http(s) URL (try "http://127.0.0.1:8765")', {"value": value}
            )
        return value.strip().rstrip("/")


class InterviewSettings(_Section):
    """How calendar events are recognised as interviews; lists add to the shipped rules."""

    match: tuple[Regex, ...] = Field(default=(), description="Regexes on the event title that make it an interview.")
    ignore: tuple[Regex, ...] = Field(default=(), description="Regexes on the title that rule an event out; they win over match.")
    description_match: tuple[Regex, ...] = Field(
        default=(), description="Regexes on the event description (ATS links and the like)."
    )
    use_default_rules: StrictBool = Field(
        default=True, description="false: only your lists apply, not the shipped ones."
    )
    include_all_day: StrictBool = Field(default=False, description="Consider all-day events too.")
    external_organizer_is_interview: StrictBool = Field(
        default=True, description="An event organised by someone at a company domain counts as an interview."
    )
    personal_domains: tuple[DomainPattern, ...] = Field(
        default=(),
        description='Email domains that are never a company; globs like "yahoo.*" work (gmail.com is already known).',
    )
    scheduler_senders: tuple[Regex, ...] = Field(
        default=(), description="Regexes on addresses of scheduling systems (never an interviewer)."
    )


class ThankYouSettings(_Section):
    """The thank-you draft after each interview."""

    enabled: StrictBool = Field(default=True, description="Draft a thank-you after each interview.")
    after: DurationField = Field(default=parse_duration("2h"), description="How long after the interview ends.")
    per_interviewer: StrictBool = Field(
        default=False, description="true: one draft per interviewer; false: one draft to all of them."
    )
    template: TemplateName = Field(default="thank_you", description="Template name, looked up in `templates:` then the shipped ones.")


def _check_time_of_day(value: str) -> str:
    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value.strip()):
        raise PydanticCustomError("time", '"{value}" is not a time of day (try "09:30")', {"value": value})
    hours, minutes = value.strip().split(":")
    return f"{int(hours):02d}:{minutes}"


TimeOfDay = Annotated[
    StrictStr,
    AfterValidator(_check_time_of_day),
    WithJsonSchema({"type": "string", "pattern": r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*$", "examples": ["09:30"],
                    "description": 'A time of day, 24-hour, in quotes: "09:30".'}),
]


class StatusCheckSettings(_Section):
    """The check-in when the promised decision date passes without a reply."""

    enabled: StrictBool = Field(default=True, description="Draft a check-in when the decision date passes in silence.")
    default_wait: DurationField = Field(
        default=parse_duration("5 business days"),
        description="The decision date when nobody promised one: this long after the interview.",
    )
    grace: DurationField = Field(
        default=parse_duration("1 business day"), description="How long after the decision date to wait for news."
    )
    at: TimeOfDay = Field(default="09:30", description="Time of day (yours) at which a check-in is due.")
    max: int = Field(default=2, ge=0, le=10, description="How many check-ins at most, per interview process.")
    repeat_every: DurationField = Field(
        default=parse_duration("5 business days"), description="Time between one check-in and the next."
    )
    withdraw_stale: StrictBool = Field(
        default=True, description="Delete an unsent check-in draft when the company replies meanwhile."
    )
    template: TemplateName = Field(default="status_check", description="Template name.")


class FeedbackRequestSettings(_Section):
    """The gracious answer to a rejection: thanks, what would have made me stronger, keep me in mind."""

    enabled: StrictBool = Field(default=True, description="Draft a feedback request after a rejection.")
    after: DurationField = Field(
        default=parse_duration("1 business day"), description="Pause after the rejection arrives (not within minutes)."
    )
    at: TimeOfDay = Field(default="09:30", description="Time of day (yours) at which it is due.")
    template: TemplateName = Field(default="feedback_request", description="Template name.")


class KeepInTouchSettings(_Section):
    """A short note some weeks after a rejection, to stay on the company's radar. Off by default."""

    enabled: StrictBool = Field(default=False, description="Draft a keep-in-touch note after a rejection.")
    after: DurationField = Field(default=parse_duration("6 weeks"), description="How long after the rejection.")
    at: TimeOfDay = Field(default="09:30", description="Time of day (yours) at which it is due.")
    template: TemplateName = Field(default="keep_in_touch", description="Template name.")


class FollowUps(_Section):
    """Which follow-up drafts the bot prepares, and when. One sub-section per kind."""

    thank_you: ThankYouSettings = Field(default_factory=ThankYouSettings, description="The thank-you after each interview.")
    status_check: StatusCheckSettings = Field(
        default_factory=StatusCheckSettings, description="The check-in when the decision date passes without a reply."
    )
    feedback_request: FeedbackRequestSettings = Field(
        default_factory=FeedbackRequestSettings, description="The feedback request after a rejection."
    )
    keep_in_touch: KeepInTouchSettings = Field(
        default_factory=KeepInTouchSettings, description="A note some weeks after a rejection (off by default)."
    )


REPLY_KINDS = ("rejection", "offer", "next_steps", "holding", "acknowledgement", "auto_reply", "other")


class HiringSystemSettings(_Section):
    """The hiring systems' sender domains: shipped ones (Greenhouse, Lever, Workday, ...) plus yours."""

    shipped: StrictBool = Field(default=True, description="Use the shipped list (false: only `add`).")
    add: tuple[DomainPattern, ...] = Field(
        default=(), description='More sender domains of hiring systems, e.g. "mail.myats.example" (subdomains count).'
    )
    remove: tuple[DomainPattern, ...] = Field(default=(), description="Shipped domains to leave out.")


def _hiring_systems_shorthand(value: object) -> object:
    # `hiring_systems: false` turns the shipped list off; a list of domains adds to it.
    if isinstance(value, bool):
        return {"shipped": value}
    if isinstance(value, (list, tuple)):
        return {"add": value}
    if not isinstance(value, dict):
        raise PydanticCustomError(
            "hiring_systems", "{value} is not true, false, a list of domains, or a mapping of shipped/add/remove",
            {"value": yaml_kind(value)},
        )
    return value


class ReplySettings(_Section):
    """How the company's answers are read."""

    senders: tuple[Regex, ...] = Field(
        default=(),
        description="Senders (an address, \"@domain\" or a regex) that speak for the company they name.",
    )
    hiring_systems: Annotated[HiringSystemSettings, BeforeValidator(_hiring_systems_shorthand)] = Field(
        default_factory=HiringSystemSettings,
        description="Hiring systems' sender domains: true/false, a list of domains to add, or shipped/add/remove.",
    )
    rules: dict[str, tuple[Regex, ...]] = Field(
        default_factory=dict,
        description="Extra phrases (regexes) per kind of reply: " + ", ".join(REPLY_KINDS) + ".",
    )

    @field_validator("rules")
    @classmethod
    def _kinds(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for kind in value:
            if kind not in REPLY_KINDS:
                raise PydanticCustomError(
                    "kind", '"{kind}" is not a kind of reply (one of {kinds})',
                    {"kind": kind, "kinds": ", ".join(REPLY_KINDS)},
                )
        return value


def _timezone_names(schema: dict[str, Any]) -> None:
    # Computed when a schema is asked for, not at import: listing the zones reads the disk.
    schema["enum"] = sorted(zoneinfo.available_timezones() | {"UTC"})


class Config(_Section):
    """The whole of config.yaml."""

    me: Me = Field(description="Who you are.")
    timezone: StrictStr = Field(
        default_factory=lambda: system_timezone(),
        description='IANA time zone, e.g. "Europe/London"; defaults to the computer\'s zone, else UTC.',
        json_schema_extra=_timezone_names,
    )
    country: StrictStr | None = Field(default=None, description='Country code whose public holidays are not business days, e.g. "GB".')
    subdivision: StrictStr | None = Field(default=None, description='Region within `country` with its own holidays, e.g. "SCT".')
    locale: f20.LocaleName | None = Field(
        default=None,
        description='How dates are written in drafts, e.g. "en_GB" ("Friday 4 December"); by default from `country`, '
                    "else the computer's locale, else en_US.",
    )
    google: GoogleSettings = Field(
        # {} validated with the loader's context, so relative defaults resolve next to config.yaml.
        default_factory=dict,
        validate_default=True,
        description="How to reach Google.",
    )
    calendars: tuple[Text, ...] = Field(default=("primary",), description="Calendar ids to watch.")
    decisions: dict[Text, date] = Field(
        default_factory=dict,
        description="Decision dates you were promised, by company name or domain (YYYY-MM-DD).",
    )
    replies: ReplySettings = Field(default_factory=ReplySettings, description="How replies are read.")
    state: ConfigPath = Field(
        default_factory=lambda: default_state_folder() / "state.sqlite3",
        description="The SQLite file where the bot remembers interviews and drafts.",
    )
    poll_every: DurationField = Field(default=parse_duration("5m"), description="How often to check the calendars.")
    templates: ConfigPath | None = Field(default=None, description="A folder of your templates, overriding the shipped ones.")
    languages: tuple[f20.LanguageCode, ...] = Field(
        default=f20.SHIPPED_LANGUAGES,
        description="The languages you write drafts in; a process in any other language gets drafts in the first.",
    )
    interviews: InterviewSettings = Field(default_factory=InterviewSettings, description="Interview detection rules.")
    companies: dict[Domain, Text] = Field(default_factory=dict, description="Email domain -> company name.")
    follow_ups: FollowUps = Field(default_factory=FollowUps, description="Follow-up drafts.")
    notify: NotifySettings = Field(default_factory=NotifySettings, description="Notifications and the daily digest.")
    tests: ConfigTests = Field(
        default_factory=ConfigTests,
        description="Cases that check your rules (`interview-bot test`); `run` refuses to start while one fails.",
    )

    _source: Path | None = PrivateAttr(default=None)
    _case_lines: dict[tuple[str, int], int] = PrivateAttr(default_factory=dict)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        name = value.strip()
        try:
            ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            close = difflib.get_close_matches(name, zoneinfo.available_timezones(), n=1, cutoff=0.6)
            raise PydanticCustomError(
                "timezone",
                '"{value}" is not a time zone (try "{suggestion}")',
                {"value": value, "suggestion": close[0] if close else "Europe/London"},
            ) from None
        return name

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if code not in holiday_countries():
            raise PydanticCustomError(
                "country",
                '"{value}" is not a country code with known holidays (an ISO 3166 code like "GB", "US", "DE")',
                {"value": value},
            )
        return code

    @field_validator("subdivision")
    @classmethod
    def _subdivision(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if "country" not in info.data:
            return value  # country itself was wrong; that error is enough
        country = info.data["country"]
        if country is None:
            raise PydanticCustomError("subdivision", "needs `country:` as well (the subdivision is within a country)")
        known = unknown_subdivision(country, value)
        if known is not None:
            listed = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            raise PydanticCustomError(
                "subdivision",
                '"{value}" is not a subdivision of {country} ({known})',
                {"value": value, "country": country, "known": f"one of: {listed}" if known else "it has none"},
            )
        return value

    @field_validator("calendars")
    @classmethod
    def _calendars(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise PydanticCustomError("calendars", 'needs at least one calendar id (e.g. "primary")')
        return tuple(dict.fromkeys(value))  # a repeated id would be polled twice for nothing

    @field_validator("poll_every")
    @classmethod
    def _poll_every(cls, value: Duration) -> Duration:
        if value.is_business:
            raise PydanticCustomError("poll_every", '"{value}" must be a fixed time like "5m", not business days', {"value": str(value)})
        if value.delta.total_seconds() < _MIN_POLL_SECONDS:
            raise PydanticCustomError(
                "poll_every", '"{value}" is too often; the minimum is {minimum}s', {"value": str(value), "minimum": _MIN_POLL_SECONDS}
            )
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return f20.check_languages(value, info.data.get("templates"))

    @field_validator("templates")
    @classmethod
    def _templates(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_dir():
            raise PydanticCustomError("templates", "{value} is not a folder", {"value": str(value)})
        return value

    @property
    def source(self) -> Path | None:
        """The file this config was loaded from, if any."""
        return self._source

    def case_line(self, section: str, index: int) -> int | None:
        """The line of config.yaml where the test case tests.<section>[index] starts, when loaded from a file."""
        return self._case_lines.get((section, index))

    @property
    def tz(self) -> ZoneInfo:
        """The user's time zone, for business days and for showing times."""
        return ZoneInfo(self.timezone)

    @property
    def draft_locale(self) -> str:
        """The locale drafts date in: `locale`, else `country`'s main language there, else the system's, else en_US."""
        return self.locale or f20.locale_of_country(self.country) or f20.system_locale()

    def after(self, duration: Duration, start: datetime) -> datetime:
        """`duration` after `start` in the user's zone, skipping the configured country's holidays."""
        return duration.after(start, self.tz, self.country, self.subdivision)

    def detection_rules(self, defaults: DetectionRules) -> DetectionRules:
        """The rules detection uses: the user's lists added to `defaults` (or alone, if use_default_rules is false)."""
        rules = self.interviews
        base = defaults if rules.use_default_rules else DetectionRules()

        def merged(ours: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(dict.fromkeys((*ours, *theirs)))

        # A flag the user left out keeps the default rules' value; one they wrote wins.
        def flag(name: str) -> bool:
            value: bool = getattr(rules if name in rules.model_fields_set else base, name)
            return value

        return DetectionRules(
            match=merged(base.match, rules.match),
            ignore=merged(base.ignore, rules.ignore),
            description_match=merged(base.description_match, rules.description_match),
            include_all_day=flag("include_all_day"),
            external_organizer_is_interview=flag("external_organizer_is_interview"),
            companies={**base.companies, **self.companies},
            personal_domains=merged(tuple(d.lower() for d in base.personal_domains), rules.personal_domains),
            scheduler_senders=merged(base.scheduler_senders, rules.scheduler_senders),
            my_names=(self.me.name,),
        )


def system_timezone() -> str:
    """This computer's IANA zone name ($TZ, /etc/localtime, /etc/timezone), else "UTC"."""
    candidates: list[str] = []
    tz_env = os.environ.get("TZ", "").lstrip(":")
    if tz_env:
        candidates.append(tz_env.split("zoneinfo/", 1)[-1])
    try:
        candidates.append(os.readlink("/etc/localtime").split("zoneinfo/", 1)[-1])
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for name in candidates:
        try:
            ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return "UTC"
