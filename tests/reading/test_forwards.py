"""Forwarded mail read end to end (issue 21): a forward's text counts as the new text when the
forwarder adds little, in the separators mail clients write in each language.

Constructed bodies: the wrapper (the forwarder's line, the separator, the forwarded header block) is
made here, in the form the client writes it; each separator is a sourced row of
tests/reading/data/lang/XX.yaml (kind `forwarded`) and each forwarded or replying text is a real
message of those tables, found by its id. The MIME round trip is tests/reading/test_corpus.py's.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from interview_bot.reading.quoted import strip_quoted
from interview_bot.reading.read import read_message
from tests.reading.test_corpus import TZ, _incoming, _mime
from tests.reading.test_languages import DATA


def _rows(code: str) -> dict[str, Any]:
    table: dict[str, Any] = yaml.safe_load((DATA / f"{code}.yaml").read_text(encoding="utf-8"))
    return table


def _body(code: str, message_id: str) -> str:
    return next(str(m["body"]) for m in _rows(code)["messages"] if m["id"] == message_id)


def _separator(code: str, line: str) -> str:
    """The separator as a `forwarded` row of the language's table has it (so the test uses the sourced one)."""
    rows = [q["line"] for q in _rows(code)["quoting"] if q["kind"] == "forwarded"]
    assert line in rows, (code, line)
    return line


def _kind(subject: str, body: str) -> str:
    entry = {"subject": subject, "body": body, "sent": "2026-12-03"}
    return read_message(_incoming(entry, _mime(entry)), TZ).kind.value


# (language, the forwarder's short line, separator, the forwarded header block, the hiring manager's
# rejection, a next step long enough to be the sender's own message)
CASES = [
    pytest.param(
        "cs", "Posílám rozhodnutí.", "-------- Přeposlaná zpráva --------",  # Thunderbird (cs)
        "Předmět: \tPohovor – technická podpora\nDatum: \tWed, 2 Dec 2026 15:51:30 +0100\n"
        "Od: \tPetr Svoboda <petr.svoboda@acme.example>\nKomu: \tJana Nováková <jana.novakova@acme.example>",
        _body("cs", "cs_rej_others_advanced"), _body("cs", "cs_next_odoo_written_interview"), id="cs-thunderbird"),
    pytest.param(
        "cs", "Posílám rozhodnutí.", "Začátek přeposílané zprávy:",  # Apple Mail (cs)
        "Od: Petr Svoboda <petr.svoboda@acme.example>\nPředmět: Pohovor – technická podpora\n"
        "Datum: 2. prosince 2026 15:51:30 SEČ\nKomu: jana.novakova@acme.example",
        _body("cs", "cs_rej_other_specialist"), _body("cs", "cs_next_odoo_written_interview"), id="cs-apple-mail"),
    pytest.param(
        "ja", "FYI", "---------- メッセージを転送 ---------",  # HubSpot (ja): full-width colons in its header block
        "送信元：山田 太郎 <taro.yamada@acme.example>\n日付：2026年12月2日水曜日 17:55:44 +0900\n"
        "件名：選考結果のご連絡\n送信先：鈴木 花子 <hanako.suzuki@acme.example>",
        _body("ja", "ja_rej_reibun_other_candidate"), _body("ja", "ja_next_odoo_interest"), id="ja-hubspot"),
    pytest.param(
        "tr", "Bilginize.", "-------- İletilen İleti --------",  # Thunderbird (tr)
        "Konu: \tBaşvurunuz\nTarih: \tWed, 2 Dec 2026 15:51:30 +0300\n"
        "Kimden: \tMehmet Demir <mehmet.demir@acme.example>\nKime: \tAyşe Kaya <ayse.kaya@acme.example>",
        _body("tr", "tr_rej_hrmanagement_not_suitable"), _body("tr", "tr_next_hrmanagement_approved"), id="tr-thunderbird"),
]


