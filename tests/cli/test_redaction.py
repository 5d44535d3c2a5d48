"""Secrets never leak: what `run --once`, `doctor` and `auth` print when Google's token endpoint misbehaves.

Google's token endpoint can echo the request body (client secret, refresh token, authorization
code) in its error; a proxy or a captive portal can answer with a page that is not a token. The
token endpoint is mocked with `responses` (the refresh goes through `requests`); everything the
commands print is searched for the secrets they hold.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import responses

from interview_bot.cli.commands import main
from interview_bot.errors import AuthError, BotError
from interview_bot.google.retry import Retrier
from tests.cli.test_doctor import config
from tests.google.test_auth import CLIENT, TOKEN_URI, write_token

SECRETS = ("GOCSPX-test", "1//refresh-token-value", "ya29.old", "4/0AeanS0bXyZsecretcode")


def echo_the_request(request: Any) -> tuple[int, dict[str, str], str]:
    """A token endpoint that quotes what it was sent, as Google's sometimes does in an error."""
    body = request.body.decode() if isinstance(request.body, bytes) else str(request.body)
    return 400, {"Content-Type": "application/json"}, (
        '{"error": "invalid_request", "error_description": "Bad request: ' + body + '"}')


@pytest.fixture
def signed_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config using Google itself (no endpoint) with an expired token: the first call refreshes it."""
    monkeypatch.setattr(Retrier, "delay", lambda self, attempt, retry_after: 0.0)  # retries without waiting
    write_token(tmp_path / "token.json")
    (tmp_path / "credentials.json").write_text(__import__("json").dumps(CLIENT))
    return config(tmp_path, f"  token: {tmp_path / 'token.json'}\n  credentials: {tmp_path / 'credentials.json'}")


def sent(n: int) -> str:
    body = responses.calls[n].request.body
    return body.decode() if isinstance(body, bytes) else str(body)


def printed(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    return out + err


@responses.activate
@pytest.mark.parametrize("command", [["run", "--once"], ["doctor"]])
def test_a_token_endpoint_echoing_the_request_leaks_nothing(signed_in: Path, capsys: Any, command: list[str]) -> None:
    responses.add_callback(responses.POST, TOKEN_URI, callback=echo_the_request)
    code = main(["--config", str(signed_in), *command])
    text = printed(capsys)
    assert code == 1 and responses.calls  # the refresh was tried, and echoed
    assert "client_secret=GOCSPX-test" in sent(0)  # what there was to leak
    assert not [s for s in SECRETS if s in text], text
    assert "[redacted]" in text and "Traceback" not in text


@responses.activate
@pytest.mark.parametrize("answer", [{"body": "<html><body>Sign in to the hotel wifi</body></html>"},
                                    {"json": ["not", "a", "token"]}, {"json": {"expires_in": 3600}}])
@pytest.mark.parametrize("command", [["run", "--once"], ["doctor"]])
def test_a_token_answer_that_is_not_a_token_is_a_clear_error(signed_in: Path, capsys: Any, command: list[str],
                                                             answer: dict[str, Any]) -> None:
    responses.post(TOKEN_URI, status=200, **answer)
    code = main(["--config", str(signed_in), *command])
    text = printed(capsys)
    assert code == 1 and "Traceback" not in text and "TypeError" not in text
    assert "sign-in server answered with something that is not a token" in text
    assert not [s for s in SECRETS if s in text]


@responses.activate
def test_auth_leaks_no_authorization_code_or_client_secret(signed_in: Path, capsys: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    responses.add_callback(responses.POST, TOKEN_URI, callback=echo_the_request)
    monkeypatch.setattr("sys.stdin", io.StringIO("4/0AeanS0bXyZsecretcode\n"))  # pasted at the prompt
    code = main(["--config", str(signed_in), "auth", "--no-browser"])
    text = printed(capsys)
    assert code == 1 and "code=4%2F0AeanS0bXyZsecretcode" in sent(0)
    assert not [s for s in SECRETS if s in text], text
    assert "code=[redacted]" in text and "code_verifier=[redacted]" in text  # PKCE's verifier too


def test_every_error_is_redacted_when_it_is_made() -> None:
    err = AuthError("the sign-in did not complete: code=4/0AeanS0bXyZsecretcode&client_secret=GOCSPX-abc "
                    '{"refresh_token": "1//0gLongRefreshToken", "access_token": "ya29.a0AfB_token"}',
                    hint="Bearer ya29.a0AfB_token")
    text = f"{err.message} {err.hint} {err}"
    assert not [s for s in ("4/0Aean", "GOCSPX-abc", "1//0gLong", "ya29.a0AfB") if s in text], text
    # Ordinary text is left alone: an HTTP status or a code that is no secret.
    assert BotError('HTTP 403: {"code": 403, "message": "rateLimitExceeded"}').message.count("403") == 2
