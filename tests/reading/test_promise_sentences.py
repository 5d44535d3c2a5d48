"""Promises are read sentence by sentence in every language: a Japanese or Chinese 。 ends a sentence for the
promise tables as for the reply reader, so a deadline the candidate is given later in the paragraph is not
the company's promise. Constructed sentences in the shape of the ja/zh tables' rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from interview_bot.reading.promises import find_promise

SENT = datetime(2026, 12, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize(("text", "by"), [
    ("結果は追ってご連絡いたします。なお、交通費の精算書は12月15日までに提出してください。", None),
    ("選考結果は12月15日までにご連絡いたします。", date(2026, 12, 15)),
    ("我们会尽快通知您结果。请于12月15日前提交您的材料。", None),
])
def test_a_later_sentence_is_not_part_of_the_promise(text: str, by: date | None) -> None:
    promise = find_promise(text, SENT, ZoneInfo("Asia/Tokyo"))
    assert (promise.by if promise else None) == by