@pytest.mark.parametrize(("code", "note", "separator", "headers", "rejection", "next_step"), CASES)
def test_a_forward_with_a_short_note_reads_the_forwarded_decision(
        code: str, note: str, separator: str, headers: str, rejection: str, next_step: str) -> None:
    body = f"{note}\n\n{_separator(code, separator)}\n{headers}\n\n{rejection}\n"
    assert _kind("Pohovor", body) == "rejection"  # the separator alone says it: the subject need not say "Fwd:"
    assert headers.split("\n")[0] not in strip_quoted(body)  # the forwarded block's headers are no one's words


@pytest.mark.parametrize(("code", "note", "separator", "headers", "rejection", "next_step"), CASES)
def test_a_message_of_its_own_above_a_forwarded_rejection_is_read_as_written(
        code: str, note: str, separator: str, headers: str, rejection: str, next_step: str) -> None:
    # The sender wrote more than a note (quoted.py's _LITTLE words; CJK text counted by its characters): the
    # forwarded rejection below the separator is not theirs.
    body = f"{next_step}\n\n{_separator(code, separator)}\n{headers}\n\n{rejection}\n"
    assert _kind("Re: Pohovor", body) == "next_steps"
    assert rejection.split("\n")[0] not in strip_quoted(body)


@pytest.mark.parametrize(("subject", "forwarded"), [
    ("VL: Haastattelu", True), ("İLT: Mülakat", True), ("Πρθ: Συνέντευξη", True), ("전달: 면접", True),
    ("转发：面试", True), ("Redir.: Interviu", True), ("Re: Fwd: Interview", True), ("[Acme] Ed: Intervjuu", True),
    ("Re: Interview", False), ("Edit: the schedule", False),
])
def test_forward_subjects_of_every_language_read(subject: str, forwarded: bool) -> None:
    from interview_bot.reading.replies import new_text

    # A header block with nothing of the sender's but a greeting: only a forward's subject makes its text the answer.
    body = ("Hi,\n\nFrom: Jordan Lee <jordan@acme.example>\nSent: Wednesday, December 2, 2026 10:02 AM\n"
            "To: Sam\nSubject: Interview\n\nUnfortunately we have decided to move forward with other candidates.\n")
    assert ("other candidates" in new_text(subject, body)) is forwarded


def test_a_finnish_vs_reply_keeps_only_its_own_words() -> None:
    """'VS:' is Outlook's Danish/Norwegian forward and the Finnish reply: a Finnish "Kiitos!" above the user's
    own quoted thank-you must not hand the thank-you over as the company's words (constructed wrapper; the
    labels are fi.py's sourced header block). 'VL:', the Finnish forward, still does."""
    from interview_bot.reading.replies import new_text

    body = ("Kiitos!\n\nLähettäjä: Alex Morgan <alex.morgan@gmail.com>\nLähetetty: 2. joulukuuta 2026 10.15\n"
            "Vastaanottaja: Jane Smith <jane@initech.fi>\nAihe: Haastattelu\n\n"
            "Thank you for taking the time to speak with me today. I look forward to hearing about the next steps.\n")
    assert new_text("VS: Haastattelu", body) == "Kiitos!"
    assert "next steps" in new_text("VL: Haastattelu", body)


def test_a_forwarded_decision_keeps_its_promised_date() -> None:
    """The forwarded text is the news for the promise as for the reading: a recruiter's "FYI" above the hiring
    manager's "we will get back to her by Friday, December 11" promises that date (constructed wrapper)."""
    from datetime import UTC, date, datetime
    from zoneinfo import ZoneInfo

    from interview_bot.reading.read import read_message
    from interview_bot.reading.replies import Incoming

    body = ("FYI, see below.\n\nFrom: Dale Simon <dale@initech.com>\nSent: Tuesday, December 1, 2026 10:00\n"
            "To: Sam <sam@initech.com>\nSubject: Candidate Jane\n\n"
            "We are still deciding and will get back to her by Friday, December 11.\n")
    reading = read_message(Incoming(sender_email="sam@initech.com", sender_name="Sam", subject="Fwd: Candidate Jane",
                                    date=datetime(2026, 12, 2, 9, tzinfo=UTC), headers={}, labels=("INBOX",),
                                    body=body), ZoneInfo("Europe/London"))
    assert reading.promise is not None and reading.promise.by == date(2026, 12, 11)
