"""The new text of a reply: quoted earlier messages left out, in the seven languages read.

Pure. A "Great!" above a quoted rejection is not a rejection, and our own thank-you quoted
below a reply says nothing about the company's answer.
"""

from __future__ import annotations

import re

__all__ = ["strip_quoted"]

_MAX_BODY = 100_000  # strangers' text: what we read of it
_MAX_LINE = 2_000

_ATTRIBUTION_START = re.compile(r"^\s*(?:on|am|le|el|op|il|em|den|w\s+dniu)\s", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(
    r"(?:wrote|schrieb|a\s+écrit|escribió|schreef|ha\s+scritto|escreveu|skrev)\s*:\s*$", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:original\s+message|reply\s+message|ursprüngliche\s+nachricht|originalnachricht"
    r"|message\s+d'origine|mensaje\s+original|messaggio\s+originale|mensagem\s+original"
    r"|oorspronkelijk\s+bericht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|von|de|van|da)\s*:\*?\s+\S", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(
    r"^\s*\*?(?:sent|date|to|subject|gesendet|datum|an|betreff|envoyé|à|objet|enviado|enviada|para|asunto|assunto"
    r"|inviato|oggetto|verzonden|aan|onderwerp)\s*:",
    re.IGNORECASE,
)
_RULE_LINE = re.compile(r"^\s*_{8,}\s*$")


def strip_quoted(body: str) -> str:
    """The new text of a reply: without quoted lines and the earlier messages below an attribution.

    Handles Gmail and Apple Mail ("On <date>, <person> wrote:", "Am ... schrieb ...:", "Le ...
    a écrit :", possibly wrapped over lines), Outlook ("-----Original Message-----", or a
    "From: ... Sent: ..." block, in each language) and ">" lines. A bottom-posted reply
    (attribution, ">" lines, then new text) keeps the new text.
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
