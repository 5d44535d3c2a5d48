"""Italian: rifiuti, offerte, prossimi passi, attese e risposte automatiche."""

CODE = "it"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\bnon\s+(?:è|e')\s+stata\s+(?:accolta|selezionata|scelta)",
        r"\bnon\s+ha\s+scelto\s+il\s+(?:tuo|suo)\s+profilo",
        r"\b(?:procedere|proseguire|andare\s+avanti)\s+con\s+(?:altri|un\s+altro|un'altra|altre)\s+(?:candidat|profil)",
        r"\bnon\s+(?:potremo|possiamo|proseguiremo)\s+(?:proseguire|procedere|dare\s+seguito)",
        r"\b(?:siamo\s+spiacenti|ci\s+dispiace)\s+(?:di\s+)?(?:comunicarle|comunicarti|informarla|informarti)",
        r"\b(?:scelto|selezionato)\s+(?:un\s+altro|un'altra|altri)\s+(?:candidat|profil)",
        r"\bposizione\s+(?:è|e')\s+stata\s+(?:già\s+)?(?:coperta|chiusa)",
    ),
    "offer": (
        r"\b(?:lieti|felici|il\s+piacere)\s+di\s+(?:offrirle|offrirti|proporle|proporti)",
        r"\b(?:offerta|proposta)\s+(?:di\s+lavoro|di\s+assunzione|formale|contrattuale)\b|\blettera\s+di\s+(?:assunzione|offerta)\b",
    ),
    "next_steps": (
        r"\b(?:invitarla|invitarti|convocarla|convocarti)\s+(?:a|per)\s+(?:un|il|un\s+secondo|un\s+ulteriore)\s+colloquio",
        r"\b(?:secondo|ulteriore|prossimo)\s+colloquio\b|\bprossim[oa]\s+(?:fase|step|passo)\b",
        r"\b(?:sua|tua)\s+disponibilità\b",
        r"\bselezionata\s+per\s+una\s+chiamata\s+o\s+per\s+un\s+colloquio",
        r"\b(?:riprogrammare|spostare)\s+(?:il|l')\s*colloquio",
    ),
    "holding": (
        r"\b(?:stiamo\s+ancora|ancora\s+in\s+fase\s+di)\s+(?:valutando|valutazione|selezione)",
        r"\b(?:le|ti)\s+(?:faremo\s+sapere|daremo\s+(?:un\s+)?riscontro|aggiorneremo|ricontatteremo)",
        r"\bgrazie\s+per\s+la\s+(?:sua|tua)\s+pazienza\b",
    ),
    "acknowledgement": (
        r"\b(?:abbiamo\s+)?ricevuto\s+(?:correttamente\s+)?(?:la\s+sua|la\s+tua|il\s+suo|il\s+tuo)\s+(?:candidatura|email|e-mail|mail|messaggio|cv)",
        r"\bgrazie\s+per\s+(?:la\s+sua|la\s+tua|il\s+suo|il\s+tuo)\s+(?:messaggio|email|e-mail|mail)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"risposta\s+automatica", r"fuori\s+sede", r"fuori\s+ufficio", r"non\s+al\s+computer", r"assente\b",
)
AUTO_BODY: tuple[str, ...] = (
    r"\bsar[òo]\s+(?:assente|fuori\s+(?:ufficio|sede))",
    r"\b(?:sono|mi\s+trovo)\s+(?:attualmente\s+)?(?:assente|fuori\s+(?:ufficio|sede)|in\s+ferie)",
)
SILENCE: tuple[str, ...] = (
    r"\bse\s+non\s+(?:riceverà|riceverai|ricevesse|dovesse\s+ricevere|avrà|avrai)\s+(?:notizie|risposta|riscontro)",
    r"\bin\s+assenza\s+di\s+(?:nostre\s+notizie|nostro\s+riscontro|risposta)",
)
# Forwards beyond quoteforms.FORWARDED's seed: Apple Mail's, Yahoo's and Thunderbird's separators as
# crisp-oss/email-forward-parser lib/parser.js lists them (commit 0ae68013fc893f66c38adc848a21c1f9598843c9).
FORWARDED: tuple[str, ...] = ("Inizio messaggio inoltrato:",)
