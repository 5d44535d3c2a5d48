"""Interview detection: a table of real-world invitations, both ways, and what is extracted."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from interview_bot.model import Attendee, CalendarEvent, DetectionRules, Interview, InterviewStatus, Person, Response
from interview_bot.reading.detect import DEFAULT_RULES, classify, detect
from interview_bot.reading.extract import clean_text, company_for_domain, find_meeting_link, parse_title, registrable_label

ME = "dale.simon@gmail.com"
MY = frozenset({ME})
WORK = "dale@hooli.com"  # the user's day job, for "the user is the interviewer" cases
T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


# --- builders ---------------------------------------------------------------------------------


def att(email: str, name: str = "", response: Response = Response.ACCEPTED, **kw: Any) -> Attendee:
    return Attendee(email=email, name=name, response=response, **kw)


def me(response: Response = Response.ACCEPTED, email: str = ME) -> Attendee:
    return Attendee(email=email, name="Dale Simon", response=response, is_self=True)


def event(summary: str, *attendees: Attendee, organizer: str | None = None, organizer_name: str = "",
          organizer_is_self: bool = False, **kw: Any) -> CalendarEvent:
    fields: dict[str, Any] = {
        "calendar_id": "primary", "id": "ev1", "status": "confirmed", "summary": summary,
        "start": T0, "end": T0 + timedelta(minutes=45), "time_zone": "America/New_York",
        "organizer": Person(organizer, organizer_name) if organizer else None,
        "organizer_is_self": organizer_is_self, "attendees": attendees,
    }
    return CalendarEvent(**{**fields, **kw})


def invite(summary: str, *people: Attendee, org: str = "jane.roe@initech.com", org_name: str = "Jane Roe",
           response: Response = Response.ACCEPTED, **kw: Any) -> CalendarEvent:
    """An invitation someone else sent the user: the organizer attends, the user is invited."""
    organizer = att(org, org_name, is_organizer=True)
    return event(summary, organizer, me(response), *people, organizer=org, organizer_name=org_name, **kw)


def own(summary: str, *people: Attendee, my_email: str = ME, **kw: Any) -> CalendarEvent:
    """An event the user put on their own calendar."""
    attendees = (att(my_email, "Dale Simon", is_self=True, is_organizer=True), *people) if people else ()
    return event(summary, *attendees, organizer=my_email, organizer_is_self=True, **kw)


def must(ev: CalendarEvent, my: frozenset[str] = MY, rules: DetectionRules = DEFAULT_RULES) -> Interview:
    verdict = classify(ev, my, rules)
    assert verdict.is_interview, verdict.reason
    assert verdict.interview is not None
    return verdict.interview


# --- which events are interviews --------------------------------------------------------------

INTERVIEWS = [
    pytest.param(invite("Interview with Jane Roe for Senior Engineer at Initech"), id="greenhouse-with-for-at"),
    pytest.param(invite("Initech - Onsite Interview - Dale Simon", att("bob@initech.com", "Bob Lee")), id="greenhouse-onsite"),
    pytest.param(invite("Dale Simon <> Globex: Phone Screen", org="sam@globex.com"), id="lever"),
    pytest.param(invite("Dale Simon <> Initech | Technical Interview"), id="ashby"),
    pytest.param(invite("Initech Interview - Dale Simon", description="Powered by GoodTime"), id="goodtime"),
    pytest.param(invite("Dale Simon and Jane Roe - 30 Minute Intro Call", description="Calendly"), id="calendly-custom"),
    pytest.param(invite("30 Minute Meeting between Jane Roe and Dale Simon"), id="calendly-default"),
    pytest.param(invite("Interview Scheduled: Data Analyst - Initech", org="talent@myworkday.com"), id="workday"),
    pytest.param(own("Interview: Data Analyst - Initech"), id="hand-typed-interview"),
    pytest.param(own("Phone Screen: Globex <> Dale Simon"), id="hand-typed-phone-screen"),
    pytest.param(own("Onsite"), id="onsite"),
    pytest.param(own("On-site: Initech"), id="on-site-hyphen"),
    pytest.param(own("Technical screen"), id="technical-screen"),
    pytest.param(own("Hiring manager chat"), id="hiring-manager"),
    pytest.param(own("Final round"), id="final-round"),
    pytest.param(own("2nd round - Initech"), id="second-round"),
    pytest.param(invite("Recruiter call"), id="recruiter-call"),
    pytest.param(invite("Coding interview"), id="coding"),
    pytest.param(invite("System design interview"), id="system-design"),
    pytest.param(invite("Panel interview"), id="panel"),
    pytest.param(invite("Culture fit"), id="culture-fit"),
    pytest.param(invite("Take-home review"), id="take-home"),
    pytest.param(invite("Superday"), id="superday"),
    pytest.param(invite("Intro call with Initech"), id="intro-call-external"),
    pytest.param(own("Chat with Jane (Initech)"), id="chat-with-name-company"),
    pytest.param(invite("Chat with Jane"), id="chat-from-company-organizer"),
    pytest.param(invite("Informational interview"), id="informational"),
    pytest.param(invite("Dale / Initech", description='<a href="https://app.greenhouse.io/x">details</a>'),
                 id="description-greenhouse"),
    pytest.param(invite("Catch up", description="Schedule via https://jobs.lever.co/initech"), id="description-lever"),
    pytest.param(invite("Dale Simon", description="Booked with https://app.ashbyhq.com/"), id="description-ashby"),
    pytest.param(invite("Ｉｎｔｅｒｖｉｅｗ"), id="fullwidth"),
    pytest.param(invite("INTERVIEW - INITECH"), id="upper-case"),
    pytest.param(invite("Phone screen", org="recruiter.jane@gmail.com"), id="recruiter-on-gmail"),
    pytest.param(invite("Interview", response=Response.TENTATIVE), id="tentative"),
    pytest.param(invite("Interview", recurring_event_id="series1"), id="recurring-with-company"),
    pytest.param(own("Interview: Backend Engineer - Initech", att("jane@initech.com"), my_email=WORK),
                 id="work-user-with-outsider"),
]


@pytest.mark.parametrize("ev", INTERVIEWS)
def test_interviews_are_detected(ev: CalendarEvent) -> None:
    interview = must(ev, MY | {WORK})
    assert interview.status is InterviewStatus.ACTIVE
    assert detect(ev, MY | {WORK}) == interview


NOT_INTERVIEWS = [
    pytest.param(own("Dentist"), id="dentist"),
    pytest.param(own("Gym"), id="gym"),
    pytest.param(own("Lunch with Mom", att("mom@gmail.com", "Mom")), id="lunch-with-mom"),
    pytest.param(invite("Call with Mom", org="mom@gmail.com", org_name="Mom"), id="call-from-personal-organizer"),
    pytest.param(own("Mock interview", att("friend@gmail.com")), id="mock"),
    pytest.param(own("Interview prep"), id="interview-prep"),
    pytest.param(own("Prep for Initech interview"), id="prep-for"),
    pytest.param(own("Practice interview"), id="practice"),
    pytest.param(own("Interviewer training"), id="interviewer-training"),
    pytest.param(own("Interview debrief"), id="debrief"),
    pytest.param(invite("Webinar: How to ace your interview", org="events@careerhub.com"), id="webinar"),
    pytest.param(own("Travel to Initech onsite"), id="travel-block"),
    pytest.param(own("Send thank-you notes for Initech interview"), id="thank-you-reminder"),
    pytest.param(own("Out of office"), id="ooo"),
    pytest.param(own("OOO - vacation"), id="ooo-short"),
    pytest.param(own("Focus time"), id="focus"),
    pytest.param(own("Interview: Candidate Bob - Backend Engineer", att("priya@hooli.com"), att("li@hooli.com"),
                     my_email=WORK), id="user-is-interviewer"),
    pytest.param(event("Onsite interview: Bob Candidate", att("recruiter@hooli.com", is_organizer=True),
                       me(email=WORK), att("li@hooli.com"), organizer="recruiter@hooli.com"), id="internal-panel"),
    pytest.param(event("Weekly 1:1", att("boss@hooli.com", is_organizer=True), me(email=WORK),
                       organizer="boss@hooli.com", recurring_event_id="weekly"), id="recurring-internal"),
    pytest.param(own("Interview practice group", att("pal@gmail.com"), recurrence=("RRULE:FREQ=WEEKLY",)),
                 id="recurring-practice"),
    pytest.param(own("Interview", att("pal@gmail.com"), recurrence=("RRULE:FREQ=WEEKLY",)),
                 id="recurring-personal-only"),
    pytest.param(invite("Coffee chat with Jane", recurring_event_id="r"), id="recurring-booking"),
    pytest.param(invite("Dale Simon and Dr. Smith - Cleaning", org="frontdesk@smiledental.com",
                        description="Booked with Calendly"), id="dentist-via-calendly"),
    pytest.param(invite("Birthday party", org="friend@gmail.com"), id="party"),
    pytest.param(own("Notes", att("jane@initech.com"), description="https://app.greenhouse.io/"),
                 id="description-on-own-event"),
    pytest.param(invite("Quarterly review", org="acct@bank.com"), id="external-no-keyword"),
]


@pytest.mark.parametrize("ev", NOT_INTERVIEWS)
def test_non_interviews_are_not_detected(ev: CalendarEvent) -> None:
    verdict = classify(ev, MY | {WORK})
    assert not verdict.is_interview
    assert verdict.interview is None
    assert verdict.reason
    assert detect(ev, MY | {WORK}) is None


def test_ignore_wins_over_match_and_reason_says_so() -> None:
    verdict = classify(invite("Mock interview with Initech"), MY)
    assert not verdict.is_interview and "ignore" in verdict.reason


def test_internal_reason_names_the_domain() -> None:
    ev = own("Interview: Candidate Bob", att("priya@hooli.com"), my_email=WORK)
    assert "hooli.com" in classify(ev, frozenset({WORK})).reason


def test_user_rules_add_matches_and_can_switch_off_bookings() -> None:
    rules = dataclasses.replace(DEFAULT_RULES, match=(*DEFAULT_RULES.match, r"\bvibe check\b"))
    assert must(invite("Vibe check"), rules=rules).company == "Initech"
    no_booking = dataclasses.replace(DEFAULT_RULES, external_organizer_is_interview=False)
    assert detect(invite("Dale Simon and Jane Roe - 30 Minute Intro Call"), MY, no_booking) is None


def test_my_emails_are_case_insensitive() -> None:
    ev = own("Interview: Candidate Bob", att("Priya@Hooli.com"), my_email="Dale@Hooli.com")
    assert detect(ev, frozenset({"DALE@HOOLI.COM"})) is None


# --- interviewers -----------------------------------------------------------------------------


def test_interviewers_are_people_other_than_the_user() -> None:
    ev = invite(
        "Onsite interview",
        att("bob@initech.com", "Bob Lee"),
        att("Bob@Initech.com", "Bob again"),  # duplicate in another case
        att("room-4@resource.calendar.google.com", "Room 4 (8)", is_resource=True),
        att("initech.com_abc@resource.calendar.google.com", "Boardroom"),
        att("initech.com_eng@group.calendar.google.com", "Eng calendar"),
        att("eng-interviewers@googlegroups.com", "Interviewers"),
        att("no-reply@initech.com"),
        att("noreply+x1@initech.com"),
        att("calendar-notification@google.com"),
        att("scheduling@initech.com"),
        att("ops@greenhouse.io", "Greenhouse"),
        att("bot@calendly.com"),
        att("recruiting@initech.com", "Initech Recruiting"),
        att("hiring@initech.com"),
        att("team@initech.com"),
        att("dale.s@protonmail.com", "Dale (alias)"),
        att("kim@initech.com", "Kim Park", response=Response.DECLINED),
        att("lee@initech.com", "Lee Wong", response=Response.NEEDS_ACTION, optional=True),
    )
    interview = must(ev, MY | {"dale.s@protonmail.com"})
    assert [p.email for p in interview.interviewers] == ["jane.roe@initech.com", "bob@initech.com", "lee@initech.com"]
    assert interview.interviewers[1].name == "Bob Lee"


def test_external_organizer_not_attending_is_an_interviewer() -> None:
    ev = event("Phone screen", me(), att("bob@initech.com", "Bob"), organizer="jane@initech.com",
               organizer_name="Jane Roe")
    interview = must(ev)
    assert [p.email for p in interview.interviewers] == ["bob@initech.com", "jane@initech.com"]
    assert interview.organizer == Person("jane@initech.com", "Jane Roe")


def test_scheduling_system_organizer_is_not_an_interviewer() -> None:
    ev = event("Interview", me(), att("bob@initech.com", "Bob"), organizer="no-reply@greenhouse.io")
    assert [p.email for p in must(ev).interviewers] == ["bob@initech.com"]


def test_self_flag_counts_as_me_even_without_the_alias() -> None:
    ev = invite("Interview", att("jane@initech.com"))
    interview = must(ev, frozenset())
    assert ME not in [p.email for p in interview.interviewers]


def test_colleagues_at_my_work_domain_are_not_thanked() -> None:
    ev = invite("Interview", att("pal@hooli.com"), response=Response.ACCEPTED)
    interview = must(ev, frozenset({ME, WORK}))
    assert "pal@hooli.com" not in [p.email for p in interview.interviewers]


# --- company ----------------------------------------------------------------------------------

COMPANIES = [
    pytest.param(invite("Interview"), {}, "Initech", id="from-domain"),
    pytest.param(invite("Interview", org="jane@eng.initech.com"), {}, "Initech", id="subdomain-derived"),
    pytest.param(invite("Interview", org="jane@eng.initech.com"), {"initech.com": "Initech Corp."}, "Initech Corp.",
                 id="subdomain-mapped"),
    pytest.param(invite("Interview", org="jane@globex-corp.co.uk"), {}, "Globex Corp", id="co-uk-hyphen"),
    pytest.param(invite("Interview at OpenAI", org="sam@openai.com"), {}, "OpenAI", id="title-spelling"),
    pytest.param(invite("INTERVIEW AT INITECH"), {}, "Initech", id="shouted-title-keeps-derived"),
    pytest.param(invite("Interview", org="ann@ibm.com"), {}, "IBM", id="initials"),
    pytest.param(invite("Interview: Data Analyst - Initech", org="recruiter@gmail.com"), {}, "Initech",
                 id="personal-domain-falls-back-to-title"),
    pytest.param(invite("Interview", org="recruiter@gmail.com"), {}, "", id="personal-and-no-title"),
    pytest.param(own("Interview: Data Analyst - Initech"), {}, "Initech", id="no-attendees-title"),
    pytest.param(own("Chat with Jane (Initech)"), {}, "Initech", id="parenthesised"),
    pytest.param(invite("Interview", att("pm@initech.com"), att("eng@initech.com"), org="sara@hays-recruit.com"),
                 {}, "Initech", id="agency-organizer-attendees-win"),
    pytest.param(invite("Interview", att("pm@initech.com"), org="sara@hays.com"), {"hays.com": "Hays"}, "Hays",
                 id="mapped-domain-wins"),
    pytest.param(event("Interview: Data Analyst - Initech", me(), organizer="no-reply@myworkday.com"), {}, "Initech",
                 id="scheduler-domain-is-not-a-company"),
    pytest.param(invite("Interview", org="ana@greenhouse.io"), {"greenhouse.io": "Greenhouse"}, "Greenhouse",
                 id="interviewing-at-an-ats"),
    pytest.param(invite("Interview", org="jane@mail.yahoo.co.jp"), {}, "", id="personal-glob"),
    pytest.param(invite("Interview", org="jane@gmx.de"), {}, "", id="gmx"),
]


@pytest.mark.parametrize(("ev", "companies", "expected"), COMPANIES)
def test_company(ev: CalendarEvent, companies: dict[str, str], expected: str) -> None:
    rules = dataclasses.replace(DEFAULT_RULES, companies=companies)
    assert must(ev, rules=rules).company == expected


def test_company_domains_without_personal_scheduler_or_agency() -> None:
    ev = invite("Interview", att("pm@initech.com"), att("x@gmail.com"), att("n@greenhouse.io"),
                att("eng@initech.co.uk"), org="sara@hays.com")
    interview = must(ev)
    assert interview.company_domains == ("initech.com", "initech.co.uk")  # the same organisation
    assert [a.email for a in interview.agents] == ["sara@hays.com"]  # the agency that arranged it


def test_interviewing_at_an_ats_keeps_its_people_once_mapped() -> None:
    rules = dataclasses.replace(DEFAULT_RULES, companies={"greenhouse.io": "Greenhouse"})
    interview = must(invite("Interview", org="ana@greenhouse.io"), rules=rules)
    assert [p.email for p in interview.interviewers] == ["ana@greenhouse.io"]


@pytest.mark.parametrize(("domain", "label"), [
    ("initech.com", "initech"), ("eng.initech.com", "initech"), ("globex.co.uk", "globex"),
    ("a.b.globex.com.au", "globex"), ("localhost", "localhost"), ("", ""),
])
def test_registrable_label(domain: str, label: str) -> None:
    assert registrable_label(domain) == label


def test_company_for_domain_prefers_longest_mapping() -> None:
    companies = {"initech.com": "Initech", "labs.initech.com": "Initech Labs"}
    assert company_for_domain("x.labs.initech.com", companies) == ("Initech Labs", True)
    assert company_for_domain("initech.com", companies) == ("Initech", True)
    assert company_for_domain("notinitech.com", companies) == ("Notinitech", False)


# --- role -------------------------------------------------------------------------------------

ROLES = [
    ("Interview: Data Analyst - Initech", "Data Analyst", "Initech"),
    ("Interview with Jane Roe for Senior Engineer at Initech", "Senior Engineer", "Initech"),
    ("Initech - Senior Engineer - Onsite", "Senior Engineer", "Initech"),
    ("Initech - Onsite Interview - Dale Simon", "", "Initech"),
    ("Dale Simon <> Globex: Phone Screen", "", "Globex"),
    ("Dale Simon <> Initech | Technical Interview", "", "Initech"),
    ("Phone Screen: Globex <> Dale Simon", "", "Globex"),
    ("Interview Scheduled: Data Analyst - Initech", "Data Analyst", "Initech"),
    ("Interview Scheduled: Senior Data Analyst (R12345) at Initech", "Senior Data Analyst", "Initech"),
    ("Interview for Backend Engineer (Globex)", "Backend Engineer", "Globex"),
    ("Senior Engineer Interview", "Senior Engineer", ""),
    ("Engineering Manager Interview - Hooli", "Engineering Manager", "Hooli"),
    ("Hiring manager chat", "", ""),
    ("Interview: Food Prep Cook - Chipotle", "Food Prep Cook", "Chipotle"),
    ("Intro call with Initech", "", "Initech"),
    ("Interview with Jane Roe", "", ""),
    ("Dale Simon and Jane Roe - 30 Minute Intro Call", "", ""),
    ("Globex Corp: Final round", "", "Globex Corp"),
    ("Onsite", "", ""),
    ("", "", ""),
]


@pytest.mark.parametrize(("title", "role", "company"), ROLES)
def test_parse_title(title: str, role: str, company: str) -> None:
    parts = parse_title(title, [frozenset({"dale", "simon"}), frozenset({"jane", "roe"})])
    assert (parts.role, parts.company) == (role, company)


def test_role_reaches_the_interview() -> None:
    assert must(invite("Interview with Jane Roe for Senior Engineer at Initech")).role == "Senior Engineer"


# --- status -----------------------------------------------------------------------------------


def test_declined_is_returned_as_declined() -> None:
    verdict = classify(invite("Phone screen", response=Response.DECLINED), MY)
    assert verdict.is_interview and verdict.interview is not None
    assert verdict.interview.status is InterviewStatus.DECLINED
    assert "declined" in verdict.reason


def test_cancelled_with_details_is_returned_as_cancelled() -> None:
    verdict = classify(invite("Phone screen", status="cancelled"), MY)
    assert verdict.cancelled and verdict.interview is not None
    assert verdict.interview.status is InterviewStatus.CANCELLED


def test_cancelled_without_details_is_cancelled_unknown() -> None:
    bare = CalendarEvent(calendar_id="primary", id="ev9", status="cancelled")
    verdict = classify(bare, MY)
    assert verdict.cancelled and not verdict.is_interview and verdict.interview is None
    assert verdict.key == "primary/ev9"


def test_cancelled_non_interview_still_says_cancelled() -> None:
    verdict = classify(own("Dentist", status="cancelled"), MY)
    assert verdict.cancelled and not verdict.is_interview


def test_canceled_prefix_in_title() -> None:
    assert must(invite("Canceled: Interview with Initech")).status is InterviewStatus.CANCELLED


def test_cancelled_wins_over_declined() -> None:
    ev = invite("Interview", response=Response.DECLINED, status="cancelled")
    assert must(ev).status is InterviewStatus.CANCELLED


# --- all-day, times ---------------------------------------------------------------------------


def test_all_day_excluded_by_default_and_included_by_rule() -> None:
    ev = invite("Onsite interview", all_day=True)
    verdict = classify(ev, MY)
    assert not verdict.is_interview and "all-day" in verdict.reason
    assert detect(ev, MY, dataclasses.replace(DEFAULT_RULES, include_all_day=True)) is not None


def test_times_and_zone() -> None:
    interview = must(invite("Interview"))
    assert (interview.start, interview.end, interview.time_zone) == (T0, T0 + timedelta(minutes=45), "America/New_York")
    no_zone = detect(invite("Interview", time_zone=""), MY, DEFAULT_RULES, "Europe/Berlin")
    assert no_zone is not None and no_zone.time_zone == "Europe/Berlin"


def test_missing_or_backwards_end_becomes_start() -> None:
    assert must(invite("Interview", end=None)).end == T0
    assert must(invite("Interview", end=T0 - timedelta(hours=1))).end == T0


def test_no_start_is_not_an_interview() -> None:
    assert detect(invite("Interview", start=None), MY) is None


def test_ids() -> None:
    interview = must(invite("Interview", calendar_id="work@x.com", id="abc"))
    assert (interview.id, interview.calendar_id, interview.event_id) == ("work@x.com/abc", "work@x.com", "abc")


# --- meeting link -----------------------------------------------------------------------------

LINKS = [
    pytest.param({"meeting_link": "https://meet.google.com/abc-defg-hij"}, "https://meet.google.com/abc-defg-hij", id="field"),
    pytest.param({"location": "https://initech.zoom.us/j/123?pwd=xyz"}, "https://initech.zoom.us/j/123?pwd=xyz", id="zoom-location"),
    pytest.param({"description": '<a href="https://teams.microsoft.com/l/meetup-join/19%3a?a=1&amp;b=2">Join</a>'},
                 "https://teams.microsoft.com/l/meetup-join/19%3a?a=1&b=2", id="teams-html"),
    pytest.param({"description": "Join: https://initech.webex.com/meet/jane."}, "https://initech.webex.com/meet/jane", id="webex"),
    pytest.param({"location": "Building 4, https://maps.google.com/x",
                  "description": "Greenhouse: https://app.greenhouse.io/x then https://zoom.us/j/9"},
                 "https://zoom.us/j/9", id="skips-non-meeting-urls"),
    pytest.param({"location": "https://evil.com/zoom.us/j/1"}, "", id="host-not-path"),
    pytest.param({"location": "Room 4"}, "", id="none"),
]


@pytest.mark.parametrize(("fields", "link"), LINKS)
def test_meeting_link(fields: dict[str, str], link: str) -> None:
    assert must(invite("Interview", **fields)).meeting_link == link


def test_meeting_link_field_wins() -> None:
    assert find_meeting_link(["https://meet.google.com/a", "https://zoom.us/j/1"]) == "https://meet.google.com/a"


# --- hostile input ----------------------------------------------------------------------------


def test_crlf_in_title_does_not_survive() -> None:
    title = "Interview: Data Analyst\r\nBcc: victim@example.com - Initech\r\n"
    interview = must(invite(title, org="recruiter@gmail.com"))
    for value in (interview.title, interview.company, interview.role):
        assert "\r" not in value and "\n" not in value
    assert interview.role == "Data Analyst"


def test_control_and_bidi_characters_are_stripped() -> None:
    assert clean_text("Init\u202eech\x00 \tCorp\u200b") == "Init ech Corp"
    interview = must(invite("Interview", att("bob@initech.com", "Bob\r\nLee")))
    assert interview.interviewers[1].name == "Bob Lee"


def test_malformed_values_are_tolerated() -> None:
    ev = event(
        None,  # type: ignore[arg-type]
        me(),
        att("", "Nobody"),
        att("not an address"),
        att("bob@initech.com", None),  # type: ignore[arg-type]
        organizer="jane@initech.com",
        description=None,
    )
    verdict = classify(ev, MY)
    assert not verdict.is_interview  # no title, nothing to go on
    weird = must(invite("Interview", att("bob@initech.com", None)))  # type: ignore[arg-type]
    assert weird.interviewers[1] == Person("bob@initech.com", "")


def test_long_title_is_capped() -> None:
    interview = must(invite("Interview " + "x" * 5000))
    assert len(interview.title) <= 300


# Constructed, to test how narrow the ignore rules are: words that rule an event out ("UX
# research", "webinar", "careers fair") may also be part of the job's name. When unsure, draft.
@pytest.mark.parametrize(("title", "interview"), [
    ("Interview: UX Research Lead at Initech", True),
    ("Initech | Webinar Producer | Interview", True),
    ("UX Research Session with Initech", False),  # the same words, and no job in it
    ("Webinar: Life at Initech", False),
    ("User Research Interview - Initech", False),
    ("Exit Interview", False),
])
def test_an_ignore_word_inside_the_job_title_does_not_rule_the_interview_out(title: str, interview: bool) -> None:
    verdict = classify(invite(title), MY, DEFAULT_RULES)
    assert verdict.is_interview is interview, verdict.reason
