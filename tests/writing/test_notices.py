"""What a notification says: pure functions, tested with tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interview_bot.model import FollowUp, FollowUpKind, Interview, Person
from interview_bot.writing.notices import Waiting, age, day_time, digest, draft_url, every, new_draft

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(("seconds", "words"), [
    (300, "every 5 minutes"), (60, "every minute"), (90, "every 90 seconds"), (3600, "every hour"),
    (7200, "every 2 hours"), (86400, "every day"), (30, "every 30 seconds"),
])
def test_every(seconds: int, words: str) -> None:
    assert every(timedelta(seconds=seconds)) == words


@pytest.mark.parametrize(("delta", "words"), [
    (timedelta(seconds=30), "just now"), (timedelta(minutes=45), "45 minutes"), (timedelta(hours=1), "1 hour"),
    (timedelta(hours=20), "20 hours"), (timedelta(days=3, hours=5), "3 days"), (timedelta(seconds=-5), "just now"),
])
def test_age(delta: timedelta, words: str) -> None:
    assert age(delta) == words


def test_day_time_is_the_users_wall_time_and_drops_the_day_when_it_is_today() -> None:
    summer = datetime(2026, 6, 3, 8, 30, tzinfo=UTC)  # 09:30 BST
    assert day_time(summer, LONDON) == "Wed 3 Jun 09:30"
    assert day_time(NOW, LONDON, now=NOW - timedelta(hours=3)) == "16:00"
    assert day_time(NOW, ZoneInfo("America/New_York")) == "Tue 1 Dec 11:00"


def test_draft_url_uses_the_message_id_and_quotes_what_it_must() -> None:
    assert draft_url("alex.morgan@gmail.com", "18c3f5a1") == \
        "https://mail.google.com/mail/?authuser=alex.morgan@gmail.com#drafts?compose=18c3f5a1"
    assert draft_url("a+b@x.com", "id/../x") == "https://mail.google.com/mail/?authuser=a%2Bb@x.com#drafts?compose=id%2F..%2Fx"
    assert draft_url("", "abc") == "https://mail.google.com/mail/#drafts?compose=abc"
    assert draft_url("a@x.com", "") == ""


def interview(company: str = "Initech", names: tuple[str, ...] = ("Priya Shah",)) -> Interview:
    start = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    return Interview(id="primary/e1", calendar_id="primary", event_id="e1", title=f"Interview - {company}",
                     company=company, role="", start=start, end=start + timedelta(hours=1), time_zone="Europe/London",
                     interviewers=tuple(Person(f"p{n}@initech.com", name) for n, name in enumerate(names)))


def follow_up(kind: FollowUpKind) -> FollowUp:
    return FollowUp(key=f"primary/e1#{kind.value}", interview_id="primary/e1", kind=kind, due=NOW,
                    recipients=(Person("p0@initech.com", "Priya Shah"),))


@pytest.mark.parametrize(("kind", "decision", "answered", "title", "why"), [
    (FollowUpKind.THANK_YOU, None, None, "Thank-you to Initech is ready", "Your interview with Priya Shah ended at 15:00."),
    (FollowUpKind.STATUS_CHECK, date(2026, 12, 4), None, "Status check to Initech is ready",
     "They promised a decision by Fri 4 Dec; nothing since."),
    (FollowUpKind.STATUS_CHECK, None, None, "Status check to Initech is ready", "No decision yet, and no date was promised"),
    (FollowUpKind.FEEDBACK_REQUEST, None, datetime(2026, 11, 30, 10, tzinfo=UTC), "Feedback request to Initech is ready",
     "They said no on Mon 30 Nov"),
    (FollowUpKind.KEEP_IN_TOUCH, None, NOW - timedelta(days=42), "Keep-in-touch note to Initech is ready",
     "They said no 42 days ago"),
])
def test_new_draft(kind: FollowUpKind, decision: date | None, answered: datetime | None, title: str, why: str) -> None:
    link = "https://mail.google.com/mail/?authuser=a@x.com#drafts?compose=m1"
    notice = new_draft(follow_up(kind), interview(), link, LONDON, NOW, decision, answered)
    assert notice.title == title
    assert notice.body.startswith(why)
    assert notice.text().splitlines()[-1] == link


def test_names_from_outside_are_one_line_and_bounded() -> None:
    iv = interview(company="Evil\r\nBcc: x@y.com " + "A" * 200, names=("Priya\nShah",))
    notice = new_draft(follow_up(FollowUpKind.THANK_YOU), iv, "", LONDON, NOW)
    assert "\r" not in notice.title and "\n" not in notice.title and len(notice.title) < 100
    assert "Priya Shah" in notice.body and "Review it in Gmail's Drafts" in notice.body


def test_the_digest_is_none_when_nothing_waits_and_lists_each_draft_with_its_link() -> None:
    assert digest([], [], NOW, LONDON) is None
    waiting = [Waiting(FollowUpKind.THANK_YOU, "Initech", NOW - timedelta(days=2), "https://mail.google.com/x"),
               Waiting(FollowUpKind.STATUS_CHECK, "Globex", NOW - timedelta(hours=3), "")]
    notice = digest(waiting, [], NOW, LONDON)
    assert notice is not None and notice.title == "2 drafts waiting to be sent"
    assert notice.body.splitlines() == ["- thank-you note to Initech, made 2 days ago", "  https://mail.google.com/x",
                                        "- status check to Globex, made 3 hours ago"]
