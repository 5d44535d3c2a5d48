"""A rejection phrase inside a condition is no rejection, in every language with a word for "if"
(replies._CONDITION, _CONDITION_AFTER): "if we choose another candidate, we will let you know by
Friday" must not withdraw the check-in. Constructed sentences (no published mail says this with
each language's conditional), each beside the same phrase said outright, which stays a rejection."""

from __future__ import annotations

import pytest

from interview_bot.reading.incoming import ReplyKind
from interview_bot.reading.replies import classify_reply

CASES = [
    ("cs", "Pokud se rozhodneme pro jiného uchazeče, dáme Vám vědět e-mailem do pátku.",
     "Rozhodli jsme se pro jiného uchazeče."),
    ("sk", "Ak sa rozhodneme pre iného uchádzača, dáme Vám vedieť e-mailom do piatku.",
     "Rozhodli sme sa pre iného uchádzača."),
    ("tr", "Eğer başka bir adayla devam etmeye karar verirsek, size cuma gününe kadar bilgi vereceğiz.",
     "Başka bir adayla devam etmeye karar verdik."),
    ("zh", "如果我们选择了其他候选人，我们会在周五前通过邮件通知您。", "我们已经选择了其他候选人。"),
    ("ja", "他の候補者を採用する場合は、金曜日までにメールでご連絡いたします。",
     "誠に残念ながら、今回は他の候補者を採用することになりました。"),
]


@pytest.mark.parametrize(("code", "conditional", "outright"), CASES, ids=[c[0] for c in CASES])
def test_a_conditional_rejection_phrase_is_no_rejection(code: str, conditional: str, outright: str) -> None:
    assert classify_reply("", outright).kind is ReplyKind.REJECTION
    got = classify_reply("", conditional)
    assert got.kind is not ReplyKind.REJECTION, (got.phrase, got.rule)
