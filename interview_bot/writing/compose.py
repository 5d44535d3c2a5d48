"""Turn a follow-up into an email ready to become a Gmail draft: templates in, RFC 822 bytes out.

Pure: no I/O beyond reading template files. Everything that came from outside (event titles,
display names, addresses, thread subjects, Message-IDs) is untrusted: it is cleaned before it
reaches a header, addresses are validated, and HTML templates autoescape.
"""

from __future__ import annotations

import hashlib
import logging
import re
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email import policy as email_policy
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any, ClassVar, cast
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

import jinja2

from interview_bot.errors import BotError, ConfigError
from interview_bot.model import FollowUp, FollowUpKind, Interview, OutgoingMail, Person, ThreadRef
from interview_bot.writing.addresses import msg_id, normalize_address, one_line, recipients_of

log = logging.getLogger(__name__)

SHIPPED_TEMPLATES = Path(__file__).parent / "templates"
BOT_KEY_HEADER = "X-Interview-Bot-Key"
# The marker the shipped templates leave for the user to fill in: "[[ADD ONE DETAIL ...]]".
MARKER = re.compile(r"\[\[[^\[\]]+\]\]")

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
    return PersonView(cleaned.name, one_line(cleaned.first_name, _NAME_LIMIT), cleaned.email)


