"""Every request the bot makes is allowed by one of its three OAuth scopes (real client, sandbox).

The sandbox's request log carries, for each request, the discovery document's method id and
the scopes Google accepts for it. A whole scenario runs (thank-yous, check-ins sent, withdrawn
and answered, a rejection, a full resync, a vanished message, Gmail forgetting its history, a
lost state file), and each request made while the bot ran is checked against the scopes it
asks for; the test's own seeding (imports, sends, deletes) is not the bot's and is left out.
So a future call outside the three scopes fails here, not on a user's account.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview_bot.google.auth import SCOPES
from interview_bot.google.retry import Retrier
from tests.runtime.test_status_check_e2e import DEFAULT_DUE_H
from tests.world import ME, person

PRIYA = "Priya Patel <priya.patel@initech.com>"
SAM = "Sam Lee <sam.lee@globex.com>"


def test_every_request_the_bot_makes_is_within_its_three_scopes(world: Any) -> None:
    world.retrier = Retrier(sleep=lambda _: None)
    made: list[dict[str, Any]] = []

    def bot(hours: float) -> Any:
        start = len(world.sandbox.requests())
        report = world.run(hours=hours)
        made.extend(world.sandbox.requests()[start:])
        return report

    gmail = world.services.gmail.users()
    world.mail(PRIYA, "Interview confirmation: Data Analyst at Initech", hours=-48, message_id="<confirm@initech.com>")
    initech = world.invite("Interview: Data Analyst - Initech", 0)
    world.invite("Phone Screen: Globex <> Alex Morgan", 1, organizer={"email": "sam.lee@globex.com"},
                 attendees=[person("sam.lee@globex.com", "Sam Lee", organizer=True), person(ME)])
    world.invite("Onsite: Hooli", 30, organizer={"email": "dale@hooli.xyz"},
                 attendees=[person("dale@hooli.xyz", "Dale", organizer=True), person(ME)])
    bot(-1)
    assert len(bot(4).drafted) == 2  # the thank-yous
    for draft_id in list(world.drafts()):
        gmail.drafts().send(userId="me", body={"id": draft_id}).execute()
    gone = world.mail("Shop <news@shop.example>", "Sale", hours=5)
    gmail.messages().delete(userId="me", id=gone["id"]).execute()
    world.sandbox.calendar.expire_sync_tokens()
    world.delete(world.state.interviews()[-1].event_id)  # Hooli, deleted while the token was stale
    assert bot(6).reconciled == 1
    assert len(bot(DEFAULT_DUE_H + 1).drafted) == 2  # the check-ins
    checks = {fu.interview_id: fu for fu in world.state.follow_ups() if fu.kind.value == "status_check" and fu.draft_id}
    initech_check = next(fu for key, fu in checks.items() if key.endswith(initech))
    gmail.drafts().send(userId="me", body={"id": initech_check.draft_id}).execute()
    world.mail(SAM, "Re: Phone Screen", hours=DEFAULT_DUE_H + 2, body="Good news: we would like to invite you "
               "to a final round next week.")  # Globex's unsent check-in goes stale: withdrawn
    world.mail(PRIYA, "Re: Interview confirmation: Data Analyst at Initech", hours=DEFAULT_DUE_H + 2,
               body="Thank you for your patience. We have decided to move forward with other candidates.")
    world.sandbox.gmail.expire_history()  # and Gmail forgot the history position
    report = bot(DEFAULT_DUE_H + 3)
    hooli = [fu for fu in world.state.follow_ups() if fu.kind.value == "status_check" and fu.interview_id.endswith(
        world.state.interviews()[-1].event_id)]
    assert [fu.status.value for fu in hooli] == ["cancelled"]  # no check-in for a cancelled interview
    assert report.withdrawn
    world.restart()
    for f in Path(world.cfg.state).parent.glob("state.sqlite3*"):
        f.unlink()  # the state file is lost: the bot looks in Gmail before drafting again
    assert bot(DEFAULT_DUE_H + 30).drafted  # the feedback request

    allowed = set(SCOPES)
    outside = [(r["method_id"], r["scopes"]) for r in made if not allowed & set(r["scopes"])]
    assert outside == []
    used = {r["method_id"] for r in made}
    assert {"calendar.events.list", "calendar.events.get", "gmail.users.getProfile", "gmail.users.history.list",
            "gmail.users.messages.list", "gmail.users.messages.get", "gmail.users.threads.get",
            "gmail.users.drafts.create", "gmail.users.drafts.get", "gmail.users.drafts.delete"} <= used, used
    assert all(r["method_id"] for r in made)  # every request was one Google knows
