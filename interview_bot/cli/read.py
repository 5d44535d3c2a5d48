"""`interview-bot read FILE...`: how the bot reads one message, from the file alone (no Google, no state).

It is also how a user reports a misread message without sending anyone their mailbox: the
output names the text kept, the language, whether it is machine mail and why, the kind, the
rule and phrase that decided it, and the date it promises.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from interview_bot.cli.common import clock_at, load, locate, parse_at
from interview_bot.cli.registry import DAILY, arg, command
from interview_bot.errors import BotError

MAX_FILE = 16_777_216  # bytes of one file read: more is no mail message


@command(
    "read", group=DAILY, summary="show how the bot reads a saved message (.eml), or a reply's text",
    description="Reads each file as the bot reads mail, and prints the new text it keeps (quoted parts left "
    "out), its language, whether it is machine mail and why, its kind, the rule and the phrase that decided, "
    "and any date it promises. Files are raw messages as Gmail's \"Download message\" saves them (.eml), or "
    "with --text files that hold only a reply's text. Reads the files only: no Google request, no state. "
    "Uses the config's time zone and reply rules when there is a config.",
    examples=["interview-bot read ~/Downloads/Re_Interview.eml", "interview-bot read --text reply.txt",
              "interview-bot read --json *.eml"],
    arguments=[
        arg("files", nargs="+", metavar="FILE", help="a raw message (.eml), or with --text a reply's text"),
        arg("--text", action="store_true", help="the files hold only a reply's text (no headers)"),
        arg("--json", action="store_true", help="one JSON object per file and line, for scripts"),
        arg("--at", metavar="TIME", help="ISO 8601 instant that stands in for 'now' (the date of a --text reply)"),
    ],
)
def cmd_read(args: argparse.Namespace) -> int:
    tz, country, rules = ZoneInfo("UTC"), None, None
    # Without a config file the shipped rules read in UTC; a config that is there but wrong is an error.
    cfg = load(args) if locate(args)[0].exists() else None
    if cfg is not None:
        tz, country = cfg.tz, cfg.country
        rules = {kind: list(patterns) for kind, patterns in cfg.replies.rules.items()} or None
    now = clock_at(parse_at(args.at, cfg)).now()
    status = 0
    for name in args.files:
        try:
            data = _read_file(Path(name))
        except BotError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        result = read_one(name, data, args.text, tz, country, rules, now)
        print(json.dumps(result, ensure_ascii=False) if args.json else _human(result))
    return status


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(MAX_FILE)
    except OSError as exc:
        raise BotError(f"{path}: {exc.strerror or exc}") from None


def read_one(name: str, data: bytes, text_only: bool, tz: ZoneInfo, country: str | None,
             rules: dict[str, list[str]] | None, now: datetime) -> dict[str, Any]:
    """The reading of one file, as `read --json` prints it."""
    from interview_bot.reading.extract import normalize_email
    from interview_bot.reading.incoming import Incoming
    from interview_bot.reading.machine import machine_reason
    from interview_bot.reading.mailbody import decode_text, read_raw
    from interview_bot.reading.read import read_message
    from interview_bot.reading.replies import new_text

    started = time.perf_counter()
    if text_only:
        msg = Incoming("", "", "", now, {}, ("INBOX",), decode_text(data, None))
    else:
        head = BytesHeaderParser(policy=compat32).parsebytes(data[:262_144])
        headers = {k.lower(): str(v) for k, v in head.items()}
        (sender_name, sender_email), *_ = getaddresses([headers.get("from", "")]) or [("", "")]
        try:
            sent = parsedate_to_datetime(headers.get("date", ""))
            sent = sent if sent.tzinfo else sent.replace(tzinfo=UTC)
        except (TypeError, ValueError):
            sent = now
        body = read_raw(data)
        msg = Incoming(sender_email, sender_name, headers.get("subject", ""), sent, headers, ("INBOX",), body.text,
                       body.mime_types)
    machine = machine_reason(msg, normalize_email(msg.sender_email))
    reading = read_message(msg, tz, country=country, extra_rules=rules, machine=machine)
    text = new_text(msg.subject, msg.body)
    elapsed = (time.perf_counter() - started) * 1000
    return {  # the language the reader read it in (None: unsure, or machine mail)
        "file": name, "text": text, "language": reading.language, "machine": machine[1] if machine else None,
        "kind": reading.kind.value, "rule": reading.rule, "phrase": reading.phrase,
        "promise": reading.promise.by.isoformat() if reading.promise else None, "elapsed_ms": round(elapsed, 1),
    }


def _human(r: dict[str, Any]) -> str:
    lines = [f"{r['file']}:"]
    shown = r["text"].splitlines()[:12] or ["(no text)"]
    lines += ["  new text:"] + [f"    | {line}" for line in shown]
    if len(r["text"].splitlines()) > 12:
        lines.append("    | ...")
    lines.append(f"  language: {r['language'] or 'not known'}")
    lines.append(f"  machine mail: {r['machine'] or 'no'}")
    said = f', "{r["phrase"]}"' if r["phrase"] else ""
    lines.append(f"  kind: {r['kind'].replace('_', ' ')} (rule {r['rule'] or 'none'}{said})")
    lines.append(f"  promised date: {r['promise'] or 'none'}")
    lines.append(f"  read in {r['elapsed_ms']} ms")
    return "\n".join(lines)
