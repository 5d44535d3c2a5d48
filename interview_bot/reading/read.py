"""One received message, read as a person would: what it is, what it says, and whether it answers.

The one pure entry point for reading mail (`read_message`), used by the mail sync, by
`explain`, and by config tests. It puts together: trust (Spam, Trash, failed SPF/DKIM/DMARC:
interview_bot.reading.trust), machine mail (bounces, notifications, auto-replies in seven languages:
interview_bot.reading.machine), what the words say (interview_bot.reading.replies), the date promised
(interview_bot.reading.promises), and whether that ends the wait (`judge_answer`).

What counts as an answer (the README's table):
- a rejection, an offer or next steps, read with confidence (>= SURE), from a trusted sender;
- a person's message written after the decision date passed, whatever it says, unless it
  promises a new date (then it moves the date instead);
- never: mail in Spam or Trash, mail failing authentication, auto-replies, bounces, calendar
  notifications, mass mail (Precedence: bulk) that says nothing decisive, and, before the
  decision date, holding messages, acknowledgements and anything read as `other`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal
from zoneinfo import ZoneInfo

from interview_bot.reading.extract import normalize_email
from interview_bot.reading.incoming import (
    BULK_PRECEDENCE,
    DECISIVE,
    HIRING_SYSTEM_NOTICE,
    MACHINE,
    Classification,
    Incoming,
    ReplyKind,
)
from interview_bot.reading.machine import Machine, bulk_precedence, failed_recipients, machine_reason
from interview_bot.reading.promises import Promise, find_promise
from interview_bot.reading.replies import classify_reply, is_forward, says_silence_means_no
from interview_bot.reading.trust import trust_problem

__all__ = ["SURE", "Reading", "as_robot_notice", "judge_answer", "read_message"]

SURE = 0.75  # a decisive reading at least this sure ends the wait; below it, a check-in is drafted with a note


@dataclass(frozen=True)
class Reading:
    """What one message is and says, and whether it answers the user.

    kind: a ReplyKind; phrase: the words (or header) that decided it; confidence: 0..1;
    is_answer / answer_reason: whether it ends the wait for news, and why, in words for
    `explain`; promise: the decision date it promises (None when none); rule: which rule
    decided the kind ("en:rejection#3", "config:offer#1", "subject:de", "header:auto-submitted");
    trust: why it cannot be trusted ("" when it can); silence: the words of a "no news by then
    means no" condition, when its promise is one; failed: for a bounce, the addresses it names;
    language: the language the phrases were read in.
    """

    kind: ReplyKind
    phrase: str
    confidence: float
    is_answer: bool
    answer_reason: str
    promise: Promise | None
    rule: str
    trust: str = ""
    silence: str = ""
    failed: tuple[str, ...] = ()
    language: str | None = field(default=None, compare=False)  # the words' language (None: the detector was unsure)


def judge_answer(kind: ReplyKind, confidence: float, trust: str, day: date, decision_by: date | None,
                 promise_by: date | None = None, rule: str = "") -> tuple[bool, str]:
    """Whether a message of this reading, sent on `day`, ends the wait for a decision due `decision_by`; and why."""
    if trust:
        return False, f"not trusted ({trust}): it acts on nothing"
    if kind in MACHINE:
        if rule == BULK_PRECEDENCE:
            return False, "mass mail (Precedence: bulk) that says nothing decisive"
        if rule == HIRING_SYSTEM_NOTICE:
            return False, "a hiring system's notice that says nothing decisive: no person wrote it to you"
        return False, f"{kind.value.replace('_', ' ')}: no person wrote it to you"
    if kind in DECISIVE:
        if confidence >= SURE:
            return True, f"a decisive reply ({kind.value.replace('_', ' ')}) ends the wait"
        return False, f"read as {kind.value.replace('_', ' ')}, but not surely ({confidence:.0%}): a check-in is still drafted"
    if promise_by is not None and promise_by >= day:
        return False, f"not decisive ({kind.value}); it moves the decision date to {promise_by:%a %d %b}"
    if decision_by is not None and day > decision_by:
        return True, f"written after the decision date ({decision_by:%a %d %b}) had passed"
    when = f"before the decision date ({decision_by:%a %d %b})" if decision_by else "before any decision date"
    return False, f"not decisive ({kind.value}), {when}: the date stands"


def read_message(msg: Incoming, tz: ZoneInfo, *, country: str | None = None,
                 extra_rules: dict[str, list[str]] | None = None, decision_by: date | None = None,
                 machine: Machine | Literal["ask"] = "ask") -> Reading:
    """Read one received message (sender, subject, headers, labels, plain-text body, sent date).

    `tz` and `country` place relative dates ("by Friday", "in 5 business days");
    `extra_rules` are config's `replies.rules`; `decision_by` is the decision date standing
    when the message arrived (None: none known), which decides whether a message that is
    not decisive answers anyway (it does once that date has passed); `machine` is
    machine_reason's answer when the caller has it already. Pure: no I/O.
    """
    if msg.date.tzinfo is None:
        raise ValueError("read_message needs an aware datetime")
    trust = trust_problem(msg.labels, msg.headers, msg.sender_email)
    sender = normalize_email(msg.sender_email)
    if machine == "ask":
        machine = machine_reason(msg, sender)
    if machine is not None:
        kind, why = machine
        reading = Classification(kind, why, 1.0, "machine")
    else:
        reading = classify_reply(msg.subject, msg.body, extra_rules)
        if bulk_precedence(msg) and not (reading.kind in DECISIVE and reading.confidence >= SURE):
            reading = Classification(ReplyKind.AUTO_REPLY, "Precedence: bulk", 0.9, BULK_PRECEDENCE)
    promise = None
    if reading.kind not in MACHINE or reading.rule == BULK_PRECEDENCE:
        promise = find_promise(msg.body, msg.date, tz, country, forwarded=is_forward(msg.subject))
    silence = says_silence_means_no(msg.body, msg.subject) if promise else ""
    if promise and reading.kind is ReplyKind.OTHER:
        # "Thank you for your time. You'll hear from us by the 16th": what it says is the date.
        reading = replace(reading, kind=ReplyKind.HOLDING, phrase=promise.phrase, confidence=0.8, rule="promise")
    day = msg.date.astimezone(tz).date()
    answer, why = judge_answer(reading.kind, reading.confidence, trust, day, decision_by,
                               promise.by if promise else None, reading.rule)
    failed = failed_recipients(msg) if reading.kind is ReplyKind.BOUNCE else ()
    return Reading(reading.kind, reading.phrase, reading.confidence, answer, why, promise, reading.rule,
                   trust, silence, failed, reading.language)


def as_robot_notice(reading: Reading) -> Reading:
    """The reading of a message a hiring system sent for the company (Greenhouse, Workday, ...).

    Its rejection, offer or invitation to the next round is the company's answer; anything
    else it says ("we received your application", "thanks for your time") is a robot's
    notice that no person wrote to the user, so it answers nothing, though a date it
    promises still counts (HIRING_SYSTEM_NOTICE).
    """
    if reading.kind in DECISIVE or reading.kind in MACHINE:
        return reading
    why = judge_answer(ReplyKind.NOTIFICATION, reading.confidence, reading.trust, date.min, None,
                       rule=HIRING_SYSTEM_NOTICE)[1]
    return replace(reading, kind=ReplyKind.NOTIFICATION, rule=HIRING_SYSTEM_NOTICE, is_answer=False, answer_reason=why)
