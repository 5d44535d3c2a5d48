"""The user's own reading of the company's last message (`interview-bot decide COMPANY OUTCOME`).

Kept beside the decision dates (source "outcome", the day it was set as `by`, the Outcome's
value as `phrase`): the user's truth. The planner reads it as one more message from the company,
sure and trusted, dated the day the user said it, in the company's thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from enum import Enum

from interview_bot.model import CompanyMail, FollowUpKind, Interview, ReplyKind
from interview_bot.planning.view import Policies, ProcessView, best_contact, trusted_person


class Outcome(str, Enum):
    """What the company's last message meant, as the user says."""

    REJECTED = "rejected"
    OFFER = "offer"
    NEXT_ROUND = "next-round"
    WAITING = "waiting"  # clears an outcome set by mistake: never stored


OUTCOME_SOURCE = "outcome"
OUTCOME_RULE = "you"  # the `rule` of the message the user's outcome stands for
_OUTCOME_KINDS = {Outcome.REJECTED: ReplyKind.REJECTION, Outcome.OFFER: ReplyKind.OFFER,
                  Outcome.NEXT_ROUND: ReplyKind.NEXT_STEPS}
_STORED = frozenset(o.value for o in _OUTCOME_KINDS)


def shell_word(text: str) -> str:
    """A company name as the user would type it in a shell command: "Nowak Logistics", or quoted safely."""
    if re.fullmatch(r"[\w.@+-]+", text):
        return text
    if not re.search(r"[\"$`\\!]", text):
        return f'"{text}"'
    return "'" + text.replace("'", "'\\''") + "'"


def user_outcome(view: ProcessView) -> tuple[Outcome, date] | None:
    """The outcome the user set for this process's latest round, and the day it was set."""
    d = view.decisions.get(OUTCOME_SOURCE)
    if d is None or d.phrase not in _STORED:
        return None
    return Outcome(d.phrase), d.by


def with_outcome(view: ProcessView, latest: Interview, pol: Policies, is_robot: Callable[[str], bool],
                 my_emails: frozenset[str]) -> ProcessView:
    """The view with the user's outcome as one more message: the company's last, read as the user says,
    in its thread, dated the day the user said it (so a check-in drafted before then is withdrawn)."""
    found = user_outcome(view)
    if found is None:
        return view
    outcome, day = found
    at = max(datetime.combine(day, time(23, 59), tzinfo=pol.tz), latest.start)
    person = [m for m in view.mail if trusted_person(m) and m.date >= latest.start]
    kind = _OUTCOME_KINDS[outcome]
    if person:
        last = max(person, key=lambda m: m.date)
        said = replace(last, id=f"{OUTCOME_RULE}:{last.id}", date=max(at, last.date), is_reply=True, kind=kind,
                       phrase=f"you said: {outcome.value}", promise_by=None, promise_phrase="", confidence=1.0,
                       rule=OUTCOME_RULE, silence=False, is_answer=True)
    else:
        contact = best_contact(view, latest, is_robot, my_emails)
        if not contact:
            return view
        thank_you = next((f for f in view.follow_ups if f.kind is FollowUpKind.THANK_YOU and f.interview_id == latest.id
                          and f.thread_id), None)
        said = CompanyMail(id=OUTCOME_RULE, thread_id=thank_you.thread_id if thank_you else "", message_id="",
                           references="", subject="", sender=contact[0], date=at, process=view.key, is_reply=True,
                           kind=kind, phrase=f"you said: {outcome.value}", rule=OUTCOME_RULE, is_answer=True)
    return replace(view, mail=(*view.mail, said))


__all__ = ["OUTCOME_RULE", "OUTCOME_SOURCE", "Outcome", "shell_word", "user_outcome", "with_outcome"]
