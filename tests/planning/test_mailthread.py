"""Choosing the thread a follow-up replies into: pure functions over message metadata."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from interview_bot.model import Interview, MailMessage, Person
from interview_bot.planning.mailthread import choose_thread, company_query, reply_point
from interview_bot.reading.detect import DEFAULT_RULES

START = datetime(2026, 12, 1, 9, tzinfo=timezone.utc)
IV = Interview(id="primary/e1", calendar_id="primary", event_id="e1", title="Interview: Data Analyst - Initech",
               company="Initech", role="Data Analyst", start=START, end=START + timedelta(hours=1),
               time_zone="UTC", interviewers=(Person("jane@initech.com", "Jane"), Person("dale.simon@gmail.com")),
               organizer=Person("priya@initech.com"), company_domains=("initech.com",))


def msg(n: int, subject: str, sender: str, days_before: float, labels: tuple[str, ...] = ("INBOX",),
        thread: str = "t1", refs: str = "") -> MailMessage:
    return MailMessage(id=f"m{n}", thread_id=thread, message_id=f"<m{n}@x>", subject=subject,
                       sender=Person(sender), date=START - timedelta(days=days_before), label_ids=labels,
                       references=refs)


def test_query_is_narrow_and_carries_no_stranger_text() -> None:
    q = company_query(IV, frozenset({"me@gmail.com"}))
    assert q == f"{{from:initech.com from:dale.simon@gmail.com}} after:{int((START - timedelta(days=60)).timestamp())}"
    evil = Interview(**{**IV.__dict__, "company_domains": ("initech.com} OR {in:anywhere",),
                        "interviewers": (Person("x@y.com OR from:z"),), "organizer": None})
    assert company_query(evil, frozenset()) == ""


def test_the_relevant_subject_wins_over_the_newest_and_robots_and_drafts_are_ignored() -> None:
    candidates = [
        msg(1, "Lunch order", "priya@initech.com", 1, thread="t-lunch"),
        msg(2, "Interview confirmation: Data Analyst", "priya@initech.com", 3, thread="t-confirm"),
        msg(3, "Your Data Analyst interview", "no-reply@initech.com", 0.5, thread="t-robot"),
        msg(4, "Re: Data Analyst interview", "me@gmail.com", 0.2, labels=("DRAFT",), thread="t-draft"),
    ]
    best = choose_thread(IV, candidates, DEFAULT_RULES)
    assert best is not None and best.thread_id == "t-confirm"
    assert choose_thread(IV, [], DEFAULT_RULES) is None


def test_reply_point_answers_the_last_real_message_and_extends_references() -> None:
    thread = [
        msg(1, "Interview confirmation", "priya@initech.com", 3),
        msg(2, "Re: Interview confirmation", "me@gmail.com", 2, refs="<m1@x>"),
        msg(3, "Re: Interview confirmation", "me@gmail.com", 1, labels=("DRAFT",), refs="<m1@x> <m2@x>"),
    ]
    ref = reply_point(thread)
    assert ref is not None
    assert (ref.thread_id, ref.message_id, ref.references, ref.subject) == (
        "t1", "<m2@x>", "<m1@x>", "Interview confirmation")


def test_hiring_systems_and_the_agency_are_searched_only_with_the_company_named() -> None:
    iv = Interview(**{**IV.__dict__, "company": "Vandelay Industries, Inc.", "company_domains": ("vandelay.com",),
                      "agents": (Person("nina@hays.com"),), "interviewers": (), "organizer": None})
    q = company_query(iv, frozenset(), ("greenhouse-mail.io", "myworkday.com", "bad domain"))
    after = int((START - timedelta(days=60)).timestamp())
    assert q == ("{from:vandelay.com from:nina@hays.com ({from:greenhouse-mail.io from:myworkday.com from:hays.com} "
                 f'{{"vandelay industries" vandelayindustries vandelay}} after:{int(START.timestamp())})}} after:{after}')
    # A stranger's company name stays words inside quotes: it cannot widen the search.
    sneaky = Interview(**{**iv.__dict__, "company": 'Initech" OR in:anywhere {from:x}'})
    q = company_query(sneaky, frozenset(), ("greenhouse-mail.io",))
    assert '{"initech or in anywhere from x" initechorinanywherefromx vandelay}' in q and "in:anywhere" not in q
