"""Upgrade follow-ups written before causes were typed: read each old reason text once.

Older releases kept why a follow-up was cancelled, skipped, failed or withdrawn as a sentence
in `follow_ups.reason`, and steered by it ("withdrawn: ..." meant a deleted draft, "sent" a
sent one). The migration that adds the `cause` column (interview_bot.runtime.migrations) maps
those sentences to a status and a `Cause`, once; from then on `reason` holds only the words
shown with a cause, and nothing reads it to decide anything.
"""

from __future__ import annotations

import re
import sqlite3

from interview_bot.model import Cause, FollowUpStatus

_EXACT = {
    "the interview was cancelled before it ended": Cause.INTERVIEW_CANCELLED,
    "you declined the interview": Cause.INTERVIEW_DECLINED,
    "no longer among the interviewers": Cause.NOT_AN_INTERVIEWER,
    "thank-you notes are turned off in config": Cause.TURNED_OFF,
    "status checks are turned off in config": Cause.TURNED_OFF,
    "the interview was cancelled": Cause.ALL_ROUNDS_CANCELLED,
    "a later round with the company is planned": Cause.LATER_ROUND,
    "it fell due long before the bot started watching": Cause.TOO_LATE,
    "the interview was over before the bot saw it": Cause.TOO_LATE,
    "nobody at the company to write to": Cause.NOBODY_TO_WRITE_TO,
    "no interviewer to write to (only rooms, lists or you)": Cause.NOBODY_TO_WRITE_TO,
    "the company already answered (rejection)": Cause.REJECTED_FIRST,
    "its interview is no longer known": Cause.INTERVIEW_UNKNOWN,
    "its draft was deleted": Cause.DRAFT_DELETED,
}
_SAID = re.compile(r"^(?P<who>\S+) (?P<verb>replied|wrote again) on (?P<when>.+)$")
_PREFIXED = (("Google refused it: ", Cause.GOOGLE_REFUSED), ("template error: ", Cause.TEMPLATE_ERROR))
WITHDRAWN_PREFIX = "withdrawn: "


def typed(status: str, reason: str) -> tuple[str, str, str]:
    """An old row's (status, reason) as (status, cause, detail) values for the new columns."""
    if status == FollowUpStatus.DRAFTED.value and reason == "sent":
        return FollowUpStatus.SENT.value, "", ""
    if status == FollowUpStatus.CANCELLED.value and reason.startswith(WITHDRAWN_PREFIX):
        status, reason = FollowUpStatus.WITHDRAWN.value, reason.removeprefix(WITHDRAWN_PREFIX)
    if not reason:
        return status, "", ""
    if reason in _EXACT:
        return status, _EXACT[reason].value, ""
    said = _SAID.match(reason)
    if said:
        cause = Cause.COMPANY_ANSWERED if said["verb"] == "replied" else Cause.WROTE_AGAIN
        return status, cause.value, f"{said['who']} {said['when']}"
    for prefix, cause in _PREFIXED:
        if reason.startswith(prefix):
            return status, cause.value, reason.removeprefix(prefix)
    return status, Cause.NO_VALID_ADDRESS.value, reason  # the composer's words about the addresses


def upgrade_follow_ups(conn: sqlite3.Connection) -> None:
    """Give every follow-up of an older file its typed status and cause (inside the migration's transaction)."""
    rows = conn.execute("SELECT key, status, reason FROM follow_ups WHERE reason != '' OR status = ?",
                        (FollowUpStatus.DRAFTED.value,)).fetchall()
    for key, status, reason in rows:
        new_status, cause, detail = typed(status, reason)
        conn.execute("UPDATE follow_ups SET status = ?, cause = ?, reason = ? WHERE key = ?",
                     (new_status, cause, detail, key))
