"""English phrasings the rules missed (issue 21): roles on hold or closed, rejections and next steps
without the usual words, and a recruiter forwarding the hiring manager's decision.

Sentences are taken (shortened, placeholders filled) from the published templates cited per
row; the issue's own examples are marked "issue 21". Written before the rules that read them.
"""

from __future__ import annotations

import pytest

from interview_bot.reading.incoming import DECISIVE, ReplyKind
from interview_bot.reading.replies import classify_reply

C, R, N, H = ReplyKind.CLOSED, ReplyKind.REJECTION, ReplyKind.NEXT_STEPS, ReplyKind.HOLDING

RECRUITERA = "https://recruitera.ai/email-templates/role-on-hold-notification-v2"
BACKROW_HOLD = "https://backrow.app/tools/rejection-emails/role-on-hold"
MAILSPARKED = "https://mailsparked.b-cdn.net/posts/putting-a-role-on-hold-example-email"
ENWAGE = "https://staging-w.enwage.com/email-template/position-on-hold/"
BACKROW_INTERNAL = "https://backrow.app/tools/rejection-emails/internal-candidate-selected"
HUNDRED_HIRES = "https://100hires.com/rejection-letter-for-internal-candidate.html"
BACKROW_TAKE_HOME = "https://backrow.app/tools/rejection-emails/after-take-home-assignment"
GOODTIME = "https://support.goodtime.io/hc/en-us/articles/1500008682721-How-To-Schedule-Take-Home-Assignments-or-Case-Studies"
VERVOE = "https://vervoe.com/shortlisted-candidates-email-templates/"


@pytest.mark.parametrize(("source", "subject", "body", "kind"), [
    # A role paused or withdrawn by the company: its own kind, neither rejection nor silence.
    ("issue 21", "", "Hi Sam, quick update: the req is frozen for now, so we can't move ahead at the moment.", C),
    ("issue 21", "", "Thank you for your time. We are no longer hiring for this role.", C),
    (RECRUITERA, "Update: Data Analyst role temporarily on hold",
     ("Hi Sam,\n\nWanted to be transparent - the Data Analyst position is being placed on hold while we finalize "
     "budget.\n\nYou were progressing well, and I'd like to keep you in mind once it's reactivated."), C),
    (BACKROW_HOLD, "Update on the Data Analyst role at Acme",
     ("Hi Sam,\n\nI wanted to reach out with an update on the Data Analyst role at Acme. The team has decided to pause "
     "this search for now while we work through some internal changes, and we don't have a specific restart date "
     "to share.\n\nPlease treat this as a release to pursue other opportunities."), C),
    (MAILSPARKED, "Update Regarding the Data Analyst Position at Acme",
     ("Dear Sam,\n\nWe are writing to inform you that we've temporarily paused hiring for this role. This is due to "
     "an ongoing budget review."), C),
    ("issue 21", "", "Unfortunately the position has been put on hold due to a reorganisation.", C),
    ("issue 21", "", "I'm sorry to say the role has been cancelled, so we won't be moving forward at this time.", C),
    # ...a delay with the application still considered is a holding message, not a closed role
    (ENWAGE, "Notification of Delay in Hiring Process",
     ("Dear Sam,\n\nI am writing to inform you about a delay in our hiring process for the Data Analyst role at Acme. "
     "Rest assured that your application is still under consideration, and we anticipate being able to provide you "
     "with an update by 14 December."), H),
    # Rejections without the usual words
    (BACKROW_INTERNAL, "Update on your Data Analyst interview at Acme",
     ("Hi Sam,\n\nThank you for the time and energy you put into the process. I want to be straight with you about "
     "what happened: after the final round, the team decided to fill the role with an internal candidate."), R),
    ("issue 21", "", "The role went to an internal candidate in the end.", R),
    ("issue 21", "", "Thanks again for interviewing; the role was filled internally.", R),
    (HUNDRED_HIRES, "",
     ("However, after serious consideration, the position has been offered to an individual whose specific skills and "
     "experience are more closely matched to the needs of the team."), R),
    ("issue 21", "", "It was a close call, but other candidates fitted the brief better.", R),
    ("issue 21", "", "We felt other applicants were a better fit for the team's needs.", R),
    ("issue 21", "", "We don't think it's the right fit at this stage, but thank you for your time.", R),
    ("issue 21", "", "You're not the right fit at this stage.", R),
    (BACKROW_TAKE_HOME, "Feedback on your Data Analyst take-home for Acme",
     ("Hi Sam,\n\nThank you for putting the time into the take-home exercise. After reviewing, we've decided not to "
     "move forward with your application."), R),
    # Next steps without the usual words
    ("issue 21", "", "Thanks Sam! Are you free later this week to talk about next steps?", N),
    ("issue 21", "", "I'd love to chat about next steps with you - does Thursday work?", N),
    (GOODTIME, "",
     ("We're happy to move you forward in the interview process. For the next step, we'd like to send over a take "
     "home assignment."), N),
    (VERVOE, "", "As the next stage, we'd like you to complete a short case study for the team.", N),
    ("issue 21", "", "The next step is a technical assignment, which I'll send over tomorrow.", N),
])
def test_english_phrasings(source: str, subject: str, body: str, kind: ReplyKind) -> None:
    assert classify_reply(subject, body).kind is kind, source


def test_a_closed_role_ends_the_wait_but_is_no_rejection() -> None:
    reading = classify_reply("", "We are no longer hiring for this role.")
    assert reading.kind in DECISIVE and reading.kind is not R and reading.confidence >= 0.75


FORWARD = """Hi Sam, see below from Priya.

Jordan

---------- Forwarded message ---------
From: Priya Patel <priya@acme.example>
Date: Wed, Dec 2, 2026 at 9:10 AM
Subject: Sam - decision
To: Jordan Lee <jordan@acme.example>

Jordan, unfortunately we have decided to move forward with another candidate for the analyst role.
Please let Sam know.
"""

REPLY_ABOVE_OLD_REJECTION = """Hi Sam, good news after all: a second team would love to talk about next steps with you.
Could you share some times?

On Mon, Nov 30, 2026 at 4:12 PM Jordan Lee <jordan@acme.example> wrote:

> Hi Sam, unfortunately we have decided to move forward with another candidate.
"""


def test_a_forwarded_decision_is_read() -> None:
    assert classify_reply("Fwd: Sam - decision", FORWARD).kind is R


def test_a_forwarded_decision_below_a_long_message_is_not_the_senders_words() -> None:
    long = "Hi Sam, " + "here is a long note about the office and the parking. " * 6 + "\n\n" + FORWARD.split("\n\n", 2)[2]
    assert classify_reply("Fwd: Sam - decision", long).kind is not R


def test_a_new_invitation_above_a_quoted_rejection_is_a_next_step() -> None:
    assert classify_reply("Re: Data Analyst", REPLY_ABOVE_OLD_REJECTION).kind is N


def test_an_address_and_a_date_in_the_senders_own_text_cut_nothing() -> None:
    body = ("Hi Sam,\nOn 12 Dec 2026 please send your references to jobs@acme.example by noon:\n"
            "two names will do. Unfortunately we cannot move the date.")
    from interview_bot.reading.quoted import strip_quoted

    assert strip_quoted(body).endswith("two names will do. Unfortunately we cannot move the date.")
