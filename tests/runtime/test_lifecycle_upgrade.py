"""Follow-ups of the previous release: their reason texts become statuses and causes, once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview_bot.model import Cause, FollowUpStatus
from interview_bot.runtime.lifecycle_upgrade import typed
from interview_bot.runtime.state import State

T = datetime(2026, 12, 1, 9, tzinfo=UTC)

# Every reason text the previous release wrote (planning/plan.py, planning/process.py, runtime/engine.py).
OLD_TEXTS = [
    ("drafted", "sent", "sent", "", ""),
    ("drafted", "its draft was deleted", "drafted", "draft_deleted", ""),
    ("drafted", "", "drafted", "", ""),
    ("cancelled", "withdrawn: jane@initech.com replied on Mon 07 Dec (rejection)", "withdrawn", "company_answered",
     "jane@initech.com Mon 07 Dec (rejection)"),
    ("cancelled", "jane@initech.com replied on Mon 07 Dec (offer)", "cancelled", "company_answered",
     "jane@initech.com Mon 07 Dec (offer)"),
    ("cancelled", "jane@initech.com wrote again on Tue 08 Dec", "cancelled", "wrote_again", "jane@initech.com Tue 08 Dec"),
    ("cancelled", "the interview was cancelled before it ended", "cancelled", "interview_cancelled", ""),
    ("cancelled", "you declined the interview", "cancelled", "interview_declined", ""),
    ("cancelled", "no longer among the interviewers", "cancelled", "not_an_interviewer", ""),
    ("cancelled", "thank-you notes are turned off in config", "cancelled", "turned_off", ""),
    ("cancelled", "status checks are turned off in config", "cancelled", "turned_off", ""),
    ("cancelled", "the interview was cancelled", "cancelled", "all_rounds_cancelled", ""),
    ("cancelled", "a later round with the company is planned", "cancelled", "later_round", ""),
    ("cancelled", "the company already answered (rejection)", "cancelled", "rejected_first", ""),
    ("skipped", "it fell due long before the bot started watching", "skipped", "too_late", ""),
    ("skipped", "the interview was over before the bot saw it", "skipped", "too_late", ""),
    ("skipped", "nobody at the company to write to", "skipped", "nobody_to_write_to", ""),
    ("skipped", "no interviewer to write to (only rooms, lists or you)", "skipped", "nobody_to_write_to", ""),
    ("skipped", "its interview is no longer known", "skipped", "interview_unknown", ""),
    ("skipped", "no valid address among x@", "skipped", "no_valid_address", "no valid address among x@"),
    ("failed", "Google refused it: Invalid To header", "failed", "google_refused", "Invalid To header"),
    ("failed", "template error: 'x' is undefined", "failed", "template_error", "'x' is undefined"),
]


@pytest.mark.parametrize(("status", "reason", "new_status", "cause", "detail"), OLD_TEXTS)
def test_each_old_reason_maps_to_a_status_and_a_cause(status: str, reason: str, new_status: str, cause: str,
                                                      detail: str) -> None:
    assert typed(status, reason) == (new_status, cause, detail)


def test_the_words_shown_stay_what_the_previous_release_showed() -> None:
    from interview_bot.model import FollowUp, FollowUpKind

    for status, reason, new_status, cause, detail in OLD_TEXTS:
        if not cause:
            continue
        fu = FollowUp("k", "i", FollowUpKind.STATUS_CHECK if "thank-you" not in reason and "interviewer" not in reason
                      and "bot saw it" not in reason else FollowUpKind.THANK_YOU, T, (),
                      FollowUpStatus(new_status), cause=Cause(cause), detail=detail)
        assert fu.reason == reason.removeprefix("withdrawn: ")


def test_a_previous_release_file_is_migrated_in_place(tmp_path: Path) -> None:
    from interview_bot.runtime.migrations import _V0_ADDED_COLUMNS

    path = tmp_path / "old.sqlite3"
    State.open(path, lock=False).close()
    conn = sqlite3.connect(path)  # as the previous release left it: no cause column, reason texts
    later = {("company_mail", "rules_hash"), ("company_mail", "is_answer"), ("company_mail", "bounced"),
             ("interviews", "detected_rules"), ("follow_ups", "cause")}
    have = {(t, c) for t in ("company_mail", "interviews", "follow_ups")
            for c in (row[1] for row in conn.execute(f'PRAGMA table_info("{t}")'))}
    for table, column in [*((t, c) for t, c, _ in _V0_ADDED_COLUMNS), *sorted(later & have)]:
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    conn.execute("PRAGMA user_version = 0")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute("""INSERT INTO interviews(id, calendar_id, event_id, title, company, role, start, "end", time_zone,
                        interviewers, organizer, meeting_link, company_domains, status)
                 VALUES('primary/e1','primary','e1','Interview','Initech','Analyst','2026-12-01T09:00:00+00:00',
                        '2026-12-01T10:00:00+00:00','UTC','[]',NULL,'','["initech.com"]','active')""")
    rows = [("primary/e1#thank_you", "thank_you", "drafted", "sent"),
            ("primary/e1#status_check#1", "status_check", "cancelled",
             "withdrawn: jane@initech.com replied on Mon 07 Dec (rejection)"),
            ("primary/e1#status_check#2", "status_check", "skipped", "nobody at the company to write to")]
    for key, kind, status, reason in rows:
        conn.execute("INSERT INTO follow_ups(key, interview_id, kind, due, recipients, status, reason) "
                     "VALUES(?, 'primary/e1', ?, '2026-12-01T12:00:00+00:00', '[]', ?, ?)", (key, kind, status, reason))
    conn.commit()
    conn.close()
    state = State.open(path, lock=False)
    got = {f.key: (f.status, f.cause, f.reason) for f in state.follow_ups()}
    state.close()
    assert got == {
        "primary/e1#thank_you": (FollowUpStatus.SENT, None, ""),
        "primary/e1#status_check#1": (FollowUpStatus.WITHDRAWN, Cause.COMPANY_ANSWERED,
                                      "jane@initech.com replied on Mon 07 Dec (rejection)"),
        "primary/e1#status_check#2": (FollowUpStatus.SKIPPED, Cause.NOBODY_TO_WRITE_TO,
                                      "nobody at the company to write to"),
    }

