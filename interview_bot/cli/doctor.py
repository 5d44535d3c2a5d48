"""`interview-bot doctor`: is everything the daemon needs in place? Each problem comes with its fix.

Checks, in order, stopping where a later check would only repeat an earlier failure: the config
file, the templates, the state folder, the OAuth client file, the token (file mode, scopes, a
real refresh), one cheap call to each API, and the clock against the Date header of an API
answer. Works against `google.endpoint` (the sandbox) too, where the sign-in checks are skipped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from interview_bot.clock import Clock, SystemClock
from interview_bot.errors import AuthError, BotError, ConfigError, GoogleApiError
from interview_bot.logs import redact

if TYPE_CHECKING:
    from interview_bot.config.model import Config
    from interview_bot.google.retry import Retrier

OK, WARN, FAIL, SKIP = "ok", "warn", "FAIL", "skip"
MAX_CLOCK_SKEW = 60.0  # seconds; beyond this OAuth starts failing and drafts appear at odd times


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, how it went, and how to fix it."""

    name: str
    status: str
    detail: str
    fix: str = ""

    @property
    def failed(self) -> bool:
        return self.status == FAIL


def run_doctor(
    config_arg: str | None,
    env: Mapping[str, str],
    clock: Clock | None = None,
    refresh_request: Callable[[], Any] | None = None,
    retrier: Retrier | None = None,
) -> list[Check]:
    """Every check's outcome; a failure makes the checks that depend on it skip."""
    from interview_bot.config.load import load_config, locate_config

    checks: list[Check] = []
    path, why = locate_config(config_arg, env)
    if why == "your config folder" and not path.exists():
        checks.append(Check("config", FAIL, f"no config file yet (none in {path.parent}, none in the current folder)",
                            "run `interview-bot init` to write one, or give one with --config FILE"))
        return checks
    try:
        cfg = load_config(path)
    except ConfigError as e:
        checks.append(Check("config", FAIL, "\n".join(e.problems), e.hint or "fix config.yaml, then run "
                            "`interview-bot check-config`"))
        return checks
    except BotError as e:
        checks.append(Check("config", FAIL, e.message, e.hint))
        return checks
    checks.append(Check("config", OK, f"{path} ({why})"))
    from interview_bot.cli.common import is_shipped_example

    if is_shipped_example(path):
        checks.append(Check("config", WARN, f'{path} is the shipped example: drafts would be signed "{cfg.me.name}"',
                            "run `interview-bot init` to write your own (or give yours with --config FILE)"))
    checks.append(_check_templates(cfg))
    checks.append(_check_state(cfg))
    services, auth_checks = services_for(cfg, refresh_request)
    checks.extend(auth_checks)
    dead = _dead_sign_in(cfg, signed_in=services is not None and not cfg.google.endpoint)
    if dead is not None:
        checks.insert(0, dead)  # said first: the reason nothing is being drafted
    checks.extend(_check_notify(cfg))
    if services is None:
        checks.append(Check("apis", SKIP, "not tried without a working sign-in"))
        return checks
    checks.extend(_check_apis(cfg, services, clock or SystemClock(), retrier))
    return checks


def _dead_sign_in(cfg: Config, signed_in: bool) -> Check | None:
    """The sign-in the service found Google refusing (noted in the state file), if it did."""
    from interview_bot.cli.common import when
    from interview_bot.runtime.notify import sign_in_problem
    from interview_bot.runtime.state import State

    if not Path(cfg.state).exists():
        return None
    try:
        state = State.in_memory_copy(Path(cfg.state))
    except BotError:
        return None  # the state check says what is wrong with it
    try:
        problem = sign_in_problem(state)
    finally:
        state.close()
    if problem is None:
        return None
    since, message, _ = problem
    if signed_in:
        return Check("dead sign-in", WARN, f"the service found Google refusing the sign-in from {when(since, cfg.tz)}; "
                     "it works now", "nothing to do: the service picks the new sign-in up at its next sync")
    return Check("dead sign-in", FAIL, f"Google refuses the sign-in since {when(since, cfg.tz)}: nothing is "
                 f"drafted ({message})", "run `interview-bot auth`")


