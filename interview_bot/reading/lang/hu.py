"""Hungarian: elutasítások, állásajánlatok, meghívások a következő körre, várakoztató levelek, automatikus válaszok.

Hungarian builds words by suffixes, so patterns end on stems. The quoting forms come from
K-9/Thunderbird for Android's Hungarian strings (tests/reading/data/lang/hu.yaml).
"""

CODE = "hu"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:más|másik)\s+(?:jelölt|pályázó)\w*\s+(?:\w+\s+){0,3}?(?:választottunk|mellett\s+döntöttünk|döntöttünk)",
        r"\b(?:választottunk|döntöttünk)\s+(?:\w+\s+){0,3}?(?:más|másik)\s+(?:jelölt|pályázó)",
        r"\bsajnálattal\s+(?:értesítjük|tájékoztatjuk|közöljük),?\s+hogy\b",
        r"\bnem\s+(?:tudjuk|tudunk|áll\s+módunkban)\s+(?:\w+\s+){0,3}?"
        r"(?:ajánlani|felajánlani|folytatni|továbbengedni|behívni|interjúra\s+hívni|ajánlatot\s+tenni)",
        # "Ezúttal más jelölttel haladnak tovább", "egy másik pályázóval folytatjuk"
        r"\b(?:más|másik)\s+(?:jelölt|pályázó)\w*\s+(?:\w+\s+){0,2}?(?:halad\w*\s+tovább|megy\w*\s+tovább|folytat\w*)",
        r"\b(?:pozíció|állás)\s+(?:már\s+)?betöltésre\s+került",
        r"\bbelső\s+(?:jelölt|pályázó)",
        r"\bnem\s+(?:jutott|került)\s+(?:\w+\s+){0,2}?(?:tovább|következő\s+körbe)",
        r"\bjelentkezés\w*\s+(?:\w+\s+){0,2}?elutasít",
    ),
    "offer": (
        r"\börömmel\s+(?:\w+\s+){0,3}?(?:értesítjük|tájékoztatjuk|ajánljuk|felajánljuk)\s+(?:\w+\s+){0,4}?(?:állás|pozíció|munkaszerződés|ajánlat|kiválasztottuk)",
        r"\bállásajánlat\w*",
        r"\bmunkaszerződés\w*\b.{0,40}\b(?:mellékel|csatol|aláírás)",
        # "ajánlatot tesz neked", "szeretnénk ajánlatot tenni", "Ajánlatot kaptál"
        r"\bajánlatot\s+(?:(?!nem\b)\w+\s+)?(?:tesz|teszünk|tennénk|tenni|kaptál|kapott)\b",
    ),
    "next_steps": (
        r"\b(?:meghív\w*|hívjuk)\s+(?:\w+\s+){0,3}?(?:interjú|állásinterjú|személyes\s+beszélgetés|találkozó|második\s+kör|következő\s+kör)\w*",
        r"\b(?:második|következő|utolsó|záró)\s+(?:kör|forduló|interjú)\w*",
        r"\bidőpont\w*\s+egyeztet\w*|\begyeztet\w*\s+(?:egy\s+)?időpont\w*",
        # the invitation named first: "próbanapra hív", "interjúra szeretnénk meghívni"
        r"\b(?:interjúra|állásinterjúra|próbanapra|próbamunkára|beszélgetésre|találkozóra|meghallgatásra)\s+"
        r"(?:\w+\s+){0,2}?(?:hív|meghív|behív|invitál)\w*",
        r"\bvárjuk\s+(?:\w+\s+){0,2}?(?:interjúra|állásinterjúra|próbanapra|próbamunkára|meghallgatásra)",
        # a confirmed appointment: "megerősíteni a személyes találkozó időpontját", "Várjuk a megbeszélt időpontban"
        r"\b(?:megerősít|visszaigazol)\w*\s+(?:\w+\s+){0,3}?(?:interjú|találkozó|beszélgetés|meghallgatás)\w*\s+időpont\w*",
        r"\bvárjuk\s+(?:Önt\s+|önt\s+|a\s+|az\s+){0,2}(?:megbeszélt|egyeztetett|fenti)\s+időpont",
        # "a(z) … állásra adott jelentkezésed továbbjutott"
        r"\b(?:jelentkezés|pályázat)\w*\s+(?:\w+\s+){0,2}?továbbjutott",
    ),
    "holding": (
        r"\b(?:jelentkezünk|visszajelzünk|keressük)\b",
        r"\bkiválasztási\s+folyamat\s+(?:még\s+)?(?:tart|folyamatban)",
        r"\bmég\s+nem\s+(?:született|hoztunk)\s+döntés",
        r"\bköszönjük\s+(?:a\s+)?türelm",
    ),
    "closed": (  # the application or the post closed with no verdict: a job board closing what the employer left unanswered
        # not "Lezárult a jelentkezésed" alone: a job board may say that of a no too, and a no read as
        # closed loses the feedback request; closed unanswered is what the words say here
        r"\bnem\s+válaszolt\b[^.!?]{0,120}?\blezártuk\b",
        r"\b(?:az?\s+)?(?:állás|pozíció|álláshirdetés)\w*\s+(?:\w+\s+){0,2}?(?:felfüggesztésre\s+került|visszavonásra\s+került|"
        r"felfüggesztettük|visszavontuk|megszűnt)",
    ),
    "acknowledgement": (
        r"\b(?:megkaptuk|beérkezett|fogadtuk)\s+(?:\w+\s+){0,2}?(?:jelentkezés|pályázat|önéletrajz|üzenet)\w*",
        r"\bköszönjük\s+(?:\w+\s+){0,2}?(?:jelentkezés|pályázat)\w*",
        r"\bköszönjük,?\s+hogy\s+(?:\w+\s+){0,6}?(?:jelentkez|pályáz)\w*",
        # the noun first, as Hungarian often has it: "Jelentkezését sikeresen fogadtuk",
        # "önéletrajza sikeresen megérkezett", "pályázati anyagát rendszerünk sikeresen rögzítette"
        r"\b(?:jelentkezés|pályázat|önéletrajz)\w*\s+(?:\w+\s+){0,4}?"
        r"(?:megérkezett|beérkezett|megkaptuk|fogadtuk|rögzítettük|rögzítette|rögzítésre\s+került)\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"automatikus\s+v[áa]lasz", r"irod[áa]n\s+k[íi]v[üu]l", r"h[áa]zon\s+k[íi]v[üu]l",
                                 r"t[áa]voll[ée]t", r"szabads[áa]g")
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:szabadságon|irodán\s+kívül|házon\s+kívül|távol)\s+(?:vagyok|leszek|tartózkodom)",
    r"\b(?:vagyok|leszek)\s+(?:\w+\s+){0,3}?(?:szabadságon|irodán\s+kívül|házon\s+kívül)",
    r"\btávollétem\s+alatt",
)
SILENCE: tuple[str, ...] = (r"\bha\s+(?:\w+\s+){0,5}?nem\s+(?:kap|hall|jelentkez)\w*",)
INTERVIEW_WORDS: tuple[str, ...] = (
    r"\b(?:állás)?interjú\w*",
    r"\bfelvételi\s+(?:el)?beszélgetés",
    r"\b(?:második|harmadik|utolsó|záró)\s+(?:kör|forduló)\b",
)
ATTRIBUTION: tuple[str, ...] = (r".{1,120}?\s+(?:ezt\s+)?írta\s*(?:\(.{0,80}?\))?\s*:",)
HEADER_FROM: tuple[str, ...] = ("Feladó",)
HEADER_FIELDS: tuple[str, ...] = ("Elküldve", "Címzett", "Másolat", "Tárgy", "Dátum")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"eredeti\s+[üu]zenet",)
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's prefix (rows in tests/reading/data/lang/hu.yaml).
FORWARDED: tuple[str, ...] = (r"tov[áa]bb[íi]tott\s+[üu]zenet", r"tov[áa]bb[íi]tott\s+lev[ée]l\s+kezdete\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("Fw",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"kézbesíthetetlen", r"nem\s+kézbesíthető", r"kézbesítési\s+hiba")
# "válasz" and its verbs cue a promise, not the past "nem válaszolt" ("5 napon belül nem válaszolt")
PROMISE_CUE: tuple[str, ...] = (r"\b(?:jelentkezünk|visszajelzünk|értesítjük|tájékoztatjuk)\b",
                                r"\b(?:döntés|visszajelzés|válasz(?!olt))\w*")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\bkérjük,?\s+(?:\w+\s+){0,2}?(?:jelezze|erősítse|válaszoljon|küldje)", "candidate"),
    (r"\b{n}\s+munkanapon\s+belül\b", "business_days"),
    (r"\b{n}\s+napon\s+belül\b", "days"),
    (r"\b(?:{n}\s+)?hét(?:en)?\s+belül\b", "weeks"),
    (r"\bholnap\b", "tomorrow"),
    (r"\ba\s+jövő\s+hét\s+elején\b", "early_next_week"),
    (r"\b(?:a\s+)?jövő\s+hét(?:en|\s+végéig|\s+folyamán)?\b", "next_week"),
    (r"\b(?:ezen|e)\s+a\s+héten\b|\ba\s+hét\s+végéig\b", "this_week"),
    (r"\b(?:a\s+)?hónap\s+végéig\b", "end_of_month"),
    (r"\bjövő\s+hónap\w*", "next_month"),
    (r"\b{month}\s+{day}\.?(?:-(?:ig|éig|áig|én|án))?", "day_month"),
    (r"\b{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"hétfőig": 0, "hétfőn": 0, "keddig": 1, "kedden": 1, "szerdáig": 2, "szerdán": 2,
                            "csütörtökig": 3, "csütörtökön": 3, "péntekig": 4, "pénteken": 4}
MONTHS: dict[str, int] = {
    "január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6, "július": 7, "augusztus": 8,
    "szeptember": 9, "október": 10, "november": 11, "december": 12,
}
NUMBERS: dict[str, int] = {"egy": 1, "két": 2, "kettő": 2, "három": 3, "négy": 4, "öt": 5, "tíz": 10, "tizennégy": 14}
