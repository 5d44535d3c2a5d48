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


# The forms issue 21 names (measured misses), each above a quoted "unfortunately" that must not decide.
QUOTED_NO = "Unfortunately we have decided to move forward with other candidates."


@pytest.mark.parametrize("separator", [
    "---- On Mon, 07 Dec 2026 10:02:00 +0000 Jordan Lee <jordan@acme.example> wrote ----",  # Zoho Mail
    "On Mon, 7 Dec 2026 at 10:02, Jordan Lee wrote",  # no colon
    "W dniu 7 grudnia 2026 10:02 Jordan Lee <jordan@acme.example> napisał:",
    "Op 7 dec. 2026 om 10:02 heeft Jordan Lee <jordan@acme.example> het volgende geschreven:",
    "7 Dec 2026, 10:02, Jordan Lee <jordan@acme.example>:",  # a date and a name, then a colon
    "Fra: Jordan Lee <jordan@acme.example>\nSendt: 7. december 2026 10:02\nTil: Sam\nEmne: SV: Samtale",
    "Från: Jordan Lee <jordan@acme.example>\nSkickat: den 7 december 2026 10:02\nTill: Sam\nÄmne: SV: Intervju",
    "От: Jordan Lee <jordan@acme.example>\nОтправлено: 7 декабря 2026 г. 10:02\nКому: Sam\nТема: RE: Интервью",
    "*From:* Jordan Lee <jordan@acme.example>\n*Sent:* Monday, December 7, 2026 10:02 AM\n*To:* Sam\n*Subject:* RE: x",
])
def test_the_forms_the_issue_names(separator: str) -> None:
    from interview_bot.reading.quoted import strip_quoted

    body = f"Great, Thursday at 10 works for the final round.\n\n{separator}\n\n{QUOTED_NO}\n"
    assert strip_quoted(body) == "Great, Thursday at 10 works for the final round."


def test_a_chinese_attribution_with_a_full_width_colon() -> None:
    from interview_bot.reading.quoted import strip_quoted

    body = "好的，周四可以。\n\n在 2026年12月7日 10:02，Jordan Lee <jordan@acme.example> 写道：\n\n很遗憾，我们决定不再推进。"
    assert strip_quoted(body) == "好的，周四可以。"
