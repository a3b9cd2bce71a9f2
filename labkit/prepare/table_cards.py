"""World-café table cards: one A4 landscape sheet per table, folded in two into a tent card.

The lower half (the front) holds the table number, the table's question, the host and a QR code
to a configured URL; the upper half repeats the number and the question(s), one per line, upside
down in a text box (still text, editable in Word), so that the card reads from both sides of the
table once folded along the dashed line.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labkit.docx_kit.textbox import move_into_text_box
from labkit.i18n import format_time, t
from labkit.model import QuestionMode, Session, WorldCafeConfig, schedule_session
from labkit.prepare import docx_common as dc
from labkit.prepare.wording import session_wording

ACCENT = "1F3864"
GREY = "595959"
HALF_CM = 9.3
MARGINS_CM = (1.2, 1.0, 1.0, 1.0)
QR_COLUMN_CM = 5.6
QUESTION_SIZES = ((60, 28.0), (110, 24.0), (170, 20.0), (240, 17.0), (360, 14.0))


@dataclass(frozen=True)
class TableCard:
    """What one table card says."""

    number: int
    block_title: str
    when: str
    question: str | None
    round_questions: tuple[str, ...] = ()
    host: str | None = None
    teams: tuple[str, ...] = ()
    """The team at the table in each round, round 1 first (a café with `teams`)."""


def table_card_url(session: Session, override: str | None = None) -> str | None:
    """The URL of the cards' QR code: `override`, else the resources, else the shared folder."""
    return override or session.urls.resources or session.urls.shared_folder


def table_cards(session: Session) -> list[TableCard]:
    """A card per table of every world café of the session, in agenda order."""
    lang = session.language
    starts = {item.block.id: item.start for day in schedule_session(session) for item in day}
    cards = []
    for day_number, block in session.blocks():
        config = block.method
        if not isinstance(config, WorldCafeConfig):
            continue
        when = format_time(starts[block.id])
        if len(session.days) > 1:
            when = f"{t('word.day', lang)} {day_number} · {when}"
        for number in range(1, config.tables + 1):
            host = None
            if number <= len(config.hosts):
                person = session.participant(config.hosts[number - 1])
                host = person.display_name if person else None
            teams = _teams_at(config, number)
            if config.question_mode == QuestionMode.PER_TABLE:
                question = config.questions[config.question_at(number, 1) - 1]
                cards.append(TableCard(number, block.title, when, question, host=host,
                                       teams=teams))
            else:
                cards.append(TableCard(number, block.title, when, None,
                                       tuple(config.questions), host=host))
    return cards


def _teams_at(config: WorldCafeConfig, table: int) -> tuple[str, ...]:
    """The team at `table` in each round ("—": none that round), empty without teams."""
    from labkit.planning.team_rotation import team_at_table

    if not config.teams:
        return ()
    return tuple(team_at_table(config.teams, table, r, config.tables) or "—"
                 for r in range(1, config.rounds + 1))


def render_table_cards(
    session: Session, path: Path | str, *, url: str | None = None, back: str = "text",
    join_urls: Mapping[int, str] | None = None,
) -> Path | None:  # fmt: skip
    """Write the table cards to `path`; None (nothing written) when the session has no café."""
    document = build_table_cards(session, url=url, back=back, join_urls=join_urls)
    return dc.save_docx(document, Path(path)) if document is not None else None


@session_wording
def build_table_cards(session: Session, *, url: str | None = None, back: str = "text",
                      join_urls: Mapping[int, str] | None = None) -> Any:  # fmt: skip
    """The table cards as a python-docx Document, or None without a world café.

    `back` is "text" (an upside-down text box, editable in Word; LibreOffice 7.4 shows it
    upright) or "image" (a picture of the same text, upside down everywhere). With `join_urls`
    (table number -> the table's `labkit serve` join link), each card's QR code lets the table's
    participants contribute from their phones.
    """
    cards = table_cards(session)
    if not cards:
        return None
    lang = session.language
    url = table_card_url(session, url) if not join_urls else next(iter(join_urls.values()))
    document = dc.new_document(landscape=True, margins_cm=MARGINS_CM, lang=lang,
                               title=t("prepare.cards.title", lang), subject=session.title,
                               author=session.lab)
    width = dc.usable_width_cm(document)
    widths = [width - QR_COLUMN_CM, QR_COLUMN_CM] if url else [width]
    table = dc.new_table(document, widths)
    for card in cards:
        upper = dc.add_row(table, widths)
        dc.set_row_height(upper, HALF_CM, exact=True)
        dc.keep_row_together(upper)
        cell = upper.cells[0].merge(upper.cells[-1]) if url else upper.cells[0]
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if back == "image":
            image = back_face_png(card, session, width_cm=width - 0.6, height_cm=HALF_CM - 0.6)
            dc.add_picture(dc.cell_text(cell, align="center"), image, width - 0.6,
                           t("prepare.cards.back_alt", lang, n=card.number))
        else:
            _back(cell, card, session, width - 0.6)
        front = dc.add_row(table, widths)
        dc.set_row_height(front, HALF_CM, exact=True)
        dc.keep_row_together(front)
        own = join_urls.get(card.number) if join_urls else url
        _front(front.cells, card, session, own, phone=bool(join_urls))
        for row, fold in ((upper, False), (front, True)):
            for c in row.cells:
                dc.set_cell_borders(c, top=("dashed", 6, "A6A6A6") if fold else None,
                                    bottom=None, left=None, right=None)
    dc.add_tail(document)
    return document


