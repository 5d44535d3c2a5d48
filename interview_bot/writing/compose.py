"""Turn a follow-up into an email ready to become a Gmail draft: templates in, RFC 822 bytes out.

Pure: no I/O beyond reading template files. Everything that came from outside (event titles,
display names, addresses, thread subjects, Message-IDs) is untrusted: it is cleaned before it
reaches a header, addresses are validated, and HTML templates autoescape.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import policy as email_policy
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any, ClassVar, cast
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

from markupsafe import escape

from interview_bot.errors import BotError
from interview_bot.model import FollowUp, FollowUpKind, Interview, OutgoingMail, Person, ThreadRef
from interview_bot.planning.plan import thank_you_key
from interview_bot.writing.addresses import msg_id, normalize_address, one_line, recipients_of
from interview_bot.writing.greeting import addressee, is_group_mailbox
from interview_bot.writing.render import HIGHLIGHT, MARKER, SHIPPED_TEMPLATES, RenderedText, Templates, html_from_text
from interview_bot.writing.voice import Promise, Voice, voice_variables

log = logging.getLogger(__name__)

BOT_KEY_HEADER = "X-Interview-Bot-Key"

_MAX_REFERENCES = 20
_NAME_LIMIT = 100
_SUBJECT_LIMIT = 200


class NoRecipientError(BotError, ValueError):
    """No recipient of a follow-up has a usable address; the caller records it as skipped.

    Also a ValueError: the engine skips a follow-up on ValueError with str(e) as the reason.
    """

    def __init__(self, dropped: Sequence[str]) -> None:
        super().__init__("no valid address", hint="check the attendees' addresses on the calendar event")
        self.dropped = list(dropped)


def _safe_url(url: str) -> str:
    # Only http(s): a template may put this in an href, and autoescape does not stop javascript:.
    url = one_line(url, 2000)
    return url if re.match(r"https?://", url, re.IGNORECASE) and " " not in url else ""


# ---------------------------------------------------------------- keys and ids


def bot_key_header(key: str) -> str:
    """The X-Interview-Bot-Key value for a follow-up key: ASCII, no spaces, reversible unless huge."""
    quoted = quote(key, safe="/#@:+=")
    # Keep the header under the RFC 5322 998-octet line limit; a hash still matches, just not reversibly.
    return quoted if len(quoted) <= 900 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def key_from_bot_header(value: str) -> str | None:
    """The follow-up key carried in an X-Interview-Bot-Key value, or None when it was hashed."""
    value = value.strip()
    return None if value.startswith("sha256:") else unquote(value)


def message_id_for(key: str) -> str:
    """The deterministic Message-ID of a follow-up's draft, so a retry is recognisable."""
    return f"<ib-{hashlib.sha256(key.encode()).hexdigest()[:24]}@interview-bot.invalid>"


def unfilled_markers(text: str) -> list[str]:
    """The `[[...]]` markers still in a body: the draft needs the user before it goes out."""
    return MARKER.findall(text)


# ---------------------------------------------------------------- template context


@dataclass(frozen=True)
class PersonView:
    """A person as templates see them: `name`, `first_name`, `email`."""

    _label: ClassVar[str] = "person"
    name: str
    first_name: str
    email: str

    def __str__(self) -> str:
        return self.name or self.email


@dataclass(frozen=True)
class InterviewView:
    """An interview as templates see it; start/end are in the user's time zone."""

    _label: ClassVar[str] = "interview"
    title: str
    company: str
    role: str
    start: datetime
    end: datetime
    time_zone: str
    meeting_link: str


@dataclass(frozen=True)
class FollowUpView:
    """A follow-up as templates see it: `kind` ("thank_you", ...) and `due` (user's time zone)."""

    _label: ClassVar[str] = "follow_up"
    kind: str
    due: datetime


def _person_view(p: Person) -> PersonView:
    cleaned = Person(one_line(p.email, 254), one_line(p.name, _NAME_LIMIT))
    # Parsed, never guessed from the address: "" when the name gives no sure first name.
    return PersonView(cleaned.name, addressee(cleaned).first, cleaned.email)


def greeting_names(people: Sequence[Person], language: str = "en") -> str:
    """The names a greeting gives, in the language's convention: "Jane", "Jane and Dale"; "" if none.

    Parsed (titles and initials are no first names, "Roe, Jane" is Jane); a person whose name is
    not known is a `[[NAME]]` marker; group mailboxes are never named."""
    return str(voice_variables(Voice(language=language), _NO_INTERVIEW, people, False, ZoneInfo("UTC"),
                               _NO_INTERVIEW.start)["greeting_names"])


