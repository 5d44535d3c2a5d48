"""`plan` prints what `run --once` then does: one decision, printed or applied (over the sandbox)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from interview_bot.cli.commands import main
from tests.world import ME, at

PRIYA = "Priya Patel <priya.patel@initech.com>"
GLOBEX = {"email": "sam.lee@globex.com", "displayName": "Sam Lee"}
HOOLI = {"email": "kim@hooli.com", "displayName": "Kim Park"}


def three_companies(world: Any) -> None:
    """Initech (interviewed, check-in drafted, then a sure no), Globex (interviewed, silence), Hooli (ahead)."""
    world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Interview: Analyst - Globex", 2, organizer=GLOBEX,
                 attendees=[{**GLOBEX, "organizer": True, "responseStatus": "accepted"},
                            {"email": ME, "responseStatus": "accepted"}])
    world.invite("Interview: Analyst - Hooli", 24 * 10, organizer=HOOLI,
                 attendees=[{**HOOLI, "organizer": True, "responseStatus": "accepted"},
                            {"email": ME, "responseStatus": "accepted"}])
    world.run(hours=1)
    world.run(hours=6)  # the thank-yous, drafted on time (days late they would be missed)
    world.run(hours=8 * 24 + 1)  # Initech's and Globex's check-ins, drafted
    world.mail(PRIYA, "Re: Following up", hours=8 * 24 + 3,
               body="Thank you for your patience. We have decided to move forward with other candidates.")
    world.restart()


def plan(world: Any, hours: float, capsys: Any, *args: str) -> str:
    capsys.readouterr()
    assert main(["--config", str(world.config_path), "plan", "--at", at(hours).isoformat(), *args]) == 0
    return str(capsys.readouterr().out)


def test_the_whole_plan_output(world: Any, capsys: pytest.CaptureFixture[str], golden: Any) -> None:
    three_companies(world)
    text = plan(world, 8 * 24 + 4, capsys)
    # The list of drafts waiting in Gmail (notify's) orders drafts due at the same minute by their
    # sandbox ids, new at each run: its lines are sorted here, and the ids masked.
    actions, _, waiting = text.partition("\n\nWaiting in Gmail's Drafts")
    pairs = re.findall(r"(  the .*\n    https://\S+compose=)\w+\n", waiting)
    golden("plan/three_companies.txt", actions + "\n\nWaiting in Gmail's Drafts" + waiting.split("\n", 1)[0] + "\n"
           + "".join(sorted(p + "<draft id>\n" for p in pairs)))
    data = json.loads(plan(world, 8 * 24 + 4, capsys, "--json"))
    for action in data["actions"]:  # event and thread ids are the sandbox's, new at each run
        action["thread"] = "<thread>" if action["thread"] else None
        action["key"] = "<event>#" + action["key"].split("#", 1)[1]
    golden("plan/three_companies_json.txt", json.dumps(data, indent=2) + "\n")


def test_what_plan_lists_as_due_is_exactly_what_run_once_does(world: Any, capsys: pytest.CaptureFixture[str]) -> None:
    three_companies(world)
    hours = 9 * 24 + 1  # Thu 10 Dec 10:00: the feedback request is due, the stale check-in still there
    actions = json.loads(plan(world, hours, capsys, "--json"))["actions"]
    due = [a for a in actions if a["due"] <= at(hours).isoformat()]
    to_create = {a["key"] for a in due if a["action"] == "create_draft"}
    to_delete = {a["key"] for a in due if a["action"] == "delete_draft"}
    assert to_create and to_delete  # the scenario has both: the feedback request, and Initech's stale check-in
    before = {d["X-Interview-Bot-Key"] for d in world.drafts().values()}
    assert main(["--config", str(world.config_path), "run", "--once", "--at", at(hours).isoformat()]) == 0
    after = {d["X-Interview-Bot-Key"] for d in world.drafts().values()}
    assert after - before == to_create
    assert before - after == to_delete
    # and once applied, nothing of it is due any more
    again = json.loads(plan(world, hours, capsys, "--json"))["actions"]
    assert [a for a in again if a["due"] <= at(hours).isoformat()] == []
