"""How long reading one hostile or very long message takes, from its bytes to the bot's verdict.

    python benchmarks/reading.py [--repeat N]

A message of nested forwarded messages (about 2.9 MB, 60 levels deep) is decoded too: its MIME
tree is cut at a fixed depth while it is split, so it costs milliseconds, not seconds.
For each body (1 MB each: unterminated tags, "<<<<", an unterminated comment, deep nesting,
a long plain text, a windows-1252 HTML letter padded with markup) it builds the RFC 822
message, then times what the bot does with it: decode its parts (interview_bot.reading.mailbody)
and read it (interview_bot.reading.read.read_message: trust, machine mail, phrase rules in seven
languages, promise). The best of N runs is reported (the machine is shared), with the
stdlib html.parser's time on a 30 KB slice for comparison (it is quadratic on these
inputs before Python 3.11.13).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interview_bot.reading.incoming import Incoming
from interview_bot.reading.mailbody import MAX_DEPTH, parts_from_raw, read_raw
from interview_bot.reading.read import read_message

MB = 1_000_000
LETTER = "<p>Leider haben wir uns für einen anderen Kandidaten entschieden. Wir melden uns bis Freitag.</p>"
BODIES = {
    "unterminated tags '<a '": ("html", "<p>Hello</p>" + "<a " * (MB // 3)),
    "'<<<<'": ("html", "<" * MB),
    "unterminated comment": ("html", "<p>Hi</p><!--" + "x" * MB),
    "deep nesting": ("html", "<div>" * (MB // 5)),
    "unterminated attribute quote": ("html", "<div>" + "<a href='x" * (MB // 10)),
    "long plain text": ("plain", ("We will get back to you by Friday. " * (MB // 35))),
    "windows-1252 letter + markup": ("html", LETTER + "<span></span>" * (MB // 13)),
}


def message(kind: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Priya Patel <priya.patel@initech.com>"
    msg["To"] = "alex@example.com"
    msg["Subject"] = "Re: Thank you"
    msg.set_content(body, subtype=kind, charset="windows-1252" if "ü" in body else "utf-8")
    return msg.as_bytes()


def nested_forwards(depth: int = 60, attachment: int = 35_000) -> bytes:
    """About 2.9 MB: a message forwarded as an attachment 60 times, each level with its own attachment."""
    msg = EmailMessage()
    msg["Subject"] = "Interview feedback"
    msg.set_content("Leider haben wir uns für einen anderen Kandidaten entschieden.")
    for n in range(depth):
        outer = EmailMessage()
        outer["From"] = f"Person {n} <p{n}@initech.com>"
        outer["Subject"] = f"Fwd: level {n}"
        outer.set_content(f"See below ({n}).")
        outer.add_attachment(b"%PDF-1.4 " + bytes(range(256)) * (attachment // 256), maintype="application",
                             subtype="pdf", filename=f"cv{n}.pdf")
        outer.add_attachment(msg)
        msg = outer
    return msg.as_bytes()


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tz = ZoneInfo("Europe/London")
    sent = datetime(2026, 12, 2, 10, tzinfo=UTC)
    print(f"{'body':<32} {'size':>9} {'decode':>9} {'read':>9} {'total':>9}  kind")
    for name, (kind, body) in BODIES.items():
        raw = message(kind, body)
        decoded = read_raw(raw)
        incoming = Incoming("priya.patel@initech.com", "Priya", "Re: Thank you", sent, {}, ("INBOX",),
                            decoded.text, decoded.mime_types)
        t_decode = best(lambda: read_raw(raw), args.repeat)  # noqa: B023
        t_read = best(lambda: read_message(incoming, tz), args.repeat)  # noqa: B023
        verdict = read_message(incoming, tz)
        print(f"{name:<32} {len(raw):>9,} {t_decode * 1000:>7.1f}ms {t_read * 1000:>7.1f}ms "
              f"{(t_decode + t_read) * 1000:>7.1f}ms  {verdict.kind.value}")

    raw = nested_forwards()
    t_nested = best(lambda: read_raw(raw), args.repeat)
    parts = parts_from_raw(raw)
    print(f"{'nested forwarded messages':<32} {len(raw):>9,} {t_nested * 1000:>7.1f}ms "
          f"{'':>9} {'':>9}  {len(parts)} parts read (depth cut at {MAX_DEPTH})")

    class Text(HTMLParser):
        pass

    slice_ = "<a " * 10_000
    started = time.perf_counter()
    parser = Text()
    parser.feed(slice_)
    parser.close()
    print(f"\nfor comparison, stdlib html.parser on 30 KB of '<a ': {time.perf_counter() - started:.1f}s "
          f"(Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
