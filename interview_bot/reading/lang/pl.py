"""Polish: odmowy, oferty, zaproszenia na kolejny etap, odpowiedzi wstrzymujące i autorespondery.

Sources of the phrasings are in tests/reading/data/lang/pl.yaml; the quoting forms come from
K-9/Thunderbird for Android's Polish strings and Outlook's header labels.
"""

CODE = "pl"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\bwybraliśmy\s+(?:\w+\s+){0,2}?(?:inn\w+\s+)?(?:kandydat\w*|osob\w+|jego|ją)\b",
        r"\b(?:wybór|decyzja)\s+(?:\w+\s+)?(?:padł[ao]?|zapadła)\s+na\s+inn",
        r"\bzdecydowaliśmy\s+się\s+(?:na\s+|kontynuować\s+(?:\w+\s+){0,2}?z\s+)?inn\w+\s+(?:kandydat|osob)",
        r"\binn\w*\s+(?:kandydat\w*|osob\w+)\s+(?:\w+\s+){0,4}?(?:lepiej|bardziej)\s+(?:odpowiada|spełnia|pasuje|pasował)",
        r"\bnie\s+jesteśmy\s+(?:jeszcze\s+)?gotowi,?\s+(?:aby\s+)?(?:\w+\s+){0,2}?(?:złożyć|zaproponować|przedstawić|omówienia|do\s+omówienia)",
        r"\bnie\s+(?:możemy|będziemy\s+mogli)\s+(?:\w+\s+){0,3}?(?:zaproponować|zaoferować|przedstawić|złożyć)\s+(?:\w+\s+){0,2}?(?:ofert|stanowisk|prac|współprac)",
        r"\bnie\s+(?:zakwalifikował\w*|kwalifikuje\s+się|kwalifikujesz\s+się|został\w*\s+(?:wybran|zakwalifikowan)\w*)",
        r"\bz\s+przykrością\s+(?:informujemy|musimy\s+(?:\w+\s+)?poinformować),?\s+że\s+(?:nie|wybraliśmy|zdecydowaliśmy|inn)",
        r"\bnie\s+będziemy\s+(?:dalej\s+)?(?:kontynuować|procedować|rozpatrywać)\b",
        r"\b(?:zdecydowaliśmy|postanowiliśmy)\s+się\s+nie\s+(?:kontynuować|procedować|przechodzić)\b",
        r"\bdla\s+(?:ciebie|pana|pani)\s+(?:\w+\s+){0,4}?dobiegł\w*\s+końca",
        r"\b(?:stanowisko|wakat|etat)\s+(?:zostało|został|jest)\s+(?:już\s+)?(?:obsadzon\w*|zamknięt\w*)",
        r"\b(?:kandydat\w*|osob\w+)\s+(?:z\s+wewnątrz|wewnętrzn\w*)\b|\brekrutacj\w+\s+wewnętrzn",
    ),
    "offer": (
        r"\b(?:przedstawiamy|składamy|przesyłamy|przedstawić|złożyć)\s+(?:\w+\s+){0,3}?ofert[ęa]\s+(?:prac|zatrudnieni|współprac)",
        r"\b(?:chcielibyśmy|chcemy)\s+(?:ci|panu|pani)\s+(?:zaproponować|zaoferować|złożyć\s+ofertę)",
        r"\bzostał(?:a|eś|aś)?\s+(?:pan\w*\s+)?wybran\w*\s+na\s+stanowisko",
        r"\bumow[aęy]\s+o\s+pracę\b.{0,40}\b(?:w\s+załączniku|przesyłamy|do\s+podpisu)",
    ),
    "next_steps": (
        r"\bzaprasza\w*\s+(?:\w+\s+){0,3}?(?:na|do)\s+(?:\w+\s+){0,2}?(?:rozmow|spotkani|etap|wideorozmow|zadani)\w*",
        r"\b(?:drugi|kolejny|następny|finałowy|ostatni)\s+etap\w*\b",
        r"\bdo\s+(?:kolejnego|następnego|dalszego|drugiego|finałowego)\s+etapu\b",
        r"\bzadani\w+\s+(?:rekrutacyjn|domow|praktyczn)\w*",
        r"\b(?:wybra|zaproponowa|ustal|umów|umawia)\w*\s+(?:\w+\s+){0,2}?(?:dogodn\w+\s+)?termin\w*",
        r"\bzakwalifikowan\w*\s+do\s+(?:\w+\s+){0,2}?(?:rozmow|etap|spotkani)\w*",
        r"\bumówić\s+(?:się\s+)?(?:z\s+\w+\s+)?na\s+(?:\w+\s+)?rozmow\w*",
    ),
    "holding": (
        r"\b(?:odezwiemy|skontaktujemy|odpiszemy)\s+się\b",
        r"\b(?:poinformujemy|damy\s+znać|przekażemy\s+informacj)\w*",
        r"\b(?:proces\s+rekrutacji|rekrutacja)\s+(?:jest\s+)?(?:wciąż|nadal|jeszcze)\s+(?:trwa|w\s+toku)",
        r"\bjeszcze\s+nie\s+(?:podjęliśmy|zapadła)\s+decyzj",
        r"\bdziękujemy\s+za\s+cierpliwość",
    ),
    "acknowledgement": (
        r"\botrzymaliśmy\s+(?:\w+\s+){0,2}?(?:zgłoszeni|aplikacj|cv|wiadomoś|dokument|kandydatur)\w*",
        r"\bdziękujemy\s+za\s+(?:przesłanie|wysłanie|złożenie)\s+(?:\w+\s+)?(?:aplikacji|cv|zgłoszenia|dokumentów)",
        r"\bpotwierdzamy\s+(?:otrzymanie|wpłynięcie)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"automatyczna\s+odpowied[źz]", r"odpowied[źz]\s+automatyczna", r"autoodpowied[źz]", r"poza\s+biurem",
    r"nieobecno[śs][ćc]\b", r"wiadomo[śs][ćc]\s+o\s+nieobecno[śs]ci",
)
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:jestem|będę)\s+(?:\w+\s+){0,4}?(?:poza\s+biurem|na\s+urlopie|nieobecn\w+|niedostępn\w+)",
    r"\bw\s+czasie\s+mojej\s+nieobecności\b",
    r"\bwracam\s+(?:do\s+(?:biura|pracy)\s+)?(?:dnia|w\s+dniu|\d)",
)
SILENCE: tuple[str, ...] = (
    r"\b(?:jeśli|jeżeli|w\s+przypadku\s+gdy|gdyby)\s+(?:\w+\s+){0,6}?nie\s+(?:otrzyma\w*|odezwiemy|skontaktujemy)",
    r"\bbrak\s+(?:odpowiedzi|kontaktu)\s+(?:\w+\s+){0,4}?oznacza",
)
INTERVIEW_WORDS: tuple[str, ...] = (
    r"\brozmow\w*\s+(?:kwalifikacyjn|rekrutacyjn|o\s+prac)\w*",
    r"\bspotkani\w+\s+rekrutacyjn\w*",
    r"\b(?:pierwszy|drugi|trzeci|kolejny|finałowy|ostatni)\s+etap\w*\s+(?:rekrutacji|rozmów)",
    r"\brozmow\w*\s+(?:telefoniczn\w+\s+|wstępn\w+\s+|techniczn\w+\s+)?z\s+(?:rekruter\w*|hr|manager\w*|menedżer\w*)",
    r"\brozmow\w*\s+techniczn\w*",
)
ATTRIBUTION: tuple[str, ...] = (
    r"(?:w\s+dniu|dnia)\s+.{1,120}?\s+(?:napisał\(a\)|napisał/a|napisała?|pisze)\s*:",
    r".{1,120}?\s+(?:napisał\(a\)|napisał/a|napisała?|nadesłał)\s*:",
)
HEADER_FROM: tuple[str, ...] = ("Od",)
HEADER_FIELDS: tuple[str, ...] = ("Wysłano", "Wysłane", "Do", "DW", "Temat", "Data")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"wiadomo[śs][ćc]\s+oryginalna", r"oryginalna\s+wiadomo[śs][ćc]",
                                      r"tre[śs][ćc]\s+oryginalnej\s+wiadomo[śs]ci")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, HubSpot and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's PD: (rows in tests/reading/data/lang/pl.yaml).
