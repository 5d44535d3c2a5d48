"""OAuth: the installed-app sign-in (`interview-bot auth`), and loading and refreshing the stored token.

The daemon only ever loads and refreshes a token; it never starts an interactive sign-in.
Refreshes go through `requests` (google.auth.transport.requests), whatever transport the API
calls use, so there is one refresh path to reason about and to test.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from interview_bot.config.shipped import example_file
from interview_bot.errors import AuthError
from interview_bot.logs import redact

# Only what the bot uses: read events, read message headers and threads, create drafts.
SCOPES = {
    "https://www.googleapis.com/auth/calendar.events.readonly": "read your calendar events to find interviews",
    "https://www.googleapis.com/auth/gmail.readonly": "read the company's replies and find the thread to answer in",
    "https://www.googleapis.com/auth/gmail.compose": "create drafts for you to review (it never sends)",
}

# Where Google sends the browser after consent when there is no local server to catch it
# (--no-browser). A Desktop-app client accepts any http://localhost redirect, and this is the one
# its downloaded JSON lists under redirect_uris; the page fails to load, and the user pastes its
# address back.
PASTE_REDIRECT_URI = "http://localhost"


def refresh_request() -> Any:
    """The transport google-auth refreshes tokens through (requests: mockable with `responses`)."""
    import google.auth.transport.requests

    from interview_bot.google.retry import CheckedRefresh

    return CheckedRefresh(google.auth.transport.requests.Request())


def token_scopes(token_path: Path) -> list[str] | None:
    """The scopes recorded in a token file, or None when it does not say."""
    try:
        data = json.loads(Path(token_path).expanduser().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    scopes = data.get("scopes") if isinstance(data, dict) else None
    if isinstance(scopes, str):
        return scopes.split()
    return [str(s) for s in scopes] if isinstance(scopes, list) else None


def load_credentials(token_path: Path) -> Any:
    """The stored token as google.oauth2 Credentials, checked for the scopes the bot needs.

    The access token in the file may be stale; it is refreshed before its first use.
    """
    from google.oauth2.credentials import Credentials

    token_path = Path(token_path).expanduser()
    if not token_path.exists() and not token_path.is_symlink():
        raise AuthError(f"no Google sign-in token at {token_path}",
                        hint="run `interview-bot auth` once to sign in")
    foreign = token_file_problem(token_path)
    if foreign:
        raise AuthError(f"the token path {token_path} is {foreign}, not a token file; it was left untouched",
                        hint=TOKEN_PATH_HINT)
    try:
        info = json.loads(token_path.read_text(encoding="utf-8"))
        # No scopes argument: the file's own list is what Google granted, and refreshes ask for it.
        creds = Credentials.from_authorized_user_info(info)  # type: ignore[no-untyped-call]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise AuthError(f"the token file {token_path} is unreadable: {e}",
                        hint="run `interview-bot auth` to sign in again") from e
    granted = token_scopes(token_path)
    missing = set(SCOPES) - set(granted) if granted is not None else set()
    if missing:
        raise AuthError(
            "the sign-in lacks permissions the bot needs: " + ", ".join(s.rsplit("/", 1)[-1] for s in sorted(missing)),
            hint="run `interview-bot auth` and tick every box on Google's consent screen",
        )
    return creds


def granted_scopes(creds: Any) -> list[str] | None:
    """The scopes Google says it granted (a list or a space-separated string), or None if it did not say."""
    granted = getattr(creds, "granted_scopes", None)
    if not granted:
        return None
    return granted.split() if isinstance(granted, str) else [str(s) for s in granted]


TOKEN_PATH_HINT = "set `token:` in config.yaml to a path of its own (the bot makes the file), or move that away"
TOKEN_MAX_BYTES = 64 << 10  # a token file is well under 4 KiB


def token_file_problem(token_path: Path) -> str:
    """What the token path is, in words, when it is not the bot's token file to read or replace ("" if it is).

    It must be absent or a regular file, not a symlink, small, holding a JSON token; nothing is
    opened that could hang (a fifo) or be another program's (a device, a file a symlink leads to).
    """
    try:
        info = os.lstat(token_path)
    except FileNotFoundError:
        return ""
    if stat.S_ISLNK(info.st_mode):
        return f"a symbolic link to {os.readlink(token_path)}"
    if stat.S_ISDIR(info.st_mode):
        return "a folder"
    if not stat.S_ISREG(info.st_mode):
        return "a fifo, a device or a socket"
    if info.st_size > TOKEN_MAX_BYTES:
        return f"a file of {info.st_size} bytes, too large for a token"
    try:
        data = json.loads(token_path.read_bytes() or b"{}")
    except (OSError, ValueError):
        return "a file that holds no JSON token"
    if not isinstance(data, dict) or (data and not {"refresh_token", "token", "client_id"} & set(data)):
        return "a JSON file that holds no Google token"
    return ""


def save_token(creds: Any, token_path: Path) -> None:
    """Write the token readable by the user only (0600, folder 0700), atomically; never over a file not a token."""
    token_path = Path(token_path).expanduser()
    foreign = token_file_problem(token_path)
    if foreign:
        raise AuthError(f"the token path {token_path} is {foreign}, not a token file; it was left untouched",
                        hint=TOKEN_PATH_HINT)
    if not token_path.parent.exists():
        # Only a folder made here is made private: the user's own folder keeps its mode.
        token_path.parent.mkdir(parents=True, mode=0o700)
        os.chmod(token_path.parent, 0o700)  # mkdir's mode is masked by the umask
    data = json.loads(creds.to_json())
    # Record what Google granted (the user may untick a box), so load_credentials can say what is missing.
    granted = granted_scopes(creds)
    if granted is not None:
        data["scopes"] = granted
    tmp = token_path.with_name(token_path.name + ".tmp")
    tmp.unlink(missing_ok=True)  # O_CREAT's mode applies only to a new file
    fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, token_path)


def token_mode_problem(token_path: Path) -> str:
    """Why the token file's permissions are unsafe, or "" when only its owner can read it."""
    try:
        mode = stat.S_IMODE(Path(token_path).expanduser().stat().st_mode)
    except OSError:
        return ""
    if mode & 0o077:
        return f"{token_path} can be read by other users (mode {mode:o})"
    return ""


