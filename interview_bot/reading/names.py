"""Company names, matched loosely but never by accident.

"VANDELAY INDUSTRIES, INC.", "Vandelay Industries" and the domain label of vandelay.com all
name the same company; "Initrode" is not "Initech", and "Box" is not in "Dropbox". Names are
compared as whole words after folding case, accents ("Müller" = "Muller" = "Mueller"),
punctuation, "&" ("and", "und") and legal suffixes (Inc., GmbH, Ltd, LLC, ...).

Pure: used by sender attribution (interview_bot.reading.senders) and by detection to prefer the
domain a title names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from interview_bot.reading.extract import registrable_label

# Legal-entity words: dropped from the end of a company's name before it is matched.
LEGAL_SUFFIXES = frozenset("""
inc incorporated llc llp lp ltd limited gmbh mbh ag ab as asa sa sas sarl srl spa bv nv corp corporation co
company plc pty pte kg kgaa se oy oyj ug ev sl slu kk
""".split())  # noqa: SIM905 - a word list reads better as text
# Words that are no company's name on their own: an alias made only of these is not used.
GENERIC = frozenset("""
the and careers career jobs job recruiting recruitment recruiter talent hiring hire team hr people mail email
app apps no reply noreply notifications notification info www us eu my group global international
""".split())  # noqa: SIM905

_TOKEN = re.compile(r"\w+|&|\+")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_AND = frozenset({"&", "+", "und"})


@dataclass(frozen=True)
class Token:
    """One word of a text: folded two ways (accents dropped; German transliteration), and its case."""

    plain: str
    translit: str
    shouted: bool  # written with a capital or a digit: "Initech", "3M"
    upper: bool  # all capitals: "KPMG", "EY"


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def tokens(text: str) -> list[Token]:
    """The words of `text` as name matching sees them."""
    out = []
    for word in _TOKEN.findall(unicodedata.normalize("NFKC", text or "")):
        if word.lower() in _AND:
            out.append(Token("and", "and", False, False))
            continue
        plain = _fold(word)
        translit = _fold(word.translate(_TRANSLIT))
        out.append(Token(plain, translit, any(c.isupper() or c.isdigit() for c in word),
                         word.isupper() or word.isdigit()))
    return out


@dataclass(frozen=True)
class Alias:
    """One way a company is named: its words, as a name or as a domain label."""

    words: tuple[str, ...]
    source: str  # "name" or the domain it came from

    @property
    def compact(self) -> str:
        return "".join(self.words)


def _trim(words: list[str]) -> list[str]:
    while words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return words


def aliases(company: str, domains: Iterable[str] = ()) -> tuple[Alias, ...]:
    """How a company may be named: its name without legal suffixes, and its domains' labels.

    An alias made only of generic words ("Careers", "Talent Team") or shorter than two
    letters is left out: it would name every company."""
    found: list[Alias] = []
    seen: set[tuple[str, ...]] = set()

    def add(words: list[str], source: str) -> None:
        variant = tuple(words)
        if not variant or variant in seen or all(w in GENERIC for w in variant) or len("".join(variant)) < 2:
            return
        seen.add(variant)
        found.append(Alias(variant, source))

    name = tokens(company)
    add(_trim([t.plain for t in name]), "name")
    add(_trim([t.translit for t in name]), "name")  # "Müller" is also written "Mueller"
    for domain in domains:
        label = registrable_label(domain)
        if label:
            add([w for w in re.split(r"[-_]+", _fold(label)) if w], domain)
    return tuple(found)


def find(alias: Alias, words: list[Token], *, case_sensitive: bool) -> bool:
    """Whether `alias` appears in `words` as whole words (or run together: "ColumbiaRoad").

    case_sensitive: in subjects and text, a lower-case "box" or "apple" is a word, not a
    company, so a match must be written with a capital (all capitals for a two-letter
    name), unless the text has no capitals at all."""
    if not words:
        return False
    any_caps = any(t.shouted for t in words)
    n = len(alias.words)
    short = len(alias.compact) <= 2

    def written_ok(run: list[Token]) -> bool:
        if short:
            return all(t.upper for t in run)
        if not case_sensitive or not any_caps:
            return True
        return any(t.shouted for t in run)

    for form in ("plain", "translit"):
        seq = [getattr(t, form) for t in words]
        for i in range(len(seq) - n + 1):
            if tuple(seq[i:i + n]) == alias.words and written_ok(words[i:i + n]):
                return True
        if n > 1 or len(alias.compact) >= 4:
            # Run together, either way: "ColumbiaRoad" for "Columbia Road", "Mueller Soehne" for "muellersoehne".
            for i in range(len(seq)):
                for width in (1, 2, 3):
                    if i + width > len(seq) or (width == 1 and n == 1):
                        continue
                    if "".join(seq[i:i + width]) == alias.compact and written_ok(words[i:i + width]):
                        return True
    return False


def names(text: str, company_aliases: Iterable[Alias], *, case_sensitive: bool = True) -> Alias | None:
    """The first alias of a company that `text` names, or None."""
    words = tokens(text)
    for alias in company_aliases:
        if find(alias, words, case_sensitive=case_sensitive):
            return alias
    return None


def compact(text: str) -> str:
    """Letters and digits only, folded: "Columbia Road" -> "columbiaroad"."""
    return "".join(t.plain for t in tokens(text) if t.plain != "and")


__all__ = ["GENERIC", "LEGAL_SUFFIXES", "Alias", "Token", "aliases", "compact", "find", "names", "tokens"]
