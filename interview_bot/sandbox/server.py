"""The sandbox's HTTP server: Google's Calendar v3 and Gmail v1 REST surface on 127.0.0.1.

Requests are routed and validated with the discovery documents the client itself
uses, then handed to CalendarApi or GmailApi. Failures look like Google's, so code
that copes with the sandbox copes with Google.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from interview_bot.errors import BotError
from interview_bot.sandbox.arguments import add_arguments
from interview_bot.sandbox.calendar_api import CalendarApi
from interview_bot.sandbox.discovery import Router, select_fields
from interview_bot.sandbox.errors import ApiError
from interview_bot.sandbox.gmail_api import GmailApi

Json = dict[str, Any]
STATE_VERSION = 1

# What --fail-rate answers with: (status, reason, domain, message, Retry-After or None). Google
# answers rate limits with 403 as well as 429, in the usageLimits domain, and server trouble with
# 500 or 503 backendError: https://developers.google.com/workspace/calendar/api/guides/errors
# ("403: User Rate Limit Exceeded", "403: Rate Limit Exceeded", "429: Too many requests",
# "500: Backend error") and https://developers.google.com/workspace/gmail/api/guides/handle-errors.
_FAILURES = (
    (429, "rateLimitExceeded", "usageLimits", "Rate Limit Exceeded", "1"),
    (429, "userRateLimitExceeded", "usageLimits", "User Rate Limit Exceeded", None),
    (403, "rateLimitExceeded", "usageLimits", "Rate Limit Exceeded", None),
    (403, "userRateLimitExceeded", "usageLimits", "User Rate Limit Exceeded", "1"),
    (500, "backendError", "global", "Backend Error", None),
    (503, "backendError", "global", "The service is currently unavailable.", "1"),
    (503, "backendError", "global", "Backend Error", None),
)

_ROUTER: Router | None = None
_ROUTER_LOCK = threading.Lock()


def _router() -> Router:
    # Parsing two discovery documents takes a moment; every sandbox shares one router.
    global _ROUTER
    with _ROUTER_LOCK:
        if _ROUTER is None:
            _ROUTER = Router()
        return _ROUTER


def _as_callable(clock: Any) -> Callable[[], datetime]:
    """Accept a plain callable or a interview_bot.clock.Clock (anything with .now())."""
    if clock is None:
        return lambda: datetime.now(UTC)
    if hasattr(clock, "now"):
        return clock.now  # type: ignore[no-any-return]
    return clock  # type: ignore[no-any-return]


class _Server(ThreadingHTTPServer):
    """The HTTP server, quiet when a client goes away mid-request (as a killed bot does)."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return  # the client hung up: nothing to answer, nothing wrong with the sandbox
        super().handle_error(request, client_address)


