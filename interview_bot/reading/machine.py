"""Mail that no person wrote to the user: bounces, calendar notifications and auto-replies.

Pure. Auto-replies are known by their headers (RFC 3834's Auto-Submitted, X-Autoreply,
X-Autorespond, Precedence: auto_reply), by their subjects in seven languages, and by an
out-of-office sentence at the top of the body. X-Auto-Response-Suppress is no sign: hiring
systems set it on ordinary mail to stop *our* auto-replies. Precedence: bulk or junk marks
mass mail; as hiring systems send real rejections that way, it is left to the reader
(interview_bot.reading.read): such mail is an answer only when it plainly says a decisive thing.
"""

from __future__ import annotations

import re
from email.utils import parseaddr

from interview_bot.reading.extract import is_calendar_system, normalize_email
from interview_bot.reading.incoming import Incoming, ReplyKind
from interview_bot.reading.lang import LANGUAGES

__all__ = ["Machine", "auto_reply_in", "bulk_precedence", "failed_recipients", "machine_reason"]

_CALENDAR_SENDERS = frozenset({"calendar-notification@google.com", "calendar-server@google.com"})
_CALENDAR_SUBJECT = re.compile(
    r"^\s*(?:invitation|updated\s+invitation(?:\s+with\s+note)?|invitation\s+from\s+google\s+calendar"
    r"|accepted|declined|tentative(?:ly\s+accepted)?|cancell?ed(?:\s+event)?(?:\s+with\s+note)?|new\s+event"
    r"|event\s+reminder|notification|proposed\s+new\s+time|new\s+time\s+proposed)\s*:",
    re.IGNORECASE,
)
# Tags a gateway or a reply puts before an auto-reply's own prefix: "[External] RE: Automatic reply: ...".
_TAGS = r"^\s*(?:\[[^\]\n]{0,40}\]\s*)?(?:(?:re|aw|sv|rv|fw|fwd|tr|wg|antw)\s*:\s*)*"
_AUTO_SUBJECTS = {lang.code: re.compile(_TAGS + "(?:" + "|".join(lang.auto_subject) + ")", re.IGNORECASE)
                  for lang in LANGUAGES if lang.auto_subject}
_AUTO_BODIES = {lang.code: re.compile("|".join(lang.auto_body), re.IGNORECASE)
                for lang in LANGUAGES if lang.auto_body}
# English out-of-office text opens the body: "Thank you for your email. I am out of the office until..."
_EN_AUTO_BODY = re.compile(
    r"^\W*(?:(?:hi|hello)\b[^.!\n]{0,40}[.!,\n]\s*)?(?:thanks?(?:\s+you)?\s+for\s+(?:your|the)\s+(?:e-?mail|message|note)[.!,]?\s*)?"
    r"(?:i\s*(?:'m|am)|i\s+will\s+be|i\s+have)\s+(?:currently\s+|now\s+)?(?:out\s+of\s+(?:the\s+)?office"
    r"|away\s+(?:from|until|on)\b|on\s+(?:annual\s+|parental\s+|maternity\s+|paternity\s+|sick\s+|medical\s+)?(?:leave|vacation|holiday|pto)"
    r"|limited\s+access|no\s+longer\s+with)",
    re.IGNORECASE,
)
# ...and says when they are back: a person writing "I'm on vacation, but good news!" is no robot.
_EN_AUTO_HINT = re.compile(
    r"\b(?:until|return|returning|back\s+(?:on|in|at)|limited\s+access|respond|reply|urgent|alternatively)\b",
    re.IGNORECASE)
_BODY_WINDOW = 400  # an out-of-office says so at the top
_BOUNCE_SENDER = re.compile(
    r"^(?:mailer[-_.]?daemon|postmaster|mail[-_.]?delivery[-_.]?(?:system|subsystem)"
    r"|[\w.+-]*-bounces?|bounces?)(?:[+@]|$)", re.IGNORECASE)
# Bounce subjects seen in real bounces, added to each language module's own BOUNCE_SUBJECT:
# the strings of Exchange, Postfix and Japanese ISPs' MTAs as they appear in real bounces.
_BOUNCE_SEED: dict[str, tuple[str, ...]] = {
    "de": (r"unzustellbar", r"nicht\s+zustellbar", r"zustellung\s+fehlgeschlagen"),
    "fr": (r"non\s+remis", r"[ée]chec\s+de\s+(?:la\s+)?(?:remise|distribution)"),
    "es": (r"no\s+se\s+puede\s+entregar", r"no\s+entregado"),
    "it": (r"non\s+recapitabile", r"mancato\s+recapito"),
    "pt": (r"n[ãa]o\s+entregue", r"falha\s+na\s+entrega"),
    "nl": (r"onbestelbaar", r"niet\s+bezorgd"),
    "ja": (r"メールエラー通知", r"配信不能", r"配送エラー", r"送信エラー"),
}


def _bounce_subjects() -> re.Pattern[str]:
    codes = {lang.code: lang.bounce_subject for lang in LANGUAGES}
    patterns = [p for code, own in codes.items() for p in (*own, *_BOUNCE_SEED.get(code, ()))]
    patterns += [p for code, seed in _BOUNCE_SEED.items() if code not in codes for p in seed]
    return re.compile(r"^\s*(?:\[[^\]\n]{0,40}\]\s*)?(?:" + "|".join(patterns) + ")", re.IGNORECASE)


