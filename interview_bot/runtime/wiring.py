"""Putting a bot together from its config: adapters, state, templates and clock."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_bot.clock import Clock
from interview_bot.errors import AuthError
from interview_bot.runtime.state import State

if TYPE_CHECKING:
    from collections.abc import Callable

    from interview_bot.config.model import Config
    from interview_bot.google.calendar import GoogleCalendar
    from interview_bot.google.gmail import GoogleGmail
    from interview_bot.google.retry import Retrier
    from interview_bot.reading.cases import CaseRules
    from interview_bot.runtime.engine import CalendarPort, Engine, GmailPort, Settings


def settings_from_config(cfg: Config) -> Settings:
    """The engine's settings from the config file's model."""
    from dataclasses import replace
    from datetime import time

    from interview_bot.planning.plan import ThankYouPolicy
    from interview_bot.planning.process import CheckPolicy, LaterPolicy, Policies
    from interview_bot.reading.detect import DEFAULT_RULES
    from interview_bot.reading.hiring_systems import hiring_domains, robot_patterns
    from interview_bot.runtime.engine import Settings
    from interview_bot.reading.message import ReadingRules

    def at(value: str) -> time:
        return time.fromisoformat(value)

    fu = cfg.follow_ups
    ty, sc, fr, kt = fu.thank_you, fu.status_check, fu.feedback_request, fu.keep_in_touch
    rules = cfg.detection_rules(DEFAULT_RULES)
    # Issue 16: the hiring systems' sender domains speak for the company they name, and are
    # nobody to write to (a feedback request goes to a person, in their thread).
    hs = cfg.replies.hiring_systems
    hiring = hiring_domains(hs.shipped, hs.add, hs.remove)
    rules = replace(rules, scheduler_senders=tuple(dict.fromkeys((*rules.scheduler_senders, *robot_patterns(hiring)))))
    from interview_bot.writing.voice import VoiceSettings

    return Settings(
        voice=VoiceSettings(cfg.draft_locale, tuple(cfg.languages), cfg.me.signature or ""),
        calendars=tuple(cfg.calendars),
        tz=cfg.tz,
        me_name=cfg.me.name,
        me_email=cfg.me.email,
        rules=rules,
        thank_you=ThankYouPolicy(
            enabled=ty.enabled,
            after=ty.after,
            per_interviewer=ty.per_interviewer,
            country=cfg.country,
            subdivision=cfg.subdivision,
        ),
        policies=Policies(
            check=CheckPolicy(enabled=sc.enabled, default_wait=sc.default_wait, grace=sc.grace, at=at(sc.at),
                              max=sc.max, repeat_every=sc.repeat_every, withdraw_stale=sc.withdraw_stale),
            feedback=LaterPolicy(enabled=fr.enabled, after=fr.after, at=at(fr.at)),
            keep_in_touch=LaterPolicy(enabled=kt.enabled, after=kt.after, at=at(kt.at)),
            tz=cfg.tz,
            country=cfg.country,
            subdivision=cfg.subdivision,
        ),
        reading=ReadingRules(
            tz=cfg.tz,
            country=cfg.country,
            extra_senders=tuple(cfg.replies.senders),
            hiring_domains=hiring,
            extra_rules={kind: list(patterns) for kind, patterns in cfg.replies.rules.items()},
            personal_domains=rules.personal_domains,
        ),
        templates={"thank_you": ty.template, "status_check": sc.template,
                   "feedback_request": fr.template, "keep_in_touch": kt.template},
        decisions=dict(cfg.decisions),
    )


def case_rules(cfg: Config) -> CaseRules:
    """The rules config tests run against: the engine's own, from `settings_from_config`."""
    from interview_bot.reading.cases import CaseRules

    settings = settings_from_config(cfg)
    return CaseRules(
        detection=settings.rules,
        my_email=(cfg.me.email or "you@example.invalid").lower(),
        tz=settings.reading.tz,
        country=settings.reading.country,
        reply_rules=settings.reading.extra_rules,
        senders=settings.reading.extra_senders,
        hiring=settings.reading.hiring_domains,
    )


def google_services(cfg: Config) -> tuple[Any, Any]:
    """(calendar, gmail) googleapiclient services: the configured endpoint without OAuth, else Google."""
    from interview_bot.google.services import build_service

    endpoint = cfg.google.endpoint
    if endpoint:
        return build_service("calendar", endpoint), build_service("gmail", endpoint)
    from interview_bot.google.auth import load_credentials

    creds = load_credentials(Path(cfg.google.token))
    return build_service("calendar", credentials=creds), build_service("gmail", credentials=creds)


def google_adapters(cfg: Config, settings: Settings, services: tuple[Any, Any] | None = None,
                    retrier: Retrier | None = None) -> tuple[GoogleCalendar, GoogleGmail, Retrier]:
    """The Calendar and Gmail adapters for this config, over one retrier."""
    from interview_bot.google.calendar import GoogleCalendar
    from interview_bot.google.gmail import GoogleGmail
    from interview_bot.google.retry import Retrier

    calendar_service, gmail_service = services or google_services(cfg)
    retrier = retrier or Retrier()
    return GoogleCalendar(calendar_service, retrier, settings.tz), GoogleGmail(gmail_service, retrier), retrier


def engine_over(cfg: Config, settings: Settings, state: State, calendar: CalendarPort, gmail: GmailPort,
                clock: Clock, sleep: Callable[[float], None] = time.sleep) -> Engine:
    """An Engine for this config over these adapters (Google's, or a dry run's wrappers of them)."""
    from interview_bot.runtime.engine import Engine
    from interview_bot.writing.compose import Templates

    return Engine(
        settings=settings, state=state, calendar=calendar, gmail=gmail,
        templates=Templates(Path(cfg.templates) if cfg.templates else None), clock=clock,
        endpoint=cfg.google.endpoint or "", sleep=sleep,
    )


def build_engine(cfg: Config, clock: Clock, state: State, services: tuple[Any, Any] | None = None,
                 retrier: Retrier | None = None) -> Engine:
    """An Engine for this config over the given state (retrier: e.g. the daemon's interruptible one, or a test's)."""
    settings = settings_from_config(cfg)
    calendar, gmail, retrier = google_adapters(cfg, settings, services, retrier)
    return engine_over(cfg, settings, state, calendar, gmail, clock, sleep=retrier.sleep)


__all__ = ["AuthError", "build_engine", "case_rules", "engine_over", "google_adapters", "google_services",
           "settings_from_config"]