def greeting_names(people: Sequence[Person]) -> str:
    """First names joined for a greeting: "Jane", "Jane and Dale", "Jane, Dale and Sam"; "" if none known."""
    names = [n for n in (one_line(p.first_name, _NAME_LIMIT) for p in people) if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _interview_day(start: datetime, now: datetime) -> str:
    # Within the past week the weekday is unambiguous ("on Tuesday"); otherwise add the date.
    days = (now.date() - start.date()).days
    return start.strftime("%A") if 0 <= days < 7 else _strftime(start, "%A, %B %-d")


def build_context(
    follow_up: FollowUp,
    interview: Interview,
    me: Person,
    recipients: Sequence[Person],
    tz: ZoneInfo,
    now: datetime,
) -> dict[str, Any]:
    """The variables every template gets (documented in interview_bot/templates/thank_you.txt.j2)."""
    company, role = one_line(interview.company, 200), one_line(interview.role, 200)
    start, now_local = interview.start.astimezone(tz), now.astimezone(tz)
    return {
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
        "greeting_names": greeting_names(recipients),
        "me": _person_view(me),
        "follow_up": FollowUpView(follow_up.kind.value, follow_up.due.astimezone(tz)),
        "interview_day": _interview_day(start, now_local),
        "note": one_line(follow_up.note, 400),
        "now": now_local,
        "tz": tz,
    }


def sample_contexts(tz: ZoneInfo | None = None) -> list[dict[str, Any]]:
    """Realistic contexts for `Templates.check`: with and without a role, one and two recipients."""
    tz = tz or ZoneInfo("UTC")
    start = datetime(2024, 6, 4, 14, 0, tzinfo=UTC)
    jane, dale = Person("jane.roe@initech.example", "Jane Roe"), Person("dale@initech.example", "Dale Simon")
    me = Person("sam@example.com", "Sam Jones")
    contexts = []
    for role, people, kind in (
        ("Data Analyst", (jane, dale), FollowUpKind.THANK_YOU),
        ("", (jane,), FollowUpKind.THANK_YOU),
        ("Data Analyst", (jane,), FollowUpKind.STATUS_CHECK),
        ("", (jane, dale), FollowUpKind.FEEDBACK_REQUEST),
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
        contexts.append(build_context(fu, interview, me, people, tz, start + timedelta(hours=3)))
    return contexts


# ---------------------------------------------------------------- templates


def _strftime(value: datetime, fmt: str) -> str:
    # %-d and friends (no zero padding) are glibc-only; do them here so templates work everywhere.
    def unpadded(m: re.Match[str]) -> str:
        return value.strftime("%" + m.group(1)).lstrip("0") or "0"

    return value.strftime(re.sub(r"%-([dmHIMSj])", unpadded, fmt))


@jinja2.pass_context
def _date_filter(ctx: jinja2.runtime.Context, value: datetime, fmt: str = "%A, %B %-d") -> str:
    """`{{ interview.start | date("%A") }}`: strftime in the user's time zone, with portable %-d."""
    if isinstance(value, jinja2.Undefined):
        return str(value)  # strict: raises, naming the variable; when checking: noted, and empty
    if not isinstance(value, datetime):
        raise TypeError(f"date filter needs a datetime, got {type(value).__name__}")
    tz = ctx.get("tz")
    return _strftime(value.astimezone(tz) if isinstance(tz, ZoneInfo) else value, fmt)


def _undefined_message(undefined: jinja2.Undefined) -> str:
    """Jinja's message, naming our variables: "'interview' has no attribute 'compnay'"."""
    obj, name = undefined._undefined_obj, undefined._undefined_name
    label = getattr(type(obj), "_label", None)
    if label and not undefined._undefined_hint and isinstance(name, str):
        return f"{label!r} has no attribute {name!r}"
    return str(jinja2.Undefined._undefined_message.fget(undefined))  # type: ignore[attr-defined]


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose messages name our variables."""

    @property
    def _undefined_message(self) -> str:
        return _undefined_message(self)


@dataclass(frozen=True)
class RenderedText:
    """A rendered template: subject ("" when the template has none), plain text, optional HTML."""

    subject: str
    text: str
    html: str | None


class Templates:
    """The user's template folder (if any) over the shipped one, with strict rendering.

    A template `NAME` is `NAME.txt.j2` (required), `NAME.html.j2` (optional HTML alternative) and
    `NAME.subject.j2` (optional one-line subject). The HTML part comes from the same folder as the
    text, so overriding only the text never pairs it with a shipped HTML saying something else;
    the subject falls back to the shipped one. `builtin/NAME.txt.j2` always names a shipped file.
    """

    def __init__(self, user_dir: Path | None) -> None:
        self.user_dir = user_dir
        self.env = self._environment(_Undefined)

    def _environment(self, undefined: type[jinja2.Undefined]) -> jinja2.Environment:
        shipped = jinja2.FileSystemLoader(SHIPPED_TEMPLATES)
        loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"builtin": shipped})]
        if self.user_dir is not None:
            loaders.append(jinja2.FileSystemLoader(self.user_dir))
        loaders.append(shipped)
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=undefined,
            # HTML escapes untrusted titles and names; plain text and subjects must not.
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html.j2",), default_for_string=False, default=False
            ),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["date"] = _date_filter
        return env

    def _in_user_dir(self, filename: str) -> bool:
        return self.user_dir is not None and (self.user_dir / filename).is_file()

    def _files(self, name: str) -> tuple[str, str | None, str | None]:
        """The loader names of (text, html, subject) for template `name`; raises TemplateNotFound."""
        text, html, subject = f"{name}.txt.j2", f"{name}.html.j2", f"{name}.subject.j2"
        self.env.get_template(text)  # raises TemplateNotFound with a useful name
        if self._in_user_dir(text):
            # Not through the ChoiceLoader: it would fall back to the shipped HTML.
            html_name = html if self._in_user_dir(html) else None
        else:
            text, html = f"builtin/{text}", f"builtin/{html}"
            html_name = html if self._exists(html) else None
        return text, html_name, subject if self._exists(subject) else None

    def _exists(self, loader_name: str) -> bool:
        try:
            self.env.get_template(loader_name)
        except jinja2.TemplateNotFound:
            return False
        return True

    def render(self, name: str, context: Mapping[str, Any]) -> RenderedText:
        """Render template `name`; a broken template raises ConfigError with its file:line."""
        try:
            text_name, html_name, subject_name = self._files(name)
            text = _tidy(self.env.get_template(text_name).render(context))
            html = self.env.get_template(html_name).render(context).strip() if html_name else None
            subject = self.env.get_template(subject_name).render(context) if subject_name else ""
        except Exception as exc:  # any template failure is the user's to fix, whatever its type
            raise ConfigError(
                [self._describe(exc, name)], hint="fix the template, then run `interview-bot check-config`"
            ) from exc
        return RenderedText(one_line(subject, _SUBJECT_LIMIT), text, html or None)

    def check(self, names: Sequence[str], samples: Iterable[Mapping[str, Any]] | None = None) -> list[str]:
        """Render each template against realistic samples; every problem (not only the first) as "file:line: what"."""
        from interview_bot.writing.checking import check_templates

        return check_templates(self, names, list(samples) if samples is not None else sample_contexts())

    def _describe(self, exc: BaseException, name: str) -> str:
        """'file:line: message' for a template failure, pointing into the template, not our code."""
        if isinstance(exc, jinja2.TemplateNotFound):
            where = f"{self.user_dir} or the shipped templates" if self.user_dir else "the shipped templates"
            return f"{exc.name}: template not found in {where}"
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return f"{exc.filename or exc.name or name}:{exc.lineno}: {exc.message}"
        # Jinja rewrites tracebacks so template frames carry the template's file and line.
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if frames:
            return f"{frames[-1].filename}:{frames[-1].lineno}: {message}"
        return f"{name}: {message}"


def _tidy(text: str) -> str:
    """Trailing spaces off each line, no blank lines at either end, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


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


def compose(
    follow_up: FollowUp,
    interview: Interview,
    me: Person,
    thread: ThreadRef | None,
    templates: Templates,
    tz: ZoneInfo,
    now: datetime,
    template_name: str | None = None,
) -> OutgoingMail:
    """Render the follow-up's template and build the draft; NoRecipientError when nobody is addressable."""
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

    context = build_context(follow_up, interview, me, recipients, tz, now)
    rendered = templates.render(template_name or follow_up.kind.value, context)
    if context["note"] and "[[NOTE:" not in rendered.text:
        # A template of the user's that leaves the note out still shows it: it is why this draft exists.
        rendered = replace(rendered, text=f"[[NOTE: {context['note']}]]\n\n{rendered.text}")
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
    if rendered.html:
        msg.add_alternative(rendered.html, subtype="html")

    return OutgoingMail(
        raw=msg.as_bytes(),
        thread_id=thread.thread_id if thread else "",
        to=tuple(recipients),
        subject=subject,
        body_text=rendered.text,
        bot_key=follow_up.key,
    )
