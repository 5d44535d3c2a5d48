"""Reading the company's mail after an interview: is it a reply, and what does it say?

Pure: no I/O and no clock. `is_company_reply` decides whether a message counts as the
company answering (which stops a pending status check); `classify_reply` reads what it
says (a rejection starts a feedback request; a `holding` message only moves the date and
is not an answer: the caller reads its new date with `bot.promises.find_promise`).
Quoted earlier messages are stripped first (`strip_quoted`): a "Great!" above a quoted
rejection is not a rejection.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parseaddr
from enum import Enum

from bot.reading.extract import domain_in, domain_of, is_calendar_system, normalize_email

__all__ = [
    "DEFAULT_RULES",
    "Classification",
    "Incoming",
    "ReplyContext",
    "ReplyKind",
    "classify_reply",
    "is_company_reply",
    "sender_matches",
    "strip_quoted",
]

_MAX_BODY = 100_000  # strangers' text: what we read of it
_MAX_LINE = 2_000


@dataclass(frozen=True)
class Incoming:
    """A received message as the reply reader needs it (the adapter fills this from Gmail)."""

    sender_email: str
    sender_name: str
    subject: str
    date: datetime  # aware
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names: auto-submitted, precedence...
    labels: tuple[str, ...] = ()  # Gmail label ids: SENT, DRAFT, INBOX...
    body: str = ""  # plain text, or the snippet when that is all there is
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


# --- is it a reply? ------------------------------------------------------------------------------

_CALENDAR_SENDERS = frozenset({"calendar-notification@google.com", "calendar-server@google.com"})
_CALENDAR_SUBJECT = re.compile(
    r"^\s*(?:invitation|updated\s+invitation(?:\s+with\s+note)?|invitation\s+from\s+google\s+calendar"
    r"|accepted|declined|tentative(?:ly\s+accepted)?|cancell?ed(?:\s+event)?(?:\s+with\s+note)?|new\s+event"
    r"|event\s+reminder|notification|proposed\s+new\s+time|new\s+time\s+proposed)\s*:",
    re.IGNORECASE,
)
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:automatic\s+reply|auto(?:matic)?[\s-]*(?:reply|response|respon[cs]e)|autoreply|autoresponse"
    r"|out\s+of\s+(?:the\s+)?office|ooo\b|abwesenheitsnotiz|r[ée]ponse\s+automatique|respuesta\s+autom[áa]tica"
    r"|risposta\s+automatica|away\s+from\s+(?:the\s+)?office|on\s+vacation|on\s+leave)",
    re.IGNORECASE,
)
# Out-of-office text opens the body: "Thank you for your email. I am out of the office until...".
_AUTO_BODY = re.compile(
    r"^\W*(?:(?:hi|hello)\b[^.!\n]{0,40}[.!,\n]\s*)?(?:thanks?(?:\s+you)?\s+for\s+(?:your|the)\s+(?:e-?mail|message|note)[.!,]?\s*)?"
    r"(?:i\s*(?:'m|am)|i\s+will\s+be|i\s+have)\s+(?:currently\s+|now\s+)?(?:out\s+of\s+(?:the\s+)?office"
    r"|away\s+(?:from|until|on)\b|on\s+(?:annual\s+|parental\s+|maternity\s+|paternity\s+|sick\s+|medical\s+)?(?:leave|vacation|holiday|pto)"
    r"|limited\s+access|no\s+longer\s+with)",
    re.IGNORECASE,
)
# ...and says when they are back: a person writing "I'm on vacation, but good news!" is no robot.
_AUTO_HINT = re.compile(r"\b(?:until|return|returning|back\s+(?:on|in|at)|limited\s+access|respond|reply|urgent|alternatively)\b", re.IGNORECASE)
_BOUNCE_SENDER = re.compile(r"^(?:mailer[-_.]?daemon|postmaster|mail[-_.]?delivery[-_.]?(?:system|subsystem))(?:[+@]|$)", re.IGNORECASE)
_BOUNCE_SUBJECT = re.compile(
    r"^\s*(?:delivery\s+status\s+notification|undeliverable|undelivered\s+mail|mail\s+delivery\s+(?:failed|failure|subsystem)"
    r"|returned\s+mail|delivery\s+(?:has\s+)?failed|delivery\s+failure|failure\s+notice|message\s+not\s+delivered"
    r"|address\s+not\s+found)",
    re.IGNORECASE,
)


def sender_matches(email: str, pattern: str) -> bool:
    """Config sender rules: an exact address, "@domain" (and its subdomains), or a regex."""
    rule = pattern.strip()
    if not rule:
        return False
    if rule.startswith("@") and re.fullmatch(r"@[\w.\-*?]+", rule):
        return domain_in(domain_of(email), [rule])
    if re.fullmatch(r"[\w.+\-]+@[\w.\-]+", rule):
        return email == rule.lower()
    try:
        return re.search(rule, email, re.IGNORECASE) is not None
    except re.error:
        return False  # config validation reports bad patterns; a bad one here matches nothing


def _is_ooo_body(body: str) -> re.Match[str] | None:
    start = body[:400]
    return _AUTO_BODY.match(start) if _AUTO_HINT.search(start) else None


def _auto_reply_reason(msg: Incoming) -> str | None:
    h = {k.lower(): (v or "").strip().lower() for k, v in msg.headers.items()}
    if h.get("auto-submitted", "no") not in ("", "no"):
        return f"an automatic message (Auto-Submitted: {h['auto-submitted']})"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        if name in h:
            return f"an automatic reply ({name} header)"
    # Precedence: bulk/list is how hiring systems send real rejections, so only auto_reply counts.
    # X-Auto-Response-Suppress alone is no sign either: ATS mail sets it to stop *our* auto-replies.
    if h.get("precedence") == "auto_reply":
        return "an automatic reply (Precedence: auto_reply)"
    if _AUTO_SUBJECT.match(msg.subject or ""):
        return f"an automatic reply (subject {msg.subject.strip()[:60]!r})"
    if _is_ooo_body(msg.body or ""):
        return "an out-of-office reply"
    return None


def _machine_reason(msg: Incoming, sender: str) -> str | None:
    """Bounces, calendar notifications and auto-replies: mail about the conversation, not in it."""
    h = {k.lower(): (v or "").strip().lower() for k, v in msg.headers.items()}
    content_type = h.get("content-type", "")
    if (_BOUNCE_SENDER.match(sender) or "report-type=delivery-status" in content_type
            or (content_type.startswith("multipart/report") and "disposition-notification" not in content_type)
            or _BOUNCE_SUBJECT.match(msg.subject or "")):
        return "a delivery failure (bounce)"
    if h.get("return-path") == "<>":
        return "a bounce or automatic reply (empty Return-Path)"
    if "disposition-notification" in content_type:
        return "a read receipt"
    mime = {t.lower().split(";")[0].strip() for t in msg.mime_types}
    calendar_sender = normalize_email(parseaddr(h.get("sender", ""))[1]) in _CALENDAR_SENDERS or sender in _CALENDAR_SENDERS
    # Calendar sends invitations "from" the organizer, so the sender alone cannot tell.
    if (calendar_sender or is_calendar_system(sender) or "text/calendar" in mime
            or content_type.startswith("text/calendar") or _CALENDAR_SUBJECT.match(msg.subject or "")):
        return "a calendar notification"
    return _auto_reply_reason(msg)


def is_company_reply(msg: Incoming, ctx: ReplyContext) -> tuple[bool, str]:
    """Whether `msg` is the company answering after the interview began, and why (for `status`)."""
    sender = normalize_email(msg.sender_email)
    if msg.date.tzinfo is None or ctx.interview_start.tzinfo is None:
        raise ValueError("is_company_reply needs aware datetimes")
    if msg.date < ctx.interview_start:
        return False, "sent before the interview started"
    mine = {e.lower() for e in ctx.my_emails}
    if sender in mine or {"SENT", "DRAFT"} & set(msg.labels):
        return False, "your own message"
    if not sender:
        return False, "no usable sender address"
    if reason := _machine_reason(msg, sender):
        return False, reason
    people = {p.lower() for p in ctx.company_people}
    if sender in people:
        return True, f"from {sender}, who is part of this interview"
    if any(sender_matches(sender, rule) for rule in ctx.extra_senders):
        return True, f"from {sender}, a configured hiring-system sender"
    domains = [d for d in ctx.company_domains if d and not domain_in(d, ctx.personal_domains)]
    if domain_in(domain_of(sender), domains):
        return True, f"from {sender}, at the company's domain"
    return False, f"from {sender}, not the company side of this interview"


# --- what does it say? ---------------------------------------------------------------------------

class ReplyKind(str, Enum):
    REJECTION = "rejection"
    OFFER = "offer"
    NEXT_STEPS = "next_steps"  # another round, scheduling
    HOLDING = "holding"  # a new date, still deciding: not an answer
    ACKNOWLEDGEMENT = "acknowledgement"
    AUTO_REPLY = "auto_reply"
    OTHER = "other"


@dataclass(frozen=True)
class Classification:
    """What a reply says, the words that showed it, and how sure the reading is (0..1)."""

    kind: ReplyKind
    phrase: str
    confidence: float


_NEG_VERB = r"(?:won'?t|will\s+not|would\s+not|wouldn'?t|not\s+going\s+to|decided\s+not\s+to|not\s+to|not\s+be|unable\s+to|cannot|can'?t|not\s+able\s+to|no\s+longer)"
_PROGRESS = r"(?:moving|move|proceed(?:ing)?|progress(?:ing)?|advanc(?:e|ing)|continu(?:e|ing)|pursu(?:e|ing)|tak(?:e|ing))"
_CANDIDATES = r"(?:candidates?|applicants?|individuals?|people|person|profiles?)"

# Default phrase rules, one list per kind. Written against real recruiter mail.
DEFAULT_RULES: dict[ReplyKind, tuple[str, ...]] = {
    ReplyKind.REJECTION: (
        rf"\b(?:move|moving|moved|proceed(?:ing)?|go(?:ing)?|gone|went)\s+(?:forward\s+|ahead\s+)?with\s+(?:other|another|a\s+different|an?\s+(?:internal|external))\s+(?:\w+\s+){{0,2}}?{_CANDIDATES}",
        (rf"\b{_NEG_VERB}\s+(?:be\s+)?{_PROGRESS}(?:\s+(?:forward|ahead|further))?"
        r"(?:\s+(?:with\s+)?(?:you\b|your\b|(?:the|this)\s+(?:application|candidacy|process|role|position|opportunity|senior|junior|mid)\b)"
        r"|\s+(?:at\s+this\s+(?:time|stage|point)|this\s+time|any\s+further|at\s+the\s+moment|for\s+now)|\s*(?:[.,;!]|$))"),
        rf"\bdecided\s+to\s+(?:pursue|go\s+with|proceed\s+with|move\s+(?:forward|ahead)\s+with|focus\s+on|progress|hire|select)\s+(?:other|another|a\s+different|an?\s+(?:internal|external))\s+(?:\w+\s+){{0,2}}?{_CANDIDATES}",
        r"\b(?:position|role|job|vacancy|opening|req(?:uisition)?)\s+(?:has|have|had)\s+(?:now\s+|already\s+)?been\s+(?:filled|closed|put\s+on\s+hold|cancell?ed)",
        r"\bwe\s+(?:have|'ve)\s+(?:now\s+|already\s+)?filled\s+(?:the|this)\s+(?:position|role|job|vacancy)",
        r"\bnot\s+(?:been\s+|be\s+)?(?:selected|successful|shortlisted|chosen)\b",
        r"\b(?:you\s+(?:were|have\s+been)|(?:application|candidacy)\s+(?:was|has\s+been|is|were))\s+unsuccessful|\bunsuccessful\s+(?:on\s+this\s+occasion|this\s+time)",
        r"\b(?:unable|not\s+able|not\s+in\s+a\s+position)\s+to\s+(?:offer|extend)(?:\s+you)?(?:\s+(?:an?|the|this))?\s+(?:\w+\s+)?(?:offer|position|role|job|employment|opportunity)",
        r"\bunable\s+to\s+offer\s+you\b",
        rf"\b(?:chosen|selected|hired|picked|gone\s+with|went\s+with|decided\s+on|offered\s+the\s+(?:role|position|job)\s+to)\s+(?:another|a\s+different|an?\s+(?:internal|external)|a\s+more\s+\w+)\s+{_CANDIDATES}",
        r"\b(?:decided|chosen|opted|elected)\s+(?:not\s+to|against)\s+(?:move|moving|proceed|proceeding|progress|progressing|continue|continuing|advance|advancing|extend|extending|offer|offering|pursue|pursuing|hire|hiring)",
        r"\bnot\s+(?:be\s+)?(?:extend|extending|offer|offering)(?:\s+you)?\s+(?:an?\s+)?(?:offer|the\s+(?:role|position|job))",
        # "other candidates / a candidate whose experience more closely matches" (not "you were the candidate whose...")
        rf"\b(?:(?:other|another|a|an)\s+(?:\w+\s+){{0,2}}?{_CANDIDATES}|candidates|applicants)\s+(?:whose|who|that)\s+(?:\w+\s+){{0,5}}?(?:more\s+closely|most\s+closely|closer|better|best)\s+(?:match|matches|matched|align|aligns|fit|fits|suit|suits|meet|meets)?",
        r"\b(?:go(?:ing)?|gone|went)\s+in\s+a\s+different\s+direction",
        r"\b(?:closed|closing|close)\s+(?:out\s+)?your\s+(?:application|candidacy)",
        r"\bnot\s+(?:a\s+(?:good\s+|right\s+)?(?:fit|match)|the\s+right\s+fit)\s+(?:for|at)\b",
    ),
    ReplyKind.OFFER: (
        r"\bpleased\s+to\s+(?:offer|extend)",
        r"\b(?:like|love|happy|delighted|thrilled|excited|glad)\s+to\s+(?:extend|make|offer)\s+(?:you\s+)?(?:an?\s+|the\s+)?(?:formal\s+|verbal\s+|written\s+)?offer",
        r"\boffer\s+you\s+(?:the|a)\s+(?:\w+\s+){0,3}?(?:position|role|job)\b",
        r"\boffer\s+letter\b",
        r"\b(?:formal|verbal|written|job|employment)\s+offer\b",
        r"\boffer\s+of\s+employment\b",
        r"\bextend(?:ing)?\s+(?:you\s+)?an\s+offer\b",
    ),
    ReplyKind.NEXT_STEPS: (
        r"\bnext\s+(?:round|stage|interview)\b",
        r"\b(?:final|second|third|onsite|on-site|technical|panel|follow[\s-]?up|virtual\s+onsite)\s+(?:round|interview|stage)s?\b",
        r"\b(?:move|moving|advance|advancing|progress|progressing)\s+you\s+(?:forward|ahead|on|to)\b",
        r"\b(?:like|love|happy|excited|pleased|glad|want)\s+to\s+(?:move|moving)\s+(?:you\s+)?(?:forward|ahead)",
        r"\b(?:move|moving)\s+(?:forward|ahead)\s+with\s+(?:you|your)\b",
        r"\binvite\s+you\s+(?:back\s+)?(?:to|for)\b",
        r"\b(?:like|love|want)\s+(?:you|to\s+invite\s+you)\s+to\s+(?:interview|speak|meet|chat|talk|come)",
        r"\bconsider\s+you\s+for\s+(?:another|a\s+different|other|the)\s+(?:\w+\s+)?(?:role|position|opening)",
        r"\b(?:schedule|set\s+up|book|arrange)\s+(?:a|an|the|your|some)\s+(?:\w+\s+){0,2}?(?:interview|call|chat|conversation|meeting|round|onsite|time)",
        r"\bavailability\s+(?:for|next|this|over|in|on)\b",
        r"\b(?:share|send)\s+(?:me\s+|us\s+)?(?:your|some)\s+availability\b",
        r"\bwhat\s+times?\s+(?:work|would\s+work|suit)",
        r"\bre-?schedul\w*",
        r"\b(?:move|push|shift)\s+(?:it|the\s+(?:interview|call|meeting))?\s*to\s+(?:monday|tuesday|wednesday|thursday|friday|next\s+week|another\s+day)",
        r"\btake[\s-]?home\b|\bcoding\s+(?:exercise|challenge|assessment)\b",
    ),
    ReplyKind.HOLDING: (
        r"\bstill\s+(?:interviewing|reviewing|deciding|evaluating|considering|meeting|speaking|talking|gathering|waiting|finali[sz]ing|working\s+through)",
        r"\bha(?:ve|s)n'?t\s+(?:yet\s+)?(?:made|reached)\s+a\s+(?:final\s+)?decision|\bhave\s+not\s+(?:yet\s+)?(?:made|reached)\s+a\s+(?:final\s+)?decision",
        r"\bno\s+(?:final\s+)?decision\s+(?:has\s+been\s+made\s+)?yet\b",
        r"\b(?:need|needs|take|takes|taking)\s+(?:one|another|a\s+few|a\s+couple(?:\s+of)?|a\s+little)\s+(?:more|extra|additional|bit\s+(?:more|longer))",
        r"\bdecision\s+(?:by|within|early|next|before|in\s+the\s+next)\b",
        r"\b(?:expect|hope|aim|plan)\s+to\s+(?:have|make|reach|share)\s+(?:a|our|an|the)\s+(?:final\s+)?(?:decision|update|answer)",
        r"\b(?:will|'ll)\s+(?:get\s+back\s+to\s+you|be\s+in\s+touch|update\s+you|let\s+you\s+know|follow\s+up|circle\s+back)",
        r"\b(?:taking|take)\s+(?:a\s+bit\s+|a\s+little\s+)?longer\s+than\s+(?:expected|anticipated|planned)",
        r"\bthank\s+you\s+for\s+your\s+patience\b",
    ),
    ReplyKind.ACKNOWLEDGEMENT: (
        r"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+(?:your|the)\s+(?:kind\s+)?(?:note|email|e-mail|message|follow[\s-]?up|thank[\s-]?you|words)",
        r"\b(?:got|received)\s+your\s+(?:email|note|message)",
        r"\breceived\b",
        r"\b(?:glad|happy)\s+(?:you\s+enjoyed|to\s+hear)",
        r"\b(?:pleasure|great|nice|lovely)\s+(?:meeting|speaking|talking|chatting)\s+(?:with\s+)?you",
    ),
}
# Another role, or a turn of the sentence: a rejection that goes on to an invitation is no rejection.
_REDIRECT = re.compile(r"\b(?:another|different|other|alternative|separate|new|more\s+junior|junior|more\s+senior|senior|mid(?:-level)?)\s+(?:role|position|opening|team|req(?:uisition)?)s?\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|however|instead|that\s+said|although|though|nevertheless|fortunately)\b", re.IGNORECASE)
# An invitation to hear feedback or stay in touch after a rejection is still a rejection.
_AFTERCARE = re.compile(r"\b(?:feedback|on\s+file|future\s+(?:roles|openings|opportunities|positions)|stay\s+in\s+touch|keep\s+in\s+touch|reapply|talent\s+(?:pool|community))\b", re.IGNORECASE)
# Words that undo a positive phrase just before it: "unable to offer you the role", "before we make an offer".
_UNDO = re.compile(r"(?:\b(?:not|unable|cannot|no\s+longer|before|prior\s+to|whether|if\s+we)\b|n't\b)[^.,;!?]{0,30}$", re.IGNORECASE)
_NOT_REJECTION = re.compile(r"\b(?:not\s+a\s+rejection|(?:does\s+not|doesn'?t)\s+mean)\b", re.IGNORECASE)
_RE_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv|tr)\s*:\s*)+", re.IGNORECASE)
_PRECEDENCE = (ReplyKind.OFFER, ReplyKind.NEXT_STEPS, ReplyKind.HOLDING, ReplyKind.ACKNOWLEDGEMENT)


@functools.lru_cache(maxsize=32)
def _compiled(rules: tuple[tuple[ReplyKind, tuple[str, ...]], ...]) -> dict[ReplyKind, tuple[re.Pattern[str], ...]]:
    out: dict[ReplyKind, tuple[re.Pattern[str], ...]] = {}
    for kind, patterns in rules:
        compiled = []
        for p in patterns:
            try:
                compiled.append(re.compile(p, re.IGNORECASE))
            except re.error as exc:
                raise ValueError(f"reply rule for {kind.value!r} is not a valid regex: /{p}/: {exc}") from exc
        out[kind] = tuple(compiled)
    return out


def _rules(extra: dict[str, list[str]] | None) -> dict[ReplyKind, tuple[re.Pattern[str], ...]]:
    """Defaults with config rules in front of their kind's list (their phrase is the one reported)."""
    merged = {kind: list(patterns) for kind, patterns in DEFAULT_RULES.items()}
    for name, patterns in (extra or {}).items():
        try:
            kind = ReplyKind(name)
        except ValueError:
            known = ", ".join(k.value for k in DEFAULT_RULES)
            raise ValueError(f"unknown reply kind {name!r} in reply rules (use one of: {known})") from None
        if kind not in merged:
            raise ValueError(f"reply kind {name!r} takes no phrase rules (use one of: {', '.join(k.value for k in DEFAULT_RULES)})")
        merged[kind] = [*patterns, *merged[kind]]
    return _compiled(tuple((k, tuple(v)) for k, v in merged.items()))


