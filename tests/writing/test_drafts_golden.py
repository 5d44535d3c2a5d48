"""Every kind of draft in every shipped language, en_GB and en_US dates, the hard greetings and one
to five interviewers, compared with tests/golden/drafts/. `pytest --update-golden` rewrites them;
each was read as its recipient would read it before it was committed.

The scenario: an interview on Tuesday 1 December 2026 at 10:00 in London; the recruiter wrote on
2 December that a decision would come "within a week, by Friday 4 December"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from interview_bot.config.languages import SHIPPED_LANGUAGES
from interview_bot.model import FollowUp, FollowUpKind, Interview, OutgoingMail, Person
from interview_bot.writing.compose import Templates, compose
from interview_bot.writing.voice import Promise, Voice
from tests.writing.test_compose import parse, part, render_for_golden

GOLDEN = Path(__file__).parents[1] / "golden" / "drafts"
LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # Tuesday
SAME_DAY = START + timedelta(hours=3)
AFTER_PROMISE = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # Monday, after Friday 4 December
SECOND_CHECK = datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
REJECTED = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
WEEKS_LATER = datetime(2027, 1, 20, 9, 0, tzinfo=UTC)

JANE = Person("jane.smith@corvidanalytics.com", "Jane Smith")
DALE = Person("dale.simon@corvidanalytics.com", "Dale Simon")
SAM = Person("sam.lee@corvidanalytics.com", "Sam Lee")
ANN = Person("ann.poe@corvidanalytics.com", "Ann Poe")
BO = Person("bo.chen@corvidanalytics.com", "Bo Chen")
ME = Person("alex.morgan@gmail.com", "Alex Morgan")
PROMISE = Promise(date(2026, 12, 4), "email", "get back to you within a week", date(2026, 12, 2))
KINDS = {FollowUpKind.THANK_YOU: SAME_DAY, FollowUpKind.STATUS_CHECK: AFTER_PROMISE,
         FollowUpKind.FEEDBACK_REQUEST: REJECTED, FollowUpKind.KEEP_IN_TOUCH: WEEKS_LATER}
LOCALES = {"en": "en_GB", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "pt": "pt_BR", "nl": "nl_NL"}


def interview(people: tuple[Person, ...]) -> Interview:
    return Interview(id="alex/evt1", calendar_id="alex", event_id="evt1",
                     title="Interview: Data Analyst - Corvid Analytics", company="Corvid Analytics",
                     role="Data Analyst", start=START, end=START + timedelta(hours=1), time_zone="Europe/London",
                     interviewers=people)


def draft(kind: FollowUpKind, now: datetime, voice: Voice, people: tuple[Person, ...] = (JANE, DALE),
          to: tuple[Person, ...] | None = None, key: str = "", templates: Templates | None = None) -> OutgoingMail:
    fu = FollowUp(key or f"alex/evt1#{kind.value}", "alex/evt1", kind, now, to or people)
    return compose(fu, interview(people), ME, None, templates or Templates(None), LONDON, now, voice=voice)


def check_golden(name: str, mail: OutgoingMail, update: bool) -> None:
    path = GOLDEN / f"{name}.txt"
    actual = render_for_golden(mail)
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing; run pytest --update-golden to create it, then read it"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs; pytest --update-golden rewrites it"


def assert_one_shape(mail: OutgoingMail) -> None:
    """Text and HTML parts, the same [[...]] lines in both, highlighted in HTML."""
    msg = parse(mail)
    text, html = part(msg, "plain"), part(msg, "html")
    assert text is not None and html is not None
    for line in (ln for ln in text.splitlines() if ln.startswith("[[")):
        assert 'style="background-color:#fff3a0">' + line.replace("'", "&#39;").replace("&", "&amp;")[:20] in html


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
@pytest.mark.parametrize("kind", list(KINDS), ids=lambda k: k.value)
def test_every_kind_in_every_language(language: str, kind: FollowUpKind, update_golden: bool) -> None:
    voice = Voice(language, LOCALES[language], promise=PROMISE if kind is FollowUpKind.STATUS_CHECK else None)
    mail = draft(kind, KINDS[kind], voice, to=(JANE,) if kind is FollowUpKind.STATUS_CHECK else None)
    check_golden(f"{language}/{kind.value}", mail, update_golden)
    assert_one_shape(mail)


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_second_check_in_differs_and_refers_to_the_first(language: str, update_golden: bool) -> None:
    first = draft(FollowUpKind.STATUS_CHECK, AFTER_PROMISE, Voice(language, LOCALES[language], promise=PROMISE),
                  to=(JANE,))
    second = draft(FollowUpKind.STATUS_CHECK, SECOND_CHECK,
                   Voice(language, LOCALES[language], promise=PROMISE, earlier_check=AFTER_PROMISE.date()),
                   to=(JANE,), key="alex/evt1#status_check#2")
    check_golden(f"{language}/status_check_second", second, update_golden)
    assert len(second.body_text) < len(first.body_text)
    assert second.subject != first.subject
    assert "7" in second.body_text.split("\n\n")[1]  # "my note of 7 December", in its words


@pytest.mark.parametrize(("name", "promise"), [
    ("invitation", Promise(date(2026, 12, 4), "invitation", "a decision by Friday", None)),
    ("config", Promise(date(2026, 12, 4), "config")),
    ("assumed", None),
])
def test_status_check_cites_where_the_date_came_from(name: str, promise: Promise | None, update_golden: bool) -> None:
    for language in ("en", "de"):
        mail = draft(FollowUpKind.STATUS_CHECK, AFTER_PROMISE, Voice(language, LOCALES[language], promise=promise),
                     to=(JANE,))
        check_golden(f"{language}/status_check_{name}", mail, update_golden)


@pytest.mark.parametrize(("locale", "expected"), [
    ("en_GB", "Friday 4 December"), ("en_US", "Friday, December 4"),
])
def test_english_dates_follow_the_locale(locale: str, expected: str, update_golden: bool) -> None:
    mail = draft(FollowUpKind.STATUS_CHECK, AFTER_PROMISE, Voice("en", locale, promise=PROMISE), to=(JANE,))
    check_golden(f"en/status_check_{locale}", mail, update_golden)
    assert f"by {expected}." in mail.body_text
    later = draft(FollowUpKind.THANK_YOU, START + timedelta(days=3), Voice("en", locale))
    check_golden(f"en/thank_you_three_days_later_{locale}", later, update_golden)
    assert "on " + ("Tuesday 1 December" if locale == "en_GB" else "Tuesday, December 1") in later.body_text


HARD = {
    "title": (Person("jane.smith@corvidanalytics.com", "Dr. Jane Smith"),),
    "initials": (Person("hep@corvidanalytics.com", "H. E. Pennypacker"),),
    "last_first": (Person("jane.smith@corvidanalytics.com", "Smith, Jane"),),
    "no_display_name": (Person("newman@corvidanalytics.com"),),
    "non_ascii": (Person("sean@corvidanalytics.com", "Seán O'Brien"), Person("zoe@corvidanalytics.com", "Zoë Ångström")),
    "group_mailbox": (JANE, Person("interview-panel@corvidanalytics.com", "Interview Panel")),
    "group_mailbox_only": (Person("careers@corvidanalytics.com", "Corvid Careers"),),
    "title_and_surname": (Person("smith@corvidanalytics.com", "Dr. Smith"),),
}


@pytest.mark.parametrize("case", list(HARD))
@pytest.mark.parametrize("language", ["en", "de"])
def test_hard_greetings(case: str, language: str, update_golden: bool) -> None:
    people = HARD[case]
    mail = draft(FollowUpKind.THANK_YOU, SAME_DAY, Voice(language, LOCALES[language]), people=people)
    check_golden(f"{language}/greeting_{case}", mail, update_golden)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_one_to_five_interviewers(n: int, update_golden: bool) -> None:
    people = (JANE, DALE, SAM, ANN, BO)[:n]
    mail = draft(FollowUpKind.THANK_YOU, SAME_DAY, Voice("en", "en_GB"), people=people)
    check_golden(f"en/thank_you_{n}_interviewers", mail, update_golden)
    assert [p.email for p in mail.to] == [p.email for p in people]


def test_per_interviewer_notes_each_have_their_own_marked_line(update_golden: bool) -> None:
    people = (JANE, DALE, SAM)
    notes = [draft(FollowUpKind.THANK_YOU, SAME_DAY, Voice("en", "en_GB"), people=people, to=(p,),
                   key=f"alex/evt1#thank_you#{p.email}") for p in people]
    check_golden("en/thank_you_per_interviewer", notes[1], update_golden)
    assert len({n.body_text for n in notes}) == 3
    assert "[[ADD ONE DETAIL FROM YOUR CONVERSATION WITH Dale Simon," in notes[1].body_text


def test_signature_ends_text_and_html(update_golden: bool) -> None:
    voice = Voice("en", "en_GB", signature="Alex Morgan\nData Analyst\n+44 20 7946 0000")
    mail = draft(FollowUpKind.THANK_YOU, SAME_DAY, voice)
    check_golden("en/thank_you_signature", mail, update_golden)
    html = part(parse(mail), "html")
    assert mail.body_text.rstrip().endswith("+44 20 7946 0000")
    assert html is not None and "+44 20 7946 0000" in html
