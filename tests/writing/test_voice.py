"""Names, languages and locales: the tables a greeting and a date are made from, and check-config."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from interview_bot.cli.commands import main
from interview_bot.model import Person
from interview_bot.writing.dates import DayWords, draft_locale
from interview_bot.writing.greeting import NameForm, addressee, is_group_mailbox
from interview_bot.writing.voice import LanguageWhy, choose_language, signature_text

# Source: issue 20, "What was found" (an invitation tried as a new user would), plus the
# forms its "What to build" names: titles, initials, "Last, First", non-ASCII, group mailboxes.
GREETINGS = [
    # display name, address, first-name greeting, full-name greeting (de keeps titles)
    ("H. E. Pennypacker", "hep@kramerica.com", "[[NAME: H. E. Pennypacker]]", "H. E. Pennypacker"),
    ("Dr. Jane Smith", "jane@kramerica.com", "Jane", "Dr. Jane Smith"),
    ("", "newman@kramerica.com", "[[NAME]]", "[[NAME]]"),
    ("Seán O'Brien", "sean@kramerica.com", "Seán", "Seán O'Brien"),
    ("Roe, Jane", "jane.roe@kramerica.com", "Jane", "Jane Roe"),
    ("Prof. Dr. Hans Müller", "hm@kramerica.de", "Hans", "Prof. Dr. Hans Müller"),
    ("Dr. Smith", "smith@kramerica.com", "Dr. Smith", "Dr. Smith"),
    ("Ms. Jane", "j@kramerica.com", "[[NAME: Ms. Jane]]", "Jane"),
    ("J. Peterman", "jp@kramerica.com", "[[NAME: J. Peterman]]", "J. Peterman"),
    ("Mx. Alex Kim", "alex@kramerica.com", "Alex", "Alex Kim"),
    ("李小龍", "li@kramerica.cn", "[[NAME: 李小龍]]", "李小龍"),
    ("jane@kramerica.com", "jane@kramerica.com", "[[NAME]]", "[[NAME]]"),
    # A person and their company in one display name, as Teamtailor writes it: From lines published in
    # mitselek/cv_system (snapshot 78bcb7a, applications/*/communications/*.md).
    ("Laura Willberg – WeCon Oy", "laura.willberg@weconoy.teamtailor-mail.com", "Laura", "Laura Willberg"),
    ("Emmi Vahvelainen – IONA", "emmi.vahvelainen@iona.teamtailor-mail.com", "Emmi", "Emmi Vahvelainen"),
    ("Anastasia Sakovskaia – Entain NCE", "anastasia.sakovskaia@enlabs.teamtailor-mail.com", "Anastasia",
     "Anastasia Sakovskaia"),
    ("Joonas Raatikainen – Siili Solutions", "joonas.raatikainen@siili.teamtailor-mail.com", "Joonas",
     "Joonas Raatikainen"),
]


@pytest.mark.parametrize(("name", "email", "first", "full"), GREETINGS)
def test_how_a_person_is_greeted(name: str, email: str, first: str, full: str) -> None:
    a = addressee(Person(email, name))
    assert a.called(NameForm.FIRST) == first
    assert a.called(NameForm.FULL, keep_title=True) == full


@pytest.mark.parametrize(("name", "email", "group"), [
    ("Interview Panel", "interview-panel@kramerica.com", True),
    ("", "careers@kramerica.com", True),
    ("Talent Team", "talent@kramerica.com", True),
    ("Jane Roe", "recruiting@kramerica.com", True),
    ("", "rrhh@empresa.es", True),
    ("", "bewerbung@firma.de", True),
    ("Kramerica HR", "jane.roe@kramerica.com", True),
    ("Jane Roe", "jane.roe@kramerica.com", False),
    ("Anna Ta", "anna.ta@kramerica.com", False),
])
def test_group_mailboxes(name: str, email: str, group: bool) -> None:
    assert is_group_mailbox(Person(email, name)) is group


@pytest.mark.parametrize(("day", "today", "locale", "language", "words"), [
    (date(2026, 12, 1), date(2026, 12, 1), "en_GB", "en", "today"),
    (date(2026, 12, 1), date(2026, 12, 2), "en_GB", "en", "yesterday"),
    (date(2026, 12, 1), date(2026, 12, 4), "en_GB", "en", "Tuesday 1 December"),
    (date(2026, 12, 1), date(2026, 12, 4), "en_US", "en", "Tuesday, December 1"),
    (date(2026, 12, 1), date(2026, 12, 8), "en_GB", "en", "Tuesday 1 December"),  # a week on: still the date
    (date(2026, 12, 30), date(2027, 1, 4), "en_GB", "en", "Wednesday, 30 December 2026"),
    (date(2026, 12, 1), date(2026, 12, 1), "en_GB", "de", "heute"),
    (date(2026, 12, 4), date(2026, 12, 7), "en_GB", "de", "Freitag, 4. Dezember"),
    (date(2026, 12, 1), date(2026, 12, 4), "fr_FR", "fr", "mardi 1er décembre"),
    (date(2026, 12, 4), date(2026, 12, 7), "es_ES", "es", "viernes, 4 de diciembre"),
    (date(2026, 12, 4), date(2026, 12, 7), "it_IT", "it", "venerdì 4 dicembre"),
    (date(2026, 12, 4), date(2026, 12, 7), "pt_BR", "pt", "sexta-feira, 4 de dezembro"),
    (date(2026, 12, 4), date(2026, 12, 7), "nl_NL", "nl", "vrijdag 4 december"),
])
def test_day_words(day: date, today: date, locale: str, language: str, words: str) -> None:
    assert str(DayWords(day, today, draft_locale(language, locale))) == words


def test_english_written_from_germany_keeps_english_words_with_local_order() -> None:
    assert str(draft_locale("en", "de_DE")) == "en_DE"
    assert str(draft_locale("de", "en_GB")) == "de"


def test_language_choice() -> None:
    langs = ("en", "de")
    assert choose_language("de", langs) == ("de", LanguageWhy.DETECTED)
    assert choose_language("ja", langs) == ("en", LanguageWhy.FALLBACK)
    assert choose_language(None, ("de", "en")) == ("de", LanguageWhy.UNKNOWN)


def test_gmail_signature_as_text() -> None:
    html = '<div dir="ltr"><b>Alex Morgan</b><br>Data Analyst<div>+44 20 7946 0000</div><script>x</script></div>'
    assert signature_text(html).splitlines()[:3] == ["Alex Morgan", "Data Analyst", "+44 20 7946 0000"]
    assert signature_text("") == ""


@pytest.mark.parametrize(("yaml", "message"), [
    ("locale: en-UK\n", '"en-UK" is not a locale (try "en_GB")'),
    ("locale: de\n", '"de" is not a locale (try "de_DE")'),
    ("languages: [english]\n", '"english" is not a language code (try "en"'),
    ("languages: [sv]\n", '"sv" has no templates'),
])
def test_check_config_says_how_to_fix_locale_and_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           yaml: str, message: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("me:\n  name: Alex Morgan\n" + yaml, encoding="utf-8")
    assert main(["check-config", str(config)]) == 1
    err = capsys.readouterr().err
    assert message in err and ":3" in err  # on its line of config.yaml


def test_doctor_says_which_signature_is_used(tmp_path: Path, sandbox: Any) -> None:
    from interview_bot.cli.doctor import run_doctor

    path = tmp_path / "config.yaml"
    base = f"me:\n  name: Alex Morgan\ntimezone: UTC\ngoogle:\n  endpoint: {sandbox.url}\nstate: {tmp_path / 's.sqlite3'}\n"
    path.write_text(base, encoding="utf-8")
    signature = {c.name: c for c in run_doctor(str(path), {})}["signature"]
    assert "none in Gmail and no me.signature" in signature.detail
    sandbox.gmail.set_signature("<div>Alex Morgan<br>+44 20 7946 0000</div>")
    signature = {c.name: c for c in run_doctor(str(path), {})}["signature"]
    assert signature.status == "ok" and 'your Gmail signature for me@example.com ("Alex Morgan" ...)' in signature.detail
    path.write_text(base.replace("  name: Alex Morgan\n", "  name: Alex Morgan\n  signature: Alex\n"), encoding="utf-8")
    signature = {c.name: c for c in run_doctor(str(path), {})}["signature"]
    assert signature.detail.startswith("me.signature from config.yaml")


def test_a_users_template_per_language_falls_back_to_the_language_free_one(tmp_path: Path) -> None:
    from interview_bot.model import FollowUpKind
    from interview_bot.writing.compose import Templates
    from interview_bot.writing.voice import Voice
    from tests.writing.test_drafts_golden import SAME_DAY, draft

    (tmp_path / "thank_you.de.txt.j2").write_text("Hallo {{ greeting_names }}\n", encoding="utf-8")
    (tmp_path / "thank_you.txt.j2").write_text("Hi {{ greeting_names }}\n", encoding="utf-8")

    def mine(language: str) -> str:
        voice = Voice(language, "en_GB")
        return draft(FollowUpKind.THANK_YOU, SAME_DAY, voice, templates=Templates(tmp_path)).body_text

    assert mine("de") == "Hallo Jane Smith und Dale Simon\n"
    assert mine("fr") == "Hi Jane Smith et Dale Simon\n"  # the user's language-free text, French names
    assert mine("en") == "Hi Jane and Dale\n"
    # A language-free subject of the user's goes with their own text; with the shipped German text, the German one.
    assert Templates(tmp_path)._files("thank_you", "de")[2] == "builtin/thank_you.de.subject.j2"


@pytest.mark.parametrize(("country", "locale"), [
    ("GB", "en_GB"), ("UK", "en_GB"),  # holidays' alias of GB: the example config's "GB -> en_GB" holds for it
    ("US", "en_US"),  # English is the US's language only de facto in CLDR
    ("DE", "de_DE"), ("CH", "de_CH"), ("GBR", None),
])
def test_the_default_locale_from_country(country: str, locale: str | None) -> None:
    from interview_bot.config.fields import locale_of_country

    assert locale_of_country(country) == locale
