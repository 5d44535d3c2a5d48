"""Whether the company's name in a draft is how the company names itself, or only a guess.

A name the user mapped in `companies:`, or one the invitation's title or its organizer's display
name writes, is the company's own. A name made up from a domain ("Corvidanalytics" from
corvidanalytics.com) is not: `status` shows it for the user to confirm with `companies:`. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping

from interview_bot.model import Interview
from interview_bot.reading.names import aliases, compact, names

__all__ = ["guessed_from_domain"]


def guessed_from_domain(iv: Interview, companies: Mapping[str, str]) -> str | None:
    """The domain the company's name was only guessed from, or None when the company writes it so."""
    if not iv.company or not iv.company_domains:
        return None
    mapped = {compact(name) for name in companies.values()}
    if compact(iv.company) in mapped:
        return None
    written = [iv.title, iv.organizer.name if iv.organizer else "", *(p.name for p in iv.interviewers)]
    own = aliases(iv.company)
    for text in written:
        if text and (names(text, own) is not None or compact(iv.company) in compact(text).split()):
            return None
    return iv.company_domains[0]
