"""Mail and titles in Japanese, Russian and Chinese, end to end over the sandbox with the real client.

The texts are rows of tests/reading/data/lang/ (their sources there): a Japanese rejection gives
the feedback request, a Russian offer stops the check-ins, a Chinese holding message moves the
check-in to the date it promises, and a Japanese interview title gets its thank-you.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from interview_bot.cli.status import status_json
from interview_bot.model import FollowUpKind, FollowUpStatus
from interview_bot.runtime.wiring import settings_from_config

DATA = Path(__file__).resolve().parents[1] / "reading" / "data" / "lang"
PRIYA = "Priya Patel <priya.patel@initech.com>"


def _body(code: str, row_id: str) -> str:
    rows: list[dict[str, Any]] = yaml.safe_load((DATA / f"{code}.yaml").read_text(encoding="utf-8"))["messages"]
    return str(next(r["body"] for r in rows if r["id"] == row_id))


def status(world):  # type: ignore[no-untyped-def]
    return status_json(world.state, settings_from_config(world.cfg), world.clock.now())[-1]


def test_a_japanese_rejection_gives_a_feedback_request(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    msg = world.mail(PRIYA, "選考結果のお知らせ", hours=30, body=_body("ja", "ja_rej_diamond_considerate"),
                     charset="iso-2022-jp", message_id="<ja-rejection@initech.com>")
    world.run(hours=31)
    assert status(world)["stage"] == "rejected"
    world.run(hours=4 * 24)
    (fu,) = world.follow_ups(FollowUpKind.FEEDBACK_REQUEST)
    assert fu.status is FollowUpStatus.DRAFTED and fu.thread_id == msg["threadId"]
    assert [f.status for f in world.follow_ups(FollowUpKind.STATUS_CHECK)] == [FollowUpStatus.CANCELLED]


def test_a_russian_offer_gives_no_check_in(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    world.mail(PRIYA, "Предложение о работе", hours=30, body=_body("ru", "ru_offer"), charset="koi8-r")
    assert world.run(hours=31).drafted == []
    assert status(world)["stage"] == "offer"
    assert [f.status for f in world.follow_ups(FollowUpKind.STATUS_CHECK)] == [FollowUpStatus.CANCELLED]
    assert world.run(hours=30 * 24).drafted == []


def test_a_chinese_holding_message_is_no_answer_and_its_date_stands(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=3)
    # Thu 3 Dec: "会在下周五前通知您" promises Friday 11 Dec.
    world.mail(PRIYA, "面试进度", hours=2 * 24 + 1, body=_body("zh", "zh_hold_next_friday"), charset="gb2312")
    world.run(hours=2 * 24 + 2)
    assert status(world)["stage"] != "rejected"
    assert world.follow_ups(FollowUpKind.FEEDBACK_REQUEST) == []
    (check,) = world.follow_ups(FollowUpKind.STATUS_CHECK)
    assert check.status is FollowUpStatus.SCHEDULED and check.due.date().isoformat() > "2026-12-11"


def test_a_japanese_interview_title_gets_its_thank_you(world) -> None:  # type: ignore[no-untyped-def]
    world.invite("一次面接（オンライン） - 株式会社イニテック", 0)
    world.run(hours=3)
    assert len(world.follow_ups(FollowUpKind.THANK_YOU)) == 1
