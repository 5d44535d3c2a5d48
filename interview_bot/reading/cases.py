"""Running config tests: each case through the reading rules, exactly as the bot applies them.

Pure: no I/O and no clock. An event case becomes a `CalendarEvent` and goes through
`detect.classify` with the user's detection rules; a message case becomes an `Incoming`
and goes through the bot's one mail reader (interview_bot.reading.message.read_mail, as the
mail sync calls it) with the user's reply rules. Each result says what was expected, what came out, and
which rule decided it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from interview_bot.config.cases import ConfigTests, EventCase, MessageCase
from interview_bot.model import (
    Attendee,
    CalendarEvent,
    DetectionRules,
    Interview,
    MailMessage,
    MailPart,
    Person,
    Response,
)
from interview_bot.reading.detect import classify
from interview_bot.reading.extract import domain_in, domain_of, normalize_email
from interview_bot.reading.incoming import Incoming
from interview_bot.reading.lang import LANGUAGES
from interview_bot.reading.mailbody import read_body
from interview_bot.reading.message import MailMeaning, OpenProcess, ReadingRules, read_mail
from interview_bot.reading.read import read_message as read_text

__all__ = ["CaseResult", "CaseRules", "Reading", "describe", "read_message", "run_cases"]

# Where an event case happens and when a message case was sent, when the case does not say:
# nothing detection decides depends on it.
_EVENT_START = time(10, 0)
_DEFAULT_DAY = date(2026, 1, 6)  # a Tuesday
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PLACEHOLDER_ME = "you@example.invalid"


@dataclass(frozen=True)
class CaseRules:
    """The rules as the bot applies them (built from the engine's settings by `interview_bot.runtime.wiring.case_rules`)."""

    detection: DetectionRules
    my_email: str
    tz: ZoneInfo
    country: str | None
    reply_rules: dict[str, list[str]]  # replies.rules
    senders: tuple[str, ...]  # replies.senders
    hiring: tuple[str, ...] = ()  # the hiring systems' sender domains in use


@dataclass(frozen=True)
class CaseResult:
    """One case's outcome: `problems` lists each expectation that failed ("kind: expected x, got y")."""

    section: str  # "events" or "messages"
    index: int
    label: str  # the case's name, else its title or subject
    line: int | None  # in config.yaml
    problems: tuple[str, ...]
    decided_by: tuple[str, ...]  # the rules and reasons behind what came out

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def where(self) -> str:
        return f"tests.{self.section}[{self.index}]"


def run_cases(tests: ConfigTests, rules: CaseRules,
              line_of: Callable[[str, int], int | None] | None = None) -> list[CaseResult]:
    """Run event cases, then message cases. `line_of(section, index)` gives a case's line, if known."""
    results: list[CaseResult] = []
    for i, event_case in enumerate(tests.events):
        line = line_of("events", i) if line_of else None
        results.append(_run_event(i, event_case, rules, line))
    for i, message_case in enumerate(tests.messages):
        line = line_of("messages", i) if line_of else None
        results.append(_run_message(i, message_case, rules, line))
    return results


def describe(result: CaseResult, source: str = "") -> str:
    """A failed case for the terminal: where it is, each unmet expectation, and what decided."""
    where = f"{source}:{result.line}: " if source and result.line else ""
    lines = [f'FAIL {where}{result.where} "{result.label}"']
    lines += [f"  {problem}" for problem in result.problems]
    lines += [f"  {'decided by:' if n == 0 else '':<11} {reason}" for n, reason in enumerate(result.decided_by)]
    return "\n".join(lines)


def _compare(name: str, expected: object, got: object) -> str | None:
    return None if expected == got else f"{name}: expected {_shown(expected)}, got {_shown(got)}"


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, date):
        return f"{value:%Y-%m-%d} ({value:%a})"
    return f'"{value}"'


# --- events --------------------------------------------------------------------------------------


def _person(address: str) -> Person:
    name, email = parseaddr(address)
    return Person(email.strip(), name.strip())


