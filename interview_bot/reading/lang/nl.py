"""Dutch: afwijzingen, aanbiedingen, uitnodigingen, tussenberichten en afwezigheidsberichten."""

CODE = "nl"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:niet|geen)\s+(?:\w+\s+){0,3}?(?:geselecteerd|uitgenodigd|verder\s+(?:meenemen|gaan))",
        r"\bniet\s+tot\s+de\s+kandidaten\b",
        r"\b(?:gekozen|besloten)\s+(?:voor|om\s+verder\s+te\s+gaan\s+met)\s+(?:een\s+)?andere\s+(?:kandida(?:at|ten)|sollicitant)",
        r"\b(?:helaas|tot\s+onze\s+spijt)\s+(?:\w+\s+){0,6}?(?:moeten|kunnen|moet)\s+(?:we|wij|ik)\s+(?:u|je|jou)\s+(?:mededelen|laten\s+weten|berichten)",
        r"\bniet\s+(?:verder\s+)?(?:meenemen|door)\s+(?:in|naar)\s+(?:de|onze)\s+(?:procedure|selectie|volgende\s+ronde)",
        r"\bvacature\s+is\s+(?:inmiddels\s+)?(?:vervuld|ingevuld)",
        r"\bafwijzing\b",
    ),
    "offer": (
        r"\b(?:blij|graag|verheugd|trots)\s+(?:\w+\s+){0,3}?(?:je|u|jou)\s+(?:een\s+)?(?:aanbod|contract|arbeidsovereenkomst|de\s+(?:functie|baan))\s+(?:aan\s+te\s+bieden|te\s+doen|aanbieden)",
        r"\b(?:contractvoorstel|arbeidsvoorwaardenvoorstel|aanbiedingsbrief)\b",
    ),
    "next_steps": (
        r"\b(?:uitnodigen|uitnodiging)\s+(?:\w+\s+){0,2}?voor\s+(?:een\s+|het\s+|ons\s+)?(?:tweede\s+|vervolg|volgend\s+|kennismakings|sollicitatie)?gesprek",
        r"\b(?:tweede|volgende|laatste)\s+(?:gesprek|ronde|stap)\b|\bvervolggesprek\b",
        r"\bop\s+de\s+shortlist\b|\b(?:je|uw)\s+beschikbaarheid\b",
        r"\b(?:gesprek|afspraak)\s+(?:\w+\s+){0,2}?(?:verzetten|verplaatsen)\b",
    ),
    "holding": (
        r"\bnog\s+(?:geen|niet)\s+(?:\w+\s+){0,2}?(?:besluit|beslissing|afgerond|genomen)",
        r"\b(?:we|wij)\s+(?:nemen|komen|laten)\s+(?:\w+\s+){0,4}?(?:contact|terug|weten)",
        r"\bbedankt\s+voor\s+(?:je|uw)\s+geduld\b",
    ),
    "acknowledgement": (
        r"\b(?:hebben|heb)\s+(?:je|uw|jouw)\s+(?:sollicitatie|bericht|e-?mail|mail|cv)\s+(?:in\s+goede\s+orde\s+)?ontvangen",
        r"\b(?:bedankt|dank\s+(?:u|je)\s+wel)\s+voor\s+(?:je|uw|jouw)\s+(?:bericht|e-?mail|mail|e-?mailbericht)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"automatisch\s+antwoord", r"afwezig\b", r"niet\s+aanwezig", r"afwezigheidsbericht", r"out\s+of\s+office",
)
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:ik\s+ben|ben\s+ik)\s+(?:\w+\s+){0,4}?(?:afwezig|niet\s+aanwezig|op\s+vakantie|met\s+vakantie|niet\s+bereikbaar)",
    r"\bweer\s+(?:bereikbaar|aanwezig|op\s+kantoor)\b",
)
SILENCE: tuple[str, ...] = (
    r"\bals\s+(?:u|je)\s+(?:\w+\s+){0,4}?niets\s+(?:van\s+ons\s+)?(?:hoort|gehoord)",
    r"\b(?:zonder|geen)\s+(?:bericht|reactie)\s+van\s+ons\b",
)
# Forwards beyond quoteforms.FORWARDED's seed: Apple Mail's, Yahoo's and Thunderbird's separators as
# crisp-oss/email-forward-parser lib/parser.js lists them (commit 0ae68013fc893f66c38adc848a21c1f9598843c9).
FORWARDED: tuple[str, ...] = ("Begin doorgestuurd bericht:",)
