"""What the bot tells the user outside the terminal: a notification's title, body and link.

Pure functions from our values to a Notice. A notification passes through other people's servers
(ntfy, Telegram, a mail relay), so it carries names, dates and the draft's Gmail link only: never
the draft's text, never the company's mail, never a subject line. Names come from the calendar,
so they are flattened to one line and bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from interview_bot.model import FollowUp, FollowUpKind, Interview
from interview_bot.writing.greeting import join_names

__all__ = ["DueToday", "Notice", "Waiting", "age", "day", "day_time", "digest", "draft_url", "every",
           "new_draft", "sign_in_refused"]

_NAME_MAX = 60
_TITLES = {
    FollowUpKind.THANK_YOU: "Thank-you",
    FollowUpKind.STATUS_CHECK: "Status check",
    FollowUpKind.FEEDBACK_REQUEST: "Feedback request",
    FollowUpKind.KEEP_IN_TOUCH: "Keep-in-touch note",
}


@dataclass(frozen=True)
class Notice:
    """One notification: a title, a body of a few lines, and the link it is about (may be empty)."""

    title: str
    body: str
    link: str = ""

    def text(self) -> str:
        """The body with the link on a line of its own, as it is sent."""
        return f"{self.body}\n{self.link}" if self.link else self.body


@dataclass(frozen=True)
class Waiting:
    """A draft the bot made that is still in Drafts."""

    kind: FollowUpKind
    company: str
    made: datetime
    link: str


@dataclass(frozen=True)
class DueToday:
    """A follow-up that falls due later today."""

    kind: FollowUpKind
    company: str
    due: datetime


def draft_url(account: str, message_id: str) -> str:
    """Gmail's web address of a draft: the account's address and the draft's message id (not its draft id)."""
    if not message_id:
        return ""
    who = f"?authuser={quote(account, safe='@')}" if account else ""
    return f"https://mail.google.com/mail/{who}#drafts?compose={quote(message_id, safe='')}"


def _name(text: str) -> str:
    """A name from outside, on one line and bounded."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _NAME_MAX else flat[: _NAME_MAX - 1] + "…"


def _company(iv: Interview | None) -> str:
    return _name((iv.company or iv.title) if iv else "") or "a company"


def day(d: date) -> str:
    """A date as a person reads it: "Fri 4 Dec"."""
    return f"{d:%a} {d.day} {d:%b}"


def day_time(dt: datetime, tz: ZoneInfo, now: datetime | None = None) -> str:
    """A time in the user's zone as a person reads it: "Wed 9 Dec 09:30" ("15:00" when it is today)."""
    local = dt.astimezone(tz)
    if now is not None and now.astimezone(tz).date() == local.date():
        return f"{local:%H:%M}"
    return f"{day(local.date())} {local:%H:%M}"


def _unit(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def every(delta: timedelta) -> str:
    """A period in words: "every 5 minutes", "every hour", "every 90 seconds"."""
    seconds = int(delta.total_seconds())
    for size, word in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"every {word}" if n == 1 else f"every {_unit(n, word)}"
    return f"every {_unit(seconds, 'second')}"


_JUST_NOW = timedelta(minutes=2)


def age(delta: timedelta) -> str:
    """How long ago, roughly: "just now", "3 hours", "2 days"."""
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 3600:
        return "just now" if delta < _JUST_NOW else _unit(seconds // 60, "minute")
    if seconds < 2 * 86400:
        return _unit(seconds // 3600, "hour")
    return _unit(seconds // 86400, "day")


def _people(fu: FollowUp, iv: Interview | None) -> str:
    names = [_name(p.name) for p in (iv.interviewers if iv else ()) if p.name.strip()]
    names = names or [_name(p.name) for p in fu.recipients if p.name.strip()]
    return join_names(names, "and")


def new_draft(fu: FollowUp, iv: Interview | None, link: str, tz: ZoneInfo, now: datetime,
              decision: date | None = None, answered: datetime | None = None) -> Notice:
    """The notification for a draft just made: what it is, for whom, why now, and its link."""
    company = _company(iv)
    title = f"{_TITLES[fu.kind]} to {company} is ready"
    if fu.kind is FollowUpKind.THANK_YOU:
        who = _people(fu, iv)
        ended = f" ended at {day_time(iv.end, tz, now)}" if iv else ""
        why = f"your interview with {who}{ended}" if who else f"your interview{ended}"
    elif fu.kind is FollowUpKind.STATUS_CHECK:
        why = (f"they promised a decision by {day(decision)}; nothing since" if decision
               else "no decision yet, and no date was promised; time to check in")
    elif fu.kind is FollowUpKind.FEEDBACK_REQUEST:
        when = f" on {day(answered.astimezone(tz).date())}" if answered else ""
        why = f"they said no{when}: ask what would have made you stronger, and to stay in touch"
    else:
        since = f" {age(now - answered)} ago" if answered else ""
        why = f"they said no{since}: a short note keeps you on their radar"
    where = "Review it and send it from Gmail:" if link else "Review it in Gmail's Drafts and send it."
    return Notice(title, f"{why[0].upper()}{why[1:]}.\n{where}", link)


def sign_in_refused(command: str = "interview-bot auth") -> Notice:
    """The notification for a sign-in Google no longer accepts: nothing is drafted until the user signs in."""
    return Notice(
        "interview-bot cannot reach Google",
        "Google refused the bot's sign-in (it expired, was revoked, or the password changed). "
        f"No follow-up is drafted until you sign in again: run `{command}`.",
    )


def digest(waiting: list[Waiting], due_today: list[DueToday], now: datetime, tz: ZoneInfo) -> Notice | None:
    """The daily digest: the drafts still waiting (kind, company, age, link) and what falls due today.

    None when no draft waits: an empty digest teaches people to ignore it."""
    if not waiting:
        return None
    n = len(waiting)
    lines = []
    for w in sorted(waiting, key=lambda w: w.made):
        lines.append(f"- {w.kind.words} to {_name(w.company)}, made {age(now - w.made)}"
                     f"{'' if now - w.made < _JUST_NOW else ' ago'}")
        if w.link:
            lines.append(f"  {w.link}")
    if due_today:
        lines.append("Due later today:")
        lines += [f"- {d.kind.words} to {_name(d.company)} at {day_time(d.due, tz, now)}"
                  for d in sorted(due_today, key=lambda d: d.due)]
    title = f"{n} draft{'s' if n != 1 else ''} waiting to be sent"
    return Notice(title, "\n".join(lines))
