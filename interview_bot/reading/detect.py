"""Which calendar events are the user's job interviews, and what follow-ups need from them.

Pure: no I/O and no clock. `classify` explains itself (a `Verdict` with a reason for
`plan` and `status`); `detect` is the short form for callers that only want the Interview.

How an event is judged, in order:
1. A cancelled event with no details (incremental sync sends only id and status) is
   "cancelled, unknown": the caller cancels whatever it knew under that key.
2. Ruled out: an `ignore` title rule (mock interviews, prep, out of office...), an all-day
   event (unless `include_all_day`), an internal event (everyone else invited is at the
   user's own work domain: the user is on the hiring side), or a recurring event with
   nobody from another company.
3. Counted: a `match` title rule; or a `description_match` (an ATS link) on an invitation
   from someone else with someone from outside; or, when `external_organizer_is_interview`,
   a one-off invitation from an outside person titled like a booking ("Jane Roe and Dale
   Simon - 30 Minute Intro Call").
4. Status: cancelled events (or titles starting "Canceled:") -> CANCELLED; the user
   declined -> DECLINED; else ACTIVE. Non-active interviews are still returned so the
   planner can cancel their follow-ups.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from interview_bot.model import (
    Attendee,
    CalendarEvent,
    DetectionRules,
    Interview,
    InterviewStatus,
    Person,
    Response,
)
from interview_bot.reading.default_rules import DEFAULT_RULES
from interview_bot.reading.extract import (
    candidate_in_title,
    clean_name,
    clean_text,
    company_for_domain,
    domain_in,
    domain_of,
    find_meeting_link,
    is_calendar_system,
    is_role_mailbox,
    local_part,
    normalize_email,
    parse_title,
    registrable_label,
    spelling_in_title,
)
from interview_bot.reading.names import aliases, names

# The external-organizer rule: titles that read like a booking an outsider made with the user.
# Strong ones count from anyone outside; weak ones only from a company domain (not gmail.com),
# since "Call with Mom" from mom@gmail.com is not an interview.
_BOOKING_STRONG = (
    re.compile(r"\bintro(?:ductory|duction)?\b", re.IGNORECASE),
    re.compile(r"\b\d+\s*-?\s*min(?:ute)?s?\s+(?:meeting|call|chat|conversation|intro\w*|interview|screen)", re.IGNORECASE),
)
_BOOKING_WEAK = (re.compile(r"\b(?:chat|call|conversation|coffee\s+chat|catch[\s-]?up)\s+with\b", re.IGNORECASE),)
_CANCELLED_PREFIX = re.compile(r"^\s*(?:cancell?ed|canceled event)\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """What `classify` decided about one event, and why, for `plan` and `status`.

    `is_interview` is True for an event that is (or was) one of the user's interviews,
    whatever its status; `interview` then carries it. `cancelled` is True for any
    cancelled event, even one with no details: cancel whatever is known under `key`.
    """

    key: str
    is_interview: bool
    reason: str
    interview: Interview | None = None
    cancelled: bool = False


@functools.lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    # Invalid patterns raise re.error here; config validation is where a user should meet them.
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _first_match(patterns: tuple[str, ...], text: str) -> str | None:
    for pattern in _compiled(patterns):
        if pattern.search(text):
            return pattern.pattern
    return None


def _ignored_by(rules: DetectionRules, text: str) -> str | None:
    """The ignore rule that rules this title out, if any.

    Words that only name the job do not: "Interview: UX Research Lead at Initech" and
    "Initech | Webinar Producer | Interview" are job interviews for those roles, though "UX
    research" and "webinar" rule out other events. So a match that lies inside the role the
    title names, in a title an interview rule matches, is passed over. When unsure, draft.
    """
    role: str | None = None  # the job the title names, worked out once, when needed
    for pattern in _compiled(rules.ignore):
        for m in pattern.finditer(text):
            if role is None:
                role = parse_title(text).role.casefold() if _first_match(rules.match, text) else ""
            if not role or m.group(0).strip().casefold() not in role:
                return pattern.pattern
    return None


def _match_text(text: str) -> str:
    # Full-width and other compatibility forms match as their plain letters ("Ｉｎｔｅｒｖｉｅｗ").
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class _Party:
    """One address on the invitation, judged once."""

    email: str
    name: str
    response: Response
    is_organizer: bool
    is_attendee: bool
    is_me: bool
    is_machine: bool  # room, group, no-reply, scheduling system: not a person
    is_role: bool  # team@, recruiting@: a company's inbox, not someone to thank
    internal: bool  # at one of the user's own work domains
    personal: bool  # at gmail.com and the like

    @property
    def outside(self) -> bool:
        """Someone from outside the user's organisation (a person or a company inbox)."""
        return not (self.is_me or self.is_machine or self.internal)

    @property
    def company(self) -> bool:
        """From outside and at a company's domain, not a personal mailbox."""
        return self.outside and not self.personal

    @property
    def tokens(self) -> frozenset[str]:
        """The words of the name and of the address, to recognise the person in a title."""
        words = set(re.split(r"[^\w]+", self.name.lower())) | set(re.split(r"[._+\-\d]+", local_part(self.email)))
        words.discard("")
        return frozenset(words)


