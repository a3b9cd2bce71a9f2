"""Participants import: the registration spreadsheet a facilitator already has, into session.yaml.

Reading (`read_table`)
    CSV as French Excel writes it: ``;``, ``,`` or tab separated (sniffed from the first lines),
    UTF-8 with or without BOM, UTF-16 with BOM ("texte Unicode"), otherwise cp1252. XLSX through
    openpyxl (imported lazily): the first sheet, active sheet first, whose header row is
    recognised. The header row is the first of the first ten non-blank rows naming a first-name
    column, so a title line above the table is tolerated. Headers are matched in French or English
    whatever their accents, case, spaces or a remark in brackets ("Prénom", "first name",
    "Consentement (oui/non)"). Other columns (phone, job title...) are *not* imported and are
    named in a notice. Row numbers are those a spreadsheet shows (the header is usually row 1).

Normalising (`plan_import`)
    Control characters and non-breaking spaces are cleaned; groups match the session's groups by
    key or label (case, accents and plural tolerated); roles, consent and days are read in French
    or English ("hôte de table", "oui"/"x", "1 et 2"); a one-digit département gets its leading
    zero back ("1" -> "01", Excel drops it).

All or nothing
    Any bad row raises `InvalidInputError` listing every bad row with its number and reasons;
    nothing is written.

Append (default) or replace
    *Append*: people already in the session (same first name, last name and organisation,
    compared without case or accents) are skipped with a notice, so re-importing an updated
    registration export only adds the newcomers. *Replace* (`replace=True`): the file becomes the
    list; people already in the session keep their id (rotations and the journal refer to ids),
    their details are updated, the others are removed. A replacement that would remove someone the
    agenda names (e.g. a world-café host) is refused.

Duplicates in the file
    The same person (first name + last name + organisation) twice with identical details is a
    double registration: the later row is skipped with a notice. Twice with *different* details
    (another group, e-mail...) is a bad row: labkit cannot guess which line is right.

Ids
    An ``Id`` column, when present and filled, is kept. Otherwise ids ``p001``, ``p002``... are
    generated after the highest existing ``p<number>`` id (with as many digits: ``p33`` follows
    ``p32``); ids are never reused, even after a replacement, so that old journal entries never
    point to somebody else.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.model.participants import ID_PATTERN, Participant, Role
from labkit.model.session import Session
from labkit.model.text import clean_line
from labkit.model.validation import Problem, check_session
from labkit.store.plain_errors import explain_all

if TYPE_CHECKING:
    from labkit.store.session_folder import SessionFolder

# -- text folding ------------------------------------------------------------------------------
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")


def fold(text: str) -> str:
    """Text reduced for comparison: no accents, no case, punctuation as single spaces.

    >>> fold("  Hélène-Marie  D'ARC ")
    'helene marie d arc'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^0-9a-z]+", " ", plain).strip()


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _singular(text: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in fold(text).split())


def clean_cell(value: object) -> str:
    """A cell as one clean line of text: control characters dropped, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "oui" if value else "non"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif hasattr(value, "isoformat"):
        text = value.isoformat()[:10]  # type: ignore[union-attr]
    else:
        text = str(value)
    return _SPACES.sub(" ", clean_line(text)).strip()


# -- headers -----------------------------------------------------------------------------------
FIELDS: tuple[str, ...] = (
    "id",
    "first_name",
    "last_name",
    "organisation",
    "group",
    "role",
    "email",
    "territory",
    "consent_named",
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
    key = _compact(_BRACKETS.sub(" ", header))
    if not key:
        return None
    if key in _ALIAS_TO_FIELD:
        return _ALIAS_TO_FIELD[key]
    for name, prefixes in _HEADER_PREFIXES.items():
        if any(key.startswith(p) for p in prefixes):
            return name
    return None


# -- reading -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    """A spreadsheet's participant table: headers and data rows with their row numbers."""

    source: Path
    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    delimiter: str | None = None  # None for a spreadsheet


XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_HEADER_SEARCH = 10
_DELIMITERS = (";", "\t", ",")
# Plan checks that mean "the agenda names a participant id that does not exist".
REFERENCE_CODES = frozenset({"unknown_participant"})