def _check_notify(cfg: Config) -> list[Check]:
    """Whether Apprise understands each of notify.urls (by scheme only: a URL may hold a password)."""
    from interview_bot.config.notify import scheme

    if not cfg.notify.urls:
        return [Check("notify", SKIP, "no notify.urls: drafts are made in silence (README, Being told)")]
    import apprise

    checks = []
    for url in cfg.notify.urls:
        if apprise.Apprise.instantiate(url) is None:
            checks.append(Check("notify", FAIL, f"Apprise does not understand the {scheme(url)}:// URL",
                                "see https://github.com/caronc/apprise/wiki for the URL of your service"))
        else:
            checks.append(Check("notify", OK, f"{scheme(url)}:// understood"
                                + (f"; digest at {cfg.notify.digest}" if cfg.notify.digest else "")))
    return checks


def _check_templates(cfg: Config) -> Check:
    from interview_bot.cli.common import enabled_templates, template_problems

    problems = template_problems(cfg)
    if problems:
        return Check("templates", FAIL, "\n".join(problems), "fix the template, or remove it to use the shipped one")
    where = f" (from {cfg.templates}, then the shipped ones)" if cfg.templates else ""
    return Check("templates", OK, ", ".join(enabled_templates(cfg)) + " render" + where)


def _check_state(cfg: Config) -> Check:
    state = Path(cfg.state)
    folder = next((p for p in [state.parent, *state.parent.parents] if p.exists()), None)
    if folder is None or not os.access(folder, os.W_OK):
        return Check("state", FAIL, f"cannot write the state file {state}",
                     "set `state:` in config.yaml to a path in a folder you can write")
    return Check("state", OK, f"{state}" + ("" if state.exists() else " (created at the first run)"))


def services_for(cfg: Config, refresh_request: Callable[[], Any] | None = None,
                 ) -> tuple[tuple[Any, Any] | None, list[Check]]:
    """(calendar, gmail) services, or None; plus the sign-in checks that led there."""
    from interview_bot.google.services import build_service

    if cfg.google.endpoint:
        return ((build_service("calendar", cfg.google.endpoint), build_service("gmail", cfg.google.endpoint)),
                [Check("sign-in", SKIP, f"google.endpoint is {cfg.google.endpoint}: no OAuth used")])
    checks = [_check_client_file(Path(cfg.google.credentials))]
    creds, token_checks = check_token(Path(cfg.google.token), refresh_request)
    checks.extend(token_checks)
    if creds is None:
        return None, checks
    return (build_service("calendar", credentials=creds), build_service("gmail", credentials=creds)), checks


def _check_client_file(path: Path) -> Check:
    from interview_bot.google.auth import _client_config

    try:
        _client_config(path)
    except AuthError as e:
        # Only `auth` reads it: the token carries the client id, so the daemon runs without it.
        return Check("oauth client", WARN, e.message + " (only `interview-bot auth` needs it)", e.hint)
    return Check("oauth client", OK, str(path))


def check_token(token_path: Path, refresh_request: Callable[[], Any] | None = None) -> tuple[Any, list[Check]]:
    """(credentials or None, checks): the token file, its mode and scopes, and a real refresh."""
    from google.auth.exceptions import RefreshError, TransportError

    from interview_bot.google import auth
    from interview_bot.google.retry import refresh_error

    checks: list[Check] = []
    try:
        creds = auth.load_credentials(token_path)
    except AuthError as e:
        return None, [Check("token", FAIL, e.message, e.hint)]
    problem = auth.token_mode_problem(token_path)
    if problem:
        checks.append(Check("token file", FAIL, problem, f"chmod 600 {token_path}"))
    scopes = auth.token_scopes(token_path)
    checks.append(Check("scopes", OK if scopes else WARN,
                        ", ".join(s.rsplit("/", 1)[-1] for s in scopes) if scopes else "the token does not list them",
                        "" if scopes else "run `interview-bot auth` to sign in again"))
    try:
        creds.refresh((refresh_request or auth.refresh_request)())
    except RefreshError as e:
        err = refresh_error(e)
        checks.append(Check("token", FAIL, err.message, err.hint))
        return None, checks
    except TransportError as e:
        checks.append(Check("token", FAIL, f"cannot reach Google's sign-in server: {e}", "check the network"))
        return None, checks
    checks.append(Check("token", OK, f"{token_path} refreshes"))
    return creds, checks


def _execute_with_headers(retrier: Retrier, request: Any, what: str) -> tuple[Any, Any]:
    """(body, response headers) of a googleapiclient request, through the retrier like any call."""
    postproc = request.postproc
    request.postproc = lambda resp, content: (resp, postproc(resp, content))
    resp, body = retrier.execute(request, what)
    return body, resp


