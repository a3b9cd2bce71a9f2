"""Participant route cards: first name, group, table per round and interview partner.

Cards are laid out two per row on A4 portrait, rows never split across pages, with dashed cutting
lines. The content comes from `labkit.prepare.seating` (saved plans, or a note when none is saved).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from labkit.i18n import t
from labkit.model import Session
from labkit.prepare import docx_common as dc
from labkit.prepare.seating import RouteCard, SavedPlans, route_cards
from labkit.prepare.wording import session_wording

CARD_WIDTH_CM = 9.0
COLUMNS = 2
MIN_HEIGHT_CM = 6.0
MARGINS_CM = (1.2, 1.5, 1.2, 1.5)
ACCENT = "1F3864"
GREY = "595959"


def render_route_cards(session: Session, path: Path | str, plans: SavedPlans) -> Path | None:
    """Write the route cards to `path`; None (nothing written) when no card has content."""
    document = build_route_cards(session, plans)
    return dc.save_docx(document, Path(path)) if document is not None else None


@session_wording
def build_route_cards(session: Session, plans: SavedPlans) -> Any:
    """The route cards as a python-docx Document, or None when no participant needs one."""
    cards = route_cards(session, plans)
    if not cards:
        return None
    lang = session.language
    document = dc.new_document(margins_cm=MARGINS_CM, font_size=10, lang=lang,
                               title=t("prepare.route.title", lang), subject=session.title,
                               author=session.lab)
    dc.add_text(document, t("prepare.route.heading", lang, title=session.title), size=11,
                bold=True, colour=ACCENT, space_after=6)
    widths = [CARD_WIDTH_CM] * COLUMNS
    table = dc.new_table(document, widths)
    for start in range(0, len(cards), COLUMNS):
        row = dc.add_row(table, widths)
        dc.set_row_height(row, MIN_HEIGHT_CM)
        dc.keep_row_together(row)
        for cell, card in zip(row.cells, cards[start:start + COLUMNS], strict=False):
            dc.set_cell_margins(cell, top=0.25, right=0.35, bottom=0.25, left=0.5)
            dc.set_cell_borders(cell, left=("single", 36, card.group_colour.lstrip("#")))
            _card(cell, card, session)
    dc.set_table_borders(table, style="dashed", size=4, colour="A6A6A6")
    dc.add_tail(document)
    return document


def _card(cell: Any, card: RouteCard, session: Session) -> None:
    lang = session.language
    colon = " : " if lang == "fr" else ": "
    dc.cell_text(cell, card.participant.first_name, size=20, bold=True,
                 space_after=6 if card.group_label is None else 0)
    if card.group_label is not None:  # never beside the name of a vulnerable group's member
        dc.add_text(cell, card.group_label, size=10, bold=True,
                    colour=dc.readable_colour(card.group_colour), space_after=6)
    for section in card.sections:
        heading = dc.add_text(cell, section.title, size=10.5, bold=True, colour=ACCENT,
                              space_before=2, space_after=1)
        dc.add_run(heading, f"  {section.when}", size=9, colour=GREY)
        for line in section.lines:
            paragraph = dc.add_text(cell, f"{line.label}{colon}", size=11, space_after=0)
            dc.add_run(paragraph, line.value, size=11, bold=True)
        if section.note:
            dc.add_text(cell, section.note, size=9, italic=True, colour=GREY, space_after=2)