def is_scheduler_sender(email: str, rules: DetectionRules) -> bool:
    """A scheduling system or no-reply robot: never someone to write to."""
    # A domain the user mapped to a company is a company: interviewing at Greenhouse means
    # the interviewers really are @greenhouse.io.
    if domain_in(domain_of(email), rules.companies):
        return False
    return any(p.search(email) for p in _compiled(rules.scheduler_senders))


def _is_scheduler_domain(domain: str, rules: DetectionRules) -> bool:
    if domain_in(domain, rules.companies):
        return False
    return any(p.search("@" + domain) for p in _compiled(rules.scheduler_senders))


def _parties(event: CalendarEvent, me: frozenset[str], rules: DetectionRules) -> tuple[list[_Party], frozenset[str]]:
    """Everyone on the invitation (attendees, then the organizer), and the user's work domains."""
    mine = set(me)
    if event.self_attendee is not None and (addr := normalize_email(event.self_attendee.email)):
        mine.add(addr)
    if event.organizer_is_self and event.organizer is not None and (addr := normalize_email(event.organizer.email)):
        mine.add(addr)
    work_domains = frozenset(
        d for d in (domain_of(e) for e in mine) if d and not domain_in(d, rules.personal_domains)
    )

    def party(email: str, name: object, response: Response, *, organizer: bool, attendee: bool,
              is_self: bool = False, resource: bool = False) -> _Party:
        domain = domain_of(email)
        return _Party(
            email=email,
            name=clean_name(name),
            response=response,
            is_organizer=organizer,
            is_attendee=attendee,
            is_me=is_self or email in mine,
            is_machine=resource or is_calendar_system(email) or is_scheduler_sender(email, rules),
            is_role=is_role_mailbox(email),
            internal=domain in work_domains,
            personal=domain_in(domain, rules.personal_domains),
        )

    parties: list[_Party] = []
    seen: set[str] = set()
    for att in event.attendees or ():
        if not isinstance(att, Attendee) or not (email := normalize_email(att.email)) or email in seen:
            continue
        seen.add(email)
        try:
            response = Response(att.response)
        except ValueError:  # an answer Calendar may add one day: treat it as no answer yet
            response = Response.NEEDS_ACTION
        parties.append(party(email, att.name, response, organizer=att.is_organizer, attendee=True,
                             is_self=att.is_self, resource=att.is_resource))
    org = event.organizer
    if org is not None and (email := normalize_email(org.email)) and email not in seen:
        parties.append(party(email, org.name, Response.ACCEPTED, organizer=True, attendee=False,
                             is_self=event.organizer_is_self))
    return parties, work_domains


def _interviewers(parties: list[_Party]) -> tuple[Person, ...]:
    """The people to thank: outsiders who are people, attending, and did not decline."""
    people = [
        Person(p.email, p.name)
        for p in parties
        if p.outside and not p.is_role and p.response is not Response.DECLINED
    ]
    return tuple(people)


