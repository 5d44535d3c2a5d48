"""Which open process a message belongs to, and by which rule: the company behind the tools.

Pure. Much of the decisive mail never comes from the company's own address: a rejection
arrives from no-reply@us.greenhouse-mail.io with the company only in the display name, an
agency's recruiter relays "my client has decided...". `attribute` ties a message to at most
one process and says how (`Rule`), in this order:

1. Who sent it. Someone on one of the process's invitations (an interviewer, the organizer,
   an agency recruiter who arranged it: Rule.PERSON / Rule.AGENCY), or an address at the
   company's domain (Rule.COMPANY_DOMAIN) or a subdomain of it (Rule.SUBDOMAIN: careers.,
   mail.). When that points at two processes, the thread decides, else nobody.
2. Where it was sent. A third party writing in a thread the process's mail is in, or with
   the company's people on copy, speaks for the company (Rule.THREAD, Rule.AGENCY).
3. What it names. A hiring system's sender (interview_bot.reading.hiring_systems, config), a
   configured `replies.senders` address, or another recruiter at an agency that arranged an
   interview writes for many companies: the message belongs to the one process whose company
   it names in the display name, the address (adobe@myworkday.com, initech.teamtailor-mail.com),
   the subject or the first and last lines of the text (Rule.HIRING_SYSTEM, Rule.CONFIGURED,
   Rule.AGENCY). Naming another company, naming none, or naming two processes' companies
   attaches it to nobody: narrow beats clever; an unattributed message costs at most a
   needless check-in, a wrong one can cost the job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from interview_bot.model import Interview, Person
from interview_bot.reading.extract import company_for_domain, domain_in, domain_of, normalize_email
from interview_bot.reading.hiring_systems import system_for
from interview_bot.reading.names import Alias, aliases, compact, names
from interview_bot.reading.replies import sender_matches, strip_quoted

__all__ = ["Attribution", "Envelope", "Rule", "SenderRules", "Side", "agency_name", "attribute", "body_lines",
           "bounced_to", "side_of"]

_HEAD_LINES = 6  # the greeting and first sentences name the company ...
_TAIL_LINES = 3  # ... and so does the signature ("The Initech Talent Team")
_MAX_LINE = 300


class Rule(str, Enum):
    """How a message was tied to a process (shown in `status --json` as replies[].via)."""

    PERSON = "person on the invitation"
    COMPANY_DOMAIN = "company domain"
    SUBDOMAIN = "subdomain"
    AGENCY = "agency"
    THREAD = "thread"
    HIRING_SYSTEM = "hiring system + name"
    CONFIGURED = "configured sender + name"


@dataclass(frozen=True)
class Side:
    """One open process as attribution sees it: the company, its people, who arranged it."""

    key: str
    company: str
    domains: tuple[str, ...]  # the company's own domains
    people: frozenset[str]  # interviewers and organizers (lower-case addresses)
    agents: tuple[Person, ...] = ()  # third parties who arranged an interview
    threads: frozenset[str] = frozenset()  # Gmail threads the process's mail is in

    @property
    def aliases(self) -> tuple[Alias, ...]:
        return aliases(self.company, self.domains)

    def agent(self, email: str) -> Person | None:
        return next((a for a in self.agents if a.email.lower() == email), None)


@dataclass(frozen=True)
class SenderRules:
    """Who writes for companies without being one: config plus the shipped list."""

    hiring_domains: tuple[str, ...] = ()  # interview_bot.reading.hiring_systems plus replies.hiring_systems
    configured: tuple[str, ...] = ()  # replies.senders: an address, "@domain" or a regex
    personal_domains: tuple[str, ...] = ()  # gmail.com and the like: never a company


@dataclass(frozen=True)
class Envelope:
    """A message as attribution needs it: headers, and the text once it is read."""

    sender_email: str
    sender_name: str = ""
    subject: str = ""
    thread_id: str = ""
    copied: tuple[str, ...] = ()  # To and Cc addresses
    body: str | None = None  # None: not read yet (attribute asks for it when it needs it)


@dataclass(frozen=True)
class Attribution:
    """The process a message belongs to (or None), the rule, and why, in words for `status`."""

    key: str | None
    rule: Rule | None = None
    why: str = ""
    agency: str = ""  # the third party it came through, for "via <agency>"
    candidates: tuple[str, ...] = ()  # when two or more processes could claim it: unattributed
    needs_body: bool = False  # it could name a company in its text: read it and ask again

    @property
    def ambiguous(self) -> bool:
        return self.key is None and len(self.candidates) > 1


def side_of(key: str, interviews: Sequence[Interview], threads: Iterable[str] = (),
            personal_domains: Iterable[str] = ()) -> Side:
    """A process's Side from its interviews (the latest's company name first)."""
    personal = tuple(personal_domains)
    ordered = sorted(interviews, key=lambda iv: iv.start, reverse=True)
    people = {p.email.lower() for iv in ordered for p in iv.interviewers}
    people |= {iv.organizer.email.lower() for iv in ordered if iv.organizer}
    agents = {a.email.lower(): a for iv in ordered for a in iv.agents}
    agent_emails = set(agents)
    domains = tuple(dict.fromkeys(d.lower() for iv in ordered for d in iv.company_domains
                                  if d and not domain_in(d, personal)))
    company = next((iv.company for iv in ordered if iv.company), "")
    return Side(key, company, domains, frozenset(people - agent_emails), tuple(agents.values()),
                frozenset(threads))


def agency_name(person: Person, personal_domains: Iterable[str] = ()) -> str:
    """What to call a third party: its organisation (from the domain), else the person."""
    domain = domain_of(person.email.lower())
    if domain and not domain_in(domain, personal_domains):
        return company_for_domain(domain, {})[0] or domain
    return person.name or person.email


def body_lines(body: str) -> str:
    """The lines of a message's own text that name its company: the first ones and the signature."""
    lines = [line.strip()[:_MAX_LINE] for line in strip_quoted(body or "").splitlines() if line.strip()]
    if len(lines) > _HEAD_LINES + _TAIL_LINES:
        lines = lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]
    return "\n".join(lines)


