"""The attendance sign-in sheet ("feuille d'émargement"), one per session day.

An internal document: full names, organisation, and one signature column per half-day the day
covers (morning, afternoon). The facilitation team is left off; blank rows take walk-ins.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from labkit.i18n import format_date, format_time, t
from labkit.model import Participant, Role, Session
from labkit.model.text import fold
from labkit.prepare import docx_common as dc

ACCENT = "1F3864"
GREY = "595959"
NOON = dt.time(12, 30)
AFTER_LUNCH = dt.time(13, 30)
BLANK_ROWS = 5
ROW_HEIGHT_CM = 1.0
MARGINS_CM = (1.5, 1.75, 1.5, 1.75)
TEAM_ROLES = (Role.FACILITATOR, Role.GRAPHIC_FACILITATOR)


def signing_people(session: Session, day_number: int) -> list[Participant]:
    """Who signs on day `day_number`: attendees but the Lab team, by last then first name."""
    people = [
        p for p in session.attendees(day_number, seated_only=False) if p.role not in TEAM_ROLES
    ]
    return sorted(people, key=lambda p: (fold(p.last_name or p.first_name), fold(p.first_name)))


def half_days(session: Session, day_number: int) -> list[str]:
    """The half-days the day covers: "morning", "afternoon" or both."""
    day = session.days[day_number - 1]
    found = []
    if day.start < NOON:
        found.append("morning")
    if day.end > AFTER_LUNCH or day.start >= NOON:
        found.append("afternoon")
    return found


def sheet_name(person: Participant) -> str:
    """The name as sign-in sheets write it: "DURAND Hélène"."""
    if person.last_name:
        return f"{person.last_name.upper()} {person.first_name}"
    return person.first_name


def render_attendance_sheet(session: Session, day_number: int, path: Path | str) -> Path:
    """Write the sign-in sheet of day `day_number` (1-based) to `path`; return the path."""
    return dc.save_docx(build_attendance_sheet(session, day_number), Path(path))


def build_attendance_sheet(session: Session, day_number: int) -> Any:
    """The sign-in sheet of day `day_number` as a python-docx Document."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    lang = session.language
    day = session.days[day_number - 1]
    document = dc.new_document(margins_cm=MARGINS_CM, font_size=10, lang=lang,
                               title=t("prepare.sheet.title", lang))
    dc.add_text(document, t("prepare.sheet.title", lang), size=18, bold=True, colour=ACCENT,
                space_after=2)
    dc.add_text(document, session.title, size=12, bold=True, space_after=2)
    when = format_date(day.date, lang)
    when = when[:1].upper() + when[1:]
    if len(session.days) > 1:
        when = f"{t('word.day', lang)} {day_number} — {when}"
    facts = [when, f"{format_time(day.start)} – {format_time(day.end)}"]
    if session.venue:
        facts.append(session.venue)
    dc.add_text(document, " · ".join(facts), size=10, colour=GREY, space_after=2)
    organisers = session.lab if not session.sponsor else f"{session.lab} · {session.sponsor}"
    dc.add_text(document, organisers, size=10, colour=GREY, space_after=8)

    halves = half_days(session, day_number)
    width = dc.usable_width_cm(document)
    sign_width = 3.2 if len(halves) == 2 else 4.5
    fixed = [0.9, 4.8]
    organisation = width - sum(fixed) - sign_width * len(halves)
    widths = [*fixed, organisation] + [sign_width] * len(halves)
    table = dc.new_table(document, widths)
    head = dc.add_row(table, widths)
    dc.repeat_as_header(head)
    labels = ["#", t("prepare.sheet.name", lang), t("prepare.sheet.organisation", lang)]
    labels += [t(f"prepare.sheet.{half}", lang) for half in halves]
    for cell, label in zip(head.cells, labels, strict=True):
        dc.set_cell_shading(cell, ACCENT)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        dc.cell_text(cell, label, bold=True, colour="FFFFFF", size=10, space_before=2,
                     space_after=2)
    people = signing_people(session, day_number)
    for number in range(1, len(people) + BLANK_ROWS + 1):
        row = dc.add_row(table, widths)
        dc.set_row_height(row, ROW_HEIGHT_CM)
        dc.keep_row_together(row)
        cells = row.cells
        for cell in cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        dc.cell_text(cells[0], str(number), size=9, colour=GREY)
        if number <= len(people):
            person = people[number - 1]
            dc.cell_text(cells[1], sheet_name(person), size=10.5)
            dc.cell_text(cells[2], person.organisation or "", size=9)
    dc.set_table_borders(table, size=4, colour="7F7F7F")
    counts = "   ".join(f"{t(f'prepare.sheet.{half}', lang)} : ____" if lang == "fr"
                       else f"{t(f'prepare.sheet.{half}', lang)}: ____" for half in halves)
    dc.add_text(document, f"{t('prepare.sheet.count', lang)}   {counts}", size=10,
                space_before=10, space_after=6)
    dc.add_text(document, t("prepare.sheet.certified", lang), size=10)
    return document
