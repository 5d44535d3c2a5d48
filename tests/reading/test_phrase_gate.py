"""The gate that lets the reader skip a phrase rule that cannot match (interview_bot.reading.phrase_gate).

A gate may only skip work, never a match: every shipped rule is run over every sentence of the
sourced tables, and wherever its regex matches, its required words must be in the sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from interview_bot.reading.lang import LANGUAGES
from interview_bot.reading.phrase_gate import fold, required_words
from interview_bot.reading.replies import _sentences

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bwybraliśmy\s+(?:\w+\s+){0,2}?inn", {"wybraliśmy"}),
    (r"\b(?:wybór|decyzja)\s+padł", {"wybór", "decyzja"}),
    (r"\b(?:ještě\s+|zatím\s+)?nejsme\s+připraveni", {"nejsme"}),  # an optional group is passed over
    (r"\b(?:\w+\s+){0,4}?(?:ilmoitamme|palaamme)", {"ilmoitamme", "palaamme"}),
    (r"\bnepostupujete\b|\bnepostoupil\w*", {"nepostupujete", "nepostoupil"}),
    (r"\bwon'?t\s+be", {"won"}),  # the optional last letter is not required
    (r"^\s*absage\b", {"absage"}),
    (r"(?!no)yes", {"yes"}),
    (r"\bİÇİN", {"için"}),
    (r"\bno{,2}pe", {"n"}),  # {,2} is {0,2}: the o's are not required ("npe" matches)
])
def test_required_words(pattern: str, words: set[str]) -> None:
    assert required_words(pattern) == frozenset(words)


@pytest.mark.parametrize("pattern", [r"[ab]x", r"\d+ days", r"(?i)foo", r"(?:a|\w+)", r"(?x) a b", r".*x"])
def test_no_words_when_unsure(pattern: str) -> None:
    assert required_words(pattern) is None


def test_fold_equates_what_a_case_insensitive_regex_equates() -> None:
    for a, b in (("ı", "I"), ("ſ", "s"), ("ß", "ẞ"), ("ς", "Σ"), ("İ", "i"), ("Ł", "ł"), ("Ä", "ä")):
        assert re.fullmatch(a, b, re.IGNORECASE), (a, b)
        assert fold(a) == fold(b), (a, b)


def _corpus_sentences() -> list[str]:
    texts: list[str] = []
    for path in [DATA / "messages.yaml", *sorted((DATA / "lang").glob("*.yaml"))]:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows = loaded if isinstance(loaded, list) else loaded["messages"]
        texts += [f"{r.get('subject') or ''}.\n\n{r['body']}" for r in rows]
    return [s for text in texts for s in _sentences(text)]


def test_a_gate_never_hides_a_match() -> None:
    sentences = [(s, fold(s)) for s in _corpus_sentences()]
    checked = 0
    for lang in LANGUAGES:
        for patterns in lang.rules.values():
            for p in patterns:
                needs, compiled = required_words(p), re.compile(p, re.IGNORECASE)
                for sentence, folded in sentences:
                    if compiled.search(sentence):
                        checked += 1
                        assert needs is None or any(w in folded for w in needs), (lang.code, p, sentence)
    assert checked > 100  # the tables exercise the rules


def test_most_rules_have_a_gate() -> None:
    patterns = [p for lang in LANGUAGES for ps in lang.rules.values() for p in ps]
    assert sum(required_words(p) is not None for p in patterns) > 0.8 * len(patterns)
