"""Accounts of a given size for the benchmark: mostly ordinary events and unrelated mail, a few interviews.

Calendar events go in through the sandbox's own seeding helper (CalendarApi.add_event: 10,000
take under a second). Mail does not: GmailApi.deliver threads each message by scanning and
parsing the whole mailbox, so 50,000 deliveries would be quadratic, and the sandbox's search
parses and re-reads every message at each query (about 1.4 ms a message, 70 s a search at
50,000). Both are the stand-in's costs, not the bot's, so `SeededGmail` loads the mailbox in
bulk and keeps each seeded message's search document (built from the values the message was
made from, and checked against the sandbox's own parser on a sample). Every request is still
served, validated and logged by the unchanged sandbox code; only how the server finds matches
faster is different.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.utils import format_datetime
from typing import Any

from interview_bot.sandbox import gmail_query
from interview_bot.sandbox.gmail_api import GmailApi
from interview_bot.sandbox.server import Sandbox

ME = "alex.morgan@example.com"
MY_DOMAIN = "mycorp.example"


@dataclass(frozen=True)
class Size:
    """How big an account is."""

    name: str
    events: int
    messages: int


SIZES = (Size("small", 100, 1_000), Size("medium", 1_000, 10_000), Size("large", 10_000, 50_000))


def rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- mail ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mail:
    """One message as the benchmark makes it: enough to render its bytes and its search document."""

    sender_name: str
    sender: str
    to: str
    subject: str
    body: str
    date: datetime
    message_id: str
    references: str = ""

    def raw(self) -> bytes:
        refs = f"In-Reply-To: {self.references}\r\nReferences: {self.references}\r\n" if self.references else ""
        return (
            f"From: {self.sender_name} <{self.sender}>\r\nTo: {self.to}\r\nSubject: {self.subject}\r\n"
            f"Date: {format_datetime(self.date)}\r\nMessage-ID: {self.message_id}\r\n{refs}"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n"
            f"Content-Transfer-Encoding: 7bit\r\n\r\n{self.body}\r\n"
        ).encode("ascii")

    def doc(self, labels: Iterable[str], size: int) -> gmail_query.MailDoc:
        """What gmail_query.doc_from_message would make of raw(): checked in SeededGmail.check()."""
        return gmail_query.MailDoc(
            sender=(f"{self.sender_name} {self.sender}",), to=(self.to,), subject=self.subject,
            body=self.body + "\r\n", message_id=self.message_id, label_ids=frozenset(labels),
            date=datetime.fromtimestamp(int(self.date.timestamp() * 1000) / 1000, UTC), size=size,
        )


class SeededGmail(GmailApi):
    """The sandbox's Gmail with a bulk loader that also hands it each message's search document."""

    def load_bulk(self, mails: list[tuple[Mail, list[str]]]) -> None:
        """Load old mail at once (as it was before the bot ever looked: no history to replay)."""
        with self.lock:
            for mail, labels in sorted(mails, key=lambda m: m[0].date):
                raw = mail.raw()
                ms = int(mail.date.timestamp() * 1000)
                self._seq += 1
                mid = format(((ms << 20) + self._seq) & (2**64 - 1), "016x")
                self._history_id += 1 + self._seq % 3
                self._messages[mid] = {"id": mid, "threadId": mid, "labelIds": list(labels), "internalDate": ms,
                                       "historyId": self._history_id, "raw": raw}
                self._docs[mid] = (frozenset(labels), mail.doc(labels, len(raw)))
            self._history_floor = self._history_id

    def arrive(self, mail: Mail, thread_id: str | None = None, labels: tuple[str, ...] = ("INBOX", "UNREAD")) -> str:
        """A new message (recorded in history), in thread_id if it fits there as Gmail would decide."""
        with self.lock:
            raw = mail.raw()
            m = self._add_message(raw, list(labels), thread_id, int(mail.date.timestamp() * 1000))
            self._docs[m["id"]] = (frozenset(labels), mail.doc(labels, len(raw)))
            return str(m["id"])

    def check(self, sample: int = 25) -> None:
        """The kept documents are what the sandbox's parser makes of the same bytes."""
        for mid in list(self._docs)[:sample] + list(self._docs)[-sample:]:
            m = self._messages[mid]
            parsed = message_from_bytes(m["raw"], policy=policy.default)
            real = gmail_query.doc_from_message(parsed, frozenset(m["labelIds"]),
                                                datetime.fromtimestamp(m["internalDate"] / 1000, UTC), len(m["raw"]))
            assert real == self._docs[mid][1], (real, self._docs[mid])


