"""Reading the company's mail after an interview: is it a reply, and what does it say?

Pure: no I/O and no clock. `is_company_reply` decides whether a message comes from the
company side (a person there, not a machine); `classify_reply` reads what it says, in the
languages of interview_bot.reading.lang, with the user's own phrases from config in front: the
language of the new text first (interview_bot.reading.language), then English. Whether a reply *answers* (ends the wait) is
decided in interview_bot.reading.read, which puts these together.
Quoted earlier messages are stripped first (interview_bot.reading.quoted): a "Great!" above a quoted
rejection is not a rejection.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from interview_bot.reading.extract import domain_in, domain_of, normalize_email
from interview_bot.reading.incoming import Classification, Incoming, ReplyContext, ReplyKind
from interview_bot.reading.lang import LANGUAGES
from interview_bot.reading.lang import en as _en
from interview_bot.reading.language import detect_language
from interview_bot.reading.machine import auto_reply_in, machine_reason
from interview_bot.reading.mailbody import MAX_TEXT
from interview_bot.reading.phrase_gate import fold, required_words
from interview_bot.reading.promise_tables import SENTENCE_END
from interview_bot.reading.quoted import strip_quoted
from interview_bot.reading.quoteforms import forms

__all__ = [
    "DEFAULT_RULES",
    "RULE_KINDS",
    "UNKNOWN_LANGUAGE",
    "Classification",
    "Incoming",
    "ReplyContext",
    "ReplyKind",
    "classify_reply",
    "is_company_reply",
    "new_text",
    "sender_matches",
    "strip_quoted",
]

_MAX_READ = 20_000  # characters of new text the phrase rules read: a decision is in the first screenful
_CONFIDENCE = {ReplyKind.REJECTION: 0.9, ReplyKind.CLOSED: 0.85, ReplyKind.OFFER: 0.85, ReplyKind.NEXT_STEPS: 0.85,
               ReplyKind.HOLDING: 0.85, ReplyKind.ACKNOWLEDGEMENT: 0.6}
_ORDER = (ReplyKind.CLOSED, ReplyKind.REJECTION, ReplyKind.OFFER, ReplyKind.NEXT_STEPS, ReplyKind.HOLDING, ReplyKind.ACKNOWLEDGEMENT)
# English defaults by kind (the other languages' are in interview_bot.reading.lang).
DEFAULT_RULES: dict[ReplyKind, tuple[str, ...]] = {ReplyKind(k): v for k, v in _en.RULES.items()}
# Kinds config may add phrases to: the ones above, and auto_reply (matched on the subject and the top of the body).
RULE_KINDS = (*(k.value for k in _ORDER), ReplyKind.AUTO_REPLY.value)


# --- is it a reply? ------------------------------------------------------------------------------

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


def is_company_reply(msg: Incoming, ctx: ReplyContext,
                     machine: tuple[ReplyKind, str] | None | Literal["ask"] = "ask") -> tuple[bool, str]:
    """Whether `msg` is the company answering after the interview began, and why (for `status`).

    `machine`: machine_reason's answer, when the caller has it already."""
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
    if machine == "ask":
        machine = machine_reason(msg, sender)
    if machine is not None:
        return False, machine[1]
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

