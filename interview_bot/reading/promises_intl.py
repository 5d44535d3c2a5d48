"""Promised decision dates in German, French, Spanish, Italian, Portuguese and Dutch.

Pure. The English reader (interview_bot.reading.promises) knows far more phrasings; this one reads
the common ones a recruiter writes in the other six languages, by the same rules: a date
expression in a sentence that also says the company will answer ("wir melden uns",
"nous reviendrons vers vous", "te informaremos"...), the latest day a fair reader would
still count ("bis Ende nächster Woche" -> Friday of next week), never a deadline set for
the candidate ("bitte ... bis Freitag").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["intl_promises"]

_WEEKDAYS = {
    **dict.fromkeys(("montag", "lundi", "lunes", "lunedì", "lunedi", "segunda", "segunda-feira", "maandag"), 0),
    **dict.fromkeys(("dienstag", "mardi", "martes", "martedì", "martedi", "terça", "terça-feira", "dinsdag"), 1),
    **dict.fromkeys(("mittwoch", "mercredi", "miércoles", "miercoles", "mercoledì", "mercoledi", "quarta",
                     "quarta-feira", "woensdag"), 2),
    **dict.fromkeys(("donnerstag", "jeudi", "jueves", "giovedì", "giovedi", "quinta", "quinta-feira", "donderdag"), 3),
    **dict.fromkeys(("freitag", "vendredi", "viernes", "venerdì", "venerdi", "sexta", "sexta-feira", "vrijdag"), 4),
}
_MONTHS = {
    **dict.fromkeys(("januar", "janvier", "enero", "gennaio", "janeiro", "januari"), 1),
    **dict.fromkeys(("februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari"), 2),
    **dict.fromkeys(("märz", "maerz", "mars", "marzo", "março", "maart"), 3),
    **dict.fromkeys(("april", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maggio", "maio", "mei"), 5),
    **dict.fromkeys(("juni", "juin", "junio", "giugno", "junho"), 6),
    **dict.fromkeys(("juli", "juillet", "julio", "luglio", "julho"), 7),
    **dict.fromkeys(("august", "août", "aout", "agosto", "augustus"), 8),
    **dict.fromkeys(("september", "septembre", "septiembre", "settembre", "setembro"), 9),
    **dict.fromkeys(("oktober", "octobre", "octubre", "ottobre", "outubro"), 10),
    **dict.fromkeys(("november", "novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "december"), 12),
}
_NUMBERS = {
    **dict.fromkeys(("ein", "einer", "eine", "un", "une", "uno", "una", "um", "uma", "een"), 1),
    **dict.fromkeys(("zwei", "deux", "dos", "due", "dois", "duas", "twee"), 2),
    **dict.fromkeys(("drei", "trois", "tres", "tre", "três", "drie"), 3),
    **dict.fromkeys(("vier", "quatre", "cuatro", "quattro", "quatro"), 4),
    **dict.fromkeys(("fünf", "cinq", "cinco", "cinque", "vijf"), 5),
    **dict.fromkeys(("zehn", "dix", "diez", "dieci", "dez", "tien"), 10),
}
_DAY_UNITS = r"tagen?|jours?|días|dias|d[íi]a|giorni|giorno|dagen|dag"
_WEEK_UNITS = r"wochen?|semaines?|semanas?|settimane|settimana|weken|week"
_NUM = r"(?P<num>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_WITHIN = (r"(?:innerhalb\s+(?:von\s+|der\s+n[äa]chsten\s+)?|in\s+(?:den\s+n[äa]chsten\s+)?|sous\s+|dans\s+(?:les\s+)?|d'ici\s+"
           r"|en\s+(?:un\s+plazo\s+(?:aproximado\s+)?de\s+|los\s+pr[óo]ximos\s+)?|dentro\s+de\s+(?:los\s+pr[óo]ximos\s+)?"
           r"|entro\s+(?:i\s+prossimi\s+)?|em\s+(?:at[ée]\s+)?|nos\s+pr[óo]ximos\s+|binnen\s+|over\s+)")
_F = re.IGNORECASE
_EXPRESSIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_WITHIN + _NUM + r"\s+(?:[a-zé]+\s+)?(?P<unit>" + _DAY_UNITS + "|" + _WEEK_UNITS + r")\b", _F), "relative"),
    (re.compile(r"\b(?:ende\s+(?:der\s+)?n[äa]chste[nr]?\s+woche|n[äa]chste\s+woche|fin\s+de\s+la\s+semaine\s+prochaine"
                r"|la\s+semaine\s+prochaine|(?:finales\s+de\s+|final\s+de\s+)?la\s+(?:pr[óo]xima|siguiente)\s+semana"
                r"|la\s+semana\s+que\s+viene|(?:fine\s+della\s+)?(?:prossima\s+settimana|settimana\s+prossima)"
                r"|(?:o\s+final\s+da\s+)?pr[óo]xima\s+semana|(?:eind\s+)?volgende\s+week)\b", _F), "next_week"),
    (re.compile(r"\b(?:ende\s+(?:der|dieser)\s+woche|diese\s+woche|fin\s+de\s+(?:la|cette)\s+semaine|cette\s+semaine"
                r"|esta\s+semana|(?:fine\s+)?(?:di\s+)?questa\s+settimana|deze\s+week|eind\s+van\s+de\s+week)\b", _F), "this_week"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:\.|er|º|°)?\s+(?:de\s+)?(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True))
                + r")\b", _F), "day_month"),
    (re.compile(r"\b(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b", _F), "weekday"),
)
_CUE = re.compile(
    r"(?:melden|entscheid|r[üu]ckmeldung|antwort|bescheid|informieren|h[öo]ren|reviendr|r[ée]pon|d[ée]cision|nouvelles"
    r"|inform|contact|retour|consid[ée]rer|respuesta|responder|decisi[óo]n|noticias|risposta|decisione|ricontatt"
    r"|faremo\s+sapere|riscontro|resposta|decis[ãa]o|contato|retorn|laten\s+weten|besluit|beslissing|reactie|bericht)",
    _F)
_CANDIDATE = re.compile(r"\b(?:bitte|veuillez|merci\s+de|por\s+favor|per\s+favore|gelieve|graag\s+(?:uw|je))\b", _F)
_NEGATION = re.compile(r"\b(?:nicht|kein|keine|pas|no|non|não|niet|geen)\b(?!\s+(?:von\s+uns|de\s+notre|de\s+nuestra))", _F)


def _friday(day: date, weeks: int) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks, days=4)


def _read(kind: str, m: re.Match[str], base: date) -> date | None:
    if kind == "relative":
        word = m["num"].lower()
        n = int(word) if word.isdigit() else _NUMBERS[word]
        weeks = re.match(_WEEK_UNITS, m["unit"], _F) is not None
        return base + (timedelta(weeks=n) if weeks else timedelta(days=n))
    if kind == "next_week":
        return _friday(base, 1)
    if kind == "this_week":
        return _friday(base, 0) if base.weekday() <= 4 else _friday(base, 1)
    if kind == "day_month":
        month, day = _MONTHS[m["month"].lower()], int(m["day"])
        for year in (base.year, base.year + 1):
            try:
                found = date(year, month, day)
            except ValueError:
                return None
            if found >= base:
                return found
        return None
    ahead = (_WEEKDAYS[m["weekday"].lower()] - base.weekday()) % 7 or 7
    return base + timedelta(days=ahead)


def intl_promises(sentences: list[str], base: date) -> list[tuple[date, str]]:
    """(date, phrase) for each promise in these sentences (whitespace collapsed), left to right."""
    found: list[tuple[date, str]] = []
    for sentence in sentences:
        if not _CUE.search(sentence) or _CANDIDATE.search(sentence):
            continue
        taken: list[tuple[int, int]] = []
        for pattern, kind in _EXPRESSIONS:
            for m in pattern.finditer(sentence):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if _NEGATION.search(sentence[max(0, m.start() - 40):m.start()]) and kind != "relative":
                    continue
                day = _read(kind, m, base)
                if day is not None and day >= base:
                    taken.append((m.start(), m.end()))
                    found.append((day, " ".join(sentence.split())[:120]))
    return found
