"""The job seeker's world as plain values: what the core reasons about.

Adapters turn Google's dicts into these; the core (detect, plan, compose) takes
and returns only these. All datetimes are timezone-aware.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


@dataclass(frozen=True)
class Person:
    """Someone with an email address, as a calendar or a mail header names them."""

    email: str
    name: str = ""

    @property
    def first_name(self) -> str:
        """The given name, for a greeting; falls back to the address's local part."""
        name = self.name.strip()
        if "," in name:  # "Roe, Jane"
            name = name.split(",", 1)[1].strip()
        if name:
            return name.split()[0]
        local = self.email.split("@", 1)[0]
        first = re.split(r"[._+\-]", local)[0]
        return first.capitalize() if first.isalpha() else ""

    @property
    def domain(self) -> str:
        return self.email.rsplit("@", 1)[-1].lower()


class Response(str, Enum):
    """An attendee's answer to an invitation, as Calendar spells it."""

    NEEDS_ACTION = "needsAction"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    ACCEPTED = "accepted"


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str = ""
    response: Response = Response.NEEDS_ACTION
    is_self: bool = False
    is_organizer: bool = False
    is_resource: bool = False
    optional: bool = False

    @property
    def person(self) -> Person:
        return Person(self.email, self.name)


@dataclass(frozen=True)
class CalendarEvent:
    """One event (or one instance of a recurring event) on one calendar."""

    calendar_id: str
    id: str
    status: str  # "confirmed", "tentative" or "cancelled"
    summary: str = ""
    description: str = ""
    location: str = ""
    start: datetime | None = None  # aware; for all-day events, midnight in time_zone
    end: datetime | None = None
    all_day: bool = False
    time_zone: str = ""
    organizer: Person | None = None
    organizer_is_self: bool = False
    attendees: tuple[Attendee, ...] = ()
    recurring_event_id: str = ""
    recurrence: tuple[str, ...] = ()
    meeting_link: str = ""
    updated: datetime | None = None
    html_link: str = ""

    @property
    def key(self) -> str:
        """Unique across the user's calendars."""
        return f"{self.calendar_id}/{self.id}"

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurring_event_id or self.recurrence)

    @property
    def self_attendee(self) -> Attendee | None:
        return next((a for a in self.attendees if a.is_self), None)


@dataclass(frozen=True)
class CalendarSync:
    """What one calendars' sync returned: changed events and the token for next time."""

    calendar_id: str
    events: tuple[CalendarEvent, ...]
    next_sync_token: str
    full: bool  # True when this was a full listing (first sync or after a 410)
    since: datetime | None = None  # a full listing's timeMin: events that ended before it are not listed


@dataclass(frozen=True)
class DetectionRules:
    """How events are recognised as interviews. Built from config; defaults in detect.py."""

    match: tuple[str, ...] = ()  # regexes (case-insensitive) that make a title an interview
    ignore: tuple[str, ...] = ()  # regexes on the title that rule an event out; win over match
    description_match: tuple[str, ...] = ()  # regexes on the description (ATS links, etc.)
    include_all_day: bool = False
    external_organizer_is_interview: bool = True  # "Dale Simon and Jane Roe - 30 Minute Intro Call"
    companies: dict[str, str] = field(default_factory=dict)  # domain -> company name
    personal_domains: tuple[str, ...] = ()  # gmail.com etc.: never a company
    scheduler_senders: tuple[str, ...] = ()  # regexes on addresses of scheduling systems/no-reply
    my_names: tuple[str, ...] = ()  # the user's name(s), to tell "<Role> - <your name>" from someone else's


