"""OAuth: the installed-app sign-in (`interview-bot auth`) and loading the stored token.

The daemon only ever loads and refreshes a token; it never starts an interactive sign-in.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bot.errors import AuthError

# Only what the bot uses: read events, read message headers and threads, create drafts.
SCOPES = {
    "https://www.googleapis.com/auth/calendar.events.readonly": "read your calendar events to find interviews",
    "https://www.googleapis.com/auth/gmail.readonly": "read the company's replies and find the thread to answer in",
    "https://www.googleapis.com/auth/gmail.compose": "create drafts for you to review (it never sends)",
}


def load_credentials(token_path: Path) -> Any:
    """The stored token as google.oauth2 Credentials; refreshed by google-auth when it expires."""
    from google.oauth2.credentials import Credentials

    token_path = Path(token_path).expanduser()
    if not token_path.exists():
        raise AuthError(f"no Google sign-in token at {token_path}",
                        hint="run `interview-bot auth` once to sign in")
    try:
        creds = Credentials.from_authorized_user_file(str(token_path), scopes=list(SCOPES))
    except (ValueError, KeyError, json.JSONDecodeError) as e:
        raise AuthError(f"the token file {token_path} is unreadable: {e}",
                        hint="run `interview-bot auth` to sign in again") from e
    missing = set(SCOPES) - set(creds.scopes or SCOPES)
    if missing:
        raise AuthError(f"the token lacks permissions the bot needs: {', '.join(sorted(missing))}",
                        hint="run `interview-bot auth` to grant them")
    return creds


def save_token(creds: Any, token_path: Path) -> None:
    """Write the token readable by the user only (0600, folder 0700)."""
    token_path = Path(token_path).expanduser()
    token_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(token_path.parent, 0o700)
    fd = os.open(str(token_path) + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(creds.to_json())
    os.replace(str(token_path) + ".tmp", token_path)


def sign_in(credentials_path: Path, token_path: Path, open_browser: bool = True) -> Any:
    """Run the installed-app OAuth flow and store the token."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    credentials_path = Path(credentials_path).expanduser()
    if not credentials_path.exists():
        raise AuthError(
            f"no OAuth client file at {credentials_path}",
            hint="create an OAuth client of type 'Desktop app' in the Google Cloud console, download its JSON "
            "there (shape: credentials.example.json), or set google.credentials in config.yaml",
        )
    flow = InstalledAppFlow.from_client_secrets_file(str(credentials_path), scopes=list(SCOPES))
    if open_browser:
        creds = flow.run_local_server(port=0, open_browser=True)
    else:
        flow.redirect_uri = "http://localhost:1"
        url, _ = flow.authorization_url(prompt="consent", access_type="offline")
        print("Open this URL in a browser, sign in, then paste the address the browser ends on "
              "(it will fail to load; that is expected):\n\n" + url + "\n")
        redirected = input("Redirected URL: ").strip()
        os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the redirect is to localhost
        flow.fetch_token(authorization_response=redirected)
        creds = flow.credentials
    save_token(creds, token_path)
    return creds