@dataclass(frozen=True)
class _Found:
    kind: ReplyKind
    sentence: int
    phrase: str


def _sentences(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text))
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?]) ", p) if s]


def _find(sentences: list[str], rules: dict[ReplyKind, tuple[re.Pattern[str], ...]]) -> list[_Found]:
    found: list[_Found] = []
    for i, sentence in enumerate(sentences):
        for kind, patterns in rules.items():
            for pattern in patterns:
                m = pattern.search(sentence)
                if m is None:
                    continue
                before = sentence[:m.start()]
                if kind is ReplyKind.REJECTION and _NOT_REJECTION.search(sentence):
                    continue
                if kind in (ReplyKind.OFFER, ReplyKind.NEXT_STEPS) and _UNDO.search(before):
                    continue
                found.append(_Found(kind, i, m.group(0)))
                break  # one phrase per kind per sentence is enough
    return found


def _overrides_rejection(positive: _Found, rejection: _Found, sentences: list[str]) -> bool:
    """A positive phrase after a rejection wins when it redirects: "not the Senior role, but the Mid one"."""
    if positive.sentence < rejection.sentence:
        return False
    here = sentences[positive.sentence]
    if _AFTERCARE.search(here):
        return False
    between = " ".join(sentences[rejection.sentence:positive.sentence + 1])
    return bool(_REDIRECT.search(between) or _CONTRAST.search(here))


