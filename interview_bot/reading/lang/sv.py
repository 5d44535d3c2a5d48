"""Swedish: avslag, erbjudanden, inbjudningar till nästa steg, besked om väntan och autosvar.

Sources of the phrasings are in tests/reading/data/lang/sv.yaml; the quoting forms come from
K-9/Thunderbird for Android's Swedish strings and Outlook's header labels.
"""

CODE = "sv"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:valt|välja|beslutat\s+att\s+anställa|anställt)\s+(?:en\s+)?(?:annan|andra)\s+(?:kandidat|sökande|person)",
        r"\b(?:gå|gått|går)\s+vidare\s+med\s+(?:en\s+)?(?:annan|andra|övriga)\b",
        r"\btyvärr\s+(?:\w+\s+){0,4}?(?:inte|ej)\s+(?:\w+\s+){0,2}?(?:vidare|aktuell|erbjuda|valts?)",
        r"\b(?:din\s+ansökan|du)\s+(?:\w+\s+){0,2}?(?:går|gick)\s+(?:tyvärr\s+)?inte\s+vidare",
        r"\b(?:beslutat|bestämt)\s+(?:oss\s+)?(?:för\s+)?att\s+inte\s+gå\s+vidare",
        r"\b(?:tjänsten|rollen|positionen)\s+(?:är|har\s+blivit|har)\s+(?:nu\s+)?tillsatt",
        r"\bintern\s+(?:kandidat|sökande)|\binternt\s+tillsatt",
    ),
    "offer": (
        r"\b(?:glädjen|nöjet|glada)\s+(?:\w+\s+){0,3}?(?:erbjuda|meddela\s+att\s+du\s+(?:har\s+)?fått\s+(?:tjänsten|jobbet))",
        r"\berbjuda\s+dig\s+(?:tjänsten|jobbet|rollen|en\s+anställning|anställning)",
        r"\banställningsavtal\w*\b.{0,40}\b(?:bifogat|bifogar|att\s+signera)",
        r"\b(?:jobberbjudande|anställningserbjudande)\b",
    ),
    "next_steps": (
        r"\bbjuda\s+in\s+(?:dig\s+)?till\s+(?:en\s+|ett\s+)?(?:\w+\s+)?(?:intervju|samtal|möte|träff|case)",
        r"\b(?:inbjudan|kallelse)\s+till\s+(?:\w+\s+)?(?:intervju|samtal)",
        r"\b(?:andra|nästa|sista|slutlig)\w*\s+(?:intervju|intervjun|omgång\w*|steg\w*)\b(?!\s*[?:])",
        r"\b(?:boka|föreslå|hitta)\s+(?:en\s+)?(?:\w+\s+)?tid\b",
        r"\bvidare\s+(?:till|i)\s+(?:nästa\s+steg|processen)",
        r"\bhar\s+gått\s+vidare\s+(?:i|till)\b",
        r"\b(?:vill|vilja)\s+(?:gärna\s+)?träffa\s+dig\b",
    ),
    "holding": (
        r"\b(?:återkommer|hör\s+av\s+oss|meddelar\s+(?:dig|besked))\b",
        r"\b(?:processen|rekryteringen)\s+(?:pågår|är\s+inte\s+(?:klar|avslutad))",
        r"\binget\s+(?:slutgiltigt\s+)?beslut\b",
        r"\btack\s+för\s+ditt\s+tålamod",
    ),
    "acknowledgement": (
        r"\b(?:tagit\s+emot|mottagit|fått)\s+(?:din|er)\s+(?:ansökan|e-?post|mejl|mail|cv)",
        r"\bansökan\s+har\s+(?:mottagits|kommit\s+in|registrerats)",
        r"\btack\s+för\s+din\s+ansökan\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"autosvar", r"automatiskt\s+svar", r"fr[åa]nvaro", r"inte\s+p[åa]\s+kontoret",
                                 r"ledighetsmeddelande")
AUTO_BODY: tuple[str, ...] = (
    r"\bjag\s+(?:är|har)\s+(?:\w+\s+){0,3}?(?:semester|ledig|frånvarande|tjänstledig|föräldraledig|inte\s+på\s+kontoret|borta)",
    r"\bunder\s+min\s+frånvaro\b",
)
SILENCE: tuple[str, ...] = (
    r"\bom\s+du\s+inte\s+(?:har\s+)?(?:hört|fått)\s+(?:\w+\s+){0,4}?(?:från\s+oss|besked|svar)",
)
INTERVIEW_WORDS: tuple[str, ...] = (r"intervju", r"\brekryteringssamtal", r"\bkandidatsamtal")
ATTRIBUTION: tuple[str, ...] = (r".{1,160}?\s+skrev(?:\s+.{1,80}?)?\s*:",)
HEADER_FROM: tuple[str, ...] = ("Från",)
HEADER_FIELDS: tuple[str, ...] = ("Skickat", "Till", "Kopia", "Ämne", "Datum")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"ursprungligt\s+meddelande", r"originalmeddelande")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo, HubSpot and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's VB: (rows in tests/reading/data/lang/sv.yaml).
FORWARDED: tuple[str, ...] = (r"vidarebefordrat\s+meddelande", r"vidarebefordrat\s+mejl\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("VB",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"kan\s+inte\s+levereras", r"olevererbar", r"leveransfel",
                                   r"returnerat\s+meddelande")
PROMISE_CUE: tuple[str, ...] = (r"\b(?:återkommer|hör\s+av\s+oss|meddelar)\b", r"\b(?:besked|beslut|svar)\w*",
                                r"\bhör\w*\s+(?:du\s+|ni\s+)?från\s+oss\b")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:vänligen|snälla)\s+(?:svara|bekräfta|meddela)", "candidate"),
    (r"\binom\s+(?:\d{1,2}\s*[-–]\s*)?{n}\s+arbetsdagar\b", "business_days"),
    (r"\binom\s+(?:\d{1,2}\s*[-–]\s*)?{n}\s+dagar\b", "days"),
    (r"\binom\s+(?:{n}\s+)?veck(?:a|or)\b", "weeks"),
    (r"\bi\s*morgon\b", "tomorrow"),
    (r"\bi\s+början\s+av\s+nästa\s+vecka\b", "early_next_week"),
    (r"\b(?:i\s+slutet\s+av\s+|under\s+)?nästa\s+vecka\b", "next_week"),
    (r"\b(?:i\s+slutet\s+av\s+|under\s+)?(?:denna|den\s+här)\s+vecka\b|\bi\s+veckan\b", "this_week"),
    (r"\bi\s+slutet\s+av\s+(?:månaden|denna\s+månad)\b", "end_of_month"),
    (r"\bnästa\s+månad\b", "next_month"),
    (r"\b{day}\s+{month}\b", "day_month"),
    (r"\b(?:på|till|senast|innan|före)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"måndag": 0, "måndagen": 0, "tisdag": 1, "tisdagen": 1, "onsdag": 2, "onsdagen": 2,
                            "torsdag": 3, "torsdagen": 3, "fredag": 4, "fredagen": 4}
MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
}
NUMBERS: dict[str, int] = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "tio": 10, "fjorton": 14}
