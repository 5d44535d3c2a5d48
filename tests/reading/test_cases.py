"""Config tests: cases written as data, run through the reading rules exactly as the bot applies them."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from interview_bot.cli.rules import run_config_tests
from interview_bot.config.cases import ReplyKindName
from interview_bot.config.load import load_config
from interview_bot.config.model import REPLY_KINDS, Config
from interview_bot.errors import ConfigError
from interview_bot.reading.cases import CaseResult, describe
from interview_bot.runtime.wiring import case_rules, settings_from_config

BASE = """\
me:
  name: Alex Morgan
  email: alex.morgan@gmail.com
timezone: Europe/London
country: GB
"""


def config(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "config.yaml"
    path.write_text(BASE + textwrap.dedent(text), encoding="utf-8")
    return load_config(path)


def only(results: list[CaseResult]) -> CaseResult:
    assert len(results) == 1
    return results[0]


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as err:
        config(tmp_path, text)
    return err.value.problems


# --- events ------------------------------------------------------------------------------------


def test_an_interview_with_its_company_and_role_passes(tmp_path: Path) -> None:
    cfg = config(tmp_path, """\
        tests:
          events:
            - title: "Interview: Data Analyst - Initech"
              organizer: Priya Patel <priya.patel@initech.com>
              attendees: [jane.roe@initech.com]
              expect: {interview: true, company: Initech, role: Data Analyst}
        """)
    result = only(run_config_tests(cfg))
    assert result.passed
    assert result.decided_by[0] == "interview: the title matches /\\binterview/"


def test_a_wrong_company_fails_with_what_came_out_and_why(tmp_path: Path) -> None:
    cfg = config(tmp_path, """\
        tests:
          events:
            - name: Globex calls itself Globex Corporation
              title: "Phone screen"
              organizer: ada@globex-corp.com
              expect: {interview: true, company: Globex Corporation}
        """)
    result = only(run_config_tests(cfg))
    assert result.problems == ('company: expected "Globex Corporation", got "Globex Corp"',)
    assert result.line == 8 and result.where == "tests.events[0]"
    text = describe(result, "config.yaml")
    assert text.startswith('FAIL config.yaml:8: tests.events[0] "Globex calls itself Globex Corporation"')
    assert "decided by: interview: the title matches" in text and "(from globex-corp.com)" in text
    # ...and the fix is a rule: `companies:` names the domain.
    fixed = config(tmp_path, """\
        companies: {globex-corp.com: Globex Corporation}
        tests:
          events:
            - title: "Phone screen"
              organizer: ada@globex-corp.com
              expect: {interview: true, company: Globex Corporation}
        """)
    assert only(run_config_tests(fixed)).passed


DENTIST = """\
    tests:
      events:
        - name: the bot took my dentist for an interview
          title: Alex Morgan and Smile Dental - 30 Minute Intro Consultation
          organizer: Smile Dental <bookings@smiledental.co.uk>
          expect: {interview: false}
    """


def test_the_dentist_becomes_a_case_then_a_rule(tmp_path: Path) -> None:
    result = only(run_config_tests(config(tmp_path, DENTIST)))
    assert result.problems == ("interview: expected false, got true",)
    assert result.decided_by[0] == "interview: an invitation from bookings@smiledental.co.uk titled like a booking"
    fixed = config(tmp_path, "interviews:\n  ignore: ['smile dental']\n" + textwrap.dedent(DENTIST))
    result = only(run_config_tests(fixed))
    assert result.passed and result.decided_by == ("ignored: the title matches the ignore rule /smile dental/",)


def test_own_all_day_and_recurring_events(tmp_path: Path) -> None:
    cfg = config(tmp_path, """\
        tests:
          events:
            - {title: Initech onsite, all_day: true, expect: {interview: false}}
            - {title: Initech onsite, expect: {interview: true}}
            - {title: Weekly interview club, organizer: sam.lee@gmail.com, recurring: true,
               expect: {interview: false}}
        """)
    results = run_config_tests(cfg)
    assert [r.passed for r in results] == [True, True, True]
    assert results[0].decided_by[0].startswith("all-day event")
    assert results[2].decided_by[0] == "recurring, with nobody from another company"


# --- messages ----------------------------------------------------------------------------------


def test_message_kinds_answers_and_promises(tmp_path: Path) -> None:
    cfg = config(tmp_path, """\
        tests:
          messages:
            - from: Priya Patel <priya.patel@initech.com>
              subject: "Re: Thank you"
              body: We are still interviewing and will have a decision by Friday.
              sent: 2026-12-03
              expect: {kind: holding, answer: false, promise: 2026-12-04}
            - from: priya.patel@initech.com
              body: Unfortunately we have decided to move forward with other candidates.
              expect: {kind: rejection, answer: true, promise: none}
            - from: jane.roe@initech.com
              subject: "Automatic reply: Thank you"
              body: I am out of the office until Monday.
              expect: {kind: auto_reply, answer: false}
        """)
    results = run_config_tests(cfg)
    assert [r.problems for r in results] == [(), (), ()]
    holding = results[0].decided_by
    assert holding[0] == 'kind holding: the shipped English holding rule /\\bstill\\s+(?:interviewing|reviewing|deciding|evaluating|considering|me.../ ("still interviewing")'
    assert holding[1] == "answer: not decisive (holding); it moves the decision date to Fri 04 Dec"
    assert holding[2] == 'promise 2026-12-04 (Fri) from "decision by Friday", counted from Thu 2026-12-03'


def test_a_promise_counts_from_the_day_it_was_sent(tmp_path: Path) -> None:
    # "by Friday" sent on a Friday means a week later; sent on Thursday, the next day.
    cfg = config(tmp_path, """\
        tests:
          messages:
            - {from: p@initech.com, body: "We will have a decision by Friday.", sent: 2026-12-04,
               expect: {promise: 2026-12-04}}
            - {from: p@initech.com, body: "We will have a decision by Friday.", sent: "2026-12-04 16:30",
               expect: {promise: 2026-12-11}}
        """)
    first, second = run_config_tests(cfg)
    assert first.problems == ("promise: expected 2026-12-04 (Fri), got 2026-12-11 (Fri)",)
    assert second.passed


def test_a_failing_kind_names_the_rule_and_your_rule_fixes_it(tmp_path: Path) -> None:
    case = """\
        tests:
          messages:
            - name: Initech's house style for no
              from: priya.patel@initech.com
              body: Sadly this one is a no from us.
              expect: {kind: rejection, answer: true}
        """
    result = only(run_config_tests(config(tmp_path, case)))
    # Unread as anything decisive, it is no answer either: the bot would still draft the check-in.
    assert result.problems == ('kind: expected "rejection", got "other"', "answer: expected true, got false")
    assert result.decided_by[0] == "kind other: no phrase rule matched"
    fixed = config(tmp_path, "replies:\n  rules:\n    rejection: ['is a no from us']\n"
                   + textwrap.dedent(case))
    result = only(run_config_tests(fixed))
    assert result.passed
    assert result.decided_by[0] == 'kind rejection: your rule replies.rules.rejection /is a no from us/ ("is a no from us")'


def test_headers_that_say_automatic_make_an_auto_reply(tmp_path: Path) -> None:
    cfg = config(tmp_path, """\
        tests:
          messages:
            - from: jane.roe@initech.com
              subject: Thank you
              body: Thanks, I'll pass this on.
              headers: {Auto-Submitted: auto-replied}
              expect: {kind: auto_reply, answer: false}
        """)
    result = only(run_config_tests(cfg))
    assert result.passed
    assert result.decided_by[1] == "answer: auto reply: no person wrote it to you"


def test_who_speaks_for_the_company(tmp_path: Path) -> None:
    # A shipped hiring system (Lever) naming Initech speaks for it, in the daemon and so here;
    # an unknown one speaks for nobody until replies.senders names it.
    shipped = """\
        tests:
          messages:
            - name: the hiring system writes for Initech
              from: Initech Recruiting <no-reply@hire.lever.co>
              company: initech.com
              body: We have decided to move forward with other candidates.
              expect: {kind: rejection, answer: true}
        """
    assert only(run_config_tests(config(tmp_path, shipped))).passed
    case = shipped.replace("hire.lever.co", "jobs.example-ats.com")
    result = only(run_config_tests(config(tmp_path, case)))
    assert result.problems == ("answer: expected true, got false",)
    assert result.decided_by[1] == "answer: no-reply@jobs.example-ats.com is not from the company side of any open process"
    fixed = config(tmp_path, "replies:\n  senders: ['@jobs.example-ats.com']\n" + textwrap.dedent(case))
    assert only(run_config_tests(fixed)).passed


# --- the section itself ------------------------------------------------------------------------


def test_mistakes_in_cases_are_config_errors_at_their_lines(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        tests:
          events:
            - title: Dentist
              organiser: x@y.com
              expect: {interview: false, company: Smile}
          messages:
            - from: not an address
              expect: {kind: rejected}
            - from: a@b.com
              expect: {promise: 2026-12-04}
            - from: a@b.com
              expect: {}
            - from: a@b.com
              expect: {promise: tomorrow}
        """)
    text = "\n".join(found)
    assert 'config.yaml:9: tests.events[0].organiser: unknown key (did you mean "organizer"?)' in text
    assert "config.yaml:10: tests.events[0].expect: company and role can only be expected of an interview" in text
    assert 'config.yaml:12: tests.messages[0].from: "not an address" is not an email address' in text
    assert "config.yaml:13: tests.messages[0].expect.kind: \"rejected\" is not one of 'rejection', 'offer'," in text
    assert "config.yaml:14: tests.messages[1]: a promised date is counted from when the message was sent" in text
    assert "config.yaml:17: tests.messages[2].expect: expects nothing" in text
    assert 'config.yaml:19: tests.messages[3].expect.promise: "tomorrow" is not a date (like "2026-12-11") or "none"' in text
    assert len(found) == 7


def test_the_kinds_a_case_can_expect_are_the_kinds_of_reply() -> None:
    assert ReplyKindName.__args__ == REPLY_KINDS  # type: ignore[attr-defined]


def test_cases_use_the_rules_the_bot_runs_with(tmp_path: Path) -> None:
    cfg = config(tmp_path, """\
        interviews: {match: ['\\bpairing session\\b'], use_default_rules: true, personal_domains: [myuni.edu]}
        companies: {initech.com: Initech}
        replies: {senders: ['@hire.lever.co'], rules: {rejection: ['no thanks']}}
        """)
    mine, bot = case_rules(cfg), settings_from_config(cfg)
    assert mine.detection == bot.rules
    assert (mine.tz, mine.country) == (bot.reading.tz, bot.reading.country)
    assert mine.reply_rules == bot.reading.extra_rules
    assert mine.senders == bot.reading.extra_senders
    assert mine.detection.personal_domains == bot.reading.personal_domains


def test_no_cases_no_results(tmp_path: Path) -> None:
    assert run_config_tests(config(tmp_path, "")) == []
    assert date(2026, 1, 6).weekday() == 1  # the default day cases happen on is an ordinary Tuesday