class Sandbox:
    """A Google Calendar + Gmail stand-in for one account, served on 127.0.0.1 from a background thread."""

    def __init__(self, email: str = "me@example.com", port: int = 0, state_file: str | None = None,
                 fail_rate: float = 0.0, seed: int = 0, clock: Any = None) -> None:
        if not 0.0 <= fail_rate <= 1.0:
            raise ValueError("fail_rate must be between 0 and 1")
        self.email = email
        self.port = port
        self.state_file = state_file
        self.fail_rate = fail_rate
        self.clock = _as_callable(clock)
        self._rng = random.Random(seed)
        self.lock = threading.RLock()  # one API call (and its log entry and save) at a time
        self._log: list[Json] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.calendar = CalendarApi(email, self.clock)
        self.gmail = GmailApi(email, self.clock)
        if state_file and os.path.exists(state_file):
            self.load(state_file)

    # ---- lifecycle ---------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Listen on 127.0.0.1 and serve from a daemon thread; returns self."""
        handler = type("Handler", (_Handler,), {"sandbox": self})
        self._server = _Server(("127.0.0.1", self.port), handler)
        self.port = self._server.server_address[1]
        # A short poll interval keeps stop() quick: shutdown() waits for the loop to notice.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="sandbox-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and save the state file, if there is one."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.state_file:
            self.save()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The base URL to give build_service(endpoint=...)."""
        return f"http://127.0.0.1:{self.port}"

    # ---- state -------------------------------------------------------------------------

    def to_json(self) -> Json:
        """Both accounts' data."""
        with self.lock:
            return {"version": STATE_VERSION, "email": self.email,
                    "calendar": self.calendar.to_json(), "gmail": self.gmail.to_json()}

    def save(self, path: str | None = None) -> None:
        """Write the state file atomically (a temporary file, then a rename)."""
        target = path or self.state_file
        if not target:
            raise ValueError("no state file to save to")
        data = self.to_json()
        folder = os.path.dirname(os.path.abspath(target))
        fd, tmp = tempfile.mkstemp(prefix=".sandbox-", suffix=".json", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1, sort_keys=True)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise

    def load(self, path: str) -> None:
        """Replace both accounts' data with a state file's."""
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            found = data.get("version") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"its version is {found!r}, not {STATE_VERSION}")
        with self.lock:
            self.email = data["email"]
            self.calendar = CalendarApi.from_json(data["calendar"], self.clock)
            self.gmail = GmailApi.from_json(data["gmail"], self.clock)

    # ---- the request log ---------------------------------------------------------------

    def requests(self) -> list[Json]:
        """API requests served so far, oldest first: {method, path, query, status, method_id, scopes}.

        method_id is the discovery document's id of the method (e.g. "gmail.users.drafts.create",
        "" for a path no method serves) and scopes the OAuth scopes that document accepts for it,
        so a test can check every request a client made against the scopes it holds."""
        with self.lock:
            return [dict(r) for r in self._log]

    def clear_requests(self) -> None:
        """Forget the request log."""
        with self.lock:
            self._log.clear()

    # ---- serving -----------------------------------------------------------------------

    def handle(self, verb: str, raw_path: str, body: bytes) -> tuple[int, Json | None, dict[str, str]]:
        """Answer one API request: (status, JSON body or None, extra headers)."""
        split = urlsplit(raw_path)
        query = parse_qs(split.query, keep_blank_values=True)
        with self.lock:
            status, payload, headers, mutated = self._answer(verb, split.path, query, body)
            flat = {k: v[0] if len(v) == 1 else list(v) for k, v in query.items()}
            try:
                method, _ = _router().match(verb, split.path)
                method_id, scopes = method.id, list(method.scopes)
            except ApiError:
                method_id, scopes = "", []
            self._log.append({"method": verb, "path": split.path, "query": flat, "status": status,
                              "method_id": method_id, "scopes": scopes})
            if mutated and self.state_file:
                self.save()
        return status, payload, headers

    def _answer(self, verb: str, path: str, query: dict[str, list[str]],
                body: bytes) -> tuple[int, Json | None, dict[str, str], bool]:
        # One draw per API request, before anything else, so a seed replays the same failures.
        draw = self._rng.random()
        try:
            if draw < self.fail_rate:
                status, reason, domain, message, retry_after = _FAILURES[int(draw / self.fail_rate * len(_FAILURES))]
                raise ApiError(status, message, reason=reason, domain=domain,
                               headers={"Retry-After": retry_after} if retry_after else {})
            if path.startswith("/upload/"):
                raise ApiError(400, "Media upload is not supported by the sandbox: send the message "
                               "as base64url in the JSON body's raw field instead.", reason="badRequest")
            method, path_params = _router().match(verb, path)
            params = _router().validate(method, path_params, query)
            payload = _parse_body(body)
            api = self.calendar if method.id.startswith("calendar.") else self.gmail
            status, result = api.call(method.id, params, payload)
            if result is not None and "fields" in params and status == 200:
                result = select_fields(result, params["fields"])
            return status, result, {}, verb != "GET"
        except ApiError as err:
            return err.status, err.body(), dict(err.headers), False


def _parse_body(body: bytes) -> Any:
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "Invalid JSON payload received. Unexpected token.", reason="parseError") from None


