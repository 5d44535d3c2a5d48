"""Phrase tables, one module per language: English, German, French, Spanish, Italian,
Portuguese and Dutch.

Each module has the same names: RULES (a kind of reply -> regexes), AUTO_SUBJECT (how an
auto-reply's subject starts), AUTO_BODY (what only an out-of-office says, near the top of
its body) and SILENCE ("if you don't hear from us...": what follows is a condition, not a
decision). Patterns are matched case-insensitively, one sentence at a time, with
whitespace collapsed, so they stay short and linear. A language is added by writing its
module and listing it here; config.yaml adds phrases in any language (`replies.rules`).
Part of the reading room: the modules are plain data and import nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from interview_bot.reading.lang import de, en, es, fr, it, nl, pt

__all__ = ["LANGUAGES", "Language"]


@dataclass(frozen=True)
class Language:
    code: str
    rules: dict[str, tuple[str, ...]]
    auto_subject: tuple[str, ...]
    auto_body: tuple[str, ...]
    silence: tuple[str, ...]


def _language(module: ModuleType) -> Language:
    return Language(module.CODE, module.RULES, module.AUTO_SUBJECT, module.AUTO_BODY, module.SILENCE)


LANGUAGES: tuple[Language, ...] = tuple(_language(m) for m in (en, de, fr, es, it, pt, nl))
