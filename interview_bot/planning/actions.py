"""Decide, then apply: what should happen now, as a value the shell applies and `plan` prints.

The planners say which follow-ups a process should have; `decide` turns that, and what is
pending, into actions: record a follow-up, create its draft in this thread, delete the
unsent draft the company's answer made stale. The shell (interview_bot.runtime.apply) applies
them in order, recording each before the next; `interview-bot plan` prints them instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from interview_bot.model import FollowUp, FollowUpStatus

PENDING = (FollowUpStatus.SCHEDULED, FollowUpStatus.DRAFTING)


class ActionType(str, Enum):
    """What the shell is asked to do; the values are `plan --json`'s names."""

    RECORD = "record"  # save the follow-up in the state (planned, moved, cancelled, skipped)
    CREATE_DRAFT = "create_draft"  # make its draft in Gmail, in `thread` ("" for a new thread)
    DELETE_DRAFT = "delete_draft"  # delete its unsent draft: the company answered first


@dataclass(frozen=True)
class Action:
    """One step: its type, the follow-up it is about (as it should be), when, and the thread."""

    action: ActionType
    follow_up: FollowUp
    due: datetime
    thread: str = ""

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


def decide(changes: Iterable[tuple[FollowUp | None, FollowUp]], pending: Iterable[FollowUp],
           thread_for: Callable[[FollowUp], str], now: datetime) -> list[Action]:
    """The actions for planned changes (each with what it changes, None for a new one) and the
    follow-ups still to draft: records and withdrawals first, then the drafts by due time.

    A withdrawal is an action of its own only for a follow-up whose draft exists (DRAFTED):
    deleting it touches Gmail, so it is applied, and printed by `plan`, as a step."""
    actions: list[Action] = []
    changed: dict[str, FollowUp] = {}
    for before, fu in changes:
        changed[fu.key] = fu
        withdraw = (fu.status is FollowUpStatus.WITHDRAWN and before is not None
                    and before.status is FollowUpStatus.DRAFTED)
        if withdraw:
            actions.append(Action(ActionType.DELETE_DRAFT, fu, now, fu.thread_id))
        else:
            actions.append(Action(ActionType.RECORD, fu, now))
    to_draft = {f.key: f for f in pending if f.status in PENDING}
    for key, fu in changed.items():
        if fu.status in PENDING:
            to_draft[key] = fu
        else:
            to_draft.pop(key, None)
    for fu in sorted(to_draft.values(), key=lambda f: (f.due, f.key)):
        actions.append(Action(ActionType.CREATE_DRAFT, fu, fu.due, thread_for(fu)))
    return actions


__all__ = ["PENDING", "Action", "ActionType", "decide"]