def build_context(
    follow_up: FollowUp,
    interview: Interview,
    me: Person,
    recipients: Sequence[Person],
    tz: ZoneInfo,
    now: datetime,
    voice: Voice | None = None,
) -> dict[str, Any]:
    """The variables every template gets (documented at the top of each shipped template)."""
    voice = voice or Voice()
    company, role = one_line(interview.company, 200), one_line(interview.role, 200)
    start, now_local = interview.start.astimezone(tz), now.astimezone(tz)
    per_person = len(recipients) == 1 and len([p for p in interview.interviewers if not is_group_mailbox(p)]) > 1 \
        and follow_up.kind is FollowUpKind.THANK_YOU and follow_up.key != thank_you_key(interview.id, None)
    context = {
        "interview": InterviewView(
            title=one_line(interview.title, 300),
            company=company,
            role=role,
            start=start,
            end=interview.end.astimezone(tz),
            time_zone=tz.key,
            meeting_link=_safe_url(interview.meeting_link),
        ),
        "company": company,
        "role": role,
        "interviewers": [_person_view(p) for p in interview.interviewers],
        "recipients": [_person_view(p) for p in recipients],
        "me": _person_view(me),
        "follow_up": FollowUpView(follow_up.kind.value, follow_up.due.astimezone(tz)),
        "note": one_line(follow_up.note, 400),
        "now": now_local,
        "tz": tz,
    }
    context.update(voice_variables(voice, interview, recipients, per_person, tz, now))
    # Older templates say "on {{ interview_day }}": the weekday with its date reads right on any day.
    context["interview_day"] = context["interview_date"]
    return context


_SAMPLE_START = datetime(2024, 6, 4, 14, 0, tzinfo=UTC)
_NO_INTERVIEW = Interview(id="", calendar_id="", event_id="", title="", company="", role="", start=_SAMPLE_START,
                          end=_SAMPLE_START, time_zone="UTC", interviewers=())


def sample_contexts(tz: ZoneInfo | None = None, language: str = "en") -> list[dict[str, Any]]:
    """Realistic contexts for `Templates.check`: with and without a role, a promise, a second check-in."""
    tz = tz or ZoneInfo("UTC")
    start = _SAMPLE_START
    jane, dale = Person("jane.roe@initech.example", "Jane Roe"), Person("dale@initech.example", "Dale Simon")
    me = Person("sam@example.com", "Sam Jones")
    promise = Promise(start.date() + timedelta(days=7), "email", "within a week", start.date() + timedelta(days=1))
    contexts = []
    for role, people, kind, voice in (
        ("Data Analyst", (jane, dale), FollowUpKind.THANK_YOU, Voice(language)),
        ("", (jane,), FollowUpKind.THANK_YOU, Voice(language, signature="Sam Jones\n+44 20 7946 0000")),
        ("Data Analyst", (jane,), FollowUpKind.STATUS_CHECK, Voice(language, promise=promise)),
        ("Data Analyst", (jane,), FollowUpKind.STATUS_CHECK, Voice(language, earlier_check=start.date())),
        ("", (jane, dale), FollowUpKind.FEEDBACK_REQUEST, Voice(language)),
        ("", (jane,), FollowUpKind.KEEP_IN_TOUCH, Voice(language)),
    ):
        interview = Interview(
            id="primary/evt1", calendar_id="primary", event_id="evt1",
            title=f"Initech {role or 'interview'} - Sam Jones", company="Initech", role=role,
            start=start, end=start + timedelta(minutes=45), time_zone="UTC",
            interviewers=(jane, dale), meeting_link="https://meet.google.com/abc-defg-hij",
        )
        note = ('Initech wrote on 3 Dec ("thanks for your note"); delete this draft if that answered you'
                if kind is FollowUpKind.STATUS_CHECK else "")
        fu = FollowUp(f"primary/evt1#{kind.value}", "primary/evt1", kind, start + timedelta(hours=3), people, note=note)
        contexts.append(build_context(fu, interview, me, people, tz, start + timedelta(hours=3), voice))
    return contexts


# ---------------------------------------------------------------- the message


class _TokenListHeader(UnstructuredHeader):
    """Folds only between whitespace-separated tokens and never RFC 2047-encodes.

    The stdlib folder encodes any word longer than a line, which turns a long Message-ID in
    In-Reply-To into "=?utf-8?q?...?=" and breaks threading. Values here are validated ASCII.
    """

    name: str  # set by BaseHeader, which the registry mixes in

    def fold(self, *, policy: Any) -> str:
        lines: list[str] = []
        current = f"{self.name}:"
        for token in str(self).split():
            if len(current) + 1 + len(token) > policy.max_line_length and current != f"{self.name}:":
                lines.append(current)
                current = ""
            current += " " + token
        linesep = str(policy.linesep)
        return linesep.join([*lines, current]) + linesep


_registry = HeaderRegistry()
for _header in ("in-reply-to", "references", BOT_KEY_HEADER.lower()):
    _registry.map_to_type(_header, cast("type[BaseHeader]", _TokenListHeader))
_POLICY = email_policy.SMTP.clone(header_factory=_registry)


