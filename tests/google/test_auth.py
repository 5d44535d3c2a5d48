"""Sign-in: the --no-browser flow, the stored token, and refreshing it (through `requests`, mocked with `responses`)."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses
from google.oauth2.credentials import Credentials

from interview_bot.errors import AuthError
from interview_bot.google.auth import SCOPES, load_credentials, save_token, sign_in
from interview_bot.google.retry import Retrier
from interview_bot.google.services import build_service
from interview_bot.sandbox.server import Sandbox

TOKEN_URI = "https://oauth2.googleapis.com/token"
CLIENT = {"installed": {
    "client_id": "123-abc.apps.googleusercontent.com", "project_id": "interview-bot-test",
    "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": TOKEN_URI,
    "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
    "client_secret": "GOCSPX-test", "redirect_uris": ["http://localhost"],
}}


def form(body: Any) -> dict[str, list[str]]:
    return parse_qs(body.decode() if isinstance(body, bytes) else str(body))


def write_token(path: Path, scopes: list[str] | None = None, expired: bool = True) -> None:
    creds = Credentials(token="ya29.old", refresh_token="1//refresh-token-value", token_uri=TOKEN_URI,
                        client_id="123-abc.apps.googleusercontent.com", client_secret="GOCSPX-test",
                        scopes=scopes if scopes is not None else list(SCOPES),
                        expiry=datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=-1 if expired else 1))
    save_token(creds, path)


def test_the_example_client_file_has_the_installed_shape() -> None:
    example = json.loads((Path(__file__).parents[2] / "credentials.example.json").read_text())
    assert set(example["installed"]) == set(CLIENT["installed"])
    assert example["installed"]["redirect_uris"] == ["http://localhost"]


def test_the_token_is_private_and_outside_the_repo_by_default(tmp_path: Path) -> None:
    from interview_bot.config.model import GoogleSettings

    token = tmp_path / "deep" / "token.json"
    write_token(token)
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert stat.S_IMODE(token.parent.stat().st_mode) == 0o700
    assert Path(__file__).parents[2] not in GoogleSettings().token.parents


def test_a_token_without_a_needed_scope_is_refused_with_the_fix(tmp_path: Path) -> None:
    token = tmp_path / "token.json"
    write_token(token, scopes=[s for s in SCOPES if "compose" not in s])
    with pytest.raises(AuthError) as err:
        load_credentials(token)
    assert "gmail.compose" in err.value.message and "interview-bot auth" in err.value.hint


def test_no_token_says_to_sign_in(tmp_path: Path) -> None:
    with pytest.raises(AuthError) as err:
        load_credentials(tmp_path / "none.json")
    assert err.value.hint == "run `interview-bot auth` once to sign in"


@responses.activate
def test_an_expired_token_is_refreshed_through_requests_before_the_call(tmp_path: Path, sandbox: Sandbox) -> None:
    responses.post(TOKEN_URI, json={"access_token": "ya29.new", "expires_in": 3600, "token_type": "Bearer",
                                    "scope": " ".join(SCOPES)})
    token = tmp_path / "token.json"
    write_token(token)
    creds = load_credentials(token)
    calendar = build_service("calendar", endpoint=sandbox.url, credentials=creds)
    page = Retrier(sleep=lambda _: None).execute(calendar.events().list(calendarId="primary"), "listing events")
    assert page["kind"] == "calendar#events"
    assert len(responses.calls) == 1 and creds.token == "ya29.new"
    sent = form(responses.calls[0].request.body)
    assert sent["grant_type"] == ["refresh_token"] and sent["refresh_token"] == ["1//refresh-token-value"]


@responses.activate
def test_invalid_grant_is_an_auth_error_with_the_fix_and_no_api_call(tmp_path: Path, sandbox: Sandbox) -> None:
    responses.post(TOKEN_URI, status=400, json={"error": "invalid_grant",
                                                "error_description": "Token has been expired or revoked."})
    token = tmp_path / "token.json"
    write_token(token)
    gmail = build_service("gmail", endpoint=sandbox.url, credentials=load_credentials(token))
    with pytest.raises(AuthError) as err:
        Retrier(sleep=lambda _: None).execute(gmail.users().getProfile(userId="me"), "reading the Gmail profile")
    assert "invalid_grant" in err.value.message
    assert "interview-bot auth" in err.value.hint and "In production" in err.value.hint
    assert "1//refresh" not in err.value.message + err.value.hint
    assert sandbox.requests() == [] and len(responses.calls) == 1  # not retried: it cannot get better by itself


@responses.activate
def test_no_browser_flow_uses_the_registered_loopback_redirect_and_stores_the_token(tmp_path: Path) -> None:
    client = tmp_path / "credentials.json"
    client.write_text(json.dumps(CLIENT))
    responses.post(TOKEN_URI, json={"access_token": "ya29.first", "refresh_token": "1//new-refresh", "expires_in": 3599,
                                    "token_type": "Bearer", "scope": " ".join(SCOPES)})
    said: list[str] = []
    asked: dict[str, Any] = {}

    def ask(prompt: str) -> str:
        url = next(word for text in said for word in text.split() if word.startswith("https://accounts.google"))
        asked.update(parse_qs(urlsplit(url).query))
        return f"http://localhost/?state={asked['state'][0]}&code=4/0-code&scope={'+'.join(SCOPES)}"

    token = tmp_path / "data" / "token.json"
    sign_in(client, token, open_browser=False, ask=ask, say=said.append)

    assert asked["redirect_uri"] == ["http://localhost"]
    assert set(asked["scope"][0].split()) == set(SCOPES)
    assert asked["access_type"] == ["offline"] and asked["prompt"] == ["consent"]
    assert asked["code_challenge_method"] == ["S256"]
    exchange = form(responses.calls[0].request.body)
    assert exchange["code"] == ["4/0-code"] and exchange["redirect_uri"] == ["http://localhost"]
    assert "code_verifier" in exchange
    stored = json.loads(token.read_text())
    assert stored["refresh_token"] == "1//new-refresh" and set(stored["scopes"]) == set(SCOPES)
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert load_credentials(token).refresh_token == "1//new-refresh"


@responses.activate
def test_a_consent_with_a_box_unticked_is_refused(tmp_path: Path) -> None:
    client = tmp_path / "credentials.json"
    client.write_text(json.dumps(CLIENT))
    partial = [s for s in SCOPES if "compose" not in s]
    responses.post(TOKEN_URI, json={"access_token": "ya29.x", "refresh_token": "1//r", "expires_in": 3599,
                                    "token_type": "Bearer", "scope": " ".join(partial)})
    said: list[str] = []

    def ask(prompt: str) -> str:
        url = next(w for text in said for w in text.split() if w.startswith("https://accounts.google"))
        return f"http://localhost/?state={parse_qs(urlsplit(url).query)['state'][0]}&code=4/c"

    with pytest.raises(AuthError) as err:
        sign_in(client, tmp_path / "token.json", open_browser=False, ask=ask, say=said.append)
    assert "tick every box" in err.value.hint


def test_a_denied_consent_or_a_web_client_is_explained(tmp_path: Path) -> None:
    client = tmp_path / "credentials.json"
    client.write_text(json.dumps(CLIENT))
    with pytest.raises(AuthError, match="did not grant access: access_denied"):
        sign_in(client, tmp_path / "t.json", open_browser=False, ask=lambda _: "http://localhost/?error=access_denied",
                say=lambda _: None)
    client.write_text(json.dumps({"web": CLIENT["installed"]}))
    with pytest.raises(AuthError, match="not a Desktop-app OAuth client"):
        sign_in(client, tmp_path / "t.json", open_browser=False, ask=lambda _: "", say=lambda _: None)
