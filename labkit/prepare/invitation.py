"""The invitation agenda: a one- or two-page Word document sent to the participants.

Title, sponsor, dates, place or remote link, context, questions and objectives, the agenda of each
day with planned times and ASE phases, practical information, and a QR code to the registration
form (or, failing that, to the remote meeting).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from labkit.document.wording import Words
from labkit.i18n import format_date, format_time, t
from labkit.model import Phase, Session, SessionMode, schedule_session
from labkit.model.methods import PAUSE_TYPES
from labkit.prepare import docx_common as dc
from labkit.prepare.wording import session_wording

ACCENT = "1F3864"
LIGHT = "E8EDF5"
GREY = "595959"
JARGON = re.compile(r"\bd[ée]clusion\b", re.IGNORECASE)
"""Facilitator words a guest would not know, replaced on the invitation."""


def guest_title(title: str, lang: str) -> str:
    """A block title in plain words for guests: "Déclusion et questionnaire" -> "Clôture et..."."""
    plain = t("prepare.inv.closing", lang)

    def replace(match: re.Match[str]) -> str:
        return plain if match.start() == 0 else plain.lower()

    return JARGON.sub(replace, title)


def spoken_time(value: dt.time | dt.datetime, lang: str) -> str:
    """A time as written in a French sentence ("8 h 45", "14 h"); "08:45" in English."""
    if lang != "fr":
        return format_time(value)
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def invitation_qr(session: Session) -> tuple[str, str] | None:
    """The URL the invitation's QR code points to and its caption key, or None."""
    if session.urls.registration:
        return session.urls.registration, "prepare.qr.registration"
    if session.remote_link:
        return session.remote_link, "prepare.qr.remote"
    return None


def render_invitation_agenda(session: Session, path: Path | str) -> Path:
    """Write the invitation agenda of `session` to `path` (.docx, atomically); return the path."""
    return dc.save_docx(build_invitation_agenda(session), Path(path))


@session_wording
def build_invitation_agenda(session: Session) -> Any:
    """The invitation agenda as a python-docx Document (not saved)."""
    lang = session.language
    document = dc.new_document(margins_cm=(1.6, 1.8, 1.5, 1.8), font_size=10, lang=lang,
                               title=session.title, subject=session.title,
                               author=session.lab)
    dc.heading_style(document, 1, 13, ACCENT)
    dc.heading_style(document, 2, 11, ACCENT)
    dc.add_text(document, session.lab, size=10, colour=GREY,
                space_after=2).runs[0].font.all_caps = True
    dc.add_text(document, session.title, size=20, bold=True, colour=ACCENT, space_after=2)
    kind = f"{t(f'format.{session.format}', lang)} · {t(f'mode.{session.mode}', lang)}"
    dc.add_text(document, kind[:1].upper() + kind[1:], size=11, colour=GREY, space_after=8)
    _facts(document, session)
    if session.context:
        document.add_paragraph(t("prepare.inv.context", lang), style="Heading 1")
        for chunk in session.context.split("\n\n"):
            if chunk.strip():  # hard-wrapped YAML lines flow into one paragraph
                dc.add_text(document, " ".join(chunk.split()), space_after=3)
    if session.questions:
        key = "prepare.inv.question" if len(session.questions) == 1 else "prepare.inv.questions"
        document.add_paragraph(t(key, lang), style="Heading 1")
        for question in session.questions:
            _bullet(document, question, italic=True)
    if session.objectives:
        document.add_paragraph(t("prepare.inv.objectives", lang), style="Heading 1")
        for objective in session.objectives:
            _bullet(document, objective)
    _agenda(document, session)
    _practical(document, session)
    return document


