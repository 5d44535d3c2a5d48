"""Phrase tables, one module per language: English, German, French, Spanish, Italian,
Portuguese and Dutch; Polish, Czech, Slovak, Swedish, Danish, Norwegian (Bokmål), Finnish,
Estonian, Hungarian and Romanian.

Each module has the same names: RULES (a kind of reply -> regexes), AUTO_SUBJECT (how an
auto-reply's subject starts), AUTO_BODY (what only an out-of-office says, near the top of
its body) and SILENCE ("if you don't hear from us...": what follows is a condition, not a
decision). Patterns are matched case-insensitively, one sentence at a time, with
whitespace collapsed, so they stay short and linear. A language is added by writing its
module and listing it here; config.yaml adds phrases in any language (`replies.rules`).
Part of the reading room: the modules are plain data and import nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType

from interview_bot.reading.lang import (  # issue 21: twenty languages and more
    cs,
    da,
    de,
    el,
    en,
    es,
    et,
    fi,
    fr,
    hu,
    it,
    ja,
    ko,
    nb,
    nl,
    pl,
    pt,
    ro,
    ru,
    sk,
    sv,
    tr,
    uk,
    zh,
)

__all__ = ["LANGUAGES", "Language"]


@dataclass(frozen=True)
class Language:
    """One language's tables. The fields after `silence` are optional in a module (empty when absent):

    interview_words: regexes that make a calendar title an interview ("rozmowa kwalifikacyjna", "面接");
    attribution: regexes for a whole quote-attribution line ("W dniu .+ napisał(?:a)?:");
    header_from / header_fields: the labels of a mail client's header block above a quoted or
      forwarded message ("Od", and "Wysłano", "Do", "Temat", "Data");
    original_message: the words of a "----- Original Message -----" separator;
    forwarded: the separators a mail client writes above a forwarded message, the words between its
      dashes ("Přeposlaná zpráva") or a line of its own ending with a colon ("Začátek přeposílané zprávy:");
    forward_subject: a forward's subject prefixes, without the colon ("VL", "İLT", "转发");
    bounce_subject: regexes for a delivery-failure notice's subject ("メールエラー通知");
    promise_cue / promise_dates / weekdays / months / numbers: the date phrases of a promise
      ("w ciągu dwóch tygodni"), read by the shared interpreter in interview_bot.reading.promises_intl.
    """

    code: str
    rules: dict[str, tuple[str, ...]]
    auto_subject: tuple[str, ...]
    auto_body: tuple[str, ...]
    silence: tuple[str, ...]
    interview_words: tuple[str, ...] = ()
    attribution: tuple[str, ...] = ()
    header_from: tuple[str, ...] = ()
    header_fields: tuple[str, ...] = ()
    original_message: tuple[str, ...] = ()
    forwarded: tuple[str, ...] = ()
    forward_subject: tuple[str, ...] = ()
    bounce_subject: tuple[str, ...] = ()
    promise_cue: tuple[str, ...] = ()
    promise_dates: tuple[tuple[str, str], ...] = ()  # (regex with named groups, what it means)
    weekdays: dict[str, int] = field(default_factory=dict)  # name -> 0 (Monday) .. 6
    months: dict[str, int] = field(default_factory=dict)  # name -> 1 .. 12
    numbers: dict[str, int] = field(default_factory=dict)  # number words -> value


_OPTIONAL = ("interview_words", "attribution", "header_from", "header_fields", "original_message", "forwarded",
             "forward_subject", "bounce_subject", "promise_cue", "promise_dates", "weekdays", "months", "numbers")


def _language(module: ModuleType) -> Language:
    extra = {name: getattr(module, name.upper()) for name in _OPTIONAL if hasattr(module, name.upper())}
    return Language(module.CODE, module.RULES, module.AUTO_SUBJECT, module.AUTO_BODY, module.SILENCE, **extra)


LANGUAGES: tuple[Language, ...] = tuple(_language(m) for m in (en, de, fr, es, it, pt, nl,
                                                               pl, cs, sk, sv, da, nb, fi, et, hu, ro,
                                                               tr, el, ru, uk, ja, zh, ko))
