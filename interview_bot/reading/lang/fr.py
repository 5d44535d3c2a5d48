"""French: refus, propositions, invitations, réponses d'attente et réponses automatiques."""

CODE = "fr"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\bne\s+pas\s+donner\s+suite\b",
        r"\bne\s+(?:pouvons|pourrons|pouvions|sommes)\s+(?:pas|plus)\s+(?:en\s+mesure\s+de\s+)?(?:y\s+)?donner\s+(?:une\s+)?suite",
        r"\b(?:n'a|n'ont|n'avez|n'avons)\s+(?:donc\s+)?pas\s+(?:pu\s+)?(?:être\s+|été\s+)?(?:retenue?s?|sélectionn)",
        r"\bpas\s+(?:été\s+)?retenue?\b",
        r"\bau\s+regret\s+de\s+vous\s+(?:informer|annoncer|faire\s+savoir)",
        r"\bd'autres\s+(?:candidats?|candidatures|profils)\s+(?:sont|correspond|plus|mieux)",
        r"\b(?:choisi|retenu|opté\s+pour)\s+(?:un|une)\s+autre\s+(?:candidat|candidate|profil|candidature)",
        r"\b(?:poste|offre)\s+(?:a\s+été|est)\s+(?:déjà\s+)?pourvue?",
        r"\bsuite\s+défavorable\b|\bréponse\s+négative\b",
    ),
    "offer": (
        r"\b(?:heureux|heureuse|ravis?|ravie|plaisir|le\s+plaisir)\s+(?:de|à)\s+vous\s+(?:proposer|offrir|faire\s+une\s+(?:offre|proposition))",
        r"\b(?:proposition|promesse|offre)\s+(?:d'embauche|d'emploi|de\s+contrat)\b",
        r"\bvotre\s+candidature\s+a\s+été\s+retenue\b",
    ),
    "next_steps": (
        r"\b(?:vous\s+)?(?:inviter|convier|convoquer)\s+(?:à|pour)\s+(?:un|une|le|notre)\s+(?:second\s+|deuxième\s+|nouvel\s+|prochain\s+|dernier\s+)?(?:entretien|échange|rendez-vous|tour)",
        r"\b(?:prochaine|dernière)\s+étape\b|\b(?:second|deuxième|dernier)\s+entretien\b|\bentretien\s+(?:final|technique)\b",
        r"\breporter\s+(?:votre|l'|notre|cet)\s*entretien|\breprogrammer\b",
        r"\b(?:vos|tes)\s+disponibilités\b",
    ),
    "holding": (
        r"\btoujours\s+en\s+cours\b|\bpas\s+encore\s+(?:pris|de\s+décision|terminé)",
        r"\b(?:reviendrons|reviendrai)\s+vers\s+vous\b",
        r"\bvous\s+(?:tiendrons|tiendrai)\s+informée?s?\b",
        r"\bmerci\s+(?:pour|de)\s+votre\s+patience\b",
    ),
    "acknowledgement": (
        r"\b(?:bien\s+)?reçu\s+votre\s+(?:candidature|message|mail|e-?mail|courriel)",
        r"\baccusé\s+de\s+réception\b",
        r"\bmerci\s+(?:beaucoup\s+)?(?:pour|de)\s+votre\s+(?:message|mail|e-?mail|courriel|retour)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"r[ée]ponse\s+automatique", r"absence\s+du\s+bureau", r"absent(?:e|\(e\))?\s+du\s+bureau", r"absence\b",
    r"message\s+d'absence", r"en\s+cong[ée]s?\b",
)
AUTO_BODY: tuple[str, ...] = (
    r"\bje\s+suis\s+(?:actuellement\s+)?(?:absent(?:e|\(e\))?|en\s+cong[ée]s?|en\s+vacances|en\s+d[ée]placement)",
    r"\bje\s+n'aurai\s+pas\s+accès\s+à\s+(?:ma\s+messagerie|mes\s+e-?mails)",
)
SILENCE: tuple[str, ...] = (
    r"\bsans\s+(?:réponse|nouvelles?|retour)\s+de\s+notre\s+part\b",
    r"\bsi\s+vous\s+n'avez\s+pas\s+(?:de\s+(?:réponse|nouvelles)|reçu)",
)
# Forwards beyond quoteforms.FORWARDED's seed: Apple Mail's, Yahoo's and Thunderbird's separators as
# crisp-oss/email-forward-parser lib/parser.js lists them (commit 0ae68013fc893f66c38adc848a21c1f9598843c9).
FORWARDED: tuple[str, ...] = ("Début du message transféré:", "Message transmis")
