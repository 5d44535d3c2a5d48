"""Danish: afslag, tilbud, invitationer til næste samtale, ventebeskeder og autosvar.

The quoting forms come from K-9/Thunderbird for Android's Danish strings and Outlook's
header labels (tests/reading/data/lang/da.yaml).
"""

CODE = "da"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:valgt|vælge|ansat)\s+(?:en\s+)?(?:anden|andre)\s+(?:kandidat|ansøger|person)",
        r"\bgå(?:et|r)?\s+videre\s+med\s+(?:en\s+)?(?:anden|andre)\b",
        r"\bdesværre\s+(?:\w+\s+){0,4}?(?:ikke|ej)\s+(?:\w+\s+){0,2}?(?:videre|udvalgt|tilbyde|succesfuld)",
        r"\b(?:stillingen|jobbet)\s+(?:er|blev)\s+(?:nu\s+)?besat",
        r"\bintern\s+(?:kandidat|ansøger)",
        r"\bikke\s+(?:gik|går)\s+videre\b",
        r"\b(?:lukker|lukket)\s+(?:\w+\s+){0,2}?din\s+ansøgning\b",
        r"\bikke\s+(?:\w+\s+){0,2}?imødekomme\s+(?:din|deres|jeres)\s+ansøgning",
        r"\bikke\s+(?:\w+\s+)?plads\s+til\s+(?:dig|flere|udvidelse\w*|nye\s+medarbejdere)\b",
    ),
    "offer": (
        r"\b(?:glæde|fornøjelse)\s+(?:\w+\s+){0,3}?(?:tilbyde|tilbud)",
        r"\btilbyde\s+dig\s+(?:stillingen|jobbet)",
        r"\bjobtilbud\b",
        r"\bansættelseskontrakt\w*\b.{0,40}\b(?:vedhæftet|til\s+underskrift)",
    ),
    "next_steps": (
        r"\b(?:invitere|indkalde)\s+(?:dig\s+)?til\s+(?:en\s+)?(?:\w+\s+)?(?:samtale|jobsamtale|interview|møde|snak)",
        r"\b(?:anden|næste|sidste|afsluttende)\s+(?:samtale|runde)\b",
        r"\bindkaldelse\s+til\s+(?:\w+\s+)?samtale",
        r"\ber\s+(?:rykket|gået)\s+videre\b",
        r"\b(?:arrangere|aftale|planlægge|booke)\s+(?:\w+\s+){0,2}?(?:jobsamtale|samtale|interview)\w*",
    ),
    "holding": (
        r"\b(?:vender\s+tilbage|hører\s+fra\s+os|giver\s+(?:dig\s+)?besked)\b",
        r"\bprocessen\s+(?:er\s+)?(?:stadig\s+)?i\s+gang",
        r"\bingen\s+endelig\s+beslutning",
        r"\btak\s+for\s+din\s+tålmodighed",
    ),
    "acknowledgement": (
        r"\b(?:modtaget|fået)\s+(?:din|deres)\s+(?:ansøgning|mail|e-?mail|henvendelse)",
        r"\bmodtagelse(?:n)?\s+af\s+(?:din|deres|jeres)\s+(?:ansøgning|mail|e-?mail|henvendelse)",
        r"\b(?:tak|takker)\s+for\s+din\s+ansøgning\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"autosvar", r"automatisk\s+svar", r"fravær", r"ikke\s+på\s+kontoret", r"ferie\b")
AUTO_BODY: tuple[str, ...] = (
    r"\bjeg\s+(?:er|har)\s+(?:\w+\s+){0,3}?(?:på\s+ferie|ferie|fraværende|ikke\s+på\s+kontoret|på\s+barsel)",
    r"\bunder\s+mit\s+fravær\b",
)
SILENCE: tuple[str, ...] = (
    r"\bhvis\s+du\s+ikke\s+(?:har\s+)?(?:hørt|modtaget)\s+(?:\w+\s+){0,4}?(?:fra\s+os|svar)",
)
INTERVIEW_WORDS: tuple[str, ...] = (
    r"\b(?:\d\.\s*|(?:første|anden|tredje|afsluttende)\s+|job|ansættelses|telefon)samtale\b",
)
ATTRIBUTION: tuple[str, ...] = (r".{1,160}?\s+skrev(?:\s+.{1,80}?)?\s*:",)
HEADER_FROM: tuple[str, ...] = ("Fra",)
HEADER_FIELDS: tuple[str, ...] = ("Sendt", "Til", "Cc", "Emne", "Dato", "Kopi", "Vedhæftet")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"oprindelig\s+meddelelse", r"original\s+besked")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's VS: (rows in tests/reading/data/lang/da.yaml).
FORWARDED: tuple[str, ...] = (r"videresendt\s+(?:meddelelse|besked)", r"start\s+p[åa]\s+videresendt\s+besked\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("VS",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"kunne\s+ikke\s+leveres", r"ikke\s+leveret", r"returneret\s+post")
PROMISE_CUE: tuple[str, ...] = (r"\b(?:vender\s+tilbage|hør(?:er|e)\s+fra\s+os|giver\s+(?:dig\s+)?besked)",
                                r"\b(?:besked|beslutning|svar)\w*")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:venligst|bedes)\s+(?:\w+\s+){0,2}?(?:svar|bekræft|meld)", "candidate"),
    (r"\binden\s+for\s+(?:\d{1,2}\s*[-–]\s*)?{n}\s+(?:arbejdsdage|hverdage)\b", "business_days"),
    (r"\b(?:inden\s+for|om|i\s+løbet\s+af)\s+(?:de\s+næste\s+)?{n}\s+dage\b", "days"),
    (r"\b(?:inden\s+for|om|i\s+løbet\s+af)\s+(?:de\s+næste\s+)?(?:{n}\s+)?uge[rn]?\b", "weeks"),
    (r"\bi\s+morgen\b", "tomorrow"),
    (r"\bi\s+(?:starten|begyndelsen)\s+af\s+næste\s+uge\b", "early_next_week"),
    (r"\b(?:i\s+)?(?:slutningen\s+af\s+)?(?:næste|kommende)\s+uge\b", "next_week"),
    (r"\b(?:i\s+løbet\s+af\s+)?(?:denne|den\s+her)\s+uge\b", "this_week"),
    (r"\bi\s+slutningen\s+af\s+(?:måneden|denne\s+måned)\b", "end_of_month"),
    (r"\bnæste\s+måned\b", "next_month"),
    (r"\b{day}\.\s*{month}\b", "day_month"),
    (r"\b(?:på|til|senest|inden)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4}
MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
}
NUMBERS: dict[str, int] = {"en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "ti": 10, "fjorten": 14}
