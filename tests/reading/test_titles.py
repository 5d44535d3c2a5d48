"""Event titles as scheduling tools and recruiters write them, and events that are no job interview.

A table from the tools' published docs and templates: each row is a title, who sent the
invitation (the context), whether it is one of the user's job interviews, and where the
title comes from. Rows marked "constructed" put a documented convention into a title.
The user is Peter Gibbons (peter.gibbons@gmail.com), currently at Initrode, interviewing at
Initech.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from bot.model import Attendee, CalendarEvent, Person, Response
from bot.reading.detect import DEFAULT_RULES, classify

ME = "peter.gibbons@gmail.com"
RULES = dataclasses.replace(DEFAULT_RULES, my_names=("Peter Gibbons",))
T0 = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)

GREENHOUSE_STAGES = ("Greenhouse interview plan stages (support.greenhouse.io/hc/en-us/articles/115002194903) as "
                     "published in a Greenhouse Harvest client: Application Review, Preliminary Phone Screen, "
                     "Codility Test, Phone Interview, Face to Face, Reference Check, Offer")
GOODTIME = ("GoodTime's recommended base templates: Recruiter Phone Screen, HM Phone Screen, HM Video Screen, "
            "Virtual Onsite (support.goodtime.io/articles/5841628800)")
PERSONIO = ("Personio interview types: Phone Interviews, Personal Interviews, Assessment Centers; screening and "
            "peer interviews (support.personio.de/hc/en-us/articles/115003390089, /360000891337)")
WORKABLE = ("Workable pipeline and reporting stages: Phone Screen, Interview, Video Interview, Hiring Manager "
            "Interview, VP/Exec Interview, 1st/2nd Round Interviews (resources.workable.com/customising-your-"
            "recruiting-pipeline; help.workable.com/hc/en-us/articles/4403965887255)")
HIRES100 = "100Hires default interview titles (help.100hires.com/en/article/how-to-schedule-interviews-1srq6cc)"
TPS = ("TPS = technical phone screen, HM call, HMTPS (leakcode.dev/glossary/tps; "
       "alexeymk.com/2021/09/15/hamtips.html)")


def _att(email: str, name: str = "", **kw: object) -> Attendee:
    return Attendee(email=email, name=name, response=Response.ACCEPTED, **kw)  # type: ignore[arg-type]


def _event(title: str, organizer: Person, attendees: tuple[Attendee, ...], organizer_is_self: bool = False) -> CalendarEvent:
    return CalendarEvent(calendar_id="primary", id="ev", status="confirmed", summary=title, start=T0,
                         end=T0 + timedelta(minutes=45), time_zone="Europe/London", organizer=organizer,
                         organizer_is_self=organizer_is_self, attendees=attendees)


def external(title: str) -> CalendarEvent:
    """Sent by the company's recruiting coordinator; an interviewer and the user attend."""
    return _event(title, Person("priya.patel@initech.com", "Priya Patel"), (
        _att("priya.patel@initech.com", "Priya Patel", is_organizer=True),
        _att("dana.lee@initech.com", "Dana Lee"), _att(ME, "Peter Gibbons", is_self=True)))


def outsider(title: str, organizer: str = "sessions@research.example") -> CalendarEvent:
    """Sent by someone outside who is not an employer: a research firm, a podcast, a careers office."""
    return _event(title, Person(organizer, "Host"), (_att(organizer, "Host", is_organizer=True),
                                                      _att(ME, "Peter Gibbons", is_self=True)))


def mine(title: str, *others: Attendee) -> CalendarEvent:
    """Put on the calendar by the user."""
    return _event(title, Person(ME, "Peter Gibbons"),
                  (_att(ME, "Peter Gibbons", is_self=True, is_organizer=True), *others), organizer_is_self=True)


def at_my_employer(title: str) -> CalendarEvent:
    """Sent by a colleague at the user's current employer to the user's personal address."""
    return _event(title, Person("hr@initrode.com", "Initrode HR"), (
        _att("hr@initrode.com", "Initrode HR", is_organizer=True), _att(ME, "Peter Gibbons", is_self=True)))


