"""The values the reply reader works on: a received message, who speaks for the company, and the kinds of reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from interview_bot.model import ReplyKind  # defined with the stored mail that carries it

__all__ = ["DECISIVE", "MACHINE", "Classification", "Incoming", "ReplyContext", "ReplyKind"]


@dataclass(frozen=True)
class Incoming:
    """A received message as the reply reader needs it (the adapter fills this from Gmail)."""

    sender_email: str
    sender_name: str
    subject: str
    date: datetime  # aware
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names: auto-submitted, precedence...
    labels: tuple[str, ...] = ()  # Gmail label ids: SENT, DRAFT, INBOX, SPAM, TRASH...
    body: str = ""  # plain text (interview_bot.reading.mailbody), or the snippet when that is all there is
    mime_types: tuple[str, ...] = ()  # the MIME types of all parts: text/calendar marks an invitation


@dataclass(frozen=True)
class ReplyContext:
    """Who speaks for the company about one interview, and since when."""

    interview_start: datetime  # aware
    my_emails: frozenset[str]
    company_domains: tuple[str, ...] = ()
    company_people: frozenset[str] = frozenset()  # interviewers, organizer, the recruiter (lower-case)
    extra_senders: tuple[str, ...] = ()  # config: the hiring system's addresses, "@domain" or regexes
    personal_domains: tuple[str, ...] = ()  # gmail.com and the like: never a company domain


# The kinds that end the wait for news, when the reading is sure.
DECISIVE = frozenset({ReplyKind.REJECTION, ReplyKind.CLOSED, ReplyKind.OFFER, ReplyKind.NEXT_STEPS})
# Mail no person wrote to the user: never an answer, whatever it says.
MACHINE = frozenset({ReplyKind.AUTO_REPLY, ReplyKind.BOUNCE, ReplyKind.NOTIFICATION})
# Machine mail whose promised date still counts, though no person wrote it: mass mail sent
# with Precedence: bulk, and a hiring system's notice ("you'll hear from us within two
# weeks"), which is the company's own tool speaking for it.
BULK_PRECEDENCE = "header:precedence"
HIRING_SYSTEM_NOTICE = "sender:hiring-system"
PROMISING_MACHINE_RULES = frozenset({BULK_PRECEDENCE, HIRING_SYSTEM_NOTICE})


@dataclass(frozen=True)
class Classification:
    """What a reply says, the words that showed it, how sure the reading is (0..1), and the rule."""

    kind: ReplyKind
    phrase: str
    confidence: float
    rule: str = ""  # "en:rejection", "config:offer", "header:auto-submitted", "subject:de"...
    # The new text's language (ISO 639-1) when the detector is sure; said, not compared: the reading is the rest.
    language: str | None = field(default=None, compare=False)
