"""The one policy every planner follows: a follow-up's key, lateness, reviving, nobody to write to.

Each planner (thank-you, status check, feedback request, keep-in-touch) computes the
follow-up it would make now, `fresh`; `settle` decides what of it to save against what
is already planned, the same way for every kind.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from interview_bot.model import Cause, FollowUp, FollowUpKind, FollowUpStatus

# A follow-up that fell due this long before the bot's first sync is recorded as skipped, not
# drafted: at installation, an interview long over is old news, no reason to write.
LATE_LIMIT = timedelta(days=3)
# A thank-you whose time passed this long before the bot woke (it was stopped) is missed, not
# drafted days late: a late thank-you reads worse than none. `interview-bot make KEY` makes it anyway.
MISSED_LIMIT = timedelta(days=2)

# What a planner's own cancellation gives way to when the reason for it goes away (the
# interview is back, the interviewer back on the invitation, the kind turned on again).
THANK_YOU_REVIVES = frozenset({Cause.INTERVIEW_CANCELLED, Cause.INTERVIEW_DECLINED, Cause.NOT_AN_INTERVIEWER,
                               Cause.TURNED_OFF})
PROCESS_REVIVES = frozenset({Cause.LATER_ROUND, Cause.ALL_ROUNDS_CANCELLED, Cause.YOU_SAID, Cause.ROLE_CLOSED,
                             Cause.NOT_REJECTED, Cause.TURNED_OFF})

# What a fresh plan may change on a follow-up that is still scheduled (or revived).
ALL_FIELDS = ("due", "recipients", "thread_id", "note")
THANK_YOU_FIELDS = ("due", "recipients", "note")  # its thread is chosen when it is drafted


def follow_up_key(interview_id: str, kind: FollowUpKind, suffix: str | int | None = None) -> str:
    """The follow-up's stable key: f"{interview_id}#{kind}", then a recipient or a number when there are several."""
    return f"{interview_id}#{kind.value}" + (f"#{suffix}" if suffix is not None else "")


def too_late(due: datetime, watching_since: datetime | None, limit: timedelta = LATE_LIMIT) -> bool:
    """Did it fall due long before the bot started watching (the 3-day rule)?"""
    return watching_since is not None and watching_since - due > limit


def held_back(kind: FollowUpKind, due: datetime, now: datetime | None, watching_since: datetime | None,
              limit: timedelta = LATE_LIMIT) -> Cause | None:
    """The one rule of lateness, for every kind and every state file (new, lost, older copy, or the
    one in use), judged by the due date alone since a deletion is recorded nowhere else:
    TOO_LATE when it fell due more than `limit` before the state's first sync; MISSED_WHILE_STOPPED
    for a thank-you more than MISSED_LIMIT past its due now. `interview-bot make KEY` overrides it."""
    if too_late(due, watching_since, limit):
        return Cause.TOO_LATE
    if kind is FollowUpKind.THANK_YOU and now is not None and now - due > MISSED_LIMIT:
        return Cause.MISSED_WHILE_STOPPED
    return None


def missed_while_stopped(fu: FollowUp, now: datetime) -> FollowUp | None:
    """A scheduled follow-up the rule now holds back (a thank-you days late at wake), skipped; else None."""
    cause = held_back(fu.kind, fu.due, now, None)
    if fu.status is FollowUpStatus.SCHEDULED and cause is not None and fu.cause is not Cause.ASKED_BY_YOU:
        return replace(fu, status=FollowUpStatus.SKIPPED, cause=cause, detail="")
    return None


# What `interview-bot make KEY` may bring back: a follow-up the bot held back by its own rules of time.
MAKEABLE = frozenset({Cause.MISSED_WHILE_STOPPED, Cause.TOO_LATE, Cause.DRAFT_DELETED})


def makeable(fu: FollowUp) -> bool:
    return fu.cause in MAKEABLE and fu.status is not FollowUpStatus.SENT


def make_now(fu: FollowUp, now: datetime) -> FollowUp:
    """`interview-bot make KEY`: the follow-up scheduled again, due now, whatever stopped it."""
    return replace(fu, status=FollowUpStatus.SCHEDULED, due=now, cause=Cause.ASKED_BY_YOU, detail="", draft_id="")


def revivable(fu: FollowUp, revives: frozenset[Cause]) -> bool:
    """A follow-up a planner cancelled for a reason that may go away."""
    return fu.status is FollowUpStatus.CANCELLED and fu.cause in revives


def cancel(fu: FollowUp, cause: Cause, detail: str = "") -> FollowUp:
    return replace(fu, status=FollowUpStatus.CANCELLED, cause=cause, detail=detail)


def settle(existing: FollowUp | None, fresh: FollowUp, watching_since: datetime | None,
           revives: frozenset[Cause], fields: tuple[str, ...] = ALL_FIELDS,
           limit: timedelta = LATE_LIMIT) -> FollowUp | None:
    """What to save: the fresh plan for a new follow-up (skipped when there is nobody to write to
    or it is too late); the fresh times and people for one still scheduled or revived; nothing
    for one done (drafted, sent, withdrawn, skipped, failed, or cancelled for good), or unchanged.
    """
    if existing is None:
        if not fresh.recipients:
            return replace(fresh, status=FollowUpStatus.SKIPPED, cause=Cause.NOBODY_TO_WRITE_TO, detail="")
        late = held_back(fresh.kind, fresh.due, None, watching_since, limit)
        if late is not None:
            return replace(fresh, status=FollowUpStatus.SKIPPED, cause=late, detail="")
        return fresh
    if existing.status is FollowUpStatus.SCHEDULED and existing.cause is Cause.ASKED_BY_YOU:
        return None  # the user asked for it now (`make`): a fresh plan moves it no more
    if existing.status is FollowUpStatus.SCHEDULED or revivable(existing, revives):
        updated = replace(existing, status=FollowUpStatus.SCHEDULED, cause=None, detail="",
                          **{f: getattr(fresh, f) for f in fields})
        return updated if updated != existing else None
    return None