# Another role, or a turn of the sentence: a rejection that goes on to an invitation is no rejection.
_REDIRECT = re.compile(r"\b(?:another|different|other|alternative|separate|new|more\s+junior|junior|more\s+senior|senior|mid(?:-level)?)\s+(?:role|position|opening|team|req(?:uisition)?)s?\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|however|instead|that\s+said|although|though|nevertheless|fortunately)\b", re.IGNORECASE)
# An invitation to hear feedback or stay in touch after a rejection is still a rejection.
_AFTERCARE = re.compile(r"\b(?:feedback|on\s+file|future\s+(?:roles|openings|opportunities|positions)|stay\s+in\s+touch|keep\s+in\s+touch|reapply|talent\s+(?:pool|community)|in\s+the\s+future)\b", re.IGNORECASE)
# Words that undo a positive phrase just before it: "unable to offer you the role", "before we make an offer".
_UNDO = re.compile(r"(?:\b(?:not|unable|cannot|no\s+longer|before|prior\s+to|whether|if\s+we|thanks?|thank\s+you|completed|finished|concluded)\b|n't\b)[^.,;!?]{0,30}$", re.IGNORECASE)
_NOT_REJECTION = re.compile(r"\b(?:not\s+a\s+rejection|(?:does\s+not|doesn'?t)\s+mean)\b", re.IGNORECASE)
# A forward's subject: "[tag] Re: " may stand before the prefix of any language read (quoteforms.forms().forward_subject).
_BEFORE_FORWARD = re.compile(r"^\s*(?:\[[^\]]{0,40}\]\s*)?(?:re\s*:\s*)*", re.IGNORECASE)
_RE_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv|tr|отв|ответ|ynt|απ|回复|答复|回覆|转发|轉寄|회신|답장|전달)\s*:\s*)+",
                        re.IGNORECASE)
# The rule of a reading in a language no table reads ("language:xx"): unsure, so a check-in is still drafted.
UNKNOWN_LANGUAGE = "language"


# A phrase inside a condition is no decision: "if you don't hear from us by Friday, we have gone
# with other candidates"; "if you have been unsuccessful, your recruiter will tell you".
_SILENCE = re.compile("|".join(p for lang in LANGUAGES for p in lang.silence), re.IGNORECASE)
# "if" before a phrase, in the languages read: "if we choose another candidate, we will tell you" is no
# rejection. Only words that mean nothing else (not French/Spanish "si", Swedish "om", Estonian "kui").
_CONDITION = re.compile(
    r"(?:\b(?:if|whether|should\s+you|in\s+case|unless|wenn|falls|sollten|caso|indien|qualora|au\s+cas\s+où|"
    r"jeśli|jeżeli|gdyby|pokud|jestliže|kdyby|ak|pokiaľ|keby|hvis|dersom|jos|juhul|amennyiben|dacă|eğer|"
    r"если|якщо|εάν|αν)\b|如果|假如|倘若|若是)[^.;!?。；！？]{0,80}$",
    re.IGNORECASE)
# ... and after it, where Japanese and Korean put it: "他の候補者を採用する場合は" ("in case we hire another").
_CONDITION_AFTER = re.compile(r"^[^.;!?。；！？]{0,12}?(?:場合|なら|경우|다면)")

# (rule name, pattern, words one of which a match needs: None = always run; see reading.phrase_gate)
_Rules = dict[ReplyKind, tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]]


