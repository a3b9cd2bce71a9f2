"""A world-café table: its question, its host, who sits there and where each goes next.

A compact card (narrow terminals, 80 columns) is one head line holding the question, then the
seats, host first, on as few lines as their names take: five tables of eight fit in 80×24. A full
card (120 columns and more, about 20 columns wide each) gives the team at the table its own line,
under the head, so that it is not cut off."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from labkit.i18n import t
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import show


@dataclass(frozen=True)
class Seat:
    """Someone at a table this round, and their table next round (None: unknown or last)."""

    name: str
    host: bool = False
    next_table: int | None = None
    absent: bool = False
    """Not in the room this round (absent, or gone: `left`)."""
    left: bool = False
    """Came, then left (said « parti·e », not « absent·e »)."""


@dataclass(frozen=True)
class TableView:
    """What a table card shows."""

    number: int
    question_number: int
    question: str
    seats: tuple[Seat, ...]
    ideas: int
    selected: bool = False
    compact: bool = False
    team: str | None = None
    """The team at the table this round (a café with `teams`), or None."""


class TableCard(Vertical):
    """One table of the current round (attributes down: the screen sets `view`)."""

    view: reactive[TableView | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Plain(classes="card-head")
        yield Plain(classes="card-team")
        yield Plain(classes="card-question")
        yield Plain(classes="card-seats")

    def watch_view(self, view: TableView | None) -> None:
        if view is None or not self.is_mounted:
            return
        self.set_class(view.selected, "-selected")
        self.set_class(view.compact, "-compact")
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(("▶ " if view.selected else "") + f"T{view.number} · Q{view.question_number}",
                    style="bold")
        team = t("tui.cafe.team", team=view.team) if view.team else ""
        if team and view.compact:
            head.append(f" · {team}", style="bold")
        head.append(f" · {t('tui.cafe.ideas_count', count=view.ideas)}")
        if view.compact:
            head.append(f" · {view.question}", style="italic")
        show(self.query_one(".card-head", Static), head)
        team_line = self.query_one(".card-team", Static)
        team_line.display = bool(team) and not view.compact
        show(team_line, Text(team, style="bold", no_wrap=True, overflow="ellipsis"))
        show(self.query_one(".card-question", Static),
             Text(view.question, style="italic", no_wrap=True, overflow="ellipsis"))
        seats = Text()
        for index, seat in enumerate(view.seats):
            style = "strike" if seat.absent else ("bold" if seat.host else "")
            if seat.host:
                seats.append(f"★ {seat.name} ({t('tui.cafe.host')})", style=style)
                seats.append(" · " if view.compact and index < len(view.seats) - 1 else "\n")
                continue
            seats.append(seat.name, style=style)
            if seat.absent:
                seats.append(f" ({t('tui.presence.left' if seat.left else 'tui.presence.absent')})")
            elif seat.next_table is not None:
                seats.append(f"→T{seat.next_table}", style="bold")
            if index < len(view.seats) - 1:
                seats.append(" · ")
        if not view.seats:
            seats.append(t("tui.cafe.nobody"), style="dim")
        show(self.query_one(".card-seats", Static), seats, layout=True)

    def on_mount(self) -> None:
        self.watch_view(self.view)
