"""German: Absagen, Zusagen, Einladungen, Zwischenbescheide und Abwesenheitsnotizen."""

CODE = "de"

_KANDIDAT = r"(?:kandidat(?:en|in|innen)?|bewerber(?:in|innen|n)?|person)"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        rf"\bf[üu]r\s+(?:einen?\s+|eine\s+)?(?:anderen?|andere|weitere)\s+{_KANDIDAT}\s+entschieden",
        r"\b(?:entscheidung|wahl)\s+(?:ist\s+|fiel\s+)?(?:leider\s+)?(?:auf|f[üu]r)\s+(?:einen?\s+|eine\s+)?(?:anderen?|andere|jemand(?:en)?\s+anderen)",
        r"\bf[üu]r\s+jemand(?:en)?\s+anderen\s+(?:entschieden|gefallen)",
        r"\bunsere\s+entscheidung\s+(?:ist\s+)?(?:leider\s+)?(?:nicht\s+(?:zu\s+)?ihren\s+gunsten|f[üu]r\s+jemand)",
        r"\b(?:nicht|nicht\s+mehr|nicht\s+weiter)\s+(?:weiter\s+)?(?:ber[üu]cksichtig|in\s+betracht|in\s+die\s+engere\s+wahl)",
        r"\b(?:leider\s+)?(?:m[üu]ssen|k[öo]nnen)\s+wir\s+ihnen\s+(?:leider\s+)?(?:mitteilen|keine\s+(?:zusage|positive))",
        r"\b(?:keine|eine)\s+(?:positive\s+)?(?:r[üu]ckmeldung|nachricht)\s+geben\s+k[öo]nnen",
        r"\b(?:k[öo]nnen|konnten)\s+(?:wir\s+)?ihnen\s+(?:leider\s+)?(?:keine\s+zusage|kein\s+angebot|die\s+stelle\s+nicht)",
        r"\b(?:stelle|position|vakanz)\s+(?:wurde|ist|wurde\s+bereits|ist\s+bereits)\s+(?:anderweitig\s+)?(?:besetzt|vergeben)",
        r"\banderweitig\s+(?:besetzt|vergeben|entschieden)",
        r"\bnicht\s+(?:weiter\s+)?(?:ber[üu]cksichtigt|ausgew[äa]hlt)\s+werden",
        r"\b(?:ihre\s+bewerbung|sie)\s+(?:leider\s+)?nicht\s+(?:weiter\s+)?(?:ber[üu]cksichtigen|ausw[äa]hlen|einladen)",
        r"^\s*absage\b",
        rf"\bzwischen\s+ihnen\s+und\s+(?:einem|einer)\s+(?:anderen|weiteren)\s+{_KANDIDAT}",
        r"\bmit\s+bedauern\s+(?:teilen|m[üu]ssen)\s+wir\s+ihnen\s+mit,?\s+dass\s+(?:wir\s+)?(?:uns\s+)?(?:f[üu]r|ihre|sie)",
    ),
    "offer": (
        r"\b(?:freuen\s+uns|freue\s+mich|gl[üu]cklich),?\s+ihnen\s+(?:die\s+stelle|eine\s+zusage|ein\s+(?:vertrags)?angebot|den\s+(?:arbeits)?vertrag|mitteilen\s+zu\s+k[öo]nnen,\s+dass\s+wir\s+ihnen)",
        r"\b(?:vertragsangebot|arbeitsvertrag|jobangebot|stellenangebot\s+(?:f[üu]r\s+sie|anbei))\b",
        r"\b(?:ein\s+)?angebot\s+(?:unterbreiten|machen)\b",
        r"^\s*zusage\b",
    ),
    "next_steps": (
        r"\b(?:einladung|einladen)\s+(?:sie\s+)?(?:zu|zum|zur|f[üu]r)\s+(?:einem\s+|einer\s+)?(?:zweiten\s+|weiteren\s+|pers[öo]nlichen\s+|n[äa]chsten\s+)?(?:vorstellungs|kennenlern|bewerbungs|fach)?(?:gespr[äa]ch|interview|runde|termin)",
        r"\b(?:zu\s+einem\s+)?(?:pers[öo]nlichen\s+|zweiten\s+|weiteren\s+)gespr[äa]ch\s+einladen",
        r"\b(?:zweite|n[äa]chste|finale)n?\s+(?:runde|schritt|gespr[äa]chsrunde)",
        r"\btermin(?:e|vorschl[äa]ge)?\s+(?:vereinbaren|vorschlagen|abstimmen)|\bfolgende\s+termine\b",
        r"(?:gespr[äa]ch|interview|termin)\s+(?:[\w.,]+\s+){0,6}?verschieben|\bverschieben\s+(?:wir|k[öo]nnen)",
        r"\bbesser\s+kennenlernen\b|\bprobearbeit|\bfallstudie\b",
    ),
    "holding": (
        r"\bnoch\s+nicht\s+abgeschlossen",
        r"(?:verfahren|prozess|auswahl)\w*\s+(?:dauert|dauern)\s+(?:noch\s+)?an\b",
        r"\bnoch\s+(?:etwas|einige)\s+zeit",
        r"\bnoch\s+keine\s+(?:endg[üu]ltige\s+)?entscheidung",
        r"\b(?:melden|melde)\s+(?:uns|mich)\s+(?:\w+\s+){0,4}?(?:bis|sp[äa]testens|innerhalb|in\s+den\s+n[äa]chsten|n[äa]chste)",
        r"\bvielen\s+dank\s+f[üu]r\s+ihre\s+geduld",
    ),
    "acknowledgement": (
        r"\beingang\s+(?:ihrer|deiner)\s+(?:bewerbung|nachricht|e-?mail|unterlagen)",
        r"\b(?:vielen\s+)?dank\s+f[üu]r\s+(?:ihre|deine)\s+(?:nachricht|e-?mail|mail|r[üu]ckmeldung|zeilen)",
        r"\b(?:ihre|deine)\s+(?:bewerbung|nachricht|e-?mail|unterlagen)\s+(?:haben\s+wir\s+)?(?:gut\s+)?erhalten",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"automatische\s+antwort", r"abwesenheitsnotiz", r"abwesenheit\b", r"abwesend\b", r"nicht\s+im\s+b[üu]ro",
    r"autom(?:atische)?\.?\s+r[üu]ckantwort",
)
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:ich\s+bin|bin\s+ich)\s+(?:\w+\s+){0,6}?(?:nicht\s+im\s+b[üu]ro|abwesend|im\s+urlaub|nicht\s+erreichbar|au[ßs]er\s+haus)",
    r"\bnicht\s+[üu]ber\s+diese\s+e-?mail-?adresse\s+erreichbar",
    r"\bwieder\s+im\s+b[üu]ro\b",
    r"\bihre\s+(?:nachricht|e-?mail)\s+wird\s+nicht\s+(?:bearbeitet|weitergeleitet)",
)
SILENCE: tuple[str, ...] = (
    r"\b(?:wenn|falls|sollten)\s+sie\s+(?:\w+\s+){0,6}?(?:nichts|keine\s+(?:nachricht|r[üu]ckmeldung|antwort))\s+(?:\w+\s+){0,3}?(?:h[öo]ren|erhalten)",
    r"\bohne\s+(?:r[üu]ckmeldung|antwort|nachricht)\s+(?:von\s+uns|unsererseits)",
)