def _address(person: Person, email: str) -> Address:
    return Address(display_name=one_line(person.name, _NAME_LIMIT), addr_spec=email)


def _default_subject(kind: FollowUpKind, role: str, company: str) -> str:
    # Only used for a user template that ships no NAME.subject.j2 anywhere.
    about = " — ".join(x for x in (f"{role} interview" if role else "", company) if x)
    lead = "Thank you" if kind is FollowUpKind.THANK_YOU else "Following up"
    return f"{lead} — {about}" if about else lead


def _reply_subject(subject: str) -> str:
    subject = one_line(subject, _SUBJECT_LIMIT)
    return subject if re.match(r"re\s*:", subject, re.IGNORECASE) else f"Re: {subject}"


def _references(thread: ThreadRef, replied_to: str) -> list[str]:
    ids = [i for i in (msg_id(m) for m in re.findall(r"<[^<>]*>", thread.references)) if i]
    ids = list(dict.fromkeys([*ids, replied_to]))
    # RFC 5322 suggests keeping the first and the most recent when trimming a long chain.
    return ids if len(ids) <= _MAX_REFERENCES else [ids[0], *ids[-(_MAX_REFERENCES - 1):]]


def _finish(rendered: RenderedText, note: str, signature: str) -> RenderedText:
    """What every draft carries, whatever its template: the note, the signature, an HTML part."""
    text, html = rendered.text, rendered.html
    if note and "note" not in rendered.uses:
        # A template of the user's that leaves the note out still shows it: it is why this draft exists.
        text = f"[[NOTE: {note}]]\n\n{text}"
        html = None if html is None else f'<p><span style="{HIGHLIGHT}">{escape("[[NOTE: " + note + "]]")}</span></p>\n{html}'
    sig = signature.strip("\n")
    if sig and "signature" not in rendered.uses:
        # The template does not sign with it: it goes under the usual "-- " line.
        text = f"{text}\n-- \n{sig}\n"
        html = None if html is None else f"{html}\n{html_from_text('-- ' + chr(10) + sig)}"
    return RenderedText(rendered.subject, text, html or html_from_text(text))


def compose(
    follow_up: FollowUp,
    interview: Interview,
    me: Person,
    thread: ThreadRef | None,
    templates: Templates,
    tz: ZoneInfo,
    now: datetime,
    template_name: str | None = None,
    voice: Voice | None = None,
) -> OutgoingMail:
    """Render the follow-up's template in the voice's language and build the draft (text and HTML,
    signed); NoRecipientError when nobody is addressable."""
    if now.tzinfo is None:
        raise ValueError("compose needs an aware `now`")
    my_email = normalize_address(me.email.strip())
    if my_email is None:
        raise BotError(f"your own address {me.email!r} is not a valid address")
    kept, dropped = recipients_of(follow_up.recipients, my_email)
    if dropped:
        log.warning("follow-up %s: dropped invalid addresses %r", follow_up.key, dropped)
    if not kept:
        raise NoRecipientError(dropped)
    recipients = [Person(email, one_line(p.name, _NAME_LIMIT)) for p, email in kept]
    if any(not is_group_mailbox(p) for p in recipients):
        # "Interview Panel <panel@...>" is a list: with people on the invitation, it is not written to.
        recipients = [p for p in recipients if not is_group_mailbox(p)]

    voice = voice or Voice()
    context = build_context(follow_up, interview, me, recipients, tz, now, voice)
    rendered = templates.render(template_name or follow_up.kind.value, context, voice.language)
    rendered = _finish(rendered, context["note"], voice.signature)
    subject = rendered.subject or _default_subject(follow_up.kind, context["role"], context["company"])

    msg = EmailMessage(policy=_POLICY)
    msg["From"] = _address(me, my_email)
    msg["To"] = [_address(p, p.email) for p in recipients]
    replied_to = msg_id(thread.message_id) if thread else None
    if thread and one_line(thread.subject):
        # Gmail threads a draft only when its subject matches the thread's.
        subject = _reply_subject(thread.subject)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now.astimezone(tz))
    msg["Message-ID"] = message_id_for(follow_up.key)
    if thread and replied_to:
        msg["In-Reply-To"] = replied_to
        msg["References"] = " ".join(_references(thread, replied_to))
    msg[BOT_KEY_HEADER] = bot_key_header(follow_up.key)
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html or html_from_text(rendered.text), subtype="html")

    return OutgoingMail(
        raw=msg.as_bytes(),
        thread_id=thread.thread_id if thread else "",
        to=tuple(recipients),
        subject=subject,
        body_text=rendered.text,
        bot_key=follow_up.key,
    )


__all__ = ["BOT_KEY_HEADER", "MARKER", "SHIPPED_TEMPLATES", "NoRecipientError", "Promise", "RenderedText", "Templates",
           "Voice", "bot_key_header", "build_context", "compose", "greeting_names", "key_from_bot_header",
           "message_id_for", "sample_contexts", "unfilled_markers"]
