"""Norwegian (Bokmål): avslag, tilbud, invitasjoner til neste runde, ventemeldinger og autosvar.

Sources of the phrasings are in tests/reading/data/lang/nb.yaml; the quoting forms come from
K-9/Thunderbird for Android's Norwegian strings.
"""

CODE = "nb"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:valgt|velge|ansatt)\s+(?:en\s+)?(?:annen|andre)\s+(?:kandidat|søker|person)",
        r"\bgå(?:tt|r)?\s+videre\s+med\s+(?:en\s+)?(?:annen|andre)\b",
        r"\bdessverre\s+(?:\w+\s+){0,4}?(?:ikke|ikkje)\s+(?:\w+\s+){0,2}?(?:videre|valgt|tilby|aktuell)",
        r"\b(?:stillingen|jobben)\s+(?:er|ble)\s+(?:nå\s+)?besatt",
        r"\bintern\s+(?:kandidat|søker)",
        r"\bikke\s+(?:gikk|går)\s+videre\b",
        r"\bpasser\s+dessverre\s+ikke\b|\b(?:profil|bakgrunn|erfaring|kompetanse)\w*\s+(?:passer|samsvarer)\s+(?:dessverre\s+)?ikke\b",
    ),
    "offer": (
        r"\b(?:glede|fornøyelse)\s+(?:\w+\s+){0,3}?(?:tilby|tilbud)",
        r"\btilby\s+deg\s+(?:stillingen|jobben)",
        r"\bjobbtilbud\b",
        r"\barbeidskontrakt\w*\b.{0,40}\b(?:vedlagt|til\s+signering)",
    ),
    "next_steps": (
        r"\b(?:invitere|innkalle)\s+(?:deg\s+)?til\s+(?:et\s+|en\s+)?(?:\w+\s+)?(?:intervju|samtale|møte)",
        r"\b(?:andre|neste|siste|avsluttende)\s+(?:intervju|runde|samtale)\b",
        r"\binnkalling\s+til\s+(?:\w+\s+)?(?:intervju|samtale)",
        r"\b(?:ønsker|vil\s+gjerne)\s+(?:å\s+)?(?:komme\s+i\s+kontakt\s+med|snakke\s+(?:mer\s+)?med|møte|treffe)\s+deg\b",
    ),
    "holding": (
        r"\b(?:kommer\s+tilbake|gir\s+(?:deg\s+)?(?:tilbakemelding|beskjed)|hører\s+fra\s+oss)\b",
        r"\bprosessen\s+(?:er\s+)?(?:fortsatt\s+)?i\s+gang",
        r"\bingen\s+endelig\s+beslutning",
        r"\btakk\s+for\s+(?:din\s+)?tålmodighet",
    ),
    "acknowledgement": (
        r"\b(?:mottatt|fått)\s+(?:din\s+søknad|søknaden\s+din|din\s+e-?post)\b",
        r"\btakk\s+for\s+(?:din\s+)?søknad(?:en)?(?:\s+din)?\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"autosvar", r"automatisk\s+svar", r"frav(?:æ|ae)rsmelding", r"ikke\s+på\s+kontoret",
                                 r"ferie\b")
AUTO_BODY: tuple[str, ...] = (
    r"\bjeg\s+(?:er|har)\s+(?:\w+\s+){0,3}?(?:på\s+ferie|ferie|borte|fraværende|ikke\s+tilgjengelig|ikke\s+på\s+kontoret|permisjon)",
    r"\bunder\s+mitt\s+fravær\b",
)
SILENCE: tuple[str, ...] = (
    r"\bhvis\s+du\s+ikke\s+(?:har\s+)?(?:hørt|fått)\s+(?:\w+\s+){0,4}?(?:fra\s+oss|svar|tilbakemelding)",
)
INTERVIEW_WORDS: tuple[str, ...] = (r"intervju", r"\b(?:første|andre|tredje|avsluttende)\s+(?:intervju|samtale)\b")
ATTRIBUTION: tuple[str, ...] = (r".{1,160}?\s+skrev(?:\s+.{1,80}?)?\s*:",)
HEADER_FROM: tuple[str, ...] = ("Fra",)
HEADER_FIELDS: tuple[str, ...] = ("Sendt", "Til", "Kopi", "Emne", "Dato")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"opprinnelig\s+melding", r"original\s+melding")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's Vs: and Videresend: (rows in
# tests/reading/data/lang/nb.yaml).
FORWARDED: tuple[str, ...] = (r"videresendt\s+melding", r"videresendt\s+melding\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("Vs", "Videresend")
BOUNCE_SUBJECT: tuple[str, ...] = (r"kunne\s+ikke\s+leveres", r"ikke\s+levert", r"leveringsfeil")
PROMISE_CUE: tuple[str, ...] = (r"\b(?:kommer\s+tilbake|gir\s+(?:deg\s+)?(?:tilbakemelding|beskjed)|hører\s+fra\s+oss)",
                                r"\b(?:tilbakemelding|beslutning|svar)\w*")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:vennligst|vær\s+så\s+snill)\s+(?:\w+\s+){0,2}?(?:svar|bekreft|gi)", "candidate"),
    (r"\binnen\s+(?:\d{1,2}\s*[-–]\s*)?{n}\s+(?:arbeidsdager|virkedager)\b", "business_days"),
    (r"\b(?:innen|i\s+løpet\s+av|om)\s+(?:de\s+neste\s+)?{n}\s+dager\b", "days"),
    (r"\b(?:innen|i\s+løpet\s+av|om)\s+(?:de\s+neste\s+)?(?:{n}\s+)?uk(?:e|er|a)\b", "weeks"),
    (r"\bi\s+morgen\b", "tomorrow"),
    (r"\bi\s+(?:starten|begynnelsen)\s+av\s+neste\s+uke\b", "early_next_week"),
    (r"\b(?:i\s+løpet\s+av\s+|i\s+)?(?:slutten\s+av\s+)?neste\s+uke\b", "next_week"),
    (r"\b(?:i\s+løpet\s+av\s+)?(?:denne|den\s+her)\s+uken?\b", "this_week"),
    (r"\bi\s+slutten\s+av\s+(?:måneden|denne\s+måneden)\b", "end_of_month"),
    (r"\bneste\s+måned\b", "next_month"),
    (r"\b{day}\.\s*{month}\b", "day_month"),
    (r"\b(?:på|til|innen|senest)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4}
MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
NUMBERS: dict[str, int] = {"en": 1, "ett": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "ti": 10, "fjorten": 14}
