"""Reading a registration file into a `Table`: CSV as French Excel writes it, or XLSX.

CSV is ``;``, ``,`` or tab separated (sniffed from the first lines), UTF-8 with or without BOM,
UTF-16 with BOM ("texte Unicode") or without (recognised by its zero bytes), otherwise cp1252.
XLSX goes through openpyxl (imported lazily):
the first sheet, active sheet first, whose header row is recognised. The header row is the first
of the first ten non-blank rows naming a first-name column, so a title line above the table is
tolerated. Row numbers are those a spreadsheet shows (the header is usually row 1).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.model.text import clean_line
from labkit.store.participants.fields import header_field


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
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")


def read_table(path: Path, lang: str | None = None) -> Table:
    """Read a CSV or XLSX file into a `Table` (messages in `lang`, default the UI language).

    Raises InvalidInputError for a missing, unreadable or unsupported file, or when no header row
    names a first-name column.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
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


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when `raw` looks like UTF-16 without its BOM (a zero byte in
    most odd/even positions, as Latin text has); None otherwise.

    Decoded as cp1252 it would lose its accents ("Œuvre") without a word.
    """
    sample = raw[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.3 and even == 0:
        return "utf-16-le"
    if even > 0.3 and odd == 0:
        return "utf-16-be"
    return None


def decode_text(raw: bytes) -> str:
    """Decode a text file as Excel may have saved it: UTF-8 (BOM or not), UTF-16 BOM, cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    encoding = _utf16_without_bom(raw)
    if encoding:
        try:
            return raw.decode(encoding)
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
            if fields & {"first_name", "full_name"}:
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
    from xml.etree.ElementTree import ParseError
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
    except (BadZipFile, KeyError, ValueError, OSError, TypeError, ParseError, EOFError) as exc:
        raise InvalidInputError(t("participants.unreadable", lang, path=path, reason=exc)) from None


def _table_from_rows(
    path: Path, sheets: list[list[list[object]]], delimiter: str | None, lang: str | None
) -> Table:
    for sheet in sheets:
        rows = [(n, [clean_cell(v) for v in row]) for n, row in enumerate(sheet, 1)]
        filled = [(n, cells) for n, cells in rows if any(cells)]
        for position, (number, cells) in enumerate(filled[:_HEADER_SEARCH]):
            if {"first_name", "full_name"} & {header_field(c) for c in cells}:
                return Table(path, cells, number, filled[position + 1 :], delimiter)
    raise InvalidInputError(
        t("participants.no_header", lang, path=path),
        [t("participants.expected_columns", lang)],
    )


def clean_cell(value: object) -> str:
    """A cell as one clean line of text: control characters dropped, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "oui" if value else "non"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif hasattr(value, "isoformat"):
        text = value.isoformat()[:10]
    else:
        text = str(value)
    return _SPACES.sub(" ", clean_line(text)).strip()
