"""Quoted text as mail clients write it: public test suites of quoted-reply parsers, as data.

Each fixture (tests/reading/data/quoted_replies.yaml; files, sources and licences in
tests/reading/data/quoted/README.md) names words of the sender's own text, which must be
kept, and words of the quoted earlier message, which must not. Labels were written before
the rules; a gap still open is a strict xfail naming it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from quoted_replies import new_text

DATA = Path(__file__).parent / "data"
ENTRIES: list[dict[str, Any]] = yaml.safe_load((DATA / "quoted_replies.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "entry",
    [pytest.param(e, id=e["id"], marks=[pytest.mark.xfail(strict=True, reason=e["xfail"])] if e.get("xfail") else [])
     for e in ENTRIES],
)
def test_new_text_keeps_own_words_and_drops_the_quote(entry: dict[str, Any]) -> None:
    text = new_text(entry)
    assert [o for o in entry["own"] if o not in text] == []
    assert [q for q in entry["quoted"] if q in text] == []


def test_every_fixture_is_cited() -> None:
    assert all(any(s in str(e.get("source", "")) for s in ("talon", "email_reply_parser", "mail-parser-reply"))
               for e in ENTRIES)
