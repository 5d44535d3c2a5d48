"""Pulling what follow-ups need out of strangers' calendar text: names, domains, titles, links.

Pure helpers for interview_bot.detect. Everything here takes text written by someone else (a
recruiter, an ATS, a scheduling bot) and must cope with None, odd unicode, CR/LF and
titles in formats nobody agreed on.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from interview_bot.reading.company_names import written_name

# Calendar's own pseudo-addresses: rooms, shared calendars, mailing lists. Never people, never a company.
CALENDAR_SYSTEM_DOMAINS = (
    "resource.calendar.google.com",
    "group.calendar.google.com",
    "group.v.calendar.google.com",
    "import.calendar.google.com",
    "googlegroups.com",
)

# Shared mailboxes rather than people. A thank-you goes to people; "Hi Recruiting," reads badly and
# lands in a queue. The recruiter who runs the process almost always appears by name too.
ROLE_MAILBOXES = frozenset({
    "team", "hiring", "recruiting", "recruitment", "recruiters", "talent", "talentacquisition",
    "careers", "jobs", "hr", "people", "interviews", "interview", "candidates", "info", "hello",
    "contact", "admin", "all", "everyone", "staff", "office", "engineering",
})

# Second-level public suffixes common enough to matter ("globex.co.uk" is Globex, not Co).
_SECOND_LEVEL = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk",
    "com.au", "net.au", "org.au", "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "co.kr",
    "com.br", "com.mx", "com.ar", "com.cn", "com.hk", "com.sg", "com.tw", "com.tr", "com.my",
    "co.in", "net.in", "org.in", "co.za", "co.il", "com.pl", "com.ua", "co.id", "com.ph",
})

# Hosts whose links are the meeting itself, not an ATS page or a map.
_MEETING_HOSTS = re.compile(
    r"(?:^|\.)(?:zoom\.us|zoom\.com|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|whereby\.com|chime\.aws|bluejeans\.com|gotomeet(?:ing)?\.com|gotomeet\.me|meet\.jit\.si"
    r"|around\.co|skype\.com)$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)

_MAX_TEXT = 300  # titles and names longer than this are noise or an attack, not information


def clean_text(value: object, limit: int = _MAX_TEXT) -> str:
    """Printable one-line text: control/format characters (CR, LF, bidi overrides) become spaces."""
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFC", value)
    # Category C* covers CR/LF/NUL (Cc) and invisible format characters such as U+202E (Cf),
    # which would otherwise let a title spoof itself in a subject line or a header.
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    text = " ".join(text.split())
    return text[:limit].strip()


def clean_name(value: object) -> str:
    """A display name fit for a greeting: cleaned, unquoted, and empty when it is just an address."""
    name = clean_text(value, 120).strip("\"' ")
    return "" if "@" in name else name


_EMAIL = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$")


def normalize_email(value: object) -> str:
    """The address lower-cased, or "" when it is not a plausible address."""
    if not isinstance(value, str):
        return ""
    email = value.strip().strip("<>").lower()
    if len(email) > 254 or any(unicodedata.category(ch).startswith("C") for ch in email):
        return ""
    return email if _EMAIL.match(email) else ""


def domain_of(email: str) -> str:
    """The part after the last @, lower-cased."""
    return email.rsplit("@", 1)[-1].lower() if "@" in email else ""


def local_part(email: str) -> str:
    """The part before the @, without a +tag."""
    return email.split("@", 1)[0].split("+", 1)[0].lower()


def domain_in(domain: str, patterns: Iterable[str]) -> bool:
    """Whether `domain` is one of `patterns`, a subdomain of one, or matches a glob like "gmx.*"."""
    domain = domain.lower()
    for raw in patterns:
        pattern = raw.strip().lower().lstrip("@")
        if not pattern:
            continue
        if "*" in pattern or "?" in pattern:
            if fnmatchcase(domain, pattern) or fnmatchcase(domain, "*." + pattern):
                return True
        elif domain == pattern or domain.endswith("." + pattern):
            return True
    return False


def is_calendar_system(email: str) -> bool:
    """Rooms, resources, shared calendars and Google Groups: addresses that are not people."""
    return domain_in(domain_of(email), CALENDAR_SYSTEM_DOMAINS)


def is_role_mailbox(email: str) -> bool:
    """team@, hiring@, recruiting@ and the like: shared inboxes, not someone to thank."""
    return local_part(email) in ROLE_MAILBOXES


def registrable_label(domain: str) -> str:
    """The organisation's label: "eng.initech.com" -> "initech", "globex-corp.co.uk" -> "globex-corp"."""
    labels = [part for part in domain.lower().strip(".").split(".") if part]
    if len(labels) < 2:
        return labels[0] if labels else ""
    if len(labels) >= 3 and ".".join(labels[-2:]) in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def company_for_domain(domain: str, companies: dict[str, str]) -> tuple[str, bool]:
    """The company a domain belongs to, and whether the name came from the user's map (else derived)."""
    domain = domain.lower()
    # The longest mapped suffix wins, so "eng.initech.com" can differ from "initech.com" if mapped.
    best = ""
    for key in companies:
        k = key.strip().lower().lstrip("@")
        if k and (domain == k or domain.endswith("." + k)) and len(k) > len(best):
            best = k
    if best:
        name = next(v for key, v in companies.items() if key.strip().lower().lstrip("@") == best)
        return clean_text(name, 100), True
    label = registrable_label(domain)
    words = [w for w in re.split(r"[-_]+", label) if w]
    # Two or three letters are almost always initials: ibm.com is IBM, not Ibm.
    return " ".join(w.upper() if len(w) <= 3 else w[:1].upper() + w[1:] for w in words), False