def candidate_invited(title: str) -> CalendarEvent:
    """The user's employer's coordinator invites the user (an interviewer) and the candidate."""
    return _event(title, Person("coordinator@initrode.com", "Coordinator"), (
        _att("coordinator@initrode.com", "Coordinator", is_organizer=True),
        _att("samir.n@gmail.com", "Samir Nagheenanajar"), _att(ME, "Peter Gibbons", is_self=True)))


INTERVIEWS = [
    ("Preliminary Phone Screen", external, GREENHOUSE_STAGES),
    ("Phone Interview", external, GREENHOUSE_STAGES),
    ("Face to Face", external, GREENHOUSE_STAGES),
    ("Codility Test", external, GREENHOUSE_STAGES),
    ("Take Home Test", external, "Greenhouse's special stage Take Home Test (greenhouse.io/features/manage-your-pipeline)"),
    ("Software Engineer - Peter Gibbons", external,
     "candidate calendar events created in the scheduler's calendar (support.greenhouse.io/hc/en-us/articles/"
     "28907201832731); SilkRoad pre-fills job name + candidate full name"),
    ("Interview with Initech", external,
     "Greenhouse interview confirmation .ics (support.greenhouse.io/hc/en-us/articles/360022120932); constructed"),
    ("Recruiter Phone Screen", external, GOODTIME),
    ("HM Phone Screen", external, GOODTIME),
    ("HM Video Screen", external, GOODTIME),
    ("Virtual Onsite", external, GOODTIME),
    ("[Hold] Virtual Onsite - Initech", external,
     "GoodTime's 'Add [Hold] to title of events on hold' (support.goodtime.io/hc/en-us/articles/1500008657122)"),
    ("Initech Interview - Peter Gibbons (Software Engineer)", external,
     "constructed from GoodTime's template variables; invites come from the company's Candidate Calendar"),
    ("Initech Interviews", external,
     "ModernLoop 'one event per day' (modernloop.zendesk.com/hc/en-us/articles/5260277895956); constructed"),
    ("Personal Interview", external, PERSONIO),
    ("Assessment Center", external, PERSONIO),
    ("Screening Interview", external, PERSONIO),
    ("Peer Interview", external, PERSONIO),
    ("Assessment Centre - Initech Graduate Programme", external, PERSONIO + "; British spelling"),
    ("Assessment Day", external, PERSONIO + "; constructed variant"),
    ("Probearbeitstag Initech", external, "constructed; the German trial day (DACH hiring step)"),
    ("Vorstellungsgespräch - Initech GmbH", external, "constructed; German for job interview (Personio DE)"),
    ("Entrevista de trabajo - Initech", external, "constructed; Spanish for job interview"),
    ("Phone Screen", external, WORKABLE),
    ("Interview", external, WORKABLE),
    ("Video Interview", external, WORKABLE),
    ("Hiring Manager Interview", external, WORKABLE),
    ("VP Interview", external, WORKABLE),
    ("Exec Interview", external, WORKABLE),
    ("1st Round Interview", external, WORKABLE),
    ("2nd Round Interview", external, WORKABLE),
    ("Technical Interview", external, HIRES100),
    ("Culture Interview", external, HIRES100),
    ("Final Interview", external, HIRES100),
    ("Panel Interview - Data Engineer", external, HIRES100),
    ("Behavioral Interview", external, "interview types glossary (www.prelim.chat/glossary)"),
    ("Recruiter Screen", external, "Lever scheduling (help.lever.co/hc/en-us/articles/20087302635421)"),
    ("Technical Screen", external, "public tracker columns: Recruiter Screen, Technical Screen, Cultural Interview"),
    ("Tech screen w/ Initech", external, "constructed; 'w/' as recruiters type it"),
    ("TPS - Initech (Software Engineer)", external, TPS),
    ("HMTPS - Initech", external, TPS),
    ("HM call w/ Dana", external, TPS),
    ("Onsite Interview Loop - Initech", external,
     "Lever 'on-sites with hiring managers', Ashby 'an onsite with multiple panels' (docs.ashbyhq.com)"),
    ("Intro call - Initech x Peter", external,
     "'Stage 1: introductory call, held by internal or external recruiter' (securevision.io, Greenhouse stages)"),
    ("Recruiter Call", external, "a Calendly event type on a recruiter's page (help.calendly.com); constructed"),
    ("Talent Acquisition Call", external, "constructed; a recruiter call under another name"),
    ("TA Screen", external, "constructed; TA = talent acquisition"),
    ("Chat with the recruiting team", external, "constructed; a recruiter call under another name"),
    ("Call with Dana (Recruiter)", external, "constructed; the person's role in brackets"),
    ("HR Manager – First Interview", external,
     "Jobtrain's example event (clientsupport.jobtrain.co.uk/support/solutions/articles/77000594736)"),
    ("Job Interview", external, "Cal.com's example event type (docs.cal.com/docs/core-features/event-types)"),
    ("Job Interview between Bill Lumbergh and Peter Gibbons", external,
     "booking tools' {Event type} between {Organiser} and {Scheduler} (docs.cal.com); constructed"),
    ("30 Minute Meeting", external, "a booking tool's default event name (meeva.app/docs/guide/event-types)"),
    ("Interview invitation - Initech", external,
     "Teamtailor: the meeting title is the invitation's subject (support.teamtailor.com/en/articles/8355597)"),
    ("On-Campus Interview: Initech (Career Services, Room 2088)", lambda t: outsider(t, "careers@usf.example"),
     "on-campus interviews via the careers office (usf.edu/career-services/employer-relations)"),
    ("HireVue video interview for Initech - due Friday", mine,
     "the user's own reminder of a HireVue on-demand interview (hirevuehelpcenter.zendesk.com)"),
]

