"""After the interview: one company's process read as a whole, and its planners run.

A process is everything with one company: its rounds (interviews), the mail from its side
and the follow-ups already planned (planning/view.py). Pure: from a ProcessView and `now` to
the follow-ups it should have (planning/checks.py, planning/rejection.py), the decision date
that stands, and where the process is (a Stage).

What answers is read message by message, in order, against the decision date standing when
each arrived (interview_bot.reading.read.judge_answer): a sure rejection, offer or next step ends the
wait; anything else before the date does not (one that promises a date moves the date to
it); a person's message after the date has passed does. A check-in drafted although the
company wrote something the bot could not read surely carries a NOTE line saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from interview_bot.model import (
    Cause,
    CompanyMail,
    Decision,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    Stage,
)
from interview_bot.planning.checks import plan_checks
from interview_bot.planning.outcome import OUTCOME_RULE, OUTCOME_SOURCE, Outcome, shell_word, user_outcome, with_outcome
from interview_bot.planning.policy import cancel, missed_while_stopped
from interview_bot.planning.rejection import plan_after_rejection
from interview_bot.planning.view import (
    DECISIVE_KINDS,
    MACHINE_KINDS,
    CheckPolicy,
    LaterPolicy,
    Policies,
    ProcessView,
    best_contact,
    bounced_addresses,
    process_key,
    sure_answer,
    trusted_person,
)
from interview_bot.reading.incoming import PROMISING_MACHINE_RULES, ReplyKind
from interview_bot.reading.read import SURE, judge_answer


@dataclass(frozen=True)
class MailVerdict:
    """One message of the process, and whether it answered: for `status` and `explain`."""

    mail: CompanyMail
    answer: bool
    why: str


@dataclass(frozen=True)
class ProcessPlan:
    changes: list[FollowUp]
    decision: Decision | None
    stage: Stage
    latest_reply: CompanyMail | None
    verdicts: tuple[MailVerdict, ...] = ()
    silence: CompanyMail | None = None  # the message whose "no news by then means no" sets the date


_DECIDED_STAGE = {ReplyKind.REJECTION: Stage.REJECTED, ReplyKind.OFFER: Stage.OFFER,
                  ReplyKind.NEXT_STEPS: Stage.NEXT_ROUND, ReplyKind.CLOSED: Stage.CLOSED}


def _base_decision(view: ProcessView, latest: Interview, pol: Policies) -> Decision:
    if "invitation" in view.decisions:
        return view.decisions["invitation"]
    default_at = pol.check.default_wait.after(latest.end, pol.tz, pol.country, pol.subdivision)
    return Decision(default_at.astimezone(pol.tz).date(), "default")


def read_process(view: ProcessView, latest: Interview, previous: Interview | None,
                 pol: Policies) -> tuple[Decision, list[MailVerdict], CompanyMail | None]:
    """The decision date that stands, each message's verdict, and the message that made silence mean no.

    The date: set by you, then config, then the company's latest promise (from a message
    that did not answer), then the invitation's, then the default wait. Mail of earlier
    rounds before the previous one is not read again.
    """
    fixed = view.decisions.get("you") or view.decisions.get("config")
    standing = fixed or _base_decision(view, latest, pol)
    silence: CompanyMail | None = None
    verdicts: list[MailVerdict] = []
    since = previous.start if previous else None
    for m in sorted(view.mail, key=lambda m: (m.date, m.promise_by or date.min)):
        if since is not None and m.date < since:
            continue
        day = m.date.astimezone(pol.tz).date()
        if m.date < latest.start:
            answer, why = False, "written before this round's interview"
        else:
            kind = m.kind or ReplyKind.OTHER
            answer, why = judge_answer(kind, m.confidence, m.trust, day, standing.by, m.promise_by, m.rule)
        verdicts.append(MailVerdict(m, answer, why))
        promises = (m.promise_by is not None and not m.trust
                    and (m.kind not in MACHINE_KINDS or m.rule in PROMISING_MACHINE_RULES))
        if promises and not answer and fixed is None:
            assert m.promise_by is not None
            standing = Decision(m.promise_by, "email", m.promise_phrase)
            silence = m if m.silence else None
    return standing, verdicts, silence


def _note(view: ProcessView, latest: Interview, verdicts: list[MailVerdict], silence: CompanyMail | None,
          decision: Decision, tz: ZoneInfo) -> str:
    """The NOTE line for a check-in drafted although the company wrote: what the bot read, and why it drafts."""
    who = latest.company or (silence.sender.email if silence else "")

    def day(m: CompanyMail) -> str:
        local = m.date.astimezone(tz)
        return f"{local.day} {local:%b}"

    if silence is not None:
        return (f"{who} wrote on {day(silence)} that no news by {decision.by.day} {decision.by:%b} means no "
                f"(\"{silence.promise_phrase}\"); delete this draft if you would rather not ask")
    unsure = [v.mail for v in verdicts if not v.answer and trusted_person(v.mail) and v.mail.date >= latest.start
              and (v.mail.kind in (ReplyKind.OTHER, ReplyKind.ACKNOWLEDGEMENT)
                   or (v.mail.kind is ReplyKind.HOLDING and v.mail.promise_by is None)  # README: a NOTE
                   or (v.mail.kind in DECISIVE_KINDS and v.mail.confidence < SURE))]
    if not unsure:
        return ""
    m = unsure[-1]
    said = " ".join((m.phrase or m.subject or (m.kind.value if m.kind else "")).split())[:80]
    name = who or m.sender.email
    return (f"{name} wrote on {day(m)} (\"{said}\"); delete this draft if that answered you; "
            f"if that was a no, run: interview-bot decide {shell_word(name)} rejected")


def stage_words(plan: ProcessPlan, tz: ZoneInfo) -> str:
    """The stage as `status` and `explain` say it."""
    if plan.stage is Stage.PROBABLY_CLOSED and plan.silence is not None:
        local = plan.silence.date.astimezone(tz)
        return f"probably closed (silence means no, per their email of {local.day} {local:%b})"
    return plan.stage.value


def plan_process(view: ProcessView, now: datetime, pol: Policies, is_robot: Callable[[str], bool],
                 my_emails: frozenset[str]) -> ProcessPlan:
    """What to save for this process now: status checks, feedback request, keep-in-touch note."""
    rounds = sorted((iv for iv in view.interviews if iv.status is InterviewStatus.ACTIVE), key=lambda iv: iv.start)
    by_key = {f.key: f for f in view.follow_ups}
    changes: list[FollowUp] = [m for f in view.follow_ups if (m := missed_while_stopped(f, now))]
    mail = sorted(view.mail, key=lambda m: m.date)
    if not rounds:  # every round cancelled: no check-in for it (it comes back if a round does)
        changes += [cancel(f, Cause.ALL_ROUNDS_CANCELLED) for f in view.follow_ups
                   if f.kind is FollowUpKind.STATUS_CHECK and f.status is FollowUpStatus.SCHEDULED]
        return ProcessPlan(changes, None, Stage.CANCELLED, None)
    latest = rounds[-1]
    previous = rounds[-2] if len(rounds) > 1 else None
    view = with_outcome(view, latest, pol, is_robot, my_emails)
    mail = sorted(view.mail, key=lambda m: m.date)
    decision, verdicts, silence = read_process(view, latest, previous, pol)
    answers = [v.mail for v in verdicts if v.answer]
    you = view.decisions.get("you")
    if you is not None:  # a role put on hold, and the user set a date to follow up on it then
        answers = [m for m in answers if not (m.kind is ReplyKind.CLOSED and m.date.astimezone(pol.tz).date() < you.by)]
    all_replies = [m for m in mail if m.is_reply and m.kind and trusted_person(m)]
    latest_reply = all_replies[-1] if all_replies else None

    # Only the latest round waits for news; earlier rounds' check-ins give way to it.
    for fu in view.follow_ups:
        if fu.kind is FollowUpKind.STATUS_CHECK and fu.interview_id != latest.id and fu.status is FollowUpStatus.SCHEDULED:
            changes.append(cancel(fu, Cause.LATER_ROUND))

    note = _note(view, latest, verdicts, silence, decision, pol.tz)
    changes += plan_checks(view, latest, decision, answers, now, pol, is_robot, my_emails, by_key, note,
                            silence is not None)
    changes += plan_after_rejection(view, rounds, mail, now, pol, is_robot, my_emails, by_key)

    decided = [m for m in answers if sure_answer(m)]
    if latest.start > now:
        stage = Stage.INTERVIEW_AHEAD
    elif decided:
        stage = _DECIDED_STAGE.get(decided[-1].kind or ReplyKind.OTHER, Stage.WAITING)
    elif silence is not None and not answers and decision.by < now.astimezone(pol.tz).date():
        stage = Stage.PROBABLY_CLOSED
    else:
        stage = Stage.WAITING
    return ProcessPlan(changes, decision, stage, latest_reply, tuple(verdicts), silence)


__all__ = ["OUTCOME_RULE", "OUTCOME_SOURCE", "CheckPolicy", "Outcome", "shell_word", "user_outcome", "LaterPolicy", "MailVerdict", "Policies", "ProcessPlan", "ProcessView", "best_contact",
           "bounced_addresses", "plan_process", "process_key", "read_process", "stage_words", "trusted_person"]