class _Handler(BaseHTTPRequestHandler):
    sandbox: Sandbox
    protocol_version = "HTTP/1.1"  # keep-alive, as httplib2 expects from Google
    timeout = 60  # an idle keep-alive connection's thread gives up after this
    disable_nagle_algorithm = True  # headers and body go in two writes; don't wait 40 ms between them

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is /_sandbox/requests, not stderr

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/_sandbox/"):
            status, payload, headers = self._control(urlsplit(self.path).path)
        else:
            status, payload, headers = self.sandbox.handle(self.command, self.path, body)
        data = b"" if payload is None else json.dumps(payload, indent=1).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 204:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _control(self, path: str) -> tuple[int, Any, dict[str, str]]:
        """The sandbox's own endpoints, outside Google's surface and never failed on purpose."""
        if path == "/_sandbox/requests" and self.command == "GET":
            return 200, self.sandbox.requests(), {}
        if path == "/_sandbox/requests" and self.command == "DELETE":
            self.sandbox.clear_requests()
            return 204, None, {}
        if path == "/_sandbox/state" and self.command == "GET":
            return 200, self.sandbox.to_json(), {}
        # Fault controls, so scripts and other processes can drive what tests do in process.
        if path == "/_sandbox/calendar/expire-sync-tokens" and self.command == "POST":
            with self.sandbox.lock:
                self.sandbox.calendar.expire_sync_tokens()  # the next incremental list answers 410
            return 204, None, {}
        if path == "/_sandbox/gmail/expire-history" and self.command == "POST":
            with self.sandbox.lock:
                self.sandbox.gmail.expire_history()  # history.list from any id handed out so far: 404
            return 204, None, {}
        return 404, ApiError(404, f"No sandbox endpoint {self.command} {path}").body(), {}

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve


def _check_state_file(state: str) -> None:
    """Refuse, before serving, a --state whose folder is missing or read-only, or that is a folder."""
    path = os.path.abspath(os.path.expanduser(state))
    folder = os.path.dirname(path)
    if os.path.isdir(path):
        raise BotError(f"--state {state} is a folder, not a file", hint="give a file name, e.g. --state sandbox.json")
    if not os.path.isdir(folder):
        raise BotError(f"--state {state}: the folder {folder} does not exist",
                       hint="create the folder first, or give a file in a folder that exists")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise BotError(f"--state {state}: cannot write there", hint="give a file in a folder you can write")


def serve_forever_cli(port: int, email: str, state: str | None, fail_rate: float, seed: int) -> int:
    """`interview-bot sandbox`: print the base URL, serve until SIGTERM or Ctrl-C, save, return 0.

    Everything that could lose the account's data is checked before serving: the state file's
    folder, and the state file itself (which is written once at start). The port and the fail
    rate are checked as they are parsed (interview_bot.sandbox.arguments).
    """
    if state:
        _check_state_file(state)
        state = os.path.expanduser(state)
    try:
        sandbox = Sandbox(email=email, port=port, state_file=state, fail_rate=fail_rate, seed=seed)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BotError(f"--state {state} is not a sandbox state file: {_what_is_wrong(exc)}",
                       hint="give a file the sandbox (or `interview-bot demo --keep`) wrote, or a new file name") \
            from None
    if state:
        try:
            sandbox.save()  # the file exists from the start, and writing it is known to work
        except OSError as exc:
            raise BotError(f"cannot write --state {state}: {exc.strerror or exc}",
                           hint="give a file in a folder you can write") from None
    try:
        sandbox.start()
    except OSError as exc:
        raise BotError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}",
                       hint="choose another --port, or 0 for any free one") from exc
    done = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, lambda *_: done.set())
    print(sandbox.url, flush=True)
    print(f"api_endpoint for google-api-python-client: Calendar {sandbox.url}/calendar/v3/, Gmail {sandbox.url}/. "
          "Stop with Ctrl-C.", file=sys.stderr, flush=True)
    try:
        while not done.wait(0.1):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        try:
            sandbox.stop()
        except OSError as exc:
            raise BotError(f"could not save the account to {state}: {exc.strerror or exc}",
                           hint="the folder went away or became read-only while serving") from None
    return 0


def _what_is_wrong(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON ({exc.msg} at line {exc.lineno})"
    if isinstance(exc, UnicodeDecodeError):
        return "not text"
    if isinstance(exc, KeyError):
        return f"it has no {exc.args[0]!r}"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) if isinstance(exc, ValueError) else f"its contents are not what the sandbox writes ({type(exc).__name__})"


def main(argv: list[str]) -> int:
    """`python -m interview_bot.sandbox.server [--port P] [--email A] [--state F] [--fail-rate R --seed S]`."""
    parser = argparse.ArgumentParser(prog="python -m interview_bot.sandbox.server", description=__doc__)
    add_arguments(parser, default_port=0)
    args = parser.parse_args(argv)
    try:
        return serve_forever_cli(args.port, args.email, args.state, args.fail_rate, args.seed)
    except BotError as exc:
        print(f"error: {exc.message}" + (f"\nhint: {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
