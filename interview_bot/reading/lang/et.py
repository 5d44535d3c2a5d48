"""Estonian: äraütlemised, tööpakkumised, kutsed järgmisesse vooru, ootesõnumid ja automaatvastused.

Estonian builds words by suffixes, so patterns end on stems. Sources of the phrasings are in
tests/reading/data/lang/et.yaml (mostly a job seeker's published archive); the quoting forms
come from K-9/Thunderbird for Android's Estonian strings.
"""

CODE = "et"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:otsustasime|oleme\s+otsustanud)\s+(?:\w+\s+){0,4}?(?:jätkata|edasi\s+liikuda|edasi\s+minna)\s+(?:\w+\s+){0,2}?kandidaa\w*",
        r"\boleme\s+otsustanud\s+mitte\s+jätkata\b",
        r"\bvalik\s+(?:\w+\s+){0,2}?langes\s+(?:\w+\s+){0,2}?(?:teise|teiste)\s+kandidaa\w*",
        r"\b(?:valik|otsus)\s+(?:\w+\s+){0,2}?ei\s+(?:\w+\s+){0,2}?(?:langenud|olnud)\s+(?:\w+\s+){0,2}?(?:teie|sinu)\s+kasuks",
        r"\b(?:ametikoht|positsioon|koht)\s+on\s+(?:juba\s+)?täidetud",
        r"\bsisekandidaa\w*|\bsisemi\w+\s+kandidaa\w*",
        r"\bkahjuks\s+(?:\w+\s+){0,4}?(?:ei\s+saa\s+(?:teile|sulle)\s+pakkuda|ei\s+osutunud\s+valituks)",
    ),
    "offer": (
        r"\b(?:meil\s+on\s+hea\s+meel|rõõm)\s+(?:\w+\s+){0,3}?pakkuda\s+(?:teile|sulle)",
        r"\b(?:teid|sind)\s+on\s+valitud\b",
        r"\btööleping\w*\b.{0,40}\b(?:manuses|allkirjastamiseks)",
    ),
    "next_steps": (
        r"\bkuts(?:e|u)\w*\s+(?:\w+\s+){0,3}?(?:vestlusele|intervjuule|kohtumisele|veebikohtumisele|töövestlusele)",
        r"\b(?:järgmisesse|teise|viimasesse)\s+vooru\b",
        r"\b(?:kohtu|vestl)\w*\s+(?:\S+\s+){0,4}?(?:kell|kl)\.?\s+\d{1,2}[.:]\d{2}",
        r"\b(?:vali|valige|pakkuge)\s+(?:\w+\s+){0,2}?(?:sobiv\w*\s+)?aeg",
        r"\b(?:kodu|proovi)töö\w*|\btestülesan\w*",
    ),
    "holding": (
        r"\b(?:anname\s+(?:teile\s+|sulle\s+)?teada|teavitame|võtame\s+(?:teiega\s+|sinuga\s+)?ühendust)\b",
        r"\bsaadame\s+(?:\w+\s+){0,2}?tagasiside",
        r"\b(?:värbamis|valiku)protsess\s+(?:alles\s+)?kestab",
        r"\botsust\s+(?:pole|ei\s+ole)\s+(?:veel\s+)?tehtud",
        r"\btäname\s+(?:teid\s+|sind\s+)?kannatlikkuse",
    ),
    "acknowledgement": (
        r"\bkätte\s+saanud\b",
        r"\bkandideerimi\w*\s+(?:\w+\s+){0,6}?toimus\s+edukalt",
        r"\b(?:dokumendid|avaldus)\s+jõudsid\b|\bdokumendid\s+jõudsid\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"automaatvastus", r"automaatne\s+vastus", r"kontorist\s+v[äa]ljas", r"puhkusel\b",
                                 r"eemal\b")
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:olen|viibin)\s+(?:\w+\s+){0,3}?(?:puhkusel|kontorist\s+väljas|eemal|haiguslehel)",
    r"\bminu\s+eemaloleku\s+ajal\b",
)
SILENCE: tuple[str, ...] = (r"\bkui\s+(?:\w+\s+){0,5}?(?:ei\s+ole\s+)?(?:te\s+|sa\s+)?(?:meilt\s+)?(?:vastust\s+)?ei\s+saa",)
# "Vestlus" alone is any conversation: it counts next to a competition, a recruitment or a
# company's legal form ("Teenusejuhi konkursi vestlus", "AS Eesti Raudtee vestlus").
INTERVIEW_WORDS: tuple[str, ...] = (
    r"\btöövestlus\w*",
    r"\b(?:töö)?intervjuu\w*",
    r"\b\w*(?:konkursi|värbamis|kandideerimis)\w*\s+vestlus\w*",
    r"\b(?:AS|OÜ)\s+[^,;:]{1,40}?\s+vestlus\b",
    r"\b(?:esimene|teine|kolmas|viimane|II|III)\s+voor\b",
)
ATTRIBUTION: tuple[str, ...] = (r".{1,120}?\s+kirjutas\s*:",)
HEADER_FROM: tuple[str, ...] = ("Kellelt", "Saatja")
HEADER_FIELDS: tuple[str, ...] = ("Saadetud", "Kellele", "Adressaat", "Koopia", "Teema", "Kuupäev")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"(?:esi)?algne\s+kiri", r"algs[õo]num")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage; FairEmail's title_subject_forward (Ed:) (rows in
# tests/reading/data/lang/et.yaml).
FORWARDED: tuple[str, ...] = (r"edastatud\s+kiri",)
FORWARD_SUBJECT: tuple[str, ...] = ("Ed",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"kohaletoimetamata", r"ei\s+saanud\s+kohale\s+toimetada", r"kätte\s+toimetamata")
PROMISE_CUE: tuple[str, ...] = (
    r"\b(?:anname|teavitame|saadame|võtame\s+(?:teiega\s+|sinuga\s+)?ühendust)\b",
    r"\b(?:tagasisid|otsus|vastus|tulemus)\w*",
)
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:palun|palume)\s+(?:\w+\s+){0,3}?(?:vastata|kinnitada|anna\s+märku|saata)", "candidate"),
    (r"\bjooksul\s+(?:peale|pärast)\s+\w+", "anchored"),
    (r"\b{n}\s+tööpäeva\s+(?:jooksul|jooksul\s+peale|pärast)\b", "business_days"),
    (r"\b{n}\s+päeva\s+jooksul\b", "days"),
    (r"\bhomme\b", "tomorrow"),
    (r"\bjärgmise\s+nädala\s+alguses\b", "early_next_week"),
    (r"\bjärgmise\s+nädala\s+(?:jooksul|lõpuks)|\bjärgmisel\s+nädalal\b", "next_week"),
    (r"\bselle\s+nädala\s+(?:jooksul|lõpuks)|\bsel\s+nädalal\b", "this_week"),
    (r"\b(?:{n}\s+)?nädala\s+jooksul\b", "weeks"),
    (r"\b(?:selle\s+)?kuu\s+lõpuks\b", "end_of_month"),
    (r"\bjärgmisel\s+kuul\b", "next_month"),
    (r"\b{month}\s+lõpuks\b", "month_end"),
    (r"\b{month}\s+keskpaigaks\b", "month_middle"),
    (r"\b{day}\.\s*{month}\b", "day_month"),
    (r"\b{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {
    "esmaspäevaks": 0, "esmaspäeval": 0, "teisipäevaks": 1, "teisipäeval": 1, "kolmapäevaks": 2, "kolmapäeval": 2,
    "neljapäevaks": 3, "neljapäeval": 3, "reedeks": 4, "reedel": 4,
}
MONTHS: dict[str, int] = {
    "jaanuari": 1, "jaanuar": 1, "veebruari": 2, "veebruar": 2, "märtsi": 3, "märts": 3, "aprilli": 4, "aprill": 4,
    "mai": 5, "juuni": 6, "juuli": 7, "augusti": 8, "august": 8, "septembri": 9, "september": 9, "oktoobri": 10,
    "oktoober": 10, "novembri": 11, "november": 11, "detsembri": 12, "detsember": 12,
}
NUMBERS: dict[str, int] = {"ühe": 1, "kahe": 2, "kolme": 3, "nelja": 4, "viie": 5, "kümne": 10}
