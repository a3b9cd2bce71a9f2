"""Name badges: first name and organisation in large print, ten 9 × 5.4 cm badges per A4 page,
the session's title (shortened) and dates in small type at the foot of each.

Badges sit in a grid of fixed-height rows that never split, so that Word and LibreOffice both
break pages between rows; a thick left edge in the stakeholder group's colour helps people find
the mix of groups at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labkit.document.text import shorten
from labkit.document.wording import Words
from labkit.i18n import t
from labkit.model import Role, Session
from labkit.model.text import fold
from labkit.prepare import docx_common as dc
from labkit.prepare.wording import session_wording

BADGE_WIDTH_CM = 9.0
BADGE_HEIGHT_CM = 5.4
COLUMNS = 2
MARGINS_CM = (1.3, 1.5, 1.0, 1.5)
NAME_SIZES = ((8, 40.0), (11, 34.0), (14, 28.0), (18, 22.0))
EVENT_CHARS = 68
"""The foot line (title · dates) at 7 pt: about what 8 cm of Arial holds."""


@dataclass(frozen=True)
class Badge:
    """What one badge says."""

    first_name: str
    organisation: str | None
    group_label: str | None
    colour: str
    role: str | None


def badges(session: Session) -> list[Badge]:
    """A badge per person of the session, sorted by first name (for the welcome desk).

    The group's name is left off the badges of vulnerable groups (e.g. job seekers): their
    badge shows the group only by its colour.
    """
    lang = session.language
    found = []
    for person in sorted(session.participants, key=lambda p: fold(p.first_name)):
        group = session.group(person.group)
        role = None
        if person.role not in (Role.PARTICIPANT,):
            role = t(f"role.{person.role}", lang)
            role = role[:1].upper() + role[1:]
        found.append(Badge(
            first_name=person.first_name,
            organisation=person.organisation,
            group_label=None if group is None or group.vulnerable else group.label,
            colour=(group.colour if group else "#888888").lstrip("#"),
            role=role,
        ))
    return found


def render_badges(session: Session, path: Path | str) -> Path | None:
    """Write the badges to `path`; None (nothing written) when the session has no participants."""
    document = build_badges(session)
    return dc.save_docx(document, Path(path)) if document is not None else None


@session_wording
def build_badges(session: Session) -> Any:
    """The badges as a python-docx Document, or None without participants."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    found = badges(session)
    if not found:
        return None
    lang = session.language
    document = dc.new_document(margins_cm=MARGINS_CM, lang=lang,
                               title=t("prepare.badges.title", lang), subject=session.title,
                               author=session.lab)
    event = event_line(session)
    widths = [BADGE_WIDTH_CM] * COLUMNS
    table = dc.new_table(document, widths)
    for start in range(0, len(found), COLUMNS):
        row = dc.add_row(table, widths)
        dc.set_row_height(row, BADGE_HEIGHT_CM, exact=True)
        dc.keep_row_together(row)
        for cell, badge in zip(row.cells, found[start:start + COLUMNS], strict=False):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            dc.set_cell_margins(cell, top=0.2, right=0.4, bottom=0.2, left=0.6)
            dc.set_cell_borders(cell, left=("single", 48, badge.colour))
            _badge(cell, badge, session, event)
        for cell in row.cells[len(found[start:start + COLUMNS]):]:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    dc.set_table_borders(table, style="dashed", size=4, colour="A6A6A6")
    dc.add_tail(document)
    return document


def event_line(session: Session) -> str:
    """ "Garde d'enfants des parents… · jeudi 8 avril 2027": the title shortened to fit."""
    lang = session.language
    dates = Words(lang).dates([day.date for day in session.days])
    room = EVENT_CHARS - len(t("prepare.badges.event", lang, title="", dates=dates))
    return t("prepare.badges.event", lang, title=shorten(session.title, max(room, 12)),
             dates=dates)  # fmt: skip


def _badge(cell: Any, badge: Badge, session: Session, event: str) -> None:
    dc.cell_text(cell, session.lab, size=8, colour="7F7F7F", space_after=4)
    size = dc.fit_size(badge.first_name, NAME_SIZES, 18.0)
    dc.add_text(cell, badge.first_name, size=size, bold=True, colour="1F1F1F", space_after=2)
    if badge.organisation:
        org_size = 15.0 if len(badge.organisation) <= 28 else 12.0
        dc.add_text(cell, badge.organisation, size=org_size, colour="404040", space_after=2)
    caption = badge.role or badge.group_label
    if caption:
        dc.add_text(cell, caption, size=10, bold=True, colour=dc.readable_colour(badge.colour))
    dc.add_text(cell, event, size=7, colour="7F7F7F", space_before=3)
