"""Romanian: respingeri, oferte, invitații la etapa următoare, mesaje de așteptare și răspunsuri automate.

The quoting forms come from K-9/Thunderbird for Android's Romanian strings
(tests/reading/data/lang/ro.yaml).
"""

CODE = "ro"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:am\s+decis|am\s+hotărât)\s+să\s+(?:continuăm|mergem\s+mai\s+departe|avansăm)\s+(?:\w+\s+){0,3}?cu\s+(?:un\s+alt|alți|o\s+altă|alte|alt)\b",
        r"\b(?:alt|alți|altă|alte)\s+candida\w*\s+(?:\w+\s+){0,4}?(?:potrivi|corespun)\w*",
        r"\bdin\s+păcate,?\s+(?:\w+\s+){0,4}?(?:nu\s+(?:putem|vom|am\s+putut)|nu\s+a[țt]i\s+fost\s+selectat)",
        r"\bnu\s+(?:a[țt]i|ai)\s+fost\s+(?:selectat|ales)\w*",
        r"\bpozi[țt]ia\s+a\s+fost\s+(?:deja\s+)?ocupat[ăa]",
        r"\bcandidat\s+intern\b",
        r"\bnu\s+vom\s+(?:continua|merge\s+mai\s+departe)\b",
        # "nu întruniți criteriile de eligibilitate", "nu îndepliniți cerințele postului" (not "dacă nu îndepliniți")
        r"(?<!dac[ăa]\s)\bnu\s+(?:[îi]ntrun|[îi]ndeplin)\w*\s+(?:\w+\s+){0,2}?(?:criteri|cerin[țţt]|condi[țţt]i)\w*",
    ),
    "offer": (
        r"\b(?:avem\s+plăcerea|suntem\s+bucuroși|ne\s+bucurăm)\s+(?:\w+\s+){0,3}?(?:oferim|oferi|anunțăm|informăm)\s+(?:\w+\s+){0,4}?(?:postul|poziția|oferta|ofertă|angaja)",
        r"\bofert[aă]\s+de\s+(?:angajare|muncă)\b",
        r"\bcontract(?:ul)?\s+de\s+muncă\b.{0,40}\b(?:atașat|anexat|semnare)",
    ),
    "next_steps": (
        r"\b(?:vă\s+)?invit(?:ăm|a[țt]ie)\w*\s+(?:\w+\s+){0,3}?(?:la\s+)?(?:un\s+|o\s+)?(?:interviu|întâlnire|discuție|etap)",
        r"\b(?:al\s+doilea|următorul|ultimul|final)\w*\s+(?:interviu|etap[ăa]|rund[ăa])",
        r"\betapa\s+(?:următoare|a\s+doua|finală)",
        r"\bprogram(?:ăm|a)\s+(?:\w+\s+){0,2}?(?:interviu|întâlnire|discuție)",
        r"\b(?:organizez|organizăm|planificăm|planifica)\s+(?:\w+\s+){0,2}?interviu\w*",
        r"\bselectat[ăa]?\s+pentru\s+(?:un\s+|o\s+)?(?:interviu|întâlnire|etap)\w*",
        r"\bparticipa[țţ]i\s+la\s+(?:\w+\s+){0,4}?interviu\w*",
        # "Sunteți admis/ă la probele de evaluare", "ați fost admis în etapa a doua"
        r"\b(?:sunte[țţt]i|e[șşs]ti|a[țţt]i\s+fost|ai\s+fost)\s+admis\w*(?:/[ăa])?\s+(?:la|în)\s+(?:\w+\s+){0,2}?(?:prob|etap|interviu|evaluar|test|concurs)\w*",
        # "sunteți invitat/ă la evaluarea ...", "ești invitat la interviul ..."
        r"\b(?:sunte[țţt]i|e[șşs]ti|a[țţt]i\s+fost|ai\s+fost)\s+invitat\w*(?:/[ăa])?\s+(?:la|să)\s+(?:\w+\s+){0,2}?(?:interviu|întâlnire|discuți|etap|evaluar|test|prob|concurs)\w*",
        # "sunteți invitat/ă la evenimentul „…”, în rol de candidat"
        r"\binvitat\w*(?:/[ăa])?\s+la\s+evenimentul\b.{0,80}?\bcandidat\b",
    ),
    "holding": (
        r"\bvă\s+vom\s+(?:contacta|comunica|informa|anunța|răspunde)\b|\b(?:revenim|vom\s+reveni)\b",
        r"\bprocesul\s+(?:de\s+(?:selecție|recrutare)\s+)?(?:este\s+)?(?:încă\s+)?în\s+desfășurare",
        r"\bîncă\s+nu\s+(?:am\s+luat|s-a\s+luat)\s+o\s+decizie",
        r"\bvă\s+mulțumim\s+pentru\s+răbdare",
        # "sunteți poziționat/ă în statut de așteptare", "pe lista de așteptare"
        r"\bîn\s+(?:statut(?:ul)?|stare(?:a)?)\s+de\s+a[șş]teptare\b|\bpe\s+lista\s+de\s+a[șş]teptare\b",
        r"\bve[țţt]i\s+fi\s+(?:informat|contactat|anun[țţt]at|notificat)\w*",
    ),
    "acknowledgement": (
        r"\b(?:am\s+primit|am\s+recepționat)\s+(?:\w+\s+){0,2}?(?:aplica[țt]i|candidatur|cv|mesaj|e-?mail)\w*",
        r"\bvă\s+mulțumim\s+pentru\s+(?:aplica[țt]i|candidatur)\w*",
        r"\b(?:vă|îți|îţi)\s+mul[țţ]umim\s+pentru\s+(?:aplicarea|candidatur)\w*",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"r[ăa]spuns\s+automat", r"(?:absent|[îi]n\s+afara)\s+(?:de\s+la\s+)?birou\w*",
                                 r"concediu\b")
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:sunt|voi\s+fi)\s+(?:\w+\s+){0,3}?(?:în\s+concediu|în\s+afara\s+biroului|absent\w*|plecat\w*)",
    r"\bîn\s+perioada\s+absenței\s+mele\b",
)
SILENCE: tuple[str, ...] = (r"\bdacă\s+(?:\w+\s+){0,5}?nu\s+(?:primiți|primești|veți\s+primi|vă\s+contactăm)",)
INTERVIEW_WORDS: tuple[str, ...] = (r"\binterviu\w*", r"\bdiscuți[ae]\s+(?:tehnică|cu\s+recrutor\w*|hr)\b")
ATTRIBUTION: tuple[str, ...] = (r".{1,120}?\s+a\s+scris\s*:",)
HEADER_FROM: tuple[str, ...] = ("De la",)
HEADER_FIELDS: tuple[str, ...] = ("Trimis", "Către", "La", "Cc", "Subiect", "Data")
ORIGINAL_MESSAGE: tuple[str, ...] = (r"mesaj(?:ul)?\s+original",)
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); Outlook's Redir.: and FairEmail's title_subject_forward (rows
# in tests/reading/data/lang/ro.yaml).
FORWARDED: tuple[str, ...] = (r"mesaj\s+redirec[țţt]ionat", r"[îi]ncepe\s+mesajul\s+redirec[țţt]ionat\s*:")
FORWARD_SUBJECT: tuple[str, ...] = ("Redir.", "Redir")
BOUNCE_SUBJECT: tuple[str, ...] = (r"nu\s+a\s+putut\s+fi\s+livrat", r"nelivrat", r"eșec\s+la\s+livrare")
PROMISE_CUE: tuple[str, ...] = (r"\bvă\s+vom\s+(?:contacta|comunica|informa|anunța|răspunde)|\b(?:revenim|vom\s+reveni)\b",
                                r"\b(?:decizi|răspuns|rezultat)\w*")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\bvă\s+rugăm\s+(?:să\s+)?(?:\w+\s+){0,2}?(?:confirma|răspunde|trimite)", "candidate"),
    (r"\bîn\s+(?:termen\s+de\s+|următoarele\s+)?{n}\s+zile\s+lucrătoare\b", "business_days"),
    (r"\bîn\s+(?:termen\s+de\s+|următoarele\s+)?{n}\s+zile\b", "days"),
    (r"\bîn\s+(?:termen\s+de\s+|următoarele\s+)?(?:{n}\s+)?săptămân(?:ă|i)\b", "weeks"),
    (r"\bmâine\b", "tomorrow"),
    (r"\bla\s+începutul\s+săptămânii\s+viitoare\b", "early_next_week"),
    (r"\b(?:până\s+la\s+sfârșitul\s+)?săptămân(?:a|ii)\s+viitoare\b", "next_week"),
    (r"\b(?:până\s+la\s+sfârșitul\s+)?(?:acestei\s+săptămâni|săptămâna\s+aceasta|săptămâna\s+asta)\b", "this_week"),
    (r"\bpână\s+la\s+sfârșitul\s+lunii\b", "end_of_month"),
    (r"\bluna\s+viitoare\b", "next_month"),
    (r"\b{day}\s+{month}\b", "day_month"),
    (r"\b(?:până|până\s+de|pe|de)\s+{weekday}\b", "weekday"),
)
WEEKDAYS: dict[str, int] = {"luni": 0, "marți": 1, "miercuri": 2, "joi": 3, "vineri": 4}
MONTHS: dict[str, int] = {
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "mai": 5, "iunie": 6, "iulie": 7, "august": 8,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
}
NUMBERS: dict[str, int] = {"o": 1, "un": 1, "una": 1, "două": 2, "doi": 2, "trei": 3, "patru": 4, "cinci": 5,
                           "zece": 10, "paisprezece": 14}
