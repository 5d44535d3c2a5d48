"""The new text of a reply: quoted earlier messages left out, as every common mail client writes them.

Pure. A "Great!" above a quoted rejection is not a rejection, and our own thank-you quoted
below a reply says nothing about the company's answer. The words of attributions, header
blocks and separators come per language from interview_bot.reading.quoteforms (so a new
language module plugs in by data); the shapes are the mail clients':

- an attribution line, possibly wrapped over lines: "On <date>, <person> wrote:" (Gmail,
  Apple Mail, Thunderbird; with or without the colon), "---- <person> wrote ----" (Android,
  Yahoo), "W dniu ... napisał:", "Op ... heeft ... het volgende geschreven:", and in any
  language a date and an address followed by a colon ("2022年1月1日(金) 9:00 田中太郎 <t@x.jp>:");
- a header block (Outlook desktop and web, Apple Mail, Yahoo, Zoho): "From:/Sent:/To:/Subject:"
  in the labels of the sender's mail client ("Fra:/Sendt:/Til:/Emne:", "От:/Отправлено:/Кому:"),
  bold or not, after an "-----Original Message-----" separator or a rule line or alone;
- ">" lines, interleaved or bottom-posted (the new text between them is kept).

A forwarded message (an "---------- Forwarded message ---------" separator, a header block
whose subject is "Fwd: ...", or a header block with nothing written above it) counts as new
text when the forwarder adds little: a recruiter forwarding the hiring manager's decision
forwards the answer. Its own quoted history is still cut.
"""

from __future__ import annotations

import functools
import re

from interview_bot.reading.quoteforms import forms

__all__ = ["strip_quoted"]

_MAX_BODY = 100_000  # strangers' text: what we read of it
_MAX_LINE = 2_000
_LITTLE = 25  # words a forwarder may add above a forwarded message for it to count as the new text
_JOIN = 5  # lines an attribution may be wrapped over
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff]")
_RULE_LINE = re.compile(r"^\s*(?:_{8,}|-{8,})\s*$")
_EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_DATEISH = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b|\d{4}年|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
# After the address, closed by ">" or ")" as clients write it: at most a few words and a colon
# ("> napisał(a):", "> het volgende geschreven:", ">:"); "write to jobs@acme.com by Friday:" is no attribution.
_AFTER_ADDRESS = re.compile(r"^\s*[>)][\]\"']*(?:\s+[^\s:\uff1a]{1,20}){0,3}\s*[:\uff1a]\s*$")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The subject's label in a header block, as the language tables give it: its value may say "Fwd:" ("VL:", "转发:").
_SUBJECT_LABELS = frozenset({"subject", "betreff", "objet", "asunto", "oggetto", "assunto", "onderwerp", "temat", "emne",
                             "ämne", "тема", "předmět", "predmet", "aihe", "teema", "tárgy", "subiect", "konu", "θέμα",
                             "件名", "主题", "主旨", "제목"})


