"""At most MAX_RECIPIENTS people on one draft: past that, the organizer (or the recruiter) alone, and a NOTE why.

An invitation to a whole department (or a hostile one to 10,000 addresses) is no list of
interviewers to thank: a note to everyone would read as a mass mail, and to an invented
subset would guess wrong. The person who arranged it is the one a candidate writes to, and
the NOTE line tells the user how many were left out, so they can add the ones they met.
"""

from __future__ import annotations

from interview_bot.model import Interview, Person

MAX_RECIPIENTS = 15


def capped(iv: Interview, people: tuple[Person, ...]) -> tuple[tuple[Person, ...], str]:
    """The recipients to write to, and the NOTE saying who was left out and why ("" when none was)."""
    if len(people) <= MAX_RECIPIENTS:
        return people, ""
    own = {p.email.lower() for p in people}
    lead = next((p for p in (iv.organizer, *iv.agents) if p is not None and p.email.lower() in own), None)
    lead = lead or people[0]
    role = "who organized it" if iv.organizer and lead.email.lower() == iv.organizer.email.lower() else "the first named"
    left = len(people) - 1
    note = (f"the invitation named {len(people)} people at the company; past {MAX_RECIPIENTS} a note to everyone "
            f"would read as a mass mail, so this goes to {lead.name or lead.email} alone ({role}) and {left} were "
            "left out: add the ones you met")
    return (lead,), note


__all__ = ["MAX_RECIPIENTS", "capped"]