def classify_reply(subject: str, body: str, extra_rules: dict[str, list[str]] | None = None) -> Classification:
    """What the company's reply says: rejection, offer, next steps, holding, acknowledgement...

    Quoted earlier messages are stripped first. `extra_rules` (from config) maps a kind's name
    to more regexes; they join that kind's defaults, and the order between kinds stays:
    an auto-reply first; a rejection beats everything else unless a positive phrase after it
    redirects (another role, "but ... we'd like you to interview"); then offer, next steps,
    holding, acknowledgement.
    """
    rules = _rules(extra_rules)
    subject = unicodedata.normalize("NFKC", subject or "")[:300]
    text = strip_quoted((body or "")[:_MAX_BODY])
    if m := (_AUTO_SUBJECT.match(subject) or _is_ooo_body(text)):
        return Classification(ReplyKind.AUTO_REPLY, m.group(0).strip(), 0.95)
    # A fresh subject reads as the first sentence ("Offer letter"); a "Re:" subject is usually
    # our own thank-you's ("Re: Thank you - Final round") and says nothing about the answer.
    own = "" if _RE_PREFIX.match(subject) else subject.strip().rstrip(".!?") + ".\n\n"
    sentences = _sentences(own + text[:20_000])
    found = _find(sentences, rules)
    by_kind: dict[ReplyKind, list[_Found]] = {}
    for f in found:
        by_kind.setdefault(f.kind, []).append(f)
    rejection = by_kind.get(ReplyKind.REJECTION)
    if rejection:
        last_rejection = rejection[-1]
        for kind in (ReplyKind.OFFER, ReplyKind.NEXT_STEPS):
            for positive in by_kind.get(kind, ()):
                if _overrides_rejection(positive, last_rejection, sentences):
                    return Classification(kind, positive.phrase, 0.7)
        return Classification(ReplyKind.REJECTION, rejection[0].phrase, 0.9)
    for kind in _PRECEDENCE:
        if kind in by_kind:
            confidence = 0.6 if kind is ReplyKind.ACKNOWLEDGEMENT else 0.85
            return Classification(kind, by_kind[kind][0].phrase, confidence)
    return Classification(ReplyKind.OTHER, "", 0.0)


