"""The journal's tables as spreadsheets: CSV dialects for Excel, and an XLSX workbook.

* ``excel-fr``: ``;`` separator, decimal comma, local times as ``dd/mm/yyyy hh:mm:ss`` (which
  French Excel reads as dates), French headers and values ("oui", "présent·e");
* ``excel-en``: ``,`` separator, decimal point, local times as ``yyyy-mm-dd hh:mm:ss``;
* ``rfc4180``: the plain machine form (comma, ISO 8601 with the offset of the session's zone,
  snake_case keys).

The Excel forms put a participant's name beside their id when they consented to be named (never
for a vulnerable group) and a group's label beside its key. Every text cell that a spreadsheet
would take for a formula (OWASP: = + - @ tab CR) is neutralised: prefixed with "'" in CSV, typed
as text with a quote prefix in XLSX.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any

from labkit.i18n import t
from labkit.model import Session
from labkit.store.atomic import write_bytes_atomic

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ID_COLUMNS = {"participant_id": "participant_name"}
TRANSLATED = {"kind", "status"}
XLSX_NAME = "{slug}.xlsx"


class Dialect(StrEnum):
    """The CSV flavours of `labkit export --format csv --dialect`."""

    EXCEL_FR = "excel-fr"
    EXCEL_EN = "excel-en"
    RFC4180 = "rfc4180"


def default_dialect(session: Session | None) -> Dialect:
    """French Excel for a French session, English Excel otherwise (plain RFC 4180 sans session)."""
    if session is None:
        return Dialect.RFC4180
    return Dialect.EXCEL_FR if session.language == "fr" else Dialect.EXCEL_EN


@dataclass(frozen=True)
class Style:
    """How cells are written: language of labels, time zone, participant names and groups."""

    lang: str | None = None
    zone: tzinfo | None = None
    names: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)

    @property
    def plain(self) -> bool:
        """The machine form: keys as headers, ISO times with their offset, no names."""
        return self.lang is None


def style_for(session: Session | None, dialect: Dialect, zone: tzinfo | None = None) -> Style:
    """The cell style of `dialect`, with the time zone (`zone`, else the session's), groups and
    consenting names."""
    zone = zone or (session.zone if session is not None else None)
    if dialect is Dialect.RFC4180 or session is None:
        return Style(zone=zone)
    vulnerable = {g.key for g in session.groups if g.vulnerable}
    names = {p.id: p.full_name for p in session.participants
             if p.consent_named and p.group not in vulnerable}
    questions = {q.id: q.text for _, block in session.blocks()
                 for q in getattr(block.method, "survey", [])}
    return Style(lang="fr" if dialect is Dialect.EXCEL_FR else "en",
                 zone=zone, names=names,
                 groups={g.key: g.label for g in session.groups}, questions=questions)


def neutralised(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula (OWASP CSV injection list)."""
    return text.startswith(FORMULA_START)


def shaped(header: list[str], rows: list[list[Any]], style: Style) -> tuple[list[str], list[list]]:
    """Columns with names beside ids and group labels beside keys (Excel forms only)."""
    if style.plain:
        return header, rows
    out_header: list[str] = []
    plan: list[tuple[int, str | None]] = []
    for index, name in enumerate(header):
        out_header.append(name)
        plan.append((index, None))
        if name in ID_COLUMNS:
            out_header.append(ID_COLUMNS[name])
            plan.append((index, "name"))
        elif name == "participants":
            out_header.append("participant_names")
            plan.append((index, "names"))
    out_rows = []
    for row in rows:
        values = []
        for index, extra in plan:
            value = row[index]
            if extra == "name":
                value = style.names.get(value or "")
            elif extra == "names":
                value = ", ".join(style.names.get(pid, "—") for pid in str(value or "").split())
            elif header[index] == "group" and value in style.groups:
                value = style.groups[value]
            values.append(value)
        out_rows.append(values)
    return out_header, out_rows


def header_label(name: str, style: Style) -> str:
    """A column's header: its key (plain), or its label in the style's language."""
    if style.plain:
        return name
    try:
        return t(f"export.col.{name}", style.lang)
    except KeyError:
        return style.questions.get(name, name)  # a survey question: its text


def local(value: datetime, style: Style) -> datetime:
    """An aware instant as the session's naive local time (spreadsheets have no zones)."""
    if style.zone is None or value.tzinfo is None:
        return value.replace(tzinfo=None)
    return value.astimezone(style.zone).replace(tzinfo=None)


def text_value(column: str, value: Any, style: Style) -> Any:
    """A non-numeric, non-time value as the reader expects it (booleans, statuses, kinds)."""
    if isinstance(value, bool):
        value = "yes" if value else "no"
        return value if style.plain else t(f"export.value.{value}", style.lang)
    if not style.plain and column in TRANSLATED and isinstance(value, str):
        try:
            return t(f"export.value.{value}", style.lang)
        except KeyError:
            return value
    return value


def csv_cell(column: str, value: Any, dialect: Dialect, style: Style) -> Any:
    """One value as CSV text in `dialect`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if dialect is Dialect.RFC4180:
            if style.zone is not None and value.tzinfo is not None:
                return value.astimezone(style.zone).isoformat()
            return value.isoformat()
        pattern = "%d/%m/%Y %H:%M:%S" if dialect is Dialect.EXCEL_FR else "%Y-%m-%d %H:%M:%S"
        return local(value, style).strftime(pattern)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if dialect is Dialect.EXCEL_FR else value.isoformat()
    if isinstance(value, float) and dialect is Dialect.EXCEL_FR:
        return repr(value).replace(".", ",")
    value = text_value(column, value, style)
    if isinstance(value, str) and neutralised(value):
        return "'" + value
    return value


def csv_table_text(header: list[str], rows: list[list[Any]], dialect: Dialect,
                   style: Style) -> str:
    """A table as CSV text in `dialect` (CRLF rows, minimal quoting)."""
    header, rows = shaped(header, rows, style)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dialect is Dialect.EXCEL_FR else ",",
                        lineterminator="\r\n")
    writer.writerow([header_label(name, style) for name in header])
    writer.writerows([csv_cell(name, value, dialect, style)
                      for name, value in zip(header, row, strict=True)] for row in rows)
    return buffer.getvalue()


def write_csv_tables(tables: dict[str, tuple[list[str], list[list[Any]]]], out_dir: Path,
                     dialect: Dialect, style: Style) -> list[Path]:
    """One UTF-8 (with BOM, for Excel) CSV file per table; the paths written."""
    written = []
    for stem, (header, rows) in tables.items():
        path = Path(out_dir) / f"{stem}.csv"
        write_bytes_atomic(path, csv_table_text(header, rows, dialect, style).encode("utf-8-sig"))
        written.append(path)
    return written


def write_xlsx(tables: dict[str, tuple[list[str], list[list[Any]]]], path: Path,
               style: Style) -> Path:
    """One sheet per table: typed cells, the header row frozen and filtered; atomic save."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    french = style.lang == "fr"
    stamp = "dd/mm/yyyy hh:mm:ss" if french else "yyyy-mm-dd hh:mm:ss"
    day = "dd/mm/yyyy" if french else "yyyy-mm-dd"
    workbook = Workbook()
    blank = workbook.active  # a new workbook comes with one empty sheet
    if blank is not None:
        workbook.remove(blank)
    for stem, (header, rows) in tables.items():
        header, rows = shaped(header, rows, style)
        title = stem if style.plain else t(f"export.sheet.{stem}", style.lang)
        sheet = workbook.create_sheet(title[:31])
        sheet.append([header_label(name, style) for name in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="1F3864")
        for row in rows:
            sheet.append([None] * len(header))
            for column, (name, value) in enumerate(zip(header, row, strict=True), 1):
                _xlsx_cell(sheet.cell(sheet.max_row, column), name, value, style, stamp, day)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows) + 1)}"
        for column, name in enumerate(header, 1):
            longest = max([len(str(header_label(name, style)))]
                          + [len(str(r[column - 1] or "")) for r in rows[:200]])
            sheet.column_dimensions[get_column_letter(column)].width = min(60, max(8, longest + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(Path(path), buffer.getvalue())
    return Path(path)


def _xlsx_cell(cell: Any, column: str, value: Any, style: Style, stamp: str, day: str) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        cell.value = local(value, style)
        cell.number_format = stamp
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = day
    elif isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
    else:
        text = text_value(column, value, style)
        cell.value = str(text)
        cell.data_type = "s"  # never a formula, whatever it starts with
        if neutralised(str(text)):
            cell.quotePrefix = True
