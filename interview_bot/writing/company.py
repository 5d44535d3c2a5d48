"""The company's name in a draft: how the company names itself, or, marked as such, a guess.

A name the user mapped in `companies:`, or one the invitation's title or its organizer's display
name writes, is the company's own. A name made up from a domain ("Corvidanalytics" from
corvidanalytics.com) is not; the company's own mail may write it ("Jane Smith | Corvid
Analytics", a signature, "the role at Corvid Analytics": CompanyMail.company_written, read by
reading/company_names.py), and then drafts use that spelling. A name nothing wrote is shown in
`status` for the user to confirm with `companies:`. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from interview_bot.model import CompanyMail, Interview
from interview_bot.reading.names import aliases, compact, names

__all__ = ["company_name", "company_naming"]


def company_naming(iv: Interview, mails: Iterable[CompanyMail], companies: Mapping[str, str]) -> tuple[str, str | None]:
    """The name drafts give the company (its own, else its mail's spelling of the guess, else the guess),
    and the domain it was only guessed from (None when the company writes it somewhere)."""
    if _own_name(iv, companies):
        return iv.company, None
    written = _written_in_mail(iv, mails)
    return (written, None) if written else (iv.company, iv.company_domains[0])


def company_name(iv: Interview, mails: Iterable[CompanyMail], companies: Mapping[str, str]) -> str:
    """The name drafts give the company."""
    return company_naming(iv, mails, companies)[0]


def _own_name(iv: Interview, companies: Mapping[str, str]) -> bool:
    """Whether iv.company is the user's mapping or written on the invitation (title, organizer, people)."""
    if not iv.company or not iv.company_domains:
        return True  # no domain to have guessed it from: the title gave it
    mapped = {compact(name) for name in companies.values()}
    if compact(iv.company) in mapped:
        return True
    written = [iv.title, iv.organizer.name if iv.organizer else "", *(p.name for p in iv.interviewers)]
    own = aliases(iv.company)
    return any(text and (names(text, own) is not None or compact(iv.company) in compact(text).split())
               for text in written)


def _written_in_mail(iv: Interview, mails: Iterable[CompanyMail]) -> str:
    """The spelling the company's trusted mail gives most often (the latest on a tie), or ""."""
    spellings = [m.company_written for m in sorted(mails, key=lambda m: m.date)
                 if m.company_written and not m.trust and compact(m.company_written) == compact(iv.company)]
    if not spellings:
        return ""
    counts = Counter(spellings)
    best = max(counts.values())
    return next(s for s in reversed(spellings) if counts[s] == best)
