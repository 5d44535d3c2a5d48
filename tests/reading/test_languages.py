"""The language tables of issue 21 (tests/reading/data/lang/XX.yaml), read end to end.

Each file holds `messages` (real recruiter mail with the page it was published on, run through
the reader exactly as tests/reading/test_corpus.py runs messages.yaml: MIME bytes in the row's
charset -> kind, answer, promised date), `titles` (calendar titles, through `classify`) and
`quoting` (a mail client's attribution lines, header labels and separators, against the
language module's tables). See tests/reading/data/lang/README.md. Labels were written before
the rules; a row the reader gets wrong says `xfail: <the gap>` and is a strict expected failure.
Each helper that filled tables parametrises over its own languages in its own block below.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from interview_bot.reading.detect import classify
from interview_bot.reading.lang import LANGUAGES, Language
from interview_bot.reading.read import read_message
from tests.reading.test_corpus import TZ, _incoming, _mime
from tests.reading.test_titles import ME, RULES, external

DATA = Path(__file__).parent / "data" / "lang"
BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}


def _table(code: str) -> dict[str, Any]:
    table: dict[str, Any] = yaml.safe_load((DATA / f"{code}.yaml").read_text(encoding="utf-8"))
    return table


def _params(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [pytest.param(r, id=str(r[key]), marks=[pytest.mark.xfail(strict=True, reason=r["xfail"])] if r.get("xfail")
                         else []) for r in rows]


def check_message(entry: dict[str, Any]) -> None:
    reading = read_message(_incoming(entry, _mime(entry)), TZ)
    got = (reading.kind.value, reading.is_answer, reading.promise.by.isoformat() if reading.promise else None)
    assert got == (entry["kind"], entry["answer"], entry.get("promise")), (reading.phrase, reading.rule)


def check_title(row: dict[str, Any]) -> None:
    verdict = classify(external(unicodedata.normalize("NFC", row["title"])), frozenset({ME}), RULES)
    assert verdict.is_interview is row["interview"], verdict.reason


def check_quoting(code: str, row: dict[str, Any]) -> None:
    lang = BY_CODE[code]
    if row["kind"] == "attribution":
        assert any(re.fullmatch(p, row["line"], re.IGNORECASE) for p in lang.attribution), row["line"]
    elif row["kind"] == "header":
        known = {label.casefold() for label in (*lang.header_from, *lang.header_fields)}
        assert {label.casefold() for label in row["labels"]} <= known
    else:
        assert any(re.search(p, row["line"], re.IGNORECASE) for p in lang.original_message), row["line"]


def check_sources(table: dict[str, Any]) -> None:
    for row in (*table["messages"], *table["titles"], *table["quoting"]):
        if not row.get("constructed"):
            assert str(row.get("source", "")).startswith(("https://", "http://")), row


# ==== lang-europe: Polish, Czech, Slovak, Swedish, Danish, Norwegian, Finnish, Estonian, Hungarian, Romanian ====

EUROPE = ("pl", "cs", "sk", "sv", "da", "nb", "fi", "et", "hu", "ro")
EUROPE_TABLES = {code: _table(code) for code in EUROPE}
EUROPE_MESSAGES = [m for code in EUROPE for m in EUROPE_TABLES[code]["messages"]]
EUROPE_TITLES = [{**t, "id": f"{code}:{t['title']}"} for code in EUROPE for t in EUROPE_TABLES[code]["titles"]]
EUROPE_QUOTING = [{**q, "code": code, "id": f"{code}:{q['kind']}:{q.get('line') or '/'.join(q['labels'])}"}
                  for code in EUROPE for q in EUROPE_TABLES[code]["quoting"]]


@pytest.mark.parametrize("entry", _params(EUROPE_MESSAGES, "id"))
def test_europe_message(entry: dict[str, Any]) -> None:
    check_message(entry)


@pytest.mark.parametrize("row", _params(EUROPE_TITLES, "id"))
def test_europe_title(row: dict[str, Any]) -> None:
    check_title(row)


@pytest.mark.parametrize("row", _params(EUROPE_QUOTING, "id"))
def test_europe_quoting(row: dict[str, Any]) -> None:
    check_quoting(row["code"], row)


@pytest.mark.parametrize("code", EUROPE)
def test_europe_rows_say_where_they_come_from(code: str) -> None:
    check_sources(EUROPE_TABLES[code])
    assert code in BY_CODE  # the module is registered in interview_bot.reading.lang


def test_europe_languages_fill_every_table() -> None:
    for code in EUROPE:
        lang = BY_CODE[code]
        assert set(lang.rules) == {"rejection", "offer", "next_steps", "holding", "acknowledgement"}, code
        assert lang.auto_subject and lang.auto_body and lang.silence and lang.interview_words, code
        assert lang.attribution and lang.header_from and lang.header_fields and lang.original_message, code
        assert lang.bounce_subject and lang.promise_cue and lang.promise_dates, code
        assert lang.weekdays and lang.months and lang.numbers, code

# ==== end lang-europe ====