def _has_browser() -> bool:
    # Over SSH on Linux there is no display, and a text browser in the terminal is no way to sign in.
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def _client_config(credentials_path: Path) -> dict[str, Any]:
    if not credentials_path.exists():
        raise AuthError(
            f"no OAuth client file at {credentials_path}",
            hint="create an OAuth client of type 'Desktop app' in the Google Cloud console (APIs & Services > "
            f"Credentials), download its JSON there (shape: {example_file('credentials.example.json')}), "
            "or set google.credentials",
        )
    try:
        config = json.loads(credentials_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise AuthError(f"the OAuth client file {credentials_path} is unreadable: {e}",
                        hint="download it again from the Google Cloud console") from e
    if not isinstance(config, dict) or "installed" not in config:
        kind = next(iter(config), "?") if isinstance(config, dict) else "?"
        raise AuthError(
            f"{credentials_path} is not a Desktop-app OAuth client (its type is {kind!r})",
            hint="create an OAuth client ID of application type 'Desktop app' and download its JSON",
        )
    return config


def paste_redirect_uri(client_config: dict[str, Any]) -> str:
    """The loopback redirect registered in the client JSON (Desktop apps list http://localhost)."""
    for uri in client_config.get("installed", {}).get("redirect_uris") or []:
        if urlsplit(str(uri)).scheme == "http" and urlsplit(str(uri)).hostname in ("localhost", "127.0.0.1"):
            return str(uri)
    return PASTE_REDIRECT_URI


# What Google's authorization codes look like ("4/0AeaYSH..."): a digit, a slash, then URL-safe
# characters. Anything else pasted on its own is refused before it is sent anywhere.
_CODE = re.compile(r"[0-9]/[A-Za-z0-9_\-]{20,}")


def _code_from_paste(pasted: str, redirect_uri: str = PASTE_REDIRECT_URI) -> dict[str, str]:
    """fetch_token's arguments from what the user pasted: the whole redirected address, or just its code.

    Checked here, before any request: something that is neither is refused, not sent to Google.
    """
    pasted = pasted.strip()
    if not pasted:
        raise AuthError("nothing was pasted", hint="run `interview-bot auth --no-browser` again")
    if "://" not in pasted:
        code = unquote(pasted)
        if not _CODE.fullmatch(code):
            raise AuthError(
                "what was pasted is neither the address the browser ended on nor a sign-in code",
                hint=f"paste the whole address from the browser's address bar (it starts with {redirect_uri})",
            )
        return {"code": code}
    parts = urlsplit(pasted)
    if parts.scheme not in ("http", "https") or parts.hostname not in ("localhost", "127.0.0.1"):
        raise AuthError(
            f"that is not the address the browser ended on (it starts with {redirect_uri}, not "
            f"{parts.scheme}://{parts.hostname or ''})",
            hint="after allowing access the browser goes to a localhost address that fails to load; paste that one",
        )
    query = parse_qs(parts.query)
    if "error" in query:
        raise AuthError(f"Google did not grant access: {query['error'][0]}",
                        hint="run `interview-bot auth` again and allow access")
    if "code" not in query:
        raise AuthError("the pasted address has no code= in it",
                        hint="paste the full address from the browser's address bar after you allowed access")
    # oauthlib insists on https; the redirect was to plain-http loopback, as Google intends for Desktop apps.
    return {"authorization_response": "https://" + pasted.split("://", 1)[1]}


def _unreachable(exc: BaseException) -> str:
    """One line for a failed connection, instead of urllib3's nested retry story."""
    text = str(exc)
    for needle, said in (("Name or service not known", "the name does not resolve"),
                         ("Temporary failure in name resolution", "the name does not resolve"),
                         ("Failed to resolve", "the name does not resolve"),
                         ("Connection refused", "the connection was refused"),
                         ("timed out", "it timed out"), ("Network is unreachable", "the network is unreachable")):
        if needle in text:
            return said
    return type(exc).__name__


def _oauth_words(e: Any) -> str:
    """An OAuth error in words, by its RFC 6749 code."""
    said = {
        "mismatching_state": "the pasted address is from another sign-in attempt (its state does not match)",
        "invalid_grant": "Google refused the code: it was used already, or it expired (codes last minutes)",
        "missing_token": "Google's answer had no token in it",
        "invalid_client": "Google does not know this OAuth client (check the client file)",
    }
    return said.get(getattr(e, "error", ""), redact(str(e.description or e)))


def _token_host(client_config: dict[str, Any]) -> str:
    return urlsplit(str(client_config.get("installed", {}).get("token_uri", ""))).hostname or "Google"


def _checked_token(client_config: dict[str, Any]) -> Callable[[Any], Any]:
    """A hook on the token exchange's answer: the same check as every refresh's (retry.token_answer_problem)."""
    from interview_bot.google.retry import token_answer_problem

    def check(response: Any) -> Any:
        problem = token_answer_problem(response.content) if response.status_code == 200 else ""
        if problem:
            raise AuthError(f"{_token_host(client_config)} answered with something that is not a token ({problem})",
                            hint="try `interview-bot auth` again later")
        return response

    return check


def _paste_flow(flow: Any, client_config: dict[str, Any], ask: Callable[[str], str],
                say: Callable[[str], None]) -> Any:
    """The --no-browser sign-in: print the URL, take back the address, exchange its code for a token."""
    flow.redirect_uri = paste_redirect_uri(client_config)
    url, _ = flow.authorization_url(prompt="consent", access_type="offline")
    say("Open this URL in a browser (on any machine), sign in and allow access:\n\n" + url + "\n\n"
        "The browser then goes to an http://localhost address that fails to load; that is expected.\n"
        "Copy that whole address from the address bar and paste it here.\n")
    try:
        pasted = ask("Address: ")
    except EOFError:
        say("")  # end the prompt's line
        raise AuthError("no address was pasted (the input ended)",
                        hint="run `interview-bot auth --no-browser` in a terminal and paste the address") from None
    flow.fetch_token(**_code_from_paste(pasted, flow.redirect_uri))
    return flow.credentials


def sign_in(
    credentials_path: Path,
    token_path: Path,
    open_browser: bool = True,
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> Any:
    """Run the installed-app OAuth flow and store the token.

    With a browser on this machine: a one-shot server on a free loopback port catches Google's
    redirect. Without (--no-browser, or no browser found, as on a server over SSH): print the URL,
    and take back the address the browser ends on (Google redirects to the registered
    http://localhost, which fails to load there; the code is in its address).
    """
    import requests
    from google_auth_oauthlib.flow import InstalledAppFlow
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    credentials_path = Path(credentials_path).expanduser()
    foreign = token_file_problem(Path(token_path).expanduser())
    if foreign:  # said before the browser opens, not after the user has signed in
        raise AuthError(f"the token path {token_path} is {foreign}, not a token file; it was left untouched",
                        hint=TOKEN_PATH_HINT)
    client_config = _client_config(credentials_path)
    flow = InstalledAppFlow.from_client_config(client_config, scopes=list(SCOPES))
    flow.oauth2session.register_compliance_hook("access_token_response", _checked_token(client_config))
    # prompt=consent: Google returns a refresh token only on consent; without it, signing in a
    # second time (after a revocation) could yield a token that cannot be refreshed.
    try:
        if open_browser and _has_browser():
            creds = flow.run_local_server(
                host="localhost", port=0, open_browser=True, prompt="consent", timeout_seconds=600,
                authorization_prompt_message="Your browser should open; if not, open this URL:\n{url}\n",
                success_message="interview-bot is signed in. You can close this tab.",
            )
        else:
            creds = _paste_flow(flow, client_config, ask, say)
    except Warning as e:
        # oauthlib raises (not warns) when Google granted fewer scopes than asked for.
        raise AuthError(f"Google granted fewer permissions than the bot needs: {e}",
                        hint="run `interview-bot auth` again and tick every box on the consent screen") from e
    except requests.RequestException as e:
        raise AuthError(f"cannot reach Google's sign-in server {_token_host(client_config)}: {_unreachable(e)}",
                        hint="check the network connection, then run `interview-bot auth` again (each code works "
                        "once: open the URL anew)") from None
    except OAuth2Error as e:
        raise AuthError(f"the sign-in did not complete: {_oauth_words(e)}",
                        hint="run `interview-bot auth` again; with --no-browser paste the full redirected address "
                        "from the same attempt") from e
    except ValueError as e:
        raise AuthError(f"the sign-in did not complete: {redact(str(e))}",
                        hint="run `interview-bot auth` again; with --no-browser paste the full redirected address "
                        "from the same attempt") from e
    if not getattr(creds, "refresh_token", None):
        raise AuthError("Google returned no refresh token, so the sign-in would stop working within the hour",
                        hint="remove interview-bot's access at https://myaccount.google.com/permissions, "
                        "then run `interview-bot auth` again")
    save_token(creds, token_path)
    missing = set(SCOPES) - set(granted_scopes(creds) or SCOPES)
    if missing:
        raise AuthError(
            "signed in, but without: " + ", ".join(s.rsplit("/", 1)[-1] for s in sorted(missing)),
            hint="run `interview-bot auth` again and tick every box on Google's consent screen",
        )
    return creds