def _front(cells: Any, card: TableCard, session: Session, url: str | None,
           phone: bool = False) -> None:  # fmt: skip
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    lang = session.language
    main = cells[0]
    main.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    dc.cell_text(main, f"{card.block_title} · {card.when}", size=10, colour=GREY, space_after=2)
    dc.add_text(main, t("prepare.cards.table", lang, n=card.number), size=54, bold=True,
                colour=ACCENT, space_after=4)
    if card.question:
        size = dc.fit_size(card.question, QUESTION_SIZES, 11.0)
        dc.add_text(main, card.question, size=size, bold=True, space_after=6)
    for n, question in enumerate(card.round_questions, 1):
        label = t("prepare.route.round", lang, n=n)
        dc.add_text(main, f"{label} : {question}" if lang == "fr" else f"{label}: {question}",
                    size=dc.fit_size(question, QUESTION_SIZES[2:], 11.0) - 4, space_after=2)
    if card.host:
        dc.add_text(main, t("prepare.cards.host", lang, name=card.host), size=12, colour=GREY)
    if card.teams:
        rounds = " · ".join(t("prepare.cards.team_round", lang, round=n, team=team)
                            for n, team in enumerate(card.teams, 1))
        dc.add_text(main, t("prepare.cards.teams", lang, rounds=rounds), size=11, colour=GREY)
    if url:
        side = cells[1]
        side.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        dc.add_qr(dc.cell_text(side, align="center"), url, 4.4)
        caption = t("prepare.cards.qr_phone" if phone else "prepare.cards.qr", lang)
        dc.add_text(side, caption, size=9, colour=GREY, align="center")


# -- the back face: the same text, upside down in a text box -----------------------------------
def back_lines(card: TableCard, lang: str) -> list[str]:
    """The back's question lines: the table's question, or one line per round's question."""
    if card.question:
        return [card.question]
    colon = " : " if lang == "fr" else ": "
    return [f"{t('prepare.route.round', lang, n=n)}{colon}{q}"
            for n, q in enumerate(card.round_questions, 1)]


def _back(cell: Any, card: TableCard, session: Session, width_cm: float) -> None:
    lang = session.language
    anchor = dc.cell_text(cell, align="center")
    lines = back_lines(card, lang)
    longest = max((len(line) for line in lines), default=0)
    steps = QUESTION_SIZES if len(lines) == 1 else QUESTION_SIZES[2:]
    size = dc.fit_size("x" * longest, steps, 11.0) - (0 if len(lines) == 1 else 3 * (
        len(lines) > 3))
    paragraphs = [dc.add_text(cell, t("prepare.cards.table", lang, n=card.number), size=44,
                              bold=True, colour=ACCENT, align="center", space_after=6)]
    paragraphs += [dc.add_text(cell, line, size=size, bold=len(lines) == 1, align="center",
                               space_after=4) for line in lines]
    move_into_text_box(anchor, paragraphs, width_cm=width_cm, height_cm=HALF_CM - 0.8,
                       rotation=180, descr=t("prepare.cards.back_alt", lang, n=card.number))


# -- the upside-down back face, drawn as an image (Word cannot turn text by 180°) --------------
_FONT_CANDIDATES = (
    "arialbd.ttf",
    "Arial Bold.ttf",
    "LiberationSans-Bold.ttf",
    "DejaVuSans-Bold.ttf",
)


def _font(size_px: int) -> Any:
    from PIL import ImageFont

    for name in _FONT_CANDIDATES:
        try:
            return ImageFont.truetype(name, size_px)
        except OSError:
            continue
    bundled = _matplotlib_font()
    if bundled:
        return ImageFont.truetype(str(bundled), size_px)
    return ImageFont.load_default(size=size_px)


def _matplotlib_font() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
    return path if path.is_file() else None


def _wrap(draw: Any, text: str, font: Any, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def back_face_png(
    card: TableCard, session: Session, *, width_cm: float, height_cm: float, dpi: int = 150
) -> io.BytesIO:
    """The card's number and question, centred and turned upside down, as a PNG."""
    from PIL import Image, ImageDraw

    width, height = round(width_cm / 2.54 * dpi), round(height_cm / 2.54 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    title_font = _font(round(54 / 72 * dpi))
    title = t("prepare.cards.table", session.language, n=card.number)
    texts = back_lines(card, session.language)
    size_pt = dc.fit_size(max(texts, key=len), QUESTION_SIZES if len(texts) == 1
                          else QUESTION_SIZES[2:], 11.0)
    while True:
        body_font = _font(round(size_pt / 72 * dpi))
        lines = [line for text in texts for line in _wrap(draw, text, body_font,
                                                           int(width * 0.92))]
        line_height = round(size_pt / 72 * dpi * 1.25)
        total = round(54 / 72 * dpi * 1.3) + line_height * len(lines)
        if total <= height * 0.95 or size_pt <= 9:
            break
        size_pt -= 1
    y = max(0, (height - total) // 2)
    draw.text((width // 2, y), title, font=title_font, fill=0x1F, anchor="mt")
    y += round(54 / 72 * dpi * 1.3)
    for line in lines:
        draw.text((width // 2, y), line, font=body_font, fill=0, anchor="mt")
        y += line_height
    buffer = io.BytesIO()
    image.rotate(180).save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer
