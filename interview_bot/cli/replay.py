"""`interview-bot plan --since 30d`: the dry run on the real account, printed company by company."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from interview_bot.errors import BotError
from interview_bot.model import ReplyKind

if TYPE_CHECKING:
    from interview_bot.clock import Clock
    from interview_bot.config.model import Config
    from interview_bot.model import CompanyMail, Interview
    from interview_bot.runtime.dryrun import Replay, WouldDraft

_WHEN = "%a %d %b %H:%M"


def window(value: str, flag: str) -> timedelta:
    """A --since or --ahead duration: a fixed time such as 30d or 2 weeks."""
    from interview_bot.config.durations import parse_duration

    try:
        duration = parse_duration(value)
    except ValueError as e:
        raise BotError(f"{flag} {value}: {e}", hint=f"e.g. {flag} 30d or {flag} '2 weeks'") from None
    if duration.is_business:
        raise BotError(f"{flag} {value}: give a fixed time, not business days", hint=f"e.g. {flag} 30d")
    return duration.delta


def run_replay(cfg: Config, clock: Clock, since: str, ahead: str) -> int:
    """Replay and print; exit 0 (a dry run has nothing to fail on but Google's errors)."""
    from interview_bot.runtime.dryrun import dry_run

    back, forward = window(since, "--since"), window(ahead, "--ahead")
    result = dry_run(cfg, clock.now(), back, forward)
    try:
        print(render(result, cfg))
    finally:
        result.state.close()
    return 0


def render(result: Replay, cfg: Config) -> str:
    """The dry run for a person: the window, then each company's interviews, mail and drafts, with reasons."""
    tz = cfg.tz

    def when(dt: datetime) -> str:
        return dt.astimezone(tz).strftime(_WHEN)

    days_back = round((result.now - result.start) / timedelta(days=1))
    days_ahead = round((result.end - result.now) / timedelta(days=1))
    lines = [
        (f"Dry run from {when(result.start)} to {when(result.end)} ({tz.key}): what interview-bot would have drafted "
         f"over the last {days_back} days, had it been running, and would draft over the next {days_ahead}."),
        "Read-only: nothing was written to Gmail, and the state file was not touched.",
    ]
    from interview_bot.planning.process import process_key
    from interview_bot.runtime.dryrun import recipients

    state = result.state
    by_process: dict[str, list[Interview]] = {}
    for iv in sorted(state.interviews(), key=lambda iv: iv.start):
        by_process.setdefault(process_key(iv), []).append(iv)
    drafted: dict[str, list[WouldDraft]] = {}
    for d in result.drafted:
        drafted.setdefault(d.follow_up.interview_id, []).append(d)
    counted = {"back": 0, "ahead": 0}
    for key, ivs in by_process.items():
        company = next((iv.company for iv in reversed(ivs) if iv.company), ivs[-1].title)
        domains = ", ".join(dict.fromkeys(d for iv in ivs for d in iv.company_domains))
        lines += ["", f"{company}" + (f" ({domains})" if domains else "")]
        rows: list[tuple[datetime, str]] = []
        for iv in ivs:
            rows.append((iv.start, f"  interview    {when(iv.start)}  {iv.title}" + _status(iv)
                         + f"\n{'':29}{_verdict(result, iv)}"))
        for m in state.mail(key):
            rows.append((m.date, f"  mail         {when(m.date)}  {_mail(m)}"))
        ids = {iv.id for iv in ivs}
        for iv_id in ids:
            for d in drafted.get(iv_id, []):
                counted["back" if d.at <= result.now else "ahead"] += 1
                fu = d.follow_up
                rows.append((d.at, (f"  WOULD DRAFT  {when(d.at)}  the {fu.kind.words} to {recipients(fu)}: \"{d.subject}\""
                                    f"\n{'':29}{_reason(result, d, cfg)}")))
        for fu, at in result.withdrawn:
            if fu.interview_id in ids:
                rows.append((at, f"  withdrawn    {when(at)}  the unsent {fu.kind.words}, as {fu.reason}"))
        for fu in result.not_drafted():
            if fu.interview_id in ids:
                rows.append((fu.due, f"  not drafted  {when(fu.due)}  the {fu.kind.words}: {fu.reason}"))
        for fu in result.later():
            if fu.interview_id in ids:
                rows.append((fu.due, f"  later        {when(fu.due)}  the {fu.kind.words} to {recipients(fu)}, after this window"))
        lines += [text for _, text in sorted(rows, key=lambda r: r[0])]
    if not by_process:
        lines += ["", "No interviews found in this window. If one is missing, add a case for it under `tests:`",
                  "and a rule under `interviews:` (README, Testing your rules)."]
    total = counted["back"] + counted["ahead"]
    lines += ["", (f"{total} draft{'s' if total != 1 else ''} for {len(by_process)} "
                   f"compan{'y' if len(by_process) == 1 else 'ies'}: {counted['back']} in the last {days_back} days, "
                   f"{counted['ahead']} in the next {days_ahead}.")]
    return "\n".join(lines)


def _status(iv: Interview) -> str:
    return "" if iv.status.value == "active" else f" ({iv.status.value})"


def _verdict(result: Replay, iv: Interview) -> str:
    """Why the event is an interview: the detection rule, as `interview-bot test` would say it."""
    from interview_bot.reading.detect import classify

    event = result.calendar.events.get(iv.id)
    if event is None:
        return "an interview"
    settings = result.engine.settings
    return classify(event, result.engine.my_emails(), settings.rules, settings.tz.key).reason


def _mail(m: CompanyMail) -> str:
    what = m.kind.value.replace("_", " ") if m.kind else "before the interview"
    text = f"{m.sender.email}: {what}" + (f' ("{m.shown_phrase}")' if m.shown_phrase else "")
    if m.promise_by:
        text += f", promising {m.promise_by:%a %d %b}"
    return text


def _reason(result: Replay, d: WouldDraft, cfg: Config) -> str:
    """Why this follow-up was due then, in the words of the rule that made it."""
    from interview_bot.planning.process import process_key

    fu = d.follow_up
    state = result.state
    iv = state.interview(fu.interview_id)
    fus = cfg.follow_ups
    if fu.kind.value == "thank_you":
        return f"{fus.thank_you.after} after the interview ended" + (
            f" ({iv.end.astimezone(cfg.tz):{_WHEN}})" if iv else "")
    if fu.kind.value == "status_check":
        n = fu.key.rsplit("#", 1)[-1]
        decision = d.decision
        if decision is None:
            return f"check-in {n}: no answer from the company"
        source = {"default": f"no date promised, so {fus.status_check.default_wait} after the interview",
                  "email": "promised in their email", "invitation": "promised in the invitation",
                  "config": "set in config (decisions:)", "you": "set by you (interview-bot decide)"}
        if n != "1":
            return (f"check-in {n} of at most {fus.status_check.max}: still no answer "
                    f"{fus.status_check.repeat_every} after the last one")
        said = f': "{decision.phrase}"' if decision.phrase else ""
        return (f"check-in 1 of at most {fus.status_check.max}: no answer by the decision date "
                f"{decision.by:%a %d %b} ({source.get(decision.source, decision.source)}{said}), "
                f"then {fus.status_check.grace} of grace")
    rejection = next((m for m in state.mail(process_key(iv)) if m.kind is ReplyKind.REJECTION), None) if iv else None
    after = fus.feedback_request.after if fu.kind.value == "feedback_request" else fus.keep_in_touch.after
    if rejection is None:
        return f"{after} after the rejection"
    said = f' ("{rejection.phrase}")' if rejection.phrase else ""
    return f"{after} after the rejection from {rejection.sender.email} on {rejection.date.astimezone(cfg.tz):%a %d %b}{said}"