def _event(i: int, case: EventCase, rules: CaseRules) -> CalendarEvent:
    """The case as the calendar adapter would hand it over: you invited, the organizer attending."""
    start = datetime.combine(_DEFAULT_DAY, time(0) if case.all_day else _EVENT_START, tzinfo=rules.tz)
    end = start + (timedelta(days=1) if case.all_day else timedelta(hours=1))
    me = Attendee(rules.my_email, "", Response.ACCEPTED, is_self=True, is_organizer=case.organizer is None)
    organizer = _person(case.organizer) if case.organizer else Person(rules.my_email)
    others = [_person(a) for a in case.attendees]
    attendees = [me]
    if case.organizer and organizer.email.lower() not in {p.email.lower() for p in others}:
        attendees.append(Attendee(organizer.email, organizer.name, Response.ACCEPTED, is_organizer=True))
    attendees += [Attendee(p.email, p.name, Response.ACCEPTED, is_organizer=p.email.lower() == organizer.email.lower())
                  for p in others]
    return CalendarEvent(
        calendar_id="tests", id=f"event{i}", status="confirmed", summary=case.title, description=case.description,
        start=start, end=end, all_day=case.all_day, time_zone=rules.tz.key, organizer=organizer,
        organizer_is_self=case.organizer is None, attendees=tuple(attendees),
        recurrence=("RRULE:FREQ=WEEKLY",) if case.recurring else (),
    )


def _run_event(i: int, case: EventCase, rules: CaseRules, line: int | None) -> CaseResult:
    verdict = classify(_event(i, case, rules), frozenset({rules.my_email}), rules.detection, rules.tz.key)
    iv = verdict.interview
    expect = case.expect
    problems = [_compare("interview", expect.interview, verdict.is_interview)]
    if expect.company is not None:
        problems.append(_compare("company", expect.company, iv.company if iv else None))
    if expect.role is not None:
        problems.append(_compare("role", expect.role, iv.role if iv else None))
    decided = [verdict.reason]
    if iv is not None:
        decided.append(f'company "{iv.company}", role "{iv.role}"' + (
            f" (from {', '.join(iv.company_domains)})" if iv.company_domains else " (from the title)"))
    return CaseResult("events", i, case.name or case.title, line, tuple(p for p in problems if p), tuple(decided))


# --- messages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What the bot makes of one message: its kind, whether it answers, the date it promises, and why."""

    kind: str
    phrase: str  # the words that showed the kind
    rule: str  # the rule that decided the kind, in words
    is_answer: bool
    answer_reason: str
    promise: date | None
    promise_phrase: str = ""


_SHOWN = 70  # of a shipped pattern: enough to recognise it, and the phrase says the rest
_LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
              "pt": "Portuguese", "nl": "Dutch"}


def reading_rules(rules: CaseRules) -> ReadingRules:
    """The mail reader's rules, as the sync runs with them."""
    return ReadingRules(tz=rules.tz, country=rules.country, extra_senders=rules.senders,
                        extra_rules=rules.reply_rules, personal_domains=rules.detection.personal_domains,
                        hiring_domains=rules.hiring)


def read_message(msg: MailMessage, parts: tuple[MailPart, ...], process: OpenProcess, rules: CaseRules) -> Reading:
    """How the bot reads `msg` for the one open `process`: `interview_bot.reading.message.read_mail`, as
    the mail sync calls it. A message it would not record for the process answers nothing (the
    reason says why), though what its words say is still shown. No decision date is standing,
    so only a decisive reply answers.
    """
    reader = reading_rules(rules)
    outcome = read_mail(msg, parts, (process,), reader, frozenset({rules.my_email}))
    if isinstance(outcome, MailMeaning):
        reading = outcome.reading
        is_answer, answer_reason = outcome.mail.is_answer, reading.answer_reason
    else:
        assert msg.sender is not None and msg.date is not None
        body = read_body(parts)
        words = Incoming(sender_email=msg.sender.email, sender_name=msg.sender.name, subject=msg.subject,
                         date=msg.date, headers=msg.headers, labels=msg.label_ids, body=body.text,
                         mime_types=body.mime_types)
        reading = read_text(words, rules.tz, country=rules.country, extra_rules=rules.reply_rules or None)
        is_answer, answer_reason = False, outcome.why or outcome.reason.value
    promise = reading.promise
    return Reading(reading.kind.value, reading.phrase, _rule_words(reading.rule, rules.reply_rules), is_answer,
                   answer_reason, promise.by if promise else None, promise.phrase if promise else "")