def _company(parties: list[_Party], title: str, title_company: str,
             rules: DetectionRules) -> tuple[str, tuple[str, ...], tuple[Person, ...]]:
    """The company's name, its domains (best first), and the third parties who arranged the interview.

    The company's domain is, in order: one the user mapped in `companies`; one the title names
    ("Interview - Initech" with people at initech.com and hays.com); the domain most of the
    other attendees share (the organizer counting half: an agency's recruiter organizing for
    the employer loses to the employer's interviewers). Its other domains are those of the
    same organisation (same label, or mapped to the same name); people at any other company
    domain are agents: an agency or outside recruiter who speaks for the company."""
    candidates = [
        p for p in parties
        if p.outside and not p.personal and not _is_scheduler_domain(domain_of(p.email), rules)
    ]
    if not candidates:
        return title_company, (), ()
    weight: Counter[str] = Counter()
    for p in candidates:
        if p.is_attendee and not p.is_organizer and not p.is_role:
            weight[domain_of(p.email)] += 2
        elif p.is_organizer:
            weight[domain_of(p.email)] += 1
    order = list(dict.fromkeys(domain_of(p.email) for p in candidates))

    def rank(domain: str) -> tuple[int, int, int, int]:
        mapped = domain_in(domain, rules.companies)
        named = names(title, aliases("", [domain]), case_sensitive=False) is not None
        return (0 if mapped else 1, 0 if named else 1, -weight[domain], order.index(domain))

    ranked = sorted(order, key=rank)
    name, mapped = company_for_domain(ranked[0], rules.companies)
    if not mapped:
        name = spelling_in_title(name, title)

    def same_company(domain: str) -> bool:
        if registrable_label(domain) == registrable_label(ranked[0]):
            return True
        other, other_mapped = company_for_domain(domain, rules.companies)
        return mapped and other_mapped and other == name

    domains = tuple(d for d in ranked if same_company(d))
    agents = tuple(dict.fromkeys(Person(p.email, p.name) for p in candidates if domain_of(p.email) not in domains))
    return name or title_company, domains, agents


def _candidate_named(title: str, parties: list[_Party], rules: DetectionRules) -> tuple[str, bool] | None:
    """Whom a "<Role> - <Name>" title names as the candidate: (name, is it the user?), if anyone.

    Scheduling tools name candidates' events after the job and the candidate. The user's
    names come from config (`me.name`), the calendar and the address; when none is known,
    nobody is said to be someone else."""
    found = candidate_in_title(title)
    if found is None:
        return None
    name, _role = found
    said = frozenset(t for t in re.split(r"[^\w]+", name.lower()) if t)
    mine = [frozenset(t for t in re.split(r"[^\w]+", n.lower()) if t) for n in rules.my_names]
    mine += [p.tokens for p in parties if p.is_me]
    mine = [m for m in mine if len(m) >= 2]
    if any(said <= m for m in mine):
        return name, True
    return (name, False) if mine else None


def _name_tokens(parties: list[_Party]) -> list[frozenset[str]]:
    """Each person's name and address words, so titles can tell a person from a company."""
    return [p.tokens for p in parties]


def _someone_elses(name: str, parties: list[_Party]) -> bool:
    """Whether a title's candidate is plainly someone the user interviews: that person is invited
    from a personal address (candidates apply from gmail.com; interviewers, agencies and the
    user's own reminders name people at company domains). Not invited: nobody can tell."""
    said = frozenset(t for t in re.split(r"[^\w]+", name.lower()) if t)
    return any(p.personal for p in parties if not p.is_me and said and said <= p.tokens)


def _booking_signal(organizer: _Party | None, title: str, rules: DetectionRules, recurring: bool) -> str | None:
    if not rules.external_organizer_is_interview or organizer is None or recurring:
        return None
    if not organizer.outside or organizer.is_role:
        return None
    patterns: Iterable[re.Pattern[str]] = _BOOKING_STRONG if organizer.personal else (*_BOOKING_STRONG, *_BOOKING_WEAK)
    if any(p.search(title) for p in patterns):
        return f"an invitation from {organizer.email} titled like a booking"
    return None


