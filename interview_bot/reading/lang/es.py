"""Spanish: rechazos, ofertas, siguientes pasos, mensajes de espera y respuestas automáticas."""

CODE = "es"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\b(?:seguir|continuar|avanzar)\s+adelante\s+con\s+otr[oa]s?\s+(?:candidat|perfil|persona)",
        r"\b(?:no\s+ha(?:s|n)?\s+sido|no\s+fue)\s+(?:seleccionad|elegid|aceptad)",
        r"\bno\s+(?:podemos|vamos\s+a|podremos)\s+(?:continuar|seguir|avanzar)\s+con\s+(?:su|tu)\s+(?:candidatura|solicitud|proceso)",
        r"\blamentamos\s+(?:informarle|informarte|comunicarle|comunicarte)",
        r"\b(?:elegido|seleccionado|optado\s+por)\s+(?:a\s+)?otr[oa]\s+(?:candidat|perfil|persona)",
        r"\b(?:puesto|vacante)\s+(?:ha\s+sido|fue|ya\s+ha\s+sido)\s+(?:cubiert|ocupad)",
    ),
    "offer": (
        r"\b(?:nos\s+complace|tenemos\s+el\s+(?:placer|gusto)\s+de|encantados\s+de)\s+(?:ofrecerle|ofrecerte|hacerle|hacerte|proponerle|proponerte)",
        r"\b(?:oferta|propuesta)\s+(?:de\s+empleo|de\s+trabajo|laboral|formal|económica)\b|\bcarta\s+(?:de\s+)?oferta\b",
    ),
    "next_steps": (
        r"\b(?:invitarle|invitarte|convocarle|convocarte|citarle|citarte)\s+a\s+(?:una|la)\s+(?:segunda\s+|siguiente\s+|próxima\s+|nueva\s+)?entrevista",
        r"\b(?:siguiente|próxima)\s+(?:fase|etapa|entrevista|ronda)\b|\bsegunda\s+entrevista\b",
        r"\b(?:su|tu)\s+disponibilidad\b",
        r"\bpreseleccion\w*\s+para\s+una\s+(?:llamada|entrevista)",
        r"\breprogramar\b",
    ),
    "holding": (
        r"\b(?:seguimos|todavía\s+estamos|aún\s+estamos)\s+(?:evaluando|revisando|valorando|en\s+proceso)",
        r"\btodavía\s+no\s+(?:hemos\s+)?(?:tomado|tenemos)\s+una\s+decisión",
        r"\b(?:le|te)\s+(?:informaremos|mantendremos\s+informad|contactaremos|daremos\s+una\s+respuesta)",
        r"\bgracias\s+por\s+(?:su|tu)\s+paciencia\b",
    ),
    "acknowledgement": (
        r"\b(?:hemos\s+)?recibido\s+(?:correctamente\s+)?(?:su|tu)\s+(?:candidatura|solicitud|mensaje|correo|cv)",
        r"\bgracias\s+por\s+(?:su|tu)\s+(?:mensaje|correo|candidatura)\b",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (
    r"respuesta\s+autom[áa]tica", r"fuera\s+de\s+(?:la\s+)?oficina", r"ausente\b", r"de\s+vacaciones\b",
)
AUTO_BODY: tuple[str, ...] = (
    r"\b(?:estoy|me\s+encuentro)\s+(?:actualmente\s+)?(?:de\s+vacaciones|ausente|fuera\s+de\s+la\s+oficina)",
    r"\bsin\s+acceso\s+(?:regular\s+)?al\s+correo",
)
SILENCE: tuple[str, ...] = (
    r"\bsi\s+no\s+(?:recibe|recibes|ha\s+recibido|has\s+recibido|tiene|tienes)\s+(?:noticias|respuesta)",
    r"\bde\s+no\s+(?:recibir|tener)\s+(?:noticias|respuesta)",
)
