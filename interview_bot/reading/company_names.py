"""How a company writes its own name, read from its mail: "Five Rings" for the "Fiverings" of fiverings.com.

A name made from a domain is a guess: it runs words together and loses their capitals. The
company's own mail writes the name as the company does, in its sender's display name
("Laura Willberg – WeCon Oy"), its signature ("Your Kuehne+Nagel talent acquisition team") or
its sentences ("the role at 1oT"). Only a spelling of the guessed name itself counts: the same
letters, with the capitals, spaces and joining marks the company gives them. Another name the
company also uses ("BCS Itera" for itera.ee, "Amex" for americanexpress.com) is not read into
it: that would be a guess of its own. Addresses and links are not writing ("www.1oT.com").

Written lower case ("intrepid studios") or shouted over several words ("CORVID ANALYTICS LTD"),
a text says nothing of the company's capitals and is passed over; one word in capitals
("NVIDIA HR", "– IONA") is how such companies write themselves. Pure; the table is
tests/reading/data/company_names.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["written_name"]

_TEXT_LIMIT = 20_000  # a signature and a few sentences: the rest of a long message adds nothing
_LINKS = re.compile(r"(?:\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*)",
                    re.IGNORECASE)
_WORD = re.compile(r"[\w'’&+.-]+")
_JOIN = r"[\s\-_.+&]?"  # how a domain's separate words are joined in a name: "Kuehne+Nagel", "Kuehne Nagel"


def written_name(guess: str, texts: Iterable[str]) -> str | None:
    """The first spelling of `guess` written in `texts` (display name first), or None when none writes it."""
    words = [w for w in guess.split() if w]
    if not words:
        return None
    together = re.compile(r"(?<![\w@./])" + _JOIN.join(re.escape(w) for w in words) + r"(?![\w])", re.IGNORECASE)
    glued = "".join(words).casefold()
    for text in texts:
        if not text:
            continue
        plain = _LINKS.sub(" ", text[:_TEXT_LIMIT])
        for found in (*(m.group(0) for m in together.finditer(plain)), *_glued_runs(plain, glued)):
            if _says_capitals(found):
                return found
    return None


def _glued_runs(text: str, glued: str) -> Iterable[str]:
    """Runs of 2-4 words that spell `glued` when run together: "WeCon Oy" for "weconoy"."""
    for line in text.splitlines():
        words = [w.strip(".'’") for w in _WORD.findall(line)]
        for width in (2, 3, 4):
            for i in range(len(words) - width + 1):
                run = words[i:i + width]
                if "".join(run).casefold() == glued:
                    yield " ".join(run)


def _says_capitals(found: str) -> bool:
    """Whether this spelling shows how the company capitalises its name (not lower case, not shouted)."""
    letters = [c for c in found if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return False
    shouted = all(c.isupper() for c in letters)
    return not shouted or len(found.split()) == 1
