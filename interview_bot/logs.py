"""Logging to stderr: one line per event, as text or JSON (journald, files), with secrets redacted.

Message bodies are logged at DEBUG only, by the code that logs them; this module makes sure
that whatever is logged stays on one line and never carries a token.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import IO

# Google access tokens (ya29.), refresh tokens (1//), authorization codes (4/), OAuth client
# secrets (GOCSPX-), bearer headers, and the form and JSON fields that hold secrets. A library
# logging a request or a token response at DEBUG, or Google's token endpoint echoing the request
# body into its error, must not leak them.
_TOKENS = re.compile(r"ya29\.[\w.\-]+|1//[\w.\-]{10,}|\b4/[\w.\-]{10,}|GOCSPX-[\w\-]+|(?i:bearer|basic)\s+[\w.\-~+/]{8,}=*")
_FIELDS = re.compile(r"""((?:access_token|refresh_token|client_secret|id_token|assertion|code_verifier)["']?\s*[:=]\s*["']?|"""
                     r"""(?:^|(?<=[?&\s]))code=)(?!\[redacted\])[^"'&\s,}]+""")


def redact(text: str) -> str:
    """text with anything that looks like an OAuth secret replaced by [redacted]."""
    return _FIELDS.sub(r"\1[redacted]", _TOKENS.sub("[redacted]", text))


class _OneLine(logging.Formatter):
    """`time level logger: message`, with newlines (tracebacks included) escaped so one event is one line."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record)).replace("\r", "").replace("\n", "\\n")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, UTC).astimezone().isoformat(timespec="seconds")


class _Json(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and exc with a traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(fmt: str = "text", verbose: int = 0, daemon: bool = False, stream: IO[str] | None = None) -> None:
    """Configure the root logger for one command.

    One-shot commands show warnings and errors; the daemon also reports what it does (INFO).
    -v adds INFO, -vv DEBUG. Libraries stay at WARNING below -vv: APScheduler's "Running job"
    and googleapiclient's request lines would otherwise drown the bot's own events.
    """
    level = logging.DEBUG if verbose >= 2 else logging.INFO if (verbose or daemon) else logging.WARNING
    handler = logging.StreamHandler(stream or sys.stderr)
    if fmt == "json":
        handler.setFormatter(_Json())
    else:
        handler.setFormatter(_OneLine("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.set_name("interview-bot")
    root = logging.getLogger()
    for old in list(root.handlers):
        if old.get_name() == "interview-bot":  # ours from an earlier call (tests call main() many times)
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    library_level = logging.DEBUG if verbose >= 2 else logging.WARNING
    for name in ("apscheduler", "googleapiclient", "google", "google_auth_httplib2", "urllib3", "oauthlib",
                 "requests_oauthlib"):
        logging.getLogger(name).setLevel(library_level)
