"""The shipped rules for recognising interviews: titles that count, titles that never do, ATS
links, personal mail domains and scheduling robots. Config adds to them (`interviews:`).

Title rules are regexes, matched case-insensitively against the event's title. `ignore`
wins over `match`: an "exit interview" or a "podcast interview" is never a job interview for
the user, whatever else the title says. Sources for the scheduling tools' conventions are
in tests/reading/test_titles.py, next to the titles they were taken from.
"""

from __future__ import annotations

from interview_bot.model import DetectionRules
from interview_bot.reading.lang import LANGUAGES

DEFAULT_RULES = DetectionRules(
    match=(
        r"\binterview",  # interview, interviews, interviewing (ATS and hand-typed alike)
        r"\b(?:phone|tech(?:nical)?|recruiter|hr|initial|video|first|intro(?:ductory)?|coding|hiring[\s-]+manager)[\s-]+screen(?:ing)?\b",
        r"\bscreening[\s-]+(?:call|chat|session)\b",
        r"\bon[\s-]?site\b",
        r"\bsuper[\s-]?day\b",
        r"\b(?:final|first|second|third|1st|2nd|3rd|\d+th|next)[\s-]+round\b",
        r"\bhiring[\s-]+manager\b",
        r"\b(?:recruiter|recruiting|recruitment|talent|hr)[\s-]+(?:call|chat|screen|conversation|meeting|intro|sync)\b",
        r"\btech(?:nical)?[\s-]+(?:assessment|round|call|chat|discussion|exercise)\b",
        r"\bcoding[\s-]+(?:challenge|exercise|session|assessment|round)\b",
        r"\bsystem[\s-]+design[\s-]+(?:round|session|exercise)\b",
        r"\bculture[\s-]+(?:fit|add)\b",
        r"\btake[\s-]?home\b",
        r"\bassessment[\s-]+(?:centre|center)\b",
        # "Chat with Jane (Initech)": a person and, in brackets, where they work.
        r"^\s*(?:quick\s+|intro\s+|coffee\s+)?(?:chat|call|conversation|video\s+call)\s+with\s+[^()]+\(\s*[^()\d]+\)\s*$",
        # Calls with a recruiter, whatever the tool calls them ("Talent Acquisition Call", "TA screen",
        # "Intro with the recruiting team", "Jane Roe (Recruiter)").
        r"\btalent[\s-]+acquisition[\s-]+(?:call|chat|screen|conversation|meeting|intro|sync|interview)\b",
        r"\bTA[\s-]+(?:call|chat|screen|intro|interview)\b",
        (r"\b(?:call|chat|conversation|intro|introduction|meeting|sync|catch[\s-]?up)\s+(?:with|w/)\s+(?:the\s+|a\s+|our\s+|your\s+)?"
         r"(?:recruiter|recruiting|recruitment|talent(?:\s+acquisition)?|TA)(?:\s+team)?\b"),
        r"\(\s*(?:recruiter|recruiting|talent(?:\s+acquisition)?|TA)\s*\)",
        r"\brecruiter[\s-]+(?:phone|video|zoom|intro(?:duction|ductory)?)\b",
        # Recruiters' abbreviations: HM = hiring manager, TPS = technical phone screen (GoodTime's
        # "HM Phone Screen" template; "TPS", "HMTPS" at Bay Area tech companies).
        r"\bHM[\s-]+(?:phone[\s-]+|video[\s-]+)?(?:screen|call|chat|interview|round|conversation|meeting|sync|intro)\b",
        r"\b(?:with|w/)\s+(?:the\s+)?HM\b",
        r"\b(?:HM)?TPS\b(?![\s-]*reports?\b)",
        # Interview types ATS ship (Greenhouse "Face to Face", Personio "Assessment Center"...) and
        # assessments booked as events.
        r"^\W*face[\s-]+to[\s-]+face(?:[\s-]+(?:interview|round|meeting))?\W*$",
        r"\bassessment[\s-]+(?:day|session)\b",
        r"\b(?:peer|culture|values)[\s-]+(?:chat|call|round|conversation|session)\b",
        r"\b(?:codility|hackerrank|codesignal|coderpad|karat|hirevue)\b",
        # German, Spanish and French names for a job interview and a trial day.
        r"\b(?:vorstellungs|bewerbungs|kennenlern|auswahl)gespr(?:ä|ae)ch",
        r"\bprobe(?:arbeits?tag|arbeiten|tag)\b",
        r"\bentrevista\b",
        r"\bentretien\s+(?:d'embauche|de\s+recrutement|t[ée]l[ée]phonique|rh|individuel)\b",
        # Every other language's words for a job interview and its rounds (interview_bot.reading.lang).
        *(word for lang in LANGUAGES for word in lang.interview_words),
    ),
    ignore=(
        r"\bmock\b",
        r"\bpractice[\s-]+(?:interview|session|round|screen)",
        r"\binterview[\s-]+(?:practice|prep(?:aration)?|coaching|tips|training|calibration|debrief|skills)\b",
        r"\bprep(?:are|aring|aration)?\s+(?:for|interview)\b",
        r"^\s*prep\s*[:\-–]",
        r"\binterviewer[\s-]+training\b",
        r"\bdebrief\b",
        r"\brehears",
        r"\b(?:webinar|workshop|career[\s-]+fair|job[\s-]+fair|info(?:rmation)?[\s-]+session|bootcamp)\b",
        r"\bout[\s-]+of[\s-]+(?:the[\s-]+)?office\b",
        r"^\s*ooo\b",
        r"\bfocus[\s-]+time\b",
        r"\bdo[\s-]+not[\s-]+(?:disturb|book|schedule)\b",
        r"^\s*(?:travel|commute|drive|flight|train)\b",  # the user's own block to get to an onsite
        r"\bthank[\s-]?you\b",  # the user's reminder to write one
        # "Interview" in the title, but never a job interview for the user (documented in the README):
        # exit and stay interviews at the user's own employer;
        r"\b(?:exit|stay|leavers?|offboarding)[\s-]+interviews?\b",
        # customer and user-research interviews, usability studies, focus groups;
        r"\b(?:customer|user|ux|research|discovery|usability|participant|stakeholder)[\s-]+(?:research[\s-]+)?interviews?\b",
        r"\b(?:usability|user|ux)[\s-]+(?:study|studies|test|testing|session|research)\b",
        r"\bresearch[\s-]+(?:session|study|participant)s?\b",
        r"\bfocus[\s-]+groups?\b",
        # podcast, press and media interviews the user gives;
        r"\b(?:press|media|radio|tv|television|newspaper|magazine|journalist|reporter|podcast)[\s-]+interviews?\b",
        r"\bpodcast[\s-]+(?:recording|episode|guest|taping|appearance)\b",
        r"\bguest[\s-]+(?:recording|appearance|episode|spot)\b",
        # careers fairs, evenings and employer webinars;
        r"\bcareers?[\s-]+(?:fair|evening|night|event|expo|day|festival)s?\b",
        r"\b(?:jobs?|recruitment|recruiting|graduate|grad)[\s-]+(?:fair|expo|evening)s?\b",
        r"\b(?:insight|open)[\s-]+(?:evening|day)s?\b",
        r"\bemployer[\s-]+(?:webinar|presentation|showcase|spotlight|event)s?\b",
        # reference checks (the company calls the referee, not the user);
        r"\breference[\s-]+checks?\b",
        # the user interviewing someone else.
        r"\binterview(?:ing)?\s+(?:with\s+)?(?:a\s+|the\s+|our\s+)?(?:candidate|applicant)s?\b",
        r"^\s*(?:candidate|applicant|interviewer)\s*[:\-–—]",
        r"\binterviewer[\s-]+(?:briefing|sync|kick[\s-]?off|huddle|prep)\b",
        r"\bhiring[\s-]+(?:committee|huddle|sync)\b",
    ),
    description_match=(
        r"greenhouse\.io",
        r"\blever\.co\b",
        r"ashbyhq\.com",
        r"goodtime\.io",
        r"powered\s+by\s+goodtime",
        r"myworkday(?:jobs)?\.com",
        r"smartrecruiters\.com",
        r"icims\.com",
        r"jobvite\.com",
        r"\bworkable\.com",
        r"\bgem\.com\b",
        r"modernloop\.io",
        r"hackerrank\.com",
        r"codesignal\.com",
        r"coderpad\.io",
        r"codility\.com",
        r"\bkarat\.(?:com|io)\b",
        r"\b(?:interview|candidate)\s+(?:schedule|itinerary|details|instructions|guide)\b",
        # Bare "Calendly" is left out on purpose: dentists and salons book through it too.
        # Calendly interviews are caught by the external-organizer rule instead.
    ),
    include_all_day=False,
    external_organizer_is_interview=True,
    companies={},
    personal_domains=(
        "gmail.com", "googlemail.com", "outlook.*", "hotmail.*", "live.com", "live.co.uk", "msn.com",
        "yahoo.*", "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com", "proton.me",
        "protonmail.com", "protonmail.ch", "pm.me", "aol.com", "gmx.*", "web.de", "mail.com",
        "zohomail.com", "yandex.*", "fastmail.com", "fastmail.fm", "hey.com", "tutanota.com",
        "duck.com", "qq.com", "163.com", "126.com", "naver.com", "comcast.net", "verizon.net",
        "att.net", "sbcglobal.net", "btinternet.com", "orange.fr", "free.fr", "laposte.net",
    ),
    scheduler_senders=(
        # Robots at any domain. A +tag or .suffix after the name counts: "no-reply+abc@".
        (
            r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|calendar[-_.]?notifications?"
            r"|calendar|scheduling|scheduler|interview[-_.]?scheduling|mailer[-_.]?daemon|bounces?|automated"
            r"|invites?|invitations?)(?:[+._\-][^@]*)?@"
        ),
        # Whole scheduling systems: a pattern that matches "@domain" marks the domain as no company.
        r"@(?:.+\.)?greenhouse\.io$",
        r"@(?:.+\.)?lever\.co$",
        r"@(?:.+\.)?ashbyhq\.com$",
        r"@(?:.+\.)?goodtime\.io$",
        r"@(?:.+\.)?calendly\.com$",
        r"@(?:.+\.)?myworkday\.com$",
        r"@(?:.+\.)?workday\.com$",
        r"@(?:.+\.)?gem\.com$",
        r"@(?:.+\.)?smartrecruiters\.com$",
        r"@(?:.+\.)?icims\.com$",
        r"@(?:.+\.)?jobvite\.com$",
        r"@(?:.+\.)?workablemail\.com$",
        r"@(?:.+\.)?modernloop\.io$",
        r"@(?:.+\.)?paradox\.ai$",
        r"@(?:.+\.)?hirevue\.com$",
        r"@(?:.+\.)?calendar-server\.bounces\.google\.com$",
    ),
)
