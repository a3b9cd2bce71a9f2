"""Participant fields in a spreadsheet: which column names which field, and reading its values.

Headers are matched in French or English whatever their accents, case, spaces or a remark in
brackets ("Prénom", "first name", "Consentement (oui/non)"). Values are read as people type them:
roles, consent and days in French or English ("hôte de table", "oui"/"x", "1 et 2"); a one-digit
département gets its leading zero back ("1" -> "01", Excel drops it), and a département or region
named is read as its code ("Ardèche" -> "07").
"""

from __future__ import annotations

import re

from labkit.model.participants import Role
from labkit.model.territories import normalise_territory
from labkit.model.text import fold

# -- text folding (`fold` is `labkit.model.text`'s) ---------------------------------------------


def compact(text: str) -> str:
    """Folded text without spaces: "Nom de famille" -> "nomdefamille"."""
    return fold(text).replace(" ", "")


def singular(text: str) -> str:
    """Folded text with each word's plural mark dropped: "Crèches" -> "creche"."""
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in fold(text).split())


# -- headers -----------------------------------------------------------------------------------
FIELDS: tuple[str, ...] = (
    "id",
    "first_name",
    "last_name",
    "organisation",
    "function",
    "group",
    "role",
    "email",
    "territory",
    "consent_named",
    "consent_contact",
    "days",
)

_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifiant", "ident", "participantid", "idparticipant"),
    "first_name": ("prenom", "prenoms", "firstname", "first", "givenname", "forename"),
    "last_name": ("nom", "nomdefamille", "nomdusage", "lastname", "last", "surname",
                  "familyname"),
    "organisation": ("structure", "organisation", "organization", "organisme", "nomdelastructure",
                     "nomstructure", "structuredorigine", "institution", "entreprise", "company",
                     "employeur", "employer", "affiliation"),
    "function": ("fonction", "qualite", "fonctionqualite", "fonctionetqualite", "poste",
                 "intituledeposte", "intituleduposte", "jobtitle", "position"),
    "full_name": ("nomprenom", "nometprenom", "prenomnom", "prenometnom", "nomcomplet",
                  "fullname", "name"),
    "group": ("college", "colleges", "groupe", "group", "collegedacteurs", "stakeholdergroup",
              "groupedacteurs", "typedacteur", "categorie", "category"),
    "role": ("role", "roledanslasession", "sessionrole"),
    "email": ("email", "mail", "courriel", "adressemail", "adresseemail", "adressecourriel",
              "emailaddress", "adressemel", "mel"),
    "territory": ("departement", "dept", "dep", "territoire", "territory", "department",
                  "codedepartement", "county"),
    "consent_named": ("consentement", "consent", "accord", "consentnamed", "droitalimage"),
    "days": ("jours", "jour", "days", "day", "presence", "joursdepresence", "daysattending"),
}
# Longer headers starting with these are accepted too ("Consentement à être nommé·e").
_HEADER_PREFIXES: dict[str, tuple[str, ...]] = {
    "consent_contact": ("consentementcontact", "consentementinvitation", "consentcontact",
                        "accordcontact", "accordinvitation", "accepteinvitation"),
    "consent_named": ("consent",),
    "days": ("jours", "days"),
    "territory": ("departement", "territoire", "territory"),
    "email": ("email", "courriel"),
}
_ALIAS_TO_FIELD = {alias: name for name, aliases in _HEADER_ALIASES.items() for alias in aliases}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_field(header: str) -> str | None:
    """The participant field a column header names, or None.

    >>> header_field(" Prénom "), header_field("E-mail"), header_field("Collège d'acteurs")
    ('first_name', 'email', 'group')
    """
    key = compact(_BRACKETS.sub(" ", header))
    if not key:
        return None
    if key in _ALIAS_TO_FIELD:
        return _ALIAS_TO_FIELD[key]
    for name, prefixes in _HEADER_PREFIXES.items():
        if any(key.startswith(p) for p in prefixes):
            return name
    return None