# --- quoted text ---------------------------------------------------------------------------------

_ATTRIBUTION_START = re.compile(r"^\s*(?:on|am|le|el|op|il|em)\s", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(r"(?:wrote|schrieb|a\s+écrit|escribió|schreef|ha\s+scritto|escreveu)\s*:\s*$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(?:original\s+message|reply\s+message|ursprüngliche\s+nachricht|message\s+d'origine)\s*-{2,}\s*$", re.IGNORECASE)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|von|de|van)\s*:\*?\s+\S", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(?:sent|date|to|subject|gesendet|datum|envoyé|an|objet)\s*:", re.IGNORECASE)
_RULE_LINE = re.compile(r"^\s*_{8,}\s*$")


def strip_quoted(body: str) -> str:
    """The new text of a reply: without quoted lines and the earlier messages below an attribution.

    Handles Gmail and Apple Mail ("On <date>, <person> wrote:", possibly wrapped over lines),
    Outlook ("-----Original Message-----", or a "From: ... Sent: ..." block) and ">" lines.
    A bottom-posted reply (attribution, ">" lines, then new text) keeps the new text.
    """
    if not isinstance(body, str):
        return ""
    lines = [line[:_MAX_LINE] for line in body[:_MAX_BODY].replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">"):
            i += 1
            continue
        header_end = _attribution_end(lines, i)
        if header_end is not None:
            following = next((x for x in lines[header_end + 1:header_end + 6] if x.strip()), "")
            if following.lstrip().startswith(">"):
                i = header_end + 1  # interleaved or bottom-posted: drop the header, ">" lines go one by one
                continue
            break  # top-posted: everything below is the earlier message
        if _ORIGINAL.match(line) or _RULE_LINE.match(line) and _outlook_block(lines, i + 1):
            break
        if _OUTLOOK_FROM.match(line) and _outlook_block(lines, i):
            break
        kept.append(line)
        i += 1
    return "\n".join(kept).strip()


def _attribution_end(lines: list[str], i: int) -> int | None:
    """The last line of an "On ... wrote:" attribution starting at line i (wrapped up to 3 lines)."""
    if not _ATTRIBUTION_START.match(lines[i]):
        return None
    for j in range(i, min(i + 3, len(lines))):
        if _ATTRIBUTION_END.search(lines[j]):
            return j
        if j > i and not lines[j].strip():
            return None
    return None


def _outlook_block(lines: list[str], i: int) -> bool:
    """An Outlook header block: a "From:" line followed by "Sent:"/"Date:"/"To:"/"Subject:" lines."""
    if i >= len(lines) or not _OUTLOOK_FROM.match(lines[i]):
        return False
    return any(_OUTLOOK_NEXT.match(x) for x in lines[i + 1:i + 4])