def _tenant_labels(sender: str, system_domain: str) -> list[str]:
    """What a hiring system's address says of the customer: "adobe" in adobe@myworkday.com,
    "columbiaroad" in x@columbiaroad.teamtailor-mail.com, "initech" in initech-jobs@m-personio.de."""
    local = sender.split("@", 1)[0].split("+", 1)[0]
    local = re.sub(r"[-_.](?:jobs?|careers?|recruiting|hr)$", "", local)
    domain = domain_of(sender)
    labels = [local]
    if system_domain and domain.endswith("." + system_domain):
        labels += domain[: -len(system_domain) - 1].split(".")
    return [label for label in labels if label]


def _where_named(side: Side, env: Envelope, system_domain: str) -> str:
    """Where the message names this side's company ("" when it does not)."""
    known = side.aliases
    if not known:
        return ""
    if names(env.sender_name, known, case_sensitive=False):
        return "the sender's name"
    tenant = {compact(label) for label in _tenant_labels(normalize_email(env.sender_email), system_domain)}
    if any(a.compact in tenant or a.compact.replace("and", "") in tenant for a in known):
        return "the sender's address"
    if names(env.subject, known):
        return "the subject"
    if env.body is not None and names(body_lines(env.body), known):
        return "the text"
    return ""


def _rule_for_domain(sender_domain: str, side: Side) -> Rule | None:
    for d in side.domains:
        if sender_domain == d:
            return Rule.COMPANY_DOMAIN
    if domain_in(sender_domain, side.domains):
        return Rule.SUBDOMAIN
    return None


def _by_identity(sender: str, env: Envelope, sides: Sequence[Side], rules: SenderRules) -> Attribution | None:
    """Rule 1: someone on an invitation, or the company's own domain."""
    domain = domain_of(sender)
    hits: dict[str, Attribution] = {}
    for side in sides:
        if agent := side.agent(sender):
            who = agency_name(agent, rules.personal_domains)
            hits[side.key] = Attribution(side.key, Rule.AGENCY, f"{sender} arranged an interview with "
                                         f"{side.company or side.key} ({who})", agency=who)
        elif sender in side.people:
            hits[side.key] = Attribution(side.key, Rule.PERSON, f"{sender} is on the invitation")
        elif not domain_in(domain, rules.personal_domains) and (rule := _rule_for_domain(domain, side)):
            hits[side.key] = Attribution(side.key, rule, f"{domain} is {side.company or side.key}'s domain"
                                         if rule is Rule.COMPANY_DOMAIN else
                                         f"{domain} is a subdomain of {side.company or side.key}'s domain")
    if len(hits) == 1:
        return next(iter(hits.values()))
    if len(hits) > 1:
        # An agency's recruiter on two processes' invitations: the thread decides, else the one named.
        by_thread = [key for key in hits if env.thread_id and env.thread_id in _side(sides, key).threads]
        if len(by_thread) == 1:
            return hits[by_thread[0]]
        named = [key for key in hits if _where_named(_side(sides, key), env, "")]
        if len(named) == 1:
            return hits[named[0]]
        return Attribution(None, why=f"{sender} belongs to more than one open process", candidates=tuple(hits),
                           needs_body=env.body is None and not named)
    return None