def _words(lines: list[str]) -> int:
    """Words written: Japanese and Chinese, which need no spaces, count a word for each two characters."""
    return sum(len(line.split()) + len(_CJK.findall(line)) // 2 for line in lines)


def strip_quoted(body: str, forwarded: bool = False) -> str:
    """The new text of a reply: without quoted lines and the earlier messages below an attribution
    or a header block. `forwarded`: the message's subject says it is a forward ("Fwd: ...")."""
    if not isinstance(body, str):
        return ""
    return _strip_quoted(body, forwarded)


# One message's text is asked for by its reading, its promise, its "silence means no" clause, its
# sender's attribution and its company name: kept for the message being read, worked out once.
@functools.lru_cache(maxsize=2)
def _strip_quoted(body: str, forwarded: bool) -> str:
    text = _INVISIBLE.sub("", body[:_MAX_BODY]).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ""
    lines = [line[:_MAX_LINE] for line in text.split("\n")]
    f = forms()
    headers = [_header(line, f.labels) for line in lines]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            i += 1
            continue
        if stripped.startswith(">"):
            i += 1
            continue
        end = _attribution_end(lines, i)
        if end is not None:
            following = next((x for x in lines[end + 1:end + 6] if x.strip()), "")
            if following.lstrip().startswith(">"):
                i = end + 1  # interleaved or bottom-posted: drop the attribution, ">" lines go one by one
                continue
            break  # top-posted: everything below is the earlier message
        dashes = stripped.startswith(("--", "__"))
        if (dashes or stripped.endswith(":")) and f.forwarded.match(line):
            if _words(kept) > _LITTLE:
                break  # the forwarder wrote their own message: the forwarded one is not theirs
            start = i + 1
            while start < len(lines) and not lines[start].strip():
                start += 1
            block = _header_block(lines, headers, start)
            i = block[0] if block else start  # the forwarded message's headers are no one's words
            continue
        separator = dashes and (f.original.match(line) or _RULE_LINE.match(line))
        start = i + 1 if separator else i
        while separator and start < len(lines) and not lines[start].strip():
            start += 1
        block = _header_block(lines, headers, start)
        if block is not None:
            little = _words(kept) <= _LITTLE
            if little and (forwarded or block[1] or not _words(kept)):
                i = block[0]  # a forward (or a block with nothing above it): its text is the new text
                continue
            break
        if dashes and f.original.match(line):
            break
        kept.append(line)
        i += 1
    return "\n".join(kept).strip()


def _attribution_end(lines: list[str], i: int) -> int | None:
    """The last line of an attribution starting at line i (wrapped up to _JOIN lines), or None."""
    first = lines[i].strip()
    if not first or len(first) > 400 or not (first.startswith("--") or _DATEISH.search(first) or _EMAIL.search(first)):
        return None  # an attribution opens with its date, its address or dashes: not with "Hello"
    f = forms()
    joined = ""
    loose: int | None = None
    for j in range(i, min(i + _JOIN, len(lines))):
        part = lines[j].strip()
        if j > i and not part and not joined.lower().startswith(("on ", "-")) and not _DATEISH.search(joined):
            return None
        joined = f"{joined} {part}".strip() if part else joined
        if len(joined) > 500:
            return None
        if not part:
            continue
        if not (joined.endswith((":", "\uff1a", "-", ">", ")")) or not joined[-1].isascii()
                or joined.lower().endswith(("wrote", "sent"))):
            continue  # attributions end so ("写道", "wrote" without a colon): the costly patterns need not look
        if f.attribution.fullmatch(joined):
            return j
        found = _date_and_address(joined, lines, j)
        if found is True:
            return j
        if found is None and loose is None:
            loose = j  # "2011/4/7 Nathan <n@x.com>" then ">" lines: unless a fuller attribution ends below
    return loose


def _date_and_address(joined: str, lines: list[str], j: int) -> bool | None:
    """Any language: a date, a name and an address, then a colon ("26.06.2014, 14:41, "Alexander L" <a@x.ru>:"),
    or (None) no colon when ">" lines follow ("2011/4/7 Nathan <n@x.com>")."""
    found = list(_EMAIL.finditer(joined))
    if not found or not _DATEISH.search(joined[:found[-1].start()]):
        return False
    after = joined[found[-1].end():]
    if _AFTER_ADDRESS.match(after):
        return True
    if after.strip() in (">", ")"):
        following = next((x for x in lines[j + 1:j + 4] if x.strip()), "")
        return None if following.lstrip().startswith(">") else False
    return False


def _header(line: str, labels: frozenset[str]) -> tuple[str, str] | None:
    """(label, value) of a header-block line ("From: ...", "*Sent:* ...", "De : ...", "件名：..."), by a set lookup."""
    colon, wide = line.find(":", 0, 60), line.find("\uff1a", 0, 60)
    if wide >= 0 and (colon < 0 or wide < colon):
        colon = wide  # a full-width colon (HubSpot's Japanese "送信元：", Chinese clients' "发件人：")
    if colon < 0:
        return None
    label = line[:colon].strip().strip("*_").strip().lower()
    if label not in labels:
        return None
    return label, line[colon + 1:].strip().strip("*_").strip()


def _header_block(lines: list[str], headers: list[tuple[str, str] | None], i: int) -> tuple[int, bool] | None:
    """A mail client's header block at line i: (the line after it, whether its subject says "Fwd:"), else None.

    At least two header lines among the next few, a "From" label or a date/recipient label among them.
    """
    f = forms()
    if i >= len(lines) or not headers[i]:
        return None
    labels: list[str] = []
    forward = False
    j, seen = i, 0
    while j < len(lines) and seen < 10:
        m = headers[j]
        if m:
            label, value = m
            if label in labels:
                break  # a block names each field once: a repeated label ends it
            labels.append(label)
            if label in _SUBJECT_LABELS:
                forward = forward or bool(f.forward_subject.match(value))
        elif lines[j].strip():
            if len(labels) >= 1 and seen - len(labels) > 2 + len(labels):
                break
        elif labels and len(labels) >= 2 and not any(headers[j + 1:j + 3]):
            break
        seen += 1
        j += 1
    if len(set(labels)) < 2:
        return None
    return j, forward