# -- the account -------------------------------------------------------------------------------------

ORDINARY = ("Team standup", "1:1 with Sam", "Dentist", "Lunch with Jo", "Sprint planning", "Gym", "Design review",
            "Coffee with Priya", "Book club", "Haircut", "Quarterly review", "Pick up the kids", "Yoga")
NEWSLETTERS = ("digest@news.example", "offers@shop.example", "team@saas.example", "alerts@bank.example",
               "hello@travel.example", "noreply@social.example")
# Hiring systems' mail about companies the user has no process with (job-search noise the
# narrow query must not drag in): (display name, address, subject).
ATS_NOISE = (("Acme Recruiting", "no-reply@us.greenhouse-mail.io", "Thank you for applying to Acme"),
             ("Stark Careers", "stark@myworkday.com", "Your application to Stark Industries"),
             ("Wayne Enterprises", "no-reply@hire.lever.co", "Thanks for applying to Wayne Enterprises"),
             ("Cyberdyne", "no-reply@ashbyhq.com", "Application received - Cyberdyne"))


@dataclass(frozen=True)
class Company:
    """A company the user interviews with during the benchmark."""

    key: str  # e.g. "initech"
    name: str
    role: str

    @property
    def domain(self) -> str:
        return f"{self.key}.example"

    @property
    def recruiter(self) -> str:
        return f"recruiter@{self.domain}"

    @property
    def interviewer(self) -> str:
        return f"lee@{self.domain}"


# Processes already under way when the benchmark starts (the bot knows them after its first run).
BACKGROUND = tuple(Company(k, k.title(), r) for k, r in (
    ("initech", "Data Analyst"), ("globex", "Backend Engineer"), ("hooli", "Product Manager"),
    ("umbrella", "SRE"), ("soylent", "Designer"), ("vandelay", "Data Engineer")))
NEWCO = Company("newco", "Newco", "Platform Engineer")  # the interview that arrives during the benchmark


def interview_event(c: Company, start: datetime, minutes: int = 60, n: int = 0) -> dict[str, Any]:
    """An interview invitation from the company's recruiter, as an ATS would send it."""
    return {
        "summary": f"Interview: {c.role} - {c.name}",
        "iCalUID": f"iv-{c.key}-{n}@bench.invalid",
        "start": {"dateTime": rfc3339(start), "timeZone": "UTC"},
        "end": {"dateTime": rfc3339(start + timedelta(minutes=minutes)), "timeZone": "UTC"},
        "organizer": {"email": c.recruiter, "displayName": f"{c.name} Recruiting"},
        "attendees": [
            {"email": c.recruiter, "displayName": f"{c.name} Recruiting", "organizer": True, "responseStatus": "accepted"},
            {"email": c.interviewer, "displayName": "Lee Kim", "responseStatus": "accepted"},
            {"email": ME, "responseStatus": "accepted"},
        ],
    }


def scheduling_mail(c: Company, when: datetime) -> Mail:
    return Mail(f"{c.name} Recruiting", c.recruiter, ME, f"Interview invitation: {c.role} at {c.name}",
                f"Hi Alex, we would like to invite you to interview for the {c.role} role.", when,
                f"<sched-{c.key}@{c.domain}>")


def ats_acknowledgement(c: Company, when: datetime) -> Mail:
    """The hiring system's receipt for the application, naming the company in its sender name."""
    return Mail(f"{c.name} Careers", f"{c.key}@myworkday.com", ME, f"Thank you for applying to {c.name}",
                f"Dear Alex, thank you for your interest in {c.name}. We have received your application.", when,
                f"<ack-{c.key}@myworkday.com>")


def ats_rejection_mail(c: Company, when: datetime) -> Mail:
    """A rejection sent through Greenhouse: the company only in the display name."""
    return Mail(c.name, "no-reply@us.greenhouse-mail.io", ME, "Update on your application",
                "Hi Alex, thank you for your time. After careful consideration we have decided to move forward "
                "with other candidates.", when, f"<gh-reject-{c.key}@us.greenhouse-mail.io>")