def read_table(path: Path, lang: str | None = None) -> Table:
    """Read a CSV or XLSX file into a `Table` (messages in `lang`, default the UI language).

    Raises InvalidInputError for a missing, unreadable or unsupported file, or when no header row
    names a first-name column.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInputError(t("participants.file_missing", lang, path=path)) from None
    except IsADirectoryError:
        raise InvalidInputError(t("participants.file_missing", lang, path=path)) from None
    except OSError as exc:
        raise StorageError(f"{path}: {exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES or (suffix not in CSV_SUFFIXES and raw[:4] == b"PK\x03\x04"):
        return _table_from_rows(path, _xlsx_sheets(path, raw, lang), None, lang)
    if suffix in (".xls", ".ods", ".numbers") or raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InvalidInputError(t("participants.unsupported_format", lang, path=path))
    text = decode_text(raw).replace("\x00", "")
    delimiter = sniff_delimiter(text)
    return _table_from_rows(path, [_csv_rows(path, text, delimiter, lang)], delimiter, lang)


def decode_text(raw: bytes) -> str:
    """Decode a text file as Excel may have saved it: UTF-8 (BOM or not), UTF-16 BOM, cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The field separator of CSV text: ``;``, tab or ``,``.

    The first of the first ten non-blank lines that splits into a recognised header (a first-name
    column) decides, with the separator that recognises most columns; failing that, the separator
    splitting a line into most fields wins. Ties go to ``;``, French Excel's choice.
    """
    lines = [line for line in text.splitlines() if line.strip()][:_HEADER_SEARCH]
    for line in lines:
        recognised: dict[str, int] = {}
        for delimiter in _DELIMITERS:
            cells = next(csv.reader([line], delimiter=delimiter), [])
            fields = {header_field(c) for c in cells} - {None}
            if "first_name" in fields:
                recognised[delimiter] = len(fields)
        if recognised:
            return max(recognised, key=lambda d: recognised[d])
    best, best_width = ";", 0
    for delimiter in _DELIMITERS:
        width = max((len(r) for r in csv.reader(lines, delimiter=delimiter)), default=0)
        if width > best_width:
            best, best_width = delimiter, width
    return best


def _csv_rows(path: Path, text: str, delimiter: str, lang: str | None) -> list[list[object]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [list(row) for row in reader]
    except csv.Error as exc:
        raise InvalidInputError(
            t("participants.unreadable", lang, path=path, reason=f"{exc} (l. {reader.line_num})")
        ) from None


def _xlsx_sheets(path: Path, raw: bytes, lang: str | None) -> list[list[list[object]]]:
    """Every worksheet's rows (active sheet first); row i of a list is the sheet's row i + 1."""
    import warnings
    from zipfile import BadZipFile

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions (data validation...)
            workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            active = workbook.active
            sheets = [active, *[w for w in workbook.worksheets if w is not active]]
            return [
                [list(row) for row in ws.iter_rows(min_row=1, values_only=True)]
                for ws in sheets
                if ws is not None and hasattr(ws, "iter_rows")
            ]
    except (BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InvalidInputError(t("participants.unreadable", lang, path=path, reason=exc)) from None


def _table_from_rows(
    path: Path, sheets: list[list[list[object]]], delimiter: str | None, lang: str | None
) -> Table:
    for sheet in sheets:
        rows = [(n, [clean_cell(v) for v in row]) for n, row in enumerate(sheet, 1)]
        filled = [(n, cells) for n, cells in rows if any(cells)]
        for position, (number, cells) in enumerate(filled[:_HEADER_SEARCH]):
            if "first_name" in {header_field(c) for c in cells}:
                return Table(path, cells, number, filled[position + 1 :], delimiter)
    raise InvalidInputError(
        t("participants.no_header", lang, path=path),
        [t("participants.expected_columns", lang)],
    )


# -- import plan -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Notice:
    """Something the facilitator should know about an import that succeeded."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The notice in plain words, in `lang`."""
        return t(f"participants.notice.{self.code}", lang, **self.params)


