"""What `status` shows, and which interview a user names: views over the state file, no Google."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from interview_bot.cli.common import when
from interview_bot.errors import BotError
from interview_bot.model import CompanyMail, FollowUpKind, FollowUpStatus, Interview, InterviewStatus, Stage
from interview_bot.planning.process import MailVerdict, process_key, shell_word, stage_words
from interview_bot.reading.senders import agency_name
from interview_bot.runtime.engine import Settings, planned
from interview_bot.runtime.notify import audience, draft_link, sign_in_problem
from interview_bot.runtime.state import State
from interview_bot.runtime.voices import voice_json, voice_lines


def status_json(state: State, settings: Settings, now: datetime) -> list[dict[str, Any]]:
    """The `status --json` contract: interviews with their follow-ups, and where each process stands."""
    found = planned(state, settings, now)
    plans = {view.key: plan for view, plan in found}
    mail = {view.key: view.mail for view, _ in found}
    unattributed = state.unattributed()
    account = audience(state, settings.tz, settings.me_email).account  # whose Gmail the draft links open
    out = []
    rounds: dict[str, list[Interview]] = {}
    for iv in state.interviews():
        if iv.status is InterviewStatus.ACTIVE:
            rounds.setdefault(process_key(iv), []).append(iv)
    for iv in state.interviews():
        plan = plans.get(process_key(iv))
        reply = plan.latest_reply if plan else None
        key = process_key(iv)
        out.append({
            "id": iv.id,
            "company": iv.company,
            "role": iv.role,
            "title": iv.title,
            "start": iv.start.isoformat(),
            "end": iv.end.isoformat(),
            "status": iv.status.value,
            "interviewers": [p.email for p in iv.interviewers],
            "stage": stage_words(plan, settings.tz) if plan and iv.status is InterviewStatus.ACTIVE else iv.status.value,
            "decision": (
                {"date": plan.decision.by.isoformat(), "source": plan.decision.source,
                 "phrase": plan.decision.phrase or None}
                if plan and plan.decision else None
            ),
            "replies": replies_json(state, iv, rounds.get(process_key(iv), []), plan.verdicts if plan else ()),
            "latest_reply": (
                {"kind": reply.kind.value if reply.kind else "", "from": reply.sender.email, "date": reply.date.isoformat(),
                 "subject": reply.subject, "phrase": reply.phrase or None}
                if reply else None
            ),
            "follow_ups": [
                {"key": fu.key, "kind": fu.kind.value, "status": fu.status.value, "due": fu.due.isoformat(),
                 "draft_id": fu.draft_id or None, "thread_id": fu.thread_id or None,
                 "draft_url": (draft_link(state, fu, account) or None) if fu.status is FollowUpStatus.DRAFTED else None,
                 "to": [p.email for p in fu.recipients], "reason": fu.reason or None}
                for fu in state.follow_ups(interview_id=iv.id)
            ],
            # Issue 16: who the company's mail came through, and by which rule each message was tied.
            "via": _agency(iv, mail.get(key, ()), settings),
            "unattributed": [
                {k: u[k] for k in ("id", "from", "date", "subject", "candidates", "why")}
                for u in unattributed if key in u["candidates"]
            ],
            **voice_json(state, settings, iv),  # issue 20: the drafts' language and why; a guessed company name
        })
    return out


def _agency(iv: Interview, mail: tuple[CompanyMail, ...], settings: Settings) -> str | None:
    """The third party the company speaks through: the agency that arranged it, or that wrote last."""
    named = [m.agency for m in mail if m.agency]
    if named:
        return named[-1]
    if iv.agents:
        return agency_name(iv.agents[0], settings.rules.personal_domains)
    return None


def replies_json(state: State, iv: Interview, rounds: list[Interview],
                 verdicts: tuple[MailVerdict, ...]) -> list[dict[str, Any]]:
    """The company's mail after this interview (until the next round), as read: `status --json`'s replies[]."""
    later = [r.start for r in rounds if r.start > iv.start]
    until = min(later) if later else None
    judged = {v.mail.id: v for v in verdicts}
    out = []
    for m in state.mail(process_key(iv)):
        if m.date < iv.start or (until is not None and m.date >= until):
            continue
        verdict = judged.get(m.id)
        out.append({
            "id": m.id, "at": m.date.isoformat(), "from": m.sender.email, "subject": m.subject,
            "kind": m.kind.value if m.kind else "other",
            "phrase": m.shown_phrase or None, "answer": bool(verdict and verdict.answer),
            "why": verdict.why if verdict else "about an earlier round",
            "trusted": not m.trust, "untrusted_because": m.trust or None,
            "confidence": round(m.confidence, 2), "rule": m.rule or None,
            "promise": m.promise_by.isoformat() if m.promise_by else None,
            # Issue 16: by which rule the message was tied to this process, and through whom.
            "via": m.via or None, "agency": m.agency or None, "is_reply": m.is_reply,
        })
    return out


def _local(value: str, tz: ZoneInfo) -> str:
    return when(datetime.fromisoformat(value), tz)


def status_text(data: list[dict[str, Any]], tz: ZoneInfo) -> str:
    """`status` for people: each interview, where its process stands, and its follow-ups."""
    if not data:
        return "No interviews found yet. Run `interview-bot run --once` to sync."
    lines = []
    for iv in data:
        flag = "" if iv["status"] == "active" else f" [{iv['status']}]"
        lines.append(f"{_local(iv['start'], tz)}  {iv['company'] or '?'}: {iv['title']}{flag}")
        if iv["status"] == "active":
            stage = f"    stage: {iv['stage']}"
            if iv["decision"] and iv["stage"] in (Stage.WAITING.value, Stage.INTERVIEW_AHEAD.value):  # not once they said no (or yes)
                d = iv["decision"]
                said = f', "{d["phrase"]}"' if d["phrase"] else ""
                stage += f"; decision expected by {date.fromisoformat(d['date']):%a %d %b} ({d['source']}{said})"
            lines.append(stage)
            if iv["stage"] == Stage.CLOSED.value:  # no check-in is planned: the user decides whether to ask later
                lines.append(f"    follow up later? set a date: interview-bot decide {shell_word(iv['company'] or iv['title'])} YYYY-MM-DD")
            if iv.get("via"):
                lines.append(f"    via {iv['via']}")
            lines += voice_lines({"company": iv["company"], **iv})
            for r in iv["replies"]:
                said = f' "{r["phrase"]}"' if r["phrase"] and r["kind"] not in ("bounce",) else ""
                if r["kind"] == "bounce":
                    what = f"bounce: {r['phrase'] or 'a message could not be delivered'} (check the address)"
                elif not r["trusted"]:
                    what = f"untrusted ({r['untrusted_because']}): {r['kind']} from {r['from']}, ignored"
                else:
                    what = f"{r['kind']} from {r['from']}{said}: {'an answer' if r['answer'] else 'not an answer'}"
                lines.append(f"    {_local(r['at'], tz)}  {what}")
            for u in iv.get("unattributed", ()):
                lines.append(f"    unattributed: \"{u['subject']}\" from {u['from']} on {_local(u['date'], tz)} ({u['why']})")
        for fu in iv["follow_ups"]:
            why = f" ({fu['reason']})" if fu["reason"] else ""
            kind = FollowUpKind(fu["kind"]).words  # the JSON keeps the stable name; people read words
            lines.append(f"    {kind:<18} {fu['status']:<10} due {_local(fu['due'], tz)}{why}")
            if fu.get("draft_url"):  # the link opens the draft in Gmail; it stands on a line of its own
                lines.append(f"      {fu['draft_url']}")
    return "\n".join(lines)


def sign_in_text(state: State, tz: ZoneInfo) -> str:
    """The dead sign-in, said first by `status` and `doctor` ("" when Google accepted the last one)."""
    problem = sign_in_problem(state)
    if problem is None:
        return ""
    since, message, _ = problem
    return (f"Google refuses the sign-in since {when(since, tz)}: nothing is drafted until you run "
            f"`interview-bot auth`.\n  ({message})")


def find_interview(state: State, query: str) -> Interview:
    """The interview a user names: its id, or its company (the latest round), or words of its title."""
    interviews = [iv for iv in state.interviews() if iv.status is InterviewStatus.ACTIVE]
    q = query.strip().lower()
    exact = [iv for iv in interviews if iv.id.lower() == q or iv.event_id.lower() == q]
    if exact:
        return exact[0]
    by_company = [iv for iv in interviews if q in (iv.company.lower(), *iv.company_domains)]
    if by_company:
        return max(by_company, key=lambda iv: iv.start)
    by_title = [iv for iv in interviews if q in iv.title.lower() or q in iv.company.lower()]
    if len({process_key(iv) for iv in by_title}) == 1:
        return max(by_title, key=lambda iv: iv.start)
    names = ", ".join(sorted({iv.company or iv.title for iv in by_title or interviews})) or "none yet"
    raise BotError(
        f"{'several' if by_title else 'no'} interviews match {query!r}",
        hint=f"name the company or the interview id from `interview-bot status --json` (known: {names})",
    )
