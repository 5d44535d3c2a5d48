"""The language tables of issue 21 (tests/reading/data/lang/XX.yaml), read end to end.

Each file holds `messages` (real recruiter mail with the page it was published on, run through
the reader exactly as tests/reading/test_corpus.py runs messages.yaml: MIME bytes in the row's
charset -> kind, answer, promised date), `titles` (calendar titles, through `classify`) and
`quoting` (a mail client's attribution lines, header labels, separators and forward subject
prefixes, against the language module's tables). See tests/reading/data/lang/README.md. Labels were written before
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
from interview_bot.reading.incoming import ReplyKind
from interview_bot.reading.lang import LANGUAGES, Language
from interview_bot.reading.quoteforms import forms, forward_pattern, subject_pattern
from interview_bot.reading.read import read_message
from interview_bot.reading.replies import UNKNOWN_LANGUAGE, classify_reply
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
    elif row["kind"] == "forwarded":  # the whole line, as forms() compiles the language's entries
        assert forms().forwarded.match(row["line"]), row["line"]
        if not _ENGLISH_FORWARD.match(row["line"]):  # Gmail's and Thunderbird (ja)'s English one is the seed's
            assert any(re.fullmatch(rf"\s*{forward_pattern(p)}\s*", row["line"], re.IGNORECASE)
                       for p in lang.forwarded), row["line"]
    elif row["kind"] == "forward_subject":
        assert forms().forward_subject.match(row["line"]), row["line"]
        assert any(re.match(rf"{subject_pattern(p)}\s*[:\uff1a]", row["line"], re.IGNORECASE)
                   for p in lang.forward_subject), row["line"]
    else:
        # Rows written before the forward tables filed forward separators here too (Thunderbird names its key
        # mailnews.forward_header_originalmessage); they stand, read by either table.
        assert any(re.search(p, row["line"], re.IGNORECASE) for p in (*lang.original_message, *lang.forwarded)), \
            row["line"]
        # ... and the whole line is a separator as strip_quoted reads it, not just a phrase inside it
        assert forms().original.match(row["line"]) or forms().forwarded.match(row["line"]), row["line"]


_ENGLISH_FORWARD = re.compile(r"^-+\s*forwarded\s+message\s*-+$", re.IGNORECASE)


def check_sources(table: dict[str, Any]) -> None:
    for row in (*table["messages"], *table["titles"], *table["quoting"]):
        if not row.get("constructed"):
            # a page, or a public file the search index holds without naming its repository (as
            # tests/reading/test_senders.py cites them: read it with read_file(id=N))
            assert str(row.get("source", "")).startswith(("https://", "http://", "GitHub code, index file id ")), row


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
        # `closed` (a role on hold or withdrawn, issue 21) where the language's sourced mail has one
        assert {"rejection", "offer", "next_steps", "holding", "acknowledgement"} <= set(lang.rules) <= {
            "rejection", "offer", "next_steps", "holding", "acknowledgement", "closed"}, code
        assert lang.auto_subject and lang.auto_body and lang.silence and lang.interview_words, code
        assert lang.attribution and lang.header_from and lang.header_fields and lang.original_message, code
        assert lang.bounce_subject and lang.promise_cue and lang.promise_dates, code
        assert lang.weekdays and lang.months and lang.numbers, code

# ==== end lang-europe ====


# ==== lang-east: Turkish, Greek, Russian, Ukrainian, Japanese, Chinese, Korean ====

EAST = ("tr", "el", "ru", "uk", "ja", "zh", "ko")
EAST_TABLES = {code: _table(code) for code in EAST}
EAST_MESSAGES = [m for code in EAST for m in EAST_TABLES[code]["messages"]]
EAST_TITLES = [{**t, "id": f"{code}:{t['title']}"} for code in EAST for t in EAST_TABLES[code]["titles"]]
EAST_QUOTING = [{**q, "code": code, "id": f"{code}:{q['kind']}:{q.get('line') or '/'.join(q['labels'])}"}
                for code in EAST for q in EAST_TABLES[code]["quoting"]]
# Gmail writes a forwarded block's labels in English but for the sender's ("Gönderen:", "Від:"): the
# English labels are read by the English table.
_ENGLISH_LABELS = frozenset({"from", "date", "subject", "to", "cc", "sent"})


@pytest.mark.parametrize("entry", _params(EAST_MESSAGES, "id"))
def test_east_message(entry: dict[str, Any]) -> None:
    check_message(entry)


@pytest.mark.parametrize("row", _params(EAST_TITLES, "id"))
def test_east_title(row: dict[str, Any]) -> None:
    check_title(row)


@pytest.mark.parametrize("row", _params(EAST_QUOTING, "id"))
def test_east_quoting(row: dict[str, Any]) -> None:
    if row["kind"] == "header":
        lang = BY_CODE[row["code"]]
        known = {label.casefold() for label in (*lang.header_from, *lang.header_fields)} | _ENGLISH_LABELS
        assert {label.casefold() for label in row["labels"]} <= known
    elif row["kind"] == "original_message" and _ENGLISH_SEPARATOR.search(row["line"]):
        pass  # Thunderbird (ja) writes the English separator: the English table's
    else:
        check_quoting(row["code"], row)


_ENGLISH_SEPARATOR = re.compile(r"^-+\s*(?:original|forwarded)\s+message\s*-+$", re.IGNORECASE)


@pytest.mark.parametrize("code", EAST)
def test_east_tables_are_sourced(code: str) -> None:
    check_sources(EAST_TABLES[code])


def test_east_real_rows_per_language() -> None:
    """How many real (published, not constructed) messages each table holds: the issue asks for 10.

    Asserted as found, so that a row lost is noticed; the shortfall is the hand-back report's."""
    real = {code: sum(1 for m in EAST_TABLES[code]["messages"] if not m.get("constructed")) for code in EAST}
    assert real == {"tr": 13, "el": 15, "ru": 10, "uk": 15, "ja": 11, "zh": 10, "ko": 11}



