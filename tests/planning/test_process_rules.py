"""The process planner on its own: one row per rule of the README's "Decision dates and replies"
and "How it reads replies" sections. Each row is a situation (the company's mail as the bot read
it, what is already planned, the dates set) and what the planner should then want.

The interview: Tuesday 1 December 2026, 10:00-11:00 London time, with Initech; the config's
defaults (decision 5 business days after the interview, check-in 1 business day after the
date at 09:30, at most 2, 5 business days apart; feedback request 1 business day after a
rejection at 09:30; keep-in-touch off unless a row turns it on), country GB.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from interview_bot.config.durations import parse_duration
from interview_bot.model import (
    Cause,
    CompanyMail,
    Decision,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    Person,
    Stage,
)
from interview_bot.planning.process import (
    CheckPolicy,
    LaterPolicy,
    Policies,
    ProcessPlan,
    ProcessView,
    plan_process,
    stage_words,
)
from interview_bot.reading.incoming import DECISIVE, ReplyKind
from interview_bot.reading.read import SURE

LONDON = ZoneInfo("Europe/London")
ME = "alex@example.com"
JANE = Person("jane.roe@initech.com", "Jane Roe")  # the interviewer
PRIYA = Person("priya@initech.com", "Priya Patel")  # the recruiter, who organised it
ROBOT = Person("no-reply@initech.com")


def local(day: int, hour: int = 9, minute: int = 30, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LONDON)


IV = Interview(id="primary/e1", calendar_id="primary", event_id="e1", title="Interview: Analyst - Initech",
               company="Initech", role="Analyst", start=local(1, 10, 0), end=local(1, 11, 0),
               time_zone="Europe/London", interviewers=(JANE,), organizer=PRIYA, company_domains=("initech.com",))
CHECK_1 = f"{IV.id}#status_check#1"
FEEDBACK = f"{IV.id}#feedback_request"
KEEP = f"{IV.id}#keep_in_touch"


def policies(**check: Any) -> Policies:
    keep_on = check.pop("keep_in_touch", False)
    return Policies(
        check=CheckPolicy(enabled=check.pop("enabled", True), default_wait=parse_duration("5 business days"),
                          grace=parse_duration("1 business day"), at=time(9, 30), max=check.pop("max", 2),
                          repeat_every=parse_duration("5 business days"),
                          withdraw_stale=check.pop("withdraw_stale", True)),
        feedback=LaterPolicy(True, parse_duration("1 business day"), time(9, 30)),
        keep_in_touch=LaterPolicy(keep_on, parse_duration("6 weeks"), time(9, 30)),
        tz=LONDON, country="GB",
    )


def mail(when: datetime, kind: str, sender: Person = PRIYA, **read: Any) -> CompanyMail:
    """A message as the reader left it; is_answer as the reader judges it (sure, decisive, trusted)."""
    n = read.pop("n", 0) or int(when.timestamp())
    reply = ReplyKind(kind)
    sure = reply in DECISIVE and read.get("confidence", 1.0) >= SURE and not read.get("trust")
    return CompanyMail(id=f"m{n}", thread_id=f"t{n}", message_id=f"<m{n}@initech.com>", references="",
                       subject=read.pop("subject", "Re: Interview"), sender=sender, date=when,
                       process="initech.com", is_reply=when >= IV.start, kind=reply, is_answer=sure, **read)


def check(status: FollowUpStatus = FollowUpStatus.SCHEDULED, n: int = 1, **changes: Any) -> FollowUp:
    fu = FollowUp(f"{IV.id}#status_check#{n}", IV.id, FollowUpKind.STATUS_CHECK, local(9), (PRIYA,), status)
    return replace(fu, **changes)


@dataclass
class Situation:
    mail: list[CompanyMail] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    decisions: dict[str, Decision] = field(default_factory=dict)
    rounds: list[Interview] = field(default_factory=lambda: [IV])
    now: datetime = datetime(2026, 12, 2, 12, tzinfo=LONDON)
    watching_since: datetime | None = datetime(2026, 12, 1, 8, tzinfo=LONDON)
    policy: dict[str, Any] = field(default_factory=dict)
    drafted_at: dict[str, datetime] = field(default_factory=dict)


def plan(s: Situation) -> ProcessPlan:
    view = ProcessView("initech.com", tuple(s.rounds), tuple(s.mail), tuple(s.follow_ups), dict(s.decisions),
                       s.watching_since, drafted_at=dict(s.drafted_at))
    return plan_process(view, s.now, policies(**s.policy), lambda e: e.startswith("no-reply@"), frozenset({ME}))


def wanted(p: ProcessPlan, key: str) -> FollowUp | None:
    return next((f for f in p.changes if f.key == key), None)


# -- Decision dates and replies -------------------------------------------------------------------

# (rule, situation, decision (source, date), the first check-in's due time)
DATES = [
    ("no promise: the default wait (5 business days), then 1 business day's grace, at 09:30",
     Situation(), ("default", date(2026, 12, 8)), local(9)),
    ("a date you set comes first", Situation(decisions={"you": Decision(date(2026, 12, 11), "you")},
                                             mail=[mail(local(3), "holding", promise_by=date(2026, 12, 16))]),
     ("you", date(2026, 12, 11)), local(14)),  # Friday's grace ends Monday: weekends skipped
    ("then the config's date", Situation(decisions={"config": Decision(date(2026, 12, 10), "config")},
                                         mail=[mail(local(3), "holding", promise_by=date(2026, 12, 16))]),
     ("config", date(2026, 12, 10)), local(11)),
    ("then the company's promise in an email that did not answer",
     Situation(mail=[mail(local(3), "holding", promise_by=date(2026, 12, 16), promise_phrase="by the 16th")],
               decisions={"invitation": Decision(date(2026, 12, 4), "invitation")}),
     ("email", date(2026, 12, 16)), local(17)),
    ("a later promise replaces an earlier one, even an earlier date",
     Situation(mail=[mail(local(3), "holding", promise_by=date(2026, 12, 16), n=1),
                     mail(local(7), "holding", promise_by=date(2026, 12, 10), n=2)]),
     ("email", date(2026, 12, 10)), local(11)),
    ("an acknowledgement that says when they will answer moves the date too",
     Situation(mail=[mail(local(2), "acknowledgement", promise_by=date(2026, 12, 15))]),
     ("email", date(2026, 12, 15)), local(16)),
    ("then the invitation's promise", Situation(decisions={"invitation": Decision(date(2026, 12, 10), "invitation")}),
     ("invitation", date(2026, 12, 10)), local(11)),
    ("the grace skips the public holidays of the country (Christmas, Boxing Day's substitute)",
     Situation(decisions={"you": Decision(date(2026, 12, 24), "you")}), ("you", date(2026, 12, 24)), local(29)),
]


@pytest.mark.parametrize(("rule", "situation", "decision", "due"), DATES, ids=[r[0] for r in DATES])
def test_decision_date_and_check_in(rule: str, situation: Situation, decision: tuple[str, date],
                                    due: datetime) -> None:
    p = plan(situation)
    assert p.decision is not None and (p.decision.source, p.decision.by) == decision
    fu = wanted(p, CHECK_1)
    assert fu is not None and fu.status is FollowUpStatus.SCHEDULED and fu.due == due
    assert fu.recipients == (PRIYA,)  # the organizer: nobody at the company has written yet


def test_no_check_in_while_another_round_is_ahead_and_each_round_restarts_the_wait() -> None:
    second = replace(IV, id="primary/e2", event_id="e2", start=local(10, 14, 0), end=local(10, 15, 0))
    p = plan(Situation(rounds=[IV, second], follow_ups=[check()], now=local(4, 12, 0)))
    assert p.stage is Stage.INTERVIEW_AHEAD
    first_round = wanted(p, CHECK_1)
    assert first_round is not None and first_round.status is FollowUpStatus.CANCELLED
    assert first_round.cause is Cause.LATER_ROUND
    (new,) = [f for f in p.changes if f.interview_id == second.id]
    assert new.due == local(18)  # 5 business days after the second round, then 1 more


def test_a_round_cancelled_again_brings_back_the_check_in_it_gave_way_to() -> None:
    gave_way = check(FollowUpStatus.CANCELLED, cause=Cause.LATER_ROUND)
    back = wanted(plan(Situation(follow_ups=[gave_way])), CHECK_1)
    assert back is not None and back.status is FollowUpStatus.SCHEDULED and back.cause is None


def test_every_round_cancelled_cancels_the_check_in_and_it_comes_back_with_a_round() -> None:
    p = plan(Situation(rounds=[replace(IV, status=InterviewStatus.CANCELLED)], follow_ups=[check()]))
    assert p.stage is Stage.CANCELLED
    (cancelled,) = p.changes
    assert cancelled.status is FollowUpStatus.CANCELLED and cancelled.cause is Cause.ALL_ROUNDS_CANCELLED
    back = wanted(plan(Situation(follow_ups=[cancelled])), CHECK_1)
    assert back is not None and back.status is FollowUpStatus.SCHEDULED


# -- How it reads replies ---------------------------------------------------------------------------

# (rule, the company's mail, stage, the check-in wanted: status or None for no change, cause, NOTE?)
REPLIES = [
    ("a sure rejection answers: no check-in", [mail(local(3), "rejection", confidence=0.9)],
     Stage.REJECTED, FollowUpStatus.CANCELLED, Cause.COMPANY_ANSWERED, False),
    ("an offer answers", [mail(local(3), "offer", confidence=0.9)],
     Stage.OFFER, FollowUpStatus.CANCELLED, Cause.COMPANY_ANSWERED, False),
    ("an invitation to another round answers", [mail(local(3), "next_steps", confidence=0.9)],
     Stage.NEXT_ROUND, FollowUpStatus.CANCELLED, Cause.COMPANY_ANSWERED, False),
    ("a holding message without a date before the date: the date stands, the check-in carries a NOTE",
     [mail(local(3), "holding", phrase="we are still interviewing")],
     Stage.WAITING, FollowUpStatus.SCHEDULED, None, True),
    ("an acknowledgement before the date: the check-in carries a NOTE", [mail(local(3), "acknowledgement")],
     Stage.WAITING, FollowUpStatus.SCHEDULED, None, True),
    ("anything read as other before the date: a NOTE", [mail(local(3), "other", phrase="thanks for your note")],
     Stage.WAITING, FollowUpStatus.SCHEDULED, None, True),
    ("a rejection read without confidence does not answer: a NOTE",
     [mail(local(3), "rejection", confidence=0.5)], Stage.WAITING, FollowUpStatus.SCHEDULED, None, True),
    ("any message from a person after the date has passed answers", [mail(local(9, 8), "other")],
     Stage.WAITING, FollowUpStatus.CANCELLED, Cause.COMPANY_ANSWERED, False),
    ("an auto-reply never answers, even after the date", [mail(local(9, 8), "auto_reply")],
     Stage.WAITING, FollowUpStatus.SCHEDULED, None, False),
    ("a calendar notification never answers", [mail(local(9, 8), "notification")],
     Stage.WAITING, FollowUpStatus.SCHEDULED, None, False),
    ("mass mail that says nothing decisive never answers (read as an auto-reply by its Precedence)",
     [mail(local(9, 8), "auto_reply", rule="header:precedence")], Stage.WAITING, FollowUpStatus.SCHEDULED,
     None, False),
    ("untrusted mail (Spam, DMARC failed) stops nothing, even a sure rejection",
     [mail(local(3), "rejection", confidence=0.95, trust="in Spam")], Stage.WAITING, FollowUpStatus.SCHEDULED,
     None, False),
]


@pytest.mark.parametrize(("rule", "messages", "stage", "status", "cause", "note"), REPLIES,
                         ids=[r[0] for r in REPLIES])
def test_how_replies_are_read(rule: str, messages: list[CompanyMail], stage: Stage, status: FollowUpStatus,
                              cause: Cause | None, note: bool) -> None:
    now = local(9, 9, 0)
    p = plan(Situation(mail=messages, follow_ups=[check(note="")], now=now))
    assert p.stage is stage
    fu = wanted(p, CHECK_1) or check()
    assert (fu.status, fu.cause) == (status, cause)
    if note:
        assert fu.note.startswith("Initech wrote on 3 Dec") and "delete this draft if that answered you" in fu.note


def test_mass_mail_never_answers_but_its_promise_moves_the_date() -> None:
    # Hiring systems send their "you'll hear from us by the 16th" as bulk mail: no person wrote it,
    # yet the date it promises is the company's.
    bulk = mail(local(3), "auto_reply", rule="header:precedence", promise_by=date(2026, 12, 16))
    p = plan(Situation(mail=[bulk]))
    assert p.decision is not None and (p.decision.source, p.decision.by) == ("email", date(2026, 12, 16))
    fu = wanted(p, CHECK_1)
    assert fu is not None and fu.due == local(17)
    robot = mail(local(3), "auto_reply", rule="en:auto_reply", promise_by=date(2026, 12, 16))
    p = plan(Situation(mail=[robot]))
    assert p.decision is not None and p.decision.source == "default"  # an out-of-office's dates are not a promise


def test_silence_means_no_sets_the_date_then_probably_closed_with_one_check_in() -> None:
    said = mail(local(2), "holding", promise_by=date(2026, 12, 15), silence=True,
                promise_phrase="if you don't hear from us within two weeks")
    p = plan(Situation(mail=[said], now=local(16, 12, 0)))
    assert p.decision is not None and p.decision.by == date(2026, 12, 15) and p.silence == said
    assert p.stage is Stage.PROBABLY_CLOSED
    assert stage_words(p, LONDON) == "probably closed (silence means no, per their email of 2 Dec)"
    fu = wanted(p, CHECK_1)
    assert fu is not None and fu.due == local(16) and "no news by 15 Dec means no" in fu.note
    again = plan(Situation(mail=[said], now=local(30, 12, 0),
                           follow_ups=[replace(fu, status=FollowUpStatus.DRAFTED, draft_id="r1")]))
    assert [f for f in again.changes if f.kind is FollowUpKind.STATUS_CHECK] == []  # one check-in, no more


def test_a_bounced_address_is_written_to_no_more() -> None:
    bounce = mail(local(3), "bounce", sender=Person("mailer-daemon@initech.com"), bounced=("priya@initech.com",))
    fu = wanted(plan(Situation(mail=[bounce])), CHECK_1)
    assert fu is not None and fu.recipients == (JANE,)  # not the organizer whose address bounced


def test_nobody_to_write_to_is_skipped_and_says_so() -> None:
    robot_only = replace(IV, organizer=ROBOT, interviewers=(Person(ME),))
    fu = wanted(plan(Situation(rounds=[robot_only])), f"{IV.id}#status_check#1")
    assert fu is not None and fu.status is FollowUpStatus.SKIPPED and fu.cause is Cause.NOBODY_TO_WRITE_TO
    assert fu.reason == "nobody at the company to write to"


def test_long_before_the_bot_started_watching_is_skipped_too_late() -> None:
    fu = wanted(plan(Situation(now=local(20, 12, 0), watching_since=local(20, 8, 0))), CHECK_1)
    assert fu is not None and fu.status is FollowUpStatus.SKIPPED and fu.cause is Cause.TOO_LATE
    recent = wanted(plan(Situation(now=local(11, 12, 0), watching_since=local(11, 8, 0))), CHECK_1)
    assert recent is not None and recent.status is FollowUpStatus.SCHEDULED  # 2 days late: still drafted


def test_repeats_up_to_the_maximum_spaced_in_business_days() -> None:
    first = check(FollowUpStatus.DRAFTED, draft_id="r1")
    second = wanted(plan(Situation(follow_ups=[first], now=local(10, 12, 0))), f"{IV.id}#status_check#2")
    assert second is not None and second.due == local(16)
    done = replace(check(FollowUpStatus.DRAFTED, n=2, draft_id="r2"), due=local(16))
    assert plan(Situation(follow_ups=[first, done], now=local(17, 12, 0))).changes == []  # max 2


# (when check-in #1 was really drafted, the sync's now, #2's due): a repeat counts from the draft
# the bot really made, not from #1's planned due (after an outage, #1 is drafted late at wake).
REPEATS = [
    ("drafted on time: 5 business days after its due", local(9), local(10, 12, 0), local(16)),
    ("drafted at wake after 20 days stopped: 5 business days after that", local(29, 12, 0), local(29, 12, 5),
     datetime(2027, 1, 6, 9, 30, tzinfo=LONDON)),  # Fri 1 Jan is a bank holiday in England
    ("no record of when it was drafted (lost state): its planned due", None, local(10, 12, 0), local(16)),
]


@pytest.mark.parametrize(("case", "drafted", "now", "due"), REPEATS, ids=[r[0] for r in REPEATS])
def test_a_repeat_comes_repeat_every_after_the_previous_check_in_was_really_drafted(
        case: str, drafted: datetime | None, now: datetime, due: datetime) -> None:
    first = check(FollowUpStatus.DRAFTED, draft_id="r1")
    at = {first.key: drafted} if drafted else {}
    second = wanted(plan(Situation(follow_ups=[first], now=now, drafted_at=at)), f"{IV.id}#status_check#2")
    assert second is not None and second.status is FollowUpStatus.SCHEDULED and second.due == due


def test_status_checks_turned_off_cancel_the_scheduled_one() -> None:
    (fu,) = plan(Situation(follow_ups=[check()], policy={"enabled": False})).changes
    assert fu.status is FollowUpStatus.CANCELLED and fu.cause is Cause.TURNED_OFF
    assert fu.reason == "status checks are turned off in config"


def test_status_checks_turned_on_again_bring_it_back() -> None:
    (off,) = plan(Situation(follow_ups=[check()], policy={"enabled": False})).changes
    (back,) = plan(Situation(follow_ups=[off])).changes
    assert back.key == off.key and back.status is FollowUpStatus.SCHEDULED and back.cause is None


# -- withdrawing a drafted check-in ------------------------------------------------------------------

DRAFTED = check(FollowUpStatus.DRAFTED, draft_id="r1")
WITHDRAWALS = [
    ("a sure, trusted rejection after the draft withdraws it", DRAFTED,
     mail(local(10), "rejection", confidence=0.9), {}, True),
    ("not with withdraw_stale: false", DRAFTED, mail(local(10), "rejection", confidence=0.9),
     {"withdraw_stale": False}, False),
    ("not for an unsure reading", DRAFTED, mail(local(10), "rejection", confidence=0.5), {}, False),
    ("not for untrusted mail", DRAFTED, mail(local(10), "rejection", confidence=0.9, trust="in Spam"), {}, False),
    ("not for an answer that is not decisive (a person after the date)", DRAFTED, mail(local(10), "other"), {},
     False),
    ("not once the draft was deleted", replace(DRAFTED, cause=Cause.DRAFT_DELETED),
     mail(local(10), "rejection", confidence=0.9), {}, False),
    ("not once it was sent", check(FollowUpStatus.SENT), mail(local(10), "rejection", confidence=0.9), {}, False),
    ("not for an answer written before the check-in fell due", DRAFTED,
     mail(local(8), "offer", confidence=0.9), {}, False),
]


@pytest.mark.parametrize(("rule", "drafted", "answer", "policy", "withdrawn"), WITHDRAWALS,
                         ids=[r[0] for r in WITHDRAWALS])
def test_only_a_sure_trusted_decisive_answer_withdraws_an_unsent_check_in(
        rule: str, drafted: FollowUp, answer: CompanyMail, policy: dict[str, Any], withdrawn: bool) -> None:
    fu = wanted(plan(Situation(mail=[answer], follow_ups=[drafted], now=local(10, 12, 0), policy=policy)), CHECK_1)
    if withdrawn:
        assert fu is not None and fu.status is FollowUpStatus.WITHDRAWN and fu.cause is Cause.COMPANY_ANSWERED
        assert fu.reason == f"priya@initech.com replied on {answer.date:%a %d %b} (rejection)"
    else:
        assert fu is None or fu.status is not FollowUpStatus.WITHDRAWN


# -- after a rejection -----------------------------------------------------------------------------


def test_a_rejection_plans_the_feedback_request_in_its_thread_the_next_business_morning() -> None:
    no = mail(local(4, 16, 0), "rejection", confidence=0.9)  # a Friday afternoon
    p = plan(Situation(mail=[no], now=local(4, 17, 0)))
    fu = wanted(p, FEEDBACK)
    assert fu is not None and fu.due == local(7) and fu.thread_id == no.thread_id and fu.recipients == (PRIYA,)
    assert wanted(p, KEEP) is None  # keep-in-touch is off by default


def test_a_rejection_cancels_a_thank_you_not_yet_drafted() -> None:
    thanks = FollowUp(f"{IV.id}#thank_you", IV.id, FollowUpKind.THANK_YOU, local(1, 13, 0), (JANE,))
    p = plan(Situation(mail=[mail(local(1, 12, 0), "rejection", confidence=0.9)], follow_ups=[thanks],
                       now=local(1, 12, 30)))
    fu = wanted(p, thanks.key)
    assert fu is not None and fu.status is FollowUpStatus.CANCELLED and fu.cause is Cause.REJECTED_FIRST


def test_keep_in_touch_is_planned_and_cancelled_when_they_write_again() -> None:
    no = mail(local(4, 16, 0), "rejection", confidence=0.9, n=1)
    p = plan(Situation(mail=[no], now=local(4, 17, 0), policy={"keep_in_touch": True}))
    keep = wanted(p, KEEP)
    assert keep is not None and keep.due == local(15, month=1).replace(year=2027)  # six weeks on, at 09:30
    again = plan(Situation(mail=[no, mail(local(20), "other", n=2)], follow_ups=[keep], now=local(21),
                           policy={"keep_in_touch": True}))
    fu = wanted(again, KEEP)
    assert fu is not None and fu.status is FollowUpStatus.CANCELLED and fu.cause is Cause.WROTE_AGAIN
    assert fu.reason == "priya@initech.com wrote again on Sun 20 Dec"


def test_one_feedback_request_per_process_however_many_rejections() -> None:
    asked = FollowUp(FEEDBACK, IV.id, FollowUpKind.FEEDBACK_REQUEST, local(7), (PRIYA,), FollowUpStatus.DRAFTED)
    later = replace(IV, id="primary/e2", event_id="e2", start=local(14, 10, 0), end=local(14, 11, 0))
    p = plan(Situation(rounds=[IV, later], follow_ups=[asked], now=local(16, 12, 0),
                       mail=[mail(local(4, 16, 0), "rejection", confidence=0.9, n=1),
                             mail(local(15, 16, 0), "rejection", confidence=0.9, n=2)]))
    assert [f for f in p.changes if f.kind is FollowUpKind.FEEDBACK_REQUEST] == []


# -- a thank-you the bot, stopped, let pass ------------------------------------------------------------

def thank_you(due: datetime) -> FollowUp:
    return FollowUp(f"{IV.id}#thank_you", IV.id, FollowUpKind.THANK_YOU, due, (JANE,))


# (case, the thank-you's due, now (the bot wakes), skipped as missed?)
MISSED = [
    ("2 days late at wake: still drafted", local(1, 15, 0), local(3, 14, 59), False),
    ("more than 2 days late at wake: missed while stopped", local(1, 15, 0), local(3, 15, 1), True),
    ("20 days late at wake", local(1, 15), local(21, 12), True),
    ("not due yet", local(1, 15), local(1, 12), False),
]


@pytest.mark.parametrize(("case", "due", "now", "missed"), MISSED, ids=[r[0] for r in MISSED])
def test_a_thank_you_more_than_2_days_late_at_wake_is_missed_while_stopped(
        case: str, due: datetime, now: datetime, missed: bool) -> None:
    fu = wanted(plan(Situation(follow_ups=[thank_you(due)], now=now)), f"{IV.id}#thank_you")
    if missed:
        assert fu is not None and fu.status is FollowUpStatus.SKIPPED and fu.cause is Cause.MISSED_WHILE_STOPPED
        assert "missed while the bot was stopped" in fu.reason
    else:
        assert fu is None


def test_a_check_in_late_at_wake_is_not_missed_but_drafted_once() -> None:
    late = check(due=local(9))
    assert wanted(plan(Situation(follow_ups=[late], now=local(29, 12))), late.key) is None
