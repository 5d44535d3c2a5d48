"""How much quoted text the reader keeps, measured on public test suites of quoted-reply parsers.

    python benchmarks/quoted_replies.py [-v]

For each fixture of tests/reading/data/quoted_replies.yaml (sources and licences in
tests/reading/data/quoted/README.md) the body is decoded as the bot decodes mail
(interview_bot.reading.mailbody) and its new text taken (interview_bot.reading.quoted.strip_quoted).
A reply "keeps quoted text" when words of the quoted earlier message survive; it "loses its
own text" when words the sender wrote are gone. Run it against another checkout with
PYTHONPATH=/that/checkout to compare.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interview_bot.reading.mailbody import html_to_text, read_raw
from interview_bot.reading.quoted import strip_quoted

DATA = Path(__file__).resolve().parents[1] / "tests" / "reading" / "data"


def new_text(entry: dict[str, Any]) -> str:
    """The new text the bot keeps of one fixture."""
    if "body" in entry:
        return strip_quoted(html_to_text(entry["body"]) if entry["format"] == "html" else entry["body"])
    path = DATA / "quoted" / entry["file"]
    if entry["format"] == "eml":
        return strip_quoted(read_raw(path.read_bytes()).text)
    if entry["format"] == "html":
        return strip_quoted(html_to_text(path.read_text(encoding="utf-8", errors="replace")))
    return strip_quoted(path.read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    entries = yaml.safe_load((DATA / "quoted_replies.yaml").read_text(encoding="utf-8"))
    kept = lost = 0
    for e in entries:
        text = new_text(e)
        k = [q for q in e["quoted"] if q in text]
        missing = [o for o in e["own"] if o not in text]
        kept += bool(k)
        lost += bool(missing)
        if args.verbose and (k or missing):
            print(f"{e['id']}: kept quoted {k} lost own {missing}")
    n = len(entries)
    print(f"{n} replies: quoted text kept in {kept} ({kept / n:.0%}), own text lost in {lost} ({lost / n:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