def _facts(document: Any, session: Session) -> None:
    lang = session.language
    rows: list[tuple[str, str]] = []
    if session.sponsor:
        rows.append((t("prepare.inv.sponsor", lang), session.sponsor))
    dates_key = "prepare.inv.date" if len(session.days) == 1 else "prepare.inv.dates"
    rows.append((t(dates_key, lang), "\n".join(_day_line(session, n)
                                               for n in range(len(session.days)))))
    if session.venue:
        rows.append((t("prepare.place", lang), session.venue))
    if session.remote_link:
        rows.append((t("prepare.remote_link", lang), session.remote_link))
    rows.append((t("prepare.inv.organiser", lang), "\n".join(organiser_lines(session))))
    if session.contact:
        rows.append((t("prepare.inv.contact_label", lang), contact_line(session)))
    qr = invitation_qr(session)
    width = dc.usable_width_cm(document)
    widths = [3.6, width - 3.6 - (4.2 if qr else 0)] + ([4.2] if qr else [])
    table = dc.new_table(document, widths)
    for label, value in rows:
        cells = dc.add_row(table, widths).cells
        dc.set_cell_shading(cells[0], LIGHT)
        dc.cell_text(cells[0], label, bold=True, colour=ACCENT, space_before=2, space_after=2)
        for i, line in enumerate(value.split("\n")):
            dc.cell_text(cells[1], line, space_before=2 if i == 0 else 0, space_after=2)
    if qr:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

        column = [row.cells[2] for row in table.rows]
        merged = column[0].merge(column[-1]) if len(column) > 1 else column[0]
        merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for paragraph in merged.paragraphs[1:]:
            paragraph._element.getparent().remove(paragraph._element)
        dc.add_qr(dc.cell_text(merged, align="center", space_before=3), qr[0], 2.6)
        dc.add_text(merged, t(qr[1], lang), size=8, colour=GREY, align="center")
    dc.set_table_borders(table, size=4, colour="BFBFBF", inside=True)
    dc.add_text(document, space_after=2)


def _day_line(session: Session, index: int) -> str:
    day = session.days[index]
    clock = Words(session.language).time
    text = f"{format_date(day.date, session.language)}, {clock(day.start)} – "
    text += clock(_day_end(session, index))
    return text[:1].upper() + text[1:]


def _day_end(session: Session, index: int) -> dt.time:
    day = session.days[index]
    schedule = schedule_session(session)[index]
    if schedule and schedule[-1].end.time() > day.end:
        return schedule[-1].end.time()
    return day.end


def _bullet(document: Any, text: str, *, italic: bool = False) -> Any:
    try:
        style = document.styles["List Bullet"]
    except KeyError:
        return dc.add_text(document, f"•  {text}", italic=italic, space_after=2)
    return dc.add_text(document, text, italic=italic, style=style, space_after=2)


def _agenda(document: Any, session: Session) -> None:
    lang = session.language
    clock = Words(lang).time  # "9 h 00" in French, as the restitution's agenda writes it
    document.add_paragraph(t("prepare.inv.agenda", lang), style="Heading 1")
    width = dc.usable_width_cm(document)
    widths = [3.3, width - 3.3 - 2.2, 2.2]  # « 10 h 45 – 12 h 20 » on one line
    for index, day_plan in enumerate(schedule_session(session)):
        day_title = format_date(session.days[index].date, lang)
        day_title = day_title[:1].upper() + day_title[1:]
        if len(session.days) > 1:
            day_title = f"{t('word.day', lang)} {index + 1} — {day_title}"
        document.add_paragraph(day_title, style="Heading 2")
        table = dc.new_table(document, widths)
        head = dc.add_row(table, widths)
        dc.repeat_as_header(head)
        for cell, key in zip(head.cells, ("time", "sequence", "phase"), strict=True):
            dc.set_cell_shading(cell, ACCENT)
            dc.cell_text(cell, t(f"prepare.inv.col.{key}", lang), bold=True, colour="FFFFFF",
                         space_before=1, space_after=1)
        for item in day_plan:
            row = dc.add_row(table, widths)
            dc.keep_row_together(row)
            cells = row.cells
            pause = item.block.method_type in PAUSE_TYPES
            style = {"italic": pause, "colour": GREY if pause else None}
            times = f"{clock(item.start)} – {clock(item.end)}"
            dc.cell_text(cells[0], times, space_before=1, space_after=1, **style)
            dc.cell_text(cells[1], guest_title(item.block.title, lang), bold=not pause,
                         space_before=1,
                         space_after=1, **style)
            phase = "" if item.block.phase == Phase.NONE else t(f"phase.{item.block.phase}", lang)
            dc.cell_text(cells[2], phase, space_before=1, space_after=1, **style)
            if pause:
                for cell in cells:
                    dc.set_cell_shading(cell, "F2F2F2")
        dc.set_table_borders(table, size=4, colour="BFBFBF")
    phases = {b.phase for _, b in session.blocks()} - {Phase.NONE}
    if phases:
        legend = " · ".join(t(f"prepare.inv.phase.{p}", lang) for p in Phase if p in phases)
        dc.add_text(document, legend, size=8, colour=GREY, space_before=3)