@dataclass
class ImportPlan:
    """What an import will do; `apply` writes it into a session.yaml document.

    `participants` is the session's list once the plan is applied (in append mode: those already
    there, then `added`). `kept` and `updated` are only filled by a replacement; `skipped_existing`
    only by an append.
    """

    source: Path
    replace: bool
    participants: list[Participant]
    added: list[Participant] = field(default_factory=list)
    kept: list[Participant] = field(default_factory=list)
    updated: list[Participant] = field(default_factory=list)
    removed: list[Participant] = field(default_factory=list)
    skipped_existing: list[Participant] = field(default_factory=list)
    duplicates: int = 0
    notices: list[Notice] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether applying the plan changes the session."""
        return bool(self.added or self.updated or self.removed)

    def apply(self, document: CommentedMap) -> None:
        """Write the plan into a round-trip session document, keeping comments and key order.

        Comment lines after the last participant belong to what follows (e.g. a banner above
        `days:`): they move to the new last participant, so that they stay in place.
        """
        entries = document.get("participants")
        if not isinstance(entries, CommentedSeq):
            entries = CommentedSeq()
            _insert_participants_key(document, entries)
        if not entries:
            entries.fa.set_block_style()
        trailing = _detach_trailing_comment(entries)
        final = {p.id: p for p in self.participants}
        for index in reversed(range(len(entries))):
            entry = entries[index]
            entry_id = str(entry.get("id")) if isinstance(entry, dict) else None
            if self.replace and entry_id not in final:
                del entries[index]
            elif self.replace and entry_id is not None:
                _update_entry(entry, _yaml_entry(participant_entry(final[entry_id])))
        for person in self.added:
            entries.append(_yaml_entry(participant_entry(person)))
        if trailing is not None:
            _attach_trailing_comment(entries, trailing)


def participant_entry(person: Participant) -> dict[str, Any]:
    """The session.yaml fields of a participant, in model order, without empty or default values."""
    data = person.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.update(id=person.id, first_name=person.first_name, group=person.group)
    return {name: data[name] for name in Participant.model_fields if name in data}


def _yaml_entry(data: dict[str, Any]) -> CommentedMap:
    """A participant entry for the YAML file; its days on one line (`days: [1, 2]`)."""
    entry = CommentedMap(data)
    if "days" in entry:
        days = CommentedSeq(entry["days"])
        days.fa.set_flow_style()
        entry["days"] = days
    return entry


def _last_comment_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after a block collection's last scalar lives: (container, key, slot)."""
    while isinstance(node, CommentedMap | CommentedSeq) and node and not node.fa.flow_style():
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
            node = value
            continue
        return node, key, 2 if isinstance(node, CommentedMap) else 0
    return None


def _detach_trailing_comment(entries: CommentedSeq) -> Any:
    """Take the full comment lines after the last entry, leaving its end-of-line comment.

    Returns a comment token holding those lines (with the value line's newline first), or None.
    """
    slot = _last_comment_slot(entries)
    if slot is None:
        return None
    container, key, index = slot
    comments = container.ca.items.get(key)
    token = comments[index] if comments and len(comments) > index else None
    if token is None or not isinstance(getattr(token, "value", None), str):
        return None
    end_of_line, newline, rest = token.value.partition("\n")
    if not rest.strip():
        return None
    moved = copy.copy(token)
    moved.value = "\n" + rest
    if end_of_line.strip():
        token.value = end_of_line + newline
    else:
        comments[index] = None
    return moved


def _attach_trailing_comment(entries: CommentedSeq, token: Any) -> None:
    slot = _last_comment_slot(entries)
    if slot is None:
        return
    container, key, index = slot
    comments = container.ca.items.setdefault(key, [None, None, None, None])
    current = comments[index]
    if current is not None and isinstance(getattr(current, "value", None), str):
        current.value = current.value.rstrip("\n") + token.value
    else:
        comments[index] = token


def _update_entry(entry: Any, wanted: dict[str, Any]) -> None:
    for key in [k for k in entry if k not in wanted]:
        del entry[key]
    for key, value in wanted.items():
        if entry.get(key) != value:
            entry[key] = value


def _insert_participants_key(document: CommentedMap, entries: CommentedSeq) -> None:
    keys = list(document)
    if "participants" in document:
        document["participants"] = entries
    elif "groups" in document:
        document.insert(keys.index("groups") + 1, "participants", entries)
    elif "days" in document:
        document.insert(keys.index("days"), "participants", entries)
    else:
        document["participants"] = entries


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
    for _word in (*_words, _compact(_role.value)):
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
    return _ROLE_WORDS.get(_compact(text))


def parse_consent(text: str) -> bool | None:
    """Consent to be named: oui/non/yes/no/x..., blank means no; None if unreadable."""
    word = _compact(text)
    if not word or word in _FALSE:
        return False
    return True if word in _TRUE else None


def parse_days(text: str) -> list[int] | None:
    """Days attended: "1,2", "1 et 2", "J1 J2", "1-3" -> [1, 2, 3]; blank or "tous" -> None.

    Raises ValueError for text that is not a list of day numbers.
    """
    if not text or _compact(text) in _ALL_DAYS:
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


def parse_territory(text: str) -> str | None:
    """A département or territory; a one-digit département gets its leading zero back."""
    if not text:
        return None
    return f"0{text}" if text.isdigit() and len(text) == 1 else text


# -- planning ------------------------------------------------------------------------------------
@dataclass
class _Row:
    number: int
    data: dict[str, Any]
    identity: tuple[str, str, str]
    explicit_id: str | None


class _GroupMatcher:
    def __init__(self, session: Session) -> None:
        self.exact: dict[str, set[str]] = {}
        self.loose: dict[str, set[str]] = {}
        for group in session.groups:
            for name in (group.key, group.label):
                self.exact.setdefault(_compact(name), set()).add(group.key)
                self.loose.setdefault(_singular(name).replace(" ", ""), set()).add(group.key)
        self.known = ", ".join(
            g.key if fold(g.key) == fold(g.label) else f"{g.key} ({g.label})"
            for g in session.groups
        )

    def match(self, text: str) -> str | None:
        for table, key in ((self.exact, _compact(text)), (self.loose, _singular(text))):
            found = table.get(key.replace(" ", ""), set())
            if len(found) == 1:
                return next(iter(found))
        return None


def _identity(
    first: str | None, last: str | None, organisation: str | None
) -> tuple[str, str, str]:
    return (fold(first or ""), fold(last or ""), fold(organisation or ""))


def plan_import(
    table: Table, session: Session, *, replace: bool = False, lang: str | None = None
) -> ImportPlan:
    """Check every row of `table` against `session` and decide what the import does.

    Raises InvalidInputError listing every bad row (nothing is planned then), or when the file
    lacks a needed column, holds no participant, or the session declares no stakeholder group.
    """
    columns = _map_columns(table, lang)
    if not session.groups:
        raise InvalidInputError(t("participants.no_groups", lang, path=table.source))
    notices: list[Notice] = []
    ignored = [h for i, h in enumerate(table.headers) if h and i not in columns.values()]
    if ignored:
        notices.append(Notice("ignored_columns", {"columns": ", ".join(ignored)}))

    groups = _GroupMatcher(session)
    bad: dict[int, list[str]] = {}
    rows: list[_Row] = []
    nameless: list[int] = []
    for number, cells in table.rows:
        def cell(name: str, cells: list[str] = cells) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        if not any(cell(n) for n in ("first_name", "last_name", "organisation", "email", "id")):
            nameless.append(number)
            continue
        data, reasons = _read_row(cell, groups, len(session.days), lang)
        if table.delimiter and any(cells[len(table.headers):]):
            reasons.insert(0, t("participants.reason.too_many_cells", lang, count=len(cells),
                                expected=len(table.headers), separator=table.delimiter))
        if reasons:
            bad[number] = reasons
            continue
        identity = _identity(data["first_name"], data.get("last_name"), data.get("organisation"))
        rows.append(_Row(number, data, identity, data.get("id")))
    if nameless:
        notices.append(Notice("nameless_rows", {"rows": compress_rows(nameless)}))
    if not rows and not bad:
        raise InvalidInputError(t("participants.no_rows", lang, path=table.source))

    unique = _drop_duplicates(rows, bad, notices, lang)
    plan = _decide(table.source, unique, session, replace, bad, notices, lang)
    if bad:
        separator = t("participants.reason_separator", lang)
        problems = [
            t("participants.bad_row", lang, row=n, reasons=separator.join(bad[n]))
            for n in sorted(bad)
        ]
        raise InvalidInputError(
            t("participants.import_failed", lang, path=table.source, count=len(problems)),
            problems,
        )
    return plan


def _map_columns(table: Table, lang: str | None) -> dict[str, int]:
    columns: dict[str, int] = {}
    clashes: list[str] = []
    for index, header in enumerate(table.headers):
        name = header_field(header)
        if name is None:
            continue
        if name in columns:
            clashes.append(
                t("participants.column_twice", lang, first=table.headers[columns[name]],
                  second=header, field=t(f"participants.field.{name}", lang))
            )
            continue
        columns[name] = index
    missing = [n for n in ("first_name", "group") if n not in columns]
    problems = clashes + [
        t("participants.column_missing", lang, field=t(f"participants.field.{n}", lang))
        for n in missing
    ]
    if problems:
        raise InvalidInputError(
            t("participants.bad_columns", lang, path=table.source, row=table.header_row),
            [*problems, t("participants.expected_columns", lang)],
        )
    return columns


