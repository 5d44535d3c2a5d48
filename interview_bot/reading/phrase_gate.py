"""A cheap test that a phrase rule cannot match a sentence, so its regex need not run.

Pure. With seventeen languages' tables the reader runs hundreds of patterns over every
sentence, and Python's regex engine scans the whole sentence for each one. Most rules start
with a literal word or a group of literal words ("\\bwybraliśmy\\s+...",
"\\b(?:valt|välja)\\s+..."): a match must contain one of them, and a substring test on the
case-folded sentence is far cheaper than the scan. `required_words` finds those words and
returns None whenever it cannot be sure (a rule that starts with a class, an escape, or a
flag group always runs), so a gate never hides a match: it only skips work.
"""

from __future__ import annotations

__all__ = ["fold", "required_words"]

_META = frozenset("\\[](){}.*+?|^$")
_OPTIONAL = ("?", "*", "{0", "{,")  # quantifiers that allow the item before them to be absent ({,3} is {0,3})


def fold(text: str) -> str:
    """`text` case-folded so that characters a case-insensitive regex equates fold alike (ı, ſ, ß, ς, İ)."""
    return text.upper().casefold().replace("\u0307", "")


def _skip_class(pattern: str, i: int) -> int:
    """The index after the character class that starts at `i`."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _close(pattern: str, i: int) -> int:
    """The index of the parenthesis that closes the group opened at `i`."""
    depth, j = 0, i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _skip_class(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_class(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _quantifier_end(alt: str, j: int) -> int:
    """The index after an optional quantifier at `j` ("?", "*", "{0,n}", lazy or not), or -1 if there is none."""
    if not alt.startswith(_OPTIONAL, j):
        return -1
    k = alt.find("}", j) + 1 if alt[j] == "{" else j + 1
    return k + 1 if k and k < len(alt) and alt[k] in "?+" else k


def _first(alt: str) -> frozenset[str] | None:
    """Words one of which every match of `alt` (one alternative) contains, or None."""
    i = 0
    while i < len(alt):
        c = alt[i]
        if alt.startswith(("\\b", "\\B", "\\A"), i) or c == "^":
            i += 2 if c == "\\" else 1
            continue
        if c in "\\[":  # an escape or a class: skipped if optional ("\\s*"), else no word can be told
            after = _quantifier_end(alt, i + 2 if c == "\\" else _skip_class(alt, i))
            if after < 0:
                return None
            i = after
            continue
        if c == "(":
            close = _close(alt, i)
            if close < 0:
                return None
            inner = alt[i + 1:close]
            after = _quantifier_end(alt, close + 1)
            if inner.startswith(("?=", "?!", "?<=", "?<!")) or after >= 0:  # zero-width or optional
                i = close + 1 if after < 0 else after
                continue
            if inner.startswith("?:"):
                inner = inner[2:]
            elif inner.startswith("?P<"):
                inner = inner[inner.find(">") + 1:]
            elif inner.startswith("?"):
                return None  # flags, conditionals, comments: do not guess
            return required_words(inner)
        if c in _META:
            return None
        j = i
        while j < len(alt) and alt[j] not in _META:
            j += 1
        if alt.startswith(_OPTIONAL, j):
            j -= 1  # "won'?t": the last character may be absent
        word = alt[i:j]
        return frozenset({fold(word)}) if word.strip() else None
    return None


def required_words(pattern: str) -> frozenset[str] | None:
    """Case-folded words one of which any match of `pattern` must contain; None when that cannot be told."""
    words: set[str] = set()
    for alt in _alternatives(pattern):
        found = _first(alt)
        if not found:
            return None
        words |= found
    return frozenset(words)