# -- value readers -----------------------------------------------------------------------------
_ROLE_WORDS: dict[str, Role] = {}
for _role, _words in {
    Role.PARTICIPANT: ("participant", "participante", "participants", "participantes",
                       "stagiaire", "invite", "invitee"),
    Role.TABLE_HOST: ("hotedetable", "hotessedetable", "hote", "hotesse", "tablehost", "host",
                      "hotedetableanimateur"),
    Role.FACILITATOR: ("animateur", "animatrice", "animateurrice", "animateurtrice",
                       "facilitateur", "facilitatrice", "facilitateurrice", "facilitateurtrice",
                       "facilitator", "animation", "facilitation"),
    Role.SPONSOR: ("commanditaire", "sponsor", "financeur"),
    Role.OBSERVER: ("observateur", "observatrice", "observateurrice", "observateurtrice",
                    "observer", "observation"),
    Role.GRAPHIC_FACILITATOR: ("facilitateurgraphique", "facilitatricegraphique",
                               "facilitateurricegraphique", "facilitationgraphique",
                               "graphicfacilitator", "graphicrecorder", "scribe",
                               "dessinateur", "dessinatrice"),
}.items():
    for _word in (*_words, compact(_role.value)):
        _ROLE_WORDS[_word] = _role

_TRUE = {"oui", "o", "yes", "y", "x", "vrai", "true", "1", "ok", "daccord", "accord"}
_FALSE = {"non", "n", "no", "faux", "false", "0", "refus", "refuse"}
_ALL_DAYS = {"tous", "toutes", "touslesjours", "all", "alldays", "everyday", "both", "lesdeux",
             "lestrois", "2jours", "3jours"}
_DAY_RANGE = re.compile(r"(\d+) (?:a|to) (?:[jd] ?)?(\d+)")
_MAX_DAY = 31
_DAY_FILLER = re.compile(r"\b(?:j|d|jour|jours|day|days|et|and)\b")


def parse_role(text: str) -> Role | None:
    """The role a cell names, French or English; blank means participant, None if unknown."""
    if not text:
        return Role.PARTICIPANT
    return _ROLE_WORDS.get(compact(text))


def parse_consent(text: str) -> bool | None:
    """Consent to be named: oui/non/yes/no/x..., blank means no; None if unreadable."""
    word = compact(text)
    if not word or word in _FALSE:
        return False
    return True if word in _TRUE else None


def parse_days(text: str) -> list[int] | None:
    """Days attended: "1,2", "1 et 2", "J1 J2", "1-3" -> [1, 2, 3]; blank or "tous" -> None.

    Raises ValueError for text that is not a list of day numbers.
    """
    if not text or compact(text) in _ALL_DAYS:
        return None
    words = fold(text.replace("-", " a "))
    numbers: set[int] = set()
    for start, end in _DAY_RANGE.findall(words):
        if not int(start) <= int(end) <= _MAX_DAY:
            raise ValueError(text)
        numbers.update(range(int(start), int(end) + 1))
    words = _DAY_RANGE.sub(" ", words)
    words = _DAY_FILLER.sub(" ", re.sub(r"(?<=\b[jd])(?=\d)", " ", words))
    for token in words.split():
        if not token.isdigit() or int(token) > _MAX_DAY:
            raise ValueError(text)
        numbers.add(int(token))
    if not numbers:
        raise ValueError(text)
    return sorted(numbers)


def split_full_name(text: str, first_name_first: bool) -> tuple[str, str | None]:
    """(first name, surname) from one "Nom Prénom" cell.

    Words in capitals are the surname, as French lists write it ("DURAND Hélène", "Anne-Marie
    LE GALL"); otherwise the header's order decides ("Prénom Nom": the last word is the surname).
    """
    words = text.split()
    if len(words) < 2:
        return text.strip(), None
    capitals = [w for w in words if w.isupper() and any(c.isalpha() for c in w)]
    if capitals and len(capitals) < len(words):
        first = [w for w in words if w not in capitals]
        return " ".join(first), " ".join(capitals)
    if first_name_first:
        return " ".join(words[:-1]), words[-1]
    return " ".join(words[1:]), words[0]


def parse_territory(text: str) -> str | None:
    """A département or region as its INSEE code ("7", "Ardèche" -> "07"; "Auvergne-Rhône-Alpes"
    -> "R84"), another territory as typed; blank is None."""
    if not text:
        return None
    return str(normalise_territory(text))
