"""Finnish: kielteiset vastaukset, työtarjoukset, kutsut jatkoon, odotusviestit ja lomavastaajat.

Finnish builds words by suffixes, so patterns end on stems, not on word boundaries. Sources
of the phrasings are in tests/reading/data/lang/fi.yaml; the quoting forms come from
K-9/Thunderbird for Android's Finnish strings.
"""

CODE = "fi"

RULES: dict[str, tuple[str, ...]] = {
    "closed": (  # the post is left unfilled or withdrawn: no verdict on the candidate
        r"\b(?:päättänyt|päätetty|päätti)\s+(?:\w+\s+){0,2}?jättää\s+(?:\w+\s+){0,2}?täyttämättä",
        r"\b(?:tehtävä|virka|paikka|rekrytointi)\w*\s+(?:\w+\s+){0,2}?(?:jätetään|jätettiin)\s+täyttämättä",
    ),
    "rejection": (
        r"\bvalinta(?:mme)?\s+ei\s+(?:\w+\s+){0,3}?(?:kohdistunut|osunut|kohdistu)",
        r"\bei\s+(?:tällä\s+kertaa\s+)?tärpännyt\b",
        r"\bvalitsimme\s+(?:\w+\s+){0,3}?(?:toisen|muita|muun)",
        r"\b(?:tehtävään|paikkaan|rooliin)\s+(?:on\s+)?valittu\s+(?:toinen|toista|muu)",
        r"\b(?:emme\s+voi|valitettavasti\s+emme)\s+(?:\w+\s+){0,3}?(?:tarjota|jatkaa|edetä)",
        r"\bet\s+(?:valitettavasti\s+)?(?:tullut\s+valituksi|edennyt|jatka)",
        r"\btehtävä\s+on\s+(?:jo\s+)?täytetty\b",
        r"\bsisäi\w+\s+hakija",
    ),
    "offer": (
        r"\b(?:ilo|mielellämme)\s+(?:\w+\s+){0,3}?(?:tarjota|tarjoamme)\s+(?:\w+\s+){0,2}?(?:paikka|tehtävä|työ)",
        r"\b(?:sinut|teidät)\s+on\s+valittu\b",
        r"\btyötarjou\w*",
        r"\btyösopimu\w*\b.{0,40}\b(?:liitteenä|allekirjoitettavaksi)",
    ),
    "next_steps": (
        r"\bkutsu\w*\s+(?:\w+\s+){0,3}?(?:haastatteluun|työhaastatteluun|jatkohaastatteluun|tapaamiseen|keskusteluun)",
        r"\b(?:toinen|seuraava|viimeinen|jatko)\s*(?:haastattelu|kierros|vaihe)\w*",
        r"\bjatkoon\b",
        r"\b(?:sopia|varata|ehdottaa)\s+(?:\w+\s+)?(?:aika|ajan|haastatteluaika)",
        r"\b(?:ennakko|koti)tehtäv\w*",
    ),
    "holding": (
        r"\b(?:ilmoitamme|palaamme|kerromme)\b|\bolemme\s+yhteydessä\b|\botamme\s+yhteyttä\b",
        r"\b(?:rekrytointi|haku|valinta)prosessi\s+(?:on\s+)?(?:vielä\s+)?kesken",
        r"\bpäätöstä\s+ei\s+ole\s+vielä",
        r"\bkiitos\s+kärsivällisyydestä",
    ),
    "acknowledgement": (
        r"\bvastaanottaneet\s+(?:\w+\s+)?(?:hakemuksesi|hakemuksenne|viestisi)",
        r"\bhakemuksesi\s+on\s+(?:vastaanotettu|saapunut)",
        r"\bkiitos\s+hakemuksestasi\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"automaattinen\s+vastaus", r"poissaolo\w*", r"lomavastaaja", r"lomalla\b",
                                 r"poissa\s+toimistolta")
AUTO_BODY: tuple[str, ...] = (
    r"\bolen\s+(?:\w+\s+){0,3}?(?:lomalla|poissa|matkoilla|vapaalla|sairaslomalla|virkavapaalla)",
    r"\bpalaan\s+(?:toimistolle\s+|töihin\s+)?\d",
)
SILENCE: tuple[str, ...] = (r"\bjos\s+(?:\w+\s+){0,4}?ei\s+(?:ole\s+)?kuulu", r"\bjos\s+et\s+ole\s+kuullut")
INTERVIEW_WORDS: tuple[str, ...] = (r"haastattelu",)
ATTRIBUTION: tuple[str, ...] = (r".{1,120}?\s+kirjoitti\s*:",)
HEADER_FROM: tuple[str, ...] = ("Lähettäjä",)
HEADER_FIELDS: tuple[str, ...] = ("Lähetetty", "Vastaanottaja", "Kopio", "Aihe", "Päivämäärä")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"alkuper[äa]inen\s+viesti(?:\s*/\s*orig\.?\s*msg\.?)?",)
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo, HubSpot and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); New Outlook's VL: (rows in tests/reading/data/lang/fi.yaml).
FORWARDED: tuple[str, ...] = (r"v[äa]litetty\s+viesti(?:\s*/\s*fwd\.?\s*msg\.?)?", r"edelleenl[äa]hetetty\s+viesti",
                              r"v[äa]litetty\s+viesti\s+alkaa\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("VL",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"toimitus\s+epäonnistui", r"ei\s+voitu\s+toimittaa", r"palautunut\s+viesti")
PROMISE_CUE: tuple[str, ...] = (
    r"\b(?:ilmoitamme|palaamme|kerromme)\b|\bolemme\s+yhteydessä\b|\botamme\s+yhteyttä\b",
    r"\b(?:päätö|vastau|valinna)\w*",
)
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:pyydämme|ystävällisesti)\s+(?:\w+\s+){0,2}?(?:vastaamaan|vahvistamaan|ilmoittamaan|lähettämään)", "candidate"),
    (r"\b{n}\s+työpäivän\s+(?:kuluessa|sisällä)", "business_days"),
    (r"\b{n}\s+päivän\s+(?:kuluessa|sisällä)", "days"),
    (r"\bhuomenna\b", "tomorrow"),
    (r"\bensi\s+viikon\s+alussa\b", "early_next_week"),
    (r"\b(?:ensi|seuraavan)\s+viikon\s+(?:aikana|lopussa|loppuun)|\bensi\s+viikolla\b", "next_week"),
    (r"\btämän\s+viikon\s+(?:aikana|lopussa|loppuun)|\btällä\s+viikolla\b", "this_week"),
    (r"\b(?:{n}\s+)?viikon\s+(?:kuluessa|sisällä)", "weeks"),
    (r"\b(?:tämän\s+)?(?:kuun|kuukauden)\s+loppuun\b", "end_of_month"),
    (r"\bensi\s+kuussa\b", "next_month"),
    (r"\b{day}\.\s*{month}\b", "day_month"),
    (r"\b{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {
    "maanantaihin": 0, "maanantaina": 0, "tiistaihin": 1, "tiistaina": 1, "keskiviikkoon": 2, "keskiviikkona": 2,
    "torstaihin": 3, "torstaina": 3, "perjantaihin": 4, "perjantaina": 4,
}
MONTHS: dict[str, int] = {
    "tammikuuta": 1, "helmikuuta": 2, "maaliskuuta": 3, "huhtikuuta": 4, "toukokuuta": 5, "kesäkuuta": 6,
    "heinäkuuta": 7, "elokuuta": 8, "syyskuuta": 9, "lokakuuta": 10, "marraskuuta": 11, "joulukuuta": 12,
}
NUMBERS: dict[str, int] = {"yhden": 1, "kahden": 2, "kaksi": 2, "kolmen": 3, "kolme": 3, "neljän": 4, "viiden": 5,
                           "viisi": 5, "kuuden": 6, "kymmenen": 10}
