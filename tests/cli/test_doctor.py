"""`interview-bot doctor`: each problem found, with its fix; exit 1 when anything is wrong."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
import responses

from interview_bot.cli.commands import main
from interview_bot.cli.doctor import FAIL, OK, check_token, run_doctor
from interview_bot.clock import FixedClock, SystemClock
from interview_bot.sandbox.server import Sandbox
from tests.google.test_auth import TOKEN_URI, write_token


def config(tmp: Path, google: str, extra: str = "") -> Path:
    path = tmp / "config.yaml"
    path.write_text(f"me:\n  name: Alex Morgan\ntimezone: UTC\ngoogle:\n{google}\n"
                    f"state: {tmp / 'state' / 'state.sqlite3'}\n{extra}", encoding="utf-8")
    return path


def by_name(checks: list) -> dict:  # type: ignore[type-arg]
    return {c.name: c for c in checks}


def test_all_is_well_against_the_sandbox(tmp_path: Path, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, f"  endpoint: {sandbox.url}")
    assert main(["--config", str(path), "doctor"]) == 0
    out = capsys.readouterr().out
    for line in ("ok    config", "ok    templates", "ok    calendar      primary answers",
                 "ok    gmail         answers for me@example.com", "ok    clock", "All checks passed."):
        assert line in out


def test_a_wrong_clock_and_an_unknown_calendar_are_reported_with_fixes(tmp_path: Path, sandbox: Sandbox) -> None:
    path = config(tmp_path, f"  endpoint: {sandbox.url}", "calendars: [primary, nope@group.calendar.google.com]\n")
    skewed = FixedClock(SystemClock().now() + timedelta(minutes=10))
    checks = run_doctor(str(path), {}, clock=skewed)
    failed = [c for c in checks if c.status == FAIL]
    assert [c.name for c in failed] == ["calendar", "clock"]
    assert "404" in failed[0].detail and "calendars:" in failed[0].fix
    assert "ahead of Google's" in failed[1].detail and "timedatectl set-ntp true" in failed[1].fix


def test_no_token_fails_with_the_fix_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, f"  token: {tmp_path / 'token.json'}")
    assert main(["--config", str(path), "doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  token" in out and "fix: run `interview-bot auth` once to sign in" in out
    assert "skip  apis" in out and "1 problem found." in out


def test_a_broken_config_is_the_first_and_only_check(tmp_path: Path) -> None:
    path = config(tmp_path, "  endpoint: http://127.0.0.1:1", "poll_every: 1s\n")
    (check,) = run_doctor(str(path), {})
    assert check.name == "config" and check.status == FAIL and "poll_every" in check.detail


@responses.activate
def test_a_revoked_token_is_explained_with_the_testing_status_fix(tmp_path: Path) -> None:
    responses.post(TOKEN_URI, status=400, json={"error": "invalid_grant", "error_description": "Bad Request"})
    token = tmp_path / "token.json"
    write_token(token)
    creds, checks = check_token(token)
    assert creds is None
    token_check = by_name(checks)["token"]
    assert token_check.status == FAIL and "invalid_grant" in token_check.detail
    assert "In production" in token_check.fix and "7 days" in token_check.fix


@responses.activate
def test_a_good_token_refreshes_and_an_open_token_file_is_flagged(tmp_path: Path) -> None:
    responses.post(TOKEN_URI, json={"access_token": "ya29.new", "expires_in": 3600, "token_type": "Bearer"})
    token = tmp_path / "token.json"
    write_token(token)
    os.chmod(token, 0o644)
    creds, checks = check_token(token)
    assert creds is not None and creds.token == "ya29.new"
    named = by_name(checks)
    assert named["token"].status == OK and named["scopes"].status == OK
    assert named["token file"].status == FAIL and named["token file"].fix == f"chmod 600 {token}"
