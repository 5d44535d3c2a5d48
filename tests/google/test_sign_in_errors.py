"""`auth --no-browser` when things go wrong: every one an error with a hint, never a traceback or a stray request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

from interview_bot.errors import AuthError
from interview_bot.google.auth import sign_in
from tests.google.test_auth import CLIENT, TOKEN_URI


@pytest.fixture
def client(tmp_path: Path) -> Path:
    path = tmp_path / "credentials.json"
    path.write_text(json.dumps(CLIENT))
    return path


def paste(text: str | None) -> tuple[Any, list[str]]:
    """An `ask` that answers `text` (None: the input ended), and what was said."""
    said: list[str] = []

    def ask(prompt: str) -> str:
        if text is None:
            raise EOFError
        state = parse_qs(urlsplit(next(w for t in said for w in t.split() if w.startswith("https://"))).query)["state"][0]
        return text.replace("STATE", state)

    return ask, said


def sign_in_with(client: Path, text: str | None) -> AuthError:
    ask, said = paste(text)
    with pytest.raises(AuthError) as err:
        sign_in(client, client.parent / "token.json", open_browser=False, ask=ask, say=said.append)
    assert not (client.parent / "token.json").exists()
    return err.value


@responses.activate
def test_the_input_ending_before_a_paste_is_an_error_with_a_hint(client: Path) -> None:
    err = sign_in_with(client, None)
    assert err.message == "no address was pasted (the input ended)" and "--no-browser" in err.hint
    assert len(responses.calls) == 0


@responses.activate
@pytest.mark.parametrize("pasted", ["garbage", "4/short", "hello world 4/0AeaYSHBabcdefghijklmnopqrstuvwxyz",
                                    "https://accounts.google.com/o/oauth2/auth?code=4/x", "ftp://localhost/?code=4/x"])
def test_garbage_is_refused_before_any_request(client: Path, pasted: str) -> None:
    err = sign_in_with(client, pasted)
    assert "address" in err.message and err.hint
    assert len(responses.calls) == 0  # nothing went to Google


@responses.activate
def test_a_plausible_code_alone_is_exchanged(client: Path) -> None:
    responses.post(TOKEN_URI, json={"access_token": "ya29.a", "refresh_token": "1//r", "expires_in": 3599,
                                    "token_type": "Bearer", "scope": " ".join(CLIENT and [
                                        "https://www.googleapis.com/auth/calendar.events.readonly",
                                        "https://www.googleapis.com/auth/gmail.readonly",
                                        "https://www.googleapis.com/auth/gmail.compose"])})
    ask, said = paste("4%2F0AeaYSHBabcdefghijklmnopqrstuvwxyz0123")  # copied from the address, still encoded
    sign_in(client, client.parent / "token.json", open_browser=False, ask=ask, say=said.append)
    assert parse_qs(responses.calls[0].request.body)["code"] == ["4/0AeaYSHBabcdefghijklmnopqrstuvwxyz0123"]


@responses.activate
def test_no_network_at_the_token_exchange_is_one_line(client: Path) -> None:
    responses.post(TOKEN_URI, body=requests.ConnectionError(
        "HTTPSConnectionPool(host='oauth2.googleapis.com', port=443): Max retries exceeded with url: /token "
        "(Caused by NameResolutionError(\"Failed to resolve 'oauth2.googleapis.com'\"))"))
    err = sign_in_with(client, "http://localhost/?state=STATE&code=4/0-code")
    assert err.message == "cannot reach Google's sign-in server oauth2.googleapis.com: the name does not resolve"
    assert "\n" not in err.message and "network" in err.hint


@responses.activate
@pytest.mark.parametrize("body", ["[1, 2]", "42", '{"access_token": "ya29.x", "expires_in": "soon"}', "<html>oops</html>",
                                  '{"refresh_token": "1//r"}'])
def test_a_malformed_token_response_is_an_error_not_a_type_error(client: Path, body: str) -> None:
    responses.post(TOKEN_URI, body=body, content_type="application/json")
    err = sign_in_with(client, "http://localhost/?state=STATE&code=4/0-code")
    assert err.message.startswith(("oauth2.googleapis.com answered with something that is not a token",
                                   "the sign-in did not complete"))
    assert "ya29" not in err.message and "1//r" not in err.message and err.hint


@responses.activate
def test_a_pasted_address_from_another_attempt_or_a_used_code_is_explained(client: Path) -> None:
    err = sign_in_with(client, "http://localhost/?state=other&code=4/0-code")
    assert "from another sign-in attempt" in err.message and len(responses.calls) == 0
    responses.post(TOKEN_URI, status=400, json={"error": "invalid_grant", "error_description": "Bad Request"})
    err = sign_in_with(client, "http://localhost/?state=STATE&code=4/0-code")
    assert "used already, or it expired" in err.message