class InterviewStatus(str, Enum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    DECLINED = "declined"


@dataclass(frozen=True)
class Interview:
    """An event recognised as a job interview, with what the follow-ups need."""

    id: str  # the event key: "calendar_id/event_id"
    calendar_id: str
    event_id: str
    title: str
    company: str
    role: str
    start: datetime
    end: datetime
    time_zone: str
    interviewers: tuple[Person, ...]
    organizer: Person | None = None
    meeting_link: str = ""
    company_domains: tuple[str, ...] = ()
    status: InterviewStatus = InterviewStatus.ACTIVE
    # Third parties who arranged it: people on the invitation at another organisation's domain
    # than the company's (an agency's recruiter). They speak for the company; the company stays the client.
    agents: tuple[Person, ...] = ()


class FollowUpKind(str, Enum):
    THANK_YOU = "thank_you"
    STATUS_CHECK = "status_check"
    FEEDBACK_REQUEST = "feedback_request"
    KEEP_IN_TOUCH = "keep_in_touch"

    @property
    def words(self) -> str:
        """What a person calls it: "thank-you note", "status check", ... (for messages and logs)."""
        return _KIND_WORDS[self.value]


_KIND_WORDS = {"thank_you": "thank-you note", "status_check": "status check",
               "feedback_request": "feedback request", "keep_in_touch": "keep-in-touch note"}


class FollowUpStatus(str, Enum):
    SCHEDULED = "scheduled"
    DRAFTING = "drafting"  # a draft may exist in Gmail; recovery looks for it before making another
    DRAFTED = "drafted"
    SENT = "sent"  # the user sent the bot's draft
    WITHDRAWN = "withdrawn"  # drafted, then its unsent draft deleted: the company answered first
    CANCELLED = "cancelled"
    SKIPPED = "skipped"
    FAILED = "failed"


class Cause(str, Enum):
    """Why a follow-up was cancelled, skipped, failed or withdrawn (or its draft is gone).

    Decisions are made on these; the words a person reads come from `cause_words`.
    """

    INTERVIEW_CANCELLED = "interview_cancelled"  # cancelled before it ended (a thank-you)
    INTERVIEW_DECLINED = "interview_declined"  # the user declined it before it ended
    NOT_AN_INTERVIEWER = "not_an_interviewer"  # no longer on the invitation
    TURNED_OFF = "turned_off"  # this kind of follow-up is turned off in config
    ALL_ROUNDS_CANCELLED = "all_rounds_cancelled"  # every round of the process was cancelled
    LATER_ROUND = "later_round"  # a later round's check-in stands instead
    TOO_LATE = "too_late"  # fell due long before the bot started watching
    MISSED_WHILE_STOPPED = "missed_while_stopped"  # a thank-you that fell due days before the bot woke
    NOBODY_TO_WRITE_TO = "nobody_to_write_to"  # only rooms, lists, robots, bounced addresses or the user
    COMPANY_ANSWERED = "company_answered"  # a reply ended the wait (detail: who, when, what)
    REJECTED_FIRST = "rejected_first"  # a rejection came before the thank-you was drafted
    WROTE_AGAIN = "wrote_again"  # the company wrote after its rejection (detail: who, when)
    INTERVIEW_UNKNOWN = "interview_unknown"  # its interview is no longer in the state
    NO_VALID_ADDRESS = "no_valid_address"  # no recipient address could be written (detail: why)
    GOOGLE_REFUSED = "google_refused"  # Gmail refused the draft (detail: Google's words)
    TEMPLATE_ERROR = "template_error"  # the template could not render (detail: the error)
    DRAFT_DELETED = "draft_deleted"  # the user deleted the bot's draft without sending it
    YOU_SAID = "you_said"  # the user said the company answered (interview-bot decide COMPANY OUTCOME)
    ROLE_CLOSED = "role_closed"  # the company put the role on hold or withdrew it
    ASKED_BY_YOU = "asked_by_you"  # scheduled again by `interview-bot make KEY`: due when asked, never held back
    NOT_REJECTED = "not_rejected"  # the rejection it answered is read so no longer (`decide ... waiting`, a rule)


# What each cause says to a person; some depend on the follow-up's kind.
_CAUSE_WORDS = {
    Cause.INTERVIEW_CANCELLED: "the interview was cancelled before it ended",
    Cause.INTERVIEW_DECLINED: "you declined the interview",
    Cause.NOT_AN_INTERVIEWER: "no longer among the interviewers",
    Cause.ALL_ROUNDS_CANCELLED: "the interview was cancelled",
    Cause.LATER_ROUND: "a later round with the company is planned",
    Cause.REJECTED_FIRST: "the company already answered (rejection)",
    Cause.INTERVIEW_UNKNOWN: "its interview is no longer known",
    Cause.DRAFT_DELETED: "its draft was deleted",
    Cause.MISSED_WHILE_STOPPED: "missed while the bot was stopped (`interview-bot plan` shows how to make it anyway)",
    Cause.YOU_SAID: "you said the company answered (interview-bot decide)",
    Cause.ASKED_BY_YOU: "you asked for it (interview-bot make)",
    Cause.NOT_REJECTED: "no rejection stands any more (interview-bot decide, or the reading changed)",
    Cause.ROLE_CLOSED: "the company put the role on hold or withdrew it (a date you set brings the check-in back)",
}


def cause_words(cause: Cause | None, kind: FollowUpKind, detail: str = "") -> str:
    """A cause in a person's words, for `status`, `explain` and logs ("" for none)."""
    if cause is None:
        return ""
    if cause in _CAUSE_WORDS:
        return _CAUSE_WORDS[cause]
    thank_you = kind is FollowUpKind.THANK_YOU
    if cause is Cause.TURNED_OFF:
        return f"{kind.words}s are turned off in config"
    if cause is Cause.TOO_LATE:
        return ("the interview was over before the bot saw it" if thank_you
                else "it fell due long before the bot started watching")
    if cause is Cause.NOBODY_TO_WRITE_TO:
        return ("no interviewer to write to (only rooms, lists or you)" if thank_you
                else "nobody at the company to write to")
    if cause is Cause.COMPANY_ANSWERED:
        return _replied(detail)
    if cause is Cause.WROTE_AGAIN:
        return _replied(detail, "wrote again")
    if cause is Cause.GOOGLE_REFUSED:
        return f"Google refused it: {detail}"
    if cause is Cause.TEMPLATE_ERROR:
        return f"template error: {detail}"
    return detail  # NO_VALID_ADDRESS: the composer's own account of the addresses


def _replied(detail: str, verb: str = "replied") -> str:
    """"jane@x.com Mon 03 Mar (rejection)" as "jane@x.com replied on Mon 03 Mar (rejection)"."""
    who, _, when = detail.partition(" ")
    return f"{who} {verb} on {when}" if when else f"{who} {verb}"


@dataclass(frozen=True)
class FollowUp:
    """One follow-up email the bot owes for an interview."""

    key: str  # stable id: f"{interview_id}#{kind}[#recipient]"
    interview_id: str
    kind: FollowUpKind
    due: datetime
    recipients: tuple[Person, ...]
    status: FollowUpStatus = FollowUpStatus.SCHEDULED
    draft_id: str = ""
    thread_id: str = ""
    cause: Cause | None = None  # why cancelled/skipped/failed/withdrawn, or why a drafted one's draft is gone
    # Words to show with the cause: someone else's (Google's error, the composer's), or the facts
    # of a reply ("jane@x.com Mon 03 Mar (rejection)"). Shown, never read back to decide anything.
    detail: str = ""
    note: str = ""  # a status check drafted although the company wrote: what it read, for the draft's NOTE line

    @property
    def reason(self) -> str:
        """The cause in a person's words, for `status` and logs ("" when there is none)."""
        return cause_words(self.cause, self.kind, self.detail)


class MailPlace(str, Enum):
    """Where Gmail holds a message the bot made: still a draft, or sent by the user."""

    DRAFT = "draft"
    SENT = "sent"


@dataclass(frozen=True)
class BotMail:
    """A draft or sent message the bot made for one follow-up, found by its X-Interview-Bot-Key."""

    key: str  # the follow-up key
    message_id: str  # Gmail message id
    draft_id: str  # "" once sent
    thread_id: str
    place: MailPlace


@dataclass(frozen=True)
class MailMessage:
    """A Gmail message's metadata: headers we need, never the body."""

    id: str
    thread_id: str
    message_id: str  # the RFC 822 Message-ID header, with angle brackets
    subject: str
    sender: Person | None
    to: tuple[Person, ...] = ()
    cc: tuple[Person, ...] = ()
    date: datetime | None = None
    references: str = ""
    in_reply_to: str = ""
    label_ids: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)  # other requested headers, lower-case names