def classify(
    event: CalendarEvent,
    my_emails: frozenset[str],
    rules: DetectionRules = DEFAULT_RULES,
    default_time_zone: str = "UTC",
) -> Verdict:
    """Whether `event` is one of the user's job interviews, why, and the Interview if so."""
    key = event.key
    cancelled = (event.status or "").lower() == "cancelled"
    title = clean_text(event.summary)
    if cancelled and not title and event.start is None:
        return Verdict(key, False, "cancelled; the sync gave no details, so cancel whatever was known by its id",
                       cancelled=True)
    if event.start is None:
        return Verdict(key, False, "no start time", cancelled=cancelled)

    me = frozenset(e for e in (normalize_email(x) for x in my_emails) if e)
    parties, work_domains = _parties(event, me, rules)
    organizer = next((p for p in parties if p.is_organizer and not p.is_attendee), None) or next(
        (p for p in parties if p.is_organizer), None
    )
    organizer_is_me = event.organizer_is_self or (organizer is not None and organizer.is_me)
    others = [p for p in parties if not p.is_me and not p.is_machine]
    outsiders = [p for p in others if p.outside]
    text = _match_text(title)
    # Descriptions can be pages of HTML; an ATS footer is near the top or bottom, and 20k is plenty.
    description = _match_text(event.description[:20_000]) if isinstance(event.description, str) else ""

    if rule := _ignored_by(rules, text):
        return Verdict(key, False, f"ignored: the title matches the ignore rule /{rule}/", cancelled=cancelled)
    if event.all_day and not rules.include_all_day:
        return Verdict(key, False, "all-day event (set include_all_day to count these)", cancelled=cancelled)
    if others and not outsiders:
        where = ", ".join(sorted(work_domains))
        who = "you organized it and " if organizer_is_me else ""
        return Verdict(key, False, f"internal: {who}everyone invited is at {where}, so you are not the candidate",
                       cancelled=cancelled)
    if event.is_recurring and not any(p.company for p in outsiders):
        return Verdict(key, False, "recurring, with nobody from another company", cancelled=cancelled)
    candidate = _candidate_named(title, parties, rules)
    if candidate and not candidate[1] and _someone_elses(candidate[0], parties):
        return Verdict(key, False, f"the title names {candidate[0]} as the candidate: you are the interviewer",
                       cancelled=cancelled)

    reason = None
    if rule := _first_match(rules.match, text):
        reason = f"the title matches /{rule}/"
    elif candidate and candidate[1] and not organizer_is_me and organizer is not None and organizer.outside:
        reason = f"the title names you as the candidate, and {organizer.email} invited you"
    elif outsiders and not organizer_is_me and (rule := _first_match(rules.description_match, description)):
        reason = f"the description matches /{rule}/ and {outsiders[0].email} is from outside"
    elif not organizer_is_me:
        reason = _booking_signal(organizer, text, rules, event.is_recurring)
    if reason is None:
        return Verdict(key, False, "no interview keyword in the title, and not an outside booking", cancelled=cancelled)

    status = InterviewStatus.ACTIVE
    me_party = next((p for p in parties if p.is_me and p.is_attendee), None)
    if cancelled or _CANCELLED_PREFIX.match(title):
        status, reason = InterviewStatus.CANCELLED, reason + " (cancelled)"
    elif me_party is not None and me_party.response is Response.DECLINED:
        status, reason = InterviewStatus.DECLINED, reason + " (you declined)"

    parts = parse_title(event.summary, _name_tokens(parties))
    company, domains, agents = _company(parties, title, parts.company, rules)
    end = event.end if event.end is not None and event.end >= event.start else event.start
    org_person = Person(organizer.email, organizer.name) if organizer is not None else None
    interview = Interview(
        id=key,
        calendar_id=event.calendar_id,
        event_id=event.id,
        title=title,
        company=clean_text(company, 100),
        role=clean_text(parts.role, 100),
        start=event.start,
        end=end,
        time_zone=clean_text(event.time_zone, 64) or default_time_zone,
        interviewers=_interviewers(parties),
        organizer=org_person,
        meeting_link=find_meeting_link((event.meeting_link, event.location, event.description)),
        company_domains=domains,
        status=status,
        agents=agents,
    )
    return Verdict(key, True, "interview: " + reason, interview, cancelled)


def detect(
    event: CalendarEvent,
    my_emails: frozenset[str],
    rules: DetectionRules = DEFAULT_RULES,
    default_time_zone: str = "UTC",
) -> Interview | None:
    """The Interview `event` is (possibly DECLINED or CANCELLED), or None when it is not one."""
    return classify(event, my_emails, rules, default_time_zone).interview


__all__ = ["DEFAULT_RULES", "Verdict", "classify", "detect", "is_scheduler_sender"]
