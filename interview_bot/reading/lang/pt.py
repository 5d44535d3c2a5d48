"""Portuguese: recusas, propostas, próximas etapas, esperas e respostas automáticas."""

CODE = "pt"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\boptamos\s+por\s+(?:outr[oa]|seguir\s+com\s+outr[oa]|prosseguir\s+com\s+outr[oa])",
        r"\bnão\s+(?:foi|ter\s+sido|foram)\s+(?:selecionad|aprovad|escolhid)",
        r"\b(?:seguir|prosseguir|avançar)\s+com\s+outr[oa]s?\s+(?:candidat|perfil|perfis)",
        r"\bnão\s+(?:iremos|vamos|poderemos)\s+(?:prosseguir|avançar|dar\s+continuidade)",
        r"\blamentamos\s+(?:informar|comunicar)",
        r"\bvaga\s+(?:já\s+)?(?:foi\s+)?preenchida",
    ),
    "offer": (
        r"\b(?:prazer|felizes|satisfação|satisfeitos)\s+(?:em|de)\s+(?:lhe\s+)?(?:oferecer|propor|apresentar\s+(?:uma|a\s+nossa)\s+proposta)",
        r"\bproposta\s+(?:de\s+emprego|de\s+trabalho|formal|salarial)\b|\bcarta\s+(?:oferta|proposta)\b",
    ),
    "next_steps": (
        r"\bconvid[áa]-l[oa](?:\(a\))?\s+para\s+(?:uma|a)\s+(?:próxima\s+|segunda\s+|nova\s+)?entrevista",
        r"\bconvidar\s+(?:você|o\s+senhor|a\s+senhora)\s+para\s+(?:uma|a)\s+(?:\w+\s+)?entrevista",
        r"\bpróxima\s+(?:etapa|fase|entrevista)\b|\bsegunda\s+entrevista\b",
        r"\b(?:sua|tua)\s+disponibilidade\b|\breagendar\b",
    ),
    "holding": (
        r"\bainda\s+(?:estamos\s+(?:avaliando|analisando|em\s+processo)|não\s+(?:tomamos|temos)\s+uma\s+decisão)",
        r"\b(?:entraremos|retornaremos)\s+em\s+contato\b|\bmanteremos\s+(?:você|o\s+senhor|a\s+senhora)?\s*informad",
        r"\bobrigad[oa]\s+pela\s+(?:sua\s+)?paciência\b",
    ),
    "acknowledgement": (
        r"\brecebemos\s+(?:a\s+sua|sua|o\s+seu|seu)\s+(?:candidatura|currículo|mensagem|e-?mail)",
        r"\bobrigad[oa]\s+pel[ao]\s+(?:sua\s+|seu\s+)?(?:mensagem|e-?mail|contato)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"resposta\s+autom[áa]tica", r"aus[êe]ncia\s+do\s+escrit[óo]rio", r"fora\s+do\s+escrit[óo]rio", r"ausente\b",
    r"de\s+f[ée]rias\b",
)
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:não\s+estou|estou\s+fora)\s+(?:n|d)o\s+escrit[óo]rio",
    r"\bestou\s+(?:atualmente\s+)?(?:de\s+férias|ausente|fora)\b",
)
SILENCE: tuple[str, ...] = (
    r"\b(?:caso|se)\s+não\s+(?:receba|recebas|tenha|tiver|receber)\s+(?:\w+\s+){0,2}?(?:notícias|resposta|retorno|contato)",
)
# Forwards beyond quoteforms.FORWARDED's seed: Apple Mail's, Yahoo's and Thunderbird's separators as
# crisp-oss/email-forward-parser lib/parser.js lists them (commit 0ae68013fc893f66c38adc848a21c1f9598843c9).
FORWARDED: tuple[str, ...] = (r"mensagem\s+reencaminhada", r"in[íi]cio\s+da\s+mensagem\s+(?:re)?encaminhada\s*:")
