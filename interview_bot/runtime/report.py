"""What one run did: the engine fills it in, the CLI and the daemon read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from interview_bot.model import FollowUp, Interview


@dataclass
class RunReport:
    """What one run did, for the CLI and the logs."""

    events_seen: int = 0
    interviews_changed: list[Interview] = field(default_factory=list)
    mail_read: int = 0
    drafted: list[tuple[FollowUp, str, str]] = field(default_factory=list)  # (follow-up, subject, body)
    withdrawn: list[FollowUp] = field(default_factory=list)
    skipped: list[FollowUp] = field(default_factory=list)
    failed: list[tuple[FollowUp, str]] = field(default_factory=list)
    found: list[FollowUp] = field(default_factory=list)  # already in Gmail (a crash, another state file): not made again
    calendar_errors: list[tuple[str, str]] = field(default_factory=list)  # (calendar id, what failed)
    mail_error: str = ""  # why Gmail could not be read this run, if it could not
    messages_vanished: int = 0  # messages in Gmail's history that were deleted for good: skipped
    reconciled: int = 0  # interviews a full resync looked up one by one

    def problems(self, about: Callable[[FollowUp], str] | None = None) -> list[str]:
        """Each thing this run could not do, in a few words (empty when all went well).

        `about` names a follow-up in words ("the thank-you note for Initech"); without it, its key."""
        name = about or (lambda fu: f"the {fu.kind.words} {fu.key}")
        out = [f"{name(fu)}: {why}" for fu, why in self.failed]
        out += [f"calendar {calendar_id}: {why}" for calendar_id, why in self.calendar_errors]
        if self.mail_error:
            out.append(f"Gmail: {self.mail_error}")
        return out

    def summary(self, about: Callable[[FollowUp], str] | None = None) -> str:
        """One line saying what failed, for `run --once`'s exit 3."""
        problems = self.problems(about)
        undrafted = len(self.failed)
        head = (f"{undrafted} follow-up{'s' if undrafted != 1 else ''} due could not be drafted" if undrafted
                else "the run was incomplete")
        return f"{head}: " + "; ".join(problems)


__all__ = ["RunReport"]
