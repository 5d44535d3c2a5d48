"""`interview-bot explain COMPANY`: the trail behind one company's process, from the state file alone.

Each interview and the rule that made it one; each message from the company's side as it
was read (date, sender, the rule that tied it to this process, kind, the phrase that
decided it, whether it answered and why);
the decision date and where it comes from; and every follow-up with why it is where it
is. No Google requests: what the bot concluded is in the state file, and the planning is
pure, so it is worked out again here exactly as the daemon does.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from interview_bot.cli.common import when
from interview_bot.cli.status import find_interview
from interview_bot.model import CompanyMail, Decision, FollowUp, FollowUpStatus, InterviewStatus
from interview_bot.planning.process import process_key, stage_words
from interview_bot.runtime.engine import Settings, planned
from interview_bot.runtime.state import State
from interview_bot.runtime.voices import voice_json, voice_lines

__all__ = ["explain"]


def _day(d: date) -> str:
    return d.strftime("%a %d %b %Y")


def _decision_source(decision: Decision, mail: list[CompanyMail], tz: ZoneInfo) -> str:
    if decision.source == "email":
        m = next((m for m in reversed(mail) if m.promise_by == decision.by and m.promise_phrase == decision.phrase), None)
        where = f' in "{m.subject}" from {m.sender.email} on {when(m.date, tz)}' if m else ""
        return f'promised by the company: "{decision.phrase}"{where}'
    return {
        "you": "set by you (`interview-bot decide`)",
        "config": "set in config.yaml (decisions:)",
        "invitation": f'promised in the invitation: "{decision.phrase}"',
        "default": "no promise read: the default wait after the interview (follow_ups.status_check.default_wait)",
    }.get(decision.source, decision.source)


def _follow_up_why(fu: FollowUp, tz: ZoneInfo) -> str:
    if fu.status is FollowUpStatus.SCHEDULED:
        why = f"planned for {when(fu.due, tz)}"
    elif fu.status is FollowUpStatus.DRAFTED:
        why = f"drafted (draft {fu.draft_id}): waiting for you to review and send it" if fu.cause is None else fu.reason
    elif fu.status is FollowUpStatus.SENT:
        why = "sent"
    elif fu.status is FollowUpStatus.WITHDRAWN:
        why = "the unsent draft was deleted: " + fu.reason
    else:
        why = f"{fu.status.value}: {fu.reason or 'no reason recorded'}"
    if fu.note:
        why += f"\n        drafted anyway, with the line [[NOTE: {fu.note}]]"
    return why


def _message_lines(m: CompanyMail, answered: tuple[bool, str] | None, tz: ZoneInfo) -> list[str]:
    who = f"{m.sender.name} <{m.sender.email}>" if m.sender.name else f"<{m.sender.email}>"
    lines = [f'  {when(m.date, tz)}  {who}  "{m.subject}"']
    kind = m.kind.value if m.kind else "written before the interview"
    how = f" ({m.confidence:.0%}, rule {m.rule})" if m.rule and m.kind else ""
    lines.append(f"      read as: {kind}{how}" + (f' - "{m.shown_phrase}"' if m.shown_phrase else ""))
    if m.via:  # which rule tied it to this process: company domain, subdomain, hiring system + name, agency...
        lines.append(f"      tied to this process by: {m.via}" + (f" (through {m.agency})" if m.agency else ""))
    if m.trust:
        lines.append(f"      untrusted: {m.trust}")
    if m.promise_by:
        lines.append(f'      promises: {_day(m.promise_by)} ("{m.promise_phrase}")'
                     + (" - and no news by then means no" if m.silence else ""))
    if answered is not None:
        lines.append(f"      answer: {'yes' if answered[0] else 'no'} - {answered[1]}")
    return lines


def explain(state: State, settings: Settings, now: datetime, query: str) -> str:
    """The trail for the process of the company (or interview) `query` names, as text."""
    tz = settings.tz
    key = process_key(find_interview(state, query))
    view, plan = next((v, p) for v, p in planned(state, settings, now) if v.key == key)
    rounds = sorted(view.interviews, key=lambda iv: iv.start)
    company = next((iv.company for iv in reversed(rounds) if iv.company), key)
    out = [f"{company} ({key}): {stage_words(plan, tz)}",
           *voice_lines({"company": company, **voice_json(state, settings, rounds[-1])}), "", "Interviews:"]
    for iv in rounds:
        flag = "" if iv.status is InterviewStatus.ACTIVE else f" [{iv.status.value}]"
        out.append(f"  {when(iv.start, tz)}  {iv.title}{flag}")
        out.append(f"      why an interview: {state.detection(iv.id) or 'not recorded (detected by an older version)'}")
    mail = sorted(view.mail, key=lambda m: m.date)
    judged = {v.mail.id: (v.answer, v.why) for v in plan.verdicts}
    out += ["", "Mail from the company's side:" if mail else "Mail from the company's side: none read yet."]
    for m in mail:
        out += _message_lines(m, judged.get(m.id), tz)
    if plan.decision:
        # Once they have said no (or yes), the date is history: the date the check-ins waited for.
        waiting = plan.stage.waiting
        lead = "Decision expected by" if waiting else "Decision was expected by"
        out += ["", f"{lead} {_day(plan.decision.by)}: {_decision_source(plan.decision, mail, tz)}"]
        if plan.silence is not None:
            out.append(f"  Their email of {when(plan.silence.date, tz)} says no news by then means no.")
    out += ["", "Follow-ups:"]
    fus = sorted(view.follow_ups, key=lambda f: (f.due, f.key))
    for fu in fus:
        out.append(f"  {fu.kind.words:<18} {fu.status.value:<10} {_follow_up_why(fu, tz)}")
    if not fus:
        out.append("  none yet")
    return "\n".join(out)