FORWARDED: tuple[str, ...] = (r"przekazana\s+wiadomo[śs][ćc]", r"wiadomo[śs][ćc]\s+(?:przekazana|przes[łl]ana)\s+dalej",
                              r"tre[śs][ćc]\s+przekazanej\s+wiadomo[śs]ci",
                              r"pocz[ąa]tek\s+przekazywanej\s+wiadomo[śs]ci\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("PD",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"niedostarczon\w*\s+wiadomo", r"nie\s+można\s+dostarczyć",
                                   r"wiadomo[śs][ćc]\s+nie\s+została\s+dostarczona")
PROMISE_CUE: tuple[str, ...] = (
    r"\b(?:odezwiemy|skontaktujemy|odpowiemy|odpiszemy)\s+się",
    r"\b(?:poinformujemy|przekażemy|damy\s+znać|wrócimy|prześlemy)",
    r"\b(?:decyzj|informacj\w*\s+zwrotn|odpowied|wynik)\w*",
)
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\bprosimy\s+o\s+(?:odpowied[źz]|potwierdzenie|przesłanie|informacj)", "candidate"),
    (r"\bw\s+ci[ąa]gu\s+{n}\s+dni\s+roboczych\b", "business_days"),
    (r"\bw\s+ci[ąa]gu\s+{n}\s+(?:dni|dnia)\b", "days"),
    (r"\bw\s+ci[ąa]gu\s+(?:{n}\s+)?tygodni(?:a)?\b", "weeks"),
    (r"\bw\s+ci[ąa]gu\s+(?:{n}\s+)?miesi[ęe]c(?:a|y)\b", "months"),
    (r"\bjutro\b", "tomorrow"),
    (r"\bna\s+pocz[ąa]tku\s+przysz[łl]ego\s+tygodnia\b", "early_next_week"),
    (r"\b(?:do\s+ko[ńn]ca\s+|w\s+)?przysz[łl](?:ym|ego)\s+tygodni[au]\b", "next_week"),
    (r"\b(?:do\s+ko[ńn]ca\s+|w\s+)?(?:tym|tego)\s+tygodni[au]\b", "this_week"),
    (r"\bdo\s+ko[ńn]ca\s+(?:tego\s+)?miesi[ąa]ca\b", "end_of_month"),
    (r"\bw\s+przysz[łl]ym\s+miesi[ąa]cu\b", "next_month"),
    (r"\b{day}\s+{month}\b", "day_month"),
    (r"\b{day}\.{month}\.", "day_month"),
    (r"\b(?:do|w|we|na)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {
    "poniedziałku": 0, "poniedziałek": 0, "wtorku": 1, "wtorek": 1, "środy": 2, "środę": 2, "czwartku": 3,
    "czwartek": 3, "piątku": 4, "piątek": 4,
}
MONTHS: dict[str, int] = {
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
}
NUMBERS: dict[str, int] = {
    "jednego": 1, "jednej": 1, "dwóch": 2, "dwu": 2, "dwa": 2, "dwie": 2, "trzech": 3, "trzy": 3, "czterech": 4,
    "cztery": 4, "pięciu": 5, "pięć": 5, "sześciu": 6, "siedmiu": 7, "dziesięciu": 10, "dziesięć": 10,
    "czternastu": 14,
}