def _read_row(
    cell: Callable[[str], str], groups: _GroupMatcher, day_count: int, lang: str | None
) -> tuple[dict[str, Any], list[str]]:
    reasons: list[str] = []
    data: dict[str, Any] = {}
    first = cell("first_name")
    if not first:
        reasons.append(t("participants.reason.first_name_missing", lang))
    data["first_name"] = first
    for name in ("last_name", "organisation", "email"):
        data[name] = cell(name) or None

    explicit_id = cell("id")
    if explicit_id:
        if re.match(ID_PATTERN, explicit_id):
            data["id"] = explicit_id
        else:
            reasons.append(t("participants.reason.bad_id", lang, value=explicit_id))

    group_text = cell("group")
    if not group_text:
        reasons.append(t("participants.reason.group_missing", lang, known=groups.known))
    else:
        key = groups.match(group_text)
        if key is None:
            reasons.append(
                t("participants.reason.group_unknown", lang, value=group_text, known=groups.known)
            )
        data["group"] = key

    role = parse_role(cell("role"))
    if role is None:
        reasons.append(t("participants.reason.role_unknown", lang, value=cell("role")))
    data["role"] = role

    consent = parse_consent(cell("consent_named"))
    if consent is None:
        reasons.append(t("participants.reason.consent_unknown", lang, value=cell("consent_named")))
    data["consent_named"] = bool(consent)

    try:
        days = parse_days(cell("days"))
    except ValueError:
        reasons.append(t("participants.reason.days_unreadable", lang, value=cell("days")))
        days = None
    outside = [str(n) for n in days or [] if not 1 <= n <= day_count]
    if outside:
        reasons.append(
            t("participants.reason.day_out_of_range", lang, day=", ".join(outside),
              count=day_count)
        )
    data["days"] = days
    data["territory"] = parse_territory(cell("territory"))

    email = data["email"]
    if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        reasons.append(t("participants.reason.bad_email", lang, value=email))
    return data, reasons


def _differences(a: dict[str, Any], b: dict[str, Any], lang: str | None) -> list[str]:
    return [
        t(f"participants.field.{name}", lang)
        for name in FIELDS
        if name not in ("first_name", "last_name", "organisation") and a.get(name) != b.get(name)
    ]


def _drop_duplicates(
    rows: list[_Row], bad: dict[int, list[str]], notices: list[Notice], lang: str | None
) -> list[_Row]:
    first_seen: dict[tuple[str, str, str], _Row] = {}
    id_owner: dict[str, _Row] = {}
    unique: list[_Row] = []
    for row in rows:
        earlier = first_seen.get(row.identity)
        if earlier is not None:
            diffs = _differences(earlier.data, row.data, lang)
            if diffs:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.conflicting_duplicate", lang, row=earlier.number,
                      name=_who(row.data), fields=", ".join(diffs))
                )
            else:
                notices.append(
                    Notice("duplicate", {"row": row.number, "first": earlier.number,
                                         "name": _who(row.data)})
                )
            continue
        if row.explicit_id:
            owner = id_owner.get(row.explicit_id)
            if owner is not None:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.id_twice", lang, id=row.explicit_id, row=owner.number)
                )
                continue
            id_owner[row.explicit_id] = row
        first_seen[row.identity] = row
        unique.append(row)
    return unique


def _who(data: dict[str, Any]) -> str:
    name = " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
    return f"{name}, {data['organisation']}" if data.get("organisation") else name


