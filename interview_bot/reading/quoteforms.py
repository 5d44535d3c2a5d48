"""The words of quoted and forwarded text, in every language read: attributions, header blocks, separators.

Pure data and its compiled forms. Each language module of interview_bot.reading.lang may
give ATTRIBUTION (regexes for a whole attribution line), HEADER_FROM and HEADER_FIELDS (the
labels of a mail client's header block), ORIGINAL_MESSAGE (the words of an "-----Original
Message-----" separator), FORWARDED (the separators above a forwarded message: words between
dashes, or a line ending with a colon, see forward_pattern) and FORWARD_SUBJECT (a forward's
subject prefixes, "VL", "İLT", "转发"); they are read from LANGUAGES, so a new module plugs in by data.
ATTRIBUTION regexes are matched case-insensitively against the whole attribution, its lines
(up to five) joined by single spaces, which opens with a date, an address or dashes and ends with a
colon (":" or "："), dashes, ">" or ")", a non-ASCII letter ("写道") or "wrote"; labels are plain words.
`SEED` holds forms measured on public test suites of quoted-reply parsers (cited per entry); a
module's own table comes first and the seed adds to it. ORIGINAL_MESSAGE entries may be regexes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from interview_bot.reading.lang import LANGUAGES

__all__ = ["QuoteForms", "forms", "forward_pattern", "subject_pattern"]


@dataclass(frozen=True)
class _Seed:
    attribution: tuple[str, ...] = ()
    header_from: tuple[str, ...] = ()
    header_fields: tuple[str, ...] = ()
    original_message: tuple[str, ...] = ()


# Sources: talon tests/text_quotations_test.py (de, fr, pl, da, sv, no, nl, vi blocks), mail-parser-reply
# test/emails (da, sv, pl, nl, ja), Outlook's and Thunderbird's localized header labels as they appear there.
SEED: dict[str, _Seed] = {
    "de": _Seed((r"am\s.{4,300}?\bschrieb\b.{0,200}?:",), ("Von",), ("Gesendet", "Datum", "An", "Cc", "Betreff"),
                ("Ursprüngliche Nachricht", "Originalnachricht", "Antwort Nachricht")),
    "fr": _Seed((r"le\s.{4,300}?\ba\s+écrit\s*:",), ("De",), ("Envoyé", "Date", "À", "A", "Cc", "Objet"),
                ("Message d'origine", "Message original")),
    "es": _Seed((r"el\s.{4,300}?\bescribió\s*:",), ("De",), ("Enviado", "Enviada", "Fecha", "Para", "CC", "Asunto"),
                ("Mensaje original",)),
    "it": _Seed((r"il\s.{4,300}?\bha\s+scritto\s*:",), ("Da",), ("Inviato", "Data", "A", "Cc", "Oggetto"),
                ("Messaggio originale",)),
    "pt": _Seed((r"(?:em|no\s+dia)\s.{4,300}?\bescreveu\s*:",), ("De",), ("Enviado", "Enviada", "Data", "Para", "Cc", "Assunto"),
                ("Mensagem original",)),
    "nl": _Seed((r"op\s.{4,300}?\bheeft\s.{1,200}?\bhet\s+volgende\s+geschreven\s*:", r"op\s.{4,300}?\bschreef\b.{0,200}?:"),
                ("Van",), ("Verzonden", "Datum", "Aan", "CC", "Onderwerp"), ("Oorspronkelijk bericht", "Origineel bericht")),
    "pl": _Seed((r"(?:w\s+dniu|dnia)\s.{4,300}?\bnapisał(?:a|\(a\))?\s*:",), ("Od",), ("Wysłano", "Data", "Do", "DW", "Temat"),
                ("Wiadomość oryginalna", "Oryginalna wiadomość")),
    "da": _Seed((r"den\s.{4,300}?\bskrev\b.{0,200}?:",), ("Fra",), ("Sendt", "Dato", "Til", "Cc", "Emne"),
                ("Oprindelig meddelelse", "Oprindelig besked")),
    "no": _Seed((r"(?:på|den)\s.{4,300}?\bskrev\b.{0,200}?:",), ("Fra",), ("Sendt", "Dato", "Til", "Kopi", "Emne"),
                ("Opprinnelig melding",)),
    "sv": _Seed((r"den\s.{4,300}?\bskrev\b.{0,200}?:",), ("Från",), ("Skickat", "Datum", "Till", "Kopia", "Ämne"),
                ("Ursprungligt meddelande",)),
    "ru": _Seed((r".{4,300}?\bпишет\s*:", r".{4,300}?\bнаписал(?:а|\(а\))?\s*:"), ("От",),
                ("Отправлено", "Дата", "Кому", "Копия", "Тема"), ("Исходное сообщение",)),
}
# Forwarded messages: the separators mail clients write above them (Gmail, Outlook, Apple Mail, Thunderbird);
# each language module adds its own (FORWARDED, FORWARD_SUBJECT).
FORWARDED = (
    (r"-{2,}\s*(?:forwarded\s+message|weitergeleitete\s+nachricht|message\s+transf[ée]r[ée]|mensaje\s+reenviado"
    r"|messaggio\s+inoltrato|mensagem\s+encaminhada|doorgestuurd\s+bericht|przekazana\s+wiadomo[śs][ćc]"
    r"|videresendt\s+(?:meddelelse|melding)|vidarebefordrat\s+meddelande|пересылаемое\s+сообщение)\s*-{2,}"),
    r"begin\s+forwarded\s+message\s*:", r"anfang\s+der\s+weitergeleiteten\s+nachricht\s*:",
    r"d[ée]but\s+du\s+message\s+r[ée]exp[ée]di[ée]\s*:", r"inicio\s+del\s+mensaje\s+reenviado\s*:",
)
_FWD_SUBJECT = ("fwd?", "fw", "wg", "tr", "rv", "enc", "doorst", "vb", "i", "pd")
# Prefixes that mean a forward in one language and a reply in another are no sign of a forward: "VS:"
# is Outlook's Danish/Norwegian forward and the Finnish reply (vastaus; Thunderbird fi, FairEmail fi).
# A reply taken for a forward would have its quoted text (the user's own mail) read as the company's.
_AMBIGUOUS_SUBJECT = frozenset({"vs"})


@dataclass(frozen=True)
class QuoteForms:
    """The compiled forms: attribution lines, header labels, separators."""

    attribution: re.Pattern[str]
    labels: frozenset[str]  # every header-block label, lower-case
    original: re.Pattern[str]
    forwarded: re.Pattern[str]
    forward_subject: re.Pattern[str]


def _phrase(text: str) -> str:
    """A separator's words as a pattern: a module's regex as it is, plain words with any spacing."""
    return text if "\\" in text or "(" in text else r"\s+".join(re.escape(w) for w in text.split())


def _union(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in dict.fromkeys(patterns))


def forward_pattern(entry: str) -> str:
    """A module's FORWARDED entry as the pattern of its whole line: words ending with a colon are a
    line of their own (Apple Mail's "Začátek přeposílané zprávy:"), other words stand between dashes
    ("-------- Přeposlaná zpráva --------", Thunderbird, Yahoo, HubSpot)."""
    words = entry.strip()
    if words.endswith(":"):
        return _phrase(words[:-1].rstrip()) + r"\s*:"
    return r"-{2,}\s*(?:" + _phrase(words) + r")\s*-{2,}"


def subject_pattern(prefix: str) -> str:
    """A module's FORWARD_SUBJECT prefix ("Redir.", "İLT") as a pattern, its colon left to the caller."""
    return r"\s+".join(re.escape(w) for w in prefix.split())


@functools.lru_cache(maxsize=1)
def forms() -> QuoteForms:
    """The forms of every language read, compiled once."""
    attribution: list[str] = []
    froms: list[str] = []
    fields: list[str] = []
    original: list[str] = []
    forwarded: list[str] = list(FORWARDED)
    prefixes: list[str] = list(_FWD_SUBJECT)
    by_code = {lang.code: lang for lang in LANGUAGES}
    for code in (*by_code, *(c for c in SEED if c not in by_code)):
        lang, seed = by_code.get(code), SEED.get(code, _Seed())
        attribution += (*(lang.attribution if lang else ()), *seed.attribution)
        froms += (*(lang.header_from if lang else ()), *seed.header_from)
        fields += (*(lang.header_fields if lang else ()), *seed.header_fields)
        original += (*(lang.original_message if lang else ()), *seed.original_message)
        forwarded += (forward_pattern(x) for x in (lang.forwarded if lang else ()))
        prefixes += (subject_pattern(x) for x in (lang.forward_subject if lang else ())
                     if x.casefold() not in _AMBIGUOUS_SUBJECT)
    return QuoteForms(
        attribution=re.compile(_union(attribution), re.IGNORECASE | re.DOTALL),
        labels=frozenset(x.lower() for x in (*froms, *fields)),
        original=re.compile(r"^\s*-{2,}\s*(?:" + "|".join(_phrase(x) for x in dict.fromkeys(original)) + r")\s*-{2,}\s*$",
                            re.IGNORECASE),
        forwarded=re.compile(r"^\s*(?:" + _union(forwarded) + r")\s*$", re.IGNORECASE),
        forward_subject=re.compile(r"^\s*(?:\[[^\]]{0,40}\]\s*)?(?:" + _union(prefixes) + r")\s*[:\uff1a]",
                                   re.IGNORECASE),
    )