def test_every_new_language_has_ten_real_messages() -> None:
    """Issue 21: at least 10 real (published, cited, not constructed) messages per new language."""
    real = {code: sum(1 for m in _table(code)["messages"] if not m.get("constructed")) for code in (*EUROPE, *EAST)}
    assert len(real) == 17
    assert {code: n for code, n in real.items() if n < 10} == {}


@pytest.mark.parametrize(("text", "code"), [
    ("誠に残念ながら、今回は採用を見送らせていただくことになりました。", "ja"),
    ("很遗憾，您未能通过本次面试。", "zh"),
    ("아쉽게도 이번에는 함께하지 못하게 되었습니다.", "ko"),
    ("К сожалению, мы приняли решение в пользу другого кандидата.", "ru"),
    ("На жаль, ми зупинили свій вибір на іншому кандидаті.", "uk"),
    ("Maalesef başka bir adayla devam etmeye karar verdik.", "tr"),
    ("Δυστυχώς, αποφασίσαμε να προχωρήσουμε με άλλον υποψήφιο.", "el"),
])
def test_east_rejection_is_read_in_its_own_language(text: str, code: str) -> None:
    reading = classify_reply("", text)
    assert (reading.kind, reading.rule.split(":")[0], reading.language) == (ReplyKind.REJECTION, code, code)


def test_an_english_phrase_does_not_decide_a_japanese_message() -> None:
    # Read by every table at once, "not selected" (English) would make this a rejection; the
    # Japanese table reads it first: still being decided, with a date.
    text = "現在選考中でございます。結果は来週中にご連絡いたします。Status in our system: not selected yet."
    reading = classify_reply("", text)
    assert (reading.kind, reading.rule.split(":")[0], reading.language) == (ReplyKind.HOLDING, "ja", "ja")


def test_english_is_read_when_the_language_s_own_table_finds_nothing() -> None:
    text = ("Добрый день, Сэм! Спасибо, что нашли время на встречу с нашей командой на прошлой неделе. "
            "Как обсуждали по телефону: we are pleased to offer you the position.")
    reading = classify_reply("", text)
    assert (reading.kind, reading.rule.split(":")[0], reading.language) == (ReplyKind.OFFER, "en", "ru")


# A sentence in each language the detector knows that another helper's tables read: the first one
# without a table on this branch shows what a reading in an unknown language is.
_UNTABLED = {
    "pl": "Niestety zdecydowaliśmy się kontynuować proces rekrutacji z innym kandydatem.",
    "cs": "Bohužel jsme se rozhodli pokračovat ve výběrovém řízení s jiným uchazečem.",
    "sv": "Tyvärr har vi valt att gå vidare med en annan kandidat i rekryteringen.",
    "fi": "Valitettavasti olemme päättäneet jatkaa rekrytointia toisen hakijan kanssa.",
    "hu": "Sajnálattal értesítjük, hogy a kiválasztás során egy másik jelöltet választottunk.",
}


def test_a_language_without_a_table_is_unsure_not_silence() -> None:
    missing = [code for code in _UNTABLED if code not in BY_CODE]
    if not missing:
        pytest.skip("every language the detector knows has a table on this branch")
    code = missing[0]
    reading = classify_reply("", _UNTABLED[code])
    assert (reading.kind, reading.confidence, reading.rule, reading.language) == (
        ReplyKind.OTHER, 0.0, f"{UNKNOWN_LANGUAGE}:{code}", code)


def test_japanese_sentences_end_at_the_full_stop_without_a_space() -> None:
    # The condition in the first sentence does not swallow the decision in the second.
    text = "ご連絡がない場合は不採用とお考えください。なお、今回は採用を見送らせていただきます。"
    assert classify_reply("", text).kind is ReplyKind.REJECTION
