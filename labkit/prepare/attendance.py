"""The attendance sign-in sheet ("feuille d'émargement") as a French administration expects it.

Separate NOM and Prénom columns sorted by surname, Structure, Fonction / qualité, one Signature
column per half-day of each day (optionally a "présent·e à distance" box per day), the title,
dates, place, organisers, logo and "page N / M" repeated on every page, the RGPD notice in the
footer, the facilitation team on a block of its own, and a certification line. One sheet for
the whole session by default, or one per day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labkit.docx_kit.page import add_page_of_pages, readable_image
from labkit.i18n import format_date, format_time, t
from labkit.model import Participant, Role, Session
from labkit.model.text import fold
from labkit.prepare import docx_common as dc
from labkit.prepare.wording import session_wording

ACCENT = "1F3864"
GREY = "595959"
OFF_DAY = "E7E6E6"
NOON = dt.time(12, 30)
AFTER_LUNCH = dt.time(13, 30)
BLANK_ROWS = 5
ROW_HEIGHT_CM = 1.05
MARGINS_CM = (3.3, 1.5, 3.0, 1.5)
TEAM_ROLES = (Role.FACILITATOR, Role.GRAPHIC_FACILITATOR)
REMOTE_CM = 1.9
MIN_SIGN_CM = 2.2
MAX_SIGN_CM = 4.6
TEXT_COLUMNS = (("surname", 3.3), ("first_name", 2.8), ("structure", 3.6), ("function", 3.2))


@dataclass(frozen=True)
class SheetOptions:
    """Choices for the sheet: a remote-attendance box per day, and the logo (PNG/JPEG) file."""

    remote_column: bool = False
    logo: Path | None = None


def _by_surname(people: list[Participant]) -> list[Participant]:
    """By surname then first name; people known by their first name only come last."""
    return sorted(people, key=lambda p: (p.last_name is None, fold(p.last_name or ""),
                                         fold(p.first_name)))


def signing_people(session: Session, days: int | Sequence[int]) -> list[Participant]:
    """Who signs on those days: attendees but the Lab team, by surname then first name."""
    numbers = [days] if isinstance(days, int) else list(days)
    return _by_surname([p for p in session.participants
                        if p.role not in TEAM_ROLES and any(p.attends(n) for n in numbers)])


def team_people(session: Session, days: Sequence[int]) -> list[Participant]:
    """The facilitation team on those days, signing on their own block."""
    return _by_surname([p for p in session.participants
                        if p.role in TEAM_ROLES and any(p.attends(n) for n in days)])


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


def render_attendance_sheet(session: Session, days: int | Sequence[int] | None, path: Path | str,
                            options: SheetOptions | None = None) -> Path:
    """Write the sign-in sheet of `days` (1-based; None: every day) to `path`; return the path."""
    return dc.save_docx(build_attendance_sheet(session, days, options), Path(path))


def _day_label(session: Session, number: int) -> str:
    """"Jour 2 — mercredi 17 mars 2027", or the date alone ("Jeudi 8 avril 2027") for one day."""
    when = format_date(session.days[number - 1].date, session.language)
    if len(session.days) == 1 or session.language == "en":
        when = when[:1].upper() + when[1:]
    if len(session.days) > 1:
        return f"{t('prepare.sheet.day_heading', session.language, n=number)} — {when}"
    return when


def _columns(session: Session, days: list[int], remote: bool, width: float) -> tuple[
        list[float], list[tuple[int, str | None]]]:
    """Column widths, and per signing column its day and half ("remote" for the box)."""
    slots: list[tuple[int, str | None]] = []
    for number in days:
        if remote:
            slots.append((number, "remote"))
        slots += [(number, half) for half in half_days(session, number)]
    texts = [0.8] + [w for _, w in TEXT_COLUMNS]
    signs = [half for _, half in slots if half != "remote"]
    fixed = sum(texts) + REMOTE_CM * (len(slots) - len(signs))
    sign = (width - fixed) / len(signs)
    if sign < MIN_SIGN_CM:  # many days: narrow the text columns rather than the signatures
        scale = (width - REMOTE_CM * (len(slots) - len(signs)) - MIN_SIGN_CM * len(signs)
                 - texts[0]) / sum(texts[1:])
        texts = [texts[0]] + [w * scale for w in texts[1:]]
        sign = MIN_SIGN_CM
    elif sign > MAX_SIGN_CM:  # room to spare: to Structure and Fonction, which wrap
        spare = (sign - MAX_SIGN_CM) * len(signs)
        texts[3] += spare * 0.6
        texts[4] += spare * 0.4
        sign = MAX_SIGN_CM
    return texts + [REMOTE_CM if half == "remote" else sign for _, half in slots], slots


@session_wording
def build_attendance_sheet(session: Session, days: int | Sequence[int] | None = None,
                           options: SheetOptions | None = None) -> Any:
    """The sign-in sheet of `days` (default: every day of the session) as a Document, in plain
    wording ("Je soussigné") unless the session asks for inclusive writing."""
    options = options or SheetOptions()
    lang = session.language
    numbers = list(range(1, len(session.days) + 1)) if days is None else (
        [days] if isinstance(days, int) else list(days))
    signing_columns = sum(len(half_days(session, n)) for n in numbers)
    document = dc.new_document(landscape=signing_columns > 1 or options.remote_column,
                               margins_cm=MARGINS_CM, font_size=10, lang=lang,
                               title=t("prepare.sheet.title", lang), subject=session.title,
                               author=session.lab)
    _page_header(document, session, numbers, options.logo)
    _page_footer(document, session)
    width = dc.usable_width_cm(document)
    widths, slots = _columns(session, numbers, options.remote_column, width)
    people = signing_people(session, numbers)
    _people_table(document, session, people, widths, slots, BLANK_ROWS)
    halves = [(n, h) for n, h in slots if h is not None and h != "remote"]
    counts = "   ".join(
        f"{_half_label(session, n, h, numbers)}{' : ' if lang == 'fr' else ': '}____"
        for n, h in halves)
    dc.add_text(document, f"{t('prepare.sheet.count', lang)}   {counts}", size=9.5,
                space_before=8, space_after=4)
    team = team_people(session, numbers)
    if team:
        dc.add_text(document, t("prepare.sheet.team", lang), size=11, bold=True, colour=ACCENT,
                    space_before=8, space_after=3).paragraph_format.keep_with_next = True
        _people_table(document, session, team, widths, slots, 0, team=True)
    certify = dc.add_text(document, t("prepare.sheet.certify", lang,
                                      role=t("prepare.sheet.certify_role", lang)),
                          size=10, space_before=12, space_after=6)
    certify.paragraph_format.keep_with_next = True
    dc.add_text(document, t("prepare.sheet.certify_place", lang), size=10, space_after=24)
    return document


def _half_label(session: Session, number: int, half: str, numbers: list[int]) -> str:
    label = t(f"prepare.sheet.{half}", session.language)
    if len(numbers) > 1:
        return f"{t('prepare.sheet.day_heading', session.language, n=number)} {label.lower()}"
    return label


def _people_table(document: Any, session: Session, people: list[Participant],
                  widths: list[float], slots: list[tuple[int, str | None]], blank: int,
                  *, team: bool = False) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    lang = session.language
    table = dc.new_table(document, widths)
    multi_day = len({n for n, _ in slots}) > 1
    heads = [dc.add_row(table, widths) for _ in range(2 if multi_day else 1)]
    labels = ["#"] + [t(f"prepare.sheet.{key}", lang) for key, _ in TEXT_COLUMNS]
    if team:
        labels[4] = t("prepare.sheet.role_column", lang)
    for row in heads:
        dc.repeat_as_header(row)
        for cell in row.cells:
            dc.set_cell_shading(cell, ACCENT)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    bottom = heads[-1].cells
    for index, label in enumerate(labels):
        cell = heads[0].cells[index].merge(bottom[index]) if multi_day else bottom[index]
        _head_text(cell, label)
    for index, (_number, half) in enumerate(slots, len(labels)):
        key = "prepare.sheet.remote" if half == "remote" else f"prepare.sheet.{half}"
        text = t(key, lang) if half == "remote" else (
            f"{t('prepare.sheet.signature', lang)}\n{t(key, lang)}")
        _head_text(bottom[index], text, size=8 if half == "remote" else 9)
    if multi_day:
        for number in sorted({n for n, _ in slots}):
            columns = [i for i, (n, _) in enumerate(slots, len(labels)) if n == number]
            cell = heads[0].cells[columns[0]]
            if len(columns) > 1:
                cell = cell.merge(heads[0].cells[columns[-1]])
            _head_text(cell, _day_label(session, number), size=9)
    for position in range(1, len(people) + blank + 1):
        row = dc.add_row(table, widths)
        dc.set_row_height(row, ROW_HEIGHT_CM)
        dc.keep_row_together(row)
        cells = row.cells
        for cell in cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        dc.cell_text(cells[0], str(position), size=8, colour=GREY)
        if position > len(people):
            continue
        person = people[position - 1]
        role = t(f"prepare.sheet.role.{person.role.value}", lang) if team else person.function
        values = [(person.last_name or "").upper(), person.first_name,
                  person.organisation or "", role or ""]
        surname_size = 10 if len(values[0]) <= 11 else (9 if len(values[0]) <= 14 else 8)
        sizes = (surname_size, 10, 8.5, 8.5)  # a long surname ("VANDENBERGHE") stays on a line
        for cell, value, size in zip(cells[1:5], values, sizes, strict=True):
            dc.cell_text(cell, value, size=size, bold=cell is cells[1])
        for cell, (number, half) in zip(cells[len(labels):], slots, strict=True):
            if not person.attends(number):
                dc.set_cell_shading(cell, OFF_DAY)
            elif half == "remote":
                dc.cell_text(cell, "☐", size=12, align="center")
    dc.set_table_borders(table, size=4, colour="7F7F7F")


def _head_text(cell: Any, text: str, size: float = 9) -> None:
    for n, line in enumerate(text.split("\n")):
        dc.cell_text(cell, line, bold=True, colour="FFFFFF", size=size, align="center",
                     space_before=2 if n == 0 else 0, space_after=2)


def _page_header(document: Any, session: Session, numbers: list[int],
                 logo_path: Path | None) -> None:
    """Logo, title, dates, place and organisers, and "Page N / M": on every page."""
    from docx.shared import Cm

    lang = session.language
    section = document.sections[0]
    header = section.header
    width = dc.usable_width_cm(document)
    logo = readable_image(logo_path)
    widths = [3.2 if logo else 0.2, width - (3.2 if logo else 0.2) - 3.0, 3.0]
    table = header.add_table(rows=1, cols=3, width=Cm(width))
    table.autofit = False
    dc.size_row(table.rows[0], widths)
    for column, value in zip(table.columns, widths, strict=True):
        column.width = Cm(value)
    logo_cell, text_cell, page_cell = table.rows[0].cells
    if logo:
        dc.add_picture(dc.cell_text(logo_cell), logo, 2.8, t("prepare.sheet.logo_alt", lang))
    dc.cell_text(text_cell, f"{t('prepare.sheet.title', lang)} — {session.title}", size=12,
                 bold=True, colour=ACCENT, space_after=1)
    when = " · ".join(
        f"{_day_label(session, n)}, {format_time(session.days[n - 1].start)}"
        f" – {format_time(session.days[n - 1].end)}" for n in numbers)
    dc.add_text(text_cell, when, size=8.5, colour=GREY, space_after=0)
    facts = [session.venue] if session.venue else []
    facts.append(f"{t('prepare.sheet.organised_by', lang)} {organisers_line(session)}")
    dc.add_text(text_cell, " · ".join(facts), size=8.5, colour=GREY, space_after=0)
    add_page_of_pages(dc.cell_text(page_cell, align="right"),
                      t("prepare.sheet.page", lang, page="{page}", pages="{pages}"), size=9)
    header.paragraphs[0].paragraph_format.space_after = 0


def organisers_line(session: Session) -> str:
    """The Lab, the co-organisers and the sponsor, as one line."""
    names = [session.lab] + [o.name for o in session.organisers]
    if session.sponsor and session.sponsor not in names:
        names.append(session.sponsor)
    return ", ".join(names)


def privacy_notice(session: Session) -> str:
    """The RGPD notice: the session's own, or labkit's default naming the Lab and the contact."""
    if session.privacy_notice:
        return session.privacy_notice
    lang = session.language
    who = ""
    if session.contact:
        who = session.contact.name + (f" ({session.contact.email})" if session.contact.email
                                      else "")
        who = t("prepare.sheet.privacy_contact", lang, who=who)
    return t("prepare.sheet.privacy_default", lang, keeper=session.lab,
             duration=t("prepare.sheet.privacy_duration", lang), contact=who)


def _page_footer(document: Any, session: Session) -> None:
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    dc.fill_paragraph(paragraph, t("prepare.sheet.privacy_title", session.language), size=7.5,
                      bold=True, colour=GREY, space_after=0)
    for chunk in privacy_notice(session).split("\n"):
        if chunk.strip():
            dc.add_text(footer, chunk.strip(), size=7, colour=GREY, space_after=0)
