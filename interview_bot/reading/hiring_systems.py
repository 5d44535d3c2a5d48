"""The sender domains that applicant tracking systems and scheduling tools mail candidates from.

Shipped so that a rejection sent through Greenhouse or Workday is read without any setup.
A domain matches itself and its subdomains ("us.greenhouse-mail.io" is "greenhouse-mail.io").
Such a sender speaks for no company by itself: a message from it belongs to a process only
when it names that process's company (see interview_bot.reading.senders). Config can add domains or
turn the list off (`replies.hiring_systems`).

Each entry says where the domain was seen. Most of these tools can also send as the
company's own address (the recruiter's mailbox, or a verified domain): that mail is the
company's domain and needs no entry here. What is listed is the tools' own addresses,
which carry their automated mail (acknowledgements, scheduling, rejections).

Sources are public: the vendor's documentation where it names the address, else headers
published in public code (job-search trackers' test fixtures and filters). Vendors' own
corporate domains (workday.com, personio.de, ...) are left out where a mail-only domain is
documented, because people who work there write from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class HiringSystem:
    """One tool and the domains it mails candidates from."""

    name: str
    domains: tuple[str, ...]


HIRING_SYSTEMS: tuple[HiringSystem, ...] = (
    # no-reply@us.greenhouse-mail.io, no-reply@eu.greenhouse-mail.io, "Moloco Recruiting"
    # <notifications@greenhouse-mail.io>: headers in public job-tracker fixtures (e.g. rejections
    # "...opening at Podium" from no-reply@us.greenhouse-mail.io). no-reply@greenhouse.io is the
    # fallback From: support.greenhouse.io/hc/en-us/articles/205759545-Add-global-email-address
    HiringSystem("Greenhouse", ("greenhouse-mail.io", "greenhouse.io")),
    # help.lever.co/hc/en-us/articles/20087329859869 (hire.lever.co, hire.eu.lever.co); outbound
    # "Match Group" <no-reply@hire.lever.co> in public job-tracker fixtures.
    HiringSystem("Lever", ("hire.lever.co", "hire.eu.lever.co")),
    # <tenant>@myworkday.com ("Adobe Careers" <adobe@myworkday.com>, resmed@, wework@): public
    # job-tracker fixtures; the local part is the customer's tenant.
    HiringSystem("Workday", ("myworkday.com",)),
    # "Sentry" <no-reply@ashbyhq.com>: public fixtures; the default no-reply sender unless a
    # domain is verified: docs.ashbyhq.com/email-domain-setup
    HiringSystem("Ashby", ("ashbyhq.com",)),
    # "instead of the default @smartrecruiters.com domain":
    # learning.sap.com/courses/smartrecruiters-for-sap-successfactors-academy/configuring-email-domains
    HiringSystem("SmartRecruiters", ("smartrecruiters.com",)),
    # your-company-name+autoreply@agents.icims.com until the customer's domain is authenticated:
    # support.valimail.com/support/solutions/articles/48001238413-icims
    HiringSystem("iCIMS", ("icims.com",)),
    # conversations@ and no-reply@message.teamtailor.com: support.teamtailor.com/en/articles/8283065;
    # <user>@<tenant>.teamtailor-mail.com: public job-tracker fixtures.
    HiringSystem("Teamtailor", ("message.teamtailor.com", "teamtailor-mail.com")),
    # "the @workablemail.com domain from which we send these emails":
    # help.workable.com/hc/en-us/articles/360025463933-Troubleshooting-email-issues
    HiringSystem("Workable", ("workablemail.com",)),
    # <account>-jobs@m-personio.de / m-personio.com / m.personio.de without the customer's own SMTP:
    # support.personio.de/hc/en-us/articles/208037325 and /115003391785
    HiringSystem("Personio", ("m-personio.de", "m-personio.com", "m.personio.de")),
    # Recruiters' Recruitee mailboxes, <user>@<company>.recruitee.com ("Bob Sherbert
    # <bob@magnar.recruitee.com>" in a published take-home brief); support.recruitee.com/en/articles/8212921
    HiringSystem("Recruitee", ("recruitee.com",)),
    # "VIDIZMO LLC" <notifications@app.bamboohr.com>, "Thank you for applying at VIDIZMO LLC": a
    # captured candidate email in a public repository.
    HiringSystem("BambooHR", ("app.bamboohr.com",)),
    # Allow-list "jazzhr.com", "jazz.co" and "applytojob.com" to receive JazzHR emails:
    # success.jazzhr.com/hc/en-us/articles/223270747-Frequently-Asked-Questions
    HiringSystem("JazzHR", ("applytojob.com", "jazz.co", "jazzhr.com")),
    # System mail can use "dummy addresses with the SuccessFactors domain (e.g. dummy@successfactors.com)":
    # userapps.support.sap.com/sap/support/knowledge/en/3198111; .eu: EU data centres (trackers' lists).
    HiringSystem("SAP SuccessFactors", ("successfactors.com", "successfactors.eu")),
    # A Taleo zone's default FromAddress is @invalidemail.com, registered for Taleo's servers:
    # support.oracle.com/knowledge/Oracle%20Cloud/2633027_1.html (Doc ID 2633027.1)
    HiringSystem("Oracle Taleo", ("invalidemail.com",)),
    # scheduling@goodtime.io in public fixtures; employers' mail says "official communication ...
    # will come from @<company> or @goodtime.io (our meeting tool)".
    HiringSystem("GoodTime", ("goodtime.io",)),
    # interviews.modernloop.io as the organizer of candidates' events (public trackers' lists).
    HiringSystem("ModernLoop", ("modernloop.io",)),
    # Email confirmations come from Calendly (help.calendly.com/hc/en-us/articles/14078580813335);
    # notifications@calendly.com in public code. Not hiring-only: it still needs the company named.
    HiringSystem("Calendly", ("calendly.com",)),
    # user-(id)@<company>.mail.clinchtalent.com and ...rec-marketing.<region>.pageuppeople.com:
    # knowledgeportal.pageuppeople.com/hc/en-gb/articles/17126173414041
    HiringSystem("PageUp", ("mail.clinchtalent.com", "pageuppeople.com")),
    # Other tools, listed as senders in public job-search trackers (no vendor page names them).
    HiringSystem("Jobvite", ("jobvite.com",)),
    HiringSystem("HireVue", ("hirevue.com",)),
)


def shipped_domains() -> tuple[str, ...]:
    """Every shipped hiring-system domain, in the order above."""
    return tuple(d for system in HIRING_SYSTEMS for d in system.domains)


def system_for(domain: str, extra: tuple[str, ...] = ()) -> str:
    """The tool's name for a listed domain (or a subdomain of one), else the configured domain itself."""
    domain = domain.lower()
    for system in HIRING_SYSTEMS:
        if any(domain == d or domain.endswith("." + d) for d in system.domains):
            return system.name
    for d in extra:
        d = d.lower().lstrip("@")
        if domain == d or domain.endswith("." + d):
            return d
    return ""


def hiring_domains(shipped: bool = True, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The domains in use: the shipped ones (unless turned off) without `remove`, then `add`."""
    dropped = {d.lower().lstrip("@") for d in remove}
    base = [d for d in shipped_domains() if d not in dropped] if shipped else []
    return tuple(dict.fromkeys([*base, *(d.lower().lstrip("@") for d in add)]))


def robot_patterns(domains: tuple[str, ...]) -> tuple[str, ...]:
    """Scheduler-sender regexes for these domains: a hiring system's address is nobody to write to."""
    return tuple(rf"@(?:.+\.)?{re.escape(d)}$" for d in domains if "*" not in d and "?" not in d)


__all__ = ["HIRING_SYSTEMS", "HiringSystem", "hiring_domains", "robot_patterns", "shipped_domains", "system_for"]