def _rule_words(rule: str, extra: dict[str, list[str]]) -> str:
    """The rule that decided a kind, as a user looking at config.yaml would name it: with its pattern."""
    source, _, rest = rule.partition(":")
    name, _, number = rest.partition("#")
    if source == "config" and number.isdigit() and name in extra:
        return f"your rule replies.rules.{name} /{extra[name][int(number) - 1]}/"
    shipped = {lang.code: lang for lang in LANGUAGES}.get(source)
    if shipped is not None and number.isdigit() and name in shipped.rules:
        pattern = shipped.rules[name][int(number) - 1]
        shown = pattern if len(pattern) <= _SHOWN else pattern[:_SHOWN] + "..."
        return f"the shipped {_LANGUAGES.get(source, source)} {name} rule /{shown}/"
    return rule or "no phrase rule matched"


def _sent(case: MessageCase, tz: ZoneInfo) -> datetime:
    sent = case.sent
    if sent is None:
        return datetime.combine(_DEFAULT_DAY, time(12), tzinfo=tz)
    if isinstance(sent, datetime):
        return sent if sent.tzinfo is not None else sent.replace(tzinfo=tz)
    return datetime.combine(sent, time(12), tzinfo=tz)  # a date: midday, far from either edge of it


def _process(case: MessageCase, sender: Person, rules: CaseRules) -> OpenProcess:
    """The one open process the case's message is about: the sender's, unless the case names the company's domain."""
    personal = rules.detection.personal_domains
    if case.company:
        domains: tuple[str, ...] = (case.company,)
        people: tuple[Person, ...] = ()
    else:
        domain = domain_of(sender.email)
        domains = () if domain_in(domain, personal) else (domain,)
        people = (sender,)
    company = domains[0].split(".")[0].capitalize() if domains else ""
    iv = Interview(id="tests/case", calendar_id="tests", event_id="case", title="Interview", company=company,
                   role="", start=_EPOCH, end=_EPOCH, time_zone=rules.tz.key, interviewers=people,
                   company_domains=domains)
    return OpenProcess(domains[0] if domains else sender.email, (iv,))


def _run_message(i: int, case: MessageCase, rules: CaseRules, line: int | None) -> CaseResult:
    name, address = parseaddr(case.from_)
    sender = normalize_email(address)
    headers = {k.strip().lower(): v for k, v in case.headers.items()}
    content_type = headers.get("content-type", "text/plain")
    if "charset" not in content_type.lower():
        content_type += "; charset=utf-8"
    sent = _sent(case, rules.tz)
    msg = MailMessage(id=f"case{i}", thread_id=f"case{i}", message_id=f"<case{i}@tests.invalid>",
                      subject=case.subject, sender=Person(sender, name), to=(Person(rules.my_email),), date=sent,
                      label_ids=("INBOX",), headers=headers)
    parts = (MailPart(content_type, case.body.encode("utf-8")),)
    reading = read_message(msg, parts, _process(case, Person(sender, name), rules), rules)
    expect = case.expect
    problems = []
    if expect.kind is not None:
        problems.append(_compare("kind", expect.kind, reading.kind))
    if expect.answer is not None:
        problems.append(_compare("answer", expect.answer, reading.is_answer))
    if expect.promise is not None:
        wanted = None if expect.promise == "none" else expect.promise
        problems.append(_compare("promise", wanted, reading.promise))
    found = f' ("{reading.phrase}")' if reading.phrase else ""
    decided = [f"kind {reading.kind}: {reading.rule}{found}", f"answer: {reading.answer_reason}"]
    if reading.promise:
        decided.append(f'promise {reading.promise:%Y-%m-%d} ({reading.promise:%a}) from "{reading.promise_phrase}", '
                       f"counted from {sent.astimezone(rules.tz):%a %Y-%m-%d}")
    elif expect.promise is not None:
        decided.append("promise: no decision date found in the text")
    label = case.name or case.subject or case.from_
    return CaseResult("messages", i, label, line, tuple(p for p in problems if p), tuple(decided))