def spelling_in_title(name: str, title: str) -> str:
    """The title's spelling of a domain-derived name ("Openai" -> "OpenAI"), else the name unchanged."""
    if not title or title.isupper() or title.islower():
        return name  # a shouted or all-lower title says nothing about how the company writes its name
    return written_name(name, (title,)) or name


def find_meeting_link(candidates: Iterable[str]) -> str:
    """The first video-meeting URL (Zoom, Meet, Teams, Webex, ...) in the given texts, or ""."""
    for text in candidates:
        if not isinstance(text, str) or not text:
            continue
        for match in _URL.finditer(html.unescape(text[:50_000])):
            url = match.group(0).rstrip(".,;:!?)]}*")
            host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("@")[-1].split(":")[0]
            if _MEETING_HOSTS.search(host):
                return url
    return ""


# --- titles ------------------------------------------------------------------------------------

# Words that describe the kind of meeting rather than the role or the company. Trimmed from
# the ends of a title segment: "Initech Onsite Interview" -> "Initech".
_KIND_VOCAB = frozenset("""
interview interviews interviewing screen screening phone technical tech onsite on-site virtual video
zoom final round first second third fourth 1st 2nd 3rd 4th panel behavioral behavioural coding
system design hiringmanager recruiter recruiting recruitment hr talent culture fit add values
take-home takehome take home review call chat intro introductory introduction meeting conversation
sync discussion session superday assessment exercise challenge presentation loop initial follow-up
followup minute minutes min mins job the a an and of scheduled confirmation confirmed invitation
updated informational case study pair programming live deep dive portfolio team meet quick catch-up
coffee hold debrief virtual-onsite in-person
""".split())  # noqa: SIM905 - a word list reads better as text