def rejection_mail(c: Company, when: datetime) -> Mail:
    return Mail(f"{c.name} Recruiting", c.recruiter, ME, f"Re: Interview invitation: {c.role} at {c.name}",
                "Hi Alex, thank you for your time. Unfortunately we have decided not to move forward with your "
                "application at this time. We wish you the best.", when,
                f"<reject-{c.key}@{c.domain}>", references=f"<sched-{c.key}@{c.domain}>")


@dataclass
class Account:
    """A seeded sandbox and what the benchmark needs to know about it."""

    sandbox: Sandbox
    gmail: SeededGmail
    t0: datetime
    size: Size
    interviews: dict[str, str]  # company key -> event id


def build(size: Size, t0: datetime, clock: Any = None, seed: int = 7) -> Account:
    """A sandbox (not started) holding an account of `size` around t0.

    Events: size.events in all, spread from two years before t0 to six months after, of which
    the BACKGROUND interviews: half ended in the last two days (thank-yous due), half in the days
    ahead. Mail: size.messages in all, over the two years before t0, with a scheduling message
    from each company's recruiter, NEWCO's included.
    """
    rng = random.Random(seed)
    sb = Sandbox(email=ME, clock=clock)
    gmail = SeededGmail(ME, sb.clock)
    sb.gmail = gmail
    interviews = {}
    for i, c in enumerate(BACKGROUND):
        start = t0 - timedelta(hours=6 + 10 * i) if i % 2 == 0 else t0 + timedelta(days=1 + i)
        interviews[c.key] = sb.calendar.add_event(interview_event(c, start))["id"]
    span = timedelta(days=880).total_seconds()
    first = t0 - timedelta(days=700)
    for n in range(size.events - len(BACKGROUND)):
        start = first + timedelta(seconds=rng.uniform(0, span))
        start = start.replace(minute=(start.minute // 15) * 15, second=0, microsecond=0)
        event: dict[str, Any] = {
            "summary": ORDINARY[n % len(ORDINARY)],
            "start": {"dateTime": rfc3339(start)},
            "end": {"dateTime": rfc3339(start + timedelta(minutes=30 * (1 + n % 3)))},
        }
        if n % 2 == 0:  # meetings with colleagues; the rest are the user's own events
            event["organizer"] = {"email": f"sam@{MY_DOMAIN}"}
            event["attendees"] = [{"email": f"sam@{MY_DOMAIN}", "organizer": True, "responseStatus": "accepted"},
                                  {"email": ME, "responseStatus": "accepted"}]
        sb.calendar.add_event(event)
    mails: list[tuple[Mail, list[str]]] = []
    for c in (*BACKGROUND, NEWCO):
        mails.append((scheduling_mail(c, t0 - timedelta(days=5, hours=rng.uniform(0, 48))), ["INBOX"]))
        mails.append((ats_acknowledgement(c, t0 - timedelta(days=12, hours=rng.uniform(0, 48))), ["INBOX"]))
    two_years = timedelta(days=730).total_seconds()
    for n in range(size.messages - len(mails)):
        when = (t0 - timedelta(seconds=rng.uniform(3600, two_years))).replace(microsecond=0)
        if n % 5 == 0:
            mail = Mail("Sam Lee", f"sam@{MY_DOMAIN}", ME, f"Notes from meeting {n}", "Here are the notes.", when,
                        f"<c{n}@{MY_DOMAIN}>")
        elif n % 40 == 1:
            name, sender, subject = ATS_NOISE[(n // 40) % len(ATS_NOISE)]
            mail = Mail(name, sender, ME, subject, "We have received your application.", when,
                        f"<ats{n}@{sender.split('@')[1]}>")
        else:
            sender = NEWSLETTERS[n % len(NEWSLETTERS)]
            mail = Mail(sender.split("@")[1].split(".")[0].title(), sender, ME, f"Your update #{n}",
                        "News and offers for you this week.", when, f"<n{n}@{sender.split('@')[1]}>")
        mails.append((mail, ["INBOX"] if n % 3 else ["INBOX", "CATEGORY_PROMOTIONS"]))
    gmail.load_bulk(mails)
    gmail.check()
    return Account(sb, gmail, t0, size, interviews)


def thread_of(gmail: SeededGmail, message_id_header: str) -> str:
    """The thread id of the seeded message with this Message-ID header."""
    for mid, (_, doc) in gmail._docs.items():
        if doc.message_id == message_id_header:
            return str(gmail._messages[mid]["threadId"])
    raise KeyError(message_id_header)