def _decide(
    source: Path,
    rows: list[_Row],
    session: Session,
    replace: bool,
    bad: dict[int, list[str]],
    notices: list[Notice],
    lang: str | None,
) -> ImportPlan:
    existing_by_identity = {
        _identity(p.first_name, p.last_name, p.organisation): p for p in session.participants
    }
    existing_by_id = {p.id: p for p in session.participants}
    claimed = {row.explicit_id for row in rows if row.explicit_id}
    next_id = _id_counter({*existing_by_id, *claimed})

    plan = ImportPlan(source=source, replace=replace, participants=[])
    skipped_rows: list[int] = []
    for row in rows:
        match = existing_by_identity.get(row.identity)
        if not replace:
            if match is not None:
                plan.skipped_existing.append(match)
                skipped_rows.append(row.number)
                continue
            owner = existing_by_id.get(row.explicit_id or "")
            if owner is not None:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.id_taken", lang, id=row.explicit_id,
                      name=owner.display_name)
                )
                continue
        if row.explicit_id:
            person_id = row.explicit_id
        elif match is not None and match.id not in claimed:
            person_id = match.id
        else:
            person_id = next_id()
        person = _build(row, person_id, bad, lang)
        if person is None:
            continue
        previous = existing_by_id.get(person_id) if replace else None
        if previous is None:
            plan.added.append(person)
        elif previous == person:
            plan.kept.append(person)
        else:
            plan.updated.append(person)
        plan.participants.append(person)

    if skipped_rows:
        notices.append(
            Notice("skipped_existing", {"count": len(skipped_rows),
                                        "rows": compress_rows(skipped_rows)})
        )
    if replace:
        final_ids = {p.id for p in plan.participants}
        plan.removed = [p for p in session.participants if p.id not in final_ids]
        if not bad:
            _check_references(session, plan, lang)
    else:
        plan.participants = [*session.participants, *plan.added]
    plan.duplicates = sum(1 for n in notices if n.code == "duplicate")
    plan.notices = notices
    return plan


def _build(row: _Row, person_id: str, bad: dict[int, list[str]], lang: str | None
           ) -> Participant | None:
    data = {k: v for k, v in row.data.items() if v is not None} | {"id": person_id}
    try:
        return Participant.model_validate(data)
    except ValidationError as exc:
        bad.setdefault(row.number, []).extend(
            t("participants.reason.field", lang,
              field=t(f"participants.field.{loc[0]}", lang) if loc else "?", message=message)
            for loc, message in explain_all(exc, Participant, lang)
        )
        return None


def _check_references(session: Session, plan: ImportPlan, lang: str | None) -> None:
    """Refuse a replacement that removes someone the agenda names (e.g. a world-café host)."""

    def dangling(people: Session) -> list[Problem]:
        return [p for p in check_session(people) if p.code in REFERENCE_CODES]

    before = {(p.code, p.path) for p in dangling(session)}
    after = dangling(session.model_copy(update={"participants": plan.participants}))
    lost = [p for p in after if (p.code, p.path) not in before]
    if lost:
        raise InvalidInputError(
            t("participants.replace_refused", lang, path=plan.source),
            [p.message(lang) for p in lost],
        )


def _id_counter(taken: set[str]) -> Callable[[], str]:
    """Generate p001, p002... after the highest `p<number>` id, with as many digits as it has."""
    found = [m[1] for i in taken if (m := re.fullmatch(r"p(\d+)", i))]
    highest = max(found, key=lambda digits: (int(digits), len(digits)), default="000")
    width = len(highest)
    state = {"next": int(highest) + 1}

    def next_id() -> str:
        while True:
            candidate = f"p{state['next']:0{width}d}"
            state["next"] += 1
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    return next_id


def compress_rows(numbers: Iterable[int]) -> str:
    """Row numbers as a short list: [2, 3, 4, 7] -> "2–4, 7"."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = None
    for n in [*ordered, None]:
        if start is not None and n == previous + 1:  # type: ignore[operator]
            previous = n
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = n
    return ", ".join(parts)


# -- one call ------------------------------------------------------------------------------------
def read_participants(
    path: Path, session: Session, *, replace: bool = False, lang: str | None = None
) -> ImportPlan:
    """Read a participants file and plan its import into `session` (nothing is written)."""
    return plan_import(read_table(path, lang), session, replace=replace, lang=lang)


def import_participants(
    folder: SessionFolder,
    path: Path,
    *,
    replace: bool = False,
    dry_run: bool = False,
    lang: str | None = None,
) -> ImportPlan:
    """Import a participants file into a session folder, all or nothing.

    The session.yaml is saved atomically through `SessionFolder.update` (comments and key order
    kept), unless `dry_run` or the plan changes nothing. Raises InvalidInputError listing every
    bad row; the file on disk is then untouched.
    """
    plan = read_participants(path, folder.session, replace=replace, lang=lang)
    if plan.changed and not dry_run:
        folder.update(plan.apply)
    return plan