_BOUNCE_SUBJECT = _bounce_subjects()
# Amazon SES notifications, sent as JSON by SNS to an e-mail subscription (or forwarded as such).
_SES_TYPE = re.compile(r'\\?"notificationType\\?"\s*:\s*\\?"(\w+)', re.IGNORECASE)
_SNS_ENVELOPE = re.compile(r'"Type"\s*:\s*"Notification"[\s\S]{0,2000}"TopicArn"\s*:', re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_FAILED_LINE = re.compile(
    r"(?:wasn't\s+delivered\s+to|couldn't\s+be\s+delivered\s+to|could\s+not\s+be\s+delivered\s+to|final-recipient:\s*rfc822;"
    r"|delivery\s+to\s+the\s+following\s+recipients?\s+failed[^\n]{0,20}\n?|address\s+not\s+found[^\n]{0,80}\n?)\s*<?"
    r"([\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})",
    re.IGNORECASE,
)


def _headers(msg: Incoming) -> dict[str, str]:
    return {k.lower(): (v or "").strip().lower() for k, v in msg.headers.items()}


def auto_reply_in(subject: str, body: str) -> tuple[str, str] | None:
    """(phrase, rule) when a subject or the top of a body reads as an auto-reply, in any language read."""
    for code, pattern in _AUTO_SUBJECTS.items():
        if m := pattern.match(subject or ""):
            return m.group(0).strip(), f"subject:{code}"
    top = (body or "")[:_BODY_WINDOW]
    if _EN_AUTO_HINT.search(top) and (m := _EN_AUTO_BODY.match(top)):
        return m.group(0).strip(), "body:en"
    for code, pattern in _AUTO_BODIES.items():
        if m := pattern.search(top):
            return m.group(0).strip(), f"body:{code}"
    return None


def _auto_reply_reason(msg: Incoming) -> str | None:
    h = _headers(msg)
    if h.get("auto-submitted", "no") not in ("", "no"):
        return f"an automatic message (Auto-Submitted: {h['auto-submitted']})"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        if name in h:
            return f"an automatic reply ({name} header)"
    if h.get("precedence") == "auto_reply":
        return "an automatic reply (Precedence: auto_reply)"
    found = auto_reply_in(msg.subject, msg.body)
    if found and found[1].startswith("subject"):
        return f"an automatic reply (subject {msg.subject.strip()[:60]!r})"
    if found:
        return f"an out-of-office reply ({found[0][:60]!r})"
    return None


def bulk_precedence(msg: Incoming) -> bool:
    """Precedence: bulk or junk: mass mail, an answer only when it plainly says a decisive thing."""
    return _headers(msg).get("precedence") in ("bulk", "junk")


Machine = tuple[ReplyKind, str] | None  # machine_reason's answer: the kind and why, or None


def machine_reason(msg: Incoming, sender: str) -> tuple[ReplyKind, str] | None:
    """Bounces, calendar notifications and auto-replies (mail about the conversation, not in it), and why."""
    h = _headers(msg)
    content_type = h.get("content-type", "")
    mime = {t.lower().split(";")[0].strip() for t in msg.mime_types}
    if "message/feedback-report" in mime or "report-type=feedback-report" in content_type:
        return ReplyKind.NOTIFICATION, "an abuse or feedback report (ARF)"
    if (_BOUNCE_SENDER.match(sender) or "report-type=delivery-status" in content_type
            or "message/delivery-status" in mime or "message/global-delivery-status" in mime
            or (content_type.startswith("multipart/report") and "disposition-notification" not in content_type)
            or _BOUNCE_SUBJECT.match(msg.subject or "") or h.get("x-failed-recipients")):
        return ReplyKind.BOUNCE, "a delivery failure (bounce)"
    if ses := _ses_notification(msg.body):
        return ses
    if h.get("return-path") == "<>":
        return ReplyKind.AUTO_REPLY, "a bounce or automatic reply (empty Return-Path)"
    if "disposition-notification" in content_type:
        return ReplyKind.NOTIFICATION, "a read receipt"
    calendar_sender = normalize_email(parseaddr(h.get("sender", ""))[1]) in _CALENDAR_SENDERS or sender in _CALENDAR_SENDERS
    # Calendar sends invitations "from" the organizer, so the sender alone cannot tell.
    if (calendar_sender or is_calendar_system(sender) or "text/calendar" in mime
            or content_type.startswith("text/calendar") or _CALENDAR_SUBJECT.match(msg.subject or "")):
        return ReplyKind.NOTIFICATION, "a calendar notification"
    if reason := _auto_reply_reason(msg):
        return ReplyKind.AUTO_REPLY, reason
    return None


def _ses_notification(body: str) -> tuple[ReplyKind, str] | None:
    """An Amazon SES notification (bounce, complaint, delivery), bare or in its SNS envelope."""
    top = (body or "").lstrip()[:20_000]
    if not top.startswith("{"):
        return None
    if m := _SES_TYPE.search(top):
        if m.group(1).lower() == "bounce":
            return ReplyKind.BOUNCE, "a delivery failure (Amazon SES bounce notification)"
        return ReplyKind.NOTIFICATION, f"an Amazon SES {m.group(1).lower()} notification"
    if _SNS_ENVELOPE.search(top):
        return ReplyKind.NOTIFICATION, "an Amazon SNS notification"
    return None


def failed_recipients(msg: Incoming) -> tuple[str, ...]:
    """The addresses a bounce says could not be reached (X-Failed-Recipients, else its text)."""
    header = msg.headers.get("x-failed-recipients") or msg.headers.get("X-Failed-Recipients") or ""
    found = [a.lower() for a in _ADDRESS.findall(header)]
    if not found:
        found = [m.group(1).lower() for m in _FAILED_LINE.finditer((msg.body or "")[:20_000])]
    return tuple(dict.fromkeys(found))