def _practical(document: Any, session: Session) -> None:
    lang = session.language
    document.add_paragraph(t("prepare.inv.practical", lang), style="Heading 1")
    lines: list[str] = []
    hours = {(d.start, _day_end(session, i)) for i, d in enumerate(session.days)}
    if len(hours) == 1:
        start, end = next(iter(hours))
        lines.append(t("prepare.inv.hours", lang, start=spoken_time(start, lang),
                       end=spoken_time(end, lang)))
    for n, day_plan in enumerate(schedule_session(session), 1):
        for item in day_plan:
            if item.block.method_type == "lunch" and session.mode != SessionMode.REMOTE:
                day = f" ({t('word.day', lang).lower()} {n})" if len(session.days) > 1 else ""
                lines.append(t("prepare.inv.lunch", lang, start=spoken_time(item.start, lang),
                               end=spoken_time(item.end, lang), day=day))
    if session.venue:
        lines.append(t("prepare.inv.venue", lang, venue=session.venue))
    if session.remote_link:
        lines.append(t("prepare.inv.remote", lang, link=session.remote_link))
    if session.urls.registration:
        lines.append(t("prepare.inv.register", lang, url=session.urls.registration,
                       date=_registration_deadline(session)))
    lines.append(t("prepare.inv.first_names", lang))
    if session.contact:
        lines.append(t("prepare.inv.contact_named", lang, contact=contact_line(session)))
    else:
        lines.append(t("prepare.inv.contact", lang, lab=session.lab))
    for line in lines:
        _bullet(document, line)
    if session.access.strip():
        document.add_paragraph(t("prepare.inv.access", lang), style="Heading 2")
        for chunk in session.access.split("\n\n"):
            if chunk.strip():
                dc.add_text(document, " ".join(chunk.split()), space_after=3)


def organiser_lines(session: Session) -> list[str]:
    """The Lab, then each co-organiser with its role: "DREETS (co-organisateur)"."""
    lines = [session.lab]
    for organiser in session.organisers:
        lines.append(f"{organiser.name} ({organiser.role})" if organiser.role else organiser.name)
    return lines


def contact_line(session: Session) -> str:
    """The contact as one line: "Camille Durand · camille@... · 03 20 ..."."""
    contact = session.contact
    if contact is None:
        return session.lab
    return " · ".join(part for part in (contact.name, contact.email, contact.phone) if part)


def _registration_deadline(session: Session) -> str:
    from labkit.prepare.retroplanning import session_tasks, working_due
    from labkit.prepare.workdays import session_working_days

    first = session.days[0].date
    task = next((x for x in session_tasks(session) if x.id == "registrations"), None)
    due = (working_due(task, first, session_working_days(session))[0] if task
           else first - dt.timedelta(days=30))
    return format_date(due, session.language, "long")
