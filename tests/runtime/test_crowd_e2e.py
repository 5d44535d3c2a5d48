"""At most 15 recipients (issue 23): an invitation to 40 (or 10,000) people gives one draft, to the organizer, with a NOTE.

An invitation with 40 attendees at the company used to give no draft at all: the look-up for
an earlier draft named every one of them in one Gmail search, and Gmail refused it (400), so
`run --once` exited 3 at every run. One with 10,000 gave a thank-you addressed to all.
"""

from __future__ import annotations

from typing import Any

import pytest

from interview_bot.cli.commands import main
from interview_bot.planning.recipients import MAX_RECIPIENTS
from tests.world import ME, at, person


def crowd(world: Any, n: int) -> None:
    organizer = {"email": "priya.patel@initech.com", "displayName": "Priya Patel"}
    attendees = [person(organizer["email"], "Priya Patel", organizer=True), person(ME)]
    attendees += [person(f"engineer{i}@initech.com", f"Engineer {i}") for i in range(n - 1)]
    world.invite("Interview: Data Analyst - Initech", 0, organizer=organizer, attendees=attendees)


@pytest.mark.parametrize("n", [40, 2_000])
def test_a_crowded_invitation_gives_one_draft_to_the_organizer_with_a_note(world: Any, capsys: Any, n: int) -> None:
    crowd(world, n)
    code = main(["--config", str(world.config_path), "run", "--once", "--at", at(4).isoformat()])
    assert code == 0, capsys.readouterr().err
    (draft,) = world.drafts().values()
    assert draft["To"] == "Priya Patel <priya.patel@initech.com>" and draft["Cc"] is None
    body = draft.get_body(preferencelist=("plain",)).get_content()
    assert f"the invitation named {n} people at the company" in body and f"{n - 1} were left out" in body
    # Every search the bot sent stays short, whatever the invitation held.
    queries = [r["query"].get("q", "") for r in world.sandbox.requests() if r["query"].get("q")]
    assert queries and max(len(q) for q in queries) <= 900


def test_up_to_fifteen_interviewers_are_all_thanked(world: Any) -> None:
    crowd(world, MAX_RECIPIENTS)
    world.run(4)
    (draft,) = world.drafts().values()
    named = str(draft["To"]).count("@") + str(draft["Cc"] or "").count("@")
    assert named == MAX_RECIPIENTS and "left out" not in draft.get_body(preferencelist=("plain",)).get_content()
