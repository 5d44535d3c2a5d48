"""Months on a real account, end to end (real client, sandbox over loopback): Google on a bad day.

A message that vanished, a calendar that fails beside a working one, 403 rate limits and 500s
(injected with --fail-rate, and aimed at draft creation), a long Retry-After, and `run --once`'s
exit status when something due could not be drafted.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

from interview_bot.cli.commands import main
from interview_bot.errors import GoogleApiError
from interview_bot.google.retry import Retrier
from interview_bot.model import FollowUpStatus
from tests.runtime.faults import Faults
from tests.runtime.test_status_check_e2e import DEFAULT_DUE_H, interview_with_thank_you
from tests.world import ME, at, person

PRIYA = "Priya Patel <priya.patel@initech.com>"
TEAM = "team@group.calendar.google.com"


def no_sleep(attempts: int = 5, **kwargs: Any) -> Retrier:
    return Retrier(attempts=attempts, sleep=lambda _: None, **kwargs)


def served(world: Any) -> list[tuple[str, int]]:
    return [(r["method_id"], r["status"]) for r in world.sandbox.requests()]


# -- mail reading never stalls -------------------------------------------------------------------


def test_a_message_deleted_for_good_is_skipped_counted_and_the_sync_moves_on(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)  # the process is searched; Gmail's history position is taken
    world.mail(PRIYA, "Directions to our office", hours=-0.5, body="See you soon.")
    gone = world.mail("Shop <news@shop.example>", "Sale ends today", hours=-0.4)
    world.services.gmail.users().messages().delete(userId="me", id=gone["id"]).execute()  # emptied from the trash
    world.sandbox.clear_requests()
    report = world.run(hours=3)
    assert ("gmail.users.messages.get", 404) in served(world)
    assert report.messages_vanished == 1 and report.mail_error == ""
    assert len(report.drafted) == 1  # the thank-you is not held up
    assert [m.subject for m in world.state.mail()] == ["Directions to our office"]
    world.sandbox.clear_requests()
    again = world.run(hours=4)  # the history position moved past it: no 404 at every later sync
    assert again.messages_vanished == 0 and all(status == 200 for _, status in served(world))


def test_a_message_that_fails_for_a_while_is_read_at_the_next_sync(world: Any) -> None:
    world.retrier = no_sleep(attempts=2)
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)
    world.mail(PRIYA, "Directions to our office", hours=-0.5, body="See you soon.")
    faults = Faults(world.sandbox).add("GET", "/messages/[^/]+$", 503, times=2)  # both attempts of one read
    world.run(hours=-0.2)
    assert faults.hits and world.state.mail() == []
    world.run(hours=-0.1)  # Gmail's history has nothing new, but the message is read now
    assert [m.subject for m in world.state.mail()] == ["Directions to our office"]


# -- a calendar that fails -------------------------------------------------------------------------


def test_a_failing_calendar_is_reported_hourly_and_the_rest_goes_on(make_world: Any, caplog: Any) -> None:
    world = make_world(f"calendars: [primary, {TEAM}]\n")
    world.sandbox.calendar.add_calendar(TEAM, "Team")
    confirm = world.mail(PRIYA, "Interview confirmation: Data Analyst at Initech", hours=-48,
                         message_id="<confirm-1@initech.com>")
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-1)
    with world.sandbox.lock:
        del world.sandbox.calendar.calendars[TEAM]  # deleted, or no longer shared: 404
    engine = world.engine()  # one engine across syncs, as the daemon keeps it
    caplog.set_level(logging.DEBUG, logger="interview_bot")
    world.clock.set(at(3))
    report = engine.run_once()
    ((calendar_id, why),) = report.calendar_errors
    assert calendar_id == TEAM and "404" in why
    ((fu, subject, _),) = report.drafted  # drafted all the same, in the recruiter's thread
    assert fu.thread_id == confirm["threadId"] and subject.startswith("Re: Interview confirmation")
    world.clock.set(at(3.5))
    assert engine.run_once().calendar_errors  # still failing...
    world.clock.set(at(4.1))
    engine.run_once()
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and TEAM in r.getMessage()]
    assert len(warned) == 2  # ...but said at 3:00 and again an hour later, not at every poll
    assert "calendars:" in warned[0].getMessage()  # with the fix


def test_a_calendar_no_longer_shared_is_a_403_with_its_fix_and_mail_goes_on(make_world: Any) -> None:
    world = make_world(f"calendars: [primary, {TEAM}]\n")
    world.sandbox.calendar.add_calendar(TEAM, "Team")
    Faults(world.sandbox).add("GET", "/calendars/team%40group.calendar.google.com/events$", 403, "forbidden",
                              times=-1)
    world.invite("Interview: Data Analyst - Initech", 0)
    report = world.run(hours=3)
    assert [c for c, _ in report.calendar_errors] == [TEAM] and "403" in report.calendar_errors[0][1]
    assert len(report.drafted) == 1 and report.mail_error == ""


def test_a_thank_you_waits_for_the_company_mail_rather_than_start_a_new_thread(world: Any) -> None:
    world.retrier = no_sleep(attempts=2)
    confirm = world.mail(PRIYA, "Interview confirmation: Data Analyst at Initech", hours=-48,
                         message_id="<confirm-1@initech.com>")
    world.invite("Interview: Data Analyst - Initech", 0)
    faults = Faults(world.sandbox).add("GET", "/messages$", 503, times=-1)  # Gmail's search is down
    report = world.run(hours=3)
    assert report.drafted == [] and report.failed and world.drafts() == {}
    faults.clear()
    ((fu, _, _),) = world.run(hours=4).drafted
    assert fu.thread_id == confirm["threadId"]


def test_a_thank_you_waits_for_the_company_mail_only_so_long_then_is_drafted_in_its_own_thread(
        world: Any, caplog: pytest.LogCaptureFixture) -> None:
    # When unsure, draft: a search that keeps failing must not cost the user their thank-you.
    world.retrier = no_sleep(attempts=2)
    world.invite("Interview: Data Analyst - Initech", 0)
    Faults(world.sandbox).add("GET", "/messages$", 503, times=-1)  # this company's search never works
    world.run(hours=-1)  # watching from before it falls due: no draft of it can be in Gmail already
    assert world.run(hours=3).drafted == []
    assert world.run(hours=8).drafted == []  # due at 3 h, so 5 h late: still waiting for the thread
    with caplog.at_level(logging.WARNING):
        ((fu, _, _),) = world.run(hours=9.5).drafted
    assert fu.thread_id and "drafting it in a new thread" in caplog.text
    assert len(world.drafts()) == 1


def test_a_check_in_waits_for_gmail_to_be_read_only_so_long_then_is_drafted(
        world: Any, caplog: pytest.LogCaptureFixture) -> None:
    world.retrier = no_sleep(attempts=2)
    interview_with_thank_you(world)
    Faults(world.sandbox).add("GET", "/history$", 503, times=-1)  # Gmail's history cannot be read any more
    report = world.run(hours=DEFAULT_DUE_H)
    assert report.drafted == [] and report.failed  # it might have been answered: it waits, for a while
    with caplog.at_level(logging.WARNING):
        report = world.run(hours=DEFAULT_DUE_H + 7)
    assert [fu.kind.value for fu, _, _ in report.drafted] == ["status_check"]
    assert "drafting it all the same" in caplog.text


def test_run_once_exits_3_with_one_line_saying_what_failed(make_world: Any, capsys: Any) -> None:
    world = make_world(f"calendars: [primary, {TEAM}]\n")
    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Phone Screen: Globex <> Alex Morgan", 0.5, organizer={"email": "sam.lee@globex.com"},
                 attendees=[person("sam.lee@globex.com", "Sam Lee", organizer=True), person(ME)])
    Faults(world.sandbox).add("POST", "/drafts$", 400, "invalidArgument", times=1)
    code = main(["--config", str(world.config_path), "run", "--once", "--at", at(4).isoformat()])
    out, err = capsys.readouterr()
    assert code == 3
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "1 follow-up due could not be drafted" in lines[0]
    assert f"calendar {TEAM}" in lines[0] and "the thank-you note for Initech" in lines[0]
    assert "drafted the thank-you note for Globex" in out  # the other one was made
    capsys.readouterr()
    world.sandbox.calendar.add_calendar(TEAM, "Team")
    assert main(["--config", str(world.config_path), "run", "--once", "--at", at(5).isoformat()]) == 0


# -- 403 rate limits and 500s ------------------------------------------------------------------------


def test_under_injected_403s_and_500s_every_follow_up_is_drafted_exactly_once(make_world: Any) -> None:
    world = make_world(seed=4)
    world.retrier = no_sleep(attempts=4)
    for n in range(6):
        domain = f"company{n}.com"
        world.invite(f"Interview: Engineer - Company{n}", n * 0.2, organizer={"email": f"ann@{domain}"},
                     attendees=[person(f"ann@{domain}", f"Ann {n}", organizer=True), person(ME)])
    world.sandbox.fail_rate = 0.3  # from here on, as `interview-bot sandbox --fail-rate 0.3`
    for hours in (3, 4, 5, 6, 8, 12, 24, 30):
        world.restart()
        try:
            world.run(hours=hours)
        except GoogleApiError:
            pass  # run --once would print it; the next run carries on
    keys = [str(d["X-Interview-Bot-Key"]) for d in world.drafts().values()]
    assert len(keys) == 6 and len(set(keys)) == 6
    assert {fu.status for fu in world.thank_yous()} == {FollowUpStatus.DRAFTED}
    statuses = {r["status"] for r in world.sandbox.requests()}
    assert {403, 500} <= statuses  # Google's 403 usageLimits and 500 backendError did happen


def test_a_draft_refused_with_a_403_rate_limit_is_made_in_place(world: Any) -> None:
    world.retrier = no_sleep()
    faults = Faults(world.sandbox).add("POST", "/drafts$", 403, "rateLimitExceeded", domain="usageLimits")
    world.invite("Interview: Data Analyst - Initech", 0)
    report = world.run(hours=3)
    assert len(faults.hits) == 1 and len(report.drafted) == 1 and len(world.drafts()) == 1


@pytest.mark.parametrize("made", [False, True], ids=["nothing-made", "made-anyway"])
def test_a_draft_answered_with_500_is_looked_up_and_made_within_the_same_sync(world: Any, made: bool) -> None:
    world.retrier = no_sleep()
    faults = Faults(world.sandbox).add("POST", "/drafts$", 500, after=made)
    world.invite("Interview: Data Analyst - Initech", 0)
    report = world.run(hours=3)
    assert len(faults.hits) == 1 and report.failed == []
    (draft_id,) = world.drafts()  # exactly one, whether or not Google had made it
    (fu,) = world.thank_yous()
    assert fu.status is FollowUpStatus.DRAFTED and fu.draft_id == draft_id
    assert (len(report.drafted), len(report.found)) == ((0, 1) if made else (1, 0))


def test_a_retry_after_longer_than_the_poll_interval_is_honoured(world: Any) -> None:
    monotonic = [1000.0]
    world.retrier = no_sleep(attempts=3, max_delay=32.0, clock=lambda: monotonic[0])
    world.invite("Interview: Data Analyst - Initech", 0)
    Faults(world.sandbox).add("GET", "/events$", 429, "rateLimitExceeded", domain="usageLimits",
                              headers={"Retry-After": "600"})
    engine = world.engine()  # the daemon keeps one engine, and one retrier, across polls
    world.clock.set(at(-2))
    first = engine.run_once()
    assert first.calendar_errors and first.mail_error == ""  # Gmail is read all the same
    monotonic[0] += 300  # the next poll, 5 minutes on: Calendar is not asked at all
    world.sandbox.clear_requests()
    world.clock.set(at(-2 + 1 / 12))
    report = engine.run_once()
    assert "calendar.events.list" not in {m for m, _ in served(world)}
    assert "gmail.users.history.list" in {m for m, _ in served(world)}
    assert "wait" in report.calendar_errors[0][1]
    monotonic[0] += 300  # the poll after: Google's ten minutes have passed
    world.sandbox.clear_requests()
    report = engine.run_once()
    assert report.calendar_errors == [] and ("calendar.events.list", 200) in served(world)
    assert [iv.title for iv in world.state.interviews()] == ["Interview: Data Analyst - Initech"]


# -- a drafted check-in, sent, then answered -------------------------------------------------------


def test_a_check_in_sent_before_the_answer_costs_no_request_at_later_syncs(world: Any) -> None:
    interview_with_thank_you(world)
    report = world.run(hours=DEFAULT_DUE_H)
    ((check, _, _),) = [d for d in report.drafted if d[0].kind.value == "status_check"]
    world.services.gmail.users().drafts().send(userId="me", body={"id": check.draft_id}).execute()
    world.mail(PRIYA, "Re: Interview", hours=DEFAULT_DUE_H + 1,
               body="Thank you for your patience. We have decided to move forward with other candidates.")
    world.run(hours=DEFAULT_DUE_H + 2)  # the answer came after the check-in was sent: nothing to withdraw
    (fu,) = [f for f in world.state.follow_ups() if f.key == check.key]
    assert fu.status is FollowUpStatus.SENT and fu.cause is None
    for hours in (3, 4, 5):
        world.sandbox.clear_requests()
        world.run(hours=DEFAULT_DUE_H + hours)
        assert sorted(m for m, _ in served(world)) == ["calendar.events.list", "gmail.users.history.list"]
