"""All printed materials of a session in one go: `labkit materials SESSION --out DIR`.

Writes table cards, route cards, badges and one sign-in sheet per day, and says what it left out
and why (no world café, no saved seating plan, no URL for the QR codes...).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from labkit.i18n import t
from labkit.model import Session
from labkit.prepare.attendance import SheetOptions, render_attendance_sheet
from labkit.prepare.badges import render_badges
from labkit.prepare.route_cards import render_route_cards
from labkit.prepare.seating import ROUTE_METHODS, SavedPlans, load_saved_plans
from labkit.prepare.table_cards import render_table_cards, table_card_url

TABLE_CARDS_FILE = "table-cards.docx"
ROUTE_CARDS_FILE = "route-cards.docx"
BADGES_FILE = "badges.docx"


@dataclass
class MaterialsResult:
    """The files written, and notes for the facilitator (in the session's language)."""

    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def attendance_file(session: Session, day_number: int | None = None) -> str:
    """The sign-in sheet's file name: "emargement.docx", or "emargement-jour-1.docx" for a day."""
    if day_number is None:
        return t("prepare.sheet.file_all", session.language)
    return t("prepare.sheet.file", session.language, n=day_number)


def write_materials(
    session: Session,
    out_dir: Path | str,
    *,
    rotations_dir: Path | None = None,
    url: str | None = None,
    join_urls: Mapping[int, str] | None = None,
    sheet_per_day: bool = False,
    sheet: SheetOptions | None = None,
    card_back: str = "text",
) -> MaterialsResult:
    """Write every printed document of `session` into `out_dir` (created when missing).

    `rotations_dir` holds the saved seating plans (`<block id>.json`); `url` overrides the QR
    code of the table cards (default: the session's resources or shared-folder URL);
    `join_urls` (table number -> address) puts each table's phone join link there instead. The
    sign-in sheet covers every day, or one file per day with `sheet_per_day`; `sheet` holds its
    options (remote-attendance boxes, logo). `card_back` is "text" (editable in Word) or
    "image" (for LibreOffice, which does not turn text boxes).
    """
    lang = session.language
    out = Path(out_dir)
    result = MaterialsResult()
    plans = load_saved_plans(rotations_dir, session) if rotations_dir else SavedPlans()
    result.notes += plans.problems

    cards = render_table_cards(session, out / TABLE_CARDS_FILE, url=url, back=card_back,
                               join_urls=join_urls)  # fmt: skip
    if cards:
        result.paths.append(cards)
        if card_back == "text":
            result.notes.append(t("prepare.note.card_back_text", lang))
        if not join_urls and not table_card_url(session, url):
            result.notes.append(t("prepare.note.no_card_url", lang))
    else:
        result.notes.append(t("prepare.note.no_cafe", lang))

    routes = render_route_cards(session, out / ROUTE_CARDS_FILE, plans)
    if routes:
        result.paths.append(routes)
        missing = [block.id for _, block in session.blocks()
                   if block.method_type in ROUTE_METHODS and block.id not in plans.plans]
        if missing:
            result.notes.append(t("prepare.note.no_plan", lang, blocks=", ".join(missing)))
    elif not any(block.method_type in ROUTE_METHODS for _, block in session.blocks()):
        result.notes.append(t("prepare.note.no_routes", lang))
    else:
        result.notes.append(t("prepare.note.no_route_people", lang))

    badge_path = render_badges(session, out / BADGES_FILE)
    if badge_path:
        result.paths.append(badge_path)
    else:
        result.notes.append(t("prepare.note.no_participants", lang))

    if sheet_per_day:
        for number in range(1, len(session.days) + 1):
            path = out / attendance_file(session, number)
            result.paths.append(render_attendance_sheet(session, number, path, sheet))
    else:
        path = out / attendance_file(session)
        result.paths.append(render_attendance_sheet(session, None, path, sheet))
    return result