# Nouns that make a phrase a job title. Checked as whole words, case-insensitively.
_ROLE_WORD = re.compile(
    r"\b(?:engineer|engineering|developer|dev|programmer|analyst|scientist|designer|manager|director"
    r"|architect|consultant|specialist|intern|internship|lead|head|vp|president|officer|administrator"
    r"|coordinator|associate|researcher|technician|strategist|writer|editor|accountant|representative"
    r"|rep|executive|swe|sre|sde|pm|tpm|devops|qa|tester|nurse|teacher|professor|lecturer|counsel"
    r"|attorney|paralegal|cook|chef|barista|cashier|driver|clerk|assistant|advisor|adviser|planner"
    r"|marketer|operator|mechanic|electrician|pharmacist|therapist|physician|principal|fellow|postdoc"
    r"|trainee|apprentice|owner|partner|agent|supervisor|controller|auditor|economist|statistician"
    r"|copywriter|illustrator|photographer|producer|ux|ui|staff|member of technical staff)\b",
    re.IGNORECASE,
)
_COMPANY_SUFFIX = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|bv|plc|labs?|technologies"
    r"|tech|systems|group|partners|holdings|ventures|capital|bank|studios?|solutions|software|ai|health)\b\.?",
    re.IGNORECASE,
)
# Legal-entity words: "Data Labs Inc" is a company even though "Data" reads like a role.
_LEGAL_SUFFIX = re.compile(r"\b(?:inc|llc|ltd|limited|corp|corporation|gmbh|ag|plc|labs?)\b\.?", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*[–—|]\s*|:\s+|\s*<>\s*|\s*<->\s*|\s+/\s+")
_FOR_AT = re.compile(
    r"\bfor\s+(?:the\s+|an?\s+)?(?P<role>[^|:()<>]+?)(?:\s+(?:role|position|opening))?\s+(?:at|@)\s+(?P<company>.+)$",
    re.IGNORECASE,
)
_FOR = re.compile(r"\bfor\s+(?:the\s+|an?\s+)?(?P<role>[^|:()<>\-–—]+?)(?:\s+(?:role|position|opening))?\s*(?:$|[|:(\-–—])", re.IGNORECASE)
_REQ_ID = re.compile(r"\(\s*[^()]*\d[^()]*\)|\b(?:req|jr|job\s*id|r)[\s#:\-]*\d{3,}\b|#\s*\d{3,}", re.IGNORECASE)
_GENERIC = frozenset({"position", "role", "job", "opening", "you", "me", "us", "tbd", "zoom", "google meet",
                      "teams", "microsoft teams", "phone", "video call", "call", "interview"})


@dataclass(frozen=True)
class TitleParts:
    """What a title says about the job: either may be "" when the title does not say."""

    role: str = ""
    company: str = ""


def _tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in re.split(r"[^\w]+", text.lower()) if t and not t.isdigit())


def _trim_kind(segment: str) -> str:
    """Drop meeting-kind words from both ends: "Senior Engineer Interview" -> "Senior Engineer"."""
    marked = re.sub(r"\bhiring[\s-]+manager\b", "hiringmanager", segment, flags=re.IGNORECASE)
    words = marked.split()

    def is_kind(word: str) -> bool:
        w = word.strip(".,;:!?()[]\"'").lower()
        return w in _KIND_VOCAB or w.isdigit() or not w

    while words and is_kind(words[0]):
        words.pop(0)
    while words and is_kind(words[-1]):
        words.pop()
    return " ".join(words).replace("hiringmanager", "hiring manager")