@functools.lru_cache(maxsize=32)
def _compiled(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[_Rules, tuple[re.Pattern[str], ...]]:
    """Config's phrase rules by kind, each named for `explain`; and config's auto-reply phrases."""
    out: dict[ReplyKind, list[tuple[str, re.Pattern[str], frozenset[str] | None]]] = {kind: [] for kind in _ORDER}
    auto: list[re.Pattern[str]] = []
    for name, patterns in extra:
        try:
            kind = ReplyKind(name)
        except ValueError:
            raise ValueError(f"unknown reply kind {name!r} in reply rules (use one of: {', '.join(RULE_KINDS)})") from None
        if name not in RULE_KINDS:
            raise ValueError(f"reply kind {name!r} takes no phrase rules (use one of: {', '.join(RULE_KINDS)})")
        for i, p in enumerate(patterns, 1):
            try:
                compiled = re.compile(p, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"reply rule for {name!r} is not a valid regex: /{p}/: {exc}") from exc
            if kind is ReplyKind.AUTO_REPLY:
                auto.append(compiled)
            else:
                out[kind].append((f"config:{name}#{i}", compiled, required_words(p)))
    return {k: tuple(v) for k, v in out.items()}, tuple(auto)


@functools.lru_cache(maxsize=64)
def _language_rules(code: str | None) -> _Rules:
    """One language's phrase rules by kind (None: every language's, for text whose language is unsure)."""
    out: dict[ReplyKind, list[tuple[str, re.Pattern[str], frozenset[str] | None]]] = {kind: [] for kind in _ORDER}
    for lang in LANGUAGES:
        if code is not None and lang.code != code:
            continue
        for name, patterns in lang.rules.items():
            kind = ReplyKind(name)
            out[kind] += [(f"{lang.code}:{name}#{i}", re.compile(p, re.IGNORECASE), required_words(p))
                          for i, p in enumerate(patterns, 1)]
    return {k: tuple(v) for k, v in out.items()}


_TABLES = frozenset(lang.code for lang in LANGUAGES)


def _passes(code: str | None, config: _Rules) -> list[_Rules]:
    """The rule sets to try in turn: config's and the text's own language, then English.

    A Polish rejection is read by the Polish table before an English word in it can decide;
    text whose language the detector is unsure of is read by every table at once, as before."""
    def joined(*sets: _Rules) -> _Rules:
        return {kind: tuple(r for rules in sets for r in rules[kind]) for kind in _ORDER}

    if code is None:
        return [joined(config, _language_rules(None))]
    if code not in _TABLES:
        return [config]
    first = [joined(config, _language_rules(code))]
    return first if code == "en" else [*first, _language_rules("en")]


def _rules(extra: dict[str, list[str]] | None) -> tuple[_Rules, tuple[re.Pattern[str], ...]]:
    return _compiled(tuple((k, tuple(v)) for k, v in sorted((extra or {}).items())))


@dataclass(frozen=True)
class _Found:
    kind: ReplyKind
    sentence: int
    phrase: str
    rule: str


def _sentences(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text))
    # "9. Dezember", "26.11. in unserem Hause": a dot after a number ends no sentence; 。 ends one.
    return [s.strip() for p in paragraphs for s in SENTENCE_END.split(p) if s.strip()]