@dataclass(frozen=True)
class MailPart:
    """One leaf part of a received message, as Gmail's format=full gives it: the part's
    Content-Type header (with its charset), its file name, and its bytes with the transfer
    encoding undone but the charset not (interview_bot.reading.mailbody decodes them)."""

    content_type: str  # 'text/plain; charset="windows-1252"'
    data: bytes = b""
    filename: str = ""
    inside_message: bool = False  # within a message/rfc822 part: a quoted or bounced message, not the sender's words


@dataclass(frozen=True)
class ThreadRef:
    """Where a reply goes: the thread and the message it answers."""

    thread_id: str
    message_id: str  # Message-ID of the message replied to
    references: str  # that message's References, to extend
    subject: str  # that message's subject (without our "Re: ")


@dataclass(frozen=True)
class OutgoingMail:
    """A composed email, ready to become a draft: the RFC 822 bytes and the thread."""

    raw: bytes
    thread_id: str
    to: tuple[Person, ...]
    subject: str
    body_text: str
    bot_key: str  # the follow-up key, also carried in the X-Interview-Bot-Key header


Day = date  # CompanyMail has a field named `date`, which hides the type inside its body


class ReplyKind(str, Enum):
    """What a received message is, as the reply reader reads it."""

    REJECTION = "rejection"
    CLOSED = "closed"  # the company paused or withdrew the role: no check-in, no feedback request
    OFFER = "offer"
    NEXT_STEPS = "next_steps"  # another round, scheduling
    HOLDING = "holding"  # a new date, still deciding: not an answer
    ACKNOWLEDGEMENT = "acknowledgement"
    AUTO_REPLY = "auto_reply"
    OTHER = "other"
    BOUNCE = "bounce"  # a delivery failure: the address is wrong
    NOTIFICATION = "notification"  # a calendar notification, a read receipt

    def __str__(self) -> str:  # in text for the user, as config.yaml names it
        return str(self.value)