NOT_INTERVIEWS = [
    ("Reference Check", external, GREENHOUSE_STAGES + " (the company calls the referee)"),
    ("Exit Interview - Peter Gibbons", at_my_employer,
     "Cleary's offboarding step creates a calendar event (support.gocleary.com/hc/en-us/articles/19164077647515)"),
    ("Stay Interview with your manager", at_my_employer, "constructed; an HR retention conversation"),
    ("Interview: Samir Nagheenanajar for Software Engineer", candidate_invited,
     "interviewer-side invitations (support.greenhouse.io/hc/en-us/articles/201913110); the user interviews"),
    ("Software Engineer - Samir Nagheenanajar", candidate_invited,
     "SilkRoad's job + candidate full name, with someone else's name: the user interviews"),
    ("Interview with candidate Samir Nagheenanajar", mine, "constructed; the user interviews"),
    ("Hiring debrief - Samir N. (SWE)", at_my_employer, "constructed; the interviewers' debrief"),
    ("Interview Training: Structured Interviewing 101", at_my_employer, "interviewer training (prelim.chat/glossary)"),
    ("Customer Interview: Chotchkie's onboarding feedback", lambda t: mine(t, _att("joanna@chotchkies.example")),
     "a moderated customer interview (help.lyssna.com/en/articles/8042472)"),
    ("Initech", outsider, "Lyssna fills the session name with the company's name (help.lyssna.com/en/articles/8042472)"),
    ("User Interviews: 45-min research session with Initech", outsider,
     "a research-recruitment platform's session (userinterviews.com/ux-research-field-guide-chapter)"),
    ("Usability Study Session (60 min)", outsider, "moderated usability test (help.usabilityhub.com)"),
    ("Focus Group - Initech mobile app", outsider,
     "research sessions with .ics invites (help.fuelcycle.com/hc/en-us/articles/44603127378331)"),
    ("Podcast Interview: The Jumpstart Podcast (recording)", outsider,
     "podcast guests booked through an appointment type (imanapprentice.com/scheduling-process-for-podcast-guests)"),
    ("Initech Tech Talks podcast - guest recording with Peter Gibbons", lambda t: outsider(t, "studio@initech.com"),
     "guest-booking tools (docs.tiii.io/entities/guest-booking.html): the company's own podcast"),
    ("Media interview - Business Insider (phone)", outsider,
     "press interviews assistants schedule (workmate.com/blog/scheduling-etiquette-playbook-for-assistants)"),
    ("Spring Virtual Career Fair - Initech booth (10 min 1:1)", outsider,
     "Handshake fairs' 10-minute 1:1 sessions (uwrf.edu/CareerFair/Employers/Employer-FAQs.cfm)"),
    ("Initech Careers Evening - London office", lambda t: outsider(t, "events@initech.com"),
     "constructed; a UK employer's careers evening"),
    ("Employer Information Session: Initech", outsider, "careers offices' information sessions (southeastern.edu)"),
    ("Webinar: Life at Initech - Meet the Engineering Team", lambda t: outsider(t, "events@initech.com"),
     "employer webinars (uwrf.edu/CareerFair/Employers/Employer-FAQs.cfm)"),
    ("Mock Interview - Career Center", outsider, "career-centre mock interviews (miamistudent.net)"),
    ("Mock interview (Initech onsite practice) w/ Joanna", outsider, "career-centre mock interviews; constructed"),
    ("Interview prep: Initech system design", mine, "constructed; the user's own prep block"),
    ("30 Minute Meeting", lambda t: mine(t, _att("friend@gmail.com")),
     "booked on the user's own booking page (meeva.app/docs/guide/event-types)"),
]


