"""Slovak: zamietnutia, ponuky, pozvania do ďalšieho kola, priebežné správy a automatické odpovede.

Sources of the phrasings are in tests/reading/data/lang/sk.yaml; the quoting forms come from
K-9/Thunderbird for Android's Slovak strings.
"""

CODE = "sk"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:sme\s+sa\s+rozhodli|rozhodli\s+sme\s+sa)\s+(?:\w+\s+){0,3}?in(?:ú|ého|ým|ými|ou|é|ých)\b",
        r"\bin(?:ého|ému|ú|ých|ým|ými)\s+(?:kandidát|uchádzač)\w*",
        r"\b(?:bola\s+daná|dali\s+sme|sme\s+dali)\s+prednosť\b",
        r"\bs\s+poľutovaním\s+(?:\w+\s+){0,4}?(?:oznamujeme|oznámiť|informujeme|informovať)\b",
        r"\bžiaľ\s+(?:\w+\s+){0,4}?(?:nemôžeme|nebudeme|ste\s+neboli|nepostupujete)",
        r"\b(?:pozícia|miesto)\s+(?:už\s+|je\s+už\s+|je\s+)?(?:bol[ao]?\s+)?obsaden[áéa]",
        r"\binter(?:ný|ného|nú)\s+(?:kandidát|uchádzač)\w*",
        r"\bnepostupujete\b|\bnepostúpil\w*\b",
    ),
    "offer": (
        r"\bs\s+radosťou\s+(?:\w+\s+){0,3}?(?:ponúkame|oznamujeme)",
        r"\bponuk[au]\s+(?:na\s+)?(?:zamestnani|prác)\w*",
        r"\bboli\s+ste\s+vybran[ýá]",
    ),
    "next_steps": (
        r"\bpozv(?:ať|ánk|anie|eme|ali)\w*\s+(?:\w+\s+){0,3}?na\s+(?:\w+\s+){0,2}?(?:pohovor|stretnuti|kolo)\w*",
        r"\b(?:druh|ďalš|finál)\w*\s+kol[ao]\b",
        r"\bdohodnúť\s+(?:si\s+)?(?:\w+\s+)?termín",
        r"\b(?:radi|rád|rada)\s+(?:\w+\s+){0,4}?(?:absolvovali|uskutočnili|stretli|porozprávali)\s+(?:\w+\s+){0,3}?"
        r"(?:pohovor|stretnutie|rozhovor)\w*",
        # "we are glad to tell you that your application ... was accepted": not the receipt's "bola prijatá" alone
        r"\bs\s+radosťou\s+(?:vás\s+)?informujeme,?\s+že\s+(?:\w+\s+){0,8}?(?:bola\s+prijatá|postupujete|ste\s+boli\s+vybran\w*)",
    ),
    "holding": (
        r"\bozveme\s+sa\b|\bbudeme\s+vás\s+informovať\b|\bdáme\s+vám\s+vedieť\b|\boznámime\b",
        r"\bvýberové\s+konanie\s+(?:stále\s+)?prebieha",
        r"\bďakujeme\s+za\s+(?:vašu\s+)?trpezlivosť",
    ),
    "acknowledgement": (
        r"\b(?:prijali|dostali|obdržali)\s+sme\s+(?:\w+\s+){0,2}?(?:životopis|žiadosť|prihlášk|správ|e-?mail)\w*",
        r"\bpotvrdzujeme\s+prijatie",
        r"\bďakujeme\s+(?:vám\s+)?za\s+(?:vašu|váš)\s+(?:žiadosť|prihlášku|životopis)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"automatick[áa]\s+odpove[ďd]", r"mimo\s+kancel[áa]rie", r"nepr[íi]tomnos[ťt]",
                                 r"dovolenka\b")
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:som|budem)\s+(?:\w+\s+|\S+\s+){0,6}?(?:mimo\s+kancelárie|na\s+dovolenke|neprítomn\w*)",
    r"\bpočas\s+mojej\s+neprítomnosti\b",
)
SILENCE: tuple[str, ...] = (
    r"\bak\s+(?:sa\s+)?(?:\w+\s+){0,4}?(?:neozveme|nedostanete\s+(?:\w+\s+){0,2}?odpove)",
)
INTERVIEW_WORDS: tuple[str, ...] = (r"\bpohovor\w*",)
ATTRIBUTION: tuple[str, ...] = (r".{1,120}?\s+napísal(?:\(a\)|a)?\s*:",)
HEADER_FROM: tuple[str, ...] = ("Od",)
HEADER_FIELDS: tuple[str, ...] = ("Odoslané", "Komu", "Kópia", "Predmet", "Dátum")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"p[ôo]vodn[áa]\s+spr[áa]va(?:\s*-{1,3}\s*original\s+message)?",)
# Forwards: Thunderbird's mailnews.forward_header_originalmessage (with its English words), Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's prefix (rows in tests/reading/data/lang/sk.yaml).
FORWARDED: tuple[str, ...] = (r"preposlan[áa]\s+spr[áa]va(?:\s*-+\s*forwarded\s+message)?",
                              r"za[čc]iatok\s+preposlanej\s+spr[áa]vy\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("Fw",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"nedoručiteľn", r"nedá\s+sa\s+doručiť", r"správa\s+nebola\s+doručená")
PROMISE_CUE: tuple[str, ...] = (
    r"\b(?:ozveme|oznámime|budeme\s+(?:vás\s+)?informovať|dáme\s+(?:vám\s+)?vedieť)",
    r"\b(?:rozhodnuti|výsled|odpove)\w*",
    r"\b(?:budeme\s+vás|vás\s+budeme)\s+kontaktovať\b",
    r"\bodpovie(?:me)?\b",  # the company's future "odpovie Vám / odpovieme Vám" (not the noun "odpoveď")
)
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\bpros(?:íme|ím)\s+(?:vás\s+)?(?:o\s+(?:odpoveď|potvrdenie|zaslanie)|zašlite|pošlite|odošlite|odpovedzte|potvrďte"
     r"|dajte\s+vedieť)", "candidate"),
    (r"\bdo\s+{n}\s+pracovných\s+dní\b", "business_days"),
    (r"\b(?:do|počas|v\s+priebehu)\s+{n}\s+dní\b", "days"),
    (r"\b(?:do|počas)\s+(?:{n}\s+)?týžd(?:ňa|ňov)\b", "weeks"),
    (r"\bzajtra\b", "tomorrow"),
    (r"\bna\s+začiatku\s+budúceho\s+týždňa\b", "early_next_week"),
    (r"\b(?:do\s+konca\s+)?budúc(?:eho|om|i)\s+týžd(?:ňa|ni|eň)\b", "next_week"),
    (r"\b(?:do\s+konca\s+)?(?:tohto|tomto|tento)\s+týžd(?:ňa|ni|eň)\b", "this_week"),
    (r"\bdo\s+konca\s+(?:tohto\s+)?mesiaca\b", "end_of_month"),
    (r"\b(?:budúci\s+mesiac|budúcom\s+mesiaci)\b", "next_month"),
    (r"\b{day}\.\s*{month}\b", "day_month"),
    (r"\b(?:do|v|vo|na)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"pondelka": 0, "pondelok": 0, "utorka": 1, "utorok": 1, "stredy": 2, "stredu": 2,
                            "štvrtka": 3, "štvrtok": 3, "piatku": 4, "piatok": 4}
MONTHS: dict[str, int] = {
    "januára": 1, "februára": 2, "marca": 3, "apríla": 4, "mája": 5, "júna": 6, "júla": 7, "augusta": 8,
    "septembra": 9, "októbra": 10, "novembra": 11, "decembra": 12,
}
NUMBERS: dict[str, int] = {"jedného": 1, "dvoch": 2, "dva": 2, "dve": 2, "troch": 3, "tri": 3, "štyroch": 4,
                           "piatich": 5, "päť": 5, "desiatich": 10, "desať": 10, "štrnástich": 14}
