"""Who a draft greets, and how: names parsed, never guessed; group mailboxes never greeted.

Display names come from invitations, typed by recruiters and schedulers: "Dr. Jane Smith",
"H. E. Pennypacker", "Roe, Jane", "Seán O'Brien", "Interview Panel". They are parsed with
nameparser (titles, initials and "Last, First" are its job), kept exactly as written, and when
a name cannot be told for sure the greeting carries a `[[NAME]]` marker for the user: a marked
placeholder costs two seconds, a wrong name costs the impression. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from interview_bot.model import Person
from interview_bot.writing.addresses import one_line

__all__ = ["NAME_MARK", "Addressee", "NameForm", "addressee", "is_group_mailbox", "join_names", "recipients_to_greet"]

NAME_MARK = "[[NAME]]"
_NAME_LIMIT = 100

# Words that make a mailbox a group's or a role's, not a person's, in the languages we write
# (by the address's local part, split on . _ - +, and by the words of the display name).
_GROUP_WORDS = frozenset("""
interview interviews interviewing panel recruiting recruitment recruiter recruiters talent talents careers career
jobs job hiring hire team hr people staffing acquisition humanresources resources noreply donotreply reply
info hello contact office admin support applications apply applicants candidates candidate scheduling scheduler
calendar bewerbung bewerbungen karriere personal personalabteilung recrutement rh emploi emplois candidatures
empleo seleccion selección rrhh personas lavoro selezione risorse umane vagas recrutamento werving vacatures
sollicitatie sollicitaties werk banen
""".split())  # noqa: SIM905 - a word list reads better as text
_GLUED = ("talentacquisition", "humanresources", "noreply", "donotreply", "recruiting", "careers", "hiring")
# Courtesy titles: what a formal greeting may keep (German "Dr."), never a first name.
_ACADEMIC = frozenset({"dr", "prof", "professor", "doctor", "dott", "dottssa", "ing", "mag", "dipl", "drs", "ir"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_INITIAL = re.compile(r"^\w\.?$|^(\w\.){2,}$|^\w\.-\w\.$")


class NameForm(str, Enum):
    """How a language greets a person in a business letter."""

    FIRST = "first"  # "Dear Jane," (English, Dutch)
    FULL = "full"  # "Guten Tag Jane Smith,": no gender to guess, no first name alone (de, fr, es, it, pt)


@dataclass(frozen=True)
class Addressee:
    """One person as a greeting names them: `first` and `full` ("" when not known), and whether
    the name is sure. `title` is a courtesy or academic title as written ("Dr.")."""

    first: str
    full: str
    title: str
    sure: bool
    courtesy: str = ""  # "Ms.", "Herr": shown in a marker as a hint, never put in a greeting

    def called(self, form: NameForm, *, keep_title: bool = False) -> str:
        """The words of a greeting for this person, or a marker the user fills in."""
        if form is NameForm.FIRST:
            if self.first:
                return self.first
            if self.sure and self.title and self.full:  # "Dr. Smith": how a surname with a title is addressed
                return f"{self.title} {self.full}"
            shown = " ".join(x for x in (self.title or self.courtesy, self.full) if x)
            return f"[[NAME: {shown}]]" if shown else NAME_MARK
        if not self.full:
            return NAME_MARK
        return f"{self.title} {self.full}" if keep_title and self.title else self.full


# What stands between a person's name and their company or role in a display name: a spaced dash or
# bar ("Laura Willberg – WeCon Oy"); never a hyphen inside a name ("Jean-Luc", "Smith-Jones").
_BESIDE_NAME = re.compile(r"\s+[-–—|/]\s+|\s*\|\s*")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return [_fold(w) for w in re.findall(r"[^\W\d_]+", text)]


def is_group_mailbox(person: Person) -> bool:
    """A group's or a role's mailbox ("Interview Panel", careers@, talent-team@, rrhh@): never greeted."""
    local = person.email.split("@", 1)[0]
    local_words = [w for w in re.split(r"[._+\-]+", _fold(local)) if w]
    if any(w in _GROUP_WORDS for w in local_words) or any(g in _fold(local) for g in _GLUED):
        return True
    name_words = _words(person.name)
    return bool(name_words) and any(w in _GROUP_WORDS for w in name_words)


def _is_initial(word: str) -> bool:
    return bool(_INITIAL.match(word.strip()))


def addressee(person: Person) -> Addressee:
    """How `person` is greeted; a name made only of initials, or none at all, is not sure."""
    raw = one_line(person.name, _NAME_LIMIT).strip().strip('"').strip("'").strip()
    # "Laura Willberg – WeCon Oy", "Jane Smith | Initech": the person is the part before the separator
    raw = _BESIDE_NAME.split(raw, 1)[0].strip()
    if not raw or "@" in raw:
        return Addressee("", "", "", False)  # an address alone never gives a name: a local part is no guess
    if _CJK.search(raw):
        # Family name first, no spaces needed: nameparser's Western order would swap them.
        return Addressee("", raw, "", False)
    from nameparser import HumanName  # 3.6 MB of tables: loaded when a draft is greeted, not at start

    parsed = HumanName(raw)
    title = str(parsed.title).strip()
    if title and not all(_fold(w).strip(".") in _ACADEMIC | {"mx", "ms", "mrs", "miss", "sir", "madam", "frau",
                                                               "herr", "mme", "mlle", "m", "sr", "sra", "srta",
                                                               "dhr", "mevr", "sig", "signora", "dona", "dom"}
                         for w in title.split()):
        title = ""  # a word nameparser took for a title that no letter would write ("Chief", "Lord")
    academic = " ".join(w for w in title.split() if _fold(w).strip(".") in _ACADEMIC)
    first, middle, last = str(parsed.first).strip(), str(parsed.middle).strip(), str(parsed.last).strip()
    if first and _is_initial(first):
        first = ""
    parts = [p for p in (str(parsed.first).strip(), middle, last, str(parsed.suffix).strip()) if p]
    full = " ".join(parts)
    if not first and not last and title:  # "Ms. Jane": nameparser calls Jane a surname
        full = ""
    if title and not str(parsed.first).strip() and last:
        # "Dr. Smith", "Ms. Jane": whether the one word is a first name or a surname is not sure
        return Addressee("", last, academic, bool(academic), courtesy=title)
    return Addressee(first, full, academic, bool(first))


def recipients_to_greet(people: Sequence[Person]) -> tuple[list[Person], list[Person]]:
    """(people, groups): group mailboxes are set apart; when nobody else is there, they are the people."""
    persons = [p for p in people if not is_group_mailbox(p)]
    groups = [p for p in people if is_group_mailbox(p)]
    return (persons, groups) if persons else (groups, [])


def join_names(names: Sequence[str], conjunction: str) -> str:
    """"Jane", "Jane and Dale", "Jane, Dale and Sam" with the language's word for "and"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