def _find(sentences: list[str], rules: _Rules) -> list[_Found]:
    """Every kind's first phrase in each sentence (a rejection inside "silence means no" is none)."""
    found: list[_Found] = []
    for i, sentence in enumerate(sentences):
        conditional = _SILENCE.search(sentence) is not None
        folded = fold(sentence)
        for kind, patterns in rules.items():
            for rule, pattern, needs in patterns:
                if needs is not None and not any(word in folded for word in needs):
                    continue  # cannot match: skip the scan
                m = pattern.search(sentence)
                if m is None:
                    continue
                before = sentence[:m.start()]
                if kind in (ReplyKind.REJECTION, ReplyKind.CLOSED) and (conditional or _NOT_REJECTION.search(sentence)
                                                    or _CONDITION.search(before)
                                                    or _CONDITION_AFTER.search(sentence[m.end():])):
                    continue
                if kind in (ReplyKind.OFFER, ReplyKind.NEXT_STEPS) and _UNDO.search(before):
                    continue
                found.append(_Found(kind, i, m.group(0), rule))
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
    to more regexes; they go in front of that kind's defaults, and the order between kinds
    stays: an auto-reply first; a rejection beats everything else unless a positive phrase
    after it redirects (another role, "but ... we'd like you to interview"); then offer, next
    steps, holding, acknowledgement. A rejection phrase inside a condition ("if you don't
    hear from us by Friday, ...") is not a rejection.

    The language of the new text picks the table: its own first, English only when its own
    finds nothing. Text in a language no table reads is `other` at confidence 0 with the rule
    "language:xx" (UNKNOWN_LANGUAGE): unsure, so the check-in is drafted with its NOTE.
    """
    config, auto_rules = _rules(extra_rules)
    subject = unicodedata.normalize("NFKC", subject or "")[:300]
    text = new_text(subject, body)
    for pattern in auto_rules:
        if m := (pattern.search(subject) or pattern.search(text[:400])):
            return Classification(ReplyKind.AUTO_REPLY, m.group(0).strip(), 0.9, "config:auto_reply")
    if auto := auto_reply_in(subject, text):
        return Classification(ReplyKind.AUTO_REPLY, auto[0], 0.95, auto[1])
    # A fresh subject reads as the first sentence ("Offer letter"); a "Re:" subject is usually
    # our own thank-you's ("Re: Thank you - Final round") and says nothing about the answer.
    own = "" if _RE_PREFIX.match(subject) else subject.strip().rstrip(".!?") + ".\n\n"
    # The fresh subject is the company's words too: with a one-line body ("Tak for din ansøgning.")
    # it is often what tells two close languages apart (Danish from Norwegian).
    code = detect_language((own + text)[:_DETECT] if own else text[:_DETECT])
    # Every table at once costs a pass per language: text of no clear language is read for its
    # first lines only (a decision is there), so the cost stays bounded whatever the text.
    sentences = _sentences(own + text[:_MAX_READ if code else _MAX_READ_UNSURE])
    for rules in _passes(code, config):
        if found := _find(sentences, rules):
            return replace(_decide(found, sentences), language=code)
    if code is not None and code not in _TABLES:
        return Classification(ReplyKind.OTHER, "", 0.0, f"{UNKNOWN_LANGUAGE}:{code}", language=code)
    return Classification(ReplyKind.OTHER, "", 0.0, "", language=code)


_MAX_READ_UNSURE = 4_000
_DETECT = 2_000  # characters of new text the detector reads: its first lines say which language it is


def _decide(found: list[_Found], sentences: list[str]) -> Classification:
    """The reading from the phrases found, by the order between kinds."""
    by_kind: dict[ReplyKind, list[_Found]] = {}
    for f in found:
        by_kind.setdefault(f.kind, []).append(f)
    if closed := by_kind.get(ReplyKind.CLOSED):  # "the role is on hold, so we won't move forward": no verdict on you
        return Classification(ReplyKind.CLOSED, closed[0].phrase, _confidence(closed[0]), closed[0].rule)
    rejection = by_kind.get(ReplyKind.REJECTION)
    if rejection:
        last_rejection = rejection[-1]
        for kind in (ReplyKind.OFFER, ReplyKind.NEXT_STEPS):
            for positive in by_kind.get(kind, ()):
                if _overrides_rejection(positive, last_rejection, sentences):
                    return Classification(kind, positive.phrase, 0.7, positive.rule)
        first = rejection[0]
        return Classification(ReplyKind.REJECTION, first.phrase, _confidence(first), first.rule)
    for kind in _ORDER[2:]:
        if kind in by_kind:
            first = by_kind[kind][0]
            return Classification(kind, first.phrase, _confidence(first), first.rule)
    return Classification(ReplyKind.OTHER, "", 0.0, "")


def is_forward(subject: str) -> bool:
    """Whether the subject says the message is a forward ("Fwd:", "VL:", "转发:"), after any "[tag] Re:"."""
    subject = subject or ""
    lead = _BEFORE_FORWARD.match(subject)
    return forms().forward_subject.match(subject[lead.end() if lead else 0:]) is not None


def new_text(subject: str, body: str) -> str:
    """The text of a message its sender wrote (quoted mail left out; a forward's text kept when it is the news)."""
    return strip_quoted((body or "")[:MAX_TEXT], forwarded=is_forward(subject))


def says_silence_means_no(body: str, subject: str = "") -> str:
    """The words of a "silence means no" condition in the new text of a message, or ""."""
    m = _SILENCE.search(" ".join(new_text(subject, body)[:_MAX_READ].split()))
    return m.group(0) if m else ""


def _confidence(found: _Found) -> float:
    return 0.9 if found.rule.startswith("config:") else _CONFIDENCE[found.kind]