def _check_apis(cfg: Config, services: tuple[Any, Any], clock: Clock, retrier: Retrier | None) -> list[Check]:
    from interview_bot.google.retry import Retrier

    retrier = retrier or Retrier(attempts=3, max_delay=5.0)
    calendar, gmail = services
    checks, date_header = check_calendars(cfg, calendar, retrier)
    received = clock.now()
    try:
        profile, headers = _execute_with_headers(
            retrier, gmail.users().getProfile(userId="me", fields="emailAddress"), "reading the Gmail profile")
        received, date_header = clock.now(), headers.get("date", "") or date_header
        checks.append(Check("gmail", OK, f"answers for {profile.get('emailAddress', '?')}"))
        checks.append(signature_check(cfg, gmail, retrier, str(profile.get("emailAddress", ""))))  # issue 20
    except (AuthError, GoogleApiError) as e:
        checks.append(Check("gmail", FAIL, e.message, e.hint))
    checks.append(_check_clock(date_header, received))
    return checks


def check_calendars(cfg: Config, calendar: Any, retrier: Retrier | None = None) -> tuple[list[Check], str]:
    """One check per id in `calendars:` (does it exist, may we read it), and the last Date header seen."""
    from interview_bot.google.retry import Retrier

    retrier = retrier or Retrier(attempts=3, max_delay=5.0)
    checks: list[Check] = []
    date_header = ""
    for calendar_id in cfg.calendars:
        try:
            _, headers = _execute_with_headers(
                retrier, calendar.events().list(calendarId=calendar_id, maxResults=1, fields="timeZone"),
                f"reading calendar {calendar_id}",
            )
            date_header = headers.get("date", "") or date_header
            checks.append(Check("calendar", OK, f"{calendar_id} answers"))
        except AuthError as e:
            checks.append(Check("calendar", FAIL, e.message, e.hint))
        except GoogleApiError as e:
            fix = e.hint
            if e.status == 404:
                fix = ("check `calendars:` in config.yaml (Google Calendar > Settings > the calendar > "
                       "Integrate calendar > Calendar ID)")
            checks.append(Check("calendar", FAIL, e.message, fix))
    return checks, date_header


def _check_clock(date_header: str, received: datetime) -> Check:
    if not date_header:
        return Check("clock", SKIP, "no API answer carried a Date header to compare with")
    try:
        server = parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return Check("clock", SKIP, f"unreadable Date header {date_header!r}")
    if server.tzinfo is None:
        server = server.replace(tzinfo=UTC)
    skew = (received - server).total_seconds()
    if abs(skew) > MAX_CLOCK_SKEW:
        way = "ahead of" if skew > 0 else "behind"
        return Check("clock", FAIL, f"this computer's clock is {abs(skew):.0f}s {way} Google's",
                     "turn on time sync (Linux: `timedatectl set-ntp true`); drafts are timed by this clock")
    return Check("clock", OK, f"within {max(abs(skew), 1.0):.0f}s of Google's")


def print_report(checks: list[Check], out: IO[str] | None = None) -> None:
    """One line per check, its fix under it, then a verdict."""
    out = out or sys.stdout
    for c in checks:
        # Details can quote Google (its token endpoint may echo what was sent): never a secret.
        first, *more = redact(c.detail).split("\n")
        print(f"{c.status:<5} {c.name:<13} {first}", file=out)
        for line in more:
            print(f"{'':<5} {'':<13} {line}", file=out)
        if c.fix and c.status in (FAIL, WARN):
            print(f"{'':<5} {'':<13} fix: {redact(c.fix)}", file=out)
    failed = sum(c.failed for c in checks)
    print("All checks passed." if not failed else f"{failed} problem{'s' if failed > 1 else ''} found.", file=out)


def signature_check(cfg: Config, gmail_service: Any, retrier: Retrier, email: str) -> Check:
    """Which signature ends the drafts: me.signature, the Gmail send-as one, or none (then your name)."""
    from interview_bot.google.gmail import GoogleGmail
    from interview_bot.writing.voice import signature_text

    if cfg.me.signature and cfg.me.signature.strip():
        return Check("signature", OK, "me.signature from config.yaml (it overrides any Gmail signature)")
    try:
        text = signature_text(GoogleGmail(gmail_service, retrier).signature(cfg.me.email or email))
    except (AuthError, GoogleApiError) as e:
        return Check("signature", WARN, f"could not read your Gmail signature: {e.message}", e.hint)
    if text:
        first = text.splitlines()[0]
        return Check("signature", OK, f"your Gmail signature for {cfg.me.email or email} (\"{first}\" ...)")
    return Check("signature", OK, "none in Gmail and no me.signature: drafts are signed with your name",
                 "set one in Gmail (Settings > Signature) or `me.signature` in config.yaml")