def _name_shaped(text: str) -> bool:
    """Looks like "Jane Roe": two or three capitalised words and nothing that says company."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").replace(".", "").isalpha() for w in words)
        and not _COMPANY_SUFFIX.search(text)
    )


def _tidy(text: str) -> str:
    return clean_text(text, 100).strip(" .,;:!?-–—\"'[]")


def parse_title(title: object, people: Iterable[frozenset[str]] = ()) -> TitleParts:
    """The role and company a title names, in the formats ATSes and people use.

    `people` holds the name tokens of everyone on the invitation (the user included), so
    "Dale Simon <> Globex" can tell the person from the company.
    """
    # A line break in a title separates parts; it must not glue "Data Analyst" to the next line.
    raw = re.sub(r"[\r\n\u2028\u2029]+", " | ", title) if isinstance(title, str) else ""
    text = _REQ_ID.sub(" ", clean_text(raw))
    known = [p for p in people if p]

    def is_person(segment: str) -> bool:
        toks = _tokens(segment)
        return bool(toks) and any(toks <= p for p in known)

    role = ""
    # (priority, position, name): lower priority wins; parentheses and "at X" are the clearest signals.
    companies: list[tuple[int, int, str]] = []

    def offer(name: str, priority: int) -> None:
        name = _tidy(name)
        if not name or name.lower() in _GENERIC or "@" in name or "://" in name or is_person(name) or _ROLE_WORD.search(name) and not _COMPANY_SUFFIX.search(name):
            return
        penalty = 2 if _name_shaped(name) else 0
        companies.append((priority + penalty, len(companies), name))

    found = _FOR_AT.search(text)
    if found:
        role = _tidy(_SEPARATORS.split(found.group("role"))[0])
        offer(_SEPARATORS.split(found.group("company"))[0], 0)
        text = text[: found.start()]
    elif (found := _FOR.search(text)) and _ROLE_WORD.search(found.group("role")):
        role = _tidy(found.group("role"))
        text = text[: found.start()] + " " + text[found.end("role") :]

    for segment in _SEPARATORS.split(text):
        segment = segment.strip()
        for inner in re.findall(r"\(([^()]*)\)", segment):
            offer(inner, -1)  # "Chat with Jane (Initech)"
        segment = re.sub(r"\([^()]*\)", " ", segment).strip()
        if not segment:
            continue
        with_match = re.search(r"\b(?:with|w/)\s+(.+)$", segment, re.IGNORECASE)
        if with_match:
            other = with_match.group(1).strip()
            # "Interview with Jane Roe" names a person; "Intro call with Initech" a company.
            if not _name_shaped(other) and not re.search(r"\s(?:and|&)\s", other):
                offer(other, 1)
            segment = segment[: with_match.start()].strip()
        at_match = re.search(r"\s(?:at|@)\s+(.+)$", segment, re.IGNORECASE)
        if at_match:
            offer(at_match.group(1), 0)
            segment = segment[: at_match.start()].strip()
        if re.search(r"\s(?:and|&)\s", segment) or re.match(r"^\s*between\b", segment, re.IGNORECASE):
            continue  # "Jane Roe and Dale Simon": the two people on a booking
        core = _trim_kind(segment)
        if not core:
            continue
        if _ROLE_WORD.search(core) and not _LEGAL_SUFFIX.search(core):
            role = role or _tidy(core)
        else:
            offer(core, 1)
    company = min(companies)[2] if companies else ""
    return TitleParts(role=role, company=company)


# "Interview: Samir Nagheenanajar for Software Engineer", "Software Engineer - Peter Gibbons":
# scheduling tools name an event after the job and the CANDIDATE (Greenhouse candidate calendar
# events, SilkRoad's "job + candidate full name"). Whose name it is tells who the candidate is.
_NAME = r"(?P<name>[^\W\d_][\w.'\-]*(?:\s+[^\W\d_][\w.'\-]*){1,2})"
_CANDIDATE_SLOTS = (
    re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:interview|screen(?:ing)?|phone\s+screen|onsite|on-site)\s*[:\-–—|]\s*"
               + _NAME + r"\s+for\s+(?:the\s+|an?\s+)?(?P<role>[^:|()]+?)(?:\s+(?:role|position))?\s*$", re.IGNORECASE),
    re.compile(r"^\s*(?P<role>[^:|\-–—()]+?)\s*(?:\s[-–—]|[|:])\s*" + _NAME + r"\s*(?:\([^()]*\))?\s*$"),
    re.compile(r"^\s*" + _NAME + r"\s*(?:\s[-–—]|[|:])\s*(?P<role>[^:|\-–—()]+?)\s*$"),
)


def candidate_in_title(title: object) -> tuple[str, str] | None:
    """(person, role) when a title is only a job and a person's name, as tools name candidates' events."""
    text = clean_text(title)
    for pattern in _CANDIDATE_SLOTS:
        m = pattern.match(text)
        if m is None:
            continue
        name, role = m.group("name").strip(), m.group("role").strip()
        kind_word = any(w.strip(".'").lower() in _KIND_VOCAB for w in name.split())
        if _ROLE_WORD.search(role) and _name_shaped(name) and not _ROLE_WORD.search(name) and not kind_word:
            return name, role
    return None