@dataclass(frozen=True)
class CompanyMail:
    """A message from the company side about an interview process, as the bot read it.

    `kind` is the reading of a reply, or None for mail from before the interview (a
    recruiter's confirmation). Bodies are read
    for these messages only, and not kept: just what was concluded from them.
    """

    id: str  # Gmail message id
    thread_id: str
    message_id: str  # RFC 822 Message-ID
    references: str
    subject: str
    sender: Person
    date: datetime
    process: str  # the company process it belongs to (see interview_bot.process.process_key)
    is_reply: bool  # sent after the process's interview started, by a person
    kind: ReplyKind | None = None
    phrase: str = ""  # the words that decided `kind`
    promise_by: Day | None = None  # a decision date promised in it
    promise_phrase: str = ""
    via: str = ""  # which rule tied it to the process (interview_bot.reading.senders.Rule), for `status`
    agency: str = ""  # the third party it came through (an agency), when not the company itself
    confidence: float = 1.0  # how sure the reading of `kind` is (0..1)
    rule: str = ""  # which rule decided `kind` ("en:rejection", "config:offer", "header:auto-submitted")
    trust: str = ""  # why the message cannot be trusted (in Spam, DMARC failed...); "" when it can
    silence: bool = False  # its promise says: no news by then means no
    is_answer: bool = False  # a sure answer whatever the date (the reader's Reading.is_answer, no date standing)
    bounced: tuple[str, ...] = ()  # for a bounce: the addresses it could not reach (lower-case)
    rules_hash: str = ""  # the hash of the reading rules that made this reading ("" = not known)
    company_written: str = ""  # how it writes the company's name guessed from a domain ("" = it does not)

    @property
    def shown_phrase(self) -> str:
        """What decided its reading, in words for `status` and `explain`; for a bounce, whom it missed."""
        if self.bounced:
            return "could not be delivered to " + ", ".join(self.bounced)
        return self.phrase


@dataclass(frozen=True)
class Decision:
    """When the company said (or the user set) a decision would come, and from where that is known."""

    by: date
    source: str  # "you", "config", "email", "invitation", "default"
    phrase: str = ""


class Stage(str, Enum):
    """Where a company process is, as the bot reads it."""

    INTERVIEW_AHEAD = "interview ahead"
    WAITING = "waiting"
    NEXT_ROUND = "next round"
    OFFER = "offer"
    REJECTED = "rejected"
    PROBABLY_CLOSED = "probably closed"  # their "no news by then means no" date has passed
    CLOSED = "closed by the company (the role is on hold or withdrawn)"  # no check-in; the user may set a date
    CANCELLED = "cancelled"  # every round was cancelled

    @property
    def waiting(self) -> bool:
        """Still waiting for the company's news (no answer either way yet)."""
        return self in (Stage.INTERVIEW_AHEAD, Stage.WAITING, Stage.PROBABLY_CLOSED)