def _side(sides: Sequence[Side], key: str) -> Side:
    return next(s for s in sides if s.key == key)


def _by_conversation(sender: str, env: Envelope, sides: Sequence[Side], rules: SenderRules,
                     system: str) -> Attribution | None:
    """Rule 2: a third party in the process's thread, or writing with the company on copy.

    Only from an organisation's domain: a friend at gmail.com who introduced you to the
    recruiter does not speak for the company."""
    who = agency_name(Person(sender, env.sender_name), rules.personal_domains)
    in_thread = [s for s in sides if env.thread_id and env.thread_id in s.threads]
    if len(in_thread) == 1 and system:
        side = in_thread[0]
        return Attribution(side.key, Rule.HIRING_SYSTEM, f"{system} in {side.company or side.key}'s thread")
    if system or domain_in(domain_of(sender), rules.personal_domains):
        return None
    if len(in_thread) == 1:
        side = in_thread[0]
        return Attribution(side.key, Rule.THREAD, f"{sender} wrote in {side.company or side.key}'s thread",
                           agency=who)
    copied = {normalize_email(a) for a in env.copied} - {""}
    with_company = [s for s in sides if any(a in s.people or domain_in(domain_of(a), s.domains) for a in copied)]
    if len(with_company) == 1:
        side = with_company[0]
        return Attribution(side.key, Rule.AGENCY, f"{sender} wrote with {side.company or side.key} on copy",
                           agency=who)
    return None


def _by_name(sender: str, env: Envelope, sides: Sequence[Side], rules: SenderRules, system: str,
             system_domain: str) -> Attribution:
    """Rule 3: a sender that writes for many companies, and the one company it names."""
    domain = domain_of(sender)
    agency_sides = [s for s in sides if any(domain_of(a.email.lower()) == domain for a in s.agents)
                    and not domain_in(domain, rules.personal_domains)]
    configured = any(sender_matches(sender, rule) for rule in rules.configured)
    if not (system or configured or agency_sides):
        return Attribution(None, why=f"{sender} is not from the company side of any open process")
    named = {s.key: where for s in sides if (where := _where_named(s, env, system_domain))}
    if len(named) > 1:
        companies = ", ".join(sorted(_side(sides, k).company or k for k in named))
        return Attribution(None, why=f"it names more than one open process ({companies})", candidates=tuple(named))
    if not named:
        return Attribution(None, why=f"{sender} names no open process's company", needs_body=env.body is None)
    key, where = next(iter(named.items()))
    side = _side(sides, key)
    company = side.company or key
    if system:
        return Attribution(key, Rule.HIRING_SYSTEM, f"{system} ({domain}), naming {company} in {where}")
    if configured:
        return Attribution(key, Rule.CONFIGURED, f"a configured sender, naming {company} in {where}")
    if side in agency_sides:
        agent = next(a for a in side.agents if domain_of(a.email.lower()) == domain)
        who = agency_name(agent, rules.personal_domains)
        return Attribution(key, Rule.AGENCY, f"{who}, who arranged an interview, naming {company} in {where}",
                           agency=who)
    return Attribution(None, why=f"{sender} names {company}, but its agency did not arrange that interview")


def bounced_to(failed: Iterable[str], sides: Sequence[Side]) -> str | None:
    """The process a bounce belongs to: the one whose person or domain it could not reach."""
    for address in (normalize_email(a) for a in failed):
        for side in sides:
            if address in side.people or side.agent(address) or domain_in(domain_of(address), side.domains):
                return side.key
    return None


def attribute(env: Envelope, sides: Sequence[Side], rules: SenderRules = SenderRules()) -> Attribution:
    """Which of the open processes `sides` this message belongs to, and by which rule.

    When the headers name no process but the text might (a hiring system's sender), the
    answer has `needs_body`: call again with `env.body` set."""
    sender = normalize_email(env.sender_email)
    if not sender:
        return Attribution(None, why="no usable sender address")
    if found := _by_identity(sender, env, sides, rules):
        return found
    domain = domain_of(sender)
    system_domain = next((d.lower().lstrip("@") for d in rules.hiring_domains if domain_in(domain, [d])), "")
    system = (system_for(domain, rules.hiring_domains) or system_domain) if system_domain else ""
    if system:
        # What a hiring system names comes first: its message about Globex is not Initech's for
        # sharing a subject line (and so, maybe, a thread). Naming nobody, the thread decides.
        named = _by_name(sender, env, sides, rules, system, system_domain)
        if named.key is not None or named.candidates or named.needs_body:
            return named
        return _by_conversation(sender, env, sides, rules, system) or named
    if found := _by_conversation(sender, env, sides, rules, system):
        return found
    return _by_name(sender, env, sides, rules, system, system_domain)

