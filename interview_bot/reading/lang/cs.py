"""Czech: odmítnutí, nabídky, pozvání do dalšího kola, průběžné zprávy a automatické odpovědi.

Sources of the phrasings are in tests/reading/data/lang/cs.yaml; the quoting forms come from
K-9/Thunderbird for Android's Czech strings and Outlook's header labels.
"""

CODE = "cs"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\bjsme\s+(?:\w+\s+){0,2}?(?:vybrali|zvolili|rozhodli\s+pro)\s+(?:\w+\s+){0,2}?(?:jiného|jinou|jiné|jeho|ji)\b",
        r"\bjiní\s+uchazeči\b|\bjin(?:ého|ou|ým|é)\s+(?:uchazeč|kandidát)\w*",
        r"\b(?:ještě\s+|zatím\s+)?nejsme\s+(?:ještě\s+|zatím\s+)?připraveni\s+(?:\w+\s+){0,6}?(?:nabídnout|předložit|diskutovat)",
        r"\b(?:soutěž|výběrové\s+řízení)\s+(?:\w+\s+){0,3}?(?:skončil[ao]?|ukončen\w*)",
        r"\bpro\s+(?:vás|tebe)\s+(?:\w+\s+)?(?:skončil[ao]?|ukončen\w*)",
        r"\bbohužel\s+(?:\w+\s+){0,4}?(?:nemůžeme|nebudeme|jsme\s+se\s+rozhodli|nepostupujete|jste\s+nebyl)",
        r"\bnepostupujete\b|\bnepostoupil\w*\b",
        r"\b(?:pozice|místo)\s+(?:již\s+|už\s+)?(?:byl[ao]?\s+|je\s+)?obsazen[ao]?\b",
        r"\binterní\w*\s+(?:kandidát|uchazeč)\w*",
        r"\bnevybral\w*\s+(?:\w+\s+){0,2}?(?:k|do|pro)\s+další\w*",
    ),
    "offer": (
        r"\b(?:s\s+radostí|rádi)\s+(?:\w+\s+){0,3}?(?:nabízíme|nabídnout|oznamujeme)\s+(?:\w+\s+){0,3}?(?:pozici|místo|nabídku|práci)",
        r"\bnabídk[au]\s+(?:na\s+)?(?:zaměstnání|pracovní\w*\s+(?:poměr|smlouv|míst)\w*)",
        r"\bpracovní\s+smlouv[auy]\b.{0,40}\b(?:v\s+příloze|zasíláme|k\s+podpisu)",
        r"\bbyl[ai]?\s+jste\s+vybrán[ai]?\b",
    ),
    "next_steps": (
        r"\bpozv(?:at|ání|ánk|eme|ali|u)\w*\s+(?:\w+\s+){0,3}?(?:na|k)\s+(?:\w+\s+){0,2}?(?:pohovor|schůzk|setkání|rozhovor|kolo|úkol)\w*",
        r"\b(?:druhé|další|finální|třetí)\w*\s+kol[ao]\b",
        r"\bpostoupil\w*\s+jste\s+do\s+(?:dalšího|druhého|finálního)",
        r"\b(?:domluvit|navrhnout|vybrat)\s+(?:si\s+)?(?:\w+\s+){0,2}?termín",
        r"\bužší(?:ho|m)?\s+výběr\w*|\bpostoupil(?:\(a\)|a|i)?\s+jste\b",
    ),
    "holding": (
        r"\b(?:ozveme|ozvu)\s+se\b|\bbudeme\s+vás\s+informovat\b|\bdáme\s+(?:vám\s+)?vědět\b|\bsdělíme\b",
        r"\bvýběrové\s+řízení\s+(?:stále\s+|ještě\s+)?probíhá",
        r"\bještě\s+(?:jsme\s+)?(?:nerozhodli|nemáme\s+rozhodnutí)",
        r"\bděkujeme\s+za\s+(?:vaši\s+)?trpělivost",
    ),
    "acknowledgement": (
        r"\b(?:obdrželi|přijali)\s+(?:jsme\s+)?(?:\w+\s+){0,2}?(?:životopis|přihlášk|žádost|zpráv|e-?mail|cv)\w*",
        r"\bpotvrzujeme\s+(?:přijetí|obdržení)",
        r"\bděkujeme\s+za\s+zaslan\w+\s+(?:životopis|přihlášk|cv)\w*",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"automatick[áa]\s+odpov[ěe]ď", r"mimo\s+kancel[áa][řr]", r"nep[řr][íi]tomnost",
                                 r"dovolen[áa]\b")
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:jsem|budu)\s+(?:\w+\s+|\S+\s+){0,6}?(?:mimo\s+kancelář|na\s+dovolené|nepřítomn\w*|mimo\s+pracoviště)",
    r"\bv\s+době\s+(?:mé|mojí)\s+nepřítomnosti\b",
)
SILENCE: tuple[str, ...] = (
    r"\b(?:pokud|jestliže|v\s+případě,?\s+že)\s+(?:\w+\s+){0,6}?(?:neozveme|neobdržíte|nebudete\s+kontaktován)",
)
INTERVIEW_WORDS: tuple[str, ...] = (
    r"\bpohovor\w*",
    r"\b(?:druhé|třetí|další|finální)\s+kolo\s+(?:výběrového\s+řízení|pohovor)",
)
ATTRIBUTION: tuple[str, ...] = (r".{1,120}?\s+napsal(?:\(a\)|a)?\s*:",)
HEADER_FROM: tuple[str, ...] = ("Od", "Odesílatel")
HEADER_FIELDS: tuple[str, ...] = ("Odesláno", "Komu", "Kopie", "Předmět", "Datum")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"p[ůu]vodn[íi]\s+zpr[áa]va",)
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's subject prefix (rows in
# tests/reading/data/lang/cs.yaml).
FORWARDED: tuple[str, ...] = (r"p[řr]eposlan[áa]\s+zpr[áa]va", r"za[čc][áa]tek\s+p[řr]epos[íi]lan[ée]\s+zpr[áa]vy\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("Fw",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"nedoručiteln", r"nelze\s+doručit", r"zpráva\s+nebyla\s+doručena")
PROMISE_CUE: tuple[str, ...] = (
    r"\b(?:ozveme|sdělíme|oznámíme|budeme\s+(?:vás\s+)?informovat|dáme\s+(?:vám\s+)?vědět)",
    r"\b(?:rozhodnutí|výsledek|výsledku|odpověď)\b",
)
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\bprosíme\s+o\s+(?:odpověď|potvrzení|zaslání)", "candidate"),
    (r"\b(?:do|během)\s+{n}\s+pracovních\s+dn(?:ů|í)\b", "business_days"),
    (r"\b(?:do|během|v\s+průběhu)\s+{n}\s+dn(?:ů|í)\b", "days"),
    (r"\b(?:do|během)\s+(?:{n}\s+)?týdn(?:e|ů)\b", "weeks"),
    (r"\bzítra\b", "tomorrow"),
    (r"\bna\s+začátku\s+příštího\s+týdne\b", "early_next_week"),
    (r"\b(?:do\s+konce\s+|během\s+|v\s+)?příšt(?:ího|ím|í)\s+týd(?:ne|nu|en)\b", "next_week"),
    (r"\b(?:do\s+konce\s+|během\s+)?(?:tohoto|tento)\s+týd(?:ne|en)\b", "this_week"),
    (r"\bdo\s+konce\s+(?:tohoto\s+)?měsíce\b", "end_of_month"),
    (r"\b(?:příští|v\s+příštím)\s+měsíc(?:i)?\b", "next_month"),
    (r"\b{day}\.\s*{month}\b", "day_month"),
    (r"\b(?:do|v|ve|na)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"pondělí": 0, "úterý": 1, "středy": 2, "středu": 2, "čtvrtka": 3, "čtvrtek": 3,
                            "pátku": 4, "pátek": 4}
MONTHS: dict[str, int] = {
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7, "srpna": 8,
    "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
}
NUMBERS: dict[str, int] = {"jednoho": 1, "dvou": 2, "dva": 2, "dvě": 2, "tří": 3, "tři": 3, "čtyř": 4, "pěti": 5,
                           "pět": 5, "deseti": 10, "deset": 10, "čtrnácti": 14}