@pytest.mark.parametrize(("title", "context", "source"), INTERVIEWS, ids=[t for t, _, _ in INTERVIEWS])
def test_titles_that_are_interviews(title: str, context: object, source: str) -> None:
    verdict = classify(context(title), frozenset({ME}), RULES)  # type: ignore[operator]
    assert verdict.is_interview, verdict.reason
    assert source


@pytest.mark.parametrize(("title", "context", "source"), NOT_INTERVIEWS, ids=[t for t, _, _ in NOT_INTERVIEWS])
def test_titles_that_are_not_the_users_job_interviews(title: str, context: object, source: str) -> None:
    verdict = classify(context(title), frozenset({ME}), RULES)  # type: ignore[operator]
    assert not verdict.is_interview, verdict.reason
    assert source


def test_the_table_is_big_enough() -> None:
    assert len(INTERVIEWS) + len(NOT_INTERVIEWS) >= 40 and len(NOT_INTERVIEWS) >= 10


def test_your_name_in_a_role_title_needs_an_outside_organizer() -> None:
    assert not classify(mine("Software Engineer - Peter Gibbons"), frozenset({ME}), RULES).is_interview


def test_a_role_title_naming_a_colleague_of_the_organizer_stays_an_interview() -> None:
    # "<Role> - <Name>" where the name is an interviewer at the company: nobody says the user interviews.
    verdict = classify(external("Interview: Dana Lee for Data Analyst"), frozenset({ME}), RULES)
    assert verdict.is_interview, verdict.reason


def test_your_own_reminder_naming_your_interviewer_stays_an_interview() -> None:
    event = mine("Jane Roe - Data Analyst Interview", _att("jane.roe@initech.com", "Jane Roe"))
    assert classify(event, frozenset({ME}), RULES).is_interview


def test_an_agency_organised_title_naming_the_interviewer_stays_an_interview() -> None:
    event = _event("Interview: Jane Roe for Data Analyst", Person("nina@hays.com", "Nina"), (
        _att("nina@hays.com", "Nina", is_organizer=True), _att("jane.roe@initech.com", "Jane Roe"),
        _att(ME, "Peter Gibbons", is_self=True)))
    assert classify(event, frozenset({ME}), RULES).is_interview


def test_without_knowing_the_users_name_nobody_is_someone_else() -> None:
    verdict = classify(candidate_invited("Software Engineer - Peter Gibbons"), frozenset({"pg1984@gmail.com"}),
                       DEFAULT_RULES)
    assert "you are the interviewer" not in verdict.reason
